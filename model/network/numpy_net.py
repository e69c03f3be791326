"""The convnet's forward and backward pass in numpy.

The window never imports TensorFlow: a numpy forward pass of this small network takes about half a
millisecond for one drawing, less than the fastest TensorFlow call, and the backward pass gives
*Why?* its gradients.  TensorFlow lives in a worker process, for training and export only.

Supported are plain Sequential stacks of Conv2D (stride 1, valid), MaxPooling2D (non-overlapping,
valid), Flatten and Dense, with relu, linear or softmax: the seed convnet and anything of its kind.
Anything else raises UnsupportedModel.  ``from_file`` reads a ``.keras`` archive's JSON config and
HDF5 weights as data only (no code runs), within the limits of ``model_files``.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from digitpad.model.files.model_archive import ModelError, read_members

ACTIVATIONS = ("relu", "linear", "softmax")
KINDS = ("Conv2D", "MaxPooling2D", "Flatten", "Dense")
# Images per chunk of a batched pass: conv2's patches of 256 images take about 35 MB.
CHUNK = 256


class UnsupportedModel(ModelError):
    """The model has a layer or option the numpy passes do not implement."""


@dataclass
class NumpyLayer:
    name: str
    kind: str  # one of KINDS
    activation: str = "linear"
    weights: list[np.ndarray] = field(default_factory=list)
    pool: int = 2
    output_shape: tuple[int, ...] = ()

    @property
    def parameters(self) -> int:
        return int(sum(w.size for w in self.weights))


class NumpyConvnet:
    """A supported convnet's layers and weights, and its passes."""

    def __init__(self, layers: list[NumpyLayer]) -> None:
        self.layers = layers
        self._infer_shapes()

    # --- building -----------------------------------------------------------------

    @classmethod
    def from_keras(cls, model) -> NumpyConvnet:
        """From a loaded keras.Model (the weights are copied)."""
        if type(model).__name__ != "Sequential":
            raise UnsupportedModel("DigitPad runs Sequential models only")
        return cls([_layer_from_config(type(layer).__name__, layer.get_config(),
                                       [np.asarray(w, np.float32) for w in layer.get_weights()])
                    for layer in model.layers])

    @classmethod
    def from_file(cls, path: str | Path) -> NumpyConvnet:
        """From a .keras archive, read as data: config.json and model.weights.h5."""
        import h5py

        members = read_members(path)
        try:
            config = json.loads(members["config.json"])
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
            raise ModelError(f"{path}: not a Keras model (its config.json is not readable JSON: {error})") from None
        specs = _layer_specs(config, path)
        try:
            with h5py.File(io.BytesIO(members["model.weights.h5"]), "r") as weights:
                return cls(_layers_from_specs(specs, weights))
        except OSError as error:
            raise ModelError(f"{path}: not a Keras model (its weights are not readable: {error})") from None

    def with_weights(self, weights: list[np.ndarray]) -> NumpyConvnet:
        """The same network with other weights (in the order of Keras' ``get_weights``)."""
        arrays = iter(weights)
        layers = [replace(layer, weights=[np.asarray(next(arrays), np.float32) for _ in layer.weights])
                  for layer in self.layers]
        return NumpyConvnet(layers)

    def weights(self) -> list[np.ndarray]:
        return [w for layer in self.layers for w in layer.weights]

    def _infer_shapes(self) -> None:
        shape: tuple[int, ...] = (28, 28, 1)
        for index, layer in enumerate(self.layers):
            if layer.activation == "softmax" and index != len(self.layers) - 1:
                raise UnsupportedModel(f"{layer.name}: a softmax before the last layer is not one DigitPad runs")
            shape = _output_shape(layer, shape)
            if min(shape) <= 0:
                raise UnsupportedModel(f"{layer.name}: the image shrinks to nothing")
            layer.output_shape = shape
        if shape != (10,):
            raise UnsupportedModel(f"the model has output shape {shape}, DigitPad needs 10 digit probabilities")

    # --- running ---------------------------------------------------------------------

    def shown_layers(self) -> list[NumpyLayer]:
        return [layer for layer in self.layers if layer.kind != "Flatten"]

    def activations(self, image: np.ndarray) -> list[np.ndarray]:
        """Every shown layer's activation for one 28×28 image."""
        outputs = self._forward(np.asarray(image, np.float32).reshape(1, 28, 28, 1), keep=True)[1]
        return [output[0] for layer, output in zip(self.layers, outputs) if layer.kind != "Flatten"]

    def trace(self, image: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """(input, output) of every layer, Flatten included, for one 28×28 image: what the layer saw and
        what it gave, the material of an explanation."""
        _, outputs, inputs = self._forward(np.asarray(image, np.float32).reshape(1, 28, 28, 1), keep=True)
        return [(layer_input[0], layer_output[0]) for layer_input, layer_output in zip(inputs, outputs)]

    def probabilities(self, images: np.ndarray) -> np.ndarray:
        """(n, 10) probabilities for (n, 28, 28[, 1]) images, in chunks that bound memory."""
        images = np.asarray(images, np.float32).reshape(-1, 28, 28, 1)
        chunks = [self._forward(images[start:start + CHUNK])[0] for start in range(0, len(images), CHUNK)]
        return np.concatenate(chunks) if chunks else np.zeros((0, 10), np.float32)

    def logits(self, images: np.ndarray) -> np.ndarray:
        """The last layer's values before its softmax, (n, 10)."""
        return self._forward(np.asarray(images, np.float32).reshape(-1, 28, 28, 1), softmax=False)[0]

    def input_gradient(self, images: np.ndarray, direction: np.ndarray) -> np.ndarray:
        """d(logits · direction) / d(images) for each image: the backward pass, (n, 28, 28)."""
        images = np.asarray(images, np.float32).reshape(-1, 28, 28, 1)
        _, outputs, inputs = self._forward(images, keep=True, softmax=False)
        gradient = np.broadcast_to(np.asarray(direction, np.float32), (len(images), 10)).copy()
        for layer, layer_input, layer_output in zip(reversed(self.layers), reversed(inputs), reversed(outputs)):
            gradient = _backward(layer, layer_input, layer_output, gradient)
        return gradient.reshape(-1, 28, 28)

    def kernels(self, name: str) -> np.ndarray | None:
        for layer in self.layers:
            if layer.name == name:
                return layer.weights[0] if layer.kind == "Conv2D" else None
        raise KeyError(name)

    def same_weights_as(self, other: NumpyConvnet) -> bool:
        mine, theirs = self.weights(), other.weights()
        return len(mine) == len(theirs) and all(a.shape == b.shape and np.array_equal(a, b)
                                                for a, b in zip(mine, theirs))

    def _forward(self, images: np.ndarray, keep: bool = False, softmax: bool = True):
        """(last output, every layer's output, every layer's input); the lists only with ``keep``."""
        outputs, inputs, hidden = [], [], images
        for index, layer in enumerate(self.layers):
            if keep:
                inputs.append(hidden)
            last = index == len(self.layers) - 1
            hidden = _apply(layer, hidden, activate=softmax or not last)
            if keep:
                outputs.append(hidden)
        return hidden, outputs, inputs


def _output_shape(layer: NumpyLayer, shape: tuple[int, ...]) -> tuple[int, ...]:
    if layer.kind == "Conv2D":
        kernel, bias = layer.weights
        if kernel.ndim != 4 or len(shape) != 3 or kernel.shape[2] != shape[-1] or bias.shape != (kernel.shape[3],):
            raise UnsupportedModel(f"{layer.name}: kernel {kernel.shape} does not fit input {shape}")
        return (shape[0] - kernel.shape[0] + 1, shape[1] - kernel.shape[1] + 1, kernel.shape[3])
    if layer.kind == "MaxPooling2D":
        return (shape[0] // layer.pool, shape[1] // layer.pool, shape[2])
    if layer.kind == "Flatten":
        return (int(np.prod(shape)),)
    kernel, bias = layer.weights
    if len(shape) != 1 or kernel.shape[0] != shape[0] or bias.shape != (kernel.shape[1],):
        raise UnsupportedModel(f"{layer.name}: kernel {kernel.shape} does not fit input {shape}")
    return (kernel.shape[1],)


def _apply(layer: NumpyLayer, hidden: np.ndarray, activate: bool = True) -> np.ndarray:
    if layer.kind == "Conv2D":
        values = _convolve(hidden, *layer.weights)
    elif layer.kind == "MaxPooling2D":
        return _max_pool(hidden, layer.pool)
    elif layer.kind == "Flatten":
        return hidden.reshape(len(hidden), -1)
    else:
        values = hidden @ layer.weights[0] + layer.weights[1]
    return _activate(values, layer.activation) if activate else values


def _backward(layer: NumpyLayer, layer_input: np.ndarray, layer_output: np.ndarray, gradient: np.ndarray):
    """The gradient with respect to the layer's input, from the one with respect to its output."""
    if layer.kind == "MaxPooling2D":
        return _max_pool_backward(layer_input, layer_output, gradient, layer.pool)
    if layer.kind == "Flatten":
        return gradient.reshape(layer_input.shape)
    if layer.activation == "relu":
        gradient = gradient * (layer_output > 0)
    # A softmax is only ever the last layer, whose gradient arrives with respect to its logits.
    if layer.kind == "Dense":
        return gradient @ layer.weights[0].T
    return _convolve_backward(layer_input.shape, layer.weights[0], gradient)


def _convolve(images: np.ndarray, kernel: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """A valid, stride-1 convolution as one matrix product over all patches (im2col)."""
    rows, cols, channels, filters = kernel.shape
    windows = sliding_window_view(images, (rows, cols), axis=(1, 2))  # (n, H', W', C, rows, cols)
    count, height, width = windows.shape[:3]
    patches = windows.transpose(0, 1, 2, 4, 5, 3).reshape(count * height * width, rows * cols * channels)
    return (patches @ kernel.reshape(-1, filters) + bias).reshape(count, height, width, filters)


def _convolve_backward(input_shape: tuple[int, ...], kernel: np.ndarray, gradient: np.ndarray) -> np.ndarray:
    """Each output's gradient flows back to the 3×3 patch it was computed from (col2im)."""
    rows, cols, channels, filters = kernel.shape
    count, height, width, _ = gradient.shape
    patches = (gradient.reshape(-1, filters) @ kernel.reshape(-1, filters).T).reshape(
        count, height, width, rows, cols, channels)
    result = np.zeros(input_shape, np.float32)
    for row in range(rows):
        for col in range(cols):
            result[:, row:row + height, col:col + width, :] += patches[:, :, :, row, col, :]
    return result


def _max_pool(images: np.ndarray, size: int) -> np.ndarray:
    count, height, width, channels = images.shape
    h, w = height // size, width // size
    return images[:, : h * size, : w * size].reshape(count, h, size, w, size, channels).max(axis=(2, 4))


def _max_pool_backward(layer_input: np.ndarray, layer_output: np.ndarray, gradient: np.ndarray, size: int):
    """Each window's gradient goes to the cell that won it (the first, on a tie, as TensorFlow does)."""
    count, height, width, channels = layer_input.shape
    h, w = layer_output.shape[1:3]
    windows = layer_input[:, : h * size, : w * size].reshape(count, h, size, w, size, channels)
    windows = windows.transpose(0, 1, 3, 5, 2, 4).reshape(count, h, w, channels, size * size)
    winner = np.argmax(windows, axis=-1)
    routed = np.zeros(windows.shape, np.float32)
    np.put_along_axis(routed, winner[..., None], gradient[..., None], axis=-1)
    routed = routed.reshape(count, h, w, channels, size, size).transpose(0, 1, 4, 2, 5, 3)
    result = np.zeros(layer_input.shape, np.float32)
    result[:, : h * size, : w * size] = routed.reshape(count, h * size, w * size, channels)
    return result


def _activate(values: np.ndarray, activation: str) -> np.ndarray:
    if activation == "relu":
        return np.maximum(values, 0)
    if activation == "softmax":
        exponentials = np.exp(values - values.max(axis=-1, keepdims=True))
        return exponentials / exponentials.sum(axis=-1, keepdims=True)
    return values


# --- reading a .keras archive as data -----------------------------------------------------

def _layer_specs(config: dict, path) -> list[dict]:
    if not isinstance(config, dict) or config.get("class_name") != "Sequential" or config.get("module") != "keras":
        kind = config.get("class_name") if isinstance(config, dict) else type(config).__name__
        raise UnsupportedModel(f"{path}: DigitPad runs Keras Sequential models only; this is {kind!r}")
    specs = config.get("config", {}).get("layers", [])
    if not isinstance(specs, list):
        raise ModelError(f"{path}: not a Keras model (its config has no list of layers)")
    for spec in specs:
        kind = spec.get("class_name") if isinstance(spec, dict) else None
        if kind == "Lambda":
            raise UnsupportedModel(f"{path}: it contains code (a Lambda layer), which DigitPad refuses to run")
        if not isinstance(spec, dict) or spec.get("module") != "keras.layers" or kind not in ("InputLayer", *KINDS):
            raise UnsupportedModel(f"{path}: layer {kind!r} is not one DigitPad runs "
                                   "(Conv2D, MaxPooling2D, Flatten and Dense stacks only)")
    _check_input(specs, path)
    return [spec for spec in specs if spec["class_name"] != "InputLayer"]


def _check_input(specs: list[dict], path) -> None:
    """The model must read 28×28×1 images (Keras stores the input layer's batch shape)."""
    for spec in specs[:1]:
        shape = spec.get("config", {}).get("batch_shape") or spec.get("config", {}).get("batch_input_shape")
        if spec.get("class_name") == "InputLayer" and shape is not None and tuple(shape[1:]) != (28, 28, 1):
            raise ModelError(f"{path}: the model reads images of shape {tuple(shape[1:])}, DigitPad needs 28×28×1")


def _layers_from_specs(specs: list[dict], weights) -> list[NumpyLayer]:
    layers, seen = [], {}
    for spec in specs:
        kind = spec["class_name"]
        # Keras stores weights under the snake_case class name, numbered in order.
        key = _snake_case(kind)
        index = seen.get(key, 0)
        seen[key] = index + 1
        group = f"layers/{key}" + (f"_{index}" if index else "") + "/vars"
        arrays = []
        if group in weights:
            arrays = [np.asarray(weights[f"{group}/{i}"], np.float32) for i in range(len(weights[group]))]
        layers.append(_layer_from_config(kind, spec.get("config", {}), arrays))
    return layers


def _layer_from_config(kind: str, config: dict, weights: list[np.ndarray]) -> NumpyLayer:
    name = str(config.get("name", kind))
    if kind not in KINDS:
        raise UnsupportedModel(f"layer {kind!r} is not one DigitPad runs (Conv2D, MaxPooling2D, Flatten and Dense "
                               "stacks only)")
    activation = config.get("activation", "linear")
    if kind in ("Conv2D", "Dense"):
        if activation not in ACTIVATIONS or not config.get("use_bias", True) or len(weights) != 2:
            raise UnsupportedModel(f"{name}: activation {activation!r} or its bias setting is not one DigitPad runs")
    if kind == "Conv2D":
        if (tuple(config.get("strides", (1, 1))) != (1, 1) or config.get("padding") != "valid"
                or tuple(config.get("dilation_rate", (1, 1))) != (1, 1) or config.get("groups", 1) != 1
                or config.get("data_format", "channels_last") != "channels_last"):
            raise UnsupportedModel(f"{name}: only stride 1, valid, undilated convolutions run in DigitPad")
        return NumpyLayer(name, kind, activation, weights)
    if kind == "MaxPooling2D":
        pool = tuple(config.get("pool_size", (2, 2)))
        strides = tuple(config.get("strides") or pool)
        if pool[0] != pool[1] or strides != pool or config.get("padding", "valid") != "valid":
            raise UnsupportedModel(f"{name}: only square non-overlapping pooling runs in DigitPad")
        return NumpyLayer(name, kind, pool=int(pool[0]))
    if kind == "Flatten":
        return NumpyLayer(name, kind)
    return NumpyLayer(name, kind, activation, weights)


def _snake_case(name: str) -> str:
    """Keras' to_snake_case: Conv2D → conv2d, MaxPooling2D → max_pooling2d."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()
