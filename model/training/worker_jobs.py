"""The worker process's side: it imports TensorFlow once, then runs each job on a thread of its own.

``model.worker.WorkerClient`` starts this process and talks to it over a pipe; see there for the
messages.  The jobs: Keras' check of a model file, the device list, training and export.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from digitpad.model.errors import describe_error, silence_native_stderr
from digitpad.model.training.recipes import TrainingCancelled
from digitpad.model.words import FileProblem

# Progress is sent at most this often (the last report of an epoch always): the window redraws the
# curves on each, and a flood of them would only queue up in the pipe.
REPORT_INTERVAL = 0.05

# Watch it learn: the network being trained goes to the window this often (370 KB for the seed convnet).
SNAPSHOT_INTERVAL = 0.25


class JobState:
    """What a job's work function gets: ``report`` (throttled) and ``is_cancelled``, the shape of
    ``model.training.recipes.TrainState``; with ``snapshot_every`` set, also the network being trained."""

    def __init__(self, send: Callable[[tuple], None], job: int) -> None:
        self._send, self.job = send, job
        self.cancelled = threading.Event()
        self._last = 0.0
        self.snapshot_every = 0.0

    def snapshot(self, keras_model) -> None:
        """The network of this moment, as numpy arrays the window can run (a Keras model cannot cross the pipe)."""
        from digitpad.model.network.numpy_net import NumpyConvnet, UnsupportedModel

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
            # A reason goes whole (a file's path and Words, or Words), for the window to say in its language.
            send((state.job, "failed", error if isinstance(error, FileProblem) else describe_error(error)))
    else:
        send((state.job, "cancelled" if state.is_cancelled() else "done", result))
    finally:
        jobs.pop(state.job, None)


# --- the jobs -----------------------------------------------------------------------------------

def check_model(state: JobState, path: str) -> int:
    """Open a model file in Keras' safe mode, as training will: its parameter count, or ModelError."""
    from digitpad.model.training.keras_models import load_model_file

    return int(load_model_file(path).count_params())


def list_devices(state: JobState) -> list:
    from digitpad.model.training.devices import list_devices as devices

    return devices()


def train(state: JobState, request, folder: str, data_folder: str | None = None, tensorboard_dir: str | None = None):
    """Train as the request says; the model is written atomically into ``folder`` and the outcome
    names its file (a Keras model cannot cross the pipe, and a file survives this process).
    With ``data_folder``, the training is kept there as a run (finished, cancelled or failed), and the
    outcome carries the run's id as ``run_id``; with ``tensorboard_dir``, TensorBoard's logs are written."""
    from digitpad.model.training.job import run_training
    from digitpad.model.training.keras_models import save_model_atomically

    state.snapshot_every = SNAPSHOT_INTERVAL if request.watch else 0.0
    path = Path(folder) / f"trained-{time.strftime('%Y%m%d-%H%M%S')}-{state.job}.keras"

    def write_model(model) -> Path:
        save_model_atomically(model, path)
        return path

    run_id = None
    if data_folder is not None or tensorboard_dir:
        from digitpad.model.files.runs import RunStore
        from digitpad.model.training.run_recording import RunRecorder, train_and_record

        store = RunStore(data_folder) if data_folder is not None else None
        recorder = RunRecorder(store, request, tensorboard_dir=tensorboard_dir)
        outcome, _, run = train_and_record(request, state, recorder, write_model)
        run_id = run.id if run is not None else None
    else:
        outcome = run_training(request, state)
        if state.is_cancelled():
            raise TrainingCancelled("training was cancelled; the model in use is unchanged")
        write_model(outcome.result.model)
    finished = replace(outcome, result=replace(outcome.result, model=None), model_path=str(path))
    finished.run_id = run_id  # not a field of TrainOutcome: the window finds the new run by it
    return finished


def export(state: JobState, model_path: str, format: str, out: str):
    from digitpad.model.training.export import export_model
    from digitpad.model.training.keras_models import load_model_file

    return export_model(load_model_file(model_path), format, out)


JOBS: dict[str, Callable] = {"check_model": check_model, "devices": list_devices, "train": train, "export": export}
