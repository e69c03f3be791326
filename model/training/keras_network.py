"""The convnet: the seed notebook's Keras MNIST model, with names a person can read."""

from __future__ import annotations

import keras
from keras import layers

from digitpad.model.network.designs import Design, LayerSpec, check, is_seed

INPUT_SHAPE = (28, 28, 1)
NUM_CLASSES = 10


def build_convnet() -> keras.Model:  # the seed preset of model/network/designs.py
    """Conv32–Pool–Conv64–Pool–Conv64–Dense64–Dense10, 93,322 parameters, as in the seed notebook."""
    return keras.Sequential(
        [
            keras.Input(INPUT_SHAPE, name="image"),
            layers.Conv2D(32, 3, activation="relu", name="conv1"),
            layers.MaxPooling2D(2, name="pool1"),
            layers.Conv2D(64, 3, activation="relu", name="conv2"),
            layers.MaxPooling2D(2, name="pool2"),
            layers.Conv2D(64, 3, activation="relu", name="conv3"),
            layers.Flatten(name="flatten"),
            layers.Dense(64, activation="relu", name="dense"),
            layers.Dense(NUM_CLASSES, activation="softmax", name="probabilities"),
        ],
        name="digitpad_convnet",
    )


def build_network(design: Design) -> keras.Model:
    """The Keras model of a design that ``designs.check`` accepts; the seed's is ``build_convnet()``
    itself, so that its training stays exactly what it was."""
    check(design)
    if is_seed(design):
        return build_convnet()
    return keras.Sequential(
        [keras.Input(INPUT_SHAPE, name="image"), *(_keras_layer(spec) for spec in design.layers)],
        name=_model_name(design),
    )


def _model_name(design: Design) -> str:
    return "digitpad_" + "".join(c if c.isalnum() else "_" for c in design.name)


def _keras_layer(spec: LayerSpec) -> keras.Layer:
    get, name = spec.get, spec.name
    if spec.kind == "Conv2D":
        return layers.Conv2D(get("filters"), get("kernel"), strides=get("strides"), padding=get("padding"),
                             activation=get("activation"), name=name)
    if spec.kind == "MaxPooling2D":
        return layers.MaxPooling2D(get("pool"), strides=get("strides"), padding=get("padding"), name=name)
    if spec.kind == "AveragePooling2D":
        return layers.AveragePooling2D(get("pool"), strides=get("strides"), padding=get("padding"), name=name)
    if spec.kind == "Dense":
        return layers.Dense(get("units"), activation=get("activation"), name=name)
    if spec.kind == "Dropout":
        return layers.Dropout(get("rate"), name=name)
    if spec.kind == "BatchNormalization":
        return layers.BatchNormalization(epsilon=get("epsilon"), name=name)
    if spec.kind == "Activation":
        return layers.Activation(get("activation"), name=name)
    if spec.kind == "GlobalAveragePooling2D":
        return layers.GlobalAveragePooling2D(name=name)
    return layers.Flatten(name=name)


def shown_layers(model: keras.Model) -> list[keras.Layer]:
    """The layers whose activations are worth showing (Flatten only reshapes)."""
    return [layer for layer in model.layers if not isinstance(layer, (layers.Flatten, layers.InputLayer))]


def build_feature_extractor(model: keras.Model) -> keras.Model:
    """One model that returns every shown layer's activation; the last one is the probabilities."""
    return keras.Model(
        inputs=model.inputs[0],  # one tensor in, so calls need no list around the batch
        outputs=[layer.output for layer in shown_layers(model)],
        name="feature_extractor",
    )


def check_compatible(model: keras.Model) -> None:
    """Raise ValueError unless ``model`` reads 28×28×1 images and gives 10 probabilities."""
    try:
        input_shape = tuple(model.inputs[0].shape[1:])
        output_shape = tuple(model.outputs[0].shape[1:])
    except (AttributeError, IndexError, TypeError):
        raise ValueError("the model has no defined input and output; build it with keras.Input") from None
    if len(model.inputs) != 1 or input_shape != INPUT_SHAPE:
        raise ValueError(f"the model reads images of shape {input_shape}, DigitPad needs 28×28×1")
    if len(model.outputs) != 1 or output_shape != (NUM_CLASSES,):
        raise ValueError(f"the model has output shape {output_shape}, DigitPad needs 10 digit probabilities")
