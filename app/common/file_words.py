"""The core's reasons in the window's language: why a file (a drawing, an image, a model, training data) could not
be opened or written, and why a training stopped.

The core says them in English (``model.words.FileProblem`` and ``Words``, as the command line prints them) and
keeps each reason's template and values; the window looks the template up here, in the context "FileProblem", and fills
in the same values.  ``tests/test_languages.py`` checks that the list holds every template the core uses.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from digitpad.model.words import FileProblem, Words

TEMPLATES = (
    QT_TRANSLATE_NOOP("FileProblem", "no such file"),
    QT_TRANSLATE_NOOP("FileProblem", "is a folder, not an image"),
    QT_TRANSLATE_NOOP("FileProblem", "the image is too large to open safely ({error})"),
    QT_TRANSLATE_NOOP("FileProblem", "a HEIC/HEIF photo (an iPhone's); reading one needs pi-heif: pip install pi-heif"),
    QT_TRANSLATE_NOOP("FileProblem", "a PDF, not an image; save the scanned page as PNG or JPEG"),
    QT_TRANSLATE_NOOP("FileProblem", "not an image DigitPad can read; save it as PNG or JPEG"),
    QT_TRANSLATE_NOOP("FileProblem", "its name ends in {suffix} but it holds no image: it is damaged, or another kind "
                                     "of file renamed"),
    QT_TRANSLATE_NOOP("FileProblem", "the image is damaged or truncated ({error})"),
    QT_TRANSLATE_NOOP("FileProblem", "the file is larger than {megabytes} MB (the limit for a drawing); it is not a "
                                     "drawing"),
    QT_TRANSLATE_NOOP("FileProblem", "cannot read ({error})"),
    QT_TRANSLATE_NOOP("FileProblem", "the file is empty"),
    QT_TRANSLATE_NOOP("FileProblem", "no such model file"),
    QT_TRANSLATE_NOOP("FileProblem", "not a .keras model file (DigitPad reads Keras 3 .keras files only)"),
    QT_TRANSLATE_NOOP("FileProblem", "the file is {size:,.0f} MB; DigitPad opens models of up to {limit} MB"),
    QT_TRANSLATE_NOOP("FileProblem", "not a Keras model (the file is corrupt or truncated)"),
    QT_TRANSLATE_NOOP("FileProblem", "not a Keras model (the file is corrupt or truncated: {error})"),
    QT_TRANSLATE_NOOP("FileProblem", "not a DigitPad model: the archive holds {name!r} (expected only {names})"),
    QT_TRANSLATE_NOOP("FileProblem", "not a Keras model (no {member} in the archive)"),
    QT_TRANSLATE_NOOP("FileProblem", "its {member} would inflate to {size:,.1f} MB; the limit is {limit:g} MB"),
    QT_TRANSLATE_NOOP("FileProblem", "its {member} is compressed {ratio:,.0f}:1, which no model is (the limit is "
                                     "{limit}:1)"),
    QT_TRANSLATE_NOOP("FileProblem", "its {member} inflates beyond {limit:g} MB (the limit), more than the archive "
                                     "declares"),
    # training data that cannot be opened (model.files.datasets)
    QT_TRANSLATE_NOOP("FileProblem", "no such file or folder"),
    QT_TRANSLATE_NOOP("FileProblem", "no such file or folder (expected MNIST as a .npz file or a folder of IDX "
                                     "files)"),
    QT_TRANSLATE_NOOP("FileProblem", "not a readable MNIST .npz (an .npz is a zip archive, and this file is not one)"),
    QT_TRANSLATE_NOOP("FileProblem", "not a readable MNIST .npz ({error})"),
    QT_TRANSLATE_NOOP("FileProblem", "no {stem} or {stem}.gz in this folder (expected the four MNIST IDX files)"),
    QT_TRANSLATE_NOOP("FileProblem", "not an IDX file (bad magic number)"),
    QT_TRANSLATE_NOOP("FileProblem", "IDX data type 0x{code:02x} is not unsigned bytes (0x08)"),
    QT_TRANSLATE_NOOP("FileProblem", "truncated IDX header"),
    QT_TRANSLATE_NOOP("FileProblem", "is a folder, not a stroke file"),
    # MNIST whose arrays are not MNIST's, found when a training reads it (model.files.datasets)
    QT_TRANSLATE_NOOP("FileProblem", "missing arrays {missing} (found {found}; expected x_train, y_train, x_test, "
                                     "y_test)"),
    QT_TRANSLATE_NOOP("FileProblem", "not a readable .npz archive ({error})"),
    QT_TRANSLATE_NOOP("FileProblem", "IDX header says {expected} bytes of data for shape {shape}, file has {found}"),
    QT_TRANSLATE_NOOP("FileProblem", "x_{split} has shape {shape}, expected (n, 28, 28)"),
    QT_TRANSLATE_NOOP("FileProblem", "y_{split} has shape {shape}, expected ({count},)"),
    QT_TRANSLATE_NOOP("FileProblem", "x_{split} must hold integers 0..255, got dtype {dtype}"),
    QT_TRANSLATE_NOOP("FileProblem", "y_{split} must hold digit labels 0..9, got dtype {dtype}"),
    QT_TRANSLATE_NOOP("FileProblem", "x_{split} is empty"),
    # a drawing, or a line of a stroke file, that is not one (model.files.datasets, model.ink.preprocessing)
    QT_TRANSLATE_NOOP("FileProblem", "not valid JSON ({error} at column {column})"),
    QT_TRANSLATE_NOOP("FileProblem", "not valid JSON ({error})"),
    QT_TRANSLATE_NOOP("FileProblem", 'expected a JSON object with a "strokes" list'),
    QT_TRANSLATE_NOOP("FileProblem", '"width" and "height" must be numbers'),
    QT_TRANSLATE_NOOP("FileProblem", '"label" must be a digit 0..9, got {label!r}'),
    QT_TRANSLATE_NOOP("FileProblem", 'no "label" (a digit 0..9 is needed here)'),
    QT_TRANSLATE_NOOP("FileProblem", "the line is longer than {megabytes} MB (the limit); it is not a drawing"),
    QT_TRANSLATE_NOOP("FileProblem", "the drawing has more than {limit:,} points (the limit); it is not a drawing"),
    QT_TRANSLATE_NOOP("FileProblem", "strokes must be a list of strokes, each a list of [x, y] points"),
    QT_TRANSLATE_NOOP("FileProblem", "stroke {stroke} is not a list of [x, y] number pairs"),
    QT_TRANSLATE_NOOP("FileProblem", "stroke {stroke}, point {point} is not a finite number"),
    QT_TRANSLATE_NOOP("FileProblem", "stroke {stroke} has a coordinate beyond ±{limit:g}; the drawing is not in pixel "
                                     "units"),
    QT_TRANSLATE_NOOP("FileProblem", "the drawing box must have a positive width and height, got {box!r}"),
    # a model Keras refuses, or one that cannot be saved or exported (model.training)
    QT_TRANSLATE_NOOP("FileProblem", "cannot be loaded: {error}"),
    QT_TRANSLATE_NOOP("FileProblem", "cannot be loaded: it contains code (a Lambda layer), which DigitPad refuses to "
                                     "run"),
    QT_TRANSLATE_NOOP("FileProblem", "does not hold a Keras model"),
    QT_TRANSLATE_NOOP("FileProblem", "model files must end in .keras"),
    QT_TRANSLATE_NOOP("FileProblem", "no such folder"),
    QT_TRANSLATE_NOOP("FileProblem", "could not save the model ({error}); the old file is unchanged"),
    QT_TRANSLATE_NOOP("FileProblem", "a Keras model file must end in .keras"),
    QT_TRANSLATE_NOOP("FileProblem", "a TensorFlow Lite file must end in .tflite"),
    QT_TRANSLATE_NOOP("FileProblem", "ONNX export needs tf2onnx and onnxruntime: pip install 'digitpad[onnx]'"),
    QT_TRANSLATE_NOOP("FileProblem", "could not write the export ({error})"),
    QT_TRANSLATE_NOOP("FileProblem", "the export gives shape {shape}, not {expected}; nothing was written"),
    QT_TRANSLATE_NOOP("FileProblem", "the export's probabilities differ from the model's by {difference:.2g} (more "
                                     "than {tolerance:g}); nothing was written"),
    QT_TRANSLATE_NOOP("FileProblem", "{error}"),  # any other reason, as the core said it
    # a line of my drawings that is skipped (model.files.my_drawings)
    QT_TRANSLATE_NOOP("FileProblem", "skipped a damaged drawing ({place}: {reason})"),
    QT_TRANSLATE_NOOP("FileProblem", "skipped a damaged drawing ({error})"),
    QT_TRANSLATE_NOOP("FileProblem", "skipped {place}: it has no label"),
    # why a training stopped (model.training, model.errors)
    QT_TRANSLATE_NOOP("FileProblem", "the loss became {loss} at epoch {epoch}, batch {batch}; lower the learning rate "
                                     "and train again"),
    QT_TRANSLATE_NOOP("FileProblem", "out of memory on {device} at batch size {batch_size}; try a smaller batch size"),
    QT_TRANSLATE_NOOP("FileProblem", "out of memory; try a smaller batch size or fewer drawings"),
    # why a model file's network cannot run in the window (model.network.numpy_net, model.network.layers)
    QT_TRANSLATE_NOOP("FileProblem", "not a Keras model (its config.json is not readable JSON: {error})"),
    QT_TRANSLATE_NOOP("FileProblem", "not a Keras model (its weights are not readable)"),
    QT_TRANSLATE_NOOP("FileProblem", "not a Keras model (its config has no list of layers)"),
    QT_TRANSLATE_NOOP("FileProblem", "DigitPad runs Sequential models only"),
    QT_TRANSLATE_NOOP("FileProblem", "DigitPad runs Keras Sequential models only; this is {kind!r}"),
    QT_TRANSLATE_NOOP("FileProblem", "it contains code (a Lambda layer), which DigitPad refuses to run"),
    QT_TRANSLATE_NOOP("FileProblem", "layer {kind!r} is not one DigitPad runs (it runs {kinds})"),
    QT_TRANSLATE_NOOP("FileProblem", "layer {kind!r} has no readable config"),
    QT_TRANSLATE_NOOP("FileProblem", "the model reads images of shape {shape}, DigitPad needs 28×28×1"),
    QT_TRANSLATE_NOOP("FileProblem", "the model has output shape {shape}, DigitPad needs 10 digit probabilities"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: a softmax before the last layer is not one DigitPad runs"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: only channels_last maps run in DigitPad"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: activation {activation!r} is not one DigitPad runs ({activations})"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: it has {count} weight arrays; a {kind} with its settings has {expected}"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: dilated or grouped convolutions do not run in DigitPad"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: a dropout rate must be a number from 0 to below 1, not {rate!r}"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: global pooling that keeps its dimensions does not run in DigitPad"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: only BatchNormalization over the channels (axis −1) runs in DigitPad"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: epsilon must be a small positive number, not {epsilon!r}"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: its statistics are not one number per channel with a variance ≥ 0"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: its {what} {value!r} is not a positive whole number"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: its {what} {value!r} is not square; DigitPad runs square ones only"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: its {what} {size} is larger than any 28×28 model needs"),
    QT_TRANSLATE_NOOP("FileProblem", "dilation rate"),
    QT_TRANSLATE_NOOP("FileProblem", "stride"),
    QT_TRANSLATE_NOOP("FileProblem", "pool size"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: padding {padding!r} does not run in DigitPad (valid or same only)"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: a {kind} needs maps (height × width × channels), it gets {shape}"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: kernel {kernel} does not fit input {shape}"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: a {rows}×{cols} window does not fit the {height}×{width} map"),
    QT_TRANSLATE_NOOP("FileProblem", "{name}: its statistics do not fit input {shape}"),
)


# What the operating system says of the commonest file errors, in English as Python gives it (C's strerror):
# inside a translated reason it was the one English phrase left ("저장할 수 없습니다: No space left on device").
SYSTEM_ERRORS = frozenset((
    QT_TRANSLATE_NOOP("SystemError", "No such file or directory"),
    QT_TRANSLATE_NOOP("SystemError", "Permission denied"),
    QT_TRANSLATE_NOOP("SystemError", "No space left on device"),
    QT_TRANSLATE_NOOP("SystemError", "Read-only file system"),
    QT_TRANSLATE_NOOP("SystemError", "Is a directory"),
    QT_TRANSLATE_NOOP("SystemError", "Not a directory"),
    QT_TRANSLATE_NOOP("SystemError", "File exists"),
    QT_TRANSLATE_NOOP("SystemError", "Disk quota exceeded"),
    QT_TRANSLATE_NOOP("SystemError", "Input/output error"),
    QT_TRANSLATE_NOOP("SystemError", "File name too long"),
    QT_TRANSLATE_NOOP("SystemError", "Too many open files"),
    QT_TRANSLATE_NOOP("SystemError", "Directory not empty"),
    QT_TRANSLATE_NOOP("SystemError", "Operation not permitted"),
    QT_TRANSLATE_NOOP("SystemError", "Device or resource busy"),
    QT_TRANSLATE_NOOP("SystemError", "Cannot allocate memory"),
    QT_TRANSLATE_NOOP("SystemError", "Too many levels of symbolic links"),
))


# What Python's JSON reader says of a broken text (json.JSONDecodeError.msg), the core's words for the two cases
# it has no message for (model.words.json_reader_error), and Pillow's commonest reasons for a broken image:
# "올바른 JSON이 아닙니다(1번째 칸: Expecting value)" kept the reader's English.
READER_ERRORS = frozenset((
    QT_TRANSLATE_NOOP("ReaderError", "Expecting value"),
    QT_TRANSLATE_NOOP("ReaderError", "Expecting ',' delimiter"),
    QT_TRANSLATE_NOOP("ReaderError", "Expecting ':' delimiter"),
    QT_TRANSLATE_NOOP("ReaderError", "Expecting property name enclosed in double quotes"),
    QT_TRANSLATE_NOOP("ReaderError", "Unterminated string starting at"),
    QT_TRANSLATE_NOOP("ReaderError", "Invalid control character at"),
    QT_TRANSLATE_NOOP("ReaderError", "Invalid \\escape"),
    QT_TRANSLATE_NOOP("ReaderError", "Invalid \\uXXXX escape"),
    QT_TRANSLATE_NOOP("ReaderError", "Extra data"),
    QT_TRANSLATE_NOOP("ReaderError", "not UTF-8 text"),
    QT_TRANSLATE_NOOP("ReaderError", "nested too deeply"),
    QT_TRANSLATE_NOOP("ReaderError", "image file is truncated"),
    QT_TRANSLATE_NOOP("ReaderError", "broken data stream when reading image file"),
))


def system_error_text(text: str) -> str:
    """The operating system's, the JSON reader's or Pillow's reason in the window's language where it is one of
    the commonest; else as it is."""
    if text in SYSTEM_ERRORS:
        return QCoreApplication.translate("SystemError", text)
    if text in READER_ERRORS:
        return QCoreApplication.translate("ReaderError", text)
    return text


def os_error_text(error: OSError) -> str:
    """Why a file operation failed, without the path (the sentence names the file)."""
    return system_error_text(error.strerror) if error.strerror else str(error)


def file_problem_text(words: Words) -> str:
    """``words`` in the window's language, by their template (and the words among their values, by theirs; the
    system's reason, as ``{error}``, by the list above)."""
    values = {key: file_problem_text(value) if isinstance(value, Words) else
              system_error_text(value) if key == "error" and isinstance(value, str) else value
              for key, value in words.values.items()}
    return QCoreApplication.translate("FileProblem", words.template).format(**values)


def reason_text(error: BaseException | str) -> str:
    """Why something failed, in the window's language where the core gave its words, a file's problem with the
    file's name rather than its whole path ("model.keras: 파일이 손상되었거나 …"); any other error as its text."""
    if isinstance(error, FileProblem):
        return f"{Path(error.path).name}: {file_problem_text(error.reason)}"
    if isinstance(error, Words):
        return file_problem_text(error)
    return str(error)
