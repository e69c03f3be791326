"""Shared by the benchmark scripts: data locations, the held-out writers, tables, the machine."""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

SHARED = ROOT.parent / "shared" / "data"
MNIST = Path(os.environ.get("DIGITPAD_MNIST", SHARED / "mnist.npz"))
PEN_STROKES = Path(os.environ.get("DIGITPAD_STROKES", SHARED / "pendigits-train.jsonl"))
PEN_BOX = (500, 500)  # pendigits' tablet coordinates

# Writers kept out of every training and tuning step; every accuracy on drawings is reported on them.
HELD_OUT_WRITERS = {5, 10, 15, 20, 25, 30}
# Writers used to choose between recipes (never in the bundled model's final report).
TUNING_WRITERS = {2, 7, 12, 17, 22, 27}

# UNIPEN digits from six collection sites, each with its own digitizers and writers.
UNIPEN_STROKES = Path(os.environ.get("DIGITPAD_UNIPEN", SHARED / "unipen-train.jsonl"))
# Whole sites kept out of every training and tuning step: every UNIPEN accuracy is reported on them.
HELD_OUT_SITES = {"apb", "imp"}
# The site recipes were chosen on (kept out of training while choosing, never reported).
TUNING_SITES = {"apa"}


def machine() -> str:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import numpy

    versions = f"Python {platform.python_version()}, numpy {numpy.__version__}"
    if "tensorflow" in sys.modules:
        versions += f", TensorFlow {sys.modules['tensorflow'].__version__}"
    return f"{cpu}, {cores} cores, {platform.system()} ({versions})"


def table(headers: list[str], rows: list[list]) -> str:
    """A Markdown table, so the output can go straight into the README."""
    text = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(headers[i]), *(len(row[i]) for row in text)) for i in range(len(headers))]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, text)])


def percentile(values, q: float) -> float:
    import numpy as np

    return float(np.percentile(np.asarray(values, float), q))
