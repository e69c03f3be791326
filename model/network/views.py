"""A drawing read again a little changed: the doubt a confident network cannot express by itself.

The network's probabilities are calibrated on average (ECE 0.004 on UNIPEN sites it never saw), but
its rare mistakes are mostly confident ones: only one wrong answer in five was below 60%.  What they
have in common is a borderline shape, a 1 that is almost a 7, a narrow 0 that is almost a 1.  Read
again turned 10° either way, made narrower or wider, or slanted either way, such a drawing often
changes its answer, and a clear digit does not: two or more of the six changed views reading another
digit is the sign.  Chosen on the tuning writers and site (the most sensitive rule that showed at most
half the target share of right answers as unsure there: 0.72% of apa's digits), then measured once on
the held-out ones: 60% of the wrong answers shown as unsure, 1.1% of the right ones
(``bench/pen_digits.py``).

The answer, its probabilities and its maps stay the plain reading's: the views only add a doubt.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from digitpad.model.ink.preprocessing import strokes_to_tensor

# (turn in degrees, width scale, slant): how the same writer's digits vary from one to the next.
VIEWS = ((-10.0, 1.0, 0.0), (10.0, 1.0, 0.0), (0.0, 0.8, 0.0), (0.0, 1.25, 0.0), (0.0, 1.0, 0.2), (0.0, 1.0, -0.2))
# Changed views that must read another digit before the answer is doubted.
DIFFERING_VIEWS = 2


def changed_view(strokes, turn: float, width: float, slant: float) -> list[np.ndarray]:
    """The strokes turned by ``turn`` degrees, scaled by ``width`` across and slanted by ``slant``
    (x moves by slant × y), about their centre of ink."""
    arrays = [np.asarray(stroke, np.float64).reshape(-1, 2) for stroke in strokes]
    centre = np.concatenate(arrays).mean(axis=0)
    angle = np.deg2rad(turn)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    matrix = rotation @ np.array([[width, slant], [0.0, 1.0]])
    return [(stroke - centre) @ matrix.T + centre for stroke in arrays]


def view_labels(predictor, strokes) -> np.ndarray:
    """The digit each changed view reads, in the order of ``VIEWS`` (none if nothing is drawn)."""
    try:
        tensors = [strokes_to_tensor(changed_view(strokes, *view)) for view in VIEWS]
    except ValueError:  # turned or widened, points at the edge of the range a drawing may have: no views
        return np.empty(0, np.int64)
    if any(tensor is None for tensor in tensors):
        return np.empty(0, np.int64)
    return predictor.probabilities(np.stack(tensors)).argmax(axis=1)


def changed_tensor(tensor: np.ndarray, turn: float, width: float, slant: float) -> np.ndarray:
    """A 28×28 tensor turned, scaled across and slanted about its centre of ink, as ``changed_view``
    does to strokes (for the digits of photos and scans, which have no strokes to re-render; a 28×28
    input given as it is, such as a top image put on the pad, is read as it is)."""
    from PIL import Image

    pixels = np.asarray(tensor, np.float32).reshape(28, 28)
    weights = pixels / max(float(pixels.sum()), 1e-6)
    middles = np.arange(28) + 0.5  # Pillow's coordinates: pixel i spans [i, i + 1)
    centre = np.array([(weights * middles[None, :]).sum(), (weights * middles[:, None]).sum()])
    angle = np.deg2rad(turn)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    inverse = np.linalg.inv(rotation @ np.array([[width, slant], [0.0, 1.0]]))  # Pillow maps output to input
    offset = centre - inverse @ centre
    coefficients = (inverse[0, 0], inverse[0, 1], offset[0], inverse[1, 0], inverse[1, 1], offset[1])
    changed = Image.fromarray(pixels).transform((28, 28), Image.Transform.AFFINE, coefficients,
                                                          resample=Image.Resampling.BILINEAR)
    return np.asarray(changed, np.float32)


def tensor_view_labels(predictor, tensor: np.ndarray) -> np.ndarray:
    """The digit each changed view of a 28×28 tensor reads, in the order of ``VIEWS``."""
    return predictor.probabilities(np.stack([changed_tensor(tensor, *view) for view in VIEWS])).argmax(axis=1)


def with_tensor_view_doubt(predictor, prediction):
    """``with_view_doubt`` for a reading of an image: its tensor is changed instead of strokes.  An answer
    already in doubt (faint or cluttered ink) keeps its doubt."""
    if prediction.label is None or prediction.doubt is not None or prediction.tensor is None:
        return prediction
    return _doubted(prediction, tensor_view_labels(predictor, prediction.tensor))


def with_view_doubt(predictor, strokes, prediction):
    """``prediction`` with a doubt when at least ``DIFFERING_VIEWS`` changed views read another digit
    (the one most of them read becomes ``other_reading``); unchanged otherwise, and for nothing drawn."""
    if prediction.label is None or not strokes or not any(len(stroke) for stroke in strokes):
        return prediction
    return _doubted(prediction, view_labels(predictor, strokes))


def _doubted(prediction, labels: np.ndarray):
    others = labels[labels != prediction.label]
    if len(others) < DIFFERING_VIEWS:
        return prediction
    other = int(np.bincount(others, minlength=10).argmax())
    return replace(prediction, doubt=f"turned, narrowed or slanted a little it reads as {other}",
                   other_reading=other)
