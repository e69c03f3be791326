"""Photos of paper opened in the window (offscreen): it reads what the core reads.  The crop that
was taken is in ``model.ink.images.read_image(...).box`` for the window to show."""

from __future__ import annotations

import json

import numpy as np
from PIL import Image
from PySide6.QtWidgets import QLabel
from test_photos import blank_paper, photo

from digitpad.app.window.automation import open_and_wait
from digitpad.model.ink.images import read_image


def label(window) -> str:
    return window.findChild(QLabel, "predictionLabel").text()


def test_opening_a_photo_of_a_digit_on_paper_reads_it(ready_window, tmp_path):
    window = ready_window()
    photo(falloff=0.4, vignette=0.3, noise=8, blur=1.0, jpeg=75).save(tmp_path / "seven.jpg")
    assert open_and_wait(window, tmp_path / "seven.jpg")
    assert label(window) == "7" and window.canvas.has_background()
    with Image.open(tmp_path / "seven.jpg") as image:
        expected = read_image(image).tensor
    assert np.abs(window.prediction.tensor - expected).max() < 1e-6  # the 28×28 shown is the core's
    with Image.open(tmp_path / "seven.jpg") as image:
        assert window.canvas.image_crop() == read_image(image).box  # and the crop it was read from


def test_opening_blank_paper_claims_no_digit(ready_window, tmp_path):
    window = ready_window()
    blank_paper(noise=8, falloff=0.5, vignette=0.4, jpeg=70).save(tmp_path / "blank.jpg")
    open_and_wait(window, tmp_path / "blank.jpg")
    assert label(window) not in [str(d) for d in range(10)]
    assert window.prediction is None or window.prediction.label is None
    assert window.answer.caption.text().startswith("Nothing to read") and window.canvas.has_background()
    assert window.canvas.image_crop() is None


def test_a_photo_of_a_number_shows_each_digit_on_the_image(ready_window, tmp_path):
    from test_photos import ONE

    from drawings import seven

    window = ready_window()
    photo(digits=(ONE, seven()), at=(120, 120), height=200, noise=6, jpeg=80).save(tmp_path / "seventeen.jpg")
    assert open_and_wait(window, tmp_path / "seventeen.jpg")
    assert label(window) == "17"
    tags = window.canvas.image_tags()
    assert [tag.text for tag in tags] == ["1", "7"] and tags[0].box[2] <= tags[1].box[0] + 5


def test_a_phone_photo_turned_by_its_orientation_tag_is_shown_and_read_upright(ready_window, tmp_path):
    """A phone writes its sensor's pixels and an EXIF tag saying how to turn them; the window showed and read
    the digits lying on their side."""
    from test_photos import ONE

    from drawings import seven

    window = ready_window()
    upright = photo(digits=(ONE, seven()), at=(120, 120), height=200, noise=6)
    exif = Image.Exif()
    exif[0x0112] = 6  # turn 90° clockwise to show
    upright.rotate(90, expand=True).save(tmp_path / "phone.jpg", quality=85, exif=exif.tobytes())
    assert open_and_wait(window, tmp_path / "phone.jpg")
    assert label(window) == "17"
    shown = window.canvas._background
    assert (shown.deviceIndependentSize().width(), shown.deviceIndependentSize().height()) == (640, 480)
    tags = window.canvas.image_tags()
    assert [tag.text for tag in tags] == ["1", "7"] and tags[0].box[2] <= tags[1].box[0] + 5


def test_a_format_qt_cannot_decode_is_shown_as_the_pixels_pillow_read(ready_window, tmp_path):
    """A PCX file (Pillow reads it, Qt does not) was shown as blank paper of its size."""
    window = ready_window()
    photo().save(tmp_path / "seven.pcx")
    assert open_and_wait(window, tmp_path / "seven.pcx")
    assert label(window) == "7"
    left, top, right, bottom = window.canvas.image_crop()
    shown = window.canvas._background
    darkest = min(shown.pixelColor(round(x), round(y)).lightness() for x in np.linspace(left, right, 20)
                  for y in np.linspace(top, bottom, 20))
    assert darkest < 100 and shown.pixelColor(2, 2).lightness() > 180  # ink on paper, not blank paper


def test_an_iphone_heic_photo_opens_in_the_window(ready_window):
    from pathlib import Path

    window = ready_window()
    assert open_and_wait(window, Path(__file__).parent / "files" / "seven.heic")  # photo(), saved as HEIC
    assert label(window) == "7" and window.canvas.has_background()


def test_an_opened_image_is_kept_in_a_format_qt_paints_without_converting(ready_window, tmp_path):
    """A CMYK JPEG, as Qt decodes it, took 30 ms of the GUI thread at every repaint of the pad."""
    from PySide6.QtGui import QImage

    window = ready_window()
    photo().convert("CMYK").save(tmp_path / "print.jpg")
    assert open_and_wait(window, tmp_path / "print.jpg")
    assert label(window) == "7" and window.canvas._background.format() == QImage.Format.Format_RGB32


def test_a_photo_is_read_while_the_pad_stays_in_use_and_what_is_done_meanwhile_stays(ready_window, qtbot, tmp_path):
    """The file is read on a pool thread; a stroke, Clear or Undo made meanwhile is the person's latest word,
    so the photo is not shown over it (the banner says so)."""
    from digitpad.app.window.automation import draw, draw_stroke
    from drawings import circle

    window = ready_window()
    photo(size=(3000, 2200), at=(1200, 800), height=600, noise=6, jpeg=85).save(tmp_path / "seven.jpg")
    task = window.open_file(tmp_path / "seven.jpg")
    draw(window.canvas, circle())  # the pad is still the pad
    assert not window.canvas.has_background() and label(window) == "0"
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert not window.canvas.has_background() and len(window.canvas.strokes()) == 1 and label(window) == "0"
    assert "seven.jpg was not shown: the pad changed while it was being read" in window.banner.text()
    assert window.statusBar().currentMessage() == ""

    task = window.open_file(tmp_path / "seven.jpg")
    draw_stroke(window.canvas, circle()[0], release=False)  # the pen is down when the photo comes
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert window.canvas.is_drawing() and not window.canvas.has_background()

    window.clear()
    task = window.open_file(tmp_path / "seven.jpg")  # nothing done meanwhile: the photo replaces the pad
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert window.canvas.has_background() and label(window) == "7"


def test_an_opened_photos_digits_are_read_off_the_gui_thread(ready_window, monkeypatch, tmp_path):
    """The pool thread reads the number and hands the session its digits: nothing is read again on the
    GUI thread when the photo is shown, or when a digit's tag is clicked."""
    import threading

    from test_photos import ONE

    from drawings import seven

    window = ready_window()
    predictor, gui_thread, read_on_gui = window.session.predictor, threading.current_thread(), []
    for method in ("predict_tensor", "probabilities"):
        real = getattr(predictor, method)

        def counted(*args, real=real):
            read_on_gui.append(threading.current_thread() is gui_thread)
            return real(*args)

        monkeypatch.setattr(predictor, method, counted)
    photo(digits=(ONE, seven()), at=(120, 120), height=200, noise=6, jpeg=80).save(tmp_path / "seventeen.jpg")
    assert open_and_wait(window, tmp_path / "seventeen.jpg") and label(window) == "17"
    window.session.select_digit(0)
    assert read_on_gui and not any(read_on_gui)  # read, and never on the GUI thread


def test_of_two_files_opened_in_quick_succession_the_last_is_shown(ready_window, qtbot, tmp_path):
    from drawings import circle

    window = ready_window()
    photo(size=(3000, 2200), at=(1200, 800), height=600, jpeg=85).save(tmp_path / "seven.jpg")
    (tmp_path / "zero.json").write_text(json.dumps({"strokes": circle()}))
    first, last = window.open_file(tmp_path / "seven.jpg"), window.open_file(tmp_path / "zero.json")
    qtbot.waitUntil(lambda: first.done and last.done, timeout=60_000)
    assert first.outcome == "cancelled" and last.outcome == "succeeded"
    assert not window.canvas.has_background() and label(window) == "0"
    assert window.statusBar().currentMessage() == "Opened zero.json"


def _big_seventeen(path, width: int) -> None:
    """A "17" in ballpoint on white paper, ``width`` pixels wide and half as tall."""
    from PIL import ImageDraw

    from drawings import seven

    image = Image.new("L", (width, width // 2), 235)
    pen, scale = ImageDraw.Draw(image), width / 1200
    pen.line([(300 * scale, 100 * scale), (310 * scale, 500 * scale)], fill=20, width=int(30 * scale))
    pen.line([(x * 1.5 * scale + 500 * scale, y * 1.5 * scale + 80 * scale) for x, y in seven()[0]],
             fill=20, width=int(30 * scale), joint="curve")
    image.save(path)


def test_a_144_megapixel_photo_is_shown_from_a_smaller_copy_with_its_digits_in_place(ready_window, tmp_path):
    """Qt refused to decode it (over 256 MB), so the pad showed white paper, 12,000 px wide, painted on the GUI
    thread for 1.6 s; the digits' tags must sit where they sit on the same photo at a third of the size."""
    window = ready_window()
    _big_seventeen(tmp_path / "small.png", 4000)
    assert open_and_wait(window, tmp_path / "small.png") and label(window) == "17"
    expected = [window.canvas.tag_label_centre(i) for i in range(2)]
    _big_seventeen(tmp_path / "big.png", 12000)
    assert open_and_wait(window, tmp_path / "big.png") and label(window) == "17"
    shown = window.canvas.grab().toImage()
    assert shown.pixelColor(shown.width() // 2, shown.height() // 2).lightness() > 200  # paper, not blank black
    for index, centre in enumerate(expected):
        moved = window.canvas.tag_label_centre(index) - centre
        assert abs(moved.x()) < 3 and abs(moved.y()) < 3


def test_an_image_over_pillows_limit_is_refused_in_words_and_the_drawing_stays(ready_window, tmp_path):
    from digitpad.app.window.automation import draw
    from drawings import seven

    window = ready_window()
    draw(window.canvas, seven())
    Image.new("1", (16000, 16000), 0).save(tmp_path / "bomb.png", optimize=True)
    assert not open_and_wait(window, tmp_path / "bomb.png")
    assert "the image is too large to open safely" in window.banner.text()
    assert "unexpected error" not in window.banner.text() and window.statusBar().currentMessage() == ""
    assert len(window.canvas.strokes()) == 1 and label(window) == "7"
