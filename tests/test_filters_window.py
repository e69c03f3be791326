"""What a unit looks for, in the window: class maps next to *Why?*'s integrated gradients, a unit's top
images and pattern, and a top image clicked onto the pad."""

from __future__ import annotations

import pytest

from drawings import seven


@pytest.fixture
def window(ready_window):
    return ready_window()


def test_why_offers_a_class_map_per_convolution_and_draws_it(window, qtbot):
    from digitpad.app.window.automation import draw

    combo = window.answer.why_target
    modes = [combo.itemData(index) for index in range(combo.count())]
    assert modes == ["answer", "versus", "classmap:conv2", "classmap:conv3"]
    assert combo.itemText(3) == "class map on conv3 (Grad-CAM)" and "LayerCAM" in combo.itemText(2)
    window.answer.why_button.setChecked(True)
    with qtbot.waitSignal(window.whyShown, timeout=60_000):
        draw(window.canvas, seven())
    assert "integrated gradients" in window.answer.why_caption.text()
    with qtbot.waitSignal(window.whyShown, timeout=60_000) as shown:
        combo.setCurrentIndex(3)
    assert "Grad-CAM on conv3" in window.answer.why_caption.text()
    window.set_language("ko")  # the method was English in the Korean window
    qtbot.wait(1)  # the language change reaches the views through the event loop
    assert "conv3의 Grad-CAM (이 층의 특성 가운데" in window.answer.why_caption.text()
    window.set_language("en")
    qtbot.wait(1)
    assert shown.args[0].values.min() >= 0 and window.canvas.heatmap_rect() is not None
    assert window.filters.index is None and not window.filters.wanted  # no map clicked: no index built


def _index_ready(window, qtbot):
    """The first map clicked starts the first index (a window only drawn in never builds one)."""
    if not window.filters.wanted:
        window.feature_maps.select(0, 0)
    if window.filters.index is None:
        with qtbot.waitSignal(window.filters.indexReady, timeout=600_000):
            pass
    return window.filters.index


def test_a_maps_top_images_and_pattern_then_a_click_puts_the_image_on_the_pad(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from digitpad.app.window.automation import draw

    draw(window.canvas, seven())
    index = _index_ready(window, qtbot)
    conv3 = [row.name for row in window.feature_maps.rows].index("conv3")
    with qtbot.waitSignals([window.filters.topsShown, window.filters.patternShown], timeout=300_000):
        window.feature_maps.select(conv3, 2)
    view = window.feature_maps.detail.top_images
    expected = index.top("conv3", 2)
    assert [top.index for top in view.tops] == [top.index for top in expected]
    assert [tile.index for tile in view.tiles] == [top.index for top in expected]
    assert view.tiles[0].box == expected[0].box and view.tiles[0].box[2] - view.tiles[0].box[0] == 18
    assert "MNIST test" in view.title.text() and not view.pattern.image.isNull()
    assert "reaches" in view.pattern_title.text()
    digit = window.filters.images.labels[expected[0].index]  # the value and the digit under each image
    assert view.tiles[0].caption == f"max {expected[0].value:.2f} · digit {digit}"

    chosen = view.tiles[4].index
    QTest.mouseClick(view.tiles[4], Qt.MouseButton.LeftButton)
    assert window.reading.from_image
    assert (window.prediction.tensor == window.filters.images.images[chosen]).all()
    assert window.prediction.label is not None
    window.answer.why_button.setChecked(True)  # the image can be asked Why?
    with qtbot.waitSignal(window.whyShown, timeout=60_000):
        window.why.refresh()


def _explained_seven(window, qtbot):
    """A 7 drawn and its output unit explained, with its top images: the explanation's top images view."""
    from digitpad.app.window.automation import draw

    draw(window.canvas, seven())
    _index_ready(window, qtbot)
    with qtbot.waitSignal(window.filters.topsShown, timeout=300_000):
        window._explain_output(7)
    return window.feature_maps.explanation.top_images


def test_a_digits_top_images_in_its_explanation_and_its_layers_patterns(window, qtbot):
    view = _explained_seven(window, qtbot)
    assert view.isVisibleTo(window.feature_maps.explanation)
    labels = window.filters.images.labels
    assert all(labels[tile.index] == 7 for tile in view.tiles)  # the most typical 7s
    assert all(tile.box is None for tile in view.tiles)  # an output unit sees the whole image
    with qtbot.waitSignal(window.filters.layerPatternsShown, timeout=300_000):
        view.layer_button.click()
    assert view.layer_patterns.image.width() == 5 * 29 - 1  # the ten "ideal digits", five to a row


def test_a_layers_patterns_that_come_after_another_layer_was_chosen_stay_out_of_its_view(window, qtbot):
    """conv2's grid appeared under a dense unit, below "Patterns of every unit of dense"."""
    view = _explained_seven(window, qtbot)
    view.layer_button.click()  # the ten "ideal digits", found in the background
    window.filters.show_unit("conv3", 5)
    qtbot.waitUntil(lambda: len(window.filters._layer_patterns) == 1, timeout=300_000)
    assert view.layer_patterns.image.isNull() and not view.layer_patterns.isVisibleTo(view)
    with qtbot.waitSignal(window.filters.layerPatternsShown, timeout=60_000):  # back to the output: at once
        window.filters.show_unit("probabilities", 7)
        view.layer_button.click()


def test_conv1_shows_its_kernel_instead_of_a_pattern(window, qtbot):
    _index_ready(window, qtbot)
    with qtbot.waitSignal(window.filters.patternShown, timeout=60_000):
        window.feature_maps.select(0, 3)
    view = window.feature_maps.detail.top_images
    assert "3×3" in view.pattern_title.text() and view.pattern.image.width() == 3


def test_pool1_shows_the_kernel_of_the_convolution_it_keeps_the_maxima_of(window, qtbot):
    _index_ready(window, qtbot)
    with qtbot.waitSignal(window.filters.patternShown, timeout=60_000):
        window.feature_maps.select(1, 3)
    view = window.feature_maps.detail.top_images
    title = view.pattern_title.text().replace("\xa0", " ")
    assert "pool1 keeps the largest values of conv1" in title and view.pattern.image.width() == 3
    window.filters.show_layer_patterns("pool1")
    grid = view.layer_title.text().replace("\xa0", " ")
    assert "pool1 keeps the largest values of conv1" in grid and "its kernels say" in grid


def test_flattens_cells_ask_for_nothing(window, qtbot):
    flatten = [row.name for row in window.feature_maps.rows].index("flatten")
    window.feature_maps.select(flatten, 5)  # Flatten only reshapes: no top images, no error
    assert window.filters.unit is None


def test_the_windows_numpy_keeps_to_one_blas_thread_so_background_work_leaves_the_pad_a_core(window):
    from threadpoolctl import threadpool_info

    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert all(pool["num_threads"] == 1 for pool in blas)  # (threadpoolctl may not see every platform's BLAS)


def test_top_images_say_the_units_value_and_their_digit_under_each_in_the_language_in_use(qtbot):
    """The values were only in tooltips: which digits a unit likes took nine hovers to see."""
    import numpy as np

    from digitpad.app.network.top_images import TopImagesView
    from digitpad.model.network.filters import TopImage

    view = TopImagesView()
    qtbot.addWidget(view)
    tops = [TopImage(3, 4.567, (1, 1), (0, 0, 10, 10)), TopImage(5, 0.5, None, (0, 0, 28, 28))]
    view.show_tops("conv3", 2, tops, np.zeros((6, 28, 28), np.float32), "MNIST test",
                   labels=np.array([0, 1, 2, 7, 4, -1]))
    assert [tile.caption for tile in view.tiles[:3]] == ["max 4.57 · digit 7", "max 0.50", ""]
    view.grab()  # painted with its line of text


def test_a_first_layers_kernel_is_drawn_as_large_as_a_pattern(qtbot):
    """conv1's 3×3 kernel, shown where deeper units show their pattern, was a 12-px icon."""
    import numpy as np

    from digitpad.app.network.top_images import TopImagesView, kernel_qimage, pattern_qimage

    view = TopImagesView()
    qtbot.addWidget(view)
    view.show_pattern(kernel_qimage(np.arange(9, dtype=np.float32).reshape(3, 3) - 4), lambda: "")
    assert view.pattern.minimumHeight() >= 84
    view.show_pattern(pattern_qimage(np.zeros((28, 28), np.float32)), lambda: "")
    assert view.pattern.minimumHeight() == 28 * 4  # a 28×28 pattern keeps its four screen pixels per pixel
