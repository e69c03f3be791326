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

from digitpad.model.network.numpy_net import NumpyConvnet, NumpyLayer


@dataclass(frozen=True, eq=False)
class Step:
    """One unit's arithmetic.  ``kind`` is the layer's type ("Conv2D", "MaxPooling2D", "Flatten",
    "Dense", or "Output" for the softmax layer)."""

    layer: str
    kind: str
    channel: int
    value: float  # what the arithmetic below arrives at
    map_value: float  # the same unit, read from the network's own forward pass
    at: tuple[int, int] | None = None  # (row, column) in the layer's maps
    input_layer: str | None = None  # the layer the inputs come from; None: the 28×28 image
    inputs: np.ndarray | None = None  # Conv2D: the patch (3, 3, in); pooling: the window (2, 2); dense: (n,)
    weights: np.ndarray | None = None  # Conv2D: the kernel (3, 3, in); dense: (n,)
    bias: float = 0.0
    total: float = 0.0  # Σ inputs·weights + bias, before the activation
    activation: str = "linear"
    winner: tuple[int, int] | None = None  # pooling: the cell of the window that won
    origin: tuple[int, int] | None = None  # conv and pooling: the window's top-left in the input
    logits: np.ndarray | None = None  # output: the ten values before the softmax
    index: int | None = None  # flatten: where the value goes in the vector
    map_shape: tuple[int, ...] | None = None  # flatten: the shape of the maps it reads

    @property
    def products(self) -> np.ndarray | None:
        """inputs × weights, elementwise (convolution and dense layers)."""
        return None if self.weights is None else self.inputs.astype(np.float64) * self.weights

    def channel_contributions(self) -> np.ndarray:
        """A convolution's sum, split by input channel: Σ over the 3×3 of patch·kernel, per channel."""
        return self.products.sum(axis=(0, 1))

    def probabilities(self) -> np.ndarray:
        """Output: exp(logit) / Σ exp, computed from the largest logit down so nothing overflows."""
        exponentials = np.exp(self.logits - self.logits.max())
        return exponentials / exponentials.sum()

    def as_json(self) -> dict:
        """The keys ``digitpad explain`` prints for this kind of layer."""
        out: dict = {"layer": self.layer, "type": self.kind, "value": float(self.value),
                     "map_value": float(self.map_value), "channel": self.channel}
        if self.kind == "Conv2D":
            out |= {"at": list(self.at), "patch": self.inputs.tolist(), "kernel": self.weights.tolist(),
                    "bias": self.bias, "sum": self.total, "activation": self.activation}
        elif self.kind == "MaxPooling2D":
            out |= {"at": list(self.at), "window": self.inputs.tolist(), "winner": list(self.winner)}
        elif self.kind == "Flatten":
            out |= {"at": list(self.at), "index": self.index}
        elif self.kind == "Dense":
            out |= {"inputs": self.inputs.tolist(), "weights": self.weights.tolist(), "bias": self.bias,
                    "sum": self.total, "activation": self.activation}
        else:
            out |= {"logits": self.logits.tolist(), "probabilities": self.probabilities().tolist()}
        return out


def explain_unit(net: NumpyConvnet, image: np.ndarray, layer_name: str, at: tuple[int, int] | None = None,
                 channel: int | None = None) -> Step:
    """The arithmetic of one unit of ``layer_name`` for a 28×28 image.  Without ``channel`` (and
    ``at``) the unit that responds most strongly is chosen; ValueError names what is out of range."""
    trace = net.trace(image)
    index = _layer_index(net, layer_name)
    layer, layer_input, layer_output = net.layers[index], *trace[index]
    input_layer = net.layers[index - 1].name if index > 0 else None
    if layer.kind == "Dense" and index == len(net.layers) - 1:
        return _output(layer, layer_input, layer_output, _channel(channel, layer_output, layer.name))
    if layer.kind == "Dense":
        return _dense(layer, layer_input, layer_output, _channel(channel, layer_output, layer.name), input_layer)
    maps = layer_input if layer.kind == "Flatten" else layer_output  # Flatten's units are its input's cells
    channel = _channel(channel, maps, layer.name)
    at = _position(at, maps, channel, layer.name)
    if layer.kind == "Conv2D":
        return _convolution(layer, layer_input, layer_output, at, channel, input_layer)
    if layer.kind == "MaxPooling2D":
        return _pooling(layer, layer_input, layer_output, at, channel, input_layer)
    return _flatten(layer, layer_input, at, channel, input_layer)


def _convolution(layer: NumpyLayer, image: np.ndarray, output: np.ndarray, at, channel: int, input_layer) -> Step:
    kernel, bias = layer.weights
    rows, cols = kernel.shape[:2]
    row, col = at
    patch = image[row:row + rows, col:col + cols, :]
    weights = kernel[:, :, :, channel]
    total = float((patch.astype(np.float64) * weights).sum() + bias[channel])
    value = max(total, 0.0) if layer.activation == "relu" else total
    return Step(layer.name, "Conv2D", channel, value, float(output[row, col, channel]), at, input_layer, patch,
                weights, float(bias[channel]), total, layer.activation, origin=(row, col))


def _pooling(layer: NumpyLayer, image: np.ndarray, output: np.ndarray, at, channel: int, input_layer) -> Step:
    size = layer.pool
    top, left = at[0] * size, at[1] * size
    window = image[top:top + size, left:left + size, channel]
    winner = tuple(int(i) for i in np.unravel_index(int(np.argmax(window)), window.shape))
    return Step(layer.name, "MaxPooling2D", channel, float(window.max()), float(output[at[0], at[1], channel]), at,
                input_layer, window, winner=winner, origin=(top, left))


def _flatten(layer: NumpyLayer, image: np.ndarray, at, channel: int, input_layer) -> Step:
    """Flatten reads the maps row by row, and within each position every channel in turn."""
    height, width, channels = image.shape
    index = (at[0] * width + at[1]) * channels + channel
    value = float(image[at[0], at[1], channel])
    return Step(layer.name, "Flatten", channel, value, float(image.reshape(-1)[index]), at, input_layer, index=index,
                map_shape=image.shape)


def _dense(layer: NumpyLayer, inputs: np.ndarray, output: np.ndarray, unit: int, input_layer) -> Step:
    kernel, bias = layer.weights
    weights = kernel[:, unit]
    total = float((inputs.astype(np.float64) * weights).sum() + bias[unit])
    value = max(total, 0.0) if layer.activation == "relu" else total
    return Step(layer.name, "Dense", unit, value, float(output[unit]), None, input_layer, inputs, weights,
                float(bias[unit]), total, layer.activation)


def _output(layer: NumpyLayer, inputs: np.ndarray, output: np.ndarray, digit: int) -> Step:
    kernel, bias = layer.weights
    logits = inputs.astype(np.float64) @ kernel + bias
    step = Step(layer.name, "Output", digit, 0.0, float(output[digit]), inputs=inputs, weights=kernel[:, digit],
                bias=float(bias[digit]), total=float(logits[digit]), activation=layer.activation, logits=logits)
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
    shape_formula: str  # "28 − 3 + 1 = 26", "26 / 2 = 13", "3 × 3 × 64 = 576", "576 → 64"
    parameter_formula: str  # "(3·3·1 + 1)·32 = 320", "0", "(576 + 1)·64 = 36,928"
    kernel: tuple[int, int] | None = None
    pool: int | None = None
    activation: str = "linear"
    is_output: bool = False


def layer_facts(net: NumpyConvnet) -> list[LayerFacts]:
    """The shape and parameter arithmetic of every layer, Flatten included, from the model's own layers."""
    facts, shape = [], (28, 28, 1)
    for index, layer in enumerate(net.layers):
        facts.append(_facts(layer, shape, index == len(net.layers) - 1))
        shape = layer.output_shape
    return facts


def parameter_total_formula(net: NumpyConvnet) -> str:
    """"320 + 18,496 + … = 93,322": the total the notebook's model.summary() prints."""
    counts = [layer.parameters for layer in net.layers if layer.parameters]
    return " + ".join(f"{count:,}" for count in counts) + f" = {sum(counts):,}"


def _facts(layer: NumpyLayer, shape: tuple[int, ...], last: bool) -> LayerFacts:
    out = layer.output_shape
    if layer.kind == "Conv2D":
        rows, cols, channels, filters = layer.weights[0].shape
        formula = f"{shape[0]} − {rows} + 1 = {out[0]}"
        parameters = f"({rows}·{cols}·{channels} + 1)·{filters} = {layer.parameters:,}"
        return LayerFacts(layer.name, layer.kind, shape, out, layer.parameters, formula, parameters,
                          kernel=(rows, cols), activation=layer.activation)
    if layer.kind == "MaxPooling2D":
        # 11 / 2 = 5: an odd row and column left over are dropped, as Keras' "valid" pooling does.
        division = f"{shape[0]} / {layer.pool}"
        formula = f"{division} = {out[0]}" if shape[0] % layer.pool == 0 else f"⌊{division}⌋ = {out[0]}"
        return LayerFacts(layer.name, layer.kind, shape, out, 0, formula, "0", pool=layer.pool)
    if layer.kind == "Flatten":
        formula = " × ".join(str(size) for size in shape) + f" = {out[0]:,}"
        return LayerFacts(layer.name, layer.kind, shape, out, 0, formula, "0")
    inputs, units = layer.weights[0].shape
    return LayerFacts(layer.name, layer.kind, shape, out, layer.parameters, f"{inputs:,} → {units}",
                      f"({inputs:,} + 1)·{units} = {layer.parameters:,}", activation=layer.activation, is_output=last)
