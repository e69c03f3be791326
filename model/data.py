"""Where training and test data come from: MNIST files and stroke datasets (JSON lines).

Every loader checks what it reads and raises DataError naming the file and
what is wrong with it.  Nothing is unpickled (``allow_pickle=False``).
"""

from __future__ import annotations

import gzip
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from digitpad.model.preprocessing import fit_to_canvas

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
    writer: int | None = None
    extra: dict = field(default_factory=dict)


# --- MNIST -------------------------------------------------------------------

def load_mnist(path: str | os.PathLike | None = None) -> Mnist:
    """MNIST from ``path`` (a Keras-layout .npz or a folder of IDX files), else
    ``$DIGITPAD_MNIST``, else Keras' download (needs the internet once; Keras
    verifies its checksum and caches it)."""
    if path is None:
        path = os.environ.get(MNIST_ENV) or None
    if path is None:
        return _download_mnist()
    path = Path(path).expanduser()
    if not path.exists():
        raise DataError(f"{path}: no such file or folder (expected MNIST as a .npz file or a folder of IDX files)")
    data = _load_idx_folder(path) if path.is_dir() else _load_npz(path)
    _check_mnist(data, path)
    return Mnist(**data, source=str(path))


def _download_mnist() -> Mnist:
    try:
        import keras

        (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    except Exception as error:  # any network or cache failure
        raise DataError(
            "MNIST is not available: no file given, $DIGITPAD_MNIST is not set, and the download "
            f"failed ({type(error).__name__}: {error}). Give a local mnist.npz or folder of IDX files "
            "(Choose… in the Train panel, --data PATH on the command line)."
        ) from None
    data = {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}
    _check_mnist(data, Path("keras download"))
    return Mnist(**data, source="keras.datasets.mnist")


def _load_npz(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as archive:
            missing = [key for key in _IDX_NAMES if key not in archive.files]
            if missing:
                raise DataError(
                    f"{path}: missing arrays {', '.join(missing)} "
                    f"(found {', '.join(archive.files) or 'none'}; expected x_train, y_train, x_test, y_test)"
                )
            return {key: archive[key] for key in _IDX_NAMES}
    except DataError:
        raise
    except (ValueError, OSError, zipfile.BadZipFile, EOFError) as error:
        raise DataError(f"{path}: not a readable .npz archive ({error})") from None


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
        raise DataError(f"{folder}: no {stem} or {stem}.gz in this folder (expected the four MNIST IDX files)")
    return found


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """An IDX file of unsigned bytes (gzipped or not) as a numpy array."""
    path = Path(path)
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as stream:
            raw = stream.read()
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise DataError(f"{path}: cannot read ({error})") from None
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0:
        raise DataError(f"{path}: not an IDX file (bad magic number)")
    if raw[2] != _IDX_UBYTE:
        raise DataError(f"{path}: IDX data type 0x{raw[2]:02x} is not unsigned bytes (0x08)")
    ndim = raw[3]
    header = 4 + 4 * ndim
    if ndim == 0 or len(raw) < header:
        raise DataError(f"{path}: truncated IDX header")
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    expected = int(np.prod(shape))
    if len(raw) - header != expected:
        raise DataError(f"{path}: IDX header says {expected} bytes of data for shape {shape}, file has {len(raw) - header}")
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(shape)


def _check_mnist(data: dict[str, np.ndarray], path: Path) -> None:
    for split in ("train", "test"):
        images, labels = data[f"x_{split}"], data[f"y_{split}"]
        if images.ndim != 3 or images.shape[1:] != (28, 28):
            raise DataError(f"{path}: x_{split} has shape {images.shape}, expected (n, 28, 28)")
        if labels.ndim != 1 or len(labels) != len(images):
            raise DataError(f"{path}: y_{split} has shape {labels.shape}, expected ({len(images)},)")
        if not np.issubdtype(images.dtype, np.integer) or images.min(initial=0) < 0 or images.max(initial=0) > 255:
            raise DataError(f"{path}: x_{split} must hold integers 0..255, got dtype {images.dtype}")
        if not np.issubdtype(labels.dtype, np.integer) or labels.min(initial=0) < 0 or labels.max(initial=0) > 9:
            raise DataError(f"{path}: y_{split} must hold digit labels 0..9, got dtype {labels.dtype}")
        if len(images) == 0:
            raise DataError(f"{path}: x_{split} is empty")
        data[f"x_{split}"] = images.astype(np.uint8, copy=False)
        data[f"y_{split}"] = labels.astype(np.uint8, copy=False)


# --- stroke datasets ---------------------------------------------------------

def parse_stroke_line(line: str, where: str = "input", default_box: tuple[float, float] | None = None) -> StrokeRecord:
    """One JSON line ``{"strokes": ..., "label"?, "width"?, "height"?, "writer"?}`` mapped onto the canvas.

    Without "width"/"height" the strokes are taken to be in ``default_box``
    (None: already in canvas coordinates).
    """
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise DataError(f"{where}: not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(item, dict) or "strokes" not in item:
        raise DataError(f'{where}: expected a JSON object with a "strokes" list')
    box = default_box
    if "width" in item or "height" in item:
        box = (item.get("width", item.get("height")), item.get("height", item.get("width")))
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in box):
            raise DataError(f'{where}: "width" and "height" must be numbers')
    label = item.get("label")
    if label is not None and (isinstance(label, bool) or label not in range(10)):
        raise DataError(f'{where}: "label" must be a digit 0..9, got {label!r}')
    try:
        strokes = fit_to_canvas(item["strokes"], box)
    except ValueError as error:
        raise DataError(f"{where}: {error}") from None
    writer = item.get("writer")
    extra = {k: v for k, v in item.items() if k not in ("strokes", "label", "writer")}
    return StrokeRecord(strokes, label, writer if isinstance(writer, int) else None, extra)


def load_stroke_records(
    path: str | os.PathLike, *, require_labels: bool = False, default_box: tuple[float, float] | None = None
) -> list[StrokeRecord]:
    """Every record of a JSON-lines stroke file; a bad line raises DataError naming its number."""
    path = Path(path).expanduser()
    try:
        with open(path, encoding="utf-8") as stream:
            lines = stream.readlines()
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{path}: cannot read as UTF-8 text ({error})") from None
    return parse_stroke_lines(lines, str(path), require_labels=require_labels, default_box=default_box)


def parse_stroke_lines(
    lines, name: str, *, require_labels: bool = False, default_box: tuple[float, float] | None = None
) -> list[StrokeRecord]:
    """Parse JSON lines (blank lines skipped); errors say ``name:line``."""
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = parse_stroke_line(line, f"{name}:{number}", default_box)
        if require_labels and record.label is None:
            raise DataError(f'{name}:{number}: no "label" (a digit 0..9 is needed here)')
        records.append(record)
    return records


def split_by_writer(records: list[StrokeRecord], held_out_writers: set[int]) -> tuple[list, list]:
    """(records of other writers, records of the held-out writers)."""
    kept = [r for r in records if r.writer not in held_out_writers]
    held = [r for r in records if r.writer in held_out_writers]
    return kept, held


def mnist_needs_download(path: str | os.PathLike | None = None) -> bool:
    """True when MNIST would come from Keras' download and is not in Keras' cache yet."""
    if path or os.environ.get(MNIST_ENV):
        return False
    home = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return not (Path(home) / "datasets" / "mnist.npz").exists()


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
        raise DataError(f"{path}: no such file or folder")
    if path.is_dir():
        counts = []
        for key in ("x_train", "x_test"):
            found = _find_idx_file(path, key)
            opener = gzip.open if found.suffix == ".gz" else open
            try:
                with opener(found, "rb") as stream:
                    header = stream.read(8)
            except (OSError, EOFError) as error:
                raise DataError(f"{found}: cannot read ({error})") from None
            if len(header) < 8 or header[:3] != b"\x00\x00\x08":
                raise DataError(f"{found}: not an IDX file (bad magic number)")
            counts.append(int.from_bytes(header[4:8], "big"))
        return counts[0], counts[1]
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
        raise DataError(f"{path}: not a readable MNIST .npz ({error})") from None


def count_lines(path: str | os.PathLike) -> int:
    """Non-empty lines of a JSON-lines file (how many drawings it holds)."""
    path = Path(path).expanduser()
    try:
        with open(path, "rb") as stream:
            return sum(1 for line in stream if line.strip())
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error.strerror or error})") from None
