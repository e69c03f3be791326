"""Ink on paper: which pixels of a photo or scan are a digit's strokes, and how dark they are.

The way document scanners do it.  The paper's own brightness is estimated
locally, on a small copy of the image, with a morphological closing (a max
filter, then a min filter, wider than any pen stroke) and a light blur: the
strokes vanish from the estimate, while light that falls off across the sheet
stays in it and cancels when the image is compared with it.  Ink is how much
darker than its paper a pixel is (light ink on a dark board: how much brighter).

What counts as ink is decided by the image itself.  The paper's noise is
measured (a robust spread of the darkness map, which is mostly paper); a mark
must rise well above that noise in grey levels, be darker than its paper by a
minimum share of the paper's brightness, and lie above the contrast Otsu's
method puts between faint marks and the strongest ink.  Connected ink is
labelled; specks are dropped, and the digit is the largest connected ink plus
the ink near it (the bar of a 5, the next digits of a number).  The grey levels
of the strokes are kept, so the digit is anti-aliased the way MNIST's are.

Pure numpy and Pillow (for resampling): no Qt, no TensorFlow, no SciPy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image

# The paper's brightness is estimated on a copy about this many pixels across: light changes slowly,
# and the estimate then costs a few milliseconds even for a 12-megapixel photo.
BACKGROUND_SIDE = 240
# Width of the closing window, as a share of the image's shorter side.  It must be wider than the
# widest pen stroke (a digit filling the frame, drawn with a marker, has strokes ~12% of it) ...
BACKGROUND_WINDOW = 0.2
# ... and at least 1 / this times the thickest stroke found; if not, the paper is estimated again, wider.
STROKE_SHARE_OF_WINDOW = 0.5
# Where ink at the image's side is looked for (a strip of desk), the paper's level past a side is carried out from
# two bands this share of the shorter side deep, just inside a band as deep along the side, where that ink is.
EDGE_PAPER_DEPTH = 0.07
# Which is ink, the dark or the light, is decided on a copy this big, against a local median of
# the paper computed on an even smaller one.
POLARITY_CHECK_SIDE = 320
POLARITY_SIDE = 48
# ... keeping at least this many pixels across its shorter side: a field five times as wide as tall, reduced by its
# longer side, kept 9 rows, its printed box's lines two of them, and the median took a line's level for the paper's.
# (Padding the median's window by reflection instead of repeating the border rows read two more boxed fields of 100,
# but it turned the polarity of a photo with a white desk beside shaded paper, and 3 tight crops of 200 went wrong.)
POLARITY_LEAST_SIDE = 24
# A crop at most this big (pixels, the longer side) has its polarity decided by which side of its border's
# median its pixels reach FARTHER_SIDE times as far (when neither does, by the local median as for photos).
SMALL_CROP = 96
FARTHER_SIDE = 2.0
# Dark ink may be more than half of such a crop (a bold digit cut at its edges is up to two thirds ink), up to
# MOST_INK of it, where at least INK_AT_THE_BORDER of the crop's border is ink (a bold digit's is 7% or more).
MOST_INK = 0.8
INK_AT_THE_BORDER = 0.04
# A mark must reach this many noise σ above the paper somewhere, and it extends down to WEAK_SIGMAS.
STRONG_SIGMAS = 6.0
WEAK_SIGMAS = 3.0
# Ink at least this much darker than its paper (a share of the paper's brightness), as before issue 20;
# fainter than that is a stain or a shadow, even on a noiseless scan.
MIN_CONTRAST = 0.08
# The paper's level and noise are measured again this many times on the pixels within CLIP_SIGMAS of it.
CLIPPING_ROUNDS = 3
CLIP_SIGMAS = 3.0
# ... and the weak level never goes below this, so that JPEG ringing on a clean scan is not a stroke.
MIN_WEAK = 0.02
# A mark is a speck (dust, noise) if it covers less than this share of the largest mark's area.
SPECK_SHARE = 0.03
# The digit must be at least this big: a share of the image's shorter side, and in pixels.
MIN_DIGIT_SHARE = 0.04
MIN_DIGIT_PIXELS = 6
# Marks belong to the digit when they are this close to it, in heights of its largest mark: sideways far
# enough to reach the next digit of a number, up and down only a little (not the next line of writing).
NEAR_SIDEWAYS = 0.6
NEAR_VERTICAL = 0.25
# A mark as tall as half the digit and on its line of writing is the next digit up to this far away.
NEAR_SAME_LINE = 1.5
# The strokes' own darkness is this percentile of their ink; it becomes 1 (MNIST's core level).
CONTRAST_PERCENTILE = 99
# A printed line (a form's baseline, ruled paper) crosses the whole image, straight, and is thin:
# rows that ink covers across at least this share of the image ...
LINE_COVER = 0.75
# ... and its fringes, rows covered at least this much next to them (a blurred line's edges) ...
LINE_FRINGE_COVER = 0.4
# ... at most this many on each side ...
LINE_FRINGE_ROWS = 2
# ... in a band (without its fringes) no thicker than this share of the image's height (and 3 pixels at
# least), in an image at least WIDE_FIELD times as wide as tall, or holding at least LINE_ALONE_SHARE of all the ink.
LINE_THICKNESS = 0.12
WIDE_FIELD = 1.5
LINE_ALONE_SHARE = 0.75
# ... or where the other ink spans at most this share of the image's width (the line reaches beyond it).
LINE_BEYOND_WRITING = 0.6
# A photo of ruled paper is seldom square to the camera: its lines may slope by up to this many degrees, looked
# for in steps of LINE_SLOPE_STEP degrees.  A slope is used only where it makes a line that level rows do not.
LINE_MAX_SLOPE = 8.0
LINE_SLOPE_STEP = 0.5
# Squared paper's lines cross the whole image: most reach within this share of the width of both its sides ...
LINE_EDGE_MARGIN = 0.03
# ... the lines across and the lines down are square to each other, to within this many degrees, and as far
# apart as each other, to within this ratio.
GRID_SQUARENESS = 2.0
GRID_SPACING_RATIO = 1.25
# Ruled paper shows at least this many evenly spaced lines (``_evenly_ruled``).
RULED_LINES = 3
# Where the grid is nearly all the ink of an image bigger than a crop (a sheet with nothing written on it), it has at
# least GRID_BLANK_LINES lines each way, printed thin: at most GRID_LINE_SHARE of the image's shorter side.  A tight
# crop's security pattern, or the stems of 111 on a ruled line, can be nearly all its ink too.
GRID_BLANK_LINES = 3
GRID_LINE_SHARE = 0.02
# A mark at least this many times as wide as it is tall, and as thick everywhere along it as a line is (no column
# holds more than twice its median column's ink and a pixel), is a flat sliver: a piece of a printed line that was
# not taken away whole (broken by the light, or sloping out of the image), a dash or a fold.  No digit is one: a
# digit is looked for among the other marks (a 7's or a 5's bar may still join the digit as a mark near it).  Digits
# written on a short printed line are one mark with it, but thicker where they stand: not a sliver.
FLAT_SLIVER = 5
# A flat sliver joins the digit as its bar only when at most this many times as wide as the digit is tall or wide:
# a 7's bar is about as wide as the 7; a printed line under the digit, several times wider, once joined a 0 (read 9).
# Wider, it is print: not counted as other writing beside the digit either (a marker's thick dash still is).
SLIVER_BAR_WIDTH = 2
# A mark at least this many times as wide as tall may be writing that stands on a printed line (a form field's
# underline): one mark with it.  No digit, nor a number's digits joined, is that wide by itself.
UNDERLINED_WIDTH = 3
# ... when its line is at most this share of the writing's stroke width: a form's printed line is thinner than a
# pen's strokes, and a 2's long base or a 7's long bar, as thick as the pen, stays.
UNDERLINE_THINNER = 0.6
# A digit that is one mark lying along the image's side (touching it, within FRAME_TOUCH pixels, for at least
# FRAME_CONTACT of the mark's length, at least FRAME_LONG times as long as it is deep, and at most FRAME_DEPTH of
# the shorter side deep) may be the edge of something beyond the paper: a strip of desk the sheet finder left (a
# wedge too thin for its copy), the next sheet, a shadow's border.  Left as the digit, such a strip read as a sure 1.
# A 1 cut by the frame looks the same: the reading is kept, in doubt.  So is a digit that is one mark running from
# a side to the opposite one (within FRAME_TOUCH of both), at most FRAME_DEPTH of the shorter side across, within
# the outer FRAME_OUTER of the image's width (or height) on either side: a line across the whole frame (the next
# sheet's edge, a shadow's border, a notebook's margin), which read as a sure 1.  No whole digit leaves the frame at
# both ends, but a crop cut tight above and below its 1 centres it: the middle is left alone.  Not in a crop
# (SMALL_CROP or less across), where no desk shows and a form's cell may hold a 1 against its side.
FRAME_TOUCH = 2
FRAME_CONTACT = 0.5
FRAME_LONG = 3
FRAME_DEPTH = 0.09
FRAME_OUTER = 1 / 3
# An image bigger than SMALL_CROP that is a tight crop of one digit (a phone photo or a fine scan cut around it) is
# read as a small crop, on a copy SMALL_CROP across.  Its digit fills it as a small crop's does: read as a photo, a
# local median there was half ink (it took a bold digit for light ink on dark paper), and the paper's estimate
# repeated the strokes along its sides out past them and took them in (a 7's bar).  On the copy, the closing's windows
# stop at its sides instead (a small crop's own sides, repeated, follow a form's print there better, in a scan 20 px
# tall).  It is one when it is shaped like a one-digit crop and, on the copy, its ink (on the side away from its
# border's level, ``_farther_side``; printed lines left out, as squared paper's grid crosses a photo) and the digit
# found there come within TIGHT_MARGIN of its longer side of all four sides, the digit's heaviest mark at least
# TIGHT_MARK_HEIGHT of the copy's height (specks of desk in a photo's corners reached its sides around a small 6).
# A photo leaves more paper around its digit on one side at least; a number, wider, is read as it was.
TIGHT_MARGIN = 0.1
TIGHT_MARK_HEIGHT = 0.7
# A tight crop less than READ_HEIGHT px tall is read on a copy enlarged to that height: a digit 16-40 px tall has
# strokes of 2-6 px, too few pixels for the paper's closing (its window blurs into them) and for the noise estimate
# (a crop of 120 px has no 50 pixels of paper to measure).
READ_HEIGHT = 64
# A printed box's side is at most this share of its length thick, the 3×3 mean's widening included (a line of 1-2 px
# along a cell 24-96 px wide); a small digit's strokes are thicker for their length (``_sides_of_a_box``).
BOX_SIDE_THICKNESS = 0.1
# A printed line taken away meets a line down that is the box's side within this many pixels: the band removed
# with the line takes its fringe rows, and the side's end with them (``_side_at_a_lines_end``).
SIDE_REACH = 5
# Writing runs along a box's side where more than this share of the side's columns hold over a pixel more ink than
# the LINE_ALONE_PERCENTILE-th percentile of them, the line alone (``_writing_along_a_line``).
ALONG_THE_LINE_SHARE = 0.25
LINE_ALONE_PERCENTILE = 10
# A cut-out cell's printed box lies within this share of the image's width (height) of its sides
# (``_box_sides_of_a_cell``).
CELL_SIDE_MARGIN = 0.2
# A cut-out cell is at least this share of its height wide; a tight crop of a 1, or of an 11, is narrower
# (``_sides_down_of_a_cell``).
CELL_LEAST_WIDTH = 0.6
# A printed line's centre strays from a straight line by at most this many pixels, and its width (the 3×3 mean's
# widening included) varies by at most this σ, both from pixel rounding and blur alone; a pen's 1 wanders and
# swells more (``_printed_down``).  Measured on generated cells (lines 1-2.5 px, askew up to 4°, 20-96 px): at most
# 1.15 and 1.64; a handwritten 11's 1s: at least one of the two over.
PRINTED_LINE_WANDER = 1.25
PRINTED_LINE_UNEVENNESS = 1.75
# A ruled line sloping out of the image near a corner is looked for where at least this many of its pixels are in it.
LINE_CORNER_PIXELS = 8


@dataclass(frozen=True)
class Mark:
    """One connected piece of ink.  ``box`` is (x0, y0, x1, y1), x1 and y1 exclusive, in the grey image's pixels;
    ``peak`` its darkest point in grey levels above the paper, ``contrast`` that as a share of the paper's
    brightness, ``mass`` the sum of its darkness as shares of the paper."""

    label: int
    box: tuple[int, int, int, int]
    area: int
    mass: float
    peak: float
    contrast: float

    @property
    def width(self) -> int:
        return self.box[2] - self.box[0]

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]


@dataclass
class PaperInk:
    """What find_ink found.  ``ink`` holds the digit's strokes only (0 elsewhere), white on black in [0, 1].

    ``labels`` numbers every mark's pixels (0 for paper); ``digit`` lists the marks that make up the digit
    (or the number), left to right; ``clutter`` is how much other ink there is, as a share of the digit's.
    """

    ink: np.ndarray
    labels: np.ndarray
    marks: dict[int, Mark]
    digit: list[int]
    noise: float  # the paper's noise σ in grey levels (0–1), after a 3×3 mean
    contrast: float  # how much darker than its paper the strokes are, as a share of the paper's brightness
    strength: float  # how much darker than its paper the strokes are, in noise σ
    light_on_dark: bool
    clutter: float
    grid_like: bool = False  # nearly all the ink, the digit's and the rest, is lines across and down the image
    along_the_frame: bool = False  # the digit is one mark lying along the image's side (FRAME_CONTACT)
    across_the_frame: bool = False  # the digit is one thin mark running from a side to the opposite one
    box_like: bool = False  # the digit is nearly all straight lines along the image's sides, a cell's printed box

    @property
    def is_blank(self) -> bool:
        return not self.digit

    def box(self, labels=None, columns: tuple[int, int] | None = None) -> tuple[int, int, int, int] | None:
        """The box around the given marks (all of the digit's by default), in the grey image's pixels; with
        ``columns`` (start, stop, counted from the marks' left edge), around their ink in those columns only."""
        labels = self.digit if labels is None else labels
        chosen = [self.marks[label] for label in labels]
        if not chosen:
            return None
        box = (min(m.box[0] for m in chosen), min(m.box[1] for m in chosen),
               max(m.box[2] for m in chosen), max(m.box[3] for m in chosen))
        if columns is None:
            return box
        x0, x1 = box[0] + max(0, columns[0]), min(box[2], box[0] + columns[1])
        ours = np.isin(self.labels[box[1]:box[3], x0:x1], list(labels))
        rows, cols = np.flatnonzero(ours.any(axis=1)), np.flatnonzero(ours.any(axis=0))
        if not len(rows):
            return None
        return (x0 + int(cols[0]), box[1] + int(rows[0]), x0 + int(cols[-1]) + 1, box[1] + int(rows[-1]) + 1)

    def ink_of(self, labels, columns: tuple[int, int] | None = None) -> np.ndarray:
        """The ink of the given marks only (in ``columns`` only, as for ``box``), cropped to its box; empty
        when those columns hold none of it."""
        box = self.box(labels, columns)
        if box is None:
            return np.zeros((0, 0), np.float32)
        x0, y0, x1, y1 = box
        window = self.ink[y0:y1, x0:x1]
        return np.where(np.isin(self.labels[y0:y1, x0:x1], list(labels)), window, 0).astype(np.float32)

    def column_ink(self, labels) -> tuple[np.ndarray, np.ndarray]:
        """How much ink of the given marks each column of their box holds, left to right, and how many
        separate strokes (runs of ink) cross it."""
        x0, y0, x1, y1 = self.box(labels)
        ours = np.isin(self.labels[y0:y1, x0:x1], list(labels))
        starts = ours & ~np.pad(ours, ((1, 0), (0, 0)))[:-1]
        return np.where(ours, self.ink[y0:y1, x0:x1], 0).sum(axis=0), starts.sum(axis=0)


def blank(shape: tuple[int, int], noise: float = 0.0, light_on_dark: bool = False) -> PaperInk:
    return PaperInk(np.zeros(shape, np.float32), np.zeros(shape, np.int32), {}, [], noise, 0.0, 0.0, light_on_dark, 0.0)


def find_ink(grey: np.ndarray, cut_at_the_ink: bool = False) -> PaperInk:
    """The digit's ink in a grey image (float, 0 black to 1 white, either polarity); ``cut_at_the_ink``: a copy
    of a tight crop (``ink_of_a_tight_crop``), whose strokes reach its sides.

    Returns a blank PaperInk when nothing stands out from the paper and its noise.
    """
    grey = np.asarray(grey, np.float32)
    if grey.ndim != 2:
        raise ValueError(f"expected a 2-D grey image, got shape {grey.shape}")
    if min(grey.shape) < 3 or float(np.ptp(grey)) < MIN_CONTRAST / 2:
        return blank(grey.shape)
    light_on_dark = _ink_is_light(grey)
    if light_on_dark is None:
        return blank(grey.shape)
    found = _ink_against_paper(grey, light_on_dark, BACKGROUND_WINDOW, cut_at_the_ink)
    if found.digit:
        # The closing must be wider than every stroke, or a thick one (a digit filling a small image,
        # a marker's loop) fills the paper estimate and turns grey.  Measure them, widen if needed.
        thickest = _thickest(found.labels > 0) / _window_side(grey.shape, grey.shape)
        if thickest > BACKGROUND_WINDOW * STROKE_SHARE_OF_WINDOW:
            wider = _ink_against_paper(grey, light_on_dark, min(1.0, thickest / STROKE_SHARE_OF_WINDOW), cut_at_the_ink)
            if wider.digit:
                found = wider
    return found


def ink_of_a_tight_crop(grey: np.ndarray) -> tuple[PaperInk, tuple[float, float]] | None:
    """The ink of an image that is a tight crop of one digit (TIGHT_MARGIN), found on a copy of a size a small crop
    reads well at, and how many of the image's pixels one of the copy's is (across, down); None when it is not one,
    or is read as it is (SMALL_CROP down to READ_HEIGHT tall).

    A bigger image's copy is at most SMALL_CROP across (averaged down), and the paper's closing stops at its sides.
    A smaller one's is READ_HEIGHT tall (bicubic), and its sides are repeated as a small crop's are: stopping the
    closing there left more of a scan's digits on a printed pattern unsure."""
    grey = np.asarray(grey, np.float32)
    if min(grey.shape) < 3:
        return None
    bigger = max(grey.shape) > SMALL_CROP
    if bigger:
        small = _resized(grey, SMALL_CROP / max(grey.shape), Image.Resampling.BOX)
    elif grey.shape[0] < READ_HEIGHT:
        small = _resized(grey, READ_HEIGHT / grey.shape[0], Image.Resampling.BICUBIC)
    else:
        return None
    if not (_is_one_digit_crop(small.shape) and _filled_by_its_ink(small)):
        return None
    found = find_ink(small, cut_at_the_ink=bigger)
    if found.is_blank or not _fills(small.shape, found.box()):
        return None
    if found.light_on_dark and not bigger:
        return None  # a cell's paper inside its printed box, so small a crop, looks like light ink that fills it
    if max(found.marks.values(), key=lambda mark: mark.mass).height < TIGHT_MARK_HEIGHT * small.shape[0]:
        return None
    return found, (grey.shape[1] / small.shape[1], grey.shape[0] / small.shape[0])


def _resized(grey: np.ndarray, scale: float, resample: Image.Resampling) -> np.ndarray:
    size = (max(3, round(grey.shape[1] * scale)), max(3, round(grey.shape[0] * scale)))
    return np.asarray(Image.fromarray(grey, mode="F").resize(size, resample), np.float32)


def _filled_by_its_ink(small: np.ndarray) -> bool:
    """Whether a crop's ink (on the side ``_farther_side`` finds, its border's level being the paper's) comes within
    TIGHT_MARGIN of all four sides.  The margin is a share of the longer side, the digit's height: a narrow crop of
    a slanting 1 leaves a little paper beside it, a share of its width."""
    smooth = _box3(small)
    paper = float(np.median(_border(small)))
    light = _farther_side(smooth, paper)
    if light is None:
        return False
    low, high = np.percentile(smooth, [0.5, 99.5]) - paper
    ink = without_printed_lines(smooth > paper + high / 2 if light else smooth < paper + low / 2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return bool(len(rows)) and _fills(small.shape, (cols[0], rows[0], cols[-1] + 1, rows[-1] + 1))


def _fills(shape: tuple[int, int], box: tuple[int, int, int, int]) -> bool:
    """Whether ``box`` (x0, y0, x1, y1) comes within TIGHT_MARGIN of the longer side of all four sides of an image."""
    reach = TIGHT_MARGIN * max(shape)
    x0, y0, x1, y1 = box
    return max(x0, y0, shape[1] - x1, shape[0] - y1) <= reach


def _ink_against_paper(grey: np.ndarray, light_on_dark: bool, window: float, cut_at_the_ink: bool) -> PaperInk:
    """find_ink with the paper estimated by a closing ``window`` (a share of the shorter side) wide."""
    paper = paper_brightness(grey, light_on_dark, window, cut_at_the_ink=cut_at_the_ink)
    darkness, lighting = _against_the_paper(grey, paper, light_on_dark)
    smooth = _box3(darkness)
    level, noise = _paper_level_and_noise(smooth)
    above = smooth - level
    weak = max(WEAK_SIGMAS * noise, MIN_WEAK)
    found = above > weak
    mask = without_printed_lines(found)
    labels, inked, digit, clutter = _the_digit(mask, above, lighting, noise)
    line = _under_a_line(labels, inked, digit) if digit else None
    if line is not None:
        # Writing that stands on a printed line (a form field's underline) is one mark with it, as wide as the
        # line: the line is taken away as it would be across a whole image, in the box of that mark, and the
        # digit looked for again.
        (x0, y0), pixels = line
        mask[y0:y0 + pixels.shape[0], x0:x0 + pixels.shape[1]] &= ~pixels
        labels, inked, digit, clutter = _the_digit(mask, above, lighting, noise)
    if not digit:
        return blank(grey.shape, noise, light_on_dark)
    in_digit = np.isin(labels, digit)
    contrast = float(np.percentile((above / lighting)[in_digit], CONTRAST_PERCENTILE))
    core = contrast * lighting
    ink = np.clip((darkness - level - weak) / np.maximum(core - weak, core / 2), 0, 1)
    ink[~in_digit] = 0
    strength = float(np.percentile(above[in_digit], CONTRAST_PERCENTILE)) / max(noise, 1e-9)
    # The digit may be the edge of something beyond the paper (FRAME_CONTACT): one mark along the side, the
    # remains of a strip there that the paper's estimate took in, or a line across the whole frame.  Not in a crop.
    photo = min(mask.shape) > SMALL_CROP
    along_the_frame = photo and (
        (len(digit) == 1 and _lies_along_a_side(labels, inked[digit[0]], mask.shape))
        or (_hugs_a_side(in_digit)
            and _part_of_a_strip_along_a_side(grey, light_on_dark, window, paper, in_digit, level, weak)))
    across_the_frame = len(digit) == 1 and _crosses_the_frame(inked[digit[0]].box, mask.shape, in_a_crop_too=True)
    return PaperInk(ink.astype(np.float32), np.where(in_digit, labels, 0).astype(np.int32),
                    {label: inked[label] for label in digit}, digit, noise, contrast, strength, light_on_dark, clutter,
                    _spans_half_the_image(in_digit) and is_mostly_a_grid(mask), along_the_frame, across_the_frame,
                    _box_sides_of_a_cell(in_digit, found & ~mask))


def _against_the_paper(grey: np.ndarray, paper: np.ndarray, light_on_dark: bool) -> tuple[np.ndarray, np.ndarray]:
    """How much darker than its ``paper`` each pixel is, in grey levels, and the brightness contrast is a share of.

    Grey levels: the paper's noise is about the same everywhere in these units, so marks are told from noise in
    them.  As a share of the paper's brightness the same stroke is equally dark in the light and in the shade, so
    that is what contrast is measured in.  (Light ink: how much brighter, and in grey levels throughout.)"""
    darkness = grey - paper if light_on_dark else paper - grey
    lighting = np.ones_like(paper) if light_on_dark else np.maximum(paper, 0.05)
    return darkness, lighting


def _spans_half_the_image(pixels: np.ndarray) -> bool:
    """Whether ``pixels`` reach across at least half of the image both ways (a grid's remains do; most digits in a
    photo do not, and need no looking for lines)."""
    return bool(np.ptp(np.flatnonzero(pixels.any(axis=0))) >= pixels.shape[1] / 2
                and np.ptp(np.flatnonzero(pixels.any(axis=1))) >= pixels.shape[0] / 2)


def _the_digit(mask: np.ndarray, above: np.ndarray, lighting: np.ndarray,
               noise: float) -> tuple[np.ndarray, dict[int, Mark], list[int], float]:
    """The marks of ``mask`` that stand out (by their darkness ``above`` the paper), and which of them are the
    digit, with how much other ink there is (``_digit_marks``)."""
    labels, marks = label_marks(mask, above, above / lighting)
    strong = [m for m in marks.values() if m.peak >= STRONG_SIGMAS * noise and m.contrast >= MIN_CONTRAST]
    otsu = _otsu(strong)
    inked = {m.label: m for m in strong if m.contrast >= otsu}
    digit, clutter = _digit_marks(inked, mask.shape, _flat_slivers(labels, inked))
    return labels, inked, digit, clutter


def _under_a_line(labels: np.ndarray, marks: dict[int, Mark],
                  digit: list[int]) -> tuple[tuple[int, int], np.ndarray] | None:
    """Where the digit's widest mark stands on a printed line: the mark's box's corner (x0, y0) and the line's pixels
    in the box; else None.  The mark is at least UNDERLINED_WIDTH times as wide as tall, a line runs along it end to
    end (``without_printed_lines`` of the mark alone), thinner than the strokes of the writing on it
    (UNDERLINE_THINNER), and that writing spans at most LINE_BEYOND_WRITING of it (digits that
    touch, or a dash joining two, leave ink all along; a 7's separate bar has none).  The writing is counted where a
    column holds more than twice the line's thickness: a sloping line leaves a pixel or two of its edge behind."""
    widest = max((marks[label] for label in digit), key=lambda m: m.width)
    if widest.width < UNDERLINED_WIDTH * widest.height:
        return None
    x0, y0, x1, y1 = widest.box
    own = labels[y0:y1, x0:x1] == widest.label
    line = own & ~without_printed_lines(own)
    if not line.any():
        return None
    thickness = float(np.median(line.sum(axis=0)[line.any(axis=0)]))
    writing = own & ~line
    used = np.flatnonzero(writing.sum(axis=0) > 2 * thickness + 1)
    if len(used) == 0 or used[-1] - used[0] + 1 > LINE_BEYOND_WRITING * own.shape[1]:
        return None
    if stroke_width(line) > UNDERLINE_THINNER * stroke_width(writing[:, used[0]:used[-1] + 1]):
        return None
    return (x0, y0), line


def stroke_width(mask: np.ndarray) -> float:
    """The median over the mask's pixels of the shorter of the two runs through each, across and down: a stroke's
    width (a slanting one's a little more); 0 for an empty mask."""
    mask = np.asarray(mask, bool)
    if not mask.any():
        return 0.0
    return float(np.median(np.minimum(_run_lengths(mask), _run_lengths(mask.T).T)[mask]))


def _run_lengths(mask: np.ndarray) -> np.ndarray:
    """How long the run of ink along its row is that each pixel of ``mask`` is in (0 off the mask)."""
    rows, cols = mask.shape
    padded = np.zeros((rows, cols + 1), bool)  # a column of paper ends every row's last run
    padded[:, :cols] = mask
    flat = padded.ravel()
    starts = flat & ~np.concatenate([[False], flat[:-1]])
    run_of = np.cumsum(starts) * flat  # each pixel's run, numbered from 1; 0 off the mask
    lengths = np.bincount(run_of)
    lengths[0] = 0
    return lengths[run_of].reshape(rows, cols + 1)[:, :cols]


# --- paper ---------------------------------------------------------------------------------

def _ink_is_light(grey: np.ndarray) -> bool | None:
    """Light ink on dark paper (True), dark on light (False), or None when neither stands out.

    The paper is what most of any neighbourhood is, so a local median is the paper; ink is the
    side on which pixels stray furthest from it.  Only the strongest strays count: where the light
    changes sharply (the edge of a shadow) the median lags, and the paper on the bright side would
    otherwise outvote a thin dark digit.  (A closing cannot decide this: it also turns the paper
    inside a 0's loop into 'ink' of the other polarity.)"""
    grey = _reduce_to(grey, POLARITY_CHECK_SIDE)
    small = max(grey.shape) <= SMALL_CROP
    smooth = _box3(grey) if small else None
    if small:
        found = _farther_side(smooth, float(np.median(_border(grey))))
        if found is not None:
            return found
    median = _upsample(_local_median(_reduce_to(grey, POLARITY_SIDE, POLARITY_LEAST_SIDE)), grey.shape)
    found = _stray_side(_box3(grey - median))
    if found is None and (small or _is_a_field(grey.shape)):
        # A field of bold digits in a printed box, on patterned paper, is so much ink and print that nothing
        # strays far from the local median: as in a tight crop, ink is the side that reaches farther.
        found = _farther_side(smooth if small else _box3(grey), float(np.median(grey)))
    return found


def _farther_side(grey: np.ndarray, paper: float) -> bool | None:
    """Polarity of a small, tight crop.  The digit fills it, so a third of it is a stroke's width and a
    local median is half ink (a blurred digit's, nearly all); and a printed pattern on the paper is as
    strong as the paper's noise is taken to be.  So small a crop has no room for the light to change,
    and its border is paper even where a stroke reaches it: ink is on the side that reaches
    FARTHER_SIDE times as far from ``paper`` (the border's median) as the other side does, and is the
    smaller part of the crop.  (A printed box around the crop makes its border dark: the paper inside would then
    be light 'ink', and most of the crop, so the border's verdict is not taken.)  Dark ink may be most of a crop
    cut at its edges, a bold digit's, but not nearly all of it, and it reaches the border (MOST_INK,
    INK_AT_THE_BORDER): a dark label or board with light writing on it, in a margin of paper, is neither."""
    low, high = np.percentile(grey, [0.5, 99.5]) - paper
    darker, lighter = -low, high
    if max(darker, lighter) < MIN_CONTRAST:
        return None
    if darker >= FARTHER_SIDE * lighter:
        dark = grey < paper - darker / 2
        share = float(np.mean(dark))
        if share <= 0.5 or (share <= MOST_INK and np.mean(_border(dark)) >= INK_AT_THE_BORDER):
            return False
        return None
    if lighter >= FARTHER_SIDE * darker:
        return None if np.mean(grey > paper + lighter / 2) > 0.5 else True
    return None


def _border(values: np.ndarray) -> np.ndarray:
    """The pixels along an image's four edges."""
    return np.concatenate([values[0], values[-1], values[1:-1, 0], values[1:-1, -1]])


def _stray_side(difference: np.ndarray) -> bool | None:
    """True when the pixels that stray furthest from the paper (0 in ``difference``) are lighter,
    False when darker, None when none stray far."""
    level, spread = _robust_level_and_spread(difference)
    spread = min(spread, _quieter_side_spread(difference, level))
    low, high = np.percentile(difference, [0.02, 99.98]) - level
    far = max(STRONG_SIGMAS * spread, MIN_CONTRAST / 2, max(-low, high) / 2)
    darker = int(np.count_nonzero(difference < level - far))
    lighter = int(np.count_nonzero(difference > level + far))
    if darker == lighter == 0:
        return None
    return lighter > darker


def paper_brightness(grey: np.ndarray, light_on_dark: bool = False, window: float = BACKGROUND_WINDOW,
                     sides_as_paper: bool = False, cut_at_the_ink: bool = False) -> np.ndarray:
    """The paper's brightness at every pixel, as if there were no ink: a closing (for dark ink; an
    opening for light ink) ``window`` wide (a share of the shorter side, wider than any stroke),
    blurred, on a copy about BACKGROUND_SIDE pixels across.

    The copy is first extended past its edges by a window's width (repeating the edge): a closing
    then follows light that falls off towards an edge exactly, instead of carrying the brighter
    paper further in out to the edge, which would make a dim corner look like ink.  Ink in the edge's
    pixels is then taken for paper too; with ``sides_as_paper`` the paper's level at the sides is
    repeated instead (``_extended_with_paper``).  An image ``cut_at_the_ink`` (``ink_of_a_tight_crop``) is not
    extended: its strokes reach its sides, and the closing's windows stop there (``_closing_cut_at_the_sides``)."""
    small = _box_blur(_reduce_to(grey, BACKGROUND_SIDE), 3)  # less noise, so the max filter is not biased up by it
    window = _odd(window * _window_side(small.shape, grey.shape))
    if min(grey.shape) > SMALL_CROP:  # a crop's sides are the digit's, or a neighbour's
        small = _brighter_sides_capped(small, light_on_dark, window)
    if cut_at_the_ink:
        return _upsample(_box_blur(_closing_cut_at_the_sides(small, window, light_on_dark), 3), grey.shape)
    first, second = (_min_filter, _max_filter) if light_on_dark else (_max_filter, _min_filter)
    if sides_as_paper:
        extended = _extended_with_paper(small, window, light_on_dark)
    else:
        extended = np.pad(small, window, "edge")
    closed = _box_blur(second(first(extended, window), window), 3)
    return _upsample(closed[window:-window, window:-window], grey.shape)


def _closing_cut_at_the_sides(small: np.ndarray, window: int, light_on_dark: bool) -> np.ndarray:
    """The closing (for light ink, the opening) of ``small`` with its windows cut at the image's sides: what lies
    beyond them counts for nothing, neither paper nor ink."""
    first, second = (_min_filter, _max_filter) if light_on_dark else (_max_filter, _min_filter)
    never = np.inf if light_on_dark else -np.inf  # never wins the first filter
    done = first(np.pad(small, window, constant_values=never), window)
    inside = np.full(done.shape, -never)  # ... and its opposite never wins the second
    inside[window:-window, window:-window] = done[window:-window, window:-window]
    return second(inside, window)[window:-window, window:-window]


def _brighter_sides_capped(small: np.ndarray, light_on_dark: bool, window: int) -> np.ndarray:
    """``small`` with what lies within EDGE_PAPER_DEPTH of a side and is brighter than anything in its row a window
    further in (for light ink: darker) set to the paper's level there (``_paper_at_side``).  A white desk beyond the
    sheet is brighter than the paper where the light falls off towards it; left, the closing carried the desk's
    brightness over the paper beside it, up to a window wide, and that paper was found as a wide mark of ink along
    the side.  Paper beside a bold digit at the side is no brighter than the paper beyond the digit, and stays."""
    depth = _side_depth(small.shape)
    if depth is None:
        return small
    capped = small.copy()
    paper_of = np.min if light_on_dark else np.max
    for turned in (capped, capped.T):  # the left and right sides, then the top and bottom
        for side in (turned, turned[:, ::-1]):
            further_in = paper_of(side[:, depth:depth + window], axis=1)
            brightest = paper_of(side[:, :depth], axis=1)
            if light_on_dark:
                intruded = brightest < further_in - MIN_CONTRAST
            else:
                intruded = brightest > further_in * (1 + MIN_CONTRAST)
            if not intruded.any():
                continue
            intruded = _sliding(intruded[:, None], window, 0).any(axis=-1)[:, 0]  # as far as the closing carries it
            # Carried no further than ink's least contrast: where the bands straddle a step (a desk's edge, its
            # grain), a carry would not follow the light.
            level = _paper_at_side(side, depth, light_on_dark, fall=MIN_CONTRAST)[:, None]
            band = side[:, :depth]
            band[intruded] = (np.maximum if light_on_dark else np.minimum)(band, level)[intruded]
    return capped


def _extended_with_paper(small: np.ndarray, window: int, light_on_dark: bool) -> np.ndarray:
    """``small`` extended past each side by ``window``, repeating the paper's level at that side rather than its
    pixels: the level is carried out to the side from two bands further in, each EDGE_PAPER_DEPTH deep (the
    brightest in each, for light ink the darkest), so that light falling off towards the side is followed while
    ink within the first band (a strip of desk, a 1 cut by the frame) is not taken for paper."""
    depth = _side_depth(small.shape)
    if depth is None:
        return np.pad(small, window, mode="edge")
    rim = small.copy()
    for turned in (rim, rim.T):  # the left and right sides, then the top and bottom
        source = turned.copy()
        turned[:, 0] = _paper_at_side(source, depth, light_on_dark)
        turned[:, -1] = _paper_at_side(source[:, ::-1], depth, light_on_dark)
    extended = np.pad(rim, window, mode="edge")
    extended[window:-window, window:-window] = small
    return extended


def _side_depth(shape: tuple[int, int]) -> int | None:
    """How deep the bands ``_paper_at_side`` looks at are (EDGE_PAPER_DEPTH of the shorter side), or None when
    three of them do not fit."""
    depth = max(1, round(EDGE_PAPER_DEPTH * min(shape)))
    return None if 3 * depth > min(shape) else depth


def _paper_at_side(values: np.ndarray, depth: int, light_on_dark: bool, fall: float | None = None) -> np.ndarray:
    """The paper's level at the left side of ``values``, row by row: the brightest (for light ink, darkest) in two
    bands ``depth`` deep, from ``depth`` in, carried on out to the side as it changes between them (light falling
    off towards the side), but never brighter than the nearer band (for light ink, darker), nor with ``fall``
    darker by more than that share; then smoothed along the side."""
    paper_of = np.min if light_on_dark else np.max
    near, far = (paper_of(values[:, band * depth:(band + 1) * depth], axis=1) for band in (1, 2))
    carried = near + 2 * (near - far)  # the bands' far ends are 2 and 3 depths in
    if light_on_dark:
        level = np.clip(carried, near, None if fall is None else near + fall)
    else:
        level = np.clip(carried, None if fall is None else near * (1 - fall), near)
    return _sliding(level[:, None], depth // 2 * 2 + 1, 0).mean(axis=-1)[:, 0]


def _window_side(shape: tuple[int, int], image_shape: tuple[int, int]) -> int:
    """The side of ``shape`` the closing window is a share of: the shorter one, but in a one-digit crop the
    longer one (a narrow crop of a 1 is only a stroke's width or two wide; its light cannot change)."""
    return max(shape) if _is_one_digit_crop(image_shape) else min(shape)


def _reduce_to(values: np.ndarray, side: int, least: int = 1) -> np.ndarray:
    """Average blocks of pixels so the longer side is about ``side``, the shorter at least ``least``: noise drops,
    the light stays."""
    factor = min(math.ceil(max(values.shape) / side), max(1, min(values.shape) // least))
    if factor <= 1:
        return values
    return np.asarray(Image.fromarray(values, mode="F").reduce(factor), np.float32)


def _upsample(values: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    if values.shape == shape:
        return values
    return np.asarray(Image.fromarray(values, mode="F").resize((shape[1], shape[0]), Image.Resampling.BILINEAR))


def _odd(size: float) -> int:
    return max(3, round(size) // 2 * 2 + 1)


def _sliding(values: np.ndarray, size: int, axis: int) -> np.ndarray:
    pad = [(size // 2, size // 2) if a == axis else (0, 0) for a in (0, 1)]
    return np.lib.stride_tricks.sliding_window_view(np.pad(values, pad, mode="edge"), size, axis=axis)


def _max_filter(values: np.ndarray, size: int) -> np.ndarray:
    return _sliding(_sliding(values, size, 0).max(axis=-1), size, 1).max(axis=-1)


def _min_filter(values: np.ndarray, size: int) -> np.ndarray:
    return _sliding(_sliding(values, size, 0).min(axis=-1), size, 1).min(axis=-1)


def _box_blur(values: np.ndarray, size: int) -> np.ndarray:
    return _sliding(_sliding(values, size, 0).mean(axis=-1), size, 1).mean(axis=-1).astype(np.float32)


def _box3(values: np.ndarray) -> np.ndarray:
    """A 3×3 mean: a stroke keeps its level, pixel noise drops to a third."""
    padded = np.pad(values, 1, mode="edge")
    rows = padded[:-2] + padded[1:-1] + padded[2:]
    return ((rows[:, :-2] + rows[:, 1:-1] + rows[:, 2:]) / 9).astype(np.float32)


def _local_median(values: np.ndarray) -> np.ndarray:
    size = _odd(min(values.shape) / 3)
    padded = np.pad(values, size // 2, mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(padded, (size, size))
    return np.median(windows.reshape(*values.shape, -1), axis=-1).astype(np.float32)


def _robust_level_and_spread(values: np.ndarray) -> tuple[float, float]:
    """Median and noise σ (1.4826 × median absolute deviation) of a map that is mostly paper."""
    step = max(1, int(math.sqrt(values.size / 100_000)))
    sample = values[::step, ::step].ravel()
    level = float(np.median(sample))
    return level, 1.4826 * float(np.median(np.abs(sample - level)))


def _quieter_side_spread(values: np.ndarray, level: float) -> float:
    """Noise σ measured on the quieter side of ``level``: ink (and a form's print) lie on one side of
    the paper only, so the other side holds the paper's noise alone, whichever side the ink is on."""
    sides = [level - values[values < level], values[values > level] - level]
    spreads = [1.4826 * float(np.median(side)) for side in sides if side.size >= 50]
    return min(spreads, default=np.inf)


def _paper_level_and_noise(darkness: np.ndarray) -> tuple[float, float]:
    """The paper's level and noise σ in a darkness map.  Ink and print only ever make paper darker, so
    the noise is measured on the light side of the median, where there is only paper: a form's fine
    printed pattern, on every side of a digit, would otherwise count as noise and hide faint ink."""
    level, spread = _robust_level_and_spread(darkness)
    step = max(1, int(math.sqrt(darkness.size / 100_000)))
    sample = darkness[::step, ::step]
    # In a small, tight crop the digit is a third of the pixels (a blurred one's, nearly half) and drags
    # the median towards ink, so the light side holds ink's edges too.  Start from the crop's border,
    # which is paper even where a stroke reaches it; then keep only what lies near the paper's level,
    # and measure again.  (In a bigger image the ink is a small share, and the level stays where it was.)
    one_digit = _is_one_digit_crop(darkness.shape)
    if one_digit:
        # ... unless the border is darker than the median: a printed box around the crop, not paper.
        border_level, border_spread = _robust_level_and_spread(_border(darkness)[None])  # as a one-row image
        if border_level <= level:
            level, spread = border_level, border_spread
    for _ in range(CLIPPING_ROUNDS if one_digit else 0):
        near = sample[np.abs(sample - level) <= CLIP_SIGMAS * max(spread, 1e-6)]
        if near.size < 50:
            break
        level = float(np.median(near))
        spread = 1.4826 * float(np.median(np.abs(near - level)))
    lighter = level - sample
    lighter = lighter[lighter > 0]
    if lighter.size < 50:
        return level, spread
    return level, min(spread, 1.4826 * float(np.median(lighter)))  # half-normal: median = 0.6745 σ


def _is_a_field(shape: tuple[int, int]) -> bool:
    """An image at least WIDE_FIELD times as wide as tall: a field of writing cut out of a form."""
    rows, cols = shape
    return cols >= WIDE_FIELD * rows


def _is_one_digit_crop(shape: tuple[int, int]) -> bool:
    """A small crop about as wide as tall: a digit cut out tightly, not a whole field of writing."""
    return max(shape) <= SMALL_CROP and not _is_a_field(shape)


def _otsu(marks: list[Mark]) -> float:
    """The contrast that best separates faint marks from strong ink (Otsu's method over the marks'
    contrasts, each weighted by its area); 0 when they are all of one kind."""
    if len(marks) < 2:
        return 0.0
    values = np.asarray([m.contrast for m in marks], np.float64)
    weights = np.asarray([m.area for m in marks], np.float64)
    order = np.argsort(values)
    values, weights = values[order], weights[order]
    below = np.cumsum(weights)[:-1]
    above = weights.sum() - below
    mean_below = np.cumsum(values * weights)[:-1] / below
    mean_above = (np.sum(values * weights) - np.cumsum(values * weights)[:-1]) / above
    between = below * above * (mean_below - mean_above) ** 2
    best = int(np.argmax(between))
    if mean_above[best] < 2 * mean_below[best]:  # one kind of mark, not faint ones and strong ones
        return 0.0
    return float((values[best] + values[best + 1]) / 2)


# --- printed lines -------------------------------------------------------------------------

def without_printed_lines(mask: np.ndarray) -> np.ndarray:
    """``mask`` without the straight printed lines that cross the whole image from side to side: a
    form's baseline, ruled paper, level or sloping a few degrees (a photo taken a little askew), and squared
    paper's grid.  Handwriting crosses such a line; where a stroke goes through it (ink just above and just
    below), the line's pixels stay part of the stroke.  See ``_lines_are_print_here`` and ``_without_grid`` for when
    lines are print."""
    rows, cols = mask.shape
    if rows < 3 or cols < 8:
        return mask
    across = _Lines.along(mask)
    if across.bands and rows >= 8:  # lines down are looked for as lines across are, in at least 8 pixels
        grid = _without_grid(mask, across)
        if grid is not None:
            return grid
        box = _without_a_box(mask, across)
        if box is not None:
            return box
    print_here = bool(across.bands) and _lines_are_print_here(across.sheared, across.bands,
                                                              sloping=across.slope != 0.0)
    if across.bands and not print_here:
        # Ruled lines that drift a row or two across the image still cover most of a level row, and are found level
        # (or along the first of several slopes that cover them equally): their ends beside the bands are then taken
        # for writing beside them.  Look for them along their own slope, the middle one of those.  (One line alone
        # keeps the first judgement: a tight crop's 7 has one bar across it.)
        own = _Lines.along(mask, level_first=False)
        if own.slope != across.slope and len(own.bands) >= 2:
            across = own
            print_here = _lines_are_print_here(own.sheared, own.bands, sloping=own.slope != 0.0)
    if not print_here or _short_of_the_sides_in_a_crop(mask, across):
        return mask
    return across.unsheared(_without_bands(across.sheared, across.bands), mask)


def _short_of_the_sides_in_a_crop(mask: np.ndarray, lines: _Lines) -> bool:
    """Whether ``mask`` is a crop (SMALL_CROP or less, not a wide field) where one of the lines stops short of a side
    and covers LINE_COVER of the width only with the 2 px the finder's 3×3 mean adds to it: a 7's bar or a 2's base
    in a 28×28 file (an MNIST digit's 20 px box leaves 4 px of paper on each side), a stroke, not a printed line.
    No light falls off across a crop to break a printed line, and a form's line that ends inside the crop (a blank
    cell's underline photographed askew) covers more: it stays print."""
    rows, cols = mask.shape
    if max(rows, cols) > SMALL_CROP or _is_a_field(mask.shape):
        return False
    cover = lines.sheared.mean(axis=1)
    # Lines joined into one mark are measured by their cores, without their fringes: a bold 0's rows are all covered
    # as much as a fringe is, and its two arcs with their fringes hold nearly all of its ink, as a blank cell's line
    # does.  Lines apart keep their fringes: a blank cell's lines askew spread over rows each covered less than a
    # core, and measured by their cores two of them read as a sure 5 (a review's blank crops).
    reached = lines.reaching_sides()
    measured = lines.bands
    if _arcs_of_one_mark(lines, reached):
        measured = [(top, bottom) for top, bottom in _bands(cover)
                    if any(t <= top and bottom <= b for t, b in lines.bands)]
    if _nearly_all_ink_is_lines(lines.sheared[~_rows_of(measured, len(lines.sheared))], lines.sheared):
        return False
    return any(not all(ends) and cover[top:bottom + 1].max() - 2 / cols < LINE_COVER
               for (top, bottom), ends in zip(lines.bands, reached))


def _arcs_of_one_mark(lines: _Lines, reached: list[tuple[bool, bool]]) -> bool:
    """Whether the lines are arcs of one mark: two or more, joined into one connected mark, and none reaching either
    side of the image (``reached``, from ``_Lines.reaching_sides``; a bold 0's top and bottom, its sides joining
    them).  A printed line runs to a side at least, and two of them askew may cross."""
    if len(lines.bands) < 2 or any(any(ends) for ends in reached):
        return False
    labels, _ = label_components(lines.sheared)
    found = [set(np.unique(labels[top:bottom + 1])) - {0} for top, bottom in lines.bands]
    return any(found[i] & found[j] for i in range(len(found)) for j in range(i + 1, len(found)))


@dataclass(frozen=True)
class _Lines:
    """The lines across a mask along one slope: the mask sheared so that they run level, and their bands there."""

    slope: float
    sheared: np.ndarray
    sheared_rows: np.ndarray  # where each of the mask's pixels went (its row in ``sheared``)
    bands: list[tuple[int, int]]

    @classmethod
    def along(cls, mask: np.ndarray, level_first: bool = True) -> _Lines:
        slope = _line_slope(mask, level_first)
        sheared_rows, sheared = _sheared(mask, slope)
        lines = cls(slope, sheared, sheared_rows, _line_bands(sheared))
        if len(lines.bands) < 2 or slope == 0.0:
            return lines
        corners = _lines_in_corners(sheared, lines.inside().sum(axis=1), lines.bands)
        return replace(lines, bands=lines.bands + corners)

    def inside(self) -> np.ndarray:
        """Which of the sheared image's pixels are in the image."""
        return self.sheared_again(np.ones(self.sheared_rows.shape, bool))

    def widened(self) -> _Lines:
        """The same lines, each a row wider on both sides."""
        last = len(self.sheared) - 1
        return replace(self, bands=[(max(0, top - 1), min(last, bottom + 1)) for top, bottom in self.bands])

    def spacing(self) -> float:
        """The median distance between neighbouring lines (two or more), in rows."""
        return _spacing(self.bands)

    def mostly_reach_both_sides(self) -> bool:
        """Whether at least half of the lines reach within LINE_EDGE_MARGIN of the sheared image's width of where
        they leave the image, on both sides: the image's sides, or its top or bottom for a sloping line near them
        (light falling off at a corner may break a faint line there)."""
        return 2 * sum(all(ends) for ends in self.reaching_sides()) >= len(self.bands)

    def reaching_sides(self) -> list[tuple[bool, bool]]:
        """For each line, whether it reaches the side where it enters the image and the side where it leaves it, as
        ``mostly_reach_both_sides`` counts them."""
        inside = self.inside()
        margin = max(2, round(LINE_EDGE_MARGIN * self.sheared.shape[1]))
        reaching = []
        for top, bottom in self.bands:
            used = np.flatnonzero(self.sheared[top:bottom + 1].any(axis=0))
            within = np.flatnonzero(inside[top:bottom + 1].any(axis=0))
            reaching.append((bool(used[0] - within[0] < margin), bool(within[-1] - used[-1] < margin)))
        return reaching

    def sides_of_the_ink(self) -> list[tuple[int, int]]:
        """The lines with no ink beyond them on their outer side (but for the rows a line down sloping a little
        off the slope found adds at its ends): the first and the last of the sheared image's ink."""
        inked = np.flatnonzero(self.sheared.any(axis=1))
        reach = max(2, max((bottom - top + 1 for top, bottom in self.bands), default=0))
        return [(top, bottom) for top, bottom in self.bands
                if top - inked[0] <= reach or inked[-1] - bottom <= reach]

    def sheared_again(self, mask: np.ndarray) -> np.ndarray:
        """Another mask of the same shape, sheared the same way."""
        sheared = np.zeros_like(self.sheared)
        sheared[self.sheared_rows, np.arange(mask.shape[1])[None, :]] = mask
        return sheared

    def unsheared(self, sheared: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """``sheared`` back in the mask's own rows, within ``mask``."""
        return sheared[self.sheared_rows, np.arange(mask.shape[1])[None, :]] & mask


def _sheared(mask: np.ndarray, slope: float) -> tuple[np.ndarray, np.ndarray]:
    """Where each pixel's row goes when the columns are shifted so that ``slope`` runs level, and the sheared mask."""
    rows, cols = mask.shape
    if slope == 0.0:
        return np.broadcast_to(np.arange(rows)[:, None], (rows, cols)), mask
    offsets = np.round(slope * (np.arange(cols) - cols / 2)).astype(np.int64)
    top = int(offsets.max())
    sheared_rows = np.arange(rows)[:, None] - offsets[None, :] + top
    sheared = np.zeros((rows + top - int(offsets.min()), cols), bool)
    sheared[sheared_rows, np.arange(cols)[None, :]] = mask
    return sheared_rows, sheared


def _without_grid(mask: np.ndarray, across: _Lines) -> np.ndarray | None:
    """``mask`` without squared paper's printed grid, or None where it has none: lines across and lines down
    (``_grid_lines``), and either thin and nearly all the ink of a sheet (one with nothing written on it) or at
    most half as thick as the pen's strokes."""
    grid = _grid_lines(mask, across)
    if grid is None:
        return None
    across, down, across_line, down_line = grid
    # A thin line sloping a fraction of a row off the slope found leaves a row of its pixels beside its band.
    across, down = across.widened(), down.widened()
    others = _on_the_lines(mask, across, down)[2]
    thickest_line = max(across_line, down_line)
    blank_sheet = (min(mask.shape) > SMALL_CROP and min(len(across.bands), len(down.bands)) >= GRID_BLANK_LINES
                   and _nearly_all_ink_is_lines(others, mask)
                   and thickest_line <= GRID_LINE_SHARE * min(mask.shape))
    if not blank_sheet and 2 * thickest_line > _thickest(others):
        return None
    return _without_lines_both_ways(mask, across, down)


def _without_a_box(mask: np.ndarray, across: _Lines) -> np.ndarray | None:
    """A crop's ``mask`` (SMALL_CROP or less), or a wide field's (a number cut out with a cheque's amount box),
    without the printed box of the form's cell or field it was cut from, or None where it has none: lines across and
    lines down along the outer sides of the ink, thinner than the strokes of the writing inside them (which is more
    than a quarter of the ink); two lines alone, one each way, as thick as each other (one box is printed with one
    weight; a pen's 1 beside a printed baseline is not).  Kept whole, the box was read with the digit as one shape (an
    8 in its box read 0).  A blank cell's box is left for ``_sides_of_a_box`` to doubt: so is a 7 of two straight
    lines meeting at a corner, and a digit's own bars are as thick as its other strokes."""
    if max(mask.shape) > SMALL_CROP and not _is_a_field(mask.shape):
        return None
    down = _Lines.along(mask.T, level_first=False)
    across = replace(across, bands=across.sides_of_the_ink()) if across.bands else across
    down = replace(down, bands=down.sides_of_the_ink()) if down.bands else down
    if not across.bands or not down.bands:
        return None
    cores = [max(_line_cores(lines.sheared[top:bottom + 1]), default=0) for lines in (across, down)
             for top, bottom in lines.bands]
    if len(cores) == 2 and abs(cores[0] - cores[1]) > 1:
        return None  # one line each way, not printed with one weight: a pen's 1 beside a printed baseline
    thickest_line = max(max(_line_cores(across.sheared)), max(_line_cores(down.sheared)))
    across, down = across.widened(), down.widened()
    others = _on_the_lines(mask, across, down)[2]
    if _nearly_all_ink_is_lines(others, mask) or thickest_line >= _thickest(others):
        return None
    if _writing_along_a_line(across) or _writing_along_a_line(down):
        return None  # a 7's bar written close under the box's top: taken away with the line, it read 1
    return _without_lines_both_ways(mask, across, down)


def _writing_along_a_line(lines: _Lines) -> bool:
    """Whether a stroke runs along one of the lines, in its band: more than ALONG_THE_LINE_SHARE of the columns it
    covers hold over a pixel more of ink than its thinnest tenth (the line alone); strokes crossing it are a few
    columns."""
    for top, bottom in lines.bands:
        counts = lines.sheared[top:bottom + 1].sum(axis=0)
        used = counts[counts > 0]
        if len(used) and np.mean(used > np.percentile(used, LINE_ALONE_PERCENTILE) + 1) > ALONG_THE_LINE_SHARE:
            return True
    return False


def _without_lines_both_ways(mask: np.ndarray, across: _Lines, down: _Lines) -> np.ndarray:
    """``mask`` without printed lines across and down (a grid's, a box's), but where a stroke runs through them."""
    on_across, on_down, others = _on_the_lines(mask, across, down)
    # A line's pixels stay where a stroke runs through it, judged without the lines of the other direction: where
    # two lines cross, neither is a stroke through the other ...
    kept_across = across.unsheared(_without_bands(across.sheared_again(mask & ~on_down), across.bands), mask)
    kept_down = down.unsheared(_without_bands(down.sheared_again((mask & ~on_across).T), down.bands), mask.T).T
    kept = others | (kept_across & on_across) | (kept_down & on_down)
    # ... but a stroke may run through where they cross, or near it: there, ink goes on beyond on both sides.
    widest = max(bottom - top + 1 for lines in (across, down) for top, bottom in lines.bands)
    return kept | _ink_on_both_sides(mask & ~kept, kept, widest + 1)


def _grid_lines(mask: np.ndarray, across: _Lines) -> tuple[_Lines, _Lines, int, int] | None:
    """The lines across and down of what may be squared paper's grid, and how thick the thickest of each way is;
    None where there is none: three or more lines in all, square to each other, as far apart and as thick as each
    other, most of them reaching both sides of the image.  A tight crop of a 4 or a 7 has a bar across and a stem
    down, but they are as thick as each other (``_without_grid``); a bold 0's arcs cover rows and columns as lines
    do, but stop short of the crop's corners."""
    # The lines of a grid are found to their exact slope: a line drifting a row across the image, found level, leaves
    # pieces of itself in the rows next to it.
    down = _Lines.along(mask.T, level_first=False)
    if not down.bands:
        return None
    if across.slope == 0.0:
        across = _Lines.along(mask, level_first=False)
    if not across.bands or len(across.bands) + len(down.bands) < 3:
        return None  # one way, one line is enough: squares as big as the digit may leave one in the frame
    if abs(np.degrees(np.arctan(across.slope) + np.arctan(down.slope))) > GRID_SQUARENESS:
        return None  # not square to each other: a security pattern's hatching, or the tops of a row of digits
    if min(len(across.bands), len(down.bands)) >= 2 and not _as_far_apart(across.spacing(), down.spacing()):
        return None  # not squares: a printed pattern with a stroke or two of the digit
    if not (across.mostly_reach_both_sides() and down.mostly_reach_both_sides()):
        return None
    across_line, down_line = max(_line_cores(across.sheared)), max(_line_cores(down.sheared))
    if max(across_line, down_line) > 2 * min(across_line, down_line) + 1:
        # A grid is printed with one pen (a slope found a little off thickens a line by a pixel or two): a much
        # thicker "line" is a stroke, a 1's stem between ruled lines.
        return None
    return across, down, across_line, down_line


def _on_the_lines(mask: np.ndarray, across: _Lines, down: _Lines) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The mask's pixels on the lines across, on the lines down, and on neither."""
    on_across = across.unsheared(across.sheared & _rows_of(across.bands, len(across.sheared))[:, None], mask)
    on_down = down.unsheared(down.sheared & _rows_of(down.bands, len(down.sheared))[:, None], mask.T).T
    return on_across, on_down, mask & ~on_across & ~on_down


def is_mostly_a_grid(mask: np.ndarray) -> bool:
    """Whether nearly all of ``mask``'s ink (LINE_ALONE_SHARE) is lines across and down that could be squared
    paper's grid (``_grid_lines``).  ``without_printed_lines`` takes such a grid away only with three lines each
    way or strokes twice as thick beside it: with fewer, thin stems of "11" standing on a baseline make the same
    figure.  What is left of such a grid after it is a blank sheet's, or those stems: nothing to be sure of.  Not in
    a crop (SMALL_CROP or less across) that a digit fills: a 4's stems and bar, with a form's baseline under them,
    are lines across and down it."""
    if min(mask.shape) <= SMALL_CROP or not mask.any():
        return False
    grid = _grid_lines(mask, _Lines.along(mask))
    if grid is None:
        return False
    across, down, _, _ = grid
    return _nearly_all_ink_is_lines(_on_the_lines(mask, across.widened(), down.widened())[2], mask)


def _ink_on_both_sides(pixels: np.ndarray, ink: np.ndarray, reach: int) -> np.ndarray:
    """Those of ``pixels`` with ``ink`` within ``reach`` of them on both sides, along a row, a column or a diagonal."""
    if not pixels.any():
        return pixels
    rows, cols = ink.shape
    padded = np.pad(ink, reach)
    found = np.zeros_like(pixels)
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        ahead, behind = np.zeros_like(pixels), np.zeros_like(pixels)
        for step in range(1, reach + 1):
            ahead |= padded[reach + step * dy:reach + step * dy + rows, reach + step * dx:reach + step * dx + cols]
            behind |= padded[reach - step * dy:reach - step * dy + rows, reach - step * dx:reach - step * dx + cols]
        found |= ahead & behind
    return pixels & found


def _as_far_apart(spacing: float, other: float) -> bool:
    """Whether two directions' lines are as far apart as each other, to within GRID_SPACING_RATIO."""
    return spacing > 0 and other > 0 and 1 / GRID_SPACING_RATIO <= spacing / other <= GRID_SPACING_RATIO


def _line_slope(mask: np.ndarray, level_first: bool = True) -> float:
    """The slope (rows per column) along which the mask's ink makes a line across the image, 0 for level
    lines or none: the one whose sheared rows' cover reaches LINE_COVER where level rows' does not (without
    ``level_first``, the slope that covers most, level or not).  Found coarsely (LINE_SLOPE_STEP degrees, a line's
    cover counted over three rows, since a slope a quarter of a degree off drifts several rows across a wide
    photo), then to a row's drift across the image."""
    rows, cols = mask.shape
    if level_first and mask.mean(axis=1).max() >= LINE_COVER:
        return 0.0
    ys, xs = np.nonzero(mask)
    if len(ys) < LINE_COVER * cols:
        return 0.0
    centred = xs - cols / 2

    def cover(slope: float, spread: int) -> float:
        counts = np.bincount(ys - np.round(slope * centred).astype(np.int64) + int(abs(slope) * cols) + 1)
        if spread > 1:
            counts = np.convolve(counts, np.ones(spread, np.int64), mode="same")
        return counts.max() / cols

    steps = np.radians(np.arange(-LINE_MAX_SLOPE, LINE_MAX_SLOPE + 1e-9, LINE_SLOPE_STEP))
    rough = max(np.tan(steps), key=lambda slope: cover(float(slope), 3))
    reach = np.tan(np.radians(LINE_SLOPE_STEP))
    fine = np.arange(rough - reach, rough + reach + 1e-12, 1.0 / cols)  # a row's drift from one side to the other
    covers = np.array([cover(float(slope), 1) for slope in fine])
    best = fine[np.argmax(covers)]
    if not level_first:
        # Several slopes may cover a thin line equally: the line's own is the middle one, or level if level is one.
        tied = fine[covers == covers.max()]
        best = 0.0 if cover(0.0, 1) >= covers.max() else tied[len(tied) // 2]
    return float(best) if covers.max() >= LINE_COVER and abs(best) > 0.5 / cols else 0.0


def _line_bands(mask: np.ndarray) -> list[tuple[int, int]]:
    """The level lines that cross the whole image from side to side, as bands of rows (first, last) with their
    blurred fringes: rows that ink covers across LINE_COVER of the width, no thicker than LINE_THICKNESS of the
    height."""
    rows, cols = mask.shape
    if rows < 3 or cols < 8:
        return []
    cover = mask.mean(axis=1)
    thickest = max(3, round(LINE_THICKNESS * rows))
    bands = []
    for top, bottom in _bands(cover):
        if bottom - top + 1 > thickest:
            continue
        # Its blurred edges: rows next to it covered nearly as much, at most LINE_FRINGE_ROWS on each side
        # (further out, in a dense field of writing, the digits themselves cover that much of a row).
        for _ in range(LINE_FRINGE_ROWS):
            if top > 0 and cover[top - 1] >= LINE_FRINGE_COVER:
                top -= 1
            if bottom < rows - 1 and cover[bottom + 1] >= LINE_FRINGE_COVER:
                bottom += 1
        bands.append((top, bottom))
    return sorted(set(bands))  # two runs a row apart may grow into the same band


def _lines_in_corners(mask: np.ndarray, inside: np.ndarray, bands: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines of a ruled or squared sheet that slope out of the image near a corner, too short to be found as
    lines across: where the lines' spacing (two or more ``bands``) says the next ones are, rows that leave the
    image (``inside`` counts each sheared row's pixels in it) and that ink covers across LINE_COVER of the part of
    them in it.  Left behind, such a line's piece reads as a 1."""
    centres = np.array([(top + bottom) / 2 for top, bottom in bands])
    spacing = _spacing(bands)
    height = int(np.median([bottom - top + 1 for top, bottom in bands]))
    if spacing < 2 * height:
        return []
    cover = mask.sum(axis=1) / np.maximum(inside, 1)
    cover[(inside < LINE_CORNER_PIXELS) | (inside == mask.shape[1])] = 0
    found = []
    for start, step in ((centres.min(), -spacing), (centres.max(), spacing)):
        centre = start + step
        while 0 <= centre < len(cover):
            near = np.arange(max(0, round(centre - height)), min(len(cover), round(centre + height) + 1))
            row = int(near[np.argmax(cover[near])])
            if cover[row] >= LINE_COVER:
                top = max(0, row - (height - 1) // 2)
                found.append((top, min(len(cover) - 1, top + height - 1)))
            centre += step
    return found


def _spacing(bands: list[tuple[int, int]]) -> float:
    """The median distance between the centres of neighbouring bands (two or more), in rows."""
    return float(np.median(np.diff(sorted((top + bottom) / 2 for top, bottom in bands))))


def _without_bands(mask: np.ndarray, bands: list[tuple[int, int]]) -> np.ndarray:
    """``mask`` without the rows of ``bands``, except where a stroke runs through them."""
    cleaned = mask.copy()
    for top, bottom in bands:
        # A stroke runs through the line where ink goes on for two rows above it and two below: one row
        # of ink on either side may be the line's own blurred edge, thicker where the JPEG smeared it.
        crossing = (_ink_beyond(mask, top - 1, -1) & _ink_beyond(mask, bottom + 1, 1))
        cleaned[top:bottom + 1, ~crossing] = False
    return cleaned


def _lines_are_print(mask: np.ndarray, bands: list[tuple[int, int]], least: int = 1) -> bool:
    """Whether the lines reach well beyond the other ink, counting a column as written in where it holds at
    least ``least`` pixels of that ink."""
    rows, cols = mask.shape
    others = mask[~_rows_of(bands, rows)]
    if _is_a_field(mask.shape) or _nearly_all_ink_is_lines(others, mask):
        return True
    used = np.flatnonzero(others.sum(axis=0) >= least)
    return len(used) == 0 or (used[-1] - used[0] + 1) <= LINE_BEYOND_WRITING * cols


def _lines_are_print_here(mask: np.ndarray, bands: list[tuple[int, int]], sloping: bool) -> bool:
    """Whether lines across a whole image are print.  Level lines: by where they reach (``_lines_are_print``): a
    full-width stroke is taken for print only where it reaches well beyond the other ink (or is nearly all the ink
    there is, or the image is a wide field of writing): in a tight crop of one digit it may be a 7's bar or a 5's
    top, and it stays.  Lines found along a slope must also be thinner than the pen's strokes (unless they are
    nearly all the ink: a blank sheet photographed askew), and be ruled (two or more) or reach beyond the writing:
    a 7's or a 5's bar, or a 2's base, often slopes a few degrees across a tight crop.  Lines down are taken away
    only as part of a grid (``_without_grid``): a tight crop of a 1 is one."""
    if not sloping:
        return _lines_are_print(mask, bands)
    if _nearly_all_ink_is_lines(mask[~_rows_of(bands, mask.shape[0])], mask):
        # A blank sheet photographed askew: nothing but specks beside the lines, so no stroke to be thinner than.
        return True
    if not _lines_are_thinner_than_strokes(mask, bands, at_most_half=not _evenly_ruled(bands)):
        return False
    # The writing's reach counted where a column holds more ink than a line's width: the broken pieces of a
    # fainter line elsewhere in the photo are no writing.
    thickest_line = max(bottom - top + 1 for top, bottom in bands)
    return len(bands) >= 2 or _lines_are_print(mask, bands, least=2 * thickest_line + 2)


def _nearly_all_ink_is_lines(others: np.ndarray, mask: np.ndarray) -> bool:
    """Whether the lines hold at least LINE_ALONE_SHARE of the mask's ink: ``others``, the ink off them, is the rest."""
    return others.sum() <= (1 - LINE_ALONE_SHARE) * mask.sum()


def _lines_are_thinner_than_strokes(mask: np.ndarray, bands: list[tuple[int, int]],
                                    at_most_half: bool = True) -> bool:
    """Whether every line is at most half as thick as the thickest of the other ink (or, not ``at_most_half``,
    only thinner than it): ruled paper's lines are printed thin, a pen's strokes are not (a 7's bar is as thick
    as its stem).  Specks of a grainy photo spread the other ink across the whole width, where the reach of the
    writing could not tell the lines from print."""
    others = mask.copy()
    others[_rows_of(bands, mask.shape[0])] = False
    stroke = _thickest(others) if others.any() else 0
    thickest_line = max(_line_cores(mask))
    return stroke > 0 and (2 * thickest_line <= stroke if at_most_half else thickest_line < stroke)


def _evenly_ruled(bands: list[tuple[int, int]]) -> bool:
    """Whether the lines are ruled paper's: RULED_LINES or more, evenly spaced (every gap within GRID_SPACING_RATIO
    of the others' median).  A digit's own bars are never that many lines across a whole image: a line drawn with
    a fine pen (a pen's strokes measured on a small copy of a big photo are a row or two thicker) is then print
    wherever it is thinner than the strokes."""
    if len(bands) < RULED_LINES:
        return False
    gaps = np.diff(sorted((top + bottom) / 2 for top, bottom in bands))
    typical = float(np.median(gaps))
    return typical > 0 and bool(np.all((gaps >= typical / GRID_SPACING_RATIO) & (gaps <= typical * GRID_SPACING_RATIO)))


def _line_cores(mask: np.ndarray) -> list[int]:
    """How thick each level line across the mask is, in rows, without its blurred fringes."""
    return [bottom - top + 1 for top, bottom in _bands(mask.mean(axis=1))]


def _rows_of(bands: list[tuple[int, int]], rows: int) -> np.ndarray:
    """Which of ``rows`` rows the bands (first, last) cover."""
    covered = np.zeros(rows, bool)
    for top, bottom in bands:
        covered[top:bottom + 1] = True
    return covered


def _bands(cover: np.ndarray) -> list[tuple[int, int]]:
    """Runs of consecutive rows whose cover is at least LINE_COVER, as (first, last)."""
    return runs(cover >= LINE_COVER)


def runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """The runs of consecutive True in a 1-D array, as (first, last) indices."""
    flags = np.asarray(flags, bool)
    starts = np.flatnonzero(flags & ~np.concatenate([[False], flags[:-1]]))
    ends = np.flatnonzero(flags & ~np.concatenate([flags[1:], [False]]))
    return list(zip(starts.tolist(), ends.tolist()))


def _ink_beyond(mask: np.ndarray, row: int, step: int) -> np.ndarray:
    """Columns where ink fills ``row`` and the row after it (going ``step``), allowing a slanted stroke to move."""
    rows = [row, row + step]
    if not all(0 <= r < mask.shape[0] for r in rows):
        return np.zeros(mask.shape[1], bool)
    return _widened(mask[rows[0]]) & _widened(mask[rows[1]])


def _widened(row: np.ndarray, reach: int = 2) -> np.ndarray:
    """A row of ink, each pixel widened by ``reach`` on both sides (a slanted stroke moves sideways)."""
    padded = np.pad(row, reach)
    return np.lib.stride_tricks.sliding_window_view(padded, 2 * reach + 1).any(axis=-1)


# --- marks ---------------------------------------------------------------------------------

def label_boxes(labels: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each label's box (0…count, from ``label_components``): arrays x0, y0, x1, y1, the ends exclusive (a label
    with no pixels, 0 among them, gets an empty box)."""
    flat = labels.ravel()
    inside = flat > 0
    rows, cols = np.divmod(np.flatnonzero(inside), labels.shape[1])
    return _boxes(flat[inside], rows, cols, count, labels.shape)


def _boxes(ids: np.ndarray, rows: np.ndarray, cols: np.ndarray, count: int,
           shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    x0, y0 = np.full(count + 1, shape[1]), np.full(count + 1, shape[0])
    x1, y1 = np.zeros(count + 1, int), np.zeros(count + 1, int)
    np.minimum.at(x0, ids, cols)
    np.minimum.at(y0, ids, rows)
    np.maximum.at(x1, ids, cols + 1)
    np.maximum.at(y1, ids, rows + 1)
    return x0, y0, x1, y1


def label_marks(mask: np.ndarray, darkness: np.ndarray, share: np.ndarray) -> tuple[np.ndarray, dict[int, Mark]]:
    """Label the 8-connected pieces of ``mask`` (1, 2, …; 0 is paper) and measure each one's box, area, and
    darkness: in grey levels above the paper (``darkness``) and as a share of the paper's brightness (``share``)."""
    labels, count = label_components(mask)
    if count == 0:
        return labels, {}
    flat = labels.ravel()
    inside = flat > 0
    ids = flat[inside]
    rows, cols = np.divmod(np.flatnonzero(inside), mask.shape[1])
    shares = share.ravel()[inside]
    area = np.bincount(ids, minlength=count + 1)
    mass = np.bincount(ids, weights=shares, minlength=count + 1)
    peak = np.zeros(count + 1)
    contrast = np.zeros(count + 1)
    np.maximum.at(peak, ids, darkness.ravel()[inside])
    np.maximum.at(contrast, ids, shares)
    x0, y0, x1, y1 = _boxes(ids, rows, cols, count, mask.shape)
    marks = {label: Mark(label, (int(x0[label]), int(y0[label]), int(x1[label]), int(y1[label])),
                         int(area[label]), float(mass[label]), float(peak[label]), float(contrast[label]))
             for label in range(1, count + 1)}
    return labels, marks


def label_components(mask: np.ndarray) -> tuple[np.ndarray, int]:
    """8-connected components of a boolean image: labels 1…count (0 off the mask), and count.

    Horizontal runs of pixels are the nodes; runs in neighbouring rows that touch (diagonally too)
    are joined with a vectorised union-find, so a 1024×768 mask takes milliseconds."""
    mask = np.asarray(mask, bool)
    width = mask.shape[1]
    starts = mask & ~np.pad(mask, ((0, 0), (1, 0)))[:, :-1]
    run_of = np.cumsum(starts.ravel()).reshape(mask.shape) - 1  # run index of each mask pixel
    runs = int(starts.sum())
    if runs == 0:
        return np.zeros(mask.shape, np.int32), 0
    pairs = []
    for shift in (-1, 0, 1):  # the pixel below-left, below, below-right
        upper = mask[:-1, max(0, -shift): width - max(0, shift)]
        lower = mask[1:, max(0, shift): width - max(0, -shift)]
        touching = upper & lower
        if touching.any():
            a = run_of[:-1, max(0, -shift): width - max(0, shift)][touching]
            b = run_of[1:, max(0, shift): width - max(0, -shift)][touching]
            # Two runs that touch do so along many pixels in a row: keep one pair per stretch.
            changed = np.ones(len(a), bool)
            changed[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
            pairs.append((a[changed], b[changed]))
    parent = np.arange(runs)
    if pairs:
        parent = _union(parent, np.concatenate([a for a, _ in pairs]), np.concatenate([b for _, b in pairs]))
    roots, compact = np.unique(parent, return_inverse=True)
    labels = np.zeros(mask.shape, np.int32)
    labels[mask] = compact[run_of[mask]] + 1
    return labels, len(roots)


def _union(parent: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Join the sets of each edge (a[i], b[i]): hook the larger root under the smaller, then jump
    pointers until every node points at its root; repeat while any edge still joins two roots."""
    while len(a):
        root_a, root_b = parent[a], parent[b]
        apart = root_a != root_b
        if not apart.any():
            break
        a, b = a[apart], b[apart]
        low, high = np.minimum(root_a[apart], root_b[apart]), np.maximum(root_a[apart], root_b[apart])
        np.minimum.at(parent, high, low)
        while True:
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                break
            parent = jumped
    return parent


def _thickest(mask: np.ndarray) -> int:
    """Width in pixels of the thickest part of a mask: how many 3×3 erosions it survives, on a copy
    about BACKGROUND_SIDE pixels across; 0 when nothing of it is left on that copy (scattered specks)."""
    factor = max(1, math.ceil(max(mask.shape) / BACKGROUND_SIDE))
    small = _reduce_to(mask.astype(np.float32), BACKGROUND_SIDE) > 0.5
    erosions = 0
    while small.any():
        small = _min_filter(np.pad(small, 1).astype(np.uint8), 3)[1:-1, 1:-1].astype(bool)
        erosions += 1
    return max(0, 2 * erosions - 1) * factor


def _flat_slivers(labels: np.ndarray, marks: dict[int, Mark]) -> set[int]:
    """The marks that are flat slivers (FLAT_SLIVER): pieces of lines, dashes."""
    slivers = set()
    for mark in marks.values():
        if mark.width < FLAT_SLIVER * mark.height:
            continue
        x0, y0, x1, y1 = mark.box
        columns = (labels[y0:y1, x0:x1] == mark.label).sum(axis=0)
        if columns.max() <= 2 * np.median(columns) + 1:
            slivers.add(mark.label)
    return slivers


def _hugs_a_side(in_digit: np.ndarray) -> bool:
    """Whether the digit lies wholly within FRAME_DEPTH of a side, as a strip along it would."""
    height, width = in_digit.shape
    deepest = FRAME_DEPTH * min(height, width)
    columns, rows = np.flatnonzero(in_digit.any(axis=0)), np.flatnonzero(in_digit.any(axis=1))
    return bool(columns[-1] < deepest or rows[-1] < deepest
                or width - 1 - columns[0] < deepest or height - 1 - rows[0] < deepest)


def _part_of_a_strip_along_a_side(grey: np.ndarray, light_on_dark: bool, window: float, paper: np.ndarray,
                                  in_digit: np.ndarray, level: float, weak: float) -> bool:
    """Whether the digit is the remains of a strip along a side (a desk's wedge the sheet finder left) whose body
    ``paper``, the estimate made repeating the side's pixels, took in.  With the paper's level repeated past the
    sides instead, where that is brighter by as much as ink is darker than its paper, the strip is found whole:
    one mark with the digit, lying along the side."""
    with_paper = paper_brightness(grey, light_on_dark, window, sides_as_paper=True)
    taken_in = np.abs(with_paper - paper) > MIN_CONTRAST * _against_the_paper(grey, with_paper, light_on_dark)[1]
    if not taken_in.any():
        return False
    darkness, lighting = _against_the_paper(grey, np.where(taken_in, with_paper, paper), light_on_dark)
    above = _box3(darkness) - level
    labels, marks = label_marks(above > weak, above, above / lighting)
    touched = np.unique(labels[in_digit])
    touched = touched[touched > 0]
    return len(touched) == 1 and _lies_along_a_side(labels, marks[int(touched[0])], grey.shape)


def _lies_along_a_side(labels: np.ndarray, mark: Mark, shape: tuple[int, int]) -> bool:
    """Whether ``mark`` lies along a side of the image (of ``shape``) as FRAME_CONTACT says."""
    height, width = shape
    x0, y0, x1, y1 = mark.box
    near, deepest = FRAME_TOUCH, FRAME_DEPTH * min(shape)
    if min(mark.width, mark.height) > deepest or near <= min(x0, y0, width - x1, height - y1):
        return False
    own = labels[y0:y1, x0:x1] == mark.label
    # Each side the mark touches: which of its rows (or columns) reach within ``near`` of it, its length along the
    # side and its depth away from it.
    sides = ((x0 < near, own[:, :near - x0], 1, mark.height, mark.width),
             (x1 > width - near, own[:, width - near - x0:], 1, mark.height, mark.width),
             (y0 < near, own[:near - y0], 0, mark.width, mark.height),
             (y1 > height - near, own[height - near - y0:], 0, mark.width, mark.height))
    return any(touches and depth <= deepest and length >= FRAME_LONG * depth
               and int(band.any(axis=axis).sum()) >= FRAME_CONTACT * length
               for touches, band, axis, length, depth in sides)


def _box_sides_of_a_cell(in_digit: np.ndarray, printed: np.ndarray) -> bool:
    """Whether the digit is the printed box's sides of a form's cell cut out rather than writing
    (``_sides_of_a_box``, ``_side_at_a_lines_end``, ``_sides_down_of_a_cell``)."""
    return _sides_of_a_box(in_digit) or _side_at_a_lines_end(in_digit, printed) or _sides_down_of_a_cell(in_digit)


def _near_the_sides(start, stop, length: int):
    """Whether a run of pixels from ``start`` to ``stop`` (inclusive) begins within CELL_SIDE_MARGIN of the start of
    an image ``length`` long, and whether it ends within that of its end (for arrays of runs, element-wise)."""
    return start <= CELL_SIDE_MARGIN * length, stop >= (1 - CELL_SIDE_MARGIN) * length - 1


def _side_at_a_lines_end(in_digit: np.ndarray, printed: np.ndarray) -> bool:
    """Whether the digit is one thin line down that meets a printed line taken away (``printed``) at that line's
    end, as a printed box's side meets its top or bottom: the line goes on beyond the digit on one side only.  A 1
    standing on a baseline stands between the line's ends.  Thin: at most FRAME_DEPTH of the image's shorter side
    wide, or as thin as that printed line (each connected piece of ``printed`` measured by itself: ruled paper's
    lines added together are as thick as a pen's stroke)."""
    columns = np.flatnonzero(in_digit.any(axis=0))
    if not any(_near_the_sides(columns[0], columns[-1], in_digit.shape[1])):
        return False
    reach = SIDE_REACH
    near = _max_filter(np.pad(in_digit, reach).astype(np.uint8), 2 * reach + 1)[reach:-reach, reach:-reach] > 0
    labels, _ = label_components(printed)
    lines = [labels == label for label in np.unique(labels[near & printed])]
    if not lines:
        return False
    thickness = max(float(np.median(line.sum(axis=0)[line.any(axis=0)])) for line in lines)
    if columns[-1] - columns[0] + 1 > max(thickness + 2 * FRAME_TOUCH, FRAME_DEPTH * min(in_digit.shape)):
        return False
    ends = [np.flatnonzero(line.any(axis=0))[[0, -1]] for line in lines]
    return any(first >= columns[0] - FRAME_TOUCH or last <= columns[-1] + FRAME_TOUCH for first, last in ends)


def _sides_down_of_a_cell(in_digit: np.ndarray) -> bool:
    """Whether nearly all (LINE_ALONE_SHARE) of the digit's ink lies within CELL_SIDE_MARGIN of the image's left or
    right side, or of both, and reaches from near its top to near its bottom along each side it lies at, in an image
    at least CELL_LEAST_WIDTH of its height wide, as straight and even as print (``_printed_down``): one or two sides
    down of a blank cell cut out of a table or a comb, whose lines across were beyond the crop or taken away as print.
    Each read as a sure 1 before.  A tight crop of a 1, or of an 11, is narrower, and a pen's 1s wander; a straight 1
    written against a cell's side looks the same, and is only doubted.  Not measured by thickness: a small cell's
    printed line, widened by the finder's 3×3 mean, is as thick for its length as a pen's stroke."""
    height, width = in_digit.shape
    ink = int(in_digit.sum())
    if ink == 0 or width < CELL_LEAST_WIDTH * height:
        return False
    columns = np.arange(width)
    at_left, at_right = _near_the_sides(columns, columns, width)  # each column, as a run of one pixel
    if in_digit[:, ~(at_left | at_right)].sum() > (1 - LINE_ALONE_SHARE) * ink:
        return False
    strips = (in_digit[:, at_left], in_digit[:, at_right])
    lines = [strip for strip in strips if strip.sum() > (1 - LINE_ALONE_SHARE) * ink]
    return bool(lines) and all(_printed_down(line, height) for line in lines)


def _printed_down(line: np.ndarray, height: int) -> bool:
    """Whether the ink of ``line`` (a strip of an image ``height`` px tall) runs from within CELL_SIDE_MARGIN of the
    image's top to within that of its bottom, as straight and as even as print (PRINTED_LINE_WANDER,
    PRINTED_LINE_UNEVENNESS)."""
    rows = np.flatnonzero(line.any(axis=1))
    if len(rows) < 3 or not all(_near_the_sides(rows[0], rows[-1], height)):
        return False
    widths = line[rows].sum(axis=1)
    centres = (line[rows] * np.arange(line.shape[1])).sum(axis=1) / widths
    straight = np.polyval(np.polyfit(rows, centres, 1), rows)
    return bool(np.abs(centres - straight).max() <= PRINTED_LINE_WANDER and widths.std() <= PRINTED_LINE_UNEVENNESS)


def _crosses_the_frame(box: tuple[int, int, int, int], shape: tuple[int, int], in_a_crop_too: bool = False) -> bool:
    """Whether a mark's ``box`` runs from a side of the image (of ``shape``) to the opposite one, within FRAME_TOUCH
    of both, at most FRAME_DEPTH of the shorter side across, and within the outer FRAME_OUTER of the image's width
    (or height) from either of the other two sides.  Not in a crop (SMALL_CROP or less across), where a form's cell
    may hold a 1 near its side; ``in_a_crop_too``: there, when the mark lies wholly within FRAME_TOUCH of the side,
    as the side of a printed box that the crop cut through does, and a written 1 never quite does."""
    crop = min(shape) <= SMALL_CROP
    if crop and not in_a_crop_too:
        return False
    height, width = shape
    x0, y0, x1, y1 = box
    near, widest = FRAME_TOUCH, FRAME_DEPTH * min(shape)

    def off_centre(start: int, stop: int, across: int) -> bool:
        if crop:
            return stop - start <= widest and (stop <= near or start >= across - near)
        return stop - start <= widest and (stop <= FRAME_OUTER * across or start >= (1 - FRAME_OUTER) * across)

    top_to_bottom = y0 < near and y1 > height - near and off_centre(x0, x1, width)
    side_to_side = x0 < near and x1 > width - near and off_centre(y0, y1, height)
    return top_to_bottom or side_to_side


def _sides_of_a_box(in_digit: np.ndarray) -> bool:
    """Whether the digit's ink is nearly all (LINE_ALONE_SHARE) straight thin lines (BOX_SIDE_THICKNESS) lying along
    the sides of its own box, at least one across (its top or bottom) and one down (its left or right side), each
    within CELL_SIDE_MARGIN of the image's own side there: two, three or four sides of the printed box of a blank
    form's cell cut out, that no line in it was taken away from as print (the writing beyond the lines across was
    the lines down).  A 1 with a base has its stem in the middle, a 4's bar crosses its stem, a small 3's top and
    right side are thicker for their length; a photo's 7 of two straight lines lies well inside the frame.  A tight
    crop's 7 of two straight thin lines meeting at a corner looks the same, and is only doubted."""
    rows, cols = np.flatnonzero(in_digit.any(axis=1)), np.flatnonzero(in_digit.any(axis=0))
    if len(rows) == 0:
        return False
    if not (any(_near_the_sides(rows[0], rows[-1], in_digit.shape[0]))
            and any(_near_the_sides(cols[0], cols[-1], in_digit.shape[1]))):
        return False  # no side could lie along the image's (a photo's digit): spare the search for lines
    own = in_digit[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    if min(own.shape) < LINE_CORNER_PIXELS:
        return False
    on_sides = np.zeros_like(own)
    at_the_end = []  # for each side found, whether it is the bottom (across) or the right side (down)
    for lines, (first, last), transposed in ((_Lines.along(own), (rows[0], rows[-1]), False),
                                             (_Lines.along(own.T, level_first=False), (cols[0], cols[-1]), True)):
        sides = lines.sides_of_the_ink()
        if not sides or any(core > BOX_SIDE_THICKNESS * max(own.shape)
                            for top, bottom in sides for core in _line_cores(lines.sheared[top:bottom + 1])):
            return False
        near_start, near_end = _near_the_sides(first, last, in_digit.shape[int(transposed)])
        ends = [top + bottom >= len(lines.sheared) for top, bottom in sides]
        if not all(near_end if end else near_start for end in ends):
            return False
        at_the_end.append(ends)
        on = lines.unsheared(lines.sheared & _rows_of(sides, len(lines.sheared))[:, None], own.T if transposed else own)
        on_sides |= on.T if transposed else on
    if at_the_end == [[False], [True]]:
        return False  # the top and the right side alone: a 7's bar and stem, a bold 7 cut tight
    return _nearly_all_ink_is_lines(own & ~on_sides, own)


def _digit_marks(marks: dict[int, Mark], shape: tuple[int, int], slivers: set[int]) -> tuple[list[int], float]:
    """The largest mark but ``slivers`` and the marks near it (chains of them: the digits of a number), left to
    right; and how much ink lies elsewhere, as a share of the digit's."""
    writing = [m for m in marks.values() if m.label not in slivers]
    if not writing:
        return [], 0.0  # only flat slivers: pieces of printed lines, dashes
    smallest_digit = max(MIN_DIGIT_PIXELS, MIN_DIGIT_SHARE * min(shape))
    # Lines across the whole frame (a notebook's margin, the next sheet's edge) beside writing of a digit's size
    # are neither part of it nor other writing: joined to a number written beside a margin, one read as a 1.
    across = {m.label for m in writing if _crosses_the_frame(m.box, shape)}
    beside = [m for m in writing if m.label not in across]
    if beside and max(max(m.width, m.height) for m in beside) >= smallest_digit:
        writing = beside
    else:
        across = set()
    largest = max(writing, key=lambda m: m.mass)
    size = max(largest.width, largest.height)
    if size < smallest_digit:
        return [], 0.0  # only specks: dust, noise, a dot
    significant = [m for m in marks.values() if m.area >= SPECK_SHARE * largest.area]
    # Flat slivers too wide to be the digit's bar are a printed line's pieces: neither part of it nor other writing.
    printed = across | {label for label in slivers if marks[label].width > SLIVER_BAR_WIDTH * size}
    chosen = {largest.label}
    box = list(largest.box)
    grown = True
    while grown:
        grown = False
        for mark in significant:
            if mark.label in chosen or mark.label in printed:
                continue
            sideways = max(box[0] - mark.box[2], mark.box[0] - box[2], 0)
            vertical = max(box[1] - mark.box[3], mark.box[1] - box[3], 0)
            if sideways <= _reach(mark, box, size) and vertical <= NEAR_VERTICAL * size:
                chosen.add(mark.label)
                box = [min(box[0], mark.box[0]), min(box[1], mark.box[1]),
                       max(box[2], mark.box[2]), max(box[3], mark.box[3])]
                grown = True
    digit_mass = sum(marks[label].mass for label in chosen)
    other = sum(m.mass for m in significant if m.label not in chosen and m.label not in printed)
    ordered = sorted(chosen, key=lambda label: (marks[label].box[0] + marks[label].box[2]) / 2)
    return ordered, other / max(digit_mass, 1e-9)


def _reach(mark: Mark, box: list[int], size: int) -> float:
    """How far sideways ``mark`` may be from the digit's ``box`` and still belong to it: further for the next
    digit on the same line (as tall as half the digit, mostly within its rows: a dash, a comma or a wide
    space between the digits of an amount must not cut the number in two)."""
    overlap = min(box[3], mark.box[3]) - max(box[1], mark.box[1])
    on_the_line = mark.height >= size / 2 and overlap >= mark.height / 2
    return (NEAR_SAME_LINE if on_the_line else NEAR_SIDEWAYS) * size
