"""The convnet's forward pass in numpy, for one drawing at a time.

For the interactive path a numpy forward pass of this small network takes
about 0.5 ms on two cores, 2–3× less than the fastest TensorFlow call, and it
needs no TensorFlow: the window can predict a second after it opens, while
TensorFlow is still importing in the background.

Only plain Sequential stacks of InputLayer, Conv2D (3×3-style, stride 1, valid),
MaxPooling2D (non-overlapping, valid), Flatten and Dense with relu, linear or
softmax are supported; anything else raises UnsupportedModel and the caller
uses TensorFlow.  ``from_file`` reads a .keras archive's JSON config and HDF5
weights as data only (no code runs) and is checked against Keras' own loading
once TensorFlow is up.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

ACTIVATIONS = ("relu", "linear", "softmax")


class UnsupportedModel(ValueError):
    """The model has a layer or option the numpy forward pass does not implement."""


@dataclass
class NumpyLayer:
    name: str
    kind: str  # "Conv2D", "MaxPooling2D", "Flatten", "Dense"
    activation: str = "linear"
    weights: list[np.ndarray] = field(default_factory=list)
    pool: int = 2
    output_shape: tuple[int, ...] = ()

    @property
    def parameters(self) -> int:
        return int(sum(w.size for w in self.weights))


class NumpyConvnet:
    """A supported convnet's layers and weights, and its forward pass."""

    def __init__(self, layers: list[NumpyLayer]) -> None:
        self.layers = layers
        self._infer_shapes()

    # --- building -----------------------------------------------------------------

    @classmethod
    def from_keras(cls, model) -> NumpyConvnet:
        """From a loaded keras.Model (the weights are copied)."""
        if type(model).__name__ != "Sequential":
            raise UnsupportedModel("only Sequential models run in numpy")
        return cls([_layer_from_config(type(layer).__name__, layer.get_config(),
                                       [np.asarray(w, np.float32) for w in layer.get_weights()])
                    for layer in model.layers])

    @classmethod
    def from_file(cls, path: str | Path) -> NumpyConvnet:
        """From a .keras archive, read as data: config.json and model.weights.h5."""
        import h5py

        try:
            with zipfile.ZipFile(path) as archive:
                config = json.loads(archive.read("config.json"))
                weights_file = io.BytesIO(archive.read("model.weights.h5"))
        except (OSError, KeyError, zipfile.BadZipFile, json.JSONDecodeError, UnicodeDecodeError) as error:
            raise UnsupportedModel(f"not a readable .keras archive ({error})") from None
        if config.get("class_name") != "Sequential" or config.get("module") != "keras":
            raise UnsupportedModel("only keras Sequential models run in numpy")
        specs = config.get("config", {}).get("layers", [])
        layers, seen = [], {}
        with h5py.File(weights_file, "r") as weights:
            for spec in specs:
                kind = spec.get("class_name")
                if spec.get("module") != "keras.layers" or kind not in ("InputLayer", "Conv2D", "MaxPooling2D",
                                                                         "Flatten", "Dense"):
                    raise UnsupportedModel(f"layer {kind!r} does not run in numpy")
                if kind == "InputLayer":
                    continue
                # Keras stores weights under the snake_case class name, numbered in order.
                key = _snake_case(kind)
                index = seen.get(key, 0)
                seen[key] = index + 1
                group = f"layers/{key}" + (f"_{index}" if index else "") + "/vars"
                arrays = []
                if group in weights:
                    arrays = [np.asarray(weights[f"{group}/{i}"], np.float32) for i in range(len(weights[group]))]
                layers.append(_layer_from_config(kind, spec.get("config", {}), arrays))
        return cls(layers)

    def _infer_shapes(self) -> None:
        shape: tuple[int, ...] = (28, 28, 1)
        for layer in self.layers:
            if layer.kind == "Conv2D":
                kernel, bias = layer.weights
                if kernel.ndim != 4 or kernel.shape[2] != shape[-1] or bias.shape != (kernel.shape[3],):
                    raise UnsupportedModel(f"{layer.name}: kernel {kernel.shape} does not fit input {shape}")
                shape = (shape[0] - kernel.shape[0] + 1, shape[1] - kernel.shape[1] + 1, kernel.shape[3])
            elif layer.kind == "MaxPooling2D":
                shape = (shape[0] // layer.pool, shape[1] // layer.pool, shape[2])
            elif layer.kind == "Flatten":
                shape = (int(np.prod(shape)),)
            elif layer.kind == "Dense":
                kernel, bias = layer.weights
                if len(shape) != 1 or kernel.shape[0] != shape[0] or bias.shape != (kernel.shape[1],):
                    raise UnsupportedModel(f"{layer.name}: kernel {kernel.shape} does not fit input {shape}")
                shape = (kernel.shape[1],)
            if min(shape) <= 0:
                raise UnsupportedModel(f"{layer.name}: the image shrinks to nothing")
            layer.output_shape = shape
        if shape != (10,):
            raise UnsupportedModel(f"the model ends in shape {shape}, not 10 probabilities")

    # --- running ---------------------------------------------------------------------

    def shown_layers(self) -> list[NumpyLayer]:
        return [layer for layer in self.layers if layer.kind != "Flatten"]

    def activations(self, image: np.ndarray) -> list[np.ndarray]:
        """Every shown layer's activation for one 28×28 image."""
        hidden = np.asarray(image, np.float32).reshape(28, 28, 1)
        outputs = []
        for layer in self.layers:
            if layer.kind == "Conv2D":
                hidden = _activate(_convolve(hidden, *layer.weights), layer.activation)
            elif layer.kind == "MaxPooling2D":
                hidden = _max_pool(hidden, layer.pool)
            elif layer.kind == "Flatten":
                hidden = hidden.reshape(-1)
                continue
            else:
                hidden = _activate(hidden @ layer.weights[0] + layer.weights[1], layer.activation)
            outputs.append(hidden)
        return outputs

    def kernels(self, name: str) -> np.ndarray | None:
        for layer in self.layers:
            if layer.name == name:
                return layer.weights[0] if layer.kind == "Conv2D" else None
        raise KeyError(name)

    def same_weights_as(self, other: NumpyConvnet) -> bool:
        mine = [w for layer in self.layers for w in layer.weights]
        theirs = [w for layer in other.layers for w in layer.weights]
        return len(mine) == len(theirs) and all(a.shape == b.shape and np.array_equal(a, b)
                                                for a, b in zip(mine, theirs))


def _layer_from_config(kind: str, config: dict, weights: list[np.ndarray]) -> NumpyLayer:
    name = str(config.get("name", kind))
    if kind == "InputLayer":
        raise UnsupportedModel("unexpected input layer inside the stack")  # Sequential.layers omits it
    activation = config.get("activation", "linear")
    if kind in ("Conv2D", "Dense"):
        if activation not in ACTIVATIONS or not config.get("use_bias", True) or len(weights) != 2:
            raise UnsupportedModel(f"{name}: activation {activation!r} or bias setting does not run in numpy")
    if kind == "Conv2D":
        if (tuple(config.get("strides", (1, 1))) != (1, 1) or config.get("padding") != "valid"
                or tuple(config.get("dilation_rate", (1, 1))) != (1, 1) or config.get("groups", 1) != 1
                or config.get("data_format", "channels_last") != "channels_last"):
            raise UnsupportedModel(f"{name}: only stride 1, valid, undilated convolutions run in numpy")
        return NumpyLayer(name, kind, activation, weights)
    if kind == "MaxPooling2D":
        pool = tuple(config.get("pool_size", (2, 2)))
        strides = tuple(config.get("strides") or pool)
        if pool[0] != pool[1] or strides != pool or config.get("padding", "valid") != "valid":
            raise UnsupportedModel(f"{name}: only square non-overlapping pooling runs in numpy")
        return NumpyLayer(name, kind, pool=int(pool[0]))
    if kind == "Flatten":
        return NumpyLayer(name, kind)
    if kind == "Dense":
        return NumpyLayer(name, kind, activation, weights)
    raise UnsupportedModel(f"layer {kind!r} does not run in numpy")


def _convolve(image: np.ndarray, kernel: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """A valid, stride-1 convolution as one matrix product over all patches (im2col)."""
    rows, cols, channels, filters = kernel.shape
    windows = sliding_window_view(image, (rows, cols), axis=(0, 1))  # (H', W', C, rows, cols)
    height, width = windows.shape[:2]
    patches = windows.transpose(0, 1, 3, 4, 2).reshape(height * width, rows * cols * channels)
    return (patches @ kernel.reshape(-1, filters) + bias).reshape(height, width, filters)


def _max_pool(image: np.ndarray, size: int) -> np.ndarray:
    height, width, channels = image.shape
    h, w = height // size, width // size
    return image[: h * size, : w * size].reshape(h, size, w, size, channels).max(axis=(1, 3))


def _activate(values: np.ndarray, activation: str) -> np.ndarray:
    if activation == "relu":
        return np.maximum(values, 0)
    if activation == "softmax":
        exponentials = np.exp(values - values.max())
        return exponentials / exponentials.sum()
    return values


def _snake_case(name: str) -> str:
    """Keras' to_snake_case: Conv2D → conv2d, MaxPooling2D → max_pooling2d."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()
