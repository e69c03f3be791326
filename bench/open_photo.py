"""Opening a photo in the window: how long the GUI thread is busy, and how long until the photo is read.

    python bench/open_photo.py [--rounds 3]

Makes synthetic phone photos of a digit and of a number on paper (``bench/photos.py``'s paper,
light, noise and JPEG) at three sizes, and the 12 MP number as a phone held upright stores it (pixels
on their side and an EXIF tag that turns them: a JPEG, which Qt turns, and a PNG, shown from Pillow's
pixels), and opens each in the offscreen window as File > Open
does, first in a fresh window (the first photo of a session) and then again.  One QTimer on the
GUI thread ticks every 4 ms; the longest gap between ticks is how long the window could not
answer the mouse.  For comparison, the same photo is also read the way the window did before
stop 42: the file read and the ink found on the GUI thread.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import numpy as np

from common import MNIST, machine, table

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from digitpad.app.window.automation import scratch_window
from photos import make_photo

SIZES = {"1024×768": 1024, "2048×1536": 2048, "4032×3024 (12 MP)": 4032}


class GapWatch:
    """Ticks every 4 ms on the GUI thread and remembers the longest gap between ticks."""

    def __init__(self, application) -> None:
        self.application, self.timer = application, QTimer()
        self.timer.setInterval(4)
        self.timer.timeout.connect(self._tick)
        self.last = self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def measure(self, action, done) -> tuple[float, float]:
        """(longest GUI gap in ms, seconds until ``done()``) for ``action()`` started from a real event loop
        (waiting with sleeps between processEvents() would add its own 10 ms to every gap)."""
        loop, poll, finished = QEventLoop(), QTimer(), []

        def check() -> None:
            if not finished and done():
                finished.append(time.perf_counter())
                QTimer.singleShot(100, loop.quit)  # the ticks after it count too

        poll.setInterval(1)
        poll.timeout.connect(check)
        self.last, self.longest = time.perf_counter(), 0.0
        self.timer.start()
        poll.start()
        started = time.perf_counter()
        QTimer.singleShot(0, action)
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
        poll.stop()
        self.timer.stop()
        return self.longest * 1000, (finished[0] if finished else time.perf_counter()) - started


def photos(folder: Path) -> list[tuple[str, Path]]:
    with np.load(MNIST) as mnist:
        images, labels = mnist["x_test"], mnist["y_test"]
    first = {digit: images[int(np.flatnonzero(labels == digit)[0])] for digit in (3, 5, 8)}
    made = []
    for name, width in SIZES.items():
        for what, digits in (("a digit", [first[3]]), ("a number", [first[3], first[8], first[5]])):
            photo, _, _ = make_photo(digits, {"paper", "light", "noise", "jpeg"}, np.random.default_rng(width))
            path = folder / f"{what.replace(' ', '-')}-{width}.jpg"
            path.write_bytes(photo)
            _resize(path, width)
            made.append((f"{what}, {name}", path))
    for suffix, how in ((".jpg", "a phone's JPEG"), (".png", "a PNG")):  # shown by Qt, then from Pillow's pixels
        made.append((f"a number, 12 MP, turned by its EXIF tag ({how})", _turned(made[-1][1], suffix)))
    return made


def _turned(path: Path, suffix: str) -> Path:
    """The photo as a phone held upright stores it: the pixels on their side, and a tag to turn them."""
    from PIL import Image

    turned = path.with_name(path.stem + "-turned" + suffix)
    exif = Image.Exif()
    exif[0x0112] = 6  # turn 90° clockwise to show
    with Image.open(path) as image:
        image.rotate(90, expand=True).save(turned, exif=exif.tobytes(), **({"quality": 88} if suffix == ".jpg" else {}))
    return turned


def _resize(path: Path, width: int) -> None:
    from PIL import Image

    with Image.open(path) as image:
        image = image.convert("RGB")
        height = round(image.height * width / image.width)
        image.resize((width, height), Image.Resampling.BICUBIC).save(path, quality=88)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3, help="openings of each photo after the first")
    args = parser.parse_args()
    application = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    rows = [[name, *opening_times(application, path, args.rounds)] for name, path in photos(folder)]
    idle = GapWatch(application).measure(lambda: None, lambda: True)[0]
    print(machine())
    print(table(["photo", "GUI busy, first photo (ms)", "GUI busy, again (ms)",
                 "GUI busy, all on the GUI thread (ms)", "until shown, first (s)", "until shown, again (s)"], rows))
    print(f"With nothing to do, the longest gap between the 4 ms ticks is {idle:.1f} ms (the floor).")


def opening_times(application, path: Path, rounds: int) -> list[str]:
    """The table's figures for one photo, in a fresh window."""
    window = scratch_window(application)
    watch = GapWatch(application)
    shown = window.canvas.has_background
    first_gap, first_time = watch.measure(lambda: window.open_file(path), shown)
    gaps, times, before = [], [], []
    for _ in range(rounds):
        window.clear()
        gap, took = watch.measure(lambda: window.open_file(path), shown)
        gaps.append(gap)
        times.append(took)
        window.clear()
        before.append(watch.measure(lambda: _read_on_gui_thread(window, path), shown)[0])
    window.close()
    return [f"{first_gap:.0f}", f"{np.median(gaps):.0f}", f"{np.median(before):.0f}",
            f"{first_time:.2f}", f"{np.median(times):.2f}"]


def _read_on_gui_thread(window, path: Path) -> None:
    """What opening did before stop 42: read the file, find the ink and read the digits on the GUI thread."""
    from digitpad.model.ink.images import open_image, read_image

    with open_image(path) as image:
        reading = read_image(image)
    window.files.show_image(QImage(str(path)), reading)  # (not turned by its tag: as it was then)


if __name__ == "__main__":
    main()
