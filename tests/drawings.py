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
