"""Small widget helpers shared by the panels: widgets that let a small window stay usable."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPushButton


def compact_button(text: str) -> QPushButton:
    """A push button as wide as its text needs.  The style's minimum (about 80 px) would squeeze
    the widgets beside it, or make a side panel wider than its tab, in a 1024×600 window."""
    button = QPushButton(text)
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text) + 24)
    return button


def compact_combo(combo: QComboBox, characters: int = 10) -> QComboBox:
    """Long item texts are elided in a narrow window instead of widening the whole column."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo
