"""A whole training job, as the window's worker process and ``digitpad train`` run it: gather the
data, train (a copy of a model, or a fresh convnet), evaluate.

``run_training(request, state)`` reports a TrainPhase for each phase ("Loading MNIST…") and
TrainProgress while the network trains, through ``state.report``, and stops when
``state.is_cancelled()``.  The tests call it directly with a recording state.
"""

from __future__ import annotations

import numpy as np

from digitpad.model.files.datasets import load_mnist, load_stroke_records, select_records
from digitpad.model.files.my_drawings import MyDrawings
from digitpad.model.network.designs import Design
from digitpad.model.training.data import build_training_data
from digitpad.model.training.loop import train
from digitpad.model.training.recipes import TrainingCancelled, TrainOutcome, TrainPhase, TrainRequest, TrainState


def run_training(request: TrainRequest, state: TrainState, callbacks: list | tuple = ()) -> TrainOutcome:
    """Load what the request names, train (a copy of the base model or a fresh convnet), evaluate.
    ``callbacks``: more Keras callbacks for the training (TensorBoard's logs)."""
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
        from digitpad.model.training.keras_models import load_model_file

        model = load_model_file(request.base_model_path)  # a fresh copy: the file in use is never changed
    state.report(TrainPhase("training"))
    design = Design.from_data(request.network)  # built by train() once the random seed is set
    result = train(request.config, data, state, model=model, design=design, callbacks=callbacks)
    test_images = np.clip(np.round(data.x_test[..., 0] * 255), 0, 255).astype(np.uint8)
    return TrainOutcome(result, test_images, data.y_test, data.counts, warnings)


def _stop_if_cancelled(state: TrainState) -> None:
    if state.is_cancelled():
        raise TrainingCancelled("training was cancelled; the model in use is unchanged")
