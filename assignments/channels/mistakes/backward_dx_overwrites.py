"""conv2d_backward writes each window's gradient into dX with = instead of +=.

Where real code does this: CS231n ``conv_backward_naive`` ports with
``dx_pad[i, :, y0:y1, x0:x1] = w[f] * dout[i, f, y, x]``: every input pixel that several
windows (or several output channels) share keeps only the last contribution.
"""

BREAKS = "conv2d_backward"
LOSES = ["test_conv2d_backward_numerical", "test_conv2d_backward_geometry"]
HINT = "+="


def _padded_input_gradient(W, dY, stride, padded_hw):
    n, c_o, o_h, o_w = dY.shape
    k_h, k_w = W.shape[2:]
    dXp = np.zeros((n, W.shape[1], *padded_hw), dY.dtype)
    for i in range(n):
        for f in range(c_o):
            for y in range(o_h):
                for x in range(o_w):
                    y0, x0 = y * stride[0], x * stride[1]
                    # = where += is needed: the windows before this one are lost
                    dXp[i, :, y0 : y0 + k_h, x0 : x0 + k_w] = W[f] * dY[i, f, y, x]
    return dXp


conv2d_backward = _backward_via_padded
