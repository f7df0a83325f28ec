"""What the channels mistakes share: a plain student's functions, split into small steps.

Graded after the reference and before each mistake (see ``autograder.authoring.mistakes``),
so that a mistake overrides only the step it gets wrong, or calls these steps and the
reference's helpers (``_as_array``, ``_pair``, ``_result_dtype``, ``_check_multi``,
``_conv_args``). No name here is one of the reference's: its own functions keep calling
its own helpers.
"""

import numpy as np

# The reference's functions, for mistakes that wrap one before replacing it.
_reference_conv2d = conv2d
_reference_conv2d_backward = conv2d_backward


# --- one image: correlate2d_multi_in, correlate2d_multi_in_out, correlate2d_1x1 ---------------


def _correlate_plane(x, k):
    """The valid correlation of one (h, w) plane with one (k_h, k_w) kernel."""
    return np.einsum("ijab,ab->ij", np.lib.stride_tricks.sliding_window_view(x, k.shape), k)


def _channel_windows(X, kernel_hw):
    """Every window of every channel of X (c_i, h, w): a view (c_i, o_h, o_w, k_h, k_w)."""
    return np.lib.stride_tricks.sliding_window_view(X, kernel_hw, axis=(1, 2))


def _plain_multi_in(X, K):
    """correlate2d_multi_in: one correlation per channel, then the channels reduced to one."""
    X, K = _check_multi(X, K, 3, "(channels, k_h, k_w)")
    dtype = _result_dtype(X, K)
    windows = _channel_windows(X.astype(dtype, copy=False), K.shape[1:])
    return _over_channels(np.einsum("cijab,cab->cij", windows, K.astype(dtype, copy=False)))


def _over_channels(per_channel):
    """The per-channel results (c_i, o_h, o_w) reduced to one output: their sum."""
    return per_channel.sum(axis=0)


def _plain_multi_in_out(X, K):
    """correlate2d_multi_in_out: K (c_o, c_i, k_h, k_w) contracted with the input's windows."""
    X, K = _check_multi(X, K, 4, "(out_channels, in_channels, k_h, k_w)")
    dtype = _result_dtype(X, K)
    windows = _channel_windows(X.astype(dtype, copy=False), K.shape[2:])
    return _contract(K.astype(dtype, copy=False), windows)


def _contract(K, windows):
    """Y[o] = sum over c, a, b of K[o, c, a, b] * windows[c, :, :, a, b]."""
    return np.tensordot(K, windows, axes=([1, 2, 3], [0, 3, 4]))


def _plain_1x1(X, K):
    """correlate2d_1x1: X (c_i, h, w) and K as a (c_o, c_i) matrix, checked, in one dtype."""
    X = _as_array("X", X, 3, "(channels, height, width)")
    K = np.asarray(K)
    if K.ndim == 4 and K.shape[2:] == (1, 1):
        K = K[:, :, 0, 0]
    K = _as_array("K", K, 2, "(out_channels, in_channels) or (out_channels, in_channels, 1, 1)")
    if K.shape[1] != X.shape[0]:
        raise ValueError(f"X has {X.shape[0]} channels but K has {K.shape[1]} input channels")
    dtype = _result_dtype(X, K)
    return _mix_channels(K.astype(dtype, copy=False), X.astype(dtype, copy=False))


def _mix_channels(K, X):
    """Every pixel's channel vector times K: (c_o, c_i) @ (c_i, h*w), as (c_o, h, w)."""
    c_i, h, w = X.shape
    return (K @ X.reshape(c_i, h * w)).reshape(K.shape[0], h, w)


# --- conv2d: checks, padding, output size, im2col, bias ---------------------------------------


def _plain_conv2d(X, W, b=None, stride=1, padding=0):
    """conv2d as a student writes it: pad, count the window positions, im2col, add the bias."""
    X, W, (s_h, s_w), (p_h, p_w), _ = _conv_args(X, W, stride, padding)
    b = None if b is None else _bias_vector(b, W)
    dtype = _result_dtype(X, W) if b is None else _result_dtype(X, W, b)
    Xp = _zero_padded(X.astype(dtype), p_h, p_w)
    k_h, k_w = W.shape[2:]
    o_h = _window_positions(Xp.shape[2], k_h, s_h)
    o_w = _window_positions(Xp.shape[3], k_w, s_w)
    Y = _im2col_product(Xp, W.astype(dtype), (s_h, s_w), (o_h, o_w))
    return Y if b is None else _add_bias(Y, b.astype(dtype))


def _bias_vector(b, W):
    """``b`` checked: one entry per output channel."""
    b = _as_array("b", b, 1, "(out_channels,)")
    if b.shape[0] != W.shape[0]:
        raise ValueError(f"b must have {W.shape[0]} entries, got {b.shape}")
    return b


def _zero_padded(X, p_h, p_w):
    """X (n, c, h, w) with p_h zero rows above and below and p_w zero columns each side."""
    return np.pad(X, ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))


def _window_positions(padded, k, s):
    """How many windows fit along an axis of ``padded`` cells: (padded - k) // s + 1."""
    return (padded - k) // s + 1


def _im2col_product(Xp, W, stride, out_hw):
    """Copy the windows into columns, one offset at a time; then one matrix product."""
    (s_h, s_w), (o_h, o_w) = stride, out_hw
    n, c_i = Xp.shape[:2]
    c_o, _, k_h, k_w = W.shape
    cols = np.empty((n, c_i, k_h, k_w, o_h, o_w), Xp.dtype)
    for a in range(k_h):
        for c in range(k_w):
            cols[:, :, a, c] = Xp[:, :, a : a + s_h * o_h : s_h, c : c + s_w * o_w : s_w]
    Y = W.reshape(c_o, -1) @ cols.reshape(n, c_i * k_h * k_w, o_h * o_w)
    return Y.reshape(n, c_o, o_h, o_w)


def _add_bias(Y, b):
    """b[o] added to every pixel of output channel o."""
    return Y + b[None, :, None, None]


# --- conv2d_backward: dW and db right, dX from the gradient of the padded input ---------------


def _backward_via_padded(X, W, dY, stride=1, padding=0):
    """conv2d_backward with the reference's dW and db and a student's dX: the gradient of
    the padded input, then the padding cut off."""
    _, dW, db = _reference_conv2d_backward(X, W, dY, stride, padding)  # checks the arguments
    X, W, s_hw, (p_h, p_w), _ = _conv_args(X, W, stride, padding)
    dtype = _result_dtype(X, W, np.asarray(dY))
    padded_hw = X.shape[2] + 2 * p_h, X.shape[3] + 2 * p_w
    dXp = _padded_input_gradient(W.astype(dtype), np.asarray(dY, dtype), s_hw, padded_hw)
    return _unpadded(dXp, p_h, p_w), dW, db


def _padded_input_gradient(W, dY, stride, padded_hw):
    """dL/dXp: output pixel (y, x) sends dY[:, :, y, x] times W back to the window it read."""
    (s_h, s_w), (n, _, o_h, o_w) = stride, dY.shape
    _, c_i, k_h, k_w = W.shape
    dXp = np.zeros((n, c_i, *padded_hw), dY.dtype)
    last_h, last_w = s_h * (o_h - 1) + 1, s_w * (o_w - 1) + 1
    for a in range(k_h):
        for c in range(k_w):
            part = np.einsum("nohw,oc->nchw", dY, W[:, :, a, c])
            dXp[:, :, a : a + last_h : s_h, c : c + last_w : s_w] += part
    return dXp


def _unpadded(dXp, p_h, p_w):
    """The padding's rows and columns cut off again."""
    return dXp[:, :, p_h : dXp.shape[2] - p_h, p_w : dXp.shape[3] - p_w].copy()
