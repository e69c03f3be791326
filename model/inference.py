"""Loading a model safely and asking it about one drawing, fast.

``model.predict()`` costs tens of milliseconds per call; the interactive path
calls one ``tf.function`` that returns every layer's activation instead.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from digitpad.model.files import replace_atomically
from digitpad.model.numpy_net import NumpyConvnet, UnsupportedModel
from digitpad.model.preprocessing import read_image, strokes_to_tensor

# Below this top probability the window says "unsure" instead of claiming a digit.
UNSURE_BELOW = 0.6
# Below this many tensors the numpy forward pass beats a Keras call (measured here: 6 ms against
# 24 ms for 12 tensors, even at 64), which matters where numbers are read while the pen moves.
NUMPY_BATCH_LIMIT = 48


class ModelError(ValueError):
    """A model file that cannot be used: missing, corrupt, unsafe or of the wrong shape."""


@dataclass(frozen=True)
class LayerInfo:
    """One row of the seed notebook's ``model.summary()``."""

    name: str
    kind: str  # "Conv2D", "MaxPooling2D", "Dense", ...
    output_shape: tuple[int, ...]  # without the batch dimension
    parameters: int


@dataclass
class Prediction:
    """What the network says about one drawing.  ``label is None`` means nothing was drawn."""

    label: int | None
    probabilities: np.ndarray | None = None  # (10,) float32
    activations: list[np.ndarray] | None = None  # one per shown layer, batch dimension removed
    tensor: np.ndarray | None = None  # the 28×28 input the network saw
    # Why the answer may be wrong however sure the network is (a photo whose ink is faint or cluttered,
    # see model.preprocessing.ImageReading.doubt); such an answer is shown as unsure.
    doubt: str | None = None

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
        return answer


NOTHING_DRAWN = Prediction(label=None)


class Predictor:
    """A convnet and the fastest way to get all its activations for one drawing.

    Supported networks (the seed's and any plain Conv/Pool/Dense stack) run one drawing
    through a numpy forward pass; others through one compiled tf.function.  ``model`` is
    the keras.Model (None for a quick-loaded predictor, until Keras has loaded the file).
    """

    def __init__(self, keras_model=None, source: str = "", net: NumpyConvnet | None = None) -> None:
        self.model = keras_model
        self.source = source
        self.net = net
        self._activations = None
        if keras_model is not None:
            from digitpad.model.network import check_compatible

            check_compatible(keras_model)
            try:
                self.net = NumpyConvnet.from_keras(keras_model)
            except UnsupportedModel:
                self.net = None
        if self.net is not None:
            self.layers = [LayerInfo(layer.name, layer.kind, layer.output_shape, layer.parameters)
                           for layer in self.net.shown_layers()]
        elif keras_model is not None:
            from digitpad.model.network import shown_layers

            self.layers = [
                LayerInfo(layer.name, type(layer).__name__, tuple(layer.output.shape[1:]), int(layer.count_params()))
                for layer in shown_layers(keras_model)
            ]
            self._activations = _all_activations_function(keras_model)
        else:
            raise ValueError("a Predictor needs a Keras model or a numpy network")
        self._sizes = [int(np.prod(layer.output_shape)) for layer in self.layers]
        self._warm_up()

    @classmethod
    def load(cls, path: str | os.PathLike) -> Predictor:
        """Load a ``.keras`` file in Keras' safe mode and check it reads 28×28×1 and gives 10 outputs."""
        return cls(load_model_file(path), source=str(path))

    @classmethod
    def quick_load(cls, path: str | os.PathLike) -> Predictor:
        """Read a supported ``.keras`` file as data, without TensorFlow, for predictions within a second
        of start-up.  ``model`` stays None; load it with ``load`` (Keras' safe mode) to train or check it.
        Raises ModelError or UnsupportedModel."""
        path = Path(path).expanduser()
        _check_model_path(path)
        return cls(None, source=str(path), net=NumpyConvnet.from_file(path))

    def _warm_up(self) -> None:
        """Trace the function now, so the first drawing is as fast as the rest."""
        self.predict_tensor(np.zeros((28, 28), np.float32))

    @property
    def parameter_count(self) -> int:
        return int(sum(layer.parameters for layer in self.layers))

    def predict_tensor(self, tensor: np.ndarray | None) -> Prediction:
        if tensor is None:
            return NOTHING_DRAWN
        if self.net is not None:
            activations = self.net.activations(tensor)
        else:
            flat = np.asarray(self._activations(np.asarray(tensor, np.float32).reshape(1, 28, 28, 1)))[0]
            pieces = np.split(flat, np.cumsum(self._sizes)[:-1])
            activations = [piece.reshape(layer.output_shape) for piece, layer in zip(pieces, self.layers)]
        probabilities = activations[-1]
        return Prediction(int(np.argmax(probabilities)), probabilities, activations, tensor)

    def predict_strokes(self, strokes, **preprocessing) -> Prediction:
        return self.predict_tensor(strokes_to_tensor(strokes, **preprocessing))

    def predict_image(self, image) -> Prediction:
        """The reading of a Pillow image as one digit, in doubt when its ink is faint or cluttered.
        ``model.preprocessing.read_image`` says where the digit is; ``model.numbers.read_image_number``
        reads several digits side by side."""
        reading = read_image(image)
        prediction = self.predict_tensor(reading.tensor)
        if reading.doubt and prediction.label is not None:
            prediction.doubt = reading.doubt
        return prediction

    def probabilities(self, tensors: np.ndarray, batch_size: int = 512) -> np.ndarray:
        """Probabilities for many 28×28 tensors at once, shape (n, 10)."""
        tensors = np.asarray(tensors, np.float32).reshape(-1, 28, 28, 1)
        if self.net is not None and (self.model is None or len(tensors) < NUMPY_BATCH_LIMIT):
            return np.stack([self.net.activations(t)[-1] for t in tensors]) if len(tensors) else np.zeros((0, 10))
        chunks = [
            np.asarray(self.model(tensors[start : start + batch_size], training=False))
            for start in range(0, len(tensors), batch_size)
        ]
        return np.concatenate(chunks) if chunks else np.zeros((0, 10), np.float32)

    def kernels(self, layer_name: str) -> np.ndarray | None:
        """A convolution layer's 3×3 kernels, shape (3, 3, in_channels, filters); None for other layers."""
        if self.net is not None:
            return self.net.kernels(layer_name)
        layer = self.model.get_layer(layer_name)
        if type(layer).__name__ != "Conv2D":
            return None
        return np.asarray(layer.kernel)


def _all_activations_function(keras_model):
    """One tf.function: a batch in, every shown layer's activation out, flattened into one row each.

    A Sequential model is run layer by layer inside the function: about twice as fast
    per call as a multi-output Keras Model, and one array crosses back to numpy."""
    import keras
    import tensorflow as tf

    from digitpad.model.network import build_feature_extractor, shown_layers

    shown = {id(layer) for layer in shown_layers(keras_model)}
    signature = [tf.TensorSpec([None, 28, 28, 1], tf.float32)]
    if isinstance(keras_model, keras.Sequential):
        def run(images):
            outputs, hidden = [], images
            for layer in keras_model.layers:
                hidden = layer(hidden, training=False)
                if id(layer) in shown:
                    outputs.append(tf.reshape(hidden, [tf.shape(images)[0], -1]))
            return tf.concat(outputs, axis=1)
    else:
        extractor = build_feature_extractor(keras_model)

        def run(images):
            outputs = extractor(images, training=False)
            return tf.concat([tf.reshape(o, [tf.shape(images)[0], -1]) for o in outputs], axis=1)

    return tf.function(run, input_signature=signature)


def load_model_file(path: str | os.PathLike):
    """A keras.Model from a ``.keras`` file, or ModelError saying what is wrong with the file."""
    import keras

    from digitpad.model.network import check_compatible

    path = Path(path).expanduser()
    _check_model_path(path)
    try:
        model = keras.saving.load_model(path, compile=False, safe_mode=True)
    except Exception as error:  # Keras raises many kinds for bad files
        raise ModelError(f"{path}: cannot be loaded: {_model_error_text(error)}") from None
    if not isinstance(model, keras.Model):
        raise ModelError(f"{path}: does not hold a Keras model")
    try:
        check_compatible(model)
    except ValueError as error:
        raise ModelError(f"{path}: {error}") from None
    return model


def _check_model_path(path: Path) -> None:
    if not path.is_file():
        raise ModelError(f"{path}: no such model file")
    if path.suffix != ".keras":
        raise ModelError(f"{path}: not a .keras model file (DigitPad reads Keras 3 .keras files only)")
    if path.stat().st_size == 0:
        raise ModelError(f"{path}: the file is empty")
    if not zipfile.is_zipfile(path):
        raise ModelError(f"{path}: not a Keras model (the file is corrupt or truncated)")


def _model_error_text(error: Exception) -> str:
    text = " ".join(str(error).split())
    if "safe_mode" in text or "Lambda" in text:
        return "it contains code (a Lambda layer), which DigitPad refuses to run"
    return text[:300] or type(error).__name__


def save_model_atomically(model, path: str | os.PathLike) -> Path:
    """Write ``model`` to ``path`` so that a crash leaves either the old file or the new one.

    The model goes to a temporary file in the same folder, is flushed to disk,
    then renamed over ``path`` in one step.  On any error the temporary file is
    removed and the old file is untouched.
    """
    path = Path(path).expanduser()
    if path.suffix != ".keras":
        raise ModelError(f"{path}: model files must end in .keras")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ModelError(f"{folder}: no such folder")
    try:
        replace_atomically(path, model.save)
    except OSError as error:
        raise ModelError(f"{path}: could not save the model ({error.strerror or error}); the old file is unchanged") from None
    return path
