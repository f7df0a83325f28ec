"""receptive_field multiplies each layer's k - 1 by the strides up to and including its own.

Where real code does this: the "jump" updated before it is used (``jump *= s; r += (k - 1) *
jump``) in receptive-field calculators; a layer's own stride spaces the NEXT layer's inputs,
not its own, so every strided stack comes out too large.
"""

BREAKS = "receptive_field"
LOSES = ["test_receptive_field", "test_receptive_field_stacks"]
HINT = "product of the strides before it"


def receptive_field(layers):
    r, jump = 1, 1
    for kernel, stride in layers:
        if kernel < 1 or stride < 1:
            raise ValueError(f"bad layer ({kernel}, {stride})")
        jump *= stride
        r += (kernel - 1) * jump
    return r
