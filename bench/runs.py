"""The Runs view with many runs: how long until 200 runs are listed, and whether the pad stalls meanwhile.

    python bench/runs.py [--runs 200] [--repeats 5]

Makes a data folder of N runs in a temporary folder, each a full record (ten epochs of curves, the
confusion matrix, per-digit accuracy, every setting) beside a copy of the bundled model, as
``RunStore.save`` keeps them.  Then, offscreen:

- reading the records (``RunStore.load``, as the view's pool task does);
- the Runs view opening: from ``set_data_folder`` to the table filled (the ``loaded`` signal), while a
  QTimer on the GUI thread ticks every 4 ms, as the pen's events would arrive: the longest gap between
  ticks is how long the pad would have stalled;
- selecting two runs: curves overlaid, differences and per-digit changes shown.

Target (issue 26): the Runs view opens with 200 runs in under 0.5 s, without stalling the pad.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import machine, table

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_runs(folder: Path, count: int) -> None:
    from digitpad.model.files.runs import Limits, Run, RunStore
    from digitpad.resources import bundled_model_path

    store = RunStore(folder)
    store.set_limits(Limits(max_runs=count + 10, max_megabytes=100_000))
    for index in range(count):
        curves = [{"epoch": e, "seconds": 12.0 * e, "loss": 0.3 / e, "accuracy": 0.95 + 0.004 * e,
                   "val_loss": 0.25 / e, "val_accuracy": 0.96 + 0.003 * e} for e in range(1, 11)]
        confusion = [[980 if i == j else 2 for j in range(10)] for i in range(10)]
        run = Run(id=f"2026{index // 28 + 1:02d}{index % 28 + 1:02d}-120000-{index:04x}", date="2026-12-02T12:00:00",
                  name=f"run {index}", network={"name": "seed", "summary": ["Conv2D(32, 3×3, relu)"] * 8,
                                                "parameters": 93322, "design": None},
                  data={"sources": ["MNIST"], "counts": {"mnist": 60000}}, recipe="seed",
                  settings={"epochs": 10, "batch_size": 64 + index, "learning_rate": 0.001, "optimizer": "adam"},
                  device="/CPU:0", seed=index, curves=curves, test_accuracy=0.99, per_digit=[0.99] * 10,
                  confusion=confusion, seconds=120.0)
        store.save(run, bundled_model_path())


def time_loading(folder: Path, repeats: int) -> list[float]:
    from digitpad.model.files.runs import RunStore

    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        runs, _ = RunStore(folder).load()
        times.append(time.perf_counter() - started)
    return times


def time_view(folder: Path, count: int, repeats: int) -> tuple[list[float], list[float], list[float]]:
    from PySide6.QtWidgets import QApplication

    application = QApplication.instance() or QApplication(sys.argv[:1])
    results = [open_view_once(application, folder, count) for _ in range(repeats)]
    opening, stalls, comparing = (list(values) for values in zip(*results))
    return opening, stalls, comparing


def open_view_once(application, folder: Path, count: int) -> tuple[float, float, float]:
    """(seconds until every run is listed, the longest GUI-thread gap meanwhile, seconds to compare two)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from digitpad.app.common.tasks import TaskRunner
    from digitpad.app.train.runs_view import RunsView

    tasks = TaskRunner()
    view = RunsView(tasks)
    view.resize(600, 900)
    view.show()
    application.processEvents()
    gaps, clock = [], QElapsedTimer()
    ticker = QTimer()
    ticker.setInterval(4)
    ticker.timeout.connect(lambda: gaps.append(clock.restart()))
    loaded, loop = [], QEventLoop()
    view.loaded.connect(lambda: (loaded.append(time.perf_counter()), loop.quit()))
    clock.start()
    ticker.start()
    started = time.perf_counter()
    view.set_data_folder(folder)
    loop.exec()  # the event loop runs as the window's would: the ticks measure what blocks it
    ticker.stop()
    if view.model.rowCount() != count:
        raise RuntimeError(f"the view lists {view.model.rowCount()} runs, not {count}")
    compare_started = time.perf_counter()
    view.select_runs([run.id for run in view.model.runs[:2]])
    application.processEvents()
    comparing = time.perf_counter() - compare_started
    view.close()
    view.deleteLater()
    tasks.shutdown()
    application.processEvents()
    return loaded[0] - started, (max(gaps) / 1000 if gaps else 0.0), comparing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digitpad-bench-runs-") as folder:
        started = time.perf_counter()
        make_runs(Path(folder), args.runs)
        made = time.perf_counter() - started
        reading = time_loading(Path(folder), args.repeats)
        opening, stalls, comparing = time_view(Path(folder), args.runs, args.repeats)
    print(f"{args.runs} runs (made in {made:.1f} s); median and worst of {args.repeats}; {machine()}\n")
    rows = [
        ["reading the records (RunStore.load, on the pool)", _s(statistics.median(reading)), _s(max(reading))],
        ["Runs view opening: set_data_folder → table filled", _s(statistics.median(opening)), _s(max(opening))],
        ["longest GUI-thread gap while it opens (pad stall)", _s(statistics.median(stalls)), _s(max(stalls))],
        ["selecting two runs: curves, differences, digits", _s(statistics.median(comparing)), _s(max(comparing))],
    ]
    print(table(["step", "median", "worst"], rows))
    print(f"\ntarget: the view opens in < 0.5 s: {'met' if max(opening) < 0.5 else 'NOT met'}")


def _s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


if __name__ == "__main__":
    main()
