"""Small widget helpers shared by the panels: widgets that let a small window stay usable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QLabel, QPushButton, QToolTip, QWidget


def compact_button(text: str = "") -> QPushButton:
    """A push button as wide as its text needs.  The style's minimum (about 80 px) would squeeze
    the widgets beside it, or make a side panel wider than its tab, in a 1024×600 window."""
    button = QPushButton()
    set_compact_text(button, text)
    return button


def set_compact_text(button: QPushButton, text: str) -> None:
    """Set a compact button's text, and its width with it (a translation can be longer or shorter)."""
    button.setText(text)
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text) + 24)


def compact_combo(combo: QComboBox, characters: int = 10) -> QComboBox:
    """Long item texts are elided in a narrow window instead of widening the whole column."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def show_whole_items(combo: QComboBox) -> None:
    """The open list as wide as its longest item (the closed combo may elide it in a narrow window),
    and the whole chosen text as the tooltip.  Call again after the items' texts change."""
    view = combo.view()
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setMinimumWidth(max(combo.width(), view.sizeHintForColumn(0) + 2 * view.frameWidth() + 24))
    combo.setToolTip(combo.currentText())
    if not combo.property("showsWholeItems"):
        combo.setProperty("showsWholeItems", True)
        combo.currentIndexChanged.connect(lambda index: combo.setToolTip(combo.currentText()))


def wheel_scrolls_area(area: QAbstractScrollArea, fields: list[QWidget]) -> None:
    """Over a field that is not being edited, the mouse wheel scrolls ``area`` instead of changing the
    field: scrolling a form must never change a setting the pointer happens to pass over."""
    redirect = _WheelToScrollBar(area)
    for field in fields:
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn does not give it focus
        field.installEventFilter(redirect)


class _WheelToScrollBar(QObject):
    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area)
        self._area = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            QApplication.sendEvent(self._area.verticalScrollBar(), event)
            return True
        return False


def as_widget(layout) -> QWidget:
    """A layout in a widget of its own, without margins (a row inside a form)."""
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget


class MessageBanner(QLabel):
    """A message in the window (not a modal box): errors stay until dismissed or replaced."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()
        self._timer = QTimer(self, singleShot=True, timeout=self.hide)
        self.is_error = False

    def show_error(self, text: str) -> None:
        self._show(text, "#fdecea", "#8a1c14")
        self._timer.start(15000)
        self.is_error = True

    def show_info(self, text: str) -> None:
        self._show(text, "#e8f1fb", "#17406b")
        self._timer.start(6000)
        self.is_error = False

    def withdraw_info(self) -> None:
        """Hide a passing notice (an error stays until read)."""
        if not self.is_error:
            self.hide()

    def withdraw(self, text: str) -> None:
        """Hide the banner if it still shows ``text`` (a later message stays)."""
        if self.isVisible() and self.text() == text:
            self.hide()

    def _show(self, text: str, background: str, foreground: str) -> None:
        self.setStyleSheet(f"background:{background}; color:{foreground}; padding:6px; border-radius:4px;")
        self.setText(text)
        self.show()

    def mousePressEvent(self, event) -> None:
        self.hide()


class FieldLabel(QLabel):
    """A form's label that gives its field's tooltip too: a person hovers the word ("Stroke copies"), not only the
    box."""

    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self.setBuddy(field)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip() and self.buddy() is not None:
            tip = self.buddy().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
                return True
        return super().event(event)



def unbroken(name: str) -> str:
    """A name such as TensorFlow's "/CPU:0" that a wrapped line must not break after its slash (Qt did, leaving
    "CPU:0에서" alone on the next line; a nowrap span did not stop it): a word joiner after each slash."""
    return name.replace("/", "/\u2060")
