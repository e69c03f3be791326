"""Which unit is being explained, kept up to date as the drawing (or the network being trained)
changes, with its inputs marked where they come from."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QRectF

from digitpad.app.common.session_signals import SessionSignals
from digitpad.app.network.feature_maps import FeatureMapsPanel
from digitpad.app.pad.prediction_view import InputPreview
from digitpad.model.network.explain import Step, explain_unit
from digitpad.model.network.places import same_place


class ExplainController(QObject):
    """Opens, moves and closes the explanation of one unit."""

    def __init__(self, signals: SessionSignals, panel: FeatureMapsPanel, preview: InputPreview,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.panel, self.preview = signals.session, panel, preview
        self.view = panel.explanation
        self.unit: tuple[str, tuple[int, int] | None, int] | None = None  # layer, (row, column), map or unit
        self.input_channel: int | None = None
        self.step: Step | None = None
        # Whose units are explained: None, the pad's network; else a second network read beside it.
        self.network = None
        panel.unitRequested.connect(lambda layer, row, column, channel: self.explain(layer, (row, column), channel))
        signals.readingChanged.connect(lambda reading: self.refresh())
        self.view.moveRequested.connect(self.move)
        self.view.layerRequested.connect(self.step_layer)
        self.view.closeRequested.connect(self.close)
        self.view.inputChannelChosen.connect(self._choose_input_channel)

    def explain(self, layer: str, at: tuple[int, int] | None, channel: int | None) -> None:
        """Explain a unit of ``layer`` (``at`` is ignored for layers of units); without ``channel``, the
        unit that responds most strongly."""
        self.unit, self.input_channel = (layer, at, channel), None
        self.refresh()
        if self.step is not None:
            self.view.show()
            self.view.setFocus()
            self.panel.pane.verticalScrollBar().setValue(0)  # the explanation from its title, below the map

    def refresh(self) -> None:
        """Compute the unit again for what the pad shows now (a new stroke, a network that learned)."""
        prediction = self.session.reading.prediction
        predictor = self.network or self.session.shown_predictor
        if self.unit is None or predictor is None or prediction.tensor is None:
            self._clear_marks()
            self.view.hide()
            self.step = None
            return
        layer, at, channel = self.unit
        net = predictor.net
        if not any(item.name == layer for item in net.layers):
            self.close()
            return
        if not _has_unit(net, layer, at, channel):  # another model, whose layer has no such map (20 of 6): close
            self.close()
            return
        self.step = explain_unit(net, prediction.tensor, layer, at, channel)
        self.view.vector_source = self._vector_source(self.step)
        self.view.chart_probabilities = prediction.probabilities if self.network is None else None
        self.unit = (layer, self.step.at, self.step.channel)  # the strongest unit, once chosen, stays
        self.view.show_step(self.step, self.input_channel)
        self.panel.show_unit(layer, self.step.at, self.step.channel)
        self._mark_inputs(self.step)

    def move(self, rows: int, columns: int) -> None:
        """Arrow keys: the neighbouring pixel of a map, or the next unit of a layer of units."""
        if self.step is None:
            return
        step = self.step
        if step.at is None:
            count = len(step.logits) if step.kind == "Output" else self._units(step.layer)
            self.unit = (step.layer, None, (step.channel + columns + rows) % count)
        else:
            height, width = self._map_size(step)
            row = min(max(step.at[0] + rows, 0), height - 1)
            column = min(max(step.at[1] + columns, 0), width - 1)
            self.unit = (step.layer, (row, column), step.channel)
        self.refresh()

    def step_layer(self, step: int) -> None:
        """Page Up, Page Down: the layer before or after, at the same place in the image (a layer of
        units: its strongest unit)."""
        if self.step is None:
            return
        names = [row.name for row in self.panel.rows]
        index = names.index(self.step.layer) + step
        if not 0 <= index < len(names):
            return
        predictor, tensor = self.session.shown_predictor, self.session.reading.prediction.tensor
        at, channel = None, None
        layers = {item.name for item in predictor.net.layers} if predictor is not None else set()
        if {names[index], self.step.layer} <= layers and tensor is not None:
            at, channel = same_place(predictor.net, tensor, self.step.layer, self.step.at, self.step.channel,
                                     names[index])
        self.explain(names[index], at, channel)

    def _vector_source(self, step: Step) -> tuple[str, tuple[int, int, int]] | None:
        """The maps a dense layer's inputs were flattened from, when its input is a Flatten of maps."""
        names = [row.name for row in self.panel.rows]
        if step.kind != "Dense" or step.input_layer not in names:
            return None
        index = names.index(step.input_layer)
        if self.panel.rows[index].kind != "Flatten" or index == 0 or len(self.panel.rows[index - 1].shape) != 3:
            return None
        before = self.panel.rows[index - 1]
        return before.name, tuple(before.shape)

    def close(self) -> None:
        self.unit, self.step = None, None
        self._clear_marks()
        self.view.hide()

    def _choose_input_channel(self, channel: int) -> None:
        self.input_channel = channel
        self.refresh()

    def _mark_inputs(self, step: Step) -> None:
        """Where the unit's inputs are: the patch on the input maps (or on the 28×28 preview), the pooling
        window, the whole map a global pooling averages, the cell a Flatten value or an elementwise layer
        (BatchNormalization, Dropout, Activation) reads.  A window reaching into the padding is outlined
        where it overlaps the input."""
        self._clear_marks()
        if step.kind in ("Conv2D", "MaxPooling2D", "AveragePooling2D"):
            (top, left), size = self._inside(step)
            if step.kind == "Conv2D" and step.input_layer is None:
                self.preview.set_highlight(QRectF(left, top, size[1], size[0]))
            elif step.kind == "Conv2D":
                self.panel.mark(step.input_layer, (top, left, _square(size), None))
            else:
                self.panel.mark(step.input_layer, (top, left, _square(size), step.channel))
        elif step.kind == "GlobalAveragePooling2D":
            self.panel.mark(step.input_layer, (0, 0, step.inputs.shape, step.channel))
        elif step.kind in ("Flatten", "BatchNormalization", "Dropout", "Activation"):
            row, column = step.at if step.at is not None else (0, 0)
            if step.input_layer is None:
                self.preview.set_highlight(QRectF(column, row, 1, 1))
            else:
                self.panel.mark(step.input_layer, (row, column, 1, step.channel))

    def _inside(self, step: Step) -> tuple[tuple[int, int], tuple[int, int]]:
        """The part of a window that lies in its input: top-left and (rows, columns)."""
        rows, columns = np.nonzero(~step.padded)
        return (step.origin[0] + int(rows.min()), step.origin[1] + int(columns.min())), \
            (int(rows.max() - rows.min()) + 1, int(columns.max() - columns.min()) + 1)

    def _clear_marks(self) -> None:
        self.panel.mark(None, None)
        self.preview.set_highlight(None)

    def _units(self, layer: str) -> int:
        return self.panel.row(layer).shape[-1]

    def _map_size(self, step: Step) -> tuple[int, int]:
        if step.kind == "Flatten":
            return step.map_shape[:2]
        shape = self.panel.row(step.layer).shape
        return shape[0], shape[1]


def _square(size: tuple[int, int]):
    """A mark's size: one number for a square (as the seed's 3×3 and 2×2 windows are), else (rows, columns)."""
    return size[0] if size[0] == size[1] else size


def _has_unit(net, layer_name: str, at: tuple[int, int] | None, channel: int | None) -> bool:
    """Whether ``layer_name`` of ``net`` has map or unit ``channel`` and, for a map, the place ``at``."""
    shape = next(layer.output_shape for layer in net.layers if layer.name == layer_name)
    if channel is not None and not 0 <= channel < shape[-1]:
        return False
    return at is None or len(shape) != 3 or (0 <= at[0] < shape[0] and 0 <= at[1] < shape[1])

