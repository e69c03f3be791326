"""Driving the window as a person does, for tests, benchmarks and screenshots: real mouse events
(press, moves with the button held, release) and a throwaway window.

``QTest.mouseMove`` alone does not always carry the held button, so these send QMouseEvents.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
import time

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QEvent, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QProgressBar,
    QTabBar,
    QWidget,
)


def send_mouse(widget, kind: QEvent.Type, position: QPointF, button, buttons) -> None:
    event = QMouseEvent(kind, position, widget.mapToGlobal(position), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def draw_stroke(canvas, points, release: bool = True) -> None:
    """One stroke of 280×280-box points, drawn with the left button held."""
    left = Qt.MouseButton.LeftButton
    send_mouse(canvas, QEvent.Type.MouseButtonPress, canvas.box_to_widget(points[0]), left, left)
    for point in points[1:]:
        send_mouse(canvas, QEvent.Type.MouseMove, canvas.box_to_widget(point), Qt.MouseButton.NoButton, left)
    if release:
        end = canvas.box_to_widget(points[-1])
        send_mouse(canvas, QEvent.Type.MouseButtonRelease, end, left, Qt.MouseButton.NoButton)


def click(widget, position: QPointF) -> None:
    """A left click at ``position`` (widget pixels): press and release, as a person's click."""
    left = Qt.MouseButton.LeftButton
    send_mouse(widget, QEvent.Type.MouseButtonPress, position, left, left)
    send_mouse(widget, QEvent.Type.MouseButtonRelease, position, left, Qt.MouseButton.NoButton)


def draw(canvas, strokes) -> None:
    for stroke in strokes:
        draw_stroke(canvas, stroke)


def wait_until(application, condition, timeout: float = 600) -> None:
    """Process events until ``condition()`` holds; outside pytest, where qtbot is not at hand."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("timed out waiting for the window")
        application.processEvents()
        time.sleep(0.01)


def open_and_wait(window, path, timeout: float = 60) -> bool:
    """Open a file in the window as File > Open does, wait until it is read, and say whether it opened."""
    task = window.open_file(path)
    wait_until(QApplication.instance(), lambda: task.done, timeout)
    return task.outcome == "succeeded"


def shown_window(settings_path, data_dir, size: tuple[int, int], **options):
    """The main window shown offscreen with the given settings file and data folder; no model yet."""
    from digitpad.app.window.main import build_main_window

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = build_main_window(settings=settings, data_dir=data_dir, load_model=False, **options)
    window.resize(*size)
    window.show()
    return window


def scratch_window(application, size: tuple[int, int] = (1400, 860), language: str | None = None):
    """A throwaway window for scripts, once it can predict; in ``language`` (a key of
    ``app.common.language.LANGUAGES``) or, by default, the system's."""
    folder = tempfile.mkdtemp()
    settings_path = os.path.join(folder, "settings.ini")
    if language is not None:
        settings = QSettings(settings_path, QSettings.Format.IniFormat)
        settings.setValue("language", language)
        settings.sync()
    window = shown_window(settings_path, folder, size)
    window.start_loading_model()
    wait_until(application, lambda: window.predictor is not None)
    return window


def visible_texts(window) -> list[str]:
    """Every text the window shows now, as a person reads it: the texts, titles and tool tips of its
    visible widgets, the chart captions, the menus (with their items) and the status bar; HTML tags
    and mnemonic ampersands removed, empty texts left out."""
    texts = [window.statusBar().currentMessage()]
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.isVisible() and not isinstance(widget, QMenu):
            texts += [widget.toolTip(), *_widget_texts(widget)]
    texts += _menu_texts(window.menuBar().actions())
    return [text for text in (_plain(text) for text in texts) if text]


def _widget_texts(widget) -> list[str]:
    if isinstance(widget, (QLabel, QAbstractButton, QProgressBar)):
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(index) for index in range(widget.count())]
    if isinstance(widget, QComboBox):
        return [widget.currentText()]
    if isinstance(widget, QLineEdit):
        return [widget.text() or widget.placeholderText()]
    if isinstance(widget, QAbstractSpinBox):
        return [widget.text()]
    if isinstance(widget, QListWidget):
        items = [widget.item(row) for row in range(widget.count())]
        return [text for item in items for text in (item.text(), item.toolTip())]
    if isinstance(widget, QChartView):
        chart = widget.chart()
        names = [series.name() for series in chart.series()] if chart.legend().isVisible() else []
        return names + [axis.titleText() for axis in chart.axes() if axis.isVisible()]
    return []


def _menu_texts(actions) -> list[str]:
    texts = []
    for action in actions:
        texts.append(action.text())
        if action.menu() is not None:
            texts += _menu_texts(action.menu().actions())
    return texts


def _plain(text: str) -> str:
    """Rich text without its tags and entities ("1&nbsp;234" → "1 234"); plain text without the ampersand of a
    mnemonic ("파일(&F)" → "파일(F)")."""
    if re.search(r"<[^>]+>", text):
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    else:
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split())
