"""What a unit responds to: the images of a set that excite it most, and where it looks in them.

The Deep Visualization Toolbox's most telling picture: for one channel of a convolution or pooling
layer, one dense unit or one output digit, the K images of a data set with the largest activation,
each with the position of that maximum and the part of the 28×28 input the unit at that position
sees (its receptive field).

``ActivationIndex.build`` runs the set through the numpy network once, in chunks that bound memory,
and keeps for every image and unit the largest activation over the unit's positions and where it
is: 10 000 MNIST test images and the bundled model's 330 units make a few tens of megabytes.  Asking
for any unit's top images is then a sort of one column.

Receptive fields follow the layers: each convolution or pooling widens the field by (kernel − 1)
times the distance between neighbouring positions (the "jump"), multiplies the jump by its stride,
and with padding "same" moves the first position's field up and left by the padding.  Dense,
Flatten and global pooling layers see the whole image.  For the bundled model conv2 at (r, c) sees
[2r, 2c, 2r + 8, 2c + 8] and conv3 [4r, 4c, 4r + 18, 4c + 18].
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from digitpad.model.network.numpy_net import NumpyConvnet, NumpyLayer, _backward

IMAGE_SIZE = 28
TOP = 9
# Images per chunk of the indexing pass: conv2's patches of 128 images take about 18 MB, so the window's
# memory stays near its figures, and a chunk is short enough for the window to pause the pass between
# chunks while the pen moves.
INDEX_CHUNK = 128

Box = tuple[int, int, int, int]  # top, left, bottom, right in input pixels; bottom and right exclusive


# --- receptive fields ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    """Where the units of one layer's maps look in the input: the field of the unit at (0, 0) starts
    at ``start`` (may be negative with padding), is ``size`` pixels wide, and each step along the
    map moves it by ``jump`` pixels.  ``whole`` for layers whose units see the whole image."""

    size: tuple[int, int] = (IMAGE_SIZE, IMAGE_SIZE)
    jump: tuple[int, int] = (1, 1)
    start: tuple[int, int] = (0, 0)
    whole: bool = False

    def box(self, row: int | None = None, col: int | None = None) -> Box:
        """The field of the unit at (row, col), clipped to the image."""
        if self.whole or row is None or col is None:
            return (0, 0, IMAGE_SIZE, IMAGE_SIZE)
        top = self.start[0] + row * self.jump[0]
        left = self.start[1] + col * self.jump[1]
        return (max(top, 0), max(left, 0), min(top + self.size[0], IMAGE_SIZE), min(left + self.size[1], IMAGE_SIZE))

    def centre(self, row: float, col: float) -> tuple[float, float]:
        """The centre of the unit's field in input pixels (unclipped): where a map value sits on the image."""
        return (self.start[0] + row * self.jump[0] + (self.size[0] - 1) / 2,
                self.start[1] + col * self.jump[1] + (self.size[1] - 1) / 2)


def receptive_fields(net: NumpyConvnet) -> dict[str, Field]:
    """Every layer's receptive field, by layer name."""
    fields: dict[str, Field] = {}
    field, shape = Field(size=(1, 1)), (IMAGE_SIZE, IMAGE_SIZE)
    for layer in net.layers:
        if field.whole or len(layer.output_shape) != 3:
            field = Field(whole=True)
        elif _is_window(layer):
            field = _widen(field, layer, shape)
        # Anything else that keeps maps (normalisation, dropout, an activation) keeps the field.
        fields[layer.name] = field
        if len(layer.output_shape) == 3:
            shape = layer.output_shape[:2]
    return fields


def _is_window(layer: NumpyLayer) -> bool:
    return layer.kind.startswith("Conv") or (layer.kind.endswith("Pooling2D") and not layer.kind.startswith("Global"))


def _pair(value) -> tuple[int, int]:
    if isinstance(value, (tuple, list)):
        return int(value[0]), int(value[-1])
    return int(value), int(value)


def window_geometry(layer: NumpyLayer) -> tuple[tuple[int, int], tuple[int, int], str]:
    """(kernel size, strides, padding) of a convolution or pooling layer."""
    padding = str(getattr(layer, "padding", "valid")).lower()
    if layer.kind.startswith("Conv"):
        return _pair(layer.weights[0].shape[:2]), _pair(getattr(layer, "strides", 1) or 1), padding
    pool = _pair(layer.pool)
    return pool, _pair(getattr(layer, "strides", None) or pool), padding


def _widen(field: Field, layer: NumpyLayer, shape: tuple[int, int]) -> Field:
    kernel, strides, padding = window_geometry(layer)
    size, jump, start = [], [], []
    for axis in range(2):
        pad_before = 0
        if padding == "same":  # TensorFlow puts the odd pixel of padding after
            outputs = math.ceil(shape[axis] / strides[axis])
            pad_before = max((outputs - 1) * strides[axis] + kernel[axis] - shape[axis], 0) // 2
        size.append(field.size[axis] + (kernel[axis] - 1) * field.jump[axis])
        start.append(field.start[axis] - pad_before * field.jump[axis])
        jump.append(field.jump[axis] * strides[axis])
    return Field(tuple(size), tuple(jump), tuple(start))


# --- the units ---------------------------------------------------------------------------------------

def unit_layers(net: NumpyConvnet) -> list[NumpyLayer]:
    """The layers whose units have top images: every layer with maps or units, Flatten aside (it only
    reshapes)."""
    return [layer for layer in net.layers if layer.kind != "Flatten"]


def unit_count(layer: NumpyLayer) -> int:
    """Channels of a layer with maps, units of a dense layer."""
    return int(layer.output_shape[-1])


def find_layer(net: NumpyConvnet, name: str) -> tuple[int, NumpyLayer]:
    """(position in the network, layer); ValueError naming the layers there are."""
    for position, layer in enumerate(net.layers):
        if layer.name == name and layer.kind != "Flatten":
            return position, layer
    names = ", ".join(layer.name for layer in unit_layers(net))
    raise ValueError(f"there is no layer {name!r}; this model's layers with units are {names}")


def check_channel(layer: NumpyLayer, channel: int) -> None:
    count = unit_count(layer)
    if not 0 <= channel < count:
        what = "maps" if len(layer.output_shape) == 3 else "units"  # worded as ``explain_unit`` words it
        raise ValueError(f"{layer.name} has {count} {what}, numbered 0 to {count - 1}; there is no {channel}")


def is_output(net: NumpyConvnet, layer: NumpyLayer) -> bool:
    return layer is net.layers[-1]


# --- the index ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TopImage:
    """One of a unit's top images: its place in the set, the unit's largest value over the image's
    positions, where that is (None for dense units) and the receptive field there."""

    index: int
    value: float
    at: tuple[int, int] | None
    box: Box

    def as_json(self) -> dict:
        return {"index": self.index, "value": round(self.value, 6),
                "at": list(self.at) if self.at is not None else None, "box": list(self.box)}


class ActivationIndex:
    """For every image of a set and every unit: the largest activation over positions, and where.
    The output layer's value is the digit's score before the softmax (probabilities saturate at 1 and
    would not rank the most typical images)."""

    def __init__(self, net: NumpyConvnet, values: dict[str, np.ndarray], places: dict[str, np.ndarray],
                 count: int) -> None:
        self.net = net
        self.values = values  # layer name → (n, units) float32
        self.places = places  # layer name → (n, units) int32, row * width + col; absent for dense layers
        self.count = count
        self.fields = receptive_fields(net)

    @classmethod
    def build(cls, net: NumpyConvnet, images: np.ndarray, chunk: int = INDEX_CHUNK,
              progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> ActivationIndex:
        """One batched pass over (n, 28, 28) images.  ``progress(done, total)`` after each chunk;
        ``cancelled()`` is asked between chunks and stops the pass with InterruptedError."""
        images = np.asarray(images, np.float32).reshape(-1, IMAGE_SIZE, IMAGE_SIZE, 1)
        layers = [(position, layer) for position, layer in enumerate(net.layers) if layer.kind != "Flatten"]
        values = {layer.name: np.empty((len(images), unit_count(layer)), np.float32) for _, layer in layers}
        places = {layer.name: np.empty((len(images), unit_count(layer)), np.int32)
                  for _, layer in layers if len(layer.output_shape) == 3}
        for start in range(0, len(images), chunk):
            if cancelled is not None and cancelled():
                raise InterruptedError("the index was not finished")
            outputs = net._forward(images[start:start + chunk], keep=True, softmax=False)[1]
            for position, layer in layers:
                output = outputs[position]
                stop = start + len(output)
                if output.ndim == 4:
                    flat = output.reshape(len(output), -1, output.shape[-1])
                    where = flat.argmax(axis=1)
                    values[layer.name][start:stop] = np.take_along_axis(flat, where[:, None, :], axis=1)[:, 0]
                    places[layer.name][start:stop] = where
                else:
                    values[layer.name][start:stop] = output
            if progress is not None:
                progress(min(start + chunk, len(images)), len(images))
        return cls(net, values, places, len(images))

    def top(self, layer_name: str, channel: int, k: int = TOP) -> list[TopImage]:
        """The k images that excite the unit most, highest first (the earlier image on a tie)."""
        _, layer = find_layer(self.net, layer_name)
        check_channel(layer, channel)
        if k < 1:
            raise ValueError(f"the number of top images must be at least 1, not {k}")
        column = self.values[layer_name][:, channel]
        order = np.argsort(-column, kind="stable")[:k]
        field, width = self.fields[layer_name], layer.output_shape[1] if len(layer.output_shape) == 3 else 0
        tops = []
        for index in order:
            at = None
            if layer_name in self.places:
                at = divmod(int(self.places[layer_name][index, channel]), width)
            tops.append(TopImage(int(index), float(column[index]), at, field.box(*at) if at else field.box()))
        return tops


def model_fingerprint(net: NumpyConvnet) -> str:
    """Changes whenever the layers or weights do: the key an index is cached under."""
    digest = hashlib.sha1()
    for layer in net.layers:
        digest.update(f"{layer.name}/{layer.kind}/{layer.output_shape}".encode())
        for weight in layer.weights:
            digest.update(np.ascontiguousarray(weight).tobytes())
    return digest.hexdigest()


class IndexCache:
    """The last index built per (model, image set): rebuilt only when the model or the set changes."""

    def __init__(self, keep: int = 2) -> None:
        self.keep = keep
        self._indexes: dict[tuple[str, str], ActivationIndex] = {}

    def get(self, net: NumpyConvnet, set_name: str) -> ActivationIndex | None:
        return self._indexes.get((model_fingerprint(net), set_name))

    def put(self, set_name: str, index: ActivationIndex) -> None:
        key = (model_fingerprint(index.net), set_name)
        self._indexes.pop(key, None)
        self._indexes[key] = index
        while len(self._indexes) > self.keep:
            self._indexes.pop(next(iter(self._indexes)))


# --- gradients from an intermediate layer -------------------------------------------------------------

def gradient_from(net: NumpyConvnet, position: int, inputs: list[np.ndarray], outputs: list[np.ndarray],
                  gradient: np.ndarray, before_activation: bool = False) -> np.ndarray:
    """d(objective)/d(images) from the gradient with respect to layer ``position``'s output, through
    every layer below it.  With ``before_activation`` the objective is taken before that layer's relu,
    so a unit that no input excites yet still gets a direction to climb.
    (This can move to ``NumpyConvnet.gradient_from`` once the numpy network has it.)"""
    for index in range(position, -1, -1):
        layer, output = net.layers[index], outputs[index]
        if index == position and before_activation:
            output = np.ones_like(output)  # the relu lets every gradient through
        gradient = _backward(layer, inputs[index], output, gradient)
    return gradient.reshape(-1, IMAGE_SIZE, IMAGE_SIZE)
