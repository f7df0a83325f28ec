"""Is stage 2's reference (solutions/cnnlab/padding.py) right? Checked against PyTorch and SciPy.

The hidden tests grade students against this module, so every function is compared here with
an independent implementation on random shapes and the edge cases the stage is about:
per-side and asymmetric padding, strides larger than the kernel, "same" with even kernels,
integer and float32 dtypes, leading axes, colour images.
"""

from __future__ import annotations

import importlib.util
import warnings

import numpy as np
import pytest

from tests.support import KIT

torch = pytest.importorskip("torch")
F = torch.nn.functional
ndimage = pytest.importorskip("scipy.ndimage")
signal = pytest.importorskip("scipy.signal")


def load_reference():
    path = KIT / "solutions" / "cnnlab" / "padding.py"
    spec = importlib.util.spec_from_file_location("reference_padding_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ref = load_reference()


def torch_correlate(X, K, sides, stride):
    """PyTorch's conv2d (a cross-correlation) on an explicitly padded float64 input."""
    (top, bottom), (left, right) = sides
    x = F.pad(torch.from_numpy(np.asarray(X, np.float64))[None, None], (left, right, top, bottom))
    k = torch.from_numpy(np.asarray(K, np.float64))[None, None]
    return F.conv2d(x, k, stride=stride)[0, 0].numpy()


def random_cases(count, seed):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        n_h, n_w = (int(v) for v in rng.integers(1, 14, 2))
        k_h, k_w = (int(v) for v in rng.integers(1, 6, 2))
        top, bottom, left, right = (int(v) for v in rng.integers(0, 4, 4))
        if n_h + top + bottom < k_h or n_w + left + right < k_w:
            continue
        stride = tuple(int(v) for v in rng.integers(1, 7, 2))
        yield (
            rng.normal(size=(n_h, n_w)),
            rng.normal(size=(k_h, k_w)),
            (
                (top, bottom),
                (left, right),
            ),
            stride,
        )


def test_correlate2d_matches_torch_on_random_shapes():
    """Does correlate2d agree with torch's conv2d for random shapes, paddings and strides?"""
    checked = 0
    for X, K, sides, stride in random_cases(150, seed=0):
        got = ref.correlate2d(X, K, sides, stride)
        np.testing.assert_allclose(got, torch_correlate(X, K, sides, stride), atol=1e-12)
        assert got.shape == ref.output_shape(X.shape, K.shape, sides, stride)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("padding", "sides"),
    [(1, ((1, 1), (1, 1))), ((2, 0), ((2, 2), (0, 0))), ("valid", ((0, 0), (0, 0)))],
    ids=["int", "pair", "valid"],
)
def test_padding_forms_are_per_side(padding, sides):
    """Is an int or (p_h, p_w) padding applied on both sides of each axis?"""
    rng = np.random.default_rng(1)
    X, K = rng.normal(size=(7, 6)), rng.normal(size=(3, 2))
    np.testing.assert_allclose(
        ref.correlate2d(X, K, padding, (2, 1)), torch_correlate(X, K, sides, (2, 1)), atol=1e-12
    )


@pytest.mark.parametrize("k_shape", [(1, 1), (3, 3), (2, 2), (4, 3), (1, 4), (5, 2), (6, 6)])
def test_same_matches_torch_and_scipy(k_shape):
    """Is "same" PyTorch's and SciPy's choice, the extra row/column bottom/right?"""
    rng = np.random.default_rng(sum(k_shape))
    X, K = rng.normal(size=(9, 8)), rng.normal(size=k_shape)
    x, k = torch.from_numpy(X)[None, None], torch.from_numpy(K)[None, None]
    with warnings.catch_warnings():  # torch notes that even kernels need a padded copy
        warnings.simplefilter("ignore", UserWarning)
        expected = F.conv2d(x, k, padding="same")[0, 0].numpy()
    got = ref.correlate2d(X, K, "same")
    np.testing.assert_allclose(got, expected, atol=1e-12)
    np.testing.assert_allclose(got, signal.correlate2d(X, K, mode="same"), atol=1e-12)
    for stride in [(2, 3), (3, 3), (4, 1)]:  # strided "same" keeps every s-th output
        np.testing.assert_allclose(
            ref.correlate2d(X, K, "same", stride), got[:: stride[0], :: stride[1]], atol=1e-12
        )
        assert ref.output_shape(X.shape, K.shape, "same", stride) == tuple(
            -(-n // s) for n, s in zip(X.shape, stride, strict=True)
        )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (((7, 7), (3, 3), 1), (7, 7)),
        (((8, 8), (3, 3), 0, 2), (3, 3)),
        (((8, 8), (3, 5), (0, 1), (3, 4)), (2, 2)),
        (((10, 11), (2, 2), 0, 5), (2, 2)),
        (((5, 5), (3, 3), ((1, 0), (2, 2))), (4, 7)),
        (((1, 1), (3, 3), 1), (1, 1)),
    ],
)
def test_output_shape_classic_cases(args, expected):
    """Does output_shape give the answers the hidden tests expect (and Python ints)?"""
    got = ref.output_shape(*args)
    assert got == expected
    assert all(type(v) is int for v in got)


def test_output_shape_matches_torch():
    """Does output_shape agree with the shapes torch's conv2d produces?"""
    for X, K, sides, stride in random_cases(200, seed=2):
        assert (
            ref.output_shape(X.shape, K.shape, sides, stride)
            == torch_correlate(X, K, sides, stride).shape
        )


@pytest.mark.parametrize(
    ("shape", "padding", "value", "dtype"),
    [
        ((4, 5), 0, 0.0, np.float64),
        ((2, 3, 4, 5), 1, 0.0, np.float32),
        ((3, 4, 2), ((1, 0), (2, 1)), -np.inf, np.float64),
        ((2, 1, 1, 3, 3), (0, 2), 7, np.int64),
        ((6, 7), ((0, 3), (1, 0)), 255, np.uint8),
        ((40, 40), ((2, 1), (3, 4)), -1.5, np.float32),
        ((0, 4), 1, 2.0, np.float64),
    ],
    ids=["zero", "nchw", "minus-inf", "5-d-int", "uint8", "wide-rows", "empty"],
)
def test_pad2d_matches_numpy_and_torch(shape, padding, value, dtype):
    """Does pad2d pad only the last two axes, keep the dtype and return fresh memory?"""
    X = np.arange(int(np.prod(shape))).reshape(shape).astype(dtype)
    before = X.copy()
    (top, bottom), (left, right) = ref._padding_sides(padding)
    got = ref.pad2d(X, padding, value=value)
    widths = ((0, 0),) * (X.ndim - 2) + ((top, bottom), (left, right))
    expected = np.pad(X, widths, constant_values=value)
    assert got.dtype == X.dtype
    np.testing.assert_array_equal(got, expected)
    if dtype != np.uint8 and X.size:
        padded = F.pad(torch.from_numpy(X), (left, right, top, bottom), value=float(value))
        np.testing.assert_array_equal(got, padded.numpy())
    np.testing.assert_array_equal(X, before)
    assert not np.shares_memory(got, X)


@pytest.mark.parametrize("name", sorted(ref.FILTERS))
def test_apply_filter_matches_scipy(name):
    """Is apply_filter scipy.ndimage.correlate with zero padding, channel by channel?"""
    rng = np.random.default_rng(3)
    kernel = ref.FILTERS[name]
    gray = rng.integers(0, 256, size=(13, 17)).astype(np.uint8)
    got = ref.apply_filter(gray, name)
    assert got.dtype == np.float64
    expected = ndimage.correlate(gray.astype(np.float64), kernel, mode="constant")
    np.testing.assert_allclose(got, expected, atol=1e-9)
    colour = rng.integers(0, 256, size=(11, 9, 3)).astype(np.uint8)
    got = ref.apply_filter(colour, name)
    for c in range(3):
        expected = ndimage.correlate(colour[:, :, c].astype(np.float64), kernel, mode="constant")
        np.testing.assert_allclose(got[:, :, c], expected, atol=1e-9)
    as_float32 = ref.apply_filter(colour.astype(np.float32), name)
    assert as_float32.dtype == np.float32
    np.testing.assert_allclose(as_float32, got, rtol=1e-5, atol=1e-3)


def torch_receptive_field(layers):
    """Width of the input region that output 0 of a 1-D conv stack depends on (autograd)."""
    length = 1
    for kernel, stride in reversed(layers):
        length = (length - 1) * stride + kernel
    x = torch.ones(1, 1, length + 10, dtype=torch.float64, requires_grad=True)
    y = x
    for kernel, stride in layers:
        y = F.conv1d(y, torch.ones(1, 1, kernel, dtype=torch.float64), stride=stride)
    y[0, 0, 0].backward()
    return int((x.grad != 0).sum())


@pytest.mark.parametrize(
    "layers",
    [
        [(3, 1)],
        [(3, 1)] * 4,
        [(5, 1), (3, 1)],
        [(1, 1)] * 3,
        [(3, 2), (3, 2), (3, 1)],
        [(2, 2)] * 3,
        [(5, 1), (2, 2), (5, 1), (2, 2)],
        [(7, 4), (3, 1)],
        [(11, 4), (3, 2), (5, 1), (3, 2), (3, 1)],
    ],
)
def test_receptive_field_matches_autograd(layers):
    """Is receptive_field the number of inputs one output's gradient reaches?"""
    assert ref.receptive_field(layers) == torch_receptive_field(layers)


def test_receptive_field_of_nothing_is_one_pixel():
    assert ref.receptive_field([]) == 1


def test_dtypes_and_no_side_effects():
    """Do ints give float64, float32 stay float32, and inputs stay untouched?"""
    rng = np.random.default_rng(4)
    X, K = rng.integers(-5, 6, size=(9, 8)), rng.integers(-2, 3, size=(3, 2))
    saved = X.copy(), K.copy()
    got = ref.correlate2d(X, K, 1, 2)
    assert got.dtype == np.float64
    np.testing.assert_allclose(got, torch_correlate(X, K, ((1, 1), (1, 1)), (2, 2)))
    np.testing.assert_array_equal(X, saved[0])
    np.testing.assert_array_equal(K, saved[1])
    X32, K32 = X.astype(np.float32), K.astype(np.float32)
    assert ref.correlate2d(X32, K32, "same", 3).dtype == np.float32
    assert ref.correlate2d(X32, K.astype(np.float64)).dtype == np.float64
    strided = rng.normal(size=(20, 18))[::2, ::3]
    np.testing.assert_allclose(
        ref.correlate2d(strided, K, 2, (1, 2)),
        torch_correlate(strided, K, ((2, 2), (2, 2)), (1, 2)),
        atol=1e-12,
    )
    assert not np.shares_memory(ref.correlate2d(X32, np.ones((1, 1), np.float32)), X32)


def test_large_inputs_take_the_blocked_path():
    """Are results right when the output spans several blocks (and a zero kernel entry)?"""
    rng = np.random.default_rng(5)
    X, K = rng.normal(size=(300, 700)), rng.normal(size=(4, 5))
    K[1, 2] = 0.0
    for sides, stride in [(((1, 2), (2, 1)), (1, 1)), (((3, 0), (0, 3)), (3, 2))]:
        np.testing.assert_allclose(
            ref.correlate2d(X, K, sides, stride), torch_correlate(X, K, sides, stride), atol=1e-10
        )
    assert not ref.correlate2d(X, np.zeros((3, 3)), 1).any()


@pytest.mark.parametrize(
    "call",
    [
        lambda: ref.pad2d(np.ones((3, 3)), -1),
        lambda: ref.pad2d(np.ones((3, 3)), ((0, 1), (-2, 0))),
        lambda: ref.pad2d(np.ones(5), 1),
        lambda: ref.pad2d(np.ones((3, 3), np.int64), 1, value=-np.inf),
        lambda: ref.pad2d(np.ones((3, 3)), "same"),
        lambda: ref.output_shape((5, 5), (3, 3), (1, -1)),
        lambda: ref.output_shape((5, 5), (3, 3), 0, 0),
        lambda: ref.output_shape((4, 4), (5, 3)),
        lambda: ref.output_shape((5, 5), (3, 3), "full"),
        lambda: ref.output_shape((5, 5), (3, 3), 1.5),
        lambda: ref.correlate2d(np.ones((5, 5)), np.ones((2, 2)), 0, (1, -2)),
        lambda: ref.correlate2d(np.ones((3, 3)), np.ones((6, 2)), 1),
        lambda: ref.correlate2d(np.ones((2, 4, 4)), np.ones((2, 2))),
        lambda: ref.correlate2d(np.ones((4, 4)), np.ones((0, 2))),
        lambda: ref.correlate2d(np.ones((4, 4)), np.ones((2, 2)), ((1, 2), 3)),
        lambda: ref.apply_filter(np.ones((4, 4)), "emboss"),
        lambda: ref.apply_filter(np.ones((2, 4, 4, 3)), "identity"),
        lambda: ref.apply_filter(np.ones((0, 4)), "identity"),
        lambda: ref.receptive_field([(3, 1), (0, 1)]),
        lambda: ref.receptive_field([3]),
    ],
)
def test_bad_arguments_raise_value_error(call):
    with pytest.raises(ValueError):
        call()
