""""My drawings": the person's own labelled digits, a JSON-lines file.

Each correction is appended as one line with one ``write`` under an exclusive
lock, then flushed to disk, so two running copies of the app never interleave
and a crash can at worst tear the last line.  A drawing kept by mistake is taken
back by overwriting its line in place with spaces, which every reader skips as a
blank line: no other line moves, so a crash leaves that line, a blank one, or a
torn one.  A torn or damaged line is skipped with a warning when the file is
read; every other drawing is kept.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from collections.abc import Iterator
from pathlib import Path

from digitpad.model.files.datasets import DataError, StrokeRecord, parse_stroke_line, stroke_record
from digitpad.model.ink.preprocessing import CANVAS_SIZE, validate_strokes
from digitpad.model.words import UnreadableFile, Words

FILE_NAME = "my-drawings.jsonl"

try:
    import fcntl
except ImportError:  # Windows: appends are still single writes (O_APPEND), only not locked
    fcntl = None


class MyDrawings:
    """The drawings a person labelled, kept in ``folder/my-drawings.jsonl``."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FILE_NAME
        self._held: dict[tuple, bool] = {}  # holds()' last answer, for the file as it then was

    def append(self, strokes, label: int, box: float = CANVAS_SIZE, replacing: bytes = b"") -> bytes:
        """Add one drawing with its right label; returns the line written, to ``take_back`` if it was a mistake.
        ``replacing``, a line ``append`` returned, is blanked once the new one is whole on disk (the same drawing
        given another label); if that fails, the new line goes too and the file is as it was."""
        if isinstance(label, bool) or label not in range(10):
            raise ValueError(f"the label must be a digit 0..9, got {label!r}")
        points = validate_strokes(strokes)
        if not points:
            raise ValueError("there is nothing drawn to keep")
        record = stroke_record(points, label, box)
        line = (json.dumps(record, separators=(",", ":")) + "\n").encode("utf-8")
        self.folder.mkdir(parents=True, exist_ok=True)
        with self._locked(os.O_RDWR | os.O_APPEND | os.O_CREAT) as descriptor:
            size = os.fstat(descriptor).st_size
            if _ends_without_newline(descriptor):
                line = b"\n" + line  # never glue a new drawing onto a torn one
            try:
                written = os.write(descriptor, line)
                if written != len(line):  # a nearly full disk takes part of the line
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                os.fsync(descriptor)
                if replacing:
                    self._blank(replacing, before=size)
            except OSError as error:
                os.ftruncate(descriptor, size)  # take the new line back: the file stays as it was
                raise OSError(error.errno, f"{error.strerror}; the file is unchanged", str(self.path)) from None
        return line.lstrip(b"\n")

    def take_back(self, line: bytes) -> bool:
        """Blank ``line``, what ``append`` returned (a drawing kept by mistake).  False when the file no longer
        holds it (my drawings were cleared); the file is then left as it is."""
        if not line or not self.path.exists():
            return False
        with self._locked(os.O_RDWR):
            return self._blank(line, before=self.path.stat().st_size)

    def _blank(self, line: bytes, before: int) -> bool:
        """Overwrite the last whole ``line`` within the file's first ``before`` bytes with spaces, in place (a
        descriptor without O_APPEND, under the caller's lock).  False when it is not there."""
        self._held = {}  # the file changes: holds() reads it again
        descriptor = os.open(self.path, os.O_RDWR)
        try:
            start = _line_start(os.pread(descriptor, before, 0), line)
            if start is None:
                return False
            blank = b" " * (len(line) - 1) + b"\n"
            if os.pwrite(descriptor, blank, start) != len(blank):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            os.fsync(descriptor)
            return True
        finally:
            os.close(descriptor)

    def load(self) -> tuple[list[StrokeRecord], list[Words]]:
        """(records, warnings): unreadable lines are skipped, each with a warning naming it."""
        if not self.path.exists():
            return [], []
        records, warnings = [], []
        with self._locked(os.O_RDONLY) as descriptor:
            data = _read_all(descriptor)
        for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = parse_stroke_line(line, f"{self.path.name}:{number}")
            except UnreadableFile as error:  # words the window says in its language
                warnings.append(Words("skipped a damaged drawing ({place}: {reason})", place=error.path,
                                      reason=error.reason))
                continue
            except DataError as error:
                warnings.append(Words("skipped a damaged drawing ({error})", error=str(error)))
                continue
            if record.label is None:
                warnings.append(Words("skipped {place}: it has no label", place=f"{self.path.name}:{number}"))
                continue
            records.append(record)
        return records, warnings

    def holds(self, line: bytes) -> bool:
        """Whether the file still holds ``line`` (what ``append`` returned), which ``take_back`` blanks.  The
        pad asks at every reading of a drawing that was kept: the file is read again only once it changed."""
        if not line:
            return False
        try:
            stamp = self.path.stat()
            key = (line, stamp.st_ino, stamp.st_size, stamp.st_mtime_ns)
            if key not in self._held:
                with self._locked(os.O_RDONLY) as descriptor:
                    self._held = {key: _line_start(_read_all(descriptor), line) is not None}
            return self._held[key]
        except OSError:  # no file, or one that cannot be read: nothing is held
            return False

    def count(self) -> int:
        return len(self.load()[0])

    def clear(self) -> None:
        """Forget every drawing (the file is emptied under the lock)."""
        if not self.path.exists():
            return
        with self._locked(os.O_WRONLY) as descriptor:
            os.ftruncate(descriptor, 0)
            os.fsync(descriptor)

    @contextlib.contextmanager
    def _locked(self, flags: int) -> Iterator[int]:
        descriptor = os.open(self.path, flags, 0o644)
        try:
            if fcntl is not None:
                shared = flags == os.O_RDONLY
                fcntl.flock(descriptor, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
            yield descriptor
        finally:
            os.close(descriptor)  # closing releases the lock


def _line_start(data: bytes, line: bytes) -> int | None:
    """Where the last whole occurrence of ``line`` begins in ``data``, if it is there."""
    start = data.rfind(line)
    while start > 0 and data[start - 1:start] != b"\n":
        start = data.rfind(line, 0, start + len(line) - 1)
    return None if start < 0 else start


def _ends_without_newline(descriptor: int) -> bool:
    size = os.fstat(descriptor).st_size
    if size == 0:
        return False
    return os.pread(descriptor, 1, size - 1) != b"\n"


def _read_all(descriptor: int) -> bytes:
    chunks = []
    while chunk := os.read(descriptor, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)
