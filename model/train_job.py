"""A whole training job as the window runs it: gather the data, train, evaluate.

``run_training(request, state)`` is plain Python: the window runs it on a
worker thread, tests call it directly.  ``state.report`` receives a string for
each phase ("Loading MNIST…") and TrainProgress while the network trains.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from digitpad.model.data import load_mnist, load_stroke_records
from digitpad.model.my_drawings import PersonalDataset
from digitpad.model.training import TrainConfig, TrainingCancelled, TrainResult, TrainState, train
from digitpad.model.training_data import build_training_data


@dataclass
class TrainRequest:
    config: TrainConfig
    use_mnist: bool = True
    mnist_path: str | None = None  # None: $DIGITPAD_MNIST, else Keras' download
    stroke_files: list[str] = field(default_factory=list)
    personal_folder: str | None = None  # include "my drawings" from here
    base_model: object | None = None  # fine-tune a copy of this keras.Model
    mnist_limit: int | None = None


@dataclass
class TrainOutcome:
    result: TrainResult
    x_test: np.ndarray  # (n, 28, 28) float32, for the gallery of mistakes
    y_test: np.ndarray
    counts: dict[str, int]
    warnings: list[str]


def run_training(request: TrainRequest, state: TrainState) -> TrainOutcome:
    """Load what the request names, train (a copy of the base model or a fresh convnet), evaluate."""
    warnings: list[str] = []
    mnist = None
    if request.use_mnist:
        state.report("Loading MNIST…")
        mnist = load_mnist(request.mnist_path)
    records = []
    for path in request.stroke_files:
        state.report(f"Reading {path}…")
        records += load_stroke_records(path, require_labels=True)
    personal = []
    if request.personal_folder:
        personal, warnings = PersonalDataset(request.personal_folder).load()
    _stop_if_cancelled(state)
    state.report("Rendering drawings…" if records or personal else "Preparing images…")
    data = build_training_data(
        mnist, records, personal,
        **request.config.data_options(),
        mnist_limit=request.mnist_limit,
        should_stop=state.is_cancelled,
    )
    _stop_if_cancelled(state)
    model = copy_model(request.base_model) if request.base_model is not None else None
    state.report("Training…")
    result = train(request.config, data, state, model=model)
    return TrainOutcome(result, data.x_test[..., 0], data.y_test, data.counts, warnings)


def copy_model(model):
    """An independent copy (same weights): the model in use is never trained in place."""
    import keras

    clone = keras.models.clone_model(model)
    clone.set_weights(model.get_weights())
    return clone


def _stop_if_cancelled(state: TrainState) -> None:
    if state.is_cancelled():
        raise TrainingCancelled("training was cancelled; the model in use is unchanged")
