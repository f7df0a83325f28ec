"""apply_filter converts a colour image to grayscale (the channel mean) and filters that.

Where real code does this: edge-detection tutorials that start with
``cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)`` or ``img.mean(axis=2)``; the channels are mixed
and dropped, and a (H, W, C) image comes back as (H, W).
"""

BREAKS = "apply_filter"
LOSES = [
    "test_apply_filter",
    "test_apply_filter_colour",
    "test_apply_filter_shapes_and_dtypes",
]
HINT = "channel by channel"


def apply_filter(image, name):
    image = _real_array("image", image, 2, 3)
    if image.ndim == 3:
        image = image.mean(axis=2).astype(image.dtype)  # one gray channel
    return _reference_apply_filter(image, name)
