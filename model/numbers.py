"""Numbers written in one go: split a drawing into digits, left to right, and read each.

The strokes are vectors, so digits are found by their horizontal extents: a
stroke joins the digit whose extent it mostly overlaps (the bar of a 5, the
second stroke of a 4), and starts a new digit where it mostly does not (digits
side by side, touching or overlapping a little).  A drawing that is one digit
stays one digit, and is read exactly as before.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from digitpad.model.inference import Prediction
from digitpad.model.preprocessing import ImageReading, strokes_to_tensor, validate_strokes

# A stroke joins a digit when their horizontal extents overlap by at least this share
# of the narrower of the two.
SAME_DIGIT_OVERLAP = 0.5
# Strokes narrower than this share of the drawing's height count as this wide (a "1" has no width).
MIN_WIDTH_SHARE = 0.15
# A digit is at most this many pieces, and each digit costs this much log-probability, so
# a split must make the reading clearly more confident to win.
MAX_PIECES_PER_DIGIT = 3
DIGIT_COST = 0.0
# In an image, cutting between two pieces of ink closer than this (in heights of the writing) costs up to
# CLOSE_CUT_PENALTY: a stroke broken by faint ink leaves a sliver of paper, digits side by side more.
CLOSE_GAP = 0.1
CLOSE_CUT_PENALTY = 3.0
# Width/height beyond which a reading as one digit is penalised, and by how much per unit.
WIDE_ASPECT = 1.3
WIDE_PENALTY = 4.0


@dataclass
class DigitReading:
    indices: list[int]  # which of the drawing's strokes (for an image: which of its ImageReading.marks)
    strokes: list[np.ndarray]  # empty for an image
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in canvas coordinates (for an image: its pixels)
    label: int
    probabilities: np.ndarray
    tensor: np.ndarray

    @property
    def prediction(self) -> Prediction:
        """This digit's reading as a Prediction: its confidence, whether it is unsure, its runner-up."""
        return Prediction(self.label, self.probabilities, tensor=self.tensor)

    def as_json(self) -> dict:
        return {"box": [round(v, 1) for v in self.box], "label": self.label,
                "probabilities": [round(float(p), 6) for p in self.probabilities]}


class ReadingCache:
    """Renderings and readings of groups of strokes, by their points and the predictor.

    While the pen moves only the digit being drawn changes, so with a cache each mouse event
    renders and reads only the runs of pieces that hold the moving stroke, not every run.
    """

    def __init__(self, capacity: int = 256) -> None:
        self.capacity = capacity
        self._predictor = None
        self._entries: OrderedDict[bytes, tuple[np.ndarray, np.ndarray]] = OrderedDict()

    def read(self, predictor, groups: list[list[np.ndarray]]) -> list[tuple[np.ndarray, np.ndarray]]:
        """(tensor, probabilities) for each group of strokes, computing only the ones not seen."""
        if predictor is not self._predictor:  # a new or retrained model reads differently
            self._predictor = predictor
            self._entries.clear()
        keys = [_key(group) for group in groups]
        missing = {key: group for key, group in zip(keys, groups) if key not in self._entries}
        if missing:
            tensors = [strokes_to_tensor(group) for group in missing.values()]
            for key, tensor, p in zip(missing, tensors, predictor.probabilities(np.stack(tensors))):
                self._entries[key] = (tensor, p)
        for key in keys:
            self._entries.move_to_end(key)
        while len(self._entries) > max(self.capacity, len(keys)):
            self._entries.popitem(last=False)
        return [self._entries[key] for key in keys]


def _key(strokes: list[np.ndarray]) -> bytes:
    # Each stroke's length goes in too: one stroke and the same points as two strokes render differently.
    return b"".join(len(s).to_bytes(4, "little") + s.tobytes() for s in strokes)


def split_digits(strokes, predictor=None) -> list[list[int]]:
    """Groups of stroke indices, one group per digit, ordered left to right.

    Strokes that mostly overlap horizontally are one piece for certain.  With a predictor,
    the pieces are then grouped into digits the way the network reads most confidently:
    every way of cutting the row of pieces is scored by the log-probability of each part's
    best digit, less a cost per digit, so a 4 drawn in two strokes stays one 4, and two
    1s side by side become two 1s.
    """
    strokes = validate_strokes(strokes)
    if not strokes:
        return []
    pieces = _pieces(strokes)
    if predictor is None or len(pieces) == 1:
        return pieces
    return [group for group, _, _ in _best_split(strokes, pieces, predictor)]


def _best_split(strokes: list[np.ndarray], pieces: list[list[int]], predictor,
                cache: ReadingCache | None = None) -> list[tuple[list[int], np.ndarray, np.ndarray]]:
    """(stroke indices, tensor, probabilities) of each digit of the most confident split."""
    runs = _runs(len(pieces))
    groups = [[strokes[i] for p in pieces[start:end] for i in p] for start, end in runs]
    tensors, probabilities = zip(*(cache or ReadingCache()).read(predictor, groups))
    score = {run: float(np.log(max(p.max(), 1e-9))) + DIGIT_COST - _too_wide(strokes, pieces[run[0]:run[1]])
             for run, p in zip(runs, probabilities)}
    read = {run: (tensor, p) for run, tensor, p in zip(runs, tensors, probabilities)}
    return [(sorted(i for p in pieces[start:end] for i in p), *read[(start, end)])
            for start, end in _best_cut(len(pieces), score)]


def _runs(count: int) -> list[tuple[int, int]]:
    """Every run of consecutive pieces that could be one digit, as (start, end)."""
    return [(start, end) for start in range(count) for end in range(start + 1, min(count, start + MAX_PIECES_PER_DIGIT) + 1)]


def _best_cut(count: int, score: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The runs, left to right, that cut ``count`` pieces into digits with the highest total score."""
    best = [0.0] + [-np.inf] * count
    cut = [0] * (count + 1)
    for end in range(1, count + 1):
        for start in range(max(0, end - MAX_PIECES_PER_DIGIT), end):
            value = best[start] + score[(start, end)]
            if value > best[end]:
                best[end], cut[end] = value, start
    runs, end = [], count
    while end > 0:
        runs.append((cut[end], end))
        end = cut[end]
    return runs[::-1]


def _too_wide(strokes: list[np.ndarray], pieces: list[list[int]]) -> float:
    """A digit is rarely much wider than tall (1.3 is the 99th percentile of pen digits); two digits
    squeezed into one reading usually are.  Returns a log-probability penalty."""
    points = np.concatenate([strokes[i] for piece in pieces for i in piece])
    width, height = np.ptp(points, axis=0)
    return _wide_penalty(width, height)


def _wide_penalty(width: float, height: float) -> float:
    aspect = width / max(height, 1e-6)
    return WIDE_PENALTY * max(0.0, aspect - WIDE_ASPECT)


def _pieces(strokes: list[np.ndarray]) -> list[list[int]]:
    """Strokes grouped where they mostly overlap horizontally, ordered left to right."""
    everything = np.concatenate(strokes)
    height = float(np.ptp(everything[:, 1])) or float(np.ptp(everything[:, 0])) or 1.0
    return _pieces_by_extent([(float(s[:, 0].min()), float(s[:, 0].max())) for s in strokes], height)


def _pieces_by_extent(extents: list[tuple[float, float]], height: float) -> list[list[int]]:
    """Indices of horizontal extents grouped where they mostly overlap, ordered left to right;
    ``height`` is the whole drawing's, for how wide a narrow stroke (a 1) counts."""
    min_width = MIN_WIDTH_SHARE * height
    extents = [_padded(low, high, min_width) for low, high in extents]
    order = sorted(range(len(extents)), key=lambda i: (extents[i][0] + extents[i][1]) / 2)
    groups: list[list[int]] = []
    spans: list[tuple[float, float]] = []
    for index in order:
        best, best_share = None, 0.0
        for g, span in enumerate(spans):
            share = _overlap_share(extents[index], span)
            if share > best_share:
                best, best_share = g, share
        if best is not None and best_share >= SAME_DIGIT_OVERLAP:
            groups[best].append(index)
            spans[best] = (min(spans[best][0], extents[index][0]), max(spans[best][1], extents[index][1]))
        else:
            groups.append([index])
            spans.append(extents[index])
    groups, spans = _merge_overlapping(groups, spans)
    ordered = sorted(zip(groups, spans), key=lambda item: (item[1][0] + item[1][1]) / 2)
    return [sorted(group) for group, _ in ordered]


def read_number(predictor, strokes, groups: list[list[int]] | None = None, *,
                cache: ReadingCache | None = None, **preprocessing) -> list[DigitReading]:
    """Each digit of the drawing with its box and the network's reading, left to right.  Without
    ``groups`` it splits the drawing itself, and reuses the split's renderings and readings; a
    ``cache`` kept between calls also reuses those of the digits that did not change."""
    strokes = validate_strokes(strokes)
    pieces = _pieces(strokes) if strokes else []
    if groups is None and not preprocessing and len(pieces) > 1:
        digits = _best_split(strokes, pieces, predictor, cache)
    else:
        if groups is None:
            groups = pieces if len(pieces) <= 1 else [group for group, _, _ in _best_split(strokes, pieces, predictor)]
        tensors = [strokes_to_tensor([strokes[i] for i in group], **preprocessing) for group in groups]
        probabilities = predictor.probabilities(np.stack(tensors)) if tensors else []
        digits = list(zip(groups, tensors, probabilities))
    readings = []
    for group, tensor, p in digits:
        points = np.concatenate([strokes[i] for i in group])
        box = (float(points[:, 0].min()), float(points[:, 1].min()), float(points[:, 0].max()), float(points[:, 1].max()))
        readings.append(DigitReading(list(group), [strokes[i] for i in group], box, int(np.argmax(p)), np.asarray(p), tensor))
    return readings


def read_image_number(predictor, reading: ImageReading) -> list[DigitReading]:
    """The digits of an image, left to right: one for a single digit, none when it holds nothing.

    The strokes' rule on the image's connected ink: marks that mostly overlap horizontally are
    one piece, and pieces are grouped into digits the way the network reads most confidently, so
    a 5 with its bar apart stays one 5 and two digits side by side become two.  Each reading's
    ``indices`` are indices into ``reading.marks``, its ``strokes`` are empty, and its ``box`` is
    in the image's pixels (``reading.box_of(indices)``).
    """
    if reading.is_blank:
        return []
    pieces = _pieces_by_extent([(box[0], box[2]) for box in reading.marks], _height(reading.marks))
    if len(pieces) == 1:
        runs, tensors = [(0, 1)], [reading.tensor]
    else:
        runs = _runs(len(pieces))
        tensors = [reading.tensor_of(_marks_in(pieces, run)) for run in runs]
    probabilities = predictor.probabilities(np.stack(tensors))
    gaps = _gaps_before(pieces, reading.marks)
    score = {}
    for run, p in zip(runs, probabilities):
        x0, y0, x1, y1 = reading.box_of(_marks_in(pieces, run))
        score[run] = (float(np.log(max(p.max(), 1e-9))) + DIGIT_COST - _wide_penalty(x1 - x0, y1 - y0)
                      - CLOSE_CUT_PENALTY * max(0.0, 1 - gaps[run[0]] / CLOSE_GAP))
    read = {run: (tensor, p) for run, tensor, p in zip(runs, tensors, probabilities)}
    readings = []
    for run in _best_cut(len(pieces), score):
        marks = _marks_in(pieces, run)
        tensor, p = read[run]
        readings.append(DigitReading(marks, [], reading.box_of(marks), int(np.argmax(p)), np.asarray(p), tensor))
    return readings


def _gaps_before(pieces: list[list[int]], boxes) -> list[float]:
    """The empty space between each piece and the one to its left (negative where they overlap), in
    heights of the writing; infinite before the first."""
    height = _height(boxes)
    spans = [(min(boxes[i][0] for i in piece), max(boxes[i][2] for i in piece)) for piece in pieces]
    return [np.inf] + [(right[0] - left[1]) / height for left, right in pairwise(spans)]


def _marks_in(pieces: list[list[int]], run: tuple[int, int]) -> list[int]:
    return sorted(i for piece in pieces[run[0]:run[1]] for i in piece)


def _height(boxes) -> float:
    return (max(b[3] for b in boxes) - min(b[1] for b in boxes)) or (max(b[2] for b in boxes) - min(b[0] for b in boxes)) or 1.0


def number_text(readings: list[DigitReading]) -> str:
    return "".join(str(r.label) for r in readings)


def number_json(readings: list[DigitReading]) -> dict:
    """`digitpad predict`'s answer for several digits: no single label, the number, and each digit."""
    return {"label": None, "probabilities": None, "number": number_text(readings),
            "digits": [reading.as_json() for reading in readings]}


def needs_splitting(strokes) -> bool:
    """Cheap check (no network): could this drawing hold more than one digit?"""
    strokes = validate_strokes(strokes)
    return len(strokes) > 1 and len(_pieces(strokes)) > 1


def _padded(low: float, high: float, min_width: float) -> tuple[float, float]:
    if high - low >= min_width:
        return low, high
    middle = (low + high) / 2
    return middle - min_width / 2, middle + min_width / 2


def _overlap_share(a: tuple[float, float], b: tuple[float, float]) -> float:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    narrower = min(a[1] - a[0], b[1] - b[0])
    return max(0.0, overlap) / narrower if narrower > 0 else 0.0


def _merge_overlapping(groups, spans):
    """A later stroke can make two groups overlap: merge until no two do (by the same rule)."""
    merged = True
    while merged and len(groups) > 1:
        merged = False
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                if _overlap_share(spans[a], spans[b]) >= SAME_DIGIT_OVERLAP:
                    other = spans.pop(b)
                    groups[a] += groups.pop(b)
                    spans[a] = (min(spans[a][0], other[0]), max(spans[a][1], other[1]))
                    merged = True
                    break
            if merged:
                break
    return groups, spans
