"""The Train panel's first half: what to train on (data) and how (the recipe and its settings)."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from digitpad.app.common import file_dialogs
from digitpad.app.common.file_words import reason_text
from digitpad.app.common.language import Retranslatable
from digitpad.app.common.tasks import TaskRunner
from digitpad.app.common.widgets import (
    FieldLabel,
    as_widget,
    compact_button,
    compact_combo,
    set_compact_text,
    show_whole_items,
    unbroken,
)
from digitpad.app.train.network_editor import NetworkEditor
from digitpad.app.train.remembered import restore_fields, save_fields_on_change
from digitpad.model.files.datasets import MNIST_ENV
from digitpad.model.files.my_drawings import MyDrawings
from digitpad.model.training.recipes import OPTIMIZERS, PRESETS, TrainConfig, TrainRequest

STROKES_ENV = "DIGITPAD_STROKES"
RECIPES = ("fast", "seed", "drawings")  # the recipe list's order; its texts are in TrainSettings.retranslate
MNIST_TRAINING_IMAGES = 60000
OPTIMIZER_NAMES = {"rmsprop": "RMSprop", "adam": "Adam", "sgd": "SGD"}  # names, the same in every language


@dataclass(frozen=True)
class DataCounts:
    """What the chosen sources hold, counted off the GUI thread; the panel words it."""

    mnist: tuple[int, int] | None = None  # MNIST's training and test images, where chosen and readable
    mnist_limit: int = 0  # train on the first N training images only (0: all)
    mnist_download: bool = False  # MNIST would come from Keras' download
    mnist_error: Exception | None = None  # worded where shown, in the language of the moment
    strokes: int | None = None  # drawings in the stroke file, where chosen and readable
    strokes_error: Exception | None = None


def count_data(task, mnist: str | None, use_mnist: bool, strokes: str | None, mnist_limit: int = 0) -> DataCounts:
    """Pool work: how many images and drawings the chosen sources hold (headers and lines only)."""
    from digitpad.model.files.datasets import DataError, count_lines, count_mnist, mnist_needs_download

    counts = DataCounts(mnist_limit=mnist_limit)
    if use_mnist:
        try:
            counts = replace(counts, mnist=count_mnist(mnist), mnist_download=mnist_needs_download(mnist))
        except DataError as error:
            counts = replace(counts, mnist_error=error.with_traceback(None))
    if strokes:
        try:
            counts = replace(counts, strokes=count_lines(strokes))
        except DataError as error:
            counts = replace(counts, strokes_error=error.with_traceback(None))
    return counts


class TrainSettings(Retranslatable, QWidget):
    """Data and settings; ``request()`` turns what is on screen into a TrainRequest."""

    def __init__(self, tasks: TaskRunner, my_drawings: MyDrawings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.my_drawings = tasks, my_drawings
        self._counts: DataCounts | None = None  # the last count of the chosen sources
        self._my_drawings_total = 0
        self._devices: list | None = None  # what TensorFlow can train on, once its process says
        self._last_device: str | None = None  # the device the last training ran on
        self._row_labels: dict[QWidget, QLabel] = {}  # each form field's label
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._data_box())
        self.network_editor = NetworkEditor()
        layout.addWidget(self.network_editor)
        layout.addWidget(self._settings_box())
        self.retranslate()
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
        self.data_box = QGroupBox()
        form = QFormLayout(self.data_box)
        self.mnist_check = QCheckBox("MNIST")
        self.mnist_check.setChecked(True)
        self.mnist_path = QLineEdit(os.environ.get(MNIST_ENV, ""))
        self.mnist_path.setObjectName("mnistPath")
        mnist_row, self.choose_mnist_button = _with_button(self.mnist_path, self._choose_mnist)
        form.addRow(self.mnist_check, mnist_row)
        self.mnist_limit_spin = _spin("mnistLimitSpin", 0, MNIST_TRAINING_IMAGES)
        self.mnist_limit_spin.setSingleStep(1000)
        self._add_row(form, self.mnist_limit_spin)
        self.strokes_check = QCheckBox()
        self.strokes_path = QLineEdit()
        self.strokes_path.setObjectName("strokesPath")
        self.strokes_path.textChanged.connect(lambda text: self.strokes_check.setChecked(bool(text.strip())))
        strokes_row, self.choose_strokes_button = _with_button(self.strokes_path, self._choose_strokes)
        form.addRow(self.strokes_check, strokes_row)
        self.my_drawings_check = QCheckBox()
        self.my_drawings_count = QLabel()
        self.my_drawings_count.setWordWrap(True)
        self.clear_my_drawings_button = compact_button()
        self.clear_my_drawings_button.setObjectName("clearMyDrawingsButton")
        self.clear_my_drawings_button.clicked.connect(self._clear_my_drawings)
        row = QHBoxLayout()
        row.addWidget(self.my_drawings_count, 1)
        row.addWidget(self.clear_my_drawings_button)
        form.addRow(self.my_drawings_check, as_widget(row))
        self.counts_label = QLabel("")
        self.counts_label.setObjectName("dataCounts")
        self.counts_label.setWordWrap(True)
        form.addRow(self.counts_label)
        return self.data_box

    def _settings_box(self) -> QGroupBox:
        self.settings_box = QGroupBox()
        form = QFormLayout(self.settings_box)
        self.recipe_combo = QComboBox()
        self.recipe_combo.setObjectName("recipeCombo")
        for key in RECIPES:
            self.recipe_combo.addItem("", key)
        compact_combo(self.recipe_combo)
        self.recipe_combo.activated.connect(lambda index: self.apply_recipe(self.recipe_combo.itemData(index)))
        self._add_row(form, self.recipe_combo)
        self.epochs_spin = _spin("epochsSpin", 1, 200)
        self.batch_spin = _spin("batchSizeSpin", 8, 4096)
        self.optimizer_combo = QComboBox()
        self.optimizer_combo.setObjectName("optimizerCombo")
        for key in OPTIMIZERS:  # named as the README and Keras's documentation write them: "Adam", not "adam"
            self.optimizer_combo.addItem(OPTIMIZER_NAMES.get(key, key), key)
        self.learning_rate = QDoubleSpinBox()
        self.learning_rate.setObjectName("learningRate")
        self.learning_rate.setDecimals(5)
        self.learning_rate.setRange(0.00001, 1.0)
        self.learning_rate.setSingleStep(0.0005)
        self.schedule_check = QCheckBox()
        self.augment_check = QCheckBox()
        self.augment_check.setObjectName("augmentCheck")
        self.copies_spin = _spin("strokeCopiesSpin", 1, 32)
        self.validation_spin = QDoubleSpinBox()
        self.validation_spin.setObjectName("validationSpin")
        self.validation_spin.setRange(0.0, 0.5)
        self.validation_spin.setSingleStep(0.01)
        self.seed_spin = _spin("seedSpin", 0, 2**31 - 1)
        self.finetune_check = QCheckBox()
        self.finetune_check.setObjectName("fineTuneCheck")
        self.watch_check = QCheckBox()
        self.watch_check.setObjectName("watchLearningCheck")
        self.watch_check.setChecked(True)
        for field in (self.epochs_spin, self.batch_spin, self.optimizer_combo, self.learning_rate,
                      self.schedule_check, self.augment_check, self.copies_spin, self.validation_spin,
                      self.seed_spin, self.finetune_check, self.watch_check):
            self._add_row(form, field)
        self.device_combo = QComboBox()
        self.device_combo.setObjectName("deviceCombo")
        self.device_combo.addItem("", None)  # until TensorFlow's process says what it has
        compact_combo(self.device_combo)
        self.device_label = QLabel("")
        self.device_label.setObjectName("deviceLabel")
        self.device_label.setWordWrap(True)
        self._add_row(form, self.device_combo)
        form.addRow("", self.device_label)
        return self.settings_box

    def _add_row(self, form: QFormLayout, field: QWidget) -> None:
        label = FieldLabel(field)
        self._row_labels[field] = label
        form.addRow(label, field)

    # --- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Training data and settings"))
        self._retranslate_data()
        self._retranslate_settings()

    def _retranslate_data(self) -> None:
        self.data_box.setTitle(self.tr("Data"))
        # Short placeholders (a long one is cut in a narrow panel); the whole story is in the tooltip.
        self.mnist_path.setPlaceholderText(self.tr("mnist.npz or IDX folder"))
        self.mnist_path.setToolTip(self.tr("MNIST as a mnist.npz file or a folder of IDX files; empty: the copy "
                                           "downloaded once"))
        set_compact_text(self.choose_mnist_button, self.tr("Choose…"))
        self.mnist_limit_spin.setSpecialValueText(
            self.tr("all {count}").format(count=QLocale().toString(MNIST_TRAINING_IMAGES)))
        self.mnist_limit_spin.setToolTip(
            self.tr("Train on the first N MNIST images only: a quick run to watch it learn"))
        self.strokes_check.setText(self.tr("Pen strokes"))
        self.strokes_path.setPlaceholderText(self.tr("a .jsonl stroke file"))
        self.strokes_path.setToolTip(self.tr("JSON lines of labelled strokes, e.g. pendigits-train.jsonl"))
        set_compact_text(self.choose_strokes_button, self.tr("Choose…"))
        self.my_drawings_check.setText(self.tr("My drawings"))
        set_compact_text(self.clear_my_drawings_button, self.tr("Clear…"))
        self.my_drawings_count.setText(self.tr("%Ln drawing(s) you labelled", "", self._my_drawings_total))
        self._show_data_counts()

    def _retranslate_settings(self) -> None:
        self.settings_box.setTitle(self.tr("Settings"))
        recipes = {"fast": self.tr("Fast (default): Adam, warm-up then cosine decay"),
                   "seed": self.tr("Seed notebook: RMSprop, batch 64, 5 epochs"),
                   "drawings": self.tr("Best for drawings: MNIST + pen strokes, augmented")}
        for index, key in enumerate(RECIPES):
            self.recipe_combo.setItemText(index, recipes[key])
        show_whole_items(self.recipe_combo)  # "…5 epochs" was cut off
        self.schedule_check.setText(self.tr("warm-up, cosine decay"))
        self.schedule_check.setToolTip(self.tr("Warm the learning rate up over the first 10% of steps, then decay it "
                                               "to zero"))
        self.augment_check.setText(self.tr("on"))
        self.augment_check.setToolTip(self.tr("Small random rotations, shears, shifts and pen-width changes of the "
                                              "images"))
        self.copies_spin.setToolTip(self.tr("How many differently bent and re-penned copies of each drawing to "
                                            "train on"))
        self.validation_spin.setToolTip(self.tr("Share of the data held back to draw the validation curves and to make "
                                                "the probabilities honest; pen strokes are held back by whole writers"))
        self.finetune_check.setText(self.tr("fine-tune the model in use"))
        self.finetune_check.setToolTip(self.tr("Start from the model in use instead of a fresh network"))
        self.watch_check.setText(self.tr("watch it learn"))
        self.watch_check.setToolTip(self.tr(
            "While it trains, the pad's answer, chart, maps and explanation follow the network being trained, a few "
            "times a second. The model in use stays until you press Use this model."))
        for field, text in ((self.mnist_limit_spin, self.tr("MNIST images")),
                            (self.recipe_combo, self.tr("Recipe")),
                            (self.epochs_spin, self.tr("Epochs")),
                            (self.batch_spin, self.tr("Batch size")),
                            (self.optimizer_combo, self.tr("Optimizer")),
                            (self.learning_rate, self.tr("Learning rate")),
                            (self.schedule_check, self.tr("Schedule")),
                            (self.augment_check, self.tr("Augmentation")),
                            (self.copies_spin, self.tr("Stroke copies")),
                            (self.validation_spin, self.tr("Validation")),
                            (self.seed_spin, self.tr("Seed")),
                            (self.finetune_check, ""),
                            (self.device_combo, self.tr("Device"))):
            self._row_labels[field].setText(text)
        self._show_devices()

    # --- settings -----------------------------------------------------------------------

    def apply_recipe(self, key: str) -> None:
        config = PRESETS[key]
        self.recipe_combo.setCurrentIndex(self.recipe_combo.findData(key))
        self.epochs_spin.setValue(config.epochs)
        self.batch_spin.setValue(config.batch_size)
        self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(config.optimizer))
        self.learning_rate.setValue(config.learning_rate)
        self.schedule_check.setChecked(config.schedule == "onecycle")
        self.augment_check.setChecked(config.augment)
        self.copies_spin.setValue(config.stroke_copies)
        self.validation_spin.setValue(config.validation_fraction)
        self.seed_spin.setValue(config.seed)
        if key == "drawings" and not self.strokes_path.text().strip():
            self.strokes_path.setText(os.environ.get(STROKES_ENV, ""))

    def remember(self, settings: QSettings) -> None:
        """Every field as it was at the last start, saved again as it changes (issue 29)."""
        fields = {"recipe": self.recipe_combo, "mnistPath": self.mnist_path, "useMnist": self.mnist_check,
                  "mnistLimit": self.mnist_limit_spin, "strokesPath": self.strokes_path,
                  "useStrokes": self.strokes_check, "useMyDrawings": self.my_drawings_check,
                  "epochs": self.epochs_spin, "batchSize": self.batch_spin, "optimizer": self.optimizer_combo,
                  "learningRate": self.learning_rate, "oneCycle": self.schedule_check, "augment": self.augment_check,
                  "strokeCopies": self.copies_spin, "validation": self.validation_spin, "seed": self.seed_spin,
                  "fineTune": self.finetune_check, "watch": self.watch_check}
        restore_fields(fields, settings)
        self.refresh_my_drawings()  # "my drawings" stays off while there are none
        save_fields_on_change(fields, settings)
        self.refresh_data_counts()

    def needs_stroke_file(self) -> bool:
        return self.recipe_combo.currentData() == "drawings" and not self.strokes_path.text().strip()

    def config(self) -> TrainConfig:
        """The settings on screen; what the panel does not show (label smoothing, scribbles) comes from the recipe."""
        return replace(
            PRESETS[self.recipe_combo.currentData()],
            epochs=self.epochs_spin.value(),
            batch_size=self.batch_spin.value(),
            optimizer=self.optimizer_combo.currentData(),
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
            recipe=self.recipe_combo.currentData(),
            use_mnist=self.mnist_check.isChecked(),
            mnist_path=self.mnist_path.text().strip() or None,
            stroke_files=(strokes,) if self.strokes_check.isChecked() and strokes else (),
            my_drawings_folder=str(self.my_drawings.folder) if self.my_drawings_check.isChecked() else None,
            base_model_path=model_in_use if self.finetune_check.isChecked() else None,
            mnist_limit=self.mnist_limit_spin.value() or None,
            watch=self.watch_check.isChecked(),
            network=self.network_editor.design().to_data(),
        )
        if not (request.use_mnist or request.stroke_files or request.my_drawings_folder):
            raise ValueError(self.tr("Choose something to train on: MNIST, a stroke file or your drawings."))
        if not self.finetune_check.isChecked() and not self.network_editor.can_train():
            raise ValueError(self.tr("the network cannot be trained as it is; see the reason under Network"))
        if self.finetune_check.isChecked() and not model_in_use:
            raise ValueError(self.tr("the model in use is still loading; fine-tune it in a moment"))
        return request

    def set_devices(self, devices: list) -> None:
        """What TensorFlow's process can train on (``model.training.devices.Device``, the CPU last)."""
        current = self.device_combo.currentData()
        self._devices = list(devices)
        self.device_combo.clear()
        for device in devices:
            self.device_combo.addItem("", device.name)
        if current and self.device_combo.findData(current) >= 0:
            self.device_combo.setCurrentIndex(self.device_combo.findData(current))
        self._show_devices()

    def show_last_device(self, device: str) -> None:
        """Training has run on ``device``."""
        self._last_device = device
        self._show_devices()

    def _show_devices(self) -> None:
        if self._devices is None:
            self.device_combo.setItemText(0, self.tr("Waiting for TensorFlow…"))
        else:
            for index, device in enumerate(self._devices):
                self.device_combo.setItemText(index, f"{device.name} · {self._device_text(device)}")
        if self._last_device is not None:
            self.device_label.setText(self.tr("Last run used {device}.").format(device=unbroken(self._last_device)))
        elif self._devices is None:
            self.device_label.setText("")
        elif not any(device.kind == "GPU" for device in self._devices):
            self.device_label.setText(self.tr("No GPU found: training runs on the CPU."))
        else:
            self.device_label.setText(self.tr("Training uses the device chosen here (the first GPU by default)."))

    def _device_text(self, device) -> str:
        if device.kind == "CPU" and getattr(device, "cores", None):
            return self.tr("CPU (%n core(s))", "", device.cores)
        return device.description

    # --- counts ---------------------------------------------------------------------------

    def refresh_data_counts(self) -> None:
        """Say how many samples each chosen source holds (counted off the GUI thread)."""
        strokes = self.strokes_path.text().strip() if self.strokes_check.isChecked() else None
        task = self.tasks.start("count-data", count_data, self.mnist_path.text().strip() or None,
                                self.mnist_check.isChecked(), strokes, self.mnist_limit_spin.value())
        task.succeeded.connect(self._on_data_counted)

    def _on_data_counted(self, counts: DataCounts) -> None:
        self._counts = counts
        self._show_data_counts()

    def _show_data_counts(self) -> None:
        parts = self._count_texts(self._counts) if self._counts is not None else []
        if self.my_drawings_check.isChecked():
            parts.append(self.my_drawings_count.text())
        if self._counts is None and not parts:
            self.counts_label.setText("")  # not counted yet
            return
        self.counts_label.setText(" · ".join(parts) if parts else self.tr("Nothing chosen to train on."))

    def _count_texts(self, counts: DataCounts) -> list[str]:
        locale = QLocale()
        parts = []
        if counts.mnist is not None:
            train, test = counts.mnist
            if 0 < counts.mnist_limit < train:
                text = self.tr("MNIST {used} of {train} training + {test} test images").format(
                    used=locale.toString(counts.mnist_limit), train=locale.toString(train), test=locale.toString(test))
            else:
                text = self.tr("MNIST {train} training + {test} test images").format(
                    train=locale.toString(train), test=locale.toString(test))
            if counts.mnist_download:
                text = self.tr("{images}, not on this computer yet: Train offers to download it once, "
                               "or Choose… a local copy").format(images=text)
            parts.append(text)
        elif counts.mnist_error is not None:
            parts.append(self.tr("MNIST: {error}").format(error=reason_text(counts.mnist_error)))
        if counts.strokes is not None:
            parts.append(self.tr("pen strokes %Ln drawing(s)", "", counts.strokes))
        elif counts.strokes_error is not None:
            parts.append(self.tr("pen strokes: {error}").format(error=reason_text(counts.strokes_error)))
        return parts

    def refresh_my_drawings(self) -> list[str]:
        """Count my drawings again; the warnings about damaged lines, if any."""
        records, warnings = self.my_drawings.load()
        self._my_drawings_total = len(records)
        self.my_drawings_count.setText(self.tr("%Ln drawing(s) you labelled", "", len(records)))
        self.my_drawings_check.setEnabled(bool(records))
        if not records:
            self.my_drawings_check.setChecked(False)
        return warnings

    # --- files --------------------------------------------------------------------------

    def _choose_mnist(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.DATA, self.tr("MNIST"),
                                      self.tr("MNIST (*.npz);;All files (*)"))
        if path:
            self.mnist_path.setText(path)
            self.refresh_data_counts()  # setText is not editingFinished: count what was chosen now

    def _choose_strokes(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.DATA, self.tr("Pen strokes"),
                                      self.tr("JSON lines (*.jsonl *.json)"))
        if path:
            self.strokes_path.setText(path)
            self.refresh_data_counts()

    def _clear_my_drawings(self) -> None:
        count = self.my_drawings.count()
        if count == 0:
            return
        answer = QMessageBox.question(self, self.tr("Clear my drawings"),
                                      self.tr("Forget all %Ln drawing(s) you labelled?", "", count))
        if answer == QMessageBox.StandardButton.Yes:
            self.my_drawings.clear()
            self.refresh_my_drawings()


def _spin(name: str, low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    return spin


def _with_button(line: QLineEdit, slot) -> tuple[QWidget, QPushButton]:
    """A line with a compact button after it (its text is set by the view's retranslate)."""
    row = QHBoxLayout()
    row.addWidget(line, 1)
    button = compact_button()
    button.clicked.connect(slot)
    row.addWidget(button)
    return as_widget(row), button
