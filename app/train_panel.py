"""The Train panel: train the convnet from the window and watch it learn.

Training runs as a Task on a worker thread (``model.train_job.run_training``);
the drawing pad and live prediction keep using the current model until the
person presses "Use this model".
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from digitpad.app.train_views import ConfusionMatrix, ImageGallery, LearningCurves
from digitpad.app.widgets import compact_button, compact_combo, wheel_scrolls_area
from digitpad.model.data import MNIST_ENV
from digitpad.model.my_drawings import PersonalDataset
from digitpad.model.training import OPTIMIZERS, PRESETS, TrainConfig, TrainProgress

STROKES_ENV = "DIGITPAD_STROKES"
RECIPES = [
    ("fast", "Fast (default): Adam, one-cycle schedule"),
    ("seed", "Seed notebook: RMSprop, batch 64, 5 epochs"),
    ("drawings", "Best for drawings: MNIST + pen strokes, augmented"),
]


def training_work(task, request):
    """Worker-thread entry point: the task is the train state (report / is_cancelled)."""
    from digitpad.model.train_job import run_training

    return run_training(request, task)


def count_data(task, mnist: str | None, use_mnist: bool, strokes: str | None, mnist_limit: int = 0):
    """Worker: how many images and drawings the chosen sources hold (headers and lines only), and
    how many of MNIST's training images a limit leaves."""
    from digitpad.model.data import DataError, count_lines, count_mnist, mnist_needs_download

    parts = []
    if use_mnist:
        try:
            train, test = count_mnist(mnist)
            used = f"{mnist_limit:,} of {train:,}" if 0 < mnist_limit < train else f"{train:,}"
            parts.append(f"MNIST {used} training + {test:,} test images")
            if mnist_needs_download(mnist):
                parts[-1] += " from Keras' download, which needs the internet once (or Choose… a local mnist.npz)"
        except DataError as error:
            parts.append(f"MNIST: {error}")
    if strokes:
        try:
            parts.append(f"pen strokes {count_lines(strokes):,} drawings")
        except DataError as error:
            parts.append(f"pen strokes: {error}")
    return parts


def make_predictor(task, keras_model, source: str):
    from digitpad.model.inference import Predictor

    return Predictor(keras_model, source=source)


def save_work(task, keras_model, path: str):
    from digitpad.model.inference import save_model_atomically

    return save_model_atomically(keras_model, path)


class TrainPanel(QScrollArea):
    """Data, settings, device, progress and results of one training run."""

    statusMessage = Signal(str)
    trainingFinished = Signal(object)  # TrainOutcome

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainPanel")
        self.window = window
        self.personal = PersonalDataset(window.data_dir)
        self.outcome = None
        self.task = None
        self._started = 0.0
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self._data_box())
        layout.addWidget(self._settings_box())
        layout.addWidget(self._progress_box())
        layout.addWidget(self._results_box())
        layout.addStretch(1)
        self.setWidget(content)
        wheel_scrolls_area(self, content.findChildren(QAbstractSpinBox) + content.findChildren(QComboBox))
        self.apply_recipe("fast")
        self.refresh_counts()
        for field in (self.mnist_path, self.strokes_path):
            field.editingFinished.connect(self.refresh_data_counts)
        for check in (self.mnist_check, self.strokes_check, self.personal_check):
            check.toggled.connect(self.refresh_data_counts)
        self.mnist_limit_spin.valueChanged.connect(self.refresh_data_counts)
        self.refresh_data_counts()

    # --- building ------------------------------------------------------------------------

    def _data_box(self) -> QGroupBox:
        box = QGroupBox("Data")
        form = QFormLayout(box)
        self.mnist_check = QCheckBox("MNIST")
        self.mnist_check.setChecked(True)
        self.mnist_path = QLineEdit(os.environ.get(MNIST_ENV, ""))
        self.mnist_path.setObjectName("mnistPath")
        self.mnist_path.setPlaceholderText("mnist.npz or a folder of IDX files (empty: Keras' download)")
        form.addRow(self.mnist_check, _with_button(self.mnist_path, "Choose…", self._choose_mnist))
        self.mnist_limit_spin = _spin("mnistLimitSpin", 0, 60000)
        self.mnist_limit_spin.setSingleStep(1000)
        self.mnist_limit_spin.setSpecialValueText("all 60,000")
        self.mnist_limit_spin.setToolTip("Train on the first N MNIST images only: a quick run to watch it learn")
        form.addRow("MNIST images", self.mnist_limit_spin)
        self.strokes_check = QCheckBox("Pen strokes")
        self.strokes_path = QLineEdit()
        self.strokes_path.setObjectName("strokesPath")
        self.strokes_path.setPlaceholderText("JSON lines of labelled strokes, e.g. pendigits-train.jsonl")
        self.strokes_path.textChanged.connect(lambda text: self.strokes_check.setChecked(bool(text.strip())))
        form.addRow(self.strokes_check, _with_button(self.strokes_path, "Choose…", self._choose_strokes))
        self.personal_check = QCheckBox("My drawings")
        self.personal_count = QLabel()
        self.personal_count.setWordWrap(True)
        clear_personal = compact_button("Clear…")
        clear_personal.setObjectName("clearMyDrawingsButton")
        clear_personal.clicked.connect(self._clear_personal)
        row = QHBoxLayout()
        row.addWidget(self.personal_count, 1)
        row.addWidget(clear_personal)
        form.addRow(self.personal_check, _as_widget(row))
        self.counts_label = QLabel("")
        self.counts_label.setObjectName("dataCounts")
        self.counts_label.setWordWrap(True)
        form.addRow(self.counts_label)
        return box

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox("Settings")
        form = QFormLayout(box)
        self.recipe_combo = QComboBox()
        self.recipe_combo.setObjectName("recipeCombo")
        for key, text in RECIPES:
            self.recipe_combo.addItem(text, key)
        compact_combo(self.recipe_combo)
        self.recipe_combo.activated.connect(lambda index: self.apply_recipe(self.recipe_combo.itemData(index)))
        form.addRow("Recipe", self.recipe_combo)
        self.epochs_spin = _spin("epochsSpin", 1, 200)
        self.batch_spin = _spin("batchSizeSpin", 8, 4096)
        self.optimizer_combo = QComboBox()
        self.optimizer_combo.setObjectName("optimizerCombo")
        self.optimizer_combo.addItems(OPTIMIZERS)
        self.learning_rate = QDoubleSpinBox()
        self.learning_rate.setObjectName("learningRate")
        self.learning_rate.setDecimals(5)
        self.learning_rate.setRange(0.00001, 1.0)
        self.learning_rate.setSingleStep(0.0005)
        self.schedule_check = QCheckBox("one-cycle")
        self.schedule_check.setToolTip("Warm the learning rate up over the first 10% of steps, then decay it to zero")
        self.augment_check = QCheckBox("on")
        self.augment_check.setToolTip("Small random rotations, shears, shifts and pen-width changes of the images")
        self.augment_check.setObjectName("augmentCheck")
        self.copies_spin = _spin("strokeCopiesSpin", 1, 32)
        self.copies_spin.setToolTip("How many differently bent and re-penned copies of each drawing to train on")
        self.validation_spin = QDoubleSpinBox()
        self.validation_spin.setObjectName("validationSpin")
        self.validation_spin.setRange(0.0, 0.5)
        self.validation_spin.setSingleStep(0.01)
        self.seed_spin = _spin("seedSpin", 0, 2**31 - 1)
        self.finetune_check = QCheckBox("fine-tune the model in use")
        self.finetune_check.setToolTip("Start from the model in use instead of a fresh network")
        self.finetune_check.setObjectName("fineTuneCheck")
        form.addRow("Epochs", self.epochs_spin)
        form.addRow("Batch size", self.batch_spin)
        form.addRow("Optimizer", self.optimizer_combo)
        form.addRow("Learning rate", self.learning_rate)
        form.addRow("Schedule", self.schedule_check)
        form.addRow("Augmentation", self.augment_check)
        form.addRow("Copies", self.copies_spin)
        form.addRow("Validation", self.validation_spin)
        self.validation_spin.setToolTip("Share of the data held back to draw the validation curves")
        form.addRow("Seed", self.seed_spin)
        form.addRow("", self.finetune_check)
        self.device_combo = QComboBox()
        self.device_combo.setObjectName("deviceCombo")
        self.device_combo.addItem("Waiting for TensorFlow…", None)
        compact_combo(self.device_combo)
        self.device_label = QLabel("")
        self.device_label.setObjectName("deviceLabel")
        self.device_label.setWordWrap(True)
        form.addRow("Device", self.device_combo)
        form.addRow("", self.device_label)
        return box

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
        self.progress.setValue(0)
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
        self.use_button = QPushButton("Use this model")
        self.use_button.setObjectName("useModelButton")
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_trained_model)
        self.save_button = QPushButton("Save as…")
        self.save_button.setObjectName("saveModelButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save_dialog)
        load_button = QPushButton("Load model…")
        load_button.setObjectName("loadModelButton")
        load_button.clicked.connect(self.window.load_model_dialog)
        revert_button = QPushButton("Revert to bundled")
        revert_button.setObjectName("revertModelButton")
        revert_button.clicked.connect(self.window.revert_to_bundled_model)
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

    # --- settings -----------------------------------------------------------------------

    def apply_recipe(self, key: str) -> None:
        config = PRESETS[key]
        self.recipe_combo.setCurrentIndex(self.recipe_combo.findData(key))
        self.epochs_spin.setValue(config.epochs)
        self.batch_spin.setValue(config.batch_size)
        self.optimizer_combo.setCurrentText(config.optimizer)
        self.learning_rate.setValue(config.learning_rate)
        self.schedule_check.setChecked(config.schedule == "onecycle")
        self.augment_check.setChecked(config.augment)
        self.copies_spin.setValue(config.stroke_copies)
        self.validation_spin.setValue(config.validation_fraction)
        self.seed_spin.setValue(config.seed)
        if key == "drawings" and not self.strokes_path.text().strip():
            self.strokes_path.setText(os.environ.get(STROKES_ENV, ""))
        if key == "drawings" and not self.strokes_path.text().strip():
            self.phase_label.setText("This recipe learns from pen strokes: choose a stroke file above "
                                     "(for example pendigits-train.jsonl), or it trains on MNIST only.")

    def config(self) -> TrainConfig:
        """The settings on screen; what the panel does not show (label smoothing, scribbles) comes from the recipe."""
        return replace(
            PRESETS[self.recipe_combo.currentData()],
            epochs=self.epochs_spin.value(),
            batch_size=self.batch_spin.value(),
            optimizer=self.optimizer_combo.currentText(),
            learning_rate=self.learning_rate.value(),
            schedule="onecycle" if self.schedule_check.isChecked() else "constant",
            augment=self.augment_check.isChecked(),
            stroke_copies=self.copies_spin.value(),
            validation_fraction=self.validation_spin.value(),
            seed=self.seed_spin.value(),
            device=self.device_combo.currentData(),
        )

    def refresh_devices(self) -> None:
        """Fill the device list once TensorFlow is loaded (it is, when the first model is ready)."""
        from digitpad.model.devices import list_devices

        current = self.device_combo.currentData()
        self.device_combo.clear()
        devices = list_devices()
        for device in devices:
            self.device_combo.addItem(f"{device.name} · {device.description}", device.name)
        if current and self.device_combo.findData(current) >= 0:
            self.device_combo.setCurrentIndex(self.device_combo.findData(current))
        if not any(device.kind == "GPU" for device in devices):
            self.device_label.setText("No GPU found: training runs on the CPU.")
        else:
            self.device_label.setText("Training uses the device chosen here (the first GPU by default).")

    def refresh_data_counts(self) -> None:
        """Say how many samples each chosen source holds (counted off the GUI thread)."""
        strokes = self.strokes_path.text().strip() if self.strokes_check.isChecked() else None
        task = self.window.tasks.start("count-data", count_data, self.mnist_path.text().strip() or None,
                                       self.mnist_check.isChecked(), strokes, self.mnist_limit_spin.value())
        task.succeeded.connect(self._show_data_counts)

    def _show_data_counts(self, parts: list[str]) -> None:
        if self.personal_check.isChecked():
            parts = parts + [self.personal_count.text()]
        self.counts_label.setText(" · ".join(parts) if parts else "Nothing chosen to train on.")

    def refresh_counts(self) -> None:
        records, warnings = self.personal.load()
        self.personal_count.setText(f"{len(records)} drawing{'s' if len(records) != 1 else ''} you labelled")
        self.personal_check.setEnabled(bool(records))
        if not records:
            self.personal_check.setChecked(False)
        if warnings:
            self.statusMessage.emit(warnings[0])

    # --- running --------------------------------------------------------------------------

    def request(self):
        from digitpad.model.train_job import TrainRequest

        strokes = self.strokes_path.text().strip()
        base = None
        if self.finetune_check.isChecked():
            if self.window.predictor is None or self.window.predictor.model is None:
                raise ValueError("the model in use is still loading; fine-tune it in a few seconds")
            base = self.window.predictor.model
        return TrainRequest(
            config=self.config(),
            use_mnist=self.mnist_check.isChecked(),
            mnist_path=self.mnist_path.text().strip() or None,
            stroke_files=[strokes] if self.strokes_check.isChecked() and strokes else [],
            personal_folder=str(self.personal.folder) if self.personal_check.isChecked() else None,
            base_model=base,
            mnist_limit=self.mnist_limit_spin.value() or None,
        )

    def start_training(self) -> None:
        try:
            request = self.request()
        except ValueError as error:
            self._show_failure(str(error))
            return
        if not (request.use_mnist or request.stroke_files or request.personal_folder):
            self._show_failure("Choose something to train on: MNIST, a stroke file or your drawings.")
            return
        self.curves.reset(request.config.epochs)
        self.progress.setValue(0)
        self.progress.setFormat("Starting…")
        self.phase_label.setStyleSheet("")
        self.phase_label.setText("Starting…")
        self.train_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._started = time.monotonic()
        self.task = self.window.tasks.start("train", training_work, request)
        self.task.progress.connect(self._on_progress)
        self.task.succeeded.connect(self._on_finished)
        self.task.failed.connect(self._show_failure)
        self.task.cancelled.connect(self._on_cancelled)
        self.task.finished.connect(self._on_task_done)
        self.statusMessage.emit("Training started; the pad keeps using the current model.")

    def cancel_training(self) -> None:
        if self.task is not None:
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
        eta = _duration(progress.eta_seconds)
        self.progress.setFormat(
            f"Epoch {progress.epoch}/{progress.epochs} · batch {progress.batch}/{progress.batches} · "
            f"ETA {eta} · {progress.images_per_second:,.0f} img/s"
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
        self.device_label.setText(f"Last run used {result.device}.")
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
        result = self.outcome.result
        source = f"trained {time.strftime('%H:%M')} ({result.test_accuracy:.2%})"
        self.use_button.setEnabled(False)
        task = self.window.tasks.start("load-model", make_predictor, result.model, source)
        task.succeeded.connect(self.window.use_predictor)
        task.failed.connect(self._show_failure)

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save model", str(Path.home() / "digitpad.keras"),
                                              "Keras models (*.keras)")
        if path:
            self.save_model(path if path.endswith(".keras") else path + ".keras")

    def save_model(self, path: str):
        """Write the trained model atomically (off the GUI thread); returns the task."""
        task = self.window.tasks.start("save-model", save_work, self.outcome.result.model, path)
        task.succeeded.connect(lambda saved: self.statusMessage.emit(f"Saved the model to {saved}"))
        task.failed.connect(lambda message: self._show_failure(f"could not save: {message}"))
        return task

    def _choose_mnist(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "MNIST", str(Path.home()), "MNIST (*.npz);;All files (*)")
        if path:
            self.mnist_path.setText(path)

    def _choose_strokes(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Pen strokes", str(Path.home()), "JSON lines (*.jsonl *.json)")
        if path:
            self.strokes_path.setText(path)

    def _clear_personal(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        count = self.personal.count()
        if count == 0:
            return
        answer = QMessageBox.question(self, "Clear my drawings", f"Forget all {count} drawings you labelled?")
        if answer == QMessageBox.StandardButton.Yes:
            self.personal.clear()
            self.refresh_counts()


def _spin(name: str, low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    return spin


def _with_button(line: QLineEdit, text: str, slot) -> QWidget:
    row = QHBoxLayout()
    row.addWidget(line, 1)
    button = compact_button(text)
    button.clicked.connect(slot)
    row.addWidget(button)
    return _as_widget(row)


def _as_widget(layout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget


def _duration(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "…"
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"
