"""correlate2d_multi_in_out contracts the image's channels with K's first axis, K[c, o].

Where real code does this: a kernel bank stored (c_i, c_o, k_h, k_w), as in a transposed
convolution's weight or HWIO-style code read as "input first"; ``np.tensordot`` over
``K``'s axis 0 works only when c_o == c_i, and then it uses K[c, o] for K[o, c].
"""

BREAKS = "correlate2d_multi_in_out"
LOSES = [
    "test_multi_in_out_book_example",
    "test_hidden_book_examples",
    "test_multi_in_out_random",
    "test_multi_in_out_pairing",
    "test_inputs_unmodified",
]
HINT = "K[o, c]"


def _contract(K, windows):
    # windows: (c_i, o_h, o_w, k_h, k_w); K's axis 0 taken for the input channels
    return np.tensordot(K, windows, axes=([0, 2, 3], [0, 3, 4]))


correlate2d_multi_in_out = _plain_multi_in_out
