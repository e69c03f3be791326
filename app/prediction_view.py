"""The answer: the digit in large type, the ten probabilities as bars, and what the network saw."""

from __future__ import annotations

import numpy as np
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from digitpad.app.colormaps import UNSURE_COLOUR, WINNER_COLOUR, greyscale_qimage
from digitpad.app.widgets import compact_combo
from digitpad.model.inference import Prediction

BAR_COLOUR = QColor("#9aa7b8")


class ProbabilityChart(QChartView):
    """Ten bars, 0–9, with their probabilities in percent; the winner highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.bars = QBarSet("probability")
        self.bars.append([0.0] * 10)
        self.bars.setColor(BAR_COLOUR)
        self.bars.setBorderColor(BAR_COLOUR)
        self.bars.setSelectedColor(WINNER_COLOUR)
        self.bars.setLabelColor(QColor("#333333"))  # outside the bars, on white
        self.series = QBarSeries()
        self.series.append(self.bars)
        self.series.setBarWidth(0.75)
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsFormat("@value")
        self.series.setLabelsPrecision(3)
        chart = QChart()
        chart.addSeries(self.series)
        chart.legend().hide()
        chart.setMargins(QMargins(0, 0, 0, 0))
        chart.setBackgroundRoundness(0)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        axis_x = QBarCategoryAxis()
        axis_x.append([str(d) for d in range(10)])
        axis_x.setGridLineVisible(False)
        axis_x.setTruncateLabels(False)  # "0" to "9" fit a narrow chart; Qt would elide them to "…"
        font = QFont()
        font.setPointSize(11)
        font.setBold(True)
        axis_x.setLabelsFont(font)
        self.axis_y = QValueAxis()
        self.axis_y.setRange(0.0, 112.0)  # percent, with room above a full bar for its value
        self.axis_y.setTickCount(3)
        self.axis_y.setLabelFormat("%.1f")
        self.axis_y.setVisible(False)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(axis_x)
        self.series.attachAxis(self.axis_y)
        super().__init__(chart, parent)
        self.setObjectName("probabilityChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(150)
        self.setToolTip("How likely the network thinks each digit is, in percent (the bars add up to 100)")
        self._values = np.zeros(10)

    def set_probabilities(self, probabilities: np.ndarray | None, unsure: bool = False) -> None:
        # Whole percent: "97", "2", "0" read at a glance (the caption gives the exact figure).
        values = np.zeros(10) if probabilities is None else np.round(np.asarray(probabilities, np.float64) * 100)
        changed = np.flatnonzero(values != self._values)
        for index in changed:
            self.bars.replace(int(index), float(values[index]))
        self._values = values
        self.bars.deselectAllBars()
        self.series.setLabelsVisible(probabilities is not None)
        if probabilities is not None:
            self.bars.setSelectedColor(UNSURE_COLOUR if unsure else WINNER_COLOUR)
            self.bars.selectBar(int(np.argmax(values)))

    def values(self) -> list[float]:
        """The bars' heights as probabilities (0..1)."""
        return [self.bars.at(i) / 100 for i in range(10)]

    def winner(self) -> int | None:
        selected = self.bars.selectedBars()
        return selected[0] if selected else None


class InputPreview(QWidget):
    """The 28×28 tensor the network reads, enlarged with visible pixels and a pixel grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inputPreview")
        self.setMinimumSize(QSize(112, 112))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setToolTip("What the network sees: your drawing as 28×28 grey pixels, MNIST-style")
        self.image = QImage()
        self.tensor: np.ndarray | None = None
        self.overlay: QImage | None = None  # "Why?" heat map over the pixels

    def set_tensor(self, tensor: np.ndarray | None) -> None:
        self.tensor = tensor
        self.image = QImage() if tensor is None else greyscale_qimage(tensor)
        self.overlay = None
        self.update()

    def set_overlay(self, image: QImage | None) -> None:
        """A 28×28 heat map drawn over the pixels ("Why?")."""
        self.overlay = image
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def sizeHint(self) -> QSize:
        return QSize(196, 196)

    def _grid_overlay(self, side: int) -> QImage:
        """A faint pixel grid and a frame, drawn once per size (not once per prediction)."""
        cached = getattr(self, "_grid", None)
        if cached is not None and cached.width() == side:
            return cached
        grid = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        grid.fill(Qt.GlobalColor.transparent)
        with QPainter(grid) as painter:
            if side >= 140:  # only where pixels are big enough to see it
                painter.setPen(QPen(QColor(255, 255, 255, 28), 1))
                step = side / 28
                for i in range(1, 28):
                    painter.drawLine(QPointF(i * step, 0), QPointF(i * step, side))
                    painter.drawLine(QPointF(0, i * step), QPointF(side, i * step))
            painter.setPen(QPen(QColor("#555"), 1))
            painter.drawRect(0, 0, side - 1, side - 1)
        self._grid = grid
        return grid

    def paintEvent(self, event) -> None:
        side = min(self.width(), self.height())
        if side <= 0:
            return
        target = QRectF((self.width() - side) // 2, 0, side, side)
        with QPainter(self) as painter:
            painter.fillRect(target, QColor("black"))
            if not self.image.isNull():
                painter.drawImage(target, self.image)
            if self.overlay is not None:
                painter.drawImage(target, self.overlay)
            painter.drawImage(target.topLeft(), self._grid_overlay(side))


class PredictionPanel(QWidget):
    """The digit, how sure the network is, the bars, and the 28×28 input."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.digit = QLabel("")
        self.digit.setObjectName("predictionLabel")
        self.digit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digit.setMinimumWidth(110)
        font = QFont()
        font.setPointSize(64)
        font.setBold(True)
        self.digit.setFont(font)
        self.digit.setToolTip("The digit the network reads")
        self.caption = QLabel("Draw a digit")
        self.caption.setObjectName("predictionCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        caption_font = QFont()
        caption_font.setPointSize(12)
        self.caption.setFont(caption_font)
        self.chart = ProbabilityChart()
        self.preview = InputPreview()
        preview_caption = QLabel("What the network sees (28×28)")
        preview_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        preview_caption.setStyleSheet("color:#777")
        preview_caption.setWordWrap(True)

        self.why_button = QPushButton("Why?")
        self.why_button.setObjectName("whyButton")
        self.why_button.setCheckable(True)
        self.why_button.setToolTip("Show which parts of the drawing pushed the network toward its answer")
        self.why_target = QComboBox()
        self.why_target.setObjectName("whyTarget")
        self.why_target.addItem("toward the answer", "answer")
        self.why_target.addItem("answer vs runner-up", "versus")
        self.why_target.setEnabled(False)
        compact_combo(self.why_target, 6)
        self.why_button.toggled.connect(self.why_target.setEnabled)
        self.why_caption = QLabel("")
        self.why_caption.setObjectName("whyCaption")
        self.why_caption.setWordWrap(True)
        self.why_caption.setStyleSheet("color:#666")
        why_row = QHBoxLayout()
        why_row.addWidget(self.why_button)
        why_row.addWidget(self.why_target, 1)

        answer = QVBoxLayout()
        answer.addStretch(1)
        answer.addWidget(self.digit)
        answer.addWidget(self.caption)
        answer.addStretch(1)
        seen = QVBoxLayout()
        seen.addWidget(self.preview, 1)
        seen.addWidget(preview_caption)
        top = QHBoxLayout()
        top.addLayout(answer, 1)
        top.addLayout(seen, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(why_row)  # its own row, so a narrow window does not squeeze the choice
        layout.addWidget(self.why_caption)
        layout.addWidget(self.chart, 1)

    def show_prediction(self, prediction: Prediction, final: bool = True, number: str | None = None,
                        position: int = 0, doubts: list[str] | None = None) -> None:
        """Show one digit's reading; for a number, ``number`` is all of it, ``position`` which digit
        the chart, the preview and the maps show, and ``doubts`` the other digits it is unsure of."""
        if prediction.label is None:
            self.digit.setText("")
            self.caption.setText("Draw a digit")
            self.chart.set_probabilities(None)
            self.preview.set_tensor(None)
            return
        self.digit.setText(number if number else str(prediction.label))
        font = self.digit.font()
        font.setPointSize(64 if not number or len(number) <= 2 else max(24, 64 - 8 * (len(number) - 2)))
        self.digit.setFont(font)
        percent = prediction.confidence * 100
        if prediction.is_unsure:
            text = f"Unsure: {prediction.label} or {prediction.runner_up}? ({percent:.0f}%)"
        else:
            text = f"{percent:.1f}% sure"
        if number:
            text = f"{len(number)} digits; digit {position + 1} is a {prediction.label}: " + text
        if doubts:
            text += "; unsure of " + ", ".join(doubts)
        colour = (UNSURE_COLOUR if prediction.is_unsure or doubts else WINNER_COLOUR).name()
        self.digit.setStyleSheet(f"color:{colour}")
        self.caption.setText(text if final else f"{text} …")
        self.chart.set_probabilities(prediction.probabilities, prediction.is_unsure)
        self.preview.set_tensor(prediction.tensor)

    def show_waiting(self, message: str) -> None:
        self.caption.setText(message)
