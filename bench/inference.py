"""One drawing through the network: model.predict(), a direct Keras call, a tf.function, and the app's
numpy passes (the same numbers: tests/test_numpy_net.py checks every layer to 1e-5 of its largest value),
plus *Why?*'s 64-step integrated gradients with the numpy backward pass.

    python bench/inference.py [--repeats 300] [--presets-only]

Targets (issue 6): one drawing with all activations, median ≤ 1 ms and p99 ≤ 3 ms on the CPU.
Issue 25 (the second table): the numpy forward pass of each preset network (seed, dense, lenet5,
keras-example, built here in plain Keras with random weights: the time does not depend on the
weights) for one drawing, p50 ≤ 2 ms (the seed ≤ 1 ms), and explaining a unit, p50 ≤ 5 ms (the slowest
layer of each network: the strongest unit of every layer is explained in turn).
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
    parser.add_argument("--presets-only", action="store_true", help="only the table of the preset networks")
    args = parser.parse_args()
    if args.presets_only:
        print(f"Machine: {machine()}\n")
        presets_table(args.repeats)
        return

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
    print()
    presets_table(args.repeats)


def preset_models() -> dict:
    """The four preset designs of issue 25 as plain Keras models with random weights."""
    import keras
    from keras import layers

    def sequential(*stack):
        return keras.Sequential([keras.Input((28, 28, 1)), *stack])

    return {
        "seed": sequential(
            layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2), layers.Conv2D(64, 3, activation="relu"),
            layers.MaxPooling2D(2), layers.Conv2D(64, 3, activation="relu"), layers.Flatten(),
            layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")),
        "dense": sequential(layers.Flatten(), layers.Dense(512, activation="relu"),
                            layers.Dense(10, activation="softmax")),
        "lenet5": sequential(
            layers.Conv2D(6, 5, padding="same", activation="tanh"), layers.AveragePooling2D(2),
            layers.Conv2D(16, 5, activation="tanh"), layers.AveragePooling2D(2), layers.Flatten(),
            layers.Dense(120, activation="tanh"), layers.Dense(84, activation="tanh"),
            layers.Dense(10, activation="softmax")),
        "keras-example": sequential(
            layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2), layers.Conv2D(64, 3, activation="relu"),
            layers.MaxPooling2D(2), layers.Flatten(), layers.Dropout(0.5), layers.Dense(10, activation="softmax")),
    }


def presets_table(repeats: int) -> None:
    """Issue 25's targets: one drawing through each preset, and explaining a unit of each layer."""
    from digitpad.model.network.explain import explain_unit
    from digitpad.model.network.numpy_net import NumpyConvnet
    from digitpad.model.network.saliency import explain as integrated_gradients

    records = load_stroke_records(PEN_STROKES, default_box=PEN_BOX)[:50]
    tensors = [strokes_to_tensor(r.strokes) for r in records]
    rows = []
    for name, model in preset_models().items():
        predictor = Predictor(NumpyConvnet.from_keras(model), name)
        forward = timings(predictor.predict_tensor, tensors, repeats)
        explained = {layer.name: timings(lambda t, net=predictor.net, layer=layer.name: explain_unit(net, t, layer),
                                         tensors, max(30, repeats // 5))
                     for layer in predictor.net.layers}
        slowest = max(explained, key=lambda layer: percentile(explained[layer], 50))
        why = timings(lambda t, net=predictor.net: integrated_gradients(net, t, 7), tensors, 30)
        target = 1.0 if name == "seed" else 2.0
        rows.append([name, f"{predictor.parameter_count:,}", f"{percentile(forward, 50):.2f}",
                     f"{percentile(forward, 99):.2f}", f"≤ {target:g}",
                     f"{percentile(explained[slowest], 50):.2f} ({slowest})", "≤ 5", f"{percentile(why, 50):.1f}"])
    print("# Any network (issue 25): numpy passes of the presets, one drawing at a time\n")
    print(table(["preset", "parameters", "forward p50 ms", "forward p99 ms", "target", "explain a unit p50 ms "
                 "(slowest layer)", "target", "Why? p50 ms"], rows))


if __name__ == "__main__":
    main()
