"""The convnet's forward and backward pass in numpy.

The window never imports TensorFlow: a numpy forward pass of the seed network takes about half a
millisecond for one drawing, less than the fastest TensorFlow call, and the backward pass gives
*Why?* its gradients.  TensorFlow lives in a worker process, for training and export only.

Supported are plain Sequential stacks of the layers in ``model.network.layers`` (Conv2D with any
kernel, stride and padding, max and average pooling, Dense, Dropout, BatchNormalization, Flatten,
GlobalAveragePooling2D, Activation) with relu, tanh, sigmoid, linear, or softmax last: the seed
convnet, LeNet-5, the Keras example and anything of their kind.  Anything else raises
UnsupportedModel with the layer named.  ``from_file`` reads a ``.keras`` archive's JSON config and
HDF5 weights as data only (no code runs), within the limits of ``model_files``.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import numpy as np

from digitpad.model.files.model_archive import ModelError, UnreadableModel, read_members
from digitpad.model.network import layers as numpy_layers
from digitpad.model.network.layers import ACTIVATIONS, KINDS, POOLING, NumpyLayer
from digitpad.model.words import FileProblem, Words, json_reader_error

__all__ = ["ACTIVATIONS", "KINDS", "ModelError", "NumpyConvnet", "NumpyLayer", "UnsupportedModel"]
# Images per chunk of a batched pass: the seed's conv2 patches of 256 images take about 35 MB.  A wider
# network's chunks are smaller, so that no convolution's patches of one chunk pass PATCH_FLOATS.
CHUNK = 256
PATCH_FLOATS = 16 * 1024 * 1024  # 64 MB of float32


class UnsupportedModel(ModelError):
    """The model has a layer or option the numpy passes do not implement; its one argument is ``Words``."""


class UnsupportedModelFile(FileProblem, UnsupportedModel):
    """A model file with such a layer or option: "path: reason", the reason said in the window's language."""


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
            raise UnsupportedModel(Words("DigitPad runs Sequential models only"))
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
        except json.JSONDecodeError as error:
            raise UnreadableModel(path, Words("not a Keras model (its config.json is not readable JSON: {error})",
                                              error=error.msg)) from None
        except (UnicodeDecodeError, RecursionError) as error:
            raise UnreadableModel(path, Words("not a Keras model (its config.json is not readable JSON: {error})",
                                              error=json_reader_error(error))) from None
        try:
            specs = _layer_specs(config, path)
            with h5py.File(io.BytesIO(members["model.weights.h5"]), "r") as weights:
                return cls(_layers_from_specs(specs, weights))
        except OSError:  # h5py's reason ("Unable to synchronously open file …") tells a person nothing more
            raise UnreadableModel(path, Words("not a Keras model (its weights are not readable)")) from None
        except UnsupportedModel as error:  # named by the file, as the window and the command line say it
            if isinstance(error, FileProblem):
                raise
            raise UnsupportedModelFile(path, _reason(error)) from None

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
                raise UnsupportedModel(Words("{name}: a softmax before the last layer is not one DigitPad runs",
                                             name=layer.name))
            try:
                shape = numpy_layers.output_shape(layer, shape)
            except ValueError as error:
                raise UnsupportedModel(_reason(error)) from None
            layer.output_shape = shape
        if shape != (10,):
            raise UnsupportedModel(Words("the model has output shape {shape}, DigitPad needs 10 digit probabilities",
                                         shape=shape))

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
        chunk = self.chunk_size()
        chunks = [self._forward(images[start:start + chunk])[0] for start in range(0, len(images), chunk)]
        return np.concatenate(chunks) if chunks else np.zeros((0, 10), np.float32)

    def chunk_size(self) -> int:
        """Images per batch such that the largest convolution's patches stay within PATCH_FLOATS."""
        per_image = max([int(np.prod(layer.output_shape[:2])) * layer.weights[0][..., 0].size
                         for layer in self.layers if layer.kind == "Conv2D"], default=1)
        return int(max(1, min(CHUNK, PATCH_FLOATS // per_image)))

    def logits(self, images: np.ndarray) -> np.ndarray:
        """The last layer's values before its softmax, (n, 10)."""
        return self._forward(np.asarray(images, np.float32).reshape(-1, 28, 28, 1), softmax=False)[0]

    def input_gradient(self, images: np.ndarray, direction: np.ndarray) -> np.ndarray:
        """d(logits · direction) / d(images) for each image: the backward pass, (n, 28, 28)."""
        images = np.asarray(images, np.float32).reshape(-1, 28, 28, 1)
        directions = np.broadcast_to(np.asarray(direction, np.float32), (len(images), 10))
        chunk = self.chunk_size()
        if len(images) > chunk:  # Why?'s 64 steps through a wide network: in pieces that bound memory
            return np.concatenate([self.input_gradient(images[start:start + chunk], directions[start:start + chunk])
                                   for start in range(0, len(images), chunk)])
        _, outputs, inputs = self._forward(images, keep=True, softmax=False)
        gradient = directions.copy()
        # The last layer's output was kept before its activation (the logits): go back through it as linear.
        layers = [*self.layers[:-1], replace(self.layers[-1], activation="linear")]
        return self._back_from(layers, len(layers) - 1, inputs, outputs, gradient)

    def gradient_from(self, layer_index: int, images: np.ndarray, output_gradient: np.ndarray) -> np.ndarray:
        """d(Σ layer_output · output_gradient) / d(images), (n, 28, 28), for the output of any layer
        (a softmax last included)."""
        if not 0 <= layer_index < len(self.layers):
            raise ValueError(f"there is no layer {layer_index}; this model has {len(self.layers)}")
        images = np.asarray(images, np.float32).reshape(-1, 28, 28, 1)
        _, outputs, inputs = self._forward(images, keep=True)
        layer = self.layers[layer_index]
        gradient = np.broadcast_to(np.asarray(output_gradient, np.float32), outputs[layer_index].shape).copy()
        if layer.activation == "softmax":  # _backward skips a softmax: apply its Jacobian here
            gradient = numpy_layers.softmax_backward(outputs[layer_index], gradient)
        return self._back_from(self.layers, layer_index, inputs, outputs, gradient)

    @staticmethod
    def _back_from(layers, layer_index: int, inputs, outputs, gradient: np.ndarray) -> np.ndarray:
        for index in range(layer_index, -1, -1):
            gradient = _backward(layers[index], inputs[index], outputs[index], gradient)
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
            hidden = numpy_layers.forward(layer, hidden, activate=softmax or not last)
            if keep:
                outputs.append(hidden)
        return hidden, outputs, inputs


def _backward(layer: NumpyLayer, layer_input: np.ndarray, layer_output: np.ndarray, gradient: np.ndarray):
    """The gradient with respect to the layer's input, from the one with respect to its output (a
    softmax is skipped: it is only ever the last layer, whose gradient arrives with respect to its logits)."""
    return numpy_layers.backward(layer, layer_input, layer_output, gradient)


# --- reading a .keras archive as data -----------------------------------------------------

def _layer_specs(config: dict, path) -> list[dict]:
    if not isinstance(config, dict) or config.get("class_name") != "Sequential" or config.get("module") != "keras":
        kind = config.get("class_name") if isinstance(config, dict) else type(config).__name__
        raise UnsupportedModel(Words("DigitPad runs Keras Sequential models only; this is {kind!r}", kind=kind))
    specs = config.get("config", {}).get("layers", [])
    if not isinstance(specs, list):
        raise UnreadableModel(path, Words("not a Keras model (its config has no list of layers)"))
    for spec in specs:
        kind = spec.get("class_name") if isinstance(spec, dict) else None
        if kind == "Lambda":
            raise UnsupportedModel(Words("it contains code (a Lambda layer), which DigitPad refuses to run"))
        if not isinstance(spec, dict) or spec.get("module") != "keras.layers" or kind not in ("InputLayer", *KINDS):
            raise UnsupportedModel(Words(NOT_RUN, kind=kind, kinds=RUNS))
    _check_input(specs, path)
    return [spec for spec in specs if spec["class_name"] != "InputLayer"]


def _check_input(specs: list[dict], path) -> None:
    """The model must read 28×28×1 images (Keras stores the input layer's batch shape)."""
    for spec in specs[:1]:
        shape = spec.get("config", {}).get("batch_shape") or spec.get("config", {}).get("batch_input_shape")
        if spec.get("class_name") == "InputLayer" and shape is not None and tuple(shape[1:]) != (28, 28, 1):
            raise UnsupportedModel(Words("the model reads images of shape {shape}, DigitPad needs 28×28×1",
                                         shape=tuple(shape[1:])))


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


RUNS = "Conv2D, MaxPooling2D, AveragePooling2D, Dense, Dropout, BatchNormalization, Flatten, " \
       "GlobalAveragePooling2D, Activation"
NOT_RUN = "layer {kind!r} is not one DigitPad runs (it runs {kinds})"


def _layer_from_config(kind: str, config: dict, weights: list[np.ndarray]) -> NumpyLayer:
    """One layer from its Keras config and weights, every setting checked: UnsupportedModel names what
    the numpy passes do not implement."""
    if not isinstance(config, dict):
        raise UnsupportedModel(Words("layer {kind!r} has no readable config", kind=kind))
    name = str(config.get("name", kind))
    if kind not in KINDS:
        raise UnsupportedModel(Words(NOT_RUN, kind=kind, kinds=RUNS))
    if config.get("data_format", "channels_last") != "channels_last":
        raise UnsupportedModel(Words("{name}: only channels_last maps run in DigitPad", name=name))
    activation = config.get("activation", "linear")
    if kind in ("Conv2D", "Dense", "Activation") and activation not in ACTIVATIONS:
        raise UnsupportedModel(Words("{name}: activation {activation!r} is not one DigitPad runs ({activations})",
                                     name=name, activation=activation, activations=", ".join(ACTIVATIONS)))
    expected = _expected_weights(kind, config)
    if len(weights) != expected:
        raise UnsupportedModel(Words("{name}: it has {count} weight arrays; a {kind} with its settings has {expected}",
                                     name=name, count=len(weights), kind=kind, expected=expected))
    if kind == "Conv2D":
        if _square(config.get("dilation_rate", 1), name, "dilation rate") != 1 or config.get("groups", 1) != 1:
            raise UnsupportedModel(Words("{name}: dilated or grouped convolutions do not run in DigitPad", name=name))
        return NumpyLayer(name, kind, activation, weights, strides=_square(config.get("strides", 1), name, "stride"),
                          padding=_padding(config, name))
    if kind in POOLING:
        pool = _square(config.get("pool_size", 2), name, "pool size")
        strides = _square(config.get("strides") or pool, name, "stride")
        return NumpyLayer(name, kind, pool=pool, strides=strides, padding=_padding(config, name))
    if kind == "Dropout":
        rate = config.get("rate", 0.0)
        if not isinstance(rate, (int, float)) or not 0 <= rate < 1:
            raise UnsupportedModel(Words("{name}: a dropout rate must be a number from 0 to below 1, not {rate!r}",
                                         name=name, rate=rate))
        return NumpyLayer(name, kind, rate=float(rate))
    if kind == "BatchNormalization":
        return _batch_normalization(name, config, weights)
    if kind == "GlobalAveragePooling2D" and config.get("keepdims", False):
        raise UnsupportedModel(Words("{name}: global pooling that keeps its dimensions does not run in DigitPad",
                                     name=name))
    return NumpyLayer(name, kind, activation if kind in ("Dense", "Activation") else "linear", weights)


def _expected_weights(kind: str, config: dict) -> int:
    if kind in ("Conv2D", "Dense"):
        return 2 if config.get("use_bias", True) else 1
    if kind == "BatchNormalization":
        return 2 + bool(config.get("center", True)) + bool(config.get("scale", True))
    return 0


def _batch_normalization(name: str, config: dict, weights: list[np.ndarray]) -> NumpyLayer:
    axis = config.get("axis", -1)
    axis = axis[0] if isinstance(axis, (list, tuple)) and len(axis) == 1 else axis
    epsilon = config.get("epsilon", 1e-3)
    if axis not in (-1, 3) or config.get("renorm") or config.get("synchronized"):
        raise UnsupportedModel(Words("{name}: only BatchNormalization over the channels (axis −1) runs in DigitPad",
                                     name=name))
    if not isinstance(epsilon, (int, float)) or not 0 < epsilon < 1:
        raise UnsupportedModel(Words("{name}: epsilon must be a small positive number, not {epsilon!r}", name=name,
                                     epsilon=epsilon))
    if any(array.ndim != 1 for array in weights) or weights[-1].min(initial=0.0) < 0:
        raise UnsupportedModel(Words("{name}: its statistics are not one number per channel with a variance ≥ 0",
                                     name=name))
    return NumpyLayer(name, "BatchNormalization", weights=weights, epsilon=float(epsilon),
                      center=bool(config.get("center", True)), scale=bool(config.get("scale", True)))


def _square(value, name: str, what: str) -> int:
    """A size given as one integer or as (rows, columns) of the same integer, at least 1."""
    values = list(value) if isinstance(value, (list, tuple)) else [value]
    if not values or len(values) > 2 or any(isinstance(v, bool) or not isinstance(v, int) or v < 1 for v in values):
        raise UnsupportedModel(Words("{name}: its {what} {value!r} is not a positive whole number", name=name,
                                     what=Words(what), value=value))
    if len(set(values)) != 1:
        raise UnsupportedModel(Words("{name}: its {what} {value!r} is not square; DigitPad runs square ones only",
                                     name=name, what=Words(what), value=value))
    if values[0] > 1024:
        raise UnsupportedModel(Words("{name}: its {what} {size} is larger than any 28×28 model needs", name=name,
                                     what=Words(what), size=values[0]))
    return values[0]


def _padding(config: dict, name: str) -> str:
    padding = str(config.get("padding", "valid")).lower()
    if padding not in ("valid", "same"):
        raise UnsupportedModel(Words("{name}: padding {padding!r} does not run in DigitPad (valid or same only)",
                                     name=name, padding=padding))
    return padding


def _reason(error: Exception) -> Words:
    """An error's reason as ``Words``: the core's own, or its text (a layer's shape that does not fit)."""
    reason = error.args[0] if error.args else None
    return reason if isinstance(reason, Words) else Words("{text}", text=str(error))


def _snake_case(name: str) -> str:
    """Keras' to_snake_case: Conv2D → conv2d, MaxPooling2D → max_pooling2d."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()
