"""No check that the padding is at most half the window: too much padding is accepted.

Where real code does this: numpy pooling layers that validate the window and the stride but
not the padding (PyTorch raises "pad should be at most half of effective kernel size"); a
window that then lies entirely in the padding returns -inf (max) or 0 (avg) silently.
"""

BREAKS = "pool2d"
LOSES = ["test_rejects_bad_arguments", "test_pool2d_errors"]
HINT = "more than half"


def _student_check(X, k, p):
    H, W = X.shape[-2:]  # the window is checked, the padding is not
    if k[0] > H + 2 * p[0] or k[1] > W + 2 * p[1]:
        raise ValueError("the window is larger than the padded input")


pool2d = _student_pool2d  # the plain pool2d of _shared.py, with the check above
