"""DigitPad's models in the rest of a Python user's world: plain Keras files, exports for phones and
servers, and files with the permissions any new file gets."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import numpy as np
import pytest

from digitpad.model.files.atomic import replace_folder_atomically, write_bytes_atomically
from drawings import assert_opens_in_plain_keras


def digitpad(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run([sys.executable, "-m", "digitpad", *args], capture_output=True, text=True, env=env,
                          timeout=600, umask=0o022)


def test_the_bundled_model_opens_in_plain_keras(bundled_model_file):
    assert_opens_in_plain_keras(bundled_model_file)


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """The bundled model exported in each format through the command line."""
    folder = tmp_path_factory.mktemp("exports")
    paths = {"savedmodel": folder / "digits", "tflite": folder / "digits.tflite", "keras": folder / "digits.keras",
             "onnx": folder / "digits.onnx"}
    for format, path in paths.items():
        result = digitpad("export", "--format", format, "--out", str(path))
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert report["out"] == str(path) and report["checked"] >= 64 and report["max_difference"] <= 1e-4
    return paths


def test_exports_agree_with_the_keras_model_on_mnist(exports, mnist_path, predictor):
    import tensorflow as tf

    from digitpad.model.files.datasets import load_mnist
    from digitpad.model.training.export import tflite_answers

    images = load_mnist(mnist_path).x_test.astype(np.float32)[..., None] / 255.0
    keras_digits = np.argmax(predictor.probabilities(images), axis=1)
    serving = tf.saved_model.load(str(exports["savedmodel"])).signatures["serving_default"]
    batches = [next(iter(serving(tf.constant(images[i:i + 1000])).values())) for i in range(0, len(images), 1000)]
    savedmodel_digits = np.argmax(np.concatenate(batches), axis=1)
    tflite_digits = np.argmax(tflite_answers(exports["tflite"], images), axis=1)
    import onnxruntime

    session = onnxruntime.InferenceSession(str(exports["onnx"]), providers=["CPUExecutionProvider"])
    onnx_digits = np.argmax(session.run(None, {session.get_inputs()[0].name: images})[0], axis=1)
    assert np.mean(savedmodel_digits == keras_digits) >= 0.995
    assert np.mean(tflite_digits == keras_digits) >= 0.995
    assert np.mean(onnx_digits == keras_digits) >= 0.995


def test_exports_are_plain_and_shareable(exports):
    assert_opens_in_plain_keras(exports["keras"])
    for path in exports.values():
        assert stat.S_IMODE(path.stat().st_mode) == (0o755 if path.is_dir() else 0o644), path
    leftovers = [p.name for p in exports["keras"].parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_an_export_never_replaces_something_that_is_not_its_own(tmp_path):
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "todo.txt").write_text("keep me")
    result = digitpad("export", "--format", "savedmodel", "--out", str(precious))
    assert result.returncode == 2 and "something else is already there" in result.stderr
    assert (precious / "todo.txt").read_text() == "keep me"
    result = digitpad("export", "--format", "tflite", "--out", str(tmp_path / "phone.keras"))
    assert result.returncode == 2 and "must end in .tflite" in result.stderr
    result = digitpad("export", "--format", "pytorch", "--out", str(tmp_path / "m.pt"))
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_files_get_the_permissions_of_any_new_file(tmp_path):
    """mkstemp's 0600 used to survive the rename: a model or drawing shared with others could not be read."""
    previous = os.umask(0o022)
    try:
        write_bytes_atomically(tmp_path / "seven.json", b"{}")
        replace_folder_atomically(tmp_path / "served", lambda folder: None, is_ours=lambda path: True)
        os.umask(0o077)
        write_bytes_atomically(tmp_path / "private.json", b"{}")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "seven.json").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "served").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "private.json").stat().st_mode) == 0o600
