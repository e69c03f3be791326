"""The Train panel: train the convnet from the window and watch it learn.

Training runs in TensorFlow's worker process (``digitpad.model.worker``); the pad keeps reading
with the model in use until the person presses "Use this model".  If that process dies, the panel
says so in plain words, the model in use stays, and the next Train starts a new process.
"""

from __future__ import annotations

import math
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from digitpad.app.tasks import Task, TaskRunner
from digitpad.app.train_settings import TrainSettings
from digitpad.app.train_views import ConfusionMatrix, ImageGallery, LearningCurves
from digitpad.app.widgets import wheel_scrolls_area
from digitpad.model.files import replace_atomically
from digitpad.model.session import Session
from digitpad.model.training import TrainProgress


def copy_model_file(task, source: str, target: str) -> str:
    """Pool work: Save as… copies the trained file (it is plain Keras already), atomically."""
    replace_atomically(Path(target), lambda temporary: shutil.copyfile(source, temporary))
    return target


class TrainPanel(QScrollArea):
    """Data, settings, device, progress and results of one training run."""

    statusMessage = Signal(str)
    trainingFinished = Signal(object)  # TrainOutcome
    useModelRequested = Signal(str, str)  # the trained file, and how to call it ("trained 14:05 (99.2%)")
    loadModelRequested = Signal()
    revertRequested = Signal()
    devicesFound = Signal(list)  # TensorFlow's process is up and says what it can train on

    def __init__(self, session: Session, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainPanel")
        self.session, self.tasks = session, tasks
        self.outcome = None
        self.task: Task | None = None
        self._folder: tempfile.TemporaryDirectory | None = None  # trained models not yet used or saved
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        layout = QVBoxLayout(content)
        self.settings = TrainSettings(tasks, session.my_drawings)
        layout.addWidget(self.settings)
        layout.addWidget(self._progress_box())
        layout.addWidget(self._results_box())
        layout.addStretch(1)
        self.setWidget(content)
        wheel_scrolls_area(self, content.findChildren(QAbstractSpinBox) + content.findChildren(QComboBox))
        self.settings.recipe_combo.activated.connect(self._hint_at_stroke_file)

    def _hint_at_stroke_file(self) -> None:
        if self.settings.needs_stroke_file():
            self.phase_label.setText("This recipe learns from pen strokes: choose a stroke file above "
                                     "(for example pendigits-train.jsonl), or it trains on MNIST only.")

    # --- building ------------------------------------------------------------------------

    def _progress_box(self) -> QGroupBox:
        box = QGroupBox("Training")
        layout = QVBoxLayout(box)
        buttons = QHBoxLayout()
        self.train_button = QPushButton("Train")
        self.train_button.setObjectName("trainButton")
        self.train_button.setToolTip("Train a new model with these settings; the pad keeps using the current one")
        self.train_button.clicked.connect(self.start_training)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip("Stop within one batch; the model in use stays as it is")
        self.cancel_button.clicked.connect(self.cancel_training)
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setObjectName("trainProgress")
        self.progress.setRange(0, 1000)
        self.progress.setFormat("")
        self.progress.setTextVisible(True)
        layout.addWidget(self.progress)
        self.phase_label = QLabel("")
        self.phase_label.setObjectName("trainStatus")
        self.phase_label.setWordWrap(True)
        layout.addWidget(self.phase_label)
        self.curves = LearningCurves()
        layout.addWidget(self.curves)
        return box

    def _results_box(self) -> QGroupBox:
        box = QGroupBox("Results")
        layout = QVBoxLayout(box)
        self.accuracy_label = QLabel("No model trained yet.")
        self.accuracy_label.setObjectName("testAccuracyLabel")
        self.accuracy_label.setWordWrap(True)
        layout.addWidget(self.accuracy_label)
        buttons = QGridLayout()  # two by two: the panel is narrow
        self.use_button = _button("Use this model", "useModelButton", self.use_trained_model, enabled=False)
        self.save_button = _button("Save as…", "saveModelButton", self._save_dialog, enabled=False)
        load_button = _button("Load model…", "loadModelButton", self.loadModelRequested.emit)
        revert_button = _button("Revert to bundled", "revertModelButton", self.revertRequested.emit)
        for index, button in enumerate((self.use_button, self.save_button, load_button, revert_button)):
            buttons.addWidget(button, index // 2, index % 2)
        layout.addLayout(buttons)
        matrix_caption = QLabel("Confusion matrix on the test set (click a cell to see its images):")
        matrix_caption.setWordWrap(True)
        layout.addWidget(matrix_caption)
        self.confusion = ConfusionMatrix()
        self.confusion.cellClicked.connect(self.show_cell)
        layout.addWidget(self.confusion)
        self.gallery_label = QLabel("Misclassified test images")
        layout.addWidget(self.gallery_label)
        self.gallery = ImageGallery()
        layout.addWidget(self.gallery)
        return box

    # --- devices --------------------------------------------------------------------------

    def refresh_devices(self) -> None:
        """Ask TensorFlow's process what it can train on (it starts the process, at low priority)."""
        task = self.tasks.start_in_worker("devices", "devices")
        task.succeeded.connect(self.settings.set_devices)
        task.succeeded.connect(self.devicesFound.emit)

    # --- running --------------------------------------------------------------------------

    def start_training(self) -> None:
        try:
            request = self.settings.request(self.session.predictor.source if self.session.predictor else None)
        except ValueError as error:
            self._show_failure(str(error))
            return
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="digitpad-trained-")
        self.curves.reset(request.config.epochs)
        self.progress.setValue(0)
        self.progress.setFormat("Starting…")
        self.phase_label.setStyleSheet("")
        self.phase_label.setText("Starting TensorFlow…")
        self.train_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.task = self.tasks.start_in_worker("train", "train", request, self._folder.name)
        self.task.progress.connect(self._on_progress)
        self.task.succeeded.connect(self._on_finished)
        self.task.failed.connect(self._show_failure)
        self.task.cancelled.connect(self._on_cancelled)
        self.task.finished.connect(self._on_task_done)
        self.statusMessage.emit("Training started; the pad keeps using the current model.")

    def cancel_training(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
            self.phase_label.setText("Cancelling… (stops after the current batch)")

    def is_training(self) -> bool:
        return self.task is not None and not self.task.done

    def _on_progress(self, progress) -> None:
        if isinstance(progress, str):
            self.phase_label.setText(progress)
            self.progress.setFormat(progress)
            return
        if not isinstance(progress, TrainProgress):
            return
        self.progress.setValue(int(progress.fraction * 1000))
        self.progress.setFormat(
            f"Epoch {progress.epoch}/{progress.epochs} · batch {progress.batch}/{progress.batches} · "
            f"ETA {_duration(progress.eta_seconds)} · {progress.images_per_second:,.0f} img/s"
        )
        position = progress.epoch - 1 + progress.batch / progress.batches
        self.curves.add("loss", position, progress.loss)
        self.curves.add("accuracy", position, progress.accuracy)
        if progress.epoch_end:
            self.curves.add("val_loss", position, progress.val_loss)
            self.curves.add("val_accuracy", position, progress.val_accuracy)
        self.phase_label.setText(
            f"loss {progress.loss:.4f} · accuracy {progress.accuracy:.4f}"
            + (f" · validation accuracy {progress.val_accuracy:.4f}" if progress.val_accuracy is not None else "")
        )

    def _on_finished(self, outcome) -> None:
        self.outcome = outcome
        result = outcome.result
        self.progress.setValue(1000)
        self.progress.setFormat(f"Done in {_duration(result.seconds)} on {result.device}")
        counts = ", ".join(f"{name} {count:,}" for name, count in outcome.counts.items())
        test_name = "MNIST test set" if "mnist" in outcome.counts else "held-back drawings"
        self.accuracy_label.setText(
            f"<b>Test accuracy {result.test_accuracy:.2%}</b> on the {test_name} ({len(outcome.y_test):,} images). "
            f"Trained on {counts} in {_duration(result.seconds)} on {result.device}."
        )
        self.phase_label.setToolTip(f"Last run: {counts}.")
        self.settings.device_label.setText(f"Last run used {result.device}.")
        self.confusion.set_matrix(result.confusion)
        wrong = np.flatnonzero(result.test_predictions != outcome.y_test)
        self.gallery_label.setText(f"Misclassified test images ({len(wrong):,}), true → predicted")
        self.gallery.show_images(outcome.x_test[wrong], outcome.y_test[wrong], result.test_predictions[wrong])
        self.use_button.setEnabled(True)
        self.save_button.setEnabled(True)
        if outcome.warnings:
            self.phase_label.setText("; ".join(outcome.warnings[:3]))
        else:
            self.phase_label.setText("Finished. Look at the mistakes, then use or save the model.")
        self.statusMessage.emit(f"Training finished: test accuracy {result.test_accuracy:.2%}")
        self.trainingFinished.emit(outcome)

    def _show_failure(self, message: str) -> None:
        self.phase_label.setStyleSheet("color:#8a1c14")
        self.phase_label.setText(f"Training failed: {message}. The model in use is unchanged.")
        self.progress.setFormat("Failed")
        self.statusMessage.emit(f"Training failed: {message}")

    def _on_cancelled(self) -> None:
        self.phase_label.setText("Cancelled. The model in use is unchanged.")
        self.progress.setFormat("Cancelled")
        self.statusMessage.emit("Training cancelled; the model in use is unchanged.")

    def _on_task_done(self) -> None:
        self.train_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    # --- results -----------------------------------------------------------------------

    def show_cell(self, truth: int, predicted: int) -> None:
        if self.outcome is None:
            return
        predictions = self.outcome.result.test_predictions
        chosen = np.flatnonzero((self.outcome.y_test == truth) & (predictions == predicted))
        self.gallery_label.setText(f"Test images of {truth} read as {predicted} ({len(chosen):,})")
        self.gallery.show_images(self.outcome.x_test[chosen], self.outcome.y_test[chosen], predictions[chosen])

    def use_trained_model(self) -> None:
        if self.outcome is None:
            return
        self.use_button.setEnabled(False)
        accuracy = self.outcome.result.test_accuracy
        self.useModelRequested.emit(self.outcome.model_path, f"trained {time.strftime('%H:%M')} ({accuracy:.2%})")

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save model", str(Path.home() / "digitpad.keras"),
                                              "Keras models (*.keras)")
        if path:
            self.save_model(path if path.endswith(".keras") else path + ".keras")

    def save_model(self, path: str) -> Task:
        """Write the trained model to ``path`` atomically (off the GUI thread); returns the task."""
        task = self.tasks.start("save-model", copy_model_file, self.outcome.model_path, path)
        task.succeeded.connect(lambda saved: self.statusMessage.emit(f"Saved the model to {saved}"))
        task.failed.connect(lambda message: self._show_failure(f"could not save: {message}"))
        return task

    def discard_trained_files(self) -> None:
        """The window is closing: trained models nobody used or saved go."""
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def _button(text: str, name: str, slot, enabled: bool = True) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setEnabled(enabled)
    button.clicked.connect(slot)
    return button


def _duration(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "…"
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"
