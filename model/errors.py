"""Errors as the person using DigitPad reads them."""

from __future__ import annotations

import os
import sys
import traceback

from digitpad.model.training.recipes import TrainingFailed
from digitpad.model.words import Words


def describe_error(error: BaseException) -> str:
    """One line for the window: DigitPad's own errors are already written for people (ValueError and
    its kinds: DataError, ModelError; OSError; TrainingFailed); anything else is a bug, and the
    traceback goes to the terminal for whoever reports it.  A message the core gave as ``Words`` stays
    ``Words`` (a str), so that the window can say it in its language."""
    words = worded_reason(error)
    if words is not None:
        return words
    if isinstance(error, (ValueError, OSError, TrainingFailed)):
        return one_line(error)
    traceback.print_exception(error, file=sys.stderr)
    return f"unexpected error ({type(error).__name__}: {error})"


def worded_reason(error: BaseException) -> Words | None:
    """The error's message as the core's ``Words``, if the core gave it so (or knows it: out of memory)."""
    if isinstance(error, MemoryError):
        return Words("out of memory; try a smaller batch size or fewer drawings")
    if error.args and isinstance(error.args[0], Words) and len(error.args) == 1:
        return error.args[0]
    return None


def one_line(error: BaseException) -> str:
    """The error's message on one line, naming the file an OSError is about."""
    text = " ".join(str(error).split()) or type(error).__name__
    if isinstance(error, OSError) and error.filename and str(error.filename) not in text:
        text = f"{error.filename}: {text}"
    return text


def silence_native_stderr() -> None:
    """TensorFlow's C++ side writes start-up chatter ("Could not find cuda drivers", absl notices)
    straight to file descriptor 2, whatever TF_CPP_MIN_LOG_LEVEL says (tensorflow#100442).  Point
    that descriptor at /dev/null and keep Python's own stderr on the real one, so the user sees our
    messages and nothing else.  DIGITPAD_DEBUG=1 keeps everything."""
    try:
        real_stderr = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
        sys.stderr = os.fdopen(real_stderr, "w", buffering=1, encoding=sys.stderr.encoding or "utf-8",
                               errors="backslashreplace")
    except (OSError, AttributeError, ValueError):
        pass  # no real descriptors (embedded, tests): leave stderr as it is
