"""Time to accuracy: the seed notebook's recipe against DigitPad's default, in one process.

    python bench/training.py [--rounds 1] [--recipe fast]

The seed recipe is exactly the notebook's: model.fit on numpy arrays, rmsprop,
batch 64, 5 epochs.  The default recipe is what `digitpad train` and the Train
panel run (model.training.train with PRESETS["fast"]).  Both are timed from the
first training step to the test accuracy, on the same machine in the same run;
with --rounds > 1 they alternate and medians are reported (this machine's speed
varies by 2× from minute to minute).  Target (issue 6): the default reaches
≥ 99.16% MNIST test accuracy in ≤ 40% of the seed's wall time.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from common import MNIST, machine, table

from digitpad.model.data import load_mnist  # noqa: E402
from digitpad.model.training import PRESETS, train  # noqa: E402
from digitpad.model.training_data import build_training_data  # noqa: E402


def seed_recipe(mnist) -> tuple[float, float]:
    """The notebook, verbatim in spirit: build, compile, fit 5 epochs, evaluate."""
    import keras

    from digitpad.model.network import build_convnet

    x_train = mnist.x_train.reshape(-1, 28, 28, 1).astype("float32") / 255
    x_test = mnist.x_test.reshape(-1, 28, 28, 1).astype("float32") / 255
    keras.utils.set_random_seed(0)
    model = build_convnet()
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    started = time.perf_counter()
    model.fit(x_train, mnist.y_train, epochs=5, batch_size=64, verbose=0)
    _, accuracy = model.evaluate(x_test, mnist.y_test, verbose=0)
    return time.perf_counter() - started, float(accuracy)


def default_recipe(mnist, recipe: str) -> tuple[float, float, str]:
    config = PRESETS[recipe]
    data = build_training_data(mnist, validation_fraction=config.validation_fraction, seed=config.seed)
    result = train(config, data)
    return result.seconds, result.test_accuracy, result.device


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--recipe", default="fast", choices=sorted(PRESETS))
    args = parser.parse_args()
    mnist = load_mnist(MNIST)
    seed_runs, default_runs, device = [], [], "?"
    for round_index in range(args.rounds):
        order = ("seed", "default") if round_index % 2 == 0 else ("default", "seed")
        for name in order:
            if name == "seed":
                seed_runs.append(seed_recipe(mnist))
            else:
                seconds, accuracy, device = default_recipe(mnist, args.recipe)
                default_runs.append((seconds, accuracy))
            print(f"round {round_index + 1}: {name} {seed_runs[-1] if name == 'seed' else default_runs[-1]}",
                  flush=True)
    seed_time = float(np.median([r[0] for r in seed_runs]))
    default_time = float(np.median([r[0] for r in default_runs]))
    config = PRESETS[args.recipe]
    print(f"\n# Time to accuracy on MNIST\n\nMachine: {machine()}, device {device}\n")
    print(table(["recipe", "epochs × batch", "wall time s", "test accuracy", "time vs seed"], [
        ["seed notebook (rmsprop, model.fit on numpy)", "5 × 64", f"{seed_time:.1f}",
         " / ".join(f"{r[1]:.2%}" for r in seed_runs), "100%"],
        [f"DigitPad default ({config.optimizer}, {config.schedule}, tf.data)",
         f"{config.epochs} × {config.batch_size}", f"{default_time:.1f}",
         " / ".join(f"{r[1]:.2%}" for r in default_runs), f"{default_time / seed_time:.0%}"],
    ]))
    print(json.dumps({"seed_seconds": seed_time, "default_seconds": default_time, "ratio": default_time / seed_time,
                      "seed_accuracy": [r[1] for r in seed_runs], "default_accuracy": [r[1] for r in default_runs]}))


if __name__ == "__main__":
    main()
