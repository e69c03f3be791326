"""Starting the window: ``run_window`` for people, ``build_main_window`` for tests and scripts."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def build_main_window(
    model_path: str | None = None,
    settings=None,
    data_dir: str | Path | None = None,
    load_model: bool = True,
    worker_target=None,
):
    """Build the DigitPad main window without entering the event loop.

    Needs a QApplication (pytest-qt's ``qapp`` or ``qtbot`` provides one).
    ``settings`` defaults to the user's QSettings and ``data_dir`` (where
    "my drawings" are kept) to the user's data folder.  With ``load_model``
    the model starts loading in the background at once; wait for the window's
    ``modelReady`` signal before expecting predictions.  ``worker_target`` replaces the worker
    process's main function (tests inject faults into TensorFlow's process with it).
    """
    from PySide6.QtCore import QSettings, QStandardPaths

    from digitpad.app.window.main_window import MainWindow

    one_blas_thread()
    if settings is None:
        settings = QSettings("DigitPad", "DigitPad")
    if data_dir is None:
        data_dir = os.environ.get("DIGITPAD_DATA")  # the command line's override, for both (model.files.data_folder)
    if not data_dir:
        location = QStandardPaths.StandardLocation.AppDataLocation
        data_dir = QStandardPaths.writableLocation(location) or str(Path.home() / ".digitpad")
    window = MainWindow(settings, Path(data_dir), model_path, worker_target)
    if load_model:
        window.start_loading_model()
    return window


def one_blas_thread() -> None:
    """numpy's matrix products on one thread in the window's process.

    The window's numpy work is many small products.  A second thread gained little (the MNIST test
    index: 3.7 s with two threads, 4.3 s with one, but 7.3 s of CPU against 4.3) and took the core the
    pad draws on: while the index was built in the background, the pen's p95 was 25.6 ms against 17.6 ms
    without it with two threads, and 17.3 ms against 18.3 ms with one (bench/filters.py).  threadpoolctl does this for
    whichever BLAS numpy was built with, after numpy is loaded; TensorFlow's process is not affected."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


def run_window(model_path: str | None = None, quiet: bool = False) -> int:
    """Open the window and run until it is closed; the exit code of the event loop.  ``quiet`` keeps
    TensorFlow's C++ start-up chatter out of the terminal once Qt has started; Qt's own messages still
    get through."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    application = QApplication.instance() or QApplication(sys.argv[:1])
    if quiet:
        from digitpad.model.errors import silence_native_stderr

        qInstallMessageHandler(lambda kind, context, message: print(message, file=sys.stderr))
        silence_native_stderr()
    configure_application(application)
    window = build_main_window(model_path, load_model=False)
    report = os.environ.get("DIGITPAD_REPORT_STARTUP")
    if report:
        _report_startup(window, quit_when_ready=report == "exit")
    # The model is read before the window is shown (0.1 s): the window then appears whole, with
    # nothing left to build while a person starts drawing.
    window.start_loading_model(before_showing=True)
    window.show()
    return application.exec()


def configure_application(application) -> None:
    """Application-wide settings of the window: its name (for QSettings) and every mouse move kept."""
    from PySide6.QtCore import QCoreApplication, Qt

    application.setApplicationName("DigitPad")
    application.setOrganizationName("DigitPad")
    # A stroke is the digit.  On X11 Qt merges the mouse moves that queue up while the window is busy
    # (TensorFlow loading, a slow repaint) into the last one, so a curve drawn meanwhile became a
    # straight line.  QApplication turns this on when it starts, so it is turned off after.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_CompressHighFrequencyEvents, False)


def _report_startup(window, quit_when_ready: bool) -> None:
    """For bench/startup.py: print wall-clock times when the window is first painted, when it can
    predict, and when TensorFlow's process is ready (for training); with ``quit_when_ready``, quit then."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QApplication

    def say(what: str) -> None:
        print(f"startup: {what} at {time.time():.3f}", file=sys.stderr, flush=True)

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                say("window painted")
            return False

    first_paint = FirstPaint(window)
    window.installEventFilter(first_paint)
    window.modelReady.connect(lambda predictor: say("first prediction possible"),
                              Qt.ConnectionType.SingleShotConnection)

    def tensorflow_ready(devices) -> None:
        say("TensorFlow ready")
        if quit_when_ready:
            QApplication.instance().quit()

    window.train_panel.devicesFound.connect(tensorflow_ready, Qt.ConnectionType.SingleShotConnection)
