"""Data loading: MNIST as .npz or IDX (gzipped or not), stroke datasets, and every broken file
giving a message that names the file and what is wrong."""

from __future__ import annotations

import gzip
import io
import struct

import numpy as np
import pytest

from digitpad.model.files.datasets import DataError, load_mnist, load_stroke_records, read_idx, read_stroke_records
from drawings import write_jsonl


def small_mnist(count: int = 20) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(0)
    return {
        "x_train": rng.integers(0, 256, (count, 28, 28), dtype=np.uint8),
        "y_train": rng.integers(0, 10, count, dtype=np.uint8),
        "x_test": rng.integers(0, 256, (count // 2, 28, 28), dtype=np.uint8),
        "y_test": rng.integers(0, 10, count // 2, dtype=np.uint8),
    }


def idx_bytes(array: np.ndarray) -> bytes:
    header = struct.pack(">BBBB", 0, 0, 8, array.ndim) + b"".join(struct.pack(">I", n) for n in array.shape)
    return header + array.astype(np.uint8).tobytes()


IDX_FILES = {
    "x_train": "train-images-idx3-ubyte",
    "y_train": "train-labels-idx1-ubyte",
    "x_test": "t10k-images-idx3-ubyte",
    "y_test": "t10k-labels-idx1-ubyte",
}


def write_idx_folder(folder, arrays, gzipped: bool):
    folder.mkdir(exist_ok=True)
    for key, name in IDX_FILES.items():
        data = idx_bytes(arrays[key])
        if gzipped:
            (folder / f"{name}.gz").write_bytes(gzip.compress(data))
        else:
            (folder / name).write_bytes(data)
    return folder


def test_npz_in_keras_layout(tmp_path):
    arrays = small_mnist()
    np.savez(tmp_path / "mnist.npz", **arrays)
    mnist = load_mnist(tmp_path / "mnist.npz")
    assert np.array_equal(mnist.x_train, arrays["x_train"]) and np.array_equal(mnist.y_test, arrays["y_test"])


@pytest.mark.parametrize("gzipped", [True, False])
def test_idx_folder(tmp_path, gzipped):
    arrays = small_mnist()
    mnist = load_mnist(write_idx_folder(tmp_path / "idx", arrays, gzipped))
    assert np.array_equal(mnist.x_test, arrays["x_test"]) and mnist.y_train.dtype == np.uint8


def test_environment_variable_is_used_when_no_path_is_given(tmp_path, monkeypatch):
    np.savez(tmp_path / "env.npz", **small_mnist(12))
    monkeypatch.setenv("DIGITPAD_MNIST", str(tmp_path / "env.npz"))
    assert len(load_mnist().x_train) == 12


def test_real_mnist_has_its_60000_and_10000_images(mnist_path):
    mnist = load_mnist(mnist_path)
    assert mnist.x_train.shape == (60000, 28, 28) and mnist.x_test.shape == (10000, 28, 28)


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(DataError, match="missing.npz: no such file"):
        load_mnist(tmp_path / "missing.npz")


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda a: a.pop("y_test"), "missing arrays y_test"),
        (lambda a: a.update(x_train=a["x_train"][:, :27]), r"x_train has shape \(20, 27, 28\)"),
        (lambda a: a.update(x_train=a["x_train"].astype(np.float32)), "must hold integers"),
        (lambda a: a.update(y_train=a["y_train"] + 10), "digit labels 0..9"),
        (lambda a: a.update(y_test=a["y_test"][:3]), "y_test has shape"),
    ],
)
def test_npz_with_wrong_content_says_what_is_wrong(tmp_path, change, message):
    arrays = small_mnist()
    change(arrays)
    np.savez(tmp_path / "bad.npz", **arrays)
    with pytest.raises(DataError, match=message):
        load_mnist(tmp_path / "bad.npz")


def test_npz_that_is_not_an_archive(tmp_path):
    (tmp_path / "junk.npz").write_bytes(b"\x00\x01 not a zip file at all")
    with pytest.raises(DataError, match="junk.npz: not a readable MNIST .npz .an .npz is a zip archive"):
        load_mnist(tmp_path / "junk.npz")


def test_npz_with_pickled_objects_is_not_unpickled(tmp_path):
    arrays = small_mnist()
    arrays["x_train"] = np.array([object()] * 3, dtype=object)
    np.savez(tmp_path / "pickled.npz", **arrays)
    with pytest.raises(DataError, match="pickled.npz"):
        load_mnist(tmp_path / "pickled.npz")


def test_idx_bad_magic_truncated_and_broken_gzip(tmp_path):
    bad_magic = tmp_path / "bad-magic"
    bad_magic.write_bytes(b"\x01\x02\x08\x01" + b"\x00" * 10)
    with pytest.raises(DataError, match="bad magic number"):
        read_idx(bad_magic)
    truncated = tmp_path / "truncated"
    truncated.write_bytes(idx_bytes(np.zeros((5, 28, 28)))[:-100])
    with pytest.raises(DataError, match="truncated|file has"):
        read_idx(truncated)
    broken = tmp_path / "broken.gz"
    broken.write_bytes(gzip.compress(idx_bytes(np.zeros((5, 28, 28))))[:40])
    with pytest.raises(DataError, match="broken.gz: cannot read"):
        read_idx(broken)


def test_idx_folder_missing_a_file(tmp_path):
    folder = write_idx_folder(tmp_path / "idx", small_mnist(), gzipped=True)
    (folder / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DataError, match="no t10k-labels-idx1-ubyte"):
        load_mnist(folder)


def test_stroke_records_map_their_box_onto_the_canvas(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [
        {"strokes": [[[0, 0], [500, 500]]], "label": 3, "writer": 7},
        {"strokes": [[[0, 0], [100, 50]]], "width": 100, "height": 50, "note": "ignored"},
    ])
    first, second = load_stroke_records(path)
    assert first.label == 3 and first.writer == 7
    assert np.allclose(first.strokes[0], [[0, 0], [500, 500]])  # no box: already canvas coordinates
    assert np.allclose(second.strokes[0], [[0, 70], [280, 210]])
    boxed = load_stroke_records(path, default_box=(500, 500))[0]
    assert np.allclose(boxed.strokes[0], [[0, 0], [280, 280]])


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"strokes": [[[1, 2]]]', "d.jsonl:2: not valid JSON"),
        ('[1, 2]', 'd.jsonl:2: expected a JSON object with a "strokes" list'),
        ('{"strokes": [[[1, "x"]]]}', "d.jsonl:2: stroke 1 is not a list"),
        ('{"strokes": [[[1, NaN]]]}', "d.jsonl:2: stroke 1, point 1 is not a finite number"),
        ('{"strokes": [[[1, 2]]], "label": 12}', 'd.jsonl:2: "label" must be a digit'),
        ('{"strokes": [[[1, 2]]], "width": "wide"}', 'd.jsonl:2: "width" and "height" must be numbers'),
        ('{"strokes": [[[1, 2]]], "width": -5, "height": 5}', "d.jsonl:2: the drawing box must have a positive"),
    ],
)
def test_malformed_line_is_named_by_number(tmp_path, line, message):
    path = tmp_path / "d.jsonl"
    path.write_text('{"strokes": [[[1, 2], [3, 4]]], "label": 1}\n' + line + "\n")
    with pytest.raises(DataError, match=message):
        load_stroke_records(path)


def test_labels_can_be_required():
    with pytest.raises(DataError, match='x:1: no "label"'):
        read_stroke_records(io.BytesIO(b'{"strokes": [[[1, 2]]]}'), "x", require_labels=True)


def test_real_pen_strokes_load(pen_strokes_path):
    records = load_stroke_records(pen_strokes_path, require_labels=True, default_box=(500, 500))
    assert len(records) == 7494 and len({r.writer for r in records}) == 30


def test_counting_reads_only_the_headers(tmp_path):
    from digitpad.model.files.datasets import count_lines, count_mnist

    np.savez(tmp_path / "m.npz", **small_mnist(20))
    assert count_mnist(tmp_path / "m.npz") == (20, 10)
    assert count_mnist(write_idx_folder(tmp_path / "idx", small_mnist(12), gzipped=True)) == (12, 6)
    (tmp_path / "d.jsonl").write_text('{"strokes": []}\n\n{"strokes": []}\n')
    assert count_lines(tmp_path / "d.jsonl") == 2
    with pytest.raises(DataError, match="no such file"):
        count_mnist(tmp_path / "missing.npz")


def test_an_idx_folder_with_dotted_names_is_counted_as_it_is_loaded(tmp_path):
    """MNIST mirrors also name the files train-images.idx3-ubyte: what loads must also be counted."""
    from digitpad.model.files.datasets import count_mnist

    folder = write_idx_folder(tmp_path / "idx", small_mnist(12), gzipped=False)
    for file in list(folder.iterdir()):
        file.rename(folder / file.name.replace("-idx", ".idx"))
    assert len(load_mnist(folder).x_train) == 12
    assert count_mnist(folder) == (12, 6)


def test_unipen_lines_keep_their_writer_name_and_site(tmp_path):
    path = write_jsonl(tmp_path / "u.jsonl", [
        {"source": "apb", "writer": "apb/data/apb02/app0237.dat", "label": 4,
         "strokes": [[[10, 10], [20, 40]], [[30, 10], [30, 60]]], "width": 100.0, "height": 100.0},
        {"strokes": [[[0, 0], [5, 5]]], "label": 1, "writer": True, "source": 3},
    ])
    unipen, odd = load_stroke_records(path)
    assert unipen.writer == "apb/data/apb02/app0237.dat" and unipen.source == "apb"
    assert not hasattr(unipen, "extra")  # only what DigitPad uses is kept
    assert odd.writer is None and odd.source is None  # neither a bool writer nor a numeric site is a name


def test_records_are_chosen_by_writer_and_site():
    from digitpad.model.files.datasets import StrokeRecord, parse_source_list, parse_writer_list, select_records

    stroke = [np.array([[0.0, 0.0], [1.0, 1.0]])]
    records = [StrokeRecord(stroke, 1, 5), StrokeRecord(stroke, 2, 6),
               StrokeRecord(stroke, 3, "apb/x.dat", source="apb"), StrokeRecord(stroke, 4, "tos/y.dat", source="tos")]
    labels = lambda chosen: [r.label for r in chosen]  # noqa: E731
    assert parse_writer_list("5, apb/x.dat,") == {5, "apb/x.dat"}
    assert labels(select_records(records, exclude_writers={5}, exclude_sources=parse_source_list("apb"))) == [2, 4]
    assert labels(select_records(records, sources={"tos"})) == [4]
    assert labels(select_records(records, writers=parse_writer_list("6,apb/x.dat"))) == [2, 3]
    for bad in ("", " , "):
        with pytest.raises(ValueError, match="separated by commas"):
            parse_writer_list(bad)
        with pytest.raises(ValueError, match="separated by commas"):
            parse_source_list(bad)


def test_real_unipen_digits_load_with_their_sites(unipen_strokes_path):
    records = load_stroke_records(unipen_strokes_path, require_labels=True)
    sites = {site: sum(r.source == site for r in records) for site in ("apa", "apb", "app", "imp", "syn", "tos")}
    assert sites == {"apa": 692, "apb": 2033, "app": 1046, "imp": 257, "syn": 4554, "tos": 543}
    assert all(isinstance(r.writer, str) and r.writer.startswith(r.source) for r in records)


def test_repeated_drawings_count_once():
    from digitpad.model.files.datasets import StrokeRecord, without_repeats

    a, b = [np.array([[0.0, 0.0], [1.0, 2.0]])], [np.array([[0.0, 0.0]]), np.array([[1.0, 2.0]])]
    records = [StrokeRecord(a, 1, "w"), StrokeRecord([s.copy() for s in a], 1, "w"), StrokeRecord(b, 1, "w"),
               StrokeRecord(a, 7, "w")]
    assert without_repeats(records) == [records[0], records[2], records[3]]  # other strokes or label: kept


def test_unipens_repeats_are_all_within_one_writer_of_site_syn(unipen_strokes_path):
    from digitpad.model.files.datasets import without_repeats

    records = load_stroke_records(unipen_strokes_path)
    kept = {id(r) for r in without_repeats(records)}
    dropped = [r for r in records if id(r) not in kept]
    assert len(dropped) == 108 and {r.source for r in dropped} == {"syn"}
