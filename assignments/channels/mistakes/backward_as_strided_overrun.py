"""conv2d_backward gets dX as a full correlation of the dilated dY, through an as_strided
view that assumes (h + 2p - k) is a multiple of the stride, and reads past its buffer.

Where real code does this: "the gradient of a strided convolution is a full convolution of
the dilated gradient with the flipped kernel", implemented with
``np.lib.stride_tricks.as_strided`` and a view shaped like the padded input; when the last
window positions leave rows or columns of the input unread (stride > kernel, or sizes that
do not divide), the dilated dY is shorter than the view, which then reads the next
channel's memory, or beyond the array.
"""

BREAKS = "conv2d_backward"
LOSES = ["test_conv2d_backward_numerical", "test_conv2d_backward_geometry"]
HINT = "no window"


def _padded_input_gradient(W, dY, stride, padded_hw):
    (s_h, s_w), (n, c_o, o_h, o_w) = stride, dY.shape
    k_h, k_w = W.shape[2:]
    # dilate dY (s - 1 zeros between entries), pad it by k - 1, correlate with the flipped W
    dilated = np.zeros((n, c_o, s_h * (o_h - 1) + 1, s_w * (o_w - 1) + 1), dY.dtype)
    dilated[:, :, ::s_h, ::s_w] = dY
    full = np.pad(dilated, ((0, 0), (0, 0), (k_h - 1, k_h - 1), (k_w - 1, k_w - 1)))
    s0, s1, s2, s3 = full.strides
    view = np.lib.stride_tricks.as_strided(
        full, shape=(n, c_o, *padded_hw, k_h, k_w), strides=(s0, s1, s2, s3, s2, s3)
    )
    return np.einsum("nohwkl,ockl->nchw", view, W[:, :, ::-1, ::-1])


conv2d_backward = _backward_via_padded
