"""The arithmetic behind any unit, checked against the network's own numbers: on pen-drawn digits of
writers the model never saw, through `digitpad explain` as a learner runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from digitpad.model.network.explain import explain_unit, layer_facts, parameter_total_formula

SHAPES = {"conv1": (26, 26, 32), "pool1": (13, 13, 32), "conv2": (11, 11, 64), "pool2": (5, 5, 64),
          "conv3": (3, 3, 64), "dense": (64,), "probabilities": (10,)}


def explain_cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digitpad", "explain", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


@pytest.fixture(scope="module")
def unseen_drawings(tmp_path_factory, pen_strokes_path):
    """Five pen digits of the benchmark writers, whom no training or tuning saw."""
    from digitpad.model.files.datasets import load_stroke_records

    records = [r for r in load_stroke_records(pen_strokes_path, default_box=(500, 500)) if r.writer in {5, 20, 30}]
    chosen = [records[i] for i in np.random.default_rng(11).choice(len(records), 5, replace=False)]
    path = tmp_path_factory.mktemp("unseen") / "unseen.jsonl"
    path.write_text("".join(json.dumps({"strokes": [s.tolist() for s in r.strokes], "width": 280, "height": 280})
                            + "\n" for r in chosen))
    return path


def relu(value: float) -> float:
    return max(value, 0.0)


def assert_close(a: float, b: float) -> None:
    assert abs(a - b) <= 1e-4 * max(1.0, abs(b)), (a, b)


@pytest.mark.parametrize("layer", list(SHAPES))
def test_the_arithmetic_printed_is_the_networks_own(unseen_drawings, layer):
    rng = np.random.default_rng(list(SHAPES).index(layer))
    shape = SHAPES[layer]
    for _ in range(2):
        args = ["--strokes", str(unseen_drawings), "--layer", layer, "--channel", str(int(rng.integers(shape[-1])))]
        if len(shape) == 3:
            args += ["--at", f"{rng.integers(shape[0])},{rng.integers(shape[1])}"]
        result = explain_cli(*args)
        assert result.returncode == 0, result.stderr
        for line in result.stdout.splitlines():
            unit = json.loads(line)
            assert_close(unit["value"], unit["map_value"])
            if unit["type"] == "Conv2D":
                patch, kernel = np.array(unit["patch"]), np.array(unit["kernel"])
                assert patch.shape == kernel.shape and patch.shape[:2] == (3, 3)
                assert_close(float((patch * kernel).sum() + unit["bias"]), unit["sum"])
                assert_close(relu(unit["sum"]), unit["value"])
            elif unit["type"] == "MaxPooling2D":
                assert np.array(unit["window"]).shape == (2, 2)
                assert_close(float(np.max(unit["window"])), unit["value"])
            elif unit["type"] == "Dense":
                inputs, weights = np.array(unit["inputs"]), np.array(unit["weights"])
                assert inputs.shape == weights.shape == (576,)
                assert_close(float(inputs @ weights + unit["bias"]), unit["sum"])
                assert_close(relu(unit["sum"]), unit["value"])
            else:
                logits = np.array(unit["logits"])
                softmax = np.exp(logits - logits.max()) / np.exp(logits - logits.max()).sum()
                assert np.allclose(softmax, unit["probabilities"], rtol=1e-4, atol=1e-7)
    if layer == "probabilities":  # the drawing as drawn (`predict` answers with six changed views as well)
        from digitpad.model.files.datasets import load_stroke_records
        from digitpad.model.network.inference import Predictor
        from digitpad.resources import bundled_model_path

        predictor = Predictor.load(bundled_model_path())
        explained = explain_cli("--strokes", str(unseen_drawings), "--layer", "probabilities")
        for line, record in zip(explained.stdout.splitlines(), load_stroke_records(unseen_drawings), strict=True):
            plain = predictor.predict_strokes(record.strokes).probabilities
            assert np.allclose(json.loads(line)["probabilities"], plain, atol=2e-6)


@pytest.mark.parametrize("args, message", [
    (["--layer", "conv9"], "there is no layer 'conv9'; this model's layers are conv1, pool1"),
    (["--layer", "conv2", "--at", "11,0"], "conv2's maps are 11×11"),
    (["--layer", "conv2", "--channel", "64"], "conv2 has 64 maps, numbered 0 to 63; there is no 64"),
    (["--layer", "pool1", "--at", "three"], "expected ROW,COL"),
    (["--layer", "dense", "--at", "1,1"], "dense's units are not in maps: leave out --at"),
])
def test_a_bad_layer_position_or_channel_is_one_line_and_exit_2(unseen_drawings, args, message):
    result = explain_cli("--strokes", str(unseen_drawings), *args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_flatten_says_where_each_value_goes(predictor):
    from digitpad.model.ink.preprocessing import strokes_to_tensor
    from drawings import seven

    tensor = strokes_to_tensor(seven())
    flat = predictor.net.trace(tensor)[5][1]  # what flatten gives
    for at, channel in [((0, 0), 0), ((1, 2), 5), ((2, 2), 63)]:
        step = explain_unit(predictor.net, tensor, "flatten", at, channel)
        assert step.index == (at[0] * 3 + at[1]) * 64 + channel
        assert step.value == flat[step.index]


def test_layer_cards_follow_the_models_real_layers(predictor):
    facts = {fact.name: fact for fact in layer_facts(predictor.net)}
    assert facts["conv1"].shape_formula == "28 − 3 + 1 = 26"
    assert facts["conv1"].parameter_formula == "(3·3·1 + 1)·32 = 320"
    assert facts["conv2"].parameter_formula == "(3·3·32 + 1)·64 = 18,496"
    assert facts["pool1"].shape_formula == "26 / 2 = 13" and facts["pool2"].shape_formula == "⌊11 / 2⌋ = 5"
    assert facts["flatten"].shape_formula == "3 × 3 × 64 = 576"
    assert facts["probabilities"].is_output and facts["dense"].parameter_formula == "(576 + 1)·64 = 36,928"
    assert parameter_total_formula(predictor.net).endswith("= 93,322")
    import keras
    from keras import layers

    from digitpad.model.network.numpy_net import NumpyConvnet

    small = keras.Sequential([keras.Input((28, 28, 1)), layers.Conv2D(8, 5, activation="relu", name="edges"),
                              layers.MaxPooling2D(4), layers.Flatten(), layers.Dense(10, activation="softmax")])
    facts = layer_facts(NumpyConvnet.from_keras(small))
    assert facts[0].shape_formula == "28 − 5 + 1 = 24" and facts[0].parameter_formula == "(5·5·1 + 1)·8 = 208"
    assert facts[1].shape_formula == "24 / 4 = 6" and facts[2].shape_formula == "6 × 6 × 8 = 288"


# --- any plain-Keras model, fed tensors as given (issue 25) -------------------------------------------

MODELS = ["seed", "dense", "lenet5", "keras-example", "strided", "overlapping", "normalized-dense"]


def digitpad(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digitpad", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def random_models(tmp_path_factory):
    """Each random-weight model as Keras holds it and as a .keras file."""
    from random_networks import random_model

    folder = tmp_path_factory.mktemp("random-models")
    models = {}
    for index, name in enumerate(MODELS):
        model = random_model(name, seed=10 + index)
        model.save(folder / f"{name}.keras")
        models[name] = (model, folder / f"{name}.keras")
    return models


@pytest.fixture(scope="module")
def tensor_files(tmp_path_factory):
    """The same five drawings as floats in [0, 1] (N×28×28) and as uint8 (N×28×28×1)."""
    from random_networks import random_images

    folder = tmp_path_factory.mktemp("tensors")
    images = (random_images(5, seed=3) * 255).round().astype(np.uint8)
    np.save(folder / "floats.npy", images.astype(np.float32) / 255)
    np.save(folder / "bytes.npy", images[..., None])
    return folder / "floats.npy", folder / "bytes.npy", images.astype(np.float32) / 255


@pytest.mark.parametrize("name", MODELS)
def test_predict_tensor_gives_kerass_probabilities(random_models, tensor_files, name):
    model, path = random_models[name]
    floats, uint8, images = tensor_files
    expected = np.asarray(model(images[..., None], training=False))
    for tensor in (floats, uint8):
        result = digitpad("predict", "--tensor", str(tensor), "--model", str(path))
        assert result.returncode == 0, result.stderr
        answers = [json.loads(line) for line in result.stdout.splitlines()]
        assert len(answers) == len(images)
        assert np.abs(np.array([a["probabilities"] for a in answers]) - expected).max() < 1e-4
        assert [a["label"] for a in answers] == list(np.argmax(expected, axis=1))


@pytest.mark.parametrize("array, message", [
    (np.zeros((3, 28, 27), np.float32), "shape (3, 28, 27); DigitPad reads N×28×28 or N×28×28×1"),
    (np.zeros((28, 28), np.float32), "shape (28, 28)"),
    (np.zeros((2, 28, 28, 3), np.uint8), "shape (2, 28, 28, 3)"),
    (np.full((2, 28, 28), 255.0, np.float32), "float images must lie in [0, 1]"),
    (np.full((2, 28, 28), np.nan, np.float32), "float images must lie in [0, 1]"),
    (np.zeros((2, 28, 28), np.int32), "the array is int32"),
    (np.zeros((0, 28, 28), np.float32), "holds no images"),
    (np.array([{"a": 1}], dtype=object), "not a NumPy .npy array"),
    (None, "not a NumPy .npy array"),
])
def test_a_bad_tensor_file_is_one_line_and_exit_2(tmp_path, array, message):
    path = tmp_path / "bad.npy"
    if array is None:
        path.write_text("these are not images")
    else:
        np.save(path, array, allow_pickle=True)
    for command in ("predict", "explain"):
        result = digitpad(command, "--tensor", str(path), *(["--layer", "conv1"] if command == "explain" else []))
        assert result.returncode == 2 and message in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and not result.stdout


def keras_outputs(model, image: np.ndarray) -> list[np.ndarray]:
    import keras

    extractor = keras.Model(model.inputs[0], [layer.output for layer in model.layers])
    return [np.asarray(output)[0] for output in extractor(image[None, ..., None], training=False)]


@pytest.mark.parametrize("name", MODELS)
def test_every_unit_of_every_layer_type_explains_kerass_own_number(random_models, name):
    """For units chosen at random in every layer (corners included, where padding shows), the
    explanation's arithmetic, the network's map and Keras' intermediate output agree to 1e-4."""
    from random_networks import random_images

    from digitpad.model.network.numpy_net import NumpyConvnet

    model, path = random_models[name]
    net = NumpyConvnet.from_file(path)
    image = random_images(1, seed=4)[0]
    rng = np.random.default_rng(1)
    for layer, theirs in zip(net.layers, keras_outputs(model, image)):
        maps = net.trace(image)[net.layers.index(layer)][0] if layer.kind == "Flatten" else theirs
        places = [(0, 0), (maps.shape[0] - 1, maps.shape[1] - 1), tuple(rng.integers(maps.shape[:2]))] \
            if maps.ndim == 3 else [None]
        for at in places:
            channel = int(rng.integers(maps.shape[-1]))
            step = explain_unit(net, image, layer.name, at, channel)
            printed = json.loads(json.dumps(step.as_json()))
            keras_value = float(theirs[step.index] if layer.kind == "Flatten" else
                                (theirs[at[0], at[1], channel] if at is not None else theirs[channel]))
            assert_close(printed["value"], keras_value)
            assert_close(printed["map_value"], keras_value)
            assert printed["type"] == ("Output" if layer.activation == "softmax" else layer.kind)


def test_padding_strides_and_overlapping_windows_are_shown_as_they_are(random_models):
    from random_networks import random_images

    from digitpad.model.network.numpy_net import NumpyConvnet

    net = NumpyConvnet.from_file(random_models["strided"][1])
    image = random_images(1, seed=4)[0]
    # conv 3×3, stride 2, same on 28: output 14, one zero row and column added after (none before)
    corner = explain_unit(net, image, net.layers[0].name, (13, 13), 0)
    assert corner.origin == (26, 26) and corner.strides == 2 and corner.padding == "same"
    assert corner.padded[2].all() and corner.padded[:, 2].all() and not corner.padded[:2, :2].any()
    assert np.all(corner.inputs[2] == 0) and np.array_equal(corner.inputs[:2, :2, 0], image[26:28, 26:28])
    assert explain_unit(net, image, net.layers[0].name, (3, 5), 0).origin == (6, 10)  # patches start every 2
    assert_close(corner.value, 1 / (1 + np.exp(-corner.total)))  # sigmoid
    # max pooling 3, stride 2, same on 14: windows overlap by one; the first one starts in the padding
    pool = net.layers[3]
    first = explain_unit(net, image, pool.name, (0, 0), 1)
    second = explain_unit(net, image, pool.name, (0, 1), 1)
    assert first.origin == (0, 0) and second.origin == (0, 2)  # ⌈14/2⌉ = 7: pad 1 after, so none before
    assert first.inputs.shape == (3, 3) and first.inputs[0, 2] == second.inputs[0, 0]  # the shared column
    corner = explain_unit(net, image, pool.name, (6, 6), 1)
    assert corner.padded[2].all() and np.isnan(corner.inputs[2]).all()
    assert corner.value == np.nanmax(corner.inputs)
    assert explain_unit(net, image, pool.name, (6, 6), 1).as_json()["window"][2] == [None, None, None]


def test_average_pooling_batch_normalization_activations_dropout_and_global_pooling(random_models):
    from random_networks import random_images

    from digitpad.model.network.numpy_net import NumpyConvnet

    net = NumpyConvnet.from_file(random_models["overlapping"][1])
    image = random_images(1, seed=4)[0]
    names = {layer.kind: layer.name for layer in net.layers}
    average = explain_unit(net, image, names["AveragePooling2D"], (2, 2), 3)  # 6×6 → 3×3, window 3 stride 2
    assert average.real_cells == 4 and np.isnan(average.inputs[2]).all()  # the last window: 2×2 real cells
    assert_close(average.value, float(np.nanmean(average.inputs)))
    norm = explain_unit(net, image, names["BatchNormalization"], (1, 2), 5)
    assert norm.beta == 0.0 and norm.gamma != 1.0  # center=False: no β stored
    assert_close(norm.value, (norm.total - norm.mean) / np.sqrt(norm.variance + norm.epsilon) * norm.gamma + norm.beta)
    whole = explain_unit(net, image, names["GlobalAveragePooling2D"], None, 5)
    assert whole.inputs.shape == (3, 3) and whole.at is None
    assert_close(whole.value, float(whole.inputs.mean()))
    dropout = explain_unit(net, image, names["Dropout"], None, 5)
    assert dropout.value == dropout.total == whole.map_value and dropout.rate == pytest.approx(0.3)
    assert "passes values unchanged when predicting" in dropout.as_json()["note"]
    output = explain_unit(net, image, names["Activation"], None, 2)  # Activation("softmax") last: the output
    assert output.kind == "Output" and output.weights is None
    tanh = explain_unit(net, image, net.layers[0].name, (4, 4), 1)
    assert_close(tanh.value, float(np.tanh(tanh.total)))
    lenet = NumpyConvnet.from_file(random_models["lenet5"][1])
    facts = {fact.name: fact for fact in layer_facts(lenet)}
    conv1, pool1, conv2 = (lenet.layers[i].name for i in range(3))
    assert facts[conv1].shape_formula == "⌈28 / 1⌉ = 28" and facts[conv1].parameter_formula == "(5·5·1 + 1)·6 = 156"
    assert facts[pool1].shape_formula == "28 / 2 = 14" and facts[conv2].shape_formula == "14 − 5 + 1 = 10"
    assert parameter_total_formula(lenet).endswith("= 61,706")
    facts = layer_facts(net)
    assert facts[1].shape_formula == "⌊(24 − 3) / 2⌋ + 1 = 11" and facts[4].parameter_formula == "3·12 = 36"
    strided = layer_facts(NumpyConvnet.from_file(random_models["strided"][1]))
    assert strided[0].shape_formula == "⌈28 / 2⌉ = 14" and strided[0].parameter_formula == "3·3·1·8 = 72"


@pytest.mark.parametrize("name", ["lenet5", "overlapping"])
def test_explain_tensor_prints_kerass_intermediate_numbers(random_models, tensor_files, name):
    model, path = random_models[name]
    floats, _, images = tensor_files
    expected = keras_outputs(model, images[1])
    for index, layer in enumerate(model.layers):
        if type(layer).__name__ == "Flatten":
            continue
        where = ["--at", "1,2"] if expected[index].ndim == 3 else []
        result = digitpad("explain", "--tensor", str(floats), "--model", str(path), "--layer", layer.name,
                          "--channel", "3", *where)
        assert result.returncode == 0, result.stderr
        unit = json.loads(result.stdout.splitlines()[1])
        keras_value = expected[index][1, 2, 3] if where else expected[index][3]
        assert_close(unit["value"], float(keras_value))
        assert_close(unit["map_value"], float(keras_value))


def test_photos_and_numbers_are_read_by_another_network(random_models, tmp_path):
    """A photo of a digit on paper and two digits side by side go through LeNet-5 as through the seed."""
    from PIL import Image, ImageDraw

    from digitpad.model.network.inference import Predictor
    from digitpad.model.numbers import read_number, with_digit_views
    from drawings import seven, write_jsonl

    _, path = random_models["lenet5"]
    image = Image.new("RGB", (300, 300), (235, 232, 225))
    ImageDraw.Draw(image).line([(90, 70), (200, 70), (135, 225)], fill=(30, 30, 40), width=14)
    image.save(tmp_path / "photo.png")
    pair = [[(x * 0.5 + dx, y * 0.5 + 70) for x, y in stroke] for dx in (0, 140) for stroke in seven()]
    write_jsonl(tmp_path / "pair.jsonl", [{"strokes": pair}])
    result = digitpad("predict", str(tmp_path / "photo.png"), "--strokes", str(tmp_path / "pair.jsonl"),
                      "--model", str(path))
    assert result.returncode == 0, result.stderr
    photo, number = (json.loads(line) for line in result.stdout.splitlines())
    assert photo["label"] in range(10) and len(photo["box"]) == 4
    assert len(number["number"]) == 2 and len(number["digits"]) == 2
    predictor = Predictor.load(path)
    readings = with_digit_views(predictor, read_number(predictor, pair))  # as at pen-up: each digit seven ways
    assert "".join(str(r.prediction.label) for r in readings) == number["number"]
