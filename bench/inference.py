"""One drawing through the network: model.predict(), a direct Keras call, a tf.function, and the app's
numpy passes (the same numbers: tests/test_numpy_net.py checks every layer to 1e-5 of its largest value),
plus *Why?*'s 64-step integrated gradients with the numpy backward pass.

    python bench/inference.py [--repeats 300]

Targets (issue 6): one drawing with all activations, median ≤ 1 ms and p99 ≤ 3 ms on the CPU.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from common import PEN_BOX, PEN_STROKES, machine, percentile, table
from digitpad.model.files.datasets import load_stroke_records
from digitpad.model.ink.preprocessing import strokes_to_tensor
from digitpad.model.network.inference import Predictor
from digitpad.model.training.keras_models import load_model_file
from digitpad.resources import bundled_model_path


def timings(function, inputs, repeats: int) -> list[float]:
    function(inputs[0])  # warm up
    out = []
    for i in range(repeats):
        started = time.perf_counter()
        function(inputs[i % len(inputs)])
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=300)
    parser.add_argument("--model", default=str(bundled_model_path()))
    args = parser.parse_args()

    records = load_stroke_records(PEN_STROKES, default_box=PEN_BOX)[:200]
    strokes = [r.strokes for r in records]
    tensors = [strokes_to_tensor(s) for s in strokes]
    batches = [t.reshape(1, 28, 28, 1) for t in tensors]
    predictor = Predictor.load(args.model)
    model = load_model_file(args.model)
    import keras
    import tensorflow as tf

    from digitpad.model.network.saliency import explain

    extractor = keras.Model(model.inputs[0], [layer.output for layer in model.layers])
    compiled = tf.function(lambda b: extractor(b, training=False))
    cases = [
        ("model.predict() (probabilities only)", lambda b: model.predict(b, verbose=0), batches),
        ("direct Keras call, all activations", lambda b: extractor(b, training=False), batches),
        ("tf.function, all activations", lambda b: [np.asarray(o) for o in compiled(b)], batches),
        ("app: numpy forward pass, all activations", predictor.predict_tensor, tensors),
        ("app: preprocessing (strokes → 28×28)", strokes_to_tensor, strokes),
        ("app: preprocessing + network", predictor.predict_strokes, strokes),
        ("app: Why? (numpy integrated gradients, 64 steps)", lambda t: explain(predictor.net, t, 7), tensors),
    ]
    rows, summary = [], {}
    for name, function, inputs in cases:
        repeats = min(args.repeats, 60) if "predict()" in name or "Why" in name else args.repeats
        values = timings(function, inputs, repeats)
        median = percentile(values, 50)
        summary[name] = median
        rows.append([name, repeats, f"{median:.2f}", f"{percentile(values, 99):.2f}"])
    base = summary["model.predict() (probabilities only)"]
    for row in rows:
        row.append(f"{base / summary[row[0]]:.0f}×")
    print(f"# Inference, one drawing at a time\n\nMachine: {machine()}\n")
    print(table(["path", "calls", "median ms", "p99 ms", "faster than predict()"], rows))
    print(json.dumps({name: round(value, 3) for name, value in summary.items()}))


if __name__ == "__main__":
    main()
