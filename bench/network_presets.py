"""Each preset network trained for 2 epochs with the default recipe on MNIST: parameters, test
accuracy and seconds per epoch on this machine (issue 25's README table).

    python bench/network_presets.py [PRESET ...]

Runs ``digitpad train --network PRESET --epochs 2`` once per preset, one after the other (each in
its own process, as a person would), and prints one Markdown row per preset as it finishes.
Seconds per epoch are the training's own seconds (data preparation excluded) divided by 2.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from digitpad.model.network.designs import PRESETS, summarize

EPOCHS = 2


def measure(preset: str, folder: Path) -> dict:
    out = folder / f"{preset}.keras"
    finished = subprocess.run(
        [sys.executable, "-m", "digitpad", "train", "--network", preset, "--epochs", str(EPOCHS), "--out", str(out)],
        capture_output=True, text=True, check=True,
    )
    report = json.loads(finished.stdout.strip().splitlines()[-1])
    return {"preset": preset, "parameters": summarize(PRESETS[preset]).parameters,
            "multiply_adds": summarize(PRESETS[preset]).multiply_adds,
            "accuracy": report["test_accuracy"], "seconds_per_epoch": report["seconds"] / EPOCHS,
            "device": report["device"]}


def main(presets: list[str]) -> None:
    print("| preset | parameters | multiply-adds per image | test accuracy after 2 epochs | seconds per epoch |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for preset in presets:
            row = measure(preset, Path(folder))
            print(f"| {preset} | {row['parameters']:,} | {row['multiply_adds']:,} | {row['accuracy']:.2%} | "
                  f"{row['seconds_per_epoch']:.0f} ({row['device']}) |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:] or list(PRESETS))
