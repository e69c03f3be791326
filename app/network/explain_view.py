"""The arithmetic behind one number of the network, shown the way the seed notebook explains it.

A convolution: the input patch (grey where it reaches into the zeros of "same" padding), the kernel,
their elementwise products, the sum plus the bias, the activation, where the patch starts (stride and
padding), and the sum split by input channel, largest first.  Pooling: the window (max: its winner;
average: its mean; overlapping windows and padding said in words).  Global average pooling: the mean
of a whole map.  Flatten: where a value goes in the long vector.  A dense unit: its largest inputs ×
weights, the sum plus the bias, the activation.  BatchNormalization, Dropout and Activation layers:
the formula with the stored numbers.  The output: logits, exponentials, their sum, and the division
that gives the chart's probabilities.  Every number comes from ``model.network.explain``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from digitpad.app.common.formats import probability_percent
from digitpad.app.common.language import Retranslatable
from digitpad.app.network.number_grid import ContributionBars, NumberGrid, number
from digitpad.app.network.top_images import TopImagesView
from digitpad.model.network.explain import Step

# Inputs of a dense unit (or channels of a convolution) listed, largest share of the sum first.
SHOWN_CONTRIBUTIONS = 10


class ExplanationView(Retranslatable, QFrame):
    """The explanation of one unit.  Arrow keys move to the next unit, Page Up and Page Down to the layer
    before or after, and Esc closes it; all go out as requests (``moveRequested(rows, columns)``,
    ``layerRequested(step)``, ``closeRequested``), and a convolution's input channel chosen in its list
    as ``inputChannelChosen``."""

    moveRequested = Signal(int, int)
    layerRequested = Signal(int)  # -1: the layer before, +1: the layer after
    closeRequested = Signal()
    inputChannelChosen = Signal(int)
    unitShown = Signal(str, int)  # a unit without maps (dense, output) shown: its top images are wanted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("explanation")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.step: Step | None = None
        # The maps a dense layer's input vector was flattened from (name, (rows, columns, maps)), set by
        # the controller: an input's index then says where on those maps it comes from.
        self.vector_source: tuple[str, tuple[int, int, int]] | None = None
        # The chart's probabilities beside the network explained (seven readings together after pen-up), if any.
        self.chart_probabilities: np.ndarray | None = None
        self.input_channel = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)  # a 3×3 patch × kernel fits the pane of a 1024 px window
        self.title = QLabel()
        self.title.setObjectName("explanationTitle")
        self.title.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#777")
        # One page per kind of layer; only the one shown takes room (a QStackedWidget would be as tall as
        # the tallest page, leaving a pooling window in a sea of space).
        self.pages = QWidget()
        self._pages_layout = QVBoxLayout(self.pages)
        self._pages_layout.setContentsMargins(0, 0, 0, 0)
        self._build_convolution_page()
        self._build_pooling_page()
        self._build_text_page()
        self._build_dense_page()
        self._build_output_page()
        self._build_formula_page()
        layout.addWidget(self.title)
        layout.addWidget(self.pages)
        layout.addWidget(self.hint)
        # A dense unit's or a digit's top images; a map's are in the map detail above.
        self.top_images = TopImagesView()
        self.top_images.hide()
        layout.addWidget(self.top_images)
        self.retranslate()

    # --- pages ----------------------------------------------------------------------------

    def _build_convolution_page(self) -> None:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        # patch × kernel on one line, = products under the kernel on the next: narrow enough for the side pane
        # of a 1024 px window, which would otherwise scroll sideways and hide the kernel's last column.
        self.patch_grid, self.kernel_grid, self.product_grid = NumberGrid(), NumberGrid(), NumberGrid()
        self.patch_caption, self.kernel_caption, self.product_caption = QLabel(), QLabel(), QLabel()
        for row, column, view, caption in ((0, 0, self.patch_grid, self.patch_caption),
                                           (0, 2, self.kernel_grid, self.kernel_caption),
                                           (2, 2, self.product_grid, self.product_caption)):
            caption.setWordWrap(True)
            grid.addWidget(view, row, column, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(caption, row + 1, column, Qt.AlignmentFlag.AlignTop)
        for row, column, operator in ((0, 1, "×"), (2, 1, "=")):
            sign = QLabel(operator)
            sign.setStyleSheet("font-size:16pt; color:#555")
            grid.addWidget(sign, row, column, Qt.AlignmentFlag.AlignCenter)
        self.convolution_sum = QLabel()
        self.convolution_sum.setObjectName("convolutionSum")
        self.convolution_sum.setWordWrap(True)
        self.convolution_sum.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(self.convolution_sum, 4, 0, 1, 4)
        self.channels_caption = QLabel()
        self.channels_caption.setWordWrap(True)
        grid.addWidget(self.channels_caption, 5, 0, 1, 4)
        self.channel_bars = ContributionBars()
        self.channel_bars.setObjectName("channelContributions")
        self.channel_bars.chosen.connect(self.inputChannelChosen.emit)
        grid.addWidget(self.channel_bars, 6, 0, 1, 4)
        self.convolution_place = QLabel()  # where the patch starts: stride and padding
        self.convolution_place.setObjectName("convolutionPlace")
        self.convolution_place.setWordWrap(True)
        grid.addWidget(self.convolution_place, 7, 0, 1, 4)
        grid.setColumnStretch(3, 1)
        self._add_page(page)

    def _build_pooling_page(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.window_grid = NumberGrid()
        self.pooling_text = QLabel()
        self.pooling_text.setWordWrap(True)
        layout.addWidget(self.window_grid)
        layout.addWidget(self.pooling_text)
        self._add_page(page)

    def _build_text_page(self) -> None:
        self.flatten_text = QLabel()
        self.flatten_text.setWordWrap(True)
        self.flatten_text.setTextFormat(Qt.TextFormat.RichText)
        self._add_page(self.flatten_text)

    def _build_dense_page(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.dense_caption = QLabel()
        self.dense_caption.setWordWrap(True)
        self.dense_bars = ContributionBars()
        self.dense_bars.setObjectName("denseContributions")
        self.dense_sum = QLabel()
        self.dense_sum.setObjectName("denseSum")
        self.dense_sum.setWordWrap(True)
        self.dense_sum.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.dense_caption)
        layout.addWidget(self.dense_bars)
        layout.addWidget(self.dense_sum)
        self._add_page(page)

    def _build_output_page(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.output_table = QTableWidget(10, 4)
        self.output_table.setTabKeyNavigation(False)  # Tab moves on to the next control, not the next cell
        self.output_table.setObjectName("softmaxTable")
        self.output_table.verticalHeader().setVisible(False)
        self.output_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.output_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.output_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        # Every column stretches: the table fills its width whatever the language's headers are (issue 29).
        self.output_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # ... but exp(z − max) is the widest header and keeps it whole in a narrow pane.
        self.output_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.output_table.setFixedHeight(11 * (self.fontMetrics().height() + 6) + 8)
        self.output_sum = QLabel()
        self.output_sum.setObjectName("softmaxSum")
        self.output_sum.setWordWrap(True)
        self.output_sum.setTextFormat(Qt.TextFormat.RichText)
        self.output_logit = QLabel()
        self.output_logit.setObjectName("logitSum")
        self.output_logit.setWordWrap(True)
        self.output_logit.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.output_logit)
        layout.addWidget(self.output_table)
        layout.addWidget(self.output_sum)
        self._add_page(page)

    def _build_formula_page(self) -> None:
        """BatchNormalization, Dropout and Activation layers: one formula with the unit's numbers."""
        self.formula_text = QLabel()
        self.formula_text.setObjectName("formulaText")
        self.formula_text.setWordWrap(True)
        self.formula_text.setTextFormat(Qt.TextFormat.RichText)
        self._add_page(self.formula_text)

    def _add_page(self, page: QWidget) -> None:
        self._pages_layout.addWidget(page)
        page.hide()

    def _show_page(self, index: int) -> None:
        for position in range(self._pages_layout.count()):
            self._pages_layout.itemAt(position).widget().setVisible(position == index)

    # --- showing a step ------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Explanation of one unit"))
        self.hint.setText(self.tr("Arrow keys: the next unit · Page Up, Page Down: the layer before, after · "
                                  "Esc: close"))
        self.output_table.setHorizontalHeaderLabels(
            [self.tr("digit"), self.tr("logit z"), self.tr("exp(z − max)"), self.tr("probability")])
        if self.step is not None:
            self.show_step(self.step, self.input_channel)

    def show_step(self, step: Step, input_channel: int | None = None) -> None:
        """Show ``step``; of a convolution, the patch and kernel of ``input_channel`` (by default the
        channel that adds most to the sum)."""
        self.step = step
        show = {"Conv2D": self._show_convolution, "MaxPooling2D": self._show_pooling,
                "AveragePooling2D": self._show_pooling, "GlobalAveragePooling2D": self._show_global_pooling,
                "Flatten": self._show_flatten, "Dense": self._show_dense, "Output": self._show_output,
                "BatchNormalization": self._show_formula, "Dropout": self._show_formula,
                "Activation": self._show_formula}[step.kind]
        show(step, input_channel)
        self.top_images.setVisible(step.at is None and step.kind in ("Dense", "Output"))
        if self.top_images.isVisibleTo(self) and (step.layer, step.channel) != (self.top_images.layer,
                                                                                self.top_images.channel):
            self.unitShown.emit(step.layer, step.channel)

    def _where(self, step: Step) -> str:
        return self.tr("row {row}, column {column}").format(row=step.at[0], column=step.at[1])

    def _input_name(self, step: Step) -> str:
        return step.input_layer or self.tr("the 28×28 image")

    def _show_convolution(self, step: Step, input_channel: int | None) -> None:
        contributions = step.channel_contributions()
        channels = len(contributions)
        if input_channel is None or not 0 <= input_channel < channels:
            input_channel = int(np.argmax(np.abs(contributions)))
        self.input_channel = input_channel
        self.title.setText(self.tr("<b>{layer}</b> · map {channel} · {where}: <b>{value}</b>").format(
            layer=step.layer, channel=step.channel, where=self._where(step), value=number(step.value, 4)))
        patch = step.inputs[:, :, input_channel]
        kernel = step.weights[:, :, input_channel]
        self.patch_grid.set_values(patch, signed=bool((patch < 0).any()), padded=step.padded)
        self.kernel_grid.set_values(kernel, signed=True)
        self.product_grid.set_values(patch * kernel, signed=True)
        source = self._input_name(step) if channels == 1 else self.tr("{layer}, map {channel}").format(
            layer=self._input_name(step), channel=input_channel)
        self.patch_caption.setText(self.tr("input patch\n({source})").format(source=source))
        self.kernel_caption.setText(self.tr("kernel\n(filter {filter}, input {channel})").format(
            filter=step.channel, channel=input_channel))
        self.product_caption.setText(self.tr("products\n(sum {total})").format(
            total=number(float((patch * kernel).sum()), 3)))
        relu = self._activation_text(step)
        if channels == 1:
            text = self.tr("Σ of the products = {products}; + bias {bias} = {total}")
        else:
            text = self.tr("Σ of the products over all {count} input maps = {products}; + bias {bias} = {total}")
        self.convolution_sum.setText(text.format(count=channels, products=number(float(contributions.sum()), 4),
                                                 bias=number(step.bias, 4), total=number(step.total, 4)) + relu)
        self.channels_caption.setVisible(channels > 1)
        self.channel_bars.setVisible(channels > 1)
        if channels > 1:
            order = np.argsort(-np.abs(contributions))[:SHOWN_CONTRIBUTIONS]
            self.channels_caption.setText(self.tr(
                "The sum, map by map: these {shown} of the {count} input maps add most. Click one to see its "
                "patch and kernel.").format(shown=len(order), count=channels))
            label = self.tr("{layer} map {channel}")
            self.channel_bars.set_items([(int(c), label.format(layer=self._input_name(step), channel=int(c)),
                                          float(contributions[c])) for c in order], selected=input_channel)
        self.convolution_place.setText(self._place_text(step))
        self.convolution_place.setVisible(step.strides > 1 or step.padding == "same")
        self._show_page(0)

    def _activation_text(self, step: Step) -> str:
        """What follows the sum: the activation with its formula, and the unit's value."""
        value = number(step.value, 4)
        if step.activation == "relu":
            return self.tr(" → ReLU → <b>{value}</b>").format(value=value)
        if step.activation == "tanh":
            return self.tr(" → tanh(z) = (e^z − e^−z) / (e^z + e^−z) → <b>{value}</b>").format(value=value)
        if step.activation == "sigmoid":
            return self.tr(" → sigmoid σ(z) = 1 / (1 + e^−z) → <b>{value}</b>").format(value=value)
        return ""

    def _place_text(self, step: Step) -> str:
        """Where a window starts in its input: output position × stride − the padding before."""
        top, left = step.origin
        row, column = step.at
        text = self.tr(
            "Stride {stride}, padding {padding}: the window of row {row}, column {column} starts at row {row} × "
            "{stride} − {pad_top} = {top}, column {column} × {stride} − {pad_left} = {left} of {source}.").format(
            stride=step.strides, padding=step.padding, row=row, column=column, pad_top=row * step.strides - top,
            pad_left=column * step.strides - left, top=number(top, 0), left=number(left, 0),
            source=self._input_name(step))
        cells = int(step.padded.sum()) if step.padded is not None else 0
        if cells and step.kind == "Conv2D":
            text += " " + self.tr("Padding “same” adds zeros around the input so that the maps keep ⌈size / stride⌉ "
                                  "positions: the %n grey cell(s) of the patch are those zeros.", "", cells)
        elif cells:
            text += " " + self.tr("The %n grey cell(s) lie in the padding and take no part.", "", cells)
        return text

    def _show_pooling(self, step: Step, input_channel: int | None) -> None:
        self.title.setText(self.tr("<b>{layer}</b> · map {channel} · {where}: <b>{value}</b>").format(
            layer=step.layer, channel=step.channel, where=self._where(step), value=number(step.value, 4)))
        self.window_grid.show()
        self.window_grid.set_values(step.inputs, signed=bool((step.inputs < 0).any()), marked=step.winner)
        top, left = step.origin
        size = step.inputs.shape[0]
        place = dict(source=self._input_name(step), channel=step.channel, top=top, bottom=top + size - 1, left=left,
                     right=left + size - 1, value=number(step.value, 4), size=size)
        if step.kind == "AveragePooling2D":
            text = self.tr(
                "Average pooling takes the mean of each {size}×{size} window of {source}, map {channel} (rows "
                "{top}–{bottom}, columns {left}–{right}): {total} ÷ {count} = {value}. It has no weights.").format(
                total=number(step.total, 4), count=step.real_cells, **place)
        elif (size, step.strides, step.padding) == (2, 2, "valid"):
            text = self.tr(
                "Max pooling keeps the largest of each 2×2 window of {source}, map {channel} (rows {top}–{bottom}, "
                "columns {left}–{right}): {value}. It has no weights; it halves the height and the width.").format(
                **place)
        else:
            text = self.tr(
                "Max pooling keeps the largest of each {size}×{size} window of {source}, map {channel} (rows "
                "{top}–{bottom}, columns {left}–{right}): {value}. It has no weights.").format(**place)
        if step.strides < size:
            text += " " + self.tr("The windows start every {stride} pixels, so neighbouring windows overlap: they "
                                  "share %n row(s) or column(s).", "", size - step.strides).format(stride=step.strides)
        if step.strides != size or step.padding == "same":
            text += " " + self._place_text(step)
        self.pooling_text.setText(text)
        self._show_page(1)

    def _show_global_pooling(self, step: Step, input_channel: int | None) -> None:
        self.title.setText(self.tr("<b>{layer}</b> · unit {unit}: <b>{value}</b>").format(
            layer=step.layer, unit=step.channel, value=number(step.value, 4)))
        height, width = step.inputs.shape
        small = height * width <= 64  # a larger map's numbers would not fit the panel; its sum says enough
        self.window_grid.setVisible(small)
        if small:
            self.window_grid.set_values(step.inputs, signed=bool((step.inputs < 0).any()))
        self.pooling_text.setText(self.tr(
            "Global average pooling takes the mean of the whole {height}×{width} map {channel} of {source}: {total} ÷ "
            "{count} = {value}. One number per map; it has no weights.").format(
            height=height, width=width, channel=step.channel, source=self._input_name(step),
            total=number(step.total, 4), count=height * width, value=number(step.value, 4)))
        self._show_page(1)

    def _show_formula(self, step: Step, input_channel: int | None) -> None:
        value, x = number(step.value, 4), number(step.total, 4)
        if step.at is None:
            self.title.setText(self.tr("<b>{layer}</b> · unit {unit}: <b>{value}</b>").format(
                layer=step.layer, unit=step.channel, value=value))
            place = self.tr("unit {unit} of {source}").format(unit=step.channel, source=self._input_name(step))
        else:
            self.title.setText(self.tr("<b>{layer}</b> · map {channel} · {where}: <b>{value}</b>").format(
                layer=step.layer, channel=step.channel, where=self._where(step), value=value))
            place = self.tr("{where} of {source}, map {channel}").format(
                where=self._where(step), source=self._input_name(step), channel=step.channel)
        if step.kind == "BatchNormalization":
            text = self.tr(
                "Batch normalization of {place} = {x}, with the numbers it stored in training for this channel: "
                "(x − mean) / √(variance + ε) · γ + β = ({x} − {mean}) / √({variance} + {epsilon}) · {gamma} + {beta} "
                "= <b>{value}</b>. When predicting it uses these moving averages, not a batch's own.").format(
                place=place, x=x, mean=number(step.mean, 4), variance=number(step.variance, 4),
                epsilon=QLocale().toString(step.epsilon, "g", 3), gamma=number(step.gamma, 4),
                beta=number(step.beta, 4), value=value)
        elif step.kind == "Dropout":
            text = self.tr(
                "Dropout passes values unchanged when predicting: {place} = {x} → <b>{value}</b>. During training it "
                "zeroes a fraction {rate} of them at random and scales the rest by 1 / (1 − {rate}), so that no unit "
                "can count on another.").format(place=place, x=x, value=value,
                                                rate=QLocale().toString(step.rate, "g", 3))
        elif step.activation == "relu":
            text = self.tr("ReLU keeps what is above zero: max(0, {x}) = <b>{value}</b>, from {place}.").format(
                x=x, value=value, place=place)
        elif step.activation == "tanh":
            text = self.tr("tanh squashes any number into −1…1: tanh(z) = (e^z − e^−z) / (e^z + e^−z); "
                           "tanh({x}) = <b>{value}</b>, from {place}.").format(x=x, value=value, place=place)
        elif step.activation == "sigmoid":
            text = self.tr("The sigmoid squashes any number into 0…1: σ(z) = 1 / (1 + e^−z); σ({x}) = <b>{value}</b>, "
                           "from {place}.").format(x=x, value=value, place=place)
        else:
            text = self.tr("A linear activation passes the value unchanged: {x} → <b>{value}</b>, from "
                           "{place}.").format(x=x, value=value, place=place)
        self.formula_text.setText(text)
        self._show_page(5)

    def _show_flatten(self, step: Step, input_channel: int | None) -> None:
        rows, cols = step.at
        self.title.setText(self.tr("<b>{layer}</b> · element {index}: <b>{value}</b>").format(
            layer=step.layer, index=step.index, value=number(step.value, 4)))
        self.flatten_text.setText(self.tr(
            "Flatten only reorders. The value at {where} of {source} map {channel} becomes element <b>{index}</b> "
            "of one long vector: (row × width + column) × maps + map = ({row} × {width} + {column}) × {maps} + "
            "{channel} = {index}. The dense layer reads that vector.").format(
            where=self._where(step), source=self._input_name(step), channel=step.channel, index=step.index,
            row=rows, column=cols, width=step.map_shape[1], maps=step.map_shape[2]))
        self._show_page(2)

    def _show_dense(self, step: Step, input_channel: int | None) -> None:
        products = step.products
        self.title.setText(self.tr("<b>{layer}</b> · unit {unit}: <b>{value}</b>").format(
            layer=step.layer, unit=step.channel, value=number(step.value, 4)))
        order = np.argsort(-np.abs(products))[:SHOWN_CONTRIBUTIONS]
        self.dense_caption.setText(self.tr(
            "Every one of the {count} inputs times its weight, added up. The {shown} that add most:").format(
            count=len(products), shown=len(order)))
        if self.vector_source is not None:
            self.dense_caption.setText(self.dense_caption.text() + " " + self.tr(
                "Each input is a cell of {layer}'s maps: map (row, column).").format(layer=self.vector_source[0]))
        self.dense_bars.set_items([(int(i), self._dense_input(step, int(i)), float(products[i])) for i in order])
        relu = self._activation_text(step)
        self.dense_sum.setText(self.tr("Σ of inputs × weights = {products}; + bias {bias} = {total}").format(
            products=number(float(products.sum()), 4), bias=number(step.bias, 4), total=number(step.total, 4)) + relu)
        self._show_page(3)

    def _dense_input(self, step: Step, index: int) -> str:
        """One input of a dense unit, and where it comes from when the vector is a flattened stack of maps
        ("input 477 = conv3 map 29, row 2, column 1"), so it can be found on that layer's maps."""
        value, weight = number(step.inputs[index], 2), number(step.weights[index], 3)
        if self.vector_source is None or step.inputs.size != int(np.prod(self.vector_source[1])):
            return self.tr("input {index}: {value} × {weight}").format(index=index, value=value, weight=weight)
        name, shape = self.vector_source
        row, column, channel = (int(i) for i in np.unravel_index(index, shape))
        return self.tr("input {index} = {layer} map {map} ({row}, {column}): {value} × {weight}").format(
            index=index, layer=name, map=channel, row=row, column=column, value=value, weight=weight)

    def _logit_text(self, step: Step) -> str:
        """How digit z's logit comes from the layer before: its inputs times weights plus a bias, or (a
        softmax Activation layer) the layer before's value itself."""
        if step.weights is None:
            return self.tr("The logits z are the layer before's ten values, unchanged: this layer only applies "
                           "softmax, which turns the ten into probabilities:")
        products = float((step.inputs.astype(np.float64) * step.weights).sum())
        bias = 0.0 if step.bias is None else float(step.bias)
        return self.tr(
            "The logit z of digit {digit}: each of the {count} inputs from the layer before times digit {digit}'s "
            "weight, added up, plus its bias: {products} + {bias} = <b>{total}</b>. Every digit's logit is made "
            "the same way; softmax turns the ten into probabilities:").format(
            digit=step.channel, count=step.inputs.size, products=number(products, 4), bias=number(bias, 4),
            total=number(products + bias if step.total is None else step.total, 4))

    def _show_output(self, step: Step, input_channel: int | None) -> None:
        logits = step.logits
        exponentials = np.exp(logits - logits.max())
        probabilities = exponentials / exponentials.sum()
        value = probability_percent(step.value) + "%"
        chart = None if self.chart_probabilities is None else probability_percent(
            self.chart_probabilities[step.channel]) + "%"
        if chart is not None and chart != value:
            # One digit, two numbers on screen: say which is which (a newcomer saw 79.6% here, 75.0% on the chart).
            self.title.setText(self.tr("<b>{layer}</b> · digit {digit}: <b>{value}</b> for the drawing as drawn; "
                                       "the chart's {chart} is seven readings together").format(
                layer=step.layer, digit=step.channel, value=value, chart=chart))
        else:
            self.title.setText(self.tr("<b>{layer}</b> · digit {digit}: <b>{value}</b>").format(
                layer=step.layer, digit=step.channel, value=value))
        self.output_logit.setText(self._logit_text(step))
        for digit in range(10):
            cells = [str(digit), number(logits[digit], 3), number(exponentials[digit], 5),
                     probability_percent(probabilities[digit]) + "%"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if digit == step.channel:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setBackground(QColor("#e3eefb"))
                self.output_table.setItem(digit, column, item)
        self.output_sum.setText(self.tr(
            "Softmax: each exponential divided by their sum {total}. For {digit}: {exponential} ÷ {total} = "
            "<b>{probability}</b>, for the drawing as drawn. (Subtracting the largest logit first changes no "
            "probability; it keeps the exponentials small.) When the pen lifts (and for a photo), the chart's bar is "
            "this reading and six of the drawing a little turned, narrowed or slanted, together.").format(
            total=number(float(exponentials.sum()), 5), digit=step.channel,
            exponential=number(exponentials[step.channel], 5),
            probability=probability_percent(probabilities[step.channel]) + "%"))
        self._show_page(4)

    # --- keyboard -----------------------------------------------------------------------------

    def event(self, event) -> bool:
        # Arrow keys and Esc belong to the explanation while it has the focus, not to the window's
        # shortcuts (Esc clears the pad elsewhere).
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in _KEYS:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.closeRequested.emit()
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.layerRequested.emit(-1 if key == Qt.Key.Key_PageUp else 1)
        elif key in _KEYS:
            self.moveRequested.emit(*_KEYS[key])
        else:
            super().keyPressEvent(event)


_KEYS = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0),
         Qt.Key.Key_Escape: (0, 0), Qt.Key.Key_PageUp: (0, 0), Qt.Key.Key_PageDown: (0, 0)}
