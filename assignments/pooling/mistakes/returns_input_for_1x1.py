"""A shortcut for the 1x1 window: returns X itself instead of a new array.

Where real code does this: "a 1x1 pool with stride 1 changes nothing, so skip the work"
(``if pool_size == 1: return X``), as in layers that return their input for an identity
configuration; the caller then shares memory with its input and a later in-place update of
either changes both.
"""

BREAKS = "pool2d"
LOSES = ["test_pool2d_clean"]
HINT = "shares memory"

_pool2d_full = pool2d


def pool2d(X, pool_size, stride=None, padding=0, mode="max"):
    k = _pair("pool_size", pool_size, 1)
    s = k if stride is None else _pair("stride", stride, 1)
    p = _pair("padding", padding, 0)
    if k == (1, 1) and s == (1, 1) and p == (0, 0) and mode in ("max", "avg"):
        X = _as_array(X)
        if mode == "max" or X.dtype.kind == "f":
            return X  # nothing to pool
    return _pool2d_full(X, pool_size, stride, padding, mode)
