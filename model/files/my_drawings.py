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
        ``replacing``, a line ``append`` returned, is replaced by the new one while it is the file's last line
        (the same drawing given another label); it stays until the new line is whole on disk."""
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
            start = size - len(replacing) if replacing and _ends_with(descriptor, replacing) else size
            if start == size and _ends_without_newline(descriptor):
                line = b"\n" + line  # never glue a new drawing onto a torn one
            try:
                written = os.write(descriptor, line)
                if written != len(line):  # a nearly full disk takes part of the line
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                os.fsync(descriptor)
            except OSError as error:
                os.ftruncate(descriptor, size)  # take the part back: the file stays as it was
                raise OSError(error.errno, f"{error.strerror}; the file is unchanged", str(self.path)) from None
            if start < size:  # over the line it replaces, into room the file already has
                os.pwrite(descriptor, line, start)
                os.ftruncate(descriptor, start + len(line))
                os.fsync(descriptor)
        return line.lstrip(b"\n")

    def take_back(self, line: bytes) -> bool:
        """Remove ``line``, what ``append`` returned, while it is still the file's last line (it was kept by
        mistake).  False when it is not: another DigitPad added a drawing since, or my drawings were cleared;
        the file is then left as it is."""
        if not line or not self.path.exists():
            return False
        with self._locked(os.O_RDWR) as descriptor:
            if not _ends_with(descriptor, line):
                return False
            size = os.fstat(descriptor).st_size
            os.ftruncate(descriptor, size - len(line))  # the file shrinks back to what it was: nothing rewritten
            os.fsync(descriptor)
        return True

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

    def ends_with(self, line: bytes) -> bool:
        """Whether ``line`` (what ``append`` returned) is still the last drawing, which ``take_back`` removes."""
        if not line or not self.path.exists():
            return False
        with self._locked(os.O_RDONLY) as descriptor:
            return _ends_with(descriptor, line)

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


def _ends_with(descriptor: int, line: bytes) -> bool:
    size = os.fstat(descriptor).st_size
    return size >= len(line) and os.pread(descriptor, len(line), size - len(line)) == line


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
