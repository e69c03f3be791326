"""The window under abuse: random mouse storms, undo/redo/clear while predicting, Cancel at random
moments, a loss that becomes NaN, resizing while training.  pytest-qt fails a test on any exception
raised inside a Qt event handler, so "no exception" is checked throughout."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from digitpad.app.window.automation import draw
from drawings import seven


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@pytest.fixture
def window(ready_window):
    return ready_window(size=(1200, 760))


def mouse_storm(window, rng: random.Random, events: int) -> None:
    canvas = window.canvas
    kinds = [QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseMove, QEvent.Type.MouseMove,
             QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick]
    buttons = [Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton, Qt.MouseButton.NoButton]
    for _ in range(events):
        kind = rng.choice(kinds)
        # Anywhere, including far outside the canvas and at negative coordinates.
        position = QPointF(rng.uniform(-300, canvas.width() + 300), rng.uniform(-300, canvas.height() + 300))
        button = rng.choice(buttons) if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
        held = rng.choice(buttons)
        event = QMouseEvent(kind, position, canvas.mapToGlobal(position), button, held, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(canvas, event)
        roll = rng.random()
        if roll < 0.02:
            window.canvas.undo()
        elif roll < 0.04:
            window.canvas.redo()
        elif roll < 0.05:
            window.clear()
        elif roll < 0.06:
            QApplication.processEvents()


def test_random_mouse_storm_leaves_a_working_window_and_stable_memory(window, qtbot):
    rng = random.Random(1)
    mouse_storm(window, rng, 1500)
    QApplication.processEvents()
    after_first = resident_mb()
    for _ in range(3):
        mouse_storm(window, rng, 1500)
        QApplication.processEvents()
    growth = resident_mb() / after_first - 1
    assert growth < 0.10, f"memory grew {growth:.0%} over 4,500 more random events"
    # Still exactly right afterwards.
    window.canvas.undo()  # whatever state the storm left, then a clean slate
    window.clear()
    draw(window.canvas, seven())
    assert window.findChild(type(window.answer.digit), "predictionLabel").text() == "7"


def test_release_without_press_and_double_press_do_not_break_strokes(window):
    canvas = window.canvas
    left = Qt.MouseButton.LeftButton
    for kind, button, held in [(QEvent.Type.MouseButtonRelease, left, Qt.MouseButton.NoButton),
                               (QEvent.Type.MouseButtonPress, left, left), (QEvent.Type.MouseButtonPress, left, left),
                               (QEvent.Type.MouseMove, Qt.MouseButton.NoButton, left),
                               (QEvent.Type.MouseButtonRelease, left, Qt.MouseButton.NoButton)]:
        position = QPointF(150, 150)
        QApplication.sendEvent(canvas, QMouseEvent(kind, position, canvas.mapToGlobal(position), button, held,
                                                   Qt.KeyboardModifier.NoModifier))
    assert not canvas.is_drawing()
    assert len(canvas.strokes()) == 2  # the second press closed the first stroke


def test_rapid_undo_redo_clear_while_drawing(window, qtbot):
    draw(window.canvas, seven())
    for index in range(300):
        [window.canvas.undo, window.canvas.redo, window.clear, lambda: draw(window.canvas, seven())][index % 4]()
        if index % 25 == 0:
            qtbot.wait(1)
    assert window.canvas.strokes() and window.answer.digit.text() == "7"


def test_cancel_at_random_moments_never_changes_the_model_in_use(window, qtbot, mnist_path):
    panel = window.train_panel
    panel.settings.mnist_path.setText(str(mnist_path))
    panel.settings.mnist_limit_spin.setValue(2000)
    panel.settings.epochs_spin.setValue(3)
    predictor = window.predictor
    weights = [w.copy() for w in predictor.net.weights()]
    rng = random.Random(7)
    for trial in range(8):
        panel.settings.finetune_check.setChecked(trial % 2 == 1)
        panel.start_training()
        qtbot.wait(int(rng.uniform(0, 2500)))
        panel.cancel_training()
        with qtbot.waitSignal(panel.task.finished, timeout=120_000, raising=False):
            pass
        qtbot.waitUntil(lambda: not panel.is_training(), timeout=120_000)
        assert window.predictor is predictor
        assert all(np.array_equal(a, b) for a, b in zip(weights, predictor.net.weights()))
    assert panel.findChild(type(panel.train_button), "trainButton").isEnabled()


def test_nan_loss_stops_training_and_keeps_the_model(ready_window, qtbot, mnist_path):
    from faulty_worker import serve_with_poisoned_data

    window = ready_window(size=(1200, 760), worker_target=serve_with_poisoned_data)
    panel = window.train_panel
    panel.settings.mnist_path.setText(str(mnist_path))
    panel.settings.mnist_limit_spin.setValue(1000)
    predictor = window.predictor
    panel.start_training()
    qtbot.waitUntil(lambda: "Training failed" in panel.phase_label.text(), timeout=120_000)
    assert "the loss became nan" in panel.phase_label.text() and "lower the learning rate" in panel.phase_label.text()
    assert window.predictor is predictor and not panel.use_button.isEnabled()


def test_drawing_and_resizing_while_training(window, qtbot, mnist_path):
    panel = window.train_panel
    panel.settings.mnist_path.setText(str(mnist_path))
    panel.settings.mnist_limit_spin.setValue(3000)
    panel.settings.epochs_spin.setValue(2)
    panel.settings.watch_check.setChecked(False)  # the pad keeps to the model in use, not the one learning
    panel.start_training()
    qtbot.waitUntil(lambda: panel.curves.point_count("loss") > 0, timeout=120_000)
    for size in [(900, 600), (1400, 900), (1000, 700)]:
        window.resize(*size)
        window.clear()
        draw(window.canvas, seven())
        assert window.answer.digit.text() == "7"  # the current model keeps answering
        qtbot.wait(100)
    with qtbot.waitSignal(panel.task.finished, timeout=300_000):
        pass
    assert panel.outcome is not None


def answer_quit_question(button: str) -> list[str]:
    """Click ``button`` of the question the window asks before quitting, once it is open; returns its text."""
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != "quitDuringTraining":
            QTimer.singleShot(50, answer)
            return
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()
    QTimer.singleShot(0, answer)
    return asked


def test_quitting_during_training_asks_then_stops_it(qtbot, ready_window, mnist_path):
    window = ready_window(add_to_qtbot=False)
    panel = window.train_panel
    panel.settings.mnist_path.setText(str(mnist_path))
    panel.settings.epochs_spin.setValue(50)
    panel.start_training()
    qtbot.waitUntil(lambda: panel.curves.point_count("loss") > 0, timeout=120_000)
    worker = window.tasks.worker
    assert worker.is_alive()
    asked = answer_quit_question("Keep training")
    window.quit_action.trigger()  # Ctrl+Q asks first: quitting would lose what the network has learnt
    assert "what the network has learnt so far is lost" in asked[0] and window.isVisible() and panel.is_training()
    answer_quit_question("Stop training and quit")
    window.quit_action.trigger()  # cancels, and ends TensorFlow's process: nothing outlives the window
    assert not window.isVisible()
    assert not panel.is_training() and not worker.is_alive()
