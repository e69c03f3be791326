"""A second network reading the same drawing, beside the model in use: its answer and its ten probabilities.

The second network is a kept run's model, read as data; it runs the numpy forward pass on the tensors the
pad's reading already holds (a few milliseconds for the seed convnet), so it follows the pen as the first
one does.  Clicking one of its bars asks for the explanation of that probability in the second network.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from digitpad.app.common.colormaps import UNSURE_COLOUR, WINNER_COLOUR
from digitpad.app.common.formats import probability_percent
from digitpad.app.common.language import Retranslatable
from digitpad.app.pad.prediction_view import ProbabilityChart, fit_to_width
from digitpad.model.network.inference import NOTHING_DRAWN, Prediction, Predictor
from digitpad.model.numbers import ReadingCache
from digitpad.model.session import EMPTY, Reading, read_alike

# Wide enough for its ten bars' digits and values side by side (at 90 px they ran together: "0123456789").
MINIMUM_WIDTH = 170


class SecondNetworkPanel(Retranslatable, QWidget):
    """The second network's answer to the pad's drawing; hidden until a run is chosen."""

    ready = Signal()  # a second network is set and shown
    closed = Signal()
    digitClicked = Signal(int)  # explain this digit's probability in the second network

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secondNetwork")
        self.predictor: Predictor | None = None
        # What to call this network and the model in use beside it, asked each time the texts are written:
        # in the language of the moment, and after a rename (set by the window).
        self.name: Callable[[], str] = str
        self.first_name: Callable[[], str] = str
        self.prediction: Prediction = NOTHING_DRAWN
        self.number: str | None = None
        self._reading: Reading = EMPTY
        self._views = ReadingCache()  # each digit's six views, read once per network
        self.title = QLabel()
        self.title.setObjectName("secondNetworkTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # elided to its width
        self.setMinimumWidth(MINIMUM_WIDTH)
        self.close_button = QToolButton()
        self.close_button.setObjectName("closeSecondNetwork")
        self.close_button.setText("×")
        self.close_button.clicked.connect(self.clear_network)
        self.digit = QLabel()
        self.digit.setObjectName("secondDigit")
        self.digit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.digit.font()
        font.setPointSize(48)
        font.setBold(True)
        self.digit.setFont(font)
        self.digit.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # see fit_to_width
        self.caption = QLabel()
        self.caption.setObjectName("secondCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.chart = ProbabilityChart()
        self.chart.setObjectName("secondProbabilityChart")
        self.chart.digitClicked.connect(self.digitClicked.emit)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.digit)
        layout.addWidget(self.caption)
        layout.addWidget(self.chart, 1)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("The second network's answer"))
        self.close_button.setToolTip(self.tr("Stop reading with the second network"))
        self._show_texts()

    def set_network(self, predictor: Predictor, name: Callable[[], str]) -> None:
        self.predictor, self.name = predictor, name
        self.setVisible(True)
        self.show_reading(self._reading)
        self.ready.emit()

    def clear_network(self) -> None:
        self.predictor = None
        self._views = ReadingCache()  # let the closed network's weights go
        self.setVisible(False)
        self.closed.emit()

    def answer(self) -> int | None:
        return self.prediction.label

    def show_reading(self, reading: Reading) -> None:
        """Read the pad's drawing with the second network: the digit in focus, and a number's other digits."""
        self._reading = reading
        if self.predictor is None:
            return
        self.prediction, digits = read_alike(self.predictor, reading, self._views)
        self.number = "".join("?" if d.label is None else str(d.label) for d in digits) if digits else None
        self.chart.set_probabilities(self.prediction.probabilities if self.prediction.label is not None else None,
                                     self.prediction.is_unsure if self.prediction.label is not None else False)
        self._show_texts()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        fit_to_width(self.digit, 48)
        self._show_title()

    def _show_title(self) -> None:
        """"Second network:" and, under it, its name on one line cut in the middle: wrapped, a design's name took
        a dozen lines of a narrow column.  The whole sentence is the tooltip."""
        if self.predictor is None:
            return
        whole = self.tr("Second network: {name} ({parameters} parameters), beside {first}").format(
            name=self.name(), parameters=QLocale().toString(self.predictor.parameter_count),
            first=self.first_name() or "–")
        self.title.setToolTip(whole)
        width = max(40, self.title.width())
        name = self.title.fontMetrics().elidedText(self.name(), Qt.TextElideMode.ElideMiddle, width)
        self.title.setText(self.tr("Second network:") + "\n" + name)

    def _show_texts(self) -> None:
        self._show_title()
        prediction = self.prediction
        if prediction.label is None:
            self.digit.setText("")
            self.caption.setText(self.tr("Draw a digit"))
            return
        self.digit.setText(self.number or str(prediction.label))
        fit_to_width(self.digit, 48)
        colour = UNSURE_COLOUR if prediction.is_unsure else WINNER_COLOUR
        self.digit.setStyleSheet(f"color:{colour.name()}")
        percent = probability_percent(prediction.confidence)
        if prediction.is_unsure:  # worded as the first network's answer is (it said "54.6% sure" in orange)
            self.caption.setText(self.tr("Unsure: {label} or {runner_up}? ({percent}%)").format(
                label=prediction.label, runner_up=prediction.runner_up, percent=percent))
        else:
            self.caption.setText(self.tr("{percent}% sure").format(percent=percent))
