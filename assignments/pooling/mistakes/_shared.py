"""What the pooling mistakes share: a plain student's pool2d and pool2d_backward, in steps.

Graded after the reference and before each mistake (see ``autograder.authoring.mistakes``).
The plain versions, ``_student_pool2d`` and ``_student_pool2d_backward``, are right: a mistake
that takes one as its ``pool2d`` (or ``pool2d_backward``) redefines the step it gets wrong,
or calls the steps it keeps, so that the bug is all its file shows. Every function here
starts with ``_student_``, a name the reference never defines: its own functions never call
these.
"""

import functools

import numpy as np


def _student_pairs(pool_size, stride, padding):
    """The window, stride and padding as pairs (rows, columns); no stride: the window."""
    k = _pair("pool_size", pool_size, 1)
    s = k if stride is None else _pair("stride", stride, 1)
    return k, s, _pair("padding", padding, 0)


def _student_check(X, k, p):
    """Padding at most half the window, and a window no larger than the padded input."""
    if p[0] > k[0] // 2 or p[1] > k[1] // 2:
        raise ValueError("padding must be at most half the window")
    H, W = X.shape[-2:]
    if k[0] > H + 2 * p[0] or k[1] > W + 2 * p[1]:
        raise ValueError("the window is larger than the padded input")


def _student_setup(X, pool_size, stride, padding, mode):
    """``X`` as an array and the pairs ``k, s, p``, once every argument is checked."""
    X = _as_array(X)
    if mode not in MODES:
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    k, s, p = _student_pairs(pool_size, stride, padding)
    _student_check(X, k, p)
    return X, k, s, p


def _student_pad(X, sides, mode):
    """``X`` with its last two axes padded by ``sides``, ``[(top, bottom), (left, right)]``.

    Max pooling pads with a value no input cell is below (floats: -inf, integers: the
    dtype's minimum) and keeps the dtype; average pooling pads with zeros, in a float dtype.
    """
    widths = [(0, 0)] * (X.ndim - 2) + list(sides)
    if mode == "avg":
        return np.pad(X.astype(_float_dtype(X)), widths)
    fill = -np.inf if X.dtype.kind == "f" else np.iinfo(X.dtype).min
    return np.pad(X, widths, constant_values=fill)


def _student_offsets(k, s, o):
    """For each cell (a, b) of the window, row by row: the index that picks that cell of
    every window at once out of a padded array, giving shape (..., o_h, o_w)."""
    return [
        (..., slice(a, a + s[0] * (o[0] - 1) + 1, s[0]), slice(b, b + s[1] * (o[1] - 1) + 1, s[1]))
        for a in range(k[0])
        for b in range(k[1])
    ]


def _student_pool(Xp, k, s, o, mode):
    """The max, or the mean, of each of the ``o`` windows of the padded ``Xp``."""
    cells = [Xp[at] for at in _student_offsets(k, s, o)]
    if mode == "max":
        return functools.reduce(np.maximum, cells)
    return sum(cells) / (k[0] * k[1])


def _student_size_and_padding(H, W, k, s, p):
    """The output size ``(o_h, o_w)``, rounded down, and the padding of each side."""
    o = ((H + 2 * p[0] - k[0]) // s[0] + 1, (W + 2 * p[1] - k[1]) // s[1] + 1)
    return o, [(p[0], p[0]), (p[1], p[1])]


def _student_pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    """A plain, right pool2d: checks, output size, padding, then one step per window cell."""
    X, k, s, p = _student_setup(X, pool_size, stride, padding, mode)
    o, sides = _student_size_and_padding(*X.shape[-2:], k, s, p)
    return _student_pool(_student_pad(X, sides, mode), k, s, o, mode)


def _student_backward_setup(X, dY, pool_size, stride, padding, mode):
    """``X``, ``dY`` and the output ``Y`` as arrays, and the pairs ``k, s, p``: pool2d (in a
    backward mistake, the reference's) checks the arguments; ``dY`` must have its shape."""
    Y = pool2d(X, pool_size, stride, padding, mode)
    X, dY = np.asarray(X), np.asarray(dY)
    if dY.shape != Y.shape:
        raise ValueError(f"dY must have shape {Y.shape}, got {dY.shape}")
    k, s, p = _student_pairs(pool_size, stride, padding)
    return X, dY, Y, k, s, p


def _student_gradient(Xp, dY):
    """The padded gradient, zeros to add into, in a float dtype."""
    return np.zeros(Xp.shape, _float_dtype(Xp, dY))


def _student_route_max(Xp, Y, dY, dXp, offsets):
    """Adds each output's gradient into ``dXp`` at the first cell of its window, row by
    row, that holds the window's maximum."""
    free = np.ones(Y.shape, bool)  # windows whose maximum is not found yet
    for at in offsets:
        hit = (Xp[at] == Y) & free
        free &= ~hit
        dXp[at] += np.where(hit, dY, 0)


def _student_unpad(dXp, p):
    """The gradient of the input cells: ``dXp`` without its padding, as a new array."""
    H, W = dXp.shape[-2] - 2 * p[0], dXp.shape[-1] - 2 * p[1]
    return dXp[..., p[0] : p[0] + H, p[1] : p[1] + W].copy()


def _student_pool2d_backward(X, dY, pool_size, stride=None, padding=0, mode="max"):
    """A plain, right pool2d_backward: on the padded input, one step per window cell."""
    X, dY, Y, k, s, p = _student_backward_setup(X, dY, pool_size, stride, padding, mode)
    Xp = _student_pad(X, [(p[0], p[0]), (p[1], p[1])], "max")  # padding is never a maximum
    dXp = _student_gradient(Xp, dY)
    offsets = _student_offsets(k, s, Y.shape[-2:])
    if mode == "max":
        _student_route_max(Xp, Y, dY, dXp, offsets)
    else:
        for at in offsets:
            dXp[at] += dY / (k[0] * k[1])
    return _student_unpad(dXp, p)
