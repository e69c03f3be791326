"""Training: one function that the CLI and the window both call.

``train(config, data, state)`` follows Orange's ``run(data, state)`` shape: it
reports progress through ``state.report(...)`` and stops within one call into
TensorFlow (``steps_per_execution`` batches; one batch unless a recipe says more)
once ``state.is_cancelled()`` is true.  Device placement is the only thing that
differs between the CPU and a GPU: the same code runs under ``tf.device``.
"""

from __future__ import annotations

import math
import time

import numpy as np

from digitpad.model.network.designs import SEED, Design
from digitpad.model.training.augment import augment_batch_fn
from digitpad.model.training.recipes import (
    SilentState,
    TrainConfig,
    TrainingCancelled,
    TrainingData,
    TrainingFailed,
    TrainResult,
    TrainState,
    confusion_matrix,
)
from digitpad.model.words import Words


def train(config: TrainConfig, data: TrainingData, state: TrainState | None = None, model=None,
          design: Design | None = None, callbacks: list | tuple = ()) -> TrainResult:
    """Train ``model`` (when None, a fresh network of ``design``, by default the seed convnet) and
    evaluate it on the test split.
    ``callbacks``: more Keras callbacks (TensorBoard's), after the one that reports progress and validates.

    Raises TrainingCancelled, TrainingFailed, or ValueError for unusable data.
    The model passed in is trained in place: pass a copy to keep the original.
    """
    import keras
    import tensorflow as tf

    from digitpad.model.training.callbacks import digit_accuracy, progress_callback
    from digitpad.model.training.devices import pick_device
    from digitpad.model.training.keras_network import build_network

    state = state or SilentState()
    _check_data(data, config)
    device = pick_device(config.device)
    keras.utils.set_random_seed(config.seed)
    steps_per_epoch, steps_per_execution = _epoch_steps(config, len(data.x_train))
    started = time.perf_counter()
    with tf.device(device):
        model = model if model is not None else build_network(design or SEED)
        model.compile(
            optimizer=_make_optimizer(config, steps_per_epoch),
            loss=keras.losses.CategoricalCrossentropy(label_smoothing=config.label_smoothing),
            metrics=[digit_accuracy()],
            # XLA pays on a GPU; on this CPU it made the seed recipe many times slower (measured),
            # and Keras' "auto" would switch it on for a CPU run on a machine that has a GPU.
            jit_compile="GPU" in device,
            steps_per_execution=steps_per_execution,
        )
        # One traced forward pass serves validation, calibration and the test: Keras' evaluate() and
        # predict() would each trace their own function, and calibration would run the validation
        # images through the network a second time (together about 1 s of CPU, measured).
        forward = _forward_function(model, data.x_train.shape[1:])
        validation = Validation(forward, data.x_val, data.y_val, config.label_smoothing) if len(data.x_val) else None
        progress = progress_callback(state, config, steps_per_epoch, started, validation)
        try:
            history = model.fit(
                _train_dataset(data, config),
                epochs=config.epochs,
                steps_per_epoch=steps_per_epoch,
                shuffle=False,  # the tf.data pipeline shuffles
                callbacks=[progress, *callbacks],
                verbose=0,
            )
        except tf.errors.ResourceExhaustedError:
            raise TrainingFailed(Words("out of memory on {device} at batch size {batch_size}; try a smaller batch size",
                                       device=device, batch_size=config.batch_size)) from None
        if progress.failure:
            raise TrainingFailed(progress.failure)
        if state.is_cancelled():
            raise TrainingCancelled("training was cancelled; the model in use is unchanged")
        temperature = 1.0
        if config.calibrate and len(data.x_val) >= 200:
            temperature = calibrate_temperature(model, data.x_val, data.y_val, validation.probabilities)
        probabilities = _predict(forward, data.x_test)
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


def calibrate_temperature(model, images: np.ndarray, labels: np.ndarray, probabilities=None) -> float:
    """Temperature scaling (Guo et al., 2017): find T so that softmax(logits / T) is honest on the
    validation split, then fold it into the last layer (weights and bias divided by T).  The
    architecture and the predicted digits stay the same; only the probabilities get truthful.
    Non-digits in the validation split (label < 0) count with their target, every digit equally
    likely: fitted on digits alone, T came out sharper than unseen writers and scribbles warrant.
    ``probabilities``: the model's for ``images`` when already computed (else they are)."""
    last = model.layers[-1]
    if type(last).__name__ != "Dense" or len(last.get_weights()) != 2:
        return 1.0  # nothing to fold the temperature into
    if probabilities is None:
        probabilities = model(images, training=False)
    probabilities = np.asarray(probabilities, np.float64)
    logits = np.log(np.clip(probabilities, 1e-12, 1.0))
    targets = _one_hot(np.asarray(labels)).astype(np.float64)

    def nll(temperature: float) -> float:
        scaled = logits / temperature
        scaled -= scaled.max(axis=1, keepdims=True)
        log_softmax = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        return float(-(targets * log_softmax).sum(axis=1).mean())

    candidates = np.exp(np.linspace(np.log(0.25), np.log(4.0), 81))
    temperature = float(min(candidates, key=nll))
    kernel, bias = last.get_weights()
    last.set_weights([kernel / temperature, bias / temperature])
    return temperature


def _check_data(data: TrainingData, config: TrainConfig) -> None:
    if len(data.x_train) == 0:
        raise ValueError("there is nothing to train on: the training set is empty")
    if data.x_train.shape[1:] != (28, 28, 1) or len(data.x_train) != len(data.y_train):
        raise ValueError(f"training images must have shape (n, 28, 28, 1), got {data.x_train.shape}")
    if not np.isfinite(data.x_train).all():
        raise ValueError("the training images contain NaN or infinite values")


def _epoch_steps(config: TrainConfig, images: int) -> tuple[int, int]:
    """Batches per epoch and per execution: an epoch is whole executions (Keras runs every call to
    the end), as few calls as ``steps_per_execution`` allows, each as even as possible, so an epoch
    runs at most one batch per call more than one pass over the data, and none when it fits in one."""
    batches = math.ceil(images / config.batch_size)
    calls = math.ceil(batches / config.steps_per_execution)
    per_call = math.ceil(batches / calls)
    return calls * per_call, per_call


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
        return keras.optimizers.Adam(rate, beta_2=config.beta_2)
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


def _forward_function(model, image_shape: tuple):
    """The model's probabilities for a batch, traced once for any batch size."""
    import tensorflow as tf

    return tf.function(
        lambda images: model(images, training=False),
        input_signature=[tf.TensorSpec((None, *image_shape), tf.float32)],
    )


def _predict(forward, images: np.ndarray, batch_size: int = 1024) -> np.ndarray:
    """Probabilities for ``images``, ``batch_size`` at a time (the whole test set at once would
    hold every layer's activations for 10,000 images)."""
    if not len(images):  # e.g. a few of my drawings only; some CPUs' kernels fail on an empty batch
        return np.zeros((0, 10), np.float32)
    return np.concatenate([
        np.asarray(forward(np.asarray(images[start:start + batch_size], np.float32)))
        for start in range(0, len(images), batch_size)
    ])


class Validation:
    """Loss and accuracy on the validation split at the end of each epoch, as Keras' evaluate()
    would report them; the last epoch's probabilities are kept for calibration."""

    def __init__(self, forward, images: np.ndarray, labels: np.ndarray, label_smoothing: float) -> None:
        self.forward, self.images, self.labels = forward, images, np.asarray(labels, int)
        targets = _one_hot(self.labels)
        self.targets = targets * (1 - label_smoothing) + label_smoothing / targets.shape[1]
        self.probabilities: np.ndarray | None = None

    def evaluate(self) -> dict[str, float]:
        self.probabilities = _predict(self.forward, self.images)
        clipped = np.clip(self.probabilities.astype(np.float64), 1e-7, 1 - 1e-7)  # Keras' epsilon
        loss = float(np.mean(-np.sum(self.targets * np.log(clipped), axis=1)))
        digits = self.labels >= 0
        correct = self.probabilities[digits].argmax(axis=1) == self.labels[digits]
        return {"val_loss": loss, "val_accuracy": float(correct.mean()) if digits.any() else 0.0}


def _one_hot(labels: np.ndarray) -> np.ndarray:
    """One-hot targets, so the loss can smooth them; a negative label (not a digit) is uniform."""
    labels = np.asarray(labels, int)
    targets = np.full((len(labels), 10), 0.1, np.float32)
    digits = labels >= 0
    targets[digits] = np.eye(10, dtype=np.float32)[labels[digits]]
    return targets


