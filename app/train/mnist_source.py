"""Where MNIST comes from, asked before a training starts rather than found missing after it failed.

When MNIST is wanted and there is neither a chosen file nor a downloaded copy, the Train panel shows
this box instead of starting: one sentence, and the two ways to get MNIST — a local mnist.npz or
folder of IDX files, or a download once, in the background with its progress and a Cancel button.
"""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout

from digitpad.app.common import file_dialogs
from digitpad.app.common.language import Retranslatable
from digitpad.app.common.tasks import Task, TaskRunner
from digitpad.app.common.widgets import compact_button, set_compact_text
from digitpad.model.files.datasets import (
    MNIST_DOWNLOAD_BYTES,
    DownloadCancelled,
    download_mnist,
    mnist_cache_path,
    one_line_reason,
)
from digitpad.model.training.recipes import TrainingCancelled

OFFLINE = "offline"  # a download's failure reason when the computer has no network, worded by the box


def download_job(task, path: str) -> str:
    """Pool work: fetch MNIST into ``path`` with progress; Cancel stops it with nothing written."""
    try:
        download_mnist(Path(path), report=lambda received, total: task.report((received, total)),
                       cancelled=task.is_cancelled)
    except DownloadCancelled:
        raise TrainingCancelled() from None  # what the task runner knows as a cancel: nothing to report
    except ValueError as error:  # the checksum
        raise OSError(str(error)) from None
    except OSError as error:
        if isinstance(getattr(error, "reason", error), socket.gaierror):
            raise OSError(OFFLINE) from None  # the name of the server cannot be looked up: no network
        raise OSError(one_line_reason(error)) from None
    return path


class MnistSourceBox(Retranslatable, QFrame):
    """"MNIST is needed": choose a local copy, or download it once.  ``chosen`` gives the local path;
    ``downloaded`` the downloaded file (the panel's MNIST field stays empty: the copy is found there)."""

    chosen = Signal(str)
    downloaded = Signal(str)

    def __init__(self, tasks: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("mnistSourceBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#mnistSourceBox { background: #fff8e6; border: 1px solid #e0c27a; border-radius: 4px; }")
        self.tasks = tasks
        self.task: Task | None = None
        self._failure: str | None = None
        self.message = QLabel()
        self.message.setObjectName("mnistNeeded")
        self.message.setWordWrap(True)
        self.choose_file_button = compact_button()
        self.choose_file_button.setObjectName("chooseMnistFile")
        self.choose_file_button.clicked.connect(self._choose_file)
        self.choose_folder_button = compact_button()
        self.choose_folder_button.clicked.connect(self._choose_folder)
        self.download_button = compact_button()
        self.download_button.setObjectName("downloadMnist")
        self.download_button.clicked.connect(self.start_download)
        self.cancel_button = compact_button()
        self.cancel_button.clicked.connect(self.cancel_download)
        self.progress = QProgressBar()
        self.progress.setRange(0, MNIST_DOWNLOAD_BYTES)
        buttons = QGridLayout()  # two rows: three buttons in one would widen a narrow panel
        buttons.addWidget(self.choose_file_button, 0, 0)
        buttons.addWidget(self.choose_folder_button, 0, 1)
        buttons.addWidget(self.download_button, 1, 0, 1, 2)
        buttons.setColumnStretch(2, 1)
        downloading = QHBoxLayout()
        downloading.addWidget(self.progress, 1)
        downloading.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addLayout(downloading)
        self._show_downloading(False)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        size = QLocale().toString(MNIST_DOWNLOAD_BYTES / 1e6, "f", 0)
        if self._failure is not None:
            text = self.tr("MNIST could not be downloaded ({reason}). Try again, or choose a local copy.").format(
                reason=self._failure)
        else:
            text = self.tr("Training needs MNIST, which is not on this computer yet: choose a local mnist.npz or "
                           "IDX folder, or download it once ({size} MB).").format(size=size)
        self.message.setText(text)
        set_compact_text(self.choose_file_button, self.tr("Choose mnist.npz…"))
        set_compact_text(self.choose_folder_button, self.tr("Choose IDX folder…"))
        set_compact_text(self.download_button, self.tr("Download once ({size} MB)").format(size=size))
        set_compact_text(self.cancel_button, self.tr("Cancel"))
        self.download_button.setToolTip(self.tr("From {url}, checked against its checksum, kept in {folder}").format(
            url="storage.googleapis.com", folder=str(mnist_cache_path().parent)))

    def ask(self) -> None:
        self._failure = None
        self.retranslate()
        self.show()

    def is_downloading(self) -> bool:
        return self.task is not None and not self.task.done

    # --- the two ways -----------------------------------------------------------------------

    def _choose_file(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.DATA, self.tr("MNIST"),
                                      self.tr("MNIST (*.npz);;All files (*)"))
        if path:
            self.use_local(path)

    def _choose_folder(self) -> None:
        path = file_dialogs.open_folder(self, file_dialogs.DATA, self.tr("A folder of MNIST's IDX files"))
        if path:
            self.use_local(path)

    def use_local(self, path: str) -> None:
        self.hide()
        self.chosen.emit(path)

    def start_download(self) -> Task:
        self._failure = None
        self.retranslate()
        self.progress.setValue(0)
        self._show_downloading(True)
        self.task = self.tasks.start("download-mnist", download_job, str(mnist_cache_path()))
        self.task.progress.connect(lambda value: self.progress.setValue(min(value[0], self.progress.maximum())))
        self.task.succeeded.connect(self._on_downloaded)
        self.task.failed.connect(self._on_failed)
        self.task.finished.connect(lambda: self._show_downloading(False))
        return self.task

    def cancel_download(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_downloaded(self, path: str) -> None:
        self.hide()
        self.downloaded.emit(path)

    def _on_failed(self, reason: str) -> None:
        self._failure = self.tr("this computer is not connected to the internet") if reason == OFFLINE else reason
        self.retranslate()

    def _show_downloading(self, downloading: bool) -> None:
        self.progress.setVisible(downloading)
        self.cancel_button.setVisible(downloading)
        for button in (self.choose_file_button, self.choose_folder_button, self.download_button):
            button.setEnabled(not downloading)
