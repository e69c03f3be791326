"""The window under a drawing hand: mouse event → repainted prediction, chart and feature maps; memory.

    python bench/window.py [--drawings 60] [--digits 1] [--pause 0] [--memory]

Replays real pen digits (../shared/data/pendigits-train.jsonl) into the
offscreen window as real QMouseEvents at 125 Hz, like a mouse, waiting in real
time between events.  For every event it records the time until a prediction
that includes it has been shown and its widgets repainted, and reports apart the
events drawn in the first ten seconds after launch, while TensorFlow's own process
starts beside the window.  ``--pause`` waits that many seconds after each drawing, as a person looking at
the answer does; ``--digits 4`` makes each drawing a number of four pen digits
side by side, read as a number while the pen moves.  Target (issue 6): p95 ≤ 16 ms.
With --memory it also draws 1,000 digits and compares resident memory after 100 and
after 1,000 (target: within 5%).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

from common import PEN_BOX, PEN_STROKES, machine, percentile, table

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from digitpad.app.window.automation import scratch_window, send_mouse
from digitpad.model.files.datasets import load_stroke_records

MOUSE_HZ = 125
# Events in this many seconds after launch are reported apart: TensorFlow's process starts then.
FIRST_SECONDS = 10.0


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Replayer:
    def __init__(self, window, application, started: float) -> None:
        self.window, self.application, self.started = window, application, started
        self.canvas = window.canvas
        self.pending: list[tuple[float, bool]] = []  # events not yet answered: (time, in the first seconds)
        self.latencies: list[float] = []
        self.early: list[bool] = []  # for each latency: was it in the first seconds after launch?
        window.signals.readingChanged.connect(self._on_reading)

    def _on_reading(self, reading) -> None:
        # Paint what changed now, as the next frame would: the answer, the chart, the maps.
        self.window.answer.repaint()
        self.window.answer.chart.repaint()
        self.window.feature_maps.viewport().repaint()
        done = time.perf_counter()
        self.latencies += [(done - t) * 1000 for t, _ in self.pending]
        self.early += [early for _, early in self.pending]
        self.pending.clear()

    def _send(self, kind, point, button, buttons, timed: bool) -> None:
        position = self.canvas.box_to_widget(point)
        if timed:
            now = time.perf_counter()
            self.pending.append((now, now - self.started < FIRST_SECONDS))
        send_mouse(self.canvas, kind, position, button, buttons)

    def pause_until(self, moment: float) -> None:
        while True:
            self.application.processEvents()
            left = moment - time.perf_counter()
            if left <= 0:
                return
            time.sleep(min(left, 0.001))

    def draw(self, strokes, timed: bool = True) -> None:
        step = 1.0 / MOUSE_HZ
        left = Qt.MouseButton.LeftButton
        for stroke in strokes:
            points = _densify(stroke, 6.0)  # a mouse reports every few pixels
            moment = time.perf_counter()
            self._send(QEvent.Type.MouseButtonPress, points[0], left, left, timed)
            for point in points[1:]:
                moment += step
                self.pause_until(moment) if timed else self.application.processEvents()
                self._send(QEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, left, timed)
            self._send(QEvent.Type.MouseButtonRelease, points[-1], left, Qt.MouseButton.NoButton, timed)
            self.pause_until(time.perf_counter() + 0.03) if timed else self.application.processEvents()
        self.pending.clear()


def _densify(points: np.ndarray, spacing: float) -> np.ndarray:
    """Points every ``spacing`` canvas pixels along the stroke."""
    if len(points) < 2:
        return points
    lengths = np.linalg.norm(np.diff(points, axis=0), axis=1)
    distance = np.concatenate([[0], np.cumsum(lengths)])
    samples = np.arange(0, distance[-1] + spacing, spacing)
    return np.stack([np.interp(samples, distance, points[:, 0]), np.interp(samples, distance, points[:, 1])], axis=1)


def numbers(records, digits: int, count: int) -> list[list[np.ndarray]]:
    """``count`` numbers of ``digits`` pen digits side by side, fitted into the 280×280 pad."""
    from digitpad.model.training.data import side_by_side

    rng = np.random.default_rng(0)
    result = []
    for _ in range(count):
        strokes = side_by_side([records[i].strokes for i in rng.choice(len(records), digits, replace=False)], rng)
        points = np.concatenate(strokes)
        low, scale = points.min(axis=0), 250 / float(np.ptp(points, axis=0).max())
        result.append([(stroke - low) * scale + 15 for stroke in strokes])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drawings", type=int, default=60)
    parser.add_argument("--digits", type=int, default=1, help="digits side by side in each drawing")
    parser.add_argument("--pause", type=float, default=0.0, help="seconds to wait after each drawing")
    parser.add_argument("--memory", action="store_true")
    args = parser.parse_args()

    records = load_stroke_records(PEN_STROKES, default_box=PEN_BOX)
    drawings = [r.strokes for r in records] if args.digits == 1 else numbers(records, args.digits, 1 + args.drawings)
    application = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    window = scratch_window(application)  # drawing starts as soon as the window can predict
    replayer = Replayer(window, application, started)
    replayer.draw(drawings[0], timed=False)  # warm up
    for drawing in drawings[1 : 1 + args.drawings]:
        replayer.pause_until(time.perf_counter() + args.pause)
        window.clear()
        replayer.draw(drawing)
    latencies, early = np.array(replayer.latencies), np.array(replayer.early, bool)
    rows = []
    for name, chosen in ((f"the first {FIRST_SECONDS:.0f} s after launch (TensorFlow's process starting)", early),
                         ("after", ~early), ("all", np.ones_like(early))):
        if chosen.any():
            part = latencies[chosen]
            rows.append([name, len(part), f"{percentile(part, 50):.1f}", f"{percentile(part, 95):.1f}",
                         f"{percentile(part, 99):.1f}", "16"])
    print(f"# Interactive latency (offscreen window, mouse at {MOUSE_HZ} Hz)\n\nMachine: {machine()}\n")
    print(table(["events", "mouse events", "median ms", "p95 ms", "p99 ms", "target p95 ms"], rows))
    if args.memory:
        memory_rows = []
        drawn = 0
        for target in (100, 1000):
            while drawn < target:
                window.clear()
                replayer.draw(records[(drawn + 100) % len(records)].strokes, timed=False)
                drawn += 1
            memory_rows.append([target, f"{resident_mb():.1f}"])
        growth = float(memory_rows[1][1]) / float(memory_rows[0][1]) - 1
        print("\n## Memory (drawings and predictions in one window)\n")
        print(table(["drawings", "resident MB"], memory_rows))
        print(f"\nGrowth from 100 to 1,000 drawings: {growth:+.1%} (target within ±5%)")
    window.close()


if __name__ == "__main__":
    main()
