"""Plain-Keras Sequential models of every layer type DigitPad runs, with random weights (and
BatchNormalization with non-trivial moving statistics), for the numpy passes' tests."""

from __future__ import annotations

import numpy as np


def presets() -> dict:
    """The four designs of issue 25, built here from plain Keras (not from DigitPad's designs)."""
    import keras
    from keras import layers

    def sequential(*stack):
        return keras.Sequential([keras.Input((28, 28, 1)), *stack])

    return {
        "seed": lambda: sequential(
            layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2), layers.Conv2D(64, 3, activation="relu"),
            layers.MaxPooling2D(2), layers.Conv2D(64, 3, activation="relu"), layers.Flatten(),
            layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")),
        "dense": lambda: sequential(layers.Flatten(), layers.Dense(512, activation="relu"),
                                    layers.Dense(10, activation="softmax")),
        "lenet5": lambda: sequential(
            layers.Conv2D(6, 5, padding="same", activation="tanh"), layers.AveragePooling2D(2),
            layers.Conv2D(16, 5, activation="tanh"), layers.AveragePooling2D(2), layers.Flatten(),
            layers.Dense(120, activation="tanh"), layers.Dense(84, activation="tanh"),
            layers.Dense(10, activation="softmax")),
        "keras-example": lambda: sequential(
            layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2), layers.Conv2D(64, 3, activation="relu"),
            layers.MaxPooling2D(2), layers.Flatten(), layers.Dropout(0.5), layers.Dense(10, activation="softmax")),
    }


PRESET_PARAMETERS = {"seed": 93_322, "dense": 407_050, "lenet5": 61_706, "keras-example": 34_826}


def extras() -> dict:
    """Models with what the presets lack: padding same with stride 2 and 3, overlapping and padded
    pooling, sigmoid, BatchNormalization (with and without β or γ), GlobalAveragePooling2D, Activation
    layers (a softmax one last), no bias, a rectangular kernel."""
    import keras
    from keras import layers

    def sequential(*stack):
        return keras.Sequential([keras.Input((28, 28, 1)), *stack])

    return {
        "strided": lambda: sequential(
            layers.Conv2D(8, 3, strides=2, padding="same", activation="sigmoid", use_bias=False),
            layers.BatchNormalization(), layers.Activation("relu"),
            layers.MaxPooling2D(3, strides=2, padding="same"),
            layers.Conv2D(12, 3, strides=3, padding="same", activation="tanh"), layers.Flatten(),
            layers.Dense(10, activation="softmax")),
        "overlapping": lambda: sequential(
            layers.Conv2D(8, 5, activation="tanh"), layers.MaxPooling2D(3, strides=2),
            layers.Conv2D(12, 3, strides=2, padding="same", activation="relu"),
            layers.AveragePooling2D(3, strides=2, padding="same"), layers.BatchNormalization(center=False),
            layers.GlobalAveragePooling2D(), layers.Dropout(0.3), layers.Dense(10), layers.Activation("softmax")),
        "normalized-dense": lambda: sequential(
            layers.Conv2D(4, (5, 3), padding="same", activation="linear"), layers.BatchNormalization(scale=False),
            layers.Activation("tanh"), layers.AveragePooling2D(2, strides=1), layers.Flatten(),
            layers.Dense(32, activation="sigmoid", use_bias=False), layers.BatchNormalization(),
            layers.Dropout(0.5), layers.Dense(10, activation="softmax")),
        "rectangular": lambda: sequential(  # maps that are not square: 24×26, then 12×13
            layers.Conv2D(4, (5, 3), activation="relu"), layers.MaxPooling2D(2), layers.Flatten(),
            layers.Dense(10, activation="softmax")),
    }


def randomize(model, seed: int = 0):
    """Random weights everywhere: kernels and biases of a visible size, and BatchNormalization with
    γ, β, moving means and variances far from 1 and 0."""
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        if type(layer).__name__ == "BatchNormalization":
            weights = []
            for variable in layer.weights:
                name = variable.path.rsplit("/", 1)[-1]
                size = variable.shape
                if name == "gamma":
                    weights.append(rng.uniform(0.5, 1.8, size))
                elif name == "moving_variance":
                    weights.append(rng.uniform(0.2, 3.0, size))
                else:
                    weights.append(rng.normal(0, 0.6, size))
            layer.set_weights([w.astype(np.float32) for w in weights])
        elif layer.weights:
            fan_in = int(np.prod(layer.weights[0].shape[:-1]))
            layer.set_weights([rng.normal(0, 1.5 / np.sqrt(fan_in), w.shape).astype(np.float32)
                               for w in layer.get_weights()])
    return model


def random_model(name: str, seed: int = 0):
    builders = {**presets(), **extras()}
    return randomize(builders[name](), seed)


def random_images(count: int = 6, seed: int = 2) -> np.ndarray:
    """Drawings of a sort: sparse bright strokes on black, like MNIST, rather than uniform noise."""
    rng = np.random.default_rng(seed)
    images = rng.uniform(0, 1, (count, 28, 28)).astype(np.float32)
    return np.where(rng.uniform(0, 1, images.shape) < 0.7, 0, images).astype(np.float32)
