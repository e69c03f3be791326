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
    assert shown.args[0].values.min() >= 0 and window.canvas.heatmap_rect() is not None
