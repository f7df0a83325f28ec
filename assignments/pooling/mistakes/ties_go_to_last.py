"""Max backward keeps the last maximum of a tied window (>= where > is needed).

Where real code does this: a running argmax over the window written ``if v >= best`` (or
``np.where(cells >= best, ...)``): among equal values the last one, in row-major order,
wins, where PyTorch's max_pool2d (and the reference) keep the first.
"""

BREAKS = "pool2d_backward"
LOSES = ["test_backward_max_ties"]
HINT = "first of them"


def _student_route_max(Xp, Y, dY, dXp, offsets):
    best = np.full(Y.shape, -np.inf)
    where = np.zeros(Y.shape, int)  # which offset holds each window's maximum
    for index, at in enumerate(offsets):
        better = Xp[at] >= best
        best = np.where(better, Xp[at], best)
        where = np.where(better, index, where)
    for index, at in enumerate(offsets):
        dXp[at] += np.where(where == index, dY, 0)


pool2d_backward = _student_pool2d_backward  # the plain one of _shared.py, with the routing above
