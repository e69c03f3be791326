"""Text of the core that the window says in its own language.

The core writes for people in English, as the command line prints it.  ``Words`` keeps each text's template
and values beside it, so that the window can look the template up in its translations and fill in the same
values (``app/train/design_words.py`` and ``app/common/file_words.py`` list the templates lupdate sees).
"""

from __future__ import annotations

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
