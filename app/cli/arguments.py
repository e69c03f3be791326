"""The ``digitpad`` command's arguments: every command, its options and their help."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping

from digitpad import __version__

MNIST_HELP = "MNIST .npz or IDX folder (default: $DIGITPAD_MNIST, else download)"
TENSOR_HELP = ("N×28×28 (or N×28×28×1) images in a NumPy .npy file, fed to the network exactly as given: floats in "
               "[0, 1] or uint8 0–255; one answer per image, after those of IMAGE files and --strokes")
IMAGES_HELP = ("image files (any format Pillow reads), or drawings the window saved (.json, or .png with their "
               "strokes), read as their strokes")
NETWORK_HELP = "seed, dense, lenet5, keras-example, or a Keras JSON file (model.to_json())"


class _Parser(argparse.ArgumentParser):
    """argparse with DigitPad's one-line errors: the usage of ``train`` alone is eleven lines, and it
    buried the one that says what was wrong.  ``--help`` still prints the whole usage."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser(handlers: Mapping[str, Callable[[argparse.Namespace], int]]) -> argparse.ArgumentParser:
    """The parser of every command; ``handlers`` maps each command to the function that runs it."""
    parser = _Parser(
        prog="digitpad",
        description="Draw a digit and watch a convnet read it. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"digitpad {__version__}")
    parser.add_argument("--model", dest="window_model", metavar="MODEL", help="open the window with this .keras model")
    parser.set_defaults(command=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    predict = commands.add_parser(
        "predict",
        help="print the digit and its probabilities for images or drawings, one JSON line each",
        description='Prints one JSON line per input, in order: {"label": 3, "probabilities": [...]}; '
        '"label" is null when nothing is drawn. A drawing of several digits side by side gives '
        '{"label": null, "number": "42", "digits": '
        '[{"box": [x0, y0, x1, y1], "label": 4, "probabilities": [...]}, ...]}. '
        'For an image, "box" is where the digit was read, in the image\'s pixels; blank paper gives "label": null; '
        '"doubt" says why an answer is unsure (faint or cluttered ink, or a little turn, narrowing or slant reads '
        'the digit named in "other_reading"). Drawings (with --method vector) and the digits of images are read '
        'seven ways, as the window reads them when the pen lifts: as drawn and six times a little changed, their '
        'probabilities together; --tensor images are read as given.',
    )
    predict.add_argument("images", nargs="*", metavar="IMAGE", help=IMAGES_HELP)
    predict.add_argument(
        "--strokes", metavar="FILE.jsonl",
        help='drawings as JSON lines with "strokes" and optional "width"/"height" of their box; - reads stdin',
    )
    predict.add_argument("--tensor", metavar="FILE.npy", help=TENSOR_HELP)
    _add_drawing_options(predict)
    predict.set_defaults(handler=handlers["predict"], command="predict")

    evaluate = commands.add_parser(
        "evaluate",
        help="print the model's accuracy on the MNIST test set or on labelled drawings, as JSON",
    )
    evaluate.add_argument("--data", metavar="PATH", help=MNIST_HELP)
    evaluate.add_argument("--strokes", metavar="FILE.jsonl", help="labelled drawings to evaluate on instead of MNIST")
    evaluate.add_argument("--writers", metavar="W,W,...",
                          help="only these writers' drawings (stroke files with a writer field)")
    evaluate.add_argument("--sources", metavar="SITE,...",
                          help='only drawings from these sites (stroke files with a "source" field, e.g. UNIPEN\'s)')
    _add_drawing_options(evaluate)
    evaluate.set_defaults(handler=handlers["evaluate"], command="evaluate")

    explain = commands.add_parser(
        "explain",
        help="print the arithmetic behind one unit of one layer, for each drawing, as JSON",
        description="For each image or drawing, one JSON object: the unit's inputs, weights, sums and "
        'activation, with "value" (what the arithmetic gives) and "map_value" (the network\'s own number). '
        "Without --at and --channel, the unit that responds most strongly.",
    )
    explain.add_argument("images", nargs="*", metavar="IMAGE", help=IMAGES_HELP)
    explain.add_argument("--strokes", metavar="FILE.jsonl", help="drawings as JSON lines; - reads stdin")
    explain.add_argument("--tensor", metavar="FILE.npy", help=TENSOR_HELP)
    explain.add_argument("--layer", required=True, metavar="NAME",
                         help="the layer, by the model's own name (the bundled model's: conv1, pool1, conv2, pool2, "
                         "conv3, flatten, dense, probabilities)")
    explain.add_argument("--at", metavar="ROW,COL", help="the unit's place in its maps")
    explain.add_argument("--channel", type=int, metavar="C", help="the map (or dense unit, or digit)")
    _add_box_option(explain)
    explain.add_argument("--model", help="a .keras model (default: the bundled one)")
    explain.set_defaults(handler=handlers["explain"], command="explain")

    export = commands.add_parser(
        "export",
        help="write a model for use elsewhere: a TensorFlow SavedModel, a TensorFlow Lite file or a plain .keras",
        description="Writes the model atomically, loads the result back and checks that it gives the model's "
        'probabilities before reporting success. '
        'Prints {"format": ..., "out": ..., "checked": N, "max_difference": ...}.',
    )
    export.add_argument("--format", required=True, choices=("savedmodel", "tflite", "keras", "onnx"),
                        help="savedmodel: a folder for TensorFlow Serving; tflite: a file for phones and "
                        "microcontrollers; keras: a .keras file any Keras opens; onnx: for ONNX Runtime "
                        "(needs pip install 'digitpad[onnx]')")
    export.add_argument("--out", required=True, metavar="PATH", help="where to write it (a folder for savedmodel)")
    export.add_argument("--model", help="a .keras model (default: the bundled one)")
    export.set_defaults(handler=handlers["export"], command="export")

    if "filters" in handlers:
        from digitpad.app.cli.filters_command import add_filters_command

        add_filters_command(commands, handlers["filters"])

    train = commands.add_parser("train", help="train the convnet and write it to a .keras file")
    _add_training_options(train)
    train.set_defaults(handler=handlers["train"], command="train")

    network = commands.add_parser(
        "network",
        help="print a network design: its summary with the arithmetic, its Keras JSON or Keras code",
        description="A design is a preset (seed, dense, lenet5, keras-example) or a Keras JSON file "
        "(model.to_json()'s format, read as data). A design that cannot work ends with one line saying why.",
    )
    network.add_argument("design", metavar="PRESET|FILE.json", help=NETWORK_HELP)
    network.add_argument("--format", choices=("summary", "json", "keras-code"), default="summary",
                         help="summary: the layers' shapes and parameters with their formulas (default); "
                         "json: Keras JSON that keras.models.model_from_json reads; keras-code: Python in "
                         "the notebook's style")
    network.set_defaults(handler=handlers["network"], command="network")
    if "runs" in handlers:
        from digitpad.app.cli.runs_command import add_runs_arguments, add_tensorboard_argument

        add_tensorboard_argument(train)
        add_runs_arguments(commands, handlers["runs"])
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
    from digitpad.model.ink.preprocessing import DEFAULT_BRUSH

    _add_box_option(parser)
    parser.add_argument(
        "--brush", type=float, default=DEFAULT_BRUSH, metavar="PX",
        help=f"brush width on the 280×280 canvas (default {DEFAULT_BRUSH}; used by --method raster)",
    )
    parser.add_argument(
        "--method", choices=("vector", "raster"), default="vector",
        help="vector: re-render the strokes at MNIST's pen width (the app's way); "
        "raster: paint with the brush and crop",
    )
    parser.add_argument("--model", help="a .keras model (default: the bundled one)")


def _add_training_options(parser: argparse.ArgumentParser) -> None:
    from digitpad.model.training.recipes import OPTIMIZERS, PRESETS

    parser.add_argument("--out", required=True, metavar="PATH", help="where to write the model (.keras), atomically")
    parser.add_argument("--recipe", choices=sorted(PRESETS), default="fast", help="starting settings (default fast)")
    parser.add_argument("--data", metavar="PATH", help=MNIST_HELP)
    parser.add_argument("--no-mnist", action="store_true", help="train on drawings only")
    parser.add_argument("--strokes", action="append", default=[], metavar="FILE.jsonl",
                        help="labelled drawings to add (repeatable)")
    parser.add_argument("--exclude-writers", metavar="W,W,...",
                        help="leave these writers' drawings out (to test on them)")
    parser.add_argument("--exclude-sources", metavar="SITE,...",
                        help='leave out the drawings of these collection sites (a "source" field, e.g. UNIPEN\'s '
                        "apb,imp), to test on them")
    _add_box_option(parser)
    parser.add_argument("--stroke-copies", type=int, metavar="K",
                        help="renderings of each drawing (the recipe's by default)")
    parser.add_argument("--scribbles", type=int, metavar="N",
                        help="non-digits to train on towards 'unsure' (the recipe's by default)")
    parser.add_argument("--digit-pairs", type=int, metavar="N",
                        help="two drawings side by side to train on towards 'unsure' (the recipe's by default)")
    parser.add_argument("--paper-scans", type=int, metavar="N",
                        help="MNIST digits on synthetic scanned forms, read back by the ink finder, to train on "
                        "(the recipe's by default)")
    parser.add_argument("--style-share", type=float, metavar="P",
                        help="share of augmented drawings written in another style of their digit (the recipe's by "
                        "default)")
    parser.add_argument("--aspect-share", type=float, metavar="P",
                        help="share of augmented 0s, 2s and 7s written narrow and tall or flat and wide (the recipe's "
                        "by default)")
    parser.add_argument("--device-share", type=float, metavar="P",
                        help="share of augmented drawings made to look recorded by another digitizer (the recipe's "
                        "by default)")
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--optimizer", choices=OPTIMIZERS)
    parser.add_argument("--learning-rate", type=float)
    parser.add_argument("--augment", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--validation-fraction", type=float)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--device", help="e.g. /GPU:0 or /CPU:0 (default: the first GPU, else the CPU)")
    parser.add_argument("--limit", type=int, metavar="N", help="use only the first N MNIST training images")
    parser.add_argument("--network", metavar="PRESET|FILE.json", help=f"the network to train: {NETWORK_HELP} "
                        "(default seed)")
