"""Network designs: an ordered list of layer specs for a 28×28×1 input, the four presets, and the
arithmetic of each layer (output shape, parameters, multiply-adds) with its formula, in words.

Plain Python: the window uses it to show the summary and the reasons a design cannot work while the
person edits, and the worker builds the Keras model from the same data
(``model/training/keras_network.py``).  ``design_formats`` reads and writes Keras JSON and code.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace

from digitpad.model.words import Words

INPUT_SHAPE = (28, 28, 1)
NUM_CLASSES = 10
ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear", "softmax")
PADDINGS = ("valid", "same")
KINDS = ("Conv2D", "MaxPooling2D", "AveragePooling2D", "Dense", "Dropout", "BatchNormalization", "Flatten",
         "GlobalAveragePooling2D", "Activation")
# How layers without a size are written in a design's code (layers_code); Flatten and Activation are left out.
LAYER_CODES = {"MaxPooling2D": "Pool", "AveragePooling2D": "AvgPool", "GlobalAveragePooling2D": "GlobalAvg",
               "Dropout": "Dropout", "BatchNormalization": "BatchNorm"}
SPATIAL_KINDS = ("Conv2D", "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D")

# Bounds a design must keep: beyond them a design is absurd for 28×28 digits, and training it (or
# even building it) could take the machine's memory or hours.
MAX_WIDTH = 4096  # filters or units
MAX_LAYERS = 64
MAX_PARAMETERS = 50_000_000
MAX_KERNEL = 7  # the editor's kernel and pooling sizes (a file may use up to the map's size)
MAX_STRIDE = 3

# Each kind's settings and their defaults (what a new layer of that kind starts with).
SETTINGS: dict[str, dict[str, object]] = {
    "Conv2D": {"filters": 32, "kernel": 3, "strides": 1, "padding": "valid", "activation": "relu"},
    "MaxPooling2D": {"pool": 2, "strides": 2, "padding": "valid"},
    "AveragePooling2D": {"pool": 2, "strides": 2, "padding": "valid"},
    "Dense": {"units": 64, "activation": "relu"},
    "Dropout": {"rate": 0.5},
    "BatchNormalization": {"epsilon": 0.001},
    "Flatten": {},
    "GlobalAveragePooling2D": {},
    "Activation": {"activation": "relu"},
}
NAME_PREFIXES = {"Conv2D": "conv", "MaxPooling2D": "pool", "AveragePooling2D": "pool", "Dense": "dense",
                 "Dropout": "dropout", "BatchNormalization": "batchnorm", "Flatten": "flatten",
                 "GlobalAveragePooling2D": "global_pool", "Activation": "activation"}


WHOLE_NUMBER = "{name}: {key} must be a whole number ≥ 1, got {value!r}"


class DesignError(ValueError):
    """A design that cannot be read or cannot work, said in words."""


class Problem(Words):
    """What keeps a design from working."""


@dataclass(frozen=True)
class LayerSpec:
    """One layer: its kind, its name and the settings its kind has (see SETTINGS)."""

    kind: str
    name: str
    settings: dict = field(default_factory=dict)

    def get(self, key: str):
        return self.settings.get(key, SETTINGS.get(self.kind, {}).get(key))

    def with_settings(self, **changes) -> LayerSpec:
        return replace(self, settings={**self.settings, **changes})


@dataclass(frozen=True)
class Design:
    """A Sequential network for 28×28×1 digits: its layers in order."""

    layers: tuple[LayerSpec, ...]
    name: str = "custom"

    def to_data(self) -> dict:
        """JSON-able data (what a training request carries across the worker's pipe)."""
        return {"name": self.name, "layers": [asdict(layer) for layer in self.layers]}

    @classmethod
    def from_data(cls, data: dict) -> Design:
        try:
            layers = tuple(LayerSpec(str(item["kind"]), str(item["name"]), dict(item.get("settings", {})))
                           for item in data["layers"])
        except (KeyError, TypeError, AttributeError):
            raise DesignError(Problem("the design is not a list of layers with a kind and a name")) from None
        return cls(layers, str(data.get("name", "custom")))


def layer(kind: str, name: str, **settings) -> LayerSpec:
    """A layer of ``kind`` with its defaults, changed by ``settings``."""
    if kind not in SETTINGS:
        raise DesignError(Problem("{name}: DigitPad's designs have no layer {kind!r} (they have {kinds})", name=name,
                                  kind=kind, kinds=", ".join(KINDS)))
    return LayerSpec(kind, name, {**SETTINGS[kind], **settings})


def _conv(name: str, filters: int, kernel: int, activation: str = "relu", padding: str = "valid") -> LayerSpec:
    return layer("Conv2D", name, filters=filters, kernel=kernel, activation=activation, padding=padding)


def _dense(name: str, units: int, activation: str = "relu") -> LayerSpec:
    return layer("Dense", name, units=units, activation=activation)


# The presets: where each comes from, and its exact layers.
PRESET_ORIGINS = {
    "seed": "The seed notebook's convnet (Deep Learning with Python, 5.1): DigitPad's own network.",
    "dense": "The book's chapter 2: one hidden layer of 512 units, no convolution.",
    "lenet5": "LeCun et al., 1998: LeNet-5, with tanh and average pooling.",
    "keras-example": "The Keras example mnist_convnet: two small convolutions and Dropout.",
}
PRESETS: dict[str, Design] = {
    "seed": Design((
        _conv("conv1", 32, 3), layer("MaxPooling2D", "pool1"),
        _conv("conv2", 64, 3), layer("MaxPooling2D", "pool2"),
        _conv("conv3", 64, 3), layer("Flatten", "flatten"),
        _dense("dense", 64), _dense("probabilities", NUM_CLASSES, "softmax"),
    ), "seed"),
    "dense": Design((
        layer("Flatten", "flatten"), _dense("dense", 512), _dense("probabilities", NUM_CLASSES, "softmax"),
    ), "dense"),
    "lenet5": Design((
        _conv("conv1", 6, 5, "tanh", "same"), layer("AveragePooling2D", "pool1"),
        _conv("conv2", 16, 5, "tanh"), layer("AveragePooling2D", "pool2"),
        layer("Flatten", "flatten"), _dense("dense1", 120, "tanh"), _dense("dense2", 84, "tanh"),
        _dense("probabilities", NUM_CLASSES, "softmax"),
    ), "lenet5"),
    "keras-example": Design((
        _conv("conv1", 32, 3), layer("MaxPooling2D", "pool1"),
        _conv("conv2", 64, 3), layer("MaxPooling2D", "pool2"),
        layer("Flatten", "flatten"), layer("Dropout", "dropout", rate=0.5),
        _dense("probabilities", NUM_CLASSES, "softmax"),
    ), "keras-example"),
}
SEED = PRESETS["seed"]


def is_seed(design: Design) -> bool:
    """True for the seed network's exact layers (whatever the design is called)."""
    return design.layers == SEED.layers


def layers_code(design: Design) -> str:
    """The design in a few letters, as the notebook's convnet is called Conv32–Pool–Conv64–Pool–Conv64–Dense64–
    Dense10: what tells two custom designs apart in a list of runs.  What differs from the notebook's layers is
    given in brackets: a patch other than 3×3, a stride, "same" padding, an activation other than ReLU (and than
    softmax at the end), a pooling window other than 2×2.  LeNet-5 with tanh and with ReLU had one name."""
    words = []
    for position, spec in enumerate(design.layers):
        if spec.kind == "Conv2D":
            words.append(f"Conv{spec.get('filters')}" + _differences(spec, "kernel"))
        elif spec.kind == "Dense":
            last = position == len(design.layers) - 1
            words.append(f"Dense{spec.get('units')}" + _differences(spec, usual_activation="softmax" if last
                                                                          else "relu"))
        elif spec.kind in ("MaxPooling2D", "AveragePooling2D"):
            words.append(LAYER_CODES[spec.kind] + _differences(spec, "pool", usual_stride=spec.get("pool")))
        elif spec.kind in LAYER_CODES:
            words.append(LAYER_CODES[spec.kind])
    return "–".join(words) or "–"


def _differences(spec: LayerSpec, window: str | None = None, usual_stride: int = 1,
                 usual_activation: str = "relu") -> str:
    """A layer's settings that differ from the notebook's, as "(5×5, stride 2, same, tanh)", or ""."""
    size = spec.get(window) if window else None
    usual_size = 3 if window == "kernel" else 2
    words = [f"{size}×{size}"] if size is not None and size != usual_size else []
    has = SETTINGS.get(spec.kind, {})
    if "strides" in has and spec.get("strides") != usual_stride:
        words.append(f"stride {spec.get('strides')}")
    if "padding" in has and spec.get("padding") == "same":
        words.append("same")
    if "activation" in has and spec.get("activation") != usual_activation:
        words.append(str(spec.get("activation")))
    return f"({', '.join(words)})" if words else ""


def network_name(design: Design) -> str:
    """What a run and the Train panel's results call the network: a preset by its key, a design from a file by
    the file's name, a design made in the editor by its layers' code.  A file named like a preset or "custom"
    is called by its layers, so that it is never taken for the preset."""
    if design.name in PRESETS and design.layers == PRESETS[design.name].layers:
        return design.name
    if not design.name or design.name in PRESETS or design.name in ("custom", "fine-tuned"):
        return layers_code(design)
    return design.name


def fresh_name(design: Design, kind: str) -> str:
    """A name for a new layer of ``kind`` that no layer of ``design`` has yet: conv4, pool3, ..."""
    prefix = NAME_PREFIXES[kind]
    taken = {spec.name for spec in design.layers}
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


# --- the arithmetic ----------------------------------------------------------------------------

@dataclass(frozen=True)
class LayerRow:
    """One line of the summary: a layer's output and its arithmetic, with formulas in words."""

    name: str
    kind: str
    output_shape: tuple[int, ...] | None  # None when the design broke before this layer
    shape_formula: str
    parameters: int
    parameter_formula: str
    multiply_adds: int


@dataclass(frozen=True)
class DesignSummary:
    rows: tuple[LayerRow, ...]
    parameters: int
    multiply_adds: int
    problems: tuple[str, ...]  # empty: the design can be trained

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_text(self) -> str:
        """The table, like Keras' model.summary(), with the arithmetic beside each number."""
        header = ("Layer (type)", "Output shape", "How", "Param #", "How")
        lines = [header] + [
            (f"{row.name} ({row.kind})", _shape_text(row.output_shape), row.shape_formula,
             f"{row.parameters:,}", row.parameter_formula)
            for row in self.rows
        ]
        widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
        text = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines]
        rule = "─" * len(max(text, key=len))
        body = [rule, text[0], rule, *text[1:], rule,
                f"Total params: {self.parameters:,}", f"Multiply-adds per image: {self.multiply_adds:,}"]
        body += [f"Problem: {problem}" for problem in self.problems]
        return "\n".join(body)


def _shape_text(shape: tuple[int, ...] | None) -> str:
    return "?" if shape is None else "(" + ", ".join(str(n) for n in shape) + ")"


def summarize(design: Design) -> DesignSummary:
    """Every layer's output shape, parameters and multiply-adds with their formulas, the totals, and
    the problems that keep the design from working (in words, naming the layer)."""
    problems: list[Problem] = []
    if not design.layers:
        problems.append(Problem("the design has no layers"))
    if len(design.layers) > MAX_LAYERS:
        problems.append(Problem("the design has {count} layers; DigitPad trains at most {limit}",
                                count=len(design.layers), limit=MAX_LAYERS))
        return DesignSummary((), 0, 0, tuple(problems))
    rows: list[LayerRow] = []
    shape: tuple[int, ...] | None = INPUT_SHAPE
    names: set[str] = set()
    for index, spec in enumerate(design.layers):
        if spec.name in names:
            problems.append(Problem("{name}: two layers have this name", name=spec.name))
        names.add(spec.name)
        setting_problems = _setting_problems(spec, last=index == len(design.layers) - 1)
        problems += setting_problems
        if shape is None or setting_problems:
            rows.append(LayerRow(spec.name, spec.kind, None, "", 0, "", 0))
            shape = None
            continue
        try:
            row = _layer_row(spec, shape)
        except DesignError as error:
            problems.append(error.args[0])  # a Problem
            rows.append(LayerRow(spec.name, spec.kind, None, "", 0, "", 0))
            shape = None
            continue
        rows.append(row)
        shape = row.output_shape
    parameters = sum(row.parameters for row in rows)
    if shape is not None and design.layers:
        problems += _output_problems(design, shape)
    if parameters > MAX_PARAMETERS:
        problems.append(Problem("the design has {parameters:,} parameters; DigitPad trains at most {limit:,}",
                                parameters=parameters, limit=MAX_PARAMETERS))
    return DesignSummary(tuple(rows), parameters, sum(row.multiply_adds for row in rows), tuple(problems))


def check(design: Design) -> Design:
    """``design`` if it can be trained, else DesignError with its first problem."""
    problems = summarize(design).problems
    if problems:
        raise DesignError(problems[0])
    return design


def _output_problems(design: Design, shape: tuple[int, ...]) -> list[Problem]:
    if shape != (NUM_CLASSES,):
        return [Problem("the network must end with 10 numbers, one per digit, but its output is {shape}; "
                        "end with Dense 10 softmax", shape=_shape_text(shape))]
    last = design.layers[-1]
    if last.get("activation") != "softmax" or last.kind not in ("Dense", "Activation"):
        return [Problem("{name}: the last layer must give probabilities: use the softmax activation", name=last.name)]
    return []


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _setting_problems(spec: LayerSpec, last: bool) -> list[Problem]:
    """What is wrong with one layer's own settings, before any shape is known."""
    name = spec.name
    if spec.kind not in SETTINGS:
        return [Problem("{name}: DigitPad's designs have no layer {kind!r} (they have {kinds})", name=name,
                        kind=spec.kind, kinds=", ".join(KINDS))]
    if not name or not name.replace("_", "").isalnum():
        return [Problem("layer {name!r}: a name is letters, digits and _ only", name=name)]
    problems = []
    for key in ("filters", "units"):
        if key in SETTINGS[spec.kind]:
            value = spec.get(key)
            if not _is_int(value) or value < 1:
                problems.append(Problem(WHOLE_NUMBER, name=name, key=key, value=value))
            elif value > MAX_WIDTH:
                problems.append(Problem("{name}: {value:,} {key} is more than DigitPad allows ({limit:,})", name=name,
                                        value=value, key=key, limit=MAX_WIDTH))
    for key in ("kernel", "pool", "strides"):
        if key in SETTINGS[spec.kind]:
            value = spec.get(key)
            if not _is_int(value) or value < 1:
                problems.append(Problem(WHOLE_NUMBER, name=name, key=key, value=value))
            elif value > INPUT_SHAPE[0]:
                problems.append(Problem("{name}: {key} {value} is larger than the 28×28 image", name=name, key=key,
                                        value=value))
    if "padding" in SETTINGS[spec.kind] and spec.get("padding") not in PADDINGS:
        problems.append(Problem("{name}: padding must be 'valid' or 'same', got {value!r}", name=name,
                                value=spec.get("padding")))
    if "activation" in SETTINGS[spec.kind]:
        activation = spec.get("activation")
        if activation not in ACTIVATIONS:
            problems.append(Problem("{name}: the activation must be one of {choices}, got {value!r}", name=name,
                                    choices=", ".join(ACTIVATIONS), value=activation))
        elif activation == "softmax" and not last:
            problems.append(Problem("{name}: softmax gives the final probabilities, so only the last layer may use it",
                                    name=name))
    if spec.kind == "Dropout":
        rate = spec.get("rate")
        if not isinstance(rate, (int, float)) or isinstance(rate, bool) or not 0 <= rate < 1:
            problems.append(Problem("{name}: the dropout rate must be at least 0 and below 1, got {value!r}",
                                    name=name, value=rate))
    if spec.kind == "BatchNormalization":
        epsilon = spec.get("epsilon")
        if not isinstance(epsilon, (int, float)) or not 0 < epsilon < 1:
            problems.append(Problem("{name}: epsilon must be a small positive number, got {value!r}", name=name,
                                    value=epsilon))
    return problems


def _layer_row(spec: LayerSpec, shape: tuple[int, ...]) -> LayerRow:
    """The row of one layer whose settings are valid, given its input shape; DesignError if it cannot
    take that input."""
    name, kind = spec.name, spec.kind
    spatial = len(shape) == 3
    if kind in SPATIAL_KINDS and not spatial:
        raise DesignError(Problem("{name}: {kind} needs maps, but its input is already flat {shape}", name=name,
                                  kind=kind, shape=_shape_text(shape)))
    if kind == "Dense" and spatial:
        raise DesignError(Problem("{name}: Dense needs a flat input, but its input is maps {shape}; add Flatten or "
                                  "GlobalAveragePooling2D before it", name=name, shape=_shape_text(shape)))
    if kind == "Conv2D":
        size, channels = shape[0], shape[2]
        kernel, filters = spec.get("kernel"), spec.get("filters")
        out, formula = _window_output(name, size, kernel, spec.get("strides"), spec.get("padding"), "patch")
        parameters = (kernel * kernel * channels + 1) * filters
        return LayerRow(name, kind, (out, out, filters), formula, parameters,
                        f"({kernel}·{kernel}·{channels} + 1)·{filters} = {parameters:,}",
                        out * out * kernel * kernel * channels * filters)
    if kind in ("MaxPooling2D", "AveragePooling2D"):
        out, formula = _window_output(name, shape[0], spec.get("pool"), spec.get("strides"), spec.get("padding"),
                                      "window")
        return LayerRow(name, kind, (out, out, shape[2]), formula, 0, "", 0)
    if kind == "Dense":
        units = spec.get("units")
        parameters = (shape[0] + 1) * units
        return LayerRow(name, kind, (units,), "", parameters, f"({shape[0]:,} + 1)·{units} = {parameters:,}",
                        shape[0] * units)
    if kind == "Flatten":
        size = math.prod(shape)
        formula = "·".join(str(n) for n in shape) + f" = {size:,}" if spatial else Words("already flat")
        return LayerRow(name, kind, (size,), formula, 0, "", 0)
    if kind == "GlobalAveragePooling2D":
        return LayerRow(name, kind, (shape[2],), Words("the mean of each {rows}×{columns} map", rows=shape[0],
                                                       columns=shape[1]), 0, "", 0)
    if kind == "BatchNormalization":
        channels = shape[-1]
        return LayerRow(name, kind, shape, "", 4 * channels,
                        Words("4·{channels} = {parameters:,} (γ, β, mean, variance)", channels=channels,
                              parameters=4 * channels), math.prod(shape))
    return LayerRow(name, kind, shape, "", 0, "", 0)  # Dropout, Activation: the shape is unchanged


def _window_output(name: str, size: int, window: int, stride: int, padding: str, what: str) -> tuple[int, str]:
    """The output size of a patch or pooling window sliding over a size×size map, with its formula."""
    if padding == "same":
        out = math.ceil(size / stride)
        return out, f"⌈{size} / {stride}⌉ = {out}"
    if window > size:
        template = ("{name}: a {window}×{window} patch does not fit the {size}×{size} map" if what == "patch" else
                    "{name}: a {window}×{window} window does not fit the {size}×{size} map")
        raise DesignError(Problem(template, name=name, window=window, size=size))
    out = (size - window) // stride + 1
    if stride == 1:
        return out, f"{size} − {window} + 1 = {out}"
    return out, f"⌊({size} − {window}) / {stride}⌋ + 1 = {out}"
