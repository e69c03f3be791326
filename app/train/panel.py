"""The Train panel: train the convnet from the window and watch it learn.

Training runs in TensorFlow's worker process (``digitpad.model.worker``); the pad keeps reading
with the model in use until the person presses "Use this model".  If that process dies, the panel
says so in plain words, the model in use stays, and the next Train starts a new process.
"""

from __future__ import annotations

import math
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from digitpad.app.common import file_dialogs
from digitpad.app.common.file_words import reason_text
from digitpad.app.common.language import Retranslatable
from digitpad.app.common.tasks import Task, TaskRunner
from digitpad.app.common.widgets import unbroken, wheel_scrolls_area
from digitpad.app.train.mnist_source import MnistSourceBox
from digitpad.app.train.runs_view import RunsView
from digitpad.app.train.settings import TrainSettings
from digitpad.app.train.views import ConfusionMatrix, ImageGallery, LearningCurves
from digitpad.model.files.atomic import copy_file_atomically
from digitpad.model.files.datasets import DataError, count_mnist, mnist_needs_download
from digitpad.model.network.designs import PRESETS, network_name
from digitpad.model.network.numpy_net import NumpyConvnet
from digitpad.model.session import Session
from digitpad.model.training.recipes import TrainProgress
from digitpad.model.words import FileProblem, Words


def copy_model_file(task, source: str, target: str) -> str:
    """Pool work: Save as… copies the trained file (it is plain Keras already), atomically."""
    target = Path(target)
    if not target.parent.is_dir():
        raise FileProblem(target.parent, Words("no such folder"))
    try:
        copy_file_atomically(source, target)
    except OSError as error:  # name the file asked for, not the temporary written beside it
        raise FileProblem(target, Words("{error}", error=error.strerror or str(error))) from None
    return str(target)


class TrainPanel(Retranslatable, QScrollArea):
    """Data, settings, device, progress and results of one training run."""

    statusMessage = Signal(object)  # a passing message for the status bar (language.Message)
    errorMessage = Signal(str)  # for the window's banner: the training itself went well
    trainingFinished = Signal(object)  # TrainOutcome
    # The trained file, how to call it ("trained 14:05 (99.2%)") and the run it was kept as ("" if none).
    useModelRequested = Signal(str, str, str)
    loadModelRequested = Signal()
    revertRequested = Signal()
    devicesFound = Signal(list)  # TensorFlow's process is up and says what it can train on

    def __init__(self, session: Session, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainPanel")
        self.session, self.tasks = session, tasks
        self.outcome = None
        self._trained_network: Callable[[], str] | None = None  # the network the outcome is of, in words
        self.task: Task | None = None
        self.data_folder: Path | None = None  # where every training is kept as a run (set_data_folder)
        self._folder: tempfile.TemporaryDirectory | None = None  # trained models not yet used or saved
        # What the progress bar and the line below it say, and the confusion matrix's chosen cell:
        # kept so that they can be said again in another language.
        self._bar_text: Callable[[], str] = str
        self._phase_text: Callable[[], str] = str
        self._cell: tuple[int, int] | None = None
        self._begun = False  # the training under way has reported its first batch
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        layout = QVBoxLayout(content)
        self.settings = TrainSettings(tasks, session.my_drawings)
        layout.addWidget(self.settings)
        layout.addWidget(self._progress_box())
        layout.addWidget(self._results_box())
        layout.addWidget(self._runs_box())
        layout.addStretch(1)
        self.setWidget(content)
        wheel_scrolls_area(self, content.findChildren(QAbstractSpinBox) + content.findChildren(QComboBox))
        self.settings.recipe_combo.activated.connect(self._hint_at_stroke_file)
        self.settings.network_editor.designChanged.connect(self._on_design_changed)
        self.settings.network_editor.errorMessage.connect(self.errorMessage)
        self.settings.network_editor.statusMessage.connect(self.statusMessage)
        self.settings.finetune_check.toggled.connect(
            lambda: self._on_design_changed(self.settings.network_editor.can_train()))
        self.retranslate()

    def _hint_at_stroke_file(self) -> None:
        if self.settings.needs_stroke_file():
            self._show_phase(lambda: self.tr(
                "This recipe learns from pen strokes: choose a stroke file above "
                "(for example pendigits-train.jsonl), or it trains on MNIST only."))

    # --- building ------------------------------------------------------------------------

    def _progress_box(self) -> QGroupBox:
        self.progress_box = QGroupBox()
        layout = QVBoxLayout(self.progress_box)
        buttons = QHBoxLayout()
        self.train_button = QPushButton()
        self.train_button.setObjectName("trainButton")
        self.train_button.clicked.connect(self.start_training)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_training)
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # Under Train, as it is about the next training (in the Runs box it read as a filter of the table).
        self.tensorboard_check = QCheckBox()
        self.tensorboard_check.setObjectName("tensorboardCheck")
        self.tensorboard_check.setEnabled(_tensorboard_installed())
        layout.addWidget(self.tensorboard_check)
        # Why Train is disabled, beside it: the editor's line saying so is a screen higher in a long panel.
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("trainBlocked")
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setStyleSheet("color:#8a1c14")
        self.blocked_label.setVisible(False)
        layout.addWidget(self.blocked_label)
        self.mnist_source = self._mnist_source_box()
        layout.addWidget(self.mnist_source)
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
        layout.addWidget(self.curves.key)
        return self.progress_box

    def _results_box(self) -> QGroupBox:
        self.results_box = QGroupBox()
        layout = QVBoxLayout(self.results_box)
        self.accuracy_label = QLabel()
        self.accuracy_label.setObjectName("testAccuracyLabel")
        self.accuracy_label.setWordWrap(True)
        layout.addWidget(self.accuracy_label)
        buttons = QGridLayout()  # two by two: the panel is narrow
        self.use_button = _button("useModelButton", self.use_trained_model, enabled=False)
        self.save_button = _button("saveModelButton", self._save_dialog, enabled=False)
        self.load_button = _button("loadModelButton", self.loadModelRequested.emit)
        self.revert_button = _button("revertModelButton", self.revertRequested.emit)
        for index, button in enumerate((self.use_button, self.save_button, self.load_button, self.revert_button)):
            buttons.addWidget(button, index // 2, index % 2)
        layout.addLayout(buttons)
        self.matrix_caption = QLabel()
        self.matrix_caption.setWordWrap(True)
        layout.addWidget(self.matrix_caption)
        self.confusion = ConfusionMatrix()
        self.confusion.cellClicked.connect(self.show_cell)
        layout.addWidget(self.confusion)
        self.gallery_label = QLabel()
        self.gallery_label.setWordWrap(True)
        layout.addWidget(self.gallery_label)
        self.gallery = ImageGallery()
        layout.addWidget(self.gallery)
        return self.results_box

    def _runs_box(self) -> QGroupBox:
        """Every training kept in the data folder, to compare (app/train/runs_view.py)."""
        self.runs_box = QGroupBox()
        layout = QVBoxLayout(self.runs_box)
        self.runs_view = RunsView(self.tasks)
        self.runs_view.statusMessage.connect(self.statusMessage.emit)
        layout.addWidget(self.runs_view)
        return self.runs_box

    def set_data_folder(self, folder: Path) -> None:
        """Keep every training as a run in ``folder`` (the window's data folder), and list them."""
        self.data_folder = Path(folder)
        self.runs_view.set_data_folder(folder)
        self._retranslate_runs()

    def tensorboard_folder(self) -> Path | None:
        return self.data_folder / "tensorboard" if self.data_folder is not None else None

    def _retranslate_runs(self) -> None:
        self.runs_box.setTitle(self.tr("Runs"))
        self.tensorboard_check.setText(self.tr("Also write TensorBoard logs"))
        if not self.tensorboard_check.isEnabled():
            self.tensorboard_check.setToolTip(
                self.tr("TensorBoard is not installed: pip install 'digitpad[tensorboard]'"))
        else:
            self.tensorboard_check.setToolTip(self.tr("Then view them with: tensorboard --logdir {folder}").format(
                folder=self.tensorboard_folder() or ""))

    # --- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Train the network"))
        self.progress_box.setTitle(self.tr("Training"))
        self.train_button.setText(self.tr("Train"))
        self._show_why_blocked()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop within a fraction of a second; the model in use stays as it is"))
        self.results_box.setTitle(self.tr("Results"))
        self.use_button.setText(self.tr("Use this model"))
        self.save_button.setText(self.tr("Save as…"))
        self.load_button.setText(self.tr("Load model…"))
        self.revert_button.setText(self.tr("Revert to bundled"))
        self.matrix_caption.setText(self.tr("Confusion matrix on the test set (click a cell to see its images):"))
        self.progress.setFormat(self._bar_text())
        self.phase_label.setText(self._phase_text())
        self._show_results()
        self._retranslate_runs()

    def _show_bar(self, text: Callable[[], str]) -> None:
        self._bar_text = text
        self.progress.setFormat(text())

    def _show_phase(self, text: Callable[[], str]) -> None:
        self._phase_text = text
        self.phase_label.setText(text())

    def _show_results(self) -> None:
        """The results line, the gallery's caption and the last run's sources, from the outcome."""
        if self.outcome is None:
            self.accuracy_label.setText(self.tr("No model trained yet."))
            self.gallery_label.setText(self.tr("Misclassified test images"))
            return
        result, locale = self.outcome.result, QLocale()
        accuracy = _percent(result.test_accuracy)
        counts = self._counts_text(self.outcome.counts)
        duration = _duration(result.seconds)
        images = len(self.outcome.y_test)
        if "mnist" in self.outcome.counts:
            text = self.tr("<b>Test accuracy {accuracy}%</b> on the MNIST test set (%Ln image(s)). "
                           "Trained on {counts} in {duration} on {device}.", "", images)
        else:
            text = self.tr("<b>Test accuracy {accuracy}%</b> on the held-back drawings (%Ln image(s)). "
                           "Trained on {counts} in {duration} on {device}.", "", images)
        text = text.format(accuracy=accuracy, counts=counts, duration=duration, device=unbroken(result.device))
        if self._trained_network is not None:  # the editor may show another design by now
            text += " " + self.tr("Network: {network}.").format(network=self._trained_network())
        self.accuracy_label.setText(text)
        self.phase_label.setToolTip(self.tr("Last run: {counts}.").format(counts=counts))
        predictions = self.outcome.result.test_predictions
        if self._cell is None:
            wrong = int(np.count_nonzero(predictions != self.outcome.y_test))
            self.gallery_label.setText(self.tr("Misclassified test images ({count}), true → predicted").format(
                count=locale.toString(wrong)))
        else:
            truth, predicted = self._cell
            chosen = int(np.count_nonzero((self.outcome.y_test == truth) & (predictions == predicted)))
            self.gallery_label.setText(self.tr("Test images of {truth} read as {predicted} ({count})").format(
                truth=truth, predicted=predicted, count=locale.toString(chosen)))

    def _network_words(self) -> Callable[[], str]:
        """The network being trained, as the results will name it (in the language of the moment)."""
        if self.settings.finetune_check.isChecked():
            return lambda: self.tr("the model in use, fine-tuned")
        editor = self.settings.network_editor
        key = editor.combo.currentData()
        if key in PRESETS:
            return lambda: editor.preset_name(key)
        name = network_name(editor.design())  # as the run is named: a file's name, or Conv32(5×5)–Pool–…
        return lambda: name

    def _counts_text(self, counts: dict[str, int]) -> str:
        """What a run trained on ("MNIST 60,000, strokes 7,494"), each source in the language in use."""
        names = {"mnist": self.tr("MNIST {count}"), "strokes": self.tr("strokes {count}"),
                 "my drawings": self.tr("my drawings {count}"), "scribbles": self.tr("scribbles {count}"),
                 "digit pairs": self.tr("digit pairs {count}"), "paper scans": self.tr("paper scans {count}")}
        locale = QLocale()
        return ", ".join(names.get(name, f"{name} {{count}}").format(count=locale.toString(count))
                         for name, count in counts.items())

    def _phase_name(self, phase: str) -> str:
        """A step of the job before the network learns (``model.training.recipes.TrainPhase``)."""
        step = getattr(phase, "step", None)
        if step == "loading-mnist":
            return self.tr("Loading MNIST…")
        if step == "reading-strokes":
            return self.tr("Reading {path}…").format(path=phase.path)
        if step == "rendering":
            return self.tr("Rendering drawings…")
        if step == "preparing":
            return self.tr("Preparing images…")
        if step == "training":
            return self.tr("Training…")
        return str(phase)

    # --- devices --------------------------------------------------------------------------

    def refresh_devices(self) -> None:
        """Ask TensorFlow's process what it can train on (it starts the process, at low priority)."""
        task = self.tasks.start_in_worker("devices", "devices")
        task.succeeded.connect(self.settings.set_devices)
        task.succeeded.connect(self.devicesFound.emit)

    # --- running --------------------------------------------------------------------------

    def _mnist_source_box(self) -> MnistSourceBox:
        """Asked before training when MNIST is wanted and not on this computer (issue 29)."""
        box = MnistSourceBox(self.tasks)
        box.chosen.connect(self.settings.mnist_path.setText)
        for signal in (box.chosen, box.downloaded):
            signal.connect(lambda path: self.settings.refresh_data_counts())
            signal.connect(lambda path: self.statusMessage.emit(
                lambda: self.tr("MNIST is ready ({file}): press Train to start.").format(file=path)))
        return box

    def start_training(self) -> None:
        mnist = self.settings.mnist_path.text().strip()
        if self.settings.mnist_check.isChecked() and mnist_needs_download(mnist):
            self.mnist_source.ask()  # say so now, not after TensorFlow has started and failed
            return
        if self.settings.mnist_check.isChecked() and mnist:
            try:
                count_mnist(mnist)  # the files' headers only: a file that cannot be MNIST is said now,
            except DataError as error:  # not after TensorFlow started, as a failed run
                self._show_cannot_start(error)
                return
        try:
            request = self.settings.request(self.session.predictor.source if self.session.predictor else None)
        except ValueError as error:
            self._show_failure(str(error))
            return
        self._trained_network = self._network_words()
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="digitpad-trained-")
        self.curves.reset(request.config.epochs)
        self._begun = False
        self.progress.setValue(0)
        self._show_bar(lambda: self.tr("Starting…"))
        self.phase_label.setStyleSheet("")
        self._show_phase(lambda: self.tr("Starting TensorFlow…"))
        self.train_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        tensorboard = self.tensorboard_folder() if self.tensorboard_check.isChecked() else None
        runs_folder = None if self.data_folder is None else str(self.data_folder)
        self.task = self.tasks.start_in_worker("train", "train", request, self._folder.name, runs_folder,
                                               None if tensorboard is None else str(tensorboard))
        self.task.progress.connect(self._on_progress)
        self.task.succeeded.connect(self._on_finished)
        self.task.failed.connect(self._show_failure)
        self.task.cancelled.connect(self._on_cancelled)
        self.task.finished.connect(self._on_task_done)
        self.statusMessage.emit(lambda: self.tr("Training started; the pad keeps using the current model."))

    def cancel_training(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
            self._show_phase(lambda: self.tr("Cancelling… (stops after the batches under way)"))

    def is_training(self) -> bool:
        return self.task is not None and not self.task.done

    def may_quit(self) -> bool:
        """Asked before the window quits: true when no training is under way, or when the person chose to
        stop it (quitting ends TensorFlow's process, and what the network has learnt so far is lost)."""
        if not self.is_training():
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit DigitPad"), self._quit_question(),
                          parent=self.window())
        box.setObjectName("quitDuringTraining")
        stop = box.addButton(self.tr("Stop training and quit"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep training"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter and Esc keep the training: losing it takes a deliberate click
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is stop

    def _quit_question(self) -> str:
        # No epoch count: the question stays open while the training goes on, and a count in it fell behind.
        if not self._begun:
            return self.tr("A training is starting. Quitting stops it.")
        return self.tr("A training is under way. Quitting stops it, and what the network has learnt so far is lost.")

    def _on_progress(self, progress) -> None:
        if isinstance(progress, str):  # a TrainPhase
            self._show_phase(lambda: self._phase_name(progress))
            self._show_bar(lambda: self._phase_name(progress))
            return
        if isinstance(progress, NumpyConvnet):  # watch it learn: the network of this moment
            if not self.task.is_cancelled():
                self.session.watch_learning(progress)
            return
        if not isinstance(progress, TrainProgress):
            return
        self._begun = True
        self.progress.setValue(int(progress.fraction * 1000))
        self._show_bar(lambda: self._progress_text(progress))
        position = progress.epoch - 1 + progress.batch / progress.batches
        self.curves.add("loss", position, progress.loss)
        self.curves.add("accuracy", position, progress.accuracy)
        if progress.epoch_end:
            self.curves.add("val_loss", position, progress.val_loss)
            self.curves.add("val_accuracy", position, progress.val_accuracy)
        self._show_phase(lambda: self._metrics_text(progress))

    def _progress_text(self, progress: TrainProgress) -> str:
        # The speed is on the line below: with it, the bar's one line was cut in a 1024-pixel Korean window.
        return self.tr("Epoch {epoch}/{epochs} · batch {batch}/{batches} · ETA {eta}").format(
            epoch=progress.epoch, epochs=progress.epochs, batch=progress.batch, batches=progress.batches,
            eta=_duration(progress.eta_seconds))

    def _metrics_text(self, progress: TrainProgress) -> str:
        locale = QLocale()
        loss, accuracy = locale.toString(progress.loss, "f", 4), locale.toString(progress.accuracy, "f", 4)
        speed = locale.toString(round(progress.images_per_second))
        if progress.val_accuracy is None:
            return self.tr("loss {loss} · accuracy {accuracy} · {speed} img/s").format(
                loss=loss, accuracy=accuracy, speed=speed)
        return self.tr("loss {loss} · accuracy {accuracy} · validation accuracy {validation} · {speed} img/s").format(
            loss=loss, accuracy=accuracy, validation=locale.toString(progress.val_accuracy, "f", 4), speed=speed)

    def _on_finished(self, outcome) -> None:
        self.outcome = outcome
        self._cell = None
        result = outcome.result
        self.progress.setValue(1000)
        self._show_bar(lambda: self.tr("Done in {duration} on {device}").format(
            duration=_duration(result.seconds), device=result.device))
        self.settings.show_last_device(result.device)
        self.confusion.set_matrix(result.confusion)
        wrong = np.flatnonzero(result.test_predictions != outcome.y_test)
        self.gallery.show_images(outcome.x_test[wrong], outcome.y_test[wrong], result.test_predictions[wrong])
        self._show_results()
        self.use_button.setEnabled(True)
        self.save_button.setEnabled(True)
        if outcome.warnings:
            warnings = "; ".join(outcome.warnings[:3])
            self._show_phase(lambda: self.tr("Finished, with warnings: {warnings}").format(warnings=warnings))
        else:
            self._show_phase(lambda: self.tr("Finished. Look at the mistakes, then use or save the model."))
        self.statusMessage.emit(lambda: self.tr("Training finished: test accuracy {accuracy}%").format(
            accuracy=_percent(result.test_accuracy)))
        self.trainingFinished.emit(outcome)

    def _show_cannot_start(self, reason: str | Exception) -> None:
        """Why training cannot start; a file's reason in the window's language (it is worded again at a switch)."""
        self.phase_label.setStyleSheet("color:#8a1c14")
        self._show_phase(lambda: self.tr("Cannot train: {reason}. The model in use is unchanged.").format(
            reason=reason_text(reason)))

    def _show_failure(self, message: str) -> None:
        failure = self.task.failure  # a data file's reason, worded again at a language switch
        self.phase_label.setStyleSheet("color:#8a1c14")
        self._show_phase(lambda: self.tr("Training failed: {reason}. The model in use is unchanged.").format(
            reason=reason_text(failure or message)))
        self._show_bar(lambda: self.tr("Failed"))
        self.statusMessage.emit(lambda: self.tr("Training failed: {reason}").format(
            reason=reason_text(failure or message)))

    def _on_cancelled(self) -> None:
        self._show_phase(lambda: self.tr("Cancelled. The model in use is unchanged."))
        self._show_bar(lambda: self.tr("Cancelled"))
        self.statusMessage.emit(lambda: self.tr("Training cancelled; the model in use is unchanged."))

    def _on_design_changed(self, can_train: bool) -> None:
        """Train stays disabled while the design cannot work (fine-tuning keeps the model's own network)."""
        self.train_button.setEnabled((can_train or self.settings.finetune_check.isChecked())
                                     and not self.is_training())
        self._show_why_blocked()

    def _show_why_blocked(self) -> None:
        blocked = "" if self.settings.finetune_check.isChecked() else self.settings.network_editor.problem_text()
        if blocked:
            blocked = self.tr("{reason} (Network, above: change the design or choose a preset)").format(
                reason=blocked)
        self.blocked_label.setText(blocked)
        self.blocked_label.setVisible(bool(blocked))
        self.train_button.setToolTip(blocked or self.tr("Train a new model with these settings; the pad keeps "
                                                        "using the current one"))

    def _on_task_done(self) -> None:
        self.runs_view.refresh()  # the new run: finished, cancelled or failed
        self._on_design_changed(self.settings.network_editor.can_train())
        self.cancel_button.setEnabled(False)
        if self.session.learning is not None:
            self.session.watch_learning(None)  # back to the model in use, until Use this model

    # --- results -----------------------------------------------------------------------

    def show_cell(self, truth: int, predicted: int) -> None:
        if self.outcome is None:
            return
        self._cell = (truth, predicted)
        predictions = self.outcome.result.test_predictions
        chosen = np.flatnonzero((self.outcome.y_test == truth) & (predictions == predicted))
        self._show_results()
        self.gallery.show_images(self.outcome.x_test[chosen], self.outcome.y_test[chosen], predictions[chosen])

    def use_trained_model(self) -> None:
        if self.outcome is None:
            return
        self.use_button.setEnabled(False)
        accuracy = _percent(self.outcome.result.test_accuracy)
        self.useModelRequested.emit(self.outcome.model_path, self.tr("trained {time} ({accuracy}%)").format(
            time=time.strftime("%H:%M"), accuracy=accuracy), getattr(self.outcome, "run_id", None) or "")

    def _save_dialog(self) -> None:
        path, _ = file_dialogs.save_file(self, file_dialogs.MODELS, self.tr("Save model"), "digitpad.keras",
                                         self.tr("Keras models (*.keras)"))
        if path:
            self.save_model(path if path.endswith(".keras") else path + ".keras")

    def save_model(self, path: str) -> Task:
        """Write the trained model to ``path`` atomically (off the GUI thread); returns the task."""
        task = self.tasks.start("save-model", copy_model_file, self.outcome.model_path, path)
        task.succeeded.connect(lambda saved: self.statusMessage.emit(
            lambda: self.tr("Saved the model to {path}").format(path=saved)))
        task.failed.connect(lambda message: self.errorMessage.emit(self.tr("Could not save the model: {reason}").format(
            reason=reason_text(task.failure or message))))
        return task

    def discard_trained_files(self) -> None:
        """The window is closing: trained models nobody used or saved go."""
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def _tensorboard_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("tensorboard") is not None


def _button(name: str, slot, enabled: bool = True) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setEnabled(enabled)
    button.clicked.connect(slot)
    return button


def _percent(fraction: float) -> str:
    """A fraction as a percentage with two decimals, as the language in use writes numbers ("99.12")."""
    return QLocale().toString(fraction * 100, "f", 2)


def _duration(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "…"
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"
