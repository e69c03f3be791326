"""An enlarged feature map and, for a convolution, its filter's kernels (one per input map)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QWidget

from digitpad.app.common.colormaps import DIVERGING, MAGMA, scale_levels, signed_levels, to_qimage
from digitpad.app.common.language import Retranslatable
from digitpad.app.network.mosaic import SELECTED, mosaic, paint_gaps
from digitpad.app.network.top_images import TopImagesView


class MapDetail(Retranslatable, QFrame):
    """An enlarged map and, for a convolution, its filter's kernels (one per input map); below them the
    map's top images and pattern (``top_images``, filled by the window's FiltersController)."""

    unitShown = Signal(str, int)  # a layer's name and the map shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapDetail")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = self._grid = QGridLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.map_view = _ImageView(80)
        self.kernel_title = QLabel("")
        self.kernel_title.setWordWrap(True)
        self.kernel_view = _ImageView(80)
        layout.addWidget(self.title, 0, 0, 1, 2)
        layout.addWidget(self.map_view, 1, 0)
        layout.addWidget(self.kernel_view, 1, 1)
        layout.addWidget(self.kernel_title, 2, 1)
        self.top_images = TopImagesView()
        layout.addWidget(self.top_images, 3, 0, 1, 2)
        self.layer: str | None = None
        self.channel: int | None = None
        self._shown: tuple | None = None  # show_map's arguments, to say it again in another language
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("An enlarged map and its kernels"))
        if self._shown is None:
            self.title.setText(self.tr("Click a map to enlarge it"))
        else:
            self.show_map(*self._shown)

    def set_unit(self, at: tuple[int, int] | None) -> None:
        """Mark the pixel being explained on the enlarged map (None: no mark)."""
        self.map_view.unit = at
        self.map_view.update()

    def show_map(self, layer: str, kind: str, channel: int, values: np.ndarray | None,
                 kernels: np.ndarray | None, pool: int = 2) -> None:
        changed = (layer, channel) != (self.layer, self.channel) or self._shown is None
        self.layer, self.channel = layer, channel
        if changed:
            self.unitShown.emit(layer, channel)
        self._shown = (layer, kind, channel, values, kernels, pool)
        locale = QLocale()
        if values is None:
            self.title.setText(self.tr("{layer} · map {index}").format(layer=layer, index=channel))
            self.map_view.set_image(QImage())
        elif values.ndim == 2:
            top = float(values.max())
            details = self.tr("map {index} · {height}×{width} · max {value}").format(
                index=channel, height=values.shape[0], width=values.shape[1], value=locale.toString(top, "f", 2))
            self.title.setText(f"<b>{layer}</b> · {details}")
            if values.min() < 0:  # tanh, linear, BatchNormalization: blue negative, red positive, as the mosaic
                self.map_view.set_image(to_qimage(signed_levels(values, float(np.abs(values).max())), DIVERGING))
            else:
                self.map_view.set_image(to_qimage(scale_levels(values, top), MAGMA))
        else:
            details = self.tr("unit {index} · value {value}").format(
                index=channel, value=locale.toString(float(values), "f", 3))
            self.title.setText(f"<b>{layer}</b> · {details}")
            self.map_view.set_image(QImage())
        if kernels is None:
            self.kernel_title.setText(self._no_weights_text(kind, pool))
            self.kernel_view.set_image(QImage())
            self._place_kernel_title(beside_map=True)  # no kernels: the words beside the map, not in a corner
            return
        self._place_kernel_title(beside_map=False)
        filters = kernels[:, :, :, channel]  # (rows, columns, inputs)
        extent = float(np.abs(filters).max())
        image, _, _ = mosaic(filters)
        levels = signed_levels(np.nan_to_num(image), extent)
        qimage = paint_gaps(to_qimage(levels, DIVERGING), np.isnan(image))
        self.kernel_view.set_image(qimage)
        if filters.shape[:2] == (3, 3):
            text = self.tr(
                "Filter {index}: %n kernel(s) of 3×3, one per input map (blue negative, red positive, ±{extent})",
                "", filters.shape[-1])
        else:
            text = self.tr(
                "Filter {index}: %n kernel(s) of {rows}×{cols}, one per input map (blue negative, red positive, "
                "±{extent})", "", filters.shape[-1])
        self.kernel_title.setText(text.format(index=channel, extent=locale.toString(extent, "f", 2),
                                              rows=filters.shape[0], cols=filters.shape[1]))

    def _no_weights_text(self, kind: str, pool: int) -> str:
        if kind == "MaxPooling2D" and pool == 2:
            return self.tr("Pooling has no weights: each cell is the largest of 2×2 below it.")
        if kind == "MaxPooling2D":
            return self.tr("Pooling has no weights: each cell is the largest of {size}×{size} below it.").format(
                size=pool)
        if kind == "AveragePooling2D":
            return self.tr("Pooling has no weights: each cell is the mean of {size}×{size} below it.").format(
                size=pool)
        return ""


    def _place_kernel_title(self, beside_map: bool) -> None:
        self.kernel_view.setVisible(not beside_map)
        self._grid.removeWidget(self.kernel_title)
        if beside_map:
            self._grid.addWidget(self.kernel_title, 1, 1, Qt.AlignmentFlag.AlignVCenter)
        else:
            self._grid.addWidget(self.kernel_title, 2, 1)


class _ImageView(QWidget):
    def __init__(self, side: int) -> None:
        super().__init__()
        self.image = QImage()
        self.unit: tuple[int, int] | None = None  # (row, column) outlined, in the image's pixels
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
            if self.unit is not None:
                row, column = self.unit
                cell = QRectF(column * scale, row * scale, scale, scale)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(QPen(QColor("black"), 4))  # a dark halo, then the mark: seen on any colour
                painter.drawRect(cell.adjusted(-1, -1, 1, 1))
                painter.setPen(QPen(SELECTED, 2))
                painter.drawRect(cell.adjusted(-1, -1, 1, 1))
