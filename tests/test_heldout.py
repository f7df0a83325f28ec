"""Stage 5's per-grading disguise: what it does to the digits, and that it stops transfer.

The learners here are nearest-class-mean classifiers in NumPy (milliseconds, no torch): one
fitted on the plain public digits stands for weights trained beforehand, one fitted on the
disguised training digits for honest learning during grading. The LeNet versions of both
are measured by ``benchmarks/lenet_grading_accuracy.py`` and the threat suite.
"""

from __future__ import annotations

import numpy as np
import pytest

from autograder.lab import datasets, heldout
from tests.support import KIT

DATA = KIT / "assignments" / "lenet" / "data"


@pytest.fixture(scope="module")
def digits():
    return datasets.load_digits28(DATA)


def plain(rng: np.random.Generator, **changes) -> heldout.Disguise:
    """A disguise that changes nothing but ``changes``."""
    fields = dict(quarter_turns=0, transpose=False, warp_rows=np.zeros((28, 28)),
                  warp_cols=np.zeros((28, 28)), invert=False, tiles=4,
                  tile_order=np.arange(16), relabel=np.arange(10), jitter=0.0)  # fmt: skip
    return heldout.Disguise(**(fields | changes))


def centroids(images, labels):
    flat = images.reshape(len(images), -1)
    return np.stack([flat[labels == k].mean(axis=0) for k in range(10)])


def nearest(means, images):
    flat = images.reshape(len(images), -1)
    return ((flat[:, None, :] - means[None]) ** 2).sum(axis=2).argmin(axis=1)


def relabelled_by_vote(means, images, labels):
    """The attack on a label permutation: rename each class by a vote over training data."""
    votes = np.zeros((10, 10))
    np.add.at(votes, (nearest(means, images), labels), 1)
    order = np.zeros(10, dtype=int)
    for _ in range(10):
        mine, given = np.unravel_index(votes.argmax(), votes.shape)
        order[given] = mine
        votes[mine, :], votes[:, given] = -1, -1
    return means[order]


def test_output_is_images_and_labels_of_the_graded_kind(digits):
    images, labels = digits
    rng = np.random.default_rng(1)
    out, renamed = heldout.Disguise.draw(rng).apply(images[:50], labels[:50], rng)
    assert out.shape == (50, 1, 28, 28) and out.dtype == np.float32
    assert renamed.dtype == np.int64 and out.min() >= 0.0 and out.max() <= 1.0
    assert not np.allclose(out, images[:50])


def test_labels_are_renamed_by_one_permutation(digits):
    images, labels = digits
    rng = np.random.default_rng(2)
    disguise = heldout.Disguise.draw(rng)
    _, renamed = disguise.apply(images, labels, rng)
    assert sorted(disguise.relabel) == list(range(10))
    assert np.array_equal(renamed, disguise.relabel[labels])


def test_the_secret_differs_between_gradings_and_repeats_for_a_seed():
    first = heldout.Disguise.draw(np.random.default_rng(3))
    again = heldout.Disguise.draw(np.random.default_rng(3))
    other = heldout.Disguise.draw(np.random.default_rng(4))
    assert np.array_equal(first.tile_order, again.tile_order)
    assert np.array_equal(first.warp_rows, again.warp_rows)
    assert not np.array_equal(first.tile_order, other.tile_order)
    assert not np.array_equal(first.warp_rows, other.warp_rows)


def test_a_disguise_of_nothing_leaves_the_images_alone(digits):
    images, labels = digits
    rng = np.random.default_rng(5)
    out, renamed = plain(rng).apply(images[:20], labels[:20], rng)
    np.testing.assert_allclose(out, images[:20], atol=1e-6)
    assert np.array_equal(renamed, labels[:20])


def test_tiles_are_moved_whole(digits):
    images, labels = digits
    rng = np.random.default_rng(6)
    order = rng.permutation(16)
    out, _ = plain(rng, tile_order=order).apply(images[:5], labels[:5], rng)
    for slot, source in enumerate(order):
        r, c = divmod(slot, 4)
        sr, sc = divmod(source, 4)
        np.testing.assert_allclose(out[:, 0, 7 * r : 7 * r + 7, 7 * c : 7 * c + 7],
                                   images[:5, 0, 7 * sr : 7 * sr + 7, 7 * sc : 7 * sc + 7],
                                   atol=1e-6)  # fmt: skip


def test_rotation_transpose_and_inversion(digits):
    images, labels = digits
    rng = np.random.default_rng(7)
    turned, _ = plain(rng, quarter_turns=1, transpose=True).apply(images[:3], labels[:3], rng)
    expected = np.rot90(images[:3, 0], 1, axes=(1, 2)).transpose(0, 2, 1)
    np.testing.assert_allclose(turned[:, 0], expected, atol=1e-6)
    inverted, _ = plain(rng, invert=True).apply(images[:3], labels[:3], rng)
    np.testing.assert_allclose(inverted, 1.0 - images[:3], atol=1e-6)


def test_every_image_gets_a_jitter_of_its_own(digits):
    """Applied twice, one disguise gives two different (but close) copies of each image: no
    graded image exists anywhere before its grading."""
    images, labels = digits
    rng = np.random.default_rng(8)
    disguise = heldout.Disguise.draw(rng)
    first, _ = disguise.apply(images[:100], labels[:100], rng)
    second, _ = disguise.apply(images[:100], labels[:100], rng)
    differences = np.abs(first - second).reshape(100, -1).max(axis=1)
    assert (differences > 0.05).all()
    closer = np.abs(first - second).mean() < np.abs(first - first[::-1]).mean() / 2
    assert closer, "the jitter is larger than the difference between digits"


def test_bad_input_is_refused():
    rng = np.random.default_rng(9)
    with pytest.raises(ValueError, match="do not divide"):
        heldout.Disguise.draw(rng, tiles=5)
    with pytest.raises(ValueError, match=r"shape \(n, 1, 28, 28\)"):
        heldout.Disguise.draw(rng).apply(np.zeros((3, 28, 28)), np.zeros(3, int), rng)


def test_knowledge_of_the_public_digits_no_longer_transfers(digits):
    """A classifier fitted beforehand on every public digit, relabelled by a vote over the
    training batches, is nearly perfect on relabelled digits and near chance on disguised
    ones, while a classifier fitted on the disguised training digits still learns them."""
    images, labels = digits
    beforehand = centroids(images, labels)
    transfer, relabel_only, learned = [], [], []
    for grading in range(5):
        rng = np.random.default_rng(100 + grading)
        renamed = rng.permutation(10)[labels]
        (tx, ty), (hx, hy) = datasets.split(images, renamed, 0.2, seed=grading)
        relabel_only.append(np.mean(nearest(relabelled_by_vote(beforehand, tx, ty), hx) == hy))
        disguised = heldout.Disguise.draw(rng).apply(images, labels, rng)
        (tx, ty), (hx, hy) = datasets.split(*disguised, 0.2, seed=grading)
        transfer.append(np.mean(nearest(relabelled_by_vote(beforehand, tx, ty), hx) == hy))
        learned.append(np.mean(nearest(centroids(tx, ty), hx) == hy))
    assert min(relabel_only) > 0.8, relabel_only  # what the attack had before
    assert max(transfer) < 0.35, transfer
    assert min(learned) > 0.7, learned


def test_working_in_chunks_changes_nothing(digits):
    images, labels = digits
    disguise = heldout.Disguise.draw(np.random.default_rng(10), jitter=0.0)
    whole, _ = disguise.apply(images[:40], labels[:40], np.random.default_rng(0))
    pieces, _ = disguise.apply(images[:40], labels[:40], np.random.default_rng(0), chunk=7)
    np.testing.assert_array_equal(whole, pieces)
