"""What the channels zoo's members share: the argument set-up a plain student writes once.

Graded after the reference and before each member (see ``autograder.authoring.mistakes``),
so that a member states only how it computes. The set-up's cost is part of every member's
time, as it is of a student's.

Each member's docstring ends with what ``cnngrade calibrate channels`` measured through the
grading workers (three runs, the machine busy with other work) on the speed tests' inputs:
for ``conv2d`` one 1×192×192 image, two 3×3 kernels, padding 1; for ``correlate2d_1x1`` a
3×192×192 image and K (4, 3). Each is at least 3× on its side of the limit.
"""

import numpy as np


def _prepare(X, W, b, stride, padding):
    """Shared set-up: dtypes, int-or-pair arguments, zero padding, output size."""
    X, W = np.asarray(X), np.asarray(W)
    if X.ndim != 4 or W.ndim != 4 or X.shape[1] != W.shape[1]:
        raise ValueError("X must be (n, c_i, h, w) and W (c_o, c_i, k_h, k_w)")
    arrays = [X, W] if b is None else [X, W, np.asarray(b)]
    dtype = np.result_type(*arrays)
    if dtype.kind in "biu":
        dtype = np.dtype(np.float64)
    s_h, s_w = (stride, stride) if np.ndim(stride) == 0 else stride
    p_h, p_w = (padding, padding) if np.ndim(padding) == 0 else padding
    if s_h < 1 or s_w < 1 or p_h < 0 or p_w < 0:
        raise ValueError("bad stride or padding")
    Xp = np.pad(X.astype(dtype), ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))
    k_h, k_w = W.shape[2:]
    if k_h > Xp.shape[2] or k_w > Xp.shape[3]:
        raise ValueError("kernel larger than the padded input")
    o_h = (Xp.shape[2] - k_h) // s_h + 1
    o_w = (Xp.shape[3] - k_w) // s_w + 1
    bias = None if b is None else np.asarray(b, dtype=dtype)
    return Xp, W.astype(dtype), bias, (s_h, s_w), (o_h, o_w)


def _prepare_1x1(X, K):
    """Shared set-up: (c_i, h, w) input, (c_o, c_i) kernel matrix, one result dtype."""
    X, K = np.asarray(X), np.asarray(K)
    if K.ndim == 4 and K.shape[2:] == (1, 1):
        K = K[:, :, 0, 0]
    if X.ndim != 3 or K.ndim != 2 or K.shape[1] != X.shape[0]:
        raise ValueError("X must be (c_i, h, w) and K (c_o, c_i) or (c_o, c_i, 1, 1)")
    dtype = np.result_type(X, K)
    if dtype.kind in "biu":
        dtype = np.dtype(np.float64)
    return X.astype(dtype, copy=False), K.astype(dtype, copy=False)


def _windows(Xp, kernel_hw, s_h, s_w):
    """Every window of the padded batch ``Xp`` at the stride: a view (n, c_i, o_h, o_w, k_h, k_w)."""
    windows = np.lib.stride_tricks.sliding_window_view(Xp, kernel_hw, axis=(2, 3))
    return windows[:, :, ::s_h, ::s_w]


def _pixel_window(Xp, kernel_hw, top, left):
    """The window of ``Xp`` (..., h, w) whose top-left cell is (top, left): (..., k_h, k_w)."""
    return Xp[..., top : top + kernel_hw[0], left : left + kernel_hw[1]]


def _each_pixel(Xp, W, stride, out_hw, contract):
    """A Python loop over the output pixels: ``Y[:, :, y, x] = contract(window)``, the window
    of every image at (y, x) being (n, c_i, k_h, k_w)."""
    Y = np.empty((Xp.shape[0], W.shape[0], *out_hw), Xp.dtype)
    for y in range(out_hw[0]):
        for x in range(out_hw[1]):
            window = _pixel_window(Xp, W.shape[2:], stride[0] * y, stride[1] * x)
            Y[:, :, y, x] = contract(window)
    return Y
