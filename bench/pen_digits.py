"""How well DigitPad reads digits people actually drew: real pen strokes of writers it never saw.

Replays ../shared/data/pendigits-train.jsonl through what the app does with a
drawing: the tablet box mapped onto the 280×280 canvas, the canvas' brush, the
model core's preprocessing, the model.  Reports the held-out writers only.

    python bench/pen_digits.py [--model PATH] [--compare-raster] [--writers tuning]
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from common import HELD_OUT_WRITERS, MNIST, PEN_BOX, PEN_STROKES, TUNING_WRITERS, machine, table

from digitpad.model.data import load_mnist, load_stroke_records  # noqa: E402
from digitpad.model.inference import UNSURE_BELOW, Predictor  # noqa: E402
from digitpad.model.preprocessing import DEFAULT_BRUSH, MAX_BRUSH, MIN_BRUSH, strokes_to_tensor  # noqa: E402
from digitpad.resources import bundled_model_path  # noqa: E402

BRUSHES = [("thin", MIN_BRUSH), ("default", DEFAULT_BRUSH), ("thick", MAX_BRUSH)]


def expected_calibration_error(probabilities: np.ndarray, labels: np.ndarray, bins: int = 15) -> float:
    """Average gap between confidence and accuracy over equal-width confidence bins."""
    confidence = probabilities.max(axis=1)
    correct = probabilities.argmax(axis=1) == labels
    edges = np.minimum((confidence * bins).astype(int), bins - 1)
    return float(sum(abs(confidence[edges == b].mean() - correct[edges == b].mean()) * np.mean(edges == b)
                     for b in range(bins) if np.any(edges == b)))


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=str(bundled_model_path()))
    parser.add_argument("--writers", choices=("held-out", "tuning"), default="held-out")
    parser.add_argument("--compare-raster", action="store_true", help="also crop the painted canvas (the old way)")
    parser.add_argument("--json", action="store_true", help="print one JSON summary line at the end")
    args = parser.parse_args()

    writers = HELD_OUT_WRITERS if args.writers == "held-out" else TUNING_WRITERS
    records = [r for r in load_stroke_records(PEN_STROKES, default_box=PEN_BOX) if r.writer in writers]
    labels = np.array([r.label for r in records])
    predictor = Predictor.load(args.model)
    mnist = load_mnist(MNIST)
    mnist_accuracy = float(np.mean(predictor.probabilities(mnist.x_test / 255.0).argmax(1) == mnist.y_test))

    print(f"# Pen digits of unseen writers\n\nModel: {args.model}\nMachine: {machine()}")
    print(f"Writers {sorted(writers)} ({args.writers}): {len(records)} drawings. MNIST test accuracy: {mnist_accuracy:.4f}\n")
    methods = ["vector", "raster"] if args.compare_raster else ["vector"]
    rows, results = [], {}
    for method in methods:
        for name, brush in BRUSHES:
            started = time.perf_counter()
            tensors = np.stack([strokes_to_tensor(r.strokes, brush, method=method) for r in records])
            preprocessing_ms = (time.perf_counter() - started) / len(records) * 1000
            probabilities = predictor.probabilities(tensors)
            predicted = probabilities.argmax(axis=1)
            sure = probabilities.max(axis=1) >= UNSURE_BELOW
            accuracy = float(np.mean(predicted == labels))
            results[(method, name)] = (probabilities, predicted)
            rows.append([
                "app (re-rendered strokes)" if method == "vector" else "cropped canvas",
                f"{name} ({brush} px)", f"{accuracy:.2%}", int(np.sum(predicted != labels)),
                f"{expected_calibration_error(probabilities, labels):.4f}",
                f"{1 - sure.mean():.1%}", f"{np.mean(predicted[sure] == labels[sure]):.2%}",
                f"{preprocessing_ms:.2f}",
            ])
    print(table(["preprocessing", "brush", "accuracy", "misses", "ECE", "unsure", "accuracy when sure",
                 "ms / drawing"], rows))

    probabilities, predicted = results[("vector", "default")]
    print("\nPer digit (default brush):\n")
    print(table(["digit", *map(str, range(10))],
                [["accuracy", *(f"{np.mean(predicted[labels == d] == d):.1%}" for d in range(10))],
                 ["drawings", *(int(np.sum(labels == d)) for d in range(10))]]))
    pairs = {}
    for truth, guess in zip(labels, predicted):
        if truth != guess:
            pairs[(int(truth), int(guess))] = pairs.get((int(truth), int(guess)), 0) + 1
    top = sorted(pairs.items(), key=lambda item: -item[1])[:10]
    print("\nConfusions (default brush), most frequent first:\n")
    print(table(["true → read as", "count"], [[f"{t} → {g}", n] for (t, g), n in top]) if top else "none")

    scribble_tensors = np.stack([strokes_to_tensor(s) for s in scribbles(300)])
    scribble_top = predictor.probabilities(scribble_tensors).max(axis=1)
    print(f"\nNot digits (300 random scribbles): median top probability {np.median(scribble_top):.2f}, "
          f"{np.mean(scribble_top < UNSURE_BELOW):.0%} shown as unsure (threshold {UNSURE_BELOW}).")
    if args.json:
        summary = {name: float(np.mean(results[("vector", name)][1] == labels)) for name, _ in BRUSHES}
        print(json.dumps({"writers": args.writers, "mnist": mnist_accuracy, **summary,
                          "ece": expected_calibration_error(probabilities, labels),
                          "scribbles_unsure": float(np.mean(scribble_top < UNSURE_BELOW))}))


if __name__ == "__main__":
    main()
