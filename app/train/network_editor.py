"""The network editor of the Train panel: start from a preset, add, remove, reorder and set layers,
and see at once what each change does (output shapes, parameters, multiply-adds, with their
arithmetic) and, when the design cannot work, why, with Train disabled until it is fixed.

The design is plain data (``model/network/designs.py``); every field is bounded, and the summary
is a few hundred integer operations, so no design can freeze the window.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QEvent, QLocale, QSettings, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from digitpad.app.common import file_dialogs
from digitpad.app.common.file_words import os_error_text
from digitpad.app.common.language import Retranslatable
from digitpad.app.common.widgets import FieldLabel, compact_button, compact_combo, set_compact_text
from digitpad.app.train.design_words import design_text
from digitpad.model.network.design_formats import (
    design_from_keras_json,
    design_to_keras_code,
    design_to_keras_json,
    read_design_file,
)
from digitpad.model.network.designs import (
    ACTIVATIONS,
    KINDS,
    MAX_KERNEL,
    MAX_LAYERS,
    MAX_STRIDE,
    MAX_WIDTH,
    PADDINGS,
    PRESETS,
    SEED,
    SETTINGS,
    Design,
    DesignError,
    DesignSummary,
    LayerSpec,
    fresh_name,
    layer,
    summarize,
)

CUSTOM = "custom"
EARLIER = "earlier-custom"  # the custom design a new one replaced: one step back, never lost
SETTINGS_KEY = "network/design"  # the design in Keras JSON
CHOICE_KEY = "network/choice"  # the preset chosen, or "custom"
# The custom design and the earlier one, kept while a preset is chosen: (Keras JSON key, source file key).
CUSTOM_KEYS = ("network/custom", "network/custom_source")
EARLIER_KEYS = ("network/earlier", "network/earlier_source")
# The seed network's seconds per epoch with the default recipe on this machine's CPU when it is
# quiet (bench/training.py: 18.6 s in-process, 20.2 s as a whole command; README "Training time"),
# and its multiply-adds per image.  Other designs are estimated in proportion to their
# multiply-adds: rough (small designs pay a fixed cost per batch), but right for the large ones
# the estimate warns about.
SEED_SECONDS_PER_EPOCH = 20.0
SEED_MULTIPLY_ADDS = 2_794_240
SLOW_SECONDS_PER_EPOCH = 120.0  # from here on, the estimate is shown before Train
SUMMARY_COLUMNS = 5
UNDO_STEPS = 100


def estimated_seconds_per_epoch(summary: DesignSummary) -> float:
    """Seconds per epoch on the CPU, from multiply-adds, calibrated on the seed's measured time."""
    return SEED_SECONDS_PER_EPOCH * max(summary.multiply_adds, 1) / SEED_MULTIPLY_ADDS


class NetworkEditor(Retranslatable, QGroupBox):
    """The design to train: a preset or the person's own, its layers, their settings and its summary."""

    designChanged = Signal(bool)  # whether the design can be trained
    errorMessage = Signal(str)  # a design file that could not be opened or saved, for the window's banner
    statusMessage = Signal(object)  # a passing message for the status bar (language.Message)
    historyChanged = Signal()  # what Undo and Redo can do changed (the window enables its Edit menu's actions)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkEditor")
        self._design: Design = SEED
        self._custom: Design | None = None  # the last design edited or opened, kept across preset choices
        self._custom_source = ""  # the file it came from, if any
        self._earlier: tuple[Design, str] | None = None  # (design, source) of the custom design replaced last
        self._settings: QSettings | None = None
        self._written: dict[str, Design] = {}  # what each key of the settings holds (_keep_design)
        self._showing = False  # filling the fields from the design: their signals are not edits
        self._done: list[_EditorState] = []  # the states before each change, for Undo (Ctrl+Z in the editor)
        self._undone: list[_EditorState] = []
        self._last_field: tuple | None = None  # the field of the last change, whose next change joins its step
        self._summarized: tuple[Design, DesignSummary] | None = None  # _summary()'s last answer
        self._fields: dict[str, QWidget] = {}
        self._field_labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._choice_row())
        self.origin_label = QLabel()
        self.origin_label.setObjectName("networkOrigin")
        self.origin_label.setWordWrap(True)
        layout.addWidget(self.origin_label)
        self.details_button = QToolButton()
        self.details_button.setObjectName("editLayersButton")
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        layout.addWidget(self.details_button)
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(self._layer_rows())
        details.addWidget(self._settings_form())
        layout.addWidget(self.details)
        self.details.setVisible(False)
        self.summary_table = QTableWidget(0, SUMMARY_COLUMNS)
        self.summary_table.setTabKeyNavigation(False)  # Tab moves on to the next control, not the next cell
        self.summary_table.setObjectName("networkSummary")
        self.summary_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary_table.verticalHeader().setVisible(False)
        self.summary_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The layer's name gives up width first (see _fit_name_column): its shape and parameters stay in sight.
        self.summary_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.summary_table.viewport().installEventFilter(self)
        rows = self.summary_table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)  # the table reads like model.summary()
        self.summary_table.setMinimumHeight(150)
        self.summary_table.setMaximumHeight(260)
        layout.addWidget(self.summary_table)
        # The chosen row's arithmetic in sight: the formulas' columns are behind the scroll bar in a narrow panel,
        # and a newcomer never found them (helper-28's review).
        self._arithmetic: list[tuple[str, str, str]] = []
        self.arithmetic_label = QLabel()
        self.arithmetic_label.setObjectName("networkArithmetic")
        self.arithmetic_label.setWordWrap(True)
        layout.addWidget(self.arithmetic_label)
        self.summary_table.currentCellChanged.connect(lambda row, *_: self._show_arithmetic(row))
        self.totals_label = QLabel()
        self.totals_label.setObjectName("networkTotals")
        self.totals_label.setWordWrap(True)
        layout.addWidget(self.totals_label)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("networkProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color:#8a1c14")
        layout.addWidget(self.problem_label)
        self.retranslate()
        self._show_design()

    # --- building ------------------------------------------------------------------------

    def _choice_row(self) -> QVBoxLayout:
        """The preset on a row of its own, the file buttons under it: one row of them all made the Train
        panel wider than its place in a 1300-pixel window, and three buttons side by side at 1024."""
        rows = QVBoxLayout()
        self.combo = QComboBox()
        self.combo.setObjectName("networkCombo")
        for key in (*PRESETS, CUSTOM):
            self.combo.addItem("", key)
        compact_combo(self.combo)
        self.combo.activated.connect(lambda index: self.choose(self.combo.itemData(index)))
        rows.addWidget(self.combo)
        row = QHBoxLayout()
        self.open_button = compact_button()
        self.open_button.setObjectName("openDesignButton")
        self.open_button.clicked.connect(self._open_dialog)
        self.save_button = compact_button()
        self.save_button.setObjectName("saveDesignButton")
        self.save_button.clicked.connect(self._save_dialog)
        self.copy_button = compact_button()
        self.copy_button.setObjectName("copyKerasCodeButton")
        self.copy_button.clicked.connect(self.copy_keras_code)
        for button in (self.open_button, self.save_button):
            row.addWidget(button)
        row.addStretch(1)
        rows.addLayout(row)
        # Why a design file could not be opened or saved, under its buttons as well as in the window's banner
        # (above the pad, across the window from the button pressed); gone at the next open or save.
        self.file_problem_label = QLabel()
        self.file_problem_label.setObjectName("designFileProblem")
        self.file_problem_label.setWordWrap(True)
        self.file_problem_label.setStyleSheet("color:#8a1c14")
        self.file_problem_label.setVisible(False)
        rows.addWidget(self.file_problem_label)
        copy_row = QHBoxLayout()  # a row of its own: all three side by side overflow a small laptop's panel
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        rows.addLayout(copy_row)
        return rows

    def _layer_rows(self) -> QVBoxLayout:
        """The layers on the panel's whole width, the buttons that change them under them: beside them, at
        1024 px, the list was 110 px wide and cut every layer's name."""
        rows = QVBoxLayout()
        self.layer_list = QListWidget()
        self.layer_list.setObjectName("networkLayers")
        self.layer_list.currentRowChanged.connect(self._layer_chosen)
        rows.addWidget(self.layer_list)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("layerKindCombo")
        self.kind_combo.addItems(KINDS)
        compact_combo(self.kind_combo, 8)
        self.add_button = compact_button()
        self.add_button.setObjectName("addLayerButton")
        self.add_button.clicked.connect(lambda: self.add_layer(self.kind_combo.currentText()))
        self.remove_button = compact_button()
        self.remove_button.setObjectName("removeLayerButton")
        self.remove_button.clicked.connect(self.remove_layer)
        self.up_button = compact_button("↑")
        self.up_button.setObjectName("moveLayerUpButton")
        self.up_button.clicked.connect(lambda: self.move_layer(-1))
        self.down_button = compact_button("↓")
        self.down_button.setObjectName("moveLayerDownButton")
        self.down_button.clicked.connect(lambda: self.move_layer(1))
        adding = QHBoxLayout()  # two rows: all five side by side are wider than the panel at 1024 px
        adding.addWidget(self.kind_combo, 1)
        adding.addWidget(self.add_button)
        adding.addStretch(0)
        changing = QHBoxLayout()
        for widget in (self.remove_button, self.up_button, self.down_button):
            changing.addWidget(widget)
        changing.addStretch(1)
        rows.addLayout(adding)
        rows.addLayout(changing)
        return rows

    def _fit_layer_list(self) -> None:
        """As tall as its layers, 4 to 10 rows: at a fixed 170 px eight layers left empty rows below them.  Rows
        are counted at the tallest one's height (a name in a fallback font can be taller than the first)."""
        rows = min(max(self.layer_list.count(), 4), 10)
        row_height = max([self.layer_list.sizeHintForRow(row) for row in range(self.layer_list.count())]
                         + [self.layer_list.fontMetrics().height()])
        self.layer_list.setFixedHeight(rows * row_height + 2 * self.layer_list.frameWidth() + 2)
        self.kind_combo.setMaximumWidth(self.kind_combo.fontMetrics().horizontalAdvance("GlobalAveragePooling2D") + 48)

    def _show_arithmetic(self, row: int) -> None:
        """The row's shape and parameter arithmetic under the table (the first layer's until a row is chosen)."""
        if not self._arithmetic or row >= len(self._arithmetic):  # none, or the Total row: no layer's arithmetic
            self.arithmetic_label.setText("")
            return
        name, shape, parameters = self._arithmetic[max(row, 0)]
        parts = [template.format(formula=text) for template, text in zip(
            (self.tr("Output shape: {formula}"), self.tr("Parameters: {formula}")), (shape, parameters)) if text]
        self.arithmetic_label.setText(f"{name}: " + " · ".join(parts) if parts else "")

    def _fit_name_column(self) -> None:
        """The layers' names cut so that their output shapes and parameters fit beside them (the formulas may
        stay behind the scroll bar): at 1024 px in Korean, the names left "매개변수" cut at the table's edge."""
        table = self.summary_table
        wanted = max(table.sizeHintForColumn(0), table.horizontalHeader().sectionSizeHint(0))
        room = table.viewport().width() - table.columnWidth(1) - table.columnWidth(2)
        table.setColumnWidth(0, max(min(wanted, room), wanted // 2))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.summary_table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_name_column()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        """A larger font (the system's, or the application's) makes taller rows and a wider longest kind."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_layer_list()

    def _settings_form(self) -> QWidget:
        """One bounded field per setting; only the chosen layer's are shown."""
        self.settings_widget = QWidget()
        form = QFormLayout(self.settings_widget)
        form.setContentsMargins(0, 0, 0, 0)
        spins = {"filters": (1, MAX_WIDTH), "units": (1, MAX_WIDTH), "kernel": (1, MAX_KERNEL),
                 "pool": (1, MAX_KERNEL), "strides": (1, MAX_STRIDE)}
        for key, (low, high) in spins.items():
            spin = QSpinBox()
            spin.setRange(low, high)
            spin.valueChanged.connect(lambda value, key=key: self.set_setting(key, value))
            # A file's -4 filters shows as the field's 1, and typing 1 changes no value: Enter or leaving the
            # field applies what it shows.
            spin.editingFinished.connect(lambda key=key, spin=spin: self.set_setting(key, spin.value()))
            self._add_field(form, key, spin)
        for key, choices in (("padding", PADDINGS), ("activation", ACTIVATIONS)):
            combo = QComboBox()
            combo.addItems(choices)
            combo.currentTextChanged.connect(lambda text, key=key: self.set_setting(key, text))
            self._add_field(form, key, combo)
        rate = QDoubleSpinBox()
        rate.setRange(0.0, 0.9)
        rate.setSingleStep(0.05)
        rate.valueChanged.connect(lambda value: self.set_setting("rate", round(value, 2)))
        self._add_field(form, "rate", rate)
        return self.settings_widget

    def _add_field(self, form: QFormLayout, key: str, field: QWidget) -> None:
        field.setObjectName(f"layer_{key}")
        label = FieldLabel(field)
        self._fields[key], self._field_labels[key] = field, label
        form.addRow(label, field)

    # --- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("Network"))
        for index, key in enumerate(PRESETS):
            self.combo.setItemText(index, self.preset_name(key))
        custom = self.tr("Custom")
        if self._custom_source:
            custom = self.tr("Custom: {file}").format(file=Path(self._custom_source).name)
        self.combo.setItemText(len(PRESETS), custom)
        if self._earlier is not None:
            earlier = self.tr("Earlier custom: {file}").format(file=Path(self._earlier[1]).name) if self._earlier[1] \
                else self.tr("Earlier custom design")
            self.combo.setItemText(self.combo.findData(EARLIER), earlier)
        set_compact_text(self.open_button, self.tr("Open…"))
        self.open_button.setToolTip(self.tr("Open a design saved as Keras JSON (model.to_json()); it is read as "
                                            "data, never run"))
        set_compact_text(self.save_button, self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save the design as Keras JSON, which keras.models.model_from_json "
                                            "reads"))
        set_compact_text(self.copy_button, self.tr("Copy as Keras code"))
        self.copy_button.setToolTip(self.tr("Copy Python that builds this network, in the notebook's style"))
        set_compact_text(self.add_button, self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add a layer of this kind after the chosen one"))
        set_compact_text(self.remove_button, self.tr("Remove"))
        self.up_button.setToolTip(self.tr("Move the chosen layer up"))
        self.down_button.setToolTip(self.tr("Move the chosen layer down"))
        labels = {"filters": self.tr("Filters"), "units": self.tr("Units"), "kernel": self.tr("Patch size"),
                  "pool": self.tr("Window size"), "strides": self.tr("Stride"), "padding": self.tr("Padding"),
                  "activation": self.tr("Activation"), "rate": self.tr("Dropout rate")}
        for key, label in self._field_labels.items():
            label.setText(labels[key])
        self.summary_table.setHorizontalHeaderLabels([
            self.tr("Layer (type)"), self.tr("Output shape"), self.tr("Parameters"), self.tr("Shape: how"),
            self.tr("Parameters: how")])
        self._show_details(self.details_button.isChecked())
        self._show_summary()

    def preset_name(self, key: str) -> str:
        """A preset's name in the window's language (asked afresh: other views' texts may not be updated yet)."""
        names = {"seed": self.tr("Seed notebook's convnet"), "dense": self.tr("Dense (the book's chapter 2)"),
                 "lenet5": self.tr("LeNet-5"), "keras-example": self.tr("Keras example (mnist_convnet)")}
        return names[key]

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(self.tr("Hide the layers' settings") if shown else self.tr("Edit layers"))

    # --- the design ------------------------------------------------------------------------

    def design(self) -> Design:
        return self._design

    def can_train(self) -> bool:
        return self._summary().ok

    def choose(self, key: str) -> None:
        """Start from a preset, or go back to the custom design."""
        with self._undoable():
            if key == CUSTOM:
                self.set_design(self._custom or Design(self._design.layers), custom=True, source=self._custom_source)
            elif key == EARLIER and self._earlier is not None:
                self._replace_custom(*self._earlier)  # the two custom designs change places
            else:
                self.set_design(PRESETS[key])

    # --- undo --------------------------------------------------------------------------------

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo(self) -> None:
        """Back to the design before the last change: an edit, a preset chosen or a file opened."""
        self._last_field = None
        if self._done:
            self._undone.append(self._state())
            self._restore(self._done.pop())
            self.historyChanged.emit()

    def redo(self) -> None:
        self._last_field = None
        if self._undone:
            self._done.append(self._state())
            self._restore(self._undone.pop())
            self.historyChanged.emit()

    @contextmanager
    def _undoable(self, field: tuple | None = None) -> Iterator[None]:
        """A change to undo in one step; changes to one ``field`` (layer row, setting) in a row are one step:
        typing "64" made two (6, then 64), and a wheel over a spin box used up the history."""
        before = self._state()
        yield
        if self._state() != before:
            if field is None or field != self._last_field or not self._done:
                self._done = [*self._done[-UNDO_STEPS + 1:], before]
            self._undone.clear()
            self._last_field = field
            self.historyChanged.emit()

    def _state(self) -> _EditorState:
        return _EditorState(self._design, self._custom, self._custom_source, self._earlier)

    def _restore(self, state: _EditorState) -> None:
        self._design, self._custom, self._custom_source, self._earlier = state
        earlier_item = self.combo.findData(EARLIER)
        if self._earlier is None and earlier_item >= 0:
            self.combo.removeItem(earlier_item)
        elif self._earlier is not None and earlier_item < 0:
            self.combo.addItem("", EARLIER)
        self._show_design()
        self._remember()

    def set_design(self, design: Design, custom: bool = False, source: str | None = None) -> None:
        if source is not None or custom:
            self._custom_source = source or ""
        self._design = design
        if custom:
            self._custom = design
        self._show_design()
        self._remember()

    def _replace_custom(self, design: Design, source: str = "") -> None:
        """A new custom design, not an edit of the one there (a tweaked preset, a file, the earlier one):
        the one there stays at hand as the earlier custom design."""
        if self._custom is not None and design != self._custom:
            self._earlier = (self._custom, self._custom_source)
            if self.combo.findData(EARLIER) < 0:
                self.combo.addItem("", EARLIER)
        self.set_design(design, custom=True, source=source)

    def _edited(self, design: Design, row: int | None = None, field: tuple | None = None) -> None:
        """Any edit makes the design the person's own ("Custom")."""
        with self._undoable(field):
            if self.combo.currentData() == CUSTOM:
                self.set_design(Design(design.layers), custom=True)
            else:
                self._replace_custom(Design(design.layers))
        if row is not None and 0 <= row < self.layer_list.count():
            self.layer_list.setCurrentRow(row)

    def add_layer(self, kind: str) -> None:
        layers = list(self._design.layers)
        if len(layers) >= MAX_LAYERS:
            return
        row = self.layer_list.currentRow()
        position = row + 1 if row >= 0 else len(layers)
        layers.insert(position, layer(kind, fresh_name(self._design, kind)))
        self._edited(Design(tuple(layers)), position)

    def remove_layer(self) -> None:
        row = self.layer_list.currentRow()
        if not 0 <= row < len(self._design.layers):
            return
        layers = list(self._design.layers)
        del layers[row]
        self._edited(Design(tuple(layers)), min(row, len(layers) - 1))

    def move_layer(self, step: int) -> None:
        row = self.layer_list.currentRow()
        target = row + step
        layers = list(self._design.layers)
        if not (0 <= row < len(layers) and 0 <= target < len(layers)):
            return
        layers[row], layers[target] = layers[target], layers[row]
        self._edited(Design(tuple(layers)), target)

    def set_setting(self, key: str, value) -> None:
        """The chosen layer's setting ``key`` changed in its field."""
        row = self.layer_list.currentRow()
        if self._showing or not 0 <= row < len(self._design.layers):
            return
        spec = self._design.layers[row]
        if key not in SETTINGS[spec.kind] or spec.get(key) == value:
            return
        changes = {key: value}
        if key == "pool" and spec.get("strides") == spec.get("pool"):
            changes["strides"] = min(value, MAX_STRIDE)  # pooling windows side by side stay side by side
        layers = list(self._design.layers)
        layers[row] = spec.with_settings(**changes)
        self._edited(Design(tuple(layers)), row, field=(row, key))

    # --- showing ---------------------------------------------------------------------------

    def _show_design(self) -> None:
        key = self._design.name if self._design.name in PRESETS and self._design == PRESETS[self._design.name] \
            else CUSTOM
        self.combo.setCurrentIndex(self.combo.findData(key))
        self.retranslate()  # the custom item's text and the origin line follow the design
        row = self.layer_list.currentRow()
        self._showing = True
        texts = [_layer_text(spec) for spec in self._design.layers]
        if self.layer_list.count() == len(texts):  # the same layers, a setting changed: the list stays as it is
            for index, text in enumerate(texts):
                self.layer_list.item(index).setText(text)
        else:
            self.layer_list.clear()
            self.layer_list.addItems(texts)
        self._fit_layer_list()
        self._showing = False
        self.layer_list.setCurrentRow(min(max(row, 0), self.layer_list.count() - 1))
        self.add_button.setEnabled(len(self._design.layers) < MAX_LAYERS)
        self._show_layer_settings(self.layer_list.currentRow())
        self.designChanged.emit(self.can_train())

    def _layer_chosen(self, row: int) -> None:
        """Another layer chosen in the list, by the person (not while the list is rebuilt: clearing it chose
        none, which hid the field being typed in and sent the focus elsewhere after every key)."""
        if not self._showing:
            self._show_layer_settings(row)
            if 0 <= row < len(self._arithmetic):  # its row of the summary, and its arithmetic under it
                self.summary_table.setCurrentCell(row, 0)

    def _show_layer_settings(self, row: int) -> None:
        spec = self._design.layers[row] if 0 <= row < len(self._design.layers) else None
        self._showing = True
        for key, field in self._fields.items():
            shown = spec is not None and key in SETTINGS[spec.kind]
            field.setVisible(shown)
            self._field_labels[key].setVisible(shown)
            if not shown:
                continue
            value = spec.get(key)
            if isinstance(field, QSpinBox) and isinstance(value, int):
                field.setValue(value)
            elif isinstance(field, QDoubleSpinBox) and isinstance(value, (int, float)):
                field.setValue(value)
            elif isinstance(field, QComboBox):
                field.setCurrentText(str(value))
        self._showing = False
        self.remove_button.setEnabled(spec is not None)
        self.up_button.setEnabled(spec is not None and row > 0)
        self.down_button.setEnabled(spec is not None and row < len(self._design.layers) - 1)

    def _show_summary(self) -> None:
        summary = self._summary()
        locale = QLocale()
        origin = self._origin_text()
        self.origin_label.setText(origin)
        self.origin_label.setVisible(bool(origin))
        self.summary_table.setRowCount(len(summary.rows) + 1)
        self._arithmetic = []
        for index, row in enumerate(summary.rows):
            shape = "?" if row.output_shape is None else "(" + ", ".join(map(str, row.output_shape)) + ")"
            parameters = "" if row.output_shape is None else locale.toString(row.parameters)
            cells = (f"{row.name} ({row.kind})", shape, parameters, design_text(row.shape_formula),
                     design_text(row.parameter_formula))
            self._arithmetic.append((cells[0], cells[3], cells[4]))
            # The formulas are the last columns, behind the scroll bar in a narrow window: every cell says them.
            how = "\n".join(template.format(formula=text) for template, text in zip(
                (self.tr("Output shape: {formula}"), self.tr("Parameters: {formula}")), cells[3:]) if text)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(how)
                self.summary_table.setItem(index, column, item)
        total = (self.tr("Total"), "", locale.toString(summary.parameters) if summary.ok else "?", "", "")
        for column, text in enumerate(total):
            self.summary_table.setItem(len(summary.rows), column, QTableWidgetItem(text))
        self._fit_name_column()
        self._show_arithmetic(self.summary_table.currentRow())
        totals = self.tr("{parameters} parameters · {operations} multiply-adds per image").format(
            parameters=locale.toString(summary.parameters), operations=locale.toString(summary.multiply_adds))
        seconds = estimated_seconds_per_epoch(summary)
        if summary.ok and seconds >= SLOW_SECONDS_PER_EPOCH:
            totals += " · " + self.tr("slow: about {minutes} min per epoch on this computer's CPU").format(
                minutes=locale.toString(round(seconds / 60)))
        self.totals_label.setText(totals)
        self.totals_label.setVisible(summary.ok)  # a design that breaks has no totals to speak of
        self.problem_label.setText(self.problem_text())
        self.problem_label.setVisible(not summary.ok)

    def _summary(self) -> DesignSummary:
        """The design's summary, worked out once per design: an edit asked for it three or four times (the
        table, Train's state, the reason beside Train)."""
        if self._summarized is None or self._summarized[0] is not self._design:
            self._summarized = (self._design, summarize(self._design))
        return self._summarized[1]

    def problem_text(self) -> str:
        """Why the design cannot be trained, in the window's language ("" when it can)."""
        summary = self._summary()
        if summary.ok:
            return ""
        return self.tr("This design cannot be trained: {reason}").format(
            reason="; ".join(map(design_text, summary.problems[:3])))

    def _origin_text(self) -> str:
        origins = {"seed": self.tr("The seed notebook's convnet (Deep Learning with Python, 5.1): DigitPad's own."),
                   "dense": self.tr("The book's chapter 2: one hidden layer of 512 units, no convolution."),
                   "lenet5": self.tr("LeCun et al., 1998: LeNet-5, with tanh and average pooling."),
                   "keras-example": self.tr("The Keras example mnist_convnet: two small convolutions and Dropout.")}
        if self.combo.currentData() == CUSTOM:  # a line here too: the panel jumped when a preset's line went
            if self._custom_source:
                return self.tr("Your design from {file}: change its layers below (Ctrl+Z undoes a change).").format(
                    file=Path(self._custom_source).name)
            return self.tr("Your own design: change its layers below (Ctrl+Z undoes a change).")
        return origins.get(self.combo.currentData(), "")

    # --- files, clipboard and memory --------------------------------------------------------------

    def copy_keras_code(self) -> None:
        QGuiApplication.clipboard().setText(design_to_keras_code(self._design))

    def open_design(self, path: str) -> str | None:
        """Open a Keras JSON design; the reason in words when it cannot be read (the design stays)."""
        try:
            design = read_design_file(Path(path))
        except DesignError as error:
            reason = self.tr("Could not open {file}: {reason}").format(file=Path(path).name,
                                                                     reason=design_text(error.args[0]))
            self.errorMessage.emit(reason)  # the line below the summary keeps saying what ails the design in use
            self._show_file_problem(reason)
            return reason
        self._show_file_problem("")
        with self._undoable():
            self._replace_custom(design, source=path)
        return None

    def _show_file_problem(self, reason: str) -> None:
        self.file_problem_label.setText(reason)
        self.file_problem_label.setVisible(bool(reason))

    def save_design(self, path: str) -> str | None:
        from digitpad.model.files.atomic import replace_atomically

        text = design_to_keras_json(self._design)
        try:
            replace_atomically(Path(path), lambda temporary: Path(temporary).write_text(text, encoding="utf-8"))
        except OSError as error:
            reason = self.tr("Could not save {file}: {reason}").format(file=Path(path).name,
                                                                       reason=os_error_text(error))
            self._show_file_problem(reason)
            return reason
        self._show_file_problem("")
        if self._design == self._custom:  # the custom design is that file's now: named by it, here and later
            self._custom_source = str(path)
            self.retranslate()
            self._remember()
        self.statusMessage.emit(lambda: self.tr("Saved the design to {path}").format(path=path))
        return None

    def _open_dialog(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.DESIGNS, self.tr("Open network design"),
                                      self.tr("Keras JSON (*.json);;All files (*)"))
        if path:
            self.open_design(path)

    def _save_dialog(self) -> None:
        path, _ = file_dialogs.save_file(self, file_dialogs.DESIGNS, self.tr("Save network design"), "network.json",
                                         self.tr("Keras JSON (*.json)"))
        if path:
            reason = self.save_design(path if path.endswith(".json") else path + ".json")
            if reason:
                self.errorMessage.emit(reason)

    def remember_in(self, settings: QSettings) -> None:
        """Restore the design kept in ``settings``, with the custom and earlier custom designs kept beside a
        preset, and keep every change there from now on."""
        choice = settings.value(CHOICE_KEY)
        custom = _kept_design(settings, *CUSTOM_KEYS)
        if custom is None and choice not in PRESETS:  # kept before the custom design had its own key
            custom = _kept_design(settings, SETTINGS_KEY, CUSTOM_KEYS[1])
        earlier = _kept_design(settings, *EARLIER_KEYS)
        if earlier is not None:
            self._earlier = earlier
            self.combo.addItem("", EARLIER)
        if custom is not None:
            self._custom, self._custom_source = custom
        if choice in PRESETS:
            self.set_design(PRESETS[choice])
        elif custom is not None:
            self.set_design(custom[0], custom=True, source=custom[1])
        self.retranslate()  # the earlier design's item is named
        self._settings, self._written = settings, {}
        self._remember()

    def _remember(self) -> None:
        if self._settings is None:
            return
        self._settings.setValue(CHOICE_KEY, self.combo.currentData())
        self._keep_design(SETTINGS_KEY, self._design)
        for keys, kept in ((CUSTOM_KEYS, (self._custom, self._custom_source) if self._custom else None),
                           (EARLIER_KEYS, self._earlier)):
            if kept is None:
                for key in keys:
                    self._settings.remove(key)
                self._written.pop(keys[0], None)
            else:
                self._keep_design(keys[0], kept[0])
                self._settings.setValue(keys[1], kept[1])

    def _keep_design(self, key: str, design: Design) -> None:
        """Write a design's Keras JSON only when it changed: every edit wrote all three designs again."""
        if self._written.get(key) != design:
            self._settings.setValue(key, design_to_keras_json(design))
            self._written[key] = design


class _EditorState(NamedTuple):
    """What an undo in the editor goes back to: the design shown, and the custom designs kept beside it."""
    design: Design
    custom: Design | None
    custom_source: str
    earlier: tuple[Design, str] | None


def _kept_design(settings: QSettings, design_key: str, source_key: str) -> tuple[Design, str] | None:
    """A design kept in ``settings`` and the file it came from ("" for none); None if none is kept or it is
    damaged (the editor then starts without it)."""
    text, source = settings.value(design_key), settings.value(source_key, "")
    if not isinstance(text, str) or not text:
        return None
    source = source if isinstance(source, str) else ""
    try:  # a design from a file keeps the file's name, which names its runs
        return design_from_keras_json(text, name=Path(source).stem if source else "custom"), source
    except DesignError:
        return None


def _layer_text(spec: LayerSpec) -> str:
    """One line per layer in the list: "conv1 · Conv2D 32 3×3 relu"."""
    get = spec.get
    if spec.kind == "Conv2D":
        details = f"{get('filters')} {get('kernel')}×{get('kernel')}"
        details += f" /{get('strides')}" if get("strides") != 1 else ""
        details += f" {get('padding')} {get('activation')}"
    elif spec.kind in ("MaxPooling2D", "AveragePooling2D"):
        details = f"{get('pool')}×{get('pool')} /{get('strides')} {get('padding')}"
    elif spec.kind == "Dense":
        details = f"{get('units')} {get('activation')}"
    elif spec.kind == "Dropout":
        details = f"{get('rate')}"
    elif spec.kind == "Activation":
        details = f"{get('activation')}"
    else:
        details = ""
    return f"{spec.name} · {spec.kind} {details}".rstrip()
