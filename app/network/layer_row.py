"""A layer's row in the Network tab: the ``model.summary()`` line, a card in the seed notebook's spirit
(what the layer does, its shape and parameter arithmetic), and its maps."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from digitpad.app.common.language import Retranslatable
from digitpad.app.network.mosaic import MosaicView, mosaic
from digitpad.model.network.explain import LayerFacts


class LayerRow(Retranslatable, QFrame):
    """A layer's header (the ``model.summary()`` row) and its maps."""

    def __init__(self, index: int, facts: LayerFacts) -> None:
        super().__init__()
        self.index, self.facts = index, facts
        self.name, self.kind, self.shape, self.parameters = facts.name, facts.kind, facts.output_shape, facts.parameters
        self._top: float | None = None  # the largest activation shown (the largest magnitude, if signed)
        self._signed = False  # negative values in the maps: coloured blue to red, ±top
        channels = self.shape[-1]
        side = (self.shape[0], self.shape[1]) if len(self.shape) == 3 else 1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        self.title = QLabel()
        self.title.setMinimumWidth(10)
        self.title.setWordWrap(True)  # two lines rather than clipped in a narrow panel
        self.range_label = QLabel("")
        self.range_label.setStyleSheet("color:#888")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.range_label)
        layout.addLayout(header)
        self.card = QLabel()
        self.card.setObjectName(f"layerCard-{self.name}")
        self.card.setWordWrap(True)
        self.card.setTextFormat(Qt.TextFormat.RichText)
        self.card.setStyleSheet("color:#555")
        layout.addWidget(self.card)
        self.view = MosaicView(channels, side)
        layout.addWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        shape_text = " × ".join(str(s) for s in self.shape)
        summary = self.tr("{kind} · {shape} · %Ln param(s)", "", self.parameters).format(
            kind=self.kind_text(), shape=shape_text)
        self.title.setText(f"<b>{self.name}</b> <span style='color:#888'>{summary}</span>")
        self.title.setToolTip(
            self.tr("Layer name, type, output shape (height × width × maps) and trainable parameters"))
        self.range_label.setToolTip(self.tr("The largest activation in this layer: the brightest colour"))
        self.range_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._fit_range_label(self._range_text(88888.88))
        channels = self.shape[-1]
        if len(self.shape) == 3:
            tip = self.tr("%n map(s) of {layer}; click one to enlarge it", "", channels)
        else:
            tip = self.tr("%n unit(s) of {layer}; click one to enlarge it", "", channels)
        self.view.setToolTip(tip.format(layer=self.name))
        self.view.setAccessibleName(self.tr("Maps of {layer}").format(layer=self.name))
        self.card.setText(self.card_text())
        self._show_range()

    def card_text(self) -> str:
        """What the layer does, in two or three plain sentences, then its arithmetic."""
        facts = self.facts
        what = self._what()
        if facts.kind in ("Conv2D", "MaxPooling2D", "AveragePooling2D"):
            if facts.strides != (facts.kernel or (facts.pool, facts.pool))[0] and facts.strides > 1:
                what += " " + self.tr("Stride {stride}: the window moves {stride} pixels at a time.").format(
                    stride=facts.strides)
            if facts.padding == "same":
                what += " " + self.tr("Padding “same” adds zeros around the input, so that the maps keep "
                                      "⌈size / stride⌉ positions.")
        arithmetic = self.tr("Shape: {shape} · Parameters: {parameters}").format(
            shape=facts.shape_formula, parameters=facts.parameter_formula)
        return f"{what}<br><span style='color:#777'>{arithmetic}</span>"

    def _what(self) -> str:
        facts = self.facts
        kind = facts.kind
        if kind == "Conv2D":
            rows, cols = facts.kernel
            return self.tr(
                "A convolution: a {rows}×{cols} window slides over the input. At every position the "
                "{rows}×{cols}×{depth} patch is multiplied with each of the {filters} kernels and summed, one "
                "number per filter; the numbers of one filter form its response map.").format(
                rows=rows, cols=cols, depth=facts.input_shape[-1], filters=facts.output_shape[-1]) \
                + self._activation_sentence()
        if kind == "MaxPooling2D":
            return self.tr("Max pooling keeps the largest value of each {size}×{size} window: the maps keep their "
                           "number and shrink. It has no weights.").format(size=facts.pool)
        if kind == "AveragePooling2D":
            return self.tr("Average pooling replaces each {size}×{size} window by its mean: the maps keep their "
                           "number and shrink. It has no weights.").format(size=facts.pool)
        if kind == "GlobalAveragePooling2D":
            return self.tr("Global average pooling replaces each whole map by its mean: one number per map. It has "
                           "no weights.")
        if kind == "Flatten":
            return self.tr("Flatten lays the maps out as one vector, row by row, for the dense layers. It only "
                           "reorders: no weights.")
        if kind == "BatchNormalization":
            return self.tr("Batch normalization rescales each channel with numbers stored in training: (x − mean) / "
                           "√(variance + ε) · γ + β. The shape stays the same.")
        if kind == "Dropout":
            return self.tr("Dropout passes values unchanged when predicting; during training it zeroes a fraction "
                           "{rate} of them and scales the rest. It has no weights.").format(
                rate=QLocale().toString(facts.rate, "g", 3))
        if facts.is_output and kind == "Activation":
            return self.tr("The output: softmax turns the ten numbers of the layer before into the probabilities of "
                           "the drawing as drawn (the chart's while the pen moves).")
        if kind == "Activation":
            return self.tr("An activation layer: every value goes through {activation}; the shape stays the same. "
                           "It has no weights.").format(activation=facts.activation)
        if facts.is_output and facts.activation == "softmax":
            return self.tr("The output: a fully connected layer gives one number (a logit) per digit, and softmax "
                           "turns the ten into the probabilities of the drawing as drawn (the chart's while the pen "
                           "moves).")
        if facts.activation == "relu":
            return self.tr("A fully connected layer: each of its {units} units multiplies every input by a weight "
                           "of its own, adds them and a bias, then ReLU keeps what is above zero.").format(
                units=facts.output_shape[-1])
        return self.tr("A fully connected layer: each of its {units} units multiplies every input by a weight of its "
                       "own and adds them (and a bias).").format(units=facts.output_shape[-1]) \
            + self._activation_sentence()

    def _activation_sentence(self) -> str:
        activation = self.facts.activation
        if activation == "tanh":
            return " " + self.tr("Then tanh squashes each number into −1…1.")
        if activation == "sigmoid":
            return " " + self.tr("Then the sigmoid squashes each number into 0…1.")
        return ""  # ReLU (the seed's convolutions) is said where a unit is explained

    def kind_text(self) -> str:
        """The layer's type as people read it (Keras' class name in English); unknown kinds as Keras names them."""
        names = {
            "Conv2D": self.tr("Conv2D", "layer type: a convolution layer"),
            "MaxPooling2D": self.tr("MaxPooling2D", "layer type: max pooling"),
            "AveragePooling2D": self.tr("AveragePooling2D", "layer type: average pooling"),
            "GlobalAveragePooling2D": self.tr("GlobalAveragePooling2D", "layer type: the mean of each whole map"),
            "Dense": self.tr("Dense", "layer type: a fully connected layer"),
            "Flatten": self.tr("Flatten", "layer type: turns the maps into one vector"),
            "Dropout": self.tr("Dropout", "layer type: zeroes random values in training"),
            "BatchNormalization": self.tr("BatchNormalization", "layer type: rescales with stored statistics"),
            "Activation": self.tr("Activation", "layer type: applies an activation function"),
        }
        return names.get(self.kind, self.kind)

    def set_activation(self, activation: np.ndarray) -> None:
        image, _, _ = mosaic(activation)
        # tanh, linear and BatchNormalization layers give negative numbers too: those are shown signed
        # (blue negative, red positive), or half of what the layer says would be black.
        self._signed = bool(image.size) and float(np.nanmin(image)) < 0
        top = float(np.nanmax(np.abs(image) if self._signed else image)) if image.size else 0.0
        self.view.set_values(image, top if self.kind != "Dense" or top > 0 else 1.0, signed=self._signed)
        self._top = top
        self._show_range()

    def clear(self) -> None:
        self.view.image = QImage()
        self.view.update()
        self._top = None
        self._show_range()

    def _show_range(self) -> None:
        if self._top is None:
            self.range_label.setText("")
        else:
            text = self._range_text(self._top)
            self._fit_range_label(text)
            self.range_label.setText(text)

    def _fit_range_label(self, text: str) -> None:
        """A fixed size that only grows: a label whose size can change asks the whole window for a new
        layout whenever its text does, which is at every reading while the pen moves."""
        metrics = self.range_label.fontMetrics()
        width = max(self.range_label.minimumWidth(), metrics.horizontalAdvance(text) + 4)
        if (width, metrics.height()) != (self.range_label.width(), self.range_label.height()):
            self.range_label.setFixedSize(width, metrics.height())

    def _range_text(self, top: float) -> str:
        if self._signed:
            return self.tr("±{value} (blue < 0 < red)").format(value=QLocale().toString(top, "f", 2))
        return self.tr("max {value}").format(value=QLocale().toString(top, "f", 2))
