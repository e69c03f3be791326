"""The one place that owns threads.

Long work (loading TensorFlow and a model, preparing data, training) runs as a
Task on its own QThread.  The work is a plain function ``work(task, *args)``
from ``model/``-style code: it calls ``task.report(...)`` with progress and
checks ``task.is_cancelled()`` (Orange's ``run(data, state)`` shape), so it can
be unit-tested without threads.  Results come back as signals, queued to the
GUI thread.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot


class Task(QObject):
    """A unit of background work and the signals it sends back."""

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, name: str, work: Callable, args: tuple, min_report_interval: float = 0.05) -> None:
        super().__init__()
        self.name = name
        self._work = work
        self._args = args
        self._cancel = threading.Event()
        self._min_interval = min_report_interval
        self._last_report = 0.0
        self.done = False

    # Called from the worker thread ---------------------------------------------------

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, value: object, force: bool = False) -> None:
        """Send progress, at most every ``min_report_interval`` seconds unless forced or final."""
        now = time.monotonic()
        final = bool(getattr(value, "epoch_end", False))
        if force or final or now - self._last_report >= self._min_interval:
            self._last_report = now
            self.progress.emit(value)

    def run(self) -> None:
        try:
            result = self._work(self, *self._args)
        except Exception as error:  # every failure reaches the window as a message
            if self.is_cancelled() or type(error).__name__ == "TrainingCancelled":
                self.cancelled.emit()
            else:
                self.failed.emit(describe_error(error))
        else:
            if self.is_cancelled():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        finally:
            self.done = True
            self.finished.emit()

    # Called from the GUI thread -------------------------------------------------------

    def cancel(self) -> None:
        self._cancel.set()


def describe_error(error: BaseException) -> str:
    """A message for the window: ours are already written for people; others get their type."""
    expected = ("ValueError", "DataError", "ModelError", "TrainingFailed", "OSError", "MemoryError")
    names = {cls.__name__ for cls in type(error).__mro__}
    if names & set(expected):
        if isinstance(error, MemoryError):
            return "out of memory; try a smaller batch size or fewer drawings"
        return " ".join(str(error).split()) or type(error).__name__
    traceback.print_exception(error, file=sys.stderr)  # for whoever runs it from a terminal
    return f"unexpected error ({type(error).__name__}: {error})"


class _Runner(QObject):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    @Slot()
    def run(self) -> None:
        self.task.run()


class TaskRunner(QObject):
    """Starts tasks on their own threads; a new task of the same name cancels the old one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: dict[Task, tuple[QThread, _Runner]] = {}
        self._closed = False

    def start(self, name: str, work: Callable, *args, min_report_interval: float = 0.05) -> Task:
        for task in list(self._running):
            if task.name == name:
                task.cancel()
        task = Task(name, work, args, min_report_interval)
        thread = QThread()
        thread.setObjectName(f"digitpad-{name}")
        runner = _Runner(task)
        runner.moveToThread(thread)
        thread.started.connect(runner.run)
        task.finished.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)
        self._running[task] = (thread, runner)
        # Start on the next turn of the event loop, so the caller connects to the task's
        # signals first: a task that fails at once must not fail unheard.
        QTimer.singleShot(0, self, lambda: self._start_thread(thread))
        return task

    def _start_thread(self, thread: QThread) -> None:
        if not self._closed:
            thread.start()

    def is_running(self, name: str) -> bool:
        return any(task.name == name and not task.done for task in self._running)

    def running(self, name: str) -> Task | None:
        return next((task for task in self._running if task.name == name and not task.done), None)

    @Slot()
    def _on_thread_finished(self) -> None:
        thread = self.sender()
        for task, (running_thread, _) in list(self._running.items()):
            if running_thread is thread:
                del self._running[task]
        if thread is not None:
            thread.deleteLater()

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel everything and wait for the threads to end (training stops within a batch)."""
        self._closed = True
        for task in list(self._running):
            task.cancel()
        for thread, _ in list(self._running.values()):
            thread.quit()
            thread.wait(timeout_ms)
        self._running.clear()
