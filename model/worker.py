"""TensorFlow's own process: training, Keras' check of a model file, export and the device list.

The window never imports TensorFlow.  Importing it holds Python's interpreter lock for seconds, it
takes hundreds of megabytes, and a native crash in it (a GPU out of memory, an abort in a kernel)
would take the window down with the user's drawing.  So it runs here, in a child process started
with ``spawn``, talking to the window over a pipe (the shape of Jupyter's kernels):

    window → worker   ("run", job, kind, args) · ("cancel", job) · ("stop",)
    worker → window   (job, "progress", value) · (job, "done", result) · (job, "failed", message)
                      · (job, "cancelled", None)

If the process dies, ``WorkerClient`` tells every job it was running, in plain words, and starts a
new process for the next job.  On a GPU the process owns the GPU; its memory is freed when it ends.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from digitpad.model.errors import describe_error, silence_native_stderr
from digitpad.model.training import TrainingCancelled

# Progress is sent at most this often (the last report of an epoch always): the window redraws the
# curves on each, and a flood of them would only queue up in the pipe.
REPORT_INTERVAL = 0.05


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


# --- the worker's side ------------------------------------------------------------------------

# Watch it learn: the network being trained goes to the window this often (370 KB for the seed convnet).
SNAPSHOT_INTERVAL = 0.25


class JobState:
    """What a job's work function gets: ``report`` (throttled) and ``is_cancelled``, the shape of
    ``model.training.TrainState``; with ``snapshot_every`` set, also the network being trained."""

    def __init__(self, send: Callable[[tuple], None], job: int) -> None:
        self._send, self.job = send, job
        self.cancelled = threading.Event()
        self._last = 0.0
        self.snapshot_every = 0.0

    def snapshot(self, keras_model) -> None:
        """The network of this moment, as numpy arrays the window can run (a Keras model cannot cross the pipe)."""
        from digitpad.model.numpy_net import NumpyConvnet, UnsupportedModel

        try:
            self._send((self.job, "progress", NumpyConvnet.from_keras(keras_model)))
        except UnsupportedModel:
            self.snapshot_every = 0.0  # a network the window cannot run: nothing to watch

    def is_cancelled(self) -> bool:
        return self.cancelled.is_set()

    def report(self, value: object, force: bool = False) -> None:
        now = time.monotonic()
        if force or getattr(value, "epoch_end", False) or isinstance(value, str) or now - self._last >= REPORT_INTERVAL:
            self._last = now
            self._send((self.job, "progress", value))


def serve(connection, priority: int = 0) -> None:
    """The worker process: run each job on a thread of its own, so that Cancel is heard mid-job."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    if not os.environ.get("DIGITPAD_DEBUG"):
        silence_native_stderr()  # TensorFlow's C++ start-up notices; our own messages still get through
    if priority:
        try:
            os.nice(priority)
        except OSError:
            pass
    _import_tensorflow()  # once, before any job: two threads importing it at once break it
    send_lock = threading.Lock()

    def send(message: tuple) -> None:
        with send_lock:
            try:
                connection.send(message)
            except (OSError, ValueError):
                pass  # the window is gone

    jobs: dict[int, JobState] = {}
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            break
        if message[0] == "stop":
            break
        if message[0] == "cancel" and message[1] in jobs:
            jobs[message[1]].cancelled.set()
        elif message[0] == "run":
            _, job, kind, args = message
            state = jobs[job] = JobState(send, job)
            threading.Thread(target=_run_job, args=(state, kind, args, send, jobs), daemon=True).start()
    for state in list(jobs.values()):
        state.cancelled.set()
    deadline = time.monotonic() + 5
    while jobs and time.monotonic() < deadline:  # a training stops within a batch
        time.sleep(0.05)
    # Skip the interpreter's shutdown: TensorFlow's threads abort it ("terminate called ..."), and
    # everything worth keeping is already written atomically.
    os._exit(0)


def _import_tensorflow() -> None:
    """TensorFlow and Keras, with a GPU's memory taken as needed rather than all of it at once."""
    import keras  # noqa: F401
    import tensorflow as tf

    for gpu in tf.config.list_physical_devices("GPU"):
        try:
            tf.config.experimental.set_memory_growth(gpu, True)
        except (ValueError, RuntimeError):
            pass  # already initialised


def _run_job(state: JobState, kind: str, args: tuple, send: Callable[[tuple], None], jobs: dict) -> None:
    try:
        result = JOBS[kind](state, *args)
    except TrainingCancelled:
        send((state.job, "cancelled", None))
    except Exception as error:  # every failure reaches the window as a message
        if state.is_cancelled():
            send((state.job, "cancelled", None))
        else:
            send((state.job, "failed", describe_error(error)))
    else:
        send((state.job, "cancelled" if state.is_cancelled() else "done", result))
    finally:
        jobs.pop(state.job, None)


# --- the jobs -----------------------------------------------------------------------------------

def check_model(state: JobState, path: str) -> int:
    """Open a model file in Keras' safe mode, as training will: its parameter count, or ModelError."""
    from digitpad.model.keras_models import load_model_file

    return int(load_model_file(path).count_params())


def list_devices(state: JobState) -> list:
    from digitpad.model.devices import list_devices as devices

    return devices()


def train(state: JobState, request, folder: str):
    """Train as the request says; the model is written atomically into ``folder`` and the outcome
    names its file (a Keras model cannot cross the pipe, and a file survives this process)."""
    from digitpad.model.keras_models import save_model_atomically
    from digitpad.model.train_job import run_training

    state.snapshot_every = SNAPSHOT_INTERVAL if request.watch else 0.0
    outcome = run_training(request, state)
    if state.is_cancelled():
        raise TrainingCancelled("training was cancelled; the model in use is unchanged")
    path = Path(folder) / f"trained-{time.strftime('%Y%m%d-%H%M%S')}-{state.job}.keras"
    save_model_atomically(outcome.result.model, path)
    return replace(outcome, result=replace(outcome.result, model=None), model_path=str(path))


def export(state: JobState, model_path: str, format: str, out: str):
    from digitpad.model.export import export_model
    from digitpad.model.keras_models import load_model_file

    return export_model(load_model_file(model_path), format, out)


JOBS: dict[str, Callable] = {"check_model": check_model, "devices": list_devices, "train": train, "export": export}
