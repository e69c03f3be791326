"""Write the README's screenshots: the window as a person sees it, drawn with real mouse events.

    python docs/make_screenshots.py [--mnist ../shared/data/mnist.npz] [--out docs/images]

Offscreen Qt (no display needed).  Writes empty.png, digit.png, feature-map.png,
unsure.png, number.png, why.png, train-during.png and train-after.png.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from PySide6.QtWidgets import QApplication  # noqa: E402

from digitpad.app.automation import draw, scratch_window, wait_until as wait  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mnist", default=os.environ.get("DIGITPAD_MNIST", str(ROOT.parent / "shared/data/mnist.npz")))
    parser.add_argument("--strokes", default=str(ROOT.parent / "shared/data/pendigits-train.jsonl"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "images"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    application = QApplication.instance() or QApplication([])
    from digitpad.model.data import load_stroke_records

    window = scratch_window(application)
    application.processEvents()
    window.grab().save(str(out / "empty.png"))

    records = load_stroke_records(args.strokes, default_box=(500, 500))
    four = next(r for r in records if r.label == 4 and r.writer == 5)
    draw(window.canvas, [s.tolist() for s in four.strokes])
    application.processEvents()
    window.grab().save(str(out / "digit.png"))

    window.feature_maps.select(2, 12)
    application.processEvents()
    window.grab().save(str(out / "feature-map.png"))

    window.clear()
    draw(window.canvas, [[(60, 200), (110, 60), (150, 210), (190, 70), (230, 200)],
                         [(70, 120), (220, 140)]])
    application.processEvents()
    window.grab().save(str(out / "unsure.png"))

    # A number written in one go: three held-out pen digits side by side.
    import numpy as np

    from digitpad.model.training_data import side_by_side

    rng = np.random.default_rng(4)
    digits = [next(r for r in records if r.label == d and r.writer == 10) for d in (2, 0, 7)]
    strokes = side_by_side([r.strokes for r in digits], rng)
    points = np.concatenate(strokes)
    low, high = points.min(axis=0), points.max(axis=0)
    scale = 240 / max(high - low)
    offset = (280 - (high - low) * scale) / 2
    window.clear()
    draw(window.canvas, [((s - low) * scale + offset).tolist() for s in strokes])
    application.processEvents()
    window.grab().save(str(out / "number.png"))

    window.clear()
    seven = next(r for r in records if r.label == 7 and r.writer == 15)
    window.answer.why_button.setChecked(True)
    window.answer.why_target.setCurrentIndex(1)
    shown = []
    window.whyShown.connect(shown.append)
    draw(window.canvas, [s.tolist() for s in seven.strokes])
    wait(application, lambda: bool(shown))
    application.processEvents()
    window.grab().save(str(out / "why.png"))
    window.answer.why_button.setChecked(False)

    window.clear()
    draw(window.canvas, [s.tolist() for s in four.strokes])
    panel = window.train_panel
    window.tabs.setCurrentWidget(panel)
    panel.mnist_path.setText(args.mnist)
    panel.mnist_limit_spin.setValue(12000)
    panel.epochs_spin.setValue(3)
    panel.start_training()
    wait(application, lambda: panel.curves.point_count("val_accuracy") >= 1 and panel.curves.point_count("loss") > 60)
    top = panel.curves.mapTo(panel.widget(), panel.curves.rect().topLeft()).y()
    panel.verticalScrollBar().setValue(max(0, top - 330))  # the progress bar and the curves
    application.processEvents()
    window.grab().save(str(out / "train-during.png"))
    wait(application, lambda: panel.outcome is not None)
    application.processEvents()
    panel.verticalScrollBar().setValue(panel.verticalScrollBar().maximum())
    application.processEvents()
    window.grab().save(str(out / "train-after.png"))
    print(f"wrote {', '.join(sorted(p.name for p in out.glob('*.png')))} to {out}")
    window.close()
    os._exit(0)  # skip interpreter teardown of Qt objects (a PySide6 shutdown crash seen offscreen)


if __name__ == "__main__":
    main()
