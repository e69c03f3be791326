"""``digitpad runs``: the trainings kept in the data folder, listed, compared, exported, deleted; and the
part of ``digitpad train`` that keeps each training as a run and writes TensorBoard's logs."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from digitpad.model.files.data_folder import data_folder
from digitpad.model.files.runs import Limits, Run, RunError, RunStore, differences, require_model

TABLE_COLUMNS = ("id", "name", "network", "parameters", "recipe", "epochs", "test_accuracy", "seconds", "status")
CSV_COLUMNS = ("id", "name", "date", "status", "keep", "network", "parameters", "recipe", "epochs", "test_accuracy",
               "seconds", "device", "model")


def add_runs_arguments(commands, handler) -> None:
    """The ``runs`` command's parser, under the ``digitpad`` command's subparsers."""
    runs = commands.add_parser(
        "runs", help="list, compare, export or delete the trainings kept in the data folder",
        description="Every training (digitpad train and the window's) is kept as a run in the data folder "
        "($DIGITPAD_DATA, else the window's). With no option, lists them. Runs beyond the limits "
        "(default 50 runs or 500 MB) are removed oldest first, never one marked keep.",
    )
    runs.add_argument("--format", choices=("table", "json"), default="table")
    action = runs.add_mutually_exclusive_group()
    action.add_argument("--compare", nargs=2, metavar=("A", "B"), help="what differs between two runs")
    action.add_argument("--show", metavar="ID", help="one run's whole record, as JSON")
    action.add_argument("--delete", metavar="ID", help="remove a run and its model")
    action.add_argument("--export", metavar="FILE.csv", help="write the list of runs as CSV (- for stdout)")
    action.add_argument("--rename", nargs=2, metavar=("ID", "NAME"), help="give a run a name")
    action.add_argument("--keep", metavar="ID", help="never remove this run to make room")
    action.add_argument("--unkeep", metavar="ID", help="let this run be removed to make room again")
    action.add_argument("--limits", nargs=2, metavar=("RUNS", "MB"),
                        help="keep at most RUNS runs taking at most MB megabytes (oldest removed first)")
    runs.set_defaults(handler=handler, command="runs")


def add_tensorboard_argument(train: argparse.ArgumentParser) -> None:
    train.add_argument("--tensorboard", metavar="DIR",
                       help="also write TensorBoard's logs (scalars per epoch, settings as HParams) into DIR/<run id>; "
                       "view them with tensorboard --logdir DIR (needs pip install 'digitpad[tensorboard]')")


def run_runs(args: argparse.Namespace) -> int:
    store = RunStore(data_folder())
    if args.compare:
        first, second = (store.get(run_id) for run_id in args.compare)
        found = differences(first, second)
        if args.format == "json":
            print(json.dumps({"runs": [first.id, second.id], "differences": found}))
        else:
            _print_differences(first, second, found)
        return 0
    if args.show:
        run = store.get(args.show)
        if run.status == "finished":
            require_model(run)
        print(json.dumps({**run.as_json(), "model": str(run.model_path) if run.model_path else None}))
        return 0
    if args.delete:
        folder = store.delete(store.get(args.delete).id)
        print(f"digitpad: deleted run {folder.name}", file=sys.stderr)
        return 0
    if args.rename:
        run = store.rename(*args.rename)
        print(f"digitpad: run {run.id} is now called {run.name!r}", file=sys.stderr)
        return 0
    if args.keep or args.unkeep:
        run = store.set_keep(args.keep or args.unkeep, bool(args.keep))
        print(f"digitpad: run {run.id} {'is kept' if run.keep else 'may be removed to make room'}", file=sys.stderr)
        return 0
    if args.limits:
        return _set_limits(store, *args.limits)
    runs, warnings = store.load()
    for warning in warnings:
        print(f"digitpad: warning: {warning}", file=sys.stderr)
    if args.export:
        _export_csv(runs, args.export)
    elif args.format == "json":
        print(json.dumps([run.summary_json() for run in runs]))
    else:
        _print_table(runs, store)
    return 0


def _set_limits(store: RunStore, runs_text: str, megabytes_text: str) -> int:
    try:
        limits = Limits(int(runs_text), float(megabytes_text))
    except ValueError as error:
        if "must" not in str(error):
            error = f"expected a number of runs and of megabytes, got {runs_text} {megabytes_text}"
        raise RunError(f"--limits: {error}") from None
    removed = store.set_limits(limits)
    print(f"digitpad: keeping at most {limits.max_runs} runs and {limits.max_megabytes:g} MB"
          + (f"; removed {len(removed)} old runs" if removed else ""), file=sys.stderr)
    return 0


def _print_table(runs: list[Run], store: RunStore) -> None:
    rows = [TABLE_COLUMNS] + [tuple(_cell(run.summary_json()[key], key) for key in TABLE_COLUMNS) for run in runs]
    widths = [max(len(row[i]) for row in rows) for i in range(len(TABLE_COLUMNS))]
    for row in rows:
        print("  ".join(text.ljust(width) for text, width in zip(row, widths)).rstrip())
    limits = store.limits()
    print(f"{len(runs)} runs, {store.total_bytes() / 2**20:.1f} MB in {store.folder}; keeping at most "
          f"{limits.max_runs} runs and {limits.max_megabytes:g} MB (change with --limits)")


def _print_differences(first: Run, second: Run, found: dict) -> None:
    if not found:
        print(f"runs {first.id} and {second.id} were trained the same way")
        return
    rows = [("", first.id, second.id)] + [(key, _cell(a), _cell(b)) for key, (a, b) in found.items()]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(text.ljust(width) for text, width in zip(row, widths)).rstrip())


def _cell(value, column: str = "") -> str:
    """A table's cell: one format per column (accuracies to 4 places, seconds to 1), else 4 significant digits."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return {"test_accuracy": f"{value:.4f}", "seconds": f"{value:.1f}"}.get(column, f"{value:.4g}")
    return str(value)


def _export_csv(runs: list[Run], target: str) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for run in runs:
        writer.writerow(run.summary_json() | {"date": run.date})
    if target == "-":
        sys.stdout.write(buffer.getvalue())
        return
    from digitpad.model.files.atomic import write_bytes_atomically

    path = Path(target).expanduser()
    write_bytes_atomically(path, buffer.getvalue().encode("utf-8"))
    print(f"digitpad: wrote {len(runs)} runs to {path}", file=sys.stderr)


# --- digitpad train's run -------------------------------------------------------------------

def check_tensorboard(args: argparse.Namespace) -> None:
    """Before any data is loaded: --tensorboard without TensorBoard installed is one line and exit 2."""
    from digitpad.model.training.run_recording import TENSORBOARD_MISSING, tensorboard_available

    if getattr(args, "tensorboard", None) and not tensorboard_available():
        raise RunError(TENSORBOARD_MISSING)


def train_recorded(request, state, args: argparse.Namespace, out: Path):
    """Train, write the model to ``out`` and keep the training as a run (cancelled and failed ones too).
    (outcome, run)."""
    from digitpad.model.errors import one_line
    from digitpad.model.training.keras_models import save_model_atomically
    from digitpad.model.training.run_recording import RunRecorder, train_and_record

    recorder = RunRecorder(RunStore(data_folder()), request, tensorboard_dir=args.tensorboard)

    written = []

    def write_model(model) -> Path:
        save_model_atomically(model, out)
        written.append(out)
        return out

    try:
        outcome, _, run = train_and_record(request, state, recorder, write_model)
    except OSError as error:
        if written:  # the model is there; only its run could not be kept (a full disk, a read-only folder)
            raise RunError(f"wrote {out}, but could not keep the run in {recorder.store.folder}: "
                           f"{one_line(error)}") from None
        raise
    return outcome, run
