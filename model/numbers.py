"""Numbers written in one go: split a drawing into digits, left to right, and read each.

The strokes are vectors, so digits are found by their horizontal extents: a stroke joins the digit
whose extent it mostly overlaps (the bar of a 5, the second stroke of a 4, the slash of a Ø), and
starts a new digit where it mostly does not (digits side by side, touching or overlapping a little).
The pieces are then grouped the way the network reads most confidently.  A drawing that is one
digit stays one digit, and is read exactly as before.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, replace

import numpy as np

from digitpad.model.ink.images import ImageReading
from digitpad.model.ink.preprocessing import Placement, render_with_placement, validate_strokes
from digitpad.model.network.inference import Prediction
from digitpad.model.network.views import with_tensor_views, with_views

# A stroke joins a digit when their horizontal extents overlap by at least this share
# of the narrower of the two.
SAME_DIGIT_OVERLAP = 0.5
# Strokes narrower than this share of the drawing's height count as this wide (a "1" has no width).
MIN_WIDTH_SHARE = 0.15
# A digit is at most this many pieces.
MAX_PIECES_PER_DIGIT = 3
# In an image, cutting between two pieces of ink closer than this (in heights of the writing) costs up to
# CLOSE_CUT_PENALTY: a stroke broken by faint ink leaves a sliver of paper, digits side by side more.
CLOSE_GAP = 0.1
CLOSE_CUT_PENALTY = 3.0
# ... and only up to this when both pieces are at least SLIVER_HEIGHT of the writing: two whole digits close
# together are more common than a stroke broken into two tall halves (a slash beside a digit pays it too).
CLOSE_TALL_PENALTY = 1.0
# In a number on paper, a piece less tall and less wide than these shares of the writing's height is
# punctuation (a dot, a comma, a dash), left out of the number.
PUNCTUATION_HEIGHT = 0.35
PUNCTUATION_WIDTH = 0.7
# In an image, a piece at either end that reaches the image's side, narrower than SLIVER_WIDTH of the
# writing's height, and shorter than SLIVER_HEIGHT of it, or with less than SLIVER_INK of the heaviest other
# piece's ink, or cut by the side twice, is a sliver of a neighbour that the crop cut through: it is left out.
SLIVER_WIDTH = 0.5
SLIVER_HEIGHT = 0.75
SLIVER_INK = 0.35
# A part of a piece cut in two (digits that touch) within this share of the writing's height of the image's side,
# and narrower than SLIVER_WIDTH of it, is such a sliver: the piece is not cut there.
SLIVER_EDGE = 0.1
# Width/height beyond which a reading as one digit is penalised, and by how much per unit.
WIDE_ASPECT = 1.3
WIDE_PENALTY = 4.0
# In an image, a piece of ink at least this wide for its height may be digits that touch.  It is cut across
# some of its thinnest columns (TOUCHING_CUTS for each place digits may meet, not in the outer TOUCHING_MARGIN
# of it, crossed by at most CUT_STROKES strokes) when the parts read more confidently than the whole, each
# part costing CUT_PENALTY in log-probability.
TOUCHING_ASPECT = 0.9  # two narrow digits (an 8 and a 1) that touch make a piece hardly wider than tall
TOUCHING_CUTS = 6
TOUCHING_MARGIN = 0.2
CUT_PENALTY = 1.0
CUT_STROKES = 2
TOUCHING_MIN_HEIGHT = 0.5
WHOLE_WIDTH_WEIGHT = 0.5
# Pieces side by side, two of them holding a stroke (a connected piece of ink) at least this share of the
# writing's height, are never one 1: a 1 is one stroke, and its flag or base is short or joins it.  The
# network reads two bars half a height apart as a 1 at 99%, so "11" would otherwise be read as one 1.
TALL_PIECE = 0.5
# In an image, reading two tall pieces (TALL_PIECE) as one digit costs JOIN_PENALTY in log-probability where at
# least CLEAR_GAP of the writing's height of clear paper parts them and neither reaches the image's side: a
# digit's parts touch or nearly touch, so a 1 that stands apart from an 8 is a digit of its own, although the network
# reads the two side by side as an 8 at 99%, a little more than the 1 and the 8 each alone multiplied.
CLEAR_GAP = 0.12
JOIN_PENALTY = 0.3
# Pen pieces with at least this share of the writing's height of clear paper between them are never one digit: a
# digit's strokes touch or nearly touch.  Without it a weak network (a LeNet-5 trained briefly from the window),
# unsure of every digit alone, read "74" written with a wide gap as one 4 at 75%.
APART_GAP = 0.4


@dataclass(frozen=True, eq=False)
class DigitReading:
    """One digit of a number: which strokes, where, and what the network says about them."""

    indices: tuple[int, ...]  # which of the drawing's strokes (of an image: which of its ImageReading.marks)
    strokes: list[np.ndarray]  # empty for an image
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in canvas coordinates (of an image: its pixels)
    prediction: Prediction  # with every layer's activation: the maps can show any digit
    placement: Placement | None  # where the digit's strokes went in its 28×28 tensor (None for an image)

    @property
    def label(self) -> int:
        return self.prediction.label

    @property
    def probabilities(self) -> np.ndarray:
        return self.prediction.probabilities

    @property
    def tensor(self) -> np.ndarray:
        return self.prediction.tensor

    def as_json(self) -> dict:
        """The digit's box, label and probabilities, and its doubt when it has one (as a single answer's)."""
        return {"box": [round(v, 1) for v in self.box], **self.prediction.as_json()}


class ReadingCache:
    """Renderings and readings of groups of strokes, by their points and the predictor.

    While the pen moves only the digit being drawn changes, so with a cache each mouse event
    renders and reads only the runs of pieces that hold the moving stroke, not every run.
    """

    def __init__(self, capacity: int = 64) -> None:
        self.capacity = capacity
        self._predictor = None
        self._entries: OrderedDict[bytes, tuple[Prediction, Placement]] = OrderedDict()
        # A digit read seven ways (model.network.views): its label, probabilities, doubt and other reading.
        self._seven_ways: OrderedDict[bytes, tuple[int, np.ndarray, str | None, int | None]] = OrderedDict()

    def _use(self, predictor) -> None:
        if predictor is not self._predictor:  # a new or retrained model reads differently
            self._predictor = predictor
            self._entries.clear()
            self._seven_ways.clear()

    def read(self, predictor, groups: list[list[np.ndarray]]) -> list[tuple[Prediction, Placement]]:
        """The prediction (with activations) and placement of each group, computing only new ones."""
        self._use(predictor)
        keys = [_key(group) for group in groups]
        for key, group in zip(keys, groups):
            if key not in self._entries:
                tensor, placement = render_with_placement(group)
                self._entries[key] = (predictor.predict_tensor(tensor), placement)
            self._entries.move_to_end(key)
        while len(self._entries) > max(self.capacity, len(keys)):
            self._entries.popitem(last=False)
        return [self._entries[key] for key in keys]

    def with_views(self, predictor, strokes: list[np.ndarray], prediction: Prediction) -> Prediction:
        """``with_views`` of one digit, its views read once per digit and model: at each pen-up of a
        number only the digit just written is read again six ways."""
        self._use(predictor)
        return self._read_once(_key(strokes), lambda: with_views(predictor, strokes, prediction), prediction)

    def with_tensor_views(self, predictor, prediction: Prediction) -> Prediction:
        """``with_tensor_views`` of an image's digit, read once per tensor, ink doubt and model."""
        self._use(predictor)
        key = f"tensor {prediction.doubt}".encode() + np.ascontiguousarray(prediction.tensor).tobytes()
        return self._read_once(key, lambda: with_tensor_views(predictor, prediction), prediction)

    def _read_once(self, key: bytes, read_seven_ways, prediction: Prediction) -> Prediction:
        if key not in self._seven_ways:
            read = read_seven_ways()
            self._seven_ways[key] = (read.label, read.probabilities, read.doubt, read.other_reading)
        self._seven_ways.move_to_end(key)
        while len(self._seven_ways) > self.capacity:
            self._seven_ways.popitem(last=False)
        label, probabilities, doubt, other = self._seven_ways[key]
        return replace(prediction, label=label, probabilities=probabilities, doubt=doubt, other_reading=other)


def _key(strokes: list[np.ndarray]) -> bytes:
    # Each stroke's length goes in too: one stroke and the same points as two strokes render differently.
    return b"".join(len(s).to_bytes(4, "little") + s.tobytes() for s in strokes)


def split_digits(strokes, predictor=None) -> list[list[int]]:
    """Groups of stroke indices, one group per digit, ordered left to right.

    Strokes that mostly overlap horizontally are one piece for certain.  With a predictor, the
    pieces are then grouped into digits the way the network reads most confidently: every way of
    cutting the row of pieces is scored by the log-probability of each part's best digit, so a 4
    drawn in two strokes stays one 4, and two 1s side by side become two 1s.
    """
    strokes = validate_strokes(strokes)
    if not strokes:
        return []
    pieces = _pieces(strokes)
    if predictor is None or len(pieces) == 1:
        return pieces
    return [list(reading.indices) for reading in _best_split(strokes, pieces, predictor, ReadingCache())]


def read_number(predictor, strokes, *, cache: ReadingCache | None = None) -> list[DigitReading]:
    """Each digit of the drawing with its box and the network's reading, left to right.  A ``cache``
    kept between calls reuses the renderings and readings of the digits that did not change."""
    strokes = validate_strokes(strokes)
    if not strokes:
        return []
    return _best_split(strokes, _pieces(strokes), predictor, cache or ReadingCache())


def read_image_number(predictor, reading: ImageReading) -> list[DigitReading]:
    """The digits of an image, left to right: one for a single digit, none when it holds nothing.

    The strokes' rule on the image's connected ink: marks that mostly overlap horizontally are one
    piece, and pieces are grouped into digits the way the network reads most confidently, so a 5
    with its bar apart stays one 5 and two digits side by side become two.  Each reading's
    ``indices`` are indices into ``reading.marks``, its ``strokes`` are empty, and its ``box`` is in
    the image's pixels (``reading.box_of(indices)``).  Each prediction carries the image's doubt about
    its ink (faint, cluttered), which makes it unsure however sure the network is, or else the doubt of
    its changed views; each digit's answer is its seven readings' (model.network.views).
    """
    if reading.is_blank:
        return []
    if reading.box_of(range(len(reading.marks))) is None:  # read as it is (``reading_of_tensor``): one digit
        return [DigitReading(tuple(range(len(reading.marks))), [], reading.box,
                             replace(predictor.predict_tensor(reading.tensor), doubt=reading.doubt), None)]
    pieces = _pieces_by_extent([(box[0], box[2]) for box in reading.marks], _height(reading.marks))
    pieces = _without_edge_slivers(_without_punctuation(pieces, reading.marks), reading)
    runs = [(0, 1)] if len(pieces) == 1 else _runs(len(pieces))
    if len(pieces) == 1 and len(pieces[0]) == len(reading.marks):
        tensors = [reading.tensor]
    else:
        tensors = [reading.tensor_of(_marks_in(pieces, run)) for run in runs]
    read = {run: predictor.predict_tensor(tensor) for run, tensor in zip(runs, tensors)}
    close_cuts = _close_cut_costs(pieces, reading.marks)
    score = {}
    tall = _tall_pieces(reading.marks, pieces)
    apart_joins = _apart_join_costs(pieces, reading, tall)
    for run, prediction in read.items():
        box = reading.box_of(_marks_in(pieces, run))
        score[run] = (_log_confidence(prediction, tall[run[0]:run[1]]) - _aspect_penalty(box)
                      - close_cuts[run[0]] - sum(apart_joins[run[0] + 1:run[1]]))
    digits = []
    for run in _best_cut(len(pieces), score):
        marks = tuple(_marks_in(pieces, run))
        for columns, prediction in _split_touching(predictor, reading, marks, read[run], reading.column_ink(marks)):
            if prediction.label is None:  # ink that leaves nothing at 28×28 (a line's 1-px remains) is no digit:
                continue                  # it read "None11" on a ruled sheet
            # Each digit is read again a little turned, narrowed and slanted, as a drawing is at pen-up.
            digits.append(DigitReading(marks, [], reading.box_of(marks, columns),
                                       with_tensor_views(predictor, replace(prediction, doubt=reading.doubt)),
                                       None))
    return digits


def _split_touching(predictor, reading: ImageReading, marks: tuple[int, ...], whole: Prediction,
                    column_ink: tuple[np.ndarray, np.ndarray]) -> list[tuple[tuple[int, int] | None, Prediction]]:
    """A piece of ink too wide for its height may be digits that touch: it is cut across some of its thinnest
    columns, the cuts chosen together (dynamic programming) so that the parts read most confidently, each cut
    costing CUT_PENALTY (a cut through ink must earn its place), and kept whole unless that beats reading it
    as one digit.  Returns (columns, prediction) pairs, left to right; columns None for the whole piece.
    ``column_ink`` is ``reading.column_ink(marks)``."""
    ink, strokes = column_ink
    x0, y0, x1, y1 = reading.box_of(marks)
    height = y1 - y0
    if x1 - x0 < TOUCHING_ASPECT * height:
        return [(None, whole)]
    bounds = [0, *sorted(_thinnest_columns(ink, strokes, (x1 - x0) / max(height, 1e-6))), len(ink)]
    whole_part = (0, len(bounds) - 1)  # parts as (first, last) indices into bounds
    parts = [(first, last) for first in range(len(bounds)) for last in range(first + 1, len(bounds))
             if (first, last) != whole_part
             and not _not_a_digit(reading, reading.box_of(marks, (bounds[first], bounds[last])), height)]
    tensors = [reading.tensor_of(marks, (bounds[first], bounds[last])) for first, last in parts]
    parts, tensors = [p for p, t in zip(parts, tensors) if t is not None], [t for t in tensors if t is not None]
    if not parts:
        return [(None, whole)]
    # Every way of cutting pays CUT_PENALTY for each part, the whole piece too: a cut costs one.
    score = {part: float(np.log(max(confidence, 1e-9))) - CUT_PENALTY
             - _aspect_penalty(reading.box_of(marks, (bounds[part[0]], bounds[part[1]])))
             for part, confidence in zip(parts, predictor.probabilities(np.stack(tensors)).max(axis=1))}
    score[whole_part] = (float(np.log(max(whole.confidence, 1e-9))) - CUT_PENALTY
                         - WHOLE_WIDTH_WEIGHT * _aspect_penalty((x0, y0, x1, y1)))
    chosen = _best_cut(whole_part[1], score, longest=whole_part[1])
    if chosen == [whole_part]:
        return [(None, whole)]
    columns = [(bounds[first], bounds[last]) for first, last in chosen]
    return [(part, predictor.predict_tensor(reading.tensor_of(marks, part))) for part in columns]


def _not_a_digit(reading: ImageReading, box, height: float) -> bool:
    """A part of a cut piece that cannot be a digit of its own: flat (less than TOUCHING_MIN_HEIGHT of the
    piece's ``height``: a printed line's remains, a dash), or reaching the image's side and narrow (a sliver
    of a neighbour the crop cut through, joined to the digit by a line's remains).  The piece is not cut
    there: the digit is read with it, as it was before."""
    if box is None or box[3] - box[1] < TOUCHING_MIN_HEIGHT * height:
        return True  # nothing, or a flat piece: a printed line's remains, a dash, not a digit
    return _reaches_side(reading, box, height) and box[2] - box[0] < SLIVER_WIDTH * height


def _reaches_side(reading: ImageReading, box, height: float) -> bool:
    """Whether ``box`` comes within a tight crop's margin (SLIVER_EDGE of ``height``) of the image's left or right."""
    near = SLIVER_EDGE * height
    return box[0] <= near or box[2] >= reading.size[0] - near


def _thinnest_columns(ink: np.ndarray, strokes: np.ndarray, aspect: float) -> list[int]:
    """Where to try cutting a piece of ink that may be digits that touch: the columns holding the least ink,
    away from its ends, a few pixels apart, and crossed by at most CUT_STROKES strokes (two digits that
    touch are joined by a stroke or two; the middle of a 2, a 6 or an 8 is crossed by three).  TOUCHING_CUTS
    of them for each place two digits may meet in a piece ``aspect`` times as wide as tall."""
    places = max(1, math.ceil(aspect) - 1)  # where digits may meet: one up to twice as wide as tall, ...
    margin = TOUCHING_MARGIN * len(ink) / places
    low, high = int(margin), int(len(ink) - margin)
    wanted = TOUCHING_CUTS * places
    chosen: list[int] = []
    for column in np.argsort(ink[low:high], kind="stable") + low:
        if strokes[column] > CUT_STROKES:
            continue
        if all(abs(int(column) - other) > 2 for other in chosen):
            chosen.append(int(column))
        if len(chosen) == wanted:
            break
    return chosen


def _aspect_penalty(box) -> float:
    x0, y0, x1, y1 = box
    return WIDE_PENALTY * max(0.0, (x1 - x0) / max(y1 - y0, 1e-6) - WIDE_ASPECT)


def _without_punctuation(pieces: list[list[int]], boxes) -> list[list[int]]:
    """The pieces of a written number without its punctuation: a dot, a comma or a dash between the
    digits of an amount is much shorter and narrower than the digits.  (All of them if all are small.)"""
    height = _height(boxes)
    kept = []
    for piece in pieces:
        x0, y0, x1, y1 = _piece_box(piece, boxes)
        if not (y1 - y0 < PUNCTUATION_HEIGHT * height and x1 - x0 < PUNCTUATION_WIDTH * height):
            kept.append(piece)
    return kept or pieces


def _without_edge_slivers(pieces: list[list[int]], reading: ImageReading) -> list[list[int]]:
    """The pieces without a sliver of a neighbouring digit or separator that a tight crop cut through: the
    first or last piece, reaching the image's side, narrow, and much shorter than the writing, or holding
    much less ink than the others, or cut by the edge in two places or more (the side of a 0, 6 or 8).
    A whole 1 at the edge of a tightly cut number touches the edge once, is as tall as the writing and
    about half as heavy as its neighbour: it stays."""
    if len(pieces) < 2:
        return pieces
    height = _height(reading.marks)
    kept = list(pieces)
    for end in (0, -1):
        if len(kept) < 2:
            break
        piece = kept[end]
        cuts = reading.side_cuts(piece)
        x0, y0, x1, y1 = _piece_box(piece, reading.marks)
        if not cuts or x1 - x0 >= SLIVER_WIDTH * height:
            continue
        heaviest_other = max(reading.ink_amount(other) for other in kept if other is not piece)
        short = y1 - y0 < SLIVER_HEIGHT * height
        light = reading.ink_amount(piece) < SLIVER_INK * heaviest_other
        if short or light or cuts >= 2:
            kept.remove(piece)
    return kept


def _close_cut_costs(pieces: list[list[int]], boxes) -> list[float]:
    """What cutting before each piece costs: up to CLOSE_CUT_PENALTY where hardly any paper separates it from
    the piece to its left (a thin stroke broken by faint ink, a 4's right stroke left as dashes), only up to
    CLOSE_TALL_PENALTY where both are as tall as the writing (digits written so close they touch)."""
    height = _height(boxes)
    around = [_piece_box(piece, boxes) for piece in pieces]
    tall = [y1 - y0 >= SLIVER_HEIGHT * height for _, y0, _, y1 in around]
    costs = [0.0]
    for index in range(1, len(pieces)):
        gap = (around[index][0] - around[index - 1][2]) / height
        most = CLOSE_TALL_PENALTY if tall[index] and tall[index - 1] else CLOSE_CUT_PENALTY
        costs.append(most * min(1.0, max(0.0, 1 - gap / CLOSE_GAP)))
    return costs


def _apart_join_costs(pieces: list[list[int]], reading: ImageReading, tall: list[bool]) -> list[float]:
    """What joining each piece to the one on its left into one digit costs: JOIN_PENALTY where both are tall,
    CLEAR_GAP of clear paper parts them, and neither reaches the image's side (a tight crop's sliver of a
    neighbour that _without_edge_slivers leaves stays with the digit, as before), else nothing."""
    height = _height(reading.marks)
    boxes = [_piece_box(piece, reading.marks) for piece in pieces]
    costs = [0.0]
    for index in range(1, len(pieces)):
        left, right = boxes[index - 1], boxes[index]
        apart = (right[0] - left[2]) / height >= CLEAR_GAP
        inner = not _reaches_side(reading, left, height) and not _reaches_side(reading, right, height)
        costs.append(JOIN_PENALTY if apart and inner and tall[index] and tall[index - 1] else 0.0)
    return costs


def _log_confidence(prediction: Prediction, tall: list[bool]) -> float:
    """How a run of pieces (``tall``: which of them are tall) scores as one digit: its log-probability, or
    impossible for a 1 made of two tall pieces side by side (see TALL_PIECE)."""
    if prediction.label == 1 and sum(tall) >= 2:
        return -np.inf
    return float(np.log(max(prediction.confidence, 1e-9)))


def _tall_pieces(boxes, pieces: list[list[int]]) -> list[bool]:
    """Which pieces hold a stroke or mark (``boxes``: one for each) at least TALL_PIECE of the writing's height:
    a dashed line of specks is not tall, however far it reaches."""
    least = TALL_PIECE * _height(boxes)
    return [max(boxes[i][3] - boxes[i][1] for i in piece) >= least for piece in pieces]


def _piece_box(piece: list[int], boxes) -> tuple[float, float, float, float]:
    """x0, y0, x1, y1 around a piece's marks (``boxes``: one for each mark)."""
    return (min(boxes[i][0] for i in piece), min(boxes[i][1] for i in piece),
            max(boxes[i][2] for i in piece), max(boxes[i][3] for i in piece))


def _points_box(points: np.ndarray) -> tuple[float, float, float, float]:
    """x0, y0, x1, y1 around a stroke's (or several strokes') points."""
    low, high = points.min(axis=0), points.max(axis=0)
    return float(low[0]), float(low[1]), float(high[0]), float(high[1])


def _height(boxes) -> float:
    heights = max(b[3] for b in boxes) - min(b[1] for b in boxes)
    return heights or (max(b[2] for b in boxes) - min(b[0] for b in boxes)) or 1.0


def with_digit_views(predictor, readings: list[DigitReading], cache: ReadingCache | None = None) -> list[DigitReading]:
    """Each drawn digit read seven ways, as drawn and a little turned, narrowed or slanted
    (model.network.views); a digit of an image has no strokes and was read so already."""
    seven_ways = cache.with_views if cache is not None else with_views
    return [replace(digit, prediction=seven_ways(predictor, digit.strokes, digit.prediction))
            if digit.strokes else digit for digit in readings]


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


def _best_split(strokes: list[np.ndarray], pieces: list[list[int]], predictor,
                cache: ReadingCache) -> list[DigitReading]:
    """The digits of the most confident way of cutting the row of pieces (dynamic programming)."""
    runs = _runs(len(pieces))
    groups = [[strokes[i] for p in pieces[start:end] for i in p] for start, end in runs]
    read = dict(zip(runs, cache.read(predictor, groups)))
    boxes = [_points_box(stroke) for stroke in strokes]
    tall = _tall_pieces(boxes, pieces)
    apart = _far_apart(boxes, pieces)
    score = {run: _log_confidence(prediction, tall[run[0]:run[1]]) - _too_wide(strokes, pieces[run[0]:run[1]])
             for run, (prediction, _) in read.items() if not any(apart[run[0] + 1:run[1]])}
    return [_digit(strokes, tuple(_marks_in(pieces, run)), *read[run]) for run in _best_cut(len(pieces), score)]


def _far_apart(boxes, pieces: list[list[int]]) -> list[bool]:
    """For each piece, whether clear paper of at least APART_GAP of the writing's height parts it from every
    piece before it (the first: False); ``boxes`` are the strokes' (x0, y0, x1, y1)."""
    height = _height(boxes)
    right_so_far, apart = -math.inf, []
    for piece in pieces:
        x0, _, x1, _ = _piece_box(piece, boxes)
        apart.append(right_so_far > -math.inf and x0 - right_so_far >= APART_GAP * height)
        right_so_far = max(right_so_far, x1)
    return apart


def _runs(count: int) -> list[tuple[int, int]]:
    """Every run of consecutive pieces that could be one digit, as (start, end)."""
    return [(start, end) for start in range(count)
            for end in range(start + 1, min(count, start + MAX_PIECES_PER_DIGIT) + 1)]


def _best_cut(count: int, score: dict[tuple[int, int], float],
              longest: int = MAX_PIECES_PER_DIGIT) -> list[tuple[int, int]]:
    """The runs, left to right, that cut ``count`` pieces into digits with the highest total score
    (dynamic programming; a run missing from ``score`` cannot be a digit).  Ties go to the longer run."""
    best = [0.0] + [-np.inf] * count
    cut = [0] * (count + 1)
    for end in range(1, count + 1):
        for start in range(max(0, end - longest), end):
            value = best[start] + score.get((start, end), -np.inf)
            if value > best[end]:
                best[end], cut[end] = value, start
    runs, end = [], count
    while end > 0:
        runs.append((cut[end], end))
        end = cut[end]
    return runs[::-1]


def _marks_in(pieces: list[list[int]], run: tuple[int, int]) -> list[int]:
    return sorted(i for piece in pieces[run[0]:run[1]] for i in piece)


def _digit(strokes: list[np.ndarray], indices: tuple[int, ...], prediction: Prediction,
           placement: Placement) -> DigitReading:
    chosen = [strokes[i] for i in indices]
    return DigitReading(indices, chosen, _points_box(np.concatenate(chosen)), prediction, placement)


def _too_wide(strokes: list[np.ndarray], pieces: list[list[int]]) -> float:
    """A digit is rarely much wider than tall (1.3 is the 99th percentile of pen digits); two digits
    squeezed into one reading usually are.  Returns a log-probability penalty."""
    return _aspect_penalty(_points_box(np.concatenate([strokes[i] for piece in pieces for i in piece])))


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
