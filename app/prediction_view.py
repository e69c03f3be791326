"""The answer: the digit in large type, the ten probabilities as bars, and what the network saw."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QLocale, QMargins, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from digitpad.app.colormaps import UNSURE_COLOUR, WINNER_COLOUR, greyscale_qimage
from digitpad.app.language import Retranslatable
from digitpad.app.widgets import compact_combo
from digitpad.model import saliency
from digitpad.model.session import Reading

BAR_COLOUR = QColor("#9aa7b8")


class ProbabilityChart(Retranslatable, QChartView):
    """Ten bars, 0–9, with their probabilities in percent; the winner highlighted.  A click on a digit's
    bar (or where it would be) emits ``digitClicked(digit)``: how its probability is computed."""

    digitClicked = Signal(int)

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
        self._values = np.zeros(10)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Probabilities of the ten digits"))
        self.setToolTip(self.tr("How likely the network thinks each digit is, in percent (the bars add up to "
                                "100). Click a bar to see how its probability is computed."))

    def mousePressEvent(self, event) -> None:
        digit = self.digit_at(event.position())
        if digit is not None:
            self.digitClicked.emit(digit)
        super().mousePressEvent(event)

    def digit_at(self, position: QPointF) -> int | None:
        """The digit whose bar is under ``position`` (anywhere in its column of the chart)."""
        chart = self.chart()
        value = chart.mapToValue(chart.mapFromScene(self.mapToScene(position.toPoint())), self.series)
        digit = round(value.x())
        return digit if 0 <= digit <= 9 and abs(value.x() - digit) <= 0.5 else None

    def bar_centre(self, digit: int) -> QPointF:
        """Where the bar of ``digit`` is on screen, half-way up the chart (for tests and automation)."""
        chart = self.chart()
        scene = chart.mapToScene(chart.mapToPosition(QPointF(digit, 50.0), self.series))
        return QPointF(self.mapFromScene(scene))

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


class InputPreview(Retranslatable, QWidget):
    """The 28×28 tensor the network reads, enlarged with visible pixels and a pixel grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inputPreview")
        self.setMinimumSize(QSize(112, 112))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.image = QImage()
        self.tensor: np.ndarray | None = None
        self.overlay: QImage | None = None  # "Why?" heat map over the pixels
        self.highlight: QRectF | None = None  # an explained unit's input patch, in 28×28 pixels
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("What the network sees (28×28)"))
        self.setToolTip(self.tr("What the network sees: your drawing as 28×28 grey pixels, MNIST-style"))

    def set_tensor(self, tensor: np.ndarray | None) -> None:
        self.tensor = tensor
        self.image = QImage() if tensor is None else greyscale_qimage(tensor)
        self.overlay = None
        self.update()

    def set_highlight(self, rect: QRectF | None) -> None:
        """Outline the pixels a conv1 unit reads (its 3×3 patch), or nothing."""
        self.highlight = rect
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
            if self.highlight is not None:
                step = side / 28
                painter.setPen(QPen(QColor("#39d353"), 2))
                painter.drawRect(QRectF(target.left() + self.highlight.left() * step,
                                        target.top() + self.highlight.top() * step,
                                        self.highlight.width() * step, self.highlight.height() * step))


class PredictionPanel(Retranslatable, QWidget):
    """The digit, how sure the network is, the bars, the 28×28 input, and *Why?*'s caption."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reading = Reading()
        self._why_text: Callable[[], str] = str  # what the Why? caption says, in the language in use
        self.digit = QLabel("")
        self.digit.setObjectName("predictionLabel")
        self.digit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digit.setMinimumWidth(110)
        font = QFont()
        font.setPointSize(64)
        font.setBold(True)
        self.digit.setFont(font)
        self.caption = QLabel("")
        self.caption.setObjectName("predictionCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        caption_font = QFont()
        caption_font.setPointSize(12)
        self.caption.setFont(caption_font)
        self.chart = ProbabilityChart()
        self.preview = InputPreview()
        self.preview_caption = QLabel()
        self.preview_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_caption.setStyleSheet("color:#777")
        self.preview_caption.setWordWrap(True)

        self.why_button = QPushButton()
        self.why_button.setObjectName("whyButton")
        self.why_button.setCheckable(True)
        self.why_target = QComboBox()
        self.why_target.setObjectName("whyTarget")
        self.why_target.addItem("", "answer")
        self.why_target.addItem("", "versus")
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
        seen.addWidget(self.preview_caption)
        top = QHBoxLayout()
        top.addLayout(answer, 1)
        top.addLayout(seen, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(why_row)  # its own row, so a narrow window does not squeeze the choice
        layout.addWidget(self.why_caption)
        layout.addWidget(self.chart, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("The answer"))
        self.digit.setToolTip(self.tr("The digit the network reads"))
        self.preview_caption.setText(self.tr("What the network sees (28×28)"))
        self.why_button.setText(self.tr("Why?"))
        self.why_button.setToolTip(self.tr("Show which parts of the drawing pushed the network toward its answer"))
        self.why_target.setItemText(0, self.tr("toward the answer"))
        self.why_target.setItemText(1, self.tr("answer vs runner-up"))
        self.why_caption.setText(self._why_text())
        self._show_caption()

    def show_reading(self, reading: Reading) -> None:
        """Show what the pad holds: one digit, or a number with the digit in focus on the chart, the
        preview and the maps, and the other digits the network is unsure of in the caption."""
        self._reading = reading
        prediction = reading.prediction
        self.preview.set_tensor(prediction.tensor)
        self._show_caption()
        if reading.waiting:
            return
        if prediction.label is None:
            self.digit.setText("")
            self.chart.set_probabilities(None)
            return
        number = reading.number
        self.digit.setText(number if number else str(prediction.label))
        font = self.digit.font()
        font.setPointSize(64 if not number or len(number) <= 2 else max(24, 64 - 8 * (len(number) - 2)))
        self.digit.setFont(font)
        colour = (UNSURE_COLOUR if reading.is_unsure else WINNER_COLOUR).name()
        self.digit.setStyleSheet(f"color:{colour}")
        self.chart.set_probabilities(prediction.probabilities, prediction.is_unsure)

    def _show_caption(self) -> None:
        reading = self._reading
        if reading.waiting:
            self.caption.setText(self.tr("Loading the model…"))
        elif reading.prediction.label is None and reading.from_image:
            self.caption.setText(self.tr("Nothing to read: no ink stands out from the paper"))
        elif reading.prediction.label is None:
            self.caption.setText(self.tr("Draw a digit"))
        else:
            text = self._answer_text(reading)
            if reading.learning:
                text = self.tr("{answer} (the network being trained)").format(answer=text)
            self.caption.setText(text if reading.final else self.tr("{answer} …").format(answer=text))

    def _answer_text(self, reading: Reading) -> str:
        """How sure the network is of the digit (of a number: of the digit in focus, and which others it doubts)."""
        prediction = reading.prediction
        locale = QLocale()
        percent = prediction.confidence * 100
        label, runner_up = prediction.label, prediction.runner_up
        if not reading.number:
            if prediction.doubt is not None:  # a photo's ink is faint or cluttered: sure or not, it may be wrong
                return self.tr("Unsure, the ink is hard to read: {label} or {runner_up}? ({percent}%)").format(
                    label=label, runner_up=runner_up, percent=locale.toString(percent, "f", 0))
            if prediction.is_unsure:
                return self.tr("Unsure: {label} or {runner_up}? ({percent}%)").format(
                    label=label, runner_up=runner_up, percent=locale.toString(percent, "f", 0))
            return self.tr("{percent}% sure").format(percent=locale.toString(percent, "f", 1))
        count, position = len(reading.number), reading.focus + 1
        if prediction.is_unsure:
            text = self.tr("%n digits; digit {position} is a {label}: Unsure: {label} or {runner_up}? ({percent}%)",
                           "", count).format(position=position, label=label, runner_up=runner_up,
                                             percent=locale.toString(percent, "f", 0))
        else:
            text = self.tr("%n digits; digit {position} is a {label}: {percent}% sure", "", count).format(
                position=position, label=label, percent=locale.toString(percent, "f", 1))
        doubts = [self.tr("digit {position}: {label} or {runner_up}?").format(
            position=index + 1, label=digit.label, runner_up=digit.runner_up) for index, digit in reading.doubts()]
        if doubts:
            text = self.tr("{answer}; unsure of {digits}").format(answer=text, digits=", ".join(doubts))
        return text

    # --- Why? -----------------------------------------------------------------------------

    def show_why_nothing(self) -> None:
        self._set_why_text(str)

    def show_why_waiting(self) -> None:
        self._set_why_text(lambda: self.tr("Explaining when you lift the pen…"))

    def show_why_failed(self, reason: str) -> None:
        self._set_why_text(lambda: self.tr("Could not explain: {reason}").format(reason=reason))

    def show_why(self, target: int, versus: int | None, method: str) -> None:
        """What the heat map shows: toward ``target``, or toward it and not toward ``versus``."""
        if versus is not None:
            self._set_why_text(lambda: self.tr(
                "Why {target} and not {versus}: red pushed toward {target}, blue toward {versus}. "
                "Method: {method}.").format(target=target, versus=versus, method=self._method_name(method)))
        else:
            self._set_why_text(lambda: self.tr("Red: what pushed the network toward {target}. Method: {method}.")
                               .format(target=target, method=self._method_name(method)))

    def _method_name(self, method: str) -> str:
        if method == saliency.METHOD:
            return self.tr("integrated gradients on the input (64 steps from a blank image)")
        return method

    def _set_why_text(self, text: Callable[[], str]) -> None:
        self._why_text = text
        self.why_caption.setText(text())
