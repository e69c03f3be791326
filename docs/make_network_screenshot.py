"""Write the README's screenshots of the network editor (issue 25), in a 1366×768 window.

    python docs/make_network_screenshot.py [--out docs/images]

Offscreen Qt.  Writes network-editor.png (LeNet-5 chosen, its layers and their arithmetic) and
network-problem.png (the seed with every patch 5×5: Train disabled, with the reason).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from PySide6.QtWidgets import QApplication  # noqa: E402

from digitpad.app.window.automation import draw, scratch_window  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "docs" / "images"))
    args = parser.parse_args()
    out = Path(args.out)
    application = QApplication.instance() or QApplication([])
    window = scratch_window(application, size=(1366, 768))
    draw(window.canvas, [[(100, 60), (190, 60), (130, 230)]])  # a 7
    panel = window.train_panel
    window.tabs.setCurrentWidget(panel)
    window.splitter.setSizes([400, 260, 706])  # the Train tab widened, as a person drags the splitter
    editor = panel.settings.network_editor
    combo = editor.combo
    combo.setCurrentIndex(combo.findData("lenet5"))
    combo.activated.emit(combo.currentIndex())
    editor.details_button.setChecked(True)
    editor.layer_list.setCurrentRow(0)
    application.processEvents()
    panel.ensureWidgetVisible(editor.totals_label, 0, 10)
    panel.verticalScrollBar().setValue(editor.y() + panel.settings.y())
    application.processEvents()
    window.grab().save(str(out / "network-editor.png"))

    combo.setCurrentIndex(combo.findData("seed"))
    combo.activated.emit(combo.currentIndex())
    for row in (0, 2, 4):
        editor.layer_list.setCurrentRow(row)
        editor._fields["kernel"].setValue(5)
    application.processEvents()
    panel.verticalScrollBar().setValue(editor.y() + panel.settings.y() + editor.summary_table.y() - 40)
    application.processEvents()
    window.grab().save(str(out / "network-problem.png"))
    window.close()


if __name__ == "__main__":
    main()
