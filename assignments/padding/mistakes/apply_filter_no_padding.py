"""apply_filter runs a valid correlation: no padding, so the result loses a 1-pixel border.

Where real code does this: a stage-1 ``corr2d`` applied to an image as it is (the default of
``scipy.signal.correlate2d`` is "full", of many hand-written filters "valid"); the blurred
or sharpened image is (H - 2, W - 2) instead of the input's size.
"""

BREAKS = "apply_filter"
LOSES = [
    "test_apply_filter",
    "test_apply_filter_grayscale",
    "test_apply_filter_colour",
    "test_apply_filter_shapes_and_dtypes",
]
HINT = "same"


def apply_filter(image, name):
    if name not in FILTERS:
        raise ValueError(f"unknown filter {name!r}")
    image = _real_array("image", image, 2, 3)
    kernel = FILTERS[name].astype(_result_dtype(image))
    if image.ndim == 2:
        return correlate2d(image, kernel)
    return np.stack([correlate2d(image[:, :, c], kernel) for c in range(image.shape[2])], -1)
