"""One way to write each kind of number in the window.

- A probability: percent with one decimal ("99.5"); never 100 for a probability below 1 (a softmax
  never reaches 1: ">99.9"), never 0 for one above 0 ("<0.1").  Templates add the "%".
- An accuracy over a test set: percent with two decimals ("99.12"), as the Train panel writes it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

NO_BREAK_SPACE = "\u00a0"


def probability_percent(probability: float) -> str:
    """A probability as a percentage without the sign, in the language in use: "99.5", ">99.9", "<0.1"."""
    locale = QLocale()
    percent = float(probability) * 100
    if percent >= 99.95 and probability < 1 or percent > 99.95:
        return ">" + locale.toString(99.9, "f", 1)
    if 0 < percent < 0.05:
        return "<" + locale.toString(0.1, "f", 1)
    return locale.toString(percent, "f", 1)


def keep_numbers_with_words(text: str) -> str:
    """No line break just before a number: "#2 is a" / "7, 99.5% sure" reads badly."""
    return re.sub(r" (?=[<>#]?\d)", NO_BREAK_SPACE, text)
