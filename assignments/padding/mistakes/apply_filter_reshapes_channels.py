"""apply_filter turns (H, W, C) into channel planes with reshape instead of a transpose.

Where real code does this: ``image.reshape(C, H, W)`` to get "channels first" (a reshape
keeps the memory order, so each plane is a scramble of pixels from all three channels;
``np.moveaxis(image, -1, 0)`` or ``image.transpose(2, 0, 1)`` is what moves the axis).
"""

BREAKS = "apply_filter"
LOSES = [
    "test_apply_filter_colour",
    "test_apply_filter",
    "test_apply_filter_shapes_and_dtypes",
]
HINT = "channel by channel"


def apply_filter(image, name):
    if np.ndim(image) != 3:
        return _reference_apply_filter(image, name)
    H, W, C = np.shape(image)
    planes = np.reshape(image, (C, H, W))  # channels first
    out = np.stack([_reference_apply_filter(plane, name) for plane in planes])
    return out.reshape(H, W, C)
