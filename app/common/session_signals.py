"""The one small Qt adapter over the session: its events as Qt signals, for the views to observe."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from digitpad.model.session import Session


class SessionSignals(QObject):
    """``readingChanged(Reading)``, ``modelChanged(Predictor | None)`` and
    ``whyChanged(Attribution | None, WhyRequest | None)``, emitted when the session's events fire."""

    readingChanged = Signal(object)
    modelChanged = Signal(object)
    whyChanged = Signal(object, object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.reading_changed.connect(self.readingChanged.emit)
        session.model_changed.connect(self.modelChanged.emit)
        session.why_changed.connect(self.whyChanged.emit)
