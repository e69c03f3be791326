"""Which model the pad uses: loading one, falling back to the bundled one, adopting a trained one.

A model file is read as data first (numpy, a tenth of a second, no code runs) and the pad predicts
with it at once.  Then the worker process opens the same file in Keras' safe mode, as training and
export will; if Keras refuses it, the pad goes back to the model it used before.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QSettings, Signal

from digitpad.app.common.file_words import os_error_text, reason_text
from digitpad.app.common.tasks import TaskRunner
from digitpad.model.files.atomic import copy_file_atomically
from digitpad.model.network.inference import Predictor
from digitpad.model.session import Session
from digitpad.model.words import FileProblem, Words
from digitpad.resources import bundled_model_path

# Trained models the person used are kept here, below their data folder.
MODELS_FOLDER = "models"


# The seed convnet's .keras file is 0.4–1.2 MB; reading one takes about 0.1 s.
READ_BEFORE_SHOWING_BYTES = 4 * 2**20


def read_model(task, path: str) -> Predictor:
    """Pool work: the model file read as data, within the limits of ``model.files.model_archive``."""
    return Predictor.load(path)


def _in_words(message: str, failure: FileProblem | Words | None) -> str:
    """Why a model file could not be read, in the window's language where the core gave its words (a Korean window
    said it in English, with the whole path)."""
    return reason_text(failure or message)


def _file_size(path: str) -> float:
    try:
        return os.path.getsize(path)
    except OSError:
        return math.inf  # the usual way says what is wrong with it


class ModelController(QObject):
    """Loads models off the GUI thread (a small one before the window is shown) and swaps them into
    the session; remembers the last one."""

    status = Signal(object)  # a passing message for the status bar (language.Message)
    error = Signal(str)  # for the message banner
    error_outdated = Signal(str)  # that message no longer holds: another model has loaded since
    ready = Signal(object)  # a Predictor is in use

    def __init__(self, session: Session, tasks: TaskRunner, settings: QSettings, data_dir: Path,
                 requested: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.tasks, self.settings, self.data_dir = session, tasks, settings, data_dir
        self._requested = requested
        self._descriptions: dict[str, str] = {}  # a trained model's file → "trained 14:05 (99.2%)"
        self._run_ids: dict[str, str] = {}  # a model file used → the run it was trained as
        last, run = settings.value("lastModel", "", str), settings.value("lastModelRun", "", str)
        if last and run:
            self._run_ids[last] = run
        # The window's: the title of the run a model file belongs to (path, run id), in the language in use.
        self.run_title: Callable[[str, str | None], str | None] = lambda source, run_id: None
        self._last_error: str | None = None

    def start(self, before_showing: bool = False) -> None:
        """Load the requested, the last used or the bundled model; a remembered one that fails gives
        way to the bundled one, with a message.

        ``before_showing`` reads a model file of up to a few megabytes at once, on this thread (0.1 s
        for the bundled model), for a window that is not on screen yet: it then appears with the
        network's rows laid out, instead of building and painting them in the first moments a person
        may already be drawing.  A larger file, or one that cannot be read, goes the usual way, off
        this thread, with its message."""
        path = self._requested or self.settings.value("lastModel", "", str) or str(bundled_model_path())
        if before_showing and _file_size(path) <= READ_BEFORE_SHOWING_BYTES:
            started = time.perf_counter()
            try:
                predictor = Predictor.load(path)
            except Exception:  # the usual way below says what is wrong, in words
                pass
            else:
                self._use(predictor, time.perf_counter() - started)
                return
        self.load(path, fall_back=True)

    def load(self, path: str | Path, fall_back: bool = False):
        path = str(path)
        started = time.perf_counter()
        task = self.tasks.start("load-model", read_model, path)
        self.status.emit(lambda: self.tr("Loading {file}…").format(file=Path(path).name))
        task.succeeded.connect(lambda predictor: self._use(predictor, time.perf_counter() - started))
        task.failed.connect(lambda message: self._failed(_in_words(message, task.failure), path, fall_back))
        return task

    def revert_to_bundled(self) -> None:
        self.load(bundled_model_path())

    def adopt(self, trained_file: str, description: str, run_id: str = ""):
        """Use a model the worker has just trained: it is kept in the data folder, so that it is
        still there, and remembered, after a restart (with the run it was trained as)."""
        folder = self.data_dir / MODELS_FOLDER
        try:
            folder.mkdir(parents=True, exist_ok=True)
            kept = folder / f"trained-{time.strftime('%Y%m%d-%H%M%S')}.keras"
            copy_file_atomically(trained_file, kept)
        except OSError as error:
            self.error.emit(self.tr("Could not keep the trained model: {reason}").format(
                reason=os_error_text(error)))
            return None
        self._descriptions[str(kept)] = description
        if run_id:
            self._run_ids[str(kept)] = run_id
        return self.load(kept)

    def load_named(self, path: str | Path, description: str):
        """Load a model file that has a name of its own (a kept run's): the window calls it by that name."""
        self._descriptions[str(path)] = description
        return self.load(path)

    def bundled_in_use(self) -> bool:
        """Whether the model in use (not a network being trained that the maps show) is the bundled one."""
        predictor = self.session.predictor
        return predictor is not None and predictor.source == str(bundled_model_path())

    def model_name(self) -> str:
        predictor = self.session.predictor
        if predictor is None:
            return self.tr("no model")
        if self.bundled_in_use():
            return self.tr("bundled model")
        return (self.run_title(predictor.source, self.run_id_in_use()) or self._descriptions.get(predictor.source)
                or Path(predictor.source).name)

    def run_id_in_use(self) -> str | None:
        """The run the model in use was trained as, when it was adopted from the Train panel's results."""
        predictor = self.session.predictor
        return None if predictor is None else self._run_ids.get(predictor.source)

    def _use(self, predictor: Predictor, seconds: float) -> None:
        self.session.use_model(predictor, provisional=True)
        if self._last_error is not None:
            self.error_outdated.emit(self._last_error)
            self._last_error = None
        if self.bundled_in_use():  # the predictor just put in use
            self.settings.remove("lastModel")
        else:
            self.settings.setValue("lastModel", predictor.source)
        if self.run_id_in_use():
            self.settings.setValue("lastModelRun", self.run_id_in_use())
        else:
            self.settings.remove("lastModelRun")
        self.status.emit(lambda: self.tr("Model ready: {model}, {parameters} parameters in {seconds} s").format(
            model=self.model_name(), parameters=QLocale().toString(predictor.parameter_count),
            seconds=QLocale().toString(seconds, "f", 1)))
        self.ready.emit(predictor)
        check = self.tasks.start_in_worker(f"check-model {predictor.source}", "check_model", predictor.source)
        check.succeeded.connect(lambda parameters: self.session.confirm_model(predictor.source))
        check.failed.connect(lambda message: self._refused(predictor.source, message, check.worker_died))

    def _refused(self, path: str, message: str, worker_died: bool) -> None:
        """Keras would not open the file the pad reads as data: do not keep using it."""
        if worker_died:
            return  # the process died, not the file: the pad keeps the model
        if self.session.refuse_model(path):
            self.settings.remove("lastModel")
            self._report(self.tr("Could not load the model: {reason}").format(reason=message))
            self.status.emit(lambda: self.tr("Back to {model}").format(model=self.model_name()))

    def _failed(self, message: str, path: str, fall_back: bool) -> None:
        bundled = str(bundled_model_path())
        if fall_back and path != bundled:
            self.settings.remove("lastModel")
            # Not _report: this message says what loads next, so that load does not make it outdated.
            self._last_error = None
            self.error.emit(self.tr("Could not load the model: {reason}. Using the bundled model instead.").format(
                reason=message))
            self.load(bundled)
            return
        self._report(self.tr("Could not load the model: {reason}").format(reason=message))
        if self.session.predictor is None:
            self.status.emit(lambda: self.tr("No model: load one with File > Load model…"))
        else:
            self.status.emit(lambda: self.tr("Still using {model}").format(model=self.model_name()))

    def _report(self, message: str) -> None:
        self._last_error = message
        self.error.emit(message)
