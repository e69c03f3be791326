"""Why the network decided: integrated gradients on the input image, in numpy.

Integrated gradients (Sundararajan, Taly and Yan, 2017) credit each input pixel with its share of
the change in the class score between a black image (the baseline: nothing drawn) and the drawing.
The score is the log-probability of the predicted digit, or, to ask "why 7 and not 1?", the
log-probability of 7 minus that of 1.  The shares add up to that change (completeness), so they can
be compared across pixels and mapped back onto the strokes.

The gradients come from the numpy backward pass (``model.network.numpy_net``): 64 steps take a few tens of
milliseconds, with no TensorFlow in the window.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from digitpad.model.network.numpy_net import NumpyConvnet

METHOD = "integrated gradients on the input (64 steps from a blank image)"
STEPS = 64


@dataclass(frozen=True)
class Attribution:
    """Per-pixel credit (28×28, positive = pushed toward the target) and what it explains."""

    values: np.ndarray
    target: int
    versus: int | None
    score_change: float  # what the values add up to (approximately)


def explain(net: NumpyConvnet, tensor: np.ndarray, target: int, versus: int | None = None,
            steps: int = STEPS) -> Attribution:
    """Integrated gradients of ``target``'s score (less ``versus``'s) for one 28×28 tensor."""
    if not 0 <= target <= 9 or (versus is not None and not 0 <= versus <= 9):
        raise ValueError(f"digits must be 0..9, got {target} and {versus}")
    image = np.asarray(tensor, np.float32).reshape(28, 28)
    alphas = (np.arange(steps, dtype=np.float32) + 0.5) / steps  # the midpoint rule
    path = alphas[:, None, None] * image
    gradients = _score_gradients(net, path, target, versus)
    values = image * gradients.mean(axis=0)
    ends = _scores(net, np.stack([image, np.zeros_like(image)]), target, versus)
    return Attribution(values, target, versus, float(ends[0] - ends[1]))


def _scores(net: NumpyConvnet, images: np.ndarray, target: int, versus: int | None) -> np.ndarray:
    logits = net.logits(images).astype(np.float64)
    log_probabilities = logits - _logsumexp(logits)
    return log_probabilities[:, target] - (log_probabilities[:, versus] if versus is not None else 0.0)


def _score_gradients(net: NumpyConvnet, images: np.ndarray, target: int, versus: int | None) -> np.ndarray:
    """d score / d image.  For log softmax, d log p_t / d logits = onehot(t) − p; versus another
    digit the probabilities cancel and the direction is onehot(t) − onehot(v)."""
    direction = np.zeros((len(images), 10), np.float32)
    direction[:, target] = 1.0
    if versus is not None:
        direction[:, versus] -= 1.0
    else:
        logits = net.logits(images)
        direction -= np.exp(logits - _logsumexp(logits))
    return net.input_gradient(images, direction)


def _logsumexp(logits: np.ndarray) -> np.ndarray:
    top = logits.max(axis=1, keepdims=True)
    return top + np.log(np.exp(logits - top).sum(axis=1, keepdims=True))
