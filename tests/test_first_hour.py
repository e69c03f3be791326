"""Issue 29: what got in the way of a newcomer in the first hour, driven as a person does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtWidgets import QLabel
from test_numbers_and_why import ONE, side_by_side, small

from digitpad.app.window.automation import click, draw, open_and_wait
from drawings import circle, seven


@pytest.fixture
def window(ready_window):
    return ready_window()


def label(window) -> str:
    return window.findChild(QLabel, "predictionLabel").text()


def test_a_digits_tag_selects_it_without_ink_and_the_keyboard_moves_between_digits(window):
    draw(window.canvas, side_by_side(small(ONE), small(circle()), small(seven()), spacing=80))
    assert window.reading.number == "107" and window.reading.focus == 2
    strokes = len(window.canvas.strokes())
    click(window.canvas, window.canvas.tag_label_centre(0))
    assert len(window.canvas.strokes()) == strokes and not window.canvas.can_redo()  # no ink, no dot
    assert window.reading.focus == 0 and window.prediction.label == 1  # the chart and maps show the 1
    assert [tag.focus for tag in window.canvas.digit_tags()] == [True, False, False]
    window.next_digit_action.trigger()
    assert window.reading.focus == 1 and window.prediction.label == 0
    window.previous_digit_action.trigger()
    window.previous_digit_action.trigger()
    assert window.reading.focus == 2  # wraps around
    draw(window.canvas, [[(250, 250), (252, 252)]])  # a new stroke: the maps follow the digit drawn last again
    assert len(window.canvas.strokes()) == strokes + 1


def number_photo(path):
    image = Image.new("L", (400, 240), 255)
    pen = ImageDraw.Draw(image)
    pen.line([(90, 40), (95, 200)], fill=0, width=16)  # 1
    pen.line([(200, 50), (330, 50), (250, 205)], fill=0, width=16)  # 7
    image.save(path)
    return path


def test_a_click_on_a_photo_keeps_it_and_drawing_over_it_is_a_choice_undo_returns_to(window, tmp_path):
    assert open_and_wait(window, number_photo(tmp_path / "seventeen.png"))
    assert label(window) == "17" and window.reading.focus == 1
    confirm = window.correction.confirm_button  # disabled, and saying why
    assert not confirm.isEnabled() and "no strokes to keep" in confirm.toolTip()
    opened = window.reading.image
    click(window.canvas, window.canvas.paper_rect().topLeft() + window.canvas.paper_rect().bottomRight() * 0.02)
    assert window.canvas.has_background() and window.canvas.is_empty() and label(window) == "17"
    assert window.banner.isVisible() and "Draw over the image" in window.banner.text()
    click(window.canvas, window.canvas.tag_label_centre(0))  # a digit's tag on the photo
    assert window.reading.focus == 0 and window.prediction.label == 1 and window.canvas.is_empty()

    window.draw_over_action.trigger()
    draw(window.canvas, seven())
    assert label(window) == "7" and window.canvas.has_background() and window.canvas.is_drawing_over_image()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.canvas.image_data() is opened and label(window) == "17"  # back to the photo
    window.clear_action.trigger()
    assert not window.canvas.has_background()
    window.undo_action.trigger()
    assert window.canvas.has_background() and label(window) == "17"


def test_a_misclassified_test_image_opens_on_the_pad(window, mnist_path, qtbot):
    import numpy as np
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    with np.load(mnist_path) as data:
        images, truths = data["x_test"][:3], data["y_test"][:3]
    window.tabs.setCurrentWidget(window.train_panel)
    gallery = window.train_panel.gallery
    gallery.show_images(images, truths, (truths + 1) % 10)
    gallery.scrollToItem(gallery.item(2))
    qtbot.waitUntil(lambda: gallery.visualItemRect(gallery.item(2)).isValid())
    where = gallery.visualItemRect(gallery.item(2)).center()
    QTest.mouseClick(gallery.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.canvas.has_background() and window.reading.from_image
    assert np.allclose(window.prediction.tensor, images[2] / 255.0, atol=1e-6)  # exactly what the test read
    assert window.prediction.label == truths[2]  # the bundled model reads it right
    assert f"true digit is {truths[2]}" in window.statusBar().currentMessage()


def test_a_mistake_of_the_network_just_trained_is_read_by_it_beside_the_model_in_use(window, mnist_path, qtbot,
                                                                                        tmp_path,
                                                                                        bundled_model_file):
    """A newcomer clicked a mistake and saw the model in use read it right: the network whose mistake it is reads
    the pad beside it (here a copy of the bundled model that reads every digit d as d + 1), until it is used."""
    import numpy as np
    from test_runs_window import shifted_model

    from digitpad.model.training.recipes import TrainOutcome

    trained = tmp_path / "trained.keras"
    shifted_model(bundled_model_file, trained)
    with np.load(mnist_path) as data:
        images, truths = data["x_test"][:3], data["y_test"][:3]
    panel = window.train_panel
    panel.outcome = TrainOutcome(result=None, x_test=images, y_test=truths, counts={"mnist": 3},
                                 model_path=str(trained))
    panel.gallery.show_images(images, truths, (truths + 1) % 10)
    panel.gallery.imageChosen.emit(images[2], int(truths[2]), int((truths[2] + 1) % 10))
    qtbot.waitUntil(lambda: window.second_answer.isVisible(), timeout=30_000)
    assert window.prediction.label == truths[2]  # the model in use, on the left
    assert window.second_answer.answer() == (truths[2] + 1) % 10  # the trained network's mistake, beside it
    assert window.second_answer.name() == "just trained"
    assert "it reads the pad beside the model in use" in window.statusBar().currentMessage()
    panel.useModelRequested.emit(str(trained), "trained", "")
    assert not window.second_answer.isVisible()  # the model in use now: read on the left only
    window.second_answer.clear_network()
    panel.gallery.imageChosen.emit(images[1], int(truths[1]), int((truths[1] + 1) % 10))
    panel.useModelRequested.emit(str(trained), "trained", "")  # used while it was still being read
    qtbot.wait(500)
    assert not window.second_answer.isVisible()


@pytest.fixture
def no_mnist(monkeypatch, tmp_path):
    """No MNIST on this computer: no chosen file, nothing in Keras' cache."""
    monkeypatch.delenv("DIGITPAD_MNIST", raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    return tmp_path / "keras" / "datasets" / "mnist.npz"


def test_without_mnist_train_says_so_first_and_offers_a_local_file_or_one_download(ready_window, no_mnist, qtbot,
                                                                                     mnist_path, monkeypatch, capfd):
    import shutil

    from digitpad.app.train import mnist_source

    window = ready_window()
    panel = window.train_panel
    window.tabs.setCurrentWidget(panel)
    panel.train_button.click()
    box = panel.mnist_source
    assert box.isVisible() and panel.task is None  # nothing started, nothing failed
    sentence = box.message.text()
    assert sentence.startswith("Training needs MNIST") and "mnist.npz" in sentence and "download it once" in sentence
    assert sentence.endswith("MB).") and ".." not in sentence and "http" not in sentence  # one plain sentence
    assert box.width() <= panel.viewport().width()  # the box does not widen the panel

    def fake_download(path, report=None, cancelled=None, timeout=30.0):  # the network, without the network
        report(5_000_000, 11_490_434)
        path.parent.mkdir(parents=True)
        shutil.copyfile(mnist_path, path)

    monkeypatch.setattr(mnist_source, "download_mnist", fake_download)
    with qtbot.waitSignal(box.downloaded, timeout=30_000):
        box.download_button.click()
    assert no_mnist.exists() and not box.isVisible()
    assert "press Train" in window.statusBar().currentMessage()
    out, err = capfd.readouterr()
    assert "Downloading" not in out + err  # nothing goes to the terminal


def test_a_failed_download_says_why_in_the_box(ready_window, no_mnist, qtbot, monkeypatch):
    from digitpad.app.train import mnist_source

    def offline(path, report=None, cancelled=None, timeout=30.0):
        raise OSError("no network")

    monkeypatch.setattr(mnist_source, "download_mnist", offline)
    window = ready_window()
    panel = window.train_panel
    window.tabs.setCurrentWidget(panel)
    panel.train_button.click()
    with qtbot.waitSignal(panel.mnist_source.start_download().finished, timeout=30_000):
        pass
    assert "could not be downloaded (no network)" in panel.mnist_source.message.text()
    assert panel.mnist_source.isVisible() and not no_mnist.exists()


def test_every_train_setting_survives_a_restart(qtbot, tmp_path, settings_file, mnist_path):
    from PySide6.QtCore import QSettings

    from digitpad.app.window.automation import shown_window

    first = shown_window(settings_file, tmp_path / "data", (1300, 800))
    qtbot.addWidget(first)
    chosen = first.train_panel.settings
    chosen.apply_recipe("seed")
    chosen.mnist_path.setText(str(mnist_path))
    chosen.strokes_path.setText(str(tmp_path / "strokes.jsonl"))
    chosen.mnist_limit_spin.setValue(3000)
    chosen.epochs_spin.setValue(3)
    chosen.optimizer_combo.setCurrentIndex(chosen.optimizer_combo.findData("sgd"))
    chosen.learning_rate.setValue(0.0025)
    chosen.augment_check.setChecked(True)
    chosen.watch_check.setChecked(False)
    chosen.seed_spin.setValue(7)
    first.close()

    again = shown_window(settings_file, tmp_path / "data", (1300, 800))
    qtbot.addWidget(again)
    kept = again.train_panel.settings
    assert kept.recipe_combo.currentData() == "seed"
    assert kept.mnist_path.text() == str(mnist_path) and kept.strokes_path.text() == str(tmp_path / "strokes.jsonl")
    assert kept.strokes_check.isChecked() and kept.mnist_limit_spin.value() == 3000
    assert (kept.epochs_spin.value(), kept.optimizer_combo.currentText()) == (3, "SGD")
    assert kept.config().optimizer == "sgd"
    assert kept.learning_rate.value() == 0.0025
    assert kept.augment_check.isChecked() and not kept.watch_check.isChecked() and kept.seed_spin.value() == 7
    assert QSettings(str(settings_file), QSettings.Format.IniFormat).value("train/epochs") is not None
    qtbot.waitUntil(lambda: "MNIST 3,000 of 60,000" in kept.counts_label.text(), timeout=30_000)
    assert "download" not in kept.counts_label.text()


def test_the_chart_has_distinct_series_round_ticks_and_whole_one_epoch_points(qtbot):
    from PySide6.QtCharts import QScatterSeries

    from digitpad.app.train.views import LearningCurves, nice_step

    chart = LearningCurves()
    qtbot.addWidget(chart)
    chart.resize(460, 300)
    chart.show()
    colours = {line.pen().color().name() for line in chart.series.values()}
    assert len(colours) == 4 and all(colour in chart.key.text() for colour in colours)  # the key, in their colours
    # The key wraps under the chart rather than cut the names ("trai…" in a 1024-pixel window).
    assert chart.key.wordWrap() and all(line.name() in chart.key.text() for line in chart.series.values())
    chart.reset(1)
    for key, value in (("loss", 0.63), ("accuracy", 0.81), ("val_loss", 0.41), ("val_accuracy", 0.88)):
        chart.add(key, 1.0 if key.startswith("val") else 0.5, value)
    for axis in (chart.axis_x, chart.axis_loss, chart.axis_accuracy):
        step = axis.tickInterval()
        assert step == nice_step(step) and abs(axis.tickAnchor() / step - round(axis.tickAnchor() / step)) < 1e-9
    assert chart.axis_x.max() > 1.0  # the epoch's validation point is a whole dot inside the plot
    square = QScatterSeries.MarkerShape.MarkerShapeRectangle  # validation's mark in the Runs chart too
    assert all(dots.markerShape() == square and dots.count() == 1 for dots in chart.dots.values())
    point = chart.chart().mapToPosition(chart.series["val_loss"].at(0), chart.series["val_loss"])
    assert point.x() + 5 <= chart.chart().plotArea().right()
    assert (nice_step(0.127), nice_step(0.033), nice_step(3)) == (0.2, 0.05, 5)


def test_help_about_is_a_dialog_with_version_licence_and_link(window):
    import digitpad

    window.about_action.trigger()
    dialog = window.about_dialog
    assert dialog.isVisible() and not window.banner.isVisible()
    text = dialog.text.text()
    assert digitpad.__version__ in text and "MIT" in text and "<a href=" in text
    from PySide6.QtCore import QUrl

    from digitpad.app.window.about import project_link

    link = QUrl(project_link())
    # CI installs with pip install . (not editable): there this is the README inside the installed package.
    assert not link.isLocalFile() or Path(link.toLocalFile()).is_file()
    dialog.accept()


def test_version_option_prints_the_version():
    import subprocess
    import sys

    import digitpad

    result = subprocess.run([sys.executable, "-m", "digitpad", "--version"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == f"digitpad {digitpad.__version__}"


def test_page_down_keeps_the_place_in_the_image(window, qtbot):
    from PySide6.QtCore import Qt

    from digitpad.model.network.places import centre_in_image

    draw(window.canvas, seven())
    window.tabs.setCurrentWidget(window.feature_maps)
    qtbot.wait(20)
    view = window.feature_maps.row("conv1").view
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.pixel_centre(4, 14, 13).toPoint())
    assert (window.explain.step.layer, window.explain.step.at, window.explain.step.channel) == ("conv1", (14, 13), 4)
    explanation = window.feature_maps.explanation
    qtbot.keyClick(explanation, Qt.Key.Key_PageDown)
    step = window.explain.step
    assert (step.layer, step.at, step.channel) == ("pool1", (7, 6), 4)  # the pool cell that covers it, same map
    qtbot.keyClick(explanation, Qt.Key.Key_PageDown)
    step = window.explain.step
    net = window.predictor.net
    assert step.layer == "conv2"
    here, there = centre_in_image(net, 0, (14, 13)), centre_in_image(net, 2, step.at)
    assert abs(here[0] - there[0]) <= 1 and abs(here[1] - there[1]) <= 1
    qtbot.keyClick(explanation, Qt.Key.Key_PageUp)
    assert window.explain.step.layer == "pool1" and window.explain.step.at in {(7, 6), (6, 6), (7, 5), (6, 5)}


def test_one_format_for_probabilities_and_never_100_percent_below_1(qtbot):
    from digitpad.app.common.formats import keep_numbers_with_words, probability_percent
    from digitpad.app.pad.prediction_view import _bar_value

    assert [probability_percent(p) for p in (0.995, 0.99951, 0.9999999, 0.5, 0.0004, 0.0)] == [
        "99.5", ">99.9", ">99.9", "50.0", "<0.1", "0.0"]
    assert _bar_value(100.0) == ">99" and _bar_value(97.0) == "97"
    assert keep_numbers_with_words("3 digits; #2 is a 7, 99.5% sure") == \
        "3 digits;\u00a0#2 is a\u00a07,\u00a099.5% sure"


def test_the_caption_never_claims_100_percent(window):
    import numpy as np

    from digitpad.model.network.inference import Prediction

    sure = np.full(10, 1e-8, np.float32)
    sure[7] = 1.0 - 9e-8
    window.answer.show_reading(window.reading.__class__(Prediction(7, sure, None, np.zeros((28, 28)))))
    caption = window.answer.caption.text()
    assert "100" not in caption and caption.startswith(">99.9%")


def test_placeholders_and_recipes_are_not_cut_at_1366_by_768(ready_window, qtbot):
    window = ready_window(size=(1366, 700))
    panel = window.train_panel
    window.tabs.setCurrentWidget(panel)
    qtbot.wait(50)
    for field in (panel.settings.mnist_path, panel.settings.strokes_path):
        room = field.width() - 12  # the frame and the text margins
        assert field.fontMetrics().horizontalAdvance(field.placeholderText()) <= room, field.placeholderText()
    combo = panel.settings.recipe_combo
    widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.view().minimumWidth() >= widest and combo.toolTip() == combo.currentText()


def test_the_softmax_table_fills_its_width_after_a_live_language_switch(window, qtbot):
    draw(window.canvas, seven())
    window.explain_action.trigger()
    table = window.feature_maps.explanation.output_table
    qtbot.waitUntil(table.isVisible)

    def filled() -> bool:
        header = table.horizontalHeader()
        return abs(sum(header.sectionSize(i) for i in range(table.columnCount())) - table.viewport().width()) <= 2

    assert filled()
    window.set_language("ko")
    qtbot.wait(50)
    assert filled()
    window.set_language("en")
    qtbot.wait(50)
    assert filled()


def test_korean_file_dialogs_have_no_english_labels(window, qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel

    window.set_language("ko")
    dialog = QFileDialog(window, "MNIST", str(window.data_dir), "MNIST (*.npz)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own dialog, as under Xvfb
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "찾는 위치(&L):" in labels and "파일 형식(&T):" in labels and "파일 이름(&N):" in labels
    assert not any(text.isascii() and any(c.isalpha() for c in text) for text in labels), labels
    window.set_language("en")
    english = QFileDialog(window, "MNIST", str(window.data_dir), "MNIST (*.npz)")
    english.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(english)
    assert "&Look in:" in [label.text() for label in english.findChildren(QLabel)]


def test_the_clicked_unit_is_marked_on_the_enlarged_map_and_the_frame_is_whole(window, qtbot):
    from PySide6.QtCore import Qt

    from digitpad.app.network.mosaic import SELECTED

    draw(window.canvas, seven())
    window.tabs.setCurrentWidget(window.feature_maps)
    qtbot.wait(20)
    view = window.feature_maps.row("conv1").view
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.pixel_centre(0, 14, 13).toPoint())
    detail = window.feature_maps.detail.map_view
    assert detail.unit == (14, 13)
    shot = detail.grab().toImage()
    scale = min(detail.width(), detail.height()) / 26
    edge = shot.pixelColor(int(13 * scale + scale / 2), int(14 * scale - 1))  # the mark's top edge
    assert near(edge, SELECTED)

    mosaic = view.grab().toImage()  # map 0 is the top-left one: its frame's top and left edges are drawn
    middle = view.pixel_centre(0, 13, 13).toPoint()
    assert any(near(mosaic.pixelColor(x, middle.y()), SELECTED) for x in (0, 1, 2))
    assert any(near(mosaic.pixelColor(middle.x(), y), SELECTED) for y in (0, 1, 2))


def near(colour, expected) -> bool:
    return sum(abs(a - b) for a, b in zip(colour.getRgb()[:3], expected.getRgb()[:3])) < 60


def test_the_clicked_map_and_its_explanation_are_in_view_together(ready_window, qtbot):
    from PySide6.QtCore import Qt

    window = ready_window(size=(1366, 740))
    draw(window.canvas, seven())
    window.tabs.setCurrentWidget(window.feature_maps)
    qtbot.wait(20)
    panel = window.feature_maps
    for layer, channel, at in (("conv2", 5, (3, 4)), ("conv1", 4, (14, 13)), ("pool2", 7, (2, 2))):
        panel.verticalScrollBar().setValue(panel.verticalScrollBar().maximum() if layer == "pool2" else 0)
        qtbot.wait(10)
        view = panel.row(layer).view
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.pixel_centre(channel, *at).toPoint())
        qtbot.waitUntil(lambda: panel.pane.isVisible())
        qtbot.wait(10)
        assert view.visibleRegion().contains(view.pixel_centre(channel, *at).toPoint()), layer  # still in view
        explanation = panel.explanation
        assert explanation.isVisible() and not explanation.visibleRegion().isEmpty()
        title = explanation.title.mapTo(window, explanation.title.rect().center())
        assert window.rect().contains(title) and panel.pane.geometry().top() >= panel.viewport().geometry().bottom()
    qtbot.keyClick(panel.explanation, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel.explanation.isVisible())
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # the output, from the keyboard
    qtbot.waitUntil(lambda: panel.explanation.isVisible())
    output = panel.row("probabilities").view
    winner = output.cell_centre(window.prediction.label)
    assert output.visibleRegion().contains(winner.toPoint())  # its unit in view above its explanation


def test_a_dense_input_says_where_it_comes_from_and_the_output_shows_its_logit(window, qtbot):
    import numpy as np

    draw(window.canvas, seven())
    window.explain.explain("dense", None, 3)
    view = window.feature_maps.explanation
    texts = [text for _, text, _ in view.dense_bars.items]
    index = int(texts[0].split()[1])
    row, column, channel = np.unravel_index(index, (3, 3, 64))
    assert texts[0].startswith(f"input {index} = conv3 map {channel} ({row}, {column}):")
    assert "a cell of conv3's maps: map (row, column)" in view.dense_caption.text()
    window.explain.explain("probabilities", None, 7)
    logit = window.explain.step.logits[7]
    text = view.output_logit.text()
    assert "64 inputs" in text and f"{logit:.4f}".replace("-", "−") in text and "bias" in text


def test_the_pool_card_puts_its_words_beside_the_map(window, qtbot):
    draw(window.canvas, seven())
    window.tabs.setCurrentWidget(window.feature_maps)
    window.feature_maps.select(1, 4)
    qtbot.wait(10)
    detail = window.feature_maps.detail
    assert not detail.kernel_view.isVisible() and "Pooling has no weights" in detail.kernel_title.text()
    title, picture = detail.kernel_title.geometry(), detail.map_view.geometry()
    assert title.left() >= picture.right() and picture.top() <= title.center().y() <= picture.bottom()
    window.feature_maps.select(2, 4)
    qtbot.wait(10)
    assert detail.kernel_view.isVisible()


def test_an_offline_download_says_so_in_words_and_a_download_can_be_cancelled(ready_window, no_mnist, qtbot,
                                                                               monkeypatch, capfd):
    import socket
    import time
    import urllib.error

    from digitpad.app.train import mnist_source

    def offline(path, report=None, cancelled=None, timeout=30.0):
        raise urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))

    monkeypatch.setattr(mnist_source, "download_mnist", offline)
    box = ready_window().train_panel.mnist_source
    with qtbot.waitSignal(box.start_download().finished, timeout=30_000):
        pass
    assert "not connected to the internet" in box.message.text() and "Errno" not in box.message.text()

    def slow(path, report=None, cancelled=None, timeout=30.0):
        while not cancelled():
            report(1000, 11_490_434)
            time.sleep(0.01)
        raise mnist_source.DownloadCancelled("cancelled")

    monkeypatch.setattr(mnist_source, "download_mnist", slow)
    task = box.start_download()
    qtbot.waitUntil(lambda: box.progress.value() == 1000, timeout=10_000)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        box.cancel_button.click()
    assert not no_mnist.exists() and box.download_button.isEnabled()
    assert "Traceback" not in capfd.readouterr().err


def test_tab_moves_past_the_train_tabs_tables_to_the_train_button_and_the_runs(window, qtbot):
    """Tab went from cell to cell of the network's summary table for ever: Train could not be reached
    from the keyboard."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    panel = window.train_panel
    window.tabs.setCurrentWidget(panel)
    window.activateWindow()
    panel.settings.network_editor.summary_table.setFocus()
    reached = set()
    for _ in range(80):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    assert panel.train_button in reached and panel.runs_view.table in reached


def test_file_dialogs_open_where_that_kind_of_file_was_last_chosen_also_after_a_restart(qtbot, tmp_path,
                                                                                       settings_file, monkeypatch):
    """Every dialog started in the home folder: ten drawings saved into one folder meant going there ten times."""
    from PySide6.QtWidgets import QFileDialog

    from digitpad.app.window.automation import shown_window

    drawings, models = tmp_path / "my drawings", tmp_path / "my models"
    drawings.mkdir()
    models.mkdir()
    started_in: list[str] = []

    def dialog(answer: str):
        def ask(parent, title, folder, filters):
            started_in.append(folder)
            return answer, ""
        return ask

    first = shown_window(settings_file, tmp_path / "data", (1300, 800))
    qtbot.addWidget(first)
    draw(first.canvas, seven())
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog(str(drawings / "a seven.png")))
    first.files.save_dialog()
    first.files.save_dialog()
    assert started_in == [str(Path.home() / "digit.png"), str(drawings / "digit.png")]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog(str(models / "none.keras")))
    first.load_model_dialog()  # another kind of file: its own folder
    assert started_in[-1] == str(Path.home())
    first.close()

    again = shown_window(settings_file, tmp_path / "data", (1300, 800))
    qtbot.addWidget(again)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog(""))  # cancelled: remembers nothing
    again.files.open_dialog()
    again.load_model_dialog()
    assert started_in[-2:] == [str(drawings), str(models)]
    models.rmdir()
    again.load_model_dialog()  # a folder since deleted: home again
    assert started_in[-1] == str(Path.home())


def test_a_label_pressed_by_mistake_is_replaced_by_another_or_taken_back(window):
    """'No, it's 3' pressed twice kept the drawing twice, and a wrong label could not be taken back."""
    draw(window.canvas, seven())
    buttons = window.correction.digit_buttons

    def kept_labels() -> list[int]:
        return [record.label for record in window.session.my_drawings.load()[0]]
    buttons[3].click()
    buttons[3].click()  # pressed again: taken back
    assert kept_labels() == [] and not buttons[3].isChecked()
    assert window.statusBar().currentMessage() == "Taken back: the drawing is no longer in my drawings"
    buttons[3].click()
    buttons[7].click()  # the right label replaces the mistaken one
    assert kept_labels() == [7] and not buttons[3].isChecked()
    assert "Kept as a 7 instead of a 3" in window.statusBar().currentMessage()
    assert window.correction.confirm_button.isChecked() and not buttons[7].isChecked()  # 7 is the answer
    window.correction.confirm_button.click()
    assert kept_labels() == [] and not window.correction.confirm_button.isChecked()
    window.correction.confirm_button.click()
    draw(window.canvas, [[(40, 250), (60, 250)]])  # the drawing changes: nothing on screen is kept
    assert not any(button.isChecked() for button in buttons) and kept_labels() == [7]
    window.clear()
    draw(window.canvas, [[(60, 200), (110, 60), (150, 210), (190, 70), (230, 200)], [(70, 120), (220, 140)]])
    scribble_read_as = window.prediction.label  # no digit stands out: ✓ Right is disabled
    assert not window.correction.confirm_button.isEnabled()
    buttons[scribble_read_as].click()  # labelled with its likeliest digit: that button, not ✓ Right, shows it
    assert buttons[scribble_read_as].isChecked() and not window.correction.confirm_button.isChecked()


def test_a_forms_label_gives_its_fields_tooltip(window):
    """'Copies' (now 'Stroke copies') said nothing when hovered; only its box had the tooltip."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    settings = window.train_panel.settings
    label = settings._row_labels[settings.copies_spin]
    assert label.text() == "Stroke copies" and label.toolTip() == ""
    QApplication.sendEvent(label, QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), label.mapToGlobal(QPoint(2, 2))))
    assert QToolTip.text() == settings.copies_spin.toolTip() != ""
    QToolTip.hideText()


def test_the_tab_and_the_why_method_chosen_come_back_after_a_restart(qtbot, tmp_path, settings_file):
    from digitpad.app.window.automation import shown_window

    first = shown_window(settings_file, tmp_path / "data", (1300, 800))
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.modelReady, timeout=120_000):
        first.start_loading_model()
    combo = first.answer.why_target
    first.answer.why_button.setChecked(True)
    index = combo.findData("classmap:conv3") if combo.findData("classmap:conv3") >= 0 else combo.count() - 1
    chosen = combo.itemData(index)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as a person picks it
    first.tabs.setCurrentWidget(first.train_panel)
    first.close()

    again = shown_window(settings_file, tmp_path / "data", (1300, 800))
    qtbot.addWidget(again)
    assert again.tabs.currentWidget() is again.train_panel
    with qtbot.waitSignal(again.modelReady, timeout=120_000):
        again.start_loading_model()  # a class map is offered once the model's layers are known
    assert again.answer.why_target.currentData() == chosen and chosen.startswith("classmap:")


@pytest.mark.parametrize("window_size, kept_on, available, resize", [
    ((1346, 708), (1366, 740), (1024, 576), True),   # it filled a laptop's screen: too big for a 1024×600 one
    ((1014, 540), (1024, 576), (1366, 740), True),   # it filled a small screen: the first size on a larger one
    ((700, 500), (1366, 740), (1920, 1050), False),  # a small window made on purpose stays small
    ((1346, 708), (1366, 740), (1366, 740), False),  # the same screen: as it was kept
])
def test_a_window_kept_on_a_screen_of_another_size_starts_at_the_first_size(window_size, kept_on, available, resize):
    from PySide6.QtCore import QSize

    from digitpad.app.window.main_window import resize_for_screen

    assert resize_for_screen(QSize(*window_size), QSize(*kept_on), QSize(*available)) == resize


def test_the_open_dialog_lists_a_scanned_pdf_and_choosing_it_says_how_to_make_it_an_image(qtbot, tmp_path,
                                                                                          settings_file, monkeypatch):
    """A scanner's PDF was hidden by the dialog's filter: its message was reached only by typing the name."""
    from PySide6.QtWidgets import QFileDialog

    from digitpad.app.window.automation import shown_window

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    asked: list[str] = []

    def ask(parent, title, folder, filters):
        asked.append(filters)
        return str(scan), ""

    window = shown_window(settings_file, tmp_path / "data", (1300, 800))
    qtbot.addWidget(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", ask)
    window.files.open_dialog()
    assert "*.pdf" in asked[0].split(";;")[0]  # in the first filter, the one the dialog starts with
    qtbot.waitUntil(lambda: "scan.pdf" in window.banner.text(), timeout=10_000)
    assert window.banner.text() == ("Could not open scan.pdf: a PDF, not an image; save the scanned page as PNG "
                                    "or JPEG")
