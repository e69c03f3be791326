"""The sheet in a photo: where the desk beyond the paper's edge is in the frame, it is made to look like more paper.

A phone photo of a digit on a sheet often shows the sheet's edge and the desk beyond it, and the sheet is
seldom square to the frame.  The paper's brightness is estimated with a closing wider than any stroke
(``model.ink.paper``), which fills the narrow corners of a dark desk as if they were strokes, and a desk
brighter than the paper, or a dark desk all round the sheet, turns the paper itself into "light ink".

So, before the ink is looked for, the image is split into its bright and dark pixels (Otsu's threshold on a
small copy, then within each half; where light falls off across sheet and desk alike, along the sharp steps
between them instead).  The sheet is a large connected part of one of them, its holes (the digit)
filled, nearly convex and mostly paper; the desk is what lies outside that part's convex hull, with a sharp step
to the paper along the sheet's edge and flat on both sides of it (light that falls off across a sheet, a vignette
or a stain changes slowly; a stroke that reaches the image's edge lies inside the hull of the paper around it),
and no writing on it.  Along the edge the desk is followed at the image's own resolution, so that a stroke near
the edge keeps its ink; a thin strip of desk left along a sloping edge, inside the copy's sheet, is desk too.
The desk is given the brightness the paper has where it meets it, keeping its noise (its grain capped at the
paper's noise; what stands out as ink does, as a stroke in a shadow taken for desk, is kept), and the image is
cut to the sheet's box.  Pure numpy.
"""

from __future__ import annotations

import numpy as np

from digitpad.model.ink.paper import _border, _box3, _reduce_to, _upsample, label_boxes, label_components

# The sheet is looked for on a copy about this many pixels across, in a photo at least this many pixels across
# its shorter side too (a scan's crop or field strip, shorter, is left as it is: its printed baseline would be as
# wide there as the steps a sheet's edge is told by).
SHEET_SIDE = 160
# The sheet is at least this share of the image, and a piece of desk at least DESK_SHARE of it.
SHEET_SHARE = 0.2
# A sheet is mostly paper: the writing on it is at most 1 - SHEET_PAPER of it.
SHEET_PAPER = 0.75
# ... and nearly convex: it fills at least this share of its convex hull (its corners may leave the frame).
SHEET_CONVEX = 0.97
# ... with at most this many straight sides (a sheet turned in the frame, cut by the frame's four sides), to
# within SIDE_TOLERANCE pixels of the copy.
SHEET_SIDES = 8
SIDE_TOLERANCE = 1.5
DESK_SHARE = 0.003
# A piece of desk lies outside the sheet's convex hull but for this share of it (the hull's pixel rounding).
DESK_OUTSIDE = 0.7
# Across the sheet's edge the brightness steps by at least this much (0 black to 1 white), measured a few
# pixels of the copy to either side of it (EDGE_NEAR to EDGE_FAR): the edge of a sheet, not of a light's fall-off.
EDGE_STEP = 0.06
EDGE_NEAR = 1
EDGE_FAR = 3
# ... and each side is flat beside the edge: a few pixels further on it changes by at most 1 / this of the step (or
# a few more beyond, by half that).
EDGE_FLATNESS = 3.0
# Where no grey level parts them, sheet and desk are parted along the pixels with a sharp step across them: the
# brightness 2, 3, 4 and 5 pixels of the copy to either side differs each time by at least this share of EDGE_STEP,
# in the same direction (a thin printed line or stroke beside a pixel changes only one or two of those) ...
STEP_OFFSETS = (2, 3, 4, 5)
STEP_SHARE = 0.5
# ... and the nearest of those differences is at least this share of the furthest (the step is sharp, not a ramp) ...
STEP_SHARPNESS = 0.75
# ... and the two largest pieces of the rest, each at least this share of the copy, are sheet and desk.
STEP_PIECE_SHARE = 0.01
STEP_WINDOW = 2 * max(STEP_OFFSETS) + 1
# At least this share of the pixels along a sheet's edge step sharply there (``_steps``): a soft shadow's edge,
# ramping over several pixels of the copy, does not.
SHARP_EDGE_SHARE = 0.5
# Writing with at least this share of it (and ACROSS_LEAST pixels of the copy) on each side of such a split crosses
# it: the split is a shadow's edge, not a sheet's.
ACROSS_SHARE = 0.1
ACROSS_LEAST = 8
# Writing on a sheet stands out from the sheet's brightness in a window WRITING_WINDOW pixels of the copy wide by
# at least this much (a desk's fine wood grain is blurred away on the copy) ...
WRITING_STEP = 0.04
WRITING_WINDOW = 15
# ... and by this many times the region's own spread (a desk's grain, the light across it, its noise).
WRITING_SIGMAS = 6.0
# ... and the desk is no sheet with writing on it unless that many more of its pixels (a share of the copy's) do.
WRITING_SLACK = 0.002
# A desk whose brightness is the paper's (within half the edge's step) over this share of it beyond the edge, reached
# across a sharp step (SHARP_EDGE_SHARE), is the paper on the far side of a line or stroke.
PAPER_BEYOND = 0.25
# ... and the paper's level is this share of it where it meets the frame.
PAPER_AT_FRAME = 0.75
# Along the sheet's edge a pixel is desk where it is within this share of the step from the desk's brightness.
DESK_LIKE = 0.9
# A sliver of desk along the image's border, too thin for the copy, is at most this share of its shorter side wide.
SLIVER_WIDTH = 0.02
# The paper beside the edge is what stands out by less than this from the brightness around it.
PAPER_AWAY = 0.02
# A strip of desk left along the sheet's edge runs along it for this many times its depth, and is nearer the
# desk's brightness than this share of the way to the paper's (a stroke's blurred rim passes through it).
SLIVER_LONG = 3
STRIP_DESK_LIKE = 0.5
# The desk's own pattern (wood grain) is capped at this many times the paper's noise: never enough to be ink.
DESK_PATTERN_SIGMAS = 2.0
# ... but what stands out from the desk by this much (0 black to 1 white) is ink, kept: strokes in a shadow.
DESK_INK_STEP = 0.12


def on_the_sheet(grey: np.ndarray) -> tuple[np.ndarray, tuple[int, int]]:
    """The part of ``grey`` (0 black to 1 white) the sheet covers, cut to the sheet's box, with any desk left in
    the box made to look like the paper next to it, and where that box starts in ``grey`` (column, row).  ``grey``
    itself and (0, 0) when no desk is in the frame, or the image is less than SHEET_SIDE across its shorter side
    (a crop or a scan).  (Cut to the sheet, its ruled lines cross the whole image, as the line finder wants
    them.)"""
    grey = np.asarray(grey, np.float32)
    if grey.ndim != 2:
        raise ValueError(f"expected a 2-D grey image, got shape {grey.shape}")
    if min(grey.shape) < SHEET_SIDE:
        return grey, (0, 0)
    small = _box3(_reduce_to(grey, SHEET_SIDE))
    found = _sheet_and_desk(small)
    if found is None:
        return grey, (0, 0)
    sheet, desk = found
    paper_level = _extended(small, _paper_beside(small, sheet, desk), ~sheet)
    off_sheet = _off_sheet(grey, small, sheet, desk, paper_level)
    flattened = _flattened(grey, small, sheet, desk, off_sheet, paper_level)
    flattened = _filled_in(flattened, _slivers(grey, small, desk, paper_level, off_sheet))
    # Cut to the sheet's box, so that its ruled lines cross the whole image, as the line finder wants them.
    rows, cols = np.flatnonzero(~off_sheet.all(axis=1)), np.flatnonzero(~off_sheet.all(axis=0))
    return flattened[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1], (int(cols[0]), int(rows[0]))


def _sheet_and_desk(small: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Masks of the sheet and of the desk on the small copy, or None when there is no desk with a sharp edge.

    The image is split at Otsu's threshold, and if that finds no desk, at the thresholds within each of its two
    halves: light falling off across a sheet beside a white desk spreads the paper over more grey levels than
    lie between it and the desk, and the first split runs through the paper.  None at once where nothing in
    the image's border steps sharply, and the border is as bright as the middle: every desk reaches the border."""
    if not _border_steps(small):
        return None
    steps = _steps(small)
    first = _otsu_threshold(small.ravel())
    thresholds = [first] + [_otsu_threshold(part) for part in (small[small <= first], small[small > first])
                            if part.size >= SHEET_SHARE * small.size]
    for threshold in thresholds:
        found = _split(small, steps, small <= threshold)
        if found is not None:
            return found
    # Light falling off across sheet and desk alike (towards a corner, or the frame's edge) puts parts of each on
    # either side of every grey level: split them along the sharp steps between them instead.
    second = _nearer_the_second_piece(small, steps)
    return None if second is None else _split(small, steps, second)


def _nearer_the_second_piece(small: np.ndarray, steps: np.ndarray) -> np.ndarray | None:
    """Which pixels belong with the second largest piece of the image between sharp steps (``_steps``) rather
    than the largest; None where there are not two such pieces.  The pixels between the pieces go with the one
    whose brightness around them (within STEP_WINDOW, where both pieces are near: along the steps between them)
    they are nearer, unless they stand out from both as writing does: those go with the piece they are nearer
    to, so that a digit across a shadow's edge stays across it (and the desk would hold writing)."""
    labels, count = label_components(steps < STEP_SHARE * EDGE_STEP)
    if count < 2:
        return None
    sizes = np.bincount(labels.ravel())[1:]
    largest = np.argsort(sizes)[::-1][:2] + 1
    if sizes[largest[1] - 1] < STEP_PIECE_SHARE * small.size:
        return None
    first, second = (_masked_mean(small, labels == label, size=STEP_WINDOW) for label in largest)
    between = ~np.isin(labels, largest)  # the steps themselves, and the small pieces (strokes, specks)
    writing = between & ((small < np.minimum(first, second) - WRITING_STEP)
                         | (small > np.maximum(first, second) + WRITING_STEP))
    by_level = between & ~writing & (np.abs(small - second) < np.abs(small - first))
    by_place = _nearer_to(labels == largest[1], labels == largest[0], between)
    if _written_across(writing, by_place):
        return None  # a stroke across the step: a shadow's edge, or light's, never a sheet's
    return (labels == largest[1]) | by_level | (writing & by_place)


def _written_across(writing: np.ndarray, one_side: np.ndarray) -> bool:
    """Whether a piece of ``writing`` lies on both sides of a boundary, with at least ACROSS_SHARE of it (and
    ACROSS_LEAST pixels) on each: a ruled line that ends at the sheet's edge, or a digit near it, has at most a few
    pixels beyond it."""
    labels, count = label_components(writing)
    if count == 0:
        return False
    inside = np.bincount(labels[writing & one_side], minlength=count + 1)[1:]
    outside = np.bincount(labels[writing & ~one_side], minlength=count + 1)[1:]
    return bool(np.any(np.minimum(inside, outside) >= np.maximum(ACROSS_LEAST, ACROSS_SHARE * (inside + outside))))


def _nearer_to(piece: np.ndarray, other: np.ndarray, between: np.ndarray) -> np.ndarray:
    """The pixels of ``between`` nearer to ``piece`` than to ``other`` (grown into it a pixel at a time; ties
    go to ``other``)."""
    mine, theirs, left = piece.copy(), other.copy(), between.copy()
    while left.any():
        reached_theirs = _grown(theirs, 1) & left
        reached_mine = _grown(mine, 1) & left & ~reached_theirs
        if not (reached_mine.any() or reached_theirs.any()):
            break
        mine |= reached_mine
        theirs |= reached_theirs
        left &= ~(reached_mine | reached_theirs)
    return mine & between


def _steps(small: np.ndarray) -> np.ndarray:
    """How sharply the brightness steps across each pixel: in the direction it steps most, the least of the
    differences between the pixels STEP_OFFSETS away on either side, where they all have one sign and the
    nearest already makes most of the furthest (0 where not: a soft shadow's edge ramps up over many pixels)."""
    reach = max(STEP_OFFSETS)
    padded = np.pad(small, reach, mode="edge")
    rows, cols = small.shape

    def shifted(dy: int, dx: int) -> np.ndarray:
        return padded[reach + dy:reach + dy + rows, reach + dx:reach + dx + cols]

    steepest = np.zeros_like(small)
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        differences = np.stack([shifted(dy * k, dx * k) - shifted(-dy * k, -dx * k) for k in STEP_OFFSETS])
        one_sign = (differences > 0).all(axis=0) | (differences < 0).all(axis=0)
        sharp = np.abs(differences[0]) >= STEP_SHARPNESS * np.abs(differences[-1])
        steepest = np.maximum(steepest, np.where(one_sign & sharp, np.abs(differences).min(axis=0), 0))
    return steepest


def _border_steps(small: np.ndarray) -> bool:
    """Whether the image's border steps sharply somewhere (by EDGE_STEP within EDGE_FAR pixels each way), or
    differs from the image's middle as a desk all round a sheet does."""
    border = np.concatenate([small[0], small[1:, -1], small[-1, -2::-1], small[-2:0:-1, 0]])
    ahead = np.roll(border, -EDGE_FAR) - np.roll(border, EDGE_FAR)
    rows, cols = small.shape
    middle = small[rows // 4: rows - rows // 4, cols // 4: cols - cols // 4]
    return bool(np.abs(ahead).max() >= EDGE_STEP or abs(np.median(border) - np.median(middle)) >= EDGE_STEP)


def _split(small: np.ndarray, steps: np.ndarray, dark: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The sheet and the desk where the image splits into ``dark`` and the rest.  Where both could be the sheet (a
    sheet across half the frame), the sheet is the one with the writing on it (``_writing``): a grey sheet beside
    a white desk, a chalk board beside a white wall; when neither holds any, the brighter."""
    found = []
    for side in (~dark, dark):
        body = _largest(side)
        filled = _filled(body)
        if filled.sum() < SHEET_SHARE * filled.size or body.sum() < SHEET_PAPER * filled.sum():
            continue  # too small for the sheet, or mostly the other's pixels: a big digit's loops, not paper
        hull = _hull_mask(filled)
        if filled.sum() < SHEET_CONVEX * hull.sum() or _sides(filled) > SHEET_SIDES:
            continue  # a sheet's outline is a few straight sides: a bold 0 filling the photo is round
        desk = _outside_hull(filled, hull)
        if not desk.any():
            continue
        step = _edge_step(small, steps, filled, desk)
        if step >= EDGE_STEP and not _paper_beyond(small, steps, filled, desk, step):
            found.append((filled & ~desk, desk, hull))
    if not found:
        return None
    sheet, desk, hull = max(found, key=lambda candidate: _writing(small, candidate[0]))  # the first of equals
    # Never make paper of writing: the desk holds none (a few pixels of grain or noise are none), counted away from
    # the sheet's edge, where the split is least sure.  A shadow's sharp edge across a digit leaves the image as it is.
    desk_writing = _writing(small, desk & ~_grown(hull, EDGE_FAR + 1))
    return (sheet, desk) if desk_writing <= WRITING_SLACK * small.size else None


def _paper_beyond(small: np.ndarray, steps: np.ndarray, sheet: np.ndarray, desk: np.ndarray, step: float) -> bool:
    """Whether the "desk" is paper past a stroke.  A 1 from a crop's top to its bottom steps from the paper as sharply
    as a sheet's edge does; past it the paper runs on to the frame.  So: beyond the edge's rings at least PAPER_BEYOND
    of the "desk" is within half the step of the paper beside the edge, and so is PAPER_AT_FRAME of it at the frame;
    no piece of desk (DESK_SHARE) lies apart from the band along the edge (a white card, a light board or plank on a
    desk has desk again beyond it); and where that paper meets the band, the brightness steps sharply for at least
    SHARP_EDGE_SHARE of it, as at a stroke's far side (light falling off across a white desk brings its far part
    down to the paper's level gradually), unless the band lies within the rings (a thin 1)."""
    beyond = desk & ~_grown(sheet, _RINGS[-1][1])
    if beyond.sum() < 5:
        return False
    paper = float(np.median(small[_ring(sheet, desk, EDGE_NEAR, EDGE_FAR)]))
    like_paper = np.abs(small - paper) < step / 2
    at_frame = _border(desk).sum()
    if float(like_paper[beyond].mean()) < PAPER_BEYOND or _border(desk & like_paper).sum() < PAPER_AT_FRAME * at_frame:
        return False
    labels, _ = label_components(desk & ~like_paper)
    along_the_edge = np.unique(labels[_grown(sheet, EDGE_FAR) & (labels > 0)])
    if np.count_nonzero(labels[~np.isin(labels, along_the_edge)]) >= DESK_SHARE * small.size:
        return False
    far_side = beyond & _grown(desk & like_paper, 1) & _grown(desk & ~like_paper, 1)
    return not far_side.any() or float((steps[far_side] >= STEP_SHARE * EDGE_STEP).mean()) >= SHARP_EDGE_SHARE


def _writing(small: np.ndarray, region: np.ndarray) -> int:
    """How many pixels well inside ``region`` stand out from its brightness around them (by WRITING_STEP)."""
    inner = region & ~_grown(~region, EDGE_FAR + 1)
    if not inner.any():
        return 0
    away = np.abs(small - _masked_mean(small, inner, size=WRITING_WINDOW))[inner]
    spread = 1.4826 * float(np.median(away))  # the region's own texture and noise on the copy
    return int((away >= max(WRITING_STEP, WRITING_SIGMAS * spread)).sum())


def _otsu_threshold(values: np.ndarray) -> float:
    """The grey level that best splits ``values`` (any shape) into two classes (Otsu), over 64 bins."""
    counts, edges = np.histogram(values, bins=64)
    centres = (edges[:-1] + edges[1:]) / 2
    below = np.cumsum(counts)[:-1].astype(np.float64)
    above = counts.sum() - below
    sums = np.cumsum(counts * centres)[:-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = below * above * (sums / below - (sums[-1] + counts[-1] * centres[-1] - sums) / above) ** 2
    return float(edges[1:][int(np.nanargmax(np.nan_to_num(between, nan=-1.0)))])


def _largest(mask: np.ndarray) -> np.ndarray:
    labels, count = label_components(mask)
    if count == 0:
        return mask
    return labels == int(np.argmax(np.bincount(labels.ravel())[1:])) + 1


def _filled(mask: np.ndarray) -> np.ndarray:
    """``mask`` with its holes filled: everything not connected to the image's edge outside it."""
    return ~_touching_the_border(~mask)


def _touching_the_border(mask: np.ndarray) -> np.ndarray:
    """The connected parts of ``mask`` that reach the image's border."""
    if not (mask[0].any() or mask[-1].any() or mask[:, 0].any() or mask[:, -1].any()):
        return np.zeros_like(mask)
    labels, _ = label_components(mask)
    on_border = np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]])
    return np.isin(labels, on_border[on_border > 0])


def _outside_hull(body: np.ndarray, hull: np.ndarray) -> np.ndarray:
    """The pieces of the image outside ``body`` that lie (nearly) wholly outside its convex ``hull``, big enough
    to be a desk: a stroke that reaches the image's edge leaves a notch inside the hull instead."""
    labels, count = label_components(~body)
    desk = np.zeros_like(body)
    for label in range(1, count + 1):
        piece = labels == label
        area = int(piece.sum())
        if area >= DESK_SHARE * body.size and (piece & ~hull).sum() >= DESK_OUTSIDE * area:
            desk |= piece
    return desk


def _hull_mask(mask: np.ndarray, margin: float = 0.0) -> np.ndarray:
    """The pixels of ``mask``'s convex hull (taken around its pixels' corners); with ``margin``, only those at least
    that far inside its edges, but for edges that lie along the image's own edge."""
    rows, first, last = _row_ends(mask)
    points = np.concatenate([np.stack([first - 0.5, rows - 0.5], 1), np.stack([first - 0.5, rows + 0.5], 1),
                             np.stack([last + 0.5, rows - 0.5], 1), np.stack([last + 0.5, rows + 0.5], 1)])
    hull = _convex_hull(points)
    ys, xs = np.mgrid[0:mask.shape[0], 0:mask.shape[1]].astype(np.float64)
    height, width = mask.shape[0] - 0.5, mask.shape[1] - 0.5
    inside = np.ones(mask.shape, bool)
    for (x0, y0), (x1, y1) in zip(hull, np.roll(hull, -1, axis=0)):
        along_image_edge = (x0 == x1 and x0 in (-0.5, width)) or (y0 == y1 and y0 in (-0.5, height))
        reach = 0.0 if along_image_edge else margin * np.hypot(x1 - x0, y1 - y0)
        inside &= (x1 - x0) * (ys - y0) - (y1 - y0) * (xs - x0) >= reach - 1e-9  # left of each edge, counter-clockwise
    return inside


def _row_ends(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows that hold any of ``mask``, and the first and last of its columns in each: all its convex hull needs."""
    rows = np.flatnonzero(mask.any(axis=1))
    return rows, mask[rows].argmax(axis=1), mask.shape[1] - 1 - mask[rows, ::-1].argmax(axis=1)


def _sides(mask: np.ndarray) -> int:
    """How many straight sides the outline of ``mask``'s convex hull has, to within SIDE_TOLERANCE pixels."""
    rows, first, last = _row_ends(mask)
    hull = _convex_hull(np.concatenate([np.stack([first, rows], 1), np.stack([last, rows], 1)]).astype(np.float64))
    if len(hull) < 3:
        return len(hull)
    start = int(np.argmax(hull[:, 0] + hull[:, 1]))  # a corner for certain: the farthest along a diagonal
    ring = np.concatenate([np.roll(hull, -start, axis=0), hull[start:start + 1]])
    return len(_simplified(ring)) - 1


def _simplified(points: np.ndarray) -> list:
    """The points of a polyline that Douglas–Peucker keeps at SIDE_TOLERANCE pixels."""
    first, last = points[0], points[-1]
    if len(points) < 3:
        return [first, last]
    direction = last - first
    length = float(np.hypot(*direction))
    offsets = points[1:-1] - first
    if length == 0:
        distances = np.hypot(offsets[:, 0], offsets[:, 1])
    else:
        distances = np.abs(direction[0] * offsets[:, 1] - direction[1] * offsets[:, 0]) / length
    farthest = int(np.argmax(distances)) + 1
    if distances[farthest - 1] <= SIDE_TOLERANCE:
        return [first, last]
    return _simplified(points[:farthest + 1])[:-1] + _simplified(points[farthest:])


def _convex_hull(points: np.ndarray) -> np.ndarray:
    """The convex hull of 2-D points, counter-clockwise (Andrew's monotone chain)."""
    points = np.unique(points, axis=0)
    if len(points) < 3:
        return points

    def half(ordered: np.ndarray) -> list:
        chain: list = []
        for point in ordered:
            while len(chain) >= 2 and _cross(chain[-2], chain[-1], point) <= 0:
                chain.pop()
            chain.append(point)
        return chain[:-1]

    return np.array(half(points) + half(points[::-1]))


def _cross(o, a, b) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _grown(mask: np.ndarray, steps: int) -> np.ndarray:
    grown = mask.copy()
    for _ in range(steps):
        padded = np.pad(grown, 1)
        grown = (padded[1:-1, 1:-1] | padded[:-2, 1:-1] | padded[2:, 1:-1] | padded[1:-1, :-2] | padded[1:-1, 2:])
    return grown


def _edge_step(small: np.ndarray, steps: np.ndarray, sheet: np.ndarray, desk: np.ndarray) -> float:
    """How much the brightness steps across the sheet's edge: the median of the paper a few pixels in from the
    desk against the desk's a few pixels out (the blurred edge itself between them is skipped); 0 unless each side
    is flat beside the edge (``_flat_beside``): light that falls off across the sheet changes as much a few pixels
    further on as across the edge, and so does a soft shadow's ramp."""
    paper_rings = [_ring(sheet, desk, near, far) for near, far in _RINGS]
    desk_rings = [_ring(desk, sheet, near, far) for near, far in _RINGS]
    if min(ring.sum() for ring in paper_rings[:2] + desk_rings[:2]) < 5:
        return 0.0
    paper, desk_level = (_medians(small, rings) for rings in (paper_rings, desk_rings))
    step = abs(paper[0] - desk_level[0])
    if not (_flat_beside(paper, step) and _flat_beside(desk_level, step)):
        return 0.0
    along = _grown(sheet, 1) & _grown(desk, 1)  # the pixels on the edge
    sharp = steps[along] >= STEP_SHARE * EDGE_STEP
    return step if sharp.size and float(sharp.mean()) >= SHARP_EDGE_SHARE else 0.0


# Rings either side of the sheet's edge: beside it, further on, and beyond (in pixels of the copy).
_RINGS = ((EDGE_NEAR, EDGE_FAR), (EDGE_FAR, 2 * EDGE_FAR), (2 * EDGE_FAR, 3 * EDGE_FAR))


def _medians(small: np.ndarray, rings: list[np.ndarray]) -> list[float]:
    """The median brightness of each ring, while each holds a few pixels."""
    return [float(np.median(small[ring])) for ring in rings if ring.sum() >= 5]


def _flat_beside(levels: list[float], step: float) -> bool:
    """Whether one side's rings are flat beside the edge: changing at most 1 / EDGE_FLATNESS of the step from the
    ring beside it to the next, or half that from the next to the one beyond (the ring beside the edge may take
    in the edge's blur, or a vignette's darkest strip; a soft shadow's ramp goes on changing beyond)."""
    return abs(levels[0] - levels[1]) <= step / EDGE_FLATNESS or (
        len(levels) > 2 and abs(levels[1] - levels[2]) <= step / (2 * EDGE_FLATNESS))


def _ring(side: np.ndarray, other: np.ndarray, near: int, far: int) -> np.ndarray:
    """The pixels of ``side`` more than ``near`` and at most ``far`` pixels from ``other``."""
    return side & _grown(other, far) & ~_grown(other, near)


def _off_sheet(grey: np.ndarray, small: np.ndarray, sheet: np.ndarray, desk: np.ndarray,
               paper_level: np.ndarray) -> np.ndarray:
    """Which of the image's pixels are the desk, to the sheet's edge.  The copy's desk is certain away from the
    sheet; along the sheet's edge (within EDGE_NEAR + 1 pixels of the copy of its hull's sides, where a desk may
    also show as a sliver too thin for the copy), a pixel is desk where it is nearer the desk's brightness than
    DESK_LIKE of the way to the paper's and joins the certain desk through such pixels: a stroke near the edge,
    with paper between, stays.  One pixel more for the rest of the edge's blur."""
    certain = desk & ~_grown(sheet, 1)
    band = ~_hull_mask(sheet, margin=EDGE_NEAR + 1) & ~certain
    paper_full = _full(paper_level, grey.shape)
    desk_level = _full(_masked_mean(small, certain if certain.any() else desk), grey.shape)
    # How far each pixel is from the desk's brightness towards the paper's: 1 at the paper's, below 0 beyond the
    # desk's (as ink on a light desk is).
    step = paper_full - desk_level
    from_desk = (_box3(grey) - desk_level) / np.where(np.abs(step) < 1e-6, 1e-6, step)
    like_desk = np.abs(from_desk) <= DESK_LIKE
    certain_full, band_full = _blocks(certain, grey.shape), _blocks(band, grey.shape)
    labels, _ = label_components(certain_full | (band_full & like_desk))
    joined = np.isin(labels, np.unique(labels[certain_full]))
    near = _blocks(_grown(certain, EDGE_NEAR + 2), grey.shape)  # on the copy: a few ms, where a full size one is 80
    joined |= _strips_along(joined, near & (np.abs(from_desk) <= STRIP_DESK_LIKE), from_desk < -STRIP_DESK_LIKE)
    return joined | (_grown(joined, 1) & band_full)


def _strips_along(desk: np.ndarray, candidates: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """The pieces of ``candidates`` (near ``desk``) that meet it and run along its edge, at least SLIVER_LONG times
    as long as they are deep.  Where the sheet's edge slopes, the copy's pixels that are part desk, part paper
    count as sheet, inside its hull; the desk in them was left as a thin stepped strip along the edge, and read as
    a sure 1.  The end of a printed line or of a stroke that meets the desk is as short as it is wide, and stays;
    so does the rim of a stroke beyond the desk's brightness (``ink``), which passes through it."""
    labels, count = label_components(candidates & ~desk)
    x0, y0, x1, y1 = label_boxes(labels, count)
    tall, wide = np.maximum(y1 - y0, 0), np.maximum(x1 - x0, 0)
    strip = np.maximum(tall, wide) >= SLIVER_LONG * np.minimum(tall, wide)
    meets_desk, meets_ink = np.zeros(count + 1, bool), np.zeros(count + 1, bool)
    meets_desk[labels[_grown(desk, 1)]] = True  # a stroke beside the edge, with paper between, stays
    meets_ink[labels[_grown(ink & ~desk, 1)]] = True
    strip &= meets_desk & ~meets_ink
    strip[0] = False
    return strip[labels]


def _slivers(grey: np.ndarray, small: np.ndarray, desk: np.ndarray, paper_level: np.ndarray,
             off_sheet: np.ndarray) -> np.ndarray:
    """Slivers of desk along the image's border, too thin for the copy to show (where a sheet's edge leaves the
    frame at a shallow angle), outside ``off_sheet``: pixels that step away from the paper's brightness there by
    EDGE_STEP, the way the desk does (darker or brighter), start on the border and stay within SLIVER_WIDTH of it.
    (The desk's own brightness may be another elsewhere in the frame.)  Left, such a sliver read as a 1."""
    width = max(2, round(SLIVER_WIDTH * min(grey.shape)))
    strip = np.ones(grey.shape, bool)
    strip[width:-width, width:-width] = False
    strip &= ~off_sheet
    towards_desk = 1.0 if float(small[desk].mean()) >= float(paper_level[desk].mean()) else -1.0
    return _touching_the_border(strip & (towards_desk * (grey - _full(paper_level, grey.shape)) >= EDGE_STEP))


def _filled_in(grey: np.ndarray, holes: np.ndarray) -> np.ndarray:
    """``grey`` with the ``holes`` filled in from the pixels around them, step by step inwards (``_extended``, in
    the box around the holes only)."""
    if not holes.any():
        return grey
    rows, cols = np.flatnonzero(holes.any(axis=1)), np.flatnonzero(holes.any(axis=0))
    box = (slice(max(0, rows[0] - 1), rows[-1] + 2), slice(max(0, cols[0] - 1), cols[-1] + 2))
    filled = grey.copy()
    filled[box] = _extended(grey[box], ~holes[box], holes[box])
    return filled


def _paper_beside(small: np.ndarray, sheet: np.ndarray, desk: np.ndarray) -> np.ndarray:
    """The sheet's paper a few pixels of the copy in from the desk: without the edge's blur, printed lines or
    writing (whatever stands out from the ring's brightness around it, and a pixel around that)."""
    ring = sheet & _grown(desk, EDGE_FAR + 2) & ~_grown(desk, EDGE_NEAR + 1)
    for _ in range(2):
        away = np.abs(small - _masked_mean(small, ring, size=WRITING_WINDOW))
        ring &= ~_grown(ring & (away >= PAPER_AWAY), 1)
    return ring


def _blocks(mask: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """A mask of the small copy at the image's size: each pixel of the copy is a block of the image's pixels (the
    copy was made by averaging such blocks; the last ones may be cut short)."""
    factor = max(-(-shape[0] // mask.shape[0]), -(-shape[1] // mask.shape[1]))
    return np.repeat(np.repeat(mask, factor, axis=0), factor, axis=1)[:shape[0], :shape[1]]


def _full(values: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """A smooth map of the small copy at the image's size."""
    return _upsample(values.astype(np.float32), shape)


def _flattened(grey: np.ndarray, small: np.ndarray, sheet: np.ndarray, desk: np.ndarray, off_sheet: np.ndarray,
               paper_level: np.ndarray) -> np.ndarray:
    """The image with the desk (``off_sheet``) given the paper's brightness where it meets it (``paper_level``,
    on the copy, carried out from the edge); the desk keeps its noise, capped at DESK_PATTERN_SIGMAS of the paper's."""
    certain = desk & ~_grown(sheet, EDGE_FAR)
    noise = _noise(grey, ~_grown(off_sheet, 2))
    pattern = grey - _full(_masked_mean(small, certain if certain.any() else desk), grey.shape)
    # What stands out from the desk as ink does (a stroke in a shadow taken for desk) keeps its darkness.
    ink = np.abs(pattern) >= max(DESK_INK_STEP, 2 * DESK_PATTERN_SIGMAS * noise)
    pattern = np.where(ink, pattern, np.clip(pattern, -DESK_PATTERN_SIGMAS * noise, DESK_PATTERN_SIGMAS * noise))
    pattern[~_blocks(certain, grey.shape)] = 0  # near the edge, flat paper
    flattened = grey.copy()
    flattened[off_sheet] = (_full(paper_level, grey.shape) + pattern)[off_sheet]
    return flattened


def _noise(grey: np.ndarray, where: np.ndarray) -> float:
    """The paper's pixel noise σ where ``where`` (mostly paper): a robust spread of each pixel against its 3×3 mean."""
    step = max(1, int(np.sqrt(grey.size / 200_000)))
    values = grey[::step, ::step]
    difference = (values - _box3(values))[where[::step, ::step]]
    return 1.4826 * float(np.median(np.abs(difference))) * 1.12 if difference.size else 0.0  # 3×3: 8/9 of it


def _masked_mean(values: np.ndarray, mask: np.ndarray, size: int = 7) -> np.ndarray:
    """The mean of ``values`` over ``mask`` in a ``size``-wide window around each pixel (the overall mean of
    the mask where none of it is that near)."""
    weights = _box(mask.astype(np.float32), size)
    sums = _box(np.where(mask, values, 0).astype(np.float32), size)
    overall = float(values[mask].mean()) if mask.any() else float(values.mean())
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(weights > 1e-6, sums / weights, overall).astype(np.float32)


def _box(values: np.ndarray, size: int) -> np.ndarray:
    """Each pixel's ``size``×``size`` sum (zero beyond the image), by running sums."""
    padded = np.pad(values, size // 2).astype(np.float64)
    rows = np.cumsum(np.pad(padded, ((1, 0), (0, 0))), axis=0)
    rows = rows[size:] - rows[:-size]
    both = np.cumsum(np.pad(rows, ((0, 0), (1, 0))), axis=1)
    return (both[:, size:] - both[:, :-size]).astype(np.float32)


def _extended(values: np.ndarray, known: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """``values`` where ``known``, carried outwards step by step (the mean of the known neighbours) until every
    ``wanted`` pixel has one: the paper's brightness along its edge, carried out over the desk."""
    level = np.where(known, values, 0).astype(np.float32)
    have = known.astype(np.float32)
    for _ in range(sum(values.shape)):
        missing = wanted & (have == 0)
        if not missing.any():
            break
        sums, counts = _sum3(level * have), _sum3(have)
        new = (have == 0) & (counts > 0)
        level[new] = sums[new] / counts[new]
        have[new] = 1
    level[have == 0] = float(values[known].mean()) if known.any() else float(values.mean())
    return level


def _sum3(values: np.ndarray) -> np.ndarray:
    """Each pixel's 3×3 sum (zero beyond the image), added in the values' own precision: run once per step of
    ``_extended``, where ``_box``'s running sums would cost a conversion each time."""
    padded = np.pad(values, 1)
    rows = padded[:-2] + padded[1:-1] + padded[2:]
    return rows[:, :-2] + rows[:, 1:-1] + rows[:, 2:]
