"""Synthetic scans of handwritten digits on printed forms (cheque-like), made from MNIST digits.

Issue 28's paper conditions, each at a random strength: grey or tinted paper; a printed fine wavy
security pattern; a printed baseline or ruled line crossing the digit; faint, thin ballpoint; digits
only 20–60 px tall; crops cut tightly around the digit with a sliver of the neighbouring digit or of a
separator at the edge; scanner blur, noise and JPEG.  Also blank forms and whole amount fields with
dots, commas, dashes or slashes between the digits.

Training renders MNIST's training digits this way (``model.training.data.render_paper_scans``), and
``bench/scans.py`` measures reading on its test digits.  Pure numpy and Pillow: no Qt, no TensorFlow.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw


def digit_alpha(mnist_digit: np.ndarray, height: float, level: float) -> np.ndarray:
    """An MNIST digit enlarged to ``height`` pixels as pen ink: 1 on the stroke, 0 off it, crisp edges.

    Bicubic enlargement alone gives strokes whose edges fade over several MNIST pixels;
    a pen on paper has sharp edges, so the enlarged grey level is turned into ink around ``level``."""
    rows = np.flatnonzero(mnist_digit.max(axis=1) > 0)
    cols = np.flatnonzero(mnist_digit.max(axis=0) > 0)
    crop = mnist_digit[rows[0]: rows[-1] + 1, cols[0]: cols[-1] + 1].astype(np.float32) / 255.0
    scale = height / crop.shape[0]
    size = (max(1, round(crop.shape[1] * scale)), max(1, round(crop.shape[0] * scale)))
    enlarged = np.asarray(Image.fromarray(crop, mode="F").resize(size, Image.Resampling.BICUBIC))
    return np.clip((enlarged - level) / 0.15 + 0.5, 0, 1).astype(np.float32)


def gaussian_blur(values: np.ndarray, sigma: float) -> np.ndarray:
    """A lens slightly out of focus (Pillow blurs only 8-bit images; this keeps the float coverage)."""
    radius = int(np.ceil(3 * sigma))
    kernel = np.exp(-np.arange(-radius, radius + 1) ** 2 / (2 * sigma**2)).astype(np.float32)
    kernel /= kernel.sum()
    for axis in (0, 1):
        padded = np.pad(values, [(radius, radius) if a == axis else (0, 0) for a in (0, 1)], mode="edge")
        length = values.shape[axis]
        values = sum(weight * np.take(padded, np.arange(i, i + length), axis=axis) for i, weight in enumerate(kernel))
    return values.astype(np.float32)


def encode(image: Image.Image, quality: int | None) -> bytes:
    buffer = io.BytesIO()
    if quality is None:
        image.save(buffer, format="PNG", compress_level=1)
    else:
        image.save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


CONDITIONS = {
    "grey paper": "paper brightness 0.55–0.92, tinted up to 15%",
    "pattern": "printed wavy security lines, period 3–8 px, 8–35% darker, any angle",
    "baseline": "a printed line 1–2 px, 30–75% darker, across the digit's lower third or through it",
    "ballpoint": "thin strokes (ink level 0.5–0.7), 30–90% dark, black or blue",
    "small": "digit 20–60 px tall",
    "tight crop": "0–3 px margins; a sliver (5–35% of a digit) of the neighbour or a separator at an edge",
    "scanner": "blur σ 0.3–1.0 px, noise σ 1–6, JPEG 40–90",
}
SEPARATORS = (".", ",", "-", "/")


@dataclass
class Form:
    """One scan's conditions, drawn at random strengths."""

    height: float = 80.0
    paper: tuple[float, float, float] = (0.97, 0.97, 0.97)
    ink: tuple[float, float, float] = (0.9, 0.9, 0.9)
    level: float = 0.4
    pattern: tuple[float, float, float, float] | None = None  # contrast, period, angle, waviness
    baseline: tuple[float, float, float] | None = None  # share of the digit's height, thickness, darkness
    box: tuple[str, float, float, float] | None = None  # sides ("tblr"), inset (share of the side), thickness, darkness
    margin: int = 12
    sliver: str | None = None  # "digit" or a separator, at the left or right edge
    blur: float = 0.0
    noise: float = 0.0
    jpeg: int | None = None


def random_form(rng: np.random.Generator, conditions: set[str]) -> Form:
    form = Form()
    if "grey paper" in conditions:
        brightness = rng.uniform(0.55, 0.92)
        tint = rng.uniform(0, 0.15) * rng.dirichlet([1, 1, 1]) * 3
        form.paper = tuple(float(v) for v in brightness * (1 - np.minimum(tint, 0.3)))
    if "pattern" in conditions:
        form.pattern = (rng.uniform(0.08, 0.35), rng.uniform(3, 8), rng.uniform(0, np.pi), rng.uniform(0, 4))
    if "baseline" in conditions:
        form.baseline = (rng.uniform(0.6, 1.05), rng.uniform(1, 2.2), rng.uniform(0.3, 0.75))
    if "ballpoint" in conditions:
        darkness = rng.uniform(0.3, 0.9)
        form.ink = (darkness, darkness * 0.8, darkness * 0.3) if rng.random() < 0.5 else (darkness,) * 3
        form.level = rng.uniform(0.5, 0.7)
    if "small" in conditions:
        form.height = rng.uniform(20, 60)
    if "tight crop" in conditions:
        form.margin = int(rng.integers(0, 4))
        form.sliver = "digit" if rng.random() < 0.6 else str(rng.choice(SEPARATORS))
    if "scanner" in conditions:
        form.blur = rng.uniform(0.3, 1.0)
        form.noise = rng.uniform(1, 6)
        form.jpeg = int(rng.integers(40, 91))
    return form


def separator_alpha(kind: str, height: float) -> np.ndarray:
    """A handwritten dot, comma, dash or slash, for a digit ``height`` pixels tall."""
    size = max(4, int(height))
    image = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(image)
    width = max(1, round(height / 12))
    if kind == ".":
        r = max(1.0, height / 16)
        draw.ellipse([size / 2 - r, size * 0.85 - r, size / 2 + r, size * 0.85 + r], fill=255)
    elif kind == ",":
        draw.line([(size * 0.55, size * 0.8), (size * 0.4, size)], fill=255, width=width)
    elif kind == "-":
        draw.line([(size * 0.2, size * 0.55), (size * 0.8, size * 0.55)], fill=255, width=width)
    else:
        draw.line([(size * 0.75, size * 0.05), (size * 0.25, size * 0.95)], fill=255, width=width)
    alpha = np.asarray(image, np.float32) / 255.0
    cols = np.flatnonzero(alpha.max(axis=0) > 0)  # as wide as its ink: a dot takes a dot's room
    return alpha[:, cols[0]:cols[-1] + 1] if len(cols) else alpha


def field_coverage(pieces: list[np.ndarray], height: int, gaps: list[int]) -> tuple[np.ndarray, list[tuple]]:
    """Pieces of ink side by side on a line of ``height`` (digits centred, separators at their place)."""
    width = sum(p.shape[1] for p in pieces) + sum(gaps)
    coverage = np.zeros((height, width), np.float32)
    boxes, x = [], 0
    for index, piece in enumerate(pieces):
        y = (height - piece.shape[0]) // 2
        coverage[y:y + piece.shape[0], x:x + piece.shape[1]] = np.maximum(
            coverage[y:y + piece.shape[0], x:x + piece.shape[1]], piece)
        boxes.append((x, y, x + piece.shape[1], y + piece.shape[0]))
        x += piece.shape[1] + (gaps[index] if index < len(gaps) else 0)
    return coverage, boxes


def with_sliver(alpha: np.ndarray, form: Form, neighbour: np.ndarray,
                rng: np.random.Generator) -> tuple[np.ndarray, str]:
    """The digit with a piece of its neighbour (or of a separator) beside it, and on which side it is:
    the crop's edge will cut through that piece."""
    height = alpha.shape[0]
    other = (digit_alpha(neighbour, height, form.level) if form.sliver == "digit"
             else separator_alpha(form.sliver, height))
    share = rng.uniform(0.05, 0.35) if form.sliver == "digit" else rng.uniform(0.3, 0.8)
    part = max(1, int(other.shape[1] * share))
    gap = int(rng.uniform(0.08, 0.25) * height)
    if rng.random() < 0.5:  # the neighbour's right end at the left edge
        pieces, side = [other[:, -part:], alpha], "left"
    else:
        pieces, side = [alpha, other[:, :part]], "right"
    coverage, _ = field_coverage(pieces, max(p.shape[0] for p in pieces), [gap])
    return coverage, side


def printed(form: Form, shape: tuple[int, int], digit_top: int, digit_height: int) -> np.ndarray:
    """The form's own print: how much darker each pixel is (0 where there is no print)."""
    rows, cols = shape
    darkness = np.zeros(shape, np.float32)
    if form.pattern is not None:
        contrast, period, angle, waviness = form.pattern
        ys, xs = np.mgrid[0:rows, 0:cols].astype(np.float32)
        across = xs * np.sin(angle) + ys * np.cos(angle)
        along = xs * np.cos(angle) - ys * np.sin(angle)
        phase = (across + waviness * np.sin(2 * np.pi * along / (period * 6))) / period
        line = np.clip(1.0 - np.abs(phase - np.round(phase)) * period / 0.8, 0, 1)  # ~1 px thin lines
        darkness = np.maximum(darkness, contrast * line)
    if form.baseline is not None:
        where, thickness, dark = form.baseline
        y = digit_top + where * digit_height
        ys = np.arange(rows, dtype=np.float32)[:, None]
        darkness = np.maximum(darkness, dark * np.clip(thickness / 2 + 0.5 - np.abs(ys - y), 0, 1))
    if form.box is not None:
        sides, inset, thickness, dark = form.box
        darkness = np.maximum(darkness, dark * box_darkness(sides, shape, inset * min(shape), thickness))
    return darkness


def box_darkness(sides: str, shape: tuple[int, int], inset: float, thickness: float,
                 degrees: float = 0.0) -> np.ndarray:
    """A cell's printed box, 0..1: those of its ``sides`` named (t, b, l, r), ``inset`` px in from the image's edges,
    ``thickness`` px wide, turned ``degrees`` about the image's centre."""
    rows, cols = shape
    ys, xs = np.mgrid[0:rows, 0:cols].astype(np.float32)
    turn = np.radians(degrees)
    across = (xs - cols / 2) * np.cos(turn) + (ys - rows / 2) * np.sin(turn) + cols / 2  # along the top and bottom
    down = -(xs - cols / 2) * np.sin(turn) + (ys - rows / 2) * np.cos(turn) + rows / 2  # along the left and right
    left, top, right, bottom = inset, inset, cols - 1 - inset, rows - 1 - inset

    def side(distance: np.ndarray, along: np.ndarray, start: float, stop: float) -> np.ndarray:
        within = (along >= start - thickness / 2) & (along <= stop + thickness / 2)
        return np.clip(thickness / 2 + 0.5 - np.abs(distance), 0, 1) * within

    lines = {"t": side(down - top, across, left, right), "b": side(down - bottom, across, left, right),
             "l": side(across - left, down, top, bottom), "r": side(across - right, down, top, bottom)}
    return np.max([lines[name] for name in sides], axis=0).astype(np.float32)


def scan(coverage: np.ndarray, form: Form, rng: np.random.Generator, digit_top: int, digit_height: int,
         cut: str | None = None) -> bytes:
    """The scan (RGB JPEG or PNG bytes) of ink ``coverage`` on the form."""
    margin = form.margin
    coverage = np.pad(coverage, margin)
    if cut == "left":  # the crop's edge runs through the neighbour's sliver
        coverage = coverage[:, margin:]
    elif cut == "right":
        coverage = coverage[:, :coverage.shape[1] - margin]
    if form.blur > 0:
        coverage = gaussian_blur(coverage, form.blur)
    print_darkness = printed(form, coverage.shape, digit_top + margin, digit_height)
    if form.blur > 0 and print_darkness.any():
        print_darkness = gaussian_blur(print_darkness, form.blur)
    channels = []
    for channel in range(3):
        value = 255 * form.paper[channel] * (1 - print_darkness * (0.9 if channel < 2 else 0.6))
        value = value * (1 - coverage * form.ink[channel])
        if form.noise > 0:
            value = value + form.noise * rng.standard_normal(value.shape).astype(np.float32)
        channels.append(Image.fromarray(np.clip(np.rint(value), 0, 255).astype(np.uint8), "L"))
    return encode(Image.merge("RGB", channels), form.jpeg)


def digit_scan(digit: np.ndarray, neighbour: np.ndarray, conditions: set[str], rng: np.random.Generator,
               form: Form | None = None) -> bytes:
    """A scan of one digit in the ``conditions``, or on a ``form`` already drawn."""
    form = random_form(rng, conditions) if form is None else form
    alpha = digit_alpha(digit, form.height, form.level)
    coverage, cut = with_sliver(alpha, form, neighbour, rng) if form.sliver else (alpha, None)
    top = (coverage.shape[0] - alpha.shape[0]) // 2
    return scan(coverage, form, rng, top, alpha.shape[0], cut)


def blank_scan(kind: str, rng: np.random.Generator) -> bytes:
    """A form with no handwriting: its print and paper only (a pattern, a line, a cell's printed box or only its
    sides down), or a stain."""
    form = random_form(rng, set(CONDITIONS) - {"tight crop"})
    side = int(rng.uniform(24, 80))
    coverage = np.zeros((side, int(side * rng.uniform(0.6, 1.4))), np.float32)
    if kind == "pattern":
        form.baseline = None
        form.pattern = form.pattern or (rng.uniform(0.08, 0.35), rng.uniform(3, 8), rng.uniform(0, np.pi), 2.0)
    elif kind == "lines":
        form.pattern = None
        form.baseline = (rng.uniform(0.2, 0.9), rng.uniform(1, 2.2), rng.uniform(0.3, 0.75))
    elif kind in ("box", "sides down"):
        # A cell cut out with its printed box: all of it, three sides or a corner; or, cut out between a table's or a
        # comb's lines across, only one side down or both.
        form.pattern = form.baseline = None
        sides = ["tblr", "blr", "tl", "tr", "bl", "br"] if kind == "box" else ["l", "r", "lr"]
        form.box = (str(rng.choice(sides)), rng.uniform(0, 0.15), rng.uniform(1, 2.2), rng.uniform(0.3, 0.75))
    elif kind == "stain":
        ys, xs = np.ogrid[0:coverage.shape[0], 0:coverage.shape[1]]
        sigma = rng.uniform(0.1, 0.3) * side
        spot = np.exp(-((xs - coverage.shape[1] / 2) ** 2 + (ys - side / 2) ** 2) / (2 * sigma**2))
        coverage = (rng.uniform(0.04, 0.12) * spot).astype(np.float32)
    return scan(coverage, form, rng, 0, side)


def field_scan(digits: list[np.ndarray], rng: np.random.Generator, touching: bool = False,
               boxed: bool = False) -> bytes:
    """A whole amount field: 3–7 digits, maybe with separators between them, in every condition.
    ``touching``: no separators, and each digit touches or slightly overlaps the next (0–8% of the height).
    ``boxed``: the field's printed box around them, whole or only its lines across, cut out with it (a cheque's
    amount box)."""
    form = random_form(rng, set(CONDITIONS) - {"tight crop"})
    form.margin = int(rng.integers(2, 10))
    pieces, gaps = [], []
    for index, digit in enumerate(digits):
        if index and not touching and rng.random() < 0.3:
            pieces.append(separator_alpha(str(rng.choice(SEPARATORS)), form.height))
            gaps.append(int(rng.uniform(0.05, 0.2) * form.height))
        pieces.append(digit_alpha(digit, form.height * rng.uniform(0.9, 1.1), form.level))
        gap = rng.uniform(-0.08, 0.0) if touching else rng.uniform(0.1, 0.45)
        gaps.append(int(gap * form.height))
    coverage, _ = field_coverage(pieces, int(max(p.shape[0] for p in pieces)), gaps[:-1])
    if boxed:
        form.box = (str(rng.choice(["tblr", "tb"])), rng.uniform(0, 0.1), rng.uniform(1, 2.2), rng.uniform(0.3, 0.75))
    return scan(coverage, form, rng, 0, coverage.shape[0])
