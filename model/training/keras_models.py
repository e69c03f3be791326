"""Keras' side of model files, for the worker process and the command line: loading a ``.keras``
file into Keras (to train or export it) and saving one that any Keras opens.

This module imports Keras (and so TensorFlow) when it is used; the window never uses it.
"""

from __future__ import annotations

import os
from pathlib import Path

from digitpad.model.files.atomic import replace_atomically
from digitpad.model.files.model_archive import ModelError, UnreadableModel, check_archive
from digitpad.model.words import FileProblem, Words


class UnwritableModel(FileProblem, ModelError):
    """A model that cannot be saved where it was asked to be ("path: reason")."""


def load_model_file(path: str | os.PathLike):
    """A keras.Model from a ``.keras`` file in Keras' safe mode, or ModelError saying what is wrong.
    The archive is checked first (``model_files.check_archive``): Keras trusts the sizes it declares."""
    path = check_archive(path)  # before Keras loads: a corrupt file is refused in 0.2 s instead of 2.5 s
    import keras

    from digitpad.model.training.keras_network import check_compatible

    try:
        model = keras.saving.load_model(path, compile=False, safe_mode=True)
    except Exception as error:  # Keras raises many kinds for bad files
        raise UnreadableModel(path, _model_error_words(error)) from None
    if not isinstance(model, keras.Model):
        raise UnreadableModel(path, Words("does not hold a Keras model"))
    try:
        check_compatible(model)
    except ValueError as error:
        raise UnreadableModel(path, Words("{error}", error=str(error))) from None
    return model


def _model_error_words(error: Exception) -> Words:
    text = " ".join(str(error).split())
    if "safe_mode" in text or "Lambda" in text:
        return Words("cannot be loaded: it contains code (a Lambda layer), which DigitPad refuses to run")
    return Words("cannot be loaded: {error}", error=text[:300] or type(error).__name__)


def plain_model(model):
    """The same network and weights with no training state: no optimizer, loss or metrics.  Training
    uses a metric of its own (DigitAccuracy); a file that named it would not open in a plain Keras
    (``keras.saving.load_model`` would look for the class), so saved files leave all of that out."""
    if not model.compiled:
        return model
    copy = type(model).from_config(model.get_config())  # the architecture alone (clone_model recompiles)
    copy.set_weights(model.get_weights())
    return copy


def save_model_atomically(model, path: str | os.PathLike) -> Path:
    """Write ``model`` to ``path`` so that a crash leaves either the old file or the new one.

    The model goes to a temporary file in the same folder, is flushed to disk, then renamed over
    ``path`` in one step.  The file holds the network and its weights only (``plain_model``), so
    that any Keras opens it with ``keras.saving.load_model(path)``.  On any error the temporary
    file is removed and the old file is untouched.
    """
    path = Path(path).expanduser()
    if path.suffix != ".keras":
        raise UnwritableModel(path, Words("model files must end in .keras"))
    if not path.parent.is_dir():
        raise UnwritableModel(path.parent, Words("no such folder"))
    try:
        replace_atomically(path, plain_model(model).save)
    except OSError as error:
        raise UnwritableModel(path, Words("could not save the model ({error}); the old file is unchanged",
                                          error=error.strerror or str(error))) from None
    return path
