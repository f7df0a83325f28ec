"""apply_filter clips the result to 0..255 and casts it back to the image's dtype.

Where real code does this: ``cv2.filter2D(img, -1, kernel)`` (ddepth -1 keeps uint8 and
saturates) and image-processing code that ends with ``np.clip(out, 0, 255).astype(img.dtype)``
so the result "is an image again"; edge filters lose every negative response and blurs are
truncated to whole numbers.
"""

BREAKS = "apply_filter"
LOSES = [
    "test_apply_filter_grayscale",
    "test_apply_filter_colour",
    "test_apply_filter_shapes_and_dtypes",
]
HINT = "float64"


def apply_filter(image, name):
    image = np.asarray(image)
    out = _reference_apply_filter(image, name)
    if image.dtype == np.uint8:
        out = np.clip(out, 0, 255)  # keep it a valid 8-bit image
    return out.astype(image.dtype)
