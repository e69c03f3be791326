"""Issue 8: several digits read as a number, and why the network decided (integrated gradients)."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QLabel

from digitpad.model.ink.preprocessing import render_with_placement, strokes_to_tensor
from digitpad.model.numbers import ReadingCache, number_text, read_number, split_digits
from drawings import circle, seven, write_jsonl

ONE = [[(60, 60), (62, 120), (63, 200)]]


def side_by_side(*drawings, spacing: float = 90.0):
    """Hand-made digits shifted right by ``spacing`` each."""
    strokes = []
    for index, drawing in enumerate(drawings):
        strokes += [[(x + index * spacing, y) for x, y in stroke] for stroke in drawing]
    return strokes


def small(drawing, scale=0.45, offset=(0, 40)):
    return [[(x * scale + offset[0], y * scale + offset[1]) for x, y in stroke] for stroke in drawing]


FOUR = [[(80, 40), (50, 150), (150, 150)], [(120, 70), (120, 240)]]  # two strokes, one digit


def test_a_digit_in_two_strokes_stays_one_digit(predictor):
    assert split_digits(FOUR, predictor) == [[0, 1]]
    assert predictor.predict_strokes(FOUR).label == 4
    readings = read_number(predictor, FOUR)
    assert len(readings) == 1 and readings[0].label == 4


def test_digits_side_by_side_are_read_as_a_number(predictor):
    number = side_by_side(small(ONE), small(circle()), small(seven()), spacing=80)
    readings = read_number(predictor, number)
    assert number_text(readings) == "107"
    boxes = [r.box for r in readings]
    assert boxes[0][2] < boxes[1][0] and boxes[1][2] < boxes[2][0]  # left to right, not overlapping


class PairReader:
    """A network like a LeNet-5 trained briefly from the window: unsure of each digit alone (30%), sure of two
    side by side squeezed into one square (75% a 4)."""

    def __init__(self, predictor) -> None:
        self.predictor = predictor

    def predict_tensor(self, tensor):
        from dataclasses import replace

        columns = np.asarray(tensor).reshape(28, 28).max(axis=0) > 0.1
        blobs = int(columns[0]) + int(np.sum(columns[1:] & ~columns[:-1]))  # runs of inked columns
        probabilities = np.full(10, 0.7 / 9 if blobs == 1 else 0.25 / 9, np.float32)
        probabilities[4] = 0.3 if blobs == 1 else 0.75
        return replace(self.predictor.predict_tensor(tensor), label=4, probabilities=probabilities)


def test_digits_far_apart_stay_apart_with_a_network_unsure_of_each(predictor):
    """A LeNet-5 trained briefly read "74" written with a wide gap as one 4 at 75%: unsure of each digit alone,
    its one confident reading beat the two.  Pieces with clear paper between them of at least APART_GAP of the
    writing's height are two digits, whatever the network says; a digit's own strokes still make one digit."""
    from digitpad.model.numbers import APART_GAP

    tall_seven, tall_four = [[(0, 0), (60, 0), (25, 200)]], [[(40, 0), (0, 130), (80, 130)], [(60, 60), (60, 200)]]
    for gap in (0.45, 0.8):
        strokes = side_by_side(tall_seven, tall_four, spacing=60 + gap * 200)
        assert gap >= APART_GAP and len(read_number(PairReader(predictor), strokes)) == 2
    closer = side_by_side(tall_seven, tall_four, spacing=60 + 0.3 * 200)  # closer: the network decides, as before
    assert len(read_number(PairReader(predictor), closer)) == 1
    # A 4 whose bar stops short of its upright: two pieces, a small gap, one digit.
    short_bar = [[(40, 0), (0, 130), (50, 130)], [(70, 60), (70, 200)]]
    assert len(read_number(PairReader(predictor), short_bar)) == 1


@pytest.mark.parametrize("gap", [0.4, 0.5, 0.6, 0.75])
def test_two_ones_side_by_side_are_eleven(predictor, gap):
    """Two bars ``gap`` of their height apart: the network reads them together as one 1 at 99%, but a 1 is
    one stroke, so the pair is 11."""
    height = ONE[0][-1][1] - ONE[0][0][1]
    assert number_text(read_number(predictor, side_by_side(ONE, ONE, spacing=gap * height))) == "11"


def test_numbers_from_real_pen_digits_of_unseen_writers(predictor, pen_strokes_path):
    from digitpad.model.files.datasets import load_stroke_records
    from digitpad.model.training.data import side_by_side as compose

    records = [r for r in load_stroke_records(pen_strokes_path, default_box=(500, 500)) if r.writer in {5, 10, 15}]
    rng = np.random.default_rng(3)
    right = 0
    for _ in range(30):
        chosen = [records[i] for i in rng.choice(len(records), 3, replace=False)]
        readings = read_number(predictor, compose([r.strokes for r in chosen], rng))
        right += [r.label for r in readings] == [r.label for r in chosen]
    assert right >= 27


class CountingPredictor:
    """Passes drawings to the real predictor and counts how many it was asked to read."""

    def __init__(self, predictor) -> None:
        self.predictor, self.read = predictor, 0

    def predict_tensor(self, tensor):
        self.read += 1
        return self.predictor.predict_tensor(tensor)

    def probabilities(self, tensors):
        self.read += len(tensors)
        return self.predictor.probabilities(tensors)

    def __getattr__(self, name):
        return getattr(self.predictor, name)


def test_a_cache_rereads_only_the_digit_being_drawn(predictor):
    counting, cache = CountingPredictor(predictor), ReadingCache()
    number = side_by_side(small(ONE), small(circle()), small(seven()), spacing=80)
    first = read_number(counting, number, cache=cache)
    all_runs = counting.read
    number[-1] = number[-1] + [(number[-1][-1][0] + 2, number[-1][-1][1] + 3)]  # the pen moves on
    counting.read = 0
    again = read_number(counting, number, cache=cache)
    uncached = read_number(predictor, number)
    assert number_text(again) == number_text(uncached) == number_text(first) == "107"
    for cached, fresh in zip(again, uncached):
        assert cached.indices == fresh.indices and np.allclose(cached.probabilities, fresh.probabilities, atol=1e-6)
    assert 0 < counting.read < all_runs  # only the runs that hold the moving stroke were read again
    counting.read = 0
    read_number(CountingPredictor(predictor), number, cache=cache)  # another model: nothing reused
    assert number_text(read_number(counting, number, cache=cache)) == "107" and counting.read == all_runs


def test_a_second_network_reads_each_digits_views_once_not_again_when_another_digit_is_selected(
        predictor, tmp_path):
    from digitpad.model.files.my_drawings import MyDrawings
    from digitpad.model.session import Session, read_alike

    session = Session(MyDrawings(tmp_path))
    session.use_model(predictor)
    reading = session.show_drawing(side_by_side(small(ONE), small(circle()), small(seven()), spacing=80), final=True)
    second, cache = CountingPredictor(predictor), ReadingCache()
    shown, digits = read_alike(second, reading, cache)
    assert "".join(str(d.label) for d in digits) == reading.number == "107" and second.read == 3 * (1 + 6)
    second.read = 0
    selected = session.select_digit(0)
    shown_again, digits_again = read_alike(second, selected, cache)
    assert second.read == 3  # the plain readings (the maps follow them); the views are remembered
    assert shown_again.label == 1 and [d.label for d in digits_again] == [d.label for d in digits]
    assert np.allclose(shown_again.probabilities, selected.prediction.probabilities)


def test_cli_reports_the_number_and_each_digits_box(tmp_path):
    path = write_jsonl(tmp_path / "n.jsonl", [
        {"strokes": side_by_side(small(ONE), small(circle()), spacing=100)},
        {"strokes": FOUR},
    ])
    result = subprocess.run([sys.executable, "-m", "digitpad", "predict", "--strokes", str(path)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    number, single = (json.loads(line) for line in result.stdout.splitlines())
    assert number["number"] == "10" and number["label"] is None
    assert [d["label"] for d in number["digits"]] == [1, 0]
    assert all(len(d["box"]) == 4 and len(d["probabilities"]) == 10 for d in number["digits"])
    assert set(single) == {"label", "probabilities"} and single["label"] == 4  # one digit: exactly as before


def test_attribution_adds_up_and_follows_the_ink(predictor, mnist_path):
    from digitpad.model.files.datasets import load_mnist
    from digitpad.model.network.saliency import explain

    mnist = load_mnist(mnist_path)
    image = mnist.x_test[0].astype(np.float32) / 255  # a 7
    target = predictor.predict_tensor(image).label
    attribution = explain(predictor.net, image, target)
    assert attribution.values.sum() == pytest.approx(attribution.score_change, rel=0.05, abs=0.05)
    # The 6×6 patch with the most credit: remove its ink, and the credit there is gone.
    credit = np.maximum(attribution.values, 0)
    sums = np.array([[credit[r:r + 6, c:c + 6].sum() for c in range(23)] for r in range(23)])
    r, c = np.unravel_index(np.argmax(sums), sums.shape)
    damaged = image.copy()
    damaged[r:r + 6, c:c + 6] = 0
    after = np.maximum(explain(predictor.net, damaged, target).values, 0)[r:r + 6, c:c + 6].sum()
    assert after < 0.2 * sums[r, c]


def test_attribution_maps_back_to_where_the_stroke_was_drawn(predictor):
    from digitpad.model.network.saliency import explain

    top_left = small(ONE, scale=0.5, offset=(10, -20))  # a 1 in the top-left corner of the pad
    tensor, placement = render_with_placement([np.asarray(s, float) for s in top_left])
    attribution = explain(predictor.net, tensor, predictor.predict_tensor(tensor).label)
    credit = np.maximum(attribution.values, 0)
    rows, cols = np.mgrid[0:28, 0:28] + 0.5
    centre = np.array([(credit * cols).sum(), (credit * rows).sum()]) / credit.sum()
    x, y = placement.to_canvas(centre)
    assert x < 140 and y < 140
    assert np.allclose(strokes_to_tensor(top_left), tensor)


@pytest.fixture
def window(ready_window):
    return ready_window()


def test_window_reads_a_number_and_boxes_each_digit(window):
    from digitpad.app.window.automation import draw

    draw(window.canvas, side_by_side(small(ONE), small(circle()), small(seven()), spacing=80))
    assert window.findChild(QLabel, "predictionLabel").text() == "107"
    tags = window.canvas.digit_tags()
    assert [tag.text for tag in tags] == ["1", "0", "7"]
    assert [tag.focus for tag in tags] == [False, False, True]  # the maps follow the last digit drawn
    assert not any(tag.unsure for tag in tags)
    window.clear()
    draw(window.canvas, FOUR)
    assert window.findChild(QLabel, "predictionLabel").text() == "4" and window.canvas.digit_tags() == []


@pytest.mark.parametrize("size", [(1366, 768), (1000, 700)])
def test_a_six_digit_number_is_shown_whole_in_a_small_window(ready_window, size):
    """Each digit after the second makes the font smaller; a narrow answer column makes it smaller still."""
    from PySide6.QtGui import QFontMetrics

    from digitpad.app.window.automation import draw

    window = ready_window(size=size)
    long_number = side_by_side(*[small(digit, scale=0.3) for digit in (ONE, circle(), seven()) * 2], spacing=42)
    draw(window.canvas, long_number)
    label = window.findChild(QLabel, "predictionLabel")
    assert label.text() == "107107"
    assert QFontMetrics(label.font()).horizontalAdvance(label.text()) <= label.contentsRect().width()
    squeezed = label.font().pointSize()
    window.resize(size[0] + 500, size[1])  # more room: a larger font again (at most 32 pt for six digits)
    QApplication.processEvents()
    assert QFontMetrics(label.font()).horizontalAdvance(label.text()) <= label.contentsRect().width()
    assert squeezed < 32 and label.font().pointSize() > squeezed


def test_confirming_a_number_keeps_only_the_digit_it_shows(window):
    from PySide6.QtWidgets import QPushButton

    from digitpad.app.window.automation import draw

    number = side_by_side(small(ONE), small(circle()), small(seven()), spacing=80)
    draw(window.canvas, number)
    assert window.findChild(QLabel, "correctionQuestion").text() == "Digit #3?"
    window.findChild(QPushButton, "confirmButton").click()
    records, _ = window.session.my_drawings.load()
    assert [r.label for r in records] == [7]
    assert len(records[0].strokes) == len(small(seven()))  # the 7's strokes, not the whole number
    assert np.ptp(np.concatenate(records[0].strokes)[:, 0]) < 100
    assert "Digit #3 kept as a 7" in window.statusBar().currentMessage()
    window.previous_digit_action.trigger()  # digit #2: not kept
    assert not window.correction.confirm_button.isChecked()
    window.next_digit_action.trigger()  # back to #3: still kept, and a second press would take it back
    assert window.correction.confirm_button.isChecked() and window.session.kept_label() == 7


SCRIBBLE = [[(60, 200), (110, 60), (150, 210), (190, 70), (230, 200)], [(70, 120), (220, 140)]]


def test_a_number_with_a_doubtful_digit_says_so(window):
    from digitpad.app.pad.prediction_view import UNSURE_COLOUR
    from digitpad.app.window.automation import draw

    draw(window.canvas, side_by_side(small(ONE), small(SCRIBBLE), small(seven()), spacing=100))
    tags = window.canvas.digit_tags()
    assert [tag.unsure for tag in tags] == [False, True, False]
    assert tags[1].text.endswith("?")  # the scribble's tag reads e.g. "7?"
    caption = window.findChild(QLabel, "predictionCaption").text().replace("\u00a0", " ")  # no break before a number
    assert "#3 is a 7" in caption and "unsure of #2:" in caption  # the focus is sure, the number is not
    assert UNSURE_COLOUR.name() in window.findChild(QLabel, "predictionLabel").styleSheet()


def test_a_scribble_is_said_to_look_like_no_digit_not_like_two(window):
    from digitpad.app.window.automation import draw

    draw(window.canvas, SCRIBBLE)
    assert window.prediction.confidence < 0.3
    caption = window.findChild(QLabel, "predictionCaption").text().replace("\u00a0", " ")
    assert caption.startswith("Unsure: no digit stands out; the likeliest,") and " or " not in caption
    confirm = window.correction.confirm_button  # one click kept the scribble in my drawings as its likeliest digit
    assert not confirm.isEnabled() and window.correction.digit_buttons[4].isEnabled()
    window.clear()
    draw(window.canvas, seven())
    assert confirm.isEnabled()
    window.clear()
    draw(window.canvas, side_by_side(small(seven()), small(SCRIBBLE, scale=0.6), spacing=100))  # it is digit 2
    assert window.session.reading.digits[1].prediction.confidence < 0.3
    caption = window.findChild(QLabel, "predictionCaption").text().replace("\u00a0", " ")
    assert caption.startswith("2 digits; #2: no digit stands out (") and " or " not in caption, caption


def test_why_overlays_the_canvas_where_the_digit_is(window, qtbot):
    from digitpad.app.window.automation import draw

    window.answer.why_button.setChecked(True)
    with qtbot.waitSignal(window.whyShown, timeout=60_000):
        draw(window.canvas, small(seven(), scale=0.5, offset=(0, 0)))  # a 7 in the top-left
    rect = window.canvas.heatmap_rect()
    assert rect is not None and rect.center().x() < 140 and rect.center().y() < 140
    assert window.answer.preview.overlay is not None
    assert "integrated gradients" in window.answer.why_caption.text()
    with qtbot.waitSignal(window.whyShown, timeout=60_000):
        window.answer.why_target.setCurrentIndex(1)
        assert window.answer.why_caption.text() == "Working out why…"  # until the answer comes
    assert window.answer.why_caption.text().startswith(f"Why 7 and not {window.prediction.runner_up}")
    window.answer.why_button.setChecked(False)
    assert window.canvas.heatmap_rect() is None
