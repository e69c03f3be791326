"""The window's language: the system's (its list of UI languages), or the one chosen in View > Language.

English is the source language of every text; a translation is a ``.qm`` file compiled from
``resources/translations/digitpad_<language>.ts`` (``tools/update_translations.py``).  English has one
too, for its plural forms only ("1 drawing", "2 drawings").  Installing a language installs DigitPad's
translator and Qt's own (``qtbase_<language>.qm``, for standard dialogs) and makes that language's
QLocale the default, so numbers read as the sentences around them do; Qt then sends every widget
a LanguageChange event and each view sets its texts again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator

from digitpad.app.common.qt_gaps import QtGapsTranslator
from digitpad.resources import resource_path

# Each language by its own name: View > Language shows them so, whatever the language in use.
LANGUAGES = {"en": "English", "ko": "한국어"}
SOURCE_LANGUAGE = "en"
SYSTEM = "system"  # follow the system's languages
SETTINGS_KEY = "language"

_translators: list[QTranslator] = []  # DigitPad's and Qt's own; one pair for the whole application
_gaps: list = []  # the translator of what Qt's own catalogue lacks (app.common.qt_gaps)
_current = SOURCE_LANGUAGE


# A passing message for the status bar: a finished text, or a function that words it in the language in use, so
# that a language switch says it again instead of withdrawing it.
Message = str | Callable[[], str]


def message_text(message: Message) -> str:
    return message() if callable(message) else message


class Retranslatable:
    """A widget mixin: ``retranslate()`` sets the widget's texts again when the language changes.
    Put it first among the bases (``class Panel(Retranslatable, QWidget)``) and define ``retranslate``."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


def translations_folder() -> Path:
    return resource_path("translations")


def system_languages() -> list[str]:
    """The system's UI languages, most wanted first (on Linux from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    return QLocale.system().uiLanguages()


def resolve(choice: str, ui_languages: Sequence[str] | None = None) -> str:
    """The language to show for ``choice``: itself if DigitPad has it; for SYSTEM the first of the
    system's languages that DigitPad has ("ko-KR" → "ko"); otherwise English."""
    if choice in LANGUAGES:
        return choice
    if choice == SYSTEM:
        for tag in system_languages() if ui_languages is None else ui_languages:
            language = tag.replace("_", "-").split("-")[0].lower()
            if language in LANGUAGES:
                return language
    return SOURCE_LANGUAGE


def remembered_choice(settings: QSettings) -> str:
    """SYSTEM, or a language of LANGUAGES chosen before; anything else counts as SYSTEM."""
    choice = settings.value(SETTINGS_KEY, SYSTEM)
    return choice if choice in LANGUAGES else SYSTEM


def remember_choice(settings: QSettings, choice: str) -> None:
    if choice == SYSTEM:
        settings.remove(SETTINGS_KEY)
    else:
        settings.setValue(SETTINGS_KEY, choice)


def current_language() -> str:
    return _current


def install(language: str) -> str:
    """Show ``language`` (a key of LANGUAGES; anything else means English) from now on, in every
    window at once.  Returns the language installed."""
    global _current
    application = QCoreApplication.instance()
    language = language if language in LANGUAGES else SOURCE_LANGUAGE
    ours, qts = _translator_pair(application)
    gaps = _gaps_translator(application)
    for translator in (ours, qts, gaps):
        application.removeTranslator(translator)
    QLocale.setDefault(QLocale(language))
    if ours.load(f"digitpad_{language}", str(translations_folder())):
        application.installTranslator(ours)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != SOURCE_LANGUAGE and qts.load(f"qtbase_{language}", qt_folder):
        application.installTranslator(qts)
        if gaps.use(language):  # after Qt's: asked first, for what Qt's catalogue lacks
            application.installTranslator(gaps)
    _current = language
    return language


def _gaps_translator(application: QCoreApplication) -> QtGapsTranslator:
    if not _gaps:
        _gaps.append(QtGapsTranslator(application))
    return _gaps[0]


def _translator_pair(application: QCoreApplication) -> tuple[QTranslator, QTranslator]:
    """The same two translators for every window: a second window's must not stay installed under
    the first's, or a text missing from one language would be found in the other."""
    if not _translators:
        _translators.extend([QTranslator(application), QTranslator(application)])
    return _translators[0], _translators[1]


def image_set_name(name: str) -> str:
    """An image set's name (model.network.image_sets names them in English) in the language in use."""
    names = {"MNIST test": QCoreApplication.translate("ImageSets", "MNIST test"),
             "my drawings": QCoreApplication.translate("ImageSets", "my drawings")}
    return names.get(name, name)
