"""Stroke-level synthesis of the ways of writing that MNIST and pendigits hardly contain."""

from __future__ import annotations

import numpy as np
import pytest

from digitpad.model.training.stroke_styles import (
    STYLES,
    cross_seven,
    flag_one,
    like_another_device,
    move_later_strokes,
    narrow_or_wide,
    restyle,
    slash_zero,
)
from drawings import circle, seven


def as_arrays(strokes) -> list[np.ndarray]:
    return [np.asarray(s, float) for s in strokes]


ZERO = as_arrays(circle())
SEVEN = as_arrays(seven())
ONE = [np.array([[150.0, 60.0], [148.0, 140.0], [146.0, 220.0]])]
FOUR = [np.array([[120.0, 60.0], [90.0, 160.0], [190.0, 160.0]]), np.array([[165.0, 80.0], [165.0, 230.0]])]


def crosses(line: np.ndarray, x: float) -> bool:
    return bool(line[:, 0].min() < x < line[:, 0].max())


@pytest.mark.parametrize("seed", range(5))
def test_a_slash_goes_through_the_middle_of_the_zero(seed):
    slashed = slash_zero(ZERO, np.random.default_rng(seed))
    assert len(slashed) == 2 and np.array_equal(slashed[0], ZERO[0])
    slash = slashed[1]
    ring_top, ring_bottom = ZERO[0][:, 1].min(), ZERO[0][:, 1].max()
    assert slash[:, 1].min() < ring_top + 0.3 * (ring_bottom - ring_top)  # reaches the top part of the ring
    assert slash[:, 1].max() > ring_bottom - 0.3 * (ring_bottom - ring_top)  # and the bottom part
    middle = slash[np.argmin(np.abs(slash[:, 1] - 140))]
    assert abs(middle[0] - 140) < 30


@pytest.mark.parametrize("seed", range(5))
def test_a_bar_crosses_the_sevens_leg_half_way_down(seed):
    crossed = cross_seven(SEVEN, np.random.default_rng(seed))
    assert len(crossed) == 2
    bar = crossed[1]
    top, bottom = SEVEN[0][:, 1].min(), SEVEN[0][:, 1].max()
    assert top + 0.3 * (bottom - top) < bar[:, 1].mean() < top + 0.7 * (bottom - top)
    leg_x = np.interp(bar[:, 1].mean(), SEVEN[0][4:, 1], SEVEN[0][4:, 0])  # the leg descends from point 4 on
    assert crosses(bar, leg_x)
    assert np.ptp(bar[:, 0]) > 3 * np.ptp(bar[:, 1])  # a bar, not a slash


@pytest.mark.parametrize("seed", range(8))
def test_a_european_one_gets_an_up_stroke_to_the_top_of_its_stem(seed):
    flagged = flag_one(ONE, np.random.default_rng(seed))
    stem = next(s for s in flagged if np.array_equal(s[-3:], ONE[0]))
    flag = stem[:-3] if len(stem) > 3 else flagged[0]  # drawn into the stem, or a stroke of its own
    assert len(flag) >= 7 and flag[0][0] < 150 - 20 and 60 + 10 < flag[0][1] < 220  # from the lower left
    assert np.linalg.norm(flag[-1] - [150, 60]) <= 0.1 * 160  # up to (or just short of) the top
    assert len(flagged) - len(ONE) in (0, 1, 2)  # and sometimes a base


def test_a_stem_that_starts_at_the_bottom_gets_a_separate_up_stroke():
    upwards = [ONE[0][::-1].copy()]
    for seed in range(5):
        flagged = flag_one(upwards, np.random.default_rng(seed))
        assert np.array_equal(flagged[1], upwards[0]) and np.linalg.norm(flagged[0][-1] - [150, 60]) <= 16


def test_later_strokes_move_and_the_first_stays():
    moved = move_later_strokes(FOUR, np.random.default_rng(1))
    assert np.array_equal(moved[0], FOUR[0]) and not np.allclose(moved[1], FOUR[1])
    assert np.abs(moved[1].mean(axis=0) - FOUR[1].mean(axis=0)).max() < 0.3 * 170
    assert np.array_equal(move_later_strokes(ZERO, np.random.default_rng(1))[0], ZERO[0])


def test_another_device_keeps_every_strokes_ends():
    dense = [np.stack([np.linspace(0, 100, 50), np.linspace(0, 200, 50) ** 1.1], axis=1)]
    for seed in range(10):
        changed = like_another_device(dense, np.random.default_rng(seed))
        assert len(changed) == 1 and 3 <= len(changed[0]) <= 50
        span = np.ptp(dense[0], axis=0).max()
        assert np.allclose(changed[0][[0, -1]], dense[0][[0, -1]], atol=span / 15)


def test_restyle_changes_only_the_digits_it_knows_and_never_its_input():
    rng = np.random.default_rng(0)
    before = [s.copy() for s in ZERO]
    assert len(restyle(ZERO, 0, rng, share=1.0)) == 2
    assert all(np.array_equal(a, b) for a, b in zip(ZERO, before))
    assert restyle(ZERO, 0, rng, share=0.0) is ZERO
    assert restyle(as_arrays(circle()), 6, rng, share=1.0)[0].shape == ZERO[0].shape  # a 6 has no other style here
    assert set(STYLES) == {0, 1, 7}
    with pytest.raises(ValueError, match="between 0 and 1"):
        restyle(ZERO, 0, rng, share=1.5)


def test_styles_survive_degenerate_drawings():
    rng = np.random.default_rng(0)
    dot = [np.array([[5.0, 5.0]])]
    line = [np.array([[5.0, 0.0], [5.0, 100.0]])]
    for style in (slash_zero, cross_seven, flag_one, move_later_strokes, like_another_device):
        for drawing in (dot, line):
            assert all(np.isfinite(s).all() for s in style(drawing, rng))
    for drawing in (dot, line):
        assert all(np.isfinite(s).all() for s in narrow_or_wide(drawing, 2, rng))
    assert np.ptp(narrow_or_wide(line, 2, rng)[0][:, 0]) <= 5 * 0.01 * 100  # a straight line is not spread out


def width_over_height(strokes) -> float:
    points = np.concatenate(strokes)
    return float(np.ptp(points[:, 0]) / np.ptp(points[:, 1]))


@pytest.mark.parametrize("seed", range(20))
def test_a_digit_is_written_narrow_and_tall_or_flat_and_wide_keeping_its_height(seed):
    rng = np.random.default_rng(seed)
    two = as_arrays([[(120, 70), (150, 55), (175, 80), (160, 130), (110, 210), (180, 210)]])
    changed = narrow_or_wide(two, 2, rng)
    assert np.ptp(np.concatenate(changed)[:, 1]) == pytest.approx(np.ptp(two[0][:, 1]))
    assert 0.25 <= width_over_height(changed) <= 0.45 or 1.4 <= width_over_height(changed) <= 2.0
    assert 0.3 <= width_over_height(narrow_or_wide(ZERO, 0, rng)) <= 0.45
    assert 1.4 <= width_over_height(narrow_or_wide(SEVEN, 7, rng)) <= 2.0  # never narrow: a thin 7 is a 1
    for digit, drawing in ((1, ONE), (4, FOUR)):
        assert all(np.array_equal(a, b) for a, b in zip(narrow_or_wide(drawing, digit, rng), drawing))


def test_training_renders_the_aspect_share_of_zeros_narrow_and_leaves_sixes_alone():
    from digitpad.model.files.datasets import StrokeRecord
    from digitpad.model.training.data import render_records

    def widths(label: int, share: float) -> np.ndarray:
        images, _ = render_records([StrokeRecord(ZERO, label)], copies=200, seed=0, aspect_share=share)
        columns = (images[1:, :, :, 0] > 0.3).any(axis=1)  # the first copy is the drawing as drawn
        return columns.sum(axis=1)

    plain = widths(0, 0.0)
    narrowed = np.mean(widths(0, 0.5) < plain.min())
    # A ring 0.7 as wide as tall, squeezed to 0.3–0.45 in half of the copies; the copies are also turned
    # (a narrow ring turned is wider), so fewer than half are narrower than any plain copy.
    assert 0.15 <= narrowed <= 0.6
    assert np.mean(widths(6, 1.0) < plain.min()) <= 0.02  # a 6 is never squeezed


def test_rendered_training_drawings_carry_the_styles():
    from digitpad.model.files.datasets import StrokeRecord
    from digitpad.model.training.data import render_records

    records = [StrokeRecord(ZERO, 0), StrokeRecord(SEVEN, 7)]
    plain, labels = render_records(records, copies=3, seed=0)
    styled, _ = render_records(records, copies=3, seed=0, style_share=1.0, device_share=1.0)
    assert list(labels) == [0, 0, 0, 7, 7, 7]
    assert np.array_equal(plain[[0, 3]], styled[[0, 3]])  # the first copy is the drawing as the app sees it
    assert not np.allclose(plain[[1, 2, 4, 5]], styled[[1, 2, 4, 5]])


def test_scribbled_tangles_go_round_and_round_inside_the_pad():
    from digitpad.model.training.augment import _tangle

    rng = np.random.default_rng(0)
    for _ in range(50):
        tangle = _tangle(rng)
        steps = np.diff(tangle, axis=0)
        headings = np.unwrap(np.arctan2(steps[:, 1], steps[:, 0]))
        assert abs(headings[-1] - headings[0]) > 2 * np.pi  # more than one loop: not a 0, not an arc like a 1
        assert tangle.min() >= 40 - 1e-9 and tangle.max() <= 240 + 1e-9
