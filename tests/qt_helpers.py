"""Drawing on the canvas as a person does: real mouse events, press, moves with the button held, release."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
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
