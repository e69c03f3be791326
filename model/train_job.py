"""A whole training job, as the window's worker process and ``digitpad train`` run it: gather the
data, train (a copy of a model, or a fresh convnet), evaluate.

``run_training(request, state)`` reports a TrainPhase for each phase ("Loading MNIST…") and
TrainProgress while the network trains, through ``state.report``, and stops when
``state.is_cancelled()``.  The tests call it directly with a recording state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from digitpad.model.data import load_mnist, load_stroke_records, select_records
from digitpad.model.my_drawings import MyDrawings
from digitpad.model.training import TrainConfig, TrainingCancelled, TrainResult, TrainState, train
from digitpad.model.training_data import build_training_data


class TrainPhase(str):
    """A step of a training job before the network learns.  It is the step's English text (the
    command line prints it as it is), and it carries ``step`` and ``path``, from which the window
    says it in the person's language."""

    TEXTS = {
        "loading-mnist": "Loading MNIST…",
        "reading-strokes": "Reading {path}…",
        "rendering": "Rendering drawings…",
        "preparing": "Preparing images…",
        "training": "Training…",
    }

    def __new__(cls, step: str, path: str = "") -> TrainPhase:
        phase = super().__new__(cls, cls.TEXTS[step].format(path=path))
        phase.step, phase.path = step, path
        return phase

    def __getnewargs__(self) -> tuple[str, str]:  # pickled across the worker's pipe
        return self.step, self.path


@dataclass(frozen=True)
class TrainRequest:
    config: TrainConfig
    use_mnist: bool = True
    mnist_path: str | None = None  # None: $DIGITPAD_MNIST, else Keras' download
    stroke_files: tuple[str, ...] = ()
    stroke_box: tuple[float, float] | None = None  # the box of drawings that do not give theirs
    exclude_writers: frozenset[int | str] = frozenset()  # left out, to test on them
    exclude_sources: frozenset[str] = frozenset()  # whole collection sites left out (UNIPEN's apb, imp, ...)
    my_drawings_folder: str | None = None  # include "my drawings" from here
    base_model_path: str | None = None  # fine-tune a copy of this .keras model
    mnist_limit: int | None = None
    watch: bool = False  # send the network being trained a few times a second (watch it learn)


@dataclass
class TrainOutcome:
    """What a training gives the window: the result, the test images for the gallery of mistakes, and
    (once the worker has written it) the model's file.  ``result.model`` is the Keras model only in
    the process that trained it."""

    result: TrainResult
    x_test: np.ndarray  # (n, 28, 28) uint8: a tenth of the size of float32 across the pipe
    y_test: np.ndarray
    counts: dict[str, int]
    warnings: list[str] = field(default_factory=list)
    model_path: str | None = None


def run_training(request: TrainRequest, state: TrainState) -> TrainOutcome:
    """Load what the request names, train (a copy of the base model or a fresh convnet), evaluate."""
    warnings: list[str] = []
    mnist = None
    if request.use_mnist:
        state.report(TrainPhase("loading-mnist"))
        mnist = load_mnist(request.mnist_path)
    records = []
    for path in request.stroke_files:
        state.report(TrainPhase("reading-strokes", path))
        records += select_records(load_stroke_records(path, require_labels=True, default_box=request.stroke_box),
                                  exclude_writers=request.exclude_writers, exclude_sources=request.exclude_sources)
    my_drawings = []
    if request.my_drawings_folder:
        my_drawings, warnings = MyDrawings(request.my_drawings_folder).load()
    _stop_if_cancelled(state)
    state.report(TrainPhase("rendering" if records or my_drawings else "preparing"))
    data = build_training_data(
        mnist, records, my_drawings,
        **request.config.data_options(),
        mnist_limit=request.mnist_limit,
        should_stop=state.is_cancelled,
    )
    _stop_if_cancelled(state)
    model = None
    if request.base_model_path:
        from digitpad.model.keras_models import load_model_file

        model = load_model_file(request.base_model_path)  # a fresh copy: the file in use is never changed
    state.report(TrainPhase("training"))
    result = train(request.config, data, state, model=model)
    test_images = np.clip(np.round(data.x_test[..., 0] * 255), 0, 255).astype(np.uint8)
    return TrainOutcome(result, test_images, data.y_test, data.counts, warnings)


def _stop_if_cancelled(state: TrainState) -> None:
    if state.is_cancelled():
        raise TrainingCancelled("training was cancelled; the model in use is unchanged")
