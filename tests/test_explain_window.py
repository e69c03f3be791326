"""Explanations in the window: click a unit of any layer (or a bar of the chart) and read the
arithmetic of that exact number, computed from the drawing on the pad; watch the network learn."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from digitpad.app.window.automation import draw
from digitpad.model.network.explain import explain_unit
from drawings import seven


@pytest.fixture
def window(ready_window, qtbot):
    window = ready_window(size=(1400, 900))
    draw(window.canvas, seven())
    window.tabs.setCurrentWidget(window.feature_maps)
    qtbot.wait(20)  # the tab lays out its maps before a click is aimed at one, as it has for a person
    return window


def click_unit(qtbot, window, layer: str, channel: int, row: int = 0, column: int = 0):
    view = window.feature_maps.row(layer).view
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.pixel_centre(channel, row, column).toPoint())
    return window.explain.step


def core(window, layer, at, channel):
    return explain_unit(window.predictor.net, window.prediction.tensor, layer, at, channel)


def test_clicking_a_conv2_pixel_shows_its_patch_kernel_products_and_sum(window, qtbot):
    step = click_unit(qtbot, window, "conv2", 5, 3, 4)
    expected = core(window, "conv2", (3, 4), 5)
    view = window.feature_maps.explanation
    assert view.isVisible() and step.at == (3, 4) and step.channel == 5
    in_map = float(window.prediction.activations[2][3, 4, 5])
    # float32 sums in a different order: equal to a few parts in a million
    assert step.value == pytest.approx(expected.value, rel=1e-4) == pytest.approx(in_map, rel=1e-4)
    shown = view.input_channel  # the input map that adds most is opened first
    assert np.allclose(view.patch_grid.values, expected.inputs[:, :, shown])
    assert np.allclose(view.kernel_grid.values, expected.weights[:, :, shown])
    assert np.allclose(view.product_grid.values, expected.inputs[:, :, shown] * expected.weights[:, :, shown])
    assert f"{expected.total:.4f}".replace("-", "−") in view.convolution_sum.text()
    assert len(view.channel_bars.items) == 10 and view.channel_bars.items[0][0] == shown
    other = view.channel_bars.items[3][0]  # open another input map from the list
    qtbot.mouseClick(view.channel_bars, Qt.MouseButton.LeftButton, pos=view.channel_bars.row_centre(other).toPoint())
    assert np.allclose(view.patch_grid.values, expected.inputs[:, :, other])
    assert window.feature_maps.row("pool1").view.mark == (3, 4, 3, None)  # the patch, outlined on conv2's input
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert window.explain.step.at == (3, 5)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible() and not window.canvas.is_empty()  # Esc closed it; it did not clear the pad


def test_a_pooling_unit_shows_its_window_and_the_winner(window, qtbot):
    step = click_unit(qtbot, window, "pool1", 7, 4, 3)
    expected = core(window, "pool1", (4, 3), 7)
    assert np.allclose(window.feature_maps.explanation.window_grid.values, expected.inputs)
    assert step.value == pytest.approx(float(expected.inputs.max())) == pytest.approx(expected.map_value)
    assert window.feature_maps.explanation.window_grid.marked == expected.winner
    assert window.feature_maps.row("conv1").view.mark == (8, 6, 2, 7)


def test_a_dense_unit_shows_its_largest_inputs_times_weights(window, qtbot):
    step = click_unit(qtbot, window, "dense", 12)
    expected = core(window, "dense", None, 12)
    view = window.feature_maps.explanation
    assert step.channel == 12 and step.value == pytest.approx(float(window.prediction.activations[5][12]), rel=1e-4)
    top = int(np.argmax(np.abs(expected.products)))
    assert view.dense_bars.items[0][0] == top and view.dense_bars.items[0][2] == pytest.approx(expected.products[top])
    assert f"{expected.total:.4f}".replace("-", "−") in view.dense_sum.text()


def test_a_bar_of_the_chart_explains_the_softmax(window, qtbot):
    chart = window.answer.chart
    window.tabs.setCurrentWidget(window.train_panel)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_centre(7).toPoint())
    step = window.explain.step
    assert window.tabs.currentWidget() is window.feature_maps
    assert step.kind == "Output" and step.channel == 7
    table = window.feature_maps.explanation.output_table
    probabilities = window.prediction.activations[-1]  # the drawing as drawn (the bars: with six views too)
    for digit in range(10):
        text = table.item(digit, 3).text()  # one decimal, as every probability in the window: "99.5%", ">99.9%"
        shown = float(text.strip("<>%")) / 100
        assert shown == pytest.approx(float(probabilities[digit]), abs=5.1e-4) or text in (">99.9%", "<0.1%")
    assert step.probabilities() == pytest.approx(probabilities, abs=1e-6)
    assert "six of the drawing a little turned" in window.feature_maps.explanation.output_sum.text()


def test_where_the_chart_and_the_explanation_differ_the_title_says_why(window, qtbot):
    """A newcomer saw 79.6% in the explanation and 75.0% on the chart, for one digit, with nothing saying why."""
    from digitpad.app.common.formats import probability_percent

    window.clear()
    draw(window.canvas, [[(120, 60), (150, 60), (140, 230)], [(100, 140), (180, 140)]])  # a crossed 7
    chart = window.prediction.probabilities[7]  # the bars: seven readings together
    as_drawn = window.prediction.activations[-1][7]
    assert probability_percent(chart) != probability_percent(as_drawn)
    qtbot.mouseClick(window.answer.chart, Qt.MouseButton.LeftButton, pos=window.answer.chart.bar_centre(7).toPoint())
    title = window.feature_maps.explanation.title.text()
    assert f"<b>{probability_percent(as_drawn)}%</b> for the drawing as drawn" in title
    assert f"the chart's {probability_percent(chart)}% is seven readings together" in title


def test_layer_cards_say_what_each_layer_does_with_its_arithmetic(window):
    cards = {row.name: row.card.text() for row in window.feature_maps.rows}
    assert "28 − 3 + 1 = 26" in cards["conv1"] and "(3·3·1 + 1)·32 = 320" in cards["conv1"]
    assert "⌊11 / 2⌋ = 5" in cards["pool2"] and "3 × 3 × 64 = 576" in cards["flatten"]
    assert "softmax" in cards["probabilities"]
    assert "93,322" in window.feature_maps.legend.text()


def test_the_maps_and_an_open_explanation_follow_the_network_while_it_learns(window, qtbot, mnist_path):
    """Watch it learn: a fresh network's maps change as it trains; the model in use stays."""
    click_unit(qtbot, window, "conv1", 3, 10, 10)
    panel = window.train_panel
    panel.settings.mnist_path.setText(str(mnist_path))
    panel.settings.mnist_limit_spin.setValue(6000)
    panel.settings.epochs_spin.setValue(2)
    assert panel.settings.watch_check.isChecked()
    in_use, before = window.predictor, window.prediction.activations[0].copy()
    seen = []
    window.signals.readingChanged.connect(lambda reading: seen.append(reading) if reading.learning else None)
    panel.start_training()
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=300_000)
    assert window.predictor is in_use and window.session.learning is not None
    maps = [reading.prediction.activations[0] for reading in seen]
    assert not np.allclose(maps[0], before) and not np.allclose(maps[-1], maps[0])  # sharpening as it learns
    in_map = float(window.prediction.activations[0][10, 10, 3])
    assert window.explain.step.map_value == pytest.approx(in_map, rel=1e-4, abs=1e-6)
    assert "the network being trained" in window.answer.caption.text()
    with qtbot.waitSignal(panel.task.finished, timeout=600_000):
        pass
    assert window.session.learning is None and window.predictor is in_use


def test_the_explanations_can_be_reached_and_read_without_a_mouse(window, qtbot):
    """View > Explain the answer (Ctrl+E), then Page Up through the layers and arrow keys within one."""
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    view = window.feature_maps.explanation
    assert view.isVisible() and view.hasFocus() and window.explain.step.kind == "Output"
    assert window.explain.step.channel == window.prediction.label
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert window.explain.step.layer == "dense"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert window.explain.step.layer == "dense"
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert window.explain.step.layer == "pool2" and window.explain.step.kind == "MaxPooling2D"
    assert all(panel.accessibleName() for panel in (window.canvas, window.answer, window.answer.chart,
                                                    window.answer.preview, window.feature_maps, view,
                                                    window.train_panel, window.correction))


def test_in_a_1024_by_600_window_the_explanations_and_a_maps_top_images_fit_the_pane_without_scrolling_sideways(
        ready_window, qtbot):
    """The kernel's last column was cut off; then the pane scrolled sideways, cutting every line of text, for a
    3×3 patch × kernel, for the digits' table and for three top images in a row."""
    from PySide6.QtWidgets import QScrollArea

    window = ready_window(size=(1024, 600))
    draw(window.canvas, seven())
    window.tabs.setCurrentWidget(window.feature_maps)
    pane = window.findChild(QScrollArea, "explanationPane")
    output = window.predictor.net.layers[-1].name
    for show in (lambda: window.explain.explain("conv2", (5, 5), 12), lambda: window.explain.explain(output, None, 7),
                 lambda: window.feature_maps.select(2, 12)):
        show()
        qtbot.wait(20)
        assert pane.isVisible() and pane.widget().width() <= pane.viewport().width()
        assert not pane.horizontalScrollBar().isVisible()


def test_a_click_on_the_gap_between_small_maps_picks_the_nearer_maps_edge(qtbot):
    """conv3's 3×3 maps are a quarter gap: a click there did nothing."""
    from PySide6.QtCore import QPointF

    from digitpad.app.network.mosaic import MosaicView

    view = MosaicView(64, 3)  # 3×3 maps with one image pixel between them
    qtbot.addWidget(view)
    columns = view.columns
    view.resize(columns * 4 * 10, view.rows * 4 * 10)
    scale = view._target().width() / view.image_size.width()

    def at(x: float, y: float):
        return view.unit_at(QPointF(x * scale, y * scale))

    assert at(1.5, 1.5) == (0, 1, 1)  # inside map 0
    assert at(3.2, 1.5) == (0, 1, 2)  # the gap's left part: map 0's right edge
    assert at(3.8, 1.5) == (1, 1, 0)  # its right part: map 1's left edge
    assert at(1.5, 3.8) == (columns, 0, 1)  # below map 0, nearer the next row's first map
    assert at(columns * 4 - 1.01, 1.5) == (columns - 1, 1, 2)  # the last column has no gap after it
