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


class CliError(Exception):
    """An error whose message is all the user needs."""


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is not None and not os.environ.get("DIGITPAD_DEBUG"):
        from digitpad.app.platform_check import silence_native_stderr

        silence_native_stderr()  # the window does it once Qt has started: Qt's messages explain a failed start
    try:
        if args.command is None:
            return _start_window(args)
        return args.handler(args)
    except KeyboardInterrupt:
        print("digitpad: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (CliError, ValueError, OSError) as error:
        print(f"digitpad: error: {_one_line(error)}", file=sys.stderr)
        return EXIT_ERROR


def _one_line(error: Exception) -> str:
    text = str(error) or type(error).__name__
    if isinstance(error, OSError) and error.filename and str(error.filename) not in text:
        text = f"{error.filename}: {text}"
    return " ".join(text.split())


# --- parser -------------------------------------------------------------------

def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digitpad",
        description="Draw a digit and watch a convnet read it. With no command, opens the window.",
    )
    parser.add_argument("--model", dest="window_model", metavar="MODEL", help="open the window with this .keras model")
    parser.set_defaults(command=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    predict = commands.add_parser(
        "predict",
        help="print the digit and its probabilities for images or drawings, one JSON line each",
        description='Prints one JSON line per input, in order: {"label": 3, "probabilities": [...]}; '
        '"label" is null when nothing is drawn. A drawing of several digits side by side gives '
        '{"label": null, "number": "42", "digits": [{"box": [x0, y0, x1, y1], "label": 4, "probabilities": [...]}, ...]}. '
        'For an image, "box" is where the digit was read, in the image\'s pixels; blank paper gives "label": null; '
        '"doubt" says why an answer is unsure (faint or cluttered ink).',
    )
    predict.add_argument("images", nargs="*", metavar="IMAGE", help="image files (any format Pillow reads)")
    predict.add_argument(
        "--strokes", metavar="FILE.jsonl",
        help='drawings as JSON lines with "strokes" and optional "width"/"height" of their box; - reads stdin',
    )
    _add_drawing_options(predict)
    predict.set_defaults(handler=_predict, command="predict")

    evaluate = commands.add_parser(
        "evaluate",
        help="print the model's accuracy on the MNIST test set or on labelled drawings, as JSON",
    )
    evaluate.add_argument("--data", metavar="PATH", help="MNIST .npz or IDX folder (default: $DIGITPAD_MNIST, else download)")
    evaluate.add_argument("--strokes", metavar="FILE.jsonl", help="labelled drawings to evaluate on instead of MNIST")
    evaluate.add_argument("--writers", metavar="N,N,...", help="only these writers' drawings (stroke files with a writer field)")
    _add_drawing_options(evaluate)
    evaluate.set_defaults(handler=_evaluate, command="evaluate")

    train = commands.add_parser("train", help="train the convnet and write it to a .keras file")
    _add_training_options(train)
    train.set_defaults(handler=_train, command="train")
    return parser


def _add_box_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--box", type=_parse_box, metavar="WxH",
        help='the box drawings without "width"/"height" were drawn in (default: the 280×280 canvas)',
    )


def _parse_box(text: str) -> tuple[float, float]:
    try:
        width, height = (float(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 500x500, got {text!r}") from None
    if width <= 0 or height <= 0:
        raise argparse.ArgumentTypeError("the box must have a positive width and height")
    return width, height


def _add_drawing_options(parser: argparse.ArgumentParser) -> None:
    from digitpad.model.preprocessing import DEFAULT_BRUSH

    _add_box_option(parser)
    parser.add_argument(
        "--brush", type=float, default=DEFAULT_BRUSH, metavar="PX",
        help=f"brush width on the 280×280 canvas (default {DEFAULT_BRUSH}; used by --method raster)",
    )
    parser.add_argument(
        "--method", choices=("vector", "raster"), default="vector",
        help="vector: re-render the strokes at MNIST's pen width (the app's way); raster: paint with the brush and crop",
    )
    parser.add_argument("--model", help="a .keras model (default: the bundled one)")


def _add_training_options(parser: argparse.ArgumentParser) -> None:
    from digitpad.model.training import OPTIMIZERS, PRESETS

    parser.add_argument("--out", required=True, metavar="PATH", help="where to write the model (.keras), atomically")
    parser.add_argument("--recipe", choices=sorted(PRESETS), default="fast", help="starting settings (default fast)")
    parser.add_argument("--data", metavar="PATH", help="MNIST .npz or IDX folder (default: $DIGITPAD_MNIST, else download)")
    parser.add_argument("--no-mnist", action="store_true", help="train on drawings only")
    parser.add_argument("--strokes", action="append", default=[], metavar="FILE.jsonl", help="labelled drawings to add (repeatable)")
    parser.add_argument("--exclude-writers", metavar="N,N,...", help="leave these writers' drawings out (to test on them)")
    _add_box_option(parser)
    parser.add_argument("--stroke-copies", type=int, metavar="K", help="renderings of each drawing (the recipe's by default)")
    parser.add_argument("--scribbles", type=int, metavar="N", help="non-digits to train on towards 'unsure' (the recipe's by default)")
    parser.add_argument("--digit-pairs", type=int, metavar="N", help="two drawings side by side to train on towards 'unsure' (the recipe's by default)")
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--optimizer", choices=OPTIMIZERS)
    parser.add_argument("--learning-rate", type=float)
    parser.add_argument("--augment", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--validation-fraction", type=float)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--device", help="e.g. /GPU:0 or /CPU:0 (default: the first GPU, else the CPU)")
    parser.add_argument("--limit", type=int, metavar="N", help="use only the first N MNIST training images")


# --- the window -----------------------------------------------------------------

def _start_window(args: argparse.Namespace) -> int:
    from digitpad.app.platform_check import QT_SYSTEM_PACKAGES, window_problem

    problem = window_problem()
    if problem:
        raise CliError(f"the window cannot open: {problem}")
    try:
        from digitpad.app.main import run_window
    except ImportError as error:
        raise CliError(
            f"the window cannot open: Qt did not load ({error}); "
            f"on Debian/Ubuntu: sudo apt-get install -y {QT_SYSTEM_PACKAGES}"
        ) from None
    return run_window(model_path=args.window_model, quiet=not os.environ.get("DIGITPAD_DEBUG"))


# --- predict ----------------------------------------------------------------------

def _predict(args: argparse.Namespace) -> int:
    if not args.images and not args.strokes:
        raise CliError("give IMAGE files or --strokes FILE.jsonl (see digitpad predict --help)")
    from digitpad.model.numbers import needs_splitting, number_json, read_number

    images = [read_image_file(path) for path in args.images]  # a bad file fails before the model loads
    records = _read_records(args.strokes, box=args.box) if args.strokes else []
    tensors = [_record_tensor(r, args) for r in records]
    predictor = _load_predictor(args.model)
    answers = [image_answer(predictor, reading) for reading in images]
    answers += [prediction.as_json() for prediction in _predict_all(predictor, tensors)]
    for index, record in enumerate(records, start=len(images)):
        # Several digits side by side are read as a number; one digit stays exactly as it was.
        if args.method == "vector" and needs_splitting(record.strokes):
            readings = read_number(predictor, record.strokes)
            if len(readings) > 1:
                answers[index] = number_json(readings)
    for answer in answers:
        print(json.dumps(answer))
    return 0


def read_image_file(path):
    """Open an image (a path or a binary file object) and find its digit: a model.preprocessing.ImageReading."""
    from digitpad.model.preprocessing import open_image, read_image

    with open_image(path) as image:
        return read_image(image)


def image_answer(predictor, reading) -> dict:
    """What `digitpad predict` prints for one image: no digit, a digit with the box it was read from
    (in the image's pixels), or a number; with "doubt" when the ink is faint or cluttered."""
    from dataclasses import replace

    from digitpad.model.inference import NOTHING_DRAWN
    from digitpad.model.numbers import number_json, read_image_number

    digits = read_image_number(predictor, reading)
    if not digits:
        return NOTHING_DRAWN.as_json()
    if len(digits) > 1:
        answer = number_json(digits)
        if reading.doubt:
            answer["doubt"] = reading.doubt
        return answer
    prediction = replace(digits[0].prediction, doubt=reading.doubt)
    return {**prediction.as_json(), "box": [round(v, 1) for v in reading.box]}


def _record_tensor(record, args: argparse.Namespace):
    from digitpad.model.preprocessing import strokes_to_tensor

    return strokes_to_tensor(record.strokes, args.brush, method=args.method)


def _read_records(source: str, require_labels: bool = False, box=None):
    from digitpad.model.data import load_stroke_records, parse_stroke_lines

    if source == "-":
        return parse_stroke_lines(sys.stdin.readlines(), "stdin", require_labels=require_labels, default_box=box)
    return load_stroke_records(source, require_labels=require_labels, default_box=box)


def _predict_all(predictor, tensors):
    """Predictions in input order; drawings with ink go through the network in batches."""
    import numpy as np

    from digitpad.model.inference import NOTHING_DRAWN, Prediction

    drawn = [i for i, t in enumerate(tensors) if t is not None]
    probabilities = predictor.probabilities(np.stack([tensors[i] for i in drawn])) if drawn else []
    results = [NOTHING_DRAWN] * len(tensors)
    for index, p in zip(drawn, probabilities):
        results[index] = Prediction(int(np.argmax(p)), p, None, tensors[index])
    return results


def _load_predictor(path: str | None):
    from digitpad.model.inference import ModelError, Predictor
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
        records = _read_records(args.strokes, require_labels=True, box=args.box)
        if args.writers:
            wanted = _parse_writers(args.writers)
            records = [r for r in records if r.writer in wanted]
        if not records:
            raise CliError("no labelled drawings to evaluate on")
        tensors = [_record_tensor(r, args) for r in records]
        labels = np.array([r.label for r in records])
        source = args.strokes
    else:
        from digitpad.model.data import load_mnist

        mnist = load_mnist(args.data)
        tensors = list(mnist.x_test.astype(np.float32) / 255.0)
        labels = mnist.y_test.astype(int)
        source = mnist.source
    predictor = _load_predictor(args.model)
    predictions = np.array([-1 if p.label is None else p.label for p in _predict_all(predictor, tensors)])
    per_class = {str(d): round(float(np.mean(predictions[labels == d] == d)), 4) for d in range(10) if (labels == d).any()}
    report = {
        "accuracy": round(float(np.mean(predictions == labels)), 4),
        "count": int(len(labels)),
        "per_class": per_class,
        "source": str(source),
        "model": predictor.source,
    }
    print(json.dumps(report))
    return 0


def _parse_writers(text: str) -> set[int]:
    try:
        return {int(part) for part in text.split(",") if part.strip()}
    except ValueError:
        raise CliError(f"writers must be numbers separated by commas, got {text!r}") from None


# --- train ----------------------------------------------------------------------------

def _train(args: argparse.Namespace) -> int:
    from digitpad.model.data import load_mnist
    from digitpad.model.inference import save_model_atomically
    from digitpad.model.training import PRESETS, TrainingCancelled, TrainingFailed, with_overrides
    from digitpad.model.training_data import build_training_data

    out = Path(args.out).expanduser()
    if out.suffix != ".keras":
        raise CliError(f"{out}: the model file must end in .keras")
    if not out.parent.is_dir():
        raise CliError(f"{out.parent}: no such folder")
    config = with_overrides(
        PRESETS[args.recipe],
        epochs=args.epochs, batch_size=args.batch_size, optimizer=args.optimizer,
        learning_rate=args.learning_rate, augment=args.augment,
        validation_fraction=args.validation_fraction, seed=args.seed, device=args.device,
        stroke_copies=args.stroke_copies, scribbles=args.scribbles, digit_pairs=args.digit_pairs,
    )
    mnist = None if args.no_mnist else load_mnist(args.data)
    records = []
    excluded = _parse_writers(args.exclude_writers) if args.exclude_writers else set()
    for path in args.strokes:
        records += [r for r in _read_records(path, require_labels=True, box=args.box) if r.writer not in excluded]
    print(f"digitpad: preparing data ({'MNIST' if mnist else 'no MNIST'}, {len(records)} drawings "
          f"× {config.stroke_copies}, {config.scribbles} scribbles, {config.digit_pairs} digit pairs)", file=sys.stderr)
    data = build_training_data(mnist, records, **config.data_options(), mnist_limit=args.limit)
    try:
        result = _run_training(config, data)
    except TrainingCancelled as error:
        raise CliError(str(error)) from None
    except TrainingFailed as error:
        raise CliError(f"training failed: {error}; nothing was written") from None
    save_model_atomically(result.model, out)
    print(
        f"digitpad: test accuracy {result.test_accuracy:.4f} on {len(data.y_test)} images, "
        f"{result.seconds:.0f} s on {result.device}; wrote {out}",
        file=sys.stderr,
    )
    print(json.dumps({"test_accuracy": round(result.test_accuracy, 4), "seconds": round(result.seconds, 1),
                      "device": result.device, "out": str(out), "config": result.config.__dict__}))
    return 0


def _run_training(config, data):
    from digitpad.model.training import train

    bar = _ProgressBar()
    return train(config, data, bar)


class _ProgressBar:
    """A one-line progress bar on stderr (a train state that is never cancelled)."""

    def __init__(self) -> None:
        self.last = 0.0
        self.interactive = sys.stderr.isatty()

    def is_cancelled(self) -> bool:
        return False

    def report(self, progress) -> None:
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
