"""Rules of preprocessing that must hold for every drawing, checked by hypothesis on generated ones.

The examples are bounded and the search is deterministic under the "ci" profile (conftest.py), so a
run of the suite is reproducible and quick; ``HYPOTHESIS_PROFILE=thorough`` searches much further.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from digitpad.model.ink.preprocessing import (
    CANVAS_SIZE,
    MAX_BRUSH,
    MAX_POINTS,
    MIN_BRUSH,
    centre_of_mass,
    strokes_to_tensor,
    validate_strokes,
)
from digitpad.model.numbers import read_number
from drawings import circle, seven

coordinates = st.floats(min_value=0, max_value=CANVAS_SIZE, allow_nan=False, allow_infinity=False)
points = st.tuples(coordinates, coordinates)
strokes_lists = st.lists(st.lists(points, min_size=1, max_size=30), min_size=1, max_size=6)


def spread(strokes) -> float:
    """The drawing's larger side: a drawing of one spot has none."""
    every = np.concatenate([np.asarray(stroke, float) for stroke in strokes])
    return float(np.ptp(every, axis=0).max())


@given(strokes_lists)
def test_any_drawing_gives_a_finite_mnist_tensor(strokes):
    tensor = strokes_to_tensor(strokes)
    assert tensor.shape == (28, 28) and tensor.dtype == np.float32
    assert np.isfinite(tensor).all()
    assert 0.0 <= tensor.min() and tensor.max() <= 1.0
    assert tensor.max() > 0  # something was drawn, so something is seen


@given(strokes_lists, st.floats(0.2, 3.0), st.floats(-400, 400), st.floats(-400, 400))
def test_moving_or_scaling_a_drawing_leaves_its_tensor_alone(strokes, scale, dx, dy):
    assume(spread(strokes) > 4)  # a spot has no size to scale
    """The digit is framed by its own extent, so only the renderer's quarter-pixel grid and the
    anti-aliasing of strokes at another sub-pixel offset show: the ink's amount stays within 5% (or two
    pixels' worth, for a drawing of a few dots) and its centre of mass within half a pixel."""
    moved = [[(x * scale + dx, y * scale + dy) for x, y in stroke] for stroke in strokes]
    before, after = strokes_to_tensor(strokes), strokes_to_tensor(moved)
    assert abs(after.sum() - before.sum()) <= max(0.05 * before.sum(), 2.0)
    shift = np.abs(np.subtract(centre_of_mass(after), centre_of_mass(before))).max()
    assert shift <= 0.5, f"the digit moved by {shift:.3f} px in its tensor"


@given(strokes_lists, st.floats(MIN_BRUSH, MAX_BRUSH), st.floats(MIN_BRUSH, MAX_BRUSH))
def test_the_brush_width_never_changes_the_tensor(strokes, brush, other_brush):
    assert np.array_equal(strokes_to_tensor(strokes, brush), strokes_to_tensor(strokes, other_brush))


bad_numbers = st.sampled_from([math.nan, math.inf, -math.inf, 1e300, -1e300])


@given(strokes_lists, st.data(), bad_numbers)
def test_a_drawing_with_a_bad_number_anywhere_is_refused_in_words(strokes, data, bad):
    stroke = data.draw(st.integers(0, len(strokes) - 1), label="stroke")
    point = data.draw(st.integers(0, len(strokes[stroke]) - 1), label="point")
    axis = data.draw(st.integers(0, 1), label="axis")
    broken = [list(map(list, s)) for s in strokes]
    broken[stroke][point][axis] = bad
    with pytest.raises(ValueError, match=f"stroke {stroke + 1}"):
        strokes_to_tensor(broken)


junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=3), children, max_size=3),
    max_leaves=20,
)


@given(junk)
def test_anything_that_is_not_a_drawing_is_refused_with_value_error_never_a_crash(thing):
    try:
        strokes = validate_strokes(thing)
    except ValueError:
        return
    # What passes is a drawing: empty strokes dropped, the rest finite (x, y) pairs.
    assert all(stroke.ndim == 2 and stroke.shape[1] == 2 and np.isfinite(stroke).all() for stroke in strokes)


@given(st.lists(st.integers(0, 5), min_size=0, max_size=4), st.integers(1, 4))
def test_empty_strokes_are_dropped_and_too_many_points_are_refused(empty_at, pieces):
    """Empty strokes mean nothing; more points than MAX_POINTS, however they are split, are refused."""
    drawing = seven()[0]
    strokes = [[] if index in empty_at else drawing for index in range(6)]
    assume(len(empty_at) < 6 and any(strokes))
    assert len(validate_strokes(strokes)) == sum(1 for stroke in strokes if stroke)
    share = MAX_POINTS // pieces + 1
    huge = [np.full((share, 2), 140.0) for _ in range(pieces)]
    with pytest.raises(ValueError, match="points"):
        validate_strokes(huge)


def placed(shape: str, left: float, height: float) -> list[list[tuple[float, float]]]:
    """A 7 or a 0 of ``height`` whose left edge is at ``left``, on a line at y = 140."""
    strokes = seven() if shape == "7" else circle()
    every = np.concatenate([np.asarray(stroke, float) for stroke in strokes])
    low, high = every.min(axis=0), every.max(axis=0)
    scale = height / (high - low)[1]
    return [[((x - low[0]) * scale + left, (y - low[1]) * scale + 140 - height / 2) for x, y in stroke]
            for stroke in strokes]


@given(st.lists(st.sampled_from("70"), min_size=2, max_size=4), st.floats(60, 140), st.floats(0.4, 1.0))
def test_a_number_reads_as_its_digits_read_alone(predictor, digits, height, gap):
    """Digits written in a row with a clear gap between them: splitting the number and reading each
    part gives the same digits, in the same order, as reading each digit on a pad of its own."""
    strokes, left, alone = [], 0.0, []
    for shape in digits:
        digit = placed(shape, left, height)
        alone.append(predictor.predict_strokes(digit).label)
        strokes += digit
        width = max(x for stroke in digit for x, _ in stroke) - left
        left += width + gap * height
    readings = read_number(predictor, strokes)
    assert [reading.label for reading in readings] == alone


@given(st.integers(3, 63), st.integers(3, 200), st.floats(0.3, 0.95), st.floats(0, 12), st.integers(0, 2**32 - 1))
def test_blank_paper_smaller_than_the_read_size_is_nothing(height, width, paper, noise, seed):
    """A tight crop less than 64 px tall is read on a bigger copy; blank paper that size is never taken for one,
    and its noise is never ink."""
    from PIL import Image

    from digitpad.model.ink.images import read_image

    grey = paper * 255 + np.random.default_rng(seed).normal(0, noise, (height, width))
    reading = read_image(Image.fromarray(np.clip(np.rint(grey), 0, 255).astype(np.uint8)))
    assert reading.box is None and reading.tensor is None
