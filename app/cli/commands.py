"""The ``digitpad`` command: the window with no arguments, or predict / evaluate / train.

Only the window imports Qt.  Bad input ends with one line on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE


class CliError(Exception):
    """An error whose message is all the user needs."""


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    from digitpad.app.cli.arguments import build_parser

    parser = build_parser({"predict": _predict, "evaluate": _evaluate, "explain": _explain, "export": _export,
                           "train": _train, "network": _network, "filters": _filters, "runs": _runs})
    args = parser.parse_args(argv)
    if args.command is not None and not os.environ.get("DIGITPAD_DEBUG"):
        from digitpad.model.errors import silence_native_stderr

        silence_native_stderr()  # the window does it once Qt has started: Qt's messages explain a failed start
    try:
        if args.command is None:
            return _start_window(args)
        if args.window_model is not None:  # "digitpad --model X predict": X would be silently ignored
            raise CliError(f"--model before a command opens the window with that model; to {args.command} with it, "
                           f"put it after the command: digitpad {args.command} --model {args.window_model} ..."
                           if hasattr(args, "model") else
                           f"--model opens the window with a model; 'digitpad {args.command}' takes none")
        return args.handler(args)
    except KeyboardInterrupt:
        print("digitpad: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _reader_went_away()
    except (CliError, ValueError, OSError) as error:
        from digitpad.model.errors import one_line

        print(f"digitpad: error: {one_line(error)}", file=sys.stderr)
        return EXIT_ERROR


def _reader_went_away() -> int:
    """Output piped into ``head`` that has read enough: stop quietly with the code of a process ended by
    SIGPIPE, as Unix tools do (2 would read as a bad command line)."""
    # Python would flush the rest of stdout at exit into the closed pipe and print a warning.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE


def window_main() -> int:
    """The ``digitpad-window`` launcher (a GUI script: no console window on Windows): the window only."""
    return main([])


# --- arguments ------------------------------------------------------------------

def _parse_position(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    try:
        row, col = (int(part) for part in text.split(","))
    except ValueError:
        raise CliError(f"--at: expected ROW,COL such as 3,4, got {text!r}") from None
    return row, col


# --- the window -----------------------------------------------------------------

def _start_window(args: argparse.Namespace) -> int:
    from digitpad.app.cli.platform_check import QT_SYSTEM_PACKAGES, window_problem

    problem = window_problem()
    if problem:
        raise CliError(f"the window cannot open: {problem}")
    try:
        from digitpad.app.window.main import run_window
    except ImportError as error:
        raise CliError(
            f"the window cannot open: Qt did not load ({error}); "
            f"on Debian/Ubuntu: sudo apt-get install -y {QT_SYSTEM_PACKAGES}"
        ) from None
    return run_window(model_path=args.window_model, quiet=not os.environ.get("DIGITPAD_DEBUG"))


# --- predict ----------------------------------------------------------------------

def _predict(args: argparse.Namespace) -> int:
    if not args.images and not args.strokes and not args.tensor:
        raise CliError("give IMAGE files or --strokes FILE.jsonl or --tensor FILE.npy (see digitpad predict --help)")
    from digitpad.model.ink.images import ImageReading

    files = [_read_image_or_drawing(path) for path in args.images]  # a bad file fails before the model loads
    records = _read_records(args.strokes, box=args.box) if args.strokes else []
    given = _read_tensor_option(args)
    predictor = _load_predictor(args.model)
    answers = []
    for item in files:
        if isinstance(item, ImageReading):
            answers.append(image_answer(predictor, item))
        else:
            answers.append(_drawing_answer(predictor, item, _predict_all(predictor, [_record_tensor(item, args)])[0],
                                           args.method))
    for record, prediction in zip(records, _predict_all(predictor, [_record_tensor(r, args) for r in records])):
        answers.append(_drawing_answer(predictor, record, prediction, args.method))
    answers += [prediction.as_json() for prediction in _predict_all(predictor, given)]
    for answer in answers:
        print(json.dumps(answer))
    return 0


def _drawing_answer(predictor, record, prediction, method: str) -> dict:
    """One drawing's answer as the pad gives it at pen-up: several digits side by side are read as a
    number, and each digit is read seven ways, as drawn and a little turned, narrowed or slanted, and doubted
    when the changed views read another digit."""
    from digitpad.model.network.views import with_views
    from digitpad.model.numbers import needs_splitting, number_json, read_number, with_digit_views

    if method != "vector":  # the views re-render the strokes: they would not be this tensor's
        return prediction.as_json()
    if needs_splitting(record.strokes):
        readings = read_number(predictor, record.strokes)
        if len(readings) > 1:
            return number_json(with_digit_views(predictor, readings))
    return with_views(predictor, record.strokes, prediction).as_json()


def _read_tensor_option(args: argparse.Namespace) -> list:
    """--tensor FILE.npy: N×28×28 images given to the network exactly as they are (no preprocessing)."""
    if not getattr(args, "tensor", None):
        return []
    from digitpad.model.network.inference import read_tensor_file

    return list(read_tensor_file(args.tensor))


def _read_image_or_drawing(path: str):
    """A drawing the window saved (a .json, or a PNG that carries its strokes) as its strokes, as File > Open
    reads it; any other file as an image."""
    from digitpad.model.files.drawings import read_strokes_file

    drawing = read_strokes_file(Path(path)) if Path(path).is_file() else None
    return drawing[0] if drawing is not None else read_image_file(path)


def read_image_file(path):
    """Open an image (a path or a binary file object) and find its digit: a model.ink.images.ImageReading."""
    from digitpad.model.ink.images import open_image, read_image

    with open_image(path) as image:
        return read_image(image)


def image_answer(predictor, reading) -> dict:
    """What `digitpad predict` prints for one image: no digit, a digit with the box it was read from
    (in the image's pixels), or a number; with "doubt" when the ink is faint or cluttered."""

    from digitpad.model.network.inference import NOTHING_DRAWN
    from digitpad.model.numbers import number_json, read_image_number

    digits = read_image_number(predictor, reading)
    if not digits:
        return NOTHING_DRAWN.as_json()
    if len(digits) > 1:
        answer = number_json(digits)
        if reading.doubt:
            answer["doubt"] = reading.doubt
        return answer
    return {**digits[0].prediction.as_json(), "box": [round(v, 1) for v in reading.box]}


def _record_tensor(record, args: argparse.Namespace):
    from digitpad.model.ink.preprocessing import strokes_to_tensor

    return strokes_to_tensor(record.strokes, args.brush, method=args.method)


def _read_records(source: str, require_labels: bool = False, box=None):
    from digitpad.model.files.datasets import load_stroke_records, read_stroke_records

    if source == "-":
        records = read_stroke_records(sys.stdin.buffer, "stdin", require_labels=require_labels, default_box=box)
    else:
        records = load_stroke_records(source, require_labels=require_labels, default_box=box)
    if not records:  # else: no output and exit 0, as if every drawing had been read
        raise CliError(f"{'standard input' if source == '-' else source}: no drawings in it "
                       '(one JSON object per line, such as {"strokes": [[[x, y], ...], ...]})')
    return records


def _predict_all(predictor, tensors):
    """Predictions in input order; drawings with ink go through the network in batches."""
    import numpy as np

    from digitpad.model.network.inference import NOTHING_DRAWN, Prediction

    drawn = [i for i, t in enumerate(tensors) if t is not None]
    probabilities = predictor.probabilities(np.stack([tensors[i] for i in drawn])) if drawn else []
    results = [NOTHING_DRAWN] * len(tensors)
    for index, p in zip(drawn, probabilities):
        results[index] = Prediction(int(np.argmax(p)), p, None, tensors[index])
    return results


def _load_predictor(path: str | None):
    from digitpad.model.network.inference import ModelError, Predictor
    from digitpad.resources import bundled_model_path

    path = path or bundled_model_path()
    if not Path(path).exists() and path == bundled_model_path():
        raise CliError(f"the bundled model is missing ({path}); reinstall DigitPad or pass --model")
    try:
        return Predictor.load(path)
    except ModelError as error:
        raise CliError(str(error)) from None


# --- evaluate ----------------------------------------------------------------------

def _evaluate(args: argparse.Namespace) -> int:
    import numpy as np

    if args.strokes:
        from digitpad.model.files.datasets import parse_source_list, parse_writer_list, select_records

        records = select_records(
            _read_records(args.strokes, require_labels=True, box=args.box),
            writers=parse_writer_list(args.writers) if args.writers else None,
            sources=parse_source_list(args.sources) if args.sources else None,
        )
        if not records:
            raise CliError("no labelled drawings to evaluate on")
        tensors = [_record_tensor(r, args) for r in records]
        labels = np.array([r.label for r in records])
        source = args.strokes
    else:
        from digitpad.model.files.datasets import load_mnist

        mnist = load_mnist(args.data)
        tensors = list(mnist.x_test.astype(np.float32) / 255.0)
        labels = mnist.y_test.astype(int)
        source = mnist.source
    from digitpad.model.network.inference import honesty

    predictor = _load_predictor(args.model)
    answers = _predict_all(predictor, tensors)
    if args.strokes and args.method == "vector":  # drawings are read seven ways as at pen-up (model.network.views)
        from digitpad.model.network.views import with_views

        answers = [with_views(predictor, record.strokes, answer) for record, answer in zip(records, answers)]
    predictions = np.array([-1 if p.label is None else p.label for p in answers])
    per_class = {str(d): round(float(np.mean(predictions[labels == d] == d)), 4)
                 for d in range(10) if (labels == d).any()}
    report = {
        "accuracy": round(float(np.mean(predictions == labels)), 4),
        "count": int(len(labels)),
        "per_class": per_class,
        **honesty(answers, labels),
        "source": str(source),
        "model": predictor.source,
    }
    print(json.dumps(report))
    return 0


# --- explain --------------------------------------------------------------------------

def _explain(args: argparse.Namespace) -> int:
    from digitpad.model.files.datasets import StrokeRecord
    from digitpad.model.ink.preprocessing import strokes_to_tensor
    from digitpad.model.network.explain import explain_unit

    if not args.images and not args.strokes and not args.tensor:
        raise CliError("give IMAGE files or --strokes FILE.jsonl or --tensor FILE.npy (see digitpad explain --help)")
    files = [_read_image_or_drawing(path) for path in args.images]
    tensors = [strokes_to_tensor(item.strokes) if isinstance(item, StrokeRecord) else item.tensor for item in files]
    records = _read_records(args.strokes, box=args.box) if args.strokes else []
    tensors += [strokes_to_tensor(record.strokes) for record in records]
    tensors += _read_tensor_option(args)
    predictor = _load_predictor(args.model)
    layer = next((item for item in predictor.net.layers if item.name == args.layer), None)
    if args.at is not None and layer is not None and layer.kind != "Flatten" and len(layer.output_shape) == 1:
        raise CliError(f"{args.layer}'s units are not in maps: leave out --at (choose a unit with --channel)")
    for tensor in tensors:
        if tensor is None:
            print(json.dumps({"layer": args.layer, "value": None, "nothing_drawn": True}))
            continue
        step = explain_unit(predictor.net, tensor, args.layer, _parse_position(args.at), args.channel)
        print(json.dumps(step.as_json()))
    return 0


# --- filters --------------------------------------------------------------------------

def _filters(args: argparse.Namespace) -> int:
    from digitpad.app.cli.filters_command import run_filters

    return run_filters(args, _load_predictor)


# --- export ---------------------------------------------------------------------------

def _export(args: argparse.Namespace) -> int:
    from digitpad.model.files.model_archive import ModelError
    from digitpad.model.training.export import export_model
    from digitpad.model.training.keras_models import load_model_file
    from digitpad.resources import bundled_model_path

    try:
        report = export_model(load_model_file(args.model or bundled_model_path()), args.format, args.out)
    except ModelError as error:
        raise CliError(str(error)) from None
    print(f"digitpad: wrote {report.path} and checked it on {report.checked} drawings "
          f"(largest difference {report.max_difference:.2g})", file=sys.stderr)
    print(json.dumps(report.as_json()))
    return 0


# --- train ----------------------------------------------------------------------------

def _train(args: argparse.Namespace) -> int:
    from digitpad.app.cli.runs_command import check_tensorboard, train_recorded
    from digitpad.model.files.datasets import parse_source_list, parse_writer_list
    from digitpad.model.training.recipes import PRESETS, TrainingCancelled, TrainingFailed, TrainRequest, with_overrides

    design = _load_design(args.network or "seed")  # a design that cannot work fails before TensorFlow loads
    out = Path(args.out).expanduser()
    if out.suffix != ".keras":
        raise CliError(f"{out}: the model file must end in .keras")
    if not out.parent.is_dir():
        raise CliError(f"{out.parent}: no such folder")
    check_tensorboard(args)
    _check_training_data(args)
    config = with_overrides(
        PRESETS[args.recipe],
        epochs=args.epochs, batch_size=args.batch_size, optimizer=args.optimizer,
        learning_rate=args.learning_rate, augment=args.augment,
        validation_fraction=args.validation_fraction, seed=args.seed, device=args.device,
        stroke_copies=args.stroke_copies, scribbles=args.scribbles, digit_pairs=args.digit_pairs,
        paper_scans=args.paper_scans, style_share=args.style_share, device_share=args.device_share,
        aspect_share=args.aspect_share,
    )
    request = TrainRequest(
        config, recipe=args.recipe, network=design.to_data(), use_mnist=not args.no_mnist, mnist_path=args.data,
        stroke_files=tuple(args.strokes),
        stroke_box=args.box, mnist_limit=args.limit,
        exclude_writers=frozenset(parse_writer_list(args.exclude_writers) if args.exclude_writers else ()),
        exclude_sources=frozenset(parse_source_list(args.exclude_sources) if args.exclude_sources else ()),
    )
    try:
        outcome, run = train_recorded(request, _ProgressBar(), args, out)  # kept as a run in the data folder
    except TrainingCancelled as error:
        raise CliError(str(error)) from None
    except TrainingFailed as error:
        raise CliError(f"training failed: {error}; nothing was written") from None
    result = outcome.result
    tested = (f"test accuracy {result.test_accuracy:.4f} on {len(outcome.y_test)} images" if len(outcome.y_test)
              else "no test images (too few drawings to hold any back)")
    print(f"digitpad: {tested}, {result.seconds:.0f} s on {result.device}; wrote {out}", file=sys.stderr)
    print(json.dumps({"test_accuracy": round(result.test_accuracy, 4), "seconds": round(result.seconds, 1),
                      "device": result.device, "temperature": round(result.temperature, 3), "out": str(out),
                      "counts": outcome.counts,
                      "config": result.config.__dict__, "run": run.id if run else None}))
    return 0


def _check_training_data(args: argparse.Namespace) -> None:
    """Data that cannot be read fails in one line before training starts, so it is not kept as a failed run:
    a wrong --data or --strokes is a mistake in the command, not a training that went wrong."""
    from digitpad.model.files.datasets import count_mnist

    if not args.no_mnist:
        count_mnist(args.data)  # the files' headers only
    for path in args.strokes:  # every line, as training reads it (a third of a second for UNIPEN's 9,125)
        _read_records(path, require_labels=True, box=args.box)


# --- network ------------------------------------------------------------------------

def _network(args: argparse.Namespace) -> int:
    from digitpad.model.network.design_formats import design_to_keras_code, design_to_keras_json
    from digitpad.model.network.designs import summarize

    design = _load_design(args.design)
    if args.format == "json":
        print(design_to_keras_json(design))
    elif args.format == "keras-code":
        print(design_to_keras_code(design), end="")
    else:
        print(summarize(design).as_text())
    return 0


def _load_design(source: str):
    """A preset or a Keras JSON file, checked: CliError (one line) when it cannot work."""
    from digitpad.model.network.design_formats import load_design
    from digitpad.model.network.designs import DesignError

    try:
        return load_design(source)
    except DesignError as error:
        raise CliError(f"network {error}" if source not in str(error) else str(error)) from None
def _runs(args: argparse.Namespace) -> int:
    from digitpad.app.cli.runs_command import run_runs

    return run_runs(args)


class _ProgressBar:
    """A one-line progress bar on stderr (a train state that is never cancelled)."""

    def __init__(self) -> None:
        self.last = 0.0
        self.interactive = sys.stderr.isatty()

    def is_cancelled(self) -> bool:
        return False

    def report(self, progress) -> None:
        if isinstance(progress, str):  # a phase: "Loading MNIST…", "Rendering drawings…"
            print(f"digitpad: {progress}", file=sys.stderr, flush=True)
            return
        now = time.monotonic()
        if not progress.epoch_end and now - self.last < (0.2 if self.interactive else 10):
            return
        self.last = now
        width = 30
        filled = int(progress.fraction * width)
        line = (
            f"epoch {progress.epoch}/{progress.epochs} [{'#' * filled}{'.' * (width - filled)}] "
            f"loss {progress.loss:.4f} acc {progress.accuracy:.4f} "
            f"{progress.images_per_second:,.0f} img/s ETA {progress.eta_seconds:.0f}s"
        )
        if progress.epoch_end and progress.val_accuracy is not None:
            line += f" val_acc {progress.val_accuracy:.4f}"
        end = "\n" if progress.epoch_end or not self.interactive else ""
        print(("\r" if self.interactive else "") + line, end=end, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
