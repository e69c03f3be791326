"""Replacing a file so that a crash leaves the old file or the new one, never half of either.

Used for models (``model.training.keras_models.save_model_atomically``), exports and saved drawings.  The new
file gets the permissions the user's umask gives any new file (0644 under umask 022), like a file
written in place would: ``tempfile.mkstemp`` would make it 0600, and the rename would keep that.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
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
    temporary = _create_temporary(folder, f".{path.stem}.", suffix)
    try:
        write(str(temporary))
        with open(temporary, "rb") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        _remove(temporary)
        raise
    _fsync_folder(folder)
    _remove_stale_temporaries(folder, f".{glob.escape(path.stem)}.*{glob.escape(suffix)}")


def write_bytes_atomically(path: Path, data: bytes) -> None:
    replace_atomically(path, lambda temporary: Path(temporary).write_bytes(data))


def copy_file_atomically(source: str | Path, path: Path) -> None:
    """``path`` becomes a copy of ``source``, whole or not at all."""
    replace_atomically(path, lambda temporary: shutil.copyfile(source, temporary))


def replace_folder_atomically(path: Path, write: Callable[[str], object], is_ours: Callable[[Path], bool]) -> None:
    """Like replace_atomically for a folder (a TensorFlow SavedModel): ``write`` fills a new folder
    beside ``path``, which then takes ``path``'s place.  An existing ``path`` is replaced only when
    ``is_ours(path)`` says it is the same kind of folder; anything else there is refused, never deleted.
    A folder cannot be renamed over another in one step, so the old one is moved aside first: a crash
    in between leaves both, complete, under their temporary names."""
    if path.exists() and not (path.is_dir() and is_ours(path)):
        raise FileExistsError(17, "something else is already there; choose another name", str(path))
    folder = path.parent
    temporary = folder / f".{path.name}.{secrets.token_hex(4)}.partial"
    os.mkdir(temporary, 0o777)  # the umask decides, as for any new folder
    try:
        write(str(temporary))
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    old = folder / f".{path.name}.{secrets.token_hex(4)}.old"
    if path.exists():
        os.replace(path, old)
    os.replace(temporary, path)
    _fsync_folder(folder)
    shutil.rmtree(old, ignore_errors=True)


def _create_temporary(folder: Path, prefix: str, suffix: str) -> Path:
    """A new empty file with a name nobody else uses, created with mode 0666 less the umask."""
    for _ in range(100):
        candidate = folder / f"{prefix}{secrets.token_hex(4)}{suffix}"
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return candidate
        except FileExistsError:
            continue
    raise FileExistsError(17, "could not find a free temporary name", str(folder))


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


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
