"""apply_filter turns (H, W, C) into channel planes with reshape instead of a transpose.

Where real code does this: ``image.reshape(C, H, W)`` to get "channels first" (a reshape
keeps the memory order, so each plane is a scramble of pixels from all three channels;
``np.moveaxis(image, -1, 0)`` or ``image.transpose(2, 0, 1)`` is what moves the axis).
"""

BREAKS = "apply_filter"
LOSES = [
    "test_apply_filter",
    "test_apply_filter_colour",
    "test_apply_filter_shapes_and_dtypes",
]
HINT = "channel by channel"


def apply_filter(image, name):
    if name not in FILTERS:
        raise ValueError(f"unknown filter {name!r}")
    image = _real_array("image", image, 2, 3)
    kernel = FILTERS[name].astype(_result_dtype(image))
    if image.ndim == 2:
        return correlate2d(image, kernel, padding="same")
    H, W, C = image.shape
    planes = image.reshape(C, H, W)  # channels first
    out = np.stack([correlate2d(plane, kernel, padding="same") for plane in planes])
    return out.reshape(H, W, C)
