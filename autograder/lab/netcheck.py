"""The reference LeNet-5 in trusted NumPy: stage 5 is graded without torch in the grader.

The student's trained weights come back from the worker as plain arrays; loading them into
:func:`lenet_forward` checks the architecture (the outputs must match the student's own
network) and measures accuracy on held-out images that never enter the worker.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

#: parameter shapes of the book's LeNet-5 for 1×28×28 input, in registration order
LENET_PARAMETER_SHAPES: tuple[tuple[int, ...], ...] = (
    (6, 1, 5, 5), (6,), (16, 6, 5, 5), (16,), (120, 400), (120,), (84, 120), (84,),
    (10, 84), (10,),
)  # fmt: skip
LENET_PARAMETERS = sum(int(np.prod(s)) for s in LENET_PARAMETER_SHAPES)  # 61,706


def layer_shapes(modern: bool = False, batch: int = 1) -> list[tuple[str, tuple[int, ...]]]:
    """The book's table of layers and output shapes for a (batch, 1, 28, 28) input."""
    act, pool = ("ReLU", "MaxPool2d") if modern else ("Sigmoid", "AvgPool2d")
    return [
        ("Conv2d", (batch, 6, 28, 28)), (act, (batch, 6, 28, 28)), (pool, (batch, 6, 14, 14)),
        ("Conv2d", (batch, 16, 10, 10)), (act, (batch, 16, 10, 10)),
        (pool, (batch, 16, 5, 5)), ("Flatten", (batch, 400)), ("Linear", (batch, 120)),
        (act, (batch, 120)), ("Linear", (batch, 84)), (act, (batch, 84)),
        ("Linear", (batch, 10)),
    ]  # fmt: skip


def table_difference(got: list[tuple[str, tuple[int, ...]]],
                     expected: list[tuple[str, tuple[int, ...]]]) -> str:  # fmt: skip
    """Where a ``layer_shapes`` table first differs from the expected one. (The public tests
    carry a copy of this: they also run in the student template, without the framework.)"""
    for index, (mine, theirs) in enumerate(zip(got, expected, strict=False)):
        if mine != theirs:
            return f"layer {index} is {mine}, expected {theirs}"
    return f"{len(got)} layers, expected {len(expected)}"


def shape_problem(shapes: list[tuple[int, ...]]) -> str | None:
    """Why parameters of these shapes are not LeNet-5's (None when they are)."""
    expected = [tuple(s) for s in LENET_PARAMETER_SHAPES]
    got = [tuple(int(d) for d in s) for s in shapes]
    if got == expected:
        return None
    count = sum(int(np.prod(s)) for s in got)
    for index, (mine, theirs) in enumerate(zip(got, expected, strict=False)):
        if mine != theirs:
            return (
                f"parameter tensor {index} has shape {mine}, LeNet-5's has {theirs} "
                f"({count:,} parameters in all; LeNet-5 has {LENET_PARAMETERS:,})"
            )
    return (
        f"the network has {len(got)} parameter tensors, LeNet-5 has {len(expected)} "
        f"(weight and bias of 2 convolutions and 3 linear layers)"
    )


def _conv(X: np.ndarray, W: np.ndarray, b: np.ndarray, padding: int) -> np.ndarray:
    if padding:
        X = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = sliding_window_view(X, W.shape[2:], axis=(2, 3))  # (n, c, oh, ow, kh, kw)
    out = np.tensordot(windows, W, axes=([1, 4, 5], [1, 2, 3]))  # (n, oh, ow, c_out)
    result: np.ndarray = np.ascontiguousarray(out.transpose(0, 3, 1, 2)) + b[:, None, None]
    return result


def _pool(X: np.ndarray, modern: bool) -> np.ndarray:
    n, c, h, w = X.shape
    blocks = X[:, :, : h // 2 * 2, : w // 2 * 2].reshape(n, c, h // 2, 2, w // 2, 2)
    pooled: np.ndarray = blocks.max(axis=(3, 5)) if modern else blocks.mean(axis=(3, 5))
    return pooled


def _activation(X: np.ndarray, modern: bool) -> np.ndarray:
    out: np.ndarray = np.maximum(X, 0.0) if modern else np.exp(-np.logaddexp(0.0, -X))
    return out  # (the sigmoid computed without overflow)


def lenet_forward(params: list[np.ndarray], X: np.ndarray, modern: bool = False) -> np.ndarray:
    """LeNet-5's logits (n, 10) for images X (n, 1, 28, 28), in float64."""
    if problem := shape_problem([np.shape(p) for p in params]):
        raise ValueError(problem)
    w1, b1, w2, b2, w3, b3, w4, b4, w5, b5 = (np.asarray(p, dtype=np.float64) for p in params)
    out = np.asarray(X, dtype=np.float64)
    out = _pool(_activation(_conv(out, w1, b1, padding=2), modern), modern)
    out = _pool(_activation(_conv(out, w2, b2, padding=0), modern), modern)
    out = out.reshape(len(out), -1)
    out = _activation(out @ w3.T + b3, modern)
    out = _activation(out @ w4.T + b4, modern)
    result: np.ndarray = out @ w5.T + b5
    return result


def logits(params: list[np.ndarray], X: np.ndarray, modern: bool,
           batch: int = 256) -> np.ndarray:  # fmt: skip
    """:func:`lenet_forward` over ``X`` in batches (bounded memory)."""
    if not len(X):
        return np.zeros((0, LENET_PARAMETER_SHAPES[-1][0]))
    return np.concatenate([lenet_forward(params, X[start : start + batch], modern)
                           for start in range(0, len(X), batch)])  # fmt: skip


def accuracy(params: list[np.ndarray], X: np.ndarray, y: np.ndarray, modern: bool,
             batch: int = 256) -> float:  # fmt: skip
    """The fraction of ``X`` that LeNet-5 with these weights classifies as ``y``."""
    if not len(y):
        return 0.0
    return float(np.mean(logits(params, X, modern, batch).argmax(axis=1) == y))
