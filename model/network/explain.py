"""The arithmetic behind any number the network computes, for the drawing on the pad.

The seed notebook explains the convnet in words: a 3×3 window slides over the input, at every
position the patch is multiplied with each kernel and summed, pooling keeps the largest of each 2×2
window, the last maps are flattened into one vector, dense layers weigh it, and a softmax turns ten
numbers into probabilities.  Here each of those steps is computed for one unit of one layer, from
the same weights and the same input the network used, so that a learner can follow a number in a
feature map back to where it came from.  Every explanation carries ``value`` (what its arithmetic
arrives at) and ``map_value`` (the same unit in the network's own forward pass): they agree.

Layer facts (``layer_facts``) give each layer's shape and parameter arithmetic for the layer cards.
Pure numpy: the window, the command line (``digitpad explain``) and the tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from digitpad.model.network.layers import POOLING, output_size, receptive_origin
from digitpad.model.network.numpy_net import NumpyConvnet, NumpyLayer


@dataclass(frozen=True, eq=False)
class Step:
    """One unit's arithmetic.  ``kind`` is the layer's type (its Keras class name, or "Output" for a
    softmax that ends the network)."""

    layer: str
    kind: str
    channel: int
    value: float  # what the arithmetic below arrives at
    map_value: float  # the same unit, read from the network's own forward pass
    at: tuple[int, int] | None = None  # (row, column) in the layer's maps
    input_layer: str | None = None  # the layer the inputs come from; None: the 28×28 image
    # Conv2D: the patch (rows, cols, in), zeros where it reaches into the padding; pooling: the window
    # (size, size), NaN in the padding; global pooling: the whole map; dense: the input vector (n,)
    inputs: np.ndarray | None = None
    weights: np.ndarray | None = None  # Conv2D: the kernel (rows, cols, in); dense: (n,)
    bias: float = 0.0
    total: float = 0.0  # Σ inputs·weights + bias, before the activation; elementwise layers: their input
    activation: str = "linear"
    winner: tuple[int, int] | None = None  # max pooling: the cell of the window that won
    origin: tuple[int, int] | None = None  # conv and pooling: the window's top-left in the input (< 0: padding)
    logits: np.ndarray | None = None  # output: the ten values before the softmax
    index: int | None = None  # flatten: where the value goes in the vector
    map_shape: tuple[int, ...] | None = None  # flatten: the shape of the maps it reads
    strides: int = 1  # conv and pooling: how far apart the windows start
    padding: str = "valid"
    padded: np.ndarray | None = None  # conv and pooling: True where the window lies in the padding
    # BatchNormalization: the stored numbers of this channel; Dropout: its rate
    mean: float = 0.0
    variance: float = 1.0
    epsilon: float = 0.0
    gamma: float = 1.0
    beta: float = 0.0
    rate: float = 0.0

    @property
    def products(self) -> np.ndarray | None:
        """inputs × weights, elementwise (convolution and dense layers)."""
        return None if self.weights is None else self.inputs.astype(np.float64) * self.weights

    def channel_contributions(self) -> np.ndarray:
        """A convolution's sum, split by input channel: Σ over the patch of patch·kernel, per channel."""
        return self.products.sum(axis=(0, 1))

    def probabilities(self) -> np.ndarray:
        """Output: exp(logit) / Σ exp, computed from the largest logit down so nothing overflows."""
        exponentials = np.exp(self.logits - self.logits.max())
        return exponentials / exponentials.sum()

    @property
    def real_cells(self) -> int:
        """Pooling: how many cells of the window lie in the input (average pooling divides by this)."""
        return int(np.isfinite(self.inputs).sum())

    def as_json(self) -> dict:
        """The keys ``digitpad explain`` prints for this kind of layer."""
        out: dict = {"layer": self.layer, "type": self.kind, "value": float(self.value),
                     "map_value": float(self.map_value), "channel": self.channel}
        if self.at is not None:
            out["at"] = list(self.at)
        if self.kind in ("Conv2D", "MaxPooling2D", "AveragePooling2D"):
            out |= {"origin": list(self.origin), "strides": self.strides, "padding": self.padding,
                    "padded": self.padded.tolist()}
        if self.kind == "Conv2D":
            out |= {"patch": self.inputs.tolist(), "kernel": self.weights.tolist(), "bias": self.bias,
                    "sum": self.total, "activation": self.activation}
        elif self.kind in ("MaxPooling2D", "AveragePooling2D"):
            out["window"] = [[None if np.isnan(v) else float(v) for v in row] for row in self.inputs]
            if self.kind == "MaxPooling2D":
                out["winner"] = list(self.winner)
            else:
                out |= {"sum": self.total, "count": self.real_cells}
        elif self.kind == "GlobalAveragePooling2D":
            out |= {"map": self.inputs.tolist(), "sum": self.total, "count": int(self.inputs.size)}
        elif self.kind == "Flatten":
            out["index"] = self.index
        elif self.kind == "Dense":
            out |= {"inputs": self.inputs.tolist(), "weights": self.weights.tolist(), "bias": self.bias,
                    "sum": self.total, "activation": self.activation}
        elif self.kind == "BatchNormalization":
            out |= {"input": self.total, "moving_mean": self.mean, "moving_variance": self.variance,
                    "epsilon": self.epsilon, "gamma": self.gamma, "beta": self.beta}
        elif self.kind == "Dropout":
            out |= {"input": self.total, "rate": self.rate,
                    "note": "passes values unchanged when predicting; during training it zeroes a fraction "
                            f"{self.rate:g} of them and scales the rest by 1 / (1 − {self.rate:g})"}
        elif self.kind == "Activation":
            out |= {"input": self.total, "activation": self.activation}
        else:
            out |= {"logits": self.logits.tolist(), "probabilities": self.probabilities().tolist()}
        return out


def activate(value: float, activation: str) -> float:
    """One number through an activation, in float64: relu max(0, z), tanh, sigmoid 1 / (1 + e^−z)."""
    if activation == "relu":
        return max(value, 0.0)
    if activation == "tanh":
        return float(np.tanh(value))
    if activation == "sigmoid":
        return float(0.5 + 0.5 * np.tanh(0.5 * value))
    return value


def is_output(net: NumpyConvnet, index: int) -> bool:
    """The last layer when it ends in a softmax: its units are the digits' probabilities."""
    layer = net.layers[index]
    return index == len(net.layers) - 1 and layer.activation == "softmax" and layer.kind in ("Dense", "Activation")


def explain_unit(net: NumpyConvnet, image: np.ndarray, layer_name: str, at: tuple[int, int] | None = None,
                 channel: int | None = None) -> Step:
    """The arithmetic of one unit of ``layer_name`` for a 28×28 image.  Without ``channel`` (and
    ``at``) the unit that responds most strongly is chosen; ValueError names what is out of range."""
    trace = net.trace(image)
    index = _layer_index(net, layer_name)
    layer, layer_input, layer_output = net.layers[index], *trace[index]
    input_layer = net.layers[index - 1].name if index > 0 else None
    if is_output(net, index):
        return _output(layer, layer_input, layer_output, _channel(channel, layer_output, layer.name))
    maps = layer_input if layer.kind == "Flatten" else layer_output  # Flatten's units are its input's cells
    channel = _channel(channel, maps, layer.name)
    if maps.ndim == 1:
        at = None
        if layer.kind == "Dense":
            return _dense(layer, layer_input, layer_output, channel, input_layer)
        if layer.kind == "GlobalAveragePooling2D":
            return _global_average(layer, layer_input, layer_output, channel, input_layer)
    else:
        at = _position(at, maps, channel, layer.name)
    if layer.kind == "Conv2D":
        return _convolution(layer, layer_input, layer_output, at, channel, input_layer)
    if layer.kind in POOLING:
        return _pooling(layer, layer_input, layer_output, at, channel, input_layer)
    if layer.kind == "Flatten":
        return _flatten(layer, layer_input, at, channel, input_layer)
    return _elementwise(layer, layer_input, layer_output, at, channel, input_layer)


def _window(layer: NumpyLayer, image: np.ndarray, at, fill: float) -> tuple[np.ndarray, np.ndarray, tuple]:
    """The input under output ``at``'s window, ``fill`` where it reaches into the padding, the padding's
    mask and the window's top-left in the input."""
    rows, cols = layer.window
    top, left = receptive_origin(layer, image.shape, at)
    height, width = image.shape[:2]
    window = np.full((rows, cols, *image.shape[2:]), fill, np.float32)
    inside_rows = slice(max(top, 0), min(top + rows, height))
    inside_cols = slice(max(left, 0), min(left + cols, width))
    window[inside_rows.start - top:inside_rows.stop - top, inside_cols.start - left:inside_cols.stop - left] = \
        image[inside_rows, inside_cols]
    padded = np.ones((rows, cols), bool)
    padded[inside_rows.start - top:inside_rows.stop - top, inside_cols.start - left:inside_cols.stop - left] = False
    return window, padded, (top, left)


def _convolution(layer: NumpyLayer, image: np.ndarray, output: np.ndarray, at, channel: int, input_layer) -> Step:
    patch, padded, origin = _window(layer, image, at, 0.0)
    weights = layer.weights[0][:, :, :, channel]
    bias = float(layer.bias[channel])
    total = float((patch.astype(np.float64) * weights).sum() + bias)
    return Step(layer.name, "Conv2D", channel, activate(total, layer.activation), float(output[at[0], at[1], channel]),
                at, input_layer, patch, weights, bias, total, layer.activation, origin=origin, strides=layer.strides,
                padding=layer.padding, padded=padded)


def _pooling(layer: NumpyLayer, image: np.ndarray, output: np.ndarray, at, channel: int, input_layer) -> Step:
    window, padded, origin = _window(layer, image[..., channel], at, np.nan)
    common = dict(origin=origin, strides=layer.strides, padding=layer.padding, padded=padded)
    map_value = float(output[at[0], at[1], channel])
    if layer.kind == "MaxPooling2D":
        winner = tuple(int(i) for i in np.unravel_index(int(np.nanargmax(window)), window.shape))
        return Step(layer.name, layer.kind, channel, float(np.nanmax(window)), map_value, at, input_layer, window,
                    winner=winner, **common)
    total = float(np.nansum(window.astype(np.float64)))
    return Step(layer.name, layer.kind, channel, total / int((~padded).sum()), map_value, at, input_layer, window,
                total=total, **common)


def _global_average(layer: NumpyLayer, image: np.ndarray, output: np.ndarray, channel: int, input_layer) -> Step:
    whole = image[..., channel]
    total = float(whole.astype(np.float64).sum())
    return Step(layer.name, layer.kind, channel, total / whole.size, float(output[channel]), None, input_layer, whole,
                total=total)


def _elementwise(layer: NumpyLayer, image: np.ndarray, output: np.ndarray, at, channel: int, input_layer) -> Step:
    """BatchNormalization, Dropout and Activation: each output is a function of the input at the same place."""
    where = (channel,) if at is None else (at[0], at[1], channel)
    value_in = float(image[where])
    step = Step(layer.name, layer.kind, channel, value_in, float(output[where]), at, input_layer, total=value_in,
                activation=layer.activation, rate=layer.rate)
    if layer.kind == "Activation":
        return replace(step, value=activate(value_in, layer.activation))
    if layer.kind == "BatchNormalization":
        gamma, beta, mean, variance = (float(array[channel]) for array in layer.normalization())
        value = (value_in - mean) / np.sqrt(variance + layer.epsilon) * gamma + beta
        return replace(step, value=float(value), mean=mean, variance=variance, epsilon=layer.epsilon, gamma=gamma,
                       beta=beta)
    return step  # Dropout: unchanged when predicting


def _flatten(layer: NumpyLayer, image: np.ndarray, at, channel: int, input_layer) -> Step:
    """Flatten reads the maps row by row, and within each position every channel in turn."""
    height, width, channels = image.shape
    index = (at[0] * width + at[1]) * channels + channel
    value = float(image[at[0], at[1], channel])
    return Step(layer.name, "Flatten", channel, value, float(image.reshape(-1)[index]), at, input_layer, index=index,
                map_shape=image.shape)


def _dense(layer: NumpyLayer, inputs: np.ndarray, output: np.ndarray, unit: int, input_layer) -> Step:
    weights = layer.weights[0][:, unit]
    bias = float(layer.bias[unit])
    total = float((inputs.astype(np.float64) * weights).sum() + bias)
    return Step(layer.name, "Dense", unit, activate(total, layer.activation), float(output[unit]), None, input_layer,
                inputs, weights, bias, total, layer.activation)


def _output(layer: NumpyLayer, inputs: np.ndarray, output: np.ndarray, digit: int) -> Step:
    if layer.kind == "Dense":
        logits = inputs.astype(np.float64) @ layer.weights[0] + layer.bias
        weights, bias = layer.weights[0][:, digit], float(layer.bias[digit])
    else:  # an Activation("softmax") after the layer that gives the logits
        logits, weights, bias = inputs.astype(np.float64), None, 0.0
    step = Step(layer.name, "Output", digit, 0.0, float(output[digit]), inputs=inputs, weights=weights,
                bias=bias, total=float(logits[digit]), activation=layer.activation, logits=logits)
    return replace(step, value=float(step.probabilities()[digit]))


def _layer_index(net: NumpyConvnet, name: str) -> int:
    names = [layer.name for layer in net.layers]
    if name not in names:
        raise ValueError(f"there is no layer {name!r}; this model's layers are {', '.join(names)}")
    return names.index(name)


def _channel(channel: int | None, output: np.ndarray, layer: str) -> int:
    channels = output.shape[-1]
    if channel is None:
        return int(np.argmax(output.reshape(-1, channels).max(axis=0)))
    if not 0 <= channel < channels:
        raise ValueError(f"{layer} has {channels} {'units' if output.ndim == 1 else 'maps'}, numbered 0 to "
                         f"{channels - 1}; there is no {channel}")
    return int(channel)


def _position(at: tuple[int, int] | None, output: np.ndarray, channel: int, layer: str) -> tuple[int, int]:
    height, width = output.shape[:2]
    if at is None:
        return tuple(int(i) for i in np.unravel_index(int(np.argmax(output[..., channel])), (height, width)))
    row, col = at
    if not (0 <= row < height and 0 <= col < width):
        raise ValueError(f"{layer}'s maps are {height}×{width}: rows 0 to {height - 1}, columns 0 to {width - 1}; "
                         f"there is no {row},{col}")
    return int(row), int(col)


# --- layer cards ----------------------------------------------------------------------------

@dataclass(frozen=True)
class LayerFacts:
    """What a layer card says, as numbers and formulas (the words are the window's, translated)."""

    name: str
    kind: str
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    parameters: int
    # "28 − 3 + 1 = 26", "⌈28 / 1⌉ = 28", "⌊(28 − 3) / 2⌋ + 1 = 13", "26 / 2 = 13", "3 × 3 × 64 = 576", "576 → 64"
    shape_formula: str
    parameter_formula: str  # "(3·3·1 + 1)·32 = 320", "0", "(576 + 1)·64 = 36,928", "4·32 = 128"
    kernel: tuple[int, int] | None = None
    pool: int | None = None
    activation: str = "linear"
    is_output: bool = False
    strides: int = 1
    padding: str = "valid"
    use_bias: bool = True
    rate: float = 0.0  # Dropout
    center: bool = True  # BatchNormalization: β stored
    scale: bool = True  # BatchNormalization: γ stored


def layer_facts(net: NumpyConvnet) -> list[LayerFacts]:
    """The shape and parameter arithmetic of every layer, Flatten included, from the model's own layers."""
    facts, shape = [], (28, 28, 1)
    for index, layer in enumerate(net.layers):
        facts.append(_facts(layer, shape, is_output(net, index) or (index == len(net.layers) - 1
                                                                    and layer.kind == "Dense")))
        shape = layer.output_shape
    return facts


def parameter_total_formula(net: NumpyConvnet) -> str:
    """"320 + 18,496 + … = 93,322": the total the notebook's model.summary() prints."""
    counts = [layer.parameters for layer in net.layers if layer.parameters]
    return " + ".join(f"{count:,}" for count in counts) + f" = {sum(counts):,}"


def size_formula(size: int, window: int, stride: int, padding: str) -> str:
    """How one side of the output follows from the input's: valid ``28 − 5 + 1 = 24``, same
    ``⌈28 / 1⌉ = 28``, strided ``⌊(28 − 3) / 2⌋ + 1 = 13``; pooling by its own size ``26 / 2 = 13``."""
    out = output_size(size, window, stride, padding)
    if padding == "same":
        return f"⌈{size} / {stride}⌉ = {out}"
    if stride == 1:
        return f"{size} − {window} + 1 = {out}"
    if stride == window:  # non-overlapping windows: the input divided by their size, the rest dropped
        return f"{size} / {window} = {out}" if size % window == 0 else f"⌊{size} / {window}⌋ = {out}"
    return f"⌊({size} − {window}) / {stride}⌋ + 1 = {out}"


def _facts(layer: NumpyLayer, shape: tuple[int, ...], last: bool) -> LayerFacts:
    out = layer.output_shape
    common = dict(name=layer.name, kind=layer.kind, input_shape=shape, output_shape=out, parameters=layer.parameters,
                  strides=layer.strides, padding=layer.padding, activation=layer.activation)
    if layer.kind in ("Conv2D", *POOLING):
        rows, cols = layer.window
        formula = size_formula(shape[0], rows, layer.strides, layer.padding)
        if (rows, shape[0]) != (cols, shape[1]):
            formula += ", " + size_formula(shape[1], cols, layer.strides, layer.padding)
        if layer.kind != "Conv2D":
            return LayerFacts(**common, shape_formula=formula, parameter_formula="0", pool=layer.pool)
        channels, filters = layer.weights[0].shape[2:]
        use_bias = len(layer.weights) > 1
        parameters = f"({rows}·{cols}·{channels} + 1)·{filters}" if use_bias else f"{rows}·{cols}·{channels}·{filters}"
        return LayerFacts(**common, shape_formula=formula, parameter_formula=f"{parameters} = {layer.parameters:,}",
                          kernel=(rows, cols), use_bias=use_bias)
    if layer.kind == "Flatten":
        formula = " × ".join(str(size) for size in shape) + f" = {out[0]:,}"
        return LayerFacts(**common, shape_formula=formula, parameter_formula="0")
    if layer.kind == "GlobalAveragePooling2D":
        formula = " × ".join(str(size) for size in shape) + f" → {out[0]}"
        return LayerFacts(**common, shape_formula=formula, parameter_formula="0")
    if layer.kind == "Dense":
        inputs, units = layer.weights[0].shape
        use_bias = len(layer.weights) > 1
        parameters = f"({inputs:,} + 1)·{units}" if use_bias else f"{inputs:,}·{units}"
        return LayerFacts(**common, shape_formula=f"{inputs:,} → {units}",
                          parameter_formula=f"{parameters} = {layer.parameters:,}", is_output=last, use_bias=use_bias)
    same = " × ".join(str(size) for size in shape)
    if layer.kind == "BatchNormalization":
        return LayerFacts(**common, shape_formula=same, center=layer.center, scale=layer.scale,
                          parameter_formula=f"{len(layer.weights)}·{shape[-1]} = {layer.parameters:,}")
    return LayerFacts(**common, shape_formula=same, parameter_formula="0", rate=layer.rate, is_output=last)
