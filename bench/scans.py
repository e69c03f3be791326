"""Scans of handwritten digits on printed forms (cheque-like), made from MNIST test digits.

    python bench/scans.py [--digits tuning|held-out] [--seed 0] [--per-row 200] [--fields 200]

Issue 28's paper conditions, each at a random strength (the ranges are in the table), first one at a
time, then all at once, the way bench/photos.py does for photos: grey or tinted paper; a printed fine
wavy security pattern; a printed baseline or ruled line crossing the digit; faint, thin ballpoint;
digits only 20–60 px tall; crops cut tightly around the digit with a sliver of the neighbouring digit
or of a separator at the edge; scanner blur, noise and JPEG.  Then tight crops of digits 100–400 px
tall (a phone photo's or a fine scan's, read on a copy 96 px across), digits written in a cell's printed
box, blank forms (pattern, lines, a cell's box or only its sides down, stains: they must read as nothing or
unsure) and whole fields of 3–7 digits with dots, commas, dashes or slashes between them, read exactly (digits
only), also cut out with the field's printed box (a cheque's amount box).

The scans are made by model.training.paper_scans (training renders MNIST's training digits the same
way).  Every scan goes through the command line's own functions, as `digitpad predict scan.jpg` reads it.
These are synthetic: they make the conditions reproducible, they are not the real scans the issue
measured, and the project's unseen test sets are never used here.
"""

from __future__ import annotations

import argparse

import numpy as np

from common import MNIST, machine, table
from digitpad.model.files.datasets import load_mnist
from digitpad.model.network.inference import Predictor
from digitpad.model.training.paper_scans import CONDITIONS, blank_scan, digit_scan, field_scan, random_form
from digitpad.resources import bundled_model_path
from photos import outcome, rate, read_answer

ALL = "all of them"
# Tight crops bigger than a small crop (SMALL_CROP): a phone photo or a fine scan cut around one digit.
BIG_TIGHT = [
    ("cut at the ink", "0–3 px margins", set(), (0, 0)),
    ("and a neighbour's sliver", "as the tight crop row above: a sliver of a digit or separator at an edge",
     {"tight crop"}, (0, 0)),
    ("every condition", "every condition above but small", set(CONDITIONS) - {"small"}, (0, 0)),
    ("with room around", "margins 5–20% of the digit's height", set(), (0.05, 0.2)),
]


def single_digits(args, images, labels, predictor) -> str:
    rows = [(name, {name}) for name in CONDITIONS] + [(ALL, set(CONDITIONS))]
    lines = []
    for name, conditions in rows:
        rng = np.random.default_rng([args.seed, len(name)])
        counts: dict[str, int] = {}
        for _ in range(args.per_row):
            index, neighbour = rng.integers(0, len(images), 2)
            answer = read_answer(predictor, digit_scan(images[index], images[neighbour], conditions, rng))
            result = outcome(answer, [int(labels[index])])
            counts[result] = counts.get(result, 0) + 1
        lines.append([name, CONDITIONS.get(name, "every condition above at once"),
                      f"{rate(counts, 'right', 'unsure right'):.1%}", f"{rate(counts, 'nothing'):.1%}",
                      f"{rate(counts, 'wrong'):.1%}", f"{rate(counts, 'unsure right', 'unsure wrong'):.1%}"])
    return table(["scans of one digit", "what varies", "read right", "nothing", "wrong and sure", "unsure"], lines)


def big_tight_crops(args, images, labels, predictor) -> str:
    """Tight crops of digits 100–400 px tall, which are read as small crops are, on a copy SMALL_CROP across."""
    lines = []
    for row, (name, what, conditions, margins) in enumerate(BIG_TIGHT):
        rng = np.random.default_rng([args.seed, 11, row])
        counts: dict[str, int] = {}
        for _ in range(args.per_row):
            index, neighbour = rng.integers(0, len(images), 2)
            answer = read_answer(predictor, big_digit_scan(images[index], images[neighbour], conditions, margins, rng))
            result = outcome(answer, [int(labels[index])])
            counts[result] = counts.get(result, 0) + 1
        lines.append([name, what, f"{rate(counts, 'right', 'unsure right'):.1%}", f"{rate(counts, 'nothing'):.1%}",
                      f"{rate(counts, 'wrong'):.1%}", f"{rate(counts, 'unsure right', 'unsure wrong'):.1%}"])
    return table(["tight crops, digit 100–400 px tall", "what varies", "read right", "nothing", "wrong and sure",
                  "unsure"], lines)


def big_digit_scan(digit, neighbour, conditions: set[str], margins: tuple[float, float], rng) -> bytes:
    """A scan of one digit 100–400 px tall, its margins ``margins`` of its height (0–3 px when both are 0)."""
    form = random_form(rng, conditions)
    form.height = rng.uniform(100, 400)
    form.margin = int(rng.uniform(*margins) * form.height) if margins[1] else int(rng.integers(0, 4))
    return digit_scan(digit, neighbour, conditions, rng, form)


BOXED = [
    ("whole box", "all four sides", ("tblr",)),
    ("three sides or a corner", "a comb's base and sides, or two sides meeting (a table's cell)",
     ("blr", "tl", "tr", "bl", "br")),
    ("sides down only", "a table's or a comb's cell cut between its lines across: one side or both", ("l", "r", "lr")),
]


def boxed_digits(args, images, labels, predictor) -> str:
    """Digits written in a form's cell and cut out with its printed box (grey paper, 20–60 px, scanner)."""
    lines = []
    for row, (name, what, choices) in enumerate(BOXED):
        rng = np.random.default_rng([args.seed, 13, row])
        counts: dict[str, int] = {}
        for _ in range(args.per_row):
            index, neighbour = rng.integers(0, len(images), 2)
            form = random_form(rng, {"grey paper", "small", "scanner"})
            form.margin = int(rng.uniform(0.15, 0.4) * form.height)
            form.box = (str(rng.choice(choices)), rng.uniform(0, 0.1), rng.uniform(1, 2.2), rng.uniform(0.3, 0.75))
            answer = read_answer(predictor, digit_scan(images[index], images[neighbour], set(), rng, form))
            result = outcome(answer, [int(labels[index])])
            counts[result] = counts.get(result, 0) + 1
        lines.append([name, what, f"{rate(counts, 'right', 'unsure right'):.1%}", f"{rate(counts, 'nothing'):.1%}",
                      f"{rate(counts, 'wrong'):.1%}", f"{rate(counts, 'unsure right', 'unsure wrong'):.1%}"])
    return table(["in a printed box (grey paper, 20–60 px, scanner)", "sides", "read right", "nothing",
                  "wrong and sure", "unsure"], lines)


def blanks(args, predictor) -> str:
    lines = []
    for kind in ("pattern", "lines", "stain", "box", "sides down"):
        rng = np.random.default_rng([args.seed, 7, len(kind)])
        counts: dict[str, int] = {}
        for _ in range(args.per_row // 2):
            answer = read_answer(predictor, blank_scan(kind, rng))
            result = "nothing" if answer.get("label") is None and "number" not in answer else \
                "sure digit" if outcome(answer, [-1]) == "wrong" else "unsure"
            counts[result] = counts.get(result, 0) + 1
        lines.append([kind, f"{rate(counts, 'nothing'):.1%}", f"{rate(counts, 'unsure'):.1%}",
                      f"{rate(counts, 'sure digit'):.1%}"])
    return table(["blank form", "nothing", "unsure", "a sure digit"], lines)


def fields(args, images, labels, predictor) -> str:
    rows = [(f"{args.fields} fields of 3–7 digits, separators in 30% of the gaps", 99, (3, 8), False, False),
            (f"{args.fields} fields of 2–4 digits, each touching the next (0–8% of the height)", 98, (2, 5), True,
             False),
            (f"{args.fields} fields of 3–7 digits in a printed box (whole, or its lines across), separators in 30% of "
             "the gaps", 97, (3, 8), False, True)]
    lines = []
    for name, stream, lengths, touching, boxed in rows:
        rng = np.random.default_rng([args.seed, stream])
        exact = 0
        for _ in range(args.fields):
            picks = rng.integers(0, len(images), int(rng.integers(*lengths)))
            scan = field_scan([images[i] for i in picks], rng, touching=touching, boxed=boxed)
            answer = read_answer(predictor, scan)
            read = [d["label"] for d in answer["digits"]] if "number" in answer else [answer.get("label")]
            exact += read == [int(labels[i]) for i in picks]
        lines.append([name, f"{exact / max(args.fields, 1):.1%}"])
    return table(["fields", "read exactly (digits only)"], lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digits", choices=["tuning", "held-out"], default="held-out")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-row", type=int, default=200)
    parser.add_argument("--fields", type=int, default=200)
    parser.add_argument("--model", default=str(bundled_model_path()))
    args = parser.parse_args()
    mnist = load_mnist(MNIST)
    half = slice(0, 5000) if args.digits == "tuning" else slice(5000, 10000)
    images, labels = mnist.x_test[half], mnist.y_test[half]
    predictor = Predictor.load(args.model)
    print(machine())
    print(f"MNIST test digits {args.digits} ({half.start:,}–{half.stop - 1:,}), seed {args.seed}, model {args.model}\n")
    print(single_digits(args, images, labels, predictor))
    print()
    print(big_tight_crops(args, images, labels, predictor))
    print()
    print(boxed_digits(args, images, labels, predictor))
    print()
    print(blanks(args, predictor))
    print()
    print(fields(args, images, labels, predictor))


if __name__ == "__main__":
    main()
