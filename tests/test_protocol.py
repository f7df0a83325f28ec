"""The plain-data wire format between the grader and the worker (JSON + .npy, never pickle)."""

import io
import json
import math
import struct
import time
import tracemalloc

import numpy as np
import pytest

from autograder.sandbox.protocol import (
    BLOB_LEN,
    HEADER,
    Bounds,
    FrameReader,
    Handle,
    ProtocolError,
    Strided,
    Unencodable,
    decode,
    decode_array,
    encode,
    pack_frame,
)


def over_the_wire(value):
    """Encode, pack into a frame, read the frame back and decode: the full round trip."""
    doc, blobs = encode(value)
    reader = FrameReader()
    reader.feed(pack_frame({"value": doc}, blobs))
    frame = reader.take()
    assert frame is not None
    message, received = frame
    assert reader.take() is None
    return decode(message["value"], received)


def npy(header, payload=b"", version=1):
    """Hand-built .npy bytes: magic, version, header length, header text, payload."""
    text = header.encode("latin1")
    length = struct.pack("<H", len(text)) if version == 1 else struct.pack("<I", len(text))
    return b"\x93NUMPY" + bytes([version, 0]) + length + text + payload


def npy_of(array, **kwargs):
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, **kwargs)
    return buffer.getvalue()


def frame_bytes(json_body, blobs=()):
    parts = [HEADER.pack(len(json_body), len(blobs)), json_body]
    for blob in blobs:
        parts += [BLOB_LEN.pack(len(blob)), blob]
    return b"".join(parts)


# --- round trips ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        False,
        0,
        -7,
        2**63 - 1,
        -(2**63) + 1,
        2**63,
        -(2**63),
        10**40,
        -(10**40),
        1.5,
        -2.25e-300,
        1e308,
        "",
        "plain",
        'unicode: äöü ✓ 漢字 \n\t"quotes"',
        "$nd",
        [],
        [1, "two", None, 3.0],
        (),
        (1, 2),
        ("a", (1, (2.5, None))),
        {},
        {"a": 1, "b": [1, 2], "$nd": "not a tag inside a dict"},
        {"outer": {"inner": (1, [2, {"deep": (3,)}])}, "list": [(), [], {}]},
    ],
    ids=repr,
)
def test_do_plain_values_survive_the_round_trip(value):
    result = over_the_wire(value)
    assert result == value
    assert type(result) is type(value)


def test_do_tuples_stay_tuples_and_lists_stay_lists_when_nested():
    result = over_the_wire({"t": (1, [2, (3,)]), "l": [(4, 5)]})
    assert type(result["t"]) is tuple
    assert type(result["t"][1]) is list
    assert type(result["t"][1][1]) is tuple
    assert type(result["l"][0]) is tuple


@pytest.mark.parametrize("value", [2**63, -(2**63), 2**64 + 1, -(10**30)])
def test_are_ints_beyond_64_bits_sent_as_bigint_strings(value):
    doc, blobs = encode(value)
    assert doc == {"$bigint": str(value)}
    assert blobs == []
    assert json.loads(json.dumps(doc)) == doc


@pytest.mark.parametrize("value", [2**63 - 1, -(2**63) + 1, 0])
def test_are_ints_within_64_bits_sent_as_plain_json_numbers(value):
    doc, _ = encode(value)
    assert doc == value
    assert type(doc) is int


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_do_non_finite_floats_survive_the_round_trip(value):
    result = over_the_wire(value)
    assert type(result) is float
    if math.isnan(value):
        assert math.isnan(result)
    else:
        assert result == value


def test_does_negative_zero_keep_its_sign():
    result = over_the_wire(-0.0)
    assert result == 0.0
    assert math.copysign(1.0, result) == -1.0


DTYPES = [
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
    ">i4",
    ">f8",
]


@pytest.mark.parametrize("dtype", DTYPES)
def test_do_arrays_of_every_numeric_dtype_survive_the_round_trip(dtype):
    rng = np.random.default_rng(0)
    array = (rng.standard_normal((3, 4)) * 50).astype(dtype)
    if np.dtype(dtype).kind == "c":
        array = array + 1j * np.arange(12).reshape(3, 4).astype(dtype)
    result = over_the_wire(array)
    assert isinstance(result, np.ndarray)
    assert result.dtype == array.dtype
    assert result.shape == (3, 4)
    np.testing.assert_array_equal(result, array)


@pytest.mark.parametrize("shape", [(0,), (2, 0, 3), (1,), (2, 3, 4, 1)])
def test_do_arrays_of_unusual_shapes_survive_the_round_trip(shape):
    array = np.arange(math.prod(shape), dtype=np.float32).reshape(shape)
    result = over_the_wire(array)
    assert result.shape == shape
    assert result.dtype == np.float32
    np.testing.assert_array_equal(result, array)


def test_do_nan_and_inf_inside_arrays_survive_the_round_trip():
    array = np.array([np.nan, np.inf, -np.inf, 1.0])
    result = over_the_wire(array)
    np.testing.assert_array_equal(result, array)


def test_is_a_zero_dimensional_array_still_an_array_after_the_round_trip():
    array = np.array(3.5, dtype=np.float32)
    result = over_the_wire(array)
    assert isinstance(result, np.ndarray)
    assert result.ndim == 0
    assert result.dtype == np.float32
    assert result[()] == np.float32(3.5)


@pytest.mark.parametrize(
    "value",
    [
        np.bool_(True),
        np.int8(-3),
        np.int16(300),
        np.int32(-70000),
        np.int64(2**62),
        np.uint8(255),
        np.uint64(2**64 - 1),
        np.float16(0.5),
        np.float32(1.25),
        np.complex64(1 - 2j),
        np.complex128(3 + 4j),
        pytest.param(np.float64(1.5)),
        pytest.param(np.float64("nan")),
    ],
    ids=lambda v: f"{type(v).__name__}({v})",
)
def test_do_numpy_scalars_come_back_as_numpy_scalars_of_the_same_dtype(value):
    result = over_the_wire(value)
    assert type(result) is type(value)
    assert result.dtype == value.dtype
    assert result == value or (np.isnan(result) and np.isnan(value))


@pytest.mark.parametrize(
    "array",
    [
        np.asfortranarray(np.arange(12.0).reshape(3, 4)),
        np.arange(24, dtype=np.int32).reshape(2, 3, 4).T,
    ],
    ids=["asfortranarray", "transposed"],
)
def test_do_fortran_ordered_arrays_stay_fortran_contiguous(array):
    assert array.flags.f_contiguous and not array.flags.c_contiguous
    result = over_the_wire(array)
    assert result.flags.f_contiguous
    assert not result.flags.c_contiguous
    assert result.shape == array.shape
    np.testing.assert_array_equal(result, array)


@pytest.mark.parametrize(
    "make_view",
    [
        lambda a: a[::2, 1::3],
        lambda a: a[:, ::-1],
        lambda a: a[::-2, ::2],
        lambda a: a[1:4, 2:5],
    ],
    ids=["every-other", "reversed", "reversed-strided", "window"],
)
def test_do_non_contiguous_arrays_come_back_equal(make_view):
    view = make_view(np.arange(60.0).reshape(6, 10))
    assert not (view.flags.c_contiguous or view.flags.f_contiguous)
    result = over_the_wire(view)
    assert result.shape == view.shape
    np.testing.assert_array_equal(result, view)


@pytest.mark.parametrize("step", [(2, 1), (1, 2), (2, 3), (3, 3)])
def test_does_a_strided_value_arrive_as_a_non_contiguous_view(step):
    base = np.arange(42.0).reshape(6, 7)
    result = over_the_wire(Strided(base, step))
    expected = base[:: step[0], :: step[1]]
    assert isinstance(result, np.ndarray)
    assert not result.flags.c_contiguous
    assert result.shape == expected.shape
    np.testing.assert_array_equal(result, expected)


def test_is_only_the_base_of_a_strided_value_sent():
    base = np.arange(42.0).reshape(6, 7)
    doc, blobs = encode(Strided(base, (2, 3)))
    assert doc == {"$strided": 0, "step": [2, 3]}
    assert len(blobs) == 1
    np.testing.assert_array_equal(decode_array(blobs[0]), base)


def test_does_a_handle_survive_the_round_trip():
    result = over_the_wire([Handle(7, "Linear"), {"h": Handle(0, "iterator")}])
    assert result == [Handle(7, "Linear"), {"h": Handle(0, "iterator")}]
    assert isinstance(result[0], Handle)


def test_do_several_arrays_in_one_value_keep_their_own_blobs():
    value = {"x": np.ones((2, 2)), "y": (np.zeros(3, dtype=np.int8), np.int16(4))}
    _, blobs = encode(value)
    assert len(blobs) == 3
    result = over_the_wire(value)
    np.testing.assert_array_equal(result["x"], value["x"])
    np.testing.assert_array_equal(result["y"][0], value["y"][0])
    assert result["y"][1] == np.int16(4)


def test_is_a_decoded_array_writable_and_independent_of_the_blob():
    blob = npy_of(np.arange(4.0))
    result = decode_array(blob)
    result[0] = 99.0
    np.testing.assert_array_equal(decode_array(blob), np.arange(4.0))


@pytest.mark.parametrize("version", [(1, 0), (2, 0), (3, 0)])
def test_are_all_npy_format_versions_accepted(version):
    array = np.arange(6, dtype=np.int16).reshape(2, 3)
    np.testing.assert_array_equal(decode_array(npy_of(array, version=version)), array)


# --- what encode refuses ----------------------------------------------------------------


def deeply_nested(depth):
    value = 1
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    "value",
    [
        np.array([1, "a", None], dtype=object),
        np.array([object()]),
        object(),
        {1: "a"},
        {("a",): 1},
        {"ok": 1, 2: "not ok"},
        {1, 2},
        b"bytes",
        1j,
        np.array(["text"]),
        np.array([(1, 2.0)], dtype=[("a", "i4"), ("b", "f8")]),
        np.datetime64("2024-01-01"),
        [1, 2, object()],
        {"nested": (1, {"x": print})},
        deeply_nested(40),
    ],
    ids=lambda v: type(v).__name__,
)
def test_is_unencodable_raised_for_values_without_a_plain_data_form(value):
    with pytest.raises(Unencodable):
        encode(value)


def test_is_an_int_too_long_for_a_string_unencodable():
    with pytest.raises(Unencodable):
        encode(10**5000)


def test_is_unencodable_a_type_error():
    with pytest.raises(TypeError):
        encode(object())


# --- hostile .npy blobs -----------------------------------------------------------------


def test_is_a_pickled_object_array_rejected():
    buffer = io.BytesIO()
    np.save(buffer, np.array([{"evil": 1}, None], dtype=object), allow_pickle=True)
    with pytest.raises(ProtocolError, match="dtype"):
        decode_array(buffer.getvalue())


def test_is_a_hand_built_object_header_rejected():
    blob = npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", b"\x80\x04N.")
    with pytest.raises(ProtocolError, match="dtype"):
        decode_array(blob)


def test_is_a_structured_array_written_by_numpy_rejected():
    array = np.zeros(2, dtype=[("a", "<i4"), ("b", "<f8")])
    with pytest.raises(ProtocolError, match="dtype"):
        decode_array(npy_of(array))


@pytest.mark.parametrize(
    ("descr", "itemsize"),
    [
        ("'i4,f8'", 12),
        ("[('a', '<f8')]", 8),
        ("'(2,)f8'", 16),
        ("'<U2'", 8),
        ("'|S8'", 8),
        ("'|V8'", 8),
        ("'<M8[D]'", 8),
        ("'<m8[s]'", 8),
        ("{'names': ['a'], 'formats': ['<f8']}", 8),
    ],
)
def test_are_non_numeric_dtypes_rejected(descr, itemsize):
    blob = npy(f"{{'descr': {descr}, 'fortran_order': False, 'shape': (1,), }}", b"\0" * itemsize)
    with pytest.raises(ProtocolError, match="dtype"):
        decode_array(blob)


def test_is_a_huge_shape_with_a_tiny_payload_rejected_quickly_without_allocating():
    header = f"{{'descr': '<f8', 'fortran_order': False, 'shape': {(10**12,)!r}, }}"
    blob = npy(header, b"\0" * 8)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ProtocolError, match="payload"):
            decode_array(blob)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 0.5
    assert peak < 1 << 20


@pytest.mark.parametrize("extra", [1, 8, 1000])
def test_is_a_payload_longer_than_the_header_says_rejected(extra):
    with pytest.raises(ProtocolError, match="payload"):
        decode_array(npy_of(np.arange(4.0)) + b"\0" * extra)


@pytest.mark.parametrize("missing", [1, 8, 32])
def test_is_a_payload_shorter_than_the_header_says_rejected(missing):
    with pytest.raises(ProtocolError, match="payload"):
        decode_array(npy_of(np.arange(4.0))[:-missing])


@pytest.mark.parametrize(
    "blob",
    [
        b"",
        b"\x93NUMPY",
        b"\x93NUMPZ\x01\x00\x10\x00" + b" " * 16,
        b"PK\x03\x04" + b"\0" * 40,
        b"\x80\x04\x95" + b"\0" * 40,
    ],
    ids=["empty", "magic-only", "wrong-magic", "zip", "pickle"],
)
def test_is_a_blob_without_the_npy_magic_rejected(blob):
    with pytest.raises(ProtocolError):
        decode_array(blob)


@pytest.mark.parametrize("major", [0, 4, 255])
def test_is_an_unknown_npy_version_rejected(major):
    blob = bytearray(npy_of(np.arange(3.0)))
    blob[6] = major
    with pytest.raises(ProtocolError, match="version"):
        decode_array(bytes(blob))


@pytest.mark.parametrize("claimed", [4000, 5000, 65535])
def test_is_a_header_length_beyond_the_blob_rejected(claimed):
    blob = bytearray(npy_of(np.arange(3.0)))
    blob[8:10] = struct.pack("<H", claimed)
    with pytest.raises(ProtocolError, match="header length"):
        decode_array(bytes(blob))


def test_is_a_truncated_version_2_header_rejected():
    with pytest.raises(ProtocolError):
        decode_array(b"\x93NUMPY\x02\x00\x10")


@pytest.mark.parametrize(
    ("shape", "payload_items"),
    [
        ("(-1,)", 1),
        ("(2, -3)", 6),
        ("(2.0,)", 2),
        ("(True,)", 1),
        ("(1, False)", 0),
        ("(None,)", 1),
        ("('2',)", 2),
        ("[2]", 2),
        ("2", 2),
        ("{2: 2}", 2),
    ],
)
def test_are_negative_or_non_int_shapes_rejected(shape, payload_items):
    header = f"{{'descr': '<f8', 'fortran_order': False, 'shape': {shape}, }}"
    with pytest.raises(ProtocolError, match="shape"):
        decode_array(npy(header, b"\0" * (8 * payload_items)))


@pytest.mark.parametrize(
    "header",
    [
        "{'descr': __import__('os').system('echo pwned'), 'fortran_order': False, 'shape': (1,)}",
        "__import__('os').system('echo pwned')",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (len('x'),)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (10**0,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)",
        "not python at all",
        "[1, 2, 3]",
        "'a string'",
        "{'fortran_order': False, 'shape': (1,)}",
        "{'descr': '<f8', 'shape': (1,)}",
        "{'descr': '<f8', 'fortran_order': False}",
        "{'descr': 'no-such-dtype', 'fortran_order': False, 'shape': (1,)}",
    ],
    ids=[
        "import-call",
        "bare-import",
        "call-in-shape",
        "arithmetic",
        "unclosed",
        "prose",
        "list",
        "string",
        "no-descr",
        "no-fortran-order",
        "no-shape",
        "unknown-dtype",
    ],
)
def test_is_a_header_that_is_not_a_plain_literal_rejected(header):
    with pytest.raises(ProtocolError):
        decode_array(npy(header, b"\0" * 8))


# --- hostile documents ------------------------------------------------------------------


@pytest.fixture
def two_blobs():
    return [npy_of(np.arange(6.0).reshape(2, 3)), npy_of(np.arange(3))]


@pytest.mark.parametrize(
    "doc",
    [
        {},
        {"$pickle": "gASVAAAAAAAAAAA="},
        {"$eval": "__import__('os')"},
        {"a": 1},
        {"$tuple": "not a list"},
        {"$dict": [1, 2]},
        {"$float": "1.0"},
        {"$float": "1e999"},
        {"$float": ["nan"]},
        {"$bigint": 12},
        {"$bigint": "9" * 6000},
        {"$handle": "3"},
        {"$strided": 0},
        {"$strided": 0, "step": "2"},
        [1, {"$unknown": 1}],
        {"$tuple": [1, {"$dict": {"x": {"$nope": 0}}}]},
    ],
    ids=repr,
)
def test_are_unknown_or_malformed_tags_rejected(doc, two_blobs):
    with pytest.raises(ProtocolError):
        decode(doc, two_blobs)


FLOAT_BASE = npy_of(np.zeros((2, 3)))
DEEP_HEADER = npy("-" * 4000 + "1")
EMPTY_BUT_HUGE = npy(f"{{'descr': '<f8', 'fortran_order': False, 'shape': {(0, 10**22)!r}, }}")


@pytest.mark.parametrize(
    ("doc", "blobs"),
    [
        pytest.param({"$bigint": "abc"}, [], id="bigint-not-digits"),
        pytest.param({"$bigint": "1" * 4400}, [], id="bigint-over-int-max-str-digits"),
        pytest.param(
            {"$strided": 0, "step": [1, 1, 1]}, [FLOAT_BASE], id="more-steps-than-dimensions"
        ),
        pytest.param({"$nd": 0}, [DEEP_HEADER], id="deeply-nested-npy-header"),
        pytest.param({"$nd": 0}, [EMPTY_BUT_HUGE], id="empty-array-with-a-huge-dimension"),
    ],
)
def test_do_malformed_values_raise_only_protocol_error(doc, blobs):
    try:
        decode(doc, blobs)
    except ProtocolError:
        return
    except Exception as exc:  # noqa: BLE001 - the point is which type escapes
        raise AssertionError(f"{type(exc).__name__} escaped: {exc}") from None
    raise AssertionError("accepted")


@pytest.mark.parametrize("tag", ["$nd", "$scalar", "$strided"])
@pytest.mark.parametrize("index", [2, 3, 10**6, -1, -3, 1.0, "0", None, [0]])
def test_are_out_of_range_or_non_int_blob_indices_rejected(tag, index, two_blobs):
    doc = {tag: index, "step": [1, 1]} if tag == "$strided" else {tag: index}
    with pytest.raises(ProtocolError, match="index"):
        decode(doc, two_blobs)


@pytest.mark.parametrize("tag", ["$nd", "$scalar", "$strided"])
@pytest.mark.parametrize("index", [True, False])
def test_are_booleans_rejected_as_blob_indices(tag, index, two_blobs):
    doc = {tag: index, "step": [1, 1]} if tag == "$strided" else {tag: index}
    with pytest.raises(ProtocolError, match="index"):
        decode(doc, two_blobs)


def test_is_an_array_blob_rejected_where_a_scalar_is_expected(two_blobs):
    with pytest.raises(ProtocolError, match="scalar"):
        decode({"$scalar": 0}, two_blobs)


@pytest.mark.parametrize(
    "step",
    [[0, 1], [1, 0], [-1, 1], [2, -2], [1, 2**17], [2**40, 1], [1.5, 1], ["2", 1], [None, 1]],
    ids=repr,
)
def test_are_bad_strided_steps_rejected(step, two_blobs):
    with pytest.raises(ProtocolError, match="strides"):
        decode({"$strided": 0, "step": step}, two_blobs)


def test_are_more_than_32_strided_steps_rejected(two_blobs):
    with pytest.raises(ProtocolError):
        decode({"$strided": 0, "step": [1] * 33}, two_blobs)


def test_is_a_corrupt_blob_behind_a_valid_tag_rejected():
    with pytest.raises(ProtocolError):
        decode({"$nd": 0}, [b"\x80\x04\x95pickle"])


# --- frames -----------------------------------------------------------------------------


def test_does_a_frame_fed_one_byte_at_a_time_reassemble():
    message = {"op": "call", "payload": [1, 2, 3], "text": "äö"}
    blobs = [npy_of(np.arange(5.0)), b"", b"\x00\x01\x02"]
    data = pack_frame(message, blobs)
    reader = FrameReader()
    for i in range(len(data) - 1):
        reader.feed(data[i : i + 1])
        assert reader.take() is None
    reader.feed(data[-1:])
    assert reader.take() == (message, blobs)
    assert reader.take() is None
    assert len(reader.buffer) == 0


def test_do_two_frames_in_one_feed_come_out_one_by_one():
    first = ({"n": 1}, [b"abc"])
    second = ({"n": 2, "more": [None, True]}, [])
    reader = FrameReader()
    reader.feed(pack_frame(*first) + pack_frame(*second))
    assert reader.take() == first
    assert reader.take() == second
    assert reader.take() is None


def test_does_a_partial_second_frame_wait_for_its_remaining_bytes():
    second = pack_frame({"n": 2}, [b"xyz"])
    reader = FrameReader()
    reader.feed(pack_frame({"n": 1}) + second[:5])
    assert reader.take() == ({"n": 1}, [])
    assert reader.take() is None
    reader.feed(second[5:])
    assert reader.take() == ({"n": 2}, [b"xyz"])


def test_is_an_oversized_json_announcement_rejected_before_the_body_arrives():
    reader = FrameReader()
    reader.feed(HEADER.pack(Bounds().max_json + 1, 0))
    with pytest.raises(ProtocolError):
        reader.take()


def test_is_json_exactly_at_the_bound_accepted():
    body = b'{"a":"' + b"x" * 20 + b'"}'
    reader = FrameReader(Bounds(max_json=len(body)))
    reader.feed(frame_bytes(body))
    assert reader.take() == ({"a": "x" * 20}, [])


def test_are_too_many_blobs_rejected_before_they_arrive():
    reader = FrameReader(Bounds(max_blobs=3))
    reader.feed(HEADER.pack(2, 4) + b"{}")
    with pytest.raises(ProtocolError):
        reader.take()


def test_is_the_total_blob_size_bounded_before_the_bytes_arrive():
    reader = FrameReader(Bounds(max_total=100))
    reader.feed(HEADER.pack(2, 2) + b"{}" + BLOB_LEN.pack(60) + b"x" * 60 + BLOB_LEN.pack(60))
    with pytest.raises(ProtocolError, match="size"):
        reader.take()


def test_is_a_single_blob_announcing_an_absurd_size_rejected():
    reader = FrameReader()
    reader.feed(HEADER.pack(2, 1) + b"{}" + BLOB_LEN.pack(2**63))
    with pytest.raises(ProtocolError, match="size"):
        reader.take()


def test_are_blobs_exactly_at_the_total_bound_accepted():
    reader = FrameReader(Bounds(max_total=100))
    reader.feed(pack_frame({}, [b"a" * 40, b"b" * 60]))
    assert reader.take() == ({}, [b"a" * 40, b"b" * 60])


def test_does_feeding_far_more_than_the_bounds_allow_raise():
    reader = FrameReader(Bounds(max_json=16, max_blobs=1, max_total=16))
    with pytest.raises(ProtocolError):
        reader.feed(b"\0" * 1000)


@pytest.mark.parametrize("body", [b"[1, 2]", b'"text"', b"3", b"null", b"true"])
def test_is_a_json_body_that_is_not_an_object_rejected(body):
    reader = FrameReader()
    reader.feed(frame_bytes(body))
    with pytest.raises(ProtocolError, match="object"):
        reader.take()


@pytest.mark.parametrize(
    "body",
    [b'{"a": "\xff\xfe"}', b'{"a": "\xc3"}', b"{not json", b"", b'{"a": 1', b"{'a': 1}"],
    ids=["invalid-utf8", "truncated-utf8", "not-json", "empty", "unclosed", "single-quotes"],
)
def test_is_invalid_utf8_or_json_rejected(body):
    reader = FrameReader()
    reader.feed(frame_bytes(body))
    with pytest.raises(ProtocolError, match="JSON"):
        reader.take()


def test_is_deeply_nested_json_rejected_as_a_protocol_error():
    reader = FrameReader()
    reader.feed(frame_bytes(b'{"a":' + b"[" * 100_000 + b"]" * 100_000 + b"}"))
    with pytest.raises(ProtocolError):
        reader.take()


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_does_pack_frame_refuse_nan_and_inf_in_the_json(bad):
    with pytest.raises(ValueError):
        pack_frame({"value": [1.0, bad]})


def test_does_pack_frame_accept_encoded_nan():
    doc, blobs = encode([float("nan"), float("inf")])
    data = pack_frame({"value": doc}, blobs)
    assert b"NaN" not in data and b"Infinity" not in data
