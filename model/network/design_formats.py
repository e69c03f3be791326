"""Designs in Keras' own formats: the JSON of ``model.to_json()`` (read as data with ``json``, never
executed) and Keras code in the seed notebook's style, for taking a design back to a notebook.

Plain Python, no Keras: the window saves, opens and copies designs with it.
"""

from __future__ import annotations

import json
from pathlib import Path

from digitpad.model.network.designs import (
    INPUT_SHAPE,
    KINDS,
    MAX_LAYERS,
    PRESETS,
    Design,
    DesignError,
    LayerSpec,
    Problem,
    check,
)
from digitpad.model.words import json_reader_error

MAX_JSON_BYTES = 1_000_000  # a design of 64 layers is a few tens of kB
# Keras 2's and Keras 3's names for the same layers.
ALIASES = {"MaxPool2D": "MaxPooling2D", "AvgPool2D": "AveragePooling2D", "AveragePooling2D": "AveragePooling2D",
           "GlobalAvgPool2D": "GlobalAveragePooling2D", "Convolution2D": "Conv2D"}


def load_design(source: str) -> Design:
    """A preset by name, or a Keras JSON file; DesignError (one line, in words) when it cannot work."""
    if source in PRESETS:
        return PRESETS[source]
    path = Path(source).expanduser()
    if not path.is_file():
        raise DesignError(f"{source}: not a preset ({', '.join(PRESETS)}) and no such file")
    try:
        return check(read_design_file(path))
    except DesignError as error:
        raise DesignError(f"{path}: {error}") from None


def read_design_file(path: Path) -> Design:
    """A Keras JSON file as a design, not yet checked (the editor opens one with problems, to mend them);
    DesignError, in words and without the path, when it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise DesignError(Problem("too large for a network design ({size:,} bytes)", size=size))
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DesignError(Problem("not a text file (Keras JSON is text, as model.to_json() writes it)")) from None
    except OSError as error:
        raise DesignError(Problem("cannot be read ({error})", error=error.strerror or str(error))) from None
    return design_from_keras_json(text, name=path.stem)


# --- Keras JSON ---------------------------------------------------------------------------------

def design_to_keras_json(design: Design, model_name: str | None = None) -> str:
    """The design as ``model.to_json()`` writes a Sequential model (defaults left to Keras)."""
    layers = [{"module": "keras.layers", "class_name": "InputLayer", "registered_name": None,
               "config": {"batch_shape": [None, *INPUT_SHAPE], "dtype": "float32", "name": "image"}}]
    layers += [{"module": "keras.layers", "class_name": spec.kind, "registered_name": None,
                "config": {"name": spec.name, **_keras_config(spec)}} for spec in design.layers]
    model = {"module": "keras", "class_name": "Sequential", "registered_name": None,
             "config": {"name": model_name or _model_name(design), "trainable": True, "layers": layers}}
    return json.dumps(model, indent=1)


def _model_name(design: Design) -> str:
    return "digitpad_convnet" if design.name == "seed" else "digitpad_" + design.name.replace("-", "_")


def _keras_config(spec: LayerSpec) -> dict:
    get = spec.get
    if spec.kind == "Conv2D":
        return {"filters": get("filters"), "kernel_size": [get("kernel")] * 2, "strides": [get("strides")] * 2,
                "padding": get("padding"), "activation": get("activation"), "use_bias": True}
    if spec.kind in ("MaxPooling2D", "AveragePooling2D"):
        return {"pool_size": [get("pool")] * 2, "strides": [get("strides")] * 2, "padding": get("padding")}
    if spec.kind == "Dense":
        return {"units": get("units"), "activation": get("activation"), "use_bias": True}
    if spec.kind == "Dropout":
        return {"rate": get("rate")}
    if spec.kind == "BatchNormalization":
        return {"axis": -1, "epsilon": get("epsilon"), "center": True, "scale": True}
    if spec.kind == "Activation":
        return {"activation": get("activation")}
    return {}  # Flatten, GlobalAveragePooling2D


def design_from_keras_json(text: str, name: str = "custom") -> Design:
    """A design from ``model.to_json()``'s text: read as data, every setting checked; DesignError for
    broken JSON, a model that is not a Sequential stack, an unknown layer or a Lambda, or an input
    other than 28×28×1.  The design's own problems (sizes that do not fit, ...) are ``summarize``'s."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DesignError(Problem("broken JSON ({error} at line {line}, column {column})", error=error.msg,
                                  line=error.lineno, column=error.colno)) from None
    except RecursionError as error:
        raise DesignError(Problem("broken JSON ({error})", error=json_reader_error(error))) from None
    if not isinstance(data, dict) or data.get("class_name") != "Sequential":
        kind = data.get("class_name") if isinstance(data, dict) else None
        if isinstance(kind, str):
            raise DesignError(Problem("not a Keras Sequential model (it holds a {kind}); DigitPad designs are "
                                      "Sequential stacks, as model.to_json() writes them", kind=kind))
        raise DesignError(Problem("not a Keras Sequential model (it has no \"class_name\": \"Sequential\"); DigitPad "
                                  "designs are Sequential stacks, as model.to_json() writes them"))
    config = data.get("config")
    items = config.get("layers") if isinstance(config, dict) else config  # old Keras: the list itself
    if not isinstance(items, list):
        raise DesignError(Problem("the model's config has no list of layers"))
    if len(items) > MAX_LAYERS + 1:
        raise DesignError(Problem("the design has {count} layers; DigitPad trains at most {limit}", count=len(items),
                                  limit=MAX_LAYERS))
    specs = []
    for position, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("config", {}), dict):
            raise DesignError(Problem("layer {position} is not a Keras layer's config", position=position))
        kind = ALIASES.get(str(item.get("class_name")), str(item.get("class_name")))
        layer_config = item.get("config", {})
        layer_name = str(layer_config.get("name", f"layer{position}"))
        _check_input_shape(layer_name, layer_config)
        if kind == "InputLayer":
            continue
        specs.append(_spec_from_keras(kind, layer_name, layer_config))
    return Design(tuple(specs), name)


def _check_input_shape(layer_name: str, config: dict) -> None:
    for key in ("batch_shape", "batch_input_shape"):
        shape = config.get(key)
        if shape is not None and list(shape)[1:] != list(INPUT_SHAPE):
            shown = "×".join("?" if n is None else str(n) for n in list(shape)[1:])
            raise DesignError(Problem("{name}: the model reads inputs of shape {shape}; DigitPad's are 28×28×1",
                                      name=layer_name, shape=shown))


def _spec_from_keras(kind: str, name: str, config: dict) -> LayerSpec:
    if kind == "Lambda":
        raise DesignError(Problem("{name}: a Lambda layer is code, and DigitPad reads designs as data only", name=name))
    if kind not in KINDS:
        raise DesignError(Problem("{name}: DigitPad's designs have no layer {kind!r} (they have {kinds})", name=name,
                                  kind=kind, kinds=", ".join(KINDS)))
    if config.get("data_format", "channels_last") != "channels_last":
        raise DesignError(Problem("{name}: DigitPad's maps are channels_last", name=name))
    if kind in ("Conv2D", "Dense") and config.get("use_bias", True) is not True:
        raise DesignError(Problem("{name}: DigitPad's {kind} layers always have a bias", name=name, kind=kind))
    if kind == "Conv2D":
        if _square(name, "dilation_rate", config.get("dilation_rate", 1)) != 1 or config.get("groups", 1) != 1:
            raise DesignError(Problem("{name}: dilated or grouped convolutions are not among DigitPad's layers",
                                      name=name))
        return LayerSpec(kind, name, {
            "filters": config.get("filters"), "kernel": _square(name, "kernel_size", config.get("kernel_size")),
            "strides": _square(name, "strides", config.get("strides", 1)),
            "padding": config.get("padding", "valid"), "activation": _activation(config)})
    if kind in ("MaxPooling2D", "AveragePooling2D"):
        pool = _square(name, "pool_size", config.get("pool_size", 2))
        strides = config.get("strides")
        return LayerSpec(kind, name, {"pool": pool, "strides": pool if strides is None else
                                      _square(name, "strides", strides), "padding": config.get("padding", "valid")})
    if kind == "Dense":
        return LayerSpec(kind, name, {"units": config.get("units"), "activation": _activation(config)})
    if kind == "Dropout":
        return LayerSpec(kind, name, {"rate": config.get("rate")})
    if kind == "BatchNormalization":
        if config.get("axis", -1) not in (-1, 3, [-1], [3]) or not config.get("center", True) or \
                not config.get("scale", True):
            raise DesignError(Problem("{name}: DigitPad normalises each map (axis -1, with γ and β)", name=name))
        return LayerSpec(kind, name, {"epsilon": config.get("epsilon", 0.001)})
    if kind == "Activation":
        return LayerSpec(kind, name, {"activation": _activation(config)})
    if kind == "GlobalAveragePooling2D" and config.get("keepdims"):
        raise DesignError(Problem("{name}: keepdims is not among DigitPad's settings", name=name))
    return LayerSpec(kind, name, {})


def _activation(config: dict):
    activation = config.get("activation", "linear")
    if isinstance(activation, dict):  # a serialized function: its name is what counts
        activation = activation.get("config", {}).get("name", activation.get("class_name"))
    return activation


def _square(name: str, key: str, value):
    """A size given as n or [n, n]; DesignError for rectangles (DigitPad's maps stay square)."""
    if isinstance(value, (list, tuple)):
        if len(value) != 2 or value[0] != value[1]:
            raise DesignError(Problem("{name}: {key} {value} is not square; DigitPad's patches are n×n",
                                      name=name, key=key, value=list(value)))
        value = value[0]
    return value


# --- Keras code ---------------------------------------------------------------------------------

def design_to_keras_code(design: Design) -> str:
    """Runnable Python in the notebook's style: models.Sequential(), model.add(layers...), compile."""
    lines = [
        "import keras",
        "from keras import layers, models",
        "",
        "model = models.Sequential()",
        "model.add(keras.Input(shape=(28, 28, 1)))",
    ]
    lines += [f"model.add(layers.{spec.kind}({_code_arguments(spec)}))" for spec in design.layers]
    lines += [
        "model.compile(optimizer='rmsprop', loss='categorical_crossentropy', metrics=['accuracy'])",
        "model.summary()",
    ]
    return "\n".join(lines) + "\n"


def _code_arguments(spec: LayerSpec) -> str:
    get = spec.get
    arguments: list[str] = []
    if spec.kind == "Conv2D":
        kernel = get("kernel")
        arguments = [str(get("filters")), f"({kernel}, {kernel})"]
        if get("strides") != 1:
            arguments.append(f"strides=({get('strides')}, {get('strides')})")
        if get("padding") != "valid":
            arguments.append(f"padding={get('padding')!r}")
        arguments.append(f"activation={get('activation')!r}")
    elif spec.kind in ("MaxPooling2D", "AveragePooling2D"):
        pool, strides = get("pool"), get("strides")
        arguments = [f"({pool}, {pool})"]
        if strides != pool:
            arguments.append(f"strides=({strides}, {strides})")
        if get("padding") != "valid":
            arguments.append(f"padding={get('padding')!r}")
    elif spec.kind == "Dense":
        arguments = [str(get("units")), f"activation={get('activation')!r}"]
    elif spec.kind == "Dropout":
        arguments = [repr(get("rate"))]
    elif spec.kind == "BatchNormalization" and get("epsilon") != 0.001:
        arguments = [f"epsilon={get('epsilon')!r}"]
    elif spec.kind == "Activation":
        arguments = [repr(get("activation"))]
    arguments.append(f"name={spec.name!r}")
    return ", ".join(arguments)
