"""A layer's maps (or units) as one mosaic: painted pixel-sharp at any size, a click picks a map and
the pixel in it, and the window an explanation reads from can be marked on it."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QLinearGradient, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from digitpad.app.common.colormaps import DIVERGING, MAGMA, scale_levels, signed_levels, to_qimage

GAP = 1
SELECTED = QColor("#2f9bff")
MARKED = QColor("#39d353")  # where an explanation's inputs come from


def grid_columns(channels: int) -> int:
    """How many maps a row holds: 8 for 32 maps, 16 for 64, all of them for the 10 classes, and 48 of a
    long vector (Flatten's 576) so that it stays a strip, not a tower."""
    if channels <= 10:
        return channels
    if channels <= 32:
        return 8
    return 16 if channels <= 64 else 48


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


def paint_gaps(image: QImage, gaps: np.ndarray) -> QImage:
    """Gaps between maps in the panel's background colour."""
    width = image.width()
    buffer = np.frombuffer(image.bits(), np.uint32, count=image.height() * image.bytesPerLine() // 4)
    view = buffer.reshape(image.height(), image.bytesPerLine() // 4)[:, :width]
    view[gaps] = 0xFF202024
    return image


class MosaicView(QWidget):
    """One layer's grid of maps.  A click emits ``mapClicked(map)`` and ``unitClicked(map, row, column)``
    (row and column 0 for a layer of units)."""

    mapClicked = Signal(int)
    unitClicked = Signal(int, int, int)

    def __init__(self, channels: int, map_side, parent: QWidget | None = None) -> None:
        """``map_side``: the maps' side, or (height, width) for maps that are not square (a rectangular kernel)."""
        super().__init__(parent)
        self.channels = channels
        self.map_height, self.map_width = map_side if isinstance(map_side, tuple) else (map_side, map_side)
        self.map_side = max(self.map_height, self.map_width)
        self.columns = grid_columns(channels)
        self.rows = math.ceil(channels / self.columns)
        self.cell = self.map_width + GAP  # a cell's width (and its height, for square maps)
        self.cell_height = self.map_height + GAP
        self.image_size = QSize(self.columns * self.cell - GAP, self.rows * self.cell_height - GAP)
        self.image = QImage()
        self.selected: int | None = None
        self.unit: tuple[int, int] | None = None  # the pixel of the selected map being explained
        self.mark: tuple[int, int, int, int | None] | None = None  # row, column, size, map (None: every map)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(12)

    def set_values(self, values: np.ndarray, top: float, signed: bool = False) -> None:
        """Colour 0 → ``top`` (magma); ``signed``: −``top`` → ``top``, blue to red through white (a layer
        with negative values: tanh, linear, BatchNormalization)."""
        if signed:
            image = to_qimage(signed_levels(np.nan_to_num(values, nan=0.0), top), DIVERGING)
        else:
            image = to_qimage(scale_levels(np.nan_to_num(values, nan=0.0), top), MAGMA)
        gaps = np.isnan(values)
        if gaps.any():
            image = paint_gaps(image, gaps)
        self.image = image
        self.update()

    def set_mark(self, mark: tuple[int, int, int, int | None] | None) -> None:
        """Outline ``size``×``size`` (or ``size`` = (rows, columns)) pixels from (row, column), in one map or in
        all of them."""
        self.mark = mark
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
            if self.mark is not None:
                row, column, size, only = self.mark
                painter.setPen(QPen(MARKED, 1.5))
                for index in range(self.channels) if only is None else (only,):
                    painter.drawRect(self._pixels_rect(index, row, column, size, target))
            if self.selected is not None:
                painter.setPen(QPen(SELECTED, 2))
                # Kept inside the widget: the first map's frame lost its top and left edges (issue 29).
                painter.drawRect(self._cell_rect(self.selected, target).intersected(QRectF(self.rect()).adjusted(
                    1, 1, -1, -1)))
                if self.unit is not None and self.map_side > 1:
                    painter.drawRect(self._pixels_rect(self.selected, *self.unit, 1, target))

    def _cell_rect(self, index: int, target: QRectF) -> QRectF:
        scale = target.width() / self.image_size.width()
        row, column = divmod(index, self.columns)
        return QRectF(column * self.cell * scale, row * self.cell_height * scale, self.map_width * scale,
                      self.map_height * scale).adjusted(-1, -1, 1, 1)

    def _pixels_rect(self, index: int, row: int, column: int, size, target: QRectF) -> QRectF:
        """``size`` pixels square from (row, column), or (rows, columns) pixels."""
        rows, columns = size if isinstance(size, tuple) else (size, size)
        scale = target.width() / self.image_size.width()
        cell_row, cell_column = divmod(index, self.columns)
        left = (cell_column * self.cell + column) * scale
        top = (cell_row * self.cell_height + row) * scale
        return QRectF(left, top, columns * scale, rows * scale)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        unit = self.unit_at(event.position())
        if unit is not None:
            self.mapClicked.emit(unit[0])
            self.unitClicked.emit(*unit)

    def unit_at(self, position: QPointF) -> tuple[int, int, int] | None:
        """(map, row, column) under ``position`` (on the gap between two maps: the nearer map's edge), or None
        outside the maps."""
        target = self._target()
        if not target.contains(position):
            return None
        scale = target.width() / self.image_size.width()
        column, inside_x = _cell_at(position.x() / scale, self.cell, self.map_width, self.columns)
        row, inside_y = _cell_at(position.y() / scale, self.cell_height, self.map_height, self.rows)
        index = row * self.columns + column
        return (index, inside_y, inside_x) if 0 <= index < self.channels else None

    def cell_centre(self, index: int) -> QPointF:
        """Where map ``index`` is on screen (for tests and automation)."""
        return self._cell_rect(index, self._target()).center()

    def pixel_centre(self, index: int, row: int, column: int) -> QPointF:
        """Where pixel (row, column) of map ``index`` is on screen (for tests and automation)."""
        return self._pixels_rect(index, row, column, 1, self._target()).center()


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


def _cell_at(coordinate: float, cell: int, side: int, cells: int) -> tuple[int, int]:
    """The cell a coordinate (in image pixels) falls in and the pixel inside it.  On the gap after a map, the
    nearer map's edge pixel: conv3's 3×3 maps are a quarter gap, and a click there did nothing."""
    index = int(coordinate // cell)
    inside = coordinate - index * cell
    if inside < side:
        return index, int(inside)
    if inside - side >= GAP / 2 and index + 1 < cells:
        return index + 1, 0
    return index, side - 1
