"""Output size rounded up (ceil) instead of down: a last, partial window is kept.

Where real code does this: ``o_h = math.ceil((H + 2p - k) / s) + 1``, Caffe's pooling rule
(and PyTorch's ``ceil_mode=True``), or ``int(np.ceil(...))`` copied from a blog; the extra
row and column of windows hang over the bottom and right edges of the padded input.
"""

import math

BREAKS = "pool2d"
LOSES = [
    "test_output_shape",
    "test_padding_example",
    "test_max_padding_negative_inputs",
    "test_avg_counts_padding",
    "test_default_stride",
    "test_strides_and_windows",
    "test_max_integer_dtypes",
    "test_float32_stays_float32",
    "test_non_contiguous_inputs",
    "test_backward_max_numerical",
    "test_backward_avg_numerical",
]
HINT = "rounded down"


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    X = _as_array(X)
    if mode not in ("max", "avg"):
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    k_h, k_w = _pair("pool_size", pool_size, 1)
    s_h, s_w = (k_h, k_w) if stride is None else _pair("stride", stride, 1)
    p_h, p_w = _pair("padding", padding, 0)
    if p_h > k_h // 2 or p_w > k_w // 2:
        raise ValueError("padding must be at most half the window")
    H, W = X.shape[-2:]
    if k_h > H + 2 * p_h or k_w > W + 2 * p_w:
        raise ValueError("the window is larger than the padded input")
    o_h = math.ceil((H + 2 * p_h - k_h) / s_h) + 1
    o_w = math.ceil((W + 2 * p_w - k_w) / s_w) + 1
    # pad the bottom and right a little more, so that the last window fits
    extra_h = (o_h - 1) * s_h + k_h - (H + 2 * p_h)
    extra_w = (o_w - 1) * s_w + k_w - (W + 2 * p_w)
    widths = [(0, 0)] * (X.ndim - 2) + [(p_h, p_h + extra_h), (p_w, p_w + extra_w)]
    if mode == "max":
        fill = -np.inf if X.dtype.kind == "f" else np.iinfo(X.dtype).min
        Xp = np.pad(X, widths, constant_values=fill)
    else:
        Xp = np.pad(X.astype(_float_dtype(X)), widths)
    Y = None
    for a in range(k_h):
        for b in range(k_w):
            cell = Xp[..., a : a + s_h * (o_h - 1) + 1 : s_h, b : b + s_w * (o_w - 1) + 1 : s_w]
            if Y is None:
                Y = cell.copy()
            elif mode == "max":
                np.maximum(Y, cell, out=Y)
            else:
                Y += cell
    if mode == "avg":
        Y /= k_h * k_w
    return Y
