"""The drawing canvas: strokes kept as vectors in a fixed 280×280 box, painted at any size.

Like Qt's painter example, strokes are painted onto a backing image in the
input handlers and ``paintEvent`` only copies that image to the screen.  The
vectors are the truth: they are what the model core preprocesses, what undo
and redo move between, and what is saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen, QTabletEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from digitpad.app.common.colormaps import UNSURE_COLOUR, WINNER_COLOUR
from digitpad.app.common.language import Retranslatable
from digitpad.model.ink.preprocessing import CANVAS_SIZE, DEFAULT_BRUSH, MAX_BRUSH, MIN_BRUSH
from digitpad.model.session import DigitTag

PAPER = QColor("#fdfdfb")
INK = QColor("#1d1d1f")


@dataclass(frozen=True)
class Stroke:
    """One pen-down..pen-up polyline in canvas-box coordinates, with the brush it was drawn with."""

    points: tuple[tuple[float, float], ...]
    width: float


Drawing = tuple[Stroke, ...]


@dataclass(frozen=True)
class _Background:
    """An opened image on the pad: the picture, what was read from it, and whether it is drawn over."""

    image: QImage
    data: object
    drawing_over: bool


_PadState = tuple[Drawing, "_Background | None"]  # what Undo and Redo move between


class DrawingCanvas(Retranslatable, QWidget):
    """Draw with the mouse or a stylus; undo, redo and clear by whole strokes."""

    strokeMoved = Signal()  # a point was added to the stroke being drawn: the drawing is not final yet
    drawingChanged = Signal()  # the drawing is final for now: pen-up, undo, redo, clear or a new drawing
    undoAvailable = Signal(bool)
    redoAvailable = Signal(bool)
    digitChosen = Signal(int)  # a digit's tag was clicked: show that digit of the number (no ink added)
    imageClicked = Signal()  # a click on an opened image that is not on a tag: the image stays


    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvas")
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(200, 200))
        self.setCursor(Qt.CursorShape.CrossCursor)
        # Drawing takes the focus (``_begin``): Ctrl+Z undoes a stroke when the pad was the last thing worked on.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.box = float(CANVAS_SIZE)
        self._brush = float(DEFAULT_BRUSH)
        self._strokes: Drawing = ()
        self._current: list[tuple[float, float]] | None = None
        self._undo: list[_PadState] = []
        self._redo: list[_PadState] = []
        self._backing = QImage()
        self._background: QImage | None = None  # an opened image, kept until cleared or drawn over on purpose
        self._image_data: object = None  # what was read from it (the session's ImageReading), for Undo
        self._drawing_over = False  # the person chose to draw over the image: it is faded, the strokes are read
        self._image_crop: tuple[float, float, float, float] | None = None  # where the image was read
        self._image_tags: list[DigitTag] = []  # the digits of a number found in the image
        self._heatmap: tuple[QImage, QRectF] | None = None  # "Why?": an image over a box-coordinate rectangle
        self._digit_tags: list[DigitTag] = []
        self._revision = 0  # counts the pad's changes, a stroke begun included
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Drawing pad"))
        self.setToolTip(self.tr("Draw a digit here with the mouse or a pen"))

    # --- the drawing ----------------------------------------------------------

    @property
    def brush_width(self) -> float:
        return self._brush

    def set_brush_width(self, width: float) -> None:
        self._brush = float(min(max(width, MIN_BRUSH), MAX_BRUSH))

    def strokes(self) -> Drawing:
        """The finished strokes plus the one being drawn."""
        if self._current:
            return self._strokes + (Stroke(tuple(self._current), self._brush),)
        return self._strokes

    def point_lists(self) -> list[list[tuple[float, float]]]:
        """The strokes as the model core takes them: lists of (x, y) in the 280×280 box."""
        return [list(stroke.points) for stroke in self.strokes()]

    def is_empty(self) -> bool:
        return not self.strokes()

    def is_drawing(self) -> bool:
        return self._current is not None

    def revision(self) -> int:
        """Changes with every change of the pad (a stroke begun, undo, clear, an image): work asked for
        earlier, such as a photo being read, can tell whether the pad is still as it was."""
        return self._revision

    def set_strokes(self, strokes: Drawing) -> None:
        """Replace the drawing and any opened image (undoable), e.g. after opening a saved drawing."""
        self._commit(tuple(strokes), None)

    def set_background(self, image: QImage | None, data: object = None) -> None:
        """Show an opened image on the pad instead of the drawing (undoable); ``data`` is what was read
        from it, given back by ``image_data`` (after Undo too).  A click on it does not draw."""
        self._current = None
        self._commit((), _Background(image, data, False) if image is not None else None)

    def has_background(self) -> bool:
        return self._background is not None

    def image_data(self) -> object:
        """What was read from the opened image, while it is shown and not drawn over."""
        return self._image_data if self._background is not None and not self._drawing_over else None

    def is_drawing_over_image(self) -> bool:
        return self._drawing_over

    def draw_over_image(self) -> bool:
        """The person chose to draw over the opened image: it stays, faded, and the strokes are read.
        Undo returns to the image.  False if there is no image to draw over."""
        if self._background is None or self._drawing_over:
            return False
        self._commit((), _Background(self._background, self._image_data, True))
        return True

    def clear(self) -> None:
        """Clear the drawing and any opened image (undoable: Undo brings them back)."""
        if self._strokes or self._current or self._background is not None:
            self._current = None
            self._commit((), None)

    def undo(self) -> None:
        if self._current is not None:
            return
        if self._undo:
            self._redo.append(self._state())
            self._set_state(*self._undo.pop())

    def redo(self) -> None:
        if self._current is not None:
            return
        if self._redo:
            self._undo.append(self._state())
            self._set_state(*self._redo.pop())

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def _state(self) -> _PadState:
        background = _Background(self._background, self._image_data, self._drawing_over) if self._background \
            is not None else None
        return self._strokes, background

    def _commit(self, strokes: Drawing, background: _Background | None | bool = True) -> None:
        """A new state for Undo; ``background`` True keeps the image as it is."""
        self._undo.append(self._state())
        self._redo.clear()
        self._set_state(strokes, self._state()[1] if background is True else background)

    def _set_state(self, strokes: Drawing, background: _Background | None) -> None:
        self._revision += 1
        self._strokes = strokes
        image = background.image if background is not None else None
        if image is not self._background:
            self._image_crop, self._image_tags = None, []
        self._background = image
        self._image_data = background.data if background is not None else None
        self._drawing_over = background.drawing_over if background is not None else False
        self._repaint_backing()
        self.undoAvailable.emit(self.can_undo())
        self.redoAvailable.emit(self.can_redo())
        self.drawingChanged.emit()

    # --- input ----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._current is not None:
            self._extend(event.position())
            self._finish()
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove and self._current is not None:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease and self._current is not None:
            self._finish()
        event.accept()  # no synthesised mouse events on top

    def _begin(self, position: QPointF) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)  # a pen's press gives no click focus: Ctrl+Z is the pad's
        if self._current is not None:  # a second press without a release: close the first stroke
            self._finish()
        chosen = self.tag_at(position)
        if chosen is not None:
            self.digitChosen.emit(chosen)
            return
        if self._background is not None and not self._drawing_over:
            self.imageClicked.emit()
            return
        point = self._to_box(position)
        self._current = [point]
        self._revision += 1
        self._paint_segment(point, point)
        self.strokeMoved.emit()

    def _extend(self, position: QPointF) -> None:
        point = self._to_box(position)
        last = self._current[-1]
        if point == last:
            return
        self._current.append(point)
        self._paint_segment(last, point)
        self.strokeMoved.emit()

    def _finish(self) -> None:
        stroke = Stroke(tuple(self._current), self._brush)
        self._current = None
        self._commit(self._strokes + (stroke,))

    def _to_box(self, position: QPointF) -> tuple[float, float]:
        """Widget pixels to the 280×280 box, clamped to it (the pen may leave the canvas)."""
        area = self.paper_rect()
        scale = self.box / area.width()
        x = (position.x() - area.left()) * scale
        y = (position.y() - area.top()) * scale
        return (round(min(max(x, 0.0), self.box), 2), round(min(max(y, 0.0), self.box), 2))

    def box_to_widget(self, point: tuple[float, float]) -> QPointF:
        """A point of the 280×280 box in the widget's pixels (where the mouse must be to draw it)."""
        area = self.paper_rect()
        scale = area.width() / self.box
        return QPointF(area.left() + point[0] * scale, area.top() + point[1] * scale)

    def box_rect_to_widget(self, rect: QRectF) -> QRectF:
        return QRectF(self.box_to_widget((rect.left(), rect.top())), self.box_to_widget((rect.right(), rect.bottom())))

    # --- painting ---------------------------------------------------------------

    def paper_rect(self) -> QRectF:
        """The largest centred square: the canvas keeps its shape whatever the window does."""
        side = float(min(self.width(), self.height()))
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._repaint_backing()

    def _repaint_backing(self) -> None:
        ratio = self.devicePixelRatioF()
        size = QSize(max(1, int(self.width() * ratio)), max(1, int(self.height() * ratio)))
        self._backing = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        self._backing.setDevicePixelRatio(ratio)
        self._backing.fill(self.palette().window().color())
        with QPainter(self._backing) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            area = self.paper_rect()
            painter.fillRect(area, PAPER)
            if self._background is not None:
                painter.setOpacity(0.3 if self._drawing_over else 1.0)  # faded: a guide under the strokes
                painter.drawImage(_fit(self._background, area), self._background)
                painter.setOpacity(1.0)
            painter.setPen(QPen(QColor("#d0d0cc"), 1))
            painter.drawRect(area.adjusted(0.5, 0.5, -0.5, -0.5))
            _paint_strokes(painter, self.strokes(), area.width() / self.box, area.topLeft())
        self.update()

    def _paint_segment(self, start: tuple[float, float], end: tuple[float, float]) -> None:
        """Paint only the newest piece of the stroke and repaint only where it is."""
        area = self.paper_rect()
        scale = area.width() / self.box
        with QPainter(self._backing) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setClipRect(area)
            _paint_strokes(painter, [Stroke((start, end) if start != end else (start,), self._brush)], scale,
                           area.topLeft())
        a, b = self.box_to_widget(start), self.box_to_widget(end)
        margin = self._brush * scale
        self.update(QRectF(a, b).normalized().adjusted(-margin, -margin, margin, margin).toAlignedRect())

    def set_heatmap(self, image: QImage | None, box_rect: QRectF | None = None) -> None:
        """Show ``image`` stretched over ``box_rect`` (in 280×280 box coordinates), or nothing."""
        heatmap = (image, box_rect) if image is not None and box_rect is not None else None
        if heatmap is None and self._heatmap is None:
            return  # every reading clears it: a repaint of the whole pad would undo the stroke's small one
        self._heatmap = heatmap
        self.update()

    def heatmap_rect(self) -> QRectF | None:
        return self._heatmap[1] if self._heatmap else None

    def set_digit_tags(self, tags: list[DigitTag]) -> None:
        """Boxes around the digits of a number, each with its label, whether the maps show it (focus),
        and whether the network is unsure of it.  Unchanged tags (every reading of one digit) repaint
        nothing: the stroke repaints only the pad around its newest piece."""
        if list(tags) == self._digit_tags:
            return
        self._digit_tags = list(tags)
        self.update()

    def digit_tags(self) -> list[DigitTag]:
        return list(self._digit_tags)

    def set_image_marks(self, crop: tuple[float, float, float, float] | None, tags: list[DigitTag]) -> None:
        """On an opened image: the crop that was read (in the image's pixels), and the digits of a number
        found in it, so the person sees what the network read."""
        if (crop, list(tags)) == (self._image_crop, self._image_tags):
            return
        self._image_crop, self._image_tags = crop, list(tags)
        self.update()

    def image_crop(self) -> tuple[float, float, float, float] | None:
        return self._image_crop

    def image_tags(self) -> list[DigitTag]:
        return list(self._image_tags)

    def tag_at(self, position: QPointF) -> int | None:
        """The digit whose tag is at ``position`` (widget pixels): on a drawing the label above its box
        (inside the box the pen draws), on an opened image the label or the box."""
        if self._background is not None and not self._drawing_over:
            for index, tag in enumerate(self._image_tags):
                box = self._image_rect(tag.box).adjusted(-6, -6, 6, 6)
                if box.contains(position) or self._label_rect(tag, box).contains(position):
                    return index
            return None
        for index, tag in enumerate(self._digit_tags):
            if self._label_rect(tag, self._tag_rect(tag)).contains(position):
                return index
        return None

    def tag_label_centre(self, index: int) -> QPointF:
        """Where a click selects digit ``index`` (for tests and the screenshots)."""
        if self._background is not None and not self._drawing_over:
            tag = self._image_tags[index]
            return self._label_rect(tag, self._image_rect(tag.box).adjusted(-6, -6, 6, 6)).center()
        tag = self._digit_tags[index]
        return self._label_rect(tag, self._tag_rect(tag)).center()

    def _tag_rect(self, tag: DigitTag) -> QRectF:
        x0, y0, x1, y1 = tag.box
        return self.box_rect_to_widget(QRectF(x0, y0, x1 - x0, y1 - y0)).adjusted(-6, -6, 6, 6)

    def _label_rect(self, tag: DigitTag, rect: QRectF) -> QRectF:
        return QRectF(rect.left(), rect.top() - 22, max(26, self.fontMetrics().horizontalAdvance(tag.text) + 10), 20)

    def _image_rect(self, box) -> QRectF:
        """A box in the opened image's pixels, in widget pixels."""
        target = _fit(self._background, self.paper_rect())
        scale = target.width() / max(1.0, self._background.deviceIndependentSize().width())
        x0, y0, x1, y1 = box
        return QRectF(target.left() + x0 * scale, target.top() + y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale)

    def paintEvent(self, event) -> None:
        with QPainter(self) as painter:
            painter.drawImage(QRectF(event.rect()), self._backing, self._device_rect(event.rect()))
            if self._background is not None and not self._drawing_over and (self._image_crop or self._image_tags):
                self._paint_image_marks(painter)
            if self._heatmap is None and not self._digit_tags:
                return
            painter.setClipRect(self.paper_rect())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if self._heatmap is not None:
                painter.fillRect(self.paper_rect(), QColor(255, 255, 255, 170))  # fade the ink so the colours read
                image, rect = self._heatmap
                painter.drawImage(self.box_rect_to_widget(rect), image)
            for tag in self._digit_tags:
                self._paint_tag(painter, tag)

    def _paint_image_marks(self, painter: QPainter) -> None:
        to_widget = self._image_rect
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._image_crop is not None and not self._image_tags:
            painter.setPen(QPen(WINNER_COLOUR, 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(to_widget(self._image_crop).adjusted(-3, -3, 3, 3))
        for tag in self._image_tags:
            self._paint_tag(painter, tag, to_widget(tag.box))

    def _paint_tag(self, painter: QPainter, tag: DigitTag, rect: QRectF | None = None) -> None:
        rect = rect.adjusted(-6, -6, 6, 6) if rect is not None else self._tag_rect(tag)
        colour = UNSURE_COLOUR if tag.unsure else WINNER_COLOUR if tag.focus else QColor("#8a97a8")
        painter.setPen(QPen(colour, 2 if tag.focus else 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 6, 6)
        label = self._label_rect(tag, rect)
        painter.fillRect(label, colour)
        painter.setPen(QColor("white"))
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, tag.text)

    def _device_rect(self, rect) -> QRectF:
        ratio = self._backing.devicePixelRatio()
        return QRectF(rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio)

    def render_image(self, size: int = CANVAS_SIZE) -> QImage:
        """The drawing as a square image (for Save drawing), dark ink on paper."""
        image = QImage(size, size, QImage.Format.Format_RGB32)
        image.fill(PAPER)
        with QPainter(image) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            _paint_strokes(painter, self.strokes(), size / self.box, QPointF(0, 0))
        return image

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width


def _paint_strokes(painter: QPainter, strokes, scale: float, origin: QPointF) -> None:
    """Strokes of the 280×280 box as round-capped, round-joined lines, scaled and moved to ``origin``:
    the one way ink is painted, on the pad, for a repaint, and into a saved image."""
    for stroke in strokes:
        painter.setPen(QPen(INK, stroke.width * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        points = [QPointF(origin.x() + x * scale, origin.y() + y * scale) for x, y in stroke.points]
        if len(points) == 1:
            _draw_dot(painter, points[0])
        else:
            painter.drawPolyline(points)


def _draw_dot(painter: QPainter, centre: QPointF) -> None:
    """A round dot as wide as the pen.  (Not QPainter.drawPoint: in PySide6 6.12 it loses a
    reference to None on every call and thousands of dots crash the interpreter.)"""
    pen = painter.pen()
    radius = pen.widthF() / 2
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(pen.color())
    painter.drawEllipse(centre, radius, radius)
    painter.restore()


def _fit(image: QImage, area: QRectF) -> QRectF:
    """The largest rectangle of the image's shape centred in ``area``.  A big photo is shown from a smaller
    copy whose device pixel ratio keeps its size in the photo's own pixels, where its boxes are."""
    size = image.deviceIndependentSize()
    scale = min(area.width() / max(1.0, size.width()), area.height() / max(1.0, size.height()))
    width, height = size.width() * scale, size.height() * scale
    return QRectF(area.center().x() - width / 2, area.center().y() - height / 2, width, height)
