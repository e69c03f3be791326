"""What a unit looks for, in the window: the top-images index built in the background whenever the model
in use changes, a unit's top images and pattern shown in the map detail and in a unit's explanation, a
layer's patterns on request, and a top image clicked onto the pad."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, Signal

from digitpad.app.common.colormaps import greyscale_qimage
from digitpad.app.common.language import image_set_name
from digitpad.app.common.session_signals import SessionSignals
from digitpad.app.common.tasks import TaskRunner
from digitpad.app.network.feature_maps import FeatureMapsPanel
from digitpad.app.network.top_images import (
    TopImagesView,
    kernel_qimage,
    pattern_grid_qimage,
    pattern_qimage,
)
from digitpad.app.pad.canvas import DrawingCanvas
from digitpad.model.network import image_sets
from digitpad.model.network.filters import ActivationIndex, IndexCache, model_fingerprint, unit_layers
from digitpad.model.network.patterns import kernel_layer, layer_patterns, unit_pattern


def load_set_work(task, my_drawings) -> image_sets.ImageSet:
    """Pool work: MNIST's test set when it is on this computer (never downloaded for this), else my drawings."""
    from digitpad.model.files.datasets import mnist_needs_download

    if not mnist_needs_download():
        return image_sets.mnist_test()
    records, _ = my_drawings.load()
    return image_sets.from_records("my drawings", records)


# The index waits between chunks while the pen moved this recently: drawing keeps both cores.
PEN_QUIET_SECONDS = 0.3
# Images per chunk in the window: a chunk already running when the pen comes down competes with the pad
# until it ends, so the window's chunks are shorter than the command line's (about 13 ms each).
WINDOW_CHUNK = 32


def build_index_work(task, net, images: image_sets.ImageSet, last_pen_move=lambda: 0.0) -> ActivationIndex:
    """Pool work: one batched pass over the set (a few seconds for MNIST test), paused between chunks while
    the pen moves (``last_pen_move()``: the monotonic time of the last move) and cancelled between chunks."""

    def pause_then_ask_cancelled() -> bool:
        while time.monotonic() - last_pen_move() < PEN_QUIET_SECONDS and not task.is_cancelled():
            time.sleep(0.05)
        return task.is_cancelled()

    return ActivationIndex.build(net, images.images, chunk=WINDOW_CHUNK,
                                 progress=lambda done, total: task.report((done, total)),
                                 cancelled=pause_then_ask_cancelled)


def pattern_work(task, net, layer: str, channel: int):
    return unit_pattern(net, layer, channel)


def layer_patterns_work(task, net, layer: str):
    return layer_patterns(net, layer, cancelled=task.is_cancelled)


class FiltersController(QObject):
    """Keeps the index of the model in use and fills the top-images views."""

    indexReady = Signal(object)  # the ActivationIndex
    topsShown = Signal(str, int)  # a unit whose top images are now on screen
    patternShown = Signal(str, int)
    layerPatternsShown = Signal(str)

    def __init__(self, signals: SessionSignals, tasks: TaskRunner, panel: FeatureMapsPanel, canvas: DrawingCanvas,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.tasks, self.canvas = signals.session, tasks, canvas
        self.views: list[TopImagesView] = [panel.detail.top_images, panel.explanation.top_images]
        self.cache = IndexCache()
        self.images: image_sets.ImageSet | None = None
        self.index: ActivationIndex | None = None
        self.unit: tuple[str, int] | None = None
        self._patterns: dict[tuple[str, str, int], object] = {}
        self._layer_patterns: dict[tuple[str, str], list] = {}
        self._last_pen_move = 0.0  # read by the index's pool thread: a float is replaced whole
        # The first index waits until a unit's top images are first asked for: a window used only to draw
        # never spends the CPU.  From then on every model change rebuilds it at once.
        self.wanted = False
        canvas.strokeMoved.connect(self._pen_moved)
        signals.modelChanged.connect(self._model_changed)
        panel.detail.unitShown.connect(self.show_unit)
        panel.explanation.unitShown.connect(self.show_unit)
        for view in self.views:
            view.imageChosen.connect(self.put_on_pad)
            view.layerPatternsRequested.connect(self.show_layer_patterns)

    # --- the index ---------------------------------------------------------------------------------

    def _model_changed(self, predictor) -> None:
        if predictor is None or predictor.source == "learning":  # a network in training changes every moment
            return
        self.index = None
        if self.wanted:
            self._start(predictor)

    def _start(self, predictor) -> None:
        if self.images is None:
            task = self.tasks.start("filters-set", load_set_work, self.session.my_drawings)
            task.succeeded.connect(self._set_loaded)
            task.failed.connect(self._failed)
            self._say(lambda: self.tr("Reading the images to search…"))
            return
        self._build(predictor)

    def _set_loaded(self, images: image_sets.ImageSet) -> None:
        self.images = images
        if self.session.predictor is not None:
            self._build(self.session.predictor)

    def _build(self, predictor) -> None:
        net, images = predictor.net, self.images
        cached = self.cache.get(net, images.name)
        if cached is not None:
            self._index_ready(cached)
            return
        task = self.tasks.start("filters-index", build_index_work, net, images, lambda: self._last_pen_move)
        task.progress.connect(self._index_progress)
        task.succeeded.connect(self._index_built)
        task.failed.connect(self._failed)
        self._say(lambda: self.tr("Finding the images that excite each unit most in {set}…").format(
            set=image_set_name(images.name)))

    def _index_progress(self, value) -> None:
        done, total = value
        self._say(lambda: self.tr("Finding the images that excite each unit most: {done} of {total}…").format(
            done=done, total=total))

    def _index_built(self, index: ActivationIndex) -> None:
        self.cache.put(self.images.name, index)
        self._index_ready(index)

    def _index_ready(self, index: ActivationIndex) -> None:
        predictor = self.session.predictor
        if predictor is None or model_fingerprint(predictor.net) != model_fingerprint(index.net):
            return  # built for a model no longer in use
        self.index = index
        self.indexReady.emit(index)
        if self.unit is not None:
            self._show_tops(*self.unit)

    def _failed(self, reason: str) -> None:
        self._say(lambda: self.tr("Could not find the top images: {reason}").format(reason=reason))

    def _pen_moved(self) -> None:
        self._last_pen_move = time.monotonic()

    # --- a unit ------------------------------------------------------------------------------------

    def show_unit(self, layer: str, channel: int) -> None:
        """The unit a view shows now: its top images (once the index is ready) and its pattern."""
        predictor = self.session.predictor
        if predictor is None or not any(item.name == layer for item in unit_layers(predictor.net)):
            return  # Flatten only reshapes: its cells are the maps' units, shown there
        self.unit = (layer, channel)
        for view in self.views:
            view.show_unit(layer, channel)
        if not self.wanted and self.session.predictor is not None:
            self.wanted = True
            self._start(self.session.predictor)
        if self.index is None:
            self._say(lambda: self.tr("The top images come once the search through the images is done…"))
        else:
            self._show_tops(layer, channel)
        self._show_pattern(layer, channel)

    def _show_tops(self, layer: str, channel: int) -> None:
        index = self.index
        if not any(item.name == layer for item in unit_layers(index.net)):
            return
        tops = index.top(layer, channel)
        for view in self.views:
            view.show_tops(layer, channel, tops, self.images.images, self.images.name, index.fields[layer],
                           self.images.labels)
        self.topsShown.emit(layer, channel)

    def _show_pattern(self, layer: str, channel: int) -> None:
        predictor = self.session.predictor
        if predictor is None or not any(item.name == layer for item in unit_layers(predictor.net)):
            return
        net = predictor.net
        convolution = kernel_layer(net, layer)
        if convolution is not None:
            kernels = predictor.kernels(convolution)
            size = kernels.shape[0]
            kernel = kernels[..., 0, channel]
            caption = self._kernel_caption(layer, convolution, size, one_unit=True)
            for view in self.views:
                view.show_pattern(kernel_qimage(kernel), caption)
            self.patternShown.emit(layer, channel)
            return
        key = (model_fingerprint(net), layer, channel)
        if key in self._patterns:
            self._pattern_ready(key, self._patterns[key])
            return
        for view in self.views:
            view.show_pattern(None, lambda: self.tr("Finding the pattern it wants most…"))
        task = self.tasks.start("filters-pattern", pattern_work, net, layer, channel)
        task.succeeded.connect(lambda pattern: self._pattern_ready(key, pattern))
        task.failed.connect(self._failed)

    def _kernel_caption(self, layer: str, convolution: str, size: int, one_unit: bool):
        """Why kernels are shown instead of patterns: ``layer`` is the convolution ``convolution`` itself or
        the max pooling that keeps its maxima.  A callable, asked again when the language changes."""
        def caption() -> str:
            if convolution == layer and one_unit:
                text = self.tr("{layer} sees only {size}×{size} pixels: what it looks for is its kernel itself "
                               "(blue negative, red positive).")
            elif convolution == layer:
                text = self.tr("{layer} sees only {size}×{size} pixels: its kernels say what it looks for.")
            elif one_unit:
                text = self.tr("{layer} keeps the largest values of {convolution}, which sees only "
                               "{size}×{size} pixels: what it looks for is that kernel (blue negative, red "
                               "positive).")
            else:
                text = self.tr("{layer} keeps the largest values of {convolution}, which sees only "
                               "{size}×{size} pixels: its kernels say what it looks for.")
            return text.format(layer=layer, convolution=convolution, size=size)
        return caption

    def _pattern_ready(self, key, pattern) -> None:
        self._patterns[key] = pattern
        if self.unit != (pattern.layer, pattern.channel):
            return
        value = pattern.value
        for view in self.views:
            view.show_pattern(pattern_qimage(pattern.image), lambda: self.tr(
                "The input it wants most (gradient ascent from grey noise): it reaches {value} on it.").format(
                    value=f"{value:.2f}"))
        self.patternShown.emit(pattern.layer, pattern.channel)

    def show_layer_patterns(self, layer: str) -> None:
        """Every unit's pattern of ``layer`` as a grid, computed in the background."""
        predictor = self.session.predictor
        if predictor is None:
            return
        net = predictor.net
        convolution = kernel_layer(net, layer)
        if convolution is not None:
            caption = self._kernel_caption(layer, convolution, predictor.kernels(convolution).shape[0],
                                           one_unit=False)
            for view in self.views:
                view.show_layer_patterns(None, caption)
            return
        key = (model_fingerprint(net), layer)
        if key in self._layer_patterns:
            self._layer_patterns_ready(key, self._layer_patterns[key])
            return
        for view in self.views:
            view.show_layer_patterns(None, lambda: self.tr("Finding what each unit of {layer} wants…").format(
                layer=layer))
        task = self.tasks.start("filters-layer", layer_patterns_work, net, layer)
        task.succeeded.connect(lambda patterns: self._layer_patterns_ready(key, patterns))
        task.failed.connect(self._failed)

    def _layer_patterns_ready(self, key, patterns: list) -> None:
        self._layer_patterns[key] = patterns
        layer = key[1]
        if self.unit is None or self.unit[0] != layer:  # another layer was chosen while they were found
            return
        image = pattern_grid_qimage([pattern.image for pattern in patterns], columns=8 if len(patterns) > 10 else 5)
        for view in self.views:
            view.show_layer_patterns(image, lambda: self.tr(
                "What each unit of {layer} wants most, unit 0 at the top left, row by row.").format(layer=layer))
        self.layerPatternsShown.emit(layer)

    # --- onto the pad --------------------------------------------------------------------------------

    def put_on_pad(self, index: int) -> None:
        """A top image clicked: on the pad as an opened image, to be explained and asked Why?."""
        if self.images is None or not 0 <= index < len(self.images.images):
            return
        pixels = self.images.images[index]
        self.canvas.set_background(greyscale_qimage(1.0 - np.asarray(pixels)))  # dark ink on white paper
        self.canvas.clear()
        self.session.show_tensor(pixels)

    def _say(self, text) -> None:
        for view in self.views:
            view.show_status(text)
