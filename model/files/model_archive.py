"""Reading a ``.keras`` file from someone else without letting it exhaust the machine.

A ``.keras`` file is a zip archive: ``metadata.json``, ``config.json`` (the architecture) and
``model.weights.h5``.  Before any member is read, what the archive declares is checked: only those
names, each within a size generous for any model DigitPad can use, at a compression ratio real
models have.  Members are then read through a bounded reader, because a zip can lie about its sizes.
A 3 MB archive whose config inflates to 3 GB is refused in milliseconds instead of filling memory.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from digitpad.model.words import UnreadableFile, Words

MB = 1024 * 1024
# The largest uncompressed size each member may have.  The seed convnet's weights are 0.4 MB and its
# config 4 KB: these leave room for any model of this kind, and refuse what no model of it needs.
MEMBER_LIMITS = {"metadata.json": 64 * 1024, "config.json": 1 * MB, "model.weights.h5": 200 * MB}
MAX_ARCHIVE_BYTES = 250 * MB
# Weights barely compress and JSON compresses about 10×; a zip bomb inflates a thousandfold.
MAX_COMPRESSION_RATIO = 100
# Below this size a member may compress as well as it likes (a small config of repeated keys does).
RATIO_APPLIES_ABOVE = 1 * MB


class ModelError(ValueError):
    """A model file that cannot be used: missing, corrupt, unsafe, too large or of the wrong shape."""


class UnreadableModel(UnreadableFile, ModelError):
    """A model file that cannot be opened, with the reason as ``Words`` (the window says it in its language)."""


def _corrupt(path: Path, error: BaseException) -> UnreadableModel:
    reason = Words("not a Keras model (the file is corrupt or truncated: {error})", error=str(error))
    return UnreadableModel(path, reason)


def check_model_path(path: str | os.PathLike) -> Path:
    """The path of a ``.keras`` file that exists, is not empty and is a zip archive, else ModelError."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise UnreadableModel(path, Words("no such model file"))
    if path.suffix != ".keras":
        raise UnreadableModel(path, Words("not a .keras model file (DigitPad reads Keras 3 .keras files only)"))
    size = path.stat().st_size
    if size == 0:
        raise UnreadableModel(path, Words("the file is empty"))
    if size > MAX_ARCHIVE_BYTES:
        raise UnreadableModel(path, Words("the file is {size:,.0f} MB; DigitPad opens models of up to {limit} MB",
                                          size=size / MB, limit=MAX_ARCHIVE_BYTES // MB))
    if not zipfile.is_zipfile(path):
        raise UnreadableModel(path, Words("not a Keras model (the file is corrupt or truncated)"))
    return path


def read_members(path: str | os.PathLike) -> dict[str, bytes]:
    """``config.json`` and ``model.weights.h5`` of a checked archive, each read within its limit."""
    path = check_model_path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_declared(archive, path)
            return {name: _bounded_read(archive, name, path) for name in ("config.json", "model.weights.h5")}
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
        raise _corrupt(path, error) from None


def check_archive(path: str | os.PathLike) -> Path:
    """Check a ``.keras`` archive completely (declared sizes, then every member inflated and counted
    without keeping it) before a reader that trusts the archive, such as Keras itself, opens it."""
    path = check_model_path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_declared(archive, path)
            for name in archive.namelist():
                _bounded_read(archive, name, path, keep=False)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
        raise _corrupt(path, error) from None
    return path


def _check_declared(archive: zipfile.ZipFile, path: Path) -> None:
    names = archive.namelist()
    unexpected = [name for name in names if name not in MEMBER_LIMITS]
    if unexpected:
        raise UnreadableModel(path, Words("not a DigitPad model: the archive holds {name!r} (expected only {names})",
                                          name=unexpected[0], names=", ".join(MEMBER_LIMITS)))
    for required in ("config.json", "model.weights.h5"):
        if required not in names:
            raise UnreadableModel(path, Words("not a Keras model (no {member} in the archive)", member=required))
    for info in archive.infolist():
        limit = MEMBER_LIMITS[info.filename]
        if info.file_size > limit:
            raise UnreadableModel(path, Words("its {member} would inflate to {size:,.1f} MB; the limit is {limit:g} MB",
                                              member=info.filename, size=info.file_size / MB, limit=limit / MB))
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_APPLIES_ABOVE and ratio > MAX_COMPRESSION_RATIO:
            raise UnreadableModel(path, Words("its {member} is compressed {ratio:,.0f}:1, which no model is (the limit "
                                              "is {limit}:1)", member=info.filename, ratio=ratio,
                                              limit=MAX_COMPRESSION_RATIO))


def _bounded_read(archive: zipfile.ZipFile, name: str, path: Path, keep: bool = True) -> bytes:
    """Inflate a member, stopping as soon as it passes its limit: the declared size can be a lie."""
    limit = MEMBER_LIMITS[name]
    chunks, total = [], 0
    with archive.open(name) as member:
        while chunk := member.read(1 * MB):
            total += len(chunk)
            if total > limit:
                raise UnreadableModel(path, Words("its {member} inflates beyond {limit:g} MB (the limit), more than "
                                                  "the archive declares", member=name, limit=limit / MB))
            if keep:
                chunks.append(chunk)
    return b"".join(chunks)
