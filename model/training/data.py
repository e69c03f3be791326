"""Assemble what a model trains on: MNIST plus drawings rendered through the app's own preprocessing."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import numpy as np
from PIL import Image

from digitpad.model.files.datasets import Mnist, StrokeRecord, without_repeats
from digitpad.model.ink.images import read_image
from digitpad.model.ink.preprocessing import DEFAULT_PEN_WIDTH, render_normalised
from digitpad.model.training.augment import augment_strokes, random_scribble
from digitpad.model.training.paper_scans import CONDITIONS, blank_scan, digit_scan, field_scan
from digitpad.model.training.recipes import TrainingData
from digitpad.model.training.stroke_styles import like_another_device, narrow_or_wide, restyle

# Pen widths (28×28 pixels) for rendered training drawings: MNIST's pens vary about this much.
PEN_WIDTHS = (1.8, 3.2)
# The label of a drawing that is no digit: it trains towards "every digit equally likely".
NOT_A_DIGIT = -1
# Each paper condition is in a synthetic scan with this probability (so a scan has 3–4 of the 7 on
# average, and some have all); and this share of the scans are blank forms, trained towards "unsure"
# when the ink finder finds anything on them.
PAPER_CONDITION_SHARE = 0.5
BLANK_FORM_SHARE = 0.1
# Share that are two digits whose ink touches on the form, read whole, labelled NOT_A_DIGIT: the pen's digit
# pairs are drawn apart or overlapping as strokes, never joined as ink is on paper, and without these the
# network read such a piece as one digit confidently enough that no cut beat it (model.numbers).
TOUCHING_PAIR_SHARE = 0.1


def render_digit_pairs(records: Sequence[StrokeRecord], count: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two drawings side by side, squeezed into one image, labelled NOT_A_DIGIT: what a number
    looks like when it is read as one digit.  Teaching the network that these are no digit is what
    lets a number be split where the network is confident of each part (model.numbers)."""
    rng = np.random.default_rng(seed + 104729)
    drawings = [r.strokes for r in records if r.strokes]
    images = np.zeros((count, 28, 28, 1), np.float32)
    if len(drawings) < 2:
        return images[:0], np.zeros(0, np.int64)
    for i in range(count):
        first, second = (drawings[j] for j in rng.choice(len(drawings), 2, replace=False))
        images[i, :, :, 0] = render_normalised(side_by_side([first, second], rng), rng.uniform(*PEN_WIDTHS))
    return images, np.full(count, NOT_A_DIGIT, np.int64)


def side_by_side(drawings: Sequence[list[np.ndarray]], rng: np.random.Generator) -> list[np.ndarray]:
    """Drawings placed left to right like digits of a number: heights ±20%, a little up or down,
    gaps from a 15% overlap to half a digit's width."""
    strokes, cursor, base = [], 0.0, 100.0
    for index, drawing in enumerate(drawings):
        points = np.concatenate(drawing)
        low, high = points.min(axis=0), points.max(axis=0)
        size = high - low
        scale = base * rng.uniform(0.8, 1.2) / max(float(size[1]), 1e-6)
        width = max(float(size[0]) * scale, 0.15 * base)
        gap = rng.uniform(-0.15, 0.5) * min(width, 0.6 * base) if index else 0.0
        offset = np.array([cursor + gap, rng.uniform(-0.1, 0.1) * base])
        strokes += [(stroke - low) * scale + offset for stroke in drawing]
        cursor = offset[0] + float(size[0]) * scale
    return strokes


def render_paper_scans(digits: np.ndarray, labels: np.ndarray, count: int, seed: int = 0,
                       should_stop: Callable[[], bool] = lambda: False) -> tuple[np.ndarray, np.ndarray]:
    """MNIST digits (uint8 28×28) written on synthetic scanned forms (model.training.paper_scans) and read
    back by the app's own ink finder, as `digitpad predict` and the window read a scan: the network learns
    what the finder gives it on paper (a line's remains, a neighbour's sliver, faint or broken strokes).
    Blank forms on which the finder sees ink, and two digits whose ink touches, are labelled NOT_A_DIGIT; scans
    it reads as blank are skipped."""
    rng = np.random.default_rng(seed + 15485863)
    images = np.zeros((count, 28, 28, 1), np.float32)
    targets = np.zeros(count, np.int64)
    row = 0
    if len(digits) < 2:
        return images[:0], targets[:0]
    for _ in range(count):
        if should_stop():
            break
        chance = rng.random()
        if chance < BLANK_FORM_SHARE:
            scan, label = blank_scan(str(rng.choice(["pattern", "lines", "stain"])), rng), NOT_A_DIGIT
        elif chance < BLANK_FORM_SHARE + TOUCHING_PAIR_SHARE:
            scan, label = field_scan(list(digits[rng.integers(0, len(digits), 2)]), rng, touching=True), NOT_A_DIGIT
        else:
            conditions = {name for name in CONDITIONS if rng.random() < PAPER_CONDITION_SHARE}
            index, neighbour = rng.integers(0, len(digits), 2)
            scan, label = digit_scan(digits[index], digits[neighbour], conditions, rng), int(labels[index])
        with Image.open(io.BytesIO(scan)) as image:
            reading = read_image(image)
        if reading.is_blank:
            continue
        images[row, :, :, 0] = reading.tensor
        targets[row] = label
        row += 1
    return images[:row], targets[:row]


def render_scribbles(count: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Non-digits rendered like drawings, labelled NOT_A_DIGIT."""
    rng = np.random.default_rng(seed + 7919)
    images = np.zeros((count, 28, 28, 1), np.float32)
    for i in range(count):
        images[i, :, :, 0] = render_normalised(random_scribble(rng), rng.uniform(*PEN_WIDTHS))
    return images, np.full(count, NOT_A_DIGIT, np.int64)


def render_records(
    records: Sequence[StrokeRecord],
    copies: int = 1,
    seed: int = 0,
    should_stop: Callable[[], bool] = lambda: False,
    *,
    style_share: float = 0.0,
    device_share: float = 0.0,
    aspect_share: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Tensors (n * copies, 28, 28, 1) and labels for labelled drawings.

    The first copy of each drawing is rendered as the app renders it; the
    others are augmented (a slightly different hand and pen).  Of those, a
    ``style_share`` is written in another style of their digit (model.training.stroke_styles),
    a ``device_share`` looks as if another digitizer had recorded it, and an ``aspect_share`` of the 0s,
    2s and 7s is written narrow and tall or flat and wide.
    """
    rng = np.random.default_rng(seed)
    images = np.zeros((len(records) * copies, 28, 28, 1), np.float32)
    labels = np.zeros(len(records) * copies, np.int64)
    row = 0
    for record in records:
        if should_stop():
            break
        if record.label is None or not record.strokes:
            continue
        for copy in range(copies):
            if copy == 0:
                strokes, pen = record.strokes, DEFAULT_PEN_WIDTH
            else:
                strokes = restyle(record.strokes, record.label, rng, style_share)
                if device_share and rng.random() < device_share:
                    strokes = like_another_device(strokes, rng)
                if aspect_share and rng.random() < aspect_share:
                    strokes = narrow_or_wide(strokes, record.label, rng)
                strokes, pen = augment_strokes(strokes, rng), rng.uniform(*PEN_WIDTHS)
            images[row, :, :, 0] = render_normalised(strokes, pen)
            labels[row] = record.label
            row += 1
    return images[:row], labels[:row]


def build_training_data(
    mnist: Mnist | None,
    strokes: Sequence[StrokeRecord] = (),
    my_drawings: Sequence[StrokeRecord] = (),
    *,
    validation_fraction: float = 0.05,
    stroke_copies: int = 4,
    my_drawings_copies: int = 16,
    scribbles: int = 0,
    digit_pairs: int = 0,
    paper_scans: int = 0,
    style_share: float = 0.0,
    device_share: float = 0.0,
    aspect_share: float = 0.0,
    mnist_limit: int | None = None,
    seed: int = 0,
    should_stop: Callable[[], bool] = lambda: False,
) -> TrainingData:
    """Training, validation and test splits.  Drawings are split by writer before they are copied, so
    no augmented copy of a validation drawing, nor any drawing by a validation writer, is trained on as a
    digit (digit pairs, trained towards "unsure", are made from all of them; MNIST has no writers).
    The test split is MNIST's.
    ``scribbles`` non-digits are added to the training split (outlier exposure), so that the
    network learns to be unsure of things that are not digits; a share of them (and of the
    digit pairs) goes into validation, so that the calibration is honest about them too.  ``paper_scans``
    MNIST training digits are also written on synthetic forms and read back by the ink finder."""
    rng = np.random.default_rng(seed)
    parts_train, parts_val, counts = [], [], {}
    x_test = np.zeros((0, 28, 28, 1), np.float32)
    y_test = np.zeros(0, np.int64)
    if mnist is not None:
        x = mnist.x_train[:mnist_limit].astype(np.float32)[..., None] / 255.0
        y = mnist.y_train[:mnist_limit].astype(np.int64)
        train_idx, val_idx = _split(len(x), validation_fraction, rng)
        parts_train.append((x[train_idx], y[train_idx]))
        parts_val.append((x[val_idx], y[val_idx]))
        x_test = mnist.x_test.astype(np.float32)[..., None] / 255.0
        y_test = mnist.y_test.astype(np.int64)
        counts["mnist"] = len(x)
        if paper_scans:  # written from the same training and validation digits as MNIST's own split
            digits = mnist.x_train[:mnist_limit]
            parts_train.append(render_paper_scans(digits[train_idx], y[train_idx], paper_scans, seed, should_stop))
            parts_val.append(render_paper_scans(digits[val_idx], y[val_idx],
                                                int(round(paper_scans * validation_fraction)), seed + 1, should_stop))
            counts["paper scans"] = len(parts_train[-1][1])
    # Your own drawings are your style already: only the stroke datasets are restyled.
    for name, records, copies, styles in (
        ("strokes", strokes, stroke_copies, {"style_share": style_share, "device_share": device_share,
                                               "aspect_share": aspect_share}),
        ("my drawings", my_drawings, my_drawings_copies, {}),
    ):
        records = without_repeats([r for r in records if r.label is not None])
        if not records:
            continue
        train_idx, val_idx = _split_by_writer(records, validation_fraction, rng)
        parts_train.append(render_records([records[i] for i in train_idx], copies, seed, should_stop, **styles))
        parts_val.append(render_records([records[i] for i in val_idx], 1, seed, should_stop))
        counts[name] = len(records)
    if not parts_train:
        raise ValueError("there is nothing to train on: choose MNIST, a stroke dataset or your drawings")
    # Validation gets non-digits in the proportion training has them (there each digit drawing
    # counts once per rendering), so that the calibration weighs them as training does.
    share = sum(len(part[1]) for part in parts_val) / sum(len(part[1]) for part in parts_train)
    if scribbles:
        parts_train.append(render_scribbles(scribbles, seed))
        parts_val.append(render_scribbles(int(round(scribbles * share)), seed + 1))
        counts["scribbles"] = scribbles
    drawings = [r for r in (*strokes, *my_drawings) if r.label is not None]
    if digit_pairs and len(drawings) >= 2:
        parts_train.append(render_digit_pairs(drawings, digit_pairs, seed))
        parts_val.append(render_digit_pairs(drawings, int(round(digit_pairs * share)), seed + 1))
        counts["digit pairs"] = digit_pairs
    x_train, y_train = _concatenate(parts_train)
    x_val, y_val = _concatenate(parts_val)
    if mnist is None:  # judge by the held-back drawings instead (digits only: a non-digit has no right answer)
        digits = y_val >= 0
        x_test, y_test = x_val[digits], y_val[digits]
    return TrainingData(x_train, y_train, x_val, y_val, x_test, y_test, counts)


def _split(count: int, fraction: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    order = rng.permutation(count)
    held = int(round(count * fraction))
    return np.sort(order[held:]), np.sort(order[:held])


def _split_by_writer(records: Sequence[StrokeRecord], fraction: float,
                     rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Whole writers held back, about ``fraction`` of each collection's (site's) drawings: the temperature
    is then fitted on handwriting the network never saw, as the app's users' will be (fitted on
    held-back drawings of writers it trained on, it came out too sure for new ones).  A drawing with no
    writer (your own) stands for itself; a collection with fewer than three writers is held back drawing by
    drawing."""
    is_held = np.zeros(len(records), bool)
    collections: dict[str | None, list[int]] = {}
    for index, record in enumerate(records):
        collections.setdefault(record.source, []).append(index)
    for indices in collections.values():
        writers: dict[object, list[int]] = {}
        for index in indices:
            writer = records[index].writer
            writers.setdefault(("drawing", index) if writer is None else writer, []).append(index)
        wanted = int(round(len(indices) * fraction))
        if len(writers) < 3 or wanted == 0:
            _, held = _split(len(indices), fraction, rng)
            is_held[np.asarray(indices)[held]] = True
            continue
        is_held[_whole_writers(list(writers.values()), wanted, rng)] = True
    return np.flatnonzero(~is_held), np.flatnonzero(is_held)


def _whole_writers(writers: list[list[int]], wanted: int, rng: np.random.Generator) -> list[int]:
    """Writers in random order until about ``wanted`` drawings; one who would take the share far past
    it leaves room for a smaller one, and if every writer is that big, the smallest is held back."""
    held: list[int] = []
    for order in rng.permutation(len(writers)):
        if len(held) + len(writers[order]) <= wanted * 1.5:
            held.extend(writers[order])
        if len(held) >= wanted:
            break
    return held or min(writers, key=len)


def _concatenate(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
