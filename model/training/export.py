"""Exporting a model for use outside DigitPad: a TensorFlow SavedModel for serving, a TensorFlow Lite
flat buffer for phones and microcontrollers, a plain ``.keras`` file, or ONNX (with the ``onnx`` extra:
tf2onnx converts, ONNX Runtime checks).

Every export is written atomically and then checked: the exported artefact is loaded back the way
its users will load it and must give the Keras model's answers on a fixed set of test drawings
before ``export_model`` reports success.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from digitpad.model.files.atomic import replace_atomically, replace_folder_atomically
from digitpad.model.files.model_archive import ModelError
from digitpad.model.training.export_formats import checked_format, onnx_available
from digitpad.model.training.keras_models import plain_model
from digitpad.model.words import FileProblem, Words

# How far an exported model's probabilities may stray from the Keras model's: float32 arithmetic in
# another order (TensorFlow Lite's kernels) differs in the sixth decimal.
TOLERANCE = 1e-4
PROBE_COUNT = 64


class ExportError(FileProblem, ModelError):
    """The export could not be written, or it does not answer as the Keras model does ("path: reason")."""


@dataclass(frozen=True)
class ExportReport:
    format: str
    path: Path
    checked: int  # test drawings compared with the Keras model
    max_difference: float  # the largest difference of a probability

    def as_json(self) -> dict:
        return {"format": self.format, "out": str(self.path), "checked": self.checked,
                "max_difference": float(f"{self.max_difference:.3g}")}


def export_model(keras_model, format: str, out: str | os.PathLike) -> ExportReport:
    """Write ``keras_model`` to ``out`` in ``format`` (one of FORMATS), then check the result against
    the Keras model.  Raises ExportError saying what went wrong; ``out`` is then left as it was."""
    format = checked_format(format)
    out = Path(out).expanduser()
    if not out.parent.is_dir():
        raise ExportError(out.parent, Words("no such folder"))
    if format == "keras" and out.suffix != ".keras":
        raise ExportError(out, Words("a Keras model file must end in .keras"))
    if format == "tflite" and out.suffix != ".tflite":
        raise ExportError(out, Words("a TensorFlow Lite file must end in .tflite"))
    if format == "onnx" and not onnx_available():
        raise ExportError(out, Words("ONNX export needs tf2onnx and onnxruntime: pip install 'digitpad[onnx]'"))
    probes = probe_images()
    expected = np.asarray(keras_model(probes, training=False), np.float64)
    checked: list[float] = []  # the largest difference, once the written export has been checked

    def write(target: str) -> None:
        checked.append(_check(_WRITERS[format](keras_model, target, probes), expected, Path(target)))

    try:
        if format == "savedmodel":
            replace_folder_atomically(out, write, is_ours=_is_savedmodel)
        else:
            replace_atomically(out, write)
    except OSError as error:
        reason = Words("could not write the export ({error})", error=error.strerror or str(error))
        raise ExportError(out, reason) from None
    return ExportReport(format, out, len(probes), checked[0])


def probe_images(count: int = PROBE_COUNT, seed: int = 0) -> np.ndarray:
    """Test drawings, shape (count, 28, 28, 1): random pen strokes rendered the way the pad renders
    them, so that the comparison covers inputs like the ones the model will see, plus a blank one."""
    from digitpad.model.ink.preprocessing import render_normalised

    rng = np.random.default_rng(seed)
    images = np.zeros((count, 28, 28, 1), np.float32)
    for index in range(1, count):
        strokes = [np.cumsum(rng.normal(0, 30, (rng.integers(3, 9), 2)), axis=0) for _ in range(rng.integers(1, 3))]
        images[index, :, :, 0] = render_normalised(strokes)
    return images


def _savedmodel_answers(keras_model, folder: str, probes: np.ndarray) -> np.ndarray:
    """Export for serving, then answer through the SavedModel's default serving function."""
    import tensorflow as tf

    keras_model.export(folder, format="tf_saved_model", verbose=False)
    serving = tf.saved_model.load(folder).signatures["serving_default"]
    return np.asarray(next(iter(serving(tf.constant(probes)).values())))


def _tflite_answers(keras_model, file: str, probes: np.ndarray) -> np.ndarray:
    """Export for phones (input 1×28×28×1 float32, one drawing at a time), then answer through
    TensorFlow Lite's interpreter."""
    import tensorflow as tf

    signature = [tf.TensorSpec((1, 28, 28, 1), tf.float32, name="image")]
    keras_model.export(file, format="litert", input_signature=signature, verbose=False)
    return tflite_answers(file, probes)


def _keras_answers(keras_model, file: str, probes: np.ndarray) -> np.ndarray:
    """Save the plain .keras file, then answer through a model loaded back by plain Keras."""
    import keras

    plain_model(keras_model).save(file)
    return np.asarray(keras.saving.load_model(file)(probes, training=False))


def _onnx_answers(keras_model, file: str, probes: np.ndarray) -> np.ndarray:
    """Convert with tf2onnx (through Keras), then answer through ONNX Runtime."""
    import warnings

    import onnxruntime

    with warnings.catch_warnings():  # tf2onnx's numpy 2 patches warn about aliases numpy removed
        warnings.simplefilter("ignore")
        keras_model.export(file, format="onnx", verbose=False)
    session = onnxruntime.InferenceSession(file, providers=["CPUExecutionProvider"])
    return session.run(None, {session.get_inputs()[0].name: probes})[0]


_WRITERS = {"savedmodel": _savedmodel_answers, "tflite": _tflite_answers, "keras": _keras_answers,
            "onnx": _onnx_answers}


def tflite_answers(path: str | os.PathLike, images: np.ndarray) -> np.ndarray:
    """The probabilities a TensorFlow Lite file gives for each image, run by TensorFlow's interpreter."""
    import warnings

    import tensorflow as tf

    with warnings.catch_warnings():  # it names ai_edge_litert, a package DigitPad does not need
        warnings.simplefilter("ignore", UserWarning)
        interpreter = tf.lite.Interpreter(model_path=str(path))
    interpreter.allocate_tensors()
    source = interpreter.get_input_details()[0]["index"]
    target = interpreter.get_output_details()[0]["index"]
    answers = []
    for image in np.asarray(images, np.float32).reshape(-1, 1, 28, 28, 1):
        interpreter.set_tensor(source, image)
        interpreter.invoke()
        answers.append(interpreter.get_tensor(target)[0].copy())
    return np.asarray(answers)


def _check(answers: np.ndarray, expected: np.ndarray, path: Path) -> float:
    """The largest difference between the export's probabilities and the model's; ExportError if too large."""
    answers = np.asarray(answers, np.float64)
    if answers.shape != expected.shape:
        raise ExportError(path, Words("the export gives shape {shape}, not {expected}; nothing was written",
                                      shape=answers.shape, expected=expected.shape))
    difference = float(np.abs(answers - expected).max())
    if not difference <= TOLERANCE:
        raise ExportError(path, Words("the export's probabilities differ from the model's by {difference:.2g} (more "
                                      "than {tolerance:g}); nothing was written", difference=difference,
                                      tolerance=TOLERANCE))
    return difference


def _is_savedmodel(folder: Path) -> bool:
    return (folder / "saved_model.pb").is_file()
