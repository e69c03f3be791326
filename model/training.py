"""Training: one function that the CLI and the window both call.

``train(config, data, state)`` follows Orange's ``run(data, state)`` shape: it
reports progress through ``state.report(...)`` and stops within one batch once
``state.is_cancelled()`` is true.  Device placement is the only thing that
differs between the CPU and a GPU: the same code runs under ``tf.device``.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace
from typing import Protocol

import numpy as np

from digitpad.model.augment import augment_batch_fn

OPTIMIZERS = ("rmsprop", "adam", "sgd")


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides how a model is trained."""

    epochs: int = 3
    batch_size: int = 128
    optimizer: str = "adam"
    learning_rate: float = 3e-3
    # "onecycle": linear warm-up for the first 10% of steps, then cosine decay to 0.
    schedule: str = "onecycle"
    augment: bool = False
    stroke_copies: int = 1  # renderings of each training drawing (the first plain, the rest augmented)
    scribbles: int = 0  # non-digits to train on, towards "unsure" (outlier exposure)
    digit_pairs: int = 0  # two drawings side by side, also towards "unsure" (for reading numbers)
    label_smoothing: float = 0.0
    validation_fraction: float = 0.05
    calibrate: bool = True  # temperature scaling on the validation split after training
    seed: int = 0
    device: str | None = None  # e.g. "/GPU:0"; None picks the first GPU, else the CPU

    def data_options(self) -> dict:
        """What build_training_data takes from the recipe."""
        return {"stroke_copies": self.stroke_copies, "scribbles": self.scribbles, "digit_pairs": self.digit_pairs,
                "validation_fraction": self.validation_fraction, "seed": self.seed}

    def __post_init__(self) -> None:
        if not 1 <= self.epochs <= 1000:
            raise ValueError(f"epochs must be between 1 and 1000, got {self.epochs}")
        if not 1 <= self.batch_size <= 65536:
            raise ValueError(f"batch size must be between 1 and 65536, got {self.batch_size}")
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"optimizer must be one of {', '.join(OPTIMIZERS)}, got {self.optimizer!r}")
        if not (math.isfinite(self.learning_rate) and 0 < self.learning_rate <= 10):
            raise ValueError(f"learning rate must be a positive number ≤ 10, got {self.learning_rate}")
        if self.schedule not in ("constant", "onecycle"):
            raise ValueError(f"schedule must be 'constant' or 'onecycle', got {self.schedule!r}")
        if not 1 <= self.stroke_copies <= 64:
            raise ValueError(f"stroke copies must be between 1 and 64, got {self.stroke_copies}")
        if not 0 <= self.label_smoothing < 0.5:
            raise ValueError(f"label smoothing must be in [0, 0.5), got {self.label_smoothing}")
        if not 0 <= self.validation_fraction < 0.9:
            raise ValueError(f"validation fraction must be in [0, 0.9), got {self.validation_fraction}")


# The seed notebook's recipe, the fast default, and the one behind the bundled model.
PRESETS: dict[str, TrainConfig] = {
    "seed": TrainConfig(epochs=5, batch_size=64, optimizer="rmsprop", learning_rate=1e-3, schedule="constant"),
    # Adam with warm-up and cosine decay, label smoothing, 2 epochs: the seed's accuracy in less time.
    "fast": TrainConfig(epochs=2, batch_size=128, learning_rate=5e-3, label_smoothing=0.1, validation_fraction=0.02),
    # MNIST plus pen strokes re-rendered 8 ways each; scribbles and pairs of digits side by side
    # teach it to be unsure of what is not one digit (and so to read numbers digit by digit).
    "drawings": TrainConfig(
        epochs=6, batch_size=128, learning_rate=5e-3, label_smoothing=0.1, validation_fraction=0.02,
        stroke_copies=8, scribbles=5000, digit_pairs=6000,
    ),
}


@dataclass
class TrainProgress:
    """What the window and the CLI show while training."""

    epoch: int  # 1-based
    epochs: int
    batch: int  # 1-based within the epoch
    batches: int
    loss: float
    accuracy: float
    images_per_second: float
    seconds: float
    eta_seconds: float
    val_loss: float | None = None
    val_accuracy: float | None = None
    epoch_end: bool = False

    @property
    def fraction(self) -> float:
        return ((self.epoch - 1) * self.batches + self.batch) / (self.epochs * self.batches)


class TrainState(Protocol):
    def report(self, progress: TrainProgress) -> None: ...
    def is_cancelled(self) -> bool: ...


class SilentState:
    """A state that reports nowhere and is never cancelled."""

    def report(self, progress: TrainProgress) -> None:
        pass

    def is_cancelled(self) -> bool:
        return False


class TrainingFailed(RuntimeError):
    """Training could not finish (the loss became NaN, memory ran out, ...)."""


class TrainingCancelled(RuntimeError):
    """The person pressed Cancel."""


@dataclass
class TrainingData:
    """float32 images (n, 28, 28, 1) in [0, 1] and int labels, split three ways."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class TrainResult:
    model: object  # keras.Model
    config: TrainConfig
    device: str
    seconds: float
    history: dict[str, list[float]]
    test_accuracy: float
    test_predictions: np.ndarray
    confusion: np.ndarray  # 10×10, rows true, columns predicted
    temperature: float = 1.0  # the calibration folded into the last layer (1: none)


def train(config: TrainConfig, data: TrainingData, state: TrainState | None = None, model=None) -> TrainResult:
    """Train ``model`` (a fresh seed convnet when None) and evaluate it on the test split.

    Raises TrainingCancelled, TrainingFailed, or ValueError for unusable data.
    The model passed in is trained in place: pass a copy to keep the original.
    """
    import keras
    import tensorflow as tf

    from digitpad.model.devices import pick_device
    from digitpad.model.network import build_convnet

    state = state or SilentState()
    _check_data(data, config)
    device = pick_device(config.device)
    keras.utils.set_random_seed(config.seed)
    steps_per_epoch = math.ceil(len(data.x_train) / config.batch_size)
    started = time.perf_counter()
    with tf.device(device):
        model = model if model is not None else build_convnet()
        model.compile(
            optimizer=_make_optimizer(config, steps_per_epoch),
            loss=keras.losses.CategoricalCrossentropy(label_smoothing=config.label_smoothing),
            metrics=[_digit_accuracy()],
            # XLA pays on a GPU; on this CPU it made the seed recipe many times slower (measured),
            # and Keras' "auto" would switch it on for a CPU run on a machine that has a GPU.
            jit_compile="GPU" in device,
        )
        progress = _ProgressCallback(state, config, steps_per_epoch, started)
        validation = (data.x_val, _one_hot(data.y_val)) if len(data.x_val) else None
        try:
            history = model.fit(
                _train_dataset(data, config),
                epochs=config.epochs,
                steps_per_epoch=steps_per_epoch,
                validation_data=validation,
                validation_batch_size=1024,
                shuffle=False,  # the tf.data pipeline shuffles
                callbacks=[progress],
                verbose=0,
            )
        except tf.errors.ResourceExhaustedError:
            raise TrainingFailed(
                f"out of memory on {device} at batch size {config.batch_size}; try a smaller batch size"
            ) from None
        if progress.failure:
            raise TrainingFailed(progress.failure)
        if state.is_cancelled():
            raise TrainingCancelled("training was cancelled; the model in use is unchanged")
        temperature = 1.0
        if config.calibrate and len(data.x_val) >= 200:
            temperature = calibrate_temperature(model, data.x_val, data.y_val)
        if not len(data.x_test):  # e.g. a few of my drawings only; some CPUs' kernels fail on an empty batch
            probabilities = np.zeros((0, 10), np.float32)
        elif len(data.x_test) <= 2048:
            probabilities = model(data.x_test, training=False)
        else:
            probabilities = model.predict(data.x_test, batch_size=1024, verbose=0)
    predictions = np.argmax(np.asarray(probabilities), axis=1)
    return TrainResult(
        model=model,
        config=config,
        device=device,
        seconds=time.perf_counter() - started,
        history={k: [float(v) for v in vs] for k, vs in history.history.items()},
        test_accuracy=float(np.mean(predictions == data.y_test)) if len(data.y_test) else float("nan"),
        test_predictions=predictions,
        confusion=confusion_matrix(data.y_test, predictions),
        temperature=temperature,
    )


def calibrate_temperature(model, images: np.ndarray, labels: np.ndarray) -> float:
    """Temperature scaling (Guo et al., 2017): find T so that softmax(logits / T) is honest on the
    validation split, then fold it into the last layer (weights and bias divided by T).  The
    architecture and the predicted digits stay the same; only the probabilities get truthful."""
    last = model.layers[-1]
    if type(last).__name__ != "Dense" or len(last.get_weights()) != 2:
        return 1.0  # nothing to fold the temperature into
    digits = np.asarray(labels) >= 0
    probabilities = np.asarray(model(images[digits], training=False), np.float64)
    logits = np.log(np.clip(probabilities, 1e-12, 1.0))
    truth = np.asarray(labels)[digits].astype(int)

    def nll(temperature: float) -> float:
        scaled = logits / temperature
        scaled -= scaled.max(axis=1, keepdims=True)
        log_softmax = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        return float(-log_softmax[np.arange(len(truth)), truth].mean())

    candidates = np.exp(np.linspace(np.log(0.25), np.log(4.0), 81))
    temperature = float(min(candidates, key=nll))
    kernel, bias = last.get_weights()
    last.set_weights([kernel / temperature, bias / temperature])
    return temperature


def confusion_matrix(labels: np.ndarray, predictions: np.ndarray) -> np.ndarray:
    """10×10 counts: row = true digit, column = predicted digit."""
    matrix = np.zeros((10, 10), np.int64)
    np.add.at(matrix, (np.asarray(labels, int), np.asarray(predictions, int)), 1)
    return matrix


def _check_data(data: TrainingData, config: TrainConfig) -> None:
    if len(data.x_train) == 0:
        raise ValueError("there is nothing to train on: the training set is empty")
    if data.x_train.shape[1:] != (28, 28, 1) or len(data.x_train) != len(data.y_train):
        raise ValueError(f"training images must have shape (n, 28, 28, 1), got {data.x_train.shape}")
    if not np.isfinite(data.x_train).all():
        raise ValueError("the training images contain NaN or infinite values")


def _make_optimizer(config: TrainConfig, steps_per_epoch: int):
    import keras

    rate = config.learning_rate
    if config.schedule == "onecycle":
        total = config.epochs * steps_per_epoch
        warmup = max(1, total // 10)
        rate = keras.optimizers.schedules.CosineDecay(
            initial_learning_rate=rate / 10,
            decay_steps=max(1, total - warmup),
            warmup_target=rate,
            warmup_steps=warmup,
            alpha=0.0,
        )
    if config.optimizer == "adam":
        return keras.optimizers.Adam(rate)
    if config.optimizer == "rmsprop":
        return keras.optimizers.RMSprop(rate)
    return keras.optimizers.SGD(rate, momentum=0.9, nesterov=True)


def _train_dataset(data: TrainingData, config: TrainConfig):
    """A repeating, shuffled tf.data pipeline, augmented on the fly when asked."""
    import tensorflow as tf

    dataset = tf.data.Dataset.from_tensor_slices((data.x_train, _one_hot(data.y_train)))
    dataset = dataset.shuffle(len(data.x_train), seed=config.seed, reshuffle_each_iteration=True).repeat()
    dataset = dataset.batch(config.batch_size, drop_remainder=False)
    if config.augment:
        augment = augment_batch_fn(config.seed)
        dataset = dataset.map(augment, num_parallel_calls=tf.data.AUTOTUNE)
    return dataset.prefetch(tf.data.AUTOTUNE)


def _one_hot(labels: np.ndarray) -> np.ndarray:
    """One-hot targets, so the loss can smooth them; a negative label (not a digit) is uniform."""
    labels = np.asarray(labels, int)
    targets = np.full((len(labels), 10), 0.1, np.float32)
    digits = labels >= 0
    targets[digits] = np.eye(10, dtype=np.float32)[labels[digits]]
    return targets


def _digit_accuracy():
    """Accuracy over the digits only: non-digits (uniform targets) have no right answer."""
    import keras
    from keras import ops

    class DigitAccuracy(keras.metrics.Mean):
        def update_state(self, y_true, y_pred, sample_weight=None):
            is_digit = ops.cast(ops.max(y_true, axis=-1) > 0.5, "float32")
            correct = ops.cast(ops.argmax(y_true, axis=-1) == ops.argmax(y_pred, axis=-1), "float32")
            return super().update_state(correct, sample_weight=is_digit)

    return DigitAccuracy(name="accuracy")


def _progress_callback_class():
    import keras

    class ProgressCallback(keras.callbacks.Callback):
        """Reports each batch, checks for Cancel and NaN after each batch."""

        def __init__(self, state: TrainState, config: TrainConfig, steps: int, started: float) -> None:
            super().__init__()
            self.state, self.config, self.steps, self.started = state, config, steps, started
            self.epoch = 0
            self.failure: str | None = None
            self.last_seconds = started

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch + 1

        def on_train_batch_end(self, batch, logs=None):
            logs = logs or {}
            loss = float(logs.get("loss", float("nan")))
            if not math.isfinite(loss):
                self.failure = (
                    f"the loss became {loss} at epoch {self.epoch}, batch {batch + 1}; "
                    "lower the learning rate and train again"
                )
                self.model.stop_training = True
                return
            if self.state.is_cancelled():
                self.model.stop_training = True
                return
            self._report(batch + 1, logs)

        def on_epoch_end(self, epoch, logs=None):
            if not self.model.stop_training:
                self._report(self.steps, logs or {}, epoch_end=True)

        def _report(self, batch: int, logs: dict, epoch_end: bool = False) -> None:
            now = time.perf_counter()
            done = (self.epoch - 1) * self.steps + batch
            total = self.config.epochs * self.steps
            elapsed = now - self.started
            rate = done / elapsed if elapsed > 0 else 0.0
            self.state.report(
                TrainProgress(
                    epoch=self.epoch,
                    epochs=self.config.epochs,
                    batch=batch,
                    batches=self.steps,
                    loss=float(logs.get("loss", float("nan"))),
                    accuracy=float(logs.get("accuracy", float("nan"))),
                    images_per_second=rate * self.config.batch_size,
                    seconds=elapsed,
                    eta_seconds=(total - done) / rate if rate > 0 else float("inf"),
                    val_loss=_optional(logs.get("val_loss")),
                    val_accuracy=_optional(logs.get("val_accuracy")),
                    epoch_end=epoch_end,
                )
            )

    return ProgressCallback


def _optional(value) -> float | None:
    return None if value is None else float(value)


def _ProgressCallback(*args):  # noqa: N802 - built lazily so importing this module does not import Keras
    return _progress_callback_class()(*args)


def with_overrides(config: TrainConfig, **changes) -> TrainConfig:
    """A copy of ``config`` with some fields changed (and validated)."""
    return replace(config, **{k: v for k, v in changes.items() if v is not None})
