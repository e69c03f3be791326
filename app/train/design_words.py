"""A design's problems and its summary's formulas in the window's language.

The core says them in English (``model.words.Words``, as the CLI prints them) and keeps each one's
template and values; the window looks the template up here, in the context "DesignProblem" for what keeps a
design from working and "DesignFormula" for the words in the summary's formulas, and fills in the same values.
The lists are what lupdate sees; ``tests/test_languages.py`` checks that they hold every template the core uses.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from digitpad.app.common.file_words import system_error_text
from digitpad.model.network.designs import Problem

TEMPLATES = (
    QT_TRANSLATE_NOOP("DesignProblem", "the design has no layers"),
    QT_TRANSLATE_NOOP("DesignProblem", "the design has {count} layers; DigitPad trains at most {limit}"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: two layers have this name"),
    QT_TRANSLATE_NOOP("DesignProblem", "the design has {parameters:,} parameters; DigitPad trains at most {limit:,}"),
    QT_TRANSLATE_NOOP("DesignProblem", "the network must end with 10 numbers, one per digit, but its output is "
                                       "{shape}; end with Dense 10 softmax"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: the last layer must give probabilities: use the softmax activation"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: DigitPad's designs have no layer {kind!r} (they have {kinds})"),
    QT_TRANSLATE_NOOP("DesignProblem", "layer {name!r}: a name is letters, digits and _ only"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: {key} must be a whole number ≥ 1, got {value!r}"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: {value:,} {key} is more than DigitPad allows ({limit:,})"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: {key} {value} is larger than the 28×28 image"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: padding must be 'valid' or 'same', got {value!r}"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: the activation must be one of {choices}, got {value!r}"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: softmax gives the final probabilities, so only the last layer "
                                       "may use it"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: the dropout rate must be at least 0 and below 1, got {value!r}"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: epsilon must be a small positive number, got {value!r}"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: {kind} needs maps, but its input is already flat {shape}"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: Dense needs a flat input, but its input is maps {shape}; add "
                                       "Flatten or GlobalAveragePooling2D before it"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: a {window}×{window} patch does not fit the {size}×{size} map"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: a {window}×{window} window does not fit the {size}×{size} map"),
    # why a design file cannot be read (model.network.design_formats)
    QT_TRANSLATE_NOOP("DesignProblem", "too large for a network design ({size:,} bytes)"),
    QT_TRANSLATE_NOOP("DesignProblem", "not a text file (Keras JSON is text, as model.to_json() writes it)"),
    QT_TRANSLATE_NOOP("DesignProblem", "cannot be read ({error})"),
    QT_TRANSLATE_NOOP("DesignProblem", "broken JSON ({error})"),
    QT_TRANSLATE_NOOP("DesignProblem", "broken JSON ({error} at line {line}, column {column})"),
    QT_TRANSLATE_NOOP("DesignProblem", "not a Keras Sequential model (it holds a {kind}); DigitPad designs are "
                                       "Sequential stacks, as model.to_json() writes them"),
    QT_TRANSLATE_NOOP("DesignProblem", "not a Keras Sequential model (it has no \"class_name\": \"Sequential\"); "
                                       "DigitPad designs are Sequential stacks, as model.to_json() writes them"),
    QT_TRANSLATE_NOOP("DesignProblem", "the model's config has no list of layers"),
    QT_TRANSLATE_NOOP("DesignProblem", "layer {position} is not a Keras layer's config"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: the model reads inputs of shape {shape}; DigitPad's are 28×28×1"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: a Lambda layer is code, and DigitPad reads designs as data only"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: DigitPad's maps are channels_last"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: DigitPad's {kind} layers always have a bias"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: dilated or grouped convolutions are not among DigitPad's layers"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: DigitPad normalises each map (axis -1, with γ and β)"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: keepdims is not among DigitPad's settings"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name}: {key} {value} is not square; DigitPad's patches are n×n"),
    QT_TRANSLATE_NOOP("DesignProblem", "the design is not a list of layers with a kind and a name"),
)


FORMULAS = (
    QT_TRANSLATE_NOOP("DesignFormula", "already flat"),
    QT_TRANSLATE_NOOP("DesignFormula", "the mean of each {rows}×{columns} map"),
    QT_TRANSLATE_NOOP("DesignFormula", "4·{channels} = {parameters:,} (γ, β, mean, variance)"),
)


# The settings a problem names by their key (the design's, or Keras' in a file): the editor's words for them.
SETTING_NAMES = {
    "filters": QT_TRANSLATE_NOOP("DesignSetting", "filters"),
    "units": QT_TRANSLATE_NOOP("DesignSetting", "units"),
    "kernel": QT_TRANSLATE_NOOP("DesignSetting", "patch size"),
    "kernel_size": QT_TRANSLATE_NOOP("DesignSetting", "patch size (kernel_size)"),
    "pool": QT_TRANSLATE_NOOP("DesignSetting", "window size"),
    "pool_size": QT_TRANSLATE_NOOP("DesignSetting", "window size (pool_size)"),
    "strides": QT_TRANSLATE_NOOP("DesignSetting", "stride"),
}


def design_text(words: str) -> str:
    """``words`` in the window's language: the core's ``Words`` by their template, any other text as it is."""
    template = getattr(words, "template", None)
    if template is None:
        return str(words)
    context = "DesignProblem" if isinstance(words, Problem) else "DesignFormula"
    values = dict(words.values)
    if values.get("key") in SETTING_NAMES:
        values["key"] = QCoreApplication.translate("DesignSetting", SETTING_NAMES[values["key"]])
    if isinstance(values.get("error"), str):  # a design file the system could not read
        values["error"] = system_error_text(values["error"])
    return QCoreApplication.translate(context, template).format(**values)
