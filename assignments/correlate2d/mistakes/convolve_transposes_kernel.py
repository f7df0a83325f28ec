"""convolve2d transposes the kernel (K.T) instead of rotating it by 180 degrees.

Where real code does this: "flip the kernel" read as "flip it over its diagonal"; ``K.T``
is what many students reach for, and it even agrees with the rotation for some symmetric
kernels (a Sobel-like one), but not in general, and it changes a non-square kernel's shape.
"""

BREAKS = "convolve2d"
LOSES = ["test_convolve_flips_kernel", "test_convolve_matches_flipped_correlation"]
HINT = "K[::-1, ::-1]"


def convolve2d(X, K):
    X, K = _check_pair(X, K)
    return correlate2d(X, K.T)
