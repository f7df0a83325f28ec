"""Public tests for stage @NUMBER@ (@MODULE@).

Run them with plain ``pytest`` in your template folder. They use only NumPy and pytest;
the ``submission`` fixture is your module ``@MODULE_NAME@``.
"""

import numpy as np


def check_array(got, expected, call, hint=""):
    """``got`` must be an array of ``expected``'s shape and values; messages name ``call``."""
    expected = np.asarray(expected, dtype=np.float64)
    hint = f"\nHint: {hint}" if hint else ""
    assert isinstance(got, np.ndarray), (
        f"{call} returned {type(got).__name__}, expected a NumPy array{hint}"
    )
    assert got.shape == expected.shape, (
        f"{call} returned shape {got.shape}, expected {expected.shape}{hint}"
    )
    np.testing.assert_allclose(got, expected, err_msg=f"{call} returned wrong values{hint}")


def test_relu_example(submission):
    """relu: negative entries become 0, the others stay"""
    check_array(
        submission.relu(np.array([[-2.0, 0.0, 3.0], [1.5, -0.5, 4.0]])),
        [[0.0, 0.0, 3.0], [1.5, 0.0, 4.0]],
        "relu(X = [[-2, 0, 3], [1.5, -0.5, 4]])",
        "relu(x) = max(x, 0), entry by entry",
    )


def test_relu_keeps_shape_and_dtype(submission):
    """relu: any shape; float32 stays float32"""
    X = np.linspace(-1, 1, 24, dtype=np.float32).reshape(2, 3, 4)
    Y = submission.relu(X)
    assert getattr(Y, "dtype", None) == np.float32, (
        f"relu(X: (2, 3, 4) float32) returned dtype {getattr(Y, 'dtype', type(Y).__name__)}, "
        "expected float32\nHint: np.maximum(X, 0) keeps X's dtype"
    )
    check_array(Y, np.maximum(X, 0), "relu(X: (2, 3, 4) float32)")


def test_relu_backward_example(submission):
    """relu_backward: dY passes where X > 0, 0 elsewhere"""
    X = np.array([[-1.0, 2.0], [0.0, 3.0]])
    dY = np.array([[10.0, 20.0], [30.0, 40.0]])
    check_array(
        submission.relu_backward(X, dY),
        [[0.0, 20.0], [0.0, 40.0]],
        "relu_backward(X = [[-1, 2], [0, 3]], dY = [[10, 20], [30, 40]])",
        "the gradient is dY where X > 0 and 0 where X <= 0",
    )


def test_relu_backward_rejects_other_shapes(submission):
    """relu_backward: dY of another shape is a ValueError"""
    try:
        submission.relu_backward(np.ones((2, 3)), np.ones((3, 2)))
    except ValueError:
        return
    raise AssertionError(
        "relu_backward(X: (2, 3), dY: (3, 2)) did not raise ValueError"
        "\nHint: dY must have X's shape"
    )
