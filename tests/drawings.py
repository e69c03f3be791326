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


PLAIN_KERAS = """
import sys
import keras
for path in sys.argv[1:]:
    model = keras.saving.load_model(path)  # default arguments: compiled if it can be, safe mode on
    assert model.count_params() > 0, path
assert not any(name == "digitpad" or name.startswith("digitpad.") for name in sys.modules), "digitpad was imported"
print("opened", len(sys.argv) - 1)
"""


def assert_opens_in_plain_keras(*paths: Path) -> None:
    """Each .keras file loads with keras.saving.load_model(path) in a Python that never imports digitpad."""
    import os
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as elsewhere:  # not the repository: nothing of ours on sys.path
        result = subprocess.run([sys.executable, "-c", PLAIN_KERAS, *map(str, paths)], cwd=elsewhere, text=True,
                                capture_output=True, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}, timeout=300)
    assert result.returncode == 0 and f"opened {len(paths)}" in result.stdout, result.stderr[-3000:]


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


def narrow_two() -> list[list[tuple[float, float]]]:
    """A 2 a third as wide as tall: a small hook at the top, a long stroke down, a short base."""
    down = [(118, 72), (124, 58), (136, 50), (150, 52), (160, 64), (162, 84), (156, 110), (146, 140), (134, 172),
            (122, 204), (116, 222)]
    return [down + [(130, 223), (146, 222), (162, 221)]]


def narrow_zero() -> list[list[tuple[float, float]]]:
    """A 0 a quarter as wide as tall."""
    return [[(140 + 22 * math.sin(2 * math.pi * i / 40), 140 - 90 * math.cos(2 * math.pi * i / 40))
             for i in range(41)]]
