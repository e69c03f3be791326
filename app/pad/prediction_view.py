"""The answer: the digit in large type, the ten probabilities as bars, and what the network saw."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from digitpad.app.common.colormaps import UNSURE_COLOUR, WINNER_COLOUR, greyscale_qimage
from digitpad.app.common.formats import keep_numbers_with_words, probability_percent
from digitpad.app.common.language import Retranslatable
from digitpad.app.common.widgets import compact_combo
from digitpad.model.network import saliency
from digitpad.model.network.inference import NO_DIGIT_BELOW
from digitpad.model.session import Reading

BAR_COLOUR = QColor("#9aa7b8")


def fit_to_width(label: QLabel, size: int) -> None:
    """Give ``label`` a font of ``size`` points, or less so that its one line of text fits its width."""
    text, room = label.text(), label.contentsRect().width() - 8
    font = QFont(label.font())
    while text and size > 12 and room > 0:
        font.setPointSize(size)
        if QFontMetrics(font).horizontalAdvance(text) <= room:
            break
        size -= 2
    if label.font().pointSize() != size:  # each change re-polishes the label and lays out the window
        font.setPointSize(size)
        label.setFont(font)


class ProbabilityChart(Retranslatable, QWidget):
    """Ten bars, 0–9, with their probabilities in whole percent; the winner highlighted.  A click on a
    digit's bar (or anywhere in its column) emits ``digitClicked(digit)``: how its probability is computed.

    Painted here rather than with QtCharts: a QChart re-lays out its scene at every change, and at one
    reading per screen frame that cost the window more than the network did."""

    digitClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probabilityChart")
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._values = np.zeros(10)  # whole percent
        self._winner: int | None = None  # the most probable digit, before rounding (the answer's)
        self._shown = False
        self._winner_colour = WINNER_COLOUR
        self.digit_font = QFont()
        self.digit_font.setPointSize(11)
        self.digit_font.setBold(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Probabilities of the ten digits"))
        self.setToolTip(self.tr("How likely the network thinks each digit is, in percent (the bars add up to "
                                "100). When the pen lifts (and for a photo), the drawing is read seven ways "
                                "together: as drawn, and a little turned, narrowed or slanted. Click a bar to see "
                                "how its probability is computed."))

    def sizeHint(self) -> QSize:
        return QSize(320, 200)

    def set_probabilities(self, probabilities: np.ndarray | None, unsure: bool = False) -> None:
        # Whole percent: "97", "2", "0" read at a glance (the caption gives the exact figure).
        values = np.zeros(10) if probabilities is None else np.round(np.asarray(probabilities, np.float64) * 100)
        colour = UNSURE_COLOUR if unsure else WINNER_COLOUR
        shown = probabilities is not None
        winner = int(np.argmax(probabilities)) if shown else None  # 49.6% and 50.4% both show 50
        if (shown, colour, winner) == (self._shown, self._winner_colour, self._winner) and np.array_equal(
                values, self._values):
            return
        self._values, self._shown, self._winner_colour, self._winner = values, shown, colour, winner
        self.update()

    def values(self) -> list[float]:
        """The bars' heights as probabilities (0..1)."""
        return [float(value) / 100 for value in self._values]

    def winner(self) -> int | None:
        return self._winner

    # --- geometry -----------------------------------------------------------------------

    def _column_width(self) -> float:
        return self.width() / 10

    def _plot(self) -> QRectF:
        """Where the bars stand: above the digits' row, below a line for a full bar's value (in the
        widget's font, whatever its size)."""
        digits_height = QFontMetrics(self.digit_font).height() + 6
        top = self.fontMetrics().height() + 3
        return QRectF(0, top, self.width(), max(10.0, self.height() - digits_height - top))

    def bar_rect(self, digit: int) -> QRectF:
        plot, column = self._plot(), self._column_width()
        height = plot.height() * float(self._values[digit]) / 100
        return QRectF(column * digit + column * 0.125, plot.bottom() - height, column * 0.75, height)

    def value_rect(self, digit: int) -> QRectF:
        """Where a bar's value is written: just above the bar."""
        column, height = self._column_width(), self.fontMetrics().height()
        return QRectF(column * digit, self.bar_rect(digit).top() - height - 1, column, height)

    def digit_at(self, position: QPointF) -> int | None:
        """The digit whose bar is under ``position`` (anywhere in its column of the chart)."""
        if not self.rect().contains(position.toPoint()):
            return None
        return min(9, int(position.x() // self._column_width()))

    def bar_centre(self, digit: int) -> QPointF:
        """Where the bar of ``digit`` is on screen, half-way up the chart (for tests and automation)."""
        plot = self._plot()
        return QPointF(self._column_width() * (digit + 0.5), plot.top() + plot.height() / 2)

    def labels_fit(self) -> bool:
        """Every digit's label fits its column (none would need eliding)."""
        metrics = QFontMetrics(self.digit_font)
        return all(metrics.horizontalAdvance(str(digit)) <= self._column_width() for digit in range(10))

    # --- events -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        digit = self.digit_at(event.position())
        if digit is not None:
            self.digitClicked.emit(digit)
        super().mousePressEvent(event)

    def paintEvent(self, event) -> None:
        with QPainter(self) as painter:
            painter.fillRect(self.rect(), QColor("white"))
            plot, column = self._plot(), self._column_width()
            winner = self.winner()
            for digit in range(10):
                painter.fillRect(self.bar_rect(digit), self._winner_colour if digit == winner else BAR_COLOUR)
                if self._shown:
                    painter.setPen(QColor("#333333"))  # outside the bar, on white
                    painter.drawText(self.value_rect(digit), Qt.AlignmentFlag.AlignCenter,
                                     _bar_value(self._values[digit]))
            painter.setFont(self.digit_font)
            painter.setPen(QColor("#222222"))
            for digit in range(10):
                label = QRectF(column * digit, plot.bottom() + 2, column, self.height() - plot.bottom() - 2)
                painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(digit))


def _bar_value(percent: float) -> str:
    """A bar's whole percent: a softmax never reaches 1, so 99.5% and more reads ">99", never "100"."""
    return ">99" if percent >= 100 else f"{percent:.0f}"


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
        # A long number takes the room there is and a smaller font (_fit_answer), not more room than there is.
        self.digit.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
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
        self._fit_answer()
        # Style only when it changes: each change re-polishes the label and lays out the window.
        style = f"color:{(UNSURE_COLOUR if reading.is_unsure else WINNER_COLOUR).name()}"
        if self.digit.styleSheet() != style:
            self.digit.setStyleSheet(style)
        self.chart.set_probabilities(prediction.probabilities, prediction.is_unsure)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_answer()

    def _fit_answer(self) -> None:
        """64 pt for a digit or two, 8 pt less for each further digit (at least 24), and smaller still
        when the number would not fit."""
        text = self.digit.text()
        fit_to_width(self.digit, 64 if len(text) <= 2 else max(24, 64 - 8 * (len(text) - 2)))

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
            text = text if reading.final else self.tr("{answer} …").format(answer=text)
            self.caption.setText(keep_numbers_with_words(text))

    def _answer_text(self, reading: Reading) -> str:
        """How sure the network is of the digit (of a number: of the digit in focus, and which others it doubts)."""
        prediction = reading.prediction
        percent = probability_percent(prediction.confidence)  # one format for every probability
        label, runner_up = prediction.label, _doubted_against(prediction)
        if not reading.number:
            if prediction.confidence < NO_DIGIT_BELOW:
                return self.tr("Unsure: no digit stands out; the likeliest, {label}, is only {percent}%").format(
                    label=label, percent=percent)
            if prediction.other_reading is not None:  # a little turn, narrowing or slant reads another digit
                return self.tr("Unsure: {label} ({percent}%) or {other}? Turned or slanted a little, it reads as "
                               "{other}").format(label=label, other=prediction.other_reading, percent=percent)
            if prediction.doubt is not None:  # a photo's ink is faint or cluttered: sure or not, it may be wrong
                return self.tr("Unsure, the ink is hard to read: {label} or {runner_up}? ({percent}%)").format(
                    label=label, runner_up=runner_up, percent=percent)
            if prediction.is_unsure:
                return self.tr("Unsure: {label} or {runner_up}? ({percent}%)").format(
                    label=label, runner_up=runner_up, percent=percent)
            return self.tr("{percent}% sure").format(percent=percent)
        count, position = len(reading.number), reading.focus + 1
        if prediction.confidence < NO_DIGIT_BELOW:
            text = self.tr("%n digits; #{position}: no digit stands out ({label} at only {percent}%)", "",
                           count).format(position=position, label=label, percent=percent)
        elif prediction.other_reading is not None:  # the chart's second bar may be another digit: say where it is from
            text = self.tr("%n digits; #{position} is a {label} ({percent}%) or {other}? Turned or slanted a little, "
                           "it reads as {other}", "", count).format(position=position, label=label, percent=percent,
                                                                    other=prediction.other_reading)
        elif prediction.is_unsure:
            text = self.tr("%n digits; #{position} is a {label}, unsure: {label} or {runner_up}? ({percent}%)",
                           "", count).format(position=position, label=label, runner_up=runner_up,
                                             percent=percent)
        else:
            text = self.tr("%n digits; #{position} is a {label}, {percent}% sure", "", count).format(
                position=position, label=label, percent=percent)
        doubts = [self.tr("#{position}: no digit stands out").format(position=index + 1)
                  if digit.confidence < NO_DIGIT_BELOW else
                  self.tr("#{position}: {label} or {runner_up}?").format(
                      position=index + 1, label=digit.label, runner_up=_doubted_against(digit))
                  for index, digit in reading.doubts()]
        if doubts:
            text = self.tr("{answer}; unsure of {digits}").format(answer=text, digits=", ".join(doubts))
        return text

    # --- Why? -----------------------------------------------------------------------------

    def show_why_nothing(self) -> None:
        self._set_why_text(str)

    def show_why_waiting(self) -> None:
        self._set_why_text(lambda: self.tr("Explaining when you lift the pen…"))

    def show_why_working(self) -> None:
        self._set_why_text(lambda: self.tr("Working out why…"))

    def show_why_failed(self, reason: str) -> None:
        self._set_why_text(lambda: self.tr("Could not explain: {reason}").format(reason=reason))

    def show_why(self, target: int, versus: int | None, method: str | Callable[[], str]) -> None:
        """What the heat map shows: toward ``target``, or toward it and not toward ``versus``."""
        if versus is not None:
            self._set_why_text(lambda: self.tr(
                "Why {target} and not {versus}: red pushed toward {target}, blue toward {versus}. "
                "Method: {method}.").format(target=target, versus=versus, method=self._method_name(method)))
        else:
            self._set_why_text(lambda: self.tr("Red: what pushed the network toward {target}. Method: {method}.")
                               .format(target=target, method=self._method_name(method)))

    def _method_name(self, method: str | Callable[[], str]) -> str:
        if callable(method):  # worded by the window, in the language of the moment
            return method()
        if method == saliency.METHOD:
            return self.tr("integrated gradients on the input (64 steps from a blank image)")
        return method

    def _set_why_text(self, text: Callable[[], str]) -> None:
        self._why_text = text
        self.why_caption.setText(text())


def _doubted_against(prediction) -> int | None:
    """The other digit an unsure answer may be: the one a changed view reads, else the runner-up."""
    return prediction.other_reading if prediction.other_reading is not None else prediction.runner_up
