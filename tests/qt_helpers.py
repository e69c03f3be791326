"""Drawing on the canvas as a person does: real mouse events, press, moves with the button held, release.

Also used by bench/window.py and docs/make_screenshots.py, which drive the window outside pytest.
"""

from __future__ import annotations

import os
import tempfile
import time

from PySide6.QtCore import QEvent, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def widget_point(canvas, point) -> QPointF:
    """A point of the 280×280 box in the canvas widget's pixels."""
    area = canvas._paper_rect()
    scale = area.width() / canvas.box
    return QPointF(area.left() + point[0] * scale, area.top() + point[1] * scale)


def send_mouse(widget, kind: QEvent.Type, position: QPointF, button, buttons) -> None:
    event = QMouseEvent(kind, position, widget.mapToGlobal(position), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def draw_stroke(canvas, points, release: bool = True) -> None:
    left = Qt.MouseButton.LeftButton
    send_mouse(canvas, QEvent.Type.MouseButtonPress, widget_point(canvas, points[0]), left, left)
    for point in points[1:]:
        send_mouse(canvas, QEvent.Type.MouseMove, widget_point(canvas, point), Qt.MouseButton.NoButton, left)
    if release:
        send_mouse(canvas, QEvent.Type.MouseButtonRelease, widget_point(canvas, points[-1]), left, Qt.MouseButton.NoButton)


def draw(canvas, strokes) -> None:
    for stroke in strokes:
        draw_stroke(canvas, stroke)


def wait_until(application, condition, timeout: float = 600) -> None:
    """Process events until ``condition()`` holds; outside pytest, where qtbot is not at hand."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the window")
        application.processEvents()
        time.sleep(0.01)


def shown_window(settings_path, data_dir, size: tuple[int, int]):
    """The main window shown offscreen with the given settings file and data folder; no model yet."""
    from digitpad.app.main import build_main_window

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = build_main_window(settings=settings, data_dir=data_dir, load_model=False)
    window.resize(*size)
    window.show()
    return window


def scratch_window(application, size: tuple[int, int] = (1400, 860)):
    """A throwaway window for scripts (outside pytest), once it can predict."""
    folder = tempfile.mkdtemp()
    window = shown_window(os.path.join(folder, "settings.ini"), folder, size)
    window.start_loading_model()
    wait_until(application, lambda: window.predictor is not None)
    return window
