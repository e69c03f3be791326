"""Turn drawings and images into the 28×28 MNIST-style tensor the convnet reads.

MNIST's own recipe (LeCun et al.): fit the digit's ink into a 20×20 box keeping
the aspect ratio, anti-aliased with grey levels kept, then place it in a 28×28
field so that the intensity centre of mass sits at the centre.  White digit on
black, values in [0, 1].

Drawings are vectors, so they are re-rendered *after* scaling, with a pen of
fixed width relative to the 20×20 box.  That makes the tensor independent of
where the digit was drawn, how big, and how thick the brush was on screen.
Raster images (and the optional "raster" method for drawings) are cropped to
their ink and resampled instead.

Pure numpy and Pillow: no Qt, no TensorFlow.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np
from PIL import Image, ImageDraw, UnidentifiedImageError

from digitpad.model.ink import find_ink

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
        raise ValueError("strokes must be a list of strokes, each a list of [x, y] points")
    result, count = [], 0
    for index, stroke in enumerate(strokes):
        try:
            points = np.asarray(stroke, dtype=np.float64)
        except (TypeError, ValueError):
            raise ValueError(f"stroke {index + 1} is not a list of [x, y] number pairs") from None
        if points.size == 0:
            continue
        count += len(points)
        if count > MAX_POINTS:
            raise ValueError(f"the drawing has more than {MAX_POINTS:,} points (the limit); it is not a drawing")
        if points.ndim != 2 or points.shape[1] != 2:
            raise ValueError(f"stroke {index + 1} is not a list of [x, y] number pairs")
        bad = ~np.isfinite(points).all(axis=1)
        if bad.any():
            point = int(np.argmax(bad)) + 1
            raise ValueError(f"stroke {index + 1}, point {point} is not a finite number")
        if np.abs(points).max() > _MAX_COORDINATE:
            raise ValueError(
                f"stroke {index + 1} has a coordinate beyond ±{_MAX_COORDINATE:g}; "
                "the drawing is not in pixel units"
            )
        result.append(points)
    return ValidStrokes(result)


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
        raise ValueError(f"the drawing box must have a positive width and height, got {box!r}")
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
    scale = (DIGIT_BOX - pen_width) / extent if extent > 0 else 0.0
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
    ink = np.asarray(ink, dtype=np.float32)
    if ink.ndim != 2:
        raise ValueError(f"expected a 2-D grey image, got shape {ink.shape}")
    peak = float(ink.max()) if ink.size else 0.0
    if not math.isfinite(peak) or peak <= 0:
        return None
    mask = ink > _INK_THRESHOLD * peak
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    crop = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1] / peak
    height, width = crop.shape
    scale = DIGIT_BOX / max(height, width)
    new_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    resized = Image.fromarray(crop, mode="F").resize(new_size, Image.Resampling.LANCZOS)
    digit = np.clip(np.asarray(resized), 0.0, 1.0)
    return _paste_at_centre_of_mass(digit)


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


def open_image(path) -> Image.Image:
    """Open an image file fully, or raise ValueError saying why it cannot be read.

    Pillow's decompression-bomb guard stays on: a huge image is refused
    before it is decoded, rather than filling memory.
    """
    try:
        image = Image.open(path)
        image.load()
        return image
    except FileNotFoundError:
        raise ValueError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ValueError(f"{path}: is a folder, not an image") from None
    except Image.DecompressionBombError as error:
        raise ValueError(f"{path}: the image is too large to open safely ({error})") from None
    except (UnidentifiedImageError, SyntaxError):
        raise ValueError(f"{path}: not an image file Pillow can read") from None
    except (OSError, ValueError, EOFError) as error:
        raise ValueError(f"{path}: the image is damaged or truncated ({error})") from None


Box = tuple[float, float, float, float]
# A reading is in doubt when its strokes are less than this many noise σ darker than the paper, or
# darker than it by less than this share of its brightness (a stain; pen and pencil are 0.3 and more) ...
FAINT_BELOW_SIGMAS = 10.0
FAINT_BELOW_CONTRAST = 0.2
# ... or when the ink elsewhere in the image is at least this share of the digit's (other writing, clutter).
CLUTTERED_ABOVE = 0.5


@dataclass(frozen=True)
class ImageReading:
    """What read_image found in an image: the crop it took, the 28×28 tensor, the pieces of ink.

    ``size`` is the image's (width, height) in pixels as it was opened.  Every box is
    (x0, y0, x1, y1) in those pixels, x1 and y1 exclusive, whatever size the image was read at.

    - ``box``: the crop that was taken, around all the digit's ink; None when there is nothing
      to read (blank paper, only specks, nothing that stands out from the paper's noise).
    - ``tensor``: the 28×28 the network reads for all of that ink (None when there is nothing).
    - ``marks``: boxes of the connected pieces of ink that make up the digit, left to right (a
      5's bar is a mark of its own).  Several digits side by side are several marks;
      ``model.numbers.read_image_number`` groups them into digits the way the network reads
      most confidently, and ``tensor_of``/``box_of`` give the tensor and box of any group.
    - ``doubt``: why the answer may be unreliable, or None: the ink is faint (against the paper's
      noise, or hardly darker than the paper), or there is half as much other ink (clutter) as
      digit or more.  Show such an answer as unsure.
    - ``light_on_dark``: the ink was lighter than its paper (chalk on a board, white on black).
    - ``noise``: the paper's noise σ in grey levels from 0 to 1 (after a 3×3 mean); ``contrast``:
      how much darker than its paper the strokes are, as a share of the paper's brightness.
    """

    size: tuple[int, int]
    box: Box | None
    tensor: np.ndarray | None
    marks: tuple[Box, ...] = ()
    doubt: str | None = None
    light_on_dark: bool = False
    noise: float = 0.0
    contrast: float = 0.0
    _paper: object = field(default=None, repr=False, compare=False)  # model.ink.PaperInk at the read size
    _scale: tuple[float, float] = field(default=(1.0, 1.0), repr=False, compare=False)

    @property
    def is_blank(self) -> bool:
        return self.tensor is None

    def tensor_of(self, marks: Sequence[int]) -> np.ndarray | None:
        """The 28×28 tensor of the given marks (indices into ``marks``) only."""
        if self._paper is None or not marks:
            return None
        return normalise_ink(self._paper.ink_of(self._labels(marks)))

    def box_of(self, marks: Sequence[int]) -> Box | None:
        """The box around the given marks (indices into ``marks``), in the image's pixels."""
        if self._paper is None or not marks:
            return None
        return self._to_image(self._paper.box(self._labels(marks)))

    def _labels(self, marks: Sequence[int]) -> list[int]:
        if any(not 0 <= i < len(self.marks) for i in marks):
            raise ValueError(f"mark indices must be between 0 and {len(self.marks) - 1}, got {list(marks)}")
        return [self._paper.digit[i] for i in marks]

    def _to_image(self, box: tuple[int, int, int, int]) -> Box:
        sx, sy = self._scale
        width, height = self.size
        return (float(math.floor(box[0] * sx)), float(math.floor(box[1] * sy)),
                float(min(width, math.ceil(box[2] * sx))), float(min(height, math.ceil(box[3] * sy))))


def read_image(image: Image.Image) -> ImageReading:
    """Find the digit in a Pillow image of any mode, size and polarity: a photo or scan of paper,
    or a clean digit.  Never raises for odd content; blank paper gives a reading with ``box=None``.

    Big images are averaged down to at most 1024 pixels first (the digit ends up 20 pixels tall
    anyway); boxes are given in the original image's pixels all the same.
    """
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)
    size = image.size
    shrunk = _shrink(image)
    grey = _to_grey(shrunk)
    if grey.size == 0:
        return ImageReading(size, None, None)
    paper = find_ink(grey)
    if paper.is_blank:
        return ImageReading(size, None, None, light_on_dark=paper.light_on_dark, noise=paper.noise)
    scale = (size[0] / grey.shape[1], size[1] / grey.shape[0])
    reading = ImageReading(size, None, None, light_on_dark=paper.light_on_dark, noise=paper.noise,
                           contrast=paper.contrast, _paper=paper, _scale=scale)
    marks = tuple(reading._to_image(paper.marks[label].box) for label in paper.digit)
    return replace(reading, box=reading._to_image(paper.box()), tensor=normalise_ink(paper.ink), marks=marks,
                   doubt=_doubt(paper))


def _doubt(paper) -> str | None:
    if paper.strength < FAINT_BELOW_SIGMAS:
        return "the ink is faint against the paper's noise"
    if paper.contrast < FAINT_BELOW_CONTRAST:
        return "the ink is hardly darker than the paper"
    if paper.clutter >= CLUTTERED_ABOVE:
        return "there is other ink around the digit"
    return None


def image_to_tensor(image: Image.Image) -> np.ndarray | None:
    """The 28×28 tensor for a Pillow image of any mode, or None if it holds no digit.

    Handles alpha, palettes, 16-bit and float images, CMYK, either polarity, and photos
    of paper (see read_image, which also says where the digit is).
    """
    return read_image(image).tensor


def image_to_ink(image: Image.Image) -> np.ndarray:
    """The digit's ink in ``image``, white on black in [0, 1] (0 off the strokes), at the size
    the image is read at (≤ 1024 pixels): what image_to_tensor crops, fits and centres."""
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)
    grey = _to_grey(_shrink(image))
    return find_ink(grey).ink if grey.size else np.zeros((0, 0), np.float32)


def _shrink(image: Image.Image, largest: int = 1024) -> Image.Image:
    """Big photos and scans are averaged down first: the digit ends up 20 pixels tall anyway."""
    factor = math.ceil(max(image.size) / largest)
    if factor <= 1:
        return image
    if image.mode not in ("L", "LA", "RGB", "RGBA", "I", "F"):
        image = image.convert("RGBA")
    return image.reduce(factor)


def _to_grey(image: Image.Image) -> np.ndarray:
    """Luminance in [0, 1] as float32; transparent pixels become the background."""
    mode = image.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        values = np.asarray(image, dtype=np.float64)
        top = 65535.0 if mode.startswith("I;16") or values.max() > 255 else 255.0
        return np.clip(values / top, 0, 1).astype(np.float32)
    if mode == "F":
        values = np.nan_to_num(np.asarray(image, dtype=np.float64), nan=0.0, posinf=0.0, neginf=0.0)
        low, high = values.min(), values.max()
        return ((values - low) / (high - low) if high > low else values * 0).astype(np.float32)
    if mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        return _composite_alpha(image.convert("RGBA"))
    return np.asarray(image.convert("L"), dtype=np.float32) / 255.0


def _composite_alpha(image: Image.Image) -> np.ndarray:
    """Put a transparent image on a background that contrasts with its ink."""
    rgba = np.asarray(image, dtype=np.float32) / 255.0
    alpha = rgba[..., 3]
    luminance = rgba[..., 0] * 0.299 + rgba[..., 1] * 0.587 + rgba[..., 2] * 0.114
    if alpha.min() > 0.98:
        return luminance
    opaque = alpha > 0.5
    ink_is_dark = opaque.any() and float(luminance[opaque].mean()) < 0.5
    paper = 1.0 if ink_is_dark else 0.0
    return (luminance * alpha + paper * (1 - alpha)).astype(np.float32)
