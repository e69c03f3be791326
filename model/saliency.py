"""Why the network decided: integrated gradients on the input image.

Integrated gradients (Sundararajan, Taly and Yan, 2017) credit each input pixel
with its share of the change in the class score between a black image (the
baseline: nothing drawn) and the drawing.  The score is the log-probability of
the predicted digit, or, to ask "why 7 and not 1?", the log-probability of 7
minus that of 1.  The shares add up to that change (completeness), so they can
be compared across pixels and mapped back onto the strokes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

METHOD = "integrated gradients on the input (64 steps from a blank image)"
STEPS = 64


@dataclass
class Attribution:
    """Per-pixel credit (28×28, positive = pushed toward the target) and what it explains."""

    values: np.ndarray
    target: int
    versus: int | None
    score_change: float  # what the values add up to (approximately)

    def positive_share(self) -> np.ndarray:
        """Where the evidence for the target is, as a 0..1 map (for overlays)."""
        positive = np.maximum(self.values, 0)
        top = positive.max()
        return positive / top if top > 0 else positive


class Explainer:
    """Integrated gradients for one Keras model, compiled once."""

    def __init__(self, keras_model, steps: int = STEPS) -> None:
        import tensorflow as tf

        self.model = keras_model
        alphas = tf.constant((np.arange(steps) + 0.5) / steps, tf.float32)  # midpoint rule

        def score(images, target, versus):
            log_probabilities = tf.math.log(keras_model(images, training=False) + 1e-12)
            chosen = tf.gather(log_probabilities, target, axis=1)
            other = tf.gather(log_probabilities, tf.maximum(versus, 0), axis=1)
            return chosen - tf.where(versus >= 0, other, tf.zeros_like(other))

        @tf.function(input_signature=[tf.TensorSpec([28, 28], tf.float32), tf.TensorSpec([], tf.int32),
                                      tf.TensorSpec([], tf.int32)])
        def attribute(image, target, versus):
            image = tf.reshape(image, [1, 28, 28, 1])
            path = alphas[:, None, None, None] * image
            with tf.GradientTape() as tape:
                tape.watch(path)
                scores = score(path, target, versus)
            gradients = tape.gradient(scores, path)
            values = tf.reshape(image * tf.reduce_mean(gradients, axis=0, keepdims=True), [28, 28])
            ends = score(tf.concat([image, tf.zeros_like(image)], axis=0), target, versus)
            return values, ends[0] - ends[1]

        self._attribute = attribute

    def explain(self, tensor: np.ndarray, target: int, versus: int | None = None) -> Attribution:
        if not 0 <= target <= 9 or (versus is not None and not 0 <= versus <= 9):
            raise ValueError(f"digits must be 0..9, got {target} and {versus}")
        values, change = self._attribute(np.asarray(tensor, np.float32).reshape(28, 28), np.int32(target),
                                         np.int32(-1 if versus is None else versus))
        return Attribution(np.asarray(values), target, versus, float(change))
