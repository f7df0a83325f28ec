"""Is stage 4's reference right? Checked against PyTorch and SciPy, edge cases included."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import numpy as np
import pytest

from tests.support import KIT


def _load() -> ModuleType:
    path = KIT / "solutions" / "cnnlab" / "pooling.py"
    spec = importlib.util.spec_from_file_location("cnngrade_reference_pooling_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ref = _load()


def _pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def random_configs(count: int, seed: int) -> list[tuple]:
    """Random (shape, pool_size, stride, padding) that PyTorch accepts, ints and pairs."""
    rng = np.random.default_rng(seed)
    out: list[tuple] = []
    while len(out) < count:
        lead = tuple(int(n) for n in rng.integers(1, 4, size=rng.integers(0, 3)))
        H, W = (int(n) for n in rng.integers(1, 13, size=2))
        k = tuple(int(n) for n in rng.integers(1, 5, size=2))
        s = tuple(int(n) for n in rng.integers(1, 5, size=2))
        p = tuple(int(rng.integers(0, kk // 2 + 1)) for kk in k)
        if k[0] > H + 2 * p[0] or k[1] > W + 2 * p[1]:
            continue
        if rng.random() < 0.5 and k[0] == k[1] and s[0] == s[1] and p[0] == p[1]:
            k, s, p = k[0], s[0], p[0]  # the int spelling
        out.append(((*lead, H, W), k, s, p))
    return out


CONFIGS = random_configs(40, seed=4)


@pytest.mark.parametrize("mode", ["max", "avg"])
def test_forward_and_backward_match_torch(mode):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    rng = np.random.default_rng(1)
    for index, (shape, k, s, p) in enumerate(CONFIGS):
        ties = index % 3 == 0  # integer-valued inputs: many ties inside windows
        X = rng.integers(-3, 3, size=shape).astype(float) if ties else rng.normal(size=shape)
        T = torch.tensor(X.reshape(-1, *shape[-2:]), requires_grad=True)
        pool = F.max_pool2d if mode == "max" else F.avg_pool2d
        Yt = pool(T, k, s, p)
        Y = ref.pool2d(X, k, s, p, mode)
        where = f"{mode} {shape} k={k} s={s} p={p}"
        assert Y.shape == shape[:-2] + tuple(Yt.shape[-2:]), where
        np.testing.assert_allclose(Y.reshape(Yt.shape), Yt.detach().numpy(), 1e-12, 1e-12, where)
        dY = rng.normal(size=Y.shape)
        (g,) = torch.autograd.grad(Yt, T, torch.tensor(dY.reshape(Yt.shape)))
        dX = ref.pool2d_backward(X, dY, k, s, p, mode)
        assert dX.shape == X.shape, where
        np.testing.assert_allclose(dX.reshape(g.shape), g.numpy(), 1e-12, 1e-12, where)


@pytest.mark.parametrize("mode", ["max", "avg"])
def test_forward_matches_scipy_filters(mode):
    ndimage = pytest.importorskip("scipy.ndimage")
    rng = np.random.default_rng(2)
    for shape, k, s, p in CONFIGS:
        (k_h, k_w), (s_h, s_w), (p_h, p_w) = _pair(k), _pair(s), _pair(p)
        X = rng.normal(size=shape)
        fill = -np.inf if mode == "max" else 0.0
        widths = [(0, 0)] * (len(shape) - 2) + [(p_h, p_h), (p_w, p_w)]
        Xp = np.pad(X, widths, constant_values=fill)
        size = (1,) * (len(shape) - 2) + (k_h, k_w)
        if mode == "max":
            Z = ndimage.maximum_filter(Xp, size=size, mode="constant", cval=fill)
        else:
            Z = ndimage.uniform_filter(Xp, size=size, mode="constant", cval=fill)
        # a filter centres its window: the window starting at row r is centred at r + k // 2
        Y = ref.pool2d(X, k, s, p, mode)
        rows = np.arange(Y.shape[-2]) * s_h + k_h // 2
        cols = np.arange(Y.shape[-1]) * s_w + k_w // 2
        expected = Z[..., rows[:, None], cols[None, :]]
        np.testing.assert_allclose(Y, expected, 1e-12, 1e-12, f"{mode} {shape} {k} {s} {p}")


def test_dtypes():
    X = np.arange(16, dtype=np.uint8).reshape(4, 4) + np.uint8(240)  # sums overflow uint8
    Y = ref.pool2d(X, 2)
    assert Y.dtype == np.uint8
    np.testing.assert_array_equal(Y, [[245, 247], [253, 255]])
    A = ref.pool2d(X, 2, mode="avg")
    assert A.dtype == np.float64
    np.testing.assert_array_equal(A, [[242.5, 244.5], [250.5, 252.5]])
    # integer max pooling with padding: pads with the dtype's minimum, never wins
    neg = -np.arange(1, 17, dtype=np.int8).reshape(4, 4)
    assert ref.pool2d(neg, 3, 1, 1).dtype == np.int8
    assert ref.pool2d(neg, 3, 1, 1).max() == -1
    low = np.full((3, 3), -128, np.int8)
    np.testing.assert_array_equal(ref.pool2d(low, 3, 1, 1), low)
    # ... and padding never takes a gradient, even when it ties with the input
    dX = ref.pool2d_backward(low, np.ones((3, 3)), 3, 1, 1)
    assert dX.sum() == 9 and dX[0, 0] == 4
    for dtype in (np.float32, np.float16):
        X = np.random.default_rng(0).normal(size=(2, 6, 6)).astype(dtype)
        for mode in ("max", "avg"):
            assert ref.pool2d(X, 3, 2, 1, mode).dtype == dtype
    assert ref.pool2d(np.eye(4, dtype=bool), 2).dtype == bool
    assert ref.pool2d(np.eye(4, dtype=bool), 2, mode="avg").dtype == np.float64
    assert ref.pool2d_backward(X.astype(np.float32), np.ones((2, 3, 3), np.float32), 2).dtype == (
        np.float32
    )


def test_fresh_memory_and_unmodified_inputs():
    X = np.random.default_rng(3).normal(size=(2, 5, 5))
    saved = X.copy()
    for mode in ("max", "avg"):
        Y = ref.pool2d(X, 1, 1, mode=mode)
        np.testing.assert_array_equal(Y, X)
        assert not np.shares_memory(Y, X)
        dX = ref.pool2d_backward(X, Y, 1, 1, mode=mode)
        assert not np.shares_memory(dX, Y)
    np.testing.assert_array_equal(X, saved)


def test_non_contiguous_inputs():
    base = np.random.default_rng(5).normal(size=(3, 14, 18))
    for X in (base[:, ::2, ::3], base.transpose(0, 2, 1), np.asfortranarray(base)):
        for mode in ("max", "avg"):
            np.testing.assert_allclose(
                ref.pool2d(X, 3, 2, 1, mode), ref.pool2d(np.ascontiguousarray(X), 3, 2, 1, mode)
            )


def test_large_batches_are_chunked_consistently():
    # more images than one cache-sized chunk holds: the chunk boundaries must not show
    X = np.random.default_rng(6).normal(size=(700, 28, 28))
    for mode in ("max", "avg"):
        Y = ref.pool2d(X, 3, 2, 1, mode)
        np.testing.assert_allclose(Y[[0, 333, 699]], ref.pool2d(X[[0, 333, 699]], 3, 2, 1, mode))


@pytest.mark.parametrize(
    ("shape", "args", "kwargs"),
    [
        ((4, 4), (2,), {"mode": "median"}),
        ((6, 6), (3,), {"padding": 2}),
        ((6, 6), (2,), {"padding": (0, 2)}),
        ((4, 4), (2,), {"padding": -1}),
        ((3, 3), (4,), {}),
        ((2, 2), (5,), {"padding": 1}),
        ((4, 4), (0,), {}),
        ((4, 4), ((2, 2, 2),), {}),
        ((4, 4), (2.0,), {}),
        ((4, 4), (True,), {}),
        ((4, 4), (2,), {"stride": 0}),
        ((9,), (2,), {}),
        ((), (1,), {}),
        ((3, 0, 4), (1,), {}),
    ],
)
def test_errors(shape, args, kwargs):
    with pytest.raises(ValueError):
        ref.pool2d(np.ones(shape), *args, **kwargs)
    if len(shape) >= 2 and 0 not in shape:
        with pytest.raises(ValueError):
            ref.pool2d_backward(np.ones(shape), np.ones((1, 1)), *args, **kwargs)


def test_torch_agrees_on_what_is_an_error():
    torch = pytest.importorskip("torch")
    X = torch.ones(1, 6, 6)
    with pytest.raises(RuntimeError):  # PyTorch's "pad should be at most half" rule
        torch.nn.functional.max_pool2d(X, 3, padding=2)
    torch.nn.functional.max_pool2d(X, 3, padding=1)  # half of 3 (rounded down) is fine
    with pytest.raises(ValueError):
        ref.pool2d(np.ones((6, 6)), 3, padding=2)


def test_backward_rejects_wrong_dy_shape():
    with pytest.raises(ValueError):
        ref.pool2d_backward(np.ones((4, 4)), np.ones((2, 3)), 2)
    with pytest.raises(ValueError):
        ref.pool2d_backward(np.ones((4, 4)), np.ones((1, 2, 2)), 2)
