"""The network, inference and training core (TensorFlow on the CPU, no Qt)."""

from __future__ import annotations

import numpy as np
import pytest

from digitpad.model.network.inference import ModelError, Predictor
from digitpad.model.training.devices import pick_device
from digitpad.model.training.keras_models import load_model_file, save_model_atomically
from digitpad.model.training.keras_network import build_convnet, build_feature_extractor
from digitpad.model.training.loop import train
from digitpad.model.training.recipes import TrainConfig, TrainingCancelled, TrainingData, TrainingFailed
from drawings import circle, seven

EXPECTED_SHAPES = [(26, 26, 32), (13, 13, 32), (11, 11, 64), (5, 5, 64), (3, 3, 64), (64,), (10,)]


def tiny_data(count: int = 512, seed: int = 0) -> TrainingData:
    """Learnable synthetic digits: class k is a bright square at position k."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, count)
    images = rng.uniform(0, 0.1, (count, 28, 28, 1)).astype(np.float32)
    for i, label in enumerate(labels):
        row, col = divmod(int(label), 5)
        images[i, 4 + row * 10 : 12 + row * 10, 2 + col * 5 : 6 + col * 5, 0] = 1.0
    split = count * 3 // 4
    return TrainingData(images[:split], labels[:split], images[split:], labels[split:], images[split:], labels[split:])


def test_the_seed_convnet_has_93322_parameters_and_readable_layers():
    model = build_convnet()
    assert model.count_params() == 93_322
    assert [layer.name for layer in model.layers] == [
        "conv1", "pool1", "conv2", "pool2", "conv3", "flatten", "dense", "probabilities",
    ]


def test_feature_extractor_returns_every_shown_layer_in_one_call():
    extractor = build_feature_extractor(build_convnet())
    outputs = extractor(np.zeros((2, 28, 28, 1), np.float32))
    assert [tuple(o.shape[1:]) for o in outputs] == EXPECTED_SHAPES


def test_predictor_gives_probabilities_and_all_activations(predictor):
    prediction = predictor.predict_strokes(seven())
    assert prediction.label == 7
    assert prediction.probabilities.shape == (10,) and abs(prediction.probabilities.sum() - 1) < 1e-4
    assert [a.shape for a in prediction.activations] == EXPECTED_SHAPES
    assert [layer.output_shape for layer in predictor.shown_layers] == EXPECTED_SHAPES
    assert sum(layer.parameters for layer in predictor.layers) == 93_322
    assert predictor.predict_strokes(circle()).label == 0


def test_nothing_drawn_is_not_a_prediction(predictor):
    prediction = predictor.predict_strokes([])
    assert prediction.label is None and prediction.probabilities is None
    assert prediction.as_json() == {"label": None, "probabilities": None}


def test_batch_probabilities_match_single_predictions(predictor):
    from digitpad.model.ink.preprocessing import strokes_to_tensor

    tensors = np.stack([strokes_to_tensor(seven()), strokes_to_tensor(circle())])
    batch = predictor.probabilities(tensors)
    single = predictor.predict_tensor(tensors[1]).probabilities
    assert np.allclose(batch[1], single, atol=1e-5)


def test_kernels_of_convolutions_only(predictor):
    assert predictor.kernels("conv1").shape == (3, 3, 1, 32)
    assert predictor.kernels("conv2").shape == (3, 3, 32, 64)
    assert predictor.kernels("pool1") is None


def test_save_and_load_round_trip_is_atomic(tmp_path):
    model = build_convnet()
    path = save_model_atomically(model, tmp_path / "model.keras")
    assert [p.name for p in tmp_path.iterdir()] == ["model.keras"]  # no temporary left behind
    loaded = Predictor.load(path)
    images = np.random.default_rng(1).uniform(0, 1, (3, 28, 28, 1)).astype(np.float32)
    assert np.allclose(loaded.probabilities(images), np.asarray(model(images)), atol=1e-6)


def test_failed_save_leaves_the_old_file(tmp_path):
    path = save_model_atomically(build_convnet(), tmp_path / "model.keras")
    before = path.read_bytes()

    class Unsaveable:
        compiled = False

        def save(self, filename):
            with open(filename, "wb") as stream:
                stream.write(b"half a model")
            raise OSError(28, "No space left on device")

    with pytest.raises(ModelError, match=r"No space left on device\); the old file is unchanged"):
        save_model_atomically(Unsaveable(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["model.keras"]


def lambda_model_file(tmp_path):
    import keras

    inputs = keras.Input((28, 28, 1))
    x = keras.layers.Lambda(lambda t: t * 2)(inputs)
    x = keras.layers.Flatten()(x)
    outputs = keras.layers.Dense(10, activation="softmax")(x)
    path = tmp_path / "lambda.keras"
    keras.Model(inputs, outputs).save(path)
    return path


def wrong_shape_model_file(tmp_path, input_shape, outputs):
    import keras

    inputs = keras.Input(input_shape)
    x = keras.layers.Flatten()(inputs)
    model = keras.Model(inputs, keras.layers.Dense(outputs, activation="softmax")(x))
    path = tmp_path / f"wrong-{outputs}.keras"
    model.save(path)
    return path


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.keras", "no such model file"),
        (lambda d: (d / "empty.keras").write_bytes(b"") and d / "empty.keras" or d / "empty.keras",
         "the file is empty"),
        (lambda d: (d / "random.keras").write_bytes(np.random.default_rng(0).bytes(4096)) and d / "random.keras",
         "corrupt or truncated"),
        (lambda d: (d / "model.h5").write_bytes(b"x") and d / "model.h5", "not a .keras model file"),
        (lambda_model_file, "Lambda layer"),
        (lambda d: wrong_shape_model_file(d, (32, 32, 3), 10), r"reads images of shape \(32, 32, 3\)"),
        (lambda d: wrong_shape_model_file(d, (28, 28, 1), 5), r"output shape \(5,\)"),
    ],
)
def test_unusable_model_files_say_why(tmp_path, make, message):
    with pytest.raises(ModelError, match=message):
        load_model_file(make(tmp_path))


def test_truncated_model_file(tmp_path):
    path = save_model_atomically(build_convnet(), tmp_path / "model.keras")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="corrupt or truncated|cannot be loaded"):
        load_model_file(path)


class RecordingState:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports = []
        self.cancel_after = cancel_after

    def report(self, progress) -> None:
        self.reports.append(progress)

    def is_cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


def test_short_training_lowers_the_loss():
    state = RecordingState()
    result = train(TrainConfig(epochs=2, batch_size=32, learning_rate=3e-3), tiny_data(), state)
    losses = [p.loss for p in state.reports if not p.epoch_end]
    assert losses[-1] < losses[0] * 0.5
    assert result.test_accuracy > 0.9
    assert result.confusion.sum() == len(tiny_data().y_test)
    assert result.device == pick_device()  # the first GPU where there is one, else the CPU
    assert state.reports[-1].epoch_end and state.reports[-1].fraction == 1.0


def test_cancel_stops_within_one_batch():
    state = RecordingState(cancel_after=3)
    with pytest.raises(TrainingCancelled):
        train(TrainConfig(epochs=5, batch_size=16), tiny_data(), state)
    # Cancel was seen after the 3rd report; at most the batch under way finished after it.
    assert len([p for p in state.reports if not p.epoch_end]) <= 4


def test_several_steps_per_execution_report_and_cancel_once_per_call():
    """Keras runs steps_per_execution batches per call and calls back after each call: progress
    moves in whole calls and Cancel stops within one call."""
    data = tiny_data()  # 384 training images: 24 batches of 16, 6 calls of 4
    state = RecordingState()
    train(TrainConfig(epochs=1, batch_size=16, steps_per_execution=4), data, state)
    assert [p.batch for p in state.reports if not p.epoch_end] == [4, 8, 12, 16, 20, 24]
    assert state.reports[-1].epoch_end and state.reports[-1].fraction == 1.0
    state = RecordingState(cancel_after=3)
    with pytest.raises(TrainingCancelled):
        train(TrainConfig(epochs=5, batch_size=16, steps_per_execution=4), data, state)
    assert len([p for p in state.reports if not p.epoch_end]) <= 4


def test_an_epoch_is_whole_calls_and_at_most_one_batch_per_call_more():
    from digitpad.model.training.loop import _epoch_steps

    def steps(images, batch_size, steps_per_execution):
        return _epoch_steps(TrainConfig(batch_size=batch_size, steps_per_execution=steps_per_execution), images)

    assert steps(58_800, 64, 1) == (919, 1)
    assert steps(58_800, 64, 8) == (920, 8)  # 115 calls of 8
    assert steps(640, 64, 8) == (10, 5)  # 2 calls of 5, not 2 of 8
    assert steps(100, 64, 8) == (2, 2)  # a small set is one call, no batch more
    for images, batch_size, per_call in [(1, 1, 8), (999, 7, 32), (60_000, 128, 3)]:
        epoch, call = steps(images, batch_size, per_call)
        batches = -(-images // batch_size)
        assert epoch % call == 0 and call <= per_call and batches <= epoch < batches + epoch // call


def test_validation_metrics_are_what_keras_evaluate_reports():
    from digitpad.model.training.loop import _one_hot

    data = tiny_data()
    result = train(TrainConfig(epochs=1, batch_size=32, label_smoothing=0.1, calibrate=False), data)
    loss, accuracy = result.model.evaluate(data.x_val, _one_hot(data.y_val), batch_size=1024, verbose=0)
    assert result.history["val_loss"][-1] == pytest.approx(loss, abs=1e-4)
    assert result.history["val_accuracy"][-1] == pytest.approx(accuracy, abs=1e-6)


def test_loss_becoming_nan_stops_training_with_a_message():
    data = tiny_data()
    data.x_train[:] = 1e30  # finite inputs that overflow inside the network
    with pytest.raises(TrainingFailed, match="the loss became nan.*lower the learning rate"):
        train(TrainConfig(epochs=1, batch_size=32), data)


def test_bad_settings_are_refused():
    for changes, message in [({"epochs": 0}, "epochs"), ({"optimizer": "lbfgs"}, "optimizer"),
                             ({"learning_rate": float("nan")}, "learning rate"),
                             ({"validation_fraction": 0.95}, "validation fraction"),
                             ({"steps_per_execution": 0}, "steps per execution"),
                             ({"steps_per_execution": 1000}, "steps per execution"),
                             ({"beta_2": 1.0}, "beta_2"), ({"beta_2": 0.0}, "beta_2")]:
        with pytest.raises(ValueError, match=message):
            TrainConfig(**changes)


def test_unknown_device_is_refused():
    with pytest.raises(ValueError, match="device /GPU:7 is not available"):
        train(TrainConfig(epochs=1, device="/GPU:7"), tiny_data())


def test_non_digits_train_towards_unsure_and_do_not_count_in_accuracy():
    data = tiny_data()
    noise = np.random.default_rng(3).uniform(0, 1, (64, 28, 28, 1)).astype(np.float32)
    data.x_train = np.concatenate([data.x_train, noise])
    data.y_train = np.concatenate([data.y_train, np.full(64, -1)])
    state = RecordingState()
    result = train(TrainConfig(epochs=3, batch_size=32, learning_rate=3e-3), data, state)
    assert result.test_accuracy > 0.9
    assert state.reports[-1].accuracy > 0.9  # the 64 non-digits have no right answer to miss
    assert np.asarray(result.model(noise[:16])).max(axis=1).mean() < 0.6


def test_temperature_scaling_makes_probabilities_honest_without_changing_answers():
    from digitpad.model.training.loop import calibrate_temperature

    data = tiny_data(seed=5)
    model = train(TrainConfig(epochs=2, batch_size=32, calibrate=False), data).model
    labels = data.y_val.copy()
    labels[::4] = (labels[::4] + 1) % 10  # a quarter of the answers are wrong: certainty is not earned

    def negative_log_likelihood() -> float:
        probabilities = np.asarray(model(data.x_val), np.float64)
        return float(-np.log(np.clip(probabilities[np.arange(len(labels)), labels], 1e-12, 1)).mean())

    kernel, bias = model.layers[-1].get_weights()
    model.layers[-1].set_weights([kernel * 4, bias * 4])  # make it overconfident
    answers = np.asarray(model(data.x_val)).argmax(axis=1)
    overconfident = negative_log_likelihood()
    temperature = calibrate_temperature(model, data.x_val, labels)
    assert temperature > 1.5
    assert negative_log_likelihood() < overconfident
    assert np.array_equal(np.asarray(model(data.x_val)).argmax(axis=1), answers)


def test_calibration_counts_non_digits_towards_every_digit_equally_likely():
    from digitpad.model.training.loop import calibrate_temperature

    data = tiny_data(seed=6)
    model = train(TrainConfig(epochs=2, batch_size=32, calibrate=False), data).model
    noise = np.random.default_rng(4).uniform(0, 1, (len(data.x_val), 28, 28, 1)).astype(np.float32)
    weights = model.get_weights()
    digits_only = calibrate_temperature(model, data.x_val, data.y_val)
    model.set_weights(weights)
    with_non_digits = calibrate_temperature(model, np.concatenate([data.x_val, noise]),
                                            np.concatenate([data.y_val, np.full(len(noise), -1)]))
    assert with_non_digits > digits_only  # being sure of noise costs: the fit softens the answers


def test_validation_holds_non_digits_in_trainings_proportion_and_the_test_split_only_digits():
    from digitpad.model.files.datasets import StrokeRecord
    from digitpad.model.training.data import build_training_data

    # Each drawing moved a little, so that none is a repeat of another.
    records = [StrokeRecord([np.array(s, float) + i for s in (seven() if i % 2 else circle())], 7 if i % 2 else 0)
               for i in range(40)]
    data = build_training_data(None, records, validation_fraction=0.25, stroke_copies=1, scribbles=40, digit_pairs=20)
    assert np.sum(data.y_train < 0) == 40 + 20 and np.sum(data.y_train >= 0) == 30
    assert np.sum(data.y_val < 0) == 13 + 7 and np.sum(data.y_val >= 0) == 10  # the same proportion
    assert len(data.y_test) and (data.y_test >= 0).all()


def test_validation_holds_back_whole_writers_so_the_doubt_is_fitted_on_handwriting_never_trained_on():
    from digitpad.model.files.datasets import StrokeRecord
    from digitpad.model.training.data import build_training_data

    # Ten writers at one site, each writing only their own digit: a label seen in both splits would be a
    # writer in both.  A second site's writers write 0s; your own drawings have no writer.
    records = [StrokeRecord([np.array(s, float) + i for s in seven()], writer, writer=f"w{writer}", source="abc")
               for writer in range(10) for i in range(6)]
    records += [StrokeRecord([np.array(s, float) + 0.5 * i for s in circle()], 0, writer=f"v{i // 5}", source="xyz")
                for i in range(20)]
    records.append(StrokeRecord([np.array(s, float) + 0.3 for s in circle()], 0, source="abc"))  # no writer known
    for seed in range(5):
        data = build_training_data(None, records, validation_fraction=0.2, stroke_copies=1, seed=seed)
        trained, held = set(data.y_train[data.y_train > 0].tolist()), set(data.y_val[data.y_val > 0].tolist())
        assert held and not trained & held and len(trained | held) == 9
        assert 0 in data.y_val and 0 in data.y_train  # the other site gives both splits a writer
        assert len(data.y_val) in range(6, 27)  # about a fifth of the 81 drawings, in whole writers


def test_paper_scans_are_trained_on_as_the_ink_finder_reads_them():
    """MNIST-style digits written on synthetic forms and read back: every scan the finder reads gives a
    28×28 tensor with its digit's label (a blank form with ink on it: "no digit"), and the training and
    validation splits each get theirs."""
    from digitpad.model.files.datasets import Mnist
    from digitpad.model.ink.preprocessing import render_normalised
    from digitpad.model.training.data import build_training_data, render_paper_scans

    digits = np.stack([np.rint(render_normalised([np.asarray(s, float) for s in d], 2.5) * 255).astype(np.uint8)
                       for d in (seven(), circle()) * 20])
    labels = np.array([7, 0] * 20, np.uint8)
    images, targets = render_paper_scans(digits, labels, 60, seed=3)
    assert images.shape[1:] == (28, 28, 1) and 0 <= images.min() and images.max() <= 1
    assert 40 <= len(targets) <= 60 and set(targets.tolist()) <= {-1, 0, 7}
    assert (images.reshape(len(images), -1).max(axis=1) > 0.5).all()  # each one has ink
    mnist = Mnist(digits, labels, digits[:4], labels[:4])
    data = build_training_data(mnist, validation_fraction=0.25, paper_scans=40)
    assert 25 <= data.counts["paper scans"] <= 40
    assert len(data.y_train) == 30 + data.counts["paper scans"] and len(data.y_val) >= 10 + 8


def test_two_digits_whose_ink_touches_on_paper_are_trained_as_not_a_digit(monkeypatch):
    """A touching pair read whole must not look like one confident digit, or no cut beats reading it whole
    (model.numbers): the paper scans hold such pairs, wide pieces of ink, labelled "no digit"."""
    from digitpad.model.ink.preprocessing import render_normalised
    from digitpad.model.training import data

    monkeypatch.setattr(data, "BLANK_FORM_SHARE", 0.0)
    monkeypatch.setattr(data, "TOUCHING_PAIR_SHARE", 1.0)
    digits = np.stack([np.rint(render_normalised([np.asarray(s, float) for s in d], 2.5) * 255).astype(np.uint8)
                       for d in (seven(), circle()) * 5])
    images, targets = data.render_paper_scans(digits, np.array([7, 0] * 5, np.uint8), 12, seed=5)
    assert len(targets) >= 8 and (targets == data.NOT_A_DIGIT).all()
    for image in images[..., 0]:
        rows, cols = np.flatnonzero(image.max(axis=1) > 0.3), np.flatnonzero(image.max(axis=0) > 0.3)
        assert cols[-1] - cols[0] > rows[-1] - rows[0]  # two digits side by side: wider than tall
