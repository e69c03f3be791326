"""Saving and opening drawings: strokes JSON, and PNG files that carry their strokes inside."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, PngImagePlugin

from digitpad.model.data import parse_stroke_line
from digitpad.model.files import write_bytes_atomically
from digitpad.model.preprocessing import CANVAS_SIZE

PNG_KEY = "digitpad-strokes"


def drawing_json(strokes: list[list[tuple[float, float]]], widths: list[float], label: int | None = None) -> str:
    """One JSON object in the stroke-dataset format (what ``digitpad predict --strokes`` reads)."""
    item: dict = {
        "strokes": [[[round(x, 2), round(y, 2)] for x, y in stroke] for stroke in strokes],
        "width": CANVAS_SIZE,
        "height": CANVAS_SIZE,
        "brush": [round(w, 1) for w in widths],
    }
    if label is not None:
        item["label"] = label
    return json.dumps(item, separators=(",", ":"))


def save_png_with_strokes(path: Path, png_bytes: bytes, strokes_json: str) -> None:
    """A PNG of the drawing with its strokes in a text chunk, so opening it restores the vectors."""
    import io

    image = Image.open(io.BytesIO(png_bytes))
    info = PngImagePlugin.PngInfo()
    info.add_text(PNG_KEY, strokes_json)
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    write_bytes_atomically(path, out.getvalue())


def read_strokes_file(path: Path):
    """Strokes and brush widths from a .json drawing or a DigitPad PNG; None for a plain image.

    Raises ValueError with a message for a broken file.
    """
    if path.suffix.lower() == ".json":
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(f"{path}: cannot read ({error})") from None
        lines = [line for line in text.splitlines() if line.strip()]
        if not lines:
            raise ValueError(f"{path}: the file is empty")
        # One object (perhaps pretty-printed), or JSON lines of which the first is opened.
        return _parse(text if _is_one_object(text) else lines[0], path)
    if path.suffix.lower() == ".png":
        try:
            with Image.open(path) as image:
                text = image.info.get(PNG_KEY) if hasattr(image, "info") else None
        except (OSError, SyntaxError, ValueError):
            return None  # let the image path report it
        return _parse(text, path) if text else None
    return None


def _is_one_object(text: str) -> bool:
    try:
        json.loads(text)
        return True
    except json.JSONDecodeError:
        return False


def _parse(text: str, path: Path):
    record = parse_stroke_line(" ".join(text.split("\n")), str(path))
    try:
        widths = [float(w) for w in json.loads(text).get("brush", [])]
    except (json.JSONDecodeError, TypeError, ValueError, AttributeError):
        widths = []
    return record, widths
