"""Every layer type DigitPad runs, forward and backward, in numpy.

A layer is plain data (``NumpyLayer``): its Keras class name, its settings and its weights in Keras'
order.  ``forward`` computes a batch's output as Keras does at prediction time (Dropout passes values
unchanged, BatchNormalization uses its moving statistics); ``backward`` turns the gradient with
respect to the output into the one with respect to the input.  Padding and output sizes follow
TensorFlow's rules ("same": the output is ⌈size / stride⌉ and the padding is split with the extra row
or column after), so every number equals Keras' own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from digitpad.model.words import Words

ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear", "softmax")
KINDS = ("Conv2D", "MaxPooling2D", "AveragePooling2D", "Dense", "Dropout", "BatchNormalization", "Flatten",
         "GlobalAveragePooling2D", "Activation")
POOLING = ("MaxPooling2D", "AveragePooling2D")
WEIGHTED = ("Conv2D", "Dense")  # the layers whose activation setting applies after their weights


@dataclass
class NumpyLayer:
    """One layer as data.  ``pool`` is a pooling layer's window side, ``strides`` and ``padding``
    ("valid" or "same") a convolution's or pooling's; a convolution's kernel size is
    ``weights[0].shape[:2]``.  BatchNormalization keeps Keras' weights (γ if ``scale``, β if
    ``center``, the moving mean and variance) and its ``epsilon``; Dropout its ``rate``."""

    name: str
    kind: str  # one of KINDS
    activation: str = "linear"
    weights: list[np.ndarray] = field(default_factory=list)
    pool: int = 2
    output_shape: tuple[int, ...] = ()
    strides: int = 1
    padding: str = "valid"
    rate: float = 0.0
    epsilon: float = 1e-3
    center: bool = True
    scale: bool = True

    @property
    def parameters(self) -> int:
        return int(sum(w.size for w in self.weights))

    @property
    def window(self) -> tuple[int, int]:
        """The rows and columns a convolution's patch or a pooling window covers."""
        if self.kind == "Conv2D":
            return tuple(int(size) for size in self.weights[0].shape[:2])
        return self.pool, self.pool

    @property
    def bias(self) -> np.ndarray:
        """A convolution's or dense layer's bias; zeros when it has none (use_bias=False)."""
        if len(self.weights) > 1:
            return self.weights[1]
        return np.zeros(self.weights[0].shape[-1], np.float32)

    def normalization(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """BatchNormalization's (γ, β, moving mean, moving variance); γ = 1 and β = 0 when not stored."""
        arrays = list(self.weights)
        gamma = arrays.pop(0) if self.scale else np.ones_like(self.weights[-1])
        beta = arrays.pop(0) if self.center else np.zeros_like(self.weights[-1])
        return gamma, beta, arrays[0], arrays[1]

    def normalization_factors(self) -> tuple[np.ndarray, np.ndarray]:
        """(factor, shift) with output = input · factor + shift: γ / √(variance + ε) and β − mean · factor."""
        gamma, beta, mean, variance = self.normalization()
        factor = (gamma / np.sqrt(variance + np.float32(self.epsilon))).astype(np.float32)
        return factor, (beta - mean * factor).astype(np.float32)


# --- sizes ------------------------------------------------------------------------------------

def output_size(size: int, window: int, stride: int, padding: str) -> int:
    """TensorFlow's output size: ⌈size / stride⌉ with "same", ⌊(size − window) / stride⌋ + 1 with "valid"."""
    if padding == "same":
        return -(-size // stride)
    return (size - window) // stride + 1 if size >= window else 0


def padding_amounts(size: int, window: int, stride: int, padding: str) -> tuple[int, int]:
    """Zeros added (before, after) along one axis: "same" pads just enough, the odd one after."""
    if padding != "same":
        return 0, 0
    total = max((output_size(size, window, stride, padding) - 1) * stride + window - size, 0)
    return total // 2, total - total // 2


def layer_pads(layer: NumpyLayer, input_shape: tuple[int, ...]) -> tuple[tuple[int, int], tuple[int, int]]:
    """((top, bottom), (left, right)) padding of a convolution or pooling layer for an input shape."""
    rows, cols = layer.window
    return (padding_amounts(input_shape[0], rows, layer.strides, layer.padding),
            padding_amounts(input_shape[1], cols, layer.strides, layer.padding))


KERNEL_DOES_NOT_FIT = "{name}: kernel {kernel} does not fit input {shape}"


def output_shape(layer: NumpyLayer, shape: tuple[int, ...]) -> tuple[int, ...]:
    """The layer's output shape (no batch dimension) for an input shape; ValueError says what does not fit."""
    kind = layer.kind
    if kind in ("Conv2D", *POOLING, "GlobalAveragePooling2D") and len(shape) != 3:
        raise ValueError(Words("{name}: a {kind} needs maps (height × width × channels), it gets {shape}",
                               name=layer.name, kind=kind, shape=shape))
    if kind == "Conv2D":
        kernel = layer.weights[0]
        if kernel.ndim != 4 or kernel.shape[2] != shape[-1] or layer.bias.shape != (kernel.shape[3],):
            raise ValueError(Words(KERNEL_DOES_NOT_FIT, name=layer.name, kernel=kernel.shape, shape=shape))
    if kind in ("Conv2D", *POOLING):
        rows, cols = layer.window
        height = output_size(shape[0], rows, layer.strides, layer.padding)
        width = output_size(shape[1], cols, layer.strides, layer.padding)
        if height <= 0 or width <= 0:
            raise ValueError(Words("{name}: a {rows}×{cols} window does not fit the {height}×{width} map",
                                   name=layer.name, rows=rows, cols=cols, height=shape[0], width=shape[1]))
        return height, width, (layer.weights[0].shape[3] if kind == "Conv2D" else shape[2])
    if kind == "Flatten":
        return (int(np.prod(shape)),)
    if kind == "GlobalAveragePooling2D":
        return (shape[2],)
    if kind == "Dense":
        kernel = layer.weights[0]
        if len(shape) != 1 or kernel.ndim != 2 or kernel.shape[0] != shape[0] or layer.bias.shape != (kernel.shape[1],):
            raise ValueError(Words(KERNEL_DOES_NOT_FIT, name=layer.name, kernel=kernel.shape, shape=shape))
        return (kernel.shape[1],)
    if kind == "BatchNormalization" and any(w.shape != (shape[-1],) for w in layer.weights):
        raise ValueError(Words("{name}: its statistics do not fit input {shape}", name=layer.name, shape=shape))
    return shape  # Dropout, BatchNormalization and Activation keep the shape


# --- forward -------------------------------------------------------------------------------------

def forward(layer: NumpyLayer, hidden: np.ndarray, activate: bool = True) -> np.ndarray:
    """A batch's output; with ``activate`` False, a Conv2D's, Dense's or Activation's value before its
    activation (the logits, for the last layer)."""
    kind = layer.kind
    if kind == "Conv2D":
        values = convolve(hidden, layer.weights[0], layer.bias, layer.strides, layer.padding)
    elif kind == "Dense":
        values = hidden @ layer.weights[0]
        if len(layer.weights) > 1:
            values = values + layer.weights[1]
    elif kind == "Activation":
        values = hidden
    elif kind in POOLING:
        return pool(hidden, layer)
    elif kind == "Flatten":
        return hidden.reshape(len(hidden), -1)
    elif kind == "GlobalAveragePooling2D":
        return hidden.mean(axis=(1, 2), dtype=np.float32)
    elif kind == "BatchNormalization":
        factor, shift = layer.normalization_factors()
        return hidden * factor + shift
    else:  # Dropout passes its input unchanged when predicting
        return hidden
    return activate_values(values, layer.activation) if activate else values


def activate_values(values: np.ndarray, activation: str) -> np.ndarray:
    if activation == "relu":
        return np.maximum(values, 0)
    if activation == "tanh":
        return np.tanh(values)
    if activation == "sigmoid":
        return (0.5 + 0.5 * np.tanh(0.5 * values)).astype(values.dtype)  # 1 / (1 + e^−x), without overflow
    if activation == "softmax":
        exponentials = np.exp(values - values.max(axis=-1, keepdims=True))
        return exponentials / exponentials.sum(axis=-1, keepdims=True)
    return values


def pad_maps(images: np.ndarray, pads, value: float = 0.0) -> np.ndarray:
    (top, bottom), (left, right) = pads
    if not (top or bottom or left or right):
        return images
    return np.pad(images, ((0, 0), (top, bottom), (left, right), (0, 0)), constant_values=value)


def convolve(images: np.ndarray, kernel: np.ndarray, bias: np.ndarray, strides: int = 1,
             padding: str = "valid") -> np.ndarray:
    """A convolution as one matrix product over all patches (im2col)."""
    rows, cols, channels, filters = kernel.shape
    pads = (padding_amounts(images.shape[1], rows, strides, padding),
            padding_amounts(images.shape[2], cols, strides, padding))
    windows = sliding_window_view(pad_maps(images, pads), (rows, cols), axis=(1, 2))  # (n, H', W', C, rows, cols)
    if strides > 1:
        windows = windows[:, ::strides, ::strides]
    count, height, width = windows.shape[:3]
    patches = windows.transpose(0, 1, 2, 4, 5, 3).reshape(count * height * width, rows * cols * channels)
    return (patches @ kernel.reshape(-1, filters) + bias).reshape(count, height, width, filters)


def pool(images: np.ndarray, layer: NumpyLayer) -> np.ndarray:
    """Max or average pooling.  Padded cells never win a max and are left out of a mean, as in TensorFlow."""
    size, stride = layer.pool, layer.strides
    count, height, width, channels = images.shape
    if stride == size and layer.padding == "valid":  # non-overlapping windows: a reshape, no copies
        h, w = height // size, width // size
        blocks = images[:, : h * size, : w * size].reshape(count, h, size, w, size, channels)
        return blocks.max(axis=(2, 4)) if layer.kind == "MaxPooling2D" else blocks.mean(axis=(2, 4), dtype=np.float32)
    windows = _pool_windows(images, layer)  # (n, H', W', C, size, size)
    if layer.kind == "MaxPooling2D":
        return windows.max(axis=(4, 5))
    return (windows.sum(axis=(4, 5), dtype=np.float32) / _window_counts(layer, images.shape)[None, :, :, None])


def _pool_windows(images: np.ndarray, layer: NumpyLayer) -> np.ndarray:
    fill = -np.inf if layer.kind == "MaxPooling2D" else 0.0
    padded = pad_maps(images, layer_pads(layer, images.shape[1:]), fill)
    return sliding_window_view(padded, (layer.pool, layer.pool), axis=(1, 2))[:, ::layer.strides, ::layer.strides]


def _window_counts(layer: NumpyLayer, input_shape: tuple[int, ...]) -> np.ndarray:
    """How many real (not padded) cells each window of an average pooling holds, (H', W')."""
    ones = np.ones((1, *input_shape[1:3], 1), np.float32)
    return _pool_windows(ones, layer).sum(axis=(3, 4, 5))[0]


# --- backward ----------------------------------------------------------------------------------

def backward(layer: NumpyLayer, layer_input: np.ndarray, layer_output: np.ndarray, gradient: np.ndarray):
    """The gradient with respect to the layer's input, from the one with respect to its output.  The
    activation's derivative comes from the output; a softmax is skipped (it is only ever the last
    layer, whose gradient arrives with respect to its logits)."""
    kind = layer.kind
    if kind in (*WEIGHTED, "Activation"):
        gradient = activation_backward(layer.activation, layer_output, gradient)
    if kind == "Conv2D":
        return convolve_backward(layer_input.shape, layer.weights[0], gradient, layer.strides, layer.padding)
    if kind == "Dense":
        return gradient @ layer.weights[0].T
    if kind == "MaxPooling2D":
        return _max_pool_backward(layer, layer_input, gradient)
    if kind == "AveragePooling2D":
        return _average_pool_backward(layer, layer_input.shape, gradient)
    if kind == "Flatten":
        return gradient.reshape(layer_input.shape)
    if kind == "GlobalAveragePooling2D":
        height, width = layer_input.shape[1:3]
        return np.broadcast_to(gradient[:, None, None, :] / (height * width), layer_input.shape).astype(np.float32)
    if kind == "BatchNormalization":
        return gradient * layer.normalization_factors()[0]
    return gradient  # Dropout and Activation (done above)


def activation_backward(activation: str, output: np.ndarray, gradient: np.ndarray) -> np.ndarray:
    if activation == "relu":
        return gradient * (output > 0)
    if activation == "tanh":
        return gradient * (1 - output * output)
    if activation == "sigmoid":
        return gradient * output * (1 - output)
    return gradient


def softmax_backward(probabilities: np.ndarray, gradient: np.ndarray) -> np.ndarray:
    """The softmax's Jacobian applied to a gradient: p · (g − Σ g·p)."""
    return probabilities * (gradient - (gradient * probabilities).sum(axis=-1, keepdims=True))


def convolve_backward(input_shape: tuple[int, ...], kernel: np.ndarray, gradient: np.ndarray, strides: int = 1,
                      padding: str = "valid") -> np.ndarray:
    """Each output's gradient flows back to the patch it was computed from (col2im); what lands on the
    padding is dropped."""
    rows, cols, channels, filters = kernel.shape
    count, height, width, _ = gradient.shape
    (top, bottom), (left, right) = (padding_amounts(input_shape[1], rows, strides, padding),
                                    padding_amounts(input_shape[2], cols, strides, padding))
    patches = (gradient.reshape(-1, filters) @ kernel.reshape(-1, filters).T).reshape(
        count, height, width, rows, cols, channels)
    result = np.zeros((count, input_shape[1] + top + bottom, input_shape[2] + left + right, channels), np.float32)
    for row in range(rows):
        for col in range(cols):
            result[:, row:row + strides * (height - 1) + 1:strides, col:col + strides * (width - 1) + 1:strides, :] \
                += patches[:, :, :, row, col, :]
    return result[:, top:top + input_shape[1], left:left + input_shape[2]]


def _max_pool_backward(layer: NumpyLayer, layer_input: np.ndarray, gradient: np.ndarray) -> np.ndarray:
    """Each window's gradient goes to the cell that won it (the first, on a tie, as TensorFlow does);
    a cell in overlapping windows collects from each it won."""
    size = layer.pool
    windows = _pool_windows(layer_input, layer)
    count, height, width, channels = windows.shape[:4]
    winner = np.argmax(windows.reshape(count, height, width, channels, size * size), axis=-1)
    return _scatter_windows(layer, layer_input.shape, lambda offset: gradient * (winner == offset))


def _average_pool_backward(layer: NumpyLayer, input_shape: tuple[int, ...], gradient: np.ndarray) -> np.ndarray:
    """Each window's gradient is shared equally by the real cells it averaged."""
    shared = gradient / _window_counts(layer, input_shape)[None, :, :, None]
    return _scatter_windows(layer, input_shape, lambda offset: shared)


def _scatter_windows(layer: NumpyLayer, input_shape: tuple[int, ...], part) -> np.ndarray:
    """Add ``part(offset)`` (n, H', W', C) to the cell at ``offset`` (row-major in the window) of every window."""
    size, stride = layer.pool, layer.strides
    (top, bottom), (left, right) = layer_pads(layer, input_shape[1:])
    count, height, width, channels = input_shape
    out_height, out_width = layer.output_shape[:2] if layer.output_shape else (
        output_size(height, size, stride, layer.padding), output_size(width, size, stride, layer.padding))
    result = np.zeros((count, height + top + bottom, width + left + right, channels), np.float32)
    for offset in range(size * size):
        row, col = divmod(offset, size)
        result[:, row:row + stride * (out_height - 1) + 1:stride, col:col + stride * (out_width - 1) + 1:stride, :] \
            += part(offset)
    return result[:, top:top + height, left:left + width]


def receptive_origin(layer: NumpyLayer, input_shape: tuple[int, ...], at: tuple[int, int]) -> tuple[int, int]:
    """Where the patch or window of output ``at`` starts in the (unpadded) input; negative in the padding."""
    (top, _), (left, _) = layer_pads(layer, input_shape)
    return at[0] * layer.strides - top, at[1] * layer.strides - left
