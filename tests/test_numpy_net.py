"""The numpy forward pass: the same numbers as Keras, no TensorFlow needed, and a clean refusal of
anything it does not implement (those models run through TensorFlow instead)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from digitpad.model.inference import Predictor
from digitpad.model.network import build_convnet
from digitpad.model.numpy_net import NumpyConvnet, UnsupportedModel


def random_images(count: int = 6) -> np.ndarray:
    return np.random.default_rng(2).uniform(0, 1, (count, 28, 28)).astype(np.float32)


def test_numpy_forward_pass_equals_keras_on_every_layer(predictor, bundled_model_file):
    import keras

    model = predictor.model
    extractor = keras.Model(model.inputs[0], [layer.output for layer in model.layers if layer.name != "flatten"])
    net = NumpyConvnet.from_keras(model)
    for image in random_images():
        expected = [np.asarray(o)[0] for o in extractor(image.reshape(1, 28, 28, 1))]
        for mine, theirs in zip(net.activations(image), expected):
            assert mine.shape == theirs.shape
            assert np.abs(mine - theirs).max() < 1e-4


def test_reading_the_file_as_data_gives_kerass_weights(predictor, bundled_model_file):
    assert NumpyConvnet.from_file(bundled_model_file).same_weights_as(predictor.net)


def test_quick_load_needs_no_tensorflow(bundled_model_file):
    code = (
        "import sys; from model.inference import Predictor; from drawings import seven;"
        f"p = Predictor.quick_load({str(bundled_model_file)!r});"
        "print(p.predict_strokes(seven()).label, 'tensorflow' in sys.modules, 'keras' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={"PYTHONPATH": "tests"}, cwd=str(bundled_model_file.parent.parent))
    assert result.stdout.split() == ["7", "False", "False"], result.stderr


def test_quick_predictor_answers_like_the_full_one(predictor, bundled_model_file):
    quick = Predictor.quick_load(bundled_model_file)
    assert quick.model is None and quick.layers == predictor.layers
    for image in random_images():
        assert np.allclose(quick.predict_tensor(image).probabilities, predictor.predict_tensor(image).probabilities,
                           atol=1e-6)
    assert np.array_equal(quick.kernels("conv2"), predictor.kernels("conv2"))


def test_other_architectures_fall_back_to_tensorflow(tmp_path):
    import keras
    from keras import layers

    model = keras.Sequential([keras.Input((28, 28, 1)), layers.Conv2D(8, 3, padding="same", activation="relu"),
                              layers.GlobalAveragePooling2D(), layers.Dense(10, activation="softmax")])
    with pytest.raises(UnsupportedModel):
        NumpyConvnet.from_keras(model)
    model.save(tmp_path / "other.keras")
    with pytest.raises(UnsupportedModel):
        NumpyConvnet.from_file(tmp_path / "other.keras")
    predictor = Predictor.load(tmp_path / "other.keras")  # still usable, through a tf.function
    assert predictor.net is None
    image = random_images(1)[0]
    assert np.allclose(predictor.predict_tensor(image).probabilities, np.asarray(model(image[None, ..., None]))[0],
                       atol=1e-5)


def test_a_fresh_seed_convnet_runs_in_numpy():
    model = build_convnet()
    net = NumpyConvnet.from_keras(model)
    assert [layer.output_shape for layer in net.shown_layers()][-1] == (10,)
    image = random_images(1)[0]
    assert np.allclose(net.activations(image)[-1], np.asarray(model(image[None, ..., None]))[0], atol=1e-5)
