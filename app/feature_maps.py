"""Feature maps of every layer: the live version of the seed notebook's ``model.summary()``.

Each layer is a row: its name, output shape and parameter count, and a grid of
its maps coloured 0 → the layer's largest activation.  Clicking a map enlarges
it and, for a convolution, shows the filter's 3×3 kernels.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QLinearGradient, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from digitpad.app.colormaps import DIVERGING, MAGMA, scale_levels, signed_levels, to_qimage

GAP = 1


def grid_columns(channels: int) -> int:
    """How many maps a row holds: 8 for 32 maps, 16 for 64, all of them for the 10 classes."""
    if channels <= 10:
        return channels
    return 8 if channels <= 32 else 16


def mosaic(activation: np.ndarray) -> tuple[np.ndarray, int, int]:
    """Arrange a layer's maps (H, W, C) or units (C,) into one 2-D image with gaps of NaN.

    Returns the image, the number of columns and the cell size (map side + gap).
    """
    if activation.ndim == 1:
        activation = activation[None, None, :]
    height, width, channels = activation.shape
    columns = grid_columns(channels)
    rows = math.ceil(channels / columns)
    cells = np.full((rows * columns, height + GAP, width + GAP), np.nan, np.float32)
    cells[:channels, :height, :width] = np.moveaxis(activation, -1, 0)
    tiled = cells.reshape(rows, columns, height + GAP, width + GAP).transpose(0, 2, 1, 3)
    image = tiled.reshape(rows * (height + GAP), columns * (width + GAP))[:-GAP, :-GAP]
    return image, columns, height + GAP


class MosaicView(QWidget):
    """One layer's grid of maps, painted pixel-sharp at any size; a click picks a map."""

    mapClicked = Signal(int)

    def __init__(self, channels: int, map_side: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channels = channels
        self.columns = grid_columns(channels)
        self.rows = math.ceil(channels / self.columns)
        self.cell = map_side + GAP
        self.image_size = QSize(self.columns * self.cell - GAP, self.rows * self.cell - GAP)
        self.image = QImage()
        self.selected: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(12)

    def set_values(self, values: np.ndarray, top: float) -> None:
        levels = scale_levels(np.nan_to_num(values, nan=0.0), top)
        image = to_qimage(levels, MAGMA)
        gaps = np.isnan(values)
        if gaps.any():
            image = _paint_gaps(image, gaps)
        self.image = image
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        scale = min(width / self.image_size.width(), self._max_scale())
        return max(12, int(self.image_size.height() * scale))

    def _max_scale(self) -> float:
        return 24.0 if self.cell <= 2 else 6.0

    def sizeHint(self) -> QSize:
        return QSize(320, self.heightForWidth(320))

    def _target(self) -> QRectF:
        scale = min(self.width() / self.image_size.width(), self.height() / self.image_size.height(), self._max_scale())
        return QRectF(0, 0, self.image_size.width() * scale, self.image_size.height() * scale)

    def paintEvent(self, event) -> None:
        with QPainter(self) as painter:
            target = self._target()
            if self.image.isNull():
                painter.fillRect(target, QColor("#2b2b30"))
            else:
                painter.drawImage(target, self.image)
            if self.selected is not None:
                painter.setPen(QPen(QColor("#2f9bff"), 2))
                painter.drawRect(self._cell_rect(self.selected, target))

    def _cell_rect(self, index: int, target: QRectF) -> QRectF:
        scale = target.width() / self.image_size.width()
        row, column = divmod(index, self.columns)
        side = (self.cell - GAP) * scale
        return QRectF(column * self.cell * scale, row * self.cell * scale, side, side).adjusted(-1, -1, 1, 1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position())
        if index is not None:
            self.mapClicked.emit(index)

    def index_at(self, position: QPointF) -> int | None:
        target = self._target()
        if not target.contains(position):
            return None
        scale = target.width() / self.image_size.width()
        column = int(position.x() / (self.cell * scale))
        row = int(position.y() / (self.cell * scale))
        index = row * self.columns + column
        return index if 0 <= index < self.channels else None

    def cell_centre(self, index: int) -> QPointF:
        """Where map ``index`` is on screen (for tests and automation)."""
        return self._cell_rect(index, self._target()).center()


def _paint_gaps(image: QImage, gaps: np.ndarray) -> QImage:
    """Gaps between maps in the panel's background colour."""
    width = image.width()
    buffer = np.frombuffer(image.bits(), np.uint32, count=image.height() * image.bytesPerLine() // 4)
    view = buffer.reshape(image.height(), image.bytesPerLine() // 4)[:, :width]
    view[gaps] = 0xFF202024
    return image


class ColourBar(QWidget):
    """The colour scale: 0 → the layer's largest activation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(14)
        self.setMinimumWidth(40)

    def paintEvent(self, event) -> None:
        with QPainter(self) as painter:
            gradient = QLinearGradient(0, 0, self.width(), 0)
            for i in range(0, 256, 32):
                gradient.setColorAt(i / 255, QColor.fromRgb(int(MAGMA[i])))
            gradient.setColorAt(1.0, QColor.fromRgb(int(MAGMA[255])))
            painter.fillRect(self.rect(), gradient)


class LayerRow(QFrame):
    """A layer's header (the ``model.summary()`` row) and its maps."""

    def __init__(self, index: int, name: str, kind: str, shape: tuple[int, ...], parameters: int) -> None:
        super().__init__()
        self.index, self.name, self.kind, self.shape = index, name, kind, shape
        channels = shape[-1]
        side = shape[0] if len(shape) == 3 else 1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        shape_text = " × ".join(str(s) for s in shape)
        self.title = QLabel(
            f"<b>{name}</b> <span style='color:#888'>{kind} · {shape_text} · {parameters:,} params</span>"
        )
        self.title.setToolTip("Layer name, type, output shape (height × width × maps) and trainable parameters")
        self.title.setMinimumWidth(10)
        self.title.setWordWrap(True)  # two lines rather than clipped in a narrow panel
        self.range_label = QLabel("")
        self.range_label.setStyleSheet("color:#888")
        self.range_label.setToolTip("The largest activation in this layer: the brightest colour")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.range_label)
        layout.addLayout(header)
        self.view = MosaicView(channels, side)
        self.view.setToolTip(f"{channels} {'maps' if len(shape) == 3 else 'units'} of {name}; click one to enlarge it")
        layout.addWidget(self.view)

    def set_activation(self, activation: np.ndarray) -> None:
        image, _, _ = mosaic(activation)
        top = float(np.nanmax(image)) if image.size else 0.0
        self.view.set_values(image, top if self.kind != "Dense" or top > 0 else 1.0)
        self.range_label.setText(f"max {top:.2f}")

    def clear(self) -> None:
        self.view.image = QImage()
        self.view.update()
        self.range_label.setText("")


class MapDetail(QFrame):
    """An enlarged map and, for a convolution, its filter's 3×3 kernels (one per input map)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapDetail")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QGridLayout(self)
        self.title = QLabel("Click a map to enlarge it")
        self.title.setWordWrap(True)
        self.map_view = _ImageView(80)
        self.kernel_title = QLabel("")
        self.kernel_title.setWordWrap(True)
        self.kernel_view = _ImageView(80)
        layout.addWidget(self.title, 0, 0, 1, 2)
        layout.addWidget(self.map_view, 1, 0)
        layout.addWidget(self.kernel_view, 1, 1)
        layout.addWidget(self.kernel_title, 2, 1)
        self.layer: str | None = None
        self.channel: int | None = None

    def show_map(self, layer: str, kind: str, channel: int, values: np.ndarray | None, kernels: np.ndarray | None) -> None:
        self.layer, self.channel = layer, channel
        if values is None:
            self.title.setText(f"{layer} · {'map' if values is None or values.ndim == 2 else 'unit'} {channel}")
            self.map_view.set_image(QImage())
        elif values.ndim == 2:
            top = float(values.max())
            self.title.setText(f"<b>{layer}</b> · map {channel} · {values.shape[0]}×{values.shape[1]} · max {top:.2f}")
            self.map_view.set_image(to_qimage(scale_levels(values, top), MAGMA))
        else:
            self.title.setText(f"<b>{layer}</b> · unit {channel} · value {float(values):.3f}")
            self.map_view.set_image(QImage())
        if kernels is None:
            self.kernel_title.setText("" if kind != "MaxPooling2D" else "Pooling has no weights: each cell is the largest of 2×2 below it.")
            self.kernel_view.set_image(QImage())
            return
        filters = kernels[:, :, :, channel]  # (3, 3, inputs)
        extent = float(np.abs(filters).max())
        image, _, _ = mosaic(filters)
        levels = signed_levels(np.nan_to_num(image), extent)
        qimage = _paint_gaps(to_qimage(levels, DIVERGING), np.isnan(image))
        self.kernel_view.set_image(qimage)
        inputs = filters.shape[-1]
        self.kernel_title.setText(
            f"Filter {channel}: {inputs} kernel{'s' if inputs > 1 else ''} of 3×3, one per input map "
            f"(blue negative, red positive, ±{extent:.2f})"
        )


class _ImageView(QWidget):
    def __init__(self, side: int) -> None:
        super().__init__()
        self.image = QImage()
        self.setMinimumSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width  # square: as large as the panel allows, down to the minimum

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def paintEvent(self, event) -> None:
        if self.image.isNull():
            return
        with QPainter(self) as painter:
            scale = min(self.width() / self.image.width(), self.height() / self.image.height())
            width, height = self.image.width() * scale, self.image.height() * scale
            painter.drawImage(QRectF(0, 0, width, height), self.image)


class FeatureMapsPanel(QScrollArea):
    """Every layer's activations for the current drawing, updated with each prediction."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("featureMaps")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._content = QWidget()
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self.setWidget(self._content)
        self.legend = QLabel("Loading the network…")
        self.legend.setWordWrap(True)
        self._layout.addWidget(self.legend)
        scale_row = QHBoxLayout()
        scale_row.addWidget(QLabel("0"))
        scale_row.addWidget(ColourBar(), 1)
        scale_row.addWidget(QLabel("layer max"))
        self._layout.addLayout(scale_row)
        self.rows: list[LayerRow] = []
        self.detail = MapDetail()
        self._activations: list[np.ndarray] | None = None
        self._kernels = None
        self._layout.addStretch(1)

    def set_layers(self, layers, kernel_lookup) -> None:
        """Build one row per layer (``model.inference.LayerInfo``); ``kernel_lookup(name)`` gives kernels."""
        for row in self.rows:
            row.setParent(None)
        self._layout.removeWidget(self.detail)
        self.rows = []
        self._kernels = kernel_lookup
        total = sum(layer.parameters for layer in layers)
        self.legend.setText(
            f"{len(layers)} layers, {total:,} parameters. Each square is one feature map: "
            "bright where the layer responds. Click a map to enlarge it."
        )
        stretch_at = self._layout.count() - 1
        for index, layer in enumerate(layers):
            row = LayerRow(index, layer.name, layer.kind, layer.output_shape, layer.parameters)
            row.view.mapClicked.connect(lambda channel, i=index: self.select(i, channel))
            self._layout.insertWidget(stretch_at + index, row)
            self.rows.append(row)
        self._layout.insertWidget(stretch_at + len(layers), self.detail)

    def set_kernel_lookup(self, kernel_lookup) -> None:
        self._kernels = kernel_lookup

    def set_activations(self, activations: list[np.ndarray] | None) -> None:
        self._activations = activations
        for index, row in enumerate(self.rows):
            if activations is None:
                row.clear()
            else:
                row.set_activation(activations[index])
        self._refresh_detail()

    def select(self, layer_index: int, channel: int) -> None:
        for index, row in enumerate(self.rows):
            row.view.selected = channel if index == layer_index else None
            row.view.update()
        self._selected = (layer_index, channel)
        self._refresh_detail()
        self.ensureWidgetVisible(self.detail)

    def _refresh_detail(self) -> None:
        selected = getattr(self, "_selected", None)
        if selected is None or not self.rows:
            return
        layer_index, channel = selected
        row = self.rows[layer_index]
        values = None
        if self._activations is not None:
            activation = self._activations[layer_index]
            values = activation[..., channel] if activation.ndim == 3 else activation[channel]
        kernels = self._kernels(row.name) if self._kernels else None
        self.detail.show_map(row.name, row.kind, channel, values, kernels)
