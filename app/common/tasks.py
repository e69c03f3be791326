"""The one place that runs background work, in two kinds with one interface.

- Light work in this process (counting data, *Why?*'s numpy gradients, reading a file) runs on a
  QThreadPool: ``runner.start(name, work, *args)`` calls ``work(task, *args)`` on a pool thread.
- TensorFlow's work (training, export, Keras' check of a model file, the device list) runs in the
  worker process (``digitpad.model.worker``): ``runner.start_in_worker(name, kind, *args)``.

Both give a Task whose signals (progress, succeeded, failed, cancelled, finished) arrive on the GUI
thread.  A work function reports with ``task.report(...)`` and checks ``task.is_cancelled()``
(Orange's ``run(data, state)`` shape), so it can be tested without threads.  A new task with the
name of a running one cancels the old one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from digitpad.model.errors import describe_error
from digitpad.model.training.recipes import TrainingCancelled
from digitpad.model.words import FileProblem, Words
from digitpad.model.worker import WorkerClient


class Task(QObject):
    """A unit of background work and the signals it sends back."""

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.done = False
        self.outcome = ""  # once done: "succeeded", "failed" or "cancelled"
        self.worker_died = False  # the worker process ended while running this task
        self.failure: FileProblem | Words | None = None  # the core's reason, for the window to word
        self._cancel = threading.Event()
        self._cancel_hook: Callable[[], None] | None = None

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, value: object, force: bool = False) -> None:
        """Send progress to the GUI thread (from any thread)."""
        self.progress.emit(value)

    def cancel(self) -> None:
        if not self._cancel.is_set():
            self._cancel.set()
            if self._cancel_hook is not None:
                self._cancel_hook()

    def _end(self, outcome: str, value: object = None) -> None:
        """Called once, on the GUI thread."""
        if self.done:
            return
        self.done = True
        if outcome == "done" and not self.is_cancelled():
            self.outcome = "succeeded"
            self.succeeded.emit(value)
        elif outcome in ("done", "cancelled"):
            self.outcome = "cancelled"
            self.cancelled.emit()
        else:
            self.outcome = "failed"
            self.failed.emit(str(value))
        self.finished.emit()


class _Job(QRunnable):
    def __init__(self, task: Task, work: Callable, args: tuple, deliver: Callable) -> None:
        super().__init__()
        self.task, self.work, self.args, self.deliver = task, work, args, deliver

    def run(self) -> None:
        try:
            result = self.work(self.task, *self.args)
        except TrainingCancelled:
            self._deliver("cancelled", None)
        except Exception as error:  # every failure reaches the window as a message
            message = describe_error(error)  # a bug's traceback goes to the terminal first
            if isinstance(error, FileProblem):  # a reason the window words itself; no frames kept with it
                error.__traceback__ = error.__context__ = error.__cause__ = None
                self.task.failure = error
            elif isinstance(message, Words):
                self.task.failure = message
            self._deliver("cancelled" if self.task.is_cancelled() else "failed", message)
        else:
            self._deliver("done", result)

    def _deliver(self, outcome: str, value: object) -> None:
        try:
            self.deliver(self.task, outcome, value)
        except RuntimeError:  # the window closed while this ran: nobody is left to tell
            pass


def _unless_deleted(emit: Callable) -> Callable:
    """``emit`` for the worker's reader thread: once the runner is deleted with its window (a script that ends
    without closing it), a late answer has no one to go to and is dropped, not printed as a traceback
    (pool jobs do the same in ``_Job._deliver``)."""

    def send(*values) -> None:
        try:
            emit(*values)
        except RuntimeError:  # "Signal source has been deleted"
            pass

    return send


class TaskRunner(QObject):
    """Starts tasks on the thread pool or in the worker process, and shuts both down with the window."""

    _delivered = Signal(object, str, object)  # task, outcome, value: from any thread to the GUI thread
    _worker_message = Signal(int, str, object)
    workerDied = Signal(str)  # the worker process ended unexpectedly, in words

    def __init__(self, parent: QObject | None = None, worker_target: Callable | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(3)
        self._running: set[Task] = set()
        self._jobs: set[_Job] = set()  # kept alive until they have run
        self._worker_tasks: dict[int, Task] = {}
        self._closed = False
        self._delivered.connect(self._on_delivered)
        self._worker_message.connect(self._on_worker_message)
        self.worker = WorkerClient(_unless_deleted(self._worker_message.emit), target=worker_target, priority=5)

    def start(self, name: str, work: Callable, *args) -> Task:
        """Run ``work(task, *args)`` on a pool thread."""
        task = self._new_task(name)
        job = _Job(task, work, args, self._delivered.emit)  # _Job._deliver drops it once the runner is gone
        job.setAutoDelete(False)
        self._jobs.add(job)
        # Start on the next turn of the event loop, so the caller connects to the task's signals
        # first: a task that fails at once must not fail unheard.
        QTimer.singleShot(0, self, lambda: self._pool.start(job) if not self._closed else None)
        return task

    def start_in_worker(self, name: str, kind: str, *args) -> Task:
        """Run job ``kind`` of ``digitpad.model.worker.JOBS`` in the worker process."""
        task = self._new_task(name)

        def submit() -> None:
            if self._closed:
                return
            try:
                job = self.worker.submit(kind, *args)
            except (OSError, ValueError) as error:  # the process could not start
                task._end("failed", self.tr("TensorFlow's process could not start ({reason})").format(
                    reason=describe_error(error)))
                return
            self._worker_tasks[job] = task
            task._cancel_hook = lambda: self.worker.cancel(job)
            if task.is_cancelled():
                self.worker.cancel(job)

        QTimer.singleShot(0, self, submit)
        return task

    def _new_task(self, name: str) -> Task:
        for task in list(self._running):
            if task.name == name:
                task.cancel()
        task = Task(name)
        self._running.add(task)
        task.finished.connect(lambda: self._running.discard(task))
        return task

    @Slot(object, str, object)
    def _on_delivered(self, task: Task, outcome: str, value: object) -> None:
        self._jobs = {job for job in self._jobs if job.task is not task}
        task._end(outcome, value)

    @Slot(int, str, object)
    def _on_worker_message(self, job: int, kind: str, value: object) -> None:
        task = self._worker_tasks.get(job)
        if task is None:
            return
        if kind == "progress":
            if not task.is_cancelled():
                task.progress.emit(value)
            return
        del self._worker_tasks[job]
        if kind == "died":
            task.worker_died = True
            self.workerDied.emit(value)
            task._end("failed", self.tr("TensorFlow's process ended unexpectedly ({reason})").format(reason=value))
        else:
            if kind == "failed" and isinstance(value, (FileProblem, Words)):  # a reason for the window to word
                task.failure, value = value, describe_error(value) if isinstance(value, FileProblem) else value
            task._end(kind, value)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel everything, wait for the pool's threads, and end the worker process."""
        self._closed = True
        for task in list(self._running):
            task.cancel()
        self._pool.waitForDone(timeout_ms)
        self.worker.stop()  # training stops within a batch; a process that does not end is killed
        for job, task in list(self._worker_tasks.items()):
            del self._worker_tasks[job]
            task._end("cancelled")
