"""Start-up, measured cold in a child process: process start → window painted → first prediction possible.

    python bench/startup.py [--runs 5]

Runs the real entry point (python -m app, the same as `digitpad`) offscreen,
with DIGITPAD_REPORT_STARTUP=exit so it prints when the window is first
painted and when the model is ready, then quits.  Targets (issue 6): window
≤ 1.5 s, first prediction ≤ 5 s.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

from common import ROOT, machine, percentile, table


def one_run() -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DIGITPAD_REPORT_STARTUP": "exit", "TF_CPP_MIN_LOG_LEVEL": "3"}
    with tempfile.TemporaryDirectory() as home:
        env["XDG_CONFIG_HOME"] = home  # fresh settings: the bundled model, default geometry
        env["XDG_DATA_HOME"] = home
        started = time.time()
        result = subprocess.run([sys.executable, "-m", "digitpad"], env=env, cwd=ROOT, capture_output=True, text=True,
                                timeout=300)
    stamps = dict(re.findall(r"startup: (window painted|first prediction possible|model ready) at ([\d.]+)",
                             result.stderr))
    if len(stamps) != 3:
        raise SystemExit(f"the app did not report its start-up:\n{result.stderr[-2000:]}")
    return tuple(float(stamps[key]) - started for key in ("window painted", "first prediction possible", "model ready"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = [one_run() for _ in range(args.runs)]
    window, answering, ready = ([r[i] for r in runs] for i in range(3))
    print(f"# Start-up (child process, offscreen)\n\nMachine: {machine()}\n")
    print(table(["from process start to", "median s", "worst s", "target s"], [
        ["window painted", f"{percentile(window, 50):.2f}", f"{max(window):.2f}", "1.5"],
        ["first prediction possible (weights read without TensorFlow)", f"{percentile(answering, 50):.2f}",
         f"{max(answering):.2f}", "5.0"],
        ["TensorFlow and Keras model loaded (training possible)", f"{percentile(ready, 50):.2f}",
         f"{max(ready):.2f}", "–"],
    ]))


if __name__ == "__main__":
    main()
