"""DigitPad: draw a digit with the mouse and watch a convnet read it.

The repository's folders are installed as one package: ``app/`` as ``digitpad.app`` (the window and
the command line), ``model/`` as ``digitpad.model`` (the Qt-free core) and ``resources/`` as
``digitpad.resources`` (the bundled model and icon).  See ``pyproject.toml``.
"""

__version__ = "0.2.0"
