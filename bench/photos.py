"""Photos and scans of digits on paper, made from MNIST test digits and read as `digitpad predict` reads them.

    python bench/photos.py [--digits tuning|held-out] [--seed 0] [--per-row 200] [--compare-old]
                           [--rows clean,noise,...] [--skip digits,numbers,blank,timing]

Each photo is an MNIST test digit written on paper and photographed: the digit
is enlarged with crisp pen edges, laid on paper, lit, blurred, given sensor noise
and saved as a JPEG, each distortion at a random strength (the ranges are in the
table).  The first rows apply one distortion at a time, the row "all of them"
applies them all at once: the row the issue's target (≥ 97%) is about.  A shadow,
not in the issue's list, is reported on its own and on top of everything.  Every
photo goes through the command line's own functions (`app.cli.commands.read_image_file`
and `app.cli.commands.image_answer`: open the file, find the ink, split, read), so an answer
counts as right only if `digitpad predict` prints exactly that digit.  Then: numbers
of 2–4 digits, blank and near-blank paper, and the time a 12-megapixel JPEG takes.

Thresholds were tuned with `--digits tuning` (MNIST test digits 0–4,999), seeds 0
and 1; the README's tables are from `--digits held-out` (5,000–9,999) with a seed run
once at the end.  `--compare-old` also reads every photo the way DigitPad did before
issue 20 (one background level from the border, everything 10% above it is ink).
"""

from __future__ import annotations

import argparse
import io
import json
import time
from dataclasses import dataclass

import numpy as np
from PIL import Image

from common import MNIST, machine, table
from digitpad.app.cli.commands import image_answer, read_image_file
from digitpad.model.files.datasets import load_mnist
from digitpad.model.network.inference import UNSURE_BELOW, Predictor
from digitpad.model.training.paper_scans import digit_alpha, encode, gaussian_blur
from digitpad.resources import bundled_model_path

# The distortions, what each varies and over what range (shown in the table).
DISTORTIONS = {
    "paper": "off-white or tinted paper, brightness 0.62–0.97, tint up to 12%",
    "ink": "pen darkness 45–95%, black, blue or pencil, stroke width ±30%",
    "light": "light falling off across the sheet by up to 50%, vignetting up to 45%",
    "noise": "Gaussian sensor noise, σ 2–14 grey levels per channel",
    "blur": "Gaussian blur, σ 0.4–2.5 px",
    "jpeg": "JPEG quality 25–90",
    "framing": "frame 480–1600 px, any aspect, digit 12–75% of the short side, anywhere",
    "polarity": "light chalk on a dark board (1 photo in 5 in “all of them”)",
}
ALL = "all of them"
# Not in the list, so not in "all of them": reported on its own and on top of everything.
SHADOW = "shadow"
SHADOW_WHAT = "a soft-edged shadow across the sheet, 15–40% darker (the phone's or the hand's)"
RULED = "ruled paper"
RULED_WHAT = ("printed lines 1–3 px, 20–55% darker, blue or grey, 0.9–1.4 digit heights apart, sloping up to 6° "
              "(a sheet photographed askew), across the digit (not in “all of them”)")
SQUARED = "squared paper"
SQUARED_WHAT = ("a printed grid of squares 0.5–1.1 digit heights wide, lines as on ruled paper, sloping up to 6°, "
                "across the digit (not in “all of them”)")
DESK = "on a desk"
DESK_WHAT = ("the sheet's edge in the frame on 1–4 sides, turned up to 15° (as its ruled lines, if any), the desk "
             "beyond it dark or light wood, grey, black, white or coloured (not in “all of them”)")


@dataclass
class Recipe:
    """One photo's distortions, drawn at random strengths."""

    frame: tuple[int, int] = (400, 400)
    digit_height: float = 200.0
    position: tuple[float, float] | None = None  # top-left of the digits; None: centred
    paper: tuple[float, float, float] = (1.0, 1.0, 1.0)
    ink: tuple[float, float, float] = (1.0, 1.0, 1.0)  # share of the light the ink absorbs, per channel
    stroke_level: float = 0.4  # where the enlarged MNIST grey level becomes pen: lower is a thicker pen
    gradient: float = 0.0
    gradient_angle: float = 0.0
    vignette: float = 0.0
    vignette_centre: tuple[float, float] = (0.5, 0.5)
    noise: float = 0.0
    blur: float = 0.0
    jpeg: int | None = None
    shadow: tuple[float, float, float, float] | None = None  # darkness, angle, offset, edge softness
    ruled: tuple[float, float, float, float, tuple[float, float, float]] | None = None  # spacing, thickness,
    # slope (radians), where the first line falls (a share of the spacing), and the ink it absorbs per channel
    squared: float | None = None  # on squared paper: where the first of the lines across falls
    desk: tuple[float, float, float] | None = None  # the desk's colour beyond the sheet (the light it reflects)
    grain: tuple[float, float, float] = (0.0, 0.0, 0.0)  # the desk's wood grain: strength, angle, period in px
    sheet_angle: float = 0.0  # radians
    sheet: tuple[float, float, float, float] | None = None  # the sheet's sides, in the frame turned by sheet_angle
    light_on_dark: bool = False
    board: float = 0.2
    chalk: float = 0.9


def random_recipe(rng: np.random.Generator, distortions: set[str]) -> Recipe:
    recipe = Recipe()
    if "framing" in distortions:
        long_side = int(rng.uniform(480, 1600))
        aspect = rng.choice([4 / 3, 3 / 2, 16 / 9, 1.0])
        short_side = int(long_side / aspect)
        recipe.frame = (long_side, short_side) if rng.random() < 0.5 else (short_side, long_side)
        recipe.digit_height = rng.uniform(0.12, 0.75) * min(recipe.frame)
        recipe.position = (rng.random(), rng.random())  # resolved once the digits' width is known
    if "paper" in distortions:
        brightness = rng.uniform(0.62, 0.97)
        tint = rng.uniform(0, 0.12) * rng.dirichlet([1, 1, 1]) * 3
        recipe.paper = tuple(float(v) for v in brightness * (1 - np.minimum(tint, 0.3)))
    if "ink" in distortions:
        darkness = rng.uniform(0.45, 0.95)
        kind = rng.choice(["black", "blue", "pencil"])
        if kind == "blue":
            recipe.ink = (darkness, darkness * 0.85, darkness * 0.35)
        elif kind == "pencil":
            recipe.ink = (darkness * 0.7,) * 3
        else:
            recipe.ink = (darkness,) * 3
        recipe.stroke_level = rng.uniform(0.25, 0.55)
    if "light" in distortions:
        recipe.gradient = rng.uniform(0, 0.5)
        recipe.gradient_angle = rng.uniform(0, 2 * np.pi)
        recipe.vignette = rng.uniform(0, 0.45)
        recipe.vignette_centre = (rng.uniform(0.25, 0.75), rng.uniform(0.25, 0.75))
    if "noise" in distortions:
        recipe.noise = rng.uniform(2, 14)
    if "blur" in distortions:
        recipe.blur = rng.uniform(0.4, 2.5)
    if "jpeg" in distortions:
        recipe.jpeg = int(rng.integers(25, 91))
    if SHADOW in distortions:
        recipe.shadow = (rng.uniform(0.15, 0.4), rng.uniform(0, 2 * np.pi), rng.uniform(-0.3, 0.3),
                         rng.uniform(0.01, 0.04))
    if RULED in distortions or SQUARED in distortions:
        darkness = rng.uniform(0.2, 0.55)
        colour = (darkness * 0.75, darkness * 0.45, darkness * 0.1) if rng.random() < 0.6 else (darkness,) * 3
        spacing = rng.uniform(0.5, 1.1) if SQUARED in distortions else rng.uniform(0.9, 1.4)
        recipe.ruled = (recipe.digit_height * spacing, rng.uniform(1.0, 3.0),
                        np.radians(rng.uniform(-6, 6)), rng.random(), colour)
        if SQUARED in distortions:
            recipe.squared = rng.random()
    if DESK in distortions:
        recipe.desk, recipe.grain = _desk(rng)
        recipe.sheet_angle = recipe.ruled[2] if recipe.ruled is not None else np.radians(rng.uniform(-15, 15))
    if "polarity" in distortions and (len(distortions) == 1 or rng.random() < 0.2):
        recipe.light_on_dark = True
        recipe.board = rng.uniform(0.05, 0.35)
        recipe.chalk = rng.uniform(0.7, 1.0)
    return recipe


def _desk(rng: np.random.Generator) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """A desk's colour and wood grain: dark or light wood, grey or black, white (brighter than paper may be),
    or any colour (a cloth, a mat)."""
    kind = rng.choice(["dark wood", "light wood", "grey", "white", "coloured"])
    if kind == "dark wood":
        colour = rng.uniform(0.15, 0.4) * np.array([1.0, 0.7, 0.45])
    elif kind == "light wood":
        colour = rng.uniform(0.55, 0.85) * np.array([1.0, 0.8, 0.55])
    elif kind == "grey":
        colour = np.full(3, rng.uniform(0.03, 0.55))
    elif kind == "white":
        colour = np.full(3, rng.uniform(0.85, 1.0))
    else:
        colour = rng.uniform(0.1, 0.85, 3)
    grain = (rng.uniform(0.03, 0.12), rng.uniform(0, np.pi), rng.uniform(6, 40)) if "wood" in kind else (0.0, 0.0, 1.0)
    return tuple(float(v) for v in colour), tuple(float(v) for v in grain)


def place_sheet(recipe: Recipe, boxes: list, rng: np.random.Generator) -> None:
    """Where the sheet's sides fall: each side of the frame shows the desk beyond the sheet with even odds (one
    side at least), never closer to the digits than a tenth of their height."""
    width, height = recipe.frame
    frame = np.array([(0, 0), (width, 0), (0, height), (width, height)], float)
    frame_u, frame_v = turned(frame[:, 0], frame[:, 1], recipe.sheet_angle)
    if boxes:
        corners = np.array([(x, y) for x0, y0, x1, y1 in boxes for x in (x0, x1) for y in (y0, y1)], float)
    else:  # a blank sheet: the middle third of the frame is paper
        corners = np.array([(width * a, height * b) for a in (1 / 3, 2 / 3) for b in (1 / 3, 2 / 3)])
    ink_u, ink_v = turned(corners[:, 0], corners[:, 1], recipe.sheet_angle)
    margin = 0.1 * recipe.digit_height
    room = [(frame_u.min(), ink_u.min() - margin), (frame_v.min(), ink_v.min() - margin),
            (ink_u.max() + margin, frame_u.max()), (ink_v.max() + margin, frame_v.max())]
    shown = rng.random(4) < 0.5
    if not shown.any():
        shown[rng.integers(4)] = True
    sides = []
    for index, (low, high) in enumerate(room):
        outside = (frame_u, frame_v)[index % 2].min() - 1 if index < 2 else (frame_u, frame_v)[index % 2].max() + 1
        sides.append(float(rng.uniform(low, high)) if shown[index] and high > low else float(outside))
    recipe.sheet = tuple(sides)


def turned(xs: np.ndarray, ys: np.ndarray, angle: float) -> tuple[np.ndarray, np.ndarray]:
    """Points (xs, ys) in the frame turned by ``angle`` (radians): along and across the sheet's sides."""
    cos, sin = np.cos(angle), np.sin(angle)
    return xs * cos + ys * sin, ys * cos - xs * sin


def sheet_coverage(recipe: Recipe) -> np.ndarray:
    """How much of each pixel the sheet covers (its edges anti-aliased)."""
    width, height = recipe.frame
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    u, v = turned(xs, ys, recipe.sheet_angle)
    left, top, right, bottom = recipe.sheet
    inside = np.minimum(np.minimum(u - left, right - u), np.minimum(v - top, bottom - v))
    return np.clip(inside + 0.5, 0, 1).astype(np.float32)


def desk_grain(recipe: Recipe) -> np.ndarray:
    """The desk's brightness pattern: wood grain, wavy stripes, or 1 everywhere."""
    strength, angle, period = recipe.grain
    width, height = recipe.frame
    if strength == 0:
        return np.ones((height, width), np.float32)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    across = xs * np.cos(angle) + ys * np.sin(angle)
    along = ys * np.cos(angle) - xs * np.sin(angle)
    wave = np.sin(2 * np.pi * (across + 0.15 * period * np.sin(along / (3 * period))) / period)
    return (1 - strength * (0.5 + 0.5 * wave)).astype(np.float32)


def place_digits(alphas: list[np.ndarray], recipe: Recipe, rng: np.random.Generator) -> tuple[np.ndarray, list]:
    """The frame's ink coverage with the digits side by side, and each digit's box (x0, y0, x1, y1)."""
    width, height = recipe.frame
    gaps = [int(rng.uniform(0.15, 0.5) * recipe.digit_height) for _ in alphas[1:]]
    total_width = sum(a.shape[1] for a in alphas) + sum(gaps)
    total_height = max(a.shape[0] for a in alphas)
    if total_width > width - 4 or total_height > height - 4:  # the digits must fit; shrink the frame's content
        raise ValueError("digits do not fit")
    if recipe.position is None:
        left, top = (width - total_width) // 2, (height - total_height) // 2
    else:
        left = int(2 + recipe.position[0] * (width - 4 - total_width))
        top = int(2 + recipe.position[1] * (height - 4 - total_height))
    coverage = np.zeros((height, width), np.float32)
    boxes = []
    x = left
    for index, alpha in enumerate(alphas):
        y = top + (total_height - alpha.shape[0]) // 2
        coverage[y: y + alpha.shape[0], x: x + alpha.shape[1]] = np.maximum(
            coverage[y: y + alpha.shape[0], x: x + alpha.shape[1]], alpha)
        boxes.append((x, y, x + alpha.shape[1], y + alpha.shape[0]))
        x += alpha.shape[1] + (gaps[index] if index < len(gaps) else 0)
    return coverage, boxes


def light_field(recipe: Recipe, step: int = 4) -> np.ndarray:
    """How much light falls on each point of the sheet: a gradient across it times a vignette (times a
    shadow).  Light changes slowly: it is computed every ``step`` pixels and interpolated."""
    width, height = recipe.frame
    ys, xs = np.mgrid[0:height + step:step, 0:width + step:step].astype(np.float32)
    xs /= max(width - 1, 1)
    ys /= max(height - 1, 1)
    along = xs * np.cos(recipe.gradient_angle) + ys * np.sin(recipe.gradient_angle)
    corners = [c * np.cos(recipe.gradient_angle) + r * np.sin(recipe.gradient_angle) for c in (0, 1) for r in (0, 1)]
    along = (along - min(corners)) / max(max(corners) - min(corners), 1e-6)
    cx, cy = recipe.vignette_centre
    radius_squared = ((xs - cx) ** 2 + (ys - cy) ** 2) / 0.5
    light = (1 - recipe.gradient * along) * (1 - recipe.vignette * np.clip(radius_squared, 0, 1.5) / 1.5)
    if recipe.shadow is not None:  # a half-plane in shadow, its edge a sigmoid; offset and softness in short sides
        darkness, angle, offset, softness = recipe.shadow
        short = min(width, height)
        across = (xs - 0.5) * (width - 1) * np.cos(angle) + (ys - 0.5) * (height - 1) * np.sin(angle)
        light = light * (1 - darkness / (1 + np.exp(-np.clip((across - offset * short) / (softness * short), -50, 50))))
    full = Image.fromarray(light.astype(np.float32), mode="F").resize(
        (light.shape[1] * step, light.shape[0] * step), Image.Resampling.BILINEAR)
    return np.asarray(full)[:height, :width]


def render(coverage: np.ndarray, recipe: Recipe, rng: np.random.Generator) -> Image.Image:
    """The photo (RGB) of ink ``coverage`` on paper under ``recipe``'s light, lens, sensor."""
    if recipe.blur > 0 and coverage.any():  # blur only around the ink: the rest is 0 and stays 0
        rows, cols = np.flatnonzero(coverage.any(axis=1)), np.flatnonzero(coverage.any(axis=0))
        margin = int(np.ceil(3 * recipe.blur)) + 1
        top, left = max(0, rows[0] - margin), max(0, cols[0] - margin)
        bottom, right = rows[-1] + margin + 1, cols[-1] + margin + 1
        coverage = coverage.copy()
        coverage[top:bottom, left:right] = gaussian_blur(coverage[top:bottom, left:right], recipe.blur)
    light = light_field(recipe) * 255 if recipe.gradient or recipe.vignette or recipe.shadow is not None else 255
    lines = ruled_lines(recipe) if recipe.ruled is not None else None
    sheet = sheet_coverage(recipe) if recipe.sheet is not None else None
    grain = desk_grain(recipe) if sheet is not None else None
    channels = []
    for channel in range(3):
        if recipe.light_on_dark:
            value = recipe.board + coverage * (recipe.chalk - recipe.board)
        else:
            value = recipe.paper[channel] * (1 - coverage * recipe.ink[channel])
            if lines is not None:
                value = value * (1 - lines * recipe.ruled[4][channel])
        if sheet is not None:
            value = sheet * value + (1 - sheet) * recipe.desk[channel] * grain
        value = value * light
        if recipe.noise > 0:
            value += recipe.noise * rng.standard_normal(value.shape, dtype=np.float32)
        channels.append(Image.fromarray(np.clip(np.rint(value), 0, 255).astype(np.uint8), "L"))
    return Image.merge("RGB", channels)


def ruled_lines(recipe: Recipe) -> np.ndarray:
    """The coverage of a ruled or squared sheet's printed lines, anti-aliased, across the whole frame."""
    spacing, thickness, slope, phase, _ = recipe.ruled
    width, height = recipe.frame
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    along = (ys - height / 2) * np.cos(slope) - (xs - width / 2) * np.sin(slope)
    lines = _lines_at(along - phase * spacing, spacing, thickness)
    if recipe.squared is not None:
        across = (xs - width / 2) * np.cos(slope) + (ys - height / 2) * np.sin(slope)
        lines = np.maximum(lines, _lines_at(across - recipe.squared * spacing, spacing, thickness))
    return lines


def _lines_at(distance: np.ndarray, spacing: float, thickness: float) -> np.ndarray:
    """Anti-aliased lines ``thickness`` px thick wherever ``distance`` is a multiple of ``spacing``."""
    nearest = (distance + spacing / 2) % spacing - spacing / 2
    return np.clip(thickness / 2 + 0.5 - np.abs(nearest), 0, 1).astype(np.float32)


def make_photo(digits: list[np.ndarray], distortions: set[str], rng: np.random.Generator) -> tuple[bytes, Recipe, list]:
    """A photo file (bytes) of ``digits`` side by side, its recipe and each digit's box."""
    recipe = random_recipe(rng, distortions)
    if len(digits) > 1 and "framing" not in distortions:
        recipe.frame = (max(400, int(recipe.digit_height * 0.9 * len(digits) + 200)), 400)
    while True:
        heights = [recipe.digit_height * (rng.uniform(0.9, 1.1) if len(digits) > 1 else 1.0) for _ in digits]
        alphas = [digit_alpha(d, height, recipe.stroke_level) for d, height in zip(digits, heights)]
        try:
            coverage, boxes = place_digits(alphas, recipe, rng)
            break
        except ValueError:
            recipe.digit_height *= 0.85
    if recipe.desk is not None:
        place_sheet(recipe, boxes, rng)
    return encode(render(coverage, recipe, rng), recipe.jpeg), recipe, boxes


def blank_photo(kind: str, rng: np.random.Generator) -> bytes:
    """Paper with no digit: everything a photo of a sheet has (at random strengths), and maybe a few marks."""
    printed = {"ruled": {RULED}, "squared": {SQUARED}, "desk": {DESK}}.get(kind, set())
    recipe = random_recipe(rng, set(DISTORTIONS) - {"polarity"} | printed)
    width, height = recipe.frame
    coverage = np.zeros((height, width), np.float32)
    if kind == "dust":  # a few specks of dust or dirt, 1–4 px across
        for _ in range(rng.integers(3, 16)):
            x, y, r = rng.uniform(0, width), rng.uniform(0, height), rng.uniform(0.5, 2.0)
            ys, xs = np.ogrid[0:height, 0:width]
            coverage = np.maximum(coverage, rng.uniform(0.2, 0.6) * (((xs - x) ** 2 + (ys - y) ** 2) <= r * r))
    elif kind == "stain":  # a faint, soft stain several times a stroke's width
        ys, xs = np.ogrid[0:height, 0:width]
        x, y, sigma = rng.uniform(0, width), rng.uniform(0, height), rng.uniform(0.02, 0.08) * min(width, height)
        spot = np.exp(-((xs - x) ** 2 + (ys - y) ** 2) / (2 * sigma**2))
        coverage = rng.uniform(0.03, 0.08) * spot.astype(np.float32)
    elif kind == "fold":  # the faint line a fold leaves across the sheet
        ys, xs = np.ogrid[0:height, 0:width]
        angle = rng.uniform(0, np.pi)
        distance = ((xs - width / 2) * np.sin(angle) - (ys - height / 2) * np.cos(angle)
                    - rng.uniform(-0.3, 0.3) * min(width, height))
        coverage = (rng.uniform(0.03, 0.08) * np.exp(-(distance**2) / (2 * 1.5**2))).astype(np.float32)
    recipe.ink = (1.0, 1.0, 1.0)
    if recipe.desk is not None:
        place_sheet(recipe, [], rng)
    return encode(render(coverage.astype(np.float32), recipe, rng), recipe.jpeg)


# --- reading ---------------------------------------------------------------------------

def read_answer(predictor, photo: bytes) -> dict:
    """What `digitpad predict photo.jpg` prints for this photo."""
    return image_answer(predictor, read_image_file(io.BytesIO(photo)))


def grey_as_read(photo: bytes) -> np.ndarray:
    """The photo as the ink finder gets it: shrunk to at most 1024 px, grey, 0 black to 1 white."""
    from digitpad.model.ink.images import _shrink, _to_grey

    with Image.open(io.BytesIO(photo)) as image:
        return _to_grey(_shrink(image))


def old_answer(predictor, photo: bytes) -> int | None:
    """How DigitPad read images before issue 20: one background level, everything 10% above it is ink."""
    from digitpad.model.ink.preprocessing import normalise_ink

    grey = grey_as_read(photo)
    border = np.concatenate([grey[0], grey[-1], grey[1:-1, 0], grey[1:-1, -1]])
    background = float(np.median(border))
    if background > 0.5:
        grey, background = 1.0 - grey, 1.0 - background
    ink = np.clip(grey - background, 0, None)
    tensor = normalise_ink(ink) if ink.max() >= 0.08 else None
    return None if tensor is None else int(np.argmax(predictor.probabilities(tensor[None])[0]))


def outcome(answer: dict, truth: list[int]) -> str:
    """right / wrong / unsure / nothing / number-for-a-digit (or digit-for-a-number)."""
    if "number" in answer:
        read = [d["label"] for d in answer["digits"]]
        sure = min(max(d["probabilities"]) for d in answer["digits"]) >= UNSURE_BELOW and "doubt" not in answer
        if read == truth:
            return "right" if sure else "unsure right"
        return "wrong split" if len(read) != len(truth) else "wrong" if sure else "unsure wrong"
    if answer["label"] is None:
        return "nothing"
    sure = max(answer["probabilities"]) >= UNSURE_BELOW and "doubt" not in answer
    if len(truth) != 1:
        return "wrong split"
    if answer["label"] == truth[0]:
        return "right" if sure else "unsure right"
    return "wrong" if sure else "unsure wrong"


def rate(counts: dict, *keys: str) -> float:
    total = sum(counts.values())
    return sum(counts.get(k, 0) for k in keys) / max(total, 1)


def single_digits(args, images, labels, predictor) -> tuple[str, dict]:
    """The table of single digits by distortion, and each row's accuracy."""
    rows_spec = ([("clean", set())] + [(name, {name}) for name in DISTORTIONS] + [(ALL, set(DISTORTIONS))]
                 + [(SHADOW, {SHADOW}), (f"{ALL} and a shadow", set(DISTORTIONS) | {SHADOW})]
                 + [(RULED, {RULED}), (f"{ALL} on ruled paper", set(DISTORTIONS) | {RULED})]
                 + [(SQUARED, {SQUARED}), (f"{ALL} on squared paper", set(DISTORTIONS) | {SQUARED})]
                 + [(DESK, {DESK}), (f"{ALL} {DESK}", set(DISTORTIONS) | {DESK}),
                    (f"{ALL} on ruled paper {DESK}", set(DISTORTIONS) | {RULED, DESK})])
    described = {**DISTORTIONS, "clean": "none: black on white, centred", ALL: "every row above at once",
                 SHADOW: SHADOW_WHAT + " (not in “all of them”)", f"{ALL} and a shadow": "all of them, and a shadow",
                 RULED: RULED_WHAT, f"{ALL} on ruled paper": "all of them, on ruled paper",
                 SQUARED: SQUARED_WHAT, f"{ALL} on squared paper": "all of them, on squared paper",
                 DESK: DESK_WHAT, f"{ALL} {DESK}": "all of them, the sheet on a desk",
                 f"{ALL} on ruled paper {DESK}": "all of them, on ruled paper, the sheet on a desk"}
    rows, summary, misses = [], {}, 0
    for row_index, (name, distortions) in enumerate(rows_spec):
        if args.rows and name not in args.rows:
            continue
        rng = np.random.default_rng([args.seed, row_index])
        count = args.per_row * (3 if name == ALL else 1)
        counts: dict[str, int] = {}
        old_right = 0
        for _ in range(count):
            pick = int(rng.integers(len(images)))
            photo, _, _ = make_photo([images[pick]], distortions, rng)
            result = outcome(read_answer(predictor, photo), [int(labels[pick])])
            counts[result] = counts.get(result, 0) + 1
            if args.compare_old:
                old_right += old_answer(predictor, photo) == int(labels[pick])
            if result not in ("right", "unsure right") and misses < args.show_misses:
                misses += 1
                miss = f"/tmp/photo-miss-{misses}-{name.split()[0]}-{labels[pick]}-{result.replace(' ', '_')}"
                with open(miss, "wb") as out:
                    out.write(photo)
        right = rate(counts, "right", "unsure right")
        summary[name] = right
        row = [name, described[name], count, f"**{right:.1%}**" if name == ALL else f"{right:.1%}",
               f"{rate(counts, 'unsure right', 'unsure wrong'):.1%}", f"{rate(counts, 'wrong'):.1%}",
               f"{rate(counts, 'nothing'):.1%}", f"{rate(counts, 'wrong split'):.1%}"]
        if args.compare_old:
            row.append(f"{old_right / count:.1%}")
        rows.append(row)
    headers = ["photos", "what varies", "count", "read right", "unsure", "wrong and sure", "no digit",
               "read as a number"]
    if args.compare_old:
        headers.append("before issue 20")
    return table(headers, rows), summary


def numbers(args, images, labels, predictor) -> tuple[str, dict]:
    """Photos of 2–4 digits side by side (all distortions): read as the right number?"""
    rows, summary = [], {}
    for length in (2, 3, 4):
        rng = np.random.default_rng([args.seed, 200 + length])
        whole = digits_right = split_right = 0
        for _ in range(args.per_row):
            picks = rng.integers(len(images), size=length)
            photo, _, _ = make_photo([images[i] for i in picks], set(DISTORTIONS), rng)
            answer = read_answer(predictor, photo)
            truth = [int(labels[i]) for i in picks]
            read = [d["label"] for d in answer["digits"]] if "number" in answer else [answer["label"]]
            whole += read == truth
            if len(read) == length:
                split_right += 1
                digits_right += sum(a == b for a, b in zip(read, truth))
        n = args.per_row
        rows.append([length, n, f"{whole / n:.1%}", f"{digits_right / (n * length):.1%}", f"{split_right / n:.1%}"])
        summary[f"number:{length}"] = whole / n
    return table(["digits", "photos", "whole number right", "digits right", "split right"], rows), summary


NEAR_BLANK = [("blank", "paper only"), ("dust", "3–15 specks of dust, 1–4 px"),
              ("stain", "a faint soft stain (3–8% darker)"),
              ("fold", "a faint fold line across the sheet (3–8% darker)"),
              ("ruled", "ruled paper's printed lines only"), ("squared", "squared paper's printed grid only"),
              ("desk", "paper only, its edge in the frame on a desk")]


def blank_paper(args, predictor) -> tuple[str, dict]:
    """What blank and near-blank paper is read as: nothing, an unsure digit, or a digit (wrongly sure)."""
    rows, summary = [], {}
    for index, (kind, what) in enumerate(NEAR_BLANK):
        rng = np.random.default_rng([args.seed, 100 + index])
        nothing = unsure = sure = 0
        top = []
        for _ in range(args.per_row):
            answer = read_answer(predictor, blank_photo(kind, rng))
            if answer["label"] is None and "number" not in answer:
                nothing += 1
                continue
            digits = answer["digits"] if "number" in answer else [answer]
            probabilities = [digit["probabilities"] for digit in digits]
            confidence = min(max(p) for p in probabilities)
            top.append(confidence)
            doubtful = confidence < UNSURE_BELOW or "doubt" in answer
            unsure += doubtful
            sure += not doubtful
        n = args.per_row
        rows.append([kind, what, n, f"{nothing / n:.1%}", f"{unsure / n:.1%}", f"{sure / n:.1%}",
                     f"{max(top):.2f}" if top else "–"])
        summary[f"blank:{kind}"] = (nothing + unsure) / n
    return table(["paper", "what is on it", "count", "no digit", "a digit, unsure", "a digit, sure",
                  "highest probability"], rows), summary


def timing(predictor, images, repeats: int = 5) -> str:
    """How long a 12-megapixel JPEG takes: opened, read and answered in this process, and end to end
    through `digitpad predict` in a fresh process (which also starts Python and loads the model)."""
    import subprocess
    import sys
    import tempfile

    from common import ROOT, percentile

    rng = np.random.default_rng(12)
    recipe_rng = np.random.default_rng(13)
    recipe = random_recipe(recipe_rng, set(DISTORTIONS) - {"polarity"})
    recipe.frame, recipe.digit_height, recipe.position, recipe.jpeg = (4000, 3000), 900.0, (0.3, 0.6), 90
    coverage, _ = place_digits([digit_alpha(images[0], recipe.digit_height, recipe.stroke_level)], recipe, rng)
    photo = encode(render(coverage, recipe, rng), recipe.jpeg)
    rows = []
    steps = {"open and decode": [], "find the digit (read_image)": [], "split and read (network)": [], "total": []}
    for _ in range(repeats):
        started = time.perf_counter()
        from digitpad.model.ink.images import open_image, read_image

        with open_image(io.BytesIO(photo)) as image:
            decoded = time.perf_counter()
            reading = read_image(image)
        found = time.perf_counter()
        image_answer(predictor, reading)
        done = time.perf_counter()
        for key, value in zip(steps, (decoded - started, found - decoded, done - found, done - started)):
            value = value * 1000
            steps[key].append(value)
    for key, values in steps.items():
        rows.append([key, f"{percentile(values, 50):.0f} ms", f"{max(values):.0f} ms"])
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/photo.jpg"
        with open(path, "wb") as out:
            out.write(photo)
        walls = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "digitpad", "predict", path], cwd=ROOT, capture_output=True,
                           check=True)
            walls.append((time.perf_counter() - started) * 1000)
    rows.append(["`digitpad predict photo.jpg`, whole process", f"{percentile(walls, 50):.0f} ms",
                 f"{max(walls):.0f} ms"])
    return table(["12-megapixel JPEG (4000×3000)", f"median of {repeats}", "worst"], rows)


def sheet_timing(images, count: int = 30) -> str:
    """How long the sheet finder (``model.ink.sheet.on_the_sheet``) takes on the photo as read (up to 1024 px):
    on photos with every distortion, without a desk in the frame (where it gives up at once, or after looking)
    and with one (where it finds the sheet and makes the desk paper)."""
    from common import percentile
    from digitpad.model.ink.sheet import on_the_sheet

    rows = []
    for name, distortions in (("without a desk", set(DISTORTIONS)), ("on a desk", set(DISTORTIONS) | {DESK})):
        rng = np.random.default_rng(14)
        times = []
        for index in range(count):
            photo, _, _ = make_photo([images[index]], distortions, rng)
            grey = grey_as_read(photo)
            started = time.perf_counter()
            on_the_sheet(grey)
            times.append((time.perf_counter() - started) * 1000)
        rows.append([f"{name} ({count} photos)", f"{percentile(times, 50):.1f} ms", f"{max(times):.1f} ms"])
    return table(["the sheet finder, photos read at up to 1024 px", "median", "worst"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-row", type=int, default=200, help="photos per row (the 'all of them' row gets 3×)")
    parser.add_argument("--digits", choices=("tuning", "held-out"), default="tuning",
                        help="MNIST test digits 0–4,999 (tuning) or 5,000–9,999 (held-out)")
    parser.add_argument("--rows", type=lambda text: set(text.split(",")), help="only these rows, comma-separated")
    parser.add_argument("--compare-old", action="store_true", help="also read each photo the pre-issue-20 way")
    parser.add_argument("--skip", type=lambda text: set(text.split(",")), default=set(),
                        help="leave out some tables: digits,numbers,blank,timing")
    parser.add_argument("--model", default=str(bundled_model_path()))
    parser.add_argument("--show-misses", type=int, default=0, metavar="N", help="write the first N misses to /tmp")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    mnist = load_mnist(MNIST)
    half = len(mnist.x_test) // 2
    chosen = slice(0, half) if args.digits == "tuning" else slice(half, None)
    images, labels = mnist.x_test[chosen], mnist.y_test[chosen]
    predictor = Predictor.load(args.model)
    started = time.perf_counter()
    print(f"# Photos of MNIST test digits on paper\n\nMachine: {machine()}\n"
          f"Seed {args.seed}, {args.digits} digits, {args.per_row} photos per row.\n")
    summary = {}
    if "digits" not in args.skip:
        text, part = single_digits(args, images, labels, predictor)
        print(f"Single digits ({3 * args.per_row} photos for “all of them”):\n\n{text}\n")
        summary.update(part)
    if "numbers" not in args.skip:
        text, part = numbers(args, images, labels, predictor)
        print(f"Numbers: digits side by side, gaps of 15–50% of a digit's height, all the distortions:\n\n{text}\n")
        summary.update(part)
    if "blank" not in args.skip:
        text, part = blank_paper(args, predictor)
        print(f"Blank and near-blank paper, with all the distortions but polarity:\n\n{text}\n")
        summary.update(part)
    if "timing" not in args.skip:
        print(f"Speed:\n\n{timing(predictor, images)}\n\n{sheet_timing(images)}\n")
    print(f"{time.perf_counter() - started:.0f} s")
    if args.json:
        print(json.dumps(summary))


if __name__ == "__main__":
    main()
