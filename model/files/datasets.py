"""Where training and test data come from: MNIST files and stroke datasets (JSON lines).

Every loader checks what it reads and raises DataError naming the file and
what is wrong with it.  Nothing is unpickled (``allow_pickle=False``).
"""

from __future__ import annotations

import gzip
import json
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from digitpad.model.ink.preprocessing import CANVAS_SIZE, MAX_POINTS, fit_to_canvas, too_many_points
from digitpad.model.words import UnreadableFile, Words, json_reader_error

MNIST_ENV = "DIGITPAD_MNIST"
_IDX_NAMES = {
    "x_train": "train-images-idx3-ubyte",
    "y_train": "train-labels-idx1-ubyte",
    "x_test": "t10k-images-idx3-ubyte",
    "y_test": "t10k-labels-idx1-ubyte",
}
_IDX_UBYTE = 0x08


class DataError(ValueError):
    """A data file is missing, unreadable or not what it claims to be."""


class UnreadableData(DataError, UnreadableFile):
    """A data file, or a line of one, that cannot be used ("path: reason", the reason as ``Words``): what the Train
    panel says before a training starts or when it fails, and why a drawing cannot be opened, in the window's
    language."""


@dataclass
class Mnist:
    """MNIST as Keras lays it out: uint8 images (n, 28, 28), uint8 labels (n,)."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    source: str = ""


@dataclass
class StrokeRecord:
    """One drawing from a stroke dataset, already mapped onto the canvas."""

    strokes: list[np.ndarray]
    label: int | None
    # pendigits numbers its writers; UNIPEN names the file a writer's session came from.
    writer: int | str | None = None
    # The collection site (UNIPEN's "apa", "tos", ...), so that whole sites can be held out.
    source: str | None = None


# --- MNIST -------------------------------------------------------------------

def load_mnist(path: str | os.PathLike | None = None) -> Mnist:
    """MNIST from ``path`` (a Keras-layout .npz or a folder of IDX files), else
    ``$DIGITPAD_MNIST``, else Keras' copy, downloaded once into Keras' cache (checked against its
    SHA-256)."""
    if path is None:
        path = os.environ.get(MNIST_ENV) or None
    if path is None:
        return _download_mnist()
    path = Path(path).expanduser()
    if not path.exists():
        raise UnreadableData(path, Words("no such file or folder (expected MNIST as a .npz file or a folder of IDX "
                                         "files)"))
    data = _load_idx_folder(path) if path.is_dir() else _load_npz(path)
    _check_mnist(data, path)
    return Mnist(**data, source=str(path))


# Keras' own copy of MNIST and its checksum (keras.datasets.mnist): downloaded here with the standard
# library, so that nothing on the window's side imports Keras and nothing is printed to a terminal.
MNIST_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
MNIST_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
MNIST_DOWNLOAD_BYTES = 11_490_434


def mnist_cache_path() -> Path:
    """Where the download is kept: Keras' cache, so a copy Keras already fetched is used as it is."""
    home = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return Path(home) / "datasets" / "mnist.npz"


def _download_mnist() -> Mnist:
    cached = mnist_cache_path()
    if not cached.exists():
        try:
            download_mnist(cached)
        except (OSError, ValueError) as error:
            raise DataError(
                f"MNIST is needed and could not be downloaded ({one_line_reason(error)}): choose a local "
                "mnist.npz or folder of IDX files (--data PATH on the command line)."
            ) from None
    data = _load_npz(cached)
    _check_mnist(data, cached)
    return Mnist(**data, source=str(cached))


def download_mnist(path: Path, timeout: float = 30.0, report: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> None:
    """Fetch Keras' mnist.npz into ``path``, checked against its SHA-256, written atomically.
    ``report(received, total)`` hears the bytes as they come; ``cancelled()`` true stops the download
    (raising DownloadCancelled) with nothing written."""
    import hashlib
    import urllib.request

    from digitpad.model.files.atomic import write_bytes_atomically

    chunks, received = [], 0
    with urllib.request.urlopen(MNIST_URL, timeout=timeout) as response:
        while received < 2 * MNIST_DOWNLOAD_BYTES:
            if cancelled is not None and cancelled():
                raise DownloadCancelled("the download of MNIST was cancelled")
            chunk = response.read(256 * 1024)
            if not chunk:
                break
            chunks.append(chunk)
            received += len(chunk)
            if report is not None:
                report(received, MNIST_DOWNLOAD_BYTES)
    data = b"".join(chunks)
    if hashlib.sha256(data).hexdigest() != MNIST_SHA256:
        raise ValueError("the downloaded file is not the MNIST it should be (its checksum differs)")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomically(path, data)


class DownloadCancelled(Exception):
    """The person cancelled a download: not an error to report."""


def one_line_reason(error: BaseException) -> str:
    """A network failure in a few words: urllib's reason without its nested exception's repr."""
    reason = getattr(error, "reason", None) or error
    return str(reason).strip().rstrip(".") or type(error).__name__


def _not_a_zip(path: Path) -> DataError:
    """An .npz that is no zip archive: numpy would call it pickled data, to be loaded "unsafely"."""
    return UnreadableData(path, Words("not a readable MNIST .npz (an .npz is a zip archive, and this file is not one)"))


def _load_npz(path: Path) -> dict[str, np.ndarray]:
    if path.is_file() and not zipfile.is_zipfile(path):
        raise _not_a_zip(path)
    try:
        with np.load(path, allow_pickle=False) as archive:
            missing = [key for key in _IDX_NAMES if key not in archive.files]
            if missing:
                raise UnreadableData(path, Words(
                    "missing arrays {missing} (found {found}; expected x_train, y_train, x_test, y_test)",
                    missing=", ".join(missing), found=", ".join(archive.files) or "none"))
            return {key: archive[key] for key in _IDX_NAMES}
    except DataError:
        raise
    except (ValueError, OSError, zipfile.BadZipFile, EOFError) as error:
        raise UnreadableData(path, Words("not a readable .npz archive ({error})", error=str(error))) from None


def _load_idx_folder(folder: Path) -> dict[str, np.ndarray]:
    data = {}
    for key in _IDX_NAMES:
        data[key] = read_idx(_find_idx_file(folder, key))
    return data


def _find_idx_file(folder: Path, key: str) -> Path:
    """The IDX file for ``key`` ("x_train", ...) in an MNIST folder, gzipped or not, either naming."""
    stem = _IDX_NAMES[key]
    candidates = [folder / stem, folder / f"{stem}.gz", folder / stem.replace("-idx", ".idx")]
    candidates += [folder / f"{stem.replace('-idx', '.idx')}.gz"]
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        raise UnreadableData(folder, Words("no {stem} or {stem}.gz in this folder (expected the four MNIST IDX files)",
                                          stem=stem))
    return found


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """An IDX file of unsigned bytes (gzipped or not) as a numpy array."""
    path = Path(path)
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as stream:
            raw = stream.read()
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise UnreadableData(path, Words("cannot read ({error})", error=str(error))) from None
    shape = _idx_shape(raw, path)
    header = 4 + 4 * len(shape)
    expected = int(np.prod(shape))
    if len(raw) - header != expected:
        raise UnreadableData(path, Words("IDX header says {expected} bytes of data for shape {shape}, file has "
                                         "{found}", expected=expected, shape=shape, found=len(raw) - header))
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(shape)


def _idx_shape(header: bytes, path: Path) -> tuple[int, ...]:
    """The array shape an IDX file's header declares (unsigned bytes only)."""
    if len(header) < 4 or header[0] != 0 or header[1] != 0:
        raise UnreadableData(path, Words("not an IDX file (bad magic number)"))
    if header[2] != _IDX_UBYTE:
        raise UnreadableData(path, Words("IDX data type 0x{code:02x} is not unsigned bytes (0x08)", code=header[2]))
    ndim = header[3]
    if ndim == 0 or len(header) < 4 + 4 * ndim:
        raise UnreadableData(path, Words("truncated IDX header"))
    return tuple(int.from_bytes(header[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))


def _check_mnist(data: dict[str, np.ndarray], path: Path) -> None:
    for split in ("train", "test"):
        images, labels = data[f"x_{split}"], data[f"y_{split}"]
        if images.ndim != 3 or images.shape[1:] != (28, 28):
            raise UnreadableData(path, Words("x_{split} has shape {shape}, expected (n, 28, 28)", split=split,
                                             shape=images.shape))
        if labels.ndim != 1 or len(labels) != len(images):
            raise UnreadableData(path, Words("y_{split} has shape {shape}, expected ({count},)", split=split,
                                             shape=labels.shape, count=len(images)))
        if not np.issubdtype(images.dtype, np.integer) or images.min(initial=0) < 0 or images.max(initial=0) > 255:
            raise UnreadableData(path, Words("x_{split} must hold integers 0..255, got dtype {dtype}", split=split,
                                             dtype=str(images.dtype)))
        if not np.issubdtype(labels.dtype, np.integer) or labels.min(initial=0) < 0 or labels.max(initial=0) > 9:
            raise UnreadableData(path, Words("y_{split} must hold digit labels 0..9, got dtype {dtype}", split=split,
                                             dtype=str(labels.dtype)))
        if len(images) == 0:
            raise UnreadableData(path, Words("x_{split} is empty", split=split))
        data[f"x_{split}"] = images.astype(np.uint8, copy=False)
        data[f"y_{split}"] = labels.astype(np.uint8, copy=False)


# --- stroke datasets ---------------------------------------------------------

# The longest JSON line DigitPad reads: 1,000,000 points (preprocessing.MAX_POINTS) written with two
# decimals take about 16 MB.  A longer line is refused before it is parsed into Python objects.
MAX_LINE_BYTES = 20 * 1024 * 1024


def stroke_record(strokes, label: int | None = None, box: float = CANVAS_SIZE,
                  brush: list[float] | None = None) -> dict:
    """One drawing as a JSON object of the stroke-dataset format (what ``parse_stroke_line`` reads,
    ``digitpad predict --strokes`` takes, *my drawings* keeps and File > Save drawing writes)."""
    record: dict = {
        "strokes": [[[round(float(x), 2), round(float(y), 2)] for x, y in stroke] for stroke in strokes],
        "width": box,
        "height": box,
    }
    if brush is not None:
        record["brush"] = [round(float(width), 1) for width in brush]
    if label is not None:
        record["label"] = int(label)
    return record


def parse_stroke_line(line: str | bytes, where: str = "input",
                      default_box: tuple[float, float] | None = None) -> StrokeRecord:
    """One JSON line ``{"strokes": ..., "label"?, "width"?, "height"?, "writer"?}`` mapped onto the canvas.

    Without "width"/"height" the strokes are taken to be in ``default_box``
    (None: already in canvas coordinates).
    """
    _check_size(line, where)
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise UnreadableData(where, Words("not valid JSON ({error} at column {column})", error=error.msg,
                                          column=error.colno)) from None
    except (UnicodeDecodeError, RecursionError) as error:
        raise UnreadableData(where, Words("not valid JSON ({error})", error=json_reader_error(error))) from None
    if not isinstance(item, dict) or "strokes" not in item:
        raise UnreadableData(where, Words('expected a JSON object with a "strokes" list'))
    box = default_box
    if "width" in item or "height" in item:
        box = (item.get("width", item.get("height")), item.get("height", item.get("width")))
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in box):
            raise UnreadableData(where, Words('"width" and "height" must be numbers'))
    label = item.get("label")
    if label is not None and (isinstance(label, bool) or label not in range(10)):
        raise UnreadableData(where, Words('"label" must be a digit 0..9, got {label!r}', label=label))
    try:
        strokes = fit_to_canvas(item["strokes"], box)
    except ValueError as error:  # the strokes' own words (ink.preprocessing)
        reason = error.args[0] if error.args and isinstance(error.args[0], Words) else Words("{error}", error=error)
        raise UnreadableData(where, reason) from None
    writer = item.get("writer")
    if isinstance(writer, bool) or not isinstance(writer, (int, str)):
        writer = None
    source = item.get("source")
    return StrokeRecord(strokes, label, writer, source if isinstance(source, str) else None)


def _check_size(line: str | bytes, where: str) -> None:
    """Refuse what is not a drawing before json.loads turns it into millions of Python objects."""
    if len(line) > MAX_LINE_BYTES:
        raise UnreadableData(where, Words("the line is longer than {megabytes} MB (the limit); it is not a drawing",
                                          megabytes=MAX_LINE_BYTES // (1024 * 1024)))
    brackets = line.count(b"[" if isinstance(line, bytes) else "[")
    if brackets > MAX_POINTS + 10_000:  # one per point, one per stroke
        raise UnreadableData(where, too_many_points())


def load_stroke_records(
    path: str | os.PathLike, *, require_labels: bool = False, default_box: tuple[float, float] | None = None
) -> list[StrokeRecord]:
    """Every record of a JSON-lines stroke file; a bad line raises DataError naming its number."""
    path = Path(path).expanduser()
    try:
        with open(path, "rb") as stream:
            return read_stroke_records(stream, str(path), require_labels=require_labels, default_box=default_box)
    except FileNotFoundError:
        raise UnreadableData(path, Words("no such file")) from None
    except IsADirectoryError:
        raise UnreadableData(path, Words("is a folder, not a stroke file")) from None
    except OSError as error:
        raise UnreadableData(path, Words("cannot read ({error})", error=error.strerror or str(error))) from None


def read_stroke_records(
    stream: BinaryIO, name: str, *, require_labels: bool = False, default_box: tuple[float, float] | None = None
) -> list[StrokeRecord]:
    """Parse JSON lines from a binary stream (blank lines skipped); errors say ``name:line``.  A bad
    record stops the reading: in a training file it would mean a wrong or missing drawing."""
    records = []
    for number, line in enumerate(_bounded_lines(stream, name), start=1):
        if not line.strip():
            continue
        record = parse_stroke_line(line, f"{name}:{number}", default_box)
        if require_labels and record.label is None:
            raise UnreadableData(f"{name}:{number}", Words('no "label" (a digit 0..9 is needed here)'))
        records.append(record)
    return records


def _bounded_lines(stream: BinaryIO, name: str) -> Iterator[bytes]:
    """The stream's lines, each read only up to the limit: a 110 MB line is never held whole."""
    number = 0
    while line := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(line) > MAX_LINE_BYTES:
            raise UnreadableData(f"{name}:{number}", Words("the line is longer than {megabytes} MB (the limit); it "
                                                           "is not a drawing",
                                                           megabytes=MAX_LINE_BYTES // (1024 * 1024)))
        yield line


def parse_writer_list(text: str) -> set[int | str]:
    """Writers named on a command line, comma-separated: numbers (pendigits) or names (UNIPEN's files)."""
    names = {part.strip() for part in text.split(",") if part.strip()}
    if not names:
        raise ValueError(f"expected writers separated by commas, got {text!r}")
    return {int(name) if name.lstrip("-").isdigit() else name for name in names}


def parse_source_list(text: str) -> set[str]:
    """Collection sites named on a command line, comma-separated (UNIPEN's "apa", "tos", ...)."""
    names = {part.strip() for part in text.split(",") if part.strip()}
    if not names:
        raise ValueError(f"expected sites separated by commas, such as apb,imp, got {text!r}")
    return names


def select_records(
    records: list[StrokeRecord],
    *,
    writers: set | None = None,
    sources: set[str] | None = None,
    exclude_writers: set = frozenset(),
    exclude_sources: set[str] = frozenset(),
) -> list[StrokeRecord]:
    """The records of the given writers and sites (None: any), less the excluded ones.  A record
    without a site is never excluded by site, and never chosen by one."""
    return [
        r for r in records
        if (writers is None or r.writer in writers)
        and (sources is None or r.source in sources)
        and r.writer not in exclude_writers
        and (r.source is None or r.source not in exclude_sources)
    ]


def without_repeats(records: list[StrokeRecord]) -> list[StrokeRecord]:
    """The records less exact repeats (the same points in the same strokes, the same label), first
    kept.  UNIPEN's syn site holds 108 digits twice, each time within one writer's file: a repeat
    adds no new hand, only weight."""
    seen: set[tuple] = set()
    unique = []
    for record in records:
        key = (record.label, tuple(s.tobytes() for s in record.strokes))
        if key not in seen:
            seen.add(key)
            unique.append(record)
    return unique


def mnist_needs_download(path: str | os.PathLike | None = None) -> bool:
    """True when MNIST would come from Keras' download and is not in Keras' cache yet."""
    if path or os.environ.get(MNIST_ENV):
        return False
    return not mnist_cache_path().exists()


def count_mnist(path: str | os.PathLike | None = None) -> tuple[int, int]:
    """(training, test) image counts from the files' headers only, without loading the images.

    With no path and no $DIGITPAD_MNIST: Keras' download, which holds 60,000 and 10,000.
    Raises DataError for a missing or unreadable source."""
    if path is None:
        path = os.environ.get(MNIST_ENV) or None
    if path is None:
        return 60000, 10000
    path = Path(path).expanduser()
    if not path.exists():
        raise UnreadableData(path, Words("no such file or folder"))
    if path.is_dir():
        counts = []
        for key in ("x_train", "x_test"):
            found = _find_idx_file(path, key)
            opener = gzip.open if found.suffix == ".gz" else open
            try:
                with opener(found, "rb") as stream:
                    header = stream.read(4 + 4 * 4)  # the magic number and up to four sizes
            except (OSError, EOFError) as error:
                raise UnreadableData(found, Words("cannot read ({error})", error=str(error))) from None
            counts.append(_idx_shape(header, found)[0])
        return counts[0], counts[1]
    if not zipfile.is_zipfile(path):
        raise _not_a_zip(path)
    try:
        with zipfile.ZipFile(path) as archive:
            counts = []
            for key in ("x_train", "x_test"):
                with archive.open(f"{key}.npy") as member:
                    major, _ = np.lib.format.read_magic(member)
                    read_header = (np.lib.format.read_array_header_1_0 if major == 1
                                   else np.lib.format.read_array_header_2_0)
                    shape, _, _ = read_header(member)
                    counts.append(int(shape[0]))
            return counts[0], counts[1]
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise UnreadableData(path, Words("not a readable MNIST .npz ({error})", error=str(error))) from None


def count_lines(path: str | os.PathLike) -> int:
    """Non-empty lines of a JSON-lines file (how many drawings it holds)."""
    path = Path(path).expanduser()
    try:
        with open(path, "rb") as stream:
            return sum(1 for line in stream if line.strip())
    except OSError as error:
        raise UnreadableData(path, Words("cannot read ({error})", error=error.strerror or str(error))) from None
