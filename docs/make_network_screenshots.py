"""Write the README's screenshot of another network in the window (issue 25): LeNet-5, trained here
for one epoch on part of MNIST in plain Keras, opened as a .keras file, with a unit of its first
convolution explained at the corner of a map, where padding "same" adds zeros to the patch.

    python docs/make_network_screenshots.py [--mnist ../shared/data/mnist.npz] [--out docs/images]

Offscreen Qt (no display needed).  Writes lenet5-padding.png and lenet5-average.png.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from digitpad.app.window.automation import draw, scratch_window  # noqa: E402
from digitpad.app.window.automation import wait_until as wait  # noqa: E402


def train_lenet5(mnist: str, path: Path) -> None:
    """LeNet-5 as issue 25 lists it, one epoch on 20,000 MNIST digits: enough for readable maps."""
    import keras
    from keras import layers

    with np.load(mnist) as data:
        images, labels = data["x_train"][:20000, ..., None] / 255.0, data["y_train"][:20000]
    model = keras.Sequential([
        keras.Input((28, 28, 1)), layers.Conv2D(6, 5, padding="same", activation="tanh"), layers.AveragePooling2D(2),
        layers.Conv2D(16, 5, activation="tanh"), layers.AveragePooling2D(2), layers.Flatten(),
        layers.Dense(120, activation="tanh"), layers.Dense(84, activation="tanh"),
        layers.Dense(10, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(images, labels, epochs=1, batch_size=64, verbose=0)
    model.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mnist", default=os.environ.get("DIGITPAD_MNIST", str(ROOT.parent / "shared/data/mnist.npz")))
    parser.add_argument("--strokes", default=str(ROOT.parent / "shared/data/pendigits-train.jsonl"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "images"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp()) / "lenet5.keras"
    train_lenet5(args.mnist, path)

    application = QApplication.instance() or QApplication([])
    from digitpad.model.files.datasets import load_stroke_records

    window = scratch_window(application, language="en")
    window.models.load(path)
    wait(application, lambda: window.predictor.source == str(path), timeout=120)
    records = load_stroke_records(args.strokes, default_box=(500, 500))
    four = next(r for r in records if r.label == 4 and r.writer == 5)
    draw(window.canvas, [s.tolist() for s in four.strokes])
    window.tabs.setCurrentWidget(window.feature_maps)
    for shot, layer, at, channel in (("lenet5-padding", "conv2d", (0, 1), 2),
                                     ("lenet5-average", "average_pooling2d", (4, 3), 2)):
        names = [row.name for row in window.feature_maps.rows]
        layer = next(name for name in names if name.startswith(layer))
        window.explain.explain(layer, at, channel)
        application.processEvents()
        window.feature_maps.ensureWidgetVisible(window.feature_maps.explanation, 0, 0)
        application.processEvents()
        window.grab().save(str(out / f"{shot}.png"))
    window.close()


if __name__ == "__main__":
    main()
