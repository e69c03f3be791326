"""Why a file could not be opened, in the window's language.

The core says it in English (``model.words.UnreadableFile``, as the command line prints it) and keeps the
reason's template and values; the window looks the template up here, in the context "FileProblem", and fills
in the same values.  ``tests/test_languages.py`` checks that the list holds every template the core uses.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from digitpad.model.words import Words

TEMPLATES = (
    QT_TRANSLATE_NOOP("FileProblem", "no such file"),
    QT_TRANSLATE_NOOP("FileProblem", "is a folder, not an image"),
    QT_TRANSLATE_NOOP("FileProblem", "the image is too large to open safely ({error})"),
    QT_TRANSLATE_NOOP("FileProblem", "a HEIC/HEIF photo (an iPhone's); reading one needs pi-heif: pip install pi-heif"),
    QT_TRANSLATE_NOOP("FileProblem", "a PDF, not an image; save the scanned page as PNG or JPEG"),
    QT_TRANSLATE_NOOP("FileProblem", "not an image DigitPad can read; save it as PNG or JPEG"),
    QT_TRANSLATE_NOOP("FileProblem", "the image is damaged or truncated ({error})"),
    QT_TRANSLATE_NOOP("FileProblem", "the file is larger than {megabytes} MB (the limit for a drawing); it is not a "
                                     "drawing"),
    QT_TRANSLATE_NOOP("FileProblem", "cannot read ({error})"),
    QT_TRANSLATE_NOOP("FileProblem", "the file is empty"),
)


def file_problem_text(words: Words) -> str:
    """``words`` in the window's language, by their template."""
    return QCoreApplication.translate("FileProblem", words.template).format(**words.values)
