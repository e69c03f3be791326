"""The Train panel, offscreen: train from the window, cancel, fail, use and save the model, my drawings."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QProgressBar, QPushButton, QSpinBox, QWidget

from drawings import circle, seven
from digitpad.model.inference import Predictor
from digitpad.model.training import TrainProgress
from digitpad.app.automation import draw


@pytest.fixture
def window(ready_window, mnist_path):
    window = ready_window()
    panel = window.train_panel
    panel.mnist_path.setText(str(mnist_path))
    panel.mnist_limit_spin.setValue(3000)
    panel.findChild(QSpinBox, "epochsSpin").setValue(1)
    window.tabs.setCurrentWidget(panel)
    return window


def test_contract_widgets(window):
    panel = window.findChild(QWidget, "trainPanel")
    assert panel is window.train_panel
    for name in ("trainButton", "cancelButton", "epochsSpin", "batchSizeSpin", "optimizerCombo", "learningRate",
                 "deviceCombo", "trainProgress", "lossChart", "testAccuracyLabel", "useModelButton"):
        assert panel.findChild(QWidget, name) is not None, name


def test_device_list_says_there_is_no_gpu_and_offers_the_cpu(window):
    combo = window.train_panel.findChild(QComboBox, "deviceCombo")
    assert combo.findData("/CPU:0") >= 0
    assert "No GPU" in window.train_panel.device_label.text()


def test_seed_recipe_is_one_click_away(window):
    panel = window.train_panel
    panel.apply_recipe("seed")
    config = panel.config()
    assert (config.optimizer, config.batch_size, config.epochs, config.learning_rate) == ("rmsprop", 64, 5, 0.001)


def test_train_one_epoch_watch_it_and_use_the_model(window, qtbot):
    panel = window.train_panel
    draw(window.canvas, seven())
    before = window.prediction.probabilities.copy()
    old_predictor = window.predictor
    progress_seen = []
    with qtbot.waitSignal(panel.trainingFinished, timeout=300_000):
        panel.findChild(QPushButton, "trainButton").click()
        panel.task.progress.connect(lambda p: progress_seen.append(p))
    assert any(isinstance(p, TrainProgress) and not p.epoch_end for p in progress_seen)
    assert panel.curves.point_count("loss") >= 2 and panel.curves.point_count("val_accuracy") == 1
    assert panel.findChild(QProgressBar, "trainProgress").value() == 1000
    assert "Test accuracy" in panel.findChild(QLabel, "testAccuracyLabel").text()
    assert panel.confusion.matrix.sum() == 10_000
    assert panel.gallery.count() > 0
    assert window.predictor is old_predictor  # nothing changes until the person says so
    use = panel.findChild(QPushButton, "useModelButton")
    with qtbot.waitSignal(window.modelReady, timeout=60_000):
        use.click()
    assert window.predictor is not old_predictor
    assert not np.allclose(window.prediction.probabilities, before)
    assert "trained" in window.model_name()


def test_confusion_cell_click_shows_those_images(window, qtbot):
    panel = window.train_panel
    with qtbot.waitSignal(panel.trainingFinished, timeout=300_000):
        panel.start_training()
    matrix = panel.confusion.matrix
    qtbot.mouseClick(panel.confusion, Qt.MouseButton.LeftButton, pos=panel.confusion.cell_centre(3, 3).toPoint())
    assert panel.gallery.count() == min(300, matrix[3, 3])
    assert "of 3 read as 3" in panel.gallery_label.text()


def test_cancel_keeps_the_model_in_use(window, qtbot, tmp_path):
    panel = window.train_panel
    panel.findChild(QSpinBox, "epochsSpin").setValue(20)
    old = window.predictor
    panel.start_training()
    qtbot.waitUntil(lambda: panel.curves.point_count("loss") > 0, timeout=120_000)
    with qtbot.waitSignal(panel.task.finished, timeout=60_000):
        panel.findChild(QPushButton, "cancelButton").click()
    assert "Cancelled" in panel.phase_label.text()
    assert window.predictor is old and panel.outcome is None
    assert not panel.findChild(QPushButton, "useModelButton").isEnabled()
    assert panel.findChild(QPushButton, "trainButton").isEnabled()


def test_missing_data_file_shows_an_error(window, qtbot, tmp_path):
    panel = window.train_panel
    panel.mnist_path.setText(str(tmp_path / "nowhere.npz"))
    panel.start_training()
    qtbot.waitUntil(lambda: "Training failed" in panel.phase_label.text(), timeout=60_000)
    assert "nowhere.npz: no such file" in panel.phase_label.text()
    assert panel.findChild(QPushButton, "trainButton").isEnabled()


def test_save_writes_a_model_that_loads(window, qtbot, tmp_path):
    panel = window.train_panel
    with qtbot.waitSignal(panel.trainingFinished, timeout=300_000):
        panel.start_training()
    task = panel.save_model(str(tmp_path / "mine.keras"))
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert Predictor.load(tmp_path / "mine.keras").parameter_count == 93_322
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".keras") == ["mine.keras"]


def test_correct_a_prediction_into_my_drawings_and_fine_tune(window, qtbot):
    panel = window.train_panel
    for strokes, digit in [(seven(), 7), (circle(), 0), (seven(offset=(20, 0)), 1)]:
        window.clear()
        draw(window.canvas, strokes)
        window.findChild(QPushButton, f"correct{digit}").click()
    assert panel.personal.count() == 3 and "3 drawings" in panel.personal_count.text()
    panel.mnist_check.setChecked(False)
    panel.personal_check.setChecked(True)
    panel.finetune_check.setChecked(True)
    with qtbot.waitSignal(panel.trainingFinished, timeout=300_000):
        panel.start_training()
    assert panel.outcome.counts == {"my drawings": 3}


def test_a_full_disk_refuses_the_correction_and_keeps_the_drawing(window, monkeypatch):
    """The write stops half-way, as on a full disk: a message, the drawing still on the canvas, nothing kept."""
    from digitpad.model import my_drawings

    panel = window.train_panel
    draw(window.canvas, seven())
    window.findChild(QPushButton, "correct7").click()
    real_write = my_drawings.os.write

    def half_write(descriptor, data):
        if os.fstat(descriptor).st_ino != panel.personal.path.stat().st_ino:
            return real_write(descriptor, data)
        return real_write(descriptor, data[: len(data) // 2])

    monkeypatch.setattr(my_drawings.os, "write", half_write)
    window.findChild(QPushButton, "correct1").click()
    assert window.banner.isVisible() and "Could not keep the drawing: No space left on device; the file is unchanged" in window.banner.text()
    assert not window.canvas.is_empty()
    records, warnings = panel.personal.load()
    assert [r.label for r in records] == [7] and warnings == []


def test_panel_says_how_many_samples_each_source_holds(window, qtbot, pen_strokes_path):
    panel = window.train_panel
    panel.strokes_path.setText(str(pen_strokes_path))
    panel.refresh_data_counts()
    qtbot.waitUntil(lambda: "7,494 drawings" in panel.counts_label.text(), timeout=30_000)
    assert "MNIST 3,000 of 60,000 training + 10,000 test images" in panel.counts_label.text()  # the fixture's limit
    assert "internet" not in panel.counts_label.text()  # a local file
    panel.mnist_limit_spin.setValue(0)
    qtbot.waitUntil(lambda: "MNIST 60,000 training + 10,000 test images" in panel.counts_label.text(), timeout=30_000)
    panel.mnist_path.setText("/nowhere/mnist.npz")
    panel.refresh_data_counts()
    qtbot.waitUntil(lambda: "no such file" in panel.counts_label.text(), timeout=30_000)


def test_panel_says_when_mnist_would_need_the_internet(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("DIGITPAD_MNIST", raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))  # nothing downloaded yet
    panel = window.train_panel
    panel.mnist_path.setText("")
    panel.refresh_data_counts()
    qtbot.waitUntil(lambda: "internet" in panel.counts_label.text(), timeout=30_000)
    assert "Choose… a local mnist.npz" in panel.counts_label.text()


def test_the_mouse_wheel_scrolls_the_panel_instead_of_changing_settings(window, qtbot):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    panel = window.train_panel
    window.tabs.setCurrentWidget(panel)
    window.resize(1300, 600)  # the panel scrolls
    qtbot.wait(50)
    epochs = panel.epochs_spin.value()
    before = panel.verticalScrollBar().value()
    centre = QPointF(panel.epochs_spin.rect().center())
    down = QWheelEvent(centre, QPointF(panel.epochs_spin.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120),
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(panel.epochs_spin, down)
    assert panel.epochs_spin.value() == epochs  # not 1 less because the pointer passed over it
    assert panel.verticalScrollBar().value() > before
    up = QWheelEvent(centre, QPointF(panel.epochs_spin.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    window.activateWindow()
    panel.epochs_spin.setFocus()
    qtbot.waitUntil(panel.epochs_spin.hasFocus)
    QApplication.sendEvent(panel.epochs_spin, up)
    assert panel.epochs_spin.value() == epochs + 1  # the field being edited still takes the wheel
