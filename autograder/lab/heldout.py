"""Stage 5's graded data, disguised afresh for every grading so that no student has it.

The kit's digits are public (they ship with the kit and with scikit-learn), so weights
trained on them beforehand would classify the held-out fifth almost perfectly. Every
grading therefore draws a secret :class:`Disguise` and applies it to the training and the
held-out images alike:

- a rotation by a multiple of 90° and maybe a transpose (one of the square's 8 symmetries);
- a smooth warp shared by every image (a random displacement of up to ``warp`` pixels);
- maybe inverted intensities (dark strokes on a bright ground);
- the image cut into a ``tiles`` × ``tiles`` grid whose tiles are shuffled (16! orders);
- the ten labels renamed by a permutation;

and, per image, a small random jitter of its own, so that no graded image is one that
exists anywhere else. Convolutions and fully connected layers learn the disguised digits
from scratch about as well as the plain ones (one run of the reference: median 0.95 against
0.976), while weights trained on every plain digit, relabelled by a vote over the training
batches, fall from 1.000 to a median of 0.21 (at most 0.34 in 40 gradings): what a vote
over any fixed features gains, far below the 0.85 of full marks (measured by
``benchmarks/lenet_grading_accuracy.py``, ``tests/test_heldout.py`` and the threat suite).

Needs only NumPy; the grader (not the student's worker) draws and applies it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from autograder.lab.datasets import resize

SIZE = 28
CHUNK = 256  # images disguised at a time


def _smooth_field(rng: np.random.Generator, count: int, amplitude: float) -> np.ndarray:
    """``count`` smooth random displacement fields (count, 28, 28) of at most ``amplitude``
    pixels: a 4×4 grid of uniform random values, resized bilinearly."""
    coarse = rng.uniform(-amplitude, amplitude, size=(count, 4, 4))
    return resize(coarse, SIZE)


def _sample(images: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Bilinear samples of ``images`` (n, h, w) at source coordinates (n, h, w) or (h, w);
    zero outside the image."""
    n, h, w = images.shape
    rows, cols = np.broadcast_to(rows, images.shape), np.broadcast_to(cols, images.shape)
    top, left = np.floor(rows).astype(np.int64), np.floor(cols).astype(np.int64)
    down, right = rows - top, cols - left
    which = np.arange(n)[:, None, None]
    out = np.zeros(images.shape)
    for r, row_weight in ((top, 1 - down), (top + 1, down)):
        for c, col_weight in ((left, 1 - right), (left + 1, right)):
            inside = (r >= 0) & (r < h) & (c >= 0) & (c < w)
            values = images[which, np.clip(r, 0, h - 1), np.clip(c, 0, w - 1)]
            out += np.where(inside, values, 0.0) * row_weight * col_weight
    return out


@dataclass(frozen=True)
class Disguise:
    """One grading's secret: draw it with :meth:`draw`, apply it with :meth:`apply`."""

    quarter_turns: int
    transpose: bool
    warp_rows: np.ndarray  # (28, 28) displacement in pixels
    warp_cols: np.ndarray
    invert: bool
    tiles: int  # the grid's side, in tiles
    tile_order: np.ndarray  # a permutation of tiles × tiles
    relabel: np.ndarray  # a permutation of the 10 labels
    jitter: float

    @classmethod
    def draw(cls, rng: np.random.Generator, *, warp: float = 3.0, jitter: float = 1.0,
             tiles: int = 4, classes: int = 10) -> Disguise:  # fmt: skip
        if SIZE % tiles:
            raise ValueError(f"{tiles} tiles do not divide a {SIZE}-pixel side")
        rows, cols = _smooth_field(rng, 2, warp)
        return cls(
            quarter_turns=int(rng.integers(4)), transpose=bool(rng.integers(2)),
            warp_rows=rows, warp_cols=cols, invert=bool(rng.integers(2)),
            tiles=tiles,
            tile_order=rng.permutation(tiles * tiles), relabel=rng.permutation(classes),
            jitter=jitter,
        )  # fmt: skip

    def apply(self, images: np.ndarray, labels: np.ndarray, rng: np.random.Generator,
              chunk: int = CHUNK) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
        """Disguised float32 images (n, 1, 28, 28) in [0, 1] and renamed int64 labels;
        ``rng`` draws each image's own jitter. Works ``chunk`` images at a time, so that the
        grader's memory stays small (about 30 MB for 256)."""
        if images.ndim != 4 or images.shape[1:] != (1, SIZE, SIZE):
            raise ValueError(f"expected images of shape (n, 1, {SIZE}, {SIZE}), got {images.shape}")
        out = np.empty(images.shape, dtype=np.float32)
        for start in range(0, len(images), chunk):
            out[start : start + chunk, 0] = self._disguise(images[start : start + chunk, 0], rng)
        return out, self.relabel[labels].astype(np.int64)

    def _disguise(self, images: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        out = np.rot90(images.astype(np.float64), self.quarter_turns, axes=(1, 2))
        if self.transpose:
            out = out.transpose(0, 2, 1)
        grid_rows, grid_cols = np.meshgrid(np.arange(SIZE, dtype=float),
                                           np.arange(SIZE, dtype=float), indexing="ij")  # fmt: skip
        jitter_rows, jitter_cols = np.split(_smooth_field(rng, 2 * len(out), self.jitter), 2)
        out = _sample(np.ascontiguousarray(out), grid_rows + self.warp_rows + jitter_rows,
                      grid_cols + self.warp_cols + jitter_cols)  # fmt: skip
        out = np.clip(out, 0.0, 1.0)
        if self.invert:
            out = 1.0 - out
        return self._shuffle_tiles(out)

    def _shuffle_tiles(self, images: np.ndarray) -> np.ndarray:
        n, tiles = len(images), self.tiles
        side = SIZE // tiles
        grid = images.reshape(n, tiles, side, tiles, side).transpose(0, 1, 3, 2, 4)
        shuffled = grid.reshape(n, tiles * tiles, side, side)[:, self.tile_order]
        back = shuffled.reshape(n, tiles, tiles, side, side).transpose(0, 1, 3, 2, 4)
        result: np.ndarray = back.reshape(n, SIZE, SIZE)
        return result
