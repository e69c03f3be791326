"""The DigitPad window: the layout, the menus, and the wiring of views, session and controllers.

What the pad shows lives in the session (``digitpad.model.session``); the views here observe it
through ``SessionSignals`` and send it the person's actions.  Background work goes through one
TaskRunner (``app/tasks.py``).  See docs/architecture.md for the path of a mouse event.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSlider,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from digitpad.app.common import file_dialogs, language
from digitpad.app.common.colormaps import test_image_qimage
from digitpad.app.common.file_words import os_error_text, reason_text
from digitpad.app.common.language import Message, Retranslatable, message_text
from digitpad.app.common.session_signals import SessionSignals
from digitpad.app.common.tasks import Task, TaskRunner
from digitpad.app.common.widgets import MessageBanner, compact_button, set_compact_text
from digitpad.app.network.feature_maps import FeatureMapsPanel
from digitpad.app.pad.canvas import DrawingCanvas
from digitpad.app.pad.correction_row import CorrectionRow
from digitpad.app.pad.live_prediction import LivePrediction
from digitpad.app.pad.prediction_view import PredictionPanel
from digitpad.app.pad.second_reading import SecondNetworkPanel
from digitpad.app.pad.why_controller import WhyController
from digitpad.app.train.panel import TrainPanel
from digitpad.app.train.runs_view import run_title
from digitpad.app.window.about import AboutDialog
from digitpad.app.window.explain_controller import ExplainController
from digitpad.app.window.file_actions import FileActions
from digitpad.app.window.filters_controller import FiltersController
from digitpad.app.window.model_controller import ModelController, read_model
from digitpad.model.files.my_drawings import MyDrawings
from digitpad.model.ink.images import reading_of_tensor
from digitpad.model.ink.preprocessing import DEFAULT_BRUSH, MAX_BRUSH, MIN_BRUSH
from digitpad.model.network.explain import layer_facts, parameter_total_formula
from digitpad.model.session import Reading, Session
from digitpad.resources import resource_path

# The window's size on first start, where the screen has room for it.
FIRST_SIZE = (1360, 820)


class MainWindow(Retranslatable, QMainWindow):
    """Build it with ``app.window.main.build_main_window``; ``start_loading_model`` loads the model."""

    modelReady = Signal(object)  # a Predictor is in use
    whyShown = Signal(object)  # the Attribution drawn over the pad

    def __init__(self, settings: QSettings, data_dir: Path, model_path: str | None = None,
                 worker_target=None) -> None:
        super().__init__()
        self.settings = settings
        self._status: Message = ""  # the status bar's passing message, and when it goes (monotonic seconds)
        self._status_until: float | None = None
        self._status_shown = ""  # its text as shown
        file_dialogs.remember_folders_in(settings)
        self.data_dir = data_dir
        self.tasks = TaskRunner(self, worker_target)
        self.session = Session(MyDrawings(data_dir))
        self.signals = SessionSignals(self.session, self)
        self.language_choice = language.remembered_choice(settings)
        language.install(language.resolve(self.language_choice))
        self.setWindowTitle("DigitPad")
        icon_file = resource_path("icon.png")
        if icon_file.exists():
            self.setWindowIcon(QIcon(str(icon_file)))
        self.setAcceptDrops(True)
        self._build_widgets()
        self.models = ModelController(self.session, self.tasks, settings, data_dir, model_path, self)
        self.files = FileActions(self, self.canvas, self.session, self.tasks)
        self.live = LivePrediction(self.canvas, self.session, self)
        self.why = WhyController(self.signals, self.tasks, self.canvas, self.answer, self)
        self.explain = ExplainController(self.signals, self.feature_maps, self.answer.preview, self)
        self.filters = FiltersController(self.signals, self.tasks, self.feature_maps, self.canvas, self)
        self._wire()
        self._build_actions()
        self._restore_settings()
        self.retranslate()
        self.show_status(lambda: self.tr("Loading the model… you can start drawing."))

    # --- what the rest of the program reads -----------------------------------------------

    @property
    def predictor(self):
        return self.session.predictor

    @property
    def prediction(self):
        return self.session.reading.prediction

    @property
    def reading(self) -> Reading:
        return self.session.reading

    def start_loading_model(self, before_showing: bool = False) -> None:
        self.models.start(before_showing)

    def clear(self) -> None:
        """Clear the pad and any opened image (undoable)."""
        self.canvas.clear()
        self.session.clear()

    def draw_over_image(self) -> None:
        """Edit > Draw over the image: the opened image stays, faded, and the strokes are read; Undo
        returns to the image."""
        if self.canvas.draw_over_image():
            self.show_status(lambda: self.tr("Draw over the image: only your strokes are read; Undo brings "
                                             "the image back."), 10000)
        else:
            self.banner.show_info(self.tr("There is no opened image to draw over."))

    def open_test_image(self, image, truth: int, predicted: int) -> None:
        """A test image of the Train panel's gallery onto the pad, read exactly as the test read it."""
        self.files.show_image(test_image_qimage(image), reading_of_tensor(image))
        if self._read_trained_beside():
            self.show_status(lambda: self.tr(
                "Test image on the pad: the true digit is {truth}, the trained network said {predicted}; it reads "
                "the pad beside the model in use.").format(truth=truth, predicted=predicted), 15000)
        else:
            self.show_status(lambda: self.tr(
                "Test image on the pad: the true digit is {truth}, the trained network said {predicted}. Why? and "
                "the Network tab explain the model in use.").format(truth=truth, predicted=predicted), 15000)

    def _stop_reading_beside_with(self, model_path: str, *_) -> None:
        if self._trained_beside_loading == model_path:  # still being read: it must not appear beside itself
            self._trained_beside_loading = None
        second = self.second_answer.predictor
        if second is not None and second.source == model_path:
            self.second_answer.clear_network()

    def _read_trained_beside(self) -> bool:
        """The network just trained reads the pad beside the model in use, unless it is the model in use: a
        newcomer clicked one of its mistakes and saw the model in use read it right. True when it does."""
        outcome = self.train_panel.outcome
        if outcome is None or not outcome.model_path:
            return False
        run_id = getattr(outcome, "run_id", None)
        if run_id and self.models.run_id_in_use() == run_id:
            return False
        second = self.second_answer.predictor
        if (second is None or second.source != outcome.model_path) and \
                self._trained_beside_loading != outcome.model_path:
            self._trained_beside_loading = path = outcome.model_path
            self._read_second_network(path).succeeded.connect(
                lambda predictor: self._show_trained_beside(predictor, path))
        return True

    def _read_second_network(self, path: str):
        """A model file read for the second panel, off this thread; the banner says why when it cannot be read."""
        task = self.tasks.start("load-second-network", read_model, path)
        task.failed.connect(lambda message: self.banner.show_error(
            self.tr("Could not read that run's model: {reason}").format(reason=message)))
        return task

    def _show_trained_beside(self, predictor, path: str) -> None:
        if self._trained_beside_loading == path:  # not used in the meantime
            self._trained_beside_loading = None
            self.second_answer.set_network(predictor, lambda: self.tr("just trained"))

    def show_about(self) -> None:
        """Help > About: the version, the licence and a link to the project, in a dialog of its own."""
        self.about_dialog = AboutDialog(self)
        self.about_dialog.open()

    def _explain_image_click(self) -> None:
        self.banner.show_info(self.tr("A click does not draw on an opened image, so it stays. To draw over it, "
                                      "choose Edit > Draw over the image (Ctrl+D); Clear (Esc) starts afresh. "
                                      "Undo returns to the image."))

    def open_file(self, path) -> Task:
        """Open a drawing or an image; it is read off the GUI thread, and shown when the task succeeds."""
        return self.files.open_file(path)

    def save_drawing(self, path) -> bool:
        return self.files.save_drawing(path)

    def keep_drawing(self, label: int | None) -> bool:
        """Append the digit on screen and its right label to my drawings; the same label pressed again takes it
        back, another label replaces it (a label pressed by mistake was there for good)."""
        if label is None or not self.session.can_keep():
            return False
        earlier = self.session.kept_label()
        try:
            if earlier == label:
                taken = self.session.take_back()
            else:
                count = self.session.keep(label)
        except (OSError, ValueError) as error:
            reason = f"{os_error_text(error)} ({error.filename})" if isinstance(error, OSError) and error.strerror \
                else error
            failed = self.tr("Could not take the drawing back: {reason}") if earlier == label else \
                self.tr("Could not keep the drawing: {reason}")
            self.banner.show_error(failed.format(reason=reason))
            self.statusBar().clearMessage()
            return False
        finally:
            self.correction.show_kept(self.session.kept_label())
        self._refresh_my_drawings()
        if earlier == label:
            self.show_status(lambda: self.tr("Taken back: the drawing is no longer in my drawings") if taken else
                             self.tr("My drawings no longer held it: nothing to take back"), 8000)
            return taken
        position = self.session.reading.focus + 1 if self.session.reading.digits else None
        self.show_status(lambda: self._kept_text(label, earlier, position, count), 8000)
        return True

    def _kept_text(self, label: int, earlier: int | None, position: int | None, count: int) -> str:
        total = QLocale().toString(count)
        if earlier is not None:
            return self.tr("Kept as a {label} instead of a {earlier} in my drawings ({total} in all)").format(
                label=label, earlier=earlier, total=total)
        if position is not None:
            return self.tr("Digit #{position} kept as a {label} in my drawings ({total} in all); "
                           "train on them in the Train tab").format(position=position, label=label, total=total)
        return self.tr("Kept as a {label} in my drawings ({total} in all); "
                       "train on them in the Train tab").format(label=label, total=total)

    def show_status(self, message: Message, milliseconds: int = 0) -> None:
        """A passing message in the status bar, for ``milliseconds`` (0: until the next); a message given as a
        function is worded again when the language changes."""
        self._status = message
        self._status_until = time.monotonic() + milliseconds / 1000 if milliseconds else None
        self._status_shown = message_text(message)
        self.statusBar().showMessage(self._status_shown, milliseconds)

    def _reword_status(self) -> None:
        """The passing message in the new language, for the rest of its time; a finished text goes rather than
        stay in the old language."""
        message, until = self._status, self._status_until
        left = None if until is None else int((until - time.monotonic()) * 1000)
        shown = self.statusBar().currentMessage()
        if not shown or (left is not None and left <= 0):
            return
        if callable(message) and shown == self._status_shown:  # not a menu's tip or a text set elsewhere
            self.show_status(message, left or 0)
            self._status_until = until
        else:
            self.statusBar().clearMessage()

    def set_language(self, choice: str) -> None:
        """View > Language: ``choice`` is SYSTEM or a key of ``language.LANGUAGES``; remembered, and
        shown at once (every view sets its texts again on the LanguageChange event Qt sends)."""
        self.language_choice = choice if choice in language.LANGUAGES else language.SYSTEM
        language.remember_choice(self.settings, self.language_choice)
        language.install(language.resolve(self.language_choice))
        self._reword_status()
        self.banner.withdraw_info()  # an error stays in the banner until read
        for action in self.language_actions.actions():
            action.setChecked(action.data() == self.language_choice)

    # --- layout ---------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.canvas = DrawingCanvas()
        self.brush_slider = QSlider(Qt.Orientation.Horizontal)
        self.brush_slider.setObjectName("brushWidth")
        self.brush_slider.setRange(MIN_BRUSH, MAX_BRUSH)
        self.brush_slider.setValue(DEFAULT_BRUSH)
        self.brush_slider.setMinimumWidth(64)  # below this a slider looks like a checkbox
        self.brush_caption = QLabel()
        self.brush_label = QLabel()
        self.undo_button = _tool_button("undoButton")
        self.redo_button = _tool_button("redoButton")
        self.clear_button = _tool_button("clearButton")
        controls = QHBoxLayout()
        controls.addWidget(self.brush_caption)
        controls.addWidget(self.brush_slider, 1)
        controls.addWidget(self.brush_label)
        controls.addSpacing(8)
        for button in (self.undo_button, self.redo_button, self.clear_button):
            controls.addWidget(button)
        self.banner = MessageBanner()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.banner)
        left_layout.addWidget(self.canvas, 1)
        left_layout.addLayout(controls)

        self.answer = PredictionPanel()
        self.correction = CorrectionRow()
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        # A second run's network reads the same drawing beside the model in use (hidden until one is chosen).
        self.second_answer = SecondNetworkPanel()
        self._trained_beside_loading: str | None = None  # the model file of the network just trained, being read
        answers = QHBoxLayout()
        answers.addWidget(self.answer, 1)
        answers.addWidget(self.second_answer, 1)
        middle_layout.addLayout(answers, 1)
        middle_layout.addWidget(self.correction)

        self.feature_maps = FeatureMapsPanel()
        self.train_panel = TrainPanel(self.session, self.tasks)
        self.train_panel.settings.network_editor.remember_in(self.settings)  # the design, across restarts
        self.train_panel.runs_view.remember_in(self.settings)  # whether cancelled and failed runs are listed
        self.train_panel.set_data_folder(self.data_dir)  # every training kept there as a run
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sideTabs")
        self.tabs.addTab(self.feature_maps, "")
        self.tabs.addTab(self.train_panel, "")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for index, (panel, stretch) in enumerate(((left, 5), (middle, 3), (self.tabs, 5))):
            self.splitter.addWidget(panel)
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([560, 340, 460])
        self.setCentralWidget(self.splitter)

    def _wire(self) -> None:
        canvas, signals = self.canvas, self.signals
        self.brush_slider.valueChanged.connect(self._on_brush_changed)
        self.undo_button.clicked.connect(canvas.undo)
        self.redo_button.clicked.connect(canvas.redo)
        self.clear_button.clicked.connect(self.clear)
        canvas.undoAvailable.connect(self.undo_button.setEnabled)
        canvas.redoAvailable.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        signals.readingChanged.connect(self._show_reading)
        signals.modelChanged.connect(self._show_model)
        self.answer.chart.digitClicked.connect(self._explain_output)
        canvas.digitChosen.connect(self.session.select_digit)
        canvas.imageClicked.connect(self._explain_image_click)
        self.correction.labelChosen.connect(self.keep_drawing)
        self.why.shown.connect(self.whyShown.emit)
        self.models.ready.connect(self.modelReady.emit)
        self.second_answer.first_name = self.models.model_name
        self.models.ready.connect(self._on_first_model, Qt.ConnectionType.SingleShotConnection)
        for controller in (self.models, self.files):
            controller.status.connect(lambda message: self.show_status(message, 10000))
            controller.error.connect(self.banner.show_error)
        self.files.info.connect(self.banner.show_info)
        self.models.error_outdated.connect(self.banner.withdraw)  # "could not load" once another model loads
        panel = self.train_panel
        panel.statusMessage.connect(lambda message: self.show_status(message, 10000))
        panel.errorMessage.connect(self.banner.show_error)
        panel.useModelRequested.connect(self.models.adopt)
        panel.useModelRequested.connect(self._stop_reading_beside_with)  # it reads on the left now
        panel.runs_view.useModelRequested.connect(self.models.load_named)
        panel.runs_view.besideRequested.connect(self.read_beside)
        panel.runs_view.model_in_use = lambda: self.session.predictor.source if self.session.predictor else ""
        panel.runs_view.run_in_use = self.models.run_id_in_use
        self.models.run_title = self._run_title
        panel.runs_view.loaded.connect(self._show_title)  # a run renamed, or the runs read at the start
        panel.runs_view.modelInUseDeleted.connect(self.models.revert_to_bundled)
        self.second_answer.digitClicked.connect(self._explain_second_output)
        self.second_answer.closed.connect(lambda: self._show_network_of(None))
        panel.loadModelRequested.connect(self.load_model_dialog)
        panel.revertRequested.connect(self.models.revert_to_bundled)
        panel.gallery.imageChosen.connect(self.open_test_image)
        self.tasks.workerDied.connect(lambda how: self.show_status(lambda: self.tr(
            "TensorFlow's process ended unexpectedly ({reason}); the next training starts a new one").format(
                reason=how), 15000))
        # The default width, not saved: saving it here overwrote the remembered width before it was restored.
        self.canvas.set_brush_width(self.brush_slider.value())
        self._show_brush_width(self.brush_slider.value())

    def _show_reading(self, reading: Reading) -> None:
        self.answer.show_reading(reading)
        self.second_answer.show_reading(reading)  # before the maps: they may be the second network's
        if reading.from_image:  # the crop read, or a number's digits, on the image
            self.canvas.set_digit_tags([])
            self.canvas.set_image_marks(reading.image.box if reading.image else None, reading.tags())
        else:
            self.canvas.set_digit_tags(reading.tags())
        shown = self.second_answer.prediction if self.explain.network is not None else reading.prediction
        self.feature_maps.set_activations(shown.activations, shown.tensor)
        self.correction.set_reading(reading, self.session.can_keep(), self.session.kept_label())

    def read_beside(self, run) -> None:
        """A kept run's network reads the pad's drawing beside the model in use (read as data, off this thread)."""
        task = self._read_second_network(str(run.model_path))
        runs = self.train_panel.runs_view
        task.succeeded.connect(lambda predictor: self.second_answer.set_network(  # renamed later: its new name
            predictor, lambda: run_title(runs.run_of_model("", run.id) or run)))

    def _show_model(self, predictor) -> None:
        self.explain.network = None  # a new model in use: the Network tab shows it
        reverting_changes_something = not self.models.bundled_in_use()
        self.revert_action.setEnabled(reverting_changes_something)
        self.train_panel.revert_button.setEnabled(reverting_changes_something)
        self._show_title()
        self.train_panel.runs_view.show_model_in_use()
        if predictor is None:
            self.feature_maps.set_activations(None)
            return
        self.feature_maps.set_model(layer_facts(predictor.net), predictor.kernels,
                                    parameter_total_formula(predictor.net))

    def _in_network_editor(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.train_panel.settings.network_editor.isAncestorOf(focus)

    def show_runs(self) -> None:
        """View > Runs: the Train panel scrolled to its runs, the table focused. They are the panel's last box,
        and a newcomer needed some forty turns of the wheel to find them."""
        panel = self.train_panel
        self.tabs.setCurrentWidget(panel)
        bar = panel.verticalScrollBar()
        bar.setValue(min(bar.maximum(), panel.runs_box.mapTo(panel.widget(), panel.runs_box.rect().topLeft()).y()))
        panel.runs_view.table.setFocus()

    def _work_on_the_pad(self) -> None:
        if self._in_network_editor():
            self.canvas.setFocus()

    def _undo_target(self):
        """Where Undo acts: the network editor while the person works in it, else the pad (Ctrl+Z in the editor
        undid a stroke nobody was looking at).  Both have undo, redo, can_undo and can_redo."""
        return self.train_panel.settings.network_editor if self._in_network_editor() else self.canvas

    def _show_undo(self, *_) -> None:
        """Undo and Redo say what they will undo, a stroke or the network editor's change where the person works
        (the menu said "Undo stroke" while Ctrl+Z undid a change of the network), and are enabled only when
        there is something to undo or redo there.  Kept right at every change of either history and of the focus,
        not when the menu opens: a disabled action's shortcut does not fire, so Ctrl+Shift+Z went stale."""
        target = self._undo_target()
        if target is self.canvas:
            self.undo_action.setText(self.tr("&Undo stroke"))
            self.redo_action.setText(self.tr("&Redo stroke"))
        else:
            self.undo_action.setText(self.tr("&Undo network change"))
            self.redo_action.setText(self.tr("&Redo network change"))
        self.undo_action.setEnabled(target.can_undo())
        self.redo_action.setEnabled(target.can_redo())

    def _undo(self, redo: bool) -> None:
        """Undo (or redo) where the person is working."""
        target = self._undo_target()
        target.redo() if redo else target.undo()

    def _run_title(self, source: str, run_id: str | None) -> str | None:
        run = self.train_panel.runs_view.run_of_model(source, run_id)
        return None if run is None else run_title(run)

    def _show_title(self) -> None:
        """The model in use names the window, as a document names an editor's."""
        if self.session.predictor is None:
            self.setWindowTitle("DigitPad")
        else:
            self.setWindowTitle(self.tr("{model} — DigitPad").format(model=self.models.model_name()))

    def _explain_answer(self) -> None:
        """From the keyboard: the explanation of the answer's probability, to move on from there."""
        if self.session.reading.prediction.label is None:
            self.banner.show_info(self.tr("Draw a digit first: the explanation is of the network's answer to it."))
            return
        self._explain_output(self.session.reading.prediction.label)

    def _explain_output(self, digit: int) -> None:
        """A bar of the chart clicked: how that digit's probability is computed, in the Network tab."""
        predictor = self.session.shown_predictor
        if predictor is None or self.session.reading.prediction.tensor is None:
            return
        self._show_network_of(None)
        self.tabs.setCurrentWidget(self.feature_maps)
        self.explain.explain(predictor.layers[-1].name, None, digit)

    def _explain_second_output(self, digit: int) -> None:
        """A bar of the second network's chart clicked: the Network tab shows that network, and explains it."""
        second = self.second_answer.predictor
        if second is None or self.session.reading.prediction.tensor is None:
            return
        self._show_network_of(second)
        self.tabs.setCurrentWidget(self.feature_maps)
        self.explain.explain(second.layers[-1].name, None, digit)

    def _show_network_of(self, predictor) -> None:
        """The Network tab's maps and explanations: of ``predictor`` (a second network), or with None of the pad's."""
        if predictor is self.explain.network:
            return
        self.explain.close()
        self.explain.network = predictor
        shown = predictor or self.session.shown_predictor
        if shown is not None:
            self.feature_maps.set_model(layer_facts(shown.net), shown.kernels, parameter_total_formula(shown.net))
        prediction = self.second_answer.prediction if predictor is not None else self.session.reading.prediction
        self.feature_maps.set_activations(prediction.activations, prediction.tensor)
        if predictor is not None:
            self.show_status(lambda: self.tr("The Network tab shows the second network: {name}").format(
                name=self.second_answer.name()), 10000)

    def _on_first_model(self, predictor) -> None:
        self.train_panel.refresh_devices()  # starts TensorFlow's process, at low priority

    def _refresh_my_drawings(self) -> None:
        warnings = self.train_panel.settings.refresh_my_drawings()
        if warnings:
            self.show_status(lambda: reason_text(warnings[0]), 10000)

    def _build_actions(self) -> None:
        files = self.files
        self.file_menu = self.menuBar().addMenu("")
        self.open_action = self._action(self.file_menu, QKeySequence.StandardKey.Open, files.open_dialog)
        self.save_action = self._action(self.file_menu, QKeySequence.StandardKey.Save, files.save_dialog)
        self.file_menu.addSeparator()
        self.load_model_action = self._action(self.file_menu, "Ctrl+L", self.load_model_dialog)
        self.revert_action = self._action(self.file_menu, None, self.models.revert_to_bundled)
        self.export_action = self._action(self.file_menu, None, files.export_dialog)
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, QKeySequence.StandardKey.Quit, self._quit)

        self.edit_menu = self.menuBar().addMenu("")
        self.undo_action = self._action(self.edit_menu, QKeySequence.StandardKey.Undo, lambda: self._undo(redo=False))
        self.redo_action = self._action(self.edit_menu, "Ctrl+Shift+Z", lambda: self._undo(redo=True))
        for changed in (self.canvas.undoAvailable, self.canvas.redoAvailable,
                        self.train_panel.settings.network_editor.historyChanged, QApplication.instance().focusChanged):
            changed.connect(self._show_undo)
        # A change on the pad (Esc, an opened drawing) makes the pad where the person works: Ctrl+Z after Esc undid
        # a change of the network editor that still had the focus, and the cleared drawing stayed lost.
        self.canvas.drawingChanged.connect(self._work_on_the_pad)
        self.clear_action = self._action(self.edit_menu, "Esc", self.clear)
        self.draw_over_action = self._action(self.edit_menu, "Ctrl+D", self.draw_over_image)
        self.previous_digit_action = self._action(self.edit_menu, "Alt+Left",
                                                  lambda: self.session.select_next_digit(-1))
        self.next_digit_action = self._action(self.edit_menu, "Alt+Right", lambda: self.session.select_next_digit(1))
        self.edit_menu.addSeparator()
        self.thinner_action = self._action(self.edit_menu, "[",
                                           lambda: self.brush_slider.setValue(self.brush_slider.value() - 2))
        self.thicker_action = self._action(self.edit_menu, "]",
                                           lambda: self.brush_slider.setValue(self.brush_slider.value() + 2))

        self.view_menu = self.menuBar().addMenu("")
        self.network_action = self._action(self.view_menu, "Ctrl+1", lambda: self.tabs.setCurrentIndex(0))
        self.train_action = self._action(self.view_menu, "Ctrl+2", lambda: self.tabs.setCurrentIndex(1))
        self.runs_action = self._action(self.view_menu, "Ctrl+3", self.show_runs)
        self.explain_action = self._action(self.view_menu, "Ctrl+E", self._explain_answer)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        self.language_actions = QActionGroup(self)
        for choice in (language.SYSTEM, *language.LANGUAGES):
            action = self.language_menu.addAction(language.LANGUAGES.get(choice, ""))
            action.setCheckable(True)
            action.setData(choice)
            action.setChecked(choice == self.language_choice)
            action.triggered.connect(lambda checked=False, c=choice: self.set_language(c))
            self.language_actions.addAction(action)

        self.help_menu = self.menuBar().addMenu("")
        self.about_action = self._action(self.help_menu, None, self.show_about)

    def _action(self, menu, shortcut, slot) -> QAction:
        """An action of ``menu``; its text is set in ``retranslate``."""
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    # --- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text of the window's own widgets and menus, in the language in use."""
        self.brush_slider.setToolTip(
            self.tr("Brush width in pixels of the 280×280 pad (the network sees the same either way)"))
        self.brush_caption.setText(self.tr("Brush"))
        self._show_title()
        self._show_brush_width(self.brush_slider.value())
        for button, text, tip in (
                (self.undo_button, self.tr("Undo"), self.tr("Undo the last stroke (Ctrl+Z)")),
                (self.redo_button, self.tr("Redo"), self.tr("Redo (Ctrl+Shift+Z)")),
                (self.clear_button, self.tr("Clear"), self.tr("Clear the pad (Esc)"))):
            set_compact_text(button, text)
            button.setToolTip(tip)
        self.tabs.setTabText(0, self.tr("Network"))
        self.tabs.setTabText(1, self.tr("Train"))
        self._retranslate_menus()

    def _retranslate_menus(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open drawing or image…"))
        self.save_action.setText(self.tr("&Save drawing…"))
        self.load_model_action.setText(self.tr("&Load model…"))
        self.revert_action.setText(self.tr("&Revert to bundled model"))
        self.export_action.setText(self.tr("&Export model…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self._show_undo()
        self.clear_action.setText(self.tr("&Clear"))
        self.draw_over_action.setText(self.tr("&Draw over the image"))
        self.previous_digit_action.setText(self.tr("&Previous digit of the number"))
        self.next_digit_action.setText(self.tr("&Next digit of the number"))
        self.thinner_action.setText(self.tr("Thinner brush"))
        self.thicker_action.setText(self.tr("Thicker brush"))
        self.view_menu.setTitle(self.tr("&View"))
        self.network_action.setText(self.tr("&Network"))
        self.train_action.setText(self.tr("&Train"))
        self.runs_action.setText(self.tr("&Runs (in Train)"))
        self.explain_action.setText(self.tr("&Explain the answer"))
        self.explain_action.setToolTip(self.tr("How the network computed its answer; then arrow keys move between "
                                               "units, Page Up and Page Down between layers, and Esc closes it"))
        self.language_menu.setTitle(self.tr("&Language"))
        system = self.tr("System ({language})").format(
            language=language.LANGUAGES[language.resolve(language.SYSTEM)])
        self.language_actions.actions()[0].setText(system)
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About DigitPad"))

    def load_model_dialog(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.MODELS, self.tr("Load model"),
                                      self.tr("Keras models (*.keras)"))
        if path:
            self.models.load(path)

    def _on_brush_changed(self, value: int) -> None:
        self.canvas.set_brush_width(value)
        self._show_brush_width(value)
        self.settings.setValue("brushWidth", value)

    def _show_brush_width(self, value: int) -> None:
        self.brush_label.setText(self.tr("{width} px").format(width=value))

    # --- drag and drop, settings, closing --------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            self.files.open_file(files[0])
            event.acceptProposedAction()

    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            self._fit_to_another_screen()
        else:
            self.resize(_first_size())
        splitter = self.settings.value("splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        self.brush_slider.setValue(_whole(self.settings.value("brushWidth", DEFAULT_BRUSH), DEFAULT_BRUSH))
        self.train_panel.settings.remember(self.settings)
        self.why.remember_in(self.settings)
        self.tabs.setCurrentIndex(_whole(self.settings.value("tab", 0), 0))  # where the person left off

    def _quit(self) -> None:
        if self.train_panel.may_quit():
            self.close()

    def _fit_to_another_screen(self) -> None:
        """A window kept on a screen of another size starts at the first size for this one: Qt shrank a window
        that filled a 1366×768 screen to 768×495 on a 1024×600 one, and the Network panel wrapped a word a line."""
        screen = QGuiApplication.primaryScreen() if self.screen() is None else self.screen()
        kept_window, kept_screen = self.settings.value("windowSize"), self.settings.value("screenSize")
        if screen is None or not isinstance(kept_window, QSize) or not isinstance(kept_screen, QSize):
            return
        if resize_for_screen(kept_window, kept_screen, screen.availableGeometry().size()):
            self.resize(_first_size())
            self.move(screen.availableGeometry().topLeft())

    def closeEvent(self, event: QCloseEvent) -> None:
        # The title bar's close button and the system's quit are spontaneous; a script's close() is not asked.
        if event.spontaneous() and not self.train_panel.may_quit():
            event.ignore()
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowSize", self.size())
        if self.screen() is not None:
            self.settings.setValue("screenSize", self.screen().availableGeometry().size())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.setValue("tab", self.tabs.currentIndex())
        self.settings.sync()
        self.tasks.shutdown()
        self.train_panel.discard_trained_files()
        super().closeEvent(event)


def _tool_button(name: str) -> QPushButton:
    button = compact_button()  # leaves the brush slider room in a small window
    button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def resize_for_screen(window: QSize, kept_on: QSize, available: QSize) -> bool:
    """Whether a window of size ``window``, kept on a screen of ``kept_on`` (its available size), should start at
    the first size on a screen of ``available``: when it does not fit there, or when it filled a smaller screen."""
    if kept_on == available:
        return False  # the same screen: the person's size stays, however small
    too_big = window.width() > available.width() or window.height() > available.height()
    filled_smaller = (window.width() >= 0.9 * kept_on.width() and window.height() >= 0.8 * kept_on.height()
                      and kept_on.width() < available.width())
    return too_big or filled_smaller


def _whole(value, default: int) -> int:
    """A whole number kept in the settings, or ``default`` where a hand-edited file holds something else."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _first_size() -> QSize:
    """1360×820, or less where the screen is smaller (a 1366×768 laptop): the window's bottom row
    (brush, undo, status bar) must never start below the screen's edge."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(*FIRST_SIZE)
    available = screen.availableGeometry()
    # Leave room for the title bar and frame that the window manager adds around the window.
    return QSize(min(FIRST_SIZE[0], available.width() - 20), min(FIRST_SIZE[1], available.height() - 60))
