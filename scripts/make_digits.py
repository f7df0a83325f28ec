"""Regenerate assignments/lenet/data/digits.npz from scikit-learn's bundled digits.

The kit ships the result so that nothing is downloaded, and grading does not need
scikit-learn. The images are the UCI "Optical Recognition of Handwritten Digits" set as
scikit-learn distributes it: 1,797 images of 8×8 pixels with values 0-16, labels 0-9.
Usage: pip install scikit-learn && python scripts/make_digits.py
"""

from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits

TARGET = Path(__file__).resolve().parent.parent / "assignments" / "lenet" / "data" / "digits.npz"


def main() -> None:
    digits = load_digits()
    images = digits.images.astype(np.uint8)  # integers 0..16, exactly
    labels = digits.target.astype(np.uint8)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(TARGET, images=images, labels=labels)
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes): {images.shape}, labels {labels.shape}")


if __name__ == "__main__":
    main()
