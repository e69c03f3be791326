"""The Train panel's settings kept across restarts, like the window's own: every field is saved in the
window's QSettings as it changes and set again at the next start."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

GROUP = "train"


def restore_fields(fields: dict[str, QWidget], settings: QSettings) -> None:
    """Set each field to its remembered value, in the dict's order; a value that no longer fits (a
    recipe or optimizer that is gone, a number out of range) leaves the field as it is."""
    for key, field in fields.items():
        value = settings.value(f"{GROUP}/{key}")
        if value is None:
            continue
        try:
            _set(field, value)
        except (TypeError, ValueError):
            continue


def save_fields_on_change(fields: dict[str, QWidget], settings: QSettings) -> None:
    """Save a field each time it changes."""
    for key, field in fields.items():
        signal = _changed_signal(field)
        signal.connect(lambda *args, key=key, field=field: settings.setValue(f"{GROUP}/{key}", _value(field)))


def _set(field: QWidget, value) -> None:
    if isinstance(field, QLineEdit):
        field.setText(str(value))
    elif isinstance(field, QCheckBox):
        field.setChecked(value is True or str(value).lower() == "true")
    elif isinstance(field, QDoubleSpinBox):
        field.setValue(float(value))
    elif isinstance(field, QSpinBox):
        field.setValue(int(value))
    elif isinstance(field, QComboBox):
        index = field.findData(value) if field.itemData(0) is not None else field.findText(str(value))
        if index >= 0:
            field.setCurrentIndex(index)
    else:
        raise TypeError(f"cannot remember a {type(field).__name__}")


def _value(field: QWidget):
    if isinstance(field, QLineEdit):
        return field.text()
    if isinstance(field, QCheckBox):
        return field.isChecked()
    if isinstance(field, (QSpinBox, QDoubleSpinBox)):
        return field.value()
    if isinstance(field, QComboBox):
        return field.currentData() if field.currentData() is not None else field.currentText()
    raise TypeError(f"cannot remember a {type(field).__name__}")


def _changed_signal(field: QWidget):
    if isinstance(field, QLineEdit):
        return field.textChanged
    if isinstance(field, QCheckBox):
        return field.toggled
    if isinstance(field, QAbstractSpinBox):
        return field.valueChanged
    if isinstance(field, QComboBox):
        return field.currentIndexChanged
    raise TypeError(f"cannot remember a {type(field).__name__}")
