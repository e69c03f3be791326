"""Scans of handwritten digits on printed forms (cheque-like), made from MNIST test digits.

    python bench/scans.py [--digits tuning|held-out] [--seed 0] [--per-row 200] [--fields 200]

Issue 28's paper conditions, each at a random strength (the ranges are in the table), first one at a
time, then all at once, the way bench/photos.py does for photos: grey or tinted paper; a printed fine
wavy security pattern; a printed baseline or ruled line crossing the digit; faint, thin ballpoint;
digits only 20–60 px tall; crops cut tightly around the digit with a sliver of the neighbouring digit
or of a separator at the edge; scanner blur, noise and JPEG.  Then blank forms (pattern, lines,
stains: they must read as nothing or unsure) and whole fields of 3–7 digits with dots, commas,
dashes or slashes between them, read exactly (digits only).

Every scan goes through the command line's own functions, as `digitpad predict scan.jpg` reads it.
These are synthetic: they make the conditions reproducible, they are not the real scans the issue
measured, and the project's unseen test sets are never used here.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import numpy as np
from PIL import Image

from common import MNIST, machine, table
from digitpad.model.files.datasets import load_mnist
from digitpad.model.network.inference import Predictor
from digitpad.resources import bundled_model_path
from photos import digit_alpha, encode, gaussian_blur, outcome, rate, read_answer

CONDITIONS = {
    "grey paper": "paper brightness 0.55–0.92, tinted up to 15%",
    "pattern": "printed wavy security lines, period 3–8 px, 8–35% darker, any angle",
    "baseline": "a printed line 1–2 px, 30–75% darker, across the digit's lower third or through it",
    "ballpoint": "thin strokes (ink level 0.5–0.7), 30–90% dark, black or blue",
    "small": "digit 20–60 px tall",
    "tight crop": "0–3 px margins; a sliver (5–35% of a digit) of the neighbour or a separator at an edge",
    "scanner": "blur σ 0.3–1.0 px, noise σ 1–6, JPEG 40–90",
}
ALL = "all of them"
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
    from PIL import ImageDraw

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
    return darkness


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


def digit_scan(digit: np.ndarray, neighbour: np.ndarray, conditions: set[str], rng: np.random.Generator) -> bytes:
    form = random_form(rng, conditions)
    alpha = digit_alpha(digit, form.height, form.level)
    coverage, cut = with_sliver(alpha, form, neighbour, rng) if form.sliver else (alpha, None)
    top = (coverage.shape[0] - alpha.shape[0]) // 2
    return scan(coverage, form, rng, top, alpha.shape[0], cut)


def blank_scan(kind: str, rng: np.random.Generator) -> bytes:
    """A form with no handwriting: its print and paper only, or a stain."""
    form = random_form(rng, set(CONDITIONS) - {"tight crop"})
    side = int(rng.uniform(24, 80))
    coverage = np.zeros((side, int(side * rng.uniform(0.6, 1.4))), np.float32)
    if kind == "pattern":
        form.baseline = None
        form.pattern = form.pattern or (rng.uniform(0.08, 0.35), rng.uniform(3, 8), rng.uniform(0, np.pi), 2.0)
    elif kind == "lines":
        form.pattern = None
        form.baseline = (rng.uniform(0.2, 0.9), rng.uniform(1, 2.2), rng.uniform(0.3, 0.75))
    elif kind == "stain":
        ys, xs = np.ogrid[0:coverage.shape[0], 0:coverage.shape[1]]
        sigma = rng.uniform(0.1, 0.3) * side
        spot = np.exp(-((xs - coverage.shape[1] / 2) ** 2 + (ys - side / 2) ** 2) / (2 * sigma**2))
        coverage = (rng.uniform(0.04, 0.12) * spot).astype(np.float32)
    return scan(coverage, form, rng, 0, side)


def field_scan(digits: list[np.ndarray], rng: np.random.Generator) -> bytes:
    """A whole amount field: 3–7 digits, maybe with separators between them, in every condition."""
    form = random_form(rng, set(CONDITIONS) - {"tight crop"})
    form.margin = int(rng.integers(2, 10))
    pieces, gaps = [], []
    for index, digit in enumerate(digits):
        if index and rng.random() < 0.3:
            pieces.append(separator_alpha(str(rng.choice(SEPARATORS)), form.height))
            gaps.append(int(rng.uniform(0.05, 0.2) * form.height))
        pieces.append(digit_alpha(digit, form.height * rng.uniform(0.9, 1.1), form.level))
        gaps.append(int(rng.uniform(0.1, 0.45) * form.height))
    coverage, _ = field_coverage(pieces, int(max(p.shape[0] for p in pieces)), gaps[:-1])
    return scan(coverage, form, rng, 0, coverage.shape[0])


def single_digits(args, images, labels, predictor) -> str:
    rows = [(name, {name}) for name in CONDITIONS] + [(ALL, set(CONDITIONS))]
    lines = []
    for name, conditions in rows:
        rng = np.random.default_rng([args.seed, len(name)])
        counts: dict[str, int] = {}
        for _ in range(args.per_row):
            index, neighbour = rng.integers(0, len(images), 2)
            answer = read_answer(predictor, digit_scan(images[index], images[neighbour], conditions, rng))
            result = outcome(answer, [int(labels[index])])
            counts[result] = counts.get(result, 0) + 1
        lines.append([name, CONDITIONS.get(name, "every condition above at once"),
                      f"{rate(counts, 'right', 'unsure right'):.1%}", f"{rate(counts, 'nothing'):.1%}",
                      f"{rate(counts, 'wrong'):.1%}", f"{rate(counts, 'unsure right', 'unsure wrong'):.1%}"])
    return table(["scans of one digit", "what varies", "read right", "nothing", "wrong and sure", "unsure"], lines)


def blanks(args, predictor) -> str:
    lines = []
    for kind in ("pattern", "lines", "stain"):
        rng = np.random.default_rng([args.seed, 7, len(kind)])
        counts: dict[str, int] = {}
        for _ in range(args.per_row // 2):
            answer = read_answer(predictor, blank_scan(kind, rng))
            result = "nothing" if answer.get("label") is None and "number" not in answer else \
                "sure digit" if outcome(answer, [-1]) == "wrong" else "unsure"
            counts[result] = counts.get(result, 0) + 1
        lines.append([kind, f"{rate(counts, 'nothing'):.1%}", f"{rate(counts, 'unsure'):.1%}",
                      f"{rate(counts, 'sure digit'):.1%}"])
    return table(["blank form", "nothing", "unsure", "a sure digit"], lines)


def fields(args, images, labels, predictor) -> str:
    rng = np.random.default_rng([args.seed, 99])
    exact = 0
    for _ in range(args.fields):
        count = int(rng.integers(3, 8))
        picks = rng.integers(0, len(images), count)
        photo = field_scan([images[i] for i in picks], rng)
        answer = read_answer(predictor, photo)
        read = [d["label"] for d in answer["digits"]] if "number" in answer else [answer.get("label")]
        right = read == [int(labels[i]) for i in picks]
        exact += right
    return table(["fields of 3–7 digits", "read exactly (digits only)"],
                 [[f"{args.fields} fields, separators in 30% of the gaps", f"{exact / max(args.fields, 1):.1%}"]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digits", choices=["tuning", "held-out"], default="held-out")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-row", type=int, default=200)
    parser.add_argument("--fields", type=int, default=200)
    parser.add_argument("--model", default=str(bundled_model_path()))
    args = parser.parse_args()
    mnist = load_mnist(MNIST)
    half = slice(0, 5000) if args.digits == "tuning" else slice(5000, 10000)
    images, labels = mnist.x_test[half], mnist.y_test[half]
    predictor = Predictor.load(args.model)
    print(machine())
    print(f"MNIST test digits {args.digits} ({half.start:,}–{half.stop - 1:,}), seed {args.seed}, model {args.model}\n")
    print(single_digits(args, images, labels, predictor))
    print()
    print(blanks(args, predictor))
    print()
    print(fields(args, images, labels, predictor))


if __name__ == "__main__":
    main()
