"""Saving and opening drawings: strokes JSON, and PNG files that carry their strokes inside."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

from PIL import Image, PngImagePlugin

from digitpad.model.files.atomic import write_bytes_atomically
from digitpad.model.files.datasets import MAX_LINE_BYTES, StrokeRecord, parse_stroke_line, stroke_record
from digitpad.model.words import UnreadableFile, Words, json_reader_error

PNG_KEY = "digitpad-strokes"


def drawing_json(strokes, widths: list[float], label: int | None = None) -> str:
    """One JSON object in the stroke-dataset format (what ``digitpad predict --strokes`` reads)."""
    return json.dumps(stroke_record(strokes, label, brush=widths), separators=(",", ":"))


def save_drawing_json(path: Path, strokes, widths: list[float]) -> None:
    write_bytes_atomically(path, (drawing_json(strokes, widths) + "\n").encode("utf-8"))


def save_png_with_strokes(path: Path, png_bytes: bytes, strokes, widths: list[float]) -> None:
    """A PNG of the drawing with its strokes in a text chunk, so opening it restores the vectors."""
    image = Image.open(io.BytesIO(png_bytes))
    info = PngImagePlugin.PngInfo()
    info.add_text(PNG_KEY, drawing_json(strokes, widths))
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    write_bytes_atomically(path, out.getvalue())


def read_strokes_file(path: Path) -> tuple[StrokeRecord, list[float]] | None:
    """Strokes and brush widths from a .json drawing or a DigitPad PNG; None for a plain image.

    Raises ValueError with a message for a broken file, or one too large to be a drawing.
    """
    if path.suffix.lower() == ".json":
        return _parse(_read_text(path), path)
    if path.suffix.lower() == ".png":
        try:
            with warnings.catch_warnings():  # only its text is read here; the image path judges its size
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(path) as image:
                    text = image.info.get(PNG_KEY)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            return None  # let the image path report it
        return _parse(text, path) if text else None
    return None


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_LINE_BYTES:
            raise UnreadableFile(path, Words("the file is larger than {megabytes} MB (the limit for a drawing); "
                                             "it is not a drawing", megabytes=MAX_LINE_BYTES // (1024 * 1024)))
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UnreadableFile(path, Words("cannot read ({error})", error=error.strerror or str(error))) from None
    except UnicodeDecodeError as error:
        raise UnreadableFile(path, Words("cannot read ({error})", error=json_reader_error(error))) from None
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise UnreadableFile(path, Words("the file is empty"))
    # One object (perhaps pretty-printed), or JSON lines of which the first is opened.
    return text if _is_one_object(text) else lines[0]


def _is_one_object(text: str) -> bool:
    try:
        json.loads(text)
        return True
    except (json.JSONDecodeError, RecursionError):
        return False


def _parse(text: str, path: Path) -> tuple[StrokeRecord, list[float]]:
    record = parse_stroke_line(" ".join(text.split("\n")), str(path))
    try:
        widths = [float(w) for w in json.loads(text).get("brush", [])]
    except (json.JSONDecodeError, TypeError, ValueError, AttributeError):
        widths = []
    return record, widths
