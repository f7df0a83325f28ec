"""Max backward gives the full gradient to every cell equal to the window's maximum.

Where real code does this: the mask trick ``mask = (X == np.repeat(np.repeat(Y, 2, -2), 2,
-1))`` of numpy CNN blog posts, and ``dX += (window == window.max()) * dY`` in naive loops:
with tied maxima the gradient is counted several times (PyTorch gives it to the first).
"""

BREAKS = "pool2d_backward"
LOSES = ["test_backward_max_ties"]
HINT = "never to all of them"


def _student_route_max(Xp, Y, dY, dXp, offsets):
    for at in offsets:
        dXp[at] += (Xp[at] == Y) * dY  # every cell holding the maximum


pool2d_backward = _student_pool2d_backward  # the plain one of _shared.py, with the routing above
