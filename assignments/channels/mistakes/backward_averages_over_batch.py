"""conv2d_backward divides dW and db by the batch size, as if the loss were a mean.

Where real code does this: gradients copied from a training loop whose loss is averaged
over the batch (``dW /= N`` as in a softmax or linear-regression gradient); the layer's
gradient of L = sum(dY * Y) has no 1/N: dY already carries any averaging of the loss.
"""

BREAKS = "conv2d_backward"
LOSES = ["test_backward_shapes", "test_conv2d_backward_numerical", "test_conv2d_backward_geometry"]
HINT = "no 1/n"


def conv2d_backward(X, W, dY, stride=1, padding=0):
    X, W, (s_h, s_w), (p_h, p_w), (o_h, o_w) = _conv_args(X, W, stride, padding)
    dY = _as_array("dY", dY, 4, "(batch, out_channels, o_h, o_w)")
    n, c_i, h, w = X.shape
    c_o, _, k_h, k_w = W.shape
    if dY.shape != (n, c_o, o_h, o_w):
        raise ValueError(f"dY must have the output's shape {(n, c_o, o_h, o_w)}, got {dY.shape}")
    dtype = _result_dtype(X, W, dY)
    Xp = np.pad(X.astype(dtype), ((0, 0), (0, 0), (p_h, p_h), (p_w, p_w)))
    dXp = np.zeros_like(Xp)
    dW = np.zeros((c_o, c_i, k_h, k_w), dtype)
    last_h, last_w = s_h * (o_h - 1) + 1, s_w * (o_w - 1) + 1
    for a in range(k_h):
        for c in range(k_w):
            patch = Xp[:, :, a : a + last_h : s_h, c : c + last_w : s_w]  # (n, c_i, o_h, o_w)
            dW[:, :, a, c] = np.einsum("nohw,nchw->oc", dY, patch)
            dXp[:, :, a : a + last_h : s_h, c : c + last_w : s_w] += np.einsum(
                "nohw,oc->nchw", dY, W[:, :, a, c]
            )
    db = dY.sum(axis=(0, 2, 3))
    dW /= n  # average over the batch
    db = db / n
    return dXp[:, :, p_h : p_h + h, p_w : p_w + w].copy(), dW, db
