"""The Runs view of the Train panel, and a second run's network reading the pad beside the model in use."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import h5py
import numpy as np
import pytest
from PySide6.QtCharts import QScatterSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView, QWidget

from digitpad.app.window.automation import draw
from digitpad.model.files.runs import Run, RunStore
from drawings import seven


def shifted_model(source: Path, target: Path) -> None:
    """A copy of a model whose last layer's outputs are rolled by one: it reads every digit d as d + 1.
    A second network that answers differently, without training one."""
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    buffer = io.BytesIO(members["model.weights.h5"])
    with h5py.File(buffer, "r+") as weights:
        for name in ("layers/dense_1/vars/0", "layers/dense_1/vars/1"):
            weights[name][...] = np.roll(weights[name][...], 1, axis=-1)
    members["model.weights.h5"] = buffer.getvalue()
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def a_run(run_id: str, name: str, accuracy: float, per_digit: list[float], **changes) -> Run:
    accuracy_so_far = accuracy or 0.9
    curves = [{"epoch": e, "seconds": 10.0 * e, "loss": 0.5 / e, "accuracy": accuracy_so_far - 0.02 / e,
               "val_loss": 0.4 / e, "val_accuracy": accuracy_so_far - 0.01 / e} for e in (1, 2, 3)]
    values = dict(id=run_id, date=f"2026-12-0{run_id[7]}T12:00:00", name=name,
                  network={"name": "seed", "summary": ["Conv2D(32, 3×3, relu)"], "parameters": 93322},
                  data={"sources": ["MNIST"], "counts": {"mnist": 60000}}, recipe="seed",
                  settings={"epochs": 3, "batch_size": 64, "learning_rate": 0.001}, device="/CPU:0", seed=0,
                  curves=curves, test_accuracy=accuracy, per_digit=per_digit, seconds=30.0)
    values.update(changes)
    return Run(**values)


@pytest.fixture
def runs_data(tmp_path, bundled_model_file) -> Path:
    """A data folder with three runs: the bundled model, a 'dense' one (a shifted copy), and a cancelled one."""
    data = tmp_path / "data"
    store = RunStore(data)
    shifted = tmp_path / "shifted.keras"
    shifted_model(bundled_model_file, shifted)
    store.save(a_run("20261201-120000-aaaa", "bundled", 0.99, [0.99] * 10), bundled_model_file)
    store.save(a_run("20261202-120000-bbbb", "dense", 0.97, [1.0] * 5 + [0.96] * 5,
                     network={"name": "dense", "summary": ["Dense(512, relu)"], "parameters": 407050},
                     settings={"epochs": 3, "batch_size": 128, "learning_rate": 0.001}), shifted)
    store.save(a_run("20261203-120000-cccc", "stopped", None, [], status="cancelled", reached="epoch 1 of 3",
                     curves=[]))
    return data


@pytest.fixture
def window(qtbot, runs_data, settings_file, monkeypatch):
    """The window started with DIGITPAD_DATA pointing at the runs' data folder."""
    from PySide6.QtCore import QSettings

    from digitpad.app.window.main import build_main_window

    monkeypatch.setenv("DIGITPAD_DATA", str(runs_data))
    window = build_main_window(settings=QSettings(str(settings_file), QSettings.Format.IniFormat), load_model=False)
    window.resize(1300, 800)
    window.show()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.modelReady, timeout=120_000):
        window.start_loading_model()
    window.tabs.setCurrentWidget(window.train_panel)
    view = window.train_panel.runs_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=10_000)
    return window


def by_name(view, *names: str) -> list[str]:
    return [run.id for run in view.model.runs if run.name in names]


def test_the_window_shows_the_runs_of_digitpad_data(window):
    table = window.findChild(QTableView, "runsTable")
    assert table is not None and table.model().rowCount() == 2  # the cancelled run on request
    names = {table.model().index(row, 0).data() for row in range(2)}
    assert names == {"bundled", "dense"}
    window.train_panel.runs_view.stopped_check.click()
    names = {table.model().index(row, 0).data() for row in range(table.model().rowCount())}
    assert names == {"bundled", "dense", "stopped (cancelled)"}


def test_the_table_sorts_by_test_accuracy(window):
    table = window.findChild(QTableView, "runsTable")
    assert table.model().headerData(1, Qt.Orientation.Horizontal) == "Test accuracy"  # beside the name
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [table.model().index(row, 0).data() for row in range(2)] == ["bundled", "dense"]
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # parameters
    assert table.model().index(0, 0).data() == "dense"


def test_in_a_1024_pixel_window_the_test_accuracy_is_in_sight_and_names_keep_their_time(window, qtbot):
    window.resize(1024, 640)
    qtbot.wait(50)
    view = window.train_panel.runs_view
    renamed = view.model.runs[view.model.run_index(by_name(view, "dense")[0])]
    view.rename_run(renamed.id, "Conv6(5×5)–AvgPool–Conv16(5×5)–AvgPool–Dense120–Dense84–Dense10 · fast · 12-04 20:36")
    qtbot.waitUntil(lambda: any(run.name.endswith("20:36") for run in view.model.runs))
    table = view.table
    assert table.columnViewportPosition(1) + table.columnWidth(1) <= table.viewport().width()
    row = view.proxy.mapFromSource(view.model.index(view.model.run_index(renamed.id), 0)).row()
    shown = table.fontMetrics().elidedText(table.model().index(row, 0).data(), table.textElideMode(),
                                           table.columnWidth(0) - 8)
    assert "…" in shown and shown.endswith("20:36")  # cut in the middle: the time tells two runs apart


def test_in_a_1024_by_600_window_seven_runs_are_in_sight(window, qtbot):
    """The table showed five rows in a 1024×600 and in a 1366×768 window, its height held by the panel's scroll area."""
    window.resize(1024, 600)
    qtbot.wait(50)
    table = window.train_panel.runs_view.table
    assert table.viewport().height() // table.rowHeight(0) >= 7


def test_in_a_1024_by_600_window_the_limits_label_is_one_line_and_the_panel_fits(window, qtbot):
    """'Keep at most:' wrapped onto two lines beside its boxes, which kept their widest width."""
    window.resize(1024, 600)
    window.tabs.setCurrentWidget(window.train_panel)
    qtbot.wait(50)
    label = window.train_panel.runs_view.limits_label
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    panel = window.train_panel
    assert panel.widget().width() <= panel.viewport().width()


def test_select_two_runs_overlays_their_curves_and_shows_what_differs(window, qtbot):
    view = window.train_panel.runs_view
    view.select_runs(by_name(view, "bundled", "dense"))
    assert view.curves.series_count() == 4  # training and validation of each
    legend = view.curves.chart().legend()
    qtbot.wait(1)  # the legend lays its markers out in the event loop
    assert sorted(marker.label() for marker in legend.markers() if marker.isVisible()) == ["bundled", "dense"]
    assert view.curves.chart().title() == "training: solid, ● · validation: dashed, ■"  # markers show no dashes
    circle, square = QScatterSeries.MarkerShape.MarkerShapeCircle, QScatterSeries.MarkerShape.MarkerShapeRectangle
    assert view.curves.dot_shapes() == [("bundled", circle), ("bundled", square), ("dense", circle), ("dense", square)]
    differences = window.findChild(QWidget, "runDifferences")
    rows = [differences.verticalHeaderItem(row).text() for row in range(differences.rowCount())]
    assert rows[0] == "network" and "parameters" in rows and "batch size" in rows  # in words
    assert "learning rate" not in rows and "recipe" not in rows  # only what differs
    keys = [differences.verticalHeaderItem(row).toolTip() for row in range(differences.rowCount())]
    assert "settings.batch_size" in keys  # what `digitpad runs --compare` calls it
    assert differences.item(0, 0).text() == "seed convnet" and differences.item(0, 1).text() == "dense network"
    assert view.digit_changes.worse() == [5, 6, 7, 8, 9] and view.digit_changes.better() == [0, 1, 2, 3, 4]
    assert "worse on: 5, 6, 7, 8, 9" in view.digits_label.text()
    assert "test accuracy 99.00% → 97.00%" in view.digits_label.text()  # which run is better, in one line
    parameters = rows.index("parameters")
    assert [differences.item(parameters, c).text() for c in (0, 1)] == ["93,322", "407,050"]
    view.axis_combo.setCurrentIndex(1)  # against seconds
    assert view.curves.axis_x.max() >= 30.0  # the last epoch ended at 30 s
    assert view.curves.axis_x.titleText() == "seconds"
    assert view.curves.axis_x.tickInterval() == 10 and view.curves.axis_x.labelFormat() == "%.0f"


def test_why_a_run_failed_and_how_far_a_cancelled_one_got_are_said_in_the_windows_language(window, qtbot,
                                                                                            runs_data):
    """The run's record kept the reason as English text only: the Korean window's tooltip said it in English."""
    from digitpad.model.words import FileProblem, Words, reason_json

    short = FileProblem("/data/short.npz", Words("x_{split} has shape {shape}, expected (n, 28, 28)", split="train",
                                                 shape=(20, 27, 28)))
    store = RunStore(runs_data)
    store.save(a_run("20261204-120000-dddd", "broken", None, [], status="failed", curves=[], error=str(short),
                     error_words=reason_json(short)))
    store.save(a_run("20261205-120000-eeee", "stopped", None, [], status="cancelled", reached="epoch 3 of 5",
                     settings={"epochs": 5}))
    view = window.train_panel.runs_view
    view.stopped_check.setChecked(True)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()

    def tooltip(run_id: str) -> str:
        return view.model.index(view.model.run_index(run_id), 0).data(Qt.ItemDataRole.ToolTipRole).split("\n")[1]

    assert tooltip("20261204-120000-dddd") == "short.npz: x_train has shape (20, 27, 28), expected (n, 28, 28)"
    assert tooltip("20261205-120000-eeee") == "epoch 3 of 5"
    window.set_language("ko")
    assert tooltip("20261204-120000-dddd") == "short.npz: x_train의 모양이 (20, 27, 28)입니다. (n, 28, 28)이어야 합니다"
    assert tooltip("20261205-120000-eeee") == "에포크 5개 중 3개 완료"


def test_the_names_digitpad_gives_runs_are_said_in_the_windows_language(window, qtbot, runs_data):
    """A run is named by its network, recipe and time; in Korean those words are Korean, and a name the user
    typed stays as typed."""
    view = window.train_panel.runs_view
    store = RunStore(runs_data)
    store.save(a_run("20261204-120000-dddd", "seed · fast · 12-04 12:00", 0.98, [0.98] * 10, recipe="fast"), None)
    store.save(a_run("20261205-120000-eeee", "Conv8–Dense10 · custom · 12-05 12:00", 0.9, [0.9] * 10,
                     recipe="custom", network={"name": "Conv8–Dense10", "parameters": 54410}), None)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
    window.set_language("ko")
    names = {view.model.index(row, 0).data() for row in range(view.model.rowCount())}
    assert {"원본 컨브넷 · 빠른 학습 · 12-04 12:00", "Conv8–Dense10 · 직접 설정 · 12-05 12:00", "bundled"} <= names
    networks = {view.model.index(row, 2).data() for row in range(view.model.rowCount())}
    assert {"원본 컨브넷", "완전 연결 신경망", "Conv8–Dense10"} <= networks
    window.set_language("en")
    names = {view.model.index(row, 0).data() for row in range(view.model.rowCount())}
    assert "seed convnet · fast · 12-04 12:00" in names
    given = view.model.index(view.model.run_index("20261204-120000-dddd"), 0)
    assert given.data(Qt.ItemDataRole.EditRole) == "seed convnet · fast · 12-04 12:00"  # renaming starts from it
    assert not view.model.setData(given, "seed convnet · fast · 12-04 12:00")  # left as it was: still given
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        assert view.model.setData(given, "my first try")
    assert store.get("20261204-120000-dddd").name == "my first try"


def test_tick_labels_have_the_decimals_their_step_needs():
    """A two-second run's axis read "0, 1, 1, 2, 2": ticks half a second apart, labelled without decimals."""
    from PySide6.QtCharts import QValueAxis

    from digitpad.app.train.views import nice_step, set_axis

    axis = QValueAxis()
    for right, step, label_format in ((2.0, 0.5, "%.1f"), (1.0, 0.2, "%.1f"), (30.0, 10.0, "%.0f"), (0.5, 0.1, "%.1f")):
        assert nice_step(right / 5) == step
        set_axis(axis, 0.0, right * 1.04, nice_step(right / 5), anchor=0.0)
        assert axis.labelFormat() == label_format and axis.tickInterval() == step


def test_rename_keep_and_delete_a_run(window, qtbot, runs_data):
    view = window.train_panel.runs_view
    (dense,) = by_name(view, "dense")
    view.rename_run(dense, "wider layer")
    qtbot.waitUntil(lambda: "wider layer" in [run.name for run in view.model.runs])
    view.select_runs([dense])
    view.toggle_keep()
    qtbot.waitUntil(lambda: RunStore(runs_data).get(dense).keep)
    view.delete_runs(by_name(view, "stopped"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert len(RunStore(runs_data).load()[0]) == 2


def test_delete_asks_by_name_says_a_run_is_kept_and_defaults_to_no(window, qtbot, runs_data):
    """"Delete 1 run and its model?" named no run, said the same of a kept one, and Enter deleted it."""
    from PySide6.QtWidgets import QMessageBox

    view = window.train_panel.runs_view
    (dense,) = by_name(view, "dense")
    view.select_runs([dense])
    view.toggle_keep()
    qtbot.waitUntil(lambda: any(run.keep for run in view.model.runs if run.id == dense))
    view.select_runs([dense])
    view.delete_button.click()
    box = view.delete_box
    assert box.isVisible() and box.text().startswith("Delete “dense” and its model?")
    assert "It is marked Keep (★)." in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter keeps the run
    qtbot.waitUntil(lambda: view.delete_box is None)  # answered, and let go
    assert by_name(view, "dense")
    view.select_runs([dense])
    view.delete_button.click()
    view.delete_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not by_name(view, "dense"))
    assert dense not in [run.id for run in RunStore(runs_data).load()[0]]


def test_view_runs_scrolls_the_train_panel_to_the_runs(window, qtbot):
    """The runs are the Train panel's last box: a newcomer needed some forty turns of the wheel to find them."""
    window.tabs.setCurrentIndex(0)
    panel = window.train_panel
    panel.verticalScrollBar().setValue(0)
    window.runs_action.trigger()  # View > Runs, Ctrl+3
    assert window.tabs.currentWidget() is panel and window.runs_action.shortcut().toString() == "Ctrl+3"
    top = panel.runs_box.mapTo(panel.viewport(), panel.runs_box.rect().topLeft()).y()
    assert 0 <= top < panel.viewport().height() // 2
    qtbot.waitUntil(lambda: panel.runs_view.table.hasFocus())


def test_the_limit_on_runs_says_run_or_runs(window):
    """The limit box read "1 runs"."""
    box = window.train_panel.runs_view.max_runs
    box.setValue(1)
    assert box.text() == "1 run"
    box.setValue(20)
    assert box.text() == "20 runs"


def test_use_this_model_loads_the_runs_model(window, qtbot):
    view = window.train_panel.runs_view
    view.select_runs(by_name(view, "dense"))

    def name_cell(name: str) -> str:
        return view.model.data(view.model.index(view.model.run_index(by_name(view, name)[0]), 0))
    assert window.windowTitle() == "bundled model — DigitPad" and name_cell("dense") == "dense"
    with qtbot.waitSignal(window.modelReady, timeout=30_000) as ready:
        view.use_button.click()
    assert ready.args[0].source.endswith("model.keras")
    # The window and the table say which run the pad reads with (a newcomer found it named nowhere).
    assert window.windowTitle().startswith("dense") and name_cell("dense") == "▶ dense"
    assert not view.use_button.isEnabled()  # it is the model in use already
    assert name_cell("bundled") == "bundled"
    dense = by_name(view, "dense")[0]
    view.rename_run(dense, "my dense")
    qtbot.waitUntil(lambda: window.windowTitle() == "my dense — DigitPad")  # renamed, the title follows
    with qtbot.waitSignal(window.modelReady, timeout=30_000) as ready:  # the pad read on with a deleted file,
        view.delete_runs([dense])                                       # and the next start said it was missing
    assert window.models.bundled_in_use() and window.windowTitle() == "bundled model — DigitPad"


def test_deleting_the_run_a_used_model_was_copied_from_keeps_the_copy_in_use(window, qtbot):
    """The Results' 'Use this model' keeps a copy in models/: deleting its run must not take the pad back to the
    bundled model (the review found it did, once the run and the copy were linked for the ▶ mark)."""
    view = window.train_panel.runs_view
    dense = view.model.runs[view.model.run_index(by_name(view, "dense")[0])]
    with qtbot.waitSignal(window.modelReady, timeout=30_000):
        window.models.adopt(str(dense.model_path), "trained 12:00 (97.00%)", dense.id)
    copy = window.predictor.source
    assert "models" in copy and view.model.data(view.model.index(view.model.run_index(dense.id), 0)) == "▶ dense"
    view.delete_runs([dense.id])
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    qtbot.wait(50)
    assert window.predictor.source == copy and not window.models.bundled_in_use()


def test_two_networks_read_one_drawing_side_by_side(window, qtbot):
    view = window.train_panel.runs_view
    view.select_runs(by_name(view, "dense"))
    second = window.findChild(QWidget, "secondNetwork")
    assert second is not None and not second.isVisible()
    with qtbot.waitSignal(second.ready, timeout=30_000):
        view.beside_button.click()
    assert second.isVisible()
    draw(window.canvas, seven())
    first_answer = window.prediction.label
    assert first_answer is not None
    assert second.answer() == (first_answer + 1) % 10  # the shifted network
    assert second.chart.winner() == second.answer() and window.answer.chart.winner() == first_answer
    assert "dense" in second.title.text() and "bundled model" in second.title.toolTip()
    window.clear()
    assert second.answer() is None
    second.close_button.click()
    assert not second.isVisible()


def test_a_damaged_record_is_not_shown_and_the_view_says_so(qtbot, runs_data, settings_file, monkeypatch):
    from PySide6.QtCore import QSettings

    from digitpad.app.window.main import build_main_window

    (runs_data / "runs" / "20261201-120000-aaaa" / "run.json").write_text("{", "utf-8")
    monkeypatch.setenv("DIGITPAD_DATA", str(runs_data))
    window = build_main_window(settings=QSettings(str(settings_file), QSettings.Format.IniFormat), load_model=False)
    qtbot.addWidget(window)
    view = window.train_panel.runs_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    assert "could not be read" in view.status_label.text()


def test_a_training_in_the_window_is_kept_as_a_run(ready_window, qtbot, mnist_path, tmp_path):
    from PySide6.QtWidgets import QSpinBox

    window = ready_window()
    panel = window.train_panel
    panel.settings.mnist_path.setText(str(mnist_path))
    panel.settings.mnist_limit_spin.setValue(3000)
    panel.findChild(QSpinBox, "epochsSpin").setValue(1)
    with qtbot.waitSignal(panel.trainingFinished, timeout=300_000):
        panel.train_button.click()
    view = panel.runs_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    run = view.model.runs[0]
    assert run.status == "finished" and run.epochs == 1 and run.model_path.is_file()
    assert run.test_accuracy == pytest.approx(panel.outcome.result.test_accuracy, abs=1e-4)
    assert run.data["counts"]["mnist"] == 3000 and run.network["parameters"] == 93322
    qtbot.waitUntil(lambda: not panel.is_training(), timeout=10_000)
    panel.train_button.click()  # a second one, cancelled at once
    with qtbot.waitSignal(panel.task.finished, timeout=120_000):
        panel.cancel_training()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    assert {run.status for run in view.model.runs} == {"finished", "cancelled"}
    shutil.rmtree(tmp_path / "data" / "runs", ignore_errors=True)


def test_a_click_on_the_second_chart_explains_it_in_the_second_network(window, qtbot):
    view = window.train_panel.runs_view
    view.select_runs(by_name(view, "dense"))
    second = window.second_answer
    with qtbot.waitSignal(second.ready, timeout=30_000):
        view.beside_button.click()
    draw(window.canvas, seven())
    digit = second.answer()
    qtbot.mouseClick(second.chart, Qt.MouseButton.LeftButton, pos=second.chart.bar_centre(digit).toPoint())
    step = window.explain.step
    assert step is not None and step.kind == "Output" and step.channel == digit
    assert window.statusBar().currentMessage() == "The Network tab shows the second network: dense"  # a name
    # The arithmetic is of the drawing as drawn; at pen-up the bar is that reading and six changed views together.
    assert step.value == pytest.approx(float(second.prediction.activations[-1][digit]), abs=1e-5)
    assert window.tabs.currentWidget() is window.feature_maps
    first = window.prediction.label
    qtbot.mouseClick(window.answer.chart, Qt.MouseButton.LeftButton,
                     pos=window.answer.chart.bar_centre(first).toPoint())
    assert window.explain.network is None
    assert window.explain.step.value == pytest.approx(float(window.prediction.activations[-1][first]), abs=1e-5)


def test_the_charts_legend_keeps_the_end_of_long_names(window, qtbot):
    """Two runs of one design and recipe both read "dense network · fast · 1…" in the legend: the time was cut."""
    view = window.train_panel.runs_view
    for name, time in (("bundled", "12-04 22:16"), ("dense", "12-04 22:22")):
        view.rename_run(by_name(view, name)[0], f"a rather long network name · fast · {time}")
    qtbot.waitUntil(lambda: sum(run.name.startswith("a rather") for run in view.model.runs) == 2)
    view.select_runs([run.id for run in view.model.runs if run.name.startswith("a rather")])
    qtbot.wait(1)  # the legend lays its markers out in the event loop
    labels = sorted(marker.label() for marker in view.curves.chart().legend().markers() if marker.isVisible())
    assert len(labels) == 2 and labels[0].endswith("22:16") and labels[1].endswith("22:22")
    assert all("…" in label for label in labels)  # cut in the middle to fit, not by the legend at the end
    assert all(label.endswith(f" · {time}") for label, time in zip(labels, ("12-04 22:16", "12-04 22:22")))


def test_a_long_name_in_the_table_is_cut_before_its_time(window, qtbot):
    """A newcomer read "seed convn…2-05 17:03": the cut fell inside the date. The time stays whole, after " · "."""
    view = window.train_panel.runs_view
    view.rename_run(by_name(view, "dense")[0], "a rather long network name · fast · 12-04 22:22")
    qtbot.waitUntil(lambda: bool(by_name(view, "a rather long network name · fast · 12-04 22:22")))
    row = next(row for row in range(view.proxy.rowCount())
               if view.proxy.index(row, 0).data().startswith("a rather"))
    index = view.proxy.index(row, 0)
    for width in (120, 140, 200):  # at 1024 px the column is about 127 px wide
        view.table.setColumnWidth(0, width)
        option = QStyleOptionViewItem()
        option.initFrom(view.table)
        option.rect = view.table.visualRect(index)
        view.table.itemDelegateForColumn(0).initStyleOption(option, index)
        assert "…" in option.text and option.text.endswith(" · 12-04 22:22")
        assert option.fontMetrics.horizontalAdvance(option.text) <= option.rect.width()


# --- cancelled and failed runs: listed only when asked for --------------------------------------------------

@pytest.fixture
def stopped_runs_data(tmp_path, bundled_model_file) -> Path:
    """Two finished runs with a cancelled and a failed one between them (newest first: failed, later, cancelled,
    earlier), so that the table's rows are not the store's."""
    data = tmp_path / "stopped-data"
    store = RunStore(data)
    store.save(a_run("20261201-120000-aaaa", "earlier", 0.98, [0.98] * 10), bundled_model_file)
    store.save(a_run("20261202-120000-bbbb", "stopped", None, [], status="cancelled", curves=[]))
    store.save(a_run("20261203-120000-cccc", "later", 0.99, [0.99] * 10), bundled_model_file)
    store.save(a_run("20261204-120000-dddd", "broken", None, [], status="failed", error="out of memory",
                     curves=[]))
    return data


@pytest.fixture
def make_runs_view(qtbot, settings_file):
    """A Runs view on its own, reading a data folder, with the window's settings file; a second call builds a new
    view on the same settings, as a restart does."""
    from PySide6.QtCore import QSettings

    from digitpad.app.common.tasks import TaskRunner
    from digitpad.app.train.runs_view import RunsView

    runners = []

    def make(data: Path, run_in_use: str | None = None):
        runner = TaskRunner()
        runners.append(runner)
        view = RunsView(runner)
        view.run_in_use = lambda: run_in_use
        qtbot.addWidget(view)
        view.remember_in(QSettings(str(settings_file), QSettings.Format.IniFormat))
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            view.set_data_folder(data)
        view.show()
        return view

    yield make
    for runner in runners:
        runner.shutdown()


def shown_names(view) -> list[str]:
    """The names in the table's rows, top to bottom, as the person sees them."""
    table = view.table.model()
    return [table.index(row, 0).data() for row in range(table.rowCount())]


def test_cancelled_and_failed_runs_are_shown_on_request_and_the_choice_is_kept(make_runs_view, tmp_path,
                                                                               stopped_runs_data):
    store = RunStore(stopped_runs_data)
    store.delete("20261201-120000-aaaa")  # one finished run and two stopped ones
    view = make_runs_view(stopped_runs_data)
    assert shown_names(view) == ["later"]
    assert view.stopped_check.isVisible() and not view.stopped_check.isChecked()
    assert view.stopped_check.text() == "Show cancelled and failed runs (2)"
    view.stopped_check.click()
    assert shown_names(view) == ["broken (failed)", "later", "stopped (cancelled)"]
    again = make_runs_view(stopped_runs_data)  # a restart: the same settings
    assert again.stopped_check.isChecked() and len(shown_names(again)) == 3


def test_without_cancelled_or_failed_runs_there_is_no_checkbox(make_runs_view, tmp_path, bundled_model_file):
    data = tmp_path / "finished-only"
    RunStore(data).save(a_run("20261201-120000-aaaa", "only", 0.98, [0.98] * 10), bundled_model_file)
    view = make_runs_view(data)
    assert shown_names(view) == ["only"] and not view.stopped_check.isVisible()


def test_only_cancelled_runs_say_why_the_table_is_empty(make_runs_view, tmp_path):
    data = tmp_path / "cancelled-only"
    RunStore(data).save(a_run("20261201-120000-aaaa", "stopped", None, [], status="cancelled", curves=[]))
    view = make_runs_view(data)
    assert shown_names(view) == [] and view.stopped_check.text() == "Show cancelled and failed runs (1)"
    assert view.status_label.text() == "No finished runs yet: the cancelled and failed ones are hidden."
    view.stopped_check.click()
    assert shown_names(view) == ["stopped (cancelled)"] and "No finished runs" not in view.status_label.text()


def test_the_run_in_use_and_a_selected_run_are_never_hidden(make_runs_view, stopped_runs_data, bundled_model_file):
    """A cancelled run whose model the pad reads with (a record with a model file) stays marked ▶ in the table; a
    failed run the person is looking at stays when the box is unticked."""
    store = RunStore(stopped_runs_data)
    store.delete("20261202-120000-bbbb")
    in_use = store.save(a_run("20261202-120000-eeee", "stopped", None, [], status="cancelled"), bundled_model_file)
    view = make_runs_view(stopped_runs_data, run_in_use=in_use.id)
    assert shown_names(view) == ["later", "▶ stopped", "earlier"]  # the failed run is hidden
    view.stopped_check.click()
    view.select_runs(by_name(view, "broken"))
    view.stopped_check.click()  # unticked while the failed run is selected
    assert "broken (failed)" in shown_names(view) and view.selected_ids() == by_name(view, "broken")
    view.select_runs(by_name(view, "later"))  # looked away: the failed run may go
    assert "broken (failed)" not in shown_names(view)


def test_select_use_rename_keep_and_delete_act_on_the_row_clicked_with_runs_hidden(make_runs_view, qtbot,
                                                                                   stopped_runs_data):
    view = make_runs_view(stopped_runs_data)
    assert shown_names(view) == ["later", "earlier"]
    (earlier,) = by_name(view, "earlier")
    view.table.selectRow(1)
    assert view.selected_ids() == [earlier] and view.use_button.isEnabled()
    with qtbot.waitSignal(view.useModelRequested) as used:
        view.use_button.click()
    assert used.args[0] == str(RunStore(stopped_runs_data).get(earlier).model_path)
    with qtbot.waitSignal(view.loaded, timeout=10_000):  # typed into the name's cell, as a double-click does
        view.table.model().setData(view.table.model().index(1, 0), "my first")
    assert RunStore(stopped_runs_data).get(earlier).name == "my first"
    assert view.selected_ids() == [earlier]  # still selected after the list was read again
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.toggle_keep()
    assert RunStore(stopped_runs_data).get(earlier).keep and shown_names(view)[1] == "★ my first"
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.delete_runs(view.selected_ids())
    assert sorted(run.name for run in RunStore(stopped_runs_data).load()[0]) == ["broken", "later", "stopped"]
    assert shown_names(view) == ["later"]
