"""First convolution without ``padding=2``: the maps shrink to 24×24 and the first dense
layer was resized to 16·4·4 = 256 inputs to make the shapes fit.

Where real code does this: LeNet-5 as in the 1998 paper (32×32 input, no padding) applied
to 28×28 images; PyTorch then reports "mat1 and mat2 shapes cannot be multiplied (1x256 and
400x120)", and the student changes 400 to 256 instead of padding the first convolution.
"""

BREAKS = "lenet"
LOSES = [
    "test_lenet_parameter_count",
    "test_layer_shapes_classic",
    "test_layer_shapes_modern",
    "test_architecture_matches_reference",
    "test_lenet_default_is_classic",
    "test_layer_shapes_hidden",
    "test_train_accuracy_on_held_out_digits",
]
HINT = "padding=2"


def lenet(modern=False):
    Act = nn.ReLU if modern else nn.Sigmoid
    Pool = nn.MaxPool2d if modern else nn.AvgPool2d
    return nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5), Act(), Pool(2, 2),
        nn.Conv2d(6, 16, kernel_size=5), Act(), Pool(2, 2),
        nn.Flatten(),
        nn.Linear(16 * 4 * 4, 120), Act(),
        nn.Linear(120, 84), Act(),
        nn.Linear(84, 10),
    )  # fmt: skip
