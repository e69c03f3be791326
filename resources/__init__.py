"""Files that ship with DigitPad: the trained model, the icon and the translations (``translations/*.qm``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(name: str) -> Path:
    """The path of a bundled file (installed packages keep it next to this module)."""
    return Path(str(resources.files(__name__) / name))


def bundled_model_path() -> Path:
    return resource_path("digitpad.keras")
