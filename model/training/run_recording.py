"""Recording a training as a run (``model.files.runs``), for ``digitpad train`` and the window's worker
job alike; and TensorBoard's logs of it, when asked for.

``RunRecorder.watch(state)`` wraps the job's state to keep each epoch's curves with their wall-clock
seconds; ``finished`` keeps the run with a copy of the written model; ``stopped`` keeps a cancelled or
failed run with what it reached.
"""

from __future__ import annotations

import importlib.util
import math
import time
from dataclasses import asdict
from pathlib import Path

from digitpad.model.files.runs import Run, RunStore, default_run_name, new_run_id, per_digit_accuracy
from digitpad.model.network.designs import Design, DesignError, network_name
from digitpad.model.training.recipes import PRESETS, TrainProgress, TrainRequest
from digitpad.model.words import FileProblem, Words, reason_json

TENSORBOARD_MISSING = "--tensorboard needs TensorBoard: pip install 'digitpad[tensorboard]'"


def tensorboard_available() -> bool:
    """Whether TensorBoard's package imports (an extra since TensorFlow 2.21; Keras' callback needs it)."""
    try:
        return importlib.util.find_spec("tensorboard.plugins.hparams.api") is not None
    except ImportError:
        return False


def recipe_name(config) -> str:
    """The preset these settings are, or "custom"."""
    return next((name for name, preset in PRESETS.items() if preset == config), "custom")


class CurveState:
    """A training state that passes everything on and keeps each epoch's end: the run's curves."""

    def __init__(self, state, curves: list[dict]) -> None:
        self._state, self._curves = state, curves

    def __getattr__(self, name: str):  # snapshot_every, snapshot, ...: the wrapped state's
        return getattr(self._state, name)

    def is_cancelled(self) -> bool:
        return self._state.is_cancelled()

    def report(self, progress) -> None:
        if isinstance(progress, TrainProgress) and progress.epoch_end:
            self._curves.append({
                "epoch": progress.epoch, "seconds": round(progress.seconds, 3),
                "loss": _finite(progress.loss), "accuracy": _finite(progress.accuracy),
                "val_loss": _finite(progress.val_loss), "val_accuracy": _finite(progress.val_accuracy),
            })
        self._state.report(progress)


class RunRecorder:
    """Keeps one training as a run in ``store`` (None: record nothing)."""

    def __init__(self, store: RunStore | None, request: TrainRequest, tensorboard_dir: str | None = None) -> None:
        self.store, self.request = store, request
        self.recipe = request.recipe or recipe_name(request.config)
        self.id = new_run_id()
        self.date = time.strftime("%Y-%m-%dT%H:%M:%S")
        self.started = time.perf_counter()
        self.curves: list[dict] = []
        self.tensorboard_dir = tensorboard_dir

    def watch(self, state) -> CurveState:
        return CurveState(state, self.curves)

    def callbacks(self) -> list:
        """Keras callbacks that write TensorBoard's logs of this run into ``<tensorboard_dir>/<run id>``:
        scalars per epoch, and the settings as HParams."""
        if not self.tensorboard_dir:
            return []
        import keras
        from tensorboard.plugins.hparams import api as hparams

        log_dir = str(Path(self.tensorboard_dir) / self.id)
        settings = {key: value if isinstance(value, (bool, int, float, str)) else str(value)
                    for key, value in self._settings().items()}
        settings.update(network=self._network_name(), recipe=self.recipe)
        return [keras.callbacks.TensorBoard(log_dir=log_dir, update_freq="epoch", write_graph=False),
                hparams.KerasCallback(log_dir, settings, trial_id=self.id)]

    def finished(self, outcome, model_file: str | Path) -> Run | None:
        """Keep the finished training with a copy of ``model_file`` (already written)."""
        result = outcome.result
        run = self._run("finished")
        run.network.update(_network_facts(result.model))
        run.data["counts"] = dict(outcome.counts)
        run.device, run.seconds = result.device, round(result.seconds, 2)
        run.test_accuracy = _finite(result.test_accuracy, 4)
        run.confusion = [[int(v) for v in row] for row in result.confusion]
        run.per_digit = per_digit_accuracy(result.confusion)
        run.my_drawings_accuracy = my_drawings_accuracy(result.model, self.request)
        return self._save(run, model_file)

    def stopped(self, status: str, error: str = "", reason: FileProblem | Words | None = None) -> Run | None:
        """Keep a cancelled or failed training with what it reached (no model was written); ``reason`` is the
        error's words, kept for the window to say them in its language."""
        run = self._run(status)
        run.error = error
        run.error_words = reason_json(reason) if reason is not None else None
        epochs = self.request.config.epochs
        run.reached = f"epoch {len(self.curves)} of {epochs}" if self.curves else "before the first epoch ended"
        run.seconds = round(time.perf_counter() - self.started, 2)
        return self._save(run, None)

    def _save(self, run: Run, model_file) -> Run | None:
        if self.store is None:
            return None
        return self.store.save(run, model_file)

    def _run(self, status: str) -> Run:
        request = self.request
        sources = (["MNIST"] if request.use_mnist else []) + [Path(path).name for path in request.stroke_files]
        if request.my_drawings_folder:
            sources.append("my drawings")
        data = {"sources": sources, "limit": request.mnist_limit,
                "exclude_writers": sorted(map(str, request.exclude_writers)),
                "exclude_sources": sorted(request.exclude_sources)}
        if request.base_model_path:
            data["fine_tuned_from"] = Path(request.base_model_path).name
        design = getattr(request, "network", None)  # a design, where the branch has them; None: the seed convnet
        return Run(
            id=self.id, date=self.date, name=default_run_name(self._network_name(), self.recipe, self.date),
            status=status, network={"name": self._network_name(), "design": _plain_design(design)},
            data=data, recipe=self.recipe, settings=self._settings(), seed=request.config.seed,
            curves=list(self.curves),
        )

    def _settings(self) -> dict:
        return asdict(self.request.config)

    def _network_name(self) -> str:
        """What the run calls its network (``network_name``), or "fine-tuned" for the model in use trained further."""
        if self.request.base_model_path:  # the design is ignored: the model in use is trained further
            return "fine-tuned"
        try:
            return network_name(Design.from_data(self.request.network))
        except DesignError:
            return "design"


def _plain_design(design):
    if design is None or isinstance(design, (str, int, float, bool, list, dict)):
        return design
    for method in ("as_json", "to_json", "as_dict"):
        if hasattr(design, method):
            return getattr(design, method)()
    return str(design)


def _network_facts(model) -> dict:
    """The trained Keras model's layers in a line each, and its parameter count."""
    summary = []
    for layer in model.layers:
        config = layer.get_config()
        detail = [str(config[key]) for key in ("filters", "units") if key in config]
        if "kernel_size" in config:
            detail.append("×".join(map(str, config["kernel_size"])))
        if config.get("activation") not in (None, "linear"):
            detail.append(str(config["activation"]))
        summary.append(f"{type(layer).__name__}({', '.join(detail)})" if detail else type(layer).__name__)
    return {"summary": summary, "parameters": int(model.count_params())}


def my_drawings_accuracy(model, request: TrainRequest) -> float | None:
    """The trained model's accuracy on *my drawings*, when the training included them."""
    if not request.my_drawings_folder:
        return None
    import numpy as np

    from digitpad.model.files.my_drawings import MyDrawings
    from digitpad.model.ink.preprocessing import strokes_to_tensor

    drawings, _ = MyDrawings(request.my_drawings_folder).load()
    pairs = [(strokes_to_tensor(d.strokes), d.label) for d in drawings]
    pairs = [(tensor, label) for tensor, label in pairs if tensor is not None]
    if not pairs:
        return None
    images = np.stack([tensor for tensor, _ in pairs]).astype(np.float32)
    if images.ndim == 3:
        images = images[..., None]  # the network's one channel
    predicted = np.argmax(np.asarray(model(images, training=False)), axis=1)
    return round(float(np.mean(predicted == np.array([label for _, label in pairs]))), 4)


def _finite(value, digits: int = 6):
    if value is None or not math.isfinite(float(value)):
        return None
    return round(float(value), digits)


def train_and_record(request: TrainRequest, state, recorder: RunRecorder, write_model) -> tuple:
    """Run the training job as a run: ``write_model(keras_model)`` writes the model and returns its path,
    then the run is kept with a copy of it.  A cancelled or failed training is kept as such (when even
    that cannot be written, the training's own error is the one raised).  (outcome, model path, run)."""
    from digitpad.model.errors import one_line, worded_reason
    from digitpad.model.training.job import run_training
    from digitpad.model.training.recipes import TrainingCancelled

    try:
        outcome = run_training(request, recorder.watch(state), recorder.callbacks())
        if state.is_cancelled():
            raise TrainingCancelled("training was cancelled; the model in use is unchanged")
    except (TrainingCancelled, KeyboardInterrupt):  # Cancel in the window, Ctrl+C in a terminal
        _keep_stopped(recorder, "cancelled", "")
        raise
    except Exception as error:
        reason = error if isinstance(error, FileProblem) else worded_reason(error)
        _keep_stopped(recorder, "failed", one_line(error), reason)
        raise
    path = write_model(outcome.result.model)
    run = recorder.finished(outcome, path)
    return outcome, path, run


def _keep_stopped(recorder: RunRecorder, status: str, error: str, reason: FileProblem | Words | None = None) -> None:
    try:
        recorder.stopped(status, error, reason)
    except (OSError, ValueError):
        pass  # the training's own error says more than this one
