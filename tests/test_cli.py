"""The command line, run as a person runs it: a real process, its stdout, stderr and exit code."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest
from PIL import Image, ImageDraw

from drawings import assert_opens_in_plain_keras, circle, seven, write_jsonl


def digitpad(*args: str, stdin: str | None = None, cwd=None, umask: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run(
        [sys.executable, "-m", "digitpad", *args], input=stdin, capture_output=True, text=True, env=env, cwd=cwd,
        timeout=600, umask=-1 if umask is None else umask,
    )


def assert_one_line_error(result: subprocess.CompletedProcess, text: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("digitpad: error:")]
    assert len(errors) == 1 and text in errors[0], result.stderr


def test_predict_strokes_one_json_line_per_input_in_order(tmp_path):
    drawings = write_jsonl(tmp_path / "d.jsonl", [
        {"strokes": seven()},
        {"strokes": []},
        {"strokes": circle(), "label": 0, "other": "ignored"},
        {"strokes": [[[x / 2, y / 2] for x, y in seven()[0]]], "width": 140, "height": 140},
    ])
    result = digitpad("predict", "--strokes", str(drawings))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["label"] for line in lines] == [7, None, 0, 7]
    assert lines[1]["probabilities"] is None
    assert len(lines[0]["probabilities"]) == 10 and abs(sum(lines[0]["probabilities"]) - 1) < 1e-3


def test_predict_reads_a_drawing_the_window_saved_as_its_strokes(tmp_path):
    """File > Save drawing writes a .json or a PNG that carries its strokes; predict read the .json as an image
    ("not an image DigitPad can read") and the PNG's pixels, where the window reads both as strokes."""
    from digitpad.model.files.drawings import save_drawing_json, save_png_with_strokes

    picture = tmp_path / "circle.png"
    Image.new("RGB", (280, 280), "white").save(picture)  # pixels of no digit: only the strokes can read 0
    save_png_with_strokes(picture, picture.read_bytes(), circle(), [16.0])
    save_drawing_json(tmp_path / "seven.json", seven(), [16.0])
    strokes = write_jsonl(tmp_path / "both.jsonl", [{"strokes": seven()}, {"strokes": circle()}])
    result = digitpad("predict", str(tmp_path / "seven.json"), str(picture))
    assert result.returncode == 0, result.stderr
    read, as_strokes = ([json.loads(line) for line in out.splitlines()]
                        for out in (result.stdout, digitpad("predict", "--strokes", str(strokes)).stdout))
    assert [answer["label"] for answer in read] == [answer["label"] for answer in as_strokes] == [7, 0]
    assert read[1]["probabilities"] == pytest.approx(as_strokes[1]["probabilities"], abs=1e-4)  # one batch or two
    explained = digitpad("explain", str(tmp_path / "seven.json"), "--layer", "probabilities", "--channel", "7")
    assert explained.returncode == 0 and json.loads(explained.stdout)["value"] > 0.5, explained.stderr
    (tmp_path / "broken.json").write_text('{"strokes": [[[1, 2], [3, "x"]]]}')
    assert_one_line_error(digitpad("predict", str(tmp_path / "broken.json")),
                          "broken.json: stroke 1 is not a list of [x, y] number pairs")


def test_predict_reads_standard_input():
    result = digitpad("predict", "--strokes", "-", stdin=json.dumps({"strokes": circle()}) + "\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["label"] == 0


def test_predict_images(tmp_path):
    image = Image.new("RGB", (120, 160), "white")
    ImageDraw.Draw(image).line([(20, 20), (100, 20), (50, 150)], fill="black", width=10)
    image.save(tmp_path / "seven.png")
    result = digitpad("predict", str(tmp_path / "seven.png"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["label"] == 7


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"strokes": [[[1, 2]]]}\n{"strokes": [[1, 2]\n', "d.jsonl:2: not valid JSON"),
        ('{"strokes": [[[1, 2]]]}\n\n{"strokes": [[["a", 2]]]}\n', "d.jsonl:3: stroke 1 is not a list"),
    ],
)
def test_malformed_line_is_one_error_line_with_its_number(tmp_path, content, message):
    (tmp_path / "d.jsonl").write_text(content)
    result = digitpad("predict", "--strokes", str(tmp_path / "d.jsonl"))
    assert_one_line_error(result, message)
    assert result.stdout == ""


def test_bad_inputs_end_in_one_line_and_nonzero_exit(tmp_path):
    (tmp_path / "notes.png").write_text("not an image")
    (tmp_path / "broken.keras").write_bytes(b"garbage")
    write_jsonl(tmp_path / "ok.jsonl", [{"strokes": seven()}])
    assert_one_line_error(digitpad("predict", str(tmp_path / "missing.png")), "missing.png: no such file")
    assert_one_line_error(digitpad("predict", str(tmp_path / "notes.png")),
                          "notes.png: its name ends in .png but it holds no image: it is damaged, or another kind of "
                          "file renamed")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")  # what a scanner writes
    (tmp_path / "late.pdf").write_bytes(b"\r\n\r\n  \n" + b"%PDF-1.4\n1 0 obj\n")  # a header a few bytes in
    assert_one_line_error(digitpad("predict", str(tmp_path / "late.pdf")),
                          "late.pdf: a PDF, not an image; save the scanned page as PNG or JPEG")
    assert_one_line_error(digitpad("predict", str(tmp_path / "scan.pdf")),
                          "scan.pdf: a PDF, not an image; save the scanned page as PNG or JPEG")
    assert_one_line_error(
        digitpad("predict", "--strokes", str(tmp_path / "ok.jsonl"), "--model", str(tmp_path / "broken.keras")),
        "broken.keras: not a Keras model",
    )
    assert_one_line_error(digitpad("evaluate", "--data", str(tmp_path / "none.npz")), "none.npz: no such file")
    assert_one_line_error(digitpad("predict"), "give IMAGE files or --strokes")


def test_export_refuses_a_broken_model_before_tensorflow_loads(tmp_path):
    """It took 2.5 s to say so (Keras was imported first); other commands take a fraction of a second."""
    (tmp_path / "broken.keras").write_bytes(b"garbage")
    assert_one_line_error(digitpad("export", "--model", str(tmp_path / "broken.keras"), "--format", "tflite",
                                   "--out", str(tmp_path / "m.tflite")), "broken.keras: not a Keras model")
    script = ("import sys\nfrom digitpad.model.training.keras_models import ModelError, load_model_file\n"
              f"try:\n    load_model_file({str(tmp_path / 'broken.keras')!r})\nexcept ModelError:\n"
              "    print('keras' in sys.modules, 'tensorflow' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["False", "False"], result.stderr
    assert not (tmp_path / "m.tflite").exists()


def test_a_photo_over_100_megapixels_is_read_without_pillows_warning(tmp_path):
    Image.new("1", (10000, 10000), 1).save(tmp_path / "paper.png", optimize=True)  # Pillow warns above 89 MP
    result = digitpad("predict", str(tmp_path / "paper.png"))
    assert result.returncode == 0 and json.loads(result.stdout)["label"] is None
    assert result.stderr == ""


def test_every_command_has_help():
    for command in ([], ["predict"], ["evaluate"], ["train"]):
        result = digitpad(*command, "--help")
        assert result.returncode == 0 and "usage: digitpad" in result.stdout


def test_evaluate_on_labelled_drawings(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [{"strokes": seven(), "label": 7}, {"strokes": circle(), "label": 1}])
    result = digitpad("evaluate", "--strokes", str(path))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["accuracy"] == 0.5 and report["count"] == 2 and report["per_class"] == {"1": 0.0, "7": 1.0}


def test_evaluate_on_mnist_reaches_the_bundled_models_accuracy(mnist_path):
    result = digitpad("evaluate", "--data", str(mnist_path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["accuracy"] >= 0.992


def test_train_writes_a_model_that_predict_can_use(tmp_path, mnist_path):
    """The file is plain Keras (any notebook opens it) with the permissions of any new file."""
    out = tmp_path / "small.keras"
    result = digitpad("train", "--data", str(mnist_path), "--limit", "2000", "--epochs", "1", "--out", str(out),
                      umask=0o022)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert_opens_in_plain_keras(out)
    summary = json.loads(result.stdout)
    assert summary["out"] == str(out) and 0.5 < summary["test_accuracy"] <= 1
    assert "epoch 1/1" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["small.keras"]
    predicted = digitpad("predict", "--strokes", "-", "--model", str(out), stdin=json.dumps({"strokes": circle()}))
    assert predicted.returncode == 0 and json.loads(predicted.stdout)["label"] in range(10)


def test_train_leaves_out_whole_sites_and_writers_of_several_stroke_files(tmp_path):
    # Each record is drawn a little apart from the others: exact repeats count once.
    pen = write_jsonl(tmp_path / "pen.jsonl", [{"strokes": seven(offset=(copy, w)), "label": 7, "writer": w}
                                               for w in (1, 2, 5) for copy in range(4)])
    unipen = write_jsonl(tmp_path / "unipen.jsonl", [
        {"strokes": circle(cx=140 + copy), "label": 0, "source": site, "writer": f"{site}/data/w.dat",
         "width": 300, "height": 300}
        for site in ("apa", "apb", "imp") for copy in range(4)
    ])
    out = tmp_path / "m.keras"
    result = digitpad("train", "--no-mnist", "--strokes", str(pen), "--strokes", str(unipen), "--box", "500x500",
                      "--exclude-writers", "5", "--exclude-sources", "apb,imp", "--epochs", "1", "--stroke-copies", "2",
                      "--style-share", "0.5", "--aspect-share", "0.2", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["counts"]["strokes"] == 12  # 8 of writers 1 and 2, 4 of site apa
    assert json.loads(result.stdout)["config"]["style_share"] == 0.5
    assert json.loads(result.stdout)["config"]["aspect_share"] == 0.2
    assert_one_line_error(digitpad("train", "--exclude-sources", " ,", "--out", str(out)), "separated by commas")


def test_evaluate_chooses_drawings_by_site(tmp_path):
    path = write_jsonl(tmp_path / "u.jsonl", [{"strokes": seven(), "label": 7, "source": "tos"},
                                              {"strokes": circle(), "label": 1, "source": "apb"}])
    report = json.loads(digitpad("evaluate", "--strokes", str(path), "--sources", "tos").stdout)
    assert report["count"] == 1 and report["accuracy"] == 1.0


def test_train_refuses_an_output_that_is_not_keras(tmp_path):
    assert_one_line_error(digitpad("train", "--out", str(tmp_path / "model.h5")), "must end in .keras")
    assert_one_line_error(digitpad("train", "--out", str(tmp_path / "no" / "m.keras")), "no such folder")


def test_training_data_that_cannot_be_read_fails_at_once_and_is_not_kept_as_a_run(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGITPAD_DATA", str(tmp_path / "data"))
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "empty.jsonl").write_text("\n")
    write_jsonl(tmp_path / "unlabelled.jsonl", [{"strokes": seven()}])
    out = str(tmp_path / "m.keras")
    for options, error in ((["--data", str(tmp_path / "empty.png")], "empty.png: not a readable MNIST .npz"),
                           (["--data", str(tmp_path / "none.npz")], "none.npz: no such file"),
                           (["--strokes", str(tmp_path / "empty.jsonl")], "empty.jsonl: no drawings in it"),
                           (["--strokes", str(tmp_path / "unlabelled.jsonl")], 'unlabelled.jsonl:1: no "label"')):
        result = digitpad("train", *options, "--out", out)
        assert_one_line_error(result, error)
        assert result.stderr.count("\n") == 1  # no "Loading MNIST…" before it
    assert not (tmp_path / "data" / "runs").exists() and not (tmp_path / "m.keras").exists()


def test_a_mistyped_option_is_one_line_that_points_at_help():
    """argparse printed train's eleven lines of usage above the line that says what was wrong."""
    result = digitpad("train", "--epochs", "x", "--out", "m.keras")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("digitpad train: error: argument --epochs: invalid int value: 'x'")
    assert "(see digitpad train --help)" in result.stderr


def test_output_into_a_reader_that_has_stopped_ends_quietly():
    """``digitpad network seed --format json | head -c 10``: head leaves, and digitpad stops without a word."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first byte
    try:
        result = subprocess.run([sys.executable, "-m", "digitpad", "network", "seed", "--format", "json"],
                                stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 141  # as a process ended by SIGPIPE


def test_a_model_given_before_the_command_is_refused_not_ignored(tmp_path):
    """`digitpad --model X predict` used to read with the bundled model and say nothing about X."""
    result = digitpad("--model", str(tmp_path / "mine.keras"), "predict", "--strokes", "-",
                      stdin=json.dumps({"strokes": seven()}))
    assert_one_line_error(result, "digitpad predict --model")
    assert result.stdout == ""


def test_an_empty_stroke_file_or_a_tensor_that_is_no_array_is_a_one_line_error(tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n\n")
    assert_one_line_error(digitpad("predict", "--strokes", str(tmp_path / "empty.jsonl")), "no drawings in it")
    assert_one_line_error(digitpad("explain", "--layer", "conv1", "--strokes", str(tmp_path / "empty.jsonl")),
                          "no drawings in it")
    (tmp_path / "notes.npy").write_text("not numbers")
    result = digitpad("predict", "--tensor", str(tmp_path / "notes.npy"))
    assert_one_line_error(result, "notes.npy: not a NumPy .npy array")
    assert "pickle" not in result.stderr  # NumPy's advice to load it unsafely is not passed on


def test_bundled_model_answers_from_any_folder(tmp_path):
    result = digitpad("predict", "--strokes", "-", stdin=json.dumps({"strokes": seven()}), cwd=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout)["label"] == 7


def test_the_window_keeps_tensorflows_chatter_out_of_the_terminal(tmp_path):
    """Started as a person starts it (offscreen here), until TensorFlow's process is up: the terminal
    gets Qt's messages and ours, not TensorFlow's C++ start-up notices (CUDA, absl)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DIGITPAD_REPORT_STARTUP": "exit", "HOME": str(tmp_path)}
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)
    env.pop("DIGITPAD_DEBUG", None)
    result = subprocess.run([sys.executable, "-m", "digitpad"], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "startup: TensorFlow ready" in result.stderr
    chatter = [line for line in result.stderr.splitlines() if not line.startswith(("startup:", "This plugin"))]
    assert chatter == [], result.stderr
