"""Before Qt starts: is there a screen, and can Qt's platform plugin load?

Qt aborts the whole process (no exception) when its platform plugin cannot
load, so the CLI checks first and prints one line that says what to install.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

# Debian/Ubuntu packages for the libraries PySide6's wheels expect from the system.
QT_SYSTEM_PACKAGES = (
    "libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0 "
    "libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 "
    "libxcb-render-util0 libxcb-image0 libx11-xcb1"
)


def window_problem() -> str | None:
    """A one-line explanation if the window cannot open here, else None."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if not platform:
        if os.environ.get("WAYLAND_DISPLAY"):
            platform = "wayland"
        elif os.environ.get("DISPLAY"):
            platform = "xcb"
        else:
            return (
                "there is no screen to open the window on (DISPLAY is not set); "
                "run it in a desktop session or under Xvfb (xvfb-run digitpad), "
                "or use 'digitpad predict' without a window"
            )
    if platform == "xcb" and not _x_display_reachable(os.environ.get("DISPLAY", "")):
        return f"cannot reach the X display {os.environ.get('DISPLAY', '')!r}; is the X server (or Xvfb) running?"
    plugin = _plugin_path(platform)
    if plugin is None:
        return None  # an unusual Qt layout: let Qt itself decide
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError as error:
        missing = re.match(r"([^:]+\.so[.\d]*)", str(error))
        what = missing.group(1) if missing else str(error)
        return (
            f"Qt cannot start its '{platform}' display plugin: {what} is missing; "
            f"on Debian/Ubuntu install it with: sudo apt-get install -y {QT_SYSTEM_PACKAGES}"
        )
    return None


def _x_display_reachable(display: str) -> bool:
    """A local display (":1") needs its socket; remote ones are left to Qt."""
    match = re.fullmatch(r"(unix)?:(\d+)(\.\d+)?", display)
    if not match:
        return True
    return Path(f"/tmp/.X11-unix/X{match.group(2)}").exists()


def _plugin_path(platform: str) -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    folder = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms"
    names = {"xcb": "libqxcb.so", "wayland": "libqwayland.so", "offscreen": "libqoffscreen.so"}
    candidate = folder / names.get(platform, f"libq{platform}.so")
    return candidate if candidate.exists() else None
