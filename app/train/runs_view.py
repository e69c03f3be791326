"""The Runs view of the Train panel: every training kept in the data folder, to compare.

A sortable table of runs (``runsTable``); the selected runs' curves overlaid, against epoch or seconds;
only the settings that differ; which digits got better or worse; Use this model, rename, keep, delete,
and *Read beside*: a second run's network reading the pad's drawing beside the model in use.
Records are read on the thread pool (``app/common/tasks.py``): the pad never waits for the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QLocale,
    QMargins,
    QModelIndex,
    QPointF,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from digitpad.app.common.file_words import reason_text
from digitpad.app.common.language import Retranslatable
from digitpad.app.common.tasks import TaskRunner
from digitpad.app.train.views import epoch_dots, nice_step, set_axis
from digitpad.model.files.runs import Limits, Run, RunError, RunStore, differences_among, digit_changes

SORT_ROLE = Qt.ItemDataRole.UserRole
# The test accuracy beside the name: the figure runs are compared by stays in sight in a narrow panel.
COLUMNS = ("name", "test_accuracy", "network", "parameters", "recipe", "epochs", "seconds", "date")
# One colour per selected run, the same in the curves and the differences' headers.
RUN_COLOURS = ("#1f77d0", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")
SHOW_STOPPED_KEY = "runs/showStopped"  # in the window's settings: whether cancelled and failed runs are listed


def network_text(name: str) -> str:
    """A run's network in the window's language: a preset by a short name, a design's code or file as it is."""
    names = {"seed": QCoreApplication.translate("RunWords", "seed convnet"),
             "dense": QCoreApplication.translate("RunWords", "dense network"), "lenet5": "LeNet-5",
             "keras-example": QCoreApplication.translate("RunWords", "Keras example"),
             "fine-tuned": QCoreApplication.translate("RunWords", "fine-tuned"),
             "custom": QCoreApplication.translate("RunWords", "custom")}
    return names.get(name, name)


def recipe_text(key: str) -> str:
    """A run's recipe in the window's language."""
    names = {"fast": QCoreApplication.translate("RunWords", "fast"),
             "seed": QCoreApplication.translate("RunWords", "seed notebook"),
             "drawings": QCoreApplication.translate("RunWords", "for drawings"),
             "custom": QCoreApplication.translate("RunWords", "own settings")}
    return names.get(key, key)


def run_title(run: Run) -> str:
    """The run's name as the window shows it: the name DigitPad gave it in the window's language, or the name
    the user gave it as typed."""
    if run.given_name_parts is None:
        return run.name
    network, recipe, when, suffix = run.given_name_parts
    return f"{network_text(network)} · {recipe_text(recipe)} · {when}{suffix}"


def elide_keeping_time(name: str, metrics: QFontMetrics, room: int) -> str:
    """A run's name cut to ``room`` pixels in its network and recipe, its time kept whole ("seed con… · 12-05
    17:03"): the time tells two runs of one design apart, and cutting the middle of the whole name left
    "seed convn…2-05 17:03". A name without " · " (one the user typed) is cut in its middle."""
    if metrics.horizontalAdvance(name) <= room:
        return name
    head, separator, time = name.rpartition(" · ")
    tail = separator + time
    head_room = room - metrics.horizontalAdvance(tail)
    if not head or head_room < metrics.horizontalAdvance("…"):
        return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, room)
    return (metrics.elidedText(head, Qt.TextElideMode.ElideRight, head_room) or "…") + tail


class RunNameDelegate(QStyledItemDelegate):
    """The name column, cut by ``elide_keeping_time``."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        style = option.widget.style() if option.widget is not None else None
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1 if style else 3
        option.text = elide_keeping_time(option.text, option.fontMetrics, option.rect.width() - 2 * margin)


def load_runs(task, data_folder: str) -> tuple[list[Run], list[str]]:
    """Pool work: every run's record, and a warning per damaged one."""
    return RunStore(data_folder).load()


class RunsTableModel(QAbstractTableModel):
    """The runs, one per row; the name is editable (rename)."""

    renamed = Signal(str, str)  # run id, new name

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.runs: list[Run] = []
        self.in_use_id: str | None = None  # the run whose model the pad reads with (found once, not per cell)

    def show_model_in_use(self, run_id: str | None) -> None:
        """The pad reads with another model (the run ``run_id``'s, or none): say again which run it is."""
        self.in_use_id = run_id
        if self.runs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.runs) - 1, 0))

    def set_runs(self, runs: list[Run]) -> None:
        self.beginResetModel()
        self.runs = list(runs)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.runs)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles()[section]
        return None

    def _titles(self) -> tuple[str, ...]:
        titles = {"name": self.tr("Name"), "network": self.tr("Network"), "parameters": self.tr("Parameters"),
                  "recipe": self.tr("Recipe"), "epochs": self.tr("Epochs"), "test_accuracy": self.tr("Test accuracy"),
                  "seconds": self.tr("Seconds"), "date": self.tr("Date")}
        return tuple(titles[column] for column in COLUMNS)

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        run, column = self.runs[index.row()], COLUMNS[index.column()]
        value = _value(run, column)
        if role == SORT_ROLE:
            return value if value is not None else -1
        if role == Qt.ItemDataRole.EditRole and column == "name":
            return run_title(run)  # the name as shown, without the ★ and the status
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(run, column, value)
        if role == Qt.ItemDataRole.ToolTipRole and column == "name":  # the whole name, which may be cut
            detail = self.tr("The pad reads with this run's model") if run.id == self.in_use_id else \
                self._stopped_text(run) or run.id
            return f"{self._text(run, column, value)}\n{detail}"
        if role == Qt.ItemDataRole.FontRole and column == "name" and run.id == self.in_use_id:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == "network":  # a design's code is often cut off
            return self._text(run, column, value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _stopped_text(self, run: Run) -> str:
        """Why a run failed, or how far a cancelled one got, in the window's language ("" for a finished one)."""
        if run.error or run.error_words:
            return reason_text(run.failure)
        epochs = run.settings.get("epochs")
        if not run.reached or not isinstance(epochs, int):
            return run.reached
        if not run.curves:
            return self.tr("before the first epoch ended")
        return self.tr("epoch {done} of {epochs}").format(done=len(run.curves), epochs=epochs)

    def _text(self, run: Run, column: str, value) -> str:
        if value is None:
            return "–"
        if column == "name":
            marks = ("★ " if run.keep else "") + run_title(run)
            if run.id == self.in_use_id:  # marked in front: the end of a long name is elided
                return f"▶ {marks}"
            return marks if run.status == "finished" else f"{marks} ({self._status(run.status)})"
        if column == "test_accuracy":
            return f"{value * 100:.2f}%"
        if column == "parameters":
            return f"{value:,}"
        if column == "seconds":
            return f"{value:.0f}"
        if column == "date":
            return value.replace("T", " ")[:16]
        if column == "network":
            return network_text(value)
        if column == "recipe":
            return recipe_text(value)
        return str(value)

    def _status(self, status: str) -> str:
        return {"cancelled": self.tr("cancelled"), "failed": self.tr("failed")}.get(status, status)

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 0 or not str(value).strip():
            return False
        run = self.runs[index.row()]
        if str(value) in (run.name, run_title(run)):  # the editor left as it was: the given name stays given,
            return False                             # to be said in the next language too
        self.renamed.emit(run.id, str(value))
        return True

    def run_index(self, run_id: str) -> int:
        return next(i for i, run in enumerate(self.runs) if run.id == run_id)


class RunsFilter(QSortFilterProxyModel):
    """The rows the table shows: the finished runs, and the cancelled and failed ones when asked for. The run in
    use and the runs last selected are always shown: a run does not vanish while the person works with it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.shows_stopped = False
        self.kept_in_sight: set[str] = set()  # run ids shown whatever their status

    def show_stopped(self, show: bool) -> None:
        self._change_filter(lambda: setattr(self, "shows_stopped", show))

    def keep_in_sight(self, run_ids: list[str]) -> None:
        """Show these runs whatever their status (the ones kept before may go)."""
        self._change_filter(lambda: setattr(self, "kept_in_sight", set(run_ids)))

    def _change_filter(self, change: Callable[[], None]) -> None:
        """Qt 6.10 wants a filter's change between begin- and endFilterChange (invalidateFilter is deprecated
        there); the Qt versions before it have only invalidateFilter."""
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        model = self.sourceModel()
        run = model.runs[source_row]
        return (self.shows_stopped or run.status == "finished" or run.id == model.in_use_id
                or run.id in self.kept_in_sight)


def _value(run: Run, column: str):
    if column == "network":
        return run.network_name
    return getattr(run, column)


class RunCurves(Retranslatable, QChartView):
    """The selected runs' accuracy or loss curves, one colour per run: training solid with round dots, validation
    dashed with square ones, as in the training chart (a one-epoch run is one dot each: the shape tells them apart)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setShowToolTips(True)
        super().__init__(chart, parent)
        self.setObjectName("runCurves")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.axis_x, self.axis_y = QValueAxis(), QValueAxis()
        for axis in (self.axis_x, self.axis_y):
            axis.setTickType(QValueAxis.TickType.TicksDynamic)  # ticks at round numbers (set_axis)
        chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        self.runs: list[Run] = []
        self.against, self.metric = "epoch", "accuracy"
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("The selected runs' curves: solid while training, dashed on the validation set"))
        # The legend's markers show colours, not dashes: one entry per run, and the line styles said here.
        self.chart().setTitle(self.tr("training: solid, ● · validation: dashed, ■"))
        self.show_runs(self.runs, self.against, self.metric)

    def show_runs(self, runs: list[Run], against: str = "epoch", metric: str = "accuracy") -> None:
        self.runs, self.against, self.metric = list(runs), against, metric
        chart = self.chart()
        chart.removeAllSeries()
        values, positions = [], [0.0]
        for index, run in enumerate(self.runs):
            colour = QColor(RUN_COLOURS[index % len(RUN_COLOURS)])
            curves = {key: [(float(point.get(against) or 0), point.get(key)) for point in run.curves
                            if isinstance(point.get(key), (int, float))] for key in (metric, f"val_{metric}")}
            for key, validation in ((metric, False), (f"val_{metric}", True)):
                points = [QPointF(x, y) for x, y in curves[key]]
                if not points:
                    continue
                line = QLineSeries()
                line.setName(self._legend_name(run_title(run), len(self.runs)))
                pen = QPen(colour, 2)
                if validation:
                    pen.setStyle(Qt.PenStyle.DashLine)
                line.setPen(pen)
                line.append(points)
                dots = epoch_dots(colour, validation)
                dots.append(points)
                values.extend(point.y() for point in points)
                positions.extend(point.x() for point in points)
                for series in (line, dots):
                    chart.addSeries(series)
                    series.attachAxis(self.axis_x)
                    series.attachAxis(self.axis_y)
                chart.legend().markers(dots)[0].setVisible(False)
                if not validation and curves[f"val_{metric}"]:
                    chart.legend().markers(line)[0].setVisible(False)  # the run's entry is its validation curve
        right = max(1.0, max(positions))
        by_epoch = against == "epoch"
        step = 1.0 if by_epoch and right <= 10 else nice_step(right / 5, at_least=1.0 if by_epoch else 0.0)
        set_axis(self.axis_x, 0.0, right * 1.04, step, anchor=0.0)  # room for the last points' dots
        if values:
            low, high = min(values), max(values)
            margin = max((high - low) * 0.1, 0.01)
            bottom = max(0.0, low - margin) if metric == "accuracy" else 0.0
            top = min(1.0 + margin / 2, high + margin) if metric == "accuracy" else high + margin
            set_axis(self.axis_y, bottom, top, nice_step((top - bottom) / 5), anchor=0.0)
        self.axis_x.setTitleText(self.tr("epoch") if against == "epoch" else self.tr("seconds"))
        self.axis_y.setTitleText(self.tr("accuracy") if metric == "accuracy" else self.tr("loss"))

    def _legend_name(self, name: str, runs: int) -> str:
        """The run's name cut in its middle to its share of the legend's width: the legend cut at the end, and
        two runs of one design and recipe both read "dense network · fast · 1…"."""
        room = max(60, (self.width() - 16) // max(1, min(runs, 3)) - 40)  # the legend wraps after a few
        return elide_keeping_time(name, self.fontMetrics(), room)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.runs and event.oldSize().width() != event.size().width():
            self.show_runs(self.runs, self.against, self.metric)  # the names fit the new width

    def series_count(self) -> int:
        """How many curves are drawn (each is a line and its dots)."""
        return sum(type(series) is QLineSeries for series in self.chart().series())

    def dot_shapes(self) -> list[tuple[str, QScatterSeries.MarkerShape]]:
        """Each curve's dots: (its run's name, their shape), in the order drawn."""
        series = self.chart().series()
        return [(line.name(), dots.markerShape()) for line, dots in zip(series[::2], series[1::2])]


class DigitChanges(Retranslatable, QWidget):
    """Per digit, how much the last selected run's accuracy is above or below the first's: a bar up
    (green, better) or down (red, worse) under each digit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("digitChanges")
        self.changes: list[float | None] = []
        self.setMinimumHeight(70)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Per digit: the last selected run's test accuracy minus the first's"))

    def set_changes(self, changes: list[float | None]) -> None:
        self.changes = list(changes)
        self.update()

    def better(self) -> list[int]:
        return [digit for digit, change in enumerate(self.changes) if change is not None and change > 0]

    def worse(self) -> list[int]:
        return [digit for digit, change in enumerate(self.changes) if change is not None and change < 0]

    def paintEvent(self, event) -> None:
        if not self.changes:
            return
        largest = max([abs(c) for c in self.changes if c is not None] + [0.001])
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            width, height = self.width() / 10, self.height()
            middle, reach = (height - 16) / 2, (height - 16) / 2 - 2
            painter.setPen(QColor("#999999"))
            painter.drawLine(0, int(middle), self.width(), int(middle))
            for digit, change in enumerate(self.changes):
                left = digit * width
                if change:
                    bar = reach * change / largest
                    colour = QColor("#2ca02c" if change > 0 else "#d62728")
                    painter.fillRect(int(left + width * 0.25), int(min(middle, middle - bar)), int(width * 0.5),
                                     max(1, int(abs(bar))), colour)
                painter.setPen(self.palette().text().color())
                painter.drawText(int(left), height - 16, int(width), 16, Qt.AlignmentFlag.AlignCenter, str(digit))


class RunsView(Retranslatable, QWidget):
    """The runs kept in the data folder, to compare; see the module's docstring."""

    useModelRequested = Signal(str, str)  # the run's model file, and what to call it
    besideRequested = Signal(object)  # a finished Run whose network reads the pad's drawing beside the model in use
    statusMessage = Signal(object)  # a passing message for the status bar (language.Message)
    loaded = Signal()
    modelInUseDeleted = Signal()  # the run whose model the pad reads with was deleted: back to the bundled one

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsView")
        self.tasks = tasks
        self.store: RunStore | None = None
        self.warnings: list[str] = []
        self._widths: list[int] = []  # each column's width for its title and widest value (_size_columns)
        self._settings: QSettings | None = None
        self.delete_box: QMessageBox | None = None  # "Delete …?" while it is asked
        self.model_in_use: Callable[[], str] = str  # the model file the pad reads with (set by the window)
        self.run_in_use: Callable[[], str | None] = lambda: None  # the run it was adopted from (set by the window)
        self.model = RunsTableModel(self)
        self.model.renamed.connect(self.rename_run)
        self.proxy = RunsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build()
        self.retranslate()

    # --- building ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Cancelled and failed runs crowded the finished ones out of a five-row table: listed on request.
        self.stopped_check = QCheckBox()
        self.stopped_check.setObjectName("showStoppedRuns")
        self.stopped_check.setVisible(False)  # until there is such a run
        self.stopped_check.toggled.connect(self._show_stopped)
        layout.addWidget(self.stopped_check)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control, not the next cell
        self.table.setObjectName("runsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("date"), Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().setVisible(False)
        # Rows as tight as the Network panel's layer table: seven runs in sight where five were.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        # A long name keeps its end (the time), which tells two runs of one design apart: cut in its middle here,
        # and before the time by the name column's delegate.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.name_delegate = RunNameDelegate(self.table)
        self.table.setItemDelegateForColumn(COLUMNS.index("name"), self.name_delegate)
        self.table.setWordWrap(False)  # a wrapped name was cut at the end of its second line
        self.table.viewport().installEventFilter(self)  # the name column follows the table's width
        # Widths from the titles and the widest value each column can show, not from the rows: sizing the
        # columns to 200 runs' contents took 0.17 s of the GUI thread at each load (bench/runs.py).
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(150)
        self.table.selectionModel().selectionChanged.connect(self._show_selection)
        layout.addWidget(self.table)
        self.status_label = QLabel()
        self.status_label.setObjectName("runsStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        layout.addLayout(self._buttons())
        axis_row = QHBoxLayout()
        self.metric_combo, self.axis_combo = QComboBox(), QComboBox()
        self.metric_combo.setObjectName("runsMetric")
        self.axis_combo.setObjectName("runsAxis")
        for combo in (self.metric_combo, self.axis_combo):
            combo.currentIndexChanged.connect(self._show_selection)
            axis_row.addWidget(combo)
        axis_row.addStretch(1)
        layout.addLayout(axis_row)
        self.curves = RunCurves()
        layout.addWidget(self.curves)
        self.differences_label = QLabel()
        self.differences_label.setWordWrap(True)
        layout.addWidget(self.differences_label)
        self.differences = QTableWidget()
        self.differences.setTabKeyNavigation(False)
        self.differences.setObjectName("runDifferences")
        self.differences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.differences.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.differences.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the time stays
        self.differences.setMinimumHeight(120)
        layout.addWidget(self.differences)
        self.digits_label = QLabel()
        self.digits_label.setObjectName("digitChangesText")
        self.digits_label.setWordWrap(True)
        layout.addWidget(self.digits_label)
        self.digit_changes = DigitChanges()
        layout.addWidget(self.digit_changes)
        layout.addLayout(self._limits_row())

    def _buttons(self) -> QGridLayout:
        grid = QGridLayout()
        self.use_button = _button("useRunButton", self.use_selected)
        self.beside_button = _button("besideRunButton", self.read_beside)
        self.rename_button = _button("renameRunButton", self._start_rename)
        self.keep_button = _button("keepRunButton", self.toggle_keep)
        self.delete_button = _button("deleteRunButton", self._confirm_delete)
        self.refresh_button = _button("refreshRunsButton", self.refresh)
        buttons = (self.use_button, self.beside_button, self.rename_button, self.keep_button, self.delete_button,
                   self.refresh_button)
        for index, button in enumerate(buttons):  # two by two: the panel is narrow
            grid.addWidget(button, index // 2, index % 2)
        return grid

    def _limits_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.limits_label = QLabel()
        self.limits_label.setWordWrap(True)  # only when even the boxes' smallest widths leave it too little room
        self.max_runs = QSpinBox()
        self.max_runs.setObjectName("maxRuns")
        self.max_runs.setRange(1, 10000)
        self.max_runs.valueChanged.connect(self._show_runs_suffix)  # "1 run", "2 runs"
        self.max_megabytes = QDoubleSpinBox()
        self.max_megabytes.setObjectName("maxMegabytes")
        self.max_megabytes.setRange(1, 1_000_000)
        self.max_megabytes.setDecimals(0)
        for box in (self.max_runs, self.max_megabytes):
            box.editingFinished.connect(self._change_limits)
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # room for the label first
        row.addWidget(self.limits_label)
        row.addWidget(self.max_runs, 1)
        row.addWidget(self.max_megabytes, 1)
        return row

    def retranslate(self) -> None:
        self._count_stopped()
        self.stopped_check.setToolTip(self.tr("They have no model to use. The run in use and the selected runs are "
                                              "shown either way."))
        self.table.setToolTip(self.tr("Every training is kept here. Select two or more to compare them; "
                                      "double-click a name to rename it."))
        self.use_button.setText(self.tr("Use this model"))
        self.beside_button.setText(self.tr("Read beside"))
        self.beside_button.setToolTip(self.tr("This run's network reads the drawing on the pad too, beside the model "
                                              "in use"))
        self.rename_button.setText(self.tr("Rename"))
        self.keep_button.setText(self.tr("Keep"))
        self.keep_button.setToolTip(self.tr("A kept run is never removed to make room"))
        self.delete_button.setText(self.tr("Delete"))
        self.refresh_button.setText(self.tr("Refresh"))
        for combo, items in ((self.metric_combo, (self.tr("accuracy"), self.tr("loss"))),
                             (self.axis_combo, (self.tr("against epoch"), self.tr("against seconds")))):
            index = max(0, combo.currentIndex())
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(items)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        # The units ride in the boxes: "Keep at most (runs, MB):" wrapped at 1024 px, leaving "MB):" alone.
        self.limits_label.setText(self.tr("Keep at most:"))
        self._show_runs_suffix()
        self.max_megabytes.setSuffix(self.tr(" MB"))
        limits = self.tr("Beyond either limit the oldest runs are removed, never a kept one (★)")
        for widget in (self.limits_label, self.max_runs, self.max_megabytes):
            widget.setToolTip(limits)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._size_columns()
        self._show_selection()

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        samples = {"name": f"{network_text('seed')} · {recipe_text('seed')} · 12-02 12:00",  # in this language
                   "network": network_text("dense"), "parameters": "1,234,567", "recipe": recipe_text("seed"),
                   "epochs": "100", "test_accuracy": "99.99%", "seconds": "9999", "date": "2026-12-02 12:00"}
        widest = [samples[column] for column in COLUMNS]
        self._widths = [max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(sample)) + 24
                        for title, sample in zip(self.model._titles(), widest)]
        for column, width in enumerate(self._widths):
            self.table.setColumnWidth(column, width)
        self._fit_name_column()

    def _fit_name_column(self) -> None:
        """The name column leaves the test accuracy beside it in sight (in a 1024-pixel window it took the
        whole table, and the runs could not be compared without scrolling sideways)."""
        accuracy = self._widths[COLUMNS.index("test_accuracy")]
        room = self.table.viewport().width() - accuracy
        self.table.setColumnWidth(0, max(min(self._widths[0], room), self._widths[0] // 3))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_name_column()
        return super().eventFilter(watched, event)

    # --- loading -----------------------------------------------------------------------

    def remember_in(self, settings: QSettings) -> None:
        """List cancelled and failed runs if the person chose to last time, and keep each choice."""
        self.stopped_check.setChecked(settings.value(SHOW_STOPPED_KEY, False, bool))
        self._settings = settings  # after: restoring the choice is not a new one to write

    def _show_stopped(self, show: bool) -> None:
        self.proxy.keep_in_sight(self.selected_ids())  # a selected cancelled run stays while it is looked at
        self.proxy.show_stopped(show)
        self._show_selection()  # the status line said the table was empty
        if self._settings is not None:
            self._settings.setValue(SHOW_STOPPED_KEY, show)

    def _count_stopped(self) -> None:
        stopped = sum(run.status != "finished" for run in self.model.runs)
        self.stopped_check.setText(self.tr("Show cancelled and failed runs (%n)", "", stopped))
        self.stopped_check.setVisible(stopped > 0)

    def set_data_folder(self, data_folder: str | Path) -> None:
        self.store = RunStore(data_folder)
        self.refresh()

    def refresh(self):
        """Read the records again, on the thread pool; ``loaded`` is emitted when they are shown."""
        if self.store is None:
            return None
        task = self.tasks.start("load-runs", load_runs, str(self.store.folder.parent))
        task.succeeded.connect(self._show_runs)
        task.failed.connect(lambda message: self.status_label.setText(
            self.tr("Could not read the runs: {reason}").format(reason=message)))
        return task

    def _show_runs(self, loaded: tuple[list[Run], list[str]]) -> None:
        selected = set(self.selected_ids())
        runs, self.warnings = loaded
        self.model.set_runs(runs)
        self._mark_model_in_use()
        self._count_stopped()
        self.select_runs([run.id for run in runs if run.id in selected])
        limits = self.store.limits()
        for box, value in ((self.max_runs, limits.max_runs), (self.max_megabytes, limits.max_megabytes)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self._show_selection()
        self.loaded.emit()

    # --- selection ---------------------------------------------------------------------

    def selected_runs(self) -> list[Run]:
        """The selected runs, oldest first: a comparison goes from the earlier training to the later."""
        rows = {self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()}
        return sorted((self.model.runs[row] for row in rows), key=lambda run: (run.date, run.id))

    def selected_ids(self) -> list[str]:
        return [run.id for run in self.selected_runs()]

    def select_runs(self, run_ids: list[str]) -> None:
        """Select these runs, shown even if their status is hidden."""
        self.proxy.keep_in_sight(run_ids)
        chosen = QItemSelection()
        for run_id in run_ids:
            index = self.proxy.mapFromSource(self.model.index(self.model.run_index(run_id), 0))
            chosen.select(index, index)
        selection = self.table.selectionModel()
        selection.select(chosen, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows)

    def _show_selection(self, *_) -> None:
        runs = self.selected_runs() if hasattr(self, "digit_changes") else []
        against = "seconds" if self.axis_combo.currentIndex() == 1 else "epoch"
        metric = "loss" if self.metric_combo.currentIndex() == 1 else "accuracy"
        self.curves.show_runs(runs, against, metric)
        self._show_differences(runs)
        self._show_digit_changes(runs)
        finished = len(runs) == 1 and runs[0].model_path is not None
        in_use = finished and self._in_use(runs[0])
        self.use_button.setEnabled(finished and not in_use)
        self.use_button.setToolTip(self.tr("The pad reads with this run's model already") if in_use else "")
        self.beside_button.setEnabled(finished)
        self.rename_button.setEnabled(len(runs) == 1)
        self.keep_button.setEnabled(len(runs) == 1)
        self.keep_button.setText(self.tr("Unkeep") if len(runs) == 1 and runs[0].keep else self.tr("Keep"))
        self.delete_button.setEnabled(bool(runs))
        self._show_status(runs)

    def _show_status(self, runs: list[Run]) -> None:
        if self.warnings:
            text = self.tr("%n run(s) could not be read and are not shown: {reason}", "", len(self.warnings)).format(
                reason=self.warnings[0])
        elif not self.model.runs:
            text = self.tr("No runs yet: every training is kept here.")
        elif not self.proxy.rowCount():
            text = self.tr("No finished runs yet: the cancelled and failed ones are hidden.")
        elif len(runs) < 2:
            text = self.tr("Select two or more runs (Ctrl+click) to compare them.")
        else:  # a line here too: the buttons below jumped up when the hint went
            text = self.tr("Comparing %n runs: their curves, the settings that differ and the digits that changed "
                           "are below.", "", len(runs))
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _show_differences(self, runs: list[Run]) -> None:
        found = differences_among(runs) if len(runs) >= 2 else {}
        self.differences.clear()
        self.differences.setColumnCount(len(runs) if len(runs) >= 2 else 0)
        self.differences.setRowCount(len(found))
        if len(runs) >= 2:
            self.differences.setHorizontalHeaderLabels([run_title(run) for run in runs])
            for column in range(len(runs)):
                self.differences.horizontalHeaderItem(column).setForeground(
                    QColor(RUN_COLOURS[column % len(RUN_COLOURS)]))
        names = self._setting_names()
        self.differences.setVerticalHeaderLabels([names.get(key, key) for key in found])
        for row, key in enumerate(found):  # the name `digitpad runs --compare` prints
            self.differences.verticalHeaderItem(row).setToolTip(key)
        for column, run in enumerate(runs if len(runs) >= 2 else []):
            self.differences.horizontalHeaderItem(column).setToolTip(run_title(run))
        for row, (key, values) in enumerate(found.items()):
            for column, value in enumerate(values):
                self.differences.setItem(row, column, QTableWidgetItem(self._difference_text(key, value)))
        if len(runs) < 2:
            self.differences_label.setText(self.tr("Settings that differ: select two or more runs."))
        elif found:
            self.differences_label.setText(self.tr("Only the settings that differ:"))
        else:
            self.differences_label.setText(self.tr("These runs were trained the same way."))

    def _difference_text(self, key: str, value) -> str:
        if value is None:  # a device not asked for is TensorFlow's choice
            return self.tr("automatic") if key == "settings.device" else "–"
        if isinstance(value, int) and not isinstance(value, bool):
            return QLocale().toString(value)  # 93,322 as in the table
        if key in ("network", "recipe"):
            return network_text(value) if key == "network" else recipe_text(value)
        return str(value)

    def _setting_names(self) -> dict[str, str]:
        """The rows of the settings that differ, in words, by the run record's key (others show the key)."""
        return {
            "network": self.tr("network"), "parameters": self.tr("parameters"),
            "network.summary": self.tr("layers"), "recipe": self.tr("recipe"), "device": self.tr("device used"),
            "seed": self.tr("random seed"), "status": self.tr("status"), "data.sources": self.tr("data"),
            "data.mnist": self.tr("MNIST images"), "data.strokes": self.tr("strokes"),
            "data.my drawings": self.tr("my drawings"), "data.scribbles": self.tr("scribbles"),
            "data.digit pairs": self.tr("digit pairs"), "data.paper scans": self.tr("paper scans"),
            "settings.epochs": self.tr("epochs"), "settings.batch_size": self.tr("batch size"),
            "settings.optimizer": self.tr("optimizer"), "settings.learning_rate": self.tr("learning rate"),
            "settings.beta_2": self.tr("Adam's β₂"), "settings.schedule": self.tr("learning-rate schedule"),
            "settings.augment": self.tr("augmentation"), "settings.stroke_copies": self.tr("renderings per drawing"),
            "settings.scribbles": self.tr("scribbles to learn from"),
            "settings.digit_pairs": self.tr("digit pairs to learn from"),
            "settings.paper_scans": self.tr("paper scans to learn from"),
            "settings.style_share": self.tr("share in other styles"),
            "settings.device_share": self.tr("share as another digitizer"),
            "settings.aspect_share": self.tr("share narrow or wide"),
            "settings.label_smoothing": self.tr("label smoothing"),
            "settings.validation_fraction": self.tr("validation share"),
            "settings.calibrate": self.tr("calibration"), "settings.steps_per_execution": self.tr("batches per call"),
            "settings.seed": self.tr("random seed"), "settings.device": self.tr("device asked for"),
        }

    def _show_digit_changes(self, runs: list[Run]) -> None:
        changes = digit_changes(runs[0], runs[-1]) if len(runs) >= 2 else []
        self.digit_changes.set_changes(changes)  # empty: nothing painted (hiding it would lay out the panel again)
        if not changes:
            self.digits_label.setText("")
            return
        better = ", ".join(map(str, self.digit_changes.better())) or "–"
        worse = ", ".join(map(str, self.digit_changes.worse())) or "–"
        self.digits_label.setText(self.tr("From {first} to {last}: test accuracy {before} → {after}; better on "
                                          "digits: {better}; worse on: {worse}")
                                  .format(first=run_title(runs[0]), last=run_title(runs[-1]), before=_accuracy(runs[0]),
                                          after=_accuracy(runs[-1]), better=better, worse=worse))

    # --- actions -----------------------------------------------------------------------

    def use_selected(self) -> None:
        runs = self.selected_runs()
        if len(runs) == 1 and runs[0].model_path is not None:
            self.useModelRequested.emit(str(runs[0].model_path), run_title(runs[0]))

    def read_beside(self) -> None:
        runs = self.selected_runs()
        if len(runs) == 1 and runs[0].model_path is not None:
            self.besideRequested.emit(runs[0])

    def _start_rename(self) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if len(indexes) == 1:
            self.table.edit(indexes[0])

    def rename_run(self, run_id: str, name: str) -> None:
        self._change(lambda store: store.rename(run_id, name))

    def toggle_keep(self) -> None:
        runs = self.selected_runs()
        if len(runs) == 1:
            self._change(lambda store: store.set_keep(runs[0].id, not runs[0].keep))

    def _show_runs_suffix(self, *_) -> None:
        self.max_runs.setSuffix(self.tr(" run(s)", "", self.max_runs.value()))

    def _confirm_delete(self) -> None:
        runs = self.selected_runs()
        if not runs:
            return
        # The runs by name, what is special about them, and No as the default: "Delete 1 run and its model?" named
        # none, said the same of a kept (★) run, and Enter deleted (helper-28's review).
        if len(runs) == 1:
            question = self.tr("Delete “{name}” and its model? This cannot be undone.").format(name=run_title(runs[0]))
        else:
            question = self.tr("Delete %n run(s) and their models? This cannot be undone.", "", len(runs))
        kept = sum(run.keep for run in runs)
        if kept:
            question += " " + (self.tr("It is marked Keep (★).") if len(runs) == 1 else
                               self.tr("%n of them marked Keep (★).", "", kept))
        if len(runs) == 1 and self._file_in_use(runs[0]):
            question += " " + self.tr("It is the model in use: the pad goes back to the bundled model.")
        elif any(self._file_in_use(run) for run in runs):
            question += " " + self.tr("One of them is the model in use: the pad goes back to the bundled model.")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete runs"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # not one box kept per question asked
        if len(runs) > 1:
            box.setDetailedText("\n".join(("★ " if run.keep else "") + run_title(run) for run in runs))
        ids = [run.id for run in runs]
        box.finished.connect(lambda _: self._answered_delete(box, ids))
        self.delete_box = box  # open until answered (window-modal, so the window keeps drawing)
        box.open()

    def _answered_delete(self, box: QMessageBox, run_ids: list[str]) -> None:
        self.delete_box = None
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            self.delete_runs(run_ids)

    def delete_runs(self, run_ids: list[str]) -> None:
        in_use = any(self._file_in_use(run) for run in self.model.runs if run.id in run_ids)

        def delete(store: RunStore) -> None:
            for run_id in run_ids:
                store.delete(run_id)
        self._change(delete)
        if in_use:  # it read on from memory, and the next start said "no such model file"
            self.modelInUseDeleted.emit()

    def _in_use(self, run: Run) -> bool:
        """Whether the pad reads with this run's model: its own file, or a copy adopted from the Train panel."""
        return run.id == self.model.in_use_id

    def _file_in_use(self, run: Run) -> bool:
        """Whether deleting the run deletes the file the pad reads with (an adopted copy stays in models/)."""
        return run.model_path is not None and str(run.model_path) == self.model_in_use()

    def show_model_in_use(self) -> None:
        """The pad reads with another model: mark its run, and offer 'Use this model' for the others only."""
        self._mark_model_in_use()
        self._show_selection()

    def _mark_model_in_use(self) -> None:
        run = self.run_of_model(self.model_in_use(), self.run_in_use())
        self.model.show_model_in_use(run.id if run is not None else None)

    def run_of_model(self, source: str, run_id: str | None) -> Run | None:
        """The run a model file is: the run's own file, or the run it was adopted from (a copy in models/)."""
        for run in self.model.runs:
            if (run_id and run.id == run_id) or (run.model_path is not None and str(run.model_path) == source):
                return run
        return None

    def _change_limits(self) -> None:
        if self.store is None:
            return
        limits = Limits(self.max_runs.value(), float(self.max_megabytes.value()))
        if limits != self.store.limits():
            self._change(lambda store: store.set_limits(limits))

    def _change(self, change) -> None:
        """A small write to the runs folder (a record of a few KB, or a deletion), then the list again."""
        if self.store is None:
            return
        try:
            change(self.store)
        except (RunError, OSError) as error:
            reason = str(error)  # `error` is gone when the message is worded again, after this block
            self.statusMessage.emit(lambda: self.tr("Could not change the run: {reason}").format(reason=reason))
        self.refresh()


def _button(name: str, slot) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def _accuracy(run: Run) -> str:
    return "–" if run.test_accuracy is None else f"{run.test_accuracy * 100:.2f}%"
