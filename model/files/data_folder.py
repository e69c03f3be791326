"""The one data folder of the window and the command line: trained models, my drawings, runs.

The window's folder is Qt's AppDataLocation for organization and application "DigitPad"; the command
line must find the same folder without importing Qt, so it asks platformdirs for the platform's base
folder and adds what Qt adds:

- Linux: ``$XDG_DATA_HOME`` (default ``~/.local/share``) / DigitPad / DigitPad
- Windows: ``%APPDATA%`` (``C:/Users/<user>/AppData/Roaming``) / DigitPad / DigitPad
- macOS: ``~/Library/Application Support`` / DigitPad / DigitPad

``DIGITPAD_DATA`` overrides it for both.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANIZATION = "DigitPad"
APPLICATION = "DigitPad"
ENVIRONMENT_VARIABLE = "DIGITPAD_DATA"


def data_folder() -> Path:
    """Where DigitPad keeps what it makes: ``$DIGITPAD_DATA``, else the folder Qt's AppDataLocation names."""
    override = os.environ.get(ENVIRONMENT_VARIABLE)
    if override:
        return Path(override).expanduser()
    return qt_app_data_location()


def qt_app_data_location() -> Path:
    """Qt's AppDataLocation for DigitPad, found without Qt.  On Linux and macOS platformdirs' base folder
    is the one Qt uses, and Qt adds organization/application; on Windows platformdirs adds both itself
    (``appauthor``), in the roaming profile as Qt does."""
    import platformdirs

    if sys.platform == "win32":
        return Path(platformdirs.user_data_dir(APPLICATION, ORGANIZATION, roaming=True))
    return Path(platformdirs.user_data_dir()) / ORGANIZATION / APPLICATION
