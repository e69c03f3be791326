"""The DigitPad window: canvas, answer, and a window into the network."""

from __future__ import annotations

import sys
import time
import weakref
from pathlib import Path

import numpy as np

from PySide6.QtCore import QByteArray, QBuffer, QIODevice, QRectF, QSettings, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QIcon, QImage, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
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

from digitpad.app.canvas import DrawingCanvas, Stroke
from digitpad.app.colormaps import attribution_qimage
from digitpad.app.drawing_files import drawing_json, read_strokes_file, save_png_with_strokes
from digitpad.app.feature_maps import FeatureMapsPanel
from digitpad.app.prediction_view import PredictionPanel
from digitpad.app.train_panel import TrainPanel
from digitpad.app.widgets import compact_button
from digitpad.app.workers import TaskRunner
from digitpad.model.files import write_bytes_atomically
from digitpad.model.inference import NOTHING_DRAWN, Prediction, Predictor
from digitpad.model.numbers import ReadingCache, needs_splitting, number_text, read_number
from digitpad.model.saliency import METHOD as SALIENCY_METHOD
from digitpad.model.preprocessing import (
    DEFAULT_BRUSH,
    MAX_BRUSH,
    MIN_BRUSH,
    image_to_tensor,
    open_image,
    render_with_placement,
    strokes_to_tensor,
)
from digitpad.resources import bundled_model_path, resource_path

# The window's size on first start, where the screen has room for it.
FIRST_SIZE = (1360, 820)
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.pgm *.ppm);;All files (*)"


def explain_work(task, keras_model, tensor, target: int, versus: int | None):
    """Background work: integrated gradients for one answer (an Explainer per model, compiled once)."""
    from digitpad.model.saliency import Explainer

    explainer = _EXPLAINERS.get(keras_model)
    if explainer is None:
        explainer = _EXPLAINERS[keras_model] = Explainer(keras_model)
    return explainer.explain(tensor, target, versus)


_EXPLAINERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def load_predictor(task, path: str):
    """Background work.  First a quick read of the weights as data (no TensorFlow, a fraction of a
    second), reported as progress so the pad predicts at once; then the real load in Keras' safe
    mode, which validates the file and gives the Keras model that training needs."""
    from digitpad.model.inference import ModelError, Predictor
    from digitpad.model.numpy_net import UnsupportedModel

    try:
        task.report(Predictor.quick_load(path), force=True)
    except (ModelError, UnsupportedModel, OSError):
        pass  # Keras decides below, and says what is wrong
    return Predictor.load(path)


class MessageBanner(QLabel):
    """A message in the window (not a modal box): errors stay until dismissed or replaced."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()
        self._timer = QTimer(self, singleShot=True, timeout=self.hide)

    def show_error(self, text: str) -> None:
        self._show(text, "#fdecea", "#8a1c14")
        self._timer.start(15000)

    def show_info(self, text: str) -> None:
        self._show(text, "#e8f1fb", "#17406b")
        self._timer.start(6000)

    def _show(self, text: str, background: str, foreground: str) -> None:
        self.setStyleSheet(f"background:{background}; color:{foreground}; padding:6px; border-radius:4px;")
        self.setText(text)
        self.show()

    def mousePressEvent(self, event) -> None:
        self.hide()


class MainWindow(QMainWindow):
    """Build it with ``app.main.build_main_window``; the model loads in the background."""

    modelReady = Signal(object)  # the Predictor now in use, loaded by Keras (trainable)
    predictionsAvailable = Signal(object)  # a Predictor can answer (perhaps still without Keras)
    whyShown = Signal(object)  # the Attribution drawn over the pad
    predictionShown = Signal(object)  # the Prediction now on screen

    def __init__(self, settings: QSettings, data_dir: Path, model_path: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.data_dir = data_dir
        self.tasks = TaskRunner(self)
        self.predictor = None
        self._reading_cache = ReadingCache()  # a number's digits that did not change since the last event
        self.prediction: Prediction = NOTHING_DRAWN
        self._image_prediction: Prediction | None = None  # an opened image, until the next stroke
        self._requested_model = model_path
        self.setWindowTitle("DigitPad")
        icon_file = resource_path("icon.png")
        if icon_file.exists():
            self.setWindowIcon(QIcon(str(icon_file)))
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_actions()
        self._live_timer = QTimer(self, singleShot=True, timeout=self._predict_live)
        self._frame_ms = _frame_interval_ms()
        self._last_live = 0.0
        self._predict_ms = 3.0
        self._restore_settings()
        self.statusBar().showMessage("Loading TensorFlow and the model… you can start drawing.")

    # --- layout ---------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.canvas = DrawingCanvas()
        self.canvas.drawingChanged.connect(self._on_drawing_changed)
        self.canvas.strokeFinished.connect(self._on_stroke_finished)

        self.brush_slider = QSlider(Qt.Orientation.Horizontal)
        self.brush_slider.setObjectName("brushWidth")
        self.brush_slider.setRange(MIN_BRUSH, MAX_BRUSH)
        self.brush_slider.setValue(DEFAULT_BRUSH)
        self.brush_slider.setToolTip("Brush width in pixels of the 280×280 pad (the network sees the same either way)")
        self.brush_slider.setMinimumWidth(64)  # below this a slider looks like a checkbox
        self.brush_label = QLabel()
        self.brush_slider.valueChanged.connect(self._on_brush_changed)

        self.undo_button = _tool_button("Undo", "undoButton", "Undo the last stroke (Ctrl+Z)")
        self.redo_button = _tool_button("Redo", "redoButton", "Redo (Ctrl+Shift+Z)")
        self.clear_button = _tool_button("Clear", "clearButton", "Clear the pad (Esc)")
        self.undo_button.clicked.connect(self.canvas.undo)
        self.redo_button.clicked.connect(self.canvas.redo)
        self.clear_button.clicked.connect(self.clear)
        self.canvas.undoAvailable.connect(self.undo_button.setEnabled)
        self.canvas.redoAvailable.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)

        controls = QHBoxLayout()
        controls.addWidget(QLabel("Brush"))
        controls.addWidget(self.brush_slider, 1)
        controls.addWidget(self.brush_label)
        controls.addSpacing(8)
        controls.addWidget(self.undo_button)
        controls.addWidget(self.redo_button)
        controls.addWidget(self.clear_button)

        self.banner = MessageBanner()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.banner)
        left_layout.addWidget(self.canvas, 1)
        left_layout.addLayout(controls)

        self.answer = PredictionPanel()
        self.readings = None
        self._focus = 0
        self.answer.why_button.toggled.connect(lambda checked: self._update_why(not self.canvas.is_drawing()))
        self.answer.why_target.currentIndexChanged.connect(lambda index: self._update_why(not self.canvas.is_drawing()))
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.addWidget(self.answer, 1)
        middle_layout.addWidget(self._correction_row())

        self.feature_maps = FeatureMapsPanel()
        self.train_panel = TrainPanel(self)
        self.train_panel.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.modelReady.connect(self._on_first_model, Qt.ConnectionType.SingleShotConnection)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sideTabs")
        self.tabs.addTab(self.feature_maps, "Network")
        self.tabs.addTab(self.train_panel, "Train")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 5)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 340, 460])
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self._on_brush_changed(self.brush_slider.value())

    def _correction_row(self) -> QWidget:
        """Right or wrong? The answer goes into "my drawings", which the Train panel can learn from."""
        row = QWidget()
        row.setObjectName("correctionRow")
        layout = QGridLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(2)
        self.confirm_button = QPushButton("✓ Right")
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setToolTip("Keep this drawing with its label in my drawings, to train on later")
        self.confirm_button.clicked.connect(lambda: self.keep_drawing(self.prediction.label))
        self.correction_question = QLabel("Is it right?")
        self.correction_question.setObjectName("correctionQuestion")
        layout.addWidget(self.correction_question, 0, 0, 1, 4)
        layout.addWidget(self.confirm_button, 0, 4, 1, 6)
        layout.addWidget(QLabel("No, it's"), 1, 0, 1, 4)
        self.correct_buttons = []
        for digit in range(10):
            button = QPushButton(str(digit))
            button.setObjectName(f"correct{digit}")
            button.setMinimumWidth(22)
            button.setToolTip(f"The drawing is a {digit}: keep it with that label in my drawings")
            button.clicked.connect(lambda checked=False, d=digit: self.keep_drawing(d))
            layout.addWidget(button, 1 if digit < 5 else 2, 4 + digit % 5)
            self.correct_buttons.append(button)
        self._update_correction_row()
        return row

    def _update_correction_row(self) -> None:
        usable = self.prediction.label is not None and not self.canvas.is_empty() and self._image_prediction is None
        self.correction_question.setText(f"Digit {self._focus + 1}?" if self.readings else "Is it right?")
        self.confirm_button.setEnabled(usable)
        for button in self.correct_buttons:
            button.setEnabled(usable)

    def keep_drawing(self, label: int | None) -> bool:
        """Append the drawing and its right label to my drawings; of a number, only the digit the
        answer shows (a whole number kept as one digit would teach the network that numbers are digits)."""
        if label is None or self.canvas.is_empty():
            return False
        strokes = self.canvas.point_lists()
        if self.readings:
            strokes = [strokes[i] for i in self.readings[self._focus].indices]
        try:
            self.train_panel.personal.append(strokes, label)
        except (OSError, ValueError) as error:
            reason = f"{error.strerror} ({error.filename})" if isinstance(error, OSError) and error.strerror else error
            self.banner.show_error(f"Could not keep the drawing: {reason}")
            self.statusBar().clearMessage()
            return False
        self.train_panel.refresh_counts()
        count = self.train_panel.personal.count()
        what = f"Digit {self._focus + 1} kept" if self.readings else "Kept"
        self.statusBar().showMessage(f"{what} as a {label} in my drawings ({count} in all); train on them in the Train tab", 8000)
        return True

    def _on_first_model(self, predictor) -> None:
        self.train_panel.refresh_devices()
        self.modelReady.connect(lambda predictor: self._update_why(not self.canvas.is_drawing()))
        self._update_why(not self.canvas.is_drawing())

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = self._action(file_menu, "&Open drawing or image…", QKeySequence.StandardKey.Open, self.open_dialog)
        self.save_action = self._action(file_menu, "&Save drawing…", QKeySequence.StandardKey.Save, self.save_dialog)
        file_menu.addSeparator()
        self.load_model_action = self._action(file_menu, "&Load model…", "Ctrl+L", self.load_model_dialog)
        self.revert_action = self._action(file_menu, "&Revert to bundled model", None, self.revert_to_bundled_model)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self._action(edit_menu, "&Undo stroke", QKeySequence.StandardKey.Undo, self.canvas.undo)
        self.redo_action = self._action(edit_menu, "&Redo stroke", "Ctrl+Shift+Z", self.canvas.redo)
        self.clear_action = self._action(edit_menu, "&Clear", "Esc", self.clear)
        edit_menu.addSeparator()
        self._action(edit_menu, "Thinner brush", "[", lambda: self.brush_slider.setValue(self.brush_slider.value() - 2))
        self._action(edit_menu, "Thicker brush", "]", lambda: self.brush_slider.setValue(self.brush_slider.value() + 2))

        view_menu = self.menuBar().addMenu("&View")
        self._action(view_menu, "&Network", "Ctrl+1", lambda: self.tabs.setCurrentIndex(0))
        self._action(view_menu, "&Train", "Ctrl+2", lambda: self.tabs.setCurrentIndex(1))
        self.view_menu = view_menu

        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&About DigitPad", None, self._about)

    def _action(self, menu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    # --- the model --------------------------------------------------------------------

    def start_loading_model(self) -> None:
        """Load the requested, last used or bundled model off the GUI thread."""
        path = self._requested_model or self.settings.value("lastModel", "", str) or str(bundled_model_path())
        self._load_model(path, fall_back=True)

    def _load_model(self, path: str, fall_back: bool = False) -> None:
        started = time.perf_counter()
        previous = self.predictor
        task = self.tasks.start("load-model", load_predictor, path)
        self.statusBar().showMessage(f"Loading {Path(path).name}…")
        task.progress.connect(self._use_quick_predictor)
        task.succeeded.connect(lambda predictor: self.use_predictor(predictor, time.perf_counter() - started))
        task.failed.connect(lambda message: self._on_model_failed(message, path, fall_back, previous))

    def _use_quick_predictor(self, predictor) -> None:
        """Predict with the weights read as data while Keras is still loading the model."""
        if not isinstance(predictor, Predictor):
            return
        self._install(predictor)
        self.statusBar().showMessage("Model ready; loading TensorFlow for training in the background…")
        self.predictionsAvailable.emit(predictor)

    def _on_model_failed(self, message: str, path: str, fall_back: bool, previous=None) -> None:
        bundled = str(bundled_model_path())
        if self.predictor is not None and self.predictor.model is None and self.predictor.source == path:
            # The quick read worked but Keras refused the file: do not keep using it.
            self.predictor = previous
            if previous is not None:
                self._install(previous)
            else:
                self.feature_maps.set_activations(None)
                self.predict_now()
        self.banner.show_error(f"Could not load the model: {message}")
        if fall_back and path != bundled:
            self.settings.remove("lastModel")
            self._load_model(bundled)
        elif self.predictor is None:
            self.statusBar().showMessage("No model: load one with File > Load model…")
        else:
            self.statusBar().showMessage(f"Still using {self.model_name()}")

    def _install(self, predictor) -> None:
        quick = self.predictor
        same_layers = quick is not None and quick.layers == predictor.layers
        self.predictor = predictor
        if not same_layers:
            self.feature_maps.set_layers(predictor.layers, predictor.kernels)
        else:
            self.feature_maps.set_kernel_lookup(predictor.kernels)
        self.predict_now()

    def use_predictor(self, predictor, seconds: float | None = None) -> None:
        """Swap in a model (loaded or just trained); the current drawing is predicted again."""
        quick = self.predictor
        if quick is not None and quick.model is None and quick.net is not None and predictor.net is not None:
            if not quick.net.same_weights_as(predictor.net):  # the quick read must agree with Keras
                print("digitpad: the quick model read differed from Keras'; using Keras'", file=sys.stderr)
        self._install(predictor)
        source = predictor.source or "trained model"
        if source != str(bundled_model_path()) and Path(source).is_file():
            self.settings.setValue("lastModel", source)
        elif source == str(bundled_model_path()):
            self.settings.remove("lastModel")
        took = f" in {seconds:.1f} s" if seconds is not None else ""
        self.statusBar().showMessage(f"Model ready: {self.model_name()}, {predictor.parameter_count:,} parameters{took}")
        self.predictionsAvailable.emit(predictor)
        self.modelReady.emit(predictor)

    def model_name(self) -> str:
        if self.predictor is None:
            return "no model"
        source = self.predictor.source
        if source == str(bundled_model_path()):
            return "bundled model"
        return Path(source).name if source else "newly trained model"

    @Slot()
    def load_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Load model", str(Path.home()), "Keras models (*.keras)")
        if path:
            self._load_model(path)

    @Slot()
    def revert_to_bundled_model(self) -> None:
        self._load_model(str(bundled_model_path()))

    # --- prediction -------------------------------------------------------------------

    def _on_drawing_changed(self) -> None:
        """Live prediction while the pen moves, about once per screen frame: at once if the last one
        is a frame old, else as soon as it will be, less the time a prediction takes, so that the
        answer to a mouse move is on screen within one frame."""
        if not self.canvas.is_drawing():
            return
        self._image_prediction = None
        if self._live_timer.isActive():
            return
        spacing = max(1.0, self._frame_ms - self._predict_ms)
        since = (time.perf_counter() - self._last_live) * 1000
        if since >= spacing:
            self._predict_live()
        else:
            self._live_timer.start(max(1, int(spacing - since)))

    def _on_stroke_finished(self) -> None:
        self._live_timer.stop()
        self.predict_now()

    def _predict_live(self) -> None:
        self._last_live = time.perf_counter()
        self.predict_now(final=not self.canvas.is_drawing())
        took = (time.perf_counter() - self._last_live) * 1000
        self._predict_ms = 0.8 * self._predict_ms + 0.2 * took  # a running average

    def current_tensor(self):
        if self._image_prediction is not None:
            return self._image_prediction.tensor
        if self.canvas.is_empty():
            return None
        return strokes_to_tensor(self.canvas.point_lists())

    def predict_now(self, final: bool = True) -> Prediction:
        """Predict what is on the pad and show it (a no-op until a model is loaded).

        A drawing of several digits side by side is read as a number; the chart, the
        preview and the feature maps then show the digit being drawn (the last stroke's)."""
        if self.predictor is None:
            tensor = self.current_tensor()
            self.answer.preview.set_tensor(tensor)
            if tensor is not None:
                self.answer.show_waiting("Loading the model…")
            return NOTHING_DRAWN
        readings = self._read_number()
        if readings:
            last_stroke = max(max(r.indices) for r in readings)
            focus = next(i for i, r in enumerate(readings) if last_stroke in r.indices)
            prediction = self.predictor.predict_tensor(readings[focus].tensor)
            self.show_prediction(prediction, final, readings, focus)
            return prediction
        prediction = self.predictor.predict_tensor(self.current_tensor())
        self.show_prediction(prediction, final)
        return prediction

    def _read_number(self):
        """The digits of a drawing that holds several side by side, else None."""
        if self._image_prediction is not None or self.canvas.is_empty():
            return None
        strokes = self.canvas.point_lists()
        if not needs_splitting(strokes):
            return None
        readings = read_number(self.predictor, strokes, cache=self._reading_cache)
        return readings if len(readings) > 1 else None

    def show_prediction(self, prediction: Prediction, final: bool = True, readings=None, focus: int = 0) -> None:
        self.prediction = prediction
        self.readings = readings
        self._focus = focus
        number = number_text(readings) if readings else None
        digits = [r.prediction for r in readings or []]
        unsure = [digit.is_unsure for digit in digits]
        # The number is only as sure as its least sure digit: name the doubtful ones besides the focus.
        doubts = [f"digit {i + 1}: {digit.label} or {digit.runner_up}?"
                  for i, digit in enumerate(digits) if digit.is_unsure and i != focus]
        self.answer.show_prediction(prediction, final, number, focus, doubts)
        self.canvas.set_digit_boxes(
            [(r.box, f"{r.label}?" if unsure[i] else str(r.label), i == focus, unsure[i])
             for i, r in enumerate(readings)] if readings else [])
        self.feature_maps.set_activations(prediction.activations)
        self._update_correction_row()
        self._update_why(final)
        self.predictionShown.emit(prediction)

    # --- why? -------------------------------------------------------------------------

    def _update_why(self, final: bool = True) -> None:
        """Explain the answer on screen (at pen-up, off the GUI thread) while "Why?" is on."""
        self.canvas.set_heatmap(None)
        self.answer.preview.set_overlay(None)
        caption = self.answer.why_caption
        prediction = self.prediction
        if not self.answer.why_button.isChecked() or prediction.label is None:
            caption.setText("")
            return
        if not final:
            caption.setText("Explaining when you lift the pen…")
            return
        if self.predictor is None or self.predictor.model is None:
            caption.setText("Waiting for TensorFlow to load…")
            return
        versus = prediction.runner_up if self.answer.why_target.currentData() == "versus" else None
        strokes = None
        if self._image_prediction is None:
            strokes = self.readings[self._focus].strokes if self.readings else self.canvas.point_lists()
        task = self.tasks.start("explain", explain_work, self.predictor.model, prediction.tensor, prediction.label, versus)
        task.succeeded.connect(lambda attribution, shown=prediction: self._show_why(attribution, shown, strokes))
        task.failed.connect(lambda message: caption.setText(f"Could not explain: {message}"))

    def _show_why(self, attribution, shown: Prediction, strokes) -> None:
        if shown is not self.prediction:
            return  # the drawing changed meanwhile
        signed = attribution.versus is not None
        image = attribution_qimage(attribution.values, signed)
        self.answer.preview.set_overlay(image)
        if strokes:
            placement = render_with_placement([np.asarray(s, float) for s in strokes])[1]
            (x0, y0), (x1, y1) = placement.to_canvas(np.array([[0.0, 0.0], [28.0, 28.0]]))
            self.canvas.set_heatmap(image, QRectF(x0, y0, x1 - x0, y1 - y0))
        if signed:
            text = (f"Why {attribution.target} and not {attribution.versus}: red pushed toward "
                    f"{attribution.target}, blue toward {attribution.versus}.")
        else:
            text = f"Red: what pushed the network toward {attribution.target}."
        self.answer.why_caption.setText(f"{text} Method: {SALIENCY_METHOD}.")
        self.whyShown.emit(attribution)

    # --- editing ----------------------------------------------------------------------

    @Slot()
    def clear(self) -> None:
        self._image_prediction = None
        self.canvas.set_background(None)
        self.canvas.clear()
        self.predict_now()

    def _on_brush_changed(self, value: int) -> None:
        self.canvas.set_brush_width(value)
        self.brush_label.setText(f"{value} px")
        self.settings.setValue("brushWidth", value)

    # --- files ------------------------------------------------------------------------

    @Slot()
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open drawing or image", str(Path.home()), f"Drawings and images (*.json *.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;{IMAGE_FILTER}"
        )
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path) -> bool:
        """Open a saved drawing (.json or DigitPad PNG) as strokes, or any image as an image.

        A file that cannot be used leaves the pad as it was and says why.
        """
        path = Path(path)
        try:
            drawing = read_strokes_file(path)
            if drawing is not None:
                record, widths = drawing
                self._open_strokes(record.strokes, widths)
            else:
                self._open_image(path)
        except ValueError as error:
            self.banner.show_error(f"Could not open {path.name}: {_strip_path(str(error), path)}")
            return False
        self.statusBar().showMessage(f"Opened {path.name}")
        return True

    def _open_strokes(self, strokes, widths: list[float]) -> None:
        brush = self.canvas.brush_width
        drawing = tuple(
            Stroke(tuple((float(x), float(y)) for x, y in points), widths[i] if i < len(widths) else brush)
            for i, points in enumerate(strokes)
        )
        self._image_prediction = None
        self.canvas.set_background(None)
        self.canvas.set_strokes(drawing)

    def _open_image(self, path: Path) -> None:
        with open_image(path) as image:
            tensor = image_to_tensor(image)
            shown = QImage(str(path))
        if tensor is None:
            raise ValueError("the image is blank: there is no digit in it")
        self._image_prediction = Prediction(label=None, tensor=tensor)
        self.canvas.set_background(shown if not shown.isNull() else None)
        self.canvas.clear()
        self.predict_now()

    @Slot()
    def save_dialog(self) -> None:
        if self.canvas.is_empty():
            self.banner.show_info("Nothing to save yet: draw a digit first.")
            return
        path, chosen = QFileDialog.getSaveFileName(
            self, "Save drawing", str(Path.home() / "digit.png"), "PNG image with strokes (*.png);;Strokes JSON (*.json)"
        )
        if path:
            self.save_drawing(path)

    def save_drawing(self, path: str | Path) -> bool:
        """Write the drawing as a PNG (with its strokes inside) or as strokes JSON."""
        path = Path(path)
        if path.suffix.lower() not in (".png", ".json"):
            path = path.with_suffix(".png")
        strokes = self.canvas.strokes()
        text = drawing_json([list(s.points) for s in strokes], [s.width for s in strokes])
        try:
            if path.suffix.lower() == ".json":
                write_bytes_atomically(path, (text + "\n").encode("utf-8"))
            else:
                save_png_with_strokes(path, _png_bytes(self.canvas.render_image()), text)
        except OSError as error:
            self.banner.show_error(f"Could not save {path.name}: {error.strerror or error}")
            return False
        self.statusBar().showMessage(f"Saved {path}")
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            self.open_file(files[0])
            event.acceptProposedAction()

    # --- settings and closing -----------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(_first_size())
        splitter = self.settings.value("splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        brush = self.settings.value("brushWidth", DEFAULT_BRUSH)
        try:
            self.brush_slider.setValue(int(brush))
        except (TypeError, ValueError):
            self.brush_slider.setValue(DEFAULT_BRUSH)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.sync()
        self.tasks.shutdown()
        super().closeEvent(event)

    def _about(self) -> None:
        self.banner.show_info(
            "DigitPad: draw a digit, watch a convnet read it. The network is the Keras MNIST convnet "
            "(Conv32–Pool–Conv64–Pool–Conv64–Dense64–Dense10)."
        )


def _tool_button(text: str, name: str, tip: str) -> QPushButton:
    button = compact_button(text)  # leaves the brush slider room in a small window
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def _first_size() -> QSize:
    """1360×820, or less where the screen is smaller (a 1366×768 laptop): the window's bottom row
    (brush, undo, status bar) must never start below the screen's edge."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(*FIRST_SIZE)
    available = screen.availableGeometry()
    # Leave room for the title bar and frame that the window manager adds around the window.
    return QSize(min(FIRST_SIZE[0], available.width() - 20), min(FIRST_SIZE[1], available.height() - 60))


def _frame_interval_ms() -> int:
    """One frame of the screen (16 ms at 60 Hz): live predictions come no faster than that."""
    screen = QGuiApplication.primaryScreen()
    rate = screen.refreshRate() if screen is not None else 60.0
    return max(4, int(1000 / (rate if rate and rate > 1 else 60.0)))


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _strip_path(message: str, path: Path) -> str:
    """Messages from the model core start with the path; the window already names the file."""
    prefix = f"{path}: "
    return message[len(prefix):] if message.startswith(prefix) else message
