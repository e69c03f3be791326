"""File dialogs that open where the person last went for that kind of file, also after a restart.

Every dialog started in the home folder: a person saving ten drawings into one folder went there ten
times.  The folder is remembered per kind (drawings and images, models, network designs, training
data), in the window's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

DRAWINGS, MODELS, DESIGNS, DATA = "drawings", "models", "designs", "data"
KINDS = (DRAWINGS, MODELS, DESIGNS, DATA)

_settings: QSettings | None = None


def remember_folders_in(settings: QSettings) -> None:
    """The window's settings: where the folders are kept (the last window built decides)."""
    global _settings
    _settings = settings


def open_file(parent: QWidget, kind: str, title: str, filters: str) -> str:
    """The file chosen, or "" when the dialog was cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, last_folder(kind), filters)
    _remember(kind, path)
    return path


def save_file(parent: QWidget, kind: str, title: str, file_name: str, filters: str) -> tuple[str, str]:
    """The file chosen ("" when cancelled) and the filter chosen with it."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(Path(last_folder(kind)) / file_name), filters)
    _remember(kind, path)
    return path, chosen


def open_folder(parent: QWidget, kind: str, title: str) -> str:
    path = QFileDialog.getExistingDirectory(parent, title, last_folder(kind))
    if path:
        _keep(kind, Path(path).parent)  # the next time, the folder beside it may be the one wanted
    return path


def last_folder(kind: str) -> str:
    """The folder of the last file of this kind chosen, while it exists; else the home folder."""
    if kind not in KINDS:
        raise ValueError(f"no such kind of file: {kind!r} (one of {', '.join(KINDS)})")
    folder = _settings.value(f"folders/{kind}", "", str) if _settings is not None else ""
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def _remember(kind: str, path: str) -> None:
    if path:
        _keep(kind, Path(path).parent)


def _keep(kind: str, folder: Path) -> None:
    if _settings is not None:
        _settings.setValue(f"folders/{kind}", str(folder))
