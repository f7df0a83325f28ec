"""receptive_field adds k - 1 per layer and ignores the strides: 1 + sum(k - 1).

Where real code does this: the stride-1 rule ``1 + l * (k - 1)`` generalised to a stack of
different kernels without the strides (a common shortcut in course notes); it is right
for stride-1 stacks and too small as soon as a layer (a pooling layer) strides.
"""

BREAKS = "receptive_field"
LOSES = ["test_receptive_field", "test_receptive_field_stacks"]
HINT = "stride"


def receptive_field(layers):
    width = 1
    for kernel, stride in layers:
        if kernel < 1 or stride < 1:
            raise ValueError(f"bad layer ({kernel}, {stride})")
        width += kernel - 1
    return width
