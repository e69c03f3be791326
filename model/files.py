"""Replacing a file so that a crash leaves the old file or the new one, never half of either.

Used for models (``model.inference.save_model_atomically``) and saved drawings.
"""

from __future__ import annotations

import glob
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# A temporary this old was left by a save that was killed; a running save's is younger.
STALE_TEMPORARY_SECONDS = 600


def replace_atomically(path: Path, write: Callable[[str], object]) -> None:
    """Let ``write(temporary_path)`` write the new file beside ``path``, flush it, and rename it
    over ``path`` in one step.  On any error the temporary is removed, ``path`` is untouched, and
    the error is raised.  Temporaries left by earlier killed saves of ``path`` are removed."""
    folder = path.parent
    suffix = f".partial{path.suffix}"
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=suffix, dir=folder)
    os.close(descriptor)
    try:
        write(temporary)
        with open(temporary, "rb") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _fsync_folder(folder)
    _remove_stale_temporaries(folder, f".{glob.escape(path.stem)}.*{glob.escape(suffix)}")


def write_bytes_atomically(path: Path, data: bytes) -> None:
    replace_atomically(path, lambda temporary: Path(temporary).write_bytes(data))


def _remove_stale_temporaries(folder: Path, pattern: str) -> None:
    """Temporaries that killed saves of the same file left behind (never one a running save is writing)."""
    cutoff = time.time() - STALE_TEMPORARY_SECONDS
    for leftover in folder.glob(pattern):
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            pass  # gone already, or not ours to remove


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
