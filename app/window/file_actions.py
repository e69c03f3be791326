"""The File menu's work: opening drawings and images, saving drawings, exporting the model.

A file that cannot be used leaves the pad as it was and says why in the message banner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader
from PySide6.QtWidgets import QWidget

from digitpad.app.common import file_dialogs
from digitpad.app.common.file_words import file_problem_text, os_error_text, reason_text
from digitpad.app.common.tasks import Task, TaskRunner
from digitpad.app.pad.canvas import DrawingCanvas, Stroke
from digitpad.model.files.drawings import read_strokes_file, save_drawing_json, save_png_with_strokes
from digitpad.model.ink.images import open_image, orientation, pixels_to_show, read_image, turn_upright
from digitpad.model.numbers import read_image_number
from digitpad.model.session import Session
from digitpad.model.training.export_formats import default_suffix, onnx_available
from digitpad.model.words import FileProblem

# The pad is a few hundred pixels across: a photo wider or taller than this is shown from a smaller copy.
SHOWN_AT_MOST = 4096
# A scanner often saves a page as a PDF: listed, so that choosing one says how to save it as an image (hidden, it
# was reached only by typing its name).
IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.heic *.heif *.bmp *.gif *.tif *.tiff *.webp *.pgm *.ppm *.pdf"


class FileActions(QObject):
    """Open, save and export for the window; results go to ``status`` and ``error``."""

    status = Signal(object)  # a passing message for the status bar (language.Message)
    error = Signal(str)
    info = Signal(str)

    def __init__(self, window: QWidget, canvas: DrawingCanvas, session: Session, tasks: TaskRunner) -> None:
        super().__init__(window)
        self.window, self.canvas, self.session, self.tasks = window, canvas, session, tasks

    # --- open ------------------------------------------------------------------------------

    def open_dialog(self) -> None:
        path = file_dialogs.open_file(
            self.window, file_dialogs.DRAWINGS, self.tr("Open drawing or image"),
            self.tr("Drawings and images ({patterns});;All files (*)").format(patterns=f"*.json {IMAGE_PATTERNS}"))
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path) -> Task:
        """Open a saved drawing (.json or DigitPad PNG) as strokes, or any image as an image.

        The file is read, and a photo's ink found, on a pool thread: a phone's photo takes half a
        second, and the window stays responsive meanwhile.  If the pad changes meanwhile (a stroke, Clear,
        Undo, another image), what the person did stays and the file is not shown.  The task says how it
        went."""
        path = Path(path)
        asked_at = self.canvas.revision()
        task = self.tasks.start("open-file", _read_file, path, self.session.shown_predictor)
        self.status.emit(lambda: self.tr("Opening {file}…").format(file=path.name))
        task.succeeded.connect(lambda contents: self._show_opened(path, contents, asked_at))
        task.failed.connect(lambda reason: self._not_opened(path, reason, task.failure))
        return task

    def _not_opened(self, path: Path, reason: str, failure: Exception | None) -> None:
        self.status.emit("")  # "Opening…" is over
        if isinstance(failure, FileProblem):  # the core's reason, in the window's language
            reason = file_problem_text(failure.reason)
        else:
            reason = _strip_path(reason, path)
        self.error.emit(self.tr("Could not open {file}: {reason}").format(file=path.name, reason=reason))

    def _show_opened(self, path: Path, contents: tuple, asked_at: int) -> None:
        if self.canvas.revision() != asked_at:
            self.status.emit("")
            self.info.emit(self.tr("{file} was not shown: the pad changed while it was being read. Open it again "
                                   "to show it.").format(file=path.name))
            return
        if contents[0] == "strokes":
            self._open_strokes(*contents[1:])
        else:
            _, shown, reading, predictor, digits = contents
            if predictor is not None:
                self.session.know_image_digits(predictor, reading, digits)
            self.show_image(shown, reading)
        self.status.emit(lambda: self.tr("Opened {file}").format(file=path.name))

    def _open_strokes(self, strokes, widths: list[float]) -> None:
        brush = self.canvas.brush_width
        drawing = tuple(
            Stroke(tuple((float(x), float(y)) for x, y in points), widths[i] if i < len(widths) else brush)
            for i, points in enumerate(strokes)
        )
        self.canvas.set_strokes(drawing)

    def show_image(self, shown: QImage, reading) -> None:
        """Put an image on the pad (undoable) and read it; the session reads it when the pad shows it."""
        self.canvas.set_background(shown, reading)
        if self.session.reading.image is not reading:
            self.session.show_image(reading)

    # --- save ------------------------------------------------------------------------------

    def save_dialog(self) -> None:
        if self.canvas.is_empty() and self.canvas.has_background():  # "draw a digit first" over a read photo
            self.info.emit(self.tr("The pad shows an opened image, which is a file already: Save drawing saves the "
                                   "strokes you draw. To save strokes over the image, choose Edit > Draw over the "
                                   "image (Ctrl+D) first."))
            return
        if self.canvas.is_empty():
            self.info.emit(self.tr("Nothing to save yet: draw a digit first."))
            return
        name = "number.png" if self.session.reading.digits else "digit.png"
        path, _ = file_dialogs.save_file(self.window, file_dialogs.DRAWINGS, self.tr("Save drawing"), name,
                                         self.tr("PNG image with strokes (*.png);;Strokes JSON (*.json)"))
        if path:
            self.save_drawing(path)

    def save_drawing(self, path: str | Path) -> bool:
        """Write the drawing as a PNG (with its strokes inside) or as strokes JSON."""
        path = Path(path)
        if path.suffix.lower() not in (".png", ".json"):
            path = path.with_suffix(".png")
        strokes = self.canvas.strokes()
        points, widths = [s.points for s in strokes], [s.width for s in strokes]
        try:
            if path.suffix.lower() == ".json":
                save_drawing_json(path, points, widths)
            else:
                save_png_with_strokes(path, _png_bytes(self.canvas.render_image()), points, widths)
        except OSError as error:
            self.error.emit(self.tr("Could not save {file}: {reason}").format(
                file=path.name, reason=os_error_text(error)))
            return False
        self.status.emit(lambda: self.tr("Saved {path}").format(path=path))
        return True

    # --- export ----------------------------------------------------------------------------

    def export_dialog(self) -> None:
        """Write the model in use for phones (TensorFlow Lite), servers (SavedModel) or any Keras."""
        if self.session.predictor is None:
            self.info.emit(self.tr("The model is still loading; export it in a moment."))
            return
        filters = {self.tr("TensorFlow Lite for phones (*.tflite)"): "tflite",
                   self.tr("Keras model (*.keras)"): "keras",
                   self.tr("TensorFlow SavedModel for serving (a folder)"): "savedmodel"}
        if onnx_available():
            filters[self.tr("ONNX (*.onnx)")] = "onnx"
        path, chosen = file_dialogs.save_file(self.window, file_dialogs.MODELS, self.tr("Export model"),
                                              "digitpad.tflite", ";;".join(filters))
        if path:
            self.export_model(filters.get(chosen, "tflite"), path)

    def export_model(self, format: str, path: str | Path):
        """Export the model in use in TensorFlow's process; the status bar says when it is written and checked."""
        path = Path(path)
        suffix = default_suffix(format)
        if suffix and path.suffix != suffix:
            path = path.with_suffix(suffix)
        task = self.tasks.start_in_worker("export", "export", self.session.predictor.source, format, str(path))
        self.status.emit(lambda: self.tr("Exporting to {file}…").format(file=path.name))
        task.succeeded.connect(lambda report: self.status.emit(lambda: self.tr(
            "Exported {path} and checked it on %Ln drawing(s)", "", report.checked).format(path=report.path)))
        task.failed.connect(lambda message: self.error.emit(self.tr("Could not export the model: {reason}").format(
            reason=reason_text(task.failure or message))))
        return task


def _read_file(task: Task, path: Path, predictor) -> tuple:
    """On a pool thread: ("strokes", strokes, widths) for a saved drawing, else ("image", shown, reading,
    predictor, digits): an image, its ink and, with a network, the digits it reads there.

    Blank paper reads as nothing, never as a digit.  QImage, unlike QPixmap, may be made off the GUI thread;
    the numpy network only reads its weights, so it may read on any thread."""
    drawing = read_strokes_file(path)
    if drawing is not None:
        record, widths = drawing
        return "strokes", record.strokes, widths
    with open_image(path, upright=False) as image:
        if task.is_cancelled():  # another file was opened meanwhile: stop between the slow steps
            return None
        turned = orientation(image) != 1
        turn_upright(image)
        reading = read_image(image)
        shown = _image_to_show(path, image, turned)
    if task.is_cancelled():
        return None
    digits = read_image_number(predictor, reading) if predictor is not None else []
    return "image", shown, reading, predictor, digits


def _image_to_show(path: Path, image, turned: bool) -> QImage:
    """The pad's picture of ``image`` (Pillow's, upright, as it was read).  Qt decodes it again, turned as its
    orientation tag says: that holds the GIL for less time than copying Pillow's pixels (5 ms against 25 ms at
    a time for 12 MP) and gives the format Qt paints fastest.  Pillow's pixels are shown when Qt cannot
    decode the file, did not turn it as Pillow did, or the image is over SHOWN_AT_MOST pixels across."""
    if max(image.size) <= SHOWN_AT_MOST:
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        shown = reader.read()
        qt_turned = reader.transformation() != QImageIOHandler.Transformation.TransformationNone
        if not shown.isNull() and (shown.width(), shown.height()) == image.size and qt_turned == turned:
            return _fast_to_paint(shown)
    return _pillow_copy(image)


def _fast_to_paint(image: QImage) -> QImage:
    """``image`` in a format Qt paints without converting it first: a CMYK JPEG as Qt decodes it took 30 ms
    of the GUI thread at every repaint of the pad (RGB32, 1 ms)."""
    fast = (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied)
    if image.format() in fast:
        return image
    return image.convertToFormat(fast[1] if image.hasAlphaChannel() else fast[0])


def _pillow_copy(image) -> QImage:
    """Pillow's pixels, at most SHOWN_AT_MOST pixels across: Qt refuses to decode an image over 256 MB (a
    12,000×12,000 photo), and the whole of one took 0.6 GB."""
    pixels = pixels_to_show(image, SHOWN_AT_MOST)
    height, width = pixels.shape[:2]
    # Converted here, on the pool thread, into the format Qt paints fastest (a copy that owns its pixels):
    # RGBA8888 was converted on the GUI thread at every paint.
    opaque = bool((pixels[..., 3] == 255).all())
    shown = QImage(pixels.data, width, height, 4 * width, QImage.Format.Format_RGBA8888).convertToFormat(
        QImage.Format.Format_RGB32 if opaque else QImage.Format.Format_ARGB32_Premultiplied)  # _fast_to_paint
    shown.setDevicePixelRatio(width / image.width)  # its size stays the photo's, where the boxes are
    return shown


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
