"""DigitPad's window (PySide6): thin widgets over the Qt-free ``model`` package."""
