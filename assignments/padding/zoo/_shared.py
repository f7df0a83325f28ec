"""What the padding zoo's members share: the argument set-up a plain student writes once.

Graded after the reference and before each member (see ``autograder.authoring.mistakes``),
so that a member states only how it computes; the set-up's cost is part of every member's
time, as it is of a student's.
"""

import numpy as np


def _prepare(X, K, padding, stride):
    """Zero-pad X as `padding` says; return (Xp, K, (s_h, s_w), (o_h, o_w)) in the result dtype."""
    X, K = np.asarray(X), np.asarray(K)
    if X.ndim != 2 or K.ndim != 2:
        raise ValueError("X and K must be 2-D arrays")
    k_h, k_w = K.shape
    if padding == "same":
        pads = ((k_h - 1) // 2, k_h // 2), ((k_w - 1) // 2, k_w // 2)
    elif padding == "valid":
        pads = (0, 0), (0, 0)
    elif np.ndim(padding) == 0:
        pads = (padding, padding), (padding, padding)
    elif np.ndim(padding) == 1:
        pads = (padding[0], padding[0]), (padding[1], padding[1])
    else:
        pads = tuple(tuple(p) for p in padding)
    s_h, s_w = (stride, stride) if np.ndim(stride) == 0 else tuple(stride)
    if min(min(pads)) < 0 or min(s_h, s_w) < 1:
        raise ValueError("negative padding or stride below 1")
    dtype = np.result_type(X, K)
    if not np.issubdtype(dtype, np.inexact):
        dtype = np.dtype(np.float64)
    Xp = np.pad(X.astype(dtype, copy=False), pads)
    if k_h > Xp.shape[0] or k_w > Xp.shape[1]:
        raise ValueError("kernel larger than the padded input")
    o_h = (Xp.shape[0] - k_h) // s_h + 1
    o_w = (Xp.shape[1] - k_w) // s_w + 1
    return Xp, K.astype(dtype, copy=False), (s_h, s_w), (o_h, o_w)
