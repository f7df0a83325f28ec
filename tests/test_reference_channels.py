"""Is stage 3's reference right? Checked against PyTorch and SciPy, edge cases included."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import numpy as np
import pytest

from tests.support import KIT


def _load() -> ModuleType:
    path = KIT / "solutions" / "cnnlab" / "channels.py"
    spec = importlib.util.spec_from_file_location("cnngrade_reference_channels_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ref = _load()


def random_configs(count: int, seed: int) -> list[tuple]:
    """Random (x_shape, w_shape, stride, padding, with bias) that PyTorch accepts."""
    rng = np.random.default_rng(seed)
    out: list[tuple] = []
    while len(out) < count:
        n, c_i, c_o = (int(v) for v in rng.integers(1, 5, size=3))
        h, w = (int(v) for v in rng.integers(1, 12, size=2))
        k = tuple(int(v) for v in rng.integers(1, 6, size=2))
        s = tuple(int(v) for v in rng.integers(1, 4, size=2))
        p = tuple(int(v) for v in rng.integers(0, 4, size=2))
        stride = s[0] if rng.random() < 0.5 else s  # the int spelling, or a pair
        if rng.random() < 0.5:
            p = (p[0], p[0])
        padding = p[0] if p[0] == p[1] and rng.random() < 0.7 else p
        if k[0] > h + 2 * p[0] or k[1] > w + 2 * p[1]:
            continue
        out.append(((n, c_i, h, w), (c_o, c_i, *k), stride, padding, bool(rng.random() < 0.6)))
    # edge cases: 1×1 kernels, a kernel as large as the padded input, wide channel counts
    out += [
        ((2, 5, 4, 4), (3, 5, 1, 1), 1, 0, True),
        ((1, 2, 2, 3), (2, 2, 4, 5), 1, 1, False),
        ((3, 20, 6, 7), (17, 20, 3, 3), 1, 1, True),  # c_i * k_w >= 16: the row-shift path
        ((2, 8, 9, 9), (4, 8, 3, 3), (2, 1), (1, 0), True),
        ((1, 1, 1, 1), (1, 1, 1, 1), 3, 0, True),
        ((0, 2, 5, 5), (3, 2, 2, 2), 1, 0, True),  # an empty batch
    ]
    return out


CONFIGS = random_configs(60, seed=3)


def test_conv2d_and_backward_match_torch():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    rng = np.random.default_rng(1)
    for x_shape, w_shape, stride, padding, with_bias in CONFIGS:
        X, W, b = rng.normal(size=x_shape), rng.normal(size=w_shape), rng.normal(size=w_shape[0])
        tX, tW = torch.tensor(X, requires_grad=True), torch.tensor(W, requires_grad=True)
        tb = torch.tensor(b, requires_grad=True) if with_bias else None
        tY = F.conv2d(tX, tW, tb, stride=stride, padding=padding)
        where = f"X {x_shape} W {w_shape} stride={stride} padding={padding} bias={with_bias}"
        Y = ref.conv2d(X, W, b if with_bias else None, stride=stride, padding=padding)
        assert Y.shape == tuple(tY.shape), where
        np.testing.assert_allclose(Y, tY.detach().numpy(), 1e-12, 1e-12, err_msg=where)
        if x_shape[0] == 0:
            continue
        dY = rng.normal(size=Y.shape)
        grads = torch.autograd.grad(tY, [tX, tW], torch.tensor(dY))
        dX, dW, db = ref.conv2d_backward(X, W, dY, stride=stride, padding=padding)
        np.testing.assert_allclose(dX, grads[0].numpy(), 1e-12, 1e-12, err_msg="dX " + where)
        np.testing.assert_allclose(dW, grads[1].numpy(), 1e-12, 1e-12, err_msg="dW " + where)
        np.testing.assert_allclose(db, dY.sum(axis=(0, 2, 3)), 1e-12, 1e-12, err_msg=where)


def test_float32_conv2d_matches_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(2)
    for x_shape, w_shape, stride, padding, _ in CONFIGS[::3]:
        X = rng.normal(size=x_shape).astype(np.float32)
        W = rng.normal(size=w_shape).astype(np.float32)
        b = rng.normal(size=w_shape[0]).astype(np.float32)
        Y = ref.conv2d(X, W, b, stride=stride, padding=padding)
        expected = torch.nn.functional.conv2d(
            torch.tensor(X), torch.tensor(W), torch.tensor(b), stride=stride, padding=padding
        ).numpy()
        assert Y.dtype == np.float32
        np.testing.assert_allclose(Y, expected, rtol=1e-4, atol=1e-4)


def test_multi_channel_correlations_match_scipy():
    signal = pytest.importorskip("scipy.signal")
    rng = np.random.default_rng(4)
    for c_i, c_o, h, w, k_h, k_w in [(1, 1, 5, 5, 2, 2), (3, 4, 7, 6, 3, 2), (5, 2, 4, 9, 4, 1)]:
        X, K = rng.normal(size=(c_i, h, w)), rng.normal(size=(c_o, c_i, k_h, k_w))
        expected = np.stack(
            [sum(signal.correlate2d(X[c], K[o, c], mode="valid") for c in range(c_i))
             for o in range(c_o)]
        )  # fmt: skip
        np.testing.assert_allclose(ref.correlate2d_multi_in_out(X, K), expected, 1e-12, 1e-12)
        np.testing.assert_allclose(ref.correlate2d_multi_in(X, K[0]), expected[0], 1e-12, 1e-12)
        K1 = rng.normal(size=(c_o, c_i))
        np.testing.assert_allclose(
            ref.correlate2d_1x1(X, K1), np.einsum("oc,chw->ohw", K1, X), 1e-12, 1e-12
        )
        np.testing.assert_allclose(
            ref.correlate2d_1x1(X, K1[:, :, None, None]),
            ref.correlate2d_multi_in_out(X, K1[:, :, None, None]),
            1e-12,
            1e-12,
        )


def test_book_examples():
    X = np.array([[[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]])
    K = np.array([[[0, 1], [2, 3]], [[1, 2], [3, 4]]])
    np.testing.assert_array_equal(ref.correlate2d_multi_in(X, K), [[56, 72], [104, 120]])
    Y = ref.correlate2d_multi_in_out(X, np.stack([K, K + 1, K + 2]))
    np.testing.assert_array_equal(Y[2], [[96, 128], [192, 224]])


@pytest.mark.parametrize(
    ("dtypes", "expected"),
    [
        ((np.int64, np.int64), np.float64),
        ((np.int32, np.uint8), np.float64),
        ((np.float32, np.float32), np.float32),
        ((np.float32, np.float64), np.float64),
        ((np.float64, np.float64), np.float64),
    ],
)
def test_result_dtypes(dtypes, expected):
    X = np.arange(2 * 3 * 5 * 5).reshape(2, 3, 5, 5).astype(dtypes[0])
    W = np.ones((4, 3, 2, 2), dtype=dtypes[1])
    assert ref.conv2d(X, W).dtype == expected
    assert ref.conv2d(X, W, np.ones(4, dtypes[1]), stride=2, padding=1).dtype == expected
    assert ref.correlate2d_multi_in(X[0], W[0]).dtype == expected
    assert ref.correlate2d_multi_in_out(X[0], W).dtype == expected
    assert ref.correlate2d_1x1(X[0], W[:, :, 0, 0]).dtype == expected
    dY = np.ones((2, 4, 4, 4), dtype=dtypes[1])
    assert all(g.dtype == expected for g in ref.conv2d_backward(X, W, dY))


def test_inputs_untouched_and_results_fresh():
    rng = np.random.default_rng(5)
    X, W, b = rng.normal(size=(2, 3, 5, 5)), rng.normal(size=(3, 3, 1, 1)), rng.normal(size=3)
    dY = rng.normal(size=(2, 3, 5, 5))
    copies = [a.copy() for a in (X, W, b, dY)]
    results = [
        ref.conv2d(X, W, b),
        ref.conv2d(X, W),
        ref.correlate2d_multi_in(X[0], W[0]),
        ref.correlate2d_multi_in_out(X[0], W),
        ref.correlate2d_1x1(X[0], W),
        *ref.conv2d_backward(X, W, dY),
    ]
    for original, kept in zip((X, W, b, dY), copies, strict=True):
        np.testing.assert_array_equal(original, kept)
    for result in results:
        assert not any(np.shares_memory(result, a) for a in (X, W, b, dY))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: ref.conv2d(np.ones((1, 3, 5, 5)), np.ones((2, 2, 3, 3))), "channels"),
        (lambda: ref.conv2d(np.ones((3, 5, 5)), np.ones((2, 3, 3, 3))), "4-D"),
        (lambda: ref.conv2d(np.ones((1, 3, 5, 5)), np.ones((2, 3, 3, 3)), np.ones(3)), "b must"),
        (lambda: ref.conv2d(np.ones((1, 1, 2, 2)), np.ones((1, 1, 5, 5)), padding=1), "larger"),
        (lambda: ref.conv2d(np.ones((1, 1, 5, 5)), np.ones((1, 1, 2, 2)), stride=0), "stride"),
        (lambda: ref.conv2d(np.ones((1, 1, 5, 5)), np.ones((1, 1, 2, 2)), stride=1.5), "stride"),
        (lambda: ref.conv2d(np.ones((1, 1, 5, 5)), np.ones((1, 1, 2, 2)), padding=(1,)), "padding"),
        (lambda: ref.correlate2d_multi_in(np.ones((2, 4, 4)), np.ones((3, 2, 2))), "channels"),
        (lambda: ref.correlate2d_1x1(np.ones((2, 4, 4)), np.ones((3, 2, 3, 3))), "1, 1"),
        (
            lambda: ref.conv2d_backward(np.ones((1, 1, 4, 4)), np.ones((1, 1, 2, 2)), np.ones(3)),
            "dY",
        ),
    ],
)
def test_errors_are_clear(call, message):
    with pytest.raises(ValueError, match=message):
        call()
