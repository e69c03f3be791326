"""Issue 25 in the window: any plain-Keras Sequential model of the supported layer types (LeNet-5,
the Keras example, padding same, strides, overlapping and average pooling, BatchNormalization,
Dropout, GlobalAveragePooling2D, Activation) opens, reads the pad, shows every layer's maps and
explains a unit of every layer with Keras' own numbers; Why? and photos work with it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from random_networks import random_model

from digitpad.app.window.automation import draw
from drawings import seven

# Together these use every layer type and setting DigitPad runs.
MODELS = ["lenet5", "keras-example", "strided", "overlapping", "normalized-dense", "rectangular"]


def keras_outputs(model, tensor: np.ndarray) -> list[np.ndarray]:
    import keras

    extractor = keras.Model(model.inputs[0], [layer.output for layer in model.layers])
    return [np.asarray(output)[0] for output in extractor(tensor[None, ..., None], training=False)]


@pytest.fixture
def window_with(ready_window, qtbot, tmp_path):
    """A window that has opened a random-weight model saved by Keras, and that model."""

    def make(name: str):
        model = random_model(name, seed=MODELS.index(name))
        path = tmp_path / f"{name}.keras"
        model.save(path)
        window = ready_window(size=(1400, 900))
        window.models.load(path)
        qtbot.waitUntil(lambda: window.predictor is not None and window.predictor.source == str(path), timeout=60_000)
        return window, model

    return make


def click_unit(qtbot, window, layer: str, channel: int, row: int = 0, column: int = 0):
    view = window.feature_maps.row(layer).view
    window.feature_maps.ensureWidgetVisible(view)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.pixel_centre(channel, row, column).toPoint())
    return window.explain.step


@pytest.mark.parametrize("name", MODELS)
def test_a_plain_keras_model_reads_the_pad_and_explains_a_unit_of_every_layer(window_with, qtbot, name):
    window, model = window_with(name)
    draw(window.canvas, seven())
    prediction = window.prediction
    expected = keras_outputs(model, prediction.tensor)
    assert np.abs(prediction.activations[-1] - expected[-1]).max() < 1e-4  # the drawing as drawn
    assert window.answer.chart.isVisible()
    window.tabs.setCurrentWidget(window.feature_maps)
    qtbot.wait(20)
    panel = window.feature_maps
    assert [row.name for row in panel.rows] == [layer.name for layer in model.layers]
    assert f"{model.count_params():,}" in panel.legend.text()
    rng = np.random.default_rng(3)
    view = panel.explanation
    for index, row in enumerate(panel.rows):
        assert row.card.text() and row.kind_text()
        theirs = expected[index]
        if row.kind == "Flatten":  # its units are the cells of the maps before it
            continue
        channel = int(rng.integers(row.shape[-1]))
        at = tuple(int(i) for i in rng.integers(row.shape[:2])) if len(row.shape) == 3 else (0, 0)
        step = click_unit(qtbot, window, row.name, channel, *at)
        assert step is not None and step.layer == row.name and step.channel == channel, row.name
        keras_value = float(theirs[at[0], at[1], channel] if len(row.shape) == 3 else theirs[channel])
        if step.kind == "Output":
            keras_value = float(theirs[channel])
        assert step.value == pytest.approx(keras_value, abs=1e-4) and step.map_value == pytest.approx(keras_value,
                                                                                                       abs=1e-4)
        assert view.isVisible() and view.title.text()
        shown = [widget.text() for widget in (view.convolution_sum, view.pooling_text, view.flatten_text,
                                              view.dense_sum, view.output_sum, view.formula_text)
                 if widget.isVisibleTo(view)]
        assert any(shown), row.name
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_lenet5_cards_say_padding_same_average_pooling_and_tanh(window_with, qtbot):
    window, model = window_with("lenet5")
    draw(window.canvas, seven())
    cards = [row.card.text() for row in window.feature_maps.rows]
    assert "⌈28 / 1⌉ = 28" in cards[0] and "(5·5·1 + 1)·6 = 156" in cards[0] and "same" in cards[0]
    assert "tanh" in cards[0] and "Average pooling" in cards[1] and "28 / 2 = 14" in cards[1]
    assert "61,706" in window.feature_maps.legend.text()
    first = window.feature_maps.rows[0]  # tanh maps have negative numbers: coloured both ways, ±largest
    assert first.range_label.text().startswith("±") and first.view.image.pixelColor(0, 0).isValid()
    step = click_unit(qtbot, window, model.layers[0].name, 2, 0, 0)  # a corner: the patch reaches into the padding
    view = window.feature_maps.explanation
    assert step.padded[:2].all() and view.patch_grid.padded[:2].all()
    assert "grey cell" in view.convolution_place.text() and "tanh(z)" in view.convolution_sum.text()
    step = click_unit(qtbot, window, model.layers[1].name, 4, 3, 5)
    assert "mean" in view.pooling_text.text() and step.value == pytest.approx(float(np.mean(step.inputs)), rel=1e-5)


def test_batch_normalization_dropout_and_global_pooling_say_their_formulas(window_with, qtbot):
    window, model = window_with("overlapping")
    draw(window.canvas, seven())
    window.tabs.setCurrentWidget(window.feature_maps)
    qtbot.wait(20)
    kinds = {row.kind: row.name for row in window.feature_maps.rows}
    view = window.feature_maps.explanation
    step = click_unit(qtbot, window, kinds["BatchNormalization"], 3, 1, 1)
    assert "√(variance + ε)" in view.formula_text.text() and step.kind == "BatchNormalization"
    assert window.feature_maps.row(kinds["AveragePooling2D"]).view.mark == (1, 1, 1, 3)  # the cell it reads
    click_unit(qtbot, window, kinds["Dropout"], 5)
    assert "passes values unchanged when predicting" in view.formula_text.text()
    step = click_unit(qtbot, window, kinds["GlobalAveragePooling2D"], 5)
    assert "mean of the whole 3×3 map" in view.pooling_text.text()
    assert window.feature_maps.row(kinds["BatchNormalization"]).view.mark == (0, 0, (3, 3), 5)  # its input
    step = click_unit(qtbot, window, kinds["MaxPooling2D"], 1, 0, 0)
    assert "overlap" in view.pooling_text.text() and step.inputs.shape == (3, 3)


def test_why_works_with_another_network(window_with, qtbot):
    window, _ = window_with("keras-example")
    window.answer.why_button.setChecked(True)
    with qtbot.waitSignal(window.whyShown, timeout=60_000):
        draw(window.canvas, seven())
    assert window.canvas.heatmap_rect() is not None and "integrated gradients" in window.answer.why_caption.text()


def test_an_open_explanation_closes_when_the_next_model_has_no_such_map(ready_window, qtbot, tmp_path):
    """Map 20 of conv1 open, then a LeNet-5 of DigitPad's (conv1 has 6 maps): the pane vanished, its marker stayed
    on the preview, and every pen move printed a traceback."""
    import keras

    from digitpad.model.network.design_formats import design_to_keras_json
    from digitpad.model.network.designs import PRESETS

    lenet = keras.models.model_from_json(design_to_keras_json(PRESETS["lenet5"]))
    path = tmp_path / "lenet5.keras"
    lenet.save(path)
    window = ready_window(size=(1400, 900))
    draw(window.canvas, seven())
    window.tabs.setCurrentWidget(window.feature_maps)
    qtbot.wait(20)
    assert click_unit(qtbot, window, "conv1", 20, 5, 5).channel == 20
    from digitpad.model.network.inference import Predictor

    window.session.watch_learning(Predictor.load(str(path)).net)  # a LeNet-5 being trained, watched
    assert window.explain.step is None and not window.feature_maps.explanation.isVisible()
    window.session.watch_learning(None)
    assert click_unit(qtbot, window, "conv1", 20, 5, 5).channel == 20
    window.models.load(path)  # or used
    qtbot.waitUntil(lambda: window.predictor is not None and window.predictor.source == str(path), timeout=60_000)
    assert window.explain.step is None and not window.feature_maps.explanation.isVisible()
    assert window.answer.preview.highlight is None  # no marker left on the 28×28 preview
    window.clear()
    draw(window.canvas, seven())  # reads on with the new model, without an error
    assert window.prediction.label is not None
