""""My drawings": the person's own labelled digits, a JSON-lines file that only ever grows.

Each correction is appended as one line with one ``write`` under an exclusive
lock, then flushed to disk, so two running copies of the app never interleave
and a crash can at worst tear the last line.  A torn or damaged line is skipped
with a warning when the file is read; every other drawing is kept.
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

FILE_NAME = "my-drawings.jsonl"

try:
    import fcntl
except ImportError:  # Windows: appends are still single writes, only not locked
    fcntl = None


class MyDrawings:
    """The drawings a person labelled, kept in ``folder/my-drawings.jsonl``."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FILE_NAME

    def append(self, strokes, label: int, box: float = CANVAS_SIZE, replacing: bytes = b"") -> bytes:
        """Add one drawing with its right label; returns the line written, to ``take_back`` if it was a mistake.
        ``replacing``, a line ``append`` returned, is taken out once the new one is whole on disk (the same
        drawing given another label)."""
        if isinstance(label, bool) or label not in range(10):
            raise ValueError(f"the label must be a digit 0..9, got {label!r}")
        points = validate_strokes(strokes)
        if not points:
            raise ValueError("there is nothing drawn to keep")
        record = stroke_record(points, label, box)
        line = (json.dumps(record, separators=(",", ":")) + "\n").encode("utf-8")
        self.folder.mkdir(parents=True, exist_ok=True)
        with self._locked(os.O_RDWR | os.O_CREAT) as descriptor:
            size = os.lseek(descriptor, 0, os.SEEK_END)
            if _ends_without_newline(descriptor):
                line = b"\n" + line  # never glue a new drawing onto a torn one
            try:
                written = os.write(descriptor, line)
                if written != len(line):  # a nearly full disk takes part of the line
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                os.fsync(descriptor)
            except OSError as error:
                os.ftruncate(descriptor, size)  # take the part back: the file stays as it was
                raise OSError(error.errno, f"{error.strerror}; the file is unchanged", str(self.path)) from None
            if replacing:
                _remove_line(descriptor, replacing, before=size)
        return line.lstrip(b"\n")

    def take_back(self, line: bytes) -> bool:
        """Remove ``line``, what ``append`` returned (a drawing kept by mistake).  False when the file no longer
        holds it (my drawings were cleared); the file is then left as it is."""
        if not line or not self.path.exists():
            return False
        with self._locked(os.O_RDWR) as descriptor:
            return _remove_line(descriptor, line, before=os.fstat(descriptor).st_size)

    def load(self) -> tuple[list[StrokeRecord], list[str]]:
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
            except DataError as error:
                warnings.append(f"skipped a damaged drawing ({error})")
                continue
            if record.label is None:
                warnings.append(f"skipped {self.path.name}:{number}: it has no label")
                continue
            records.append(record)
        return records, warnings

    def holds(self, line: bytes) -> bool:
        """Whether the file still holds ``line`` (what ``append`` returned), which ``take_back`` removes."""
        if not line or not self.path.exists():
            return False
        with self._locked(os.O_RDONLY) as descriptor:
            return _line_start(_read_all(descriptor), line) is not None

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


def _remove_line(descriptor: int, line: bytes, before: int) -> bool:
    """Take ``line`` out of the file's first ``before`` bytes: the lines after it move up over it (a few kept
    since, at most), then the file is cut.  Under the caller's lock."""
    data = os.pread(descriptor, os.fstat(descriptor).st_size, 0)
    start = _line_start(data[:before], line)
    if start is None:
        return False
    tail = data[start + len(line):]
    os.pwrite(descriptor, tail, start)
    os.ftruncate(descriptor, start + len(tail))
    os.fsync(descriptor)
    return True


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
