"""The window, offscreen, driven through real mouse events and its own widgets."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QEvent, QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSlider, QWidget

from digitpad.app.network.feature_maps import FeatureMapsPanel
from digitpad.app.window.automation import draw, draw_stroke, open_and_wait, send_mouse
from digitpad.app.window.main import build_main_window
from digitpad.model.files.datasets import load_stroke_records
from digitpad.model.ink.preprocessing import strokes_to_tensor
from drawings import circle, seven

EXPECTED = [("conv1", (26, 26, 32)), ("pool1", (13, 13, 32)), ("conv2", (11, 11, 64)), ("pool2", (5, 5, 64)),
            ("conv3", (3, 3, 64)), ("flatten", (576,)), ("dense", (64,)), ("probabilities", (10,))]


@pytest.fixture
def settings(settings_file):
    return QSettings(str(settings_file), QSettings.Format.IniFormat)


@pytest.fixture
def window(ready_window):
    return ready_window()


def label(window) -> str:
    return window.findChild(QLabel, "predictionLabel").text()


def test_contract_widgets_exist(window):
    for name in ("canvas", "predictionLabel", "probabilityChart", "inputPreview", "featureMaps", "brushWidth",
                 "undoButton", "clearButton"):
        assert window.findChild(QWidget, name) is not None, name


def test_empty_pad_says_draw_a_digit(window):
    assert label(window) == ""
    assert window.answer.caption.text() == "Draw a digit"
    assert window.answer.chart.values() == [0.0] * 10 and window.answer.chart.winner() is None


def test_mouse_drawing_gives_the_model_cores_tensor(window):
    draw(window.canvas, seven())
    expected = strokes_to_tensor(seven())
    assert np.abs(window.prediction.tensor - expected).max() < 0.02
    assert np.abs(window.answer.preview.tensor - expected).max() < 0.02


def test_the_chart_writes_a_full_bar_s_value_inside_itself_in_a_large_font(qtbot):
    from PySide6.QtGui import QFont

    from digitpad.app.pad.prediction_view import ProbabilityChart

    chart = ProbabilityChart()
    qtbot.addWidget(chart)
    font = QFont()
    font.setPointSize(16)  # a large desktop font
    chart.setFont(font)
    chart.resize(300, chart.minimumHeight())
    chart.set_probabilities(np.eye(10)[4])
    assert chart.value_rect(4).top() >= 0 and chart.labels_fit()  # "100" is not cut off at the top


def test_the_chart_highlights_the_answer_when_two_digits_round_to_the_same_percent(qtbot):
    from digitpad.app.pad.prediction_view import ProbabilityChart

    chart = ProbabilityChart()
    qtbot.addWidget(chart)
    probabilities = np.zeros(10)
    probabilities[[3, 8]] = 0.496, 0.504
    chart.set_probabilities(probabilities)
    assert chart.values()[3] == chart.values()[8] == 0.5 and chart.winner() == 8


def test_a_huge_layer_maximum_is_shown_whole(window):
    row = window.feature_maps.rows[0]
    row.set_activation(np.full((26, 26, 32), 123456789.0, np.float32))
    text = row.range_label.text()
    assert row.range_label.fontMetrics().horizontalAdvance(text) <= row.range_label.width()


def test_label_and_chart_follow_the_drawing(window):
    draw(window.canvas, seven())
    assert label(window) == "7"
    chart = window.answer.chart
    assert chart.winner() == 7
    # Each bar is its probability in whole percent (so ten bars may add up to 99% or 101%).
    assert chart.values() == pytest.approx(list(window.prediction.probabilities), abs=0.005)
    window.clear()
    draw(window.canvas, circle())
    assert label(window) == "0" and chart.winner() == 0


def test_prediction_is_live_while_the_stroke_is_drawn(window, qtbot):
    points = circle()[0]
    draw_stroke(window.canvas, points, release=False)
    assert window.canvas.is_drawing()
    qtbot.waitUntil(lambda: label(window) != "", timeout=2000)
    assert window.answer.caption.text().endswith("…")  # not final until pen-up
    send_mouse(window.canvas, QEvent.Type.MouseButtonRelease, window.canvas.box_to_widget(points[-1]),
               Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)
    assert label(window) == "0" and not window.answer.caption.text().endswith("…")


def test_undo_redo_and_clear(window, qtbot):
    undo = window.findChild(QPushButton, "undoButton")
    clear = window.findChild(QPushButton, "clearButton")
    assert not undo.isEnabled()
    top_bar, leg = seven()[0][:4], seven()[0][3:]
    draw(window.canvas, [top_bar, leg])
    assert len(window.canvas.strokes()) == 2 and undo.isEnabled()
    undo.click()
    assert len(window.canvas.strokes()) == 1
    window.redo_button.click()
    assert len(window.canvas.strokes()) == 2 and label(window) == "7"
    clear.click()
    assert window.canvas.is_empty() and label(window) == "" and window.answer.caption.text() == "Draw a digit"
    undo.click()  # clearing is undoable: a drawing is never lost to a slip
    assert len(window.canvas.strokes()) == 2 and label(window) == "7"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.canvas.is_empty()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.canvas.strokes()) == 2
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.canvas.strokes()) == 1
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.canvas.strokes()) == 2


def test_feature_maps_show_every_layer_with_its_shape(window):
    panel = window.findChild(FeatureMapsPanel, "featureMaps")
    assert [(row.name, row.shape) for row in panel.rows] == EXPECTED
    draw(window.canvas, seven())
    assert all(not row.view.image.isNull() for row in panel.rows)
    conv1 = panel.rows[0]
    assert conv1.view.image.width() == 8 * 27 - 1 and conv1.view.image.height() == 4 * 27 - 1


def test_clicking_a_map_enlarges_it_and_shows_its_kernels(window, qtbot):
    draw(window.canvas, seven())
    panel = window.feature_maps
    conv2 = panel.rows[2]
    qtbot.mouseClick(conv2.view, Qt.MouseButton.LeftButton, pos=conv2.view.cell_centre(5).toPoint())
    assert panel.detail.layer == "conv2" and panel.detail.channel == 5
    assert "32 kernels of 3×3" in panel.detail.kernel_title.text()
    assert panel.detail.map_view.image.width() == 11
    pool = panel.rows[1]
    qtbot.mouseClick(pool.view, Qt.MouseButton.LeftButton, pos=pool.view.cell_centre(0).toPoint())
    assert "no weights" in panel.detail.kernel_title.text()


def test_brush_width_is_a_control_and_is_remembered(window, settings, qtbot, tmp_path):
    slider = window.findChild(QSlider, "brushWidth")
    assert (slider.minimum(), slider.maximum()) == (4, 40)
    slider.setValue(30)
    assert window.canvas.brush_width == 30 and int(settings.value("brushWidth")) == 30
    window.close()
    again = build_main_window(settings=settings, data_dir=tmp_path / "data", load_model=False)
    qtbot.addWidget(again)
    assert again.brush_slider.value() == 30 and again.canvas.brush_width == 30  # it was 16 at every start


def test_bad_image_shows_an_error_and_keeps_the_drawing(window, tmp_path):
    draw(window.canvas, seven())
    bad = tmp_path / "photo.png"
    bad.write_text("not really a png")
    assert not open_and_wait(window, bad)
    assert window.banner.isVisible() and "its name ends in .png but it holds no image" in window.banner.text()
    assert len(window.canvas.strokes()) == 1 and label(window) == "7"


def test_opening_an_image_predicts_it(window, tmp_path):
    image = Image.new("L", (300, 300), 255)
    ImageDraw.Draw(image).ellipse((90, 40, 210, 260), outline=0, width=18)
    image.save(tmp_path / "zero.jpg")
    assert open_and_wait(window, tmp_path / "zero.jpg")
    assert label(window) == "0" and window.canvas.has_background()
    window.files.save_dialog()  # not "Nothing to save yet: draw a digit first" over a digit read from a photo
    assert window.banner.text().startswith("The pad shows an opened image, which is a file already")
    draw(window.canvas, seven())  # a click or a stroke does not replace the image (issue 29)...
    assert label(window) == "0" and window.canvas.has_background()
    window.clear()  # ... clearing does
    draw(window.canvas, seven())
    assert label(window) == "7" and not window.canvas.has_background()


def test_drop_an_image_file(window, qtbot, tmp_path):
    image = Image.new("L", (200, 200), 0)
    ImageDraw.Draw(image).line([(50, 40), (150, 40), (90, 180)], fill=255, width=14)
    image.save(tmp_path / "seven.png")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "seven.png"))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: label(window) == "7")


@pytest.mark.parametrize("suffix", [".png", ".json"])
def test_save_and_open_a_drawing_keeps_its_strokes(window, tmp_path, suffix):
    draw(window.canvas, [seven()[0][:4], seven()[0][3:]])
    path = tmp_path / f"mine{suffix}"
    assert window.save_drawing(path)
    saved = [s.points for s in window.canvas.strokes()]
    window.clear()
    assert open_and_wait(window, path)
    assert [s.points for s in window.canvas.strokes()] == saved
    assert label(window) == "7"
    if suffix == ".png":
        assert Image.open(path).size == (280, 280)


def test_saved_json_is_what_the_cli_reads(window, tmp_path):
    draw(window.canvas, circle())
    window.save_drawing(tmp_path / "zero.json")
    result = subprocess.run([sys.executable, "-m", "digitpad", "predict", "--strokes", str(tmp_path / "zero.json")],
                            capture_output=True, text=True, timeout=300)
    assert json.loads(result.stdout)["label"] == 0


def test_a_model_that_will_not_load_keeps_the_current_one(window, qtbot, tmp_path):
    before = window.predictor
    broken = tmp_path / "broken.keras"
    broken.write_bytes(b"not a model")
    window.models.load(broken)
    qtbot.waitUntil(lambda: "Could not load the model" in window.banner.text(), timeout=60_000)
    assert window.predictor is before
    assert "not a Keras model" in window.banner.text()
    draw(window.canvas, seven())
    assert label(window) == "7"
    with qtbot.waitSignal(window.modelReady, timeout=60_000):
        window.models.revert_to_bundled()  # another model loads: "could not load" no longer holds
    assert not window.banner.isVisible()  # at once, not when the banner's 15 s are up


def test_revert_to_bundled_is_offered_only_when_another_model_is_in_use(window, qtbot, tmp_path,
                                                                       bundled_model_file):
    import shutil

    assert not window.revert_action.isEnabled() and not window.train_panel.revert_button.isEnabled()
    mine = tmp_path / "mine.keras"
    shutil.copy(bundled_model_file, mine)
    window.models.load(mine)
    qtbot.waitUntil(lambda: window.predictor.source == str(mine), timeout=60_000)
    assert window.revert_action.isEnabled() and window.train_panel.revert_button.isEnabled()
    window.revert_action.trigger()
    qtbot.waitUntil(lambda: window.predictor.source == str(bundled_model_file), timeout=60_000)
    assert not window.revert_action.isEnabled() and not window.train_panel.revert_button.isEnabled()


def test_canvas_keeps_its_shape_when_the_window_resizes(window, qtbot):
    window.resize(900, 600)
    qtbot.wait(50)
    area = window.canvas.paper_rect()
    assert area.width() == area.height()
    draw(window.canvas, seven())
    assert np.abs(window.prediction.tensor - strokes_to_tensor(seven())).max() < 0.02


@pytest.mark.parametrize("language", ["en", "ko"])  # Korean texts are shorter or longer than English ones
def test_a_small_laptop_window_shows_every_panel_whole(ready_window, qtbot, settings, language):
    settings.setValue("language", language)
    settings.sync()
    window = ready_window(size=(1024, 600))
    draw(window.canvas, seven())
    for tab in (0, 1):
        window.tabs.setCurrentIndex(tab)
        qtbot.wait(50)
        panel = window.tabs.currentWidget()
        assert panel.widget().width() <= panel.viewport().width()  # nothing cut off at the right edge
    editor = window.train_panel.settings.network_editor
    editor.details_button.setChecked(True)
    qtbot.wait(50)
    assert panel.widget().width() <= panel.viewport().width()  # the layers' buttons too
    layers = editor.layer_list  # was 110 px beside its buttons: "conv1 · Conv2D 3", "probabilities · De"
    assert layers.sizeHintForColumn(0) <= layers.viewport().width()
    assert window.brush_slider.width() >= 64  # a slider, not a dot that looks like a checkbox
    assert window.answer.chart.labels_fit()  # "7", not "…"
    assert window.answer.why_target.width() >= 100


def test_the_first_window_fits_a_small_screen(settings, qtbot, tmp_path):
    window = build_main_window(settings=settings, data_dir=tmp_path / "data", load_model=False)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()  # 800×800 offscreen: smaller than the usual first size
    assert window.width() <= screen.width() and window.height() <= screen.height()
    assert window.width() >= window.minimumSizeHint().width()


def test_window_geometry_is_remembered(window, settings, qtbot, tmp_path):
    window.resize(800, 560)  # within the offscreen screen, so nothing clamps it
    window.close()
    again = build_main_window(settings=settings, data_dir=tmp_path / "data", load_model=False)
    qtbot.addWidget(again)
    assert abs(again.width() - 800) <= 4 and abs(again.height() - 560) <= 4


def test_pen_digits_drawn_with_the_mouse_match_the_cli(window, tmp_path, pen_strokes_path):
    records = load_stroke_records(pen_strokes_path, default_box=(500, 500))[::150][:50]
    labels = []
    for record in records:
        window.clear()
        draw(window.canvas, [stroke.tolist() for stroke in record.strokes])
        labels.append(int(label(window)))
    lines = [json.dumps({"strokes": [s.tolist() for s in r.strokes], "width": 280, "height": 280}) for r in records]
    (tmp_path / "pen.jsonl").write_text("\n".join(lines) + "\n")
    result = subprocess.run([sys.executable, "-m", "digitpad", "predict", "--strokes", str(tmp_path / "pen.jsonl")],
                            capture_output=True, text=True, timeout=300)
    assert [json.loads(line)["label"] for line in result.stdout.splitlines()] == labels
    assert np.mean(np.array(labels) == np.array([r.label for r in records])) > 0.9
