"""Max backward splits the gradient equally between tied maxima.

Where real code does this: the "fair" subgradient, ``mask = (window == window.max());
dX += mask * dY / mask.sum()``, seen in numpy CNN tutorials; PyTorch (and the reference)
give the whole gradient to the first maximum of the window in row-major order.
"""

BREAKS = "pool2d_backward"
LOSES = ["test_backward_max_ties"]
HINT = "first of them"


def _student_route_max(Xp, Y, dY, dXp, offsets):
    ties = sum(Xp[at] == Y for at in offsets)  # how many cells of each window hold its max
    for at in offsets:
        dXp[at] += (Xp[at] == Y) * dY / ties  # share between the maxima


pool2d_backward = _student_pool2d_backward  # the plain one of _shared.py, with the routing above
