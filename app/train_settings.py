"""The Train panel's first half: what to train on (data) and how (the recipe and its settings)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from digitpad.app.tasks import TaskRunner
from digitpad.app.widgets import as_widget, compact_button, compact_combo
from digitpad.model.data import MNIST_ENV
from digitpad.model.my_drawings import MyDrawings
from digitpad.model.train_job import TrainRequest
from digitpad.model.training import OPTIMIZERS, PRESETS, TrainConfig

STROKES_ENV = "DIGITPAD_STROKES"
RECIPES = [
    ("fast", "Fast (default): Adam, one-cycle schedule"),
    ("seed", "Seed notebook: RMSprop, batch 64, 5 epochs"),
    ("drawings", "Best for drawings: MNIST + pen strokes, augmented"),
]


def count_data(task, mnist: str | None, use_mnist: bool, strokes: str | None, mnist_limit: int = 0) -> list[str]:
    """Pool work: how many images and drawings the chosen sources hold (headers and lines only), and
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


class TrainSettings(QWidget):
    """Data and settings; ``request()`` turns what is on screen into a TrainRequest."""

    def __init__(self, tasks: TaskRunner, my_drawings: MyDrawings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.my_drawings = tasks, my_drawings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._data_box())
        layout.addWidget(self._settings_box())
        self.apply_recipe("fast")
        self.refresh_my_drawings()
        for field in (self.mnist_path, self.strokes_path):
            field.editingFinished.connect(self.refresh_data_counts)
        for check in (self.mnist_check, self.strokes_check, self.my_drawings_check):
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
        self.my_drawings_check = QCheckBox("My drawings")
        self.my_drawings_count = QLabel()
        self.my_drawings_count.setWordWrap(True)
        clear_my_drawings = compact_button("Clear…")
        clear_my_drawings.setObjectName("clearMyDrawingsButton")
        clear_my_drawings.clicked.connect(self._clear_my_drawings)
        row = QHBoxLayout()
        row.addWidget(self.my_drawings_count, 1)
        row.addWidget(clear_my_drawings)
        form.addRow(self.my_drawings_check, as_widget(row))
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
        self.validation_spin.setToolTip("Share of the data held back to draw the validation curves")
        self.seed_spin = _spin("seedSpin", 0, 2**31 - 1)
        self.finetune_check = QCheckBox("fine-tune the model in use")
        self.finetune_check.setToolTip("Start from the model in use instead of a fresh network")
        self.finetune_check.setObjectName("fineTuneCheck")
        for label, field in (("Epochs", self.epochs_spin), ("Batch size", self.batch_spin),
                             ("Optimizer", self.optimizer_combo), ("Learning rate", self.learning_rate),
                             ("Schedule", self.schedule_check), ("Augmentation", self.augment_check),
                             ("Copies", self.copies_spin), ("Validation", self.validation_spin),
                             ("Seed", self.seed_spin), ("", self.finetune_check)):
            form.addRow(label, field)
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

    def needs_stroke_file(self) -> bool:
        return self.recipe_combo.currentData() == "drawings" and not self.strokes_path.text().strip()

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

    def request(self, model_in_use: str | None) -> TrainRequest:
        """What to train; ``model_in_use`` is the file to fine-tune when that box is ticked.  Raises
        ValueError with a message when nothing is chosen to train on."""
        strokes = self.strokes_path.text().strip()
        request = TrainRequest(
            config=self.config(),
            use_mnist=self.mnist_check.isChecked(),
            mnist_path=self.mnist_path.text().strip() or None,
            stroke_files=(strokes,) if self.strokes_check.isChecked() and strokes else (),
            my_drawings_folder=str(self.my_drawings.folder) if self.my_drawings_check.isChecked() else None,
            base_model_path=model_in_use if self.finetune_check.isChecked() else None,
            mnist_limit=self.mnist_limit_spin.value() or None,
        )
        if not (request.use_mnist or request.stroke_files or request.my_drawings_folder):
            raise ValueError("Choose something to train on: MNIST, a stroke file or your drawings.")
        if self.finetune_check.isChecked() and not model_in_use:
            raise ValueError("the model in use is still loading; fine-tune it in a moment")
        return request

    def set_devices(self, devices: list) -> None:
        current = self.device_combo.currentData()
        self.device_combo.clear()
        for device in devices:
            self.device_combo.addItem(f"{device.name} · {device.description}", device.name)
        if current and self.device_combo.findData(current) >= 0:
            self.device_combo.setCurrentIndex(self.device_combo.findData(current))
        if not any(device.kind == "GPU" for device in devices):
            self.device_label.setText("No GPU found: training runs on the CPU.")
        else:
            self.device_label.setText("Training uses the device chosen here (the first GPU by default).")

    # --- counts ---------------------------------------------------------------------------

    def refresh_data_counts(self) -> None:
        """Say how many samples each chosen source holds (counted off the GUI thread)."""
        strokes = self.strokes_path.text().strip() if self.strokes_check.isChecked() else None
        task = self.tasks.start("count-data", count_data, self.mnist_path.text().strip() or None,
                                self.mnist_check.isChecked(), strokes, self.mnist_limit_spin.value())
        task.succeeded.connect(self._show_data_counts)

    def _show_data_counts(self, parts: list[str]) -> None:
        if self.my_drawings_check.isChecked():
            parts = parts + [self.my_drawings_count.text()]
        self.counts_label.setText(" · ".join(parts) if parts else "Nothing chosen to train on.")

    def refresh_my_drawings(self) -> list[str]:
        """Count my drawings again; the warnings about damaged lines, if any."""
        records, warnings = self.my_drawings.load()
        self.my_drawings_count.setText(f"{len(records)} drawing{'s' if len(records) != 1 else ''} you labelled")
        self.my_drawings_check.setEnabled(bool(records))
        if not records:
            self.my_drawings_check.setChecked(False)
        return warnings

    # --- files --------------------------------------------------------------------------

    def _choose_mnist(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "MNIST", str(Path.home()), "MNIST (*.npz);;All files (*)")
        if path:
            self.mnist_path.setText(path)

    def _choose_strokes(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Pen strokes", str(Path.home()), "JSON lines (*.jsonl *.json)")
        if path:
            self.strokes_path.setText(path)

    def _clear_my_drawings(self) -> None:
        count = self.my_drawings.count()
        if count == 0:
            return
        answer = QMessageBox.question(self, "Clear my drawings", f"Forget all {count} drawings you labelled?")
        if answer == QMessageBox.StandardButton.Yes:
            self.my_drawings.clear()
            self.refresh_my_drawings()


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
    return as_widget(row)
