"""Write the README's screenshots of comparing trainings: two runs compared, and two networks reading one drawing.

    DIGITPAD_DATA=FOLDER python docs/make_runs_screenshots.py [--out docs/images]

FOLDER holds two or more runs (made with ``digitpad train``); the two newest are compared.  Offscreen
Qt; the drawing is drawn with real mouse events.  Writes runs-compare.png (the Runs view: curves and
the settings that differ) and runs-beside.png (the older run's network reading the pad beside the newer).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from PySide6.QtWidgets import QApplication  # noqa: E402

from digitpad.app.window.automation import draw, scratch_window  # noqa: E402
from digitpad.app.window.automation import wait_until as wait  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--strokes", default=os.environ.get("DIGITPAD_STROKES",
                                                            str(ROOT.parent / "shared/data/pendigits-train.jsonl")))
    parser.add_argument("--out", default=str(ROOT / "docs" / "images"))
    args = parser.parse_args()
    if not os.environ.get("DIGITPAD_DATA"):
        parser.error("set DIGITPAD_DATA to a data folder with two or more runs")
    out = Path(args.out)
    application = QApplication.instance() or QApplication([])
    window = scratch_window(application, size=(1600, 940), language="en")
    view = window.train_panel.runs_view
    view.set_data_folder(os.environ["DIGITPAD_DATA"])
    wait(application, lambda: view.model.rowCount() >= 2, timeout=30)
    newer, older = view.model.runs[:2]

    window.splitter.setSizes([430, 330, 740])  # room for the table's columns
    window.tabs.setCurrentWidget(window.train_panel)
    view.select_runs([older.id, newer.id])
    application.processEvents()
    window.train_panel.ensureWidgetVisible(view.digit_changes, 0, 0)
    window.train_panel.ensureWidgetVisible(view.curves, 0, 40)
    application.processEvents()
    window.grab().save(str(out / "runs-compare.png"))

    from digitpad.model.files.datasets import load_stroke_records

    view.select_runs([newer.id])
    view.use_selected()
    wait(application, lambda: window.predictor is not None and window.predictor.source == str(newer.model_path))
    view.select_runs([older.id])
    view.read_beside()
    wait(application, lambda: window.second_answer.predictor is not None, timeout=30)
    records = load_stroke_records(args.strokes, default_box=(500, 500))
    drawing = next(r for r in records if r.label == 9 and r.writer == 10)
    draw(window.canvas, [s.tolist() for s in drawing.strokes])
    window.tabs.setCurrentWidget(window.feature_maps)
    application.processEvents()
    window.splitter.setSizes([480, 620, 400])  # room for both answers
    application.processEvents()
    window.grab().save(str(out / "runs-beside.png"))
    window.close()


if __name__ == "__main__":
    main()
