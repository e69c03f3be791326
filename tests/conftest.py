"""Shared test setup: headless Qt, quiet TensorFlow, data through environment variables.

Tests that need MNIST read it from $DIGITPAD_MNIST (CI sets it to
../shared/data/mnist.npz); tests that replay real pen strokes read
$DIGITPAD_STROKES (../shared/data/pendigits-train.jsonl); tests of UNIPEN's digits read
$DIGITPAD_UNIPEN (../shared/data/unipen-train.jsonl).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Property-based tests: a bounded, deterministic search by default (CI's time is bounded, and a run
# must be reproducible); HYPOTHESIS_PROFILE=thorough looks much further on a developer's machine.
settings.register_profile("ci", max_examples=40, deadline=10_000, derandomize=True, print_blob=True)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# Every training is kept as a run in the data folder: the tests' runs never go to the user's own.
os.environ.setdefault("DIGITPAD_DATA", tempfile.mkdtemp(prefix="digitpad-test-data-"))

ROOT = Path(__file__).resolve().parent.parent


def data_file(variable: str, what: str) -> Path:
    """The data file the environment variable names; the test is skipped without it."""
    value = os.environ.get(variable)
    if not value or not Path(value).exists():
        pytest.skip(f"set {variable} to {what} to run this test")
    return Path(value)


@pytest.fixture(scope="session")
def mnist_path() -> Path:
    return data_file("DIGITPAD_MNIST", "MNIST's mnist.npz")


@pytest.fixture(scope="session")
def pen_strokes_path() -> Path:
    return data_file("DIGITPAD_STROKES", "pendigits-train.jsonl")


@pytest.fixture(scope="session")
def unipen_strokes_path() -> Path:
    return data_file("DIGITPAD_UNIPEN", "unipen-train.jsonl")


@pytest.fixture(scope="session")
def bundled_model_file() -> Path:
    from digitpad.resources import bundled_model_path

    return bundled_model_path()


@pytest.fixture(scope="session")
def predictor(bundled_model_file):
    from digitpad.model.network.inference import Predictor

    return Predictor.load(bundled_model_file)


@pytest.fixture
def settings_file(tmp_path) -> Path:
    """Where a test window keeps its QSettings (never the user's real settings).  The window is in
    English, whatever the language of the machine running the tests: tests read its texts."""
    from PySide6.QtCore import QSettings

    path = tmp_path / "settings.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue("language", "en")
    settings.sync()
    return path


@pytest.fixture
def ready_window(qtbot, tmp_path, settings_file):
    """A factory: the main window, shown offscreen, once it reads with the bundled model."""

    def make(size=(1300, 800), add_to_qtbot: bool = True, **options):
        from digitpad.app.window.automation import shown_window

        window = shown_window(settings_file, tmp_path / "data", size, **options)
        if add_to_qtbot:
            qtbot.addWidget(window)
        with qtbot.waitSignal(window.modelReady, timeout=120_000):
            window.start_loading_model()
        return window

    return make
