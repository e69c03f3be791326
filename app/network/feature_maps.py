"""The Network tab: the live version of the seed notebook's ``model.summary()``.

Each layer is a row (``app/layer_row.py``): its name, type, output shape and parameter count, a
card that says what it does with its arithmetic, and a grid of its maps coloured 0 → the layer's
largest activation.  Clicking a map enlarges it with its filter's kernels (``app/map_detail.py``);
the pixel clicked is explained below it (``app/explain_view.py``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from digitpad.app.common.language import Retranslatable
from digitpad.app.network.explain_view import ExplanationView
from digitpad.app.network.layer_row import LayerRow
from digitpad.app.network.map_detail import MapDetail
from digitpad.app.network.mosaic import ColourBar
from digitpad.model.network.explain import LayerFacts


class FeatureMapsPanel(Retranslatable, QScrollArea):
    """Every layer's activations for the current drawing, updated with each prediction.  A click on a
    pixel of a map (or on a unit) asks for its explanation: ``unitRequested(layer, row, column, map)``."""

    unitRequested = Signal(str, int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("featureMaps")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._content = QWidget()
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self.setWidget(self._content)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self._layout.addWidget(self.legend)
        scale_row = QHBoxLayout()
        scale_row.addWidget(QLabel("0"))
        scale_row.addWidget(ColourBar(), 1)
        self.scale_top = QLabel()
        scale_row.addWidget(self.scale_top)
        self._layout.addLayout(scale_row)
        self.rows: list[LayerRow] = []
        self.detail = MapDetail()
        self.explanation = ExplanationView()
        self.explanation.hide()
        self._unit_point = None  # where the unit being explained is, in the content's pixels
        self.pane = _Pane(self, [self.explanation, self.detail], self._reveal_unit)
        self._activations: list[np.ndarray] | None = None
        self._kernels = None
        self._facts: list[LayerFacts] = []
        self._total_formula = ""
        self._selected: tuple[int, int] | None = None
        self._layout.addStretch(1)
        self.retranslate()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.pane.place()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("The network's layers and feature maps"))
        self.scale_top.setText(self.tr("layer max"))
        if not self._facts:
            self.legend.setText(self.tr("Loading the network…"))
            return
        total = sum(fact.parameters for fact in self._facts)
        self.legend.setText(self.tr(
            "%n layer(s), {parameters} parameters ({formula}). Each square is one feature map: bright where the "
            "layer responds. Click a pixel of a map, or a unit, to see how its number is computed.", "",
            len(self._facts)).format(parameters=QLocale().toString(total), formula=self._total_formula))

    def set_model(self, facts: list[LayerFacts], kernel_lookup, total_formula: str = "") -> None:
        """One row per layer, Flatten included; ``kernel_lookup(name)`` gives a convolution's kernels.
        A model of the same layers (a retrained one) keeps the rows and the selected map."""
        self._kernels = kernel_lookup
        self._total_formula = total_formula
        if [(f.name, f.kind, f.output_shape) for f in facts] == [(f.name, f.kind, f.output_shape)
                                                                  for f in self._facts]:
            self._facts = list(facts)
            self._refresh_detail()
            return
        self._facts = list(facts)
        for row in self.rows:
            row.setParent(None)
        self.rows = []
        self._selected = None
        self._activations = None  # the last model's: a map chosen before the next reading must not index them
        self.explanation.hide()
        self.retranslate()
        stretch_at = self._layout.count() - 1
        for index, fact in enumerate(facts):
            row = LayerRow(index, fact)
            row.view.mapClicked.connect(lambda channel, i=index: self.select(i, channel))
            row.view.unitClicked.connect(lambda channel, r, c, i=index: self._unit_clicked(i, channel, r, c))
            self._layout.insertWidget(stretch_at + index, row)
            self.rows.append(row)
        self.detail.hide()  # until a map is chosen

    def set_activations(self, activations: list[np.ndarray] | None, image: np.ndarray | None = None) -> None:
        """The shown layers' activations (every layer but Flatten, whose values are its input's: the
        28×28 ``image`` itself when Flatten comes first, as in the book's dense network)."""
        self._activations = None if activations is None else self._with_flatten(activations, image)
        for index, row in enumerate(self.rows):
            if self._activations is None:
                row.clear()
            else:
                row.set_activation(self._activations[index])
        self._refresh_detail()

    def _with_flatten(self, activations: list[np.ndarray], image: np.ndarray | None) -> list[np.ndarray]:
        every, shown = [], iter(activations)
        first_input = np.zeros(28 * 28, np.float32) if image is None else np.asarray(image, np.float32)
        for fact in self._facts:
            if fact.kind == "Flatten":
                every.append((every[-1] if every else first_input).reshape(-1))
            else:
                every.append(next(shown))
        return every

    def row(self, name: str) -> LayerRow:
        return next(row for row in self.rows if row.name == name)

    def select(self, layer_index: int, channel: int) -> None:
        """Enlarge map ``channel`` of a layer (with its kernels)."""
        for index, row in enumerate(self.rows):
            row.view.selected = channel if index == layer_index else None
            row.view.unit = None
            row.view.update()
        self._selected = (layer_index, channel)
        self.detail.set_unit(None)
        view = self.rows[layer_index].view  # the chosen map stays in view above its enlargement
        self._unit_point = view.mapTo(self._content, view.cell_centre(min(channel, view.channels - 1)))
        self._refresh_detail()
        self._reveal_unit()

    def show_unit(self, layer: str, at: tuple[int, int] | None, channel: int) -> None:
        """Mark the unit being explained (its map selected, its pixel outlined)."""
        index = next(i for i, row in enumerate(self.rows) if row.name == layer)
        if self.rows[index].kind == "Flatten":  # a unit of Flatten is a cell of the vector
            flat = (at[0] * self.rows[index - 1].shape[1] + at[1]) * self.rows[index - 1].shape[2] + channel
            channel, at = flat, None
        if self._selected != (index, channel):
            self.select(index, channel)
        self.rows[index].view.unit = at
        self.rows[index].view.update()
        self.detail.set_unit(at)  # on the enlarged map too, where it can be seen
        view = self.rows[index].view  # the clicked map stays in view above the explanation
        self._unit_point = view.mapTo(self._content, view.pixel_centre(channel, *at) if at is not None else
                                      view.cell_centre(min(channel, view.channels - 1)))
        self.pane.place()
        self._reveal_unit()

    def _reveal_unit(self) -> None:
        if self._unit_point is not None:
            self.ensureVisible(self._unit_point.x(), self._unit_point.y(), 40, 40)

    def mark(self, layer: str | None, mark: tuple[int, int, int, int | None] | None) -> None:
        """Outline where an explanation's inputs come from on ``layer``'s maps (None: no mark anywhere)."""
        for row in self.rows:
            row.view.set_mark(mark if row.name == layer else None)

    def _unit_clicked(self, layer_index: int, channel: int, row: int, column: int) -> None:
        layer = self.rows[layer_index]
        if layer.kind == "Flatten":  # back from the vector to the cell of the maps it came from
            row, column, channel = (int(i) for i in np.unravel_index(channel, self.rows[layer_index - 1].shape))
        self.unitRequested.emit(layer.name, row, column, channel)

    def _refresh_detail(self) -> None:
        selected = self._selected
        if selected is None or not self.rows:
            return
        layer_index, channel = selected
        row = self.rows[layer_index]
        values = None
        if self._activations is not None:
            activation = self._activations[layer_index]
            values = activation[..., channel] if activation.ndim == 3 else activation[channel]
        kernels = self._kernels(row.name) if self._kernels else None
        self.detail.show_map(row.name, row.kind, channel, values, kernels, row.facts.pool or 2)
        self.detail.setVisible(len(row.shape) == 3)  # a unit has no map to enlarge: its explanation says all


class _Pane(QScrollArea):
    """The enlarged map and the explanation, below the layers and outside their scrolling (issue 29): the
    map that was clicked and its explanation stay in view together.  It sits in a viewport margin of the
    panel, shown while either of its widgets is."""

    SHARE = 0.5  # of the panel's height

    def __init__(self, panel: QScrollArea, widgets: list[QWidget], placed) -> None:
        super().__init__(panel)
        self.placed = placed  # called when the pane has taken its room: the panel shows its unit again
        self.setObjectName("explanationPane")
        self.panel = panel
        self.setWidgetResizable(True)
        # A 3×3 patch, ×, and its kernel side by side need about 320 px, what the pane has in a 1024 px window;
        # wider patches (5×5, 7×7) scroll sideways rather than lose the kernel's last column.
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("#explanationPane { border-top: 2px solid #c8c8c8; }")
        self.widgets = widgets
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 6, 4, 8)
        for widget in widgets:
            layout.addWidget(widget)
            widget.installEventFilter(self)
        layout.addStretch(1)
        self.setWidget(content)
        self.hide()

    def eventFilter(self, watched, event) -> bool:
        # ShowToParent, not Show: a widget shown inside the hidden pane gets no Show event.
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.place()
        return False

    def place(self) -> None:
        """Show the pane below the layers when there is something in it, else give the layers all the room."""
        wanted = any(not widget.isHidden() for widget in self.widgets)
        height = max(180, int(self.panel.height() * self.SHARE)) if wanted else 0
        changed = self.panel.viewportMargins().bottom() != height
        self.panel.setViewportMargins(0, 0, 0, height)
        self.setVisible(wanted)
        if wanted:
            self.setGeometry(0, self.panel.height() - height, self.panel.width(), height)
            self.raise_()
        if changed:
            self.placed()
