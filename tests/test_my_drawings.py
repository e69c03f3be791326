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


# A person's presses on one drawing: keep it with a label (replacing the label it has), or take it back.
PRESSES = st.lists(st.one_of(st.integers(0, 9), st.just("take back"), st.just("new drawing")), max_size=12)


@given(PRESSES)
def test_labels_replaced_and_taken_back_leave_exactly_the_drawings_kept(presses):
    """Whatever the order of presses, the file holds one line per drawing still kept, with its last label,
    and every line reads back whole."""
    with tempfile.TemporaryDirectory() as folder:
        dataset = MyDrawings(folder)
        expected: list[int] = []  # the labels the file should hold
        kept = b""  # the line of the drawing on screen, while it is kept
        drawing = 0
        for press in presses:
            if press == "new drawing":
                drawing, kept = drawing + 1, b""
            elif press == "take back":
                if kept and dataset.take_back(kept):
                    expected.pop()
                kept = b""
            else:
                shape = seven() if drawing % 2 else circle()
                if not kept:
                    expected.append(press)
                else:
                    expected[-1] = press
                kept = dataset.append(shape, press, replacing=kept)
        records, warnings = dataset.load()
        assert [record.label for record in records] == expected and warnings == []


def test_a_failed_replacement_leaves_the_first_label(tmp_path, monkeypatch):
    from digitpad.model.files import my_drawings

    dataset = MyDrawings(tmp_path)
    kept = dataset.append(seven(), 7)
    monkeypatch.setattr(my_drawings.os, "write", lambda descriptor, data: len(data) // 2)  # a full disk
    with pytest.raises(OSError, match="the file is unchanged"):
        dataset.append(seven(), 1, replacing=kept)
    assert [record.label for record in dataset.load()[0]] == [7] and dataset.ends_with(kept)


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
