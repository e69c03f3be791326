"""The network editor in the Train panel, offscreen: presets, edits, the live summary, Train disabled
with the reason, designs remembered across restarts, Keras JSON files and Keras code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QLabel, QPushButton, QSpinBox, QTableWidget

from digitpad.app.window.automation import draw
from digitpad.app.window.main import build_main_window
from digitpad.model.network.design_formats import design_from_keras_json
from digitpad.model.network.designs import PRESETS, Design
from drawings import seven


@pytest.fixture
def settings(settings_file):
    return QSettings(str(settings_file), QSettings.Format.IniFormat)


@pytest.fixture
def window(settings, qtbot, tmp_path):
    window = build_main_window(settings=settings, data_dir=tmp_path / "data", load_model=False)
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.train_panel)
    return window


def editor_of(window):
    return window.train_panel.settings.network_editor


def choose(window, key: str) -> None:
    """Pick an entry of networkCombo as a person does (the combo's own activated signal)."""
    combo = window.train_panel.findChild(QComboBox, "networkCombo")
    index = combo.findData(key)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def summary_texts(window) -> list[str]:
    table = window.train_panel.findChild(QTableWidget, "networkSummary")
    return [table.item(row, column).text() for row in range(table.rowCount()) for column in range(table.columnCount())
            if table.item(row, column) is not None]


def set_kernel(window, layer_name: str, size: int) -> None:
    editor = editor_of(window)
    names = [spec.name for spec in editor.design().layers]
    editor.layer_list.setCurrentRow(names.index(layer_name))
    editor.findChild(QSpinBox, "layer_kernel").setValue(size)


def test_choosing_lenet5_shows_its_parameters_and_where_it_comes_from(window, qtbot):
    assert "93,322" in summary_texts(window)  # the seed, until something else is chosen
    choose(window, "lenet5")
    texts = summary_texts(window)
    assert "61,706" in texts and "⌈28 / 1⌉ = 28" in texts and "(5·5·1 + 1)·6 = 156" in texts
    table = window.train_panel.findChild(QTableWidget, "networkSummary")  # formulas off to the right: in a tip too
    assert table.item(0, 0).toolTip() == "Output shape: ⌈28 / 1⌉ = 28\nParameters: (5·5·1 + 1)·6 = 156"
    origin = window.train_panel.findChild(QLabel, "networkOrigin")
    assert "LeNet-5" in origin.text()
    assert window.train_panel.settings.request(None).network == PRESETS["lenet5"].to_data()
    window.show()
    qtbot.wait(10)  # laid out
    edit_button = editor_of(window).details_button
    place = edit_button.mapTo(window, edit_button.rect().topLeft())
    set_kernel(window, "conv1", 3)  # the first edit makes it Custom: its line stays, and the controls stay put
    qtbot.wait(10)
    assert origin.isVisible() and origin.text().startswith("Your own design")
    assert abs(edit_button.mapTo(window, edit_button.rect().topLeft()).y() - place.y()) <= origin.fontMetrics().height()


def test_the_chosen_layers_arithmetic_is_in_sight_under_the_summary(window):
    """The formulas' columns hid behind the table's scroll bar and a newcomer never found them."""
    choose(window, "lenet5")
    arithmetic = window.train_panel.findChild(QLabel, "networkArithmetic")
    assert arithmetic.text() == "conv1 (Conv2D): Output shape: ⌈28 / 1⌉ = 28 · Parameters: (5·5·1 + 1)·6 = 156"
    editor = editor_of(window)
    editor.layer_list.setCurrentRow(2)  # conv2, chosen in the editor's list
    assert arithmetic.text().startswith("conv2 (Conv2D): Output shape: 14 − 5 + 1 = 10")
    editor.summary_table.setCurrentCell(1, 1)  # a row of the summary itself
    assert arithmetic.text().startswith("pool1 (AveragePooling2D): Output shape:")
    editor.summary_table.setCurrentCell(editor.summary_table.rowCount() - 1, 0)  # Total: no layer's arithmetic
    assert arithmetic.text() == ""


def test_in_a_narrow_panel_the_layers_names_give_way_to_their_shapes_and_parameters(window, qtbot):
    """The parameters' column was cut at the table's edge in a 1024-pixel Korean window: the names shrink first."""
    window.resize(1024, 600)
    window.show()
    table = window.train_panel.findChild(QTableWidget, "networkSummary")
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    for width in (280, 340, 420):
        table.setFixedWidth(width)
        qtbot.waitUntil(lambda width=width: table.width() == width)
        qtbot.wait(1)
        assert table.columnViewportPosition(2) + table.columnWidth(2) <= table.viewport().width()
        assert table.columnWidth(0) >= table.sizeHintForColumn(0) // 2  # a name still shows its start


def test_an_impossible_design_disables_train_with_the_reason_until_fixed(window):
    train = window.train_panel.findChild(QPushButton, "trainButton")
    problem = window.train_panel.findChild(QLabel, "networkProblem")
    assert train.isEnabled()
    for name in ("conv1", "conv2", "conv3"):
        set_kernel(window, name, 5)
    assert not train.isEnabled()
    assert "conv3: a 5×5 patch does not fit the 4×4 map" in problem.text()
    beside_train = window.train_panel.findChild(QLabel, "trainBlocked")  # the editor's line is a screen higher
    assert not beside_train.isHidden() and "conv3: a 5×5 patch does not fit the 4×4 map" in beside_train.text()
    assert "conv3: a 5×5 patch" in train.toolTip()
    assert window.train_panel.findChild(QComboBox, "networkCombo").currentData() == "custom"
    set_kernel(window, "conv3", 3)
    assert train.isEnabled() and problem.text() == "" and beside_train.isHidden()
    assert train.toolTip().startswith("Train a new model")
    assert "(3·3·64 + 1)·64 = 36,928" in summary_texts(window)


def test_a_value_out_of_a_fields_range_from_a_file_is_fixed_by_confirming_the_field(window):
    """A Keras file's -4 filters showed as 1 in the field, and typing 1 changed nothing: no value changed."""
    editor = editor_of(window)
    layers = list(PRESETS["seed"].layers)
    layers[0] = layers[0].with_settings(filters=-4)
    editor.set_design(Design(tuple(layers)), custom=True)
    train = window.train_panel.findChild(QPushButton, "trainButton")
    assert not train.isEnabled()
    editor.layer_list.setCurrentRow(0)
    field = window.train_panel.findChild(QSpinBox, "layer_filters")
    assert field.value() == 1
    field.editingFinished.emit()  # Enter, or leaving the field
    assert editor.design().layers[0].get("filters") == 1 and train.isEnabled()


def test_a_custom_design_replaced_by_a_new_one_stays_at_hand(window, tmp_path):
    """Tweaking a preset replaced the one custom design, with no warning and no way back."""
    editor = editor_of(window)
    combo = window.train_panel.findChild(QComboBox, "networkCombo")
    set_kernel(window, "conv1", 5)  # my design, from the seed
    mine = editor.design()
    choose(window, "lenet5")
    set_kernel(window, "conv1", 3)  # a tweak of LeNet-5 becomes the custom design...
    tweaked = editor.design()
    assert combo.currentData() == "custom" and tweaked != mine
    assert combo.itemText(combo.findData("earlier-custom")) == "Earlier custom design"  # ... and mine stays
    choose(window, "earlier-custom")
    assert editor.design() == mine and combo.currentData() == "custom"
    choose(window, "earlier-custom")  # the two change places
    assert editor.design() == tweaked
    path = tmp_path / "lenet.json"
    editor.save_design(str(path))
    assert combo.currentText() == "Custom: lenet.json"  # saved, it is named by its file (it stayed "Custom")
    assert window.statusBar().currentMessage() == f"Saved the design to {path}"
    choose(window, "seed")
    assert editor.open_design(str(path)) is None and combo.currentText() == "Custom: lenet.json"
    set_kernel(window, "conv1", 5)  # edited, it is no longer the file's design
    assert combo.currentText() == "Custom"


def test_softmax_before_the_end_is_explained(window):
    editor = editor_of(window)
    editor.layer_list.setCurrentRow(6)  # dense
    editor.findChild(QComboBox, "layer_activation").setCurrentText("softmax")
    assert not window.train_panel.train_button.isEnabled()
    assert "dense: softmax gives the final probabilities" in editor.problem_label.text()


def test_a_problem_names_a_setting_as_the_editor_labels_it_not_by_its_keras_key(window, tmp_path):
    editor = editor_of(window)
    layers = [layer.with_settings(kernel=29) if layer.name == "conv1" else layer for layer in PRESETS["seed"].layers]
    editor.set_design(Design(tuple(layers)), custom=True)
    assert "conv1: patch size 29 is larger than the 28×28 image" in editor.problem_label.text()
    oblong = tmp_path / "oblong.json"
    oblong.write_text('{"class_name": "Sequential", "config": {"layers": [{"class_name": "MaxPooling2D", '
                      '"config": {"name": "p", "pool_size": [2, 3]}}]}}')
    assert "p: window size (pool_size) [2, 3] is not square" in editor.open_design(str(oblong))


def test_add_remove_and_reorder_layers(window):
    editor = editor_of(window)
    editor.layer_list.setCurrentRow(5)  # flatten
    editor.kind_combo.setCurrentText("Dropout")
    editor.add_button.click()
    assert [spec.kind for spec in editor.design().layers][6] == "Dropout"
    assert editor.layer_list.currentRow() == 6
    editor.up_button.click()
    assert [spec.kind for spec in editor.design().layers][5:7] == ["Dropout", "Flatten"]
    assert editor.can_train() and "93,322" in summary_texts(window)  # dropout adds no parameters
    editor.layer_list.setCurrentRow(6)  # flatten
    editor.remove_button.click()
    assert "dense: Dense needs a flat input" in editor.problem_label.text()
    assert not window.train_panel.train_button.isEnabled()


def test_ctrl_z_in_the_editor_undoes_its_changes_and_on_the_pad_a_stroke(window, qtbot):
    """Ctrl+Z while working in the editor undid a stroke on the pad, out of sight (a newcomer's walk-through)."""
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    draw(window.canvas, seven())
    editor = editor_of(window)
    editor.details_button.setChecked(True)  # Edit layers
    editor.layer_list.setFocus()
    assert QApplication.focusWidget() is editor.layer_list
    editor.layer_list.setCurrentRow(5)  # flatten
    editor.add_button.click()  # a Conv2D after it: a design that cannot train
    choose(window, "lenet5")
    assert editor.design() == PRESETS["lenet5"]
    editor.layer_list.setFocus()
    assert window.undo_action.text() == "&Undo network change"  # the menu says what Ctrl+Z will undo
    window.undo_action.trigger()
    assert len(editor.design().layers) == len(PRESETS["seed"].layers) + 1 and not editor.can_train()
    window.undo_action.trigger()
    assert editor.design() == PRESETS["seed"] and editor.can_train()
    assert window.canvas.can_undo()  # the pad's stroke stays
    window.redo_action.trigger()
    assert len(editor.design().layers) == len(PRESETS["seed"].layers) + 1
    canvas = window.canvas  # a stroke drawn as the window system delivers it: it takes the focus back to the pad
    start, end = (canvas.box_to_widget(point).toPoint() for point in ((60, 60), (200, 200)))
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    assert QApplication.focusWidget() is canvas
    assert window.undo_action.text() == "&Undo stroke"
    strokes = len(window.canvas.strokes())
    window.undo_action.trigger()
    assert len(window.canvas.strokes()) == strokes - 1
    assert len(editor.design().layers) == len(PRESETS["seed"].layers) + 1


def test_ctrl_z_after_esc_brings_the_drawing_back_even_from_the_editor(window, qtbot):
    """A newcomer changed the network, went on to the pad's keys (Esc) and pressed Ctrl+Z: it undid the network's
    change, which still had the focus, and the cleared drawing stayed lost."""
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    draw(window.canvas, seven())
    choose(window, "lenet5")
    editor_of(window).combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor_of(window).combo)
    window.clear_action.trigger()  # Esc
    assert not window.canvas.strokes() and window.undo_action.text() == "&Undo stroke"
    window.undo_action.trigger()
    assert len(window.canvas.strokes()) == len(seven()) and editor_of(window).design() == PRESETS["lenet5"]


def test_undo_and_redo_are_enabled_only_when_there_is_something_to_undo_where_the_person_works(window, qtbot):
    """They stayed enabled with nothing to undo; enabling them only when the menu opened made Ctrl+Shift+Z stale
    (a disabled action's shortcut does not fire)."""
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    canvas, editor = window.canvas, editor_of(window)
    canvas.setFocus()
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()  # an empty pad
    draw(canvas, seven())
    draw(canvas, seven())
    strokes = len(canvas.strokes())
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    for _ in range(2):
        qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(canvas.strokes()) < strokes and window.redo_action.isEnabled()
    for _ in range(2):  # the keys, not the menu: what went stale
        qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(canvas.strokes()) == strokes and not window.redo_action.isEnabled()

    editor.details_button.setChecked(True)
    editor.layer_list.setFocus()  # the network editor: its own history, empty so far
    assert window.undo_action.text() == "&Undo network change" and not window.undo_action.isEnabled()
    choose(window, "lenet5")
    editor.layer_list.setFocus()
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    window.undo_action.trigger()  # back to the start: nothing more to undo here, though the pad has strokes
    assert not window.undo_action.isEnabled() and window.redo_action.isEnabled()
    canvas.setFocus()
    assert window.undo_action.text() == "&Undo stroke" and window.undo_action.isEnabled()


def test_typing_a_value_into_a_field_is_one_undo_step(window):
    """Typing "64" made two steps (6, then 64), and a wheel over a spin box used up the history."""
    editor = editor_of(window)
    editor.layer_list.setCurrentRow(0)  # conv1
    filters = editor.findChild(QSpinBox, "layer_filters")
    for value in (6, 64):
        filters.setValue(value)
    set_kernel(window, "conv2", 5)  # another field: a step of its own
    editor.undo()
    assert editor.design().layers[0].get("filters") == 64 and editor.design().layers[2].get("kernel") == 3
    editor.undo()
    assert editor.design() == PRESETS["seed"] and not editor.can_undo()


def test_a_number_typed_key_by_key_into_a_field_is_kept_whole(window, qtbot):
    """Typing "64" into Filters gave 6: the first key rebuilt the layer list, which hid the field and sent the focus
    to the summary table, where the 4 went."""
    from PySide6.QtTest import QTest

    window.show()
    editor = editor_of(window)
    editor.details_button.setChecked(True)
    editor.layer_list.setCurrentRow(0)  # conv1
    filters = editor.findChild(QSpinBox, "layer_filters")
    filters.setFocus()
    qtbot.waitUntil(filters.hasFocus)
    QTest.keyClick(filters, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(QApplication.focusWidget(), "64")
    assert filters.hasFocus() and editor.design().layers[0].get("filters") == 64
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert editor.design().layers[0].get("filters") == 65


def test_fields_are_bounded(window):
    editor = editor_of(window)
    editor.layer_list.setCurrentRow(0)
    filters, kernel = editor.findChild(QSpinBox, "layer_filters"), editor.findChild(QSpinBox, "layer_kernel")
    filters.setValue(100_000)
    kernel.setValue(99)
    assert editor.design().layers[0].settings["filters"] == 4096 and editor.design().layers[0].settings["kernel"] == 7
    assert editor.findChild(QSpinBox, "layer_strides").maximum() == 3


def test_a_slow_design_shows_its_time_per_epoch(window):
    editor = editor_of(window)
    editor.layer_list.setCurrentRow(2)  # conv2
    editor.findChild(QSpinBox, "layer_filters").setValue(1024)
    assert editor.can_train() and "min per epoch" in editor.totals_label.text()


def test_the_design_survives_a_restart(window, settings, qtbot, tmp_path):
    choose(window, "keras-example")
    editor = editor_of(window)
    editor.layer_list.setCurrentRow(5)  # dropout
    assert editor.findChild(QSpinBox, "layer_filters").isHidden()  # a Dropout has a rate only
    editor.findChild(QDoubleSpinBox, "layer_rate").setValue(0.25)
    design = editor.design()
    window.close()
    again = build_main_window(settings=settings, data_dir=tmp_path / "data", load_model=False)
    qtbot.addWidget(again)
    assert editor_of(again).design().layers == design.layers
    assert again.train_panel.findChild(QComboBox, "networkCombo").currentData() == "custom"
    set_kernel(again, "conv2", 7)  # 13 − 7 + 1 = 7: it fits
    editor_of(again).layer_list.setCurrentRow(0)
    editor_of(again).findChild(QSpinBox, "layer_strides").setValue(3)  # conv1 → 9, pool1 → 4: now it does not
    assert not again.train_panel.train_button.isEnabled()
    again.close()
    restarted = build_main_window(settings=settings, data_dir=tmp_path / "data", load_model=False)
    qtbot.addWidget(restarted)
    assert not restarted.train_panel.train_button.isEnabled()  # a design that cannot work stays refused
    assert "does not fit" in editor_of(restarted).problem_label.text()
    choose(restarted, "lenet5")
    restarted.close()
    third = build_main_window(settings=settings, data_dir=tmp_path / "data", load_model=False)
    qtbot.addWidget(third)
    assert third.train_panel.findChild(QComboBox, "networkCombo").currentData() == "lenet5"


def test_a_custom_design_and_the_earlier_one_survive_a_restart_while_a_preset_is_chosen(window, settings, qtbot,
                                                                                          tmp_path):
    """Choosing LeNet-5 to compare, then closing the window, lost the design the person had made."""
    set_kernel(window, "conv1", 5)
    mine = editor_of(window).design()
    choose(window, "lenet5")
    set_kernel(window, "conv1", 3)
    tweaked = editor_of(window).design()
    choose(window, "dense")
    window.close()
    again = build_main_window(settings=settings, data_dir=tmp_path / "data", load_model=False)
    qtbot.addWidget(again)
    combo = again.train_panel.findChild(QComboBox, "networkCombo")
    assert combo.currentData() == "dense"
    choose(again, "custom")
    assert editor_of(again).design().layers == tweaked.layers
    assert combo.itemText(combo.findData("earlier-custom")) == "Earlier custom design"
    choose(again, "earlier-custom")
    assert editor_of(again).design().layers == mine.layers


def test_an_edit_writes_only_the_designs_it_changed_into_the_settings(window, monkeypatch):
    """Every edit wrote the design in use, the custom design and the earlier one as Keras JSON again."""
    set_kernel(window, "conv1", 5)
    choose(window, "lenet5")
    set_kernel(window, "conv1", 3)  # a custom design, with the earlier one kept beside it
    editor = editor_of(window)
    written: list[str] = []
    set_value = editor._settings.setValue
    monkeypatch.setattr(editor._settings, "setValue", lambda key, value: (written.append(key), set_value(key, value)))
    set_kernel(window, "conv1", 4)
    assert "network/earlier" not in written and {"network/design", "network/custom"} <= set(written)
    assert editor._settings.value("network/earlier")  # still there, unchanged


def test_a_design_from_a_file_keeps_its_files_name_across_preset_choices_and_restarts(window, settings, qtbot,
                                                                                      tmp_path):
    """Its runs are named after the file; the name was lost on going back to Custom, and on a restart."""
    editor = editor_of(window)
    choose(window, "lenet5")
    editor.save_design(str(tmp_path / "my_lenet.json"))
    choose(window, "seed")
    assert editor.open_design(str(tmp_path / "my_lenet.json")) is None
    choose(window, "dense")
    choose(window, "custom")
    combo = window.train_panel.findChild(QComboBox, "networkCombo")
    assert combo.currentText() == "Custom: my_lenet.json" and editor.design().name == "my_lenet"
    window.close()
    again = build_main_window(settings=settings, data_dir=tmp_path / "data", load_model=False)
    qtbot.addWidget(again)
    assert editor_of(again).design().name == "my_lenet"


def test_settings_kept_before_the_custom_design_had_its_own_key_still_bring_it_back(settings, qtbot, tmp_path):
    from digitpad.model.network.design_formats import design_to_keras_json
    from digitpad.model.network.designs import PRESETS, Design

    mine = Design(tuple(layer.with_settings(kernel=5) if layer.kind == "Conv2D" else layer
                        for layer in PRESETS["seed"].layers[:2]) + PRESETS["seed"].layers[5:])
    settings.setValue("network/design", design_to_keras_json(mine))  # all an older DigitPad kept
    settings.setValue("network/choice", "custom")
    window = build_main_window(settings=settings, data_dir=tmp_path / "data", load_model=False)
    qtbot.addWidget(window)
    assert editor_of(window).design().layers == mine.layers
    assert window.train_panel.findChild(QComboBox, "networkCombo").currentData() == "custom"


def test_save_and_open_a_design_as_keras_json(window, tmp_path):
    editor = editor_of(window)
    choose(window, "lenet5")
    path = tmp_path / "lenet.json"
    assert editor.save_design(str(path)) is None
    assert design_from_keras_json(path.read_text()).layers == PRESETS["lenet5"].layers
    choose(window, "seed")
    assert editor.open_design(str(path)) is None
    assert editor.design().layers == PRESETS["lenet5"].layers
    assert "lenet.json" in window.train_panel.findChild(QComboBox, "networkCombo").currentText()
    broken = tmp_path / "broken.json"
    broken.write_text('{"class_name": "Sequential", "config": {"layers": [{"class_name": "Lambda", '
                      '"config": {"name": "f"}}]}}')
    layers = list(PRESETS["lenet5"].layers)
    layers[0] = layers[0].with_settings(kernel=29)  # a design that cannot be trained, and says why
    editor.set_design(Design(tuple(layers)), custom=True)
    why = editor.problem_label.text()
    assert "larger than the 28×28 image" in why
    reason = editor.open_design(str(broken))
    assert "a Lambda layer is code" in reason and "a Lambda layer is code" in window.banner.text()
    assert editor.design().layers == tuple(layers) and editor.problem_label.text() == why  # nothing lost
    # Said under the Open button too: the banner is across the window, above the pad.
    assert not editor.file_problem_label.isHidden() and editor.file_problem_label.text() == reason
    (tmp_path / "model.json").write_bytes(bytes(range(128, 256)))  # the window words it as the CLI does
    assert editor.open_design(str(tmp_path / "model.json")).endswith("model.json: not a text file (Keras JSON is "
                                                                   "text, as model.to_json() writes it)")
    assert editor.open_design(str(tmp_path / "lenet.json")) is None  # a file that opens takes the reason away
    assert editor.file_problem_label.isHidden()


def test_copy_as_keras_code(window):
    choose(window, "dense")
    window.train_panel.findChild(QPushButton, "copyKerasCodeButton").click()
    code = QGuiApplication.clipboard().text()
    assert "model = models.Sequential()" in code and "layers.Dense(512, activation='relu'" in code
    assert Design.from_data(editor_of(window).design().to_data()).layers == PRESETS["dense"].layers


def train_and_use(window, preset: str, mnist_path, qtbot) -> None:
    panel = window.train_panel
    panel.settings.mnist_path.setText(str(mnist_path))
    panel.settings.mnist_limit_spin.setValue(2000)
    panel.findChild(QSpinBox, "epochsSpin").setValue(1)
    window.tabs.setCurrentWidget(panel)
    choose(window, preset)
    with qtbot.waitSignal(panel.trainingFinished, timeout=300_000):
        panel.findChild(QPushButton, "trainButton").click()
    assert panel.curves.point_count("loss") >= 1 and panel.confusion.matrix.sum() == 10_000
    with qtbot.waitSignal(window.modelReady, timeout=60_000):
        panel.findChild(QPushButton, "useModelButton").click()


def test_train_the_dense_preset_from_the_window_and_use_it(ready_window, mnist_path, qtbot):
    """Through the worker, the curves and Use this model, as the seed trains (dense runs in today's numpy net)."""
    window = ready_window()
    train_and_use(window, "dense", mnist_path, qtbot)
    assert window.predictor.parameter_count == 407_050
    assert [layer.name for layer in window.predictor.layers][-2:] == ["dense", "probabilities"]


def test_the_pad_reads_with_a_trained_dense_design(ready_window, mnist_path, qtbot):
    window = ready_window()
    train_and_use(window, "dense", mnist_path, qtbot)
    draw(window.canvas, seven())
    assert window.prediction.probabilities.shape == (10,) and abs(window.prediction.probabilities.sum() - 1) < 1e-4


def test_a_design_made_in_the_editor_is_named_by_its_layers_in_the_results_and_the_run(ready_window, mnist_path,
                                                                                       qtbot):
    """Every design from the editor was "custom" in the results and the Runs view: two could not be told apart."""
    from digitpad.model.network.designs import Design, LayerSpec

    window = ready_window()
    panel = window.train_panel
    panel.settings.mnist_path.setText(str(mnist_path))
    panel.settings.mnist_limit_spin.setValue(2000)
    panel.findChild(QSpinBox, "epochsSpin").setValue(1)
    editor_of(window).set_design(Design((LayerSpec("Flatten", "flat"), LayerSpec(
        "Dense", "out", {"units": 10, "activation": "softmax"}))), custom=True)
    with qtbot.waitSignal(panel.trainingFinished, timeout=300_000):
        panel.train_button.click()
    assert "Network: Dense10." in panel.accuracy_label.text()
    qtbot.waitUntil(lambda: panel.runs_view.model.rowCount() == 1, timeout=10_000)
    assert panel.runs_view.model.runs[0].network_name == "Dense10"


def test_the_layer_list_is_as_tall_as_its_layers(window, qtbot):
    """At a fixed 170 px LeNet-5's eight layers left empty rows below them; a deep design scrolls after ten."""
    editor = editor_of(window)
    editor.details_button.setChecked(True)
    choose(window, "lenet5")
    qtbot.wait(10)
    layers = editor.layer_list
    row = layers.sizeHintForRow(0)
    inside = lambda: layers.height() - 2 * layers.frameWidth()  # noqa: E731 - the rows' room, shown or not
    assert layers.count() == 8 and 8 * row <= inside() < 9 * row
    for _ in range(4):
        editor.add_layer("Dropout")
    qtbot.wait(10)
    assert layers.count() == 12 and 10 * row <= inside() < 11 * row


def test_the_layer_list_and_the_kind_list_grow_with_a_larger_font(window, qtbot):
    """A person who sets a larger font sees every layer's row whole, and the longest kind's name whole."""
    editor = editor_of(window)
    editor.details_button.setChecked(True)
    choose(window, "lenet5")
    qtbot.wait(10)
    layers, kinds = editor.layer_list, editor.kind_combo
    before, widest_before = layers.height(), kinds.maximumWidth()
    larger = editor.font()
    larger.setPointSizeF(larger.pointSizeF() * 2)
    editor.setFont(larger)
    qtbot.wait(10)
    tallest = max(layers.sizeHintForRow(row) for row in range(layers.count()))
    assert layers.height() > before and layers.height() - 2 * layers.frameWidth() >= 8 * tallest
    assert kinds.maximumWidth() > widest_before
    assert kinds.maximumWidth() >= kinds.fontMetrics().horizontalAdvance("GlobalAveragePooling2D")
