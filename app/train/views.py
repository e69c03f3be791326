"""The Train panel's pictures: live learning curves, the confusion matrix, a gallery of test images."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QMargins, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QImage, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QSizePolicy, QWidget

from digitpad.app.common.colormaps import greyscale_qimage
from digitpad.app.common.language import Retranslatable


class LearningCurves(Retranslatable, QChartView):
    """Loss (left axis) and accuracy (right axis) for training and validation, by epoch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        # The key is a label under the chart that wraps (``key``): the chart's own legend cut all four names to
        # "trai…" in a 1024-pixel window, and in Korean to two pairs that could not be told apart.
        chart.legend().setVisible(False)
        self.key = QLabel()
        self.key.setObjectName("lossChartKey")
        self.key.setWordWrap(True)
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.series, self.dots = {}, {}
        for key, colour, dashed in SERIES_STYLES:
            line = QLineSeries()
            pen = QPen(QColor(colour), 2)
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
                # One square per epoch, as the Runs chart marks validation: a one-epoch run is one point.
                self.dots[key] = epoch_dots(QColor(colour), validation=True)
            line.setPen(pen)
            line.setColor(QColor(colour))  # the key's colour too
            chart.addSeries(line)
            self.series[key] = line
        for dots in self.dots.values():
            chart.addSeries(dots)
        self.axis_x = QValueAxis()
        self.axis_loss = QValueAxis()
        self.axis_accuracy = QValueAxis()
        for axis in (self.axis_x, self.axis_loss, self.axis_accuracy):
            axis.setTickType(QValueAxis.TickType.TicksDynamic)  # ticks at round numbers, wherever the range ends
        chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis_loss, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.axis_accuracy, Qt.AlignmentFlag.AlignRight)
        for key, line in [*self.series.items(), *self.dots.items()]:
            line.attachAxis(self.axis_x)
            line.attachAxis(self.axis_accuracy if "accuracy" in key else self.axis_loss)
        # Each side axis in the colour of its curves, so it is told apart even when its title is hidden (below).
        for axis, colour in ((self.axis_loss, SERIES_STYLES[0][1]), (self.axis_accuracy, SERIES_STYLES[2][1])):
            axis.setLabelsColor(QColor(colour))
            axis.setTitleBrush(QColor(colour))
        super().__init__(chart, parent)
        self.setObjectName("lossChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Room for six tick labels a side: at 200 px Korean's taller font left none, and every tick read "…".
        self.setMinimumHeight(260)
        self.reset(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Loss (left axis, red) and accuracy (right axis, blue) while the network learns; "
                                "dashed lines are the validation set"))
        names = {"loss": self.tr("train loss"), "val_loss": self.tr("val loss"), "accuracy": self.tr("train acc"),
                 "val_accuracy": self.tr("val acc")}
        for key, line in self.series.items():
            line.setName(names[key])
        self.key.setText("&nbsp;&nbsp; ".join(  # spaces between the entries only: a line breaks there, not inside
            f'<span style="color:{colour}; white-space:nowrap">{"╍╍ ■" if dashed else "━━"}&nbsp;{names[key]}'
            "</span>" for key, colour, dashed in SERIES_STYLES))
        self.axis_x.setTitleText(self.tr("epoch"))
        self.axis_loss.setTitleText(self.tr("loss"))
        self.axis_accuracy.setTitleText(self.tr("accuracy"))
        self._fit_side_titles()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_side_titles()

    def _fit_side_titles(self) -> None:
        """Show the loss and accuracy titles only where they fit. Qt Charts gives its axes at most 40% of the
        chart's width and squeezes them beyond that: at 260 px the right axis's title ran into its tick labels
        ("0.96accuracy") and in Korean every tick label became "0...."."""
        needed = 0.0
        for axis in (self.axis_loss, self.axis_accuracy):
            labels = QFontMetricsF(axis.labelsFont()).horizontalAdvance("0.00")
            needed += labels + QFontMetricsF(axis.titleFont()).height() + SIDE_AXIS_PADDING
        fits = needed <= AXES_SHARE * (self.width() - 8)  # the chart's margins
        for axis in (self.axis_loss, self.axis_accuracy):
            axis.setTitleVisible(fits)

    def reset(self, epochs: int) -> None:
        for line in [*self.series.values(), *self.dots.values()]:
            line.clear()
        self.epochs = epochs
        # A little room after the last epoch, so its validation points are whole dots, not halves.
        step = nice_step(max(1, epochs) / 5, at_least=1.0)
        set_axis(self.axis_x, 0.0, max(1, epochs) * 1.06, step, anchor=0.0)
        set_axis(self.axis_loss, 0.0, 0.5, 0.1)
        set_axis(self.axis_accuracy, 0.9, _with_headroom(0.9), 0.02)
        self._max_loss = 0.1
        self._min_accuracy = 0.9

    def add(self, key: str, epoch_position: float, value: float) -> None:
        if value is None or not np.isfinite(value):
            return
        self.series[key].append(QPointF(epoch_position, value))
        if key in self.dots:
            self.dots[key].append(QPointF(epoch_position, value))
        if "loss" in key and value > self._max_loss:
            self._max_loss = value
            top = min(max(0.1, value * 1.1), 5.0)
            step = nice_step(top / 5)
            set_axis(self.axis_loss, 0.0, math.ceil(top / step - 1e-9) * step, step)
        if "accuracy" in key and value < self._min_accuracy:
            self._min_accuracy = max(0.0, value)
            low = max(0.0, np.floor(value * 10) / 10)
            set_axis(self.axis_accuracy, low, _with_headroom(low), nice_step((1.0 - low) / 5))

    def point_count(self, key: str) -> int:
        return self.series[key].count()


AXES_SHARE = 0.4  # of a chart's width, the most Qt Charts gives its axes before it squeezes their labels
SIDE_AXIS_PADDING = 24.0  # between a side axis's line, its tick labels and its title, as Qt Charts lays them out

# Each series its own colour, and the validation ones dashed with square dots too (the key says which).
SERIES_STYLES = (("loss", "#d62728", False), ("val_loss", "#ff9f40", True),
                 ("accuracy", "#1f5fbf", False), ("val_accuracy", "#17a589", True))


def epoch_dots(colour: QColor, validation: bool) -> QScatterSeries:
    """A curve's dot at each epoch, as both charts draw them: squares on validation, circles on training (a
    one-epoch run is one dot a curve: the shape tells them apart)."""
    dots = QScatterSeries()
    dots.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle if validation
                        else QScatterSeries.MarkerShape.MarkerShapeCircle)
    dots.setMarkerSize(7 if validation else 8)
    dots.setColor(colour)
    dots.setBorderColor(colour)
    return dots


def nice_step(rough: float, at_least: float = 0.0) -> float:
    """The round step (1, 2, 2.5 or 5 times a power of ten) nearest above ``rough``."""
    rough = max(rough, at_least, 1e-9)
    power = 10.0 ** math.floor(math.log10(rough))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * power >= rough - 1e-12:
            return max(factor * power, at_least)
    return 10.0 * power


def _with_headroom(low: float) -> float:
    """The accuracy axis's top: a little above 1, so a point at 0.99 is a whole dot, not half of one."""
    return 1.0 + (1.0 - low) * 0.05


def set_axis(axis: QValueAxis, low: float, high: float, step: float, anchor: float | None = None) -> None:
    """Ticks at multiples of ``step`` (the axis's tick type must be TicksDynamic), labelled with the decimals
    the step needs: a format of "%.0f" on ticks half a unit apart read "0, 1, 1, 2, 2"."""
    axis.setRange(low, high)
    axis.setTickAnchor(0.0 if anchor is None else anchor)  # ticks at multiples of the step: 0.4, 0.6, … 1.0
    axis.setTickInterval(step)
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    if step < 1 and abs(step * 10 ** decimals - round(step * 10 ** decimals)) > 1e-9:
        decimals += 1  # 0.25 needs two decimals
    axis.setLabelFormat(f"%.{decimals}f")


class ConfusionMatrix(Retranslatable, QWidget):
    """10×10 counts as a heat map: rows are the true digit, columns the prediction. Click a cell."""

    cellClicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusionMatrix")
        self.matrix = np.zeros((10, 10), np.int64)
        self.selected: tuple[int, int] | None = None
        self.setMinimumSize(QSize(220, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Rows: the true digit. Columns: what the network said. Click a cell to see those "
                                "images."))
        # The axes' titles, drawn over the columns and beside the rows: without them a newcomer guessed which way
        # the matrix reads.
        self.row_title = self.tr("true digit")
        self.column_title = self.tr("predicted digit")
        self.update()

    def set_matrix(self, matrix: np.ndarray) -> None:
        self.matrix = np.asarray(matrix, np.int64)
        self.selected = None
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def _grid(self) -> tuple[float, float, float]:
        """The grid's left and top edges and a cell's side: a band for each axis title, then one for the digits."""
        margin = self._title_band() + 22.0
        side = min(self.width(), self.height()) - margin - 2
        return margin, margin, side / 10

    def _title_band(self) -> float:
        return self.fontMetrics().height() + 2.0

    def paintEvent(self, event) -> None:
        left, top, cell = self._grid()
        off_diagonal = self.matrix.copy()
        np.fill_diagonal(off_diagonal, 0)
        worst = max(1, int(off_diagonal.max()))
        font = QFont()
        font.setPointSizeF(max(6.0, cell * 0.28))
        band = self._title_band()
        with QPainter(self) as painter:
            self._draw_titles(painter, left, top, band, 10 * cell)
            painter.setFont(font)
            for row in range(10):
                painter.setPen(QColor("#444"))
                painter.drawText(QRectF(band, top + row * cell, left - band - 4, cell), Qt.AlignmentFlag.AlignCenter,
                                 str(row))
                painter.drawText(QRectF(left + row * cell, band, cell, top - band), Qt.AlignmentFlag.AlignCenter,
                                 str(row))
                for column in range(10):
                    count = int(self.matrix[row, column])
                    rect = QRectF(left + column * cell, top + row * cell, cell - 1, cell - 1)
                    painter.fillRect(rect, _cell_colour(count, row == column, worst))
                    if count:
                        dark = row == column or count > worst * 0.5
                        painter.setPen(QColor("white" if dark else "#222"))
                        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count))
            if self.selected is not None:
                row, column = self.selected
                painter.setPen(QPen(QColor("#2f9bff"), 2))
                painter.drawRect(QRectF(left + column * cell, top + row * cell, cell - 1, cell - 1))

    def _draw_titles(self, painter: QPainter, left: float, top: float, band: float, side: float) -> None:
        """"predicted digit →" over the columns, "true digit ↓" up the left side, as charts title their axes."""
        painter.setPen(QColor("#444"))
        painter.drawText(QRectF(left, 0, side, band), Qt.AlignmentFlag.AlignCenter, f"{self.column_title} →")
        painter.save()
        painter.translate(0, top + side)
        painter.rotate(-90)  # read bottom to top, so the arrow points down the rows after the turn
        painter.drawText(QRectF(0, 0, side, band), Qt.AlignmentFlag.AlignCenter, f"← {self.row_title}")
        painter.restore()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position())
        if cell is not None:
            self.selected = cell
            self.update()
            self.cellClicked.emit(*cell)

    def cell_at(self, position: QPointF) -> tuple[int, int] | None:
        left, top, cell = self._grid()
        column = int((position.x() - left) // cell)
        row = int((position.y() - top) // cell)
        return (row, column) if 0 <= row < 10 and 0 <= column < 10 else None

    def cell_centre(self, row: int, column: int) -> QPointF:
        left, top, cell = self._grid()
        return QPointF(left + (column + 0.5) * cell, top + (row + 0.5) * cell)


def _cell_colour(count: int, diagonal: bool, worst: int) -> QColor:
    if diagonal:
        return QColor("#1f77d0") if count else QColor("#f3f3f3")
    if count == 0:
        return QColor("#f7f7f7")
    strength = 0.25 + 0.75 * np.log1p(count) / np.log1p(worst)
    return QColor.fromRgbF(1.0, 1.0 - 0.75 * strength, 1.0 - 0.85 * strength)


class ImageGallery(Retranslatable, QListWidget):
    """Test images as enlarged thumbnails captioned "true → predicted"; a click opens one on the pad."""

    imageChosen = Signal(object, int, int)  # the 28×28 test image (uint8), its true digit, what the network said

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mistakesGallery")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(56, 56))
        self.setGridSize(QSize(72, 84))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setMinimumHeight(180)
        self.setMinimumWidth(100)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.itemClicked.connect(self._choose)
        self.itemActivated.connect(self._choose)  # Enter on the keyboard

    def retranslate(self) -> None:
        for row in range(self.count()):
            item = self.item(row)
            truth, predicted = item.data(Qt.ItemDataRole.UserRole)
            item.setToolTip(self.tr("true digit {truth}, the network said {predicted}; click to open it on the pad "
                                    "and ask Why?").format(truth=truth, predicted=predicted))

    def show_images(self, images: np.ndarray, truths: np.ndarray, predictions: np.ndarray, limit: int = 300) -> None:
        self.clear()
        for image, truth, predicted in list(zip(images, truths, predictions))[:limit]:
            pixmap = QPixmap.fromImage(_thumbnail(image))
            item = QListWidgetItem(QIcon(pixmap), f"{int(truth)} → {int(predicted)}")
            item.setData(Qt.ItemDataRole.UserRole, (int(truth), int(predicted)))
            item.setData(_IMAGE_ROLE, np.array(image))
            self.addItem(item)
        self.retranslate()

    def _choose(self, item: QListWidgetItem) -> None:
        truth, predicted = item.data(Qt.ItemDataRole.UserRole)
        self.imageChosen.emit(item.data(_IMAGE_ROLE), truth, predicted)


_IMAGE_ROLE = Qt.ItemDataRole.UserRole + 1


def _thumbnail(image: np.ndarray) -> QImage:
    values = image / 255.0 if image.dtype == np.uint8 else image
    return greyscale_qimage(values).scaled(56, 56, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.FastTransformation)
