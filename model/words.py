"""Text of the core that the window says in its own language.

The core writes for people in English, as the command line prints it.  ``Words`` keeps each text's template
and values beside it, so that the window can look the template up in its translations and fill in the same
values (``app/train/design_words.py`` and ``app/common/file_words.py`` list the templates lupdate sees).
"""

from __future__ import annotations

import math
import re
import string
from pathlib import Path


class Words(str):
    """A text in English with its template and values kept."""

    template: str
    values: dict

    def __new__(cls, template: str, **values) -> Words:
        words = super().__new__(cls, template.format(**values))
        words.template, words.values = template, values
        return words

    def __reduce__(self):  # pickled as its template and values (the worker process), not as its text
        return _words, (type(self), self.template, self.values)


def _words(kind: type[Words], template: str, values: dict) -> Words:
    return kind(template, **values)


class FileProblem(ValueError):
    """What went wrong with a file, reading or writing it: "path: reason", the reason as ``Words``."""

    def __init__(self, path: str | Path, reason: Words) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason

    def __reduce__(self):
        return type(self), (self.path, self.reason)


class UnreadableFile(FileProblem):
    """A file that cannot be opened (a drawing, an image, a model, training data)."""


def reason_json(reason: FileProblem | Words | str) -> dict | str:
    """A reason as JSON that keeps what the window needs to say it in its language (a run's record keeps why
    its training failed): a file's path and its reason's words, words as template and values, or text."""
    if isinstance(reason, FileProblem):
        return {"path": str(reason.path), "reason": reason_json(reason.reason)}
    if isinstance(reason, Words):
        return {"template": reason.template, "values": {key: _value_json(value)
                                                        for key, value in reason.values.items()}}
    return str(reason)


def reason_from_json(value) -> FileProblem | Words | str:
    """What ``reason_json`` wrote; ValueError when the JSON is not its (a record edited by hand)."""
    try:
        if isinstance(value, str):
            return value
        if isinstance(value, dict) and set(value) == {"path", "reason"} and isinstance(value["path"], str):
            reason = reason_from_json(value["reason"])
            return FileProblem(value["path"], reason if isinstance(reason, Words) else Words("{text}", text=reason))
        if isinstance(value, dict) and isinstance(value.get("template"), str) and isinstance(value.get("values"),
                                                                                           dict):
            values = {key: _value_from_json(item) for key, item in value["values"].items()}
            return Words(_modest_template(value["template"]), **values)
    except (AttributeError, KeyError, IndexError, TypeError, ValueError, RecursionError) as error:  # values that
        # do not fit the template ("{a.b}" of a number), or words nested deeper than any reason is
        raise ValueError(f"not a reason DigitPad wrote ({error})") from None
    raise ValueError("not a reason DigitPad wrote")


def json_reader_error(error: UnicodeDecodeError | RecursionError) -> str:
    """Why a JSON text could not be read when Python's reader gave no message of its own (the window says it
    in its language, as it does the reader's messages)."""
    return "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else "nested too deeply"


def _modest_template(template: str) -> str:
    """``template`` unless a field asks for a width or precision no reason of DigitPad's has: a record edited
    by hand ("{a:>900000000}") would otherwise build a text of a gigabyte."""
    for _, _, spec, _ in string.Formatter().parse(template):
        if spec and ("{" in spec or re.search(r"\d{4}", spec)):
            raise ValueError(f"a field's format {spec!r} is not one DigitPad writes")
    return template


def _value_json(value):
    """A value of a template as JSON: words stay words, a shape stays a tuple (it is said "(20, 27, 28)")."""
    if isinstance(value, Words):
        return reason_json(value)
    if isinstance(value, tuple):
        return {"tuple": [_value_json(item) for item in value]}
    if isinstance(value, list):
        return [_value_json(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):  # a loss that became nan: JSON has no nan
        return {"float": str(value)}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _value_from_json(value):
    if isinstance(value, dict) and set(value) == {"tuple"} and isinstance(value["tuple"], list):
        return tuple(_value_from_json(item) for item in value["tuple"])
    if isinstance(value, dict) and set(value) == {"float"} and value["float"] in ("nan", "inf", "-inf"):
        return float(value["float"])
    if isinstance(value, dict):
        return reason_from_json(value)
    if isinstance(value, list):
        return [_value_from_json(item) for item in value]
    return value
