"""Stage-5 data: the shipped digits, IDX files (written here, never downloaded), loaders."""

from __future__ import annotations

import gzip
import struct

import numpy as np
import pytest

from autograder.lab.datasets import (
    DataError,
    data_iters,
    load_digits28,
    load_idx,
    read_idx,
    resize,
    split,
)
from tests.support import KIT


def write_idx(path, array, type_code=0x08, compress=False):
    header = bytes([0, 0, type_code, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    dtype = {0x08: ">u1", 0x0D: ">f4", 0x0C: ">i4"}[type_code]
    data = header + array.astype(dtype).tobytes()
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


@pytest.mark.parametrize("compress", [False, True])
def test_idx_round_trip(tmp_path, compress):
    images = np.arange(3 * 4 * 5, dtype=np.uint8).reshape(3, 4, 5)
    path = write_idx(tmp_path / "x-idx3-ubyte", images, compress=compress)
    assert np.array_equal(read_idx(path), images)


def test_idx_big_endian_types(tmp_path):
    values = np.array([1.5, -2.25, 3.0], dtype=np.float32)
    assert np.array_equal(read_idx(write_idx(tmp_path / "f", values, 0x0D)), values)
    ints = np.array([1, -70000, 3], dtype=np.int32)
    assert np.array_equal(read_idx(write_idx(tmp_path / "i", ints, 0x0C)), ints)


@pytest.mark.parametrize(("data", "words"), [
    (b"\x01\x00\x08\x01\x00\x00\x00\x01\x00", "bad magic"),
    (b"\x00\x00\x07\x01\x00\x00\x00\x01\x00", "unsupported"),
    (b"\x00\x00\x08\x01\x00\x00\x00\x05\x00", "header says"),
])  # fmt: skip
def test_bad_idx_files_are_named_and_explained(tmp_path, data, words):
    path = tmp_path / "bad-idx1-ubyte"
    path.write_bytes(data)
    with pytest.raises(DataError, match=words) as info:
        read_idx(path)
    assert str(path) in str(info.value)


def test_load_mnist_style_folder(tmp_path):
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, size=(6, 28, 28)).astype(np.uint8)
    labels = np.array([0, 1, 2, 3, 4, 5], dtype=np.uint8)
    write_idx(tmp_path / "t10k-images-idx3-ubyte.gz", images, compress=True)
    write_idx(tmp_path / "t10k-labels-idx1-ubyte", labels)
    X, y = load_idx(tmp_path, "test")
    assert X.shape == (6, 1, 28, 28) and X.dtype == np.float32
    assert np.allclose(X[:, 0] * 255, images) and y.tolist() == labels.tolist()
    with pytest.raises(DataError, match="train-images-idx3-ubyte"):
        load_idx(tmp_path, "train")


def test_load_mirror_names_with_dots(tmp_path):
    """Some mirrors (e.g. Kaggle's MNIST) name the files train-images.idx3-ubyte."""
    images = np.zeros((2, 28, 28), dtype=np.uint8)
    write_idx(tmp_path / "train-images.idx3-ubyte", images)
    write_idx(tmp_path / "train-labels.idx1-ubyte.gz", np.array([7, 1], np.uint8), compress=True)
    X, y = load_idx(tmp_path, "train")
    assert X.shape == (2, 1, 28, 28) and y.tolist() == [7, 1]


def test_shipped_digits_are_real_and_28_by_28():
    X, y = load_digits28(KIT)
    assert X.shape == (1797, 1, 28, 28) and X.dtype == np.float32
    assert X.min() >= 0.0 and X.max() <= 1.0
    assert np.bincount(y).min() >= 170 and set(y.tolist()) == set(range(10))
    # a real digit set: class means differ far more than noise would
    means = np.stack([X[y == c].mean(axis=0).ravel() for c in range(10)])
    assert np.linalg.norm(means[0] - means[1]) > 1.0


def test_resize_keeps_constant_images_constant_and_is_bilinear():
    assert np.allclose(resize(np.full((1, 8, 8), 0.5), 28), 0.5)
    ramp = np.tile(np.arange(8.0), (8, 1))[None]
    out = resize(ramp, 16)[0]
    assert np.all(np.diff(out[0]) >= 0) and np.allclose(out[:, 0], out[0, 0])


def test_split_is_seeded_and_disjoint():
    X, y = np.arange(100)[:, None], np.arange(100)
    (a, ya), (_, yb) = split(X, y, 0.25, seed=3)
    (a2, _), _ = split(X, y, 0.25, seed=3)
    assert len(ya) == 75 and len(yb) == 25 and not set(ya) & set(yb)
    assert np.array_equal(a, a2)


def test_data_iters_batches_and_seeds():
    pytest.importorskip("torch")
    X = np.arange(10 * 4, dtype=np.float32).reshape(10, 4)
    y = np.arange(10)
    first = [b[1].tolist() for b in data_iters(X, y, 4, seed=1)]
    again = [b[1].tolist() for b in data_iters(X, y, 4, seed=1)]
    assert first == again and [len(b) for b in first] == [4, 4, 2]
    assert sorted(label for batch in first for label in batch) == list(range(10))
    ordered = [b[1].tolist() for b in data_iters(X, y, 4, shuffle=False)]
    assert ordered[0] == [0, 1, 2, 3]
