"""The session and the worker process, driven without Qt: what the pad shows, the model in use and
how it is swapped, Why?, corrections, and TensorFlow's own process."""

from __future__ import annotations

import os
import queue
import signal

import numpy as np
import pytest

from digitpad.model.files.my_drawings import MyDrawings
from digitpad.model.network.saliency import explain
from digitpad.model.session import Session
from drawings import circle, seven

ONE = [[(60, 60), (62, 120), (63, 200)]]


def number(*drawings, spacing: float = 80.0, scale: float = 0.45):
    strokes = []
    for index, drawing in enumerate(drawings):
        strokes += [[(x * scale + index * spacing, y * scale + 40) for x, y in stroke] for stroke in drawing]
    return strokes


@pytest.fixture
def session(tmp_path, predictor):
    session = Session(MyDrawings(tmp_path))
    session.use_model(predictor)
    return session


def test_a_drawing_and_a_number_are_read_without_qt(session):
    readings = []
    session.reading_changed.connect(readings.append)
    reading = session.show_drawing(seven(), final=False)
    assert reading.prediction.label == 7 and not reading.final and reading.placement is not None
    reading = session.show_drawing(number(ONE, circle(), seven()))
    assert reading.number == "107" and reading.focus == 2 and reading.prediction.label == 7
    assert [tag.text for tag in reading.tags()] == ["1", "0", "7"] and reading.tags()[2].focus
    assert len(reading.prediction.activations) == 7  # the focus digit's maps, read once with the number
    assert len(readings) == 2
    assert session.clear().prediction.label is None


def test_keeping_a_number_keeps_only_the_digit_on_screen(session):
    session.show_drawing(number(ONE, circle(), seven()))
    assert session.keep(7) == 1
    records, _ = session.my_drawings.load()
    assert records[0].label == 7 and len(records[0].strokes) == 1
    from PIL import Image, ImageDraw

    from digitpad.model.ink.images import read_image

    paper = Image.new("L", (200, 200), 235)
    ImageDraw.Draw(paper).line([(60, 40), (150, 40), (90, 170)], fill=30, width=12)
    assert session.show_image(read_image(paper)).prediction.label == 7
    assert not session.can_keep()  # an image has no strokes to keep
    assert session.show_image(read_image(Image.new("L", (200, 200), 235))).prediction.label is None
    with pytest.raises(ValueError, match="no drawing to keep"):
        session.keep(3)


def test_a_drawing_is_kept_once_a_second_label_replaces_the_first_and_a_mistake_can_be_taken_back(session):
    session.show_drawing(seven())
    assert session.keep(7) == 1 and session.keep(7) == 1  # the same drawing, the same label: kept once
    assert session.keep(1) == 1 and session.kept_label() == 1  # a mistaken label: the right one replaces it
    assert [record.label for record in session.my_drawings.load()[0]] == [1]
    assert session.take_back() and session.kept_label() is None and session.my_drawings.count() == 0
    session.show_drawing(seven())
    session.keep(7)
    session.show_drawing(circle())
    assert session.kept_label() is None and not session.take_back()  # another drawing: nothing to take back
    session.keep(0)
    assert session.my_drawings.count() == 2
    session.my_drawings.clear()
    assert session.kept_label() is None and not session.take_back()  # cleared since: nothing is said kept


def test_taking_back_leaves_a_drawing_another_digitpad_added_since(session):
    session.show_drawing(seven())
    session.keep(7)
    MyDrawings(session.my_drawings.folder).append(circle(), 0)  # a second copy of the app, at the same time
    assert session.kept_label() == 7 and session.take_back()
    assert [record.label for record in session.my_drawings.load()[0]] == [0]  # the other copy's stays


def test_each_digit_of_a_number_is_kept_once_and_can_be_taken_back_later(session):
    """Keeping digit #2, then #1, then #2 again filed #2 twice: only the last digit kept was remembered."""
    session.show_drawing(number(ONE, circle(), seven()))
    session.keep(7)  # digit #3, in focus
    session.select_next_digit(-1)  # digit #2, the 0
    assert session.kept_label() is None
    session.keep(0)
    session.select_next_digit(1)  # back to #3
    assert session.kept_label() == 7 and session.keep(7) == 2  # not kept twice
    assert session.take_back() and [record.label for record in session.my_drawings.load()[0]] == [0]
    session.select_next_digit(-1)
    assert session.kept_label() == 0


def test_a_refused_model_gives_way_to_the_one_before(session, predictor):
    models = []
    session.model_changed.connect(models.append)
    other = predictor.with_weights([w * 0.9 for w in predictor.net.weights()], "/somewhere/other.keras")
    session.show_drawing(seven())
    session.use_model(other, provisional=True)
    assert session.predictor is other
    assert session.refuse_model("/somewhere/other.keras")
    assert session.predictor is predictor and models == [other, predictor]
    session.use_model(other, provisional=True)
    session.confirm_model(other.source)
    assert not session.refuse_model("/somewhere/else.keras") and session.predictor is other
    assert session.refuse_model(other.source) and session.predictor is None  # confirmed: nothing to go back to


def test_watching_it_learn_shows_the_network_being_trained_and_keeps_the_model_in_use(session, predictor):
    session.show_drawing(seven())
    in_use = session.reading.prediction.probabilities
    learning = predictor.net.with_weights([w * 0.5 for w in predictor.net.weights()])
    session.watch_learning(learning)
    assert session.predictor is predictor and session.shown_predictor.net is learning
    assert not np.allclose(session.reading.prediction.probabilities, in_use)
    assert session.keep(7) == 1  # corrections still go to my drawings, whatever network is shown
    session.watch_learning(None)
    assert np.allclose(session.reading.prediction.probabilities, in_use)


def test_why_answers_only_the_question_still_on_screen(session):
    session.set_why_mode("versus")
    session.show_drawing(seven(), final=False)
    assert session.why_request() is None  # not while the pen is down
    session.show_drawing(seven())
    request = session.why_request()
    assert request.target == 7 and request.versus == session.reading.prediction.runner_up
    attribution = explain(session.predictor.net, request.tensor, request.target, request.versus)
    session.show_drawing(circle())
    assert not session.show_why(request, attribution)  # the drawing changed meanwhile
    request = session.why_request()
    assert session.show_why(request, explain(session.predictor.net, request.tensor, request.target, request.versus))
    with pytest.raises(ValueError, match="why mode"):
        session.set_why_mode("because")


# --- the worker process ------------------------------------------------------------------------

class Answers:
    """What a WorkerClient hears, in a queue to wait on."""

    def __init__(self) -> None:
        self.queue: queue.Queue = queue.Queue()

    def __call__(self, job: int, kind: str, value) -> None:
        self.queue.put((job, kind, value))

    def final(self, job: int, timeout: float = 300):
        while True:
            answer = self.queue.get(timeout=timeout)
            if answer[0] == job and answer[1] != "progress":
                return answer[1], answer[2]


@pytest.fixture
def worker():
    from digitpad.model.worker import WorkerClient

    answers = Answers()
    client = WorkerClient(answers)
    client.answers = answers
    yield client
    client.stop()


def test_the_worker_checks_models_in_keras_and_says_why_it_refuses_one(worker, bundled_model_file, tmp_path):
    assert worker.answers.final(worker.submit("check_model", str(bundled_model_file))) == ("done", 93_322)
    broken = tmp_path / "broken.keras"
    broken.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip: no config, no weights
    kind, message = worker.answers.final(worker.submit("check_model", str(broken)))
    assert kind == "failed" and str(message).endswith("broken.keras: not a Keras model (no config.json in the archive)")
    assert message.reason.template == "not a Keras model (no {member} in the archive)"  # whole, for the window to word
    assert worker.pid != os.getpid() and worker.is_alive()


def test_a_dead_worker_is_reported_in_words_and_replaced(worker, mnist_path):
    from digitpad.model.training.recipes import TrainConfig, TrainRequest

    request = TrainRequest(TrainConfig(epochs=50, batch_size=32), mnist_path=str(mnist_path), mnist_limit=2000)
    job = worker.submit("train", request, "/nonexistent")
    while worker.answers.queue.get(timeout=300)[1] != "progress":
        pass
    first = worker.pid
    os.kill(first, signal.SIGKILL)
    assert worker.answers.final(job) == ("died", "it was stopped by SIGKILL (out of memory?)")
    assert worker.answers.final(worker.submit("devices"))[0] == "done" and worker.pid != first


def test_cancel_reaches_a_training_in_the_worker(worker, mnist_path, tmp_path):
    from digitpad.model.training.recipes import TrainConfig, TrainRequest

    request = TrainRequest(TrainConfig(epochs=50, batch_size=32), mnist_path=str(mnist_path), mnist_limit=2000)
    job = worker.submit("train", request, str(tmp_path))
    while worker.answers.queue.get(timeout=300)[1] != "progress":
        pass
    worker.cancel(job)
    assert worker.answers.final(job, timeout=60) == ("cancelled", None)
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_watching_a_training_sends_the_network_a_few_times_a_second(worker, mnist_path, tmp_path):
    from digitpad.model.network.numpy_net import NumpyConvnet
    from digitpad.model.training.recipes import TrainConfig, TrainRequest

    request = TrainRequest(TrainConfig(epochs=2, batch_size=32), mnist_path=str(mnist_path), mnist_limit=3000,
                           watch=True)
    job = worker.submit("train", request, str(tmp_path))
    snapshots = []
    while True:
        answer = worker.answers.queue.get(timeout=600)
        if answer[0] != job:
            continue
        if answer[1] != "progress":
            break
        if isinstance(answer[2], NumpyConvnet):
            snapshots.append(answer[2])
    assert answer[1] == "done" and len(snapshots) >= 3
    first, last = snapshots[0].weights(), snapshots[-1].weights()
    assert any(not np.array_equal(a, b) for a, b in zip(first, last))  # the network changed as it learned


def test_a_photos_digits_are_read_once_for_each_network(session, predictor):
    """Reading a photo's number takes 50–100 ms: the window reads it off the GUI thread and hands it over;
    clicking a digit's tag, or undo bringing the photo back, does not read it again."""
    from test_numbers_and_why import CountingPredictor
    from test_photos import ONE, photo

    from digitpad.model.ink.images import read_image
    from digitpad.model.numbers import read_image_number

    counting = CountingPredictor(predictor)
    session.use_model(counting)
    image = read_image(photo(digits=(ONE, seven()), at=(120, 120), height=200, noise=6))
    digits = read_image_number(counting, image)
    counting.read = 0
    session.know_image_digits(counting, image, digits)
    assert session.show_image(image).number == "17" and counting.read == 0
    assert session.select_digit(0).prediction.label == 1 and counting.read == 0
    session.show_drawing(seven())
    counting.read = 0
    assert session.show_image(image).number == "17" and counting.read == 0  # undo brought it back
    other = CountingPredictor(predictor)
    session.use_model(other)  # another network reads it afresh
    assert session.reading.number == "17" and other.read > 0


def test_ink_in_which_the_network_finds_no_digit_reads_as_blank_paper(session, predictor):
    """Every piece of a photo's ink read as nothing (a ruled line's remains) left no digit, and the session
    indexed the last of none."""
    from test_photos import ONE, photo

    from digitpad.model.ink.images import read_image

    image = read_image(photo(digits=(ONE,), at=(120, 120), height=200, noise=6))
    session.know_image_digits(predictor, image, [])
    reading = session.show_image(image)
    assert reading.from_image and reading.prediction.label is None and reading.number is None
