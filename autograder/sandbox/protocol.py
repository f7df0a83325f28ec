"""The wire format between the trusted grader and the worker: JSON + ``.npy``, never pickle.

A frame is ``<u32 json length><u32 blob count>``, the UTF-8 JSON document, then each blob
as ``<u64 length>`` + bytes. Arrays travel as ``.npy`` blobs referenced from the JSON.
The decoder treats every frame as hostile: sizes are bounded before anything is allocated,
``.npy`` headers are parsed by hand and must match the blob length exactly, and only plain
numeric dtypes are accepted.
"""

from __future__ import annotations

import ast
import io
import json
import math
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

HEADER = struct.Struct("<II")
BLOB_LEN = struct.Struct("<Q")
ALLOWED_KINDS = frozenset("biufc")  # bool, int, uint, float, complex
NPY_MAGIC = b"\x93NUMPY"
Blob = bytes | memoryview  # a blob as sent (bytes) or as read (a view of the frame read)


class ProtocolError(Exception):
    """A frame that breaks the format or its size bounds."""


class FrameTooLarge(ProtocolError):
    """A frame larger than the reader's bounds (the reader stops before holding it)."""


class Unencodable(TypeError):
    """A value that has no plain-data form (an arbitrary object, an object array)."""


@dataclass(frozen=True)
class Bounds:
    """Size bounds applied while reading a frame."""

    max_json: int = 8 << 20
    max_blobs: int = 4096
    max_total: int = 1 << 30


DEFAULT_BOUNDS = Bounds()


@dataclass(frozen=True)
class Strided:
    """An input that must reach the student as a non-contiguous view: ``base[::s0, ::s1]``.

    Plain ``.npy`` transfer makes every array contiguous; tests that check how a function
    copes with strided inputs wrap the base array in this.
    """

    base: np.ndarray
    step: tuple[int, ...]

    @property
    def view(self) -> np.ndarray:
        return self.base[tuple(slice(None, None, s) for s in self.step)]


@dataclass(frozen=True)
class Handle:
    """An object that stays in the worker (an ``nn.Module``, an iterator), named by id."""

    id: int
    type_name: str


# --- values -----------------------------------------------------------------------------


def encode(value: Any) -> tuple[Any, list[bytes]]:
    """Turn a value into a JSON-able document plus ``.npy`` blobs."""
    blobs: list[bytes] = []
    return _enc(value, blobs, 0), blobs


def _enc(value: Any, blobs: list[bytes], depth: int) -> Any:
    if depth > 32:
        raise Unencodable("nested too deeply")
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, np.generic | np.ndarray):
        return _enc_array(value, blobs)
    if isinstance(value, int):
        if abs(value) < 2**63:
            return value
        try:
            return {"$bigint": str(value)}
        except ValueError:  # beyond Python's digit limit for int -> str
            raise Unencodable("an integer with too many digits") from None
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, Strided):
        base = np.asarray(value.base)
        if base.ndim != len(value.step):
            raise Unencodable("Strided needs one step per dimension")
        return {"$strided": _enc_array(base, blobs)["$nd"], "step": list(value.step)}
    if isinstance(value, Handle):
        return {"$handle": value.id, "type": value.type_name}
    if isinstance(value, list):
        return [_enc(v, blobs, depth + 1) for v in value]
    if isinstance(value, tuple):
        return {"$tuple": [_enc(v, blobs, depth + 1) for v in value]}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise Unencodable("a dict whose keys are not all strings")
        return {"$dict": {k: _enc(v, blobs, depth + 1) for k, v in value.items()}}
    raise Unencodable(f"an object of type {type(value).__name__}")


def _enc_array(value: np.ndarray | np.generic, blobs: list[bytes]) -> dict[str, int]:
    array = np.asarray(value)
    if array.dtype.kind not in ALLOWED_KINDS:
        raise Unencodable(f"an array of dtype {array.dtype} (only numbers travel)")
    if not (array.flags.c_contiguous or array.flags.f_contiguous):
        array = np.ascontiguousarray(array)  # a transposed array stays Fortran-ordered
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, allow_pickle=False)
    blobs.append(buffer.getvalue())
    return {"$scalar" if isinstance(value, np.generic) else "$nd": len(blobs) - 1}


def decode(doc: Any, blobs: Sequence[Blob]) -> Any:
    """Inverse of :func:`encode`; validates as it goes and raises only ProtocolError."""
    try:
        return _dec(doc, blobs)
    except ProtocolError:
        raise
    except (ValueError, TypeError, IndexError, KeyError, OverflowError, RecursionError) as exc:
        raise ProtocolError(f"malformed value ({type(exc).__name__})") from None


def _dec(doc: Any, blobs: Sequence[Blob]) -> Any:
    if doc is None or isinstance(doc, bool | int | float | str):
        return doc
    if isinstance(doc, list):
        return [_dec(v, blobs) for v in doc]
    if isinstance(doc, dict) and len(doc) >= 1:
        if "$nd" in doc:
            return decode_array(blobs[_index(doc["$nd"], blobs)])
        if "$scalar" in doc:
            array = decode_array(blobs[_index(doc["$scalar"], blobs)])
            if array.ndim != 0:
                raise ProtocolError("a scalar blob holds an array")
            return array[()]
        if "$strided" in doc and isinstance(doc.get("step"), list) and len(doc["step"]) <= 32:
            base = decode_array(blobs[_index(doc["$strided"], blobs)])
            step = doc["step"]
            if len(step) != base.ndim or not all(
                type(n) is int and 1 <= n <= 1 << 16 for n in step
            ):
                raise ProtocolError("bad strides")
            return Strided(base, tuple(step)).view
        if "$tuple" in doc and isinstance(doc["$tuple"], list):
            return tuple(_dec(v, blobs) for v in doc["$tuple"])
        if "$dict" in doc and isinstance(doc["$dict"], dict):
            return {str(k): _dec(v, blobs) for k, v in doc["$dict"].items()}
        if "$float" in doc and doc["$float"] in ("nan", "inf", "-inf"):
            return float(doc["$float"])
        if "$bigint" in doc and isinstance(doc["$bigint"], str) and len(doc["$bigint"]) < 5000:
            return int(doc["$bigint"])
        if "$handle" in doc and type(doc["$handle"]) is int:
            return Handle(doc["$handle"], str(doc.get("type", "object"))[:100])
    raise ProtocolError(f"unknown value in frame: {str(doc)[:80]}")


def _index(value: Any, blobs: Sequence[Blob]) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < len(blobs):
        raise ProtocolError("blob index out of range")
    return value


def decode_array(blob: Blob) -> np.ndarray:
    """Parse one ``.npy`` blob without trusting it: no pickle, exact size, numeric dtype.
    The array is the one copy of its data the reader keeps (the frame is freed after)."""
    if bytes(blob[:6]) != NPY_MAGIC or len(blob) < 10:
        raise ProtocolError("not an .npy blob")
    major = blob[6]
    if major == 1:
        (header_len,) = struct.unpack("<H", blob[8:10])
        start = 10
    elif major in (2, 3):
        if len(blob) < 12:
            raise ProtocolError("truncated .npy header")
        (header_len,) = struct.unpack("<I", blob[8:12])
        start = 12
    else:
        raise ProtocolError(f"unsupported .npy version {major}")
    if header_len > 4096 or start + header_len > len(blob):
        raise ProtocolError("bad .npy header length")
    try:
        header = ast.literal_eval(bytes(blob[start : start + header_len]).decode("latin1"))
        descr, fortran, shape = header["descr"], header["fortran_order"], header["shape"]
        dtype = np.dtype(descr) if isinstance(descr, str) else None
    except (ValueError, SyntaxError, KeyError, TypeError, RecursionError, MemoryError) as exc:
        raise ProtocolError(f"bad .npy header: {type(exc).__name__}") from None
    if not isinstance(fortran, bool):
        raise ProtocolError("bad .npy fortran_order")
    if dtype is None or dtype.kind not in ALLOWED_KINDS or dtype.fields is not None:
        raise ProtocolError(f"dtype {descr!r} is not a plain numeric dtype")
    if not isinstance(shape, tuple) or not all(type(n) is int and 0 <= n <= 1 << 40 for n in shape):
        raise ProtocolError("bad .npy shape")
    if len(shape) > 32:
        raise ProtocolError("too many dimensions")
    count = math.prod(shape)
    data = memoryview(blob)[start + header_len :]
    if count * dtype.itemsize != len(data):
        raise ProtocolError("the .npy payload does not match its header")
    array: np.ndarray = np.frombuffer(data, dtype=dtype, count=count).copy()
    return array.reshape(shape, order="F" if fortran else "C")


# --- frames -----------------------------------------------------------------------------


def pack_frame(message: dict[str, Any], blobs: list[bytes] | None = None) -> bytes:
    blobs = blobs or []
    body = json.dumps(message, allow_nan=False, separators=(",", ":")).encode()
    parts = [HEADER.pack(len(body), len(blobs)), body]
    for blob in blobs:
        parts += [BLOB_LEN.pack(len(blob)), blob]
    return b"".join(parts)


def send(fd: int, message: dict[str, Any], blobs: list[bytes] | None = None) -> None:
    data = memoryview(pack_frame(message, blobs))
    while data:
        written = os.write(fd, data)
        data = data[written:]


class FrameReader:
    """Incremental frame parser: feed bytes, take complete frames."""

    def __init__(self, bounds: Bounds = DEFAULT_BOUNDS) -> None:
        self.bounds = bounds
        self.buffer = bytearray()

    def feed(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > self.bounds.max_total + self.bounds.max_json + 64:
            raise FrameTooLarge("frame exceeds the size limit")

    def take(self) -> tuple[dict[str, Any], list[memoryview]] | None:
        """Return one complete frame, or ``None`` if more bytes are needed. Its blobs are
        views of the bytes as read (no copy): decoding copies each array out once."""
        buf = self.buffer
        if len(buf) < HEADER.size:
            return None
        json_len, n_blobs = HEADER.unpack_from(buf)
        if json_len > self.bounds.max_json or n_blobs > self.bounds.max_blobs:
            raise ProtocolError("frame header exceeds the size limits")
        pos = HEADER.size + json_len
        if len(buf) < pos:
            return None
        offsets: list[tuple[int, int]] = []
        total = 0
        for _ in range(n_blobs):
            if len(buf) < pos + BLOB_LEN.size:
                return None
            (size,) = BLOB_LEN.unpack_from(buf, pos)
            total += size
            if total > self.bounds.max_total:
                raise FrameTooLarge("frame exceeds the size limit")
            pos += BLOB_LEN.size
            if len(buf) < pos + size:
                return None
            offsets.append((pos, size))
            pos += size
        try:
            message = json.loads(bytes(buf[HEADER.size : HEADER.size + json_len]))
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise ProtocolError(f"frame is not valid JSON: {type(exc).__name__}") from None
        if not isinstance(message, dict):
            raise ProtocolError("frame is not a JSON object")
        # the frame's bytes leave the reader whole (the blobs point into them); what
        # follows the frame, usually nothing, starts the next buffer
        self.buffer = bytearray(memoryview(buf)[pos:])
        frame = memoryview(buf)
        return message, [frame[start : start + size] for start, size in offsets]


def read_frame_blocking(fd: int, reader: FrameReader) -> tuple[dict[str, Any], list[memoryview]]:
    """Read one frame from ``fd``, blocking (used by the worker, whose peer is trusted)."""
    while True:
        frame = reader.take()
        if frame is not None:
            return frame
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            raise EOFError("the grader closed the pipe")
        reader.feed(chunk)
