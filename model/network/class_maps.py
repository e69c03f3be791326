"""Where the class evidence sits: Grad-CAM and LayerCAM on one convolution layer, in numpy.

Grad-CAM (Selvaraju et al., 2017) weighs each map of a convolution layer by how much the digit's
score grows with it on average (the mean gradient over the map), adds the weighted maps and keeps
the positive part: the places whose features speak for the digit.  LayerCAM (Jiang et al., 2021)
weighs every position by its own positive gradient instead, which keeps finer detail on early layers.
The coarse map (conv3 of the bundled model is 3×3, conv2 11×11) is spread over the 28×28 image
through the centres of its units' receptive fields.

Integrated gradients (``saliency.py``) answer another question: which *pixels* changed the score.
They follow the ink stroke by stroke, can be negative, and add up to the score's change.  A class map
says which *regions*, as the layer sees them, hold the evidence: it is blurred by the layer's
receptive field, is never negative, and can light up empty paper next to a stroke where the network
notices that ink is missing (the open top of a 4, the gap of a 7's missing crossbar).

Which method on which layer (``default_method``): Grad-CAM on the last convolution, LayerCAM on earlier
ones.  On the bundled model's conv2, Grad-CAM's averaged weights come out negative for the maps that
fire on the strokes and its map lights the paper instead (0.0 on the ink against 0.1-0.35 on the paper
for the first six MNIST test digits); LayerCAM's per-position weights follow the ink there (about 0.2
on the ink against 0.05 on the paper).  On conv3, whose 3×3 units each see 18×18 pixels, both are
little more than "the middle of the box".
"""

from __future__ import annotations

import numpy as np

from digitpad.model.network.filters import IMAGE_SIZE, Field, find_layer, receptive_fields
from digitpad.model.network.numpy_net import NumpyConvnet, _backward
from digitpad.model.network.saliency import Attribution

METHODS = ("gradcam", "layercam")


def method_name(method: str) -> str:
    return "Grad-CAM" if method == "gradcam" else "LayerCAM"


def default_method(net: NumpyConvnet, layer_name: str) -> str:
    """Grad-CAM on the last convolution, LayerCAM on the earlier ones (see the module's text)."""
    layers = convolution_layers(net)
    return "gradcam" if not layers or layer_name == layers[-1] else "layercam"


def convolution_layers(net: NumpyConvnet) -> list[str]:
    """The layers a class map can be computed on, first to last."""
    return [layer.name for layer in net.layers if layer.kind.startswith("Conv")]


def class_map(net: NumpyConvnet, tensor: np.ndarray, target: int, layer_name: str | None = None,
              method: str | None = None) -> Attribution:
    """The class map of digit ``target`` for one 28×28 tensor, on ``layer_name`` (by default the last
    convolution), scaled to [0, 1] and spread over 28×28; ``method`` by default ``default_method``'s."""
    if not 0 <= target <= 9:
        raise ValueError(f"the digit must be 0..9, got {target}")
    layer_name = layer_name or convolution_layers(net)[-1]
    method = method or default_method(net, layer_name)
    if method not in METHODS:
        raise ValueError(f"the method must be one of {', '.join(METHODS)}, got {method!r}")
    position, layer = find_layer(net, layer_name)
    if len(layer.output_shape) != 3:
        raise ValueError(f"{layer_name} has no maps: a class map needs a convolution or pooling layer")
    image = np.asarray(tensor, np.float32).reshape(1, IMAGE_SIZE, IMAGE_SIZE, 1)
    last, outputs, inputs = net._forward(image, keep=True, softmax=False)
    gradient = np.zeros_like(last)
    gradient[0, target] = 1.0  # the digit's score before the softmax, as Grad-CAM asks
    for index in range(len(net.layers) - 1, position, -1):
        gradient = _backward(net.layers[index], inputs[index], outputs[index], gradient)
    maps, gradient = outputs[position][0], gradient[0]
    if method == "gradcam":
        coarse = np.maximum((maps * gradient.mean(axis=(0, 1))).sum(axis=-1), 0)
    else:
        coarse = np.maximum((maps * np.maximum(gradient, 0)).sum(axis=-1), 0)
    top = float(coarse.max())
    values = spread(coarse / top if top > 0 else coarse, receptive_fields(net)[layer_name])
    return Attribution(values.astype(np.float32), target, None, float(last[0, target]))


# The image's outer pixels over which a class map fades to nothing: beyond the outermost centres its values are
# only carried on, and the map ended on the pad with a hard edge where the 28×28 square does.
FADE_PIXELS = 4


def spread(coarse: np.ndarray, field: Field) -> np.ndarray:
    """A layer's map over the 28×28 image: bilinear between the centres of the units' receptive fields,
    constant beyond the outermost ones, fading to zero over the image's outer FADE_PIXELS."""
    pixels = np.arange(IMAGE_SIZE, dtype=np.float64) + 0.0
    rows = np.array([field.centre(row, 0)[0] for row in range(coarse.shape[0])])
    cols = np.array([field.centre(0, col)[1] for col in range(coarse.shape[1])])
    across = np.stack([np.interp(pixels, cols, line) for line in coarse])  # (rows, 28)
    values = np.stack([np.interp(pixels, rows, column) for column in across.T], axis=1)
    fade = np.clip(np.minimum(pixels, IMAGE_SIZE - 1 - pixels) / FADE_PIXELS, 0.0, 1.0)  # 0 on the border
    return values * np.outer(fade, fade)
