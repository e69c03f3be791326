"""The Train panel, offscreen: train from the window, cancel, fail, use and save the model, my drawings."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QProgressBar, QPushButton, QSpinBox, QWidget

from digitpad.app.window.automation import draw
from digitpad.model.network.inference import Predictor
from digitpad.model.training.recipes import TrainProgress
from drawings import assert_opens_in_plain_keras, circle, seven


@pytest.fixture
def window(ready_window, mnist_path):
    window = ready_window()
    panel = window.train_panel
    panel.settings.mnist_path.setText(str(mnist_path))
    panel.settings.mnist_limit_spin.setValue(3000)
    panel.findChild(QSpinBox, "epochsSpin").setValue(1)
    window.tabs.setCurrentWidget(panel)
    return window


def test_contract_widgets(window):
    panel = window.findChild(QWidget, "trainPanel")
    assert panel is window.train_panel
    for name in ("trainButton", "cancelButton", "epochsSpin", "batchSizeSpin", "optimizerCombo", "learningRate",
                 "deviceCombo", "trainProgress", "lossChart", "testAccuracyLabel", "useModelButton"):
        assert panel.findChild(QWidget, name) is not None, name
    # TensorBoard's logs are of the next training: asked under Train, not among the runs' filters
    tensorboard = panel.findChild(QWidget, "tensorboardCheck")
    assert panel.progress_box.isAncestorOf(tensorboard) and not panel.runs_box.isAncestorOf(tensorboard)


def test_device_list_offers_what_tensorflow_sees(window, qtbot):
    """TensorFlow's process lists its devices: the CPU always, and the first GPU chosen where there is one."""
    from digitpad.model.training.devices import pick_device

    combo = window.train_panel.findChild(QComboBox, "deviceCombo")
    qtbot.waitUntil(lambda: combo.findData("/CPU:0") >= 0, timeout=120_000)
    expected = "No GPU" if pick_device() == "/CPU:0" else "the first GPU by default"
    assert expected in window.train_panel.settings.device_label.text()


def test_seed_recipe_is_one_click_away(window):
    panel = window.train_panel
    panel.settings.apply_recipe("seed")
    config = panel.settings.config()
    assert (config.optimizer, config.batch_size, config.epochs, config.learning_rate) == ("rmsprop", 64, 5, 0.001)
    panel.settings.epochs_spin.setValue(2)
    assert panel.settings.request(None).recipe == "seed"  # the run is named after the recipe chosen


def test_train_one_epoch_watch_it_and_use_the_model(window, qtbot, ready_window):
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
    # It is the run just kept: the title and the Runs table say so (they named a copy "trained 14:05 (…)").
    runs = panel.runs_view
    qtbot.waitUntil(lambda: any(run.id == panel.outcome.run_id for run in runs.model.runs), timeout=30_000)
    run = next(run for run in runs.model.runs if run.id == panel.outcome.run_id)
    from digitpad.app.train.runs_view import run_title

    assert window.windowTitle() == f"{run_title(run)} — DigitPad" and window.models.model_name() == run_title(run)
    assert runs.model.data(runs.model.index(runs.model.run_index(run.id), 0)).startswith("▶ ")
    window.close()
    again = ready_window()  # the same settings and data: after a restart it is still that run, not "trained-….keras"
    qtbot.waitUntil(lambda: again.windowTitle() == f"{run_title(run)} — DigitPad", timeout=30_000)


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


@pytest.mark.parametrize("problem, contents, said", [
    ("missing", None, "nowhere.npz: no such file"),
    ("not MNIST", b"not a zip archive", "not a readable MNIST .npz (an .npz is a zip archive"),
])
def test_mnist_that_cannot_be_read_is_said_before_training_starts(window, qtbot, tmp_path, problem, contents, said):
    """A file that is not MNIST started TensorFlow, failed with numpy's advice to load pickles "unsafely", and left
    a failed run in the Runs table."""
    panel = window.train_panel
    path = tmp_path / "nowhere.npz"
    if contents is not None:
        path.write_bytes(contents)
    panel.settings.mnist_path.setText(str(path))
    panel.start_training()
    assert panel.task is None and said in panel.phase_label.text() and "Cannot train" in panel.phase_label.text()
    assert "pickle" not in panel.phase_label.text() and panel.findChild(QPushButton, "trainButton").isEnabled()


def test_save_writes_a_model_that_loads(window, qtbot, tmp_path):
    panel = window.train_panel
    with qtbot.waitSignal(panel.trainingFinished, timeout=300_000):
        panel.start_training()
    task = panel.save_model(str(tmp_path / "mine.keras"))
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert Predictor.load(tmp_path / "mine.keras").parameter_count == 93_322
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".keras") == ["mine.keras"]
    assert_opens_in_plain_keras(tmp_path / "mine.keras")
    done = panel.phase_label.text()
    (tmp_path / "a folder.keras").mkdir()
    for target, reason in ((tmp_path / "no" / "m.keras", "no such folder"),
                           (tmp_path / "a folder.keras", "Is a directory")):
        task = panel.save_model(str(target))  # a save that fails is not a training that failed
        with qtbot.waitSignal(task.finished, timeout=60_000):
            pass
        assert window.banner.isVisible() and window.banner.text().startswith("Could not save the model: ")
        assert reason in window.banner.text() and ".partial" not in window.banner.text()
        assert panel.phase_label.text() == done and "Failed" not in panel.progress.format()


def test_correct_a_prediction_into_my_drawings_and_fine_tune(window, qtbot):
    panel = window.train_panel
    for strokes, digit in [(seven(), 7), (circle(), 0), (seven(offset=(20, 0)), 1)]:
        window.clear()
        draw(window.canvas, strokes)
        window.findChild(QPushButton, f"correct{digit}").click()
    assert window.session.my_drawings.count() == 3 and "3 drawings" in panel.settings.my_drawings_count.text()
    panel.settings.mnist_check.setChecked(False)
    panel.settings.my_drawings_check.setChecked(True)
    panel.settings.finetune_check.setChecked(True)
    with qtbot.waitSignal(panel.trainingFinished, timeout=300_000):
        panel.start_training()
    assert panel.outcome.counts == {"my drawings": 3}


def test_a_full_disk_refuses_the_correction_and_keeps_the_drawing(window, monkeypatch):
    """The write stops half-way, as on a full disk: a message, the drawing still on the canvas, nothing kept."""
    from digitpad.model.files import my_drawings

    draw(window.canvas, seven())
    window.findChild(QPushButton, "correct7").click()
    real_write = my_drawings.os.write

    def half_write(descriptor, data):
        if os.fstat(descriptor).st_ino != window.session.my_drawings.path.stat().st_ino:
            return real_write(descriptor, data)
        return real_write(descriptor, data[: len(data) // 2])

    monkeypatch.setattr(my_drawings.os, "write", half_write)
    window.findChild(QPushButton, "correct1").click()
    assert window.banner.isVisible()
    assert "Could not keep the drawing: No space left on device; the file is unchanged" in window.banner.text()
    assert not window.canvas.is_empty()
    records, warnings = window.session.my_drawings.load()
    assert [r.label for r in records] == [7] and warnings == []


def test_panel_says_how_many_samples_each_source_holds(window, qtbot, pen_strokes_path):
    panel = window.train_panel
    panel.settings.strokes_path.setText(str(pen_strokes_path))
    panel.settings.refresh_data_counts()
    qtbot.waitUntil(lambda: "7,494 drawings" in panel.settings.counts_label.text(), timeout=30_000)
    counts = panel.settings.counts_label
    assert "MNIST 3,000 of 60,000 training + 10,000 test images" in counts.text()  # the fixture's limit
    assert "internet" not in panel.settings.counts_label.text()  # a local file
    panel.settings.mnist_limit_spin.setValue(0)
    qtbot.waitUntil(lambda: "MNIST 60,000 training + 10,000 test images" in counts.text(), timeout=30_000)
    panel.settings.mnist_path.setText("/nowhere/mnist.npz")
    panel.settings.refresh_data_counts()
    qtbot.waitUntil(lambda: "no such file" in panel.settings.counts_label.text(), timeout=30_000)


def test_panel_says_when_mnist_would_need_the_internet(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("DIGITPAD_MNIST", raising=False)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))  # nothing downloaded yet
    panel = window.train_panel
    panel.settings.mnist_path.setText("")
    panel.settings.refresh_data_counts()
    qtbot.waitUntil(lambda: "not on this computer" in panel.settings.counts_label.text(), timeout=30_000)
    assert "download it once" in panel.settings.counts_label.text()
    assert "Choose… a local copy" in panel.settings.counts_label.text()


def test_the_mouse_wheel_scrolls_the_panel_instead_of_changing_settings(window, qtbot):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    panel = window.train_panel
    window.tabs.setCurrentWidget(panel)
    window.resize(1300, 600)  # the panel scrolls
    qtbot.wait(50)
    epochs = panel.settings.epochs_spin.value()
    before = panel.verticalScrollBar().value()
    epochs_spin = panel.settings.epochs_spin
    centre = QPointF(epochs_spin.rect().center())
    down = QWheelEvent(centre, QPointF(epochs_spin.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, -120),
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(panel.settings.epochs_spin, down)
    assert panel.settings.epochs_spin.value() == epochs  # not 1 less because the pointer passed over it
    assert panel.verticalScrollBar().value() > before
    up = QWheelEvent(centre, QPointF(epochs_spin.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    window.activateWindow()
    panel.settings.epochs_spin.setFocus()
    qtbot.waitUntil(panel.settings.epochs_spin.hasFocus)
    QApplication.sendEvent(panel.settings.epochs_spin, up)
    assert panel.settings.epochs_spin.value() == epochs + 1  # the field being edited still takes the wheel


def test_killing_tensorflows_process_mid_epoch_keeps_the_window_and_the_model(window, qtbot):
    """SIGKILL of whatever runs training, in the middle of an epoch: the window keeps running, says
    what happened in plain words, keeps the model in use, and trains again on the next click."""
    import signal

    panel = window.train_panel
    panel.settings.epochs_spin.setValue(5)
    draw(window.canvas, seven())
    old, shown = window.predictor, window.prediction.probabilities.copy()
    panel.start_training()
    qtbot.waitUntil(lambda: panel.curves.point_count("loss") >= 3, timeout=120_000)
    assert window.tasks.worker.pid != os.getpid()
    with qtbot.waitSignal(panel.task.finished, timeout=60_000):
        os.kill(window.tasks.worker.pid, signal.SIGKILL)
    message = panel.phase_label.text()
    assert "Training failed: TensorFlow's process ended unexpectedly (it was stopped by SIGKILL" in message
    assert "The model in use is unchanged" in message
    assert window.predictor is old and np.array_equal(window.prediction.probabilities, shown)
    assert window.isVisible() and panel.train_button.isEnabled()
    panel.settings.epochs_spin.setValue(1)
    with qtbot.waitSignal(panel.trainingFinished, timeout=300_000):
        panel.train_button.click()
    assert panel.outcome.result.test_accuracy > 0.8


WINDOW_WITHOUT_TENSORFLOW = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from digitpad.app.window.automation import draw, scratch_window, wait_until
application = QApplication([])
window = scratch_window(application)
draw(window.canvas, [[(90, 70), (200, 70), (135, 225)]])
window.answer.why_button.setChecked(True)
wait_until(application, lambda: window.session.attribution is not None, 60)
wait_until(application, lambda: window.train_panel.settings.device_combo.findData("/CPU:0") >= 0, 300)
print(json.dumps({"label": window.prediction.label, "tensorflow": "tensorflow" in sys.modules,
                  "keras": "keras" in sys.modules, "worker": window.tasks.worker.pid}))
window.close()
"""


def test_the_window_never_imports_tensorflow(tmp_path):
    """It draws, predicts, explains and lists TensorFlow's devices, with TensorFlow in another process."""
    import json
    import subprocess
    import sys

    script = tmp_path / "window.py"
    script.write_text(WINDOW_WITHOUT_TENSORFLOW)
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["label"] == 7 and not answer["tensorflow"] and not answer["keras"] and answer["worker"]


# --- the pictures of the results, alone --------------------------------------------------------------------

def dark_pixels(image, left: float, top: float, width: float, height: float) -> int:
    return sum(image.pixelColor(x, y).lightness() < 128
               for x in range(int(left), int(left + width)) for y in range(int(top), int(top + height)))


def test_the_confusion_matrix_says_which_way_it_reads(qtbot):
    """A newcomer could not tell rows from columns: "predicted digit →" is written over the columns and
    "← true digit" up the rows, outside the digits' own bands, and the cells are still where clicks land."""
    from digitpad.app.train.views import ConfusionMatrix

    matrix = ConfusionMatrix()
    qtbot.addWidget(matrix)
    matrix.resize(300, 300)
    matrix.set_matrix(np.diag(np.full(10, 980)))
    image = matrix.grab().toImage()
    left, top, cell = matrix._grid()
    band = matrix._title_band()
    assert dark_pixels(image, left, 0, 10 * cell, band) > 50  # the columns' title
    assert dark_pixels(image, 0, top, band, 10 * cell) > 50  # the rows' title
    assert matrix.column_title == "predicted digit" and matrix.row_title == "true digit"
    assert matrix.cell_at(matrix.cell_centre(4, 9)) == (4, 9)


def test_the_curves_side_titles_show_only_where_they_fit_beside_the_tick_labels(qtbot):
    """At 260 px (a 1024-pixel window) Qt Charts squeezed the right axis: "0.96accuracy", and in Korean every
    tick label "0....". There the titles give way (the axes take their curves' colours); wider, they show."""
    from digitpad.app.train.views import LearningCurves

    curves = LearningCurves()
    qtbot.addWidget(curves)
    curves.resize(260, 300)
    curves.show()
    assert not curves.axis_accuracy.isTitleVisible() and not curves.axis_loss.isTitleVisible()
    curves.resize(520, 300)
    qtbot.waitUntil(lambda: curves.axis_accuracy.isTitleVisible() and curves.axis_loss.isTitleVisible())


def test_a_device_name_is_not_broken_after_its_slash_at_any_width(qtbot):
    """The Korean results read "… MNIST 3,000개. /" and then "CPU:0에서 0:03 걸렸습니다" on the next line."""
    from PySide6.QtGui import QTextDocument

    from digitpad.app.common.widgets import unbroken

    sentence = ("<b>테스트 정확도 92.56%</b> (MNIST 테스트 세트, 이미지 10,000개). 학습 데이터: MNIST 3,000개. "
                "{device}에서 0:03 걸렸습니다.")
    for width in range(120, 400, 7):
        document = QTextDocument()
        document.setHtml(sentence.format(device=unbroken("/CPU:0")))
        document.setTextWidth(width)
        document.size()  # laid out
        block = document.begin()
        layout = block.layout()
        lines = [block.text()[layout.lineAt(i).textStart():][:layout.lineAt(i).textLength()]
                 for i in range(layout.lineCount())]
        assert len(lines) > 1
        assert not any(line.rstrip().endswith("/") for line in lines), (width, lines)
