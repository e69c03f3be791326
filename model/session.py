"""What the pad shows and what follows from it, without Qt: the session the window is a view of.

The session holds the drawing (or an opened image), the model in use and how it is swapped, the
reading (one digit, or a number and the digit in focus), the *Why?* request and its answer, and the
corrections kept in *my drawings*.  Views observe it through its events (``digitpad.app`` wraps
them in Qt signals) and send it the user's actions; the command line and the tests drive it directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from digitpad.model.files.my_drawings import MyDrawings
from digitpad.model.ink.images import ImageReading
from digitpad.model.ink.preprocessing import Placement, ValidStrokes, render_with_placement, validate_strokes
from digitpad.model.network.inference import NOTHING_DRAWN, Prediction, Predictor
from digitpad.model.network.numpy_net import NumpyConvnet
from digitpad.model.network.saliency import Attribution
from digitpad.model.numbers import (
    DigitReading,
    ReadingCache,
    needs_splitting,
    read_image_number,
    read_number,
    with_digit_views,
)

WHY_MODES = ("answer", "versus")  # toward the answer; the answer and not the runner-up
# A class map of the answer on one convolution layer: "classmap:conv3" (model.network.class_maps).
CLASS_MAP_MODE = "classmap:"
KEPT_REMEMBERED = 100  # drawings kept this session that can still be relabelled or taken back


class Event:
    """A list of callbacks: what a Qt signal is, without Qt."""

    def __init__(self) -> None:
        self._callbacks: list[Callable] = []

    def connect(self, callback: Callable) -> None:
        self._callbacks.append(callback)

    def emit(self, *args) -> None:
        for callback in list(self._callbacks):
            callback(*args)


@dataclass(frozen=True)
class DigitTag:
    """A digit of a number as the pad marks it: its box, its label ("7", or "7?" when unsure), whether
    the chart and the maps show it, and whether the network is unsure of it."""

    box: tuple[float, float, float, float]
    text: str
    focus: bool
    unsure: bool


@dataclass(frozen=True, eq=False)
class Reading:
    """What the pad shows now.  ``prediction`` is what the chart, the preview and the maps show: the
    drawing's digit, or of a number the digit in focus (the one drawn last).  Its label and probabilities
    are, once the pen is up (and for an image), the digit read seven ways (model.network.views); its
    tensor and activations are always the drawing as drawn."""

    prediction: Prediction = NOTHING_DRAWN
    digits: tuple[DigitReading, ...] = ()  # a number's digits, two or more; () for one digit
    focus: int = 0
    final: bool = True  # False while the pen is down
    placement: Placement | None = None  # where the shown digit's strokes went in its tensor (None: an image)
    indices: tuple[int, ...] = ()  # which of the drawing's strokes the shown digit holds
    strokes: list = field(default_factory=list)  # those strokes
    from_image: bool = False
    image: ImageReading | None = None  # an opened image: the crop that was taken, the pieces of ink
    waiting: bool = False  # something is drawn, but no model has loaded yet
    learning: bool = False  # read by the network being trained (watch it learn), not the model in use

    @property
    def number(self) -> str | None:
        return "".join(str(digit.label) for digit in self.digits) if self.digits else None

    def doubts(self) -> list[tuple[int, Prediction]]:
        """The other digits of a number the network is unsure of, with their position."""
        return [(index, digit.prediction) for index, digit in enumerate(self.digits)
                if digit.prediction.is_unsure and index != self.focus]

    def tags(self) -> list[DigitTag]:
        tags = []
        for index, digit in enumerate(self.digits):
            unsure = digit.prediction.is_unsure
            tags.append(DigitTag(digit.box, f"{digit.label}?" if unsure else str(digit.label), index == self.focus,
                                 unsure))
        return tags

    @property
    def is_unsure(self) -> bool:
        """A number is only as sure as its least sure digit."""
        return self.prediction.is_unsure or bool(self.doubts())


EMPTY = Reading()


def read_alike(predictor: Predictor, reading: Reading,
               cache: ReadingCache | None = None) -> tuple[Prediction, list[Prediction]]:
    """What another network reads of the pad's drawing, read as the pad's own network read it: the shown
    digit and a number's digits from the same tensors, at pen-up and for an image's digits read seven
    ways (model.network.views), an image's doubt about its ink kept, so that two networks' answers
    compare like with like.  With a ``cache`` (one per network), each digit's six views are read once,
    not again when another digit of the number is selected."""
    image = reading.image
    cache = cache if cache is not None else ReadingCache()

    def read(prediction: Prediction, strokes) -> Prediction:
        plain = predictor.predict_tensor(prediction.tensor)
        if plain.label is None:
            return plain
        if image is not None:
            plain = replace(plain, doubt=image.doubt)
        if not reading.final:
            return plain
        if strokes:
            return cache.with_views(predictor, strokes, plain)
        return plain if image is None or image.is_given_tensor else cache.with_tensor_views(predictor, plain)

    if not reading.digits:
        return read(reading.prediction, reading.strokes), []
    digits = [read(digit.prediction, digit.strokes) for digit in reading.digits]
    return digits[reading.focus], digits


@dataclass(frozen=True, eq=False)
class WhyRequest:
    """What to explain: the reading on screen, its tensor, the digit, and the digit to contrast it with."""

    reading: Reading
    tensor: np.ndarray
    target: int
    versus: int | None


class Session:
    """The pad's state.  Events: ``reading_changed(Reading)``, ``model_changed(Predictor | None)``,
    ``why_changed(Attribution | None, WhyRequest | None)``."""

    def __init__(self, my_drawings: MyDrawings) -> None:
        self.my_drawings = my_drawings
        self._kept: list[_Kept] = []  # the drawings kept this session, to say so and take them back
        self.predictor: Predictor | None = None  # the model in use
        self.learning: Predictor | None = None  # the network being trained, while the pad watches it learn
        self.reading = EMPTY
        self.why_mode: str | None = None  # None: off; else one of WHY_MODES
        self.attribution: Attribution | None = None
        self._strokes = ValidStrokes()
        self._image: ImageReading | None = None  # an opened image, until the next stroke
        # (network, image, its digits): a photo's digits take 50–100 ms to read, so they are read once per
        # network, not again when a digit's tag is clicked or undo brings the photo back.
        self._image_digits: tuple[Predictor, ImageReading, list[DigitReading]] | None = None
        self._cache = ReadingCache()
        self._selected: int | None = None  # the digit of a number chosen by its tag; None: the one drawn last
        self._fallback: Predictor | None = None  # the model to return to if the one in use is refused
        self.reading_changed = Event()
        self.model_changed = Event()
        self.why_changed = Event()

    # --- what is on the pad -------------------------------------------------------------

    def show_drawing(self, strokes, final: bool = True) -> Reading:
        """Read the drawing; ``final`` is False while the pen is still down."""
        strokes = validate_strokes(strokes)
        if self._image is not None or not _same_strokes(strokes, self._strokes):
            self._selected = None  # a new stroke, undo or clear: the maps follow the digit drawn last again
        self._strokes = strokes
        self._image = None
        return self._update(final)

    def show_image(self, image: ImageReading) -> Reading:
        """Read an opened image (``model.ink.images.read_image``): nothing, a digit, or a number; the pad
        keeps it until the next stroke."""
        self._strokes = ValidStrokes()
        self._image = image
        self._selected = None
        return self._update(True)

    def know_image_digits(self, predictor: Predictor, image: ImageReading, digits: list[DigitReading]) -> None:
        """``image``'s digits as ``predictor`` reads them (``read_image_number``), read off the GUI thread
        before the image is shown: showing it then takes no reading, if that network is still in use."""
        self._image_digits = (predictor, image, digits)

    def show_tensor(self, tensor: np.ndarray) -> Reading:
        """Put a 28×28 input on the pad as an opened image, read exactly as it is (no crop, no
        re-centring): an image of a data set, e.g. one a unit's top images show."""
        tensor = np.asarray(tensor, np.float32).reshape(28, 28)
        if not np.isfinite(tensor).all() or tensor.min() < 0 or tensor.max() > 1:
            raise ValueError("a 28×28 input has values between 0 and 1")
        whole = (0.0, 0.0, 28.0, 28.0)
        return self.show_image(ImageReading((28, 28), whole if tensor.any() else None,
                                            tensor if tensor.any() else None, (whole,)))
    def select_digit(self, index: int) -> Reading:
        """Show the digit ``index`` of a number (its tag clicked, or the keyboard), without changing the
        drawing: the chart, the maps and the explanations follow it until the drawing changes."""
        if not self.reading.digits:
            return self.reading
        self._selected = index % len(self.reading.digits)
        return self._update(self.reading.final)

    def select_next_digit(self, step: int) -> Reading:
        """The digit after (``step`` 1) or before (-1) the one shown, wrapping around."""
        if not self.reading.digits:
            return self.reading
        return self.select_digit(self.reading.focus + step)

    def clear(self) -> Reading:
        return self.show_drawing([])

    def _update(self, final: bool) -> Reading:
        self.reading = self._read(final)
        if self.learning is not None and self.reading.prediction.label is not None:
            self.reading = replace(self.reading, learning=True)
        self.attribution = None
        self.reading_changed.emit(self.reading)
        return self.reading

    @property
    def shown_predictor(self) -> Predictor | None:
        """The network whose answer the pad shows: the one being trained while the pad watches it learn."""
        return self.learning or self.predictor

    def _read(self, final: bool) -> Reading:
        predictor = self.shown_predictor
        if self._image is not None:
            return self._read_image(predictor, self._image)
        if not self._strokes:
            return EMPTY
        if predictor is None:
            tensor, placement = render_with_placement(self._strokes)
            return Reading(Prediction(None, tensor=tensor), final=final, placement=placement, waiting=True,
                           indices=tuple(range(len(self._strokes))), strokes=list(self._strokes))
        if needs_splitting(self._strokes):
            digits = read_number(predictor, self._strokes, cache=self._cache)
            if len(digits) > 1:
                return self._number(with_digit_views(predictor, digits, self._cache) if final else digits, final)
            # One digit after all: the splitter has already rendered and read the whole drawing.
            prediction, placement = digits[0].prediction, digits[0].placement
        else:
            tensor, placement = render_with_placement(self._strokes)
            prediction = predictor.predict_tensor(tensor)
        if final:  # at pen-up only: six more readings would slow the pen (once per drawing and model)
            prediction = self._cache.with_views(predictor, self._strokes, prediction)
        return Reading(prediction, final=final, placement=placement,
                       indices=tuple(range(len(self._strokes))), strokes=list(self._strokes))

    def _read_image(self, predictor: Predictor | None, image: ImageReading) -> Reading:
        """An image's digits: none on blank paper, one, or a number (the chart shows its last digit).
        A doubt about the ink (faint, cluttered) makes the answer unsure however sure the network is."""
        if image.is_blank:
            return Reading(from_image=True, image=image)
        if image.is_given_tensor and predictor is not None:  # a 28×28 input itself (show_tensor)
            return Reading(predictor.predict_tensor(image.tensor), from_image=True, image=image)
        if predictor is None:
            return Reading(Prediction(None, tensor=image.tensor), from_image=True, image=image, waiting=True)
        digits = self._digits_of(predictor, image)
        if not digits:  # ink in which the network finds nothing to read (a line's remains): as blank paper
            return Reading(from_image=True, image=image)
        if len(digits) == 1:
            return Reading(digits[0].prediction, from_image=True, image=image)
        focus = self._chosen(len(digits), len(digits) - 1)
        return Reading(digits[focus].prediction, tuple(digits), focus, from_image=True, image=image)

    def _digits_of(self, predictor: Predictor, image: ImageReading) -> list[DigitReading]:
        known = self._image_digits
        if known is None or known[0] is not predictor or known[1] is not image:
            known = self._image_digits = (predictor, image, read_image_number(predictor, image))
        return known[2]

    def _chosen(self, count: int, otherwise: int) -> int:
        return self._selected if self._selected is not None and 0 <= self._selected < count else otherwise

    def _number(self, digits: list[DigitReading], final: bool) -> Reading:
        """The chart and the maps follow the digit that holds the latest stroke."""
        latest = len(self._strokes) - 1
        focus = self._chosen(len(digits), next(index for index, digit in enumerate(digits) if latest in digit.indices))
        shown = digits[focus]
        return Reading(shown.prediction, tuple(digits), focus, final, shown.placement, shown.indices,
                       shown.strokes)

    # --- the model in use ---------------------------------------------------------------

    def use_model(self, predictor: Predictor, provisional: bool = False) -> None:
        """Read with ``predictor`` from now on.  A ``provisional`` model (read as data, not yet opened by
        Keras) can still be refused: ``refuse_model`` then returns to the model used before it."""
        if not provisional or self._fallback is None:
            self._fallback = self.predictor if provisional else None
        self.predictor = predictor
        self.model_changed.emit(self.shown_predictor)
        self._update(self.reading.final)

    def confirm_model(self, source: str) -> None:
        """Keras opened ``source`` too: it can no longer be refused."""
        if self.predictor is not None and self.predictor.source == source:
            self._fallback = None

    def refuse_model(self, source: str) -> bool:
        """Keras refused ``source``: if it is in use, go back to the model before it.  True if it was."""
        if self.predictor is None or self.predictor.source != source:
            return False
        self.predictor, self._fallback = self._fallback, None
        self.model_changed.emit(self.shown_predictor)
        self._update(self.reading.final)
        return True

    def watch_learning(self, net: NumpyConvnet | None) -> None:
        """Show the answers of the network being trained (its state of this moment), or, with None, of
        the model in use again.  Corrections and saving keep to the model in use."""
        self.learning = Predictor(net, "learning") if net is not None else None
        self.model_changed.emit(self.shown_predictor)
        self._update(self.reading.final)

    # --- why? ---------------------------------------------------------------------------

    def set_why_mode(self, mode: str | None) -> None:
        if mode is not None and mode not in WHY_MODES and not mode.startswith(CLASS_MAP_MODE):
            raise ValueError(f"the why mode must be one of {', '.join(WHY_MODES)} or None, got {mode!r}")
        self.why_mode = mode
        self.attribution = None
        self.why_changed.emit(None, None)

    def why_request(self) -> WhyRequest | None:
        """What *Why?* should explain now: the final reading on screen, when *Why?* is on."""
        prediction = self.reading.prediction
        if self.why_mode is None or prediction.label is None or not self.reading.final:
            return None
        versus = prediction.runner_up if self.why_mode == "versus" else None
        return WhyRequest(self.reading, prediction.tensor, prediction.label, versus)

    def show_why(self, request: WhyRequest, attribution: Attribution) -> bool:
        """Keep the answer to ``request`` if the pad still shows what it asked about."""
        current = self.why_request()
        if current is None or request.reading is not self.reading or (
                (request.target, request.versus) != (current.target, current.versus)):
            return False  # the drawing or the mode changed meanwhile
        self.attribution = attribution
        self.why_changed.emit(attribution, request)
        return True

    # --- corrections --------------------------------------------------------------------

    def can_keep(self) -> bool:
        return self.reading.prediction.label is not None and not self.reading.from_image and bool(self.reading.strokes)

    def keep(self, label: int) -> int:
        """Append the digit on screen with its right label to my drawings; of a number only the digit in
        focus (a whole number kept as one digit would teach the network that numbers are digits).  The same
        drawing again is not kept twice: with another label, that label replaces the first one.
        Returns how many drawings my drawings holds.  Raises OSError or ValueError, keeping the file whole."""
        if not self.can_keep():
            raise ValueError("there is no drawing to keep")
        earlier = self._kept_here()
        if earlier is None or earlier.label != label:
            replacing = earlier.line if earlier is not None else b""
            line = self.my_drawings.append(self.reading.strokes, label, replacing=replacing)
            self._kept = [kept for kept in self._kept if kept is not earlier][-KEPT_REMEMBERED + 1:]
            self._kept.append(_Kept(list(self.reading.strokes), label, line))
        return self.my_drawings.count()

    def kept_label(self) -> int | None:
        """The label the drawing on screen (a number's digit in focus) was kept with in my drawings, if it was."""
        kept = self._kept_here()
        return None if kept is None else kept.label

    def take_back(self) -> bool:
        """Remove the drawing on screen from my drawings, where it was kept by mistake.  False when it was not
        kept (or my drawings were cleared since)."""
        kept = self._kept_here()
        if kept is None:
            return False
        taken = self.my_drawings.take_back(kept.line)  # raises OSError: it stays kept, to try again
        self._kept.remove(kept)
        return taken

    def _kept_here(self) -> _Kept | None:
        """What was kept of the drawing on screen, while my drawings still hold it."""
        if self.reading.from_image or not self.reading.strokes:
            return None
        for kept in reversed(self._kept):
            if _same_strokes(kept.strokes, self.reading.strokes):
                return kept if self.my_drawings.holds(kept.line) else None
        return None


@dataclass(frozen=True, eq=False)
class _Kept:
    """A drawing kept in my drawings this session: its strokes, its label and the line written for it."""

    strokes: list
    label: int
    line: bytes


def _same_strokes(first: list, second: list) -> bool:
    return len(first) == len(second) and all(np.array_equal(a, b) for a, b in zip(first, second))
