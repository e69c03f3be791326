"""Keras' side of training: the accuracy over digits only, and the callback that reports progress,
stops on Cancel or a NaN loss, validates each epoch and sends watch-it-learn snapshots.  Keras is
imported only when one of them is made."""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

from digitpad.model.training.recipes import TrainProgress
from digitpad.model.words import Words

if TYPE_CHECKING:
    from digitpad.model.training.loop import Validation
    from digitpad.model.training.recipes import TrainConfig, TrainState


def digit_accuracy():
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
        """Reports, and checks for Cancel and NaN, after each call into TensorFlow (Keras calls
        back once per ``steps_per_execution`` batches); validates at the end of each epoch."""

        def __init__(self, state: TrainState, config: TrainConfig, steps: int, started: float,
                     validation: Validation | None = None) -> None:
            super().__init__()
            self.state, self.config, self.steps, self.started = state, config, steps, started
            self.validation = validation
            self.epoch = 0
            self.failure: str | None = None
            self.last_snapshot = 0.0

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch + 1

        def on_train_batch_end(self, batch, logs=None):
            logs = logs or {}
            loss = float(logs.get("loss", float("nan")))
            if not math.isfinite(loss):
                self.failure = Words("the loss became {loss} at epoch {epoch}, batch {batch}; lower the learning "
                                     "rate and train again", loss=loss, epoch=self.epoch, batch=batch + 1)
                self.model.stop_training = True
                return
            if self.state.is_cancelled():
                self.model.stop_training = True
                return
            self._report(batch + 1, logs)
            self._snapshot()

        def _snapshot(self) -> None:
            every = getattr(self.state, "snapshot_every", 0)
            now = time.perf_counter()
            if every and now - self.last_snapshot >= every:
                self.last_snapshot = now
                self.state.snapshot(self.model)

        def on_epoch_end(self, epoch, logs=None):
            if self.model.stop_training:
                return
            if logs is None:
                logs = {}
            if self.validation is not None:
                logs.update(self.validation.evaluate())  # the same dict goes on to Keras' History
            self._report(self.steps, logs, epoch_end=True)

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


def progress_callback(*args):
    """A ``ProgressCallback`` (a Keras callback class is made only once Keras is imported)."""
    return _progress_callback_class()(*args)
