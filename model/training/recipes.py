"""Recipes and the words of training: plain data the window, the command line and the worker share.

Nothing here imports TensorFlow: ``loop`` does, in the worker process or the command line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Protocol

import numpy as np

from digitpad.model.network.designs import SEED

OPTIMIZERS = ("rmsprop", "adam", "sgd")


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides how a model is trained."""

    epochs: int = 3
    batch_size: int = 128
    optimizer: str = "adam"
    learning_rate: float = 3e-3
    beta_2: float = 0.999  # Adam's decay of its squared-gradient average (other optimizers ignore it)
    # "onecycle": linear warm-up for the first 10% of steps, then cosine decay to 0.
    schedule: str = "onecycle"
    augment: bool = False
    stroke_copies: int = 1  # renderings of each training drawing (the first plain, the rest augmented)
    scribbles: int = 0  # non-digits to train on, towards "unsure" (outlier exposure)
    digit_pairs: int = 0  # two drawings side by side, also towards "unsure" (for reading numbers)
    # MNIST training digits written on synthetic forms (grey paper, printed patterns and lines, faint
    # ballpoint, small, tightly cropped, scanned) and read back by the app's ink finder.
    paper_scans: int = 0
    # Of the augmented renderings of drawings: the share written in another style of their digit
    # (a slashed 0, a European 1, a crossed 7, a 4's second stroke apart), and the share made to
    # look as if another digitizer had recorded them (coarse grid, sparse points).
    style_share: float = 0.0
    device_share: float = 0.0
    # ... and the share of the 0s, 2s and 7s written narrow and tall or flat and wide.
    aspect_share: float = 0.0
    label_smoothing: float = 0.0
    validation_fraction: float = 0.05
    calibrate: bool = True  # temperature scaling on the validation split after training
    # Batches per call into TensorFlow: fewer Python round trips per image, but progress, Cancel
    # and the NaN check happen once per call (the epoch is rounded up to whole calls).
    steps_per_execution: int = 1
    seed: int = 0
    device: str | None = None  # e.g. "/GPU:0"; None picks the first GPU, else the CPU

    def data_options(self) -> dict:
        """What build_training_data takes from the recipe."""
        return {"stroke_copies": self.stroke_copies, "scribbles": self.scribbles, "digit_pairs": self.digit_pairs,
                "paper_scans": self.paper_scans, "style_share": self.style_share, "device_share": self.device_share,
                "aspect_share": self.aspect_share,
                "validation_fraction": self.validation_fraction, "seed": self.seed}

    def __post_init__(self) -> None:
        if not 1 <= self.epochs <= 1000:
            raise ValueError(f"epochs must be between 1 and 1000, got {self.epochs}")
        if not 1 <= self.batch_size <= 65536:
            raise ValueError(f"batch size must be between 1 and 65536, got {self.batch_size}")
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"optimizer must be one of {', '.join(OPTIMIZERS)}, got {self.optimizer!r}")
        if not (math.isfinite(self.learning_rate) and 0 < self.learning_rate <= 10):
            raise ValueError(f"learning rate must be a positive number ≤ 10, got {self.learning_rate}")
        if not 0 < self.beta_2 < 1:
            raise ValueError(f"beta_2 must be between 0 and 1, got {self.beta_2}")
        if self.schedule not in ("constant", "onecycle"):
            raise ValueError(f"schedule must be 'constant' or 'onecycle', got {self.schedule!r}")
        if not 1 <= self.stroke_copies <= 64:
            raise ValueError(f"stroke copies must be between 1 and 64, got {self.stroke_copies}")
        for name in ("scribbles", "digit_pairs", "paper_scans"):
            if not 0 <= getattr(self, name) <= 1_000_000:
                raise ValueError(f"{name.replace('_', ' ')} must be between 0 and 1,000,000, got {getattr(self, name)}")
        if not 0 <= self.label_smoothing < 0.5:
            raise ValueError(f"label smoothing must be in [0, 0.5), got {self.label_smoothing}")
        for name in ("style_share", "device_share", "aspect_share"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"{name.replace('_', ' ')} must be between 0 and 1, got {getattr(self, name)}")
        if not 0 <= self.validation_fraction < 0.9:
            raise ValueError(f"validation fraction must be in [0, 0.9), got {self.validation_fraction}")
        if not 1 <= self.steps_per_execution <= 256:
            raise ValueError(f"steps per execution must be between 1 and 256, got {self.steps_per_execution}")


# The seed notebook's recipe, the fast default, and the one behind the bundled model.
PRESETS: dict[str, TrainConfig] = {
    "seed": TrainConfig(epochs=5, batch_size=64, optimizer="rmsprop", learning_rate=1e-3, schedule="constant"),
    # One epoch: Adam with warm-up and cosine decay (a high peak rate, a short memory of squared
    # gradients), label smoothing, 8 batches per call: the seed's accuracy in a fifth of its time.
    "fast": TrainConfig(
        epochs=1, batch_size=64, learning_rate=1e-2, beta_2=0.99, label_smoothing=0.1, validation_fraction=0.02,
        steps_per_execution=8,
    ),
    # MNIST plus pen strokes re-rendered 8 ways each, 30% of those in another style of their digit
    # (slashed 0, European 1, crossed 7, second strokes moved); scribbles and pairs of digits side
    # by side teach it to be unsure of what is not one digit (and so to read numbers digit by digit).
    "drawings": TrainConfig(
        epochs=6, batch_size=128, learning_rate=5e-3, label_smoothing=0.1, validation_fraction=0.02,
        stroke_copies=8, scribbles=5000, digit_pairs=6000, paper_scans=12000, style_share=0.3,
    ),
}


@dataclass
class TrainProgress:
    """What the window and the CLI show while training."""

    epoch: int  # 1-based
    epochs: int
    batch: int  # 1-based within the epoch
    batches: int
    loss: float
    accuracy: float
    images_per_second: float
    seconds: float
    eta_seconds: float
    val_loss: float | None = None
    val_accuracy: float | None = None
    epoch_end: bool = False

    @property
    def fraction(self) -> float:
        return ((self.epoch - 1) * self.batches + self.batch) / (self.epochs * self.batches)


class TrainState(Protocol):
    """Where training reports.  A state may also have ``snapshot_every`` (seconds, 0 for never) and
    ``snapshot(model)``: the network being trained is then handed over that often (*watch it learn*)."""

    def report(self, progress: TrainProgress) -> None: ...
    def is_cancelled(self) -> bool: ...


class SilentState:
    """A state that reports nowhere and is never cancelled."""

    def report(self, progress: TrainProgress) -> None:
        pass

    def is_cancelled(self) -> bool:
        return False


class TrainingFailed(RuntimeError):
    """Training could not finish (the loss became NaN, memory ran out, ...)."""


class TrainingCancelled(RuntimeError):
    """The person pressed Cancel."""


@dataclass
class TrainingData:
    """float32 images (n, 28, 28, 1) in [0, 1] and int labels, split three ways."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class TrainResult:
    model: object  # keras.Model
    config: TrainConfig
    device: str
    seconds: float
    history: dict[str, list[float]]
    test_accuracy: float
    test_predictions: np.ndarray
    confusion: np.ndarray  # 10×10, rows true, columns predicted
    temperature: float = 1.0  # the calibration folded into the last layer (1: none)



def confusion_matrix(labels: np.ndarray, predictions: np.ndarray) -> np.ndarray:
    """10×10 counts: row = true digit, column = predicted digit."""
    matrix = np.zeros((10, 10), np.int64)
    np.add.at(matrix, (np.asarray(labels, int), np.asarray(predictions, int)), 1)
    return matrix



def with_overrides(config: TrainConfig, **changes) -> TrainConfig:
    """A copy of ``config`` with some fields changed (and validated)."""
    return replace(config, **{k: v for k, v in changes.items() if v is not None})


# --- a training job: what the window or the command line asks for, and what it gets ------------

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
    # The network to train, as Design.to_data() (model/network/designs.py); ignored with base_model_path.
    network: dict = field(default_factory=lambda: SEED.to_data())
    # The preset the settings started from (`--recipe`, the Train panel's list): the run is named after it.
    # None: after the preset the settings equal, else "custom".
    recipe: str | None = None


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
