"""Regenerate assignments/padding/images/camera.png, the photo of stage 2's filter-bank figure.

The kit ships the result (128×128 grey levels, 9 KB) so that `cnngrade release` needs no
download and no scikit-image. The source is scikit-image's "camera" image
(``skimage.data.camera()``, 512×512): a photograph by Lav Varshney, released under CC0 (no
copyright restrictions; see ``skimage.data.camera``'s docstring and
https://github.com/scikit-image/scikit-image/issues/3927). It is shrunk by averaging 4×4
blocks. Usage: pip install scikit-image pillow && python scripts/make_filter_image.py
(or --source path/to/camera.png, e.g. taken from the scikit-image wheel).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from PIL import Image

TARGET = (
    Path(__file__).resolve().parent.parent / "assignments" / "padding" / "images" / "camera.png"
)
BLOCK = 4


def load(source: Path | None) -> np.ndarray:
    if source is not None:
        return np.asarray(Image.open(source).convert("L"))
    from skimage.data import camera

    return np.asarray(camera())


def shrink(image: np.ndarray, block: int) -> np.ndarray:
    """Average ``block``×``block`` tiles, rounding to the nearest grey level."""
    h, w = (s - s % block for s in image.shape)
    tiles = image[:h, :w].astype(np.float64).reshape(h // block, block, w // block, block)
    return np.rint(tiles.mean(axis=(1, 3))).astype(np.uint8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=None, help="camera.png (default: skimage)")
    args = parser.parse_args()
    small = shrink(load(args.source), BLOCK)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(small).save(TARGET, optimize=True)
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes): {small.shape}")


if __name__ == "__main__":
    main()
