"""The same place in the image, in another layer: where Page Up and Page Down go from a unit.

Each cell of a map sees a square of the 28×28 input (its receptive field).  Moving between layers
keeps to the cell whose square is centred nearest to the one of the unit left: from conv1's row 14,
column 13 to pool1's row 7, column 6, the pool cell that covers it.
"""

from __future__ import annotations

import numpy as np

from digitpad.model.network.numpy_net import NumpyConvnet


def centre_in_image(net: NumpyConvnet, layer_index: int, at: tuple[int, int]) -> tuple[float, float]:
    """Where a cell of ``net.layers[layer_index]``'s maps looks, in the input's pixels (its receptive
    field's centre)."""
    row, column = float(at[0]), float(at[1])
    for layer in reversed(net.layers[:layer_index + 1]):
        if layer.kind == "Conv2D":
            rows, columns = layer.weights[0].shape[:2]  # valid padding, stride 1
            row, column = row + (rows - 1) / 2, column + (columns - 1) / 2
        elif layer.kind == "MaxPooling2D":
            row, column = row * layer.pool + (layer.pool - 1) / 2, column * layer.pool + (layer.pool - 1) / 2
    return row, column


def same_place(net: NumpyConvnet, image: np.ndarray, layer: str, at: tuple[int, int] | None, channel: int | None,
               target: str) -> tuple[tuple[int, int] | None, int | None]:
    """(position, map) in ``target`` for the unit at ``at`` of ``layer``, map ``channel``: the cell of the
    same place in the image; the same map where the maps are the same (a pooling, Flatten), else the map
    that responds most strongly there.  (None, None) where a layer has no place (Dense): the strongest
    unit is shown."""
    names = [item.name for item in net.layers]
    source, goal = names.index(layer), names.index(target)
    trace = net.trace(image)
    maps = _maps(net, trace, goal)
    if at is None or maps is None or _maps(net, trace, source) is None:
        return None, None
    row, column = centre_in_image(net, source, at)
    height, width, channels = maps.shape
    best = min(((r, c) for r in range(height) for c in range(width)),
               key=lambda cell: _distance(centre_in_image(net, goal, cell), (row, column)))
    kinds = {net.layers[i].kind for i in range(min(source, goal) + 1, max(source, goal) + 1)}
    if channel is not None and kinds <= {"MaxPooling2D", "Flatten"} and channel < channels:
        return best, channel  # a pooling or Flatten keeps each map: the same map
    return best, int(np.argmax(maps[best[0], best[1], :]))


def _maps(net: NumpyConvnet, trace, index: int) -> np.ndarray | None:
    """The maps a layer's units sit on (Flatten's are its input's), or None for a layer of units."""
    layer_input, layer_output = trace[index]
    maps = layer_input if net.layers[index].kind == "Flatten" else layer_output
    return maps if maps.ndim == 3 else None


def _distance(first: tuple[float, float], second: tuple[float, float]) -> float:
    return (first[0] - second[0]) ** 2 + (first[1] - second[1]) ** 2
