"""Is it right?  Confirm the answer or give the right digit: the drawing goes into *my drawings*,
which the Train panel can learn from."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from digitpad.app.common.language import Retranslatable
from digitpad.model.network.inference import NO_DIGIT_BELOW
from digitpad.model.session import Reading


class CorrectionRow(Retranslatable, QWidget):
    """"✓ Right" and the ten digits; ``labelChosen(digit)`` when one is pressed."""

    labelChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionRow")
        # A kept label stands out as the answer does (its blue), not as the faint grey of a pressed-in button.
        self.setStyleSheet("QPushButton:checked { background-color: #d6e6fa; border: 1px solid #1f6fd0;"
                           " border-radius: 3px; color: #0d3f80; font-weight: bold; }")
        self._answer: int | None = None
        self._reading = Reading()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(2)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setCheckable(True)  # pressed in while the drawing is kept with the answer's label
        self.confirm_button.clicked.connect(lambda: self.labelChosen.emit(self._answer))
        self.question = QLabel()
        self.question.setObjectName("correctionQuestion")
        self.no_label = QLabel()
        layout.addWidget(self.question, 0, 0, 1, 4)
        layout.addWidget(self.confirm_button, 0, 4, 1, 6)
        layout.addWidget(self.no_label, 1, 0, 1, 4)
        self.digit_buttons = []
        for digit in range(10):
            button = QPushButton(str(digit))
            button.setObjectName(f"correct{digit}")
            button.setMinimumWidth(22)
            button.setCheckable(True)  # pressed in: the drawing is kept with this label; pressed again, taken back
            button.clicked.connect(lambda checked=False, d=digit: self.labelChosen.emit(d))
            layout.addWidget(button, 1 if digit < 5 else 2, 4 + digit % 5)
            self.digit_buttons.append(button)
        self._nothing_to_confirm = False  # a scribble: no answer to confirm
        self._kept: int | None = None  # the label the drawing on screen is kept with in my drawings
        self._photo = False  # an opened image: nothing to keep (the row was disabled with no word why)
        self.set_reading(Reading(), usable=False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Is it right?"))
        self.confirm_button.setText(self.tr("✓ Right"))
        self._show_confirm_tip()
        self.no_label.setText(self.tr("No, it's"))
        self._show_digit_tips()
        self._ask()

    def _show_digit_tips(self) -> None:
        for digit, button in enumerate(self.digit_buttons):
            if self._photo:
                button.setToolTip(self._photo_tip())
            elif digit == self._kept:
                button.setToolTip(self.tr("Kept as a {digit} in my drawings; press again to take it back")
                                  .format(digit=digit))
            else:
                button.setToolTip(self.tr("The drawing is a {digit}: keep it with that label in my drawings")
                                  .format(digit=digit))

    def show_kept(self, label: int | None) -> None:
        """The drawing on screen is kept in my drawings with ``label`` (None: it is not): ✓ Right stays pressed
        in when it is the answer, else that digit's button."""
        self._kept = label
        confirmed = label is not None and label == self._answer and not self._nothing_to_confirm
        for digit, button in enumerate(self.digit_buttons):  # "No, it's [7]" pressed beside "✓ Right" read oddly
            button.setChecked(digit == label and not confirmed)
        self.confirm_button.setChecked(confirmed)
        self._show_digit_tips()
        self._show_confirm_tip()

    def set_reading(self, reading: Reading, usable: bool, kept: int | None = None) -> None:
        """Ask about the digit on screen ("Digit #3?" of a number); buttons only while there is a drawing to keep."""
        self._reading = reading
        self._answer = reading.prediction.label
        self._photo = reading.from_image and not usable
        self._ask()
        # A scribble's likeliest digit is no answer to confirm: one click kept it in my drawings as that digit.
        self._nothing_to_confirm = self._answer is not None and reading.prediction.confidence < NO_DIGIT_BELOW
        self.confirm_button.setEnabled(usable and not self._nothing_to_confirm)
        self._show_confirm_tip()
        for button in self.digit_buttons:
            button.setEnabled(usable)
        self.show_kept(kept if usable else None)

    def _photo_tip(self) -> str:
        return self.tr("An opened image has no strokes to keep in my drawings: draw the digit on the pad to keep it")

    def _show_confirm_tip(self) -> None:
        if self._photo:
            self.confirm_button.setToolTip(self._photo_tip())
        elif self.confirm_button.isChecked():
            self.confirm_button.setToolTip(self.tr("Kept in my drawings; press again to take it back"))
        elif self._nothing_to_confirm:
            self.confirm_button.setToolTip(self.tr("No digit stands out, so there is no answer to confirm; if it is "
                                                   "a digit, say which with the buttons below"))
        else:
            self.confirm_button.setToolTip(self.tr("Keep this drawing with its label in my drawings, to train on "
                                                   "later"))

    def _ask(self) -> None:
        reading = self._reading
        if reading.digits:
            self.question.setText(self.tr("Digit #{position}?").format(position=reading.focus + 1))
        else:
            self.question.setText(self.tr("Is it right?"))
