"""The numpy passes: the same numbers as Keras forward and backward, no TensorFlow needed, and a
clean refusal of anything they do not implement."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from random_networks import PRESET_PARAMETERS, random_images, random_model

from digitpad.model.network.inference import ModelError, Predictor
from digitpad.model.network.numpy_net import NumpyConvnet, UnsupportedModel
from digitpad.model.training.keras_network import build_convnet

# The numpy passes and Keras add the same float32 numbers in another order.  Measured on the bundled
# model: at most 2e-6 of a layer's largest value on every layer; the probabilities to 1e-7.
RELATIVE_TOLERANCE = 1e-5


@pytest.fixture(scope="module")
def keras_model(bundled_model_file):
    from digitpad.model.training.keras_models import load_model_file

    return load_model_file(bundled_model_file)


def test_numpy_forward_pass_equals_keras_on_every_layer(predictor, keras_model):
    import keras

    layers = [layer for layer in keras_model.layers if layer.name != "flatten"]
    extractor = keras.Model(keras_model.inputs[0], [layer.output for layer in layers])
    for image in random_images():
        expected = [np.asarray(o)[0] for o in extractor(image.reshape(1, 28, 28, 1))]
        for mine, theirs in zip(predictor.net.activations(image), expected):
            assert mine.shape == theirs.shape
            assert np.abs(mine - theirs).max() <= RELATIVE_TOLERANCE * max(1.0, float(np.abs(theirs).max()))
    batch = random_images(40)
    assert np.abs(predictor.probabilities(batch) - np.asarray(keras_model(batch[..., None]))).max() < 1e-6


def test_numpy_backward_pass_equals_tensorflows_gradients(predictor, keras_model):
    """d(logit 3 − logit 5)/d(image), the gradient Why? integrates."""
    import tensorflow as tf

    images = random_images(4)
    direction = np.zeros(10, np.float32)
    direction[3], direction[5] = 1, -1
    batch = tf.constant(images[..., None])
    last = keras_model.layers[-1]
    with tf.GradientTape() as tape:
        tape.watch(batch)
        hidden = batch
        for layer in keras_model.layers[:-1]:
            hidden = layer(hidden)
        logits = tf.matmul(hidden, last.kernel) + last.bias
        score = tf.reduce_sum(logits * direction, axis=1)
    expected = tape.gradient(score, batch).numpy()[..., 0]
    mine = predictor.net.input_gradient(images, direction)
    assert np.abs(mine - expected).max() <= RELATIVE_TOLERANCE * np.abs(expected).max()


def test_reading_the_file_as_data_gives_kerass_weights(predictor, keras_model):
    assert NumpyConvnet.from_keras(keras_model).same_weights_as(predictor.net)


def test_reading_a_model_needs_no_tensorflow(bundled_model_file, tmp_path):
    code = (
        "import sys; from digitpad.model.network.inference import Predictor;"
        f"p = Predictor.load({str(bundled_model_file)!r});"
        "strokes = [[(90, 70), (200, 70), (135, 225)]];"
        "print(p.predict_strokes(strokes).label, 'tensorflow' in sys.modules, 'keras' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.stdout.split() == ["7", "False", "False"], result.stderr


def test_other_architectures_are_refused_with_the_layer_named(tmp_path):
    import keras
    from keras import layers

    model = keras.Sequential([keras.Input((28, 28, 1)), layers.Conv2D(8, 3, padding="same", activation="relu"),
                              layers.ZeroPadding2D(1), layers.GlobalAveragePooling2D(),
                              layers.Dense(10, activation="softmax")])
    with pytest.raises(UnsupportedModel):
        NumpyConvnet.from_keras(model)
    model.save(tmp_path / "other.keras")
    with pytest.raises(ModelError, match="layer 'ZeroPadding2D' is not one DigitPad runs"):
        Predictor.load(tmp_path / "other.keras")
    dilated = keras.Sequential([keras.Input((28, 28, 1)), layers.Conv2D(8, 3, dilation_rate=2), layers.Flatten(),
                                layers.Dense(10, activation="softmax")])
    with pytest.raises(UnsupportedModel, match="dilated"):
        NumpyConvnet.from_keras(dilated)
    middle = keras.Sequential([keras.Input((28, 28, 1)), layers.Flatten(), layers.Dense(10, activation="softmax"),
                               layers.Dense(10, activation="softmax")])
    with pytest.raises(UnsupportedModel, match="softmax before the last layer"):
        NumpyConvnet.from_keras(middle)


def test_a_fresh_seed_convnet_runs_in_numpy():
    model = build_convnet()
    net = NumpyConvnet.from_keras(model)
    assert [layer.output_shape for layer in net.shown_layers()][-1] == (10,)
    image = random_images(1)[0]
    assert np.allclose(net.activations(image)[-1], np.asarray(model(image[None, ..., None]))[0], atol=1e-6)


def test_a_network_with_other_weights_answers_with_them(predictor):
    """What *watch it learn* does a few times a second: the same layers, the weights of the moment."""
    weights = [w * 0.5 for w in predictor.net.weights()]
    halved = predictor.with_weights(weights, "halved")
    assert [layer.output_shape for layer in halved.layers] == [layer.output_shape for layer in predictor.layers]
    assert np.array_equal(halved.kernels("conv1"), predictor.kernels("conv1") * 0.5)
    image = random_images(1)[0]
    assert not np.allclose(halved.predict_tensor(image).probabilities, predictor.predict_tensor(image).probabilities)


# --- every layer type (issue 25) --------------------------------------------------------------------

MODELS = [*PRESET_PARAMETERS, "strided", "overlapping", "normalized-dense", "rectangular"]


@pytest.fixture(scope="module")
def saved_models(tmp_path_factory):
    """Each random-weight model, and the same saved as a .keras file (read back as data, no Keras)."""
    folder = tmp_path_factory.mktemp("models")
    models = {}
    for index, name in enumerate(MODELS):
        model = random_model(name, seed=index)
        model.save(folder / f"{name}.keras")
        models[name] = (model, folder / f"{name}.keras")
    return models


def test_the_presets_built_here_have_the_issues_parameter_counts(saved_models):
    for name, count in PRESET_PARAMETERS.items():
        model, path = saved_models[name]
        assert model.count_params() == count
        assert Predictor.load(path).parameter_count == count


@pytest.mark.parametrize("name", MODELS)
def test_every_layer_type_gives_kerass_numbers_layer_by_layer(saved_models, name):
    import keras

    model, path = saved_models[name]
    net = Predictor.load(path).net
    assert NumpyConvnet.from_keras(model).same_weights_as(net)
    extractor = keras.Model(model.inputs[0], [layer.output for layer in model.layers])
    images = random_images(8)
    expected = [np.asarray(output) for output in extractor(images[..., None], training=False)]
    outputs = net._forward(images[..., None], keep=True)[1]
    for layer, mine, theirs in zip(net.layers, outputs, expected):
        assert mine.shape == theirs.shape, layer.name
        assert np.abs(mine - theirs).max() <= 1e-5 * max(1.0, float(np.abs(theirs).max())), layer.name
    assert np.abs(net.probabilities(images) - expected[-1]).max() < 1e-4


def keras_gradient(model, images: np.ndarray, layer_index: int, output_gradient: np.ndarray,
                   logits: bool = False) -> np.ndarray:
    """d(Σ output · output_gradient)/d(images) by TensorFlow's GradientTape, through Keras' own layers
    (the last one without its softmax when ``logits``)."""
    import tensorflow as tf

    batch = tf.constant(images[..., None])
    with tf.GradientTape() as tape:
        tape.watch(batch)
        hidden = batch
        for index, layer in enumerate(model.layers[:layer_index + 1]):
            if logits and index == len(model.layers) - 1:
                if type(layer).__name__ == "Dense":
                    hidden = tf.matmul(hidden, layer.kernel) + (layer.bias if layer.use_bias else 0)
            else:
                hidden = layer(hidden, training=False)
        score = tf.reduce_sum(hidden * output_gradient)
    return tape.gradient(score, batch).numpy()[..., 0]


def assert_same_gradient(mine: np.ndarray, theirs: np.ndarray, what: str) -> None:
    assert np.abs(mine - theirs).max() <= 1e-4 * max(float(np.abs(theirs).max()), 1e-6), what


@pytest.mark.parametrize("name", MODELS)
def test_the_backward_pass_of_every_layer_type_equals_tensorflows(saved_models, name):
    model, path = saved_models[name]
    net = Predictor.load(path).net
    images = random_images(3, seed=7)
    rng = np.random.default_rng(5)
    for index, layer in enumerate(net.layers):
        direction = rng.normal(0, 1, (len(images), *layer.output_shape)).astype(np.float32)
        assert_same_gradient(net.gradient_from(index, images, direction),
                             keras_gradient(model, images, index, direction), layer.name)
    direction = rng.normal(0, 1, (len(images), 10)).astype(np.float32)  # Why?'s gradient of the logits
    assert_same_gradient(net.input_gradient(images, direction),
                         keras_gradient(model, images, len(net.layers) - 1, direction, logits=True), "logits")


def test_a_network_of_any_layer_type_crosses_the_worker_pipe(saved_models):
    """Watch it learn: the worker sends NumpyConvnet.from_keras(model) of the moment through a pipe."""
    import pickle

    model, _ = saved_models["overlapping"]
    net = pickle.loads(pickle.dumps(NumpyConvnet.from_keras(model)))
    images = random_images(2)
    assert np.abs(net.probabilities(images) - np.asarray(model(images[..., None], training=False))).max() < 1e-4
    assert [layer.kind for layer in net.layers][-4:] == ["GlobalAveragePooling2D", "Dropout", "Dense", "Activation"]


def test_a_wide_network_runs_batches_in_chunks_that_bound_memory():
    """A 7×7 convolution over 16 maps at 28×28: 614,656 patch numbers per image, so 27 images per chunk."""
    import keras
    from keras import layers

    model = keras.Sequential([keras.Input((28, 28, 1)), layers.Conv2D(16, 7, padding="same", activation="relu"),
                              layers.Conv2D(64, 7, padding="same", activation="relu"), layers.GlobalAveragePooling2D(),
                              layers.Dense(10, activation="softmax")])
    net = NumpyConvnet.from_keras(model)
    assert net.chunk_size() == (16 * 1024 * 1024) // (28 * 28 * 7 * 7 * 16)
    images = random_images(30)
    assert np.abs(net.probabilities(images) - np.asarray(model(images[..., None]))).max() < 1e-4
    direction = np.eye(10, dtype=np.float32)[np.arange(30) % 10]
    whole = np.concatenate([net.input_gradient(images[i:i + 1], direction[i:i + 1]) for i in range(30)])
    assert np.allclose(net.input_gradient(images, direction), whole, rtol=1e-5, atol=1e-7)
