"""Texts of Qt's own dialogs that Qt's catalogue for a language lacks.

Qt 6's file dialog labels are "&Look in:" and "Files of &type:" (with their shortcut letters), while
its Korean catalogue (``qtbase_ko.qm``) still holds only the older "Look in:" and "Files of type:": a
Korean file dialog showed those two in English.  Where the system has a platform file dialog (Windows,
macOS, a GTK or KDE desktop) Qt uses it and these texts never show; this translator covers Qt's own
dialog, the one used everywhere else (and under Xvfb).  Installed after Qt's catalogue, it is asked
first, and a text it lacks falls through to Qt's.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

GAPS: dict[str, dict[tuple[str, str], str]] = {
    "ko": {
        ("QFileDialog", "&Look in:"): "찾는 위치(&L):",
        ("QFileDialog", "Files of &type:"): "파일 형식(&T):",
    },
}


class QtGapsTranslator(QTranslator):
    """Answers only the texts of ``GAPS`` for its language; for any other it answers nothing, and Qt's
    catalogue speaks."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.texts: dict[tuple[str, str], str] = {}

    def use(self, language: str) -> bool:
        """Take ``language``'s texts; False when there are none to add."""
        self.texts = GAPS.get(language, {})
        return bool(self.texts)

    def translate(self, context, source_text, disambiguation=None, n=-1):
        # None is Qt's null string: the search goes on to the next translator.  (An empty string would
        # end it: Qt takes an empty but not null text as the translation.)
        return self.texts.get((context, source_text))

    def isEmpty(self) -> bool:
        return not self.texts
