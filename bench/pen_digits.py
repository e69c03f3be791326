"""How well DigitPad reads digits people actually drew: real pen strokes of writers and sites it never saw.

Replays ../shared/data/pendigits-train.jsonl through what the app does with a
drawing: the tablet box mapped onto the 280×280 canvas, the canvas' brush, the
model core's preprocessing, the model, and the drawing read seven ways as at pen-up
(model.network.views; the plain reading alone has a row of its own).  Reports the held-out writers only.  Then
the same for UNIPEN digits (../shared/data/unipen-train.jsonl) of whole
collection sites left out of training, each written on its own digitizers.  Then the held-out
writers' digits squeezed narrow and tall or stretched flat and wide (issue 28's pen styles: a narrow
2 or 0 read as 1, a flat 2 read as 7).

    python bench/pen_digits.py [--model PATH] [--compare-raster] [--writers tuning] [--sites tuning]
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from common import (
    HELD_OUT_SITES,
    HELD_OUT_WRITERS,
    MNIST,
    PEN_BOX,
    PEN_STROKES,
    TUNING_SITES,
    TUNING_WRITERS,
    UNIPEN_STROKES,
    machine,
    table,
)
from digitpad.model.files.datasets import load_mnist, load_stroke_records
from digitpad.model.ink.preprocessing import DEFAULT_BRUSH, MAX_BRUSH, MIN_BRUSH, strokes_to_tensor
from digitpad.model.network.inference import UNSURE_BELOW, Prediction, Predictor, expected_calibration_error
from digitpad.model.network.views import read_together, view_probabilities
from digitpad.model.training.stroke_styles import to_width
from digitpad.resources import bundled_model_path

BRUSHES = [("thin", MIN_BRUSH), ("default", DEFAULT_BRUSH), ("thick", MAX_BRUSH)]


def scribbles(count: int, seed: int = 0) -> list[list[np.ndarray]]:
    """Things that are not digits: random zig-zags, hatching and tangles."""
    rng = np.random.default_rng(seed)
    drawings = []
    for i in range(count):
        kind = i % 3
        if kind == 0:  # a random zig-zag
            points = rng.uniform(40, 240, (rng.integers(8, 20), 2))
            drawings.append([points])
        elif kind == 1:  # hatching: several parallel strokes
            angle = rng.uniform(0, np.pi)
            direction = np.array([np.cos(angle), np.sin(angle)])
            normal = np.array([-direction[1], direction[0]])
            drawings.append([np.array([140 + normal * k * 18 - direction * 90, 140 + normal * k * 18 + direction * 90])
                             for k in range(-3, 4)])
        else:  # a tangle: a smooth random walk
            steps = rng.normal(0, 12, (120, 2)).cumsum(axis=0)
            drawings.append([140 + steps - steps.mean(axis=0)])
    return drawings


def scores(probabilities: np.ndarray, labels: np.ndarray, doubted: np.ndarray | None = None) -> list:
    """Accuracy, misses, ECE, share shown as unsure, accuracy when sure, and the share of wrong and of right
    answers shown as unsure: one table row's worth.  ``doubted``: answers the changed views doubt
    (model.network.views), shown as unsure however high their probability."""
    predicted = probabilities.argmax(axis=1)
    unsure = probabilities.max(axis=1) < UNSURE_BELOW
    if doubted is not None:
        unsure = unsure | doubted
    sure, right = ~unsure, predicted == labels
    return [f"{np.mean(right):.2%}", int(np.sum(~right)),
            f"{expected_calibration_error(probabilities, labels):.4f}", f"{unsure.mean():.1%}",
            f"{np.mean(right[sure]):.2%}" if sure.any() else "–",
            f"{np.mean(unsure[~right]):.0%}" if (~right).any() else "–", f"{np.mean(unsure[right]):.2%}"]


def views_of(predictor, drawings) -> list[np.ndarray]:
    """What the changed views of each drawing (its strokes) read (model.network.views)."""
    return [view_probabilities(predictor, strokes) for strokes in drawings]


def seven_ways(probabilities: np.ndarray, views: list[np.ndarray]) -> list[Prediction]:
    """The answers as the pad gives them at pen-up: each drawing's plain reading (``probabilities``) and its
    changed views' readings (``views_of``) together."""
    return [read_together(Prediction(int(p.argmax()), p), v) for p, v in zip(probabilities, views, strict=True)]


def stack_answers(read: list[Prediction]) -> tuple[np.ndarray, np.ndarray]:
    """The probabilities of answers read seven ways, and which of them the changed views doubt."""
    return np.stack([r.probabilities for r in read]), np.array([r.other_reading is not None for r in read])


SCORES = ["accuracy", "misses", "ECE", "unsure", "accuracy when sure", "wrong shown unsure", "right shown unsure"]


def per_digit(predicted: np.ndarray, labels: np.ndarray) -> str:
    return table(["digit", *map(str, range(10))],
                 [["accuracy", *(f"{np.mean(predicted[labels == d] == d):.1%}" if np.any(labels == d) else "–"
                                 for d in range(10))],
                  ["drawings", *(int(np.sum(labels == d)) for d in range(10))]])


def confusions(predicted: np.ndarray, labels: np.ndarray, top: int = 12) -> str:
    pairs: dict[tuple[int, int], int] = {}
    for truth, guess in zip(labels, predicted):
        if truth != guess:
            pairs[(int(truth), int(guess))] = pairs.get((int(truth), int(guess)), 0) + 1
    ranked = sorted(pairs.items(), key=lambda item: -item[1])[:top]
    return table(["true → read as", "count"], [[f"{t} → {g}", n] for (t, g), n in ranked]) if ranked else "none"


def pen_writers_report(predictor, writers: set[int], records, name: str, compare_raster: bool) -> dict:
    labels = np.array([r.label for r in records])
    print(f"## Pendigits writers {sorted(writers)} ({name}): {len(records)} drawings\n")
    methods = ["vector", "raster"] if compare_raster else ["vector"]
    rows, results = [], {}
    # The vector re-render does not depend on the brush: neither do its views (read them once).
    views = views_of(predictor, [r.strokes for r in records])
    for method in methods:
        for brush_name, brush in BRUSHES:
            started = time.perf_counter()
            tensors = np.stack([strokes_to_tensor(r.strokes, brush, method=method) for r in records])
            preprocessing_ms = (time.perf_counter() - started) / len(records) * 1000
            probabilities = predictor.probabilities(tensors)
            doubted = None
            if method == "vector":
                results[("plain", brush_name)] = probabilities
                probabilities, doubted = stack_answers(seven_ways(probabilities, views))
            results[(method, brush_name)] = probabilities
            rows.append(["app (read seven ways)" if method == "vector" else "cropped canvas (no views)",
                         f"{brush_name} ({brush} px)", *scores(probabilities, labels, doubted),
                         f"{preprocessing_ms:.2f}"])
    rows.append(["app, the plain reading alone", f"default ({DEFAULT_BRUSH} px)",
                 *scores(results[("plain", "default")], labels), "–"])
    print(table(["preprocessing", "brush", *SCORES, "ms / drawing"], rows))
    probabilities = results[("vector", "default")]
    predicted = probabilities.argmax(axis=1)
    print("\nPer digit (default brush):\n")
    print(per_digit(predicted, labels))
    print("\nConfusions (default brush), most frequent first:\n")
    print(confusions(predicted, labels))
    summary = {brush_name: float(np.mean(results[("vector", brush_name)].argmax(axis=1) == labels))
               for brush_name, _ in BRUSHES}
    return {**summary, "ece": expected_calibration_error(probabilities, labels)}


def unipen_sites_report(predictor, sites: set[str], name: str) -> dict:
    """UNIPEN digits of whole sites, each drawn in its own box, read as the app reads strokes."""
    records = [r for r in load_stroke_records(UNIPEN_STROKES) if r.source in sites]
    if not records:
        print(f"\nNo UNIPEN digits from sites {sorted(sites)} in {UNIPEN_STROKES}.")
        return {}
    labels = np.array([r.label for r in records])
    site_of = np.array([r.source for r in records])
    plain = predictor.probabilities(np.stack([strokes_to_tensor(r.strokes) for r in records]))
    probabilities, doubted = stack_answers(seven_ways(plain, views_of(predictor, [r.strokes for r in records])))
    predicted = probabilities.argmax(axis=1)
    print(f"\n## UNIPEN sites {', '.join(sorted(sites))} ({name}): {len(records)} drawings\n")
    rows = []
    for site in sorted(sites):
        mine = site_of == site
        writers = len({r.writer for r, m in zip(records, mine) if m})
        rows.append([site, writers, int(mine.sum()), *scores(probabilities[mine], labels[mine], doubted[mine])])
    if len(sites) > 1:
        rows.append(["all", len({r.writer for r in records}), len(records),
                     *scores(probabilities, labels, doubted)])
    rows.append(["all, the plain reading alone", len({r.writer for r in records}), len(records),
                 *scores(plain, labels)])
    print(table(["site", "writers", "drawings", *SCORES], rows))
    print("\nPer digit:\n")
    print(per_digit(predicted, labels))
    print("\nConfusions, most frequent first:\n")
    print(confusions(predicted, labels))
    per_site = {site: float(np.mean(predicted[site_of == site] == labels[site_of == site])) for site in sorted(sites)}
    return {"accuracy": float(np.mean(predicted == labels)), "per_site": per_site,
            "ece": expected_calibration_error(probabilities, labels)}


# Issue 28's shapes, as width over the height: the writers' own digits squeezed or stretched to them.
SHAPES = [("narrow tall 2", 2, (0.25, 0.4)), ("flat wide 2", 2, (1.8, 2.2)), ("narrow 0", 0, (0.2, 0.35)),
          ("narrow 4", 4, (0.3, 0.45)), ("wide 3", 3, (1.5, 2.0)), ("wide 5", 5, (1.5, 2.0)),
          ("wide 7", 7, (1.5, 2.0)), ("narrow 9", 9, (0.25, 0.4))]


def shapes_report(predictor, records, seed: int = 28) -> dict:
    """The writers' digits (``records``) of each shape's digit, squeezed or stretched to it, read seven ways."""
    rng = np.random.default_rng(seed)
    rows, summary = [], {}
    for name, digit, (lowest, highest) in SHAPES:
        drawings = [to_width(r.strokes, rng.uniform(lowest, highest)) for r in records if r.label == digit]
        plain = predictor.probabilities(np.stack([strokes_to_tensor(s) for s in drawings]))
        probabilities, doubted = stack_answers(seven_ways(plain, views_of(predictor, drawings)))
        predicted = probabilities.argmax(axis=1)
        unsure = (probabilities.max(axis=1) < UNSURE_BELOW) | doubted
        wrong = predicted != digit
        read_as = {int(d): int(np.sum(predicted[wrong] == d)) for d in np.unique(predicted[wrong])}
        rows.append([name, f"{lowest}–{highest}", len(drawings), f"{np.mean(~wrong):.1%}",
                     f"{np.mean(wrong & ~unsure):.1%}", f"{np.mean(unsure):.1%}",
                     ", ".join(f"{d} ×{n}" for d, n in sorted(read_as.items(), key=lambda i: -i[1])) or "–"])
        summary[name] = float(np.mean(~wrong))
    print("\n## The same writers' digits, narrow and tall or flat and wide (read seven ways)\n")
    print(table(["shape", "width / height", "drawings", "read right", "wrong and sure", "unsure", "wrong, read as"],
                rows))
    return {**summary, "all": float(np.mean(list(summary.values())))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=str(bundled_model_path()))
    parser.add_argument("--writers", choices=("held-out", "tuning"), default="held-out")
    parser.add_argument("--sites", choices=("held-out", "tuning", "none"), default="held-out",
                        help="UNIPEN sites to report: the held-out ones, the tuning one, or none")
    parser.add_argument("--compare-raster", action="store_true", help="also crop the painted canvas (the old way)")
    parser.add_argument("--json", action="store_true", help="print one JSON summary line at the end")
    args = parser.parse_args()

    predictor = Predictor.load(args.model)
    mnist = load_mnist(MNIST)
    mnist_accuracy = float(np.mean(predictor.probabilities(mnist.x_test / 255.0).argmax(1) == mnist.y_test))
    print(f"# Pen digits of unseen writers and sites\n\nModel: {args.model}\nMachine: {machine()}")
    print(f"MNIST test accuracy: {mnist_accuracy:.4f}\n")

    writers = HELD_OUT_WRITERS if args.writers == "held-out" else TUNING_WRITERS
    records = [r for r in load_stroke_records(PEN_STROKES, default_box=PEN_BOX) if r.writer in writers]
    pen = pen_writers_report(predictor, writers, records, args.writers, args.compare_raster)
    unipen = {}
    if args.sites != "none":
        sites = HELD_OUT_SITES if args.sites == "held-out" else TUNING_SITES
        unipen = unipen_sites_report(predictor, sites, args.sites)
    shapes = shapes_report(predictor, records)

    drawn = scribbles(300)
    plain = predictor.probabilities(np.stack([strokes_to_tensor(s) for s in drawn]))
    read = seven_ways(plain, views_of(predictor, drawn))
    scribbles_unsure = float(np.mean([r.is_unsure for r in read]))
    print(f"\nNot digits (300 random scribbles): median top probability {np.median(plain.max(axis=1)):.2f} "
          f"(read seven ways {np.median([r.confidence for r in read]):.2f}), {scribbles_unsure:.0%} shown as unsure "
          f"(below {UNSURE_BELOW}, or doubted by the changed views; the plain reading alone "
          f"{np.mean(plain.max(axis=1) < UNSURE_BELOW):.0%}).")
    if args.json:
        print(json.dumps({"writers": args.writers, "sites": args.sites, "mnist": mnist_accuracy, **pen,
                          "unipen": unipen, "shapes": shapes, "scribbles_unsure": scribbles_unsure}))


if __name__ == "__main__":
    main()
