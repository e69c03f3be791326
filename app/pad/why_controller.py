"""*Why?*: integrated gradients for the answer on screen, computed off the GUI thread at pen-up, and
drawn over the pad and the 28×28 preview."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QRectF, Signal

from digitpad.app.common.colormaps import attribution_qimage
from digitpad.app.common.session_signals import SessionSignals
from digitpad.app.common.tasks import TaskRunner
from digitpad.app.pad.canvas import DrawingCanvas
from digitpad.app.pad.prediction_view import PredictionPanel
from digitpad.model.network.saliency import METHOD, explain
from digitpad.model.session import WhyRequest


def explain_work(task, net, request: WhyRequest):
    """Pool work: the numpy backward pass, 64 steps."""
    return explain(net, request.tensor, request.target, request.versus)


class WhyController(QObject):
    """Asks for an explanation whenever the final answer or the kind of question changes."""

    shown = Signal(object)  # the Attribution now drawn

    def __init__(self, signals: SessionSignals, tasks: TaskRunner, canvas: DrawingCanvas,
                 answer: PredictionPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.tasks, self.canvas, self.answer = signals.session, tasks, canvas, answer
        signals.readingChanged.connect(lambda reading: self.refresh())
        signals.whyChanged.connect(self._on_why)
        answer.why_button.toggled.connect(self._mode_changed)
        answer.why_target.currentIndexChanged.connect(lambda index: self._mode_changed())

    def _mode_changed(self) -> None:
        on = self.answer.why_button.isChecked()
        self.session.set_why_mode(self.answer.why_target.currentData() if on else None)

    def refresh(self) -> None:
        """Clear the old explanation and ask for the one the pad needs now."""
        self.canvas.set_heatmap(None)
        self.answer.preview.set_overlay(None)
        reading = self.session.reading
        if self.session.why_mode is None or reading.prediction.label is None:
            self.answer.show_why_nothing()
            return
        request = self.session.why_request()
        if request is None:
            self.answer.show_why_waiting()
            return
        task = self.tasks.start("explain", explain_work, self.session.shown_predictor.net, request)
        task.succeeded.connect(lambda attribution: self.session.show_why(request, attribution))
        task.failed.connect(self.answer.show_why_failed)

    def _on_why(self, attribution, request: WhyRequest | None) -> None:
        if attribution is None:
            self.refresh()
            return
        signed = attribution.versus is not None
        image = attribution_qimage(attribution.values, signed)
        self.answer.preview.set_overlay(image)
        placement = request.reading.placement
        if placement is not None:
            (x0, y0), (x1, y1) = placement.to_canvas(np.array([[0.0, 0.0], [28.0, 28.0]]))
            self.canvas.set_heatmap(image, QRectF(x0, y0, x1 - x0, y1 - y0))
        self.answer.show_why(attribution.target, attribution.versus, METHOD)
        self.shown.emit(attribution)
