"""The image sets a unit's top images come from: MNIST's test set, a stroke file, or *my drawings*.

Every set is (n, 28, 28) float32 in [0, 1], the network's own input, with a label per image where one
is known.  A drawing with no ink is kept as a blank image so that an image's index is its place in
the file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np

from digitpad.model.files.datasets import StrokeRecord, load_mnist, load_stroke_records
from digitpad.model.ink.preprocessing import strokes_to_tensor


@dataclass(frozen=True, eq=False)
class ImageSet:
    name: str  # what the window and the cache call it: "MNIST test", a file's name, "my drawings"
    images: np.ndarray  # (n, 28, 28) float32
    labels: np.ndarray | None = None  # (n,) int, -1 where unknown


def mnist_test(path: str | os.PathLike | None = None) -> ImageSet:
    """MNIST's 10 000 test images (from ``path``, ``$DIGITPAD_MNIST`` or Keras' copy)."""
    mnist = load_mnist(path)
    return ImageSet("MNIST test", mnist.x_test.astype(np.float32) / 255.0, mnist.y_test.astype(int))


def from_records(name: str, records: list[StrokeRecord]) -> ImageSet:
    """Drawings rendered as the pad renders them."""
    images = np.zeros((len(records), 28, 28), np.float32)
    for position, record in enumerate(records):
        tensor = strokes_to_tensor(record.strokes)
        if tensor is not None:
            images[position] = tensor.reshape(28, 28)
    labels = np.array([-1 if record.label is None else record.label for record in records], int)
    return ImageSet(name, images, labels)


def stroke_file(path: str | os.PathLike, box: tuple[float, float] | None = None) -> ImageSet:
    """Every drawing of a JSON-lines stroke file."""
    return from_records(os.path.basename(str(path)), load_stroke_records(path, default_box=box))
