"""Hand-made drawings and small files for tests."""

from __future__ import annotations

import json
import math
from pathlib import Path


def seven(scale: float = 1.0, offset: tuple[float, float] = (0.0, 0.0)) -> list[list[tuple[float, float]]]:
    """A hand-made "7" in the 280×280 box: one stroke, top bar then the slanted leg."""
    points = [(90, 70), (130, 68), (170, 66), (200, 70), (185, 110), (165, 150), (148, 190), (135, 225)]
    return [[(x * scale + offset[0], y * scale + offset[1]) for x, y in points]]


def circle(cx: float = 140, cy: float = 140, radius: float = 80, points: int = 40) -> list[list[tuple[float, float]]]:
    """A "0": one closed stroke."""
    return [[(cx + radius * 0.7 * math.sin(2 * math.pi * i / points), cy - radius * math.cos(2 * math.pi * i / points))
             for i in range(points + 1)]]


def write_jsonl(path: Path, items: list) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items))
    return path


def slashed_zero() -> list[list[tuple[float, float]]]:
    """"Ø": a ring, then one stroke up through it from below its lower left to above its upper right."""
    ring = circle(140, 140, 85)[0]
    return [ring, [(78, 250), (105, 200), (140, 140), (175, 80), (202, 32)]]


def european_one() -> list[list[tuple[float, float]]]:
    """The continental 1: a long up-stroke from far down on the left to the top, then the stem, leaning a
    little, in one go."""
    up = [(72, 128), (100, 100), (130, 72), (165, 40)]
    down = [(159, 90), (152, 140), (146, 190), (140, 242)]
    return [up + down]


def crossed_seven() -> list[list[tuple[float, float]]]:
    """The continental 7: the bar and leg of ``seven()``, then a short bar across the leg half-way down."""
    return [*seven(), [(132, 146), (160, 145), (190, 144)]]
