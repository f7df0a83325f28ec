"""Backward writes each window's gradient with = instead of adding it (+=).

Where real code does this: naive loops ``dX[..., r:r+k, c:c+k] = mask * dY[..., i, j]``:
correct while the windows tile the input (stride = pool size, the default), but when they
overlap each window overwrites what the previous ones gave to the shared cells.
"""

BREAKS = "pool2d_backward"
LOSES = [
    "test_backward_max_numerical",
    "test_backward_avg_numerical",
    "test_backward_shared_maximum",
    "test_backward_max_ties",
]
HINT = "use +=, not ="


def pool2d_backward(X, dY, pool_size, stride=None, padding=0, mode="max"):
    X, dY, Y, k, s, p = _student_backward_setup(X, dY, pool_size, stride, padding, mode)
    Xp = _student_pad(X, [(p[0], p[0]), (p[1], p[1])], "max")  # padding is never a maximum
    dXp = _student_gradient(Xp, dY)
    for i in range(Y.shape[-2]):
        for j in range(Y.shape[-1]):
            r, c = i * s[0], j * s[1]
            window = Xp[..., r : r + k[0], c : c + k[1]]
            if mode == "max":
                first = window.reshape(*window.shape[:-2], -1).argmax(axis=-1)
                mask = (np.arange(k[0] * k[1]) == first[..., None]).reshape(window.shape)
                dXp[..., r : r + k[0], c : c + k[1]] = mask * dY[..., i, j, None, None]
            else:
                dXp[..., r : r + k[0], c : c + k[1]] = dY[..., i, j, None, None] / (k[0] * k[1])
    return _student_unpad(dXp, p)
