"""What a unit looks for: its top images (checked against Keras itself), receptive fields, patterns and
class activation maps, through the core and through ``digitpad filters`` as a person runs it."""

from __future__ import annotations

import io
import json
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from test_cli import assert_one_line_error, digitpad


@pytest.fixture(scope="module")
def keras_maxima(bundled_model_file, mnist_path):
    """Brute force with Keras: every MNIST test image's largest conv2 and conv3 activation per channel, and where."""
    import keras

    from digitpad.model.files.datasets import load_mnist

    model = keras.saving.load_model(bundled_model_file)
    maps = keras.Model(model.inputs, [model.get_layer(name).output for name in ("conv2", "conv3")])
    images = load_mnist(mnist_path).x_test.astype(np.float32)[..., None] / 255.0
    answers = {}
    for name, output in zip(("conv2", "conv3"), maps.predict(images, batch_size=1000, verbose=0)):
        flat = output.reshape(len(output), -1, output.shape[-1])
        answers[name] = (flat.max(axis=1), flat.argmax(axis=1), output.shape[2])
    return answers


@pytest.mark.parametrize(("layer", "channel", "jump", "size"), [("conv2", 5, 2, 8), ("conv3", 2, 4, 18)])
def test_top_images_are_keras_own(keras_maxima, mnist_path, layer, channel, jump, size):
    result = digitpad("filters", "--layer", layer, "--channel", str(channel), "--data", str(mnist_path),
                      "--format", "json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert (answer["layer"], answer["channel"], len(answer["top"])) == (layer, channel, 9)
    maxima, places, width = keras_maxima[layer]
    column = maxima[:, channel]
    expected = np.argsort(-column, kind="stable")[:9]
    assert [image["index"] for image in answer["top"]] == expected.tolist()
    for image in answer["top"]:
        assert abs(image["value"] - column[image["index"]]) < 1e-4
        row, col = divmod(int(places[image["index"], channel]), width)
        assert image["at"] == [row, col]
        top, left = jump * row, jump * col
        assert image["box"] == [top, left, min(top + size, 28), min(left + size, 28)]


def test_dense_and_output_units_see_the_whole_image(mnist_path):
    result = digitpad("filters", "--layer", "probabilities", "--channel", "7", "--top", "3", "--data",
                      str(mnist_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    top = json.loads(result.stdout)["top"]
    assert len(top) == 3 and all(image["at"] is None and image["box"] == [0, 0, 28, 28] for image in top)
    from digitpad.model.files.datasets import load_mnist

    assert all(load_mnist(mnist_path).y_test[image["index"]] == 7 for image in top)  # the most typical 7s


def test_table_without_format_json(mnist_path):
    result = digitpad("filters", "--layer", "conv3", "--channel", "2", "--top", "2", "--data", str(mnist_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("conv3 channel 2: the 2 of 10000 images of MNIST test")
    assert len(lines) == 4 and "[" in lines[2]


@pytest.mark.parametrize(("arguments", "message"), [
    (["--layer", "conv9", "--channel", "0"], "no layer 'conv9'"),
    (["--layer", "flatten", "--channel", "0"], "no layer 'flatten'"),
    (["--layer", "conv2", "--channel", "64"], "conv2 has 64 maps, numbered 0 to 63; there is no 64"),
    (["--layer", "dense", "--channel", "-1"], "dense has 64 units"),
    (["--layer", "conv2", "--channel", "1", "--top", "0"], "at least 1"),
])
def test_bad_layer_channel_or_top_count_is_one_line_and_exit_2(arguments, message):
    result = digitpad("filters", *arguments)
    assert result.returncode == 2
    assert_one_line_error(result, message)


def test_pattern_excites_its_channel_at_least_as_much_as_the_best_mnist_image(tmp_path, mnist_path, predictor):
    out = tmp_path / "conv3-2.png"
    result = digitpad("filters", "--layer", "conv3", "--channel", "2", "--top", "1", "--data", str(mnist_path),
                      "--format", "json", "--pattern", str(out))
    assert result.returncode == 0, result.stderr
    best = json.loads(result.stdout)["top"][0]["value"]
    image = np.asarray(Image.open(io.BytesIO(out.read_bytes())), np.float32) / 255.0
    assert image.shape == (28, 28)
    conv3 = [layer.name for layer in predictor.net.shown_layers()].index("conv3")
    assert predictor.net.activations(image)[conv3][..., 2].max() >= best


def test_pattern_into_a_missing_folder_writes_nothing(tmp_path):
    result = digitpad("filters", "--layer", "conv3", "--channel", "2", "--pattern", str(tmp_path / "no" / "p.png"))
    assert_one_line_error(result, "no such folder")
    assert not (tmp_path / "no").exists()


# --- receptive fields of other networks, checked against Keras' own gradients -------------------------

def _fake_layer(name, kind, output_shape, kernel=None, pool=2, strides=None, padding="valid"):
    weights = [np.zeros((kernel, kernel, 1, 1), np.float32)] if kernel else []
    layer = SimpleNamespace(name=name, kind=kind, output_shape=output_shape, weights=weights, pool=pool,
                            padding=padding)
    if strides is not None:
        layer.strides = strides
    return layer


def test_receptive_fields_follow_kernels_strides_and_padding():
    """Each unit's field is where the input's gradient of that unit is non-zero, in a linear Keras model with
    positive weights and average pooling (so no pixel of the field can cancel)."""
    import keras
    import tensorflow as tf

    from digitpad.model.network.filters import receptive_fields

    model = keras.Sequential([
        keras.Input((28, 28, 1)),
        keras.layers.Conv2D(1, 5, padding="same", kernel_initializer="ones", name="a"),
        keras.layers.Conv2D(1, 3, strides=2, padding="same", kernel_initializer="ones", name="b"),
        keras.layers.AveragePooling2D(2, name="c"),
        keras.layers.Conv2D(1, 3, strides=2, kernel_initializer="ones", name="d"),
    ])
    net = SimpleNamespace(layers=[
        _fake_layer("a", "Conv2D", (28, 28, 1), kernel=5, strides=1, padding="same"),
        _fake_layer("b", "Conv2D", (14, 14, 1), kernel=3, strides=2, padding="same"),
        _fake_layer("c", "AveragePooling2D", (7, 7, 1), pool=2),
        _fake_layer("d", "Conv2D", (3, 3, 1), kernel=3, strides=2),
        _fake_layer("flat", "Flatten", (9,)),
    ])
    fields = receptive_fields(net)
    assert fields["flat"].whole
    image = tf.ones((1, 28, 28, 1))
    for name in "abcd":
        partial = keras.Model(model.inputs, model.get_layer(name).output)
        height, width = partial.output.shape[1:3]
        for row, col in {(0, 0), (height // 2, width // 3), (height - 1, width - 1)}:
            with tf.GradientTape() as tape:
                tape.watch(image)
                unit = partial(image)[0, row, col, 0]
            seen = np.argwhere(tape.gradient(unit, image).numpy()[0, :, :, 0] > 0)
            expected = [*seen.min(axis=0), *(seen.max(axis=0) + 1)]
            assert list(fields[name].box(row, col)) == expected, (name, row, col)


def test_the_bundled_models_fields(predictor):
    from digitpad.model.network.filters import receptive_fields

    fields = receptive_fields(predictor.net)
    assert fields["conv1"].box(25, 25) == (25, 25, 28, 28)
    assert fields["conv2"].box(3, 4) == (6, 8, 14, 16)
    assert fields["conv3"].box(2, 1) == (8, 4, 26, 22)
    assert fields["dense"].box() == (0, 0, 28, 28)


def test_index_is_cached_per_model_and_rebuilt_when_it_changes(predictor):
    from digitpad.model.network.filters import ActivationIndex, IndexCache

    images = np.random.default_rng(1).random((40, 28, 28), dtype=np.float32)
    cache = IndexCache()
    cache.put("noise", ActivationIndex.build(predictor.net, images, chunk=16))
    assert cache.get(predictor.net, "noise") is not None
    changed = predictor.net.with_weights([w * 1.01 for w in predictor.net.weights()])
    assert cache.get(changed, "noise") is None


# --- class activation maps ----------------------------------------------------------------------------

def test_class_map_lights_the_digit_and_follows_the_layer(predictor, mnist_path):
    from digitpad.model.files.datasets import load_mnist
    from digitpad.model.network.class_maps import class_map

    mnist = load_mnist(mnist_path)
    image = mnist.x_test[0].astype(np.float32) / 255.0  # a 7
    for layer in ("conv2", "conv3"):
        answer = class_map(predictor.net, image, 7, layer)
        assert answer.values.shape == (28, 28) and 0 <= answer.values.min() and 0.5 < answer.values.max() <= 1
    ink, paper = image > 0.5, image == 0
    layer_cam = class_map(predictor.net, image, 7, "conv2").values  # LayerCAM below the last convolution
    assert layer_cam[ink].mean() > 2 * layer_cam[paper].mean()  # the evidence is where the 7 is drawn
    grad_cam = class_map(predictor.net, image, 7, "conv2", method="gradcam").values
    assert grad_cam[ink].mean() < grad_cam[paper].mean()  # why the window does not offer Grad-CAM there
    with pytest.raises(ValueError, match="no layer 'conv7'"):
        class_map(predictor.net, image, 7, "conv7")


@given(st.integers(0, 2**32 - 1), st.sampled_from(["conv1", "conv2", "conv3"]))
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_class_map_fades_to_nothing_at_the_images_border(predictor, seed, layer):
    """On the pad the map ended with a hard edge where the 28×28 square does (a newcomer saw a white strip)."""
    from digitpad.app.common.colormaps import attribution_qimage
    from digitpad.model.network.class_maps import class_map

    image = np.random.default_rng(seed).random((28, 28), dtype=np.float32)
    values = class_map(predictor.net, image, seed % 10, layer).values
    border = np.concatenate([values[0], values[-1], values[:, 0], values[:, -1]])
    assert np.all(border == 0) and values.min() >= 0
    shown = attribution_qimage(values, signed=False, smooth=True)
    alphas = [shown.pixelColor(column, row).alpha() for row in range(28) for column in range(28)]
    expected = (values / max(values.max(), 1e-12) * 235).astype(np.uint8).ravel() if values.max() > 0 else 0
    assert np.array_equal(alphas, expected * np.ones(784, np.uint8))  # opacity in proportion: no hard low edge
