"""What a unit looks for: the 9 images of a set that excite it most, each with its maximum marked and the
receptive field drawn as a box and shown as a crop; the unit's pattern (gradient ascent from grey noise),
and the patterns of its whole layer as a grid.  Clicking an image asks for it on the pad
(``imageChosen(index)``); the window's FiltersController fills the view from the background work."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from digitpad.app.common.colormaps import DIVERGING, greyscale_qimage, signed_levels, to_qimage
from digitpad.app.common.language import Retranslatable, image_set_name

FIELD_COLOUR = QColor("#ffd21f")
MAXIMUM_COLOUR = QColor("#ff3b30")
TILE_SIDE = 56  # an image's side where there is room: 2 screen pixels to an input pixel
LEAST_SIDE = 40  # in a narrow pane (1024 px window) three tiles still fit beside each other
IMAGE_GAP = 6  # between the image and its crop
CAPTION_GAP = 2  # between the images and the line under them


class TopImageTile(QWidget):
    """One top image: the whole 28×28 with the receptive field's box and the maximum's place, and the
    crop of the field beside it.  A click asks for it on the pad."""

    clicked = Signal(int)  # the image's index in the set

    def __init__(self) -> None:
        super().__init__()
        # The images shrink with the pane rather than push it wider than the window gives (a sideways scroll).
        self.setMinimumWidth(2 * LEAST_SIDE + IMAGE_GAP)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.index: int | None = None
        self.image = QImage()
        self.box: tuple[int, int, int, int] | None = None
        self.centre: tuple[float, float] | None = None  # the maximum's field centre, in input pixels
        self.caption = ""  # the unit's value on the image and the image's digit, under the images

    def side(self, width: int | None = None) -> int:
        """The side of the image (and of its crop) at ``width``, the tile's own by default."""
        width = self.width() if width is None else width
        return max(LEAST_SIDE, min(TILE_SIDE, (width - IMAGE_GAP) // 2))

    def sizeHint(self) -> QSize:
        return QSize(2 * TILE_SIDE + IMAGE_GAP, self.heightForWidth(2 * TILE_SIDE + IMAGE_GAP))

    def minimumSizeHint(self) -> QSize:
        return QSize(2 * LEAST_SIDE + IMAGE_GAP, self.heightForWidth(2 * LEAST_SIDE + IMAGE_GAP))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.side(width) + CAPTION_GAP + self.fontMetrics().height()

    def show_image(self, index: int | None, pixels: np.ndarray | None = None, box=None, centre=None) -> None:
        self.index, self.box, self.centre, self.caption = index, box, centre, ""
        self.image = greyscale_qimage(pixels) if pixels is not None else QImage()
        self.update()

    def mousePressEvent(self, event) -> None:
        if self.index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.index)

    def paintEvent(self, event) -> None:
        if self.image.isNull():
            return
        side = self.side()
        scale = side / 28
        with QPainter(self) as painter:
            painter.drawImage(QRectF(0, 0, side, side), self.image)
            painter.drawText(QRectF(0, side + CAPTION_GAP, self.width(), self.fontMetrics().height()),
                             Qt.AlignmentFlag.AlignLeft, self.caption)
            if self.box is None:
                return
            top, left, bottom, right = self.box
            painter.setPen(QPen(FIELD_COLOUR, 1.5))
            painter.drawRect(QRectF(left * scale, top * scale, (right - left) * scale, (bottom - top) * scale))
            if self.centre is not None:
                painter.setPen(QPen(MAXIMUM_COLOUR, 2))
                x, y = (self.centre[1] + 0.5) * scale, (self.centre[0] + 0.5) * scale
                painter.drawEllipse(QPointF(x, y), 2.5, 2.5)
            crop = self.image.copy(left, top, right - left, bottom - top)
            fit = side / max(right - left, bottom - top, 1)
            painter.drawImage(QRectF(side + IMAGE_GAP, 0, (right - left) * fit, (bottom - top) * fit), crop)


class Picture(QWidget):
    """An image drawn as large as the widget allows, square pixels, no smoothing."""

    def __init__(self, side: int, zoom: float) -> None:
        super().__init__()
        self.image = QImage()
        self.side = side  # the least height: a first layer's 3×3 kernel was drawn 12 px tall
        self.zoom = zoom  # screen pixels per image pixel, for an image larger than that
        self.setMinimumSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_image(self, image: QImage) -> None:
        self.image = image
        if not image.isNull():
            self.setMinimumHeight(max(self.side, int(image.height() * self.zoom)))
        self.update()

    def paintEvent(self, event) -> None:
        if self.image.isNull():
            return
        with QPainter(self) as painter:
            scale = min(self.width() / self.image.width(), self.height() / self.image.height())
            painter.drawImage(QRectF(0, 0, self.image.width() * scale, self.image.height() * scale), self.image)


class TopImagesView(Retranslatable, QFrame):
    """A unit's top images, its pattern, and its layer's patterns on request."""

    imageChosen = Signal(int)  # an index of the image set: put that image on the pad
    layerPatternsRequested = Signal(str)  # a layer's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topImages")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("topImagesTitle")
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("topImagesStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color:#777")
        grid = QGridLayout()
        grid.setSpacing(6)
        self.tiles = [TopImageTile() for _ in range(9)]
        for position, tile in enumerate(self.tiles):
            grid.addWidget(tile, position // 3, position % 3)
            tile.clicked.connect(self.imageChosen.emit)
        self.pattern_title = QLabel()
        self.pattern_title.setObjectName("patternTitle")
        self.pattern_title.setWordWrap(True)
        self.pattern = Picture(84, 4)
        self.pattern.setObjectName("patternPicture")
        self.layer_button = QPushButton()
        self.layer_button.setObjectName("layerPatternsButton")
        self.layer_button.clicked.connect(lambda: self.layer and self.layerPatternsRequested.emit(self.layer))
        self.layer_title = QLabel()
        self.layer_title.setWordWrap(True)
        self.layer_patterns = Picture(200, 2)
        self.layer_patterns.setObjectName("layerPatterns")
        for widget in (self.title, self.status):
            layout.addWidget(widget)
        layout.addLayout(grid)
        for widget in (self.pattern_title, self.pattern, self.layer_button, self.layer_title, self.layer_patterns):
            layout.addWidget(widget)
        self.layer: str | None = None
        self.channel: int | None = None
        self.set_name = ""
        self.tops: list = []
        self.labels: np.ndarray | None = None
        self._status = None
        self._pattern_text = None
        self._layer_text = None
        self.retranslate()

    def retranslate(self) -> None:
        if self.layer is None:
            self.title.setText("")
        elif self.tops and self.tops[0].at is None:
            self.title.setText(self.tr(
                "The images of {set} that excite {layer} {channel} most (a unit of a dense layer sees the whole "
                "image). Click one to put it on the pad.").format(set=image_set_name(self.set_name), layer=self.layer,
                                                                   channel=self.channel))
        elif self.tops:
            self.title.setText(self.tr(
                "The images of {set} that excite {layer} {channel} most: the yellow box is what it sees at its "
                "strongest place (red), the crop beside it enlarges that. Click one to put it on the pad."
            ).format(set=image_set_name(self.set_name), layer=self.layer, channel=self.channel))
        for tile, top in zip(self.tiles, self.tops, strict=False):
            if tile.index is None:  # the set's images have not come
                continue
            tile.caption = self._caption(top)
            tile.setToolTip(self.tr("image {index} of {set}: {value}").format(
                index=top.index, set=image_set_name(self.set_name), value=QLocale().toString(top.value, "f", 3)))
            tile.update()
        self.status.setText(self._status() if self._status else "")
        self.pattern_title.setText(self._pattern_text() if self._pattern_text else "")
        self.layer_title.setText(self._layer_text() if self._layer_text else "")
        self.layer_button.setText(self.tr("Patterns of every unit of {layer}").format(layer=self.layer or ""))
        self.layer_button.setToolTip(self.tr("The input each unit of the layer wants most, found by gradient ascent "
                                             "from grey noise (a few seconds, in the background)"))

    # --- what the controller shows -----------------------------------------------------------

    def show_unit(self, layer: str, channel: int) -> None:
        """A new unit: its old images and pattern go until the new ones arrive."""
        if (layer, channel) != (self.layer, self.channel):
            self.show_tops(layer, channel, [], None, "")
            self.show_pattern(None, None)
        if layer != self.layer:
            self.show_layer_patterns(None, None)
        self.layer, self.channel = layer, channel
        self.retranslate()

    def show_tops(self, layer: str, channel: int, tops: list, images: np.ndarray | None, set_name: str,
                  fields=None, labels: np.ndarray | None = None) -> None:
        """``tops``: model.network.filters.TopImage; ``images``: the set's (n, 28, 28); ``fields``: the
        layer's receptive field (for the maximum's centre); ``labels``: the set's digits (-1 where unknown)."""
        self.layer, self.channel, self.tops, self.set_name = layer, channel, list(tops), set_name
        self.labels = labels
        for position, tile in enumerate(self.tiles):
            if position < len(tops) and images is not None:
                top = tops[position]
                centre = fields.centre(*top.at) if fields is not None and top.at is not None else None
                tile.show_image(top.index, images[top.index], top.box if top.at is not None else None, centre)
            else:
                tile.show_image(None)
                tile.setToolTip("")
        if tops:
            self._status = None
        self.retranslate()

    def _caption(self, top) -> str:
        """How strongly the unit responds to the image, and which digit the image is: a learner compares the
        nine at a glance (which digits a unit likes) instead of hovering over each."""
        value = QLocale().toString(top.value, "f", 2)
        labels = self.labels
        digit = int(labels[top.index]) if labels is not None and 0 <= top.index < len(labels) else -1
        if digit < 0:
            return self.tr("max {value}").format(value=value)
        return self.tr("max {value} · digit {digit}").format(value=value, digit=digit)

    def show_status(self, text) -> None:
        """``text``: a function giving the status in the language in use (None: no status)."""
        self._status = text
        self.retranslate()

    def show_pattern(self, image: QImage | None, text) -> None:
        self.pattern.set_image(image if image is not None else QImage())
        self._pattern_text = text
        self.retranslate()

    def show_layer_patterns(self, image: QImage | None, text) -> None:
        self.layer_patterns.set_image(image if image is not None else QImage())
        self.layer_patterns.setVisible(image is not None)
        self._layer_text = text
        self.retranslate()


def pattern_qimage(image: np.ndarray) -> QImage:
    """A pattern as the network sees it: white ink on black."""
    return greyscale_qimage(np.asarray(image, np.float32).reshape(28, 28))


def kernel_qimage(kernel: np.ndarray) -> QImage:
    """A first-layer kernel (3, 3[, 1]): blue negative, red positive, as the map detail draws kernels."""
    values = np.asarray(kernel, np.float64).reshape(kernel.shape[0], kernel.shape[1])
    return to_qimage(signed_levels(values, float(np.abs(values).max())), DIVERGING)


def pattern_grid_qimage(images: list[np.ndarray], columns: int = 8) -> QImage:
    """Patterns side by side, 28×28 each with a one-pixel gap, ``columns`` to a row."""
    rows = -(-len(images) // columns)
    grid = np.full((rows * 29 - 1, columns * 29 - 1), 0.25, np.float32)
    for position, image in enumerate(images):
        row, column = divmod(position, columns)
        grid[row * 29:row * 29 + 28, column * 29:column * 29 + 28] = np.asarray(image).reshape(28, 28)
    return greyscale_qimage(grid)
