"""Asking a model about drawings: the Predictor the window, the CLI and the benchmarks share.

A Predictor runs the numpy passes (``model.network.numpy_net``): one drawing with every layer's activation
in about half a millisecond, batches for the CLI, and gradients for *Why?*, all without TensorFlow.
It reads a ``.keras`` file as data, within the limits of ``model.files.model_archive``; Keras itself (in
the worker process) only trains and exports.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from digitpad.model.files.model_archive import ModelError
from digitpad.model.ink.preprocessing import strokes_to_tensor
from digitpad.model.network.numpy_net import NumpyConvnet

__all__ = ["NOTHING_DRAWN", "NO_DIGIT_BELOW", "UNSURE_BELOW", "LayerInfo", "ModelError", "Prediction", "Predictor",
           "expected_calibration_error", "honesty", "read_tensor_file"]

# Below this top probability the window says "unsure" instead of claiming a digit.
UNSURE_BELOW = 0.6
# Below this one no digit stands out at all (a scribble reads about 10% for every digit): the window does
# not name a runner-up or another reading, which would suggest a near-decision that is not there.
NO_DIGIT_BELOW = 0.3


@dataclass(frozen=True)
class LayerInfo:
    """One row of the seed notebook's ``model.summary()``."""

    name: str
    kind: str  # Keras' class name: "Conv2D", "MaxPooling2D", "Flatten", "Dense", ... (model.network.layers.KINDS)
    output_shape: tuple[int, ...]  # without the batch dimension
    parameters: int


@dataclass(frozen=True, eq=False)
class Prediction:
    """What the network says about one drawing.  ``label is None`` means nothing was drawn."""

    label: int | None
    probabilities: np.ndarray | None = None  # (10,) float32
    activations: list[np.ndarray] | None = None  # one per shown layer, batch dimension removed
    tensor: np.ndarray | None = None  # the 28×28 input the network saw
    # Why the answer may be wrong however sure the network is (a photo whose ink is faint or cluttered,
    # see model.ink.images.ImageReading.doubt); such an answer is shown as unsure.
    doubt: str | None = None
    # The digit the drawing reads as when turned, narrowed or slanted a little, when that makes it doubtful
    # (model.network.views).
    other_reading: int | None = None

    @property
    def confidence(self) -> float:
        return float(self.probabilities.max()) if self.probabilities is not None else 0.0

    @property
    def is_unsure(self) -> bool:
        return self.label is not None and (self.confidence < UNSURE_BELOW or self.doubt is not None)

    @property
    def runner_up(self) -> int | None:
        if self.probabilities is None:
            return None
        return int(np.argsort(self.probabilities)[-2])

    def as_json(self) -> dict:
        if self.label is None:
            return {"label": None, "probabilities": None}
        answer = {"label": self.label, "probabilities": [round(float(p), 6) for p in self.probabilities]}
        if self.doubt:
            answer["doubt"] = self.doubt
        if self.other_reading is not None:
            answer["other_reading"] = self.other_reading
        return answer


NOTHING_DRAWN = Prediction(label=None)


def expected_calibration_error(probabilities: np.ndarray, labels: np.ndarray, bins: int = 15) -> float:
    """How far confidence is from accuracy: the average gap over equal-width confidence bins, each
    weighted by its share of the answers (0 for probabilities that mean what they say)."""
    confidence = probabilities.max(axis=1)
    correct = probabilities.argmax(axis=1) == labels
    edges = np.minimum((confidence * bins).astype(int), bins - 1)
    return float(sum(abs(confidence[edges == b].mean() - correct[edges == b].mean()) * np.mean(edges == b)
                     for b in range(bins) if np.any(edges == b)))


def honesty(predictions: list[Prediction], labels: np.ndarray) -> dict:
    """What `digitpad evaluate` reports of doubt: the share of answers shown as unsure, of the wrong ones
    and of the right ones, and the calibration error of the probabilities (drawings with ink only)."""
    drawn = [index for index, prediction in enumerate(predictions) if prediction.label is not None]
    if not drawn:
        return {}
    right = np.array([predictions[i].label == labels[i] for i in drawn])
    unsure = np.array([predictions[i].is_unsure for i in drawn])
    probabilities = np.stack([predictions[i].probabilities for i in drawn])
    return {"unsure": round(float(unsure.mean()), 4), "wrong_shown_unsure": _share(unsure, ~right),
            "right_shown_unsure": _share(unsure, right),
            "ece": round(expected_calibration_error(probabilities, np.asarray(labels)[drawn]), 4)}


def _share(unsure: np.ndarray, among: np.ndarray) -> float | None:
    """The share of ``among`` shown as unsure (None when there are none)."""
    return round(float(np.mean(unsure[among])), 4) if among.any() else None


class Predictor:
    """A convnet and its numpy passes.  ``source`` says where it came from: a file's path, or a
    description such as "trained 14:05 (99.2%)" for a network that is not a file yet."""

    def __init__(self, net: NumpyConvnet, source: str = "") -> None:
        self.net = net
        self.source = source
        self.layers = [LayerInfo(layer.name, layer.kind, layer.output_shape, layer.parameters)
                       for layer in net.layers]

    @classmethod
    def load(cls, path: str | os.PathLike) -> Predictor:
        """Read a ``.keras`` file as data (no code runs); ModelError says what is wrong with it."""
        path = Path(path).expanduser()
        return cls(NumpyConvnet.from_file(path), source=str(path))

    @property
    def parameter_count(self) -> int:
        return int(sum(layer.parameters for layer in self.layers))

    @property
    def shown_layers(self) -> list[LayerInfo]:
        """The layers whose output the Network tab shows as maps (Flatten only reshapes)."""
        return [layer for layer in self.layers if layer.kind != "Flatten"]

    def predict_tensor(self, tensor: np.ndarray | None) -> Prediction:
        if tensor is None:
            return NOTHING_DRAWN
        activations = self.net.activations(tensor)
        probabilities = activations[-1]
        return Prediction(int(np.argmax(probabilities)), probabilities, activations, tensor)

    def predict_strokes(self, strokes, **preprocessing) -> Prediction:
        return self.predict_tensor(strokes_to_tensor(strokes, **preprocessing))

    def predict_image(self, image) -> Prediction:
        """A Pillow image read as one digit, in doubt when its ink is faint or cluttered.
        ``model.ink.images.read_image`` says where the digit is; ``model.numbers.read_image_number``
        reads several digits side by side."""
        from digitpad.model.ink.images import read_image

        reading = read_image(image)
        prediction = self.predict_tensor(reading.tensor)
        if reading.doubt and prediction.label is not None:
            prediction = replace(prediction, doubt=reading.doubt)
        return prediction

    def probabilities(self, tensors: np.ndarray) -> np.ndarray:
        """Probabilities for many 28×28 tensors at once, shape (n, 10)."""
        return self.net.probabilities(tensors)

    def kernels(self, layer_name: str) -> np.ndarray | None:
        """A convolution layer's kernels, shape (rows, columns, in_channels, filters); None for other layers."""
        return self.net.kernels(layer_name)

    def with_weights(self, weights: list[np.ndarray], source: str) -> Predictor:
        """The same network with other weights: a model being trained, a few times a second."""
        return Predictor(self.net.with_weights(weights), source)


# The largest tensor file read: 2 GB is 700,000 float32 images, ten times MNIST's training set.
MAX_TENSOR_BYTES = 2 * 1024 ** 3


def read_tensor_file(path: str | os.PathLike) -> np.ndarray:
    """Images an N×28×28 (or N×28×28×1) ``.npy`` file holds, as (N, 28, 28) float32 fed to the network
    exactly as given: floats in [0, 1] unchanged, uint8 0–255 divided by 255.  ValueError says in one
    line what else the file is.  No code runs (no pickles)."""
    path = Path(path).expanduser()
    try:
        array = np.load(path, mmap_mode="r", allow_pickle=False)
    except FileNotFoundError:
        raise ValueError(f"{path}: no such file") from None
    except (ValueError, OSError, EOFError) as error:
        # NumPy takes any other file for a pickle and suggests loading it unsafely: never say that.
        detail = "" if "pickle" in str(error) else f" ({' '.join(str(error).split())})"
        raise ValueError(f"{path}: not a NumPy .npy array{detail}") from None
    if not isinstance(array, np.ndarray):
        raise ValueError(f"{path}: an .npz archive; give one .npy array of N×28×28 images")
    shape = array.shape
    if not (len(shape) == 3 or (len(shape) == 4 and shape[3] == 1)) or shape[1:3] != (28, 28):
        raise ValueError(f"{path}: the array has shape {shape}; DigitPad reads N×28×28 or N×28×28×1 images")
    if shape[0] == 0:
        raise ValueError(f"{path}: the array holds no images (shape {shape})")
    if array.nbytes > MAX_TENSOR_BYTES:
        raise ValueError(f"{path}: {array.nbytes / 1024 ** 3:,.1f} GB of images; DigitPad reads up to 2 GB at once")
    if array.dtype == np.uint8:
        return (np.asarray(array, np.float32) / 255.0).reshape(-1, 28, 28)
    if array.dtype.kind != "f":
        raise ValueError(f"{path}: the array is {array.dtype}; DigitPad reads floats in [0, 1] or uint8 0–255")
    images = np.asarray(array, np.float32).reshape(-1, 28, 28)
    if not np.isfinite(images).all():
        raise ValueError(f"{path}: float images must lie in [0, 1]; this array holds NaN or infinity")
    if images.min() < 0 or images.max() > 1:
        raise ValueError(f"{path}: float images must lie in [0, 1]; this array holds values from {images.min():g} to "
                         f"{images.max():g} (scale them, or save uint8 0–255)")
    return images
