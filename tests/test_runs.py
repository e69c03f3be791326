"""Every training kept as a run: records in the data folder, ``digitpad runs``, TensorBoard's logs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from digitpad.model.files.data_folder import data_folder, qt_app_data_location
from digitpad.model.files.runs import Limits, Run, RunError, RunStore, differences, new_run_id, require_model


def make_run(name: str = "a run", **changes) -> Run:
    values = dict(id=new_run_id() + name.replace(" ", ""), date="2026-12-02T12:00:00", name=name,
                  network={"name": "seed", "summary": ["Conv2D(32, 3×3, relu)"], "parameters": 93322},
                  data={"sources": ["MNIST"], "counts": {"mnist": 6000}}, recipe="fast",
                  settings={"epochs": 1, "batch_size": 64}, device="/CPU:0", seed=0,
                  curves=[{"epoch": 1, "seconds": 3.0, "loss": 0.5, "accuracy": 0.9, "val_loss": 0.4,
                           "val_accuracy": 0.95}],
                  test_accuracy=0.95, per_digit=[0.95] * 10, seconds=4.0)
    values.update(changes)
    return Run(**values)


@pytest.fixture
def model_file(tmp_path) -> Path:
    path = tmp_path / "trained.keras"
    path.write_bytes(b"PK" + b"\0" * 1000)
    return path


# --- records ------------------------------------------------------------------------------------

def test_a_run_is_kept_with_its_model_and_read_back(tmp_path, model_file):
    store = RunStore(tmp_path)
    saved = store.save(make_run(), model_file)
    runs, warnings = store.load()
    assert warnings == [] and [run.id for run in runs] == [saved.id]
    assert runs[0].model_path.read_bytes() == model_file.read_bytes()
    assert runs[0].parameters == 93322 and runs[0].epochs == 1 and runs[0].test_accuracy == 0.95


def test_a_damaged_record_is_skipped_with_one_warning_and_the_others_load(tmp_path, model_file):
    store = RunStore(tmp_path)
    good = store.save(make_run("good"), model_file)
    broken = store.save(make_run("broken"), model_file)
    edited = store.save(make_run("edited"), model_file)
    deep = store.save(make_run("deep"), model_file)
    (broken.folder / "run.json").write_text('{"id": "half', "utf-8")
    (deep.folder / "run.json").write_text('{"id": ' + "[" * 100_000, "utf-8")  # deeper than json can read
    record = json.loads((edited.folder / "run.json").read_text("utf-8"))
    record["curves"] = "not a list"
    (edited.folder / "run.json").write_text(json.dumps(record), "utf-8")
    runs, warnings = store.load()
    assert [run.id for run in runs] == [good.id]
    assert len(warnings) == 3 and all(run.id in " ".join(warnings) for run in (broken, edited, deep))
    with pytest.raises(RunError, match="damaged record"):
        store.get(broken.id)


def test_a_record_never_names_a_model_that_was_not_written(tmp_path):
    store = RunStore(tmp_path)
    with pytest.raises(OSError):
        store.save(make_run(), tmp_path / "no such model.keras")
    assert store.load() == ([], [])
    assert list(store.folder.iterdir()) == []  # nothing half-written is left


def test_a_run_whose_model_file_is_gone_is_refused_by_id(tmp_path, model_file):
    store = RunStore(tmp_path)
    run = store.save(make_run(), model_file)
    run.model_path.unlink()
    with pytest.raises(RunError, match="model file .* is missing"):
        require_model(store.get(run.id))


def test_two_runs_with_the_same_name_are_told_apart(tmp_path, model_file):
    """Same network and recipe, started in the same minute: the legend and the comparison named both alike."""
    store = RunStore(tmp_path)
    names = [store.save(make_run("seed · fast · 12-04 16:13", id=f"20261204-16130{i}-000{i}"), model_file).name
             for i in range(3)]
    assert names == ["seed · fast · 12-04 16:13", "seed · fast · 12-04 16:13 (2)", "seed · fast · 12-04 16:13 (3)"]
    assert sorted(run.name for run in store.load()[0]) == sorted(names)


def test_a_run_knows_the_parts_of_the_name_it_was_given_until_it_is_renamed():
    """The window says a given name's network and recipe in its own language; a name the user typed stays."""
    given = make_run("seed · fast · 12-02 12:00")
    assert given.given_name_parts == ("seed", "fast", "12-02 12:00", "")
    assert make_run("seed · fast · 12-02 12:00 (2)").given_name_parts == ("seed", "fast", "12-02 12:00", " (2)")
    assert make_run("seed · fast · 12-02 12:00 (best)").given_name_parts is None
    assert make_run("my first try").given_name_parts is None


def test_a_design_from_the_editor_is_named_by_its_layers_and_a_fine_tuning_as_one():
    """Every design from the editor was "custom": a list of runs could not tell two designs apart."""
    from digitpad.model.network.designs import PRESETS as DESIGNS
    from digitpad.model.network.designs import Design
    from digitpad.model.training.recipes import PRESETS, TrainRequest
    from digitpad.model.training.run_recording import RunRecorder

    def network_name(**request) -> str:
        return RunRecorder(None, TrainRequest(PRESETS["fast"], **request))._run("finished").network_name

    lenet = DESIGNS["lenet5"]
    assert network_name(network=lenet.to_data()) == "lenet5"
    assert network_name(network=Design(lenet.layers).to_data()) == "Conv6(5×5, same, tanh)–AvgPool–Conv16(5×5, " \
                                                                    "tanh)–AvgPool–Dense120(tanh)–Dense84(tanh)–Dense10"
    with_relu = Design(tuple(spec.with_settings(activation="relu") if spec.get("activation") == "tanh" else spec
                             for spec in lenet.layers))  # had the tanh network's name
    assert network_name(network=with_relu.to_data()) == "Conv6(5×5, same)–AvgPool–Conv16(5×5)–AvgPool–Dense120–" \
                                                        "Dense84–Dense10"
    strided = Design((DESIGNS["seed"].layers[0].with_settings(strides=2), *DESIGNS["seed"].layers[1:]))
    assert network_name(network=strided.to_data()).startswith("Conv32(stride 2)–Pool–Conv64–")
    assert network_name(network=Design(lenet.layers, "my_net").to_data()) == "my_net"  # a file's name
    dense_in_seed_json = Design(DESIGNS["dense"].layers, "seed").to_data()  # never taken for the preset
    assert network_name(network=dense_in_seed_json) == "Dense512–Dense10"
    assert network_name(base_model_path="model.keras") == "fine-tuned"


def test_a_run_deleted_while_another_is_saved_does_not_fail_the_save(tmp_path, model_file, monkeypatch):
    """Retention works from the records read before the model was copied; a run deleted meanwhile (by the
    window, or another digitpad) made the save raise after the new run was kept."""
    import digitpad.model.files.runs as runs

    store = RunStore(tmp_path)
    store.set_limits(Limits(max_runs=1, max_megabytes=500))
    old = store.save(make_run("old", id="20261201-120000-0001"), model_file)
    copy = runs.copy_file_atomically

    def copy_while_the_old_run_is_deleted(source, target):
        RunStore(tmp_path).delete(old.id)
        copy(source, target)

    monkeypatch.setattr(runs, "copy_file_atomically", copy_while_the_old_run_is_deleted)
    new = store.save(make_run("new", id="20261202-120000-0002"), model_file)
    assert [run.id for run in store.load()[0]] == [new.id]


def test_rename_keep_and_delete(tmp_path, model_file):
    store = RunStore(tmp_path)
    run = store.save(make_run(), model_file)
    assert store.rename(run.id, "  wider  network ").name == "wider network"
    assert store.set_keep(run.id, True).keep
    assert store.get(run.id).name == "wider network" and store.get(run.id).keep
    store.delete(run.id)
    assert store.load() == ([], [])
    with pytest.raises(RunError, match="no run"):
        store.get(run.id)


def test_retention_removes_the_oldest_first_never_a_kept_run(tmp_path, model_file):
    store = RunStore(tmp_path)
    store.set_limits(Limits(max_runs=3, max_megabytes=500))
    ids = [store.save(make_run(f"run {i}", id=f"2026120{i}-120000-0000"), model_file).id for i in range(3)]
    store.set_keep(ids[0], True)
    newest = store.save(make_run("run 9", id="20261209-120000-0000"), model_file)
    kept = [run.id for run in store.load()[0]]
    assert kept == [newest.id, ids[2], ids[0]]  # the oldest not kept (run 1) went
    assert store.limits() == Limits(3, 500)


def test_retention_by_size(tmp_path, model_file):
    store = RunStore(tmp_path)
    store.set_limits(Limits(max_runs=50, max_megabytes=0.0025))  # room for about two runs of 1 KB
    for i in range(4):
        store.save(make_run(f"run {i}", id=f"2026120{i}-120000-0000"), model_file)
    assert store.total_bytes() <= 0.0025 * 2**20
    assert [run.id for run in store.load()[0]][0] == "20261203-120000-0000"


def test_differences_show_only_what_differs():
    first = make_run("a")
    second = make_run("b", network={"name": "dense", "summary": ["Dense(512)"], "parameters": 407050},
                      settings={"epochs": 1, "batch_size": 128})
    found = differences(first, second)
    assert found["network"] == ["seed", "dense"] and found["parameters"] == [93322, 407050]
    assert found["settings.batch_size"] == [64, 128]
    assert "settings.epochs" not in found and "recipe" not in found
    seeded = differences(make_run("a", seed=1, settings={"seed": 1}), make_run("b", seed=2, settings={"seed": 2}))
    assert seeded == {"settings.seed": [1, 2]}  # once, not also as the run's own "seed"


# --- the data folder ----------------------------------------------------------------------------

def test_digitpad_data_overrides_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGITPAD_DATA", str(tmp_path / "mine"))
    assert data_folder() == tmp_path / "mine"


def test_the_command_line_finds_the_windows_data_folder_without_qt(qapp, tmp_path, monkeypatch):
    """Qt's AppDataLocation for DigitPad and the folder platformdirs gives the command line are one."""
    from PySide6.QtCore import QStandardPaths

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    names = qapp.applicationName(), qapp.organizationName()
    qapp.setApplicationName("DigitPad")
    qapp.setOrganizationName("DigitPad")
    try:
        qt_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    finally:
        qapp.setApplicationName(names[0])
        qapp.setOrganizationName(names[1])
    assert Path(qt_folder) == qt_app_data_location()
    if sys.platform.startswith("linux"):
        assert qt_app_data_location() == tmp_path / "share" / "DigitPad" / "DigitPad"


# --- the command line, with real trainings -------------------------------------------------------

def digitpad(*args: str, data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "DIGITPAD_DATA": str(data)}
    return subprocess.run([sys.executable, "-m", "digitpad", *args], capture_output=True, text=True, env=env,
                          timeout=900)


def one_error_line(result: subprocess.CompletedProcess, text: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("digitpad: error:")]
    assert len(errors) == 1 and text in errors[0], result.stderr


@pytest.fixture(scope="module")
def two_trainings(tmp_path_factory, mnist_path):
    """Two small trainings of different settings in a fresh data folder, the first with TensorBoard's logs."""
    folder = tmp_path_factory.mktemp("runs")
    data, tensorboard = folder / "data", folder / "tb"
    first = digitpad("train", "--limit", "6000", "--epochs", "1", "--out", str(folder / "first.keras"),
                     "--tensorboard", str(tensorboard), "--data", str(mnist_path), data=data)
    assert first.returncode == 0, first.stderr
    second = digitpad("train", "--limit", "6000", "--epochs", "1", "--recipe", "seed", "--batch-size", "128",
                      "--out", str(folder / "second.keras"), "--data", str(mnist_path), data=data)
    assert second.returncode == 0, second.stderr
    ids = [json.loads(result.stdout)["run"] for result in (first, second)]
    return data, tensorboard, ids


def test_runs_lists_both_trainings_as_json(two_trainings):
    data, _, ids = two_trainings
    result = digitpad("runs", "--format", "json", data=data)
    assert result.returncode == 0, result.stderr
    runs = {run["id"]: run for run in json.loads(result.stdout)}
    assert set(runs) == set(ids)
    for run in runs.values():
        assert {"id", "network", "parameters", "epochs", "test_accuracy", "seconds", "model"} <= set(run)
        assert run["parameters"] == 93322 and run["epochs"] == 1 and Path(run["model"]).is_file()


def test_each_recorded_accuracy_is_what_evaluate_says(two_trainings, mnist_path):
    data, _, _ = two_trainings
    for run in json.loads(digitpad("runs", "--format", "json", data=data).stdout):
        evaluated = digitpad("evaluate", "--model", run["model"], "--data", str(mnist_path), data=data)
        assert evaluated.returncode == 0, evaluated.stderr
        assert abs(json.loads(evaluated.stdout)["accuracy"] - run["test_accuracy"]) <= 0.0005


def test_compare_names_what_differs(two_trainings):
    data, _, ids = two_trainings
    result = digitpad("runs", "--compare", *ids, "--format", "json", data=data)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)["differences"]
    # Both are the seed convnet on this branch (no --network dense yet): the recipes differ.
    assert found["recipe"] == ["fast", "seed"] and found["settings.batch_size"] == [64, 128]
    table = digitpad("runs", "--compare", *ids, data=data)
    assert "settings.batch_size" in table.stdout


def test_records_keep_curves_per_digit_accuracy_and_the_confusion_matrix(two_trainings):
    data, _, ids = two_trainings
    run = RunStore(data).get(ids[0])
    assert run.status == "finished" and run.curves[0]["epoch"] == 1 and run.curves[0]["seconds"] > 0
    assert run.curves[0]["val_accuracy"] > 0.5 and len(run.per_digit) == 10
    assert sum(map(sum, run.confusion)) == 10000 and run.data["counts"]["mnist"] == 6000
    assert run.settings["batch_size"] == 64 and run.device and run.network["summary"][0].startswith("Conv2D")


def test_tensorboards_own_reader_finds_loss_and_accuracy(two_trainings):
    from tensorboard.backend.event_processing import event_accumulator

    _, tensorboard, ids = two_trainings
    scalars = set()
    for folder in (tensorboard / ids[0] / "train", tensorboard / ids[0] / "validation"):
        accumulator = event_accumulator.EventAccumulator(str(folder), size_guidance={"tensors": 0})
        accumulator.Reload()
        scalars |= set(accumulator.Tags()["scalars"]) | set(accumulator.Tags()["tensors"])
    assert {"epoch_loss", "epoch_accuracy"} <= scalars
    hparams = event_accumulator.EventAccumulator(str(tensorboard / ids[0]))
    hparams.Reload()
    assert "_hparams_/session_start_info" in hparams.Tags()["tensors"]


def test_a_damaged_record_is_one_warning_and_the_others_are_listed(two_trainings, tmp_path):
    import shutil

    data, _, ids = two_trainings
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    (copy / "runs" / ids[0] / "run.json").write_text("{ torn", "utf-8")
    result = digitpad("runs", data=copy)
    assert result.returncode == 0 and ids[1] in result.stdout and ids[0] not in result.stdout
    assert len(result.stderr.strip().splitlines()) == 1 and "warning" in result.stderr
    one_error_line(digitpad("runs", "--show", ids[0], data=copy), "damaged record")
    one_error_line(digitpad("runs", "--compare", ids[0], ids[1], data=copy), "damaged record")


def test_unknown_ids_and_missing_models_are_one_line_and_exit_2(two_trainings, tmp_path):
    import shutil

    data, _, ids = two_trainings
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    one_error_line(digitpad("runs", "--show", "19990101-000000-dead", data=copy), "no run")
    one_error_line(digitpad("runs", "--delete", "nope", data=copy), "no run")
    (copy / "runs" / ids[1] / "model.keras").unlink()
    one_error_line(digitpad("runs", "--show", ids[1], data=copy), "is missing")


def test_export_and_delete(two_trainings, tmp_path):
    import csv
    import shutil

    data, _, ids = two_trainings
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    assert digitpad("runs", "--export", str(tmp_path / "runs.csv"), data=copy).returncode == 0
    rows = list(csv.DictReader((tmp_path / "runs.csv").open(encoding="utf-8")))
    assert {row["id"] for row in rows} == set(ids) and rows[0]["parameters"] == "93322"
    assert digitpad("runs", "--delete", ids[0], data=copy).returncode == 0
    assert [run["id"] for run in json.loads(digitpad("runs", "--format", "json", data=copy).stdout)] == [ids[1]]


def test_a_run_that_cannot_be_kept_is_one_line_and_exit_2(tmp_path, mnist_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "runs").write_text("a file where the runs folder should be", "utf-8")  # as a full disk: no room
    result = digitpad("train", "--limit", "600", "--epochs", "1", "--out", str(tmp_path / "m.keras"),
                      "--data", str(mnist_path), data=data)
    one_error_line(result, "could not keep the run")


def test_tensorboard_missing_is_one_line_and_exit_2(tmp_path):
    # A TensorBoard that cannot be imported, first on the path: as if it were not installed.
    fake = tmp_path / "fake"
    (fake / "tensorboard").mkdir(parents=True)
    (fake / "tensorboard" / "__init__.py").write_text("raise ImportError('no tensorboard here')\n", "utf-8")
    env_path = f"{fake}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"
    env = {**os.environ, "PYTHONPATH": env_path, "DIGITPAD_DATA": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-m", "digitpad", "train", "--out", str(tmp_path / "m.keras"),
                             "--tensorboard", str(tmp_path / "tb")], capture_output=True, text=True, env=env,
                            timeout=300)
    one_error_line(result, "pip install 'digitpad[tensorboard]'")


def test_a_failed_training_is_kept_as_failed_with_what_it_reached(tmp_path):
    from digitpad.model.training.recipes import PRESETS, SilentState, TrainRequest
    from digitpad.model.training.run_recording import RunRecorder, train_and_record

    store = RunStore(tmp_path / "data")
    request = TrainRequest(PRESETS["fast"], mnist_path=str(tmp_path / "no-such-mnist.npz"))
    with pytest.raises(Exception, match="no-such-mnist"):
        train_and_record(request, SilentState(), RunRecorder(store, request), lambda model: None)
    (run,) = store.load()[0]
    assert run.status == "failed" and "no-such-mnist" in run.error and run.model is None
    assert run.reached == "before the first epoch ended" and run.recipe == "fast"
    failure = run.failure  # its words kept, for the window to say in its language
    assert failure.reason.template.startswith("no such file or folder") and str(failure) == run.error


def test_a_failures_words_survive_the_record_as_they_were_given():
    """Template and values, words inside words, and a shape that is said "(20, 27, 28)", not "[20, 27, 28]"."""
    from digitpad.model.words import FileProblem, Words, reason_from_json, reason_json

    inner = Words("x_{split} has shape {shape}, expected (n, 28, 28)", split="train", shape=(20, 27, 28))
    for reason in (FileProblem("/d/short.npz", inner), Words("the line {line}: {why}", line=3, why=inner),
                   Words("{value!r} at {where:,}", value=None, where=1234567), "plain English text",
                   Words("the loss became {loss} at batch {batch}", loss=float("nan"), batch=8)):
        back = reason_from_json(json.loads(json.dumps(reason_json(reason), allow_nan=False)))
        assert type(back) is type(reason) and str(back) == str(reason)
        assert getattr(back, "template", None) == getattr(reason, "template", None)


@pytest.mark.parametrize("edited", [{"template": "{missing}", "values": {}}, {"path": 3, "reason": "x"}, [1, 2],
                                    {"template": "{a[9]}", "values": {"a": [1]}}, 7,
                                    {"template": "{a.real.b}", "values": {"a": 1}}, "",
                                    {"template": "{a:>900000000}", "values": {"a": 1}},
                                    {"template": "{a:.{b}f}", "values": {"a": 1.0, "b": 900000000}},
                                    {"path": "/d/x.npz", "reason": {"template": "{a:099999999}", "values": {"a": 1}}}])
def test_a_failures_words_edited_by_hand_fall_back_to_its_english_text(edited):
    run = Run(id="r", date="2026-12-05T12:00:00", name="n", status="failed", error="out of memory",
              error_words=edited)
    assert run.failure == "out of memory"


def test_a_run_is_named_after_the_recipe_its_settings_started_from(tmp_path):
    """The window's Train panel names its device and maybe more epochs: the run is still the recipe chosen,
    as `digitpad train --recipe fast --epochs 3` is."""
    from dataclasses import replace

    from digitpad.model.training.recipes import PRESETS, TrainRequest
    from digitpad.model.training.run_recording import RunRecorder

    chosen = replace(PRESETS["fast"], device="/CPU:0", epochs=3)
    assert RunRecorder(None, TrainRequest(chosen, recipe="fast")).recipe == "fast"
    assert RunRecorder(None, TrainRequest(chosen)).recipe == "custom"  # no choice known: by the settings alone
    assert RunRecorder(None, TrainRequest(PRESETS["seed"])).recipe == "seed"
