"""Every training is a run, kept in the data folder: ``<data>/runs/<id>/run.json`` and its ``model.keras``.

Plain Python and JSON (no TensorFlow, no Qt): the window lists runs, the command line compares them.
The model file is written before the record, and a record is written atomically, so a record never
names a model that is not there.  A record that cannot be read is skipped with one warning and the
others load.  Retention keeps at most ``max_runs`` runs and ``max_megabytes`` of them, removing the
oldest first and never a run marked *keep*.
"""

from __future__ import annotations

import json
import math
import secrets
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from digitpad.model.files.atomic import copy_file_atomically, write_bytes_atomically
from digitpad.model.words import FileProblem, Words, reason_from_json

RUNS_FOLDER = "runs"
RECORD_FILE = "run.json"
MODEL_FILE = "model.keras"
LIMITS_FILE = "limits.json"
RECORD_FORMAT = 1
STATUSES = ("finished", "cancelled", "failed")
# A record larger than this was not written by DigitPad: it is skipped, not read into memory.
MAX_RECORD_BYTES = 4 * 2**20


class RunError(ValueError):
    """A run that cannot be found, read or used; the message says which and why."""


@dataclass
class Limits:
    """How many runs are kept, and how much disk they may take (runs marked keep are never removed)."""

    max_runs: int = 50
    max_megabytes: float = 500.0

    def __post_init__(self) -> None:
        if not (isinstance(self.max_runs, int) and self.max_runs >= 1):
            raise ValueError(f"the number of runs kept must be a whole number ≥ 1, got {self.max_runs!r}")
        if not (isinstance(self.max_megabytes, (int, float)) and math.isfinite(self.max_megabytes)
                and self.max_megabytes > 0):
            raise ValueError(f"the space for runs must be a positive number of MB, got {self.max_megabytes!r}")


def default_run_name(network: str, recipe: str, date: str) -> str:
    """The name a run is given: its network, its recipe and when it started ("seed · fast · 12-02 14:05")."""
    return f"{network} · {recipe} · {date[5:16].replace('T', ' ')}"


@dataclass
class Run:
    """One training: what was trained, on what, how, and what it reached."""

    id: str
    date: str  # local time, ISO 8601 to the second
    name: str
    status: str = "finished"  # finished, cancelled or failed
    reached: str = ""  # for a cancelled or failed run: how far it got, e.g. "epoch 2 of 5"
    error: str = ""
    error_words: dict | str | None = None  # the error as model.words.reason_json keeps it: the window words it
    keep: bool = False
    network: dict = field(default_factory=dict)  # name, design (or None: the seed convnet), summary, parameters
    data: dict = field(default_factory=dict)  # sources, counts
    recipe: str = ""
    settings: dict = field(default_factory=dict)  # every field of the TrainConfig
    device: str = ""
    seed: int | None = None
    curves: list[dict] = field(default_factory=list)  # per epoch: epoch, seconds, loss, accuracy, val_*
    test_accuracy: float | None = None
    per_digit: list[float | None] = field(default_factory=list)  # accuracy on each digit's test images
    confusion: list[list[int]] = field(default_factory=list)
    my_drawings_accuracy: float | None = None
    seconds: float = 0.0
    model: str | None = None  # the model file's name inside the run's folder; None when none was written
    folder: Path | None = field(default=None, compare=False, repr=False)

    @property
    def given_name_parts(self) -> tuple[str, str, str, str] | None:
        """The parts of the name DigitPad gave the run (network, recipe, date, and "" or " (2)"...); None once
        the user has renamed it.  The window says the parts in its language."""
        default = default_run_name(self.network_name, self.recipe, self.date)
        if self.name == default:
            return self.network_name, self.recipe, default.rsplit(" · ", 1)[1], ""
        suffix = self.name[len(default):]
        if self.name.startswith(default) and suffix[:2] == " (" and suffix[-1:] == ")" and suffix[2:-1].isdigit():
            return self.network_name, self.recipe, default.rsplit(" · ", 1)[1], suffix
        return None

    @property
    def epochs(self) -> int:
        """Epochs completed."""
        return len(self.curves)

    @property
    def failure(self) -> FileProblem | Words | str:
        """Why the training failed: its words where the record kept them (said in the window's language), else
        the English text (a record written before it kept them, or one edited by hand)."""
        if self.error_words is None:
            return self.error
        try:
            return reason_from_json(self.error_words) or self.error
        except ValueError:
            return self.error

    @property
    def parameters(self) -> int | None:
        return self.network.get("parameters")

    @property
    def network_name(self) -> str:
        return str(self.network.get("name") or "seed")

    @property
    def model_path(self) -> Path | None:
        return self.folder / self.model if self.folder is not None and self.model else None

    def as_json(self) -> dict:
        record = asdict(self)
        record.pop("folder")
        return {"format": RECORD_FORMAT, **record}

    def summary_json(self) -> dict:
        """What ``digitpad runs --format json`` prints for each run."""
        return {
            "id": self.id, "name": self.name, "date": self.date, "status": self.status, "keep": self.keep,
            "network": self.network_name, "parameters": self.parameters, "recipe": self.recipe,
            "epochs": self.epochs, "test_accuracy": self.test_accuracy, "seconds": round(self.seconds, 1),
            "device": self.device, "model": str(self.model_path) if self.model_path else None,
        }

    def comparable(self) -> dict:
        """Flat settings to compare two runs by: "network", "parameters", "settings.epochs", "data.mnist", ..."""
        values = {"network": self.network_name, "parameters": self.parameters,
                  "network.summary": " · ".join(self.network.get("summary") or []),
                  "recipe": self.recipe, "device": self.device, "seed": self.seed, "status": self.status,
                  "data.sources": ", ".join(self.data.get("sources") or [])}
        values.update({f"data.{key}": value for key, value in sorted((self.data.get("counts") or {}).items())})
        values.update({f"settings.{key}": value for key, value in sorted(self.settings.items())})
        if values.get("settings.seed") == self.seed:
            del values["seed"]  # the same number twice: the settings' one stays
        return values


def new_run_id() -> str:
    """Sortable by time, unique without a lock: the date to the second and a few random hex digits."""
    return f"{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(2)}"


def per_digit_accuracy(confusion) -> list[float | None]:
    """Each digit's accuracy from a 10×10 confusion matrix (rows: the true digit); None for a digit
    with no test images."""
    result = []
    for digit, row in enumerate(confusion):
        total = sum(int(count) for count in row)
        result.append(round(int(row[digit]) / total, 4) if total else None)
    return result


def differences(first: Run, second: Run) -> dict[str, list]:
    """The settings that differ between two runs: {"network": ["dense", "seed"], "settings.epochs": [1, 3], ...}."""
    a, b = first.comparable(), second.comparable()
    return {key: [a.get(key), b.get(key)] for key in sorted(set(a) | set(b), key=_comparison_order)
            if a.get(key) != b.get(key)}


def differences_among(runs: list[Run]) -> dict[str, list]:
    """Like ``differences`` for any number of runs: each setting that is not the same in all of them."""
    values = [run.comparable() for run in runs]
    keys = sorted(set().union(*values), key=_comparison_order) if values else []
    return {key: [v.get(key) for v in values] for key in keys if len({json.dumps(v.get(key)) for v in values}) > 1}


def _comparison_order(key: str) -> tuple[int, str]:
    """The network first, then the data and recipe, then each setting."""
    order = ("network", "parameters", "network.summary", "recipe", "data.", "settings.", "device", "seed", "status")
    rank = next((index for index, prefix in enumerate(order) if key.startswith(prefix)), len(order))
    return rank, key


def digit_changes(first: Run, second: Run) -> list[float | None]:
    """Per digit, how much the second run's accuracy is above (positive) or below the first's."""
    changes = []
    for digit in range(10):
        a = first.per_digit[digit] if digit < len(first.per_digit) else None
        b = second.per_digit[digit] if digit < len(second.per_digit) else None
        changes.append(None if a is None or b is None else round(b - a, 4))
    return changes


class RunStore:
    """The runs in ``<data folder>/runs``."""

    def __init__(self, data_folder: str | Path) -> None:
        self.folder = Path(data_folder) / RUNS_FOLDER

    # --- reading ------------------------------------------------------------------------

    def load(self) -> tuple[list[Run], list[str]]:
        """Every readable run, newest first, and one warning per record that could not be read."""
        runs, warnings = [], []
        if not self.folder.is_dir():
            return runs, warnings
        for folder in sorted(self.folder.iterdir(), reverse=True):
            if not folder.is_dir() or folder.name.startswith("."):
                continue
            if not (folder / RECORD_FILE).exists():
                continue  # a save that was killed before its record: it never became a run
            try:
                runs.append(read_run(folder))
            except RunError as error:
                warnings.append(str(error))
        return runs, warnings

    def get(self, run_id: str) -> Run:
        """The run with this id (or a unique start of it); RunError when there is none or it is damaged."""
        folder = self._folder_of(run_id)
        return read_run(folder)

    def _folder_of(self, run_id: str) -> Path:
        if not run_id or "/" in run_id or "\\" in run_id or run_id.startswith("."):
            raise RunError(f"{run_id!r} is not a run id (see digitpad runs)")
        exact = self.folder / run_id
        if (exact / RECORD_FILE).exists():
            return exact
        matches = [f for f in self.folder.glob(f"{run_id}*") if (f / RECORD_FILE).exists()] \
            if self.folder.is_dir() else []
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise RunError(f"{run_id!r} names {len(matches)} runs; give more of the id")
        raise RunError(f"no run {run_id!r} in {self.folder} (see digitpad runs)")

    # --- writing ------------------------------------------------------------------------

    def save(self, run: Run, model_file: str | Path | None = None) -> Run:
        """Keep ``run``, with a copy of ``model_file`` when given: the model is written first, then the
        record, each atomically; on any error nothing of the run stays and the error is raised.
        Retention then removes the oldest runs beyond the limits."""
        earlier = self.load()[0]  # read once, for the name and for the limits
        run.name = _unused_name(run.name, {other.name for other in earlier})
        folder = self.folder / run.id
        folder.mkdir(parents=True, exist_ok=False)
        try:
            if model_file is not None:
                copy_file_atomically(model_file, folder / MODEL_FILE)
                run.model = MODEL_FILE
            else:
                run.model = None
            run.folder = folder
            self._write_record(run)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        self.apply_limits(protect=run.id, runs=sorted([run, *earlier], key=lambda kept: kept.folder.name,
                                                      reverse=True))
        return run

    def _write_record(self, run: Run) -> None:
        text = json.dumps(run.as_json(), indent=1, allow_nan=False, default=_plain)
        write_bytes_atomically(run.folder / RECORD_FILE, text.encode("utf-8"))

    def rename(self, run_id: str, name: str) -> Run:
        name = " ".join(name.split())
        if not name:
            raise RunError("a run's name cannot be empty")
        run = self.get(run_id)
        run.name = name[:200]
        self._write_record(run)
        return run

    def set_keep(self, run_id: str, keep: bool) -> Run:
        run = self.get(run_id)
        run.keep = bool(keep)
        self._write_record(run)
        return run

    def delete(self, run_id: str) -> Path:
        """Remove a run and its model; the folder it was in."""
        folder = self._folder_of(run_id)
        # The record goes first: a deletion cut short leaves a folder that is no longer a run.
        (folder / RECORD_FILE).unlink()
        shutil.rmtree(folder, ignore_errors=True)
        return folder

    # --- retention ----------------------------------------------------------------------

    def limits(self) -> Limits:
        try:
            values = json.loads((self.folder / LIMITS_FILE).read_text("utf-8"))
            return Limits(int(values["max_runs"]), float(values["max_megabytes"]))
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return Limits()

    def set_limits(self, limits: Limits) -> list[str]:
        """Remember new limits and apply them at once; the ids of the runs removed."""
        self.folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(self.folder / LIMITS_FILE, json.dumps(asdict(limits)).encode("utf-8"))
        return self.apply_limits()

    def apply_limits(self, protect: str | None = None, runs: list[Run] | None = None) -> list[str]:
        """Remove the oldest runs not marked keep (nor ``protect``, the one just made) while there are more
        than the limits allow; the ids removed.  ``runs``: every run, newest first, if already read."""
        limits = self.limits()
        if runs is None:
            runs, _ = self.load()
        sizes = {run.id: _folder_bytes(run.folder) for run in runs}
        count, total = len(runs), sum(sizes.values())
        removed = []
        for run in reversed(runs):  # oldest first
            if count <= limits.max_runs and total <= limits.max_megabytes * 2**20:
                break
            if run.keep or run.id == protect:
                continue
            try:
                self.delete(run.id)
            except (RunError, OSError):  # deleted meanwhile (by the window, or another digitpad)
                pass
            else:
                removed.append(run.id)
            count, total = count - 1, total - sizes[run.id]
        return removed

    def total_bytes(self) -> int:
        return _folder_bytes(self.folder) if self.folder.is_dir() else 0


def _unused_name(name: str, taken: set[str]) -> str:
    """``name``, or "name (2)", "name (3)"…: two runs of one network and recipe started in the same minute
    had the same name, and the legend and the comparison could not tell them apart."""
    unused, number = name, 2
    while unused in taken:
        unused, number = f"{name} ({number})", number + 1
    return unused


def read_run(folder: Path) -> Run:
    """The run in ``folder``; RunError (one line) when its record is missing, damaged or hand-edited wrongly,
    or names a model file that is not there."""
    path = folder / RECORD_FILE
    try:
        if path.stat().st_size > MAX_RECORD_BYTES:
            raise RunError(f"run {folder.name}: its record is too large to be DigitPad's; skipped")
        record = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise RunError(f"no run {folder.name!r} (its record is missing)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:  # [[[[… too deep to read
        raise RunError(f"run {folder.name}: damaged record ({_reason(error)}); skipped") from None
    try:
        run = _run_from_record(record)
    except (TypeError, ValueError, KeyError) as error:
        raise RunError(f"run {folder.name}: damaged record ({_reason(error)}); skipped") from None
    run.id, run.folder = folder.name, folder
    return run


def _run_from_record(record) -> Run:
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    known = {name for name in Run.__dataclass_fields__ if name != "folder"}
    values = {key: value for key, value in record.items() if key in known}
    for required in ("id", "date", "name"):
        if not isinstance(values.get(required), str):
            raise ValueError(f'"{required}" must be text')
    run = Run(**values)
    if run.status not in STATUSES:
        raise ValueError(f'"status" must be one of {", ".join(STATUSES)}')
    for name, kind in (("network", dict), ("data", dict), ("settings", dict), ("curves", list),
                       ("per_digit", list), ("confusion", list)):
        if not isinstance(getattr(run, name), kind):
            raise ValueError(f'"{name}" must be a {"JSON object" if kind is dict else "list"}')
    if not all(isinstance(point, dict) for point in run.curves):
        raise ValueError('"curves" must hold one object per epoch')
    if run.test_accuracy is not None and not isinstance(run.test_accuracy, (int, float)):
        raise ValueError('"test_accuracy" must be a number')
    if not isinstance(run.seconds, (int, float)):
        raise ValueError('"seconds" must be a number')
    if run.model is not None and (not isinstance(run.model, str) or run.model != MODEL_FILE):
        raise ValueError(f'"model" must be "{MODEL_FILE}" or null')
    return run


def require_model(run: Run) -> Path:
    """The run's model file; RunError when the run has none or the file is gone."""
    path = run.model_path
    if path is None:
        raise RunError(f"run {run.id} has no model ({run.status}{': ' + run.reached if run.reached else ''})")
    if not path.is_file():
        raise RunError(f"run {run.id}: its model file {path} is missing")
    return path


def _reason(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"not JSON: {error.msg} at line {error.lineno}"
    return str(error).strip("'\"") or type(error).__name__


def _plain(value):
    """numpy numbers and arrays in a record, as JSON's numbers and lists."""
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} cannot be kept in a run record")


def _folder_bytes(folder: Path | None) -> int:
    total = 0
    if folder is None:
        return total
    for path in folder.rglob("*"):
        try:
            if path.is_file():
                total += path.stat().st_size
        except OSError:
            pass
    return total
