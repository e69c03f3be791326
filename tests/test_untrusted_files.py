"""Files from someone else: a model or a drawing must not be able to exhaust the machine.

Each case runs as a user meets it: a real process for the command line, the window's own actions
for the window.  Every refusal is one line, fast, and within the memory a drawing pad needs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile

import pytest

from digitpad.model.files.datasets import MAX_LINE_BYTES
from digitpad.model.files.model_archive import MEMBER_LIMITS
from drawings import seven

MEASURED = """
import resource, subprocess, sys, time
started = time.monotonic()
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(result.returncode)
print(round(time.monotonic() - started, 2))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
print(result.stderr.strip().replace("\\n", " | "))
"""


def run_measured(tmp_path, *args: str, stdin_file=None) -> tuple[int, float, int, str]:
    """(exit code, seconds, peak resident MB, stderr) of ``digitpad ARGS`` in a process of its own."""
    command = [sys.executable, "-c", MEASURED, sys.executable, "-m", "digitpad", *args]
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    with open(stdin_file or os.devnull, "rb") as stdin:
        result = subprocess.run(command, stdin=stdin, capture_output=True, text=True, env=env, cwd=tmp_path,
                                timeout=300)
    code, seconds, megabytes, stderr = result.stdout.splitlines()[:4]
    return int(code), float(seconds), int(megabytes), stderr


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory, bundled_model_file):
    """A 3 MB .keras whose config.json inflates to 3 GB of spaces, next to real weights."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.keras"
    with zipfile.ZipFile(bundled_model_file) as real, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("metadata.json", real.read("metadata.json"))
        with bomb.open("config.json", "w", force_zip64=True) as member:
            block = b" " * (1 << 20)
            for _ in range(3 * 1024):
                member.write(block)
        bomb.writestr("model.weights.h5", real.read("model.weights.h5"))
    assert path.stat().st_size < 8 * 1024 * 1024
    return path


def lying_zip(tmp_path, bundled_model_file):
    """config.json declares 4 KB but inflates to 50 MB: the central directory lies about its size."""
    path = tmp_path / "liar.keras"
    with zipfile.ZipFile(bundled_model_file) as real, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as liar:
        liar.writestr("metadata.json", real.read("metadata.json"))
        liar.writestr("config.json", b" " * (50 * 1024 * 1024))
        liar.writestr("model.weights.h5", real.read("model.weights.h5"))
    data = bytearray(path.read_bytes())
    true_size = (50 * 1024 * 1024).to_bytes(4, "little")
    for start in range(len(data)):  # both headers: local (offset 22) and central (offset 24)
        if data[start:start + 4] in (b"PK\x03\x04", b"PK\x01\x02"):
            size_at = start + (22 if data[start + 3] == 4 else 24)
            if data[size_at:size_at + 4] == true_size:
                data[size_at:size_at + 4] = (4096).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


def huge_drawing(tmp_path, points: int = 10_000_000) -> os.PathLike:
    """One stroke of ten million points: a 110 MB line."""
    path = tmp_path / "huge.jsonl"
    with open(path, "w") as stream:
        stream.write('{"strokes": [[')
        chunk = ",".join(["[123.45,67.89]"] * 100_000)
        for index in range(points // 100_000):
            stream.write(("," if index else "") + chunk)
        stream.write("]]}\n")
    return path


@pytest.mark.parametrize("command", ["predict", "evaluate"])
def test_a_zip_bomb_model_is_refused_in_one_line_fast_and_small(tmp_path, zip_bomb, command):
    drawing = tmp_path / "seven.jsonl"
    drawing.write_text(json.dumps({"strokes": seven(), "label": 7}) + "\n")
    code, seconds, megabytes, stderr = run_measured(tmp_path, command, "--strokes", str(drawing), "--model",
                                                    str(zip_bomb))
    assert code == 2 and stderr.count("digitpad: error:") == 1 and "Traceback" not in stderr
    assert "bomb.keras" in stderr and "config.json would inflate to 3,072.0 MB; the limit is 1 MB" in stderr
    assert seconds < 10 and megabytes < 1200


def test_a_zip_that_lies_about_its_sizes_is_refused(tmp_path, bundled_model_file):
    from digitpad.model.network.inference import ModelError, Predictor
    from digitpad.model.training.keras_models import load_model_file

    liar = lying_zip(tmp_path, bundled_model_file)
    with pytest.raises(ModelError, match="liar.keras: not a Keras model"):
        Predictor.load(liar)
    with pytest.raises(ModelError, match="liar.keras: not a Keras model"):
        load_model_file(liar)  # checked before Keras, which trusts the sizes, opens it


def test_limits_are_generous_for_real_models(bundled_model_file):
    with zipfile.ZipFile(bundled_model_file) as archive:
        sizes = {info.filename: info.file_size for info in archive.infolist()}
    assert all(size * 100 < MEMBER_LIMITS[name] for name, size in sizes.items() if name != "metadata.json")


def test_a_ten_million_point_drawing_is_refused_in_one_line_fast_and_small(tmp_path):
    path = huge_drawing(tmp_path)
    code, seconds, megabytes, stderr = run_measured(tmp_path, "predict", "--strokes", str(path))
    assert code == 2 and stderr.count("digitpad: error:") == 1
    assert f"huge.jsonl:1: the line is longer than {MAX_LINE_BYTES // 2**20} MB (the limit)" in stderr
    assert seconds < 10 and megabytes < 1200
    code, seconds, megabytes, stderr = run_measured(tmp_path, "predict", "--strokes", "-", stdin_file=path)
    assert code == 2 and "stdin:1: the line is longer than" in stderr and megabytes < 1200


def test_a_drawing_just_over_the_point_limit_is_refused_before_it_is_parsed(tmp_path):
    """1.1 million short points fit in the line limit; the count of points does not."""
    path = tmp_path / "many.jsonl"
    path.write_text('{"strokes": [[' + ",".join(["[1,2]"] * 1_100_000) + "]]}\n")
    code, seconds, megabytes, stderr = run_measured(tmp_path, "predict", "--strokes", str(path))
    assert code == 2 and "many.jsonl:1: the drawing has more than 1,000,000 points (the limit)" in stderr
    assert megabytes < 1200


def test_a_training_file_with_one_huge_record_stops_with_its_line_number(tmp_path):
    path = tmp_path / "train.jsonl"
    huge = huge_drawing(tmp_path)
    with open(path, "wb") as stream:
        stream.write((json.dumps({"strokes": seven(), "label": 7}) + "\n").encode())
        stream.write(huge.read_bytes())
    started = time.monotonic()
    code, seconds, megabytes, stderr = run_measured(tmp_path, "train", "--no-mnist", "--strokes", str(path),
                                                    "--out", str(tmp_path / "m.keras"))
    assert code == 2 and "train.jsonl:2: the line is longer than" in stderr
    assert not (tmp_path / "m.keras").exists() and time.monotonic() - started < 120


@pytest.fixture
def window(ready_window):
    return ready_window()


def test_the_window_refuses_a_zip_bomb_and_keeps_its_model(window, qtbot, zip_bomb):
    before = window.predictor
    window.models.load(zip_bomb)
    qtbot.waitUntil(lambda: "Could not load the model" in window.banner.text(), timeout=30_000)
    assert "config.json would inflate to 3,072.0 MB" in window.banner.text()
    assert window.predictor is before


def test_a_remembered_zip_bomb_gives_way_to_the_bundled_model(ready_window, qtbot, zip_bomb, settings_file,
                                                               bundled_model_file):
    from PySide6.QtCore import QSettings

    QSettings(str(settings_file), QSettings.Format.IniFormat).setValue("lastModel", str(zip_bomb))
    window = ready_window()
    assert window.predictor.source == str(bundled_model_file)
    assert "Using the bundled model instead" in window.banner.text() and "limit is 1 MB" in window.banner.text()
    assert window.banner.isVisible()  # the bundled model loading in its place does not take the message away


def test_the_window_refuses_a_huge_drawing_and_keeps_its_own(window, tmp_path):
    from digitpad.app.window.automation import draw, open_and_wait

    draw(window.canvas, seven())
    path = huge_drawing(tmp_path, points=2_000_000)
    path = path.rename(path.with_suffix(".json"))
    assert not open_and_wait(window, path)
    assert "larger than 20 MB (the limit for a drawing)" in window.banner.text()
    assert len(window.canvas.strokes()) == 1 and window.prediction.label == 7


def window_not_shown(qtbot, tmp_path, settings_file):
    from PySide6.QtCore import QSettings

    from digitpad.app.window.main import build_main_window

    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    window = build_main_window(settings=settings, data_dir=tmp_path / "data", load_model=False)
    qtbot.addWidget(window)
    return window


def test_the_window_reads_its_model_before_it_is_shown(qtbot, tmp_path, settings_file, bundled_model_file):
    window = window_not_shown(qtbot, tmp_path, settings_file)
    window.start_loading_model(before_showing=True)  # as `digitpad` does: no waiting once it is on screen
    assert window.predictor.source == str(bundled_model_file) and len(window.feature_maps.rows) == 8


def test_a_remembered_zip_bomb_read_before_showing_gives_way_to_the_bundled_model(qtbot, tmp_path, settings_file,
                                                                                 zip_bomb, bundled_model_file):
    from PySide6.QtCore import QSettings

    QSettings(str(settings_file), QSettings.Format.IniFormat).setValue("lastModel", str(zip_bomb))
    window = window_not_shown(qtbot, tmp_path, settings_file)
    window.start_loading_model(before_showing=True)
    window.show()
    qtbot.waitUntil(lambda: window.predictor is not None, timeout=60_000)
    assert window.predictor.source == str(bundled_model_file)
    assert "Using the bundled model instead" in window.banner.text() and "limit is 1 MB" in window.banner.text()


def test_a_large_model_file_is_read_after_the_window_is_shown(qtbot, tmp_path, settings_file, bundled_model_file,
                                                               monkeypatch):
    from digitpad.app.window import model_controller

    monkeypatch.setattr(model_controller, "READ_BEFORE_SHOWING_BYTES", 1000)  # the bundled model is 400 KB
    window = window_not_shown(qtbot, tmp_path, settings_file)
    window.start_loading_model(before_showing=True)
    assert window.predictor is None  # not read on the window's thread: it appears at once, "Loading…"
    window.show()
    qtbot.waitUntil(lambda: window.predictor is not None, timeout=60_000)
    assert window.predictor.source == str(bundled_model_file)
