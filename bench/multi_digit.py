"""Numbers written in one go: several held-out writers' digits side by side, read as a number.

    python bench/multi_digit.py [--per-length 200] [--writers held-out|tuning]

Each number of 2–6 digits is composed from real pen digits of writers the model
never saw (../shared/data/pendigits-train.jsonl), each digit scaled to a random
height (±20%), moved up or down a little, and placed after the previous one with
a random gap from a 15% overlap to half a digit's width.  Reports whole-number
accuracy, per-digit accuracy and how often the digits were split correctly,
against the single-digit accuracy on the same writers, and how many numbers hold
only digits the model reads right alone (no splitter could do better than that).
Targets (issue 8): whole numbers ≥ 97%, per-digit within 1 point of single digits; issue 18: ≥ 97.5%.

Then single digits that must stay one digit: the held-out writers' and held-out UNIPEN sites'
digits written in more than one stroke, and their 0s, 1s and 7s restyled (model.training.stroke_styles:
a slash across the 0, a European 1's up-stroke, a bar across the 7), each read by the splitter.
"""

from __future__ import annotations

import argparse
import json

import numpy as np

from common import (
    HELD_OUT_SITES,
    HELD_OUT_WRITERS,
    PEN_BOX,
    PEN_STROKES,
    TUNING_SITES,
    TUNING_WRITERS,
    UNIPEN_STROKES,
    machine,
    table,
)
from digitpad.model.files.datasets import load_stroke_records
from digitpad.model.network.inference import Predictor
from digitpad.model.network.views import with_views
from digitpad.model.numbers import read_number, with_digit_views
from digitpad.model.training.data import side_by_side
from digitpad.model.training.stroke_styles import STYLES
from digitpad.resources import bundled_model_path


def compose(records, rng: np.random.Generator):
    """Strokes of a number made of ``records`` (one digit each), and each digit's stroke count."""
    return side_by_side([r.strokes for r in records], rng), [len(r.strokes) for r in records]


def read_at_pen_up(predictor, strokes) -> list:
    """The digits the pad shows at pen-up: the splitter's, each read seven ways (model.network.views)."""
    return with_digit_views(predictor, read_number(predictor, strokes))


def one_digit_check(predictor, drawings: list[tuple[list, int]]) -> list:
    """How many single digits the splitter keeps whole, and how many of those it reads right."""
    kept = right = 0
    for strokes, label in drawings:
        readings = read_at_pen_up(predictor, strokes)
        kept += len(readings) == 1
        right += len(readings) == 1 and readings[0].label == label
    count = max(len(drawings), 1)
    return [len(drawings), f"{kept / count:.1%}", f"{right / count:.1%}"]


def styles_stay_one_digit(predictor, pen_records, sites: set[str], seed: int) -> None:
    unipen = [r for r in load_stroke_records(UNIPEN_STROKES) if r.source in sites] if UNIPEN_STROKES.exists() else []
    rng = np.random.default_rng(seed + 18)
    restyled = {digit: [(STYLES[digit](r.strokes, rng), digit) for r in pen_records if r.label == digit]
                for digit in sorted(STYLES)}
    names = {0: "0 with a slash (Ø)", 1: "1 with a European up-stroke", 7: "7 with a bar across"}
    rows = [["pendigits digits in 2+ strokes", *one_digit_check(predictor, [(r.strokes, r.label) for r in pen_records
                                                                          if len(r.strokes) > 1])]]
    if unipen:
        rows.append([f"UNIPEN {','.join(sorted(sites))} digits in 2+ strokes",
                     *one_digit_check(predictor, [(r.strokes, r.label) for r in unipen if len(r.strokes) > 1])])
    rows += [[f"pendigits {names[digit]}", *one_digit_check(predictor, drawings)]
             for digit, drawings in restyled.items()]
    print("\nSingle digits that must stay one digit:\n")
    print(table(["digits", "drawings", "kept one digit", "kept and read right"], rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-length", type=int, default=200)
    parser.add_argument("--writers", choices=("held-out", "tuning"), default="held-out",
                        help="pendigits writers, and the matching UNIPEN sites for the one-digit check")
    parser.add_argument("--model", default=str(bundled_model_path()))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    writers = HELD_OUT_WRITERS if args.writers == "held-out" else TUNING_WRITERS
    records = [r for r in load_stroke_records(PEN_STROKES, default_box=PEN_BOX) if r.writer in writers]
    predictor = Predictor.load(args.model)
    single = [with_views(predictor, r.strokes, predictor.predict_strokes(r.strokes)).label for r in records]
    read_alone = np.array(single) == np.array([r.label for r in records])
    single_accuracy = float(np.mean(read_alone))

    rng = np.random.default_rng(args.seed)
    rows, totals = [], {"numbers": 0, "right": 0, "digits": 0, "digits_right": 0, "split_right": 0}
    # Numbers whose every digit the model reads right on its own: the best any splitter could do.
    readable = readable_right = 0
    for length in range(2, 7):
        numbers_right = digits_right = split_right = 0
        for _ in range(args.per_length):
            picked = rng.choice(len(records), length, replace=False)
            chosen = [records[i] for i in picked]
            strokes, counts = compose(chosen, rng)
            readings = read_at_pen_up(predictor, strokes)
            truth = [r.label for r in chosen]
            split_ok = [len(r.strokes) for r in readings] == counts
            labels = [r.label for r in readings]
            split_right += split_ok
            numbers_right += labels == truth
            if read_alone[picked].all():
                readable += 1
                readable_right += labels == truth
            digits_right += sum(a == b for a, b in zip(labels, truth)) if split_ok else 0
        n = args.per_length
        rows.append([length, n, f"{numbers_right / n:.1%}", f"{digits_right / (n * length):.2%}",
                     f"{split_right / n:.1%}"])
        totals["numbers"] += n
        totals["right"] += numbers_right
        totals["digits"] += n * length
        totals["digits_right"] += digits_right
        totals["split_right"] += split_right
    whole = totals["right"] / totals["numbers"]
    per_digit = totals["digits_right"] / totals["digits"]
    split = totals["split_right"] / totals["numbers"]
    rows.append(["all", totals["numbers"], f"{whole:.1%}", f"{per_digit:.2%}", f"{split:.1%}"])
    print(f"# Numbers from pen digits of unseen writers\n\nMachine: {machine()}\n"
          f"Writers {sorted(writers)} ({args.writers}); single-digit accuracy on them: {single_accuracy:.2%}\n")
    print(table(["digits", "numbers", "whole number right", "digits right", "split right"], rows))
    print(f"\n{readable} of {totals['numbers']} numbers ({readable / totals['numbers']:.1%}: the most any splitter "
          f"could get right with this model) are made only of digits it reads right alone; "
          f"of those, {readable_right / max(readable, 1):.1%} were read right whole.")
    styles_stay_one_digit(predictor, records, HELD_OUT_SITES if args.writers == "held-out" else TUNING_SITES, args.seed)
    print(json.dumps({"whole": whole, "per_digit": per_digit, "single": single_accuracy,
                      "split": split, "ceiling": readable / totals["numbers"],
                      "whole_when_readable": readable_right / max(readable, 1)}))


if __name__ == "__main__":
    main()
