"""Images into the 28×28 tensor: opening any file Pillow reads, and reading a photo or scan of paper.

The paper's own brightness is estimated locally (``model.ink.paper``), so uneven light cancels out; the
ink that stands out from it is cropped, fitted and centred the way MNIST was
(``model.ink.preprocessing.normalise_ink``).  Pure numpy and Pillow: no Qt, no TensorFlow.
"""

from __future__ import annotations

import functools
import math
import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from digitpad.model.ink.paper import find_ink, ink_of_a_tight_crop, runs, stroke_width
from digitpad.model.ink.preprocessing import DIGIT_BOX, ink_crop, normalise_ink
from digitpad.model.ink.sheet import on_the_sheet
from digitpad.model.words import UnreadableFile, Words


def open_image(path, upright: bool = True) -> Image.Image:
    """Open an image file fully and, unless ``upright`` is False, turned as its EXIF orientation tag says
    (``turn_upright``); or raise ValueError saying why it cannot be read.

    Pillow's decompression-bomb guard stays on: a huge image is refused
    before it is decoded, rather than filling memory.
    """
    heif = _heif_plugin()
    try:
        with warnings.catch_warnings():  # a big photo under the limit is read (and shrunk): no two-line warning
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
            image.load()
        if upright:
            turn_upright(image)
        return image
    except FileNotFoundError:
        raise UnreadableFile(path, Words("no such file")) from None
    except IsADirectoryError:
        raise UnreadableFile(path, Words("is a folder, not an image")) from None
    except Image.DecompressionBombError as error:
        raise UnreadableFile(path, Words("the image is too large to open safely ({error})", error=str(error))) from None
    except (UnidentifiedImageError, SyntaxError):
        head = _first_bytes(path)
        if not heif and _is_heif(head):
            raise UnreadableFile(path, Words("a HEIC/HEIF photo (an iPhone's); reading one needs pi-heif: "
                                             "pip install pi-heif")) from None
        raise UnreadableFile(path, _not_an_image(path, head)) from None
    except (OSError, ValueError, EOFError) as error:
        raise UnreadableFile(path, Words("the image is damaged or truncated ({error})", error=str(error))) from None


@functools.cache
def _heif_plugin() -> bool:
    """Whether Pillow reads HEIC/HEIF photos: pi-heif (a dependency, with wheels for the common platforms)
    registers its plugin once."""
    try:
        from pi_heif import register_heif_opener
    except ImportError:  # a platform without its wheel, where it did not build
        return False
    register_heif_opener()
    return True


def _not_an_image(path, head: bytes) -> Words:
    """Why a file Pillow does not know is no image, as precisely as its first bytes and its name tell. "Save it
    as PNG or JPEG" told a newcomer to do what they had done, for an empty file or a renamed one."""
    if b"%PDF-" in head or _suffix(path) == ".pdf":  # what a scanner often writes (the header may come later)
        return Words("a PDF, not an image; save the scanned page as PNG or JPEG")
    if _is_empty(path):
        return Words("the file is empty")
    suffix = _suffix(path)
    if suffix in Image.registered_extensions():
        return Words("its name ends in {suffix} but it holds no image: it is damaged, or another kind of file "
                     "renamed", suffix=suffix)
    return Words("not an image DigitPad can read; save it as PNG or JPEG")


def _is_empty(path) -> bool:
    try:
        return os.path.getsize(path) == 0
    except (OSError, TypeError, ValueError):  # an in-memory file, or gone
        return False


def _suffix(path) -> str:
    try:
        return os.path.splitext(os.fspath(path))[1].lower()
    except TypeError:  # an in-memory file has no name
        return ""


def _first_bytes(path) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read(1024)  # a PDF's header may come after a few bytes
    except (OSError, TypeError):  # not a path (an in-memory file), or unreadable: Pillow's error stands
        return b""


def _is_heif(head: bytes) -> bool:
    """A HEIF file (HEIC photos among them) by its first box: ``ftyp`` and a HEIF brand."""
    return head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1",
                                                  b"msf1")


def orientation(image: Image.Image) -> int:
    """The image's EXIF orientation, 1–8 (1: upright as stored; also for none, or one that cannot be read)."""
    try:
        tag = image.getexif().get(0x0112, 1)
    except (OSError, ValueError, TypeError, KeyError, SyntaxError):
        return 1
    return tag if isinstance(tag, int) and 1 <= tag <= 8 else 1


def turn_upright(image: Image.Image) -> None:
    """A phone writes its sensor's pixels and a tag (EXIF orientation) that says how to turn them: a digit
    photographed upright in portrait was read lying on its side.  A tag that cannot be read is ignored."""
    if orientation(image) == 1:
        return
    try:
        ImageOps.exif_transpose(image, in_place=True)
    except (OSError, ValueError, TypeError, KeyError, SyntaxError):
        pass


def pixels_to_show(image: Image.Image, largest: int) -> np.ndarray:
    """The image as (height, width, 4) RGBA bytes to show, at most ``largest`` pixels across (a whole number
    of times smaller): what the window shows is the very image that was read, upright, in any mode Pillow
    reads (16-bit and float images as their grey)."""
    factor = max(1, math.ceil(max(image.size) / largest))
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        # Made smaller first, as 32-bit integers (which keep 16-bit values): a 9,000×9,000 16-bit scan
        # turned grey at full size took 1.9 GB and 5.6 s.
        wide = image.convert("I") if image.mode.startswith("I;16") else image
        wide = wide.reduce(factor) if factor > 1 else wide
        if image.mode.startswith("I;16"):
            grey = np.clip(np.asarray(wide, dtype=np.float32) / 65535.0, 0, 1)
        else:
            grey = _to_grey(wide)
        return np.asarray(Image.fromarray(np.round(grey * 255).astype(np.uint8)).convert("RGBA"))
    if image.mode not in ("L", "RGB", "RGBA"):
        image = image.convert("RGBA")
    if factor > 1:
        image = image.reduce(factor)
    return np.asarray(image.convert("RGBA"))


Box = tuple[float, float, float, float]
# A reading is in doubt when its strokes are less than this many noise σ darker than the paper, or
# darker than it by less than this share of its brightness (a stain; pen and pencil are 0.3 and more) ...
FAINT_BELOW_SIGMAS = 10.0
FAINT_BELOW_CONTRAST = 0.2
# ... or when the ink elsewhere in the image is at least this share of the digit's (other writing, clutter) ...
CLUTTERED_ABOVE = 0.5
# ... or when its strokes are hairlines for their size: at MNIST's 20 pixels tall, narrower than this (strokes a
# hundredth of the digit's height, against MNIST's tenth).  Every bench photo's and scan's digit is 1.0 or wider;
# what the light leaves of a squared sheet's printed grid is 0.03–0.15, and the network, never shown such faint ink,
# was sure of a digit in it.  Measured as a width (``stroke_width``), not as the brightness of the shrunk ink: where
# two hairlines cross they are as bright as a pen's stroke, and a slanting or unevenly inked stroke is dimmer.  By
# height, so that a long number squeezed into 20 pixels across does not look thin.
HAIRLINES_BELOW = 0.2
# A stroke's width is measured where it is at least this share of the ink's brightest.
STROKE_CORE = 0.5
# An image's edge cuts through a stroke where the ink in its first (or last) column is at least CUT_DENSITY of
# the ink CUT_DEPTH columns in: a stroke that only touches the edge thins out towards it.
CUT_DEPTH = 3
CUT_DENSITY = 0.6
# ... or where two runs of its ink there, at least CUT_RUNS_APART of the marks' height apart, are as dark as a
# stroke's core (CUT_CORE; the ink's scale puts the core at 1): the arc of a neighbouring 0 or 6 that the crop
# cut off leaves through its top and bottom strokes, slantwise, thinner there than the arc a few columns in.
# A whole digit's side or stroke end that the crop only grazes is paler there.
CUT_RUNS_APART = 0.25
CUT_CORE = 0.75
# A stroke the edge cuts lies across the edge column as wide as the stroke is (wider when slantwise): at least
# this many rows.  A rounded side that the crop grazes leaves single pixels there, scattered by the noise.
CUT_RUN_ROWS = 2


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
      digit or more, or the strokes are hairlines for the digit's size.  Show such an answer as unsure.
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
    _paper: object = field(default=None, repr=False, compare=False)  # model.ink.paper.PaperInk at the read size
    _scale: tuple[float, float] = field(default=(1.0, 1.0), repr=False, compare=False)
    _offset: tuple[int, int] = field(default=(0, 0), repr=False, compare=False)  # where the sheet's box starts
    _zoom: tuple[float, float] = field(default=(1.0, 1.0), repr=False, compare=False)  # sheet pixels per read pixel

    @property
    def is_blank(self) -> bool:
        return self.tensor is None

    @property
    def is_given_tensor(self) -> bool:
        """A 28×28 input read as it is (``reading_of_tensor``), not paper whose ink was found."""
        return self._paper is None

    def tensor_of(self, marks: Sequence[int], columns: tuple[int, int] | None = None) -> np.ndarray | None:
        """The 28×28 tensor of the given marks (indices into ``marks``) only; with ``columns`` (start, stop in
        ``column_ink``'s columns), of their ink in those columns only (one of two digits that touch)."""
        if self._paper is None or not marks:
            return None
        return normalise_ink(self._paper.ink_of(self._labels(marks), columns))  # None when those columns hold no ink

    def box_of(self, marks: Sequence[int], columns: tuple[int, int] | None = None) -> Box | None:
        """The box around the given marks (indices into ``marks``; in ``columns`` only, as for
        ``tensor_of``), in the image's pixels."""
        if self._paper is None or not marks:
            return None
        box = self._paper.box(self._labels(marks), columns)
        return None if box is None else self._to_image(box)

    def column_ink(self, marks: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """How much ink of the given marks each column across their box holds, left to right, at the size
        the image was read at, and how many strokes cross it: where two digits that touch are joined,
        little ink and one or two strokes."""
        if self._paper is None or not marks:
            return np.zeros(0, np.float32), np.zeros(0, int)
        return self._paper.column_ink(self._labels(marks))

    def ink_amount(self, marks: Sequence[int]) -> float:
        """How much ink the given marks (indices into ``marks``) hold: the sum of their darkness at the read size."""
        if self._paper is None or not marks:
            return 0.0
        return float(self._paper.ink_of(self._labels(marks)).sum())

    def side_cuts(self, marks: Sequence[int]) -> int:
        """How many strokes of the given marks the image's left or right edge cuts through (the more of the two):
        separate runs of their ink in the first or last column, where the ink is as dense as a few columns in, or
        where two runs far apart are as dark as a stroke's core (CUT_RUNS_APART, CUT_CORE).  0 when the marks do
        not reach a side, or only touch it with the rounded edge of a stroke."""
        if self._paper is None or not marks:
            return 0
        labels = self._labels(marks)
        _, top, _, bottom = self._paper.box(labels)
        inside = min(CUT_DEPTH, self._paper.ink.shape[1] - 1)
        columns = [0, inside, -1, -1 - inside]  # only these are looked at: not the whole image's labels
        ink = np.where(np.isin(self._paper.labels[:, columns], labels), self._paper.ink[:, columns], 0)
        cuts = 0
        for edge, further in ((ink[:, 0], ink[:, 1]), (ink[:, 2], ink[:, 3])):
            ours = edge > 0
            if not ours.any():
                continue
            if edge.sum() < CUT_DENSITY * further.sum():
                # Thinner at the edge: a stroke's rounded side touches it, or strokes cross it slantwise.
                cuts = max(cuts, _slantwise_cuts(edge, CUT_RUNS_APART * (bottom - top)))
                continue
            cuts = max(cuts, len(runs(ours)))
        return cuts

    def _labels(self, marks: Sequence[int]) -> list[int]:
        if any(not 0 <= i < len(self.marks) for i in marks):
            raise ValueError(f"mark indices must be between 0 and {len(self.marks) - 1}, got {list(marks)}")
        return [self._paper.digit[i] for i in marks]

    def _to_image(self, box: tuple[int, int, int, int]) -> Box:
        sx, sy = self._scale
        dx, dy = self._offset
        zx, zy = self._zoom
        width, height = self.size
        return (float(math.floor((box[0] * zx + dx) * sx)), float(math.floor((box[1] * zy + dy) * sy)),
                float(min(width, math.ceil((box[2] * zx + dx) * sx))),
                float(min(height, math.ceil((box[3] * zy + dy) * sy))))


def _slantwise_cuts(edge: np.ndarray, distance: float) -> int:
    """How many runs of ink in ``edge`` (an image's first or last column) are as dark as a stroke's core and a
    stroke's width long, when two of those lie at least ``distance`` rows apart (strokes the edge cuts
    slantwise); else 0."""
    dark = [(start, end) for start, end in runs(edge > 0)
            if end - start + 1 >= CUT_RUN_ROWS and edge[start:end + 1].max() >= CUT_CORE]
    if len(dark) < 2 or dark[-1][0] - dark[0][1] - 1 < distance:
        return 0
    return len(dark)


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
    scale = (size[0] / grey.shape[1], size[1] / grey.shape[0])
    sheet, offset = on_the_sheet(grey)
    tight = ink_of_a_tight_crop(sheet)
    paper, zoom = tight if tight is not None else (find_ink(sheet), (1.0, 1.0))
    if paper.is_blank:
        return ImageReading(size, None, None, light_on_dark=paper.light_on_dark, noise=paper.noise)
    reading = ImageReading(size, None, None, light_on_dark=paper.light_on_dark, noise=paper.noise,
                           contrast=paper.contrast, _paper=paper, _scale=scale, _offset=offset, _zoom=zoom)
    marks = tuple(reading._to_image(paper.marks[label].box) for label in paper.digit)
    return replace(reading, box=reading._to_image(paper.box()), tensor=normalise_ink(paper.ink), marks=marks,
                   doubt=_doubt(paper))


def reading_of_tensor(values: np.ndarray) -> ImageReading:
    """A 28×28 image already in MNIST's form (a test image: white ink on black, uint8 or 0..1), read as
    it is, without being cropped and centred again: the pad reads exactly what the test read."""
    values = np.asarray(values)
    if values.shape != (28, 28):
        raise ValueError(f"a test image must be 28×28, got {values.shape}")
    tensor = (values / 255.0 if values.dtype == np.uint8 else values).astype(np.float32)
    rows, columns = np.nonzero(tensor > 0.1)
    if rows.size == 0:
        return ImageReading((28, 28), None, None, light_on_dark=True)
    box = (float(columns.min()), float(rows.min()), float(columns.max() + 1), float(rows.max() + 1))
    return ImageReading((28, 28), box, tensor, marks=(box,), light_on_dark=True, contrast=1.0)


def _doubt(paper) -> str | None:
    if paper.strength < FAINT_BELOW_SIGMAS:
        return "the ink is faint against the paper's noise"
    if paper.contrast < FAINT_BELOW_CONTRAST:
        return "the ink is hardly darker than the paper"
    if paper.clutter >= CLUTTERED_ABOVE:
        return "there is other ink around the digit"
    if _stroke_width_at_mnist_height(paper.ink) < HAIRLINES_BELOW:
        return "the strokes are hairlines for their size, as printed lines are"
    if paper.grid_like:
        return "the ink is lines across and down the whole image, as a printed grid's are"
    if paper.along_the_frame:
        return "the ink lies along the image's side, as the edge of a desk or of another sheet does"
    if paper.across_the_frame:
        return "the ink runs across the whole image, as a line or an edge does"
    if paper.box_like:
        return "the ink is straight lines along the image's sides, as a printed box's sides are"
    return None


def _stroke_width_at_mnist_height(ink: np.ndarray) -> float:
    """How wide the strokes of ``ink`` (white on black), cropped as ``normalise_ink`` crops it, are at DIGIT_BOX
    pixels tall whatever its width: their width where at least half as bright as their brightest (``stroke_width``),
    as a share of the crop's height, times DIGIT_BOX."""
    crop = ink_crop(ink)
    if crop is None:
        return 0.0
    height = crop.shape[0]
    if height <= DIGIT_BOX:
        return 1.0  # not shrunk at all: a pixel wide or more
    return stroke_width(crop >= STROKE_CORE) * DIGIT_BOX / height


def image_to_tensor(image: Image.Image) -> np.ndarray | None:
    """The 28×28 tensor for a Pillow image of any mode, or None if it holds no digit.

    Handles alpha, palettes, 16-bit and float images, CMYK, either polarity, and photos
    of paper (see read_image, which also says where the digit is).
    """
    return read_image(image).tensor


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
