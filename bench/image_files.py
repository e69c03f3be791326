"""MNIST's own digits opened as image files: does the pad read what the network reads on the test set?

    python bench/image_files.py [--count 10000]

A learner saves MNIST test digits as PNG files (28×28, white on black as MNIST stores them, or inverted, or
enlarged) and opens them in DigitPad.  Each file goes through the command line's own functions, as
`digitpad predict digit.png` reads it: the ink is found, cropped and centred again.  "as the test" is the share
read as the same digit the network reads on the test tensor itself; "right" is against MNIST's label.
"""

from __future__ import annotations

import argparse
import io

import numpy as np
from PIL import Image

from common import MNIST, machine, table
from digitpad.model.files.datasets import load_mnist
from digitpad.model.network.inference import Predictor
from digitpad.resources import bundled_model_path
from photos import read_answer

ROWS = [
    ("28×28, white on black", "MNIST's own pixels", 28, False),
    ("28×28, black on white", "inverted", 28, True),
    ("84×84, black on white", "inverted, enlarged 3× (bicubic)", 84, True),
]


def png(digit: np.ndarray, side: int, inverted: bool) -> bytes:
    image = Image.fromarray(255 - digit if inverted else digit)
    if side != image.width:
        image = image.resize((side, side), Image.Resampling.BICUBIC)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000, help="how many test digits, from the first")
    parser.add_argument("--model", default=str(bundled_model_path()))
    args = parser.parse_args()
    mnist = load_mnist(MNIST)
    digits, labels = mnist.x_test[:args.count], mnist.y_test[:args.count]
    predictor = Predictor.load(args.model)
    on_the_test = predictor.probabilities(digits.astype(np.float32) / 255).argmax(axis=1)
    print(machine())
    print(f"MNIST test digits 0–{len(digits) - 1:,}, model {args.model}\n")
    lines = [["the test tensors themselves", "", "100%", f"{np.mean(on_the_test == labels):.2%}", "0", "0"]]
    for name, what, side, inverted in ROWS:
        answers = [read_answer(predictor, png(digit, side, inverted)) for digit in digits]
        read = np.array([-1 if answer.get("label") is None else answer["label"] for answer in answers])
        numbers = sum("number" in answer for answer in answers)
        lines.append([name, what, f"{np.mean(read == on_the_test):.2%}", f"{np.mean(read == labels):.2%}",
                      str(len(answers) - numbers - int(np.sum(read >= 0))), str(numbers)])
    print(table(["files", "what", "as the test", "right", "nothing", "read as a number"], lines))


if __name__ == "__main__":
    main()
