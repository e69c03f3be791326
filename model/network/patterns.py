"""The input a unit wants: gradient ascent on the image from grey noise, with the numpy backward pass.

The Keras book's "visualizing convnet filters", made readable at 28×28: start from grey with a little
noise, take small steps along the normalised gradient of the unit's activation, keep every pixel in
[0, 1] (the range of real ink), and every few steps blur the image, fade it a little toward black (the
paper of MNIST) and jitter it by a pixel, so that the pattern is made of strokes on dark paper rather
than of single-pixel noise on grey.  All the units of a layer
climb together in one batch, one image each.  The last ``FINAL_STEPS`` climb without blur, fade or
jitter, to the top of the hill the regularised climb found: first along the gradient blurred once (the
strokes stay strokes), then a few small steps along the gradient itself.  Without that last climb a
quarter of the bundled model's conv3 channels came out weaker than their best MNIST test image.

The objective is the unit's largest value over its positions, taken before its relu (a unit that no
grey image excites still gets a direction to climb); for dense units and output digits it is the
unit itself (the digit's score before the softmax: "what the network thinks a perfect 7 looks like").
The first convolution sees only 3×3 pixels: its pattern would be a tiling of its kernel, so the
kernel itself is shown instead (``kernel_layer``), and so is it for a max pooling right above it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np

from digitpad.model.network.filters import IMAGE_SIZE, find_layer, gradient_from, receptive_fields, unit_count
from digitpad.model.network.numpy_net import NumpyConvnet

STEPS = 200
STEP_SIZE = 0.05
BLUR_EVERY = 3
# The last steps climb without blurring the image: FINAL_STEPS along the blurred gradient, the last
# SHARP_STEPS of them along the gradient itself, with smaller steps.
FINAL_STEPS = 50
SHARP_STEPS = 10
SHARP_STEP_SIZE = 0.02
# At each blur the image is pulled this much toward black, MNIST's paper: ink the unit does not need fades.
FADE = 0.94
SEED = 0
# Climbs from different noise per unit, the best kept: one climb in about thirty ends on a low hill.  A
# single unit (the command line, a unit's detail) can afford more than a layer's grid.
UNIT_STARTS = 4
LAYER_STARTS = 2
# Below this receptive field the kernel says more than a pattern would.
SMALLEST_FIELD = 5


@dataclass(frozen=True, eq=False)
class Pattern:
    """The image that excites one unit most, and how much it does."""

    layer: str
    channel: int
    image: np.ndarray  # (28, 28) float32 in [0, 1]
    value: float  # the unit's largest activation over positions on ``image``

    def describe(self) -> str:
        return f"{self.layer} channel {self.channel} reaches {self.value:.4g} on it"


def kernel_layer(net: NumpyConvnet, layer_name: str) -> str | None:
    """The convolution whose kernels say what ``layer_name`` looks for, when its receptive field is too
    small for a pattern to say more: a first convolution itself, or the one below a max pooling that
    only keeps its maxima.  None for every other layer."""
    position, _ = find_layer(net, layer_name)
    climbed = net.layers[_climbed_layer(net, position)]
    field = receptive_fields(net)[climbed.name]
    small = not field.whole and max(field.size) < SMALLEST_FIELD and climbed.kind.startswith("Conv")
    return climbed.name if small else None


def unit_pattern(net: NumpyConvnet, layer_name: str, channel: int, steps: int = STEPS,
                 starts: int = UNIT_STARTS) -> Pattern:
    """One unit's pattern (gradient ascent on that unit only), the best of ``starts`` climbs."""
    return layer_patterns(net, layer_name, [channel], steps, starts=starts)[0]


def layer_patterns(net: NumpyConvnet, layer_name: str, channels: list[int] | None = None, steps: int = STEPS,
                   cancelled=None, starts: int = LAYER_STARTS) -> list[Pattern]:
    """The patterns of several units of one layer (all of them by default), climbed together; each
    unit's is the best of ``starts`` climbs from different noise."""
    position, layer = find_layer(net, layer_name)
    channels = list(range(unit_count(layer))) if channels is None else list(channels)
    for channel in channels:
        if not 0 <= channel < unit_count(layer):
            raise ValueError(f"{layer_name} has {unit_count(layer)} units, not {channel}")
    if starts < 1:
        raise ValueError(f"a pattern needs at least one climb, not {starts}")
    random = np.random.default_rng(SEED)
    selector = np.repeat(np.asarray(channels, dtype=np.int64), starts)
    images = np.clip(0.5 + 0.05 * random.standard_normal((len(selector), IMAGE_SIZE, IMAGE_SIZE)), 0, 1)
    images = images.astype(np.float32)
    climbed, covered = _climbed_layer(net, position), _covered_positions(net, position)
    for step in range(steps):
        if cancelled is not None and cancelled():
            raise InterruptedError("the patterns were not finished")
        gradient = _objective_gradient(net, climbed, images, selector, covered)
        left = steps - step
        if SHARP_STEPS < left <= FINAL_STEPS:
            gradient = _blur(gradient)
        gradient /= np.sqrt((gradient ** 2).mean(axis=(1, 2), keepdims=True)) + 1e-8
        images = np.clip(images + (SHARP_STEP_SIZE if left <= SHARP_STEPS else STEP_SIZE) * gradient, 0, 1)
        if step % BLUR_EVERY == BLUR_EVERY - 1 and left > FINAL_STEPS:
            images = _jitter(_blur(_blur(images)) * FADE, random)
    values = unit_values(net, position, images, selector).reshape(len(channels), starts)
    best = values.argmax(axis=1)
    images = images.reshape(len(channels), starts, IMAGE_SIZE, IMAGE_SIZE)[np.arange(len(channels)), best]
    return [Pattern(layer_name, int(channel), image, float(value))
            for channel, image, value in zip(channels, images, values.max(axis=1))]


def _climbed_layer(net: NumpyConvnet, position: int) -> int:
    """A max pooling's channel has the same largest value as the convolution's channel below it (the
    pool only keeps maxima), and that convolution's value before the relu has a gradient where the
    pool's has none: climb the convolution."""
    layer = net.layers[position]
    if layer.kind.endswith("Pooling2D") and "Max" in layer.kind and position > 0 \
            and net.layers[position - 1].kind.startswith("Conv"):
        return position - 1
    return position


def _covered_positions(net: NumpyConvnet, position: int) -> tuple[int, int] | None:
    """When a max pooling is climbed through the convolution below it: the rows and columns of that
    convolution's maps the pool's windows reach.  A "valid" pool drops the last row and column of an odd
    map (conv2's 11×11 into pool2's 5×5), and a pattern that peaks there does nothing for the pool."""
    layer = net.layers[position]
    if _climbed_layer(net, position) == position:
        return None
    if layer.padding == "same":
        return None
    height, width = layer.output_shape[:2]
    return ((height - 1) * layer.strides + layer.pool, (width - 1) * layer.strides + layer.pool)


def unit_values(net: NumpyConvnet, position: int, images: np.ndarray, channels: np.ndarray) -> np.ndarray:
    """Each image's value for its own unit: the largest over positions (the output layer: the logit)."""
    outputs = net._forward(np.asarray(images, np.float32).reshape(-1, IMAGE_SIZE, IMAGE_SIZE, 1), keep=True,
                           softmax=False)[1]
    output = outputs[position]
    rows = np.arange(len(output))
    if output.ndim == 4:
        return output.reshape(len(output), -1, output.shape[-1]).max(axis=1)[rows, channels]
    return output[rows, channels]


def _objective_gradient(net: NumpyConvnet, position: int, images: np.ndarray, channels: np.ndarray,
                        covered: tuple[int, int] | None = None) -> np.ndarray:
    """d(each image's unit at its strongest position, before the relu) / d(image); with ``covered``,
    the strongest position among the first (rows, columns) of the maps."""
    _, outputs, inputs = net._forward(images.reshape(-1, IMAGE_SIZE, IMAGE_SIZE, 1), keep=True, softmax=False)
    output, rows = outputs[position], np.arange(len(images))
    seed = np.zeros_like(output)
    if output.ndim == 4:
        # The strongest position of the pre-activation: the relu's output is flat at 0 where it is off.
        reached = output if covered is None else output[:, :covered[0], :covered[1]]
        flat = reached.reshape(len(reached), -1, reached.shape[-1])[rows, :, channels]
        strongest = flat.argmax(axis=1)
        row, col = np.divmod(strongest, reached.shape[2])
        seed[rows, row, col, channels] = 1.0
    else:
        seed[rows, channels] = 1.0
    return gradient_from(net, position, inputs, outputs, seed, before_activation=True)


def _blur(images: np.ndarray) -> np.ndarray:
    """A light 3×3 binomial blur (1 2 1 / 4 in each direction), edges repeated."""
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)), mode="edge")
    rows = (padded[:, :-2] + 2 * padded[:, 1:-1] + padded[:, 2:]) / 4
    return ((rows[:, :, :-2] + 2 * rows[:, :, 1:-1] + rows[:, :, 2:]) / 4).astype(np.float32)


def _jitter(images: np.ndarray, random: np.random.Generator) -> np.ndarray:
    """Shift by at most one pixel each way (edges repeated): the pattern must not rely on one exact place."""
    shift_row, shift_col = random.integers(-1, 2, size=2)
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)), mode="edge")
    return padded[:, 1 + shift_row:1 + shift_row + IMAGE_SIZE, 1 + shift_col:1 + shift_col + IMAGE_SIZE]


def pattern_png_bytes(image: np.ndarray) -> bytes:
    """A 28×28 8-bit grey PNG of a pattern (white ink on black, as the network sees it)."""
    from PIL import Image

    pixels = np.clip(np.rint(np.asarray(image, np.float32).reshape(IMAGE_SIZE, IMAGE_SIZE) * 255), 0, 255)
    buffer = io.BytesIO()
    Image.fromarray(pixels.astype(np.uint8), mode="L").save(buffer, format="PNG")
    return buffer.getvalue()
