"""``digitpad filters``: the images of a set that excite one unit most, and the pattern it wants.

Prints ``{"layer", "channel", "top": [{"index", "value", "at", "box"}, ...]}`` with ``--format json``,
else a table; ``--pattern OUT.png`` also writes the input that excites the unit most (28×28 grey).
"""

from __future__ import annotations

import argparse
import json
import sys

TABLE_HEADER = f"{'rank':>4}  {'index':>6}  {'value':>10}  {'at':>8}  box [top, left, bottom, right)"


def add_filters_command(commands, handler) -> None:
    """The ``filters`` subcommand and its options."""
    from digitpad.app.cli.arguments import MNIST_HELP, _add_box_option

    filters = commands.add_parser(
        "filters",
        help="the images that excite one unit most, where, and what it sees (and the pattern it wants)",
        description='Prints {"layer", "channel", "top": [{"index", "value", "at": [row, col], '
        '"box": [top, left, bottom, right]}, ...]} with --format json, else a table. "value" is the unit\'s '
        'largest activation over the image\'s positions (for the output layer, the digit\'s score before the '
        'softmax), "at" where it is (null for dense units), "box" the part of the 28×28 input the unit sees '
        'there (bottom and right exclusive), "index" the image\'s place in the set.',
    )
    filters.add_argument("--layer", required=True, metavar="NAME",
                         help="conv1, pool1, conv2, pool2, conv3, dense or probabilities (the bundled model)")
    filters.add_argument("--channel", required=True, type=int, metavar="C", help="the map, dense unit or digit")
    filters.add_argument("--top", type=int, default=9, metavar="K", help="how many images (default 9)")
    source = filters.add_mutually_exclusive_group()
    source.add_argument("--data", metavar="PATH", help=MNIST_HELP + "; its test set is searched")
    source.add_argument("--strokes", metavar="FILE.jsonl", help="search these drawings instead of MNIST's test set")
    _add_box_option(filters)
    filters.add_argument("--format", choices=("table", "json"), default="table")
    filters.add_argument("--pattern", metavar="OUT.png",
                         help="also write the input pattern that excites the unit most (a 28×28 grey PNG)")
    filters.add_argument("--model", help="a .keras model (default: the bundled one)")
    filters.set_defaults(handler=handler, command="filters")


def run_filters(args: argparse.Namespace, load_predictor) -> int:
    from pathlib import Path

    from digitpad.model.network import image_sets
    from digitpad.model.network.filters import ActivationIndex, check_channel, find_layer

    if args.top < 1:
        raise ValueError(f"--top: the number of images must be at least 1, not {args.top}")
    pattern_path = Path(args.pattern).expanduser() if args.pattern else None
    if pattern_path is not None and not pattern_path.parent.is_dir():
        raise ValueError(f"{pattern_path.parent}: no such folder")
    predictor = load_predictor(args.model)
    _, layer = find_layer(predictor.net, args.layer)  # bad names fail before the data loads
    check_channel(layer, args.channel)
    images = (image_sets.stroke_file(args.strokes, box=args.box) if args.strokes
              else image_sets.mnist_test(args.data))
    index = ActivationIndex.build(predictor.net, images.images)
    top = index.top(args.layer, args.channel, args.top)
    if pattern_path is not None:
        _write_pattern(predictor.net, args.layer, args.channel, pattern_path)
    answer = {"layer": args.layer, "channel": args.channel, "set": images.name, "count": index.count,
              "top": [image.as_json() for image in top]}
    if args.format == "json":
        print(json.dumps(answer))
    else:
        _print_table(answer, images.labels)
    return 0


def _print_table(answer: dict, labels) -> None:
    print(f"{answer['layer']} channel {answer['channel']}: the {len(answer['top'])} of {answer['count']} "
          f"images of {answer['set']} that excite it most")
    print(TABLE_HEADER + "  label")
    for rank, image in enumerate(answer["top"], start=1):
        at = "-" if image["at"] is None else f"{image['at'][0]},{image['at'][1]}"
        label = labels[image["index"]] if labels is not None and labels[image["index"]] >= 0 else "-"
        print(f"{rank:>4}  {image['index']:>6}  {image['value']:>10.4f}  {at:>8}  {image['box']}  {label}")


def _write_pattern(net, layer_name: str, channel: int, path) -> None:
    from digitpad.model.network.patterns import pattern_png_bytes, unit_pattern

    pattern = unit_pattern(net, layer_name, channel)
    from digitpad.model.files.atomic import write_bytes_atomically

    write_bytes_atomically(path, pattern_png_bytes(pattern.image))
    print(f"digitpad: wrote {path} ({pattern.describe()})", file=sys.stderr)
