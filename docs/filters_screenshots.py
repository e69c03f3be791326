"""Write the README's pictures of what a unit looks for, from the window as a person uses it.

    python docs/filters_screenshots.py [--out docs/images]

Offscreen Qt.  Writes filters-top-conv3.png (a conv3 map's top images with their receptive fields, in
the map detail), filters-patterns-conv3.png (the patterns of conv3), filters-ideal-digits.png (the
output layer's patterns, in a digit's explanation) and filters-why-methods.png (one drawing's 28×28
preview with integrated gradients, LayerCAM on conv2 and Grad-CAM on conv3, side by side).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from digitpad.app.window.automation import scratch_window  # noqa: E402
from digitpad.app.window.automation import wait_until as wait  # noqa: E402

CHANNEL = 2  # a conv3 map
FOUR = 4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "docs" / "images"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    application = QApplication.instance() or QApplication([])
    window = scratch_window(application, size=(1500, 1000))
    filters, panel = window.filters, window.feature_maps
    panel.select(0, 0)  # the first map clicked starts the index
    wait(application, lambda: filters.index is not None)

    # A conv3 map's top images: put its best image on the pad, so that the maps show it too.
    conv3 = [row.name for row in panel.rows].index("conv3")
    shown = set()
    filters.patternShown.connect(lambda layer, channel: shown.add((layer, channel)))
    panel.select(conv3, CHANNEL)
    wait(application, lambda: ("conv3", CHANNEL) in shown)
    view = panel.detail.top_images
    filters.put_on_pad(view.tiles[0].index)
    panel.select(conv3, CHANNEL)
    _settle(application, view)
    panel.detail.grab().save(str(out / "filters-top-conv3.png"))

    layers = set()
    filters.layerPatternsShown.connect(layers.add)
    view.layer_button.click()
    wait(application, lambda: "conv3" in layers)
    _settle(application, view)
    _grab_below(view, view.layer_title).save(str(out / "filters-patterns-conv3.png"))

    # The output layer: what the network thinks a perfect digit looks like.
    window._explain_output(7)
    explanation = panel.explanation.top_images
    application.processEvents()
    explanation.layer_button.click()
    wait(application, lambda: "probabilities" in layers)
    _settle(application, explanation)
    _grab_below(explanation, explanation.title).save(str(out / "filters-ideal-digits.png"))

    _why_methods(application, window).save(str(out / "filters-why-methods.png"))
    window.close()


def _settle(application, view) -> None:
    """Wait until the scrolling pane has given ``view`` the height its wrapped words need at its width: one
    round of events leaves it squeezed, its images over the words below them."""
    application.processEvents()
    wait(application, lambda: view.height() >= view.heightForWidth(view.width()), timeout=10)


def _grab_below(view, first) -> QPixmap:
    """The part of ``view`` from ``first`` down."""
    top = first.mapTo(view, QPoint(0, 0)).y()
    return view.grab().copy(0, top, view.width(), view.height() - top)


def _why_methods(application, window) -> QPixmap:
    """The pad's 28×28 preview under each of Why?'s methods, side by side, each with its caption."""
    import numpy as np

    labels = window.filters.images.labels
    window.filters.put_on_pad(int(np.flatnonzero(labels == FOUR)[0]))  # MNIST test's first 4
    window.answer.why_button.setChecked(True)
    combo, pictures = window.answer.why_target, []
    for mode in ("answer", "classmap:conv2", "classmap:conv3"):
        done: list = []
        window.whyShown.connect(done.append)
        combo.setCurrentIndex(combo.findData(mode))
        window.why.refresh()
        wait(application, done.__len__)
        window.whyShown.disconnect(done.append)
        application.processEvents()
        pictures.append((window.answer.preview.grab(), combo.currentText()))
    width = sum(picture.width() for picture, _ in pictures) + 20 * len(pictures)
    height = max(picture.height() for picture, _ in pictures) + 30
    sheet = QPixmap(width, height)
    sheet.fill(QColor("white"))
    with QPainter(sheet) as painter:
        x = 0
        for picture, caption in pictures:
            painter.drawPixmap(x, 0, picture)
            painter.drawText(x, picture.height() + 20, caption)
            x += picture.width() + 20
    return sheet


if __name__ == "__main__":
    main()
