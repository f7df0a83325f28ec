"""convolve2d flips the caller's kernel in place: right answer, but the input K is changed.

Where real code does this: ``K[:] = K[::-1, ::-1]`` or an in-place swap loop to "flip the
kernel first", after ``np.asarray`` (which does not copy a float array): the caller's kernel
comes back rotated, and a second call gives a different answer.
"""

BREAKS = "convolve2d"
LOSES = ["test_inputs_unmodified"]
HINT = "modified its input K"


def convolve2d(X, K):
    K = np.asarray(K, dtype=float)
    K[:] = K[::-1, ::-1]  # flip the kernel, then it is an ordinary correlation
    return correlate2d(X, K)
