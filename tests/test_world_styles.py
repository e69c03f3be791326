"""Issue 18: digits as writers elsewhere write them — a slashed zero, a European 1, a crossed 7 — and
issue 28's narrow 2 and 0, drawn with real mouse events in the window, are each read as one digit, and
read right."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from digitpad.app.window.automation import draw
from digitpad.model.numbers import read_number
from drawings import crossed_seven, european_one, narrow_two, narrow_zero, slashed_zero

STYLES = [("slashed zero", slashed_zero, 0), ("European one", european_one, 1), ("crossed seven", crossed_seven, 7),
          ("narrow two", narrow_two, 2), ("narrow zero", narrow_zero, 0)]


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    """One window for the three drawings: starting Keras once is most of the cost."""
    from digitpad.app.window.automation import scratch_window

    window = scratch_window(qapp)
    yield window
    window.close()


@pytest.mark.parametrize("name, drawing, digit", STYLES, ids=[s[0] for s in STYLES])
def test_the_window_reads_the_style(window, name, drawing, digit):
    window.clear()
    draw(window.canvas, drawing())
    assert window.findChild(QLabel, "predictionLabel").text() == str(digit), name
    assert window.prediction.label == digit and not window.prediction.is_unsure, name


@pytest.mark.parametrize("name, drawing, digit", STYLES, ids=[s[0] for s in STYLES])
def test_the_splitter_keeps_the_style_one_digit(predictor, name, drawing, digit):
    readings = read_number(predictor, drawing())
    assert [r.label for r in readings] == [digit], name
