"""Network designs: the presets' exact layers, the summary's arithmetic (checked against Keras' own
count), the checks in words, Keras JSON and code, and `digitpad network` / `train --network`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digitpad.model.network.design_formats import (
    design_from_keras_json,
    design_to_keras_code,
    design_to_keras_json,
    load_design,
)
from digitpad.model.network.designs import (
    PRESETS,
    SEED,
    Design,
    DesignError,
    check,
    layer,
    summarize,
)
from drawings import assert_opens_in_plain_keras

PRESET_PARAMETERS = {"seed": 93_322, "dense": 407_050, "lenet5": 61_706, "keras-example": 34_826}


def digitpad(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run([sys.executable, "-m", "digitpad", *args], capture_output=True, text=True, env=env,
                          timeout=600)


def assert_refused(result: subprocess.CompletedProcess, text: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and text in result.stderr, result.stderr


def replace_layer(design: Design, name: str, **settings) -> Design:
    return Design(tuple(spec.with_settings(**settings) if spec.name == name else spec for spec in design.layers))


# --- the presets and the arithmetic ------------------------------------------------------------

@pytest.mark.parametrize("preset", PRESETS)
def test_each_preset_has_its_exact_parameter_count_and_no_problem(preset):
    summary = summarize(PRESETS[preset])
    assert summary.ok and summary.parameters == PRESET_PARAMETERS[preset]
    assert f"Total params: {PRESET_PARAMETERS[preset]:,}" in summary.as_text()


def test_summary_shows_the_formulas_of_valid_same_and_strided_windows():
    lenet = summarize(PRESETS["lenet5"]).as_text()
    assert "⌈28 / 1⌉ = 28" in lenet and "14 − 5 + 1 = 10" in lenet and "(5·5·1 + 1)·6 = 156" in lenet
    strided = Design((layer("Conv2D", "conv1", kernel=3, strides=2), layer("Flatten", "flatten"),
                      layer("Dense", "out", units=10, activation="softmax")))
    row = summarize(strided).rows[0]
    assert row.shape_formula == "⌊(28 − 3) / 2⌋ + 1 = 13" and row.output_shape == (13, 13, 32)
    assert summarize(PRESETS["seed"]).multiply_adds == 2_794_240


def test_a_patch_that_does_not_fit_is_explained_with_the_layer_and_sizes():
    every_kernel_5 = Design(tuple(spec.with_settings(kernel=5) if spec.kind == "Conv2D" else spec
                                  for spec in SEED.layers))
    assert summarize(every_kernel_5).problems == ("conv3: a 5×5 patch does not fit the 4×4 map",)
    with pytest.raises(DesignError, match="conv3: a 5×5 patch"):
        check(every_kernel_5)


@pytest.mark.parametrize("change, reason", [
    (lambda d: replace_layer(d, "dense", activation="softmax"), "only the last layer may use it"),
    (lambda d: replace_layer(d, "probabilities", units=7), "must end with 10 numbers"),
    (lambda d: replace_layer(d, "probabilities", activation="relu"), "use the softmax activation"),
    (lambda d: replace_layer(d, "conv1", filters=100_000), "100,000 filters is more than DigitPad allows"),
    (lambda d: replace_layer(d, "dense", units=-3), "units must be a whole number ≥ 1"),
    (lambda d: replace_layer(d, "conv2", filters=2.5), "filters must be a whole number ≥ 1"),
    (lambda d: replace_layer(d, "conv1", activation="swish"), "the activation must be one of"),
    (lambda d: Design(d.layers * 9), "DigitPad trains at most 64"),
    (lambda d: Design((layer("Flatten", "flatten"), layer("Dense", "wide", units=4096),
                       layer("Dense", "wider", units=4096), layer("Dense", "widest", units=4096),
                       layer("Dense", "wide4", units=4096),
                       layer("Dense", "out", units=10, activation="softmax"))), "DigitPad trains at most 50,000,000"),
    (lambda d: Design(d.layers[:5] + d.layers[6:]), "Dense needs a flat input"),
])
def test_designs_that_cannot_work_are_explained_in_words(change, reason):
    problems = summarize(change(SEED)).problems
    assert problems and any(reason in problem for problem in problems), problems


# --- Keras JSON and code --------------------------------------------------------------------------

@pytest.mark.parametrize("preset", PRESETS)
def test_keras_json_round_trips_every_preset(preset):
    assert design_from_keras_json(design_to_keras_json(PRESETS[preset])).layers == PRESETS[preset].layers


@pytest.mark.parametrize("text, reason", [
    ("{broken", "broken JSON"),
    ('{"class_name": "Functional", "config": {}}', "not a Keras Sequential model \\(it holds a Functional\\)"),
    ('{"layers": []}', 'not a Keras Sequential model \\(it has no "class_name": "Sequential"\\)'),
    ('{"class_name": "Sequential", "config": {"layers": [{"class_name": "LSTM", "config": {"name": "rnn"}}]}}',
     "rnn: DigitPad's designs have no layer 'LSTM'"),
    ('{"class_name": "Sequential", "config": {"layers": [{"class_name": "Lambda", "config": {"name": "f"}}]}}',
     "f: a Lambda layer is code"),
    ('{"class_name": "Sequential", "config": {"layers": [{"class_name": "InputLayer", '
     '"config": {"name": "in", "batch_shape": [null, 32, 32, 3]}}]}}', "inputs of shape 32×32×3"),
])
def test_keras_json_that_cannot_be_a_design_is_refused_in_words(text, reason):
    with pytest.raises(DesignError, match=reason):
        design_from_keras_json(text)


def test_a_binary_file_is_not_a_design_in_words(tmp_path):
    from digitpad.model.network.design_formats import load_design

    (tmp_path / "model.json").write_bytes(b'{"class_name": "Sequential", ' + bytes(range(128, 256)))
    with pytest.raises(DesignError, match=r"model.json: not a text file \(Keras JSON is text"):
        load_design(str(tmp_path / "model.json"))


def test_keras_json_of_a_keras_model_becomes_a_design_with_its_numbers():
    keras = pytest.importorskip("keras")
    from keras import layers

    model = keras.Sequential([
        keras.Input((28, 28, 1)), layers.Conv2D(8, 3, strides=2, padding="same", activation="sigmoid", name="c"),
        layers.BatchNormalization(name="bn"), layers.MaxPool2D(3, strides=2, name="p"),
        layers.GlobalAveragePooling2D(name="g"), layers.Dropout(0.25, name="d"), layers.Dense(10, name="logits"),
        layers.Activation("softmax", name="softmax"),
    ])
    design = check(design_from_keras_json(model.to_json()))
    assert summarize(design).parameters == model.count_params()
    assert design.layers[2].settings == {"pool": 3, "strides": 2, "padding": "valid"}


def test_old_keras_json_with_the_layers_as_the_config_is_read():
    text = json.dumps({"class_name": "Sequential", "config": [
        {"class_name": "Flatten", "config": {"name": "flatten", "batch_input_shape": [None, 28, 28, 1]}},
        {"class_name": "Dense", "config": {"name": "out", "units": 10, "activation": "softmax"}}]})
    assert summarize(check(design_from_keras_json(text))).parameters == 7_850


def test_keras_code_builds_the_same_model_in_a_fresh_python():
    code = design_to_keras_code(PRESETS["lenet5"])
    assert "model = models.Sequential()" in code and "model.add(layers.Conv2D(6, (5, 5), padding='same'" in code
    script = code.replace("model.summary()", "print(model.count_params(), [l.name for l in model.layers])")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("61706 ['conv1', 'pool1', 'conv2'")


# --- the property: the summary counts what Keras counts ------------------------------------------

@st.composite
def valid_designs(draw) -> Design:
    """Random designs that can work: maps (convolutions, pooling, normalisation), then a flat part."""
    layers, size = [], 28
    for index in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["Conv2D", "MaxPooling2D", "AveragePooling2D", "BatchNormalization",
                                     "Dropout", "Activation"]))
        padding = draw(st.sampled_from(["valid", "same"]))
        if kind == "Conv2D":
            kernel, strides = draw(st.integers(1, 7)), draw(st.integers(1, 3))
            if padding == "valid" and kernel > size:
                continue
            layers.append(layer(kind, f"l{index}", filters=draw(st.integers(1, 24)), kernel=kernel, strides=strides,
                                padding=padding, activation=draw(st.sampled_from(["relu", "tanh", "linear"]))))
            size = -(-size // strides) if padding == "same" else (size - kernel) // strides + 1
        elif kind.endswith("Pooling2D"):
            pool, strides = draw(st.integers(1, 3)), draw(st.integers(1, 3))
            if padding == "valid" and pool > size:
                continue
            layers.append(layer(kind, f"l{index}", pool=pool, strides=strides, padding=padding))
            size = -(-size // strides) if padding == "same" else (size - pool) // strides + 1
        else:
            layers.append(layer(kind, f"l{index}"))
    layers.append(layer(draw(st.sampled_from(["Flatten", "GlobalAveragePooling2D"])), "to_flat"))
    for index in range(draw(st.integers(0, 2))):
        layers.append(layer("Dense", f"d{index}", units=draw(st.integers(1, 64)),
                            activation=draw(st.sampled_from(["relu", "sigmoid"]))))
    layers.append(layer("Dense", "out", units=10, activation="softmax"))
    return Design(tuple(layers))


@pytest.mark.parametrize("preset", PRESETS)
def test_the_summary_counts_what_keras_counts_for_every_preset(preset):
    pytest.importorskip("keras")
    from digitpad.model.training.keras_network import build_network

    assert build_network(PRESETS[preset]).count_params() == summarize(PRESETS[preset]).parameters


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_designs())
def test_the_summary_counts_what_keras_counts_for_random_designs(design):
    pytest.importorskip("keras")
    from digitpad.model.training.keras_network import build_network

    summary = summarize(design)
    assert summary.ok, summary.problems
    model = build_network(design)
    assert model.count_params() == summary.parameters
    assert [tuple(layer.output.shape[1:]) for layer in model.layers] == [row.output_shape for row in summary.rows]


# --- the command line ----------------------------------------------------------------------------

def test_network_prints_the_summary_json_and_code():
    summary = digitpad("network", "lenet5")
    assert summary.returncode == 0 and "Total params: 61,706" in summary.stdout
    keras = pytest.importorskip("keras")
    text = digitpad("network", "lenet5", "--format", "json").stdout
    assert keras.models.model_from_json(text).count_params() == 61_706
    code = digitpad("network", "lenet5", "--format", "keras-code").stdout
    assert code == design_to_keras_code(PRESETS["lenet5"])


def test_bad_designs_are_refused_in_one_line_before_anything_is_trained(tmp_path):
    huge = json.loads(design_to_keras_json(SEED))
    huge["config"]["layers"][1]["config"]["filters"] = 100_000
    cases = {
        "huge.json": (json.dumps(huge), "100,000 filters is more than DigitPad allows"),
        "lstm.json": ('{"class_name": "Sequential", "config": {"layers": [{"class_name": "LSTM", '
                      '"config": {"name": "rnn"}}]}}', "no layer 'LSTM'"),
        "broken.json": ('{"class_name": "Sequential", ', "broken JSON"),
    }
    for file_name, (text, reason) in cases.items():
        (tmp_path / file_name).write_text(text)
        out = tmp_path / "never.keras"
        started = time.monotonic()
        assert_refused(digitpad("train", "--network", str(tmp_path / file_name), "--out", str(out)), reason)
        assert time.monotonic() - started < 10 and not out.exists()
        assert_refused(digitpad("network", str(tmp_path / file_name)), reason)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(cases)


def test_train_network_writes_a_plain_keras_file_of_that_design(tmp_path, mnist_path):
    design_file = tmp_path / "small.json"
    small = Design((layer("Conv2D", "conv1", filters=4, kernel=5, strides=2, padding="same", activation="tanh"),
                    layer("BatchNormalization", "norm"), layer("AveragePooling2D", "pool1", pool=3, strides=2),
                    layer("GlobalAveragePooling2D", "gap"), layer("Dropout", "drop", rate=0.2),
                    layer("Dense", "probabilities", units=10, activation="softmax")))
    design_file.write_text(design_to_keras_json(small))
    assert load_design(str(design_file)).layers == small.layers
    out = tmp_path / "small.keras"
    result = digitpad("train", "--network", str(design_file), "--data", str(mnist_path), "--limit", "1000",
                      "--epochs", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert_opens_in_plain_keras(out)
    import keras

    model = keras.saving.load_model(out, compile=False)
    assert [layer.name for layer in model.layers] == [spec.name for spec in small.layers]
    assert model.count_params() == summarize(small).parameters
