"""Turn drawings and images into the 28×28 MNIST-style tensor the convnet reads.

MNIST's own recipe (LeCun et al.): fit the digit's ink into a 20×20 box keeping
the aspect ratio, anti-aliased with grey levels kept, then place it in a 28×28
field so that the intensity centre of mass sits at the centre.  White digit on
black, values in [0, 1].

Drawings are vectors, so they are re-rendered *after* scaling, with a pen of
fixed width relative to the 20×20 box.  That makes the tensor independent of
where the digit was drawn, how big, and how thick the brush was on screen.
Raster images (and the optional "raster" method for drawings) are cropped to
their ink and resampled instead (``normalise_ink``); opening image files and
finding the digit on a photo of paper is ``model.ink.images``'s part.

Pure numpy and Pillow: no Qt, no TensorFlow.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from PIL import Image, ImageDraw

from digitpad.model.words import Words

MNIST_SIZE = 28
DIGIT_BOX = 20
CANVAS_SIZE = 280
MIN_BRUSH, MAX_BRUSH = 4, 40
DEFAULT_BRUSH = 16
# Pen width of the re-rendered digit, in 28×28 pixels.  Chosen so that drawn
# digits carry about as much ink as a median MNIST digit (see bench/).
DEFAULT_PEN_WIDTH = 2.4

# Where MNIST puts the centre of mass, in continuous coordinates (pixel i
# covers [i, i+1)): measured as 14.0 in pixel-index coordinates.
_CENTRE = MNIST_SIZE / 2 + 0.5
_SUPERSAMPLE = 4
# Coordinates beyond this are certainly garbage (a screen is < 1e5 px).
_MAX_COORDINATE = 1e7
# Points in one drawing.  A tablet sampling at 1,000 Hz for a whole minute gives 60,000; a file that
# claims millions is not a drawing, and would take seconds and gigabytes to read as one.
MAX_POINTS = 1_000_000
# Consecutive points closer than this (in 28×28 pixels) add nothing visible.
_MIN_SEGMENT = 1 / (2 * _SUPERSAMPLE)
_INK_THRESHOLD = 0.1

Strokes = Sequence[Sequence[Sequence[float]]]
Method = Literal["vector", "raster"]


# --- strokes ---------------------------------------------------------------

class ValidStrokes(list):
    """Strokes that validate_strokes has checked: float64 arrays of shape (n, 2), none empty.
    Passing them on skips the check, so a drawing is validated once per mouse event."""


def validate_strokes(strokes: Iterable) -> ValidStrokes:
    """Check a list of strokes and return it as float64 arrays of shape (n, 2).

    Empty strokes are dropped.  Raises ValueError naming the bad stroke and
    point for anything that is not a finite (x, y) pair of sane magnitude.
    """
    if isinstance(strokes, ValidStrokes):
        return strokes
    if isinstance(strokes, (str, bytes)) or not isinstance(strokes, Iterable):
        raise ValueError(Words("strokes must be a list of strokes, each a list of [x, y] points"))
    result, count = [], 0
    for index, stroke in enumerate(strokes):
        try:
            points = np.asarray(stroke, dtype=np.float64)
        except (TypeError, ValueError):
            raise ValueError(_not_pairs(index)) from None
        if points.size == 0:
            continue
        if points.ndim != 2 or points.shape[1] != 2:  # a lone number, or points that are not pairs
            raise ValueError(_not_pairs(index))
        count += len(points)
        if count > MAX_POINTS:
            raise ValueError(too_many_points())
        bad = ~np.isfinite(points).all(axis=1)
        if bad.any():
            point = int(np.argmax(bad)) + 1
            raise ValueError(Words("stroke {stroke}, point {point} is not a finite number", stroke=index + 1,
                                   point=point))
        if np.abs(points).max() > _MAX_COORDINATE:
            raise ValueError(Words("stroke {stroke} has a coordinate beyond ±{limit:g}; the drawing is not in pixel "
                                   "units", stroke=index + 1, limit=_MAX_COORDINATE))
        result.append(points)
    return ValidStrokes(result)


def _not_pairs(index: int) -> Words:
    return Words("stroke {stroke} is not a list of [x, y] number pairs", stroke=index + 1)


def too_many_points() -> Words:
    """Why a drawing is refused before it is read: the one limit of the pad, of files and of the CLI."""
    return Words("the drawing has more than {limit:,} points (the limit); it is not a drawing", limit=MAX_POINTS)


def fit_to_canvas(
    strokes: Strokes, box: tuple[float, float] | None = None, canvas_size: float = CANVAS_SIZE
) -> list[np.ndarray]:
    """Map strokes drawn in a ``(width, height)`` box onto the square canvas.

    The box is scaled uniformly (the digit keeps its shape) and centred, as if
    the person had drawn on the canvas itself.  ``box=None`` means the strokes
    are already in canvas coordinates.
    """
    validated = validate_strokes(strokes)
    if box is None:
        return validated
    width, height = (float(v) for v in box)
    if not (math.isfinite(width) and math.isfinite(height)) or width <= 0 or height <= 0:
        raise ValueError(Words("the drawing box must have a positive width and height, got {box!r}", box=box))
    scale = canvas_size / max(width, height)
    offset = np.array([(canvas_size - width * scale) / 2, (canvas_size - height * scale) / 2])
    return ValidStrokes(points * scale + offset for points in validated)


def strokes_to_tensor(
    strokes: Strokes,
    brush_width: float = DEFAULT_BRUSH,
    *,
    method: Method = "vector",
    pen_width: float = DEFAULT_PEN_WIDTH,
    canvas_size: int = CANVAS_SIZE,
) -> np.ndarray | None:
    """The 28×28 float32 tensor for strokes in canvas coordinates, or None if nothing is drawn.

    ``method="vector"`` (the default) re-renders the strokes in the 20×20 box
    with ``pen_width``; the brush width does not matter.  ``method="raster"``
    paints the strokes on the canvas with the brush, then normalises the image
    the way raster files are: kept to compare the two in bench/.
    """
    validated = validate_strokes(strokes)
    if not validated:
        return None
    if method == "vector":
        return render_normalised(validated, pen_width)
    if method == "raster":
        canvas = render_canvas(validated, brush_width, canvas_size)
        return normalise_ink(canvas)
    raise ValueError(f"method must be 'vector' or 'raster', got {method!r}")


@dataclass(frozen=True)
class Placement:
    """Where a drawing went: tensor = (canvas - centre) * scale + shift, in 28×28 pixel units
    (pixel i covers [i, i+1)).  Maps the network's view back onto the canvas and out again."""

    scale: float
    centre: tuple[float, float]
    shift: tuple[float, float]

    def to_tensor(self, points: np.ndarray) -> np.ndarray:
        return (np.asarray(points, float) - self.centre) * self.scale + self.shift

    def to_canvas(self, points: np.ndarray) -> np.ndarray:
        if self.scale == 0:
            return np.broadcast_to(np.asarray(self.centre, float), np.shape(points)).copy()
        return (np.asarray(points, float) - self.shift) / self.scale + self.centre


def render_normalised(strokes: list[np.ndarray], pen_width: float = DEFAULT_PEN_WIDTH) -> np.ndarray:
    """Scale the strokes' skeleton so its ink fits 20×20, render anti-aliased, centre the mass."""
    return render_with_placement(strokes, pen_width)[0]


def render_with_placement(strokes: list[np.ndarray],
                          pen_width: float = DEFAULT_PEN_WIDTH) -> tuple[np.ndarray, Placement]:
    """render_normalised, and the Placement that maps canvas points to tensor pixels."""
    if not 0.5 <= pen_width <= DIGIT_BOX / 2:
        raise ValueError(f"pen_width must be between 0.5 and {DIGIT_BOX / 2} pixels, got {pen_width}")
    all_points = np.concatenate(strokes)
    low, high = all_points.min(axis=0), all_points.max(axis=0)
    extent = float((high - low).max())
    # The skeleton plus half a pen on each side fills the 20×20 box, as MNIST's ink does.
    # A drawing smaller than a millionth of a pixel is a dot (dividing by its size would overflow).
    scale = (DIGIT_BOX - pen_width) / extent if extent > 1e-6 else 0.0
    centre = (low + high) / 2
    # Render on a margin so the centre-of-mass shift never cuts ink off.
    margin = MNIST_SIZE
    size = (MNIST_SIZE + 2 * margin) * _SUPERSAMPLE
    placed = [((points - centre) * scale + margin + MNIST_SIZE / 2) * _SUPERSAMPLE for points in strokes]
    image = _draw_polylines(placed, pen_width * _SUPERSAMPLE, size)
    tensor, top, left = _crop_at_centre_of_mass(image, margin * _SUPERSAMPLE)
    shift = (margin + MNIST_SIZE / 2 - left / _SUPERSAMPLE, margin + MNIST_SIZE / 2 - top / _SUPERSAMPLE)
    return tensor, Placement(scale, (float(centre[0]), float(centre[1])), shift)


def render_canvas(strokes: list[np.ndarray], brush_width: float, canvas_size: int = CANVAS_SIZE) -> np.ndarray:
    """Paint strokes as the canvas shows them: a float image, white ink on black, values in [0, 1]."""
    if not MIN_BRUSH / 2 <= brush_width <= MAX_BRUSH * 4:
        raise ValueError(f"brush width must be between {MIN_BRUSH} and {MAX_BRUSH} pixels, got {brush_width}")
    size = canvas_size * 2
    scaled = [points * 2 for points in strokes]
    image = _draw_polylines(scaled, brush_width * 2, size)
    return np.asarray(Image.fromarray(image).reduce(2), dtype=np.float32) / 255.0


def _draw_polylines(strokes: list[np.ndarray], width: float, size: int) -> np.ndarray:
    """Round-capped, round-joined polylines in white on a black uint8 square."""
    image = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(image)
    radius = width / 2
    min_step = _MIN_SEGMENT * _SUPERSAMPLE
    for points in strokes:
        points = _drop_close_points(points, min_step)
        for x, y in points:
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
        if len(points) > 1:
            draw.line([tuple(p) for p in points], fill=255, width=max(1, round(width)))
    return np.asarray(image)


def _drop_close_points(points: np.ndarray, min_step: float) -> np.ndarray:
    """Keep the first point and every point at least ``min_step`` from the last kept one."""
    if len(points) < 3:
        return points
    steps = np.linalg.norm(np.diff(points, axis=0), axis=1)
    if steps.min() >= min_step:
        return points
    kept = [points[0]]
    travelled = 0.0
    for point, step in zip(points[1:], steps):
        travelled += step
        if travelled >= min_step:
            kept.append(point)
            travelled = 0.0
    if not np.array_equal(kept[-1], points[-1]):
        kept.append(points[-1])
    return np.asarray(kept)


def _crop_at_centre_of_mass(image: np.ndarray, margin: int) -> tuple[np.ndarray, int, int]:
    """Cut the 28×28 window (in supersampled pixels) whose centre is the ink's centre of mass;
    also where the window's corner was (top, left), in supersampled pixels."""
    if not image.any():
        return np.zeros((MNIST_SIZE, MNIST_SIZE), np.float32), margin, margin
    cy, cx = centre_of_mass(image)
    window = MNIST_SIZE * _SUPERSAMPLE
    top = int(round(cy - _CENTRE * _SUPERSAMPLE))
    left = int(round(cx - _CENTRE * _SUPERSAMPLE))
    top = min(max(top, 0), image.shape[0] - window)
    left = min(max(left, 0), image.shape[1] - window)
    crop = Image.fromarray(image[top : top + window, left : left + window])
    return np.asarray(crop.reduce(_SUPERSAMPLE), dtype=np.float32) / 255.0, top, left


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    """(row, column) of an image's intensity centre of mass, in continuous coordinates (pixel i covers
    [i, i+1)).  The image must hold some ink."""
    weights = np.asarray(image, np.float64)
    total = weights.sum()
    rows = (weights.sum(axis=1) * (np.arange(weights.shape[0]) + 0.5)).sum() / total
    columns = (weights.sum(axis=0) * (np.arange(weights.shape[1]) + 0.5)).sum() / total
    return float(rows), float(columns)


# --- raster images -----------------------------------------------------------

def normalise_ink(ink: np.ndarray) -> np.ndarray | None:
    """MNIST normalisation of a white-on-black float image: crop, fit 20×20, centre the mass.

    Returns None when there is no ink.
    """
    crop = ink_crop(ink)
    if crop is None:
        return None
    height, width = crop.shape
    scale = DIGIT_BOX / max(height, width)
    new_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    resized = Image.fromarray(crop, mode="F").resize(new_size, Image.Resampling.LANCZOS)
    digit = np.clip(np.asarray(resized), 0.0, 1.0)
    return _paste_at_centre_of_mass(digit)


def ink_crop(ink: np.ndarray) -> np.ndarray | None:
    """A white-on-black float image cropped to its ink and scaled so that its brightest pixel is 1, as
    ``normalise_ink`` crops it; None when there is no ink."""
    ink = np.asarray(ink, dtype=np.float32)
    if ink.ndim != 2:
        raise ValueError(f"expected a 2-D grey image, got shape {ink.shape}")
    peak = float(ink.max()) if ink.size else 0.0
    if not math.isfinite(peak) or peak <= 0:
        return None
    mask = ink > _INK_THRESHOLD * peak
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    return ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1] / peak


def _paste_at_centre_of_mass(digit: np.ndarray) -> np.ndarray:
    """Place a ≤20×20 digit in a 28×28 field with its centre of mass at MNIST's centre."""
    out = np.zeros((MNIST_SIZE, MNIST_SIZE), np.float32)
    if not digit.sum() > 0:
        return out
    height, width = digit.shape
    cy, cx = centre_of_mass(digit)
    top = int(round(_CENTRE - cy))
    left = int(round(_CENTRE - cx))
    top = min(max(top, 0), MNIST_SIZE - height)
    left = min(max(left, 0), MNIST_SIZE - width)
    out[top : top + height, left : left + width] = digit
    return out
