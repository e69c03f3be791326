"""Write the README's screenshots: the window as a person sees it, drawn with real mouse events.

    python docs/make_screenshots.py [--mnist ../shared/data/mnist.npz] [--out docs/images] [--language ko]

Offscreen Qt (no display needed).  Writes empty.png, digit.png, feature-map.png, explain-conv.png,
explain-pool.png, explain-dense.png, explain-output.png, unsure.png, number.png, why.png, photo.png,
learn-early.png, learn-late.png, train-during.png and train-after.png; with --language ko the
window is in Korean and it writes ko-digit.png, ko-network.png (an explanation open) and
ko-train-after.png (Korean needs a CJK font: fonts-noto-cjk on Debian and Ubuntu).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from digitpad.app.window.automation import draw, open_and_wait, scratch_window  # noqa: E402
from digitpad.app.window.automation import wait_until as wait  # noqa: E402

SCREENSHOTS = {shot: f"{shot}.png" for shot in
               ("empty", "digit", "feature-map", "explain-conv", "explain-pool", "explain-dense", "explain-output",
                "unsure", "number", "why", "photo", "learn-early", "learn-late", "train-during", "train-after")}
# In another language, the README shows the drawing, the Network tab with an explanation open, and the
# Train panel after training.
TRANSLATED_SCREENSHOTS = {"digit": "digit.png", "explain-conv": "network.png", "train-after": "train-after.png"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mnist", default=os.environ.get("DIGITPAD_MNIST", str(ROOT.parent / "shared/data/mnist.npz")))
    parser.add_argument("--strokes", default=str(ROOT.parent / "shared/data/pendigits-train.jsonl"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "images"))
    parser.add_argument("--language", default="en", help="the window's language (en, ko)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    names = SCREENSHOTS if args.language == "en" else {
        shot: f"{args.language}-{name}" for shot, name in TRANSLATED_SCREENSHOTS.items()}

    application = QApplication.instance() or QApplication([])
    from digitpad.model.files.datasets import load_stroke_records

    window = scratch_window(application, language=args.language)

    def shoot(shot: str) -> None:
        application.processEvents()
        if shot in names:
            window.grab().save(str(out / names[shot]))

    shoot("empty")

    records = load_stroke_records(args.strokes, default_box=(500, 500))
    four = next(r for r in records if r.label == 4 and r.writer == 5)
    draw(window.canvas, [s.tolist() for s in four.strokes])
    shoot("digit")

    window.feature_maps.select(2, 12)
    shoot("feature-map")

    def explain(shot: str, layer: str, at, channel: int) -> None:
        window.explain.explain(layer, at, channel)
        application.processEvents()
        window.feature_maps.ensureWidgetVisible(window.feature_maps.explanation, 0, 0)
        shoot(shot)

    def strongest(layer_index: int, channel: int) -> tuple[int, int]:
        """The unit of a map that responds most: its arithmetic ends in a value ReLU keeps."""
        values = window.prediction.activations[layer_index][:, :, channel]
        return tuple(int(i) for i in np.unravel_index(int(values.argmax()), values.shape))

    explain("explain-conv", "conv2", strongest(2, 12), 12)
    explain("explain-pool", "pool1", strongest(1, 9), 9)
    explain("explain-dense", "dense", None, int(window.prediction.activations[5].argmax()))
    explain("explain-output", "probabilities", None, window.prediction.label)
    window.explain.close()

    window.clear()
    draw(window.canvas, [[(60, 200), (110, 60), (150, 210), (190, 70), (230, 200)],
                         [(70, 120), (220, 140)]])
    shoot("unsure")

    # A number written in one go: three held-out pen digits side by side.
    from digitpad.model.training.data import side_by_side

    rng = np.random.default_rng(4)
    digits = [next(r for r in records if r.label == d and r.writer == 10) for d in (2, 0, 7)]
    strokes = side_by_side([r.strokes for r in digits], rng)
    points = np.concatenate(strokes)
    low, high = points.min(axis=0), points.max(axis=0)
    scale = 240 / max(high - low)
    offset = (280 - (high - low) * scale) / 2
    window.clear()
    draw(window.canvas, [((s - low) * scale + offset).tolist() for s in strokes])
    shoot("number")

    window.clear()
    seven = next(r for r in records if r.label == 7 and r.writer == 15)
    window.answer.why_button.setChecked(True)
    window.answer.why_target.setCurrentIndex(1)
    shown = []
    window.whyShown.connect(shown.append)
    draw(window.canvas, [s.tolist() for s in seven.strokes])
    wait(application, lambda: bool(shown))
    shoot("why")
    window.answer.why_button.setChecked(False)

    # A phone photo of a number on paper (bench/photos.py's synthetic photos, every distortion at once).
    import sys
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    from photos import make_photo

    with np.load(args.mnist) as mnist:
        test_images, test_labels = mnist["x_test"], mnist["y_test"]
    picked = [test_images[int(np.flatnonzero(test_labels == digit)[5])] for digit in (3, 8, 5)]
    photo, _, _ = make_photo(picked, {"paper", "ink", "light", "noise", "blur", "jpeg"}, np.random.default_rng(7))
    photo_path = Path(tempfile.mkdtemp()) / "photo.jpg"
    photo_path.write_bytes(photo)
    open_and_wait(window, photo_path)
    shoot("photo")

    window.clear()
    draw(window.canvas, [s.tolist() for s in four.strokes])
    panel = window.train_panel
    panel.settings.mnist_path.setText(args.mnist)
    panel.settings.mnist_limit_spin.setValue(30000)  # long enough for two moments of watch it learn
    panel.settings.epochs_spin.setValue(3)
    # Watch it learn: the pad, the chart, the maps and an open explanation follow the network being trained.
    learning = []
    window.signals.readingChanged.connect(lambda reading: learning.append(reading) if reading.learning else None)
    window.tabs.setCurrentWidget(window.feature_maps)
    window.explain.explain("conv1", (9, 12), 6)
    panel.start_training()
    wait(application, lambda: len(learning) >= 2)
    window.feature_maps.verticalScrollBar().setValue(0)
    shoot("learn-early")
    wait(application, lambda: panel.curves.point_count("val_accuracy") >= 1 and len(learning) >= 40)
    shoot("learn-late")
    window.explain.close()
    window.tabs.setCurrentWidget(panel)
    wait(application, lambda: panel.curves.point_count("val_accuracy") >= 1 and panel.curves.point_count("loss") > 60)
    top = panel.curves.mapTo(panel.widget(), panel.curves.rect().topLeft()).y()
    panel.verticalScrollBar().setValue(max(0, top - 330))  # the progress bar and the curves
    shoot("train-during")
    wait(application, lambda: panel.outcome is not None)
    application.processEvents()
    top = panel.results_box.mapTo(panel.widget(), panel.results_box.rect().topLeft()).y()
    panel.verticalScrollBar().setValue(max(0, top - 120))  # the outcome and its confusion matrix, not the runs below
    shoot("train-after")
    print(f"wrote {', '.join(names.values())} to {out}")
    window.close()
    os._exit(0)  # skip interpreter teardown of Qt objects (a PySide6 shutdown crash seen offscreen)


if __name__ == "__main__":
    main()
