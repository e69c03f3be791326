"""Numbers as a learner reads them: a small matrix of coloured numbers (a patch, a kernel, a pooling
window, with the padding greyed) and the shares of a sum as labelled bars."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from digitpad.app.common.colormaps import DIVERGING, MAGMA, WINNER_COLOUR


def number(value: float, decimals: int = 2) -> str:
    """A number in the reader's locale, with a real minus sign."""
    text = QLocale().toString(float(value), "f", decimals)
    return text.replace("-", "−")


class NumberGrid(QWidget):
    """A small matrix of numbers, each cell coloured by its value; one cell may be marked."""

    CELL = QSize(44, 24)
    # Wider patches (5×5, 7×7) get narrower cells in a smaller font, so that a patch and its kernel still
    # fit side by side in the panel: (largest number of columns, cell width, font scale).
    NARROWER = ((3, 44, 0.9), (5, 36, 0.8), (1_000_000, 29, 0.7))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = np.zeros((0, 0))
        self.signed = False
        self.extent = 1.0
        self.marked: tuple[int, int] | None = None
        self.padded = np.zeros((0, 0), bool)
        self.cell_width, self.font_scale = self.CELL.width(), 0.9
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_values(self, values: np.ndarray, signed: bool, extent: float | None = None,
                   marked: tuple[int, int] | None = None, padded: np.ndarray | None = None) -> None:
        """``padded`` marks the cells that lie in the padding (grey); NaN cells are padding too."""
        self.values = np.asarray(values, np.float64)
        self.signed, self.marked = signed, marked
        self.padded = np.isnan(self.values) if padded is None else (np.asarray(padded, bool) | np.isnan(self.values))
        largest = float(np.nanmax(np.abs(self.values))) if self.values.size and not self.padded.all() else 0.0
        self.extent = extent if extent else (largest or 1.0)
        rows, cols = self.values.shape
        _, self.cell_width, self.font_scale = next(size for size in self.NARROWER if cols <= size[0])
        self.setFixedSize(cols * self.cell_width + 1, rows * self.CELL.height() + 1)
        self.setAccessibleDescription("; ".join(" ".join(_cell_text(v) for v in row) for row in self.values))
        self.update()

    def paintEvent(self, event) -> None:
        width, height = self.cell_width, self.CELL.height()
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * self.font_scale))
        with QPainter(self) as painter:
            painter.setFont(font)
            for (row, col), value in np.ndenumerate(self.values):
                rect = QRectF(col * width, row * height, width, height)
                if self.padded[row, col]:  # the zeros padding adds (or, pooling, cells left out)
                    painter.fillRect(rect, QBrush(QColor("#d8d8d8"), Qt.BrushStyle.BDiagPattern))
                    painter.setPen(QColor("#888"))
                else:
                    colour = _colour(value, self.extent, self.signed)
                    painter.fillRect(rect, colour)
                    painter.setPen(QColor("white" if _dark(colour) else "#222"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, _cell_text(value))
                painter.setPen(QPen(QColor("#bbb"), 1))
                painter.drawRect(rect)
            if self.marked is not None:
                row, col = self.marked
                painter.setPen(QPen(WINNER_COLOUR, 3))
                painter.drawRect(QRectF(col * width + 1.5, row * height + 1.5, width - 3, height - 3))


class ContributionBars(QWidget):
    """Shares of a sum, largest first, each a labelled bar (red adds, blue takes away); a click on
    one emits its key (an input channel to open, for a convolution)."""

    chosen = Signal(int)
    ROW = 20

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[int, str, float]] = []
        self.selected: int | None = None
        self.setMinimumWidth(160)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_items(self, items: list[tuple[int, str, float]], selected: int | None = None) -> None:
        """(key, label, value) per row, already in the order to show."""
        self.items, self.selected = items, selected
        self.setFixedHeight(len(items) * self.ROW + 2)
        self.setAccessibleDescription("; ".join(f"{label}: {number(value, 3)}" for _, label, value in items))
        self.update()

    def paintEvent(self, event) -> None:
        if not self.items:
            return
        largest = max(abs(value) for _, _, value in self.items) or 1.0
        label_width = min(self.width() * 3 // 4, max(self.fontMetrics().horizontalAdvance(label)
                                                 for _, label, _ in self.items) + 8)
        bar_space = max(20, self.width() - label_width - 70)
        with QPainter(self) as painter:
            for row, (key, label, value) in enumerate(self.items):
                top = row * self.ROW + 1
                if key == self.selected:
                    painter.fillRect(QRectF(0, top, self.width(), self.ROW), QColor("#e3eefb"))
                painter.setPen(QColor("#333"))
                painter.drawText(QRectF(2, top, label_width, self.ROW), Qt.AlignmentFlag.AlignVCenter, label)
                length = bar_space * abs(value) / largest
                colour = QColor("#d6604d") if value >= 0 else QColor("#4393c3")
                painter.fillRect(QRectF(label_width, top + 4, length, self.ROW - 8), colour)
                painter.drawText(QRectF(label_width + length + 4, top, 66, self.ROW), Qt.AlignmentFlag.AlignVCenter,
                                 number(value, 3))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = int(event.position().y() // self.ROW)
        if 0 <= row < len(self.items):
            self.chosen.emit(self.items[row][0])

    def row_centre(self, key: int):
        """Where the row of ``key`` is (for tests and automation)."""
        row = next(index for index, item in enumerate(self.items) if item[0] == key)
        return QRectF(0, row * self.ROW, self.width(), self.ROW).center()


def _cell_text(value: float) -> str:
    return "—" if np.isnan(value) else number(value)


def _colour(value: float, extent: float, signed: bool) -> QColor:
    if signed:
        level = int(np.clip((value / extent + 1.0) * 127.5, 0, 255))
        return QColor.fromRgb(int(DIVERGING[level]))
    level = int(np.clip(value / extent * 255, 0, 255)) if extent > 0 else 0
    return QColor.fromRgb(int(MAGMA[level]))


def _dark(colour: QColor) -> bool:
    return colour.lightnessF() < 0.5
