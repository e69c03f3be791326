"""Reading the pad while the pen moves: about once per screen frame, and at once when it is final."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

from digitpad.app.pad.canvas import DrawingCanvas
from digitpad.model.session import Session


class LivePrediction(QObject):
    """Sends the canvas's strokes to the session: live while the pen moves, final at pen-up, undo,
    redo and clear.  Live readings come no faster than the screen shows them, and a reading is
    started early by the time a reading takes, so the answer to a move is on screen within a frame."""

    def __init__(self, canvas: DrawingCanvas, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.canvas, self.session = canvas, session
        self._timer = QTimer(self, singleShot=True, timeout=self._read_live)
        self._frame_ms = _frame_interval_ms()
        self._last = 0.0
        self._reading_ms = 3.0
        canvas.strokeMoved.connect(self._on_moved)
        canvas.drawingChanged.connect(self.read_final)

    def read_final(self) -> None:
        self._timer.stop()
        image = self.canvas.image_data()
        if image is not None:  # an opened image (again, after Undo): it stays until cleared or drawn over
            if self.session.reading.image is not image:
                self.session.show_image(image)
            return
        self.session.show_drawing(self.canvas.point_lists(), final=True)

    def _on_moved(self) -> None:
        if self._timer.isActive():
            return
        spacing = max(1.0, self._frame_ms - self._reading_ms)
        since = (time.perf_counter() - self._last) * 1000
        if since >= spacing:
            self._read_live()
        else:
            self._timer.start(max(1, int(spacing - since)))

    def _read_live(self) -> None:
        self._last = time.perf_counter()
        self.session.show_drawing(self.canvas.point_lists(), final=not self.canvas.is_drawing())
        took = (time.perf_counter() - self._last) * 1000
        self._reading_ms = 0.8 * self._reading_ms + 0.2 * took  # a running average


def _frame_interval_ms() -> int:
    """One frame of the screen (16 ms at 60 Hz): live readings come no faster than that."""
    screen = QGuiApplication.primaryScreen()
    rate = screen.refreshRate() if screen is not None else 60.0
    return max(4, int(1000 / (rate if rate and rate > 1 else 60.0)))
