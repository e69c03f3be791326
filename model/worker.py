"""TensorFlow's own process: training, Keras' check of a model file, export and the device list.

The window never imports TensorFlow.  Importing it holds Python's interpreter lock for seconds, it
takes hundreds of megabytes, and a native crash in it (a GPU out of memory, an abort in a kernel)
would take the window down with the user's drawing.  So it runs here, in a child process started
with ``spawn``, talking to the window over a pipe (the shape of Jupyter's kernels):

    window → worker   ("run", job, kind, args) · ("cancel", job) · ("stop",)
    worker → window   (job, "progress", value) · (job, "done", result) · (job, "cancelled", None)
                      · (job, "failed", message, or the FileProblem whose reason the window words)

If the process dies, ``WorkerClient`` tells every job it was running, in plain words, and starts a
new process for the next job.  On a GPU the process owns the GPU; its memory is freed when it ends.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable


class WorkerClient:
    """The window's end of the worker process.  ``on_message(job, kind, value)`` is called from a
    reader thread for every answer; kinds are "progress", "done", "failed", "cancelled" and "died"
    (the process ended while the job ran; value says how, in words)."""

    def __init__(self, on_message: Callable[[int, str, object], None], target: Callable | None = None,
                 priority: int = 0) -> None:
        self._on_message = on_message
        self._target = target or serve
        self._priority = priority
        self._lock = threading.Lock()
        self._process = None
        self._connection = None
        self._pending: set[int] = set()
        self._next_job = 0

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def is_alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def start(self) -> None:
        """Start the process now, if it is not running (it starts by itself with the first job)."""
        with self._lock:
            self._start_locked()

    def submit(self, kind: str, *args) -> int:
        """Run a job in the worker; returns its number for ``cancel`` and the answers."""
        with self._lock:
            self._start_locked()
            self._next_job += 1
            job = self._next_job
            self._pending.add(job)
            self._send(("run", job, kind, args))
        return job

    def cancel(self, job: int) -> None:
        with self._lock:
            if job in self._pending:
                self._send(("cancel", job))

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the process to end (running jobs are cancelled), and kill it if it does not."""
        with self._lock:
            process, connection = self._process, self._connection
            self._process = self._connection = None
            self._pending.clear()
        if process is None:
            return
        try:
            connection.send(("stop",))
        except (OSError, ValueError):
            pass
        process.join(timeout)
        if process.is_alive():
            process.kill()
            process.join(5)
        connection.close()

    def _start_locked(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(target=self._target, args=(theirs, self._priority), name="digitpad-worker",
                                  daemon=True)
        with _main_module_hidden():
            process.start()
        theirs.close()
        self._process, self._connection = process, ours
        threading.Thread(target=self._read, args=(process, ours), name="digitpad-worker-reader",
                         daemon=True).start()

    def _send(self, message: tuple) -> None:
        try:
            self._connection.send(message)
        except (OSError, ValueError):
            pass  # the process is gone: the reader thread reports it

    def _read(self, process, connection) -> None:
        while True:
            try:
                job, kind, value = connection.recv()
            except (EOFError, OSError, ValueError):
                break
            if kind in ("done", "failed", "cancelled"):
                with self._lock:
                    self._pending.discard(job)
            self._on_message(job, kind, value)
        process.join(5)
        with self._lock:
            if self._process is not process:
                return  # stopped on purpose
            orphans, self._pending = sorted(self._pending), set()
            self._process = self._connection = None
        reason = how_it_ended(process.exitcode)
        for job in orphans:
            self._on_message(job, "died", reason)


@contextlib.contextmanager
def _main_module_hidden():
    """``spawn`` runs the parent's main script again in the child, to find what it pickled there; the
    worker needs nothing from it, and a script without an ``if __name__ == "__main__"`` guard (a
    benchmark, a user's own) would start a second window.  So the child is not told what it is."""
    main = sys.modules.get("__main__")
    spec, file = getattr(main, "__spec__", None), getattr(main, "__file__", None)
    try:
        main.__spec__ = None
        if file is not None:
            del main.__file__
        yield
    finally:
        main.__spec__ = spec
        if file is not None:
            main.__file__ = file


def how_it_ended(exit_code: int | None) -> str:
    """A dead process's exit code in words."""
    if exit_code is None:
        return "it stopped answering"
    if exit_code < 0:
        try:
            name = signal.Signals(-exit_code).name
        except ValueError:
            name = f"signal {-exit_code}"
        return f"it was stopped by {name}" + (" (out of memory?)" if name == "SIGKILL" else "")
    return f"it exited with code {exit_code}"


def serve(connection, priority: int = 0) -> None:
    """The worker process's entry point.  Its side lives in ``training.worker_jobs``, imported here,
    in the child: the window's process never loads it, nor TensorFlow (an import contract says so)."""
    from digitpad.model.training.worker_jobs import serve as serve_jobs

    serve_jobs(connection, priority)
