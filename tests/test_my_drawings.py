"""My drawings: appended safely, torn lines skipped with a warning, two processes never corrupt it."""

from __future__ import annotations

import multiprocessing
import tempfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digitpad.model.files.my_drawings import MyDrawings
from drawings import circle, seven


def test_append_and_load(tmp_path):
    dataset = MyDrawings(tmp_path / "new-folder")
    dataset.append(seven(), 7)
    dataset.append(circle(), 0)
    records, warnings = dataset.load()
    assert [r.label for r in records] == [7, 0] and warnings == []
    assert records[0].strokes[0].shape == (8, 2)


# A person's presses: keep the drawing on screen with a label (replacing the label it has), take it back, or
# move to another of the drawings (a number's digits, or a new drawing).
PRESSES = st.lists(st.one_of(st.integers(0, 9), st.just("take back"), st.integers(-3, -1)), max_size=16)


@given(PRESSES)
def test_labels_replaced_and_taken_back_leave_exactly_the_drawings_kept(presses):
    """Whatever the order of presses, the file holds one line per drawing still kept, with its last label, and
    every line reads back whole."""
    with tempfile.TemporaryDirectory() as folder:
        dataset = MyDrawings(folder)
        kept: dict[int, tuple[bytes, int]] = {}  # drawing → (its line, its label)
        drawing = 0
        for press in presses:
            if isinstance(press, int) and press < 0:
                drawing = -press  # drawings 1, 2, 3: a number's three digits
            elif press == "take back":
                if drawing in kept:
                    assert dataset.take_back(kept.pop(drawing)[0])
            else:
                strokes = [[(10.0 * drawing, 0.0), (10.0 * drawing + 5, 40.0)]]  # relabelled, still this drawing
                line = dataset.append(strokes, press, replacing=kept.get(drawing, (b"",))[0])
                kept[drawing] = (line, press)
        records, warnings = dataset.load()
        assert sorted(record.label for record in records) == sorted(label for _, label in kept.values())
        assert len(records) == len(kept) and warnings == []
        assert all(dataset.holds(line) for line, _ in kept.values())


def test_taking_back_a_line_that_occurs_twice_blanks_one_copy_in_place(tmp_path):
    """The same drawing kept by two copies of the app: taking one back leaves the other, and no line moves."""
    dataset = MyDrawings(tmp_path)
    first = dataset.append(seven(), 7)
    MyDrawings(tmp_path).append(circle(), 0)
    again = MyDrawings(tmp_path).append(seven(), 7)
    assert first == again
    size = dataset.path.stat().st_size
    assert dataset.take_back(first)
    assert dataset.path.stat().st_size == size  # blanked with spaces, in place: a crash cannot duplicate lines
    assert [record.label for record in dataset.load()[0]] == [7, 0] and dataset.load()[1] == []
    assert dataset.take_back(first) and not dataset.take_back(first)
    assert [record.label for record in dataset.load()[0]] == [0]


def test_a_failed_replacement_leaves_the_first_label(tmp_path, monkeypatch):
    from digitpad.model.files import my_drawings

    dataset = MyDrawings(tmp_path)
    kept = dataset.append(seven(), 7)
    monkeypatch.setattr(my_drawings.os, "write", lambda descriptor, data: len(data) // 2)  # a full disk
    with pytest.raises(OSError, match="the file is unchanged"):
        dataset.append(seven(), 1, replacing=kept)
    assert [record.label for record in dataset.load()[0]] == [7] and dataset.holds(kept)


def test_bad_labels_and_empty_drawings_are_refused(tmp_path):
    dataset = MyDrawings(tmp_path)
    with pytest.raises(ValueError, match="digit 0..9"):
        dataset.append(seven(), 10)
    with pytest.raises(ValueError, match="nothing drawn"):
        dataset.append([], 3)
    assert dataset.count() == 0


def test_torn_last_line_is_skipped_with_a_warning_and_the_rest_kept(tmp_path):
    dataset = MyDrawings(tmp_path)
    for digit in (1, 2, 3):
        dataset.append(seven(), digit)
    data = dataset.path.read_bytes()
    dataset.path.write_bytes(data[:-25])  # a crash in the middle of the last write
    records, warnings = dataset.load()
    assert [r.label for r in records] == [1, 2]
    assert len(warnings) == 1 and "my-drawings.jsonl:3" in warnings[0]
    dataset.append(circle(), 0)  # the next drawing is not glued onto the torn one
    records, warnings = dataset.load()
    assert [r.label for r in records] == [1, 2, 0] and len(warnings) == 1


def test_clear(tmp_path):
    dataset = MyDrawings(tmp_path)
    dataset.append(seven(), 7)
    dataset.clear()
    assert dataset.count() == 0


def _append_many(folder: str, digit: int, count: int) -> None:
    dataset = MyDrawings(folder)
    for _ in range(count):
        dataset.append(seven(), digit)


def test_two_processes_appending_at_once_lose_nothing(tmp_path):
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_append_many, args=(str(tmp_path), digit, 150)) for digit in (4, 9)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    records, warnings = MyDrawings(tmp_path).load()
    assert warnings == []
    assert sorted(r.label for r in records) == [4] * 150 + [9] * 150
