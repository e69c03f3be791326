"""*Why?*: integrated gradients for the answer on screen, computed off the GUI thread at pen-up, and
drawn over the pad and the 28×28 preview."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, QRectF, QSettings, Qt, Signal

from digitpad.app.common.colormaps import attribution_qimage
from digitpad.app.common.session_signals import SessionSignals
from digitpad.app.common.tasks import TaskRunner
from digitpad.app.pad.canvas import DrawingCanvas
from digitpad.app.pad.prediction_view import PredictionPanel
from digitpad.model.network.class_maps import class_map, convolution_layers, default_method, method_name
from digitpad.model.network.saliency import METHOD, explain
from digitpad.model.session import CLASS_MAP_MODE, WhyRequest

WHY_METHOD_KEY = "whyMethod"  # in the window's settings


def explain_work(task, net, request: WhyRequest):
    """Pool work: the numpy backward pass, 64 steps."""
    return explain(net, request.tensor, request.target, request.versus)


def class_map_work(task, net, request: WhyRequest, layer_name: str):
    """Pool work: Grad-CAM of the answer on one convolution layer (one forward and backward pass)."""
    return class_map(net, request.tensor, request.target, layer_name)


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
        answer.why_target.activated.connect(lambda index: self._remember(answer.why_target.itemData(index)))
        self._settings: QSettings | None = None
        self._preferred = "answer"  # the method last chosen, chosen again when a model offers it
        signals.modelChanged.connect(self._offer_class_maps)
        answer.installEventFilter(self)  # the class-map choices are retranslated with the panel
        self._offer_class_maps(self.session.shown_predictor)

    def remember_in(self, settings: QSettings) -> None:
        """Choose the method chosen last time (a class map once the model offers its layer), and keep each choice."""
        self._settings = settings
        self._preferred = settings.value(WHY_METHOD_KEY, "answer", str)
        self._choose_preferred()

    def _remember(self, mode) -> None:
        if isinstance(mode, str):
            self._preferred = mode
            if self._settings is not None:
                self._settings.setValue(WHY_METHOD_KEY, mode)

    def _choose_preferred(self) -> None:
        combo = self.answer.why_target
        index = combo.findData(self._preferred)
        if index >= 0:
            combo.setCurrentIndex(index)

    # --- the class-map choices (Grad-CAM next to integrated gradients) ----------------------------

    def _offer_class_maps(self, predictor) -> None:
        """One choice per convolution layer of the model in use, after the two integrated-gradient ones."""
        combo = self.answer.why_target
        layers = convolution_layers(predictor.net) if predictor is not None else []
        wanted = [CLASS_MAP_MODE + name for name in layers[1:] or layers]  # conv1's 3×3 fields say little
        offered = [combo.itemData(index) for index in range(2, combo.count())]
        if offered != wanted:
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 2:
                combo.removeItem(2)
            for mode in wanted:
                combo.addItem("", mode)
            combo.blockSignals(False)
            preferred = combo.findData(self._preferred)  # a class map chosen last time, once its model is here
            combo.setCurrentIndex(preferred if preferred >= 0 else max(combo.findData(current), 0))
        self._retranslate_choices()

    def _retranslate_choices(self) -> None:
        combo = self.answer.why_target
        pixels = self.tr("Integrated gradients: which pixels changed the score, following the ink stroke by stroke.")
        for index in range(combo.count()):
            mode = combo.itemData(index)
            if isinstance(mode, str) and mode.startswith(CLASS_MAP_MODE):
                layer = mode[len(CLASS_MAP_MODE):]
                predictor = self.session.shown_predictor
                method = method_name(default_method(predictor.net, layer)) if predictor is not None else ""
                combo.setItemText(index, self.tr("class map on {layer} ({method})").format(layer=layer, method=method))
                combo.setItemData(index, self.tr(
                    "{method}: which regions, as {layer} sees them, hold the evidence for the answer. It is as "
                    "blurred as that layer's receptive fields, never negative, and can light up empty paper "
                    "where the network notices missing ink; integrated gradients mark only the pixels drawn."
                ).format(layer=layer, method=method), Qt.ItemDataRole.ToolTipRole)
            else:
                combo.setItemData(index, pixels, Qt.ItemDataRole.ToolTipRole)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.answer and event.type() == QEvent.Type.LanguageChange:
            self._retranslate_choices()
        return False

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
        net, mode = self.session.shown_predictor.net, self.session.why_mode
        self.answer.show_why_working()  # it may wait behind other work (the top images' index) for a second
        if mode.startswith(CLASS_MAP_MODE):
            task = self.tasks.start("explain", class_map_work, net, request, mode[len(CLASS_MAP_MODE):])
        else:
            task = self.tasks.start("explain", explain_work, net, request)
        task.succeeded.connect(lambda attribution: self.session.show_why(request, attribution))
        task.failed.connect(self.answer.show_why_failed)

    def _on_why(self, attribution, request: WhyRequest | None) -> None:
        if attribution is None:
            self.refresh()
            return
        signed = attribution.versus is not None
        class_map_shown = (self.session.why_mode or "").startswith(CLASS_MAP_MODE)
        image = attribution_qimage(attribution.values, signed, smooth=class_map_shown)
        self.answer.preview.set_overlay(image)
        placement = request.reading.placement
        if placement is not None:
            (x0, y0), (x1, y1) = placement.to_canvas(np.array([[0.0, 0.0], [28.0, 28.0]]))
            self.canvas.set_heatmap(image, QRectF(x0, y0, x1 - x0, y1 - y0))
        mode = self.session.why_mode or ""
        layer = mode[len(CLASS_MAP_MODE):]
        net = self.session.shown_predictor.net if self.session.shown_predictor is not None else None
        method = METHOD
        if mode.startswith(CLASS_MAP_MODE) and net:
            name = method_name(default_method(net, layer))

            def method() -> str:  # worded again if the language changes
                return self.tr("{method} on {layer} (where that layer's features speak for the digit)").format(
                    method=name, layer=layer)
        self.answer.show_why(attribution.target, attribution.versus, method)
        self.shown.emit(attribution)
