"""DigitPad's window (PySide6) and command line: thin views over the Qt-free ``digitpad.model``.

- ``cli``: the ``digitpad`` command; it starts the window or runs a command without Qt.
- ``window``: the main window, its menus and the controllers that connect views to the session.
- ``pad``: the drawing pad, the answer and its chart, corrections, *Why?*.
- ``network``: the layers' maps, their cards and the explanation of a unit.
- ``train``: the Train tab: data, settings, progress, curves and results.
- ``common``: what every view uses: language, colours, compact widgets, background tasks.
"""
