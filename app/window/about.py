"""Help > About: an ordinary About dialog with the version, the licence and a link to the project."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from digitpad import __version__

# The project's public address, where it has one; until then the link opens the README that comes with
# the program (the project's own description, with how to install, use and train it).
PROJECT_URL: str | None = None
LICENCE = "MIT"


def project_link() -> str:
    if PROJECT_URL:
        return PROJECT_URL
    readme = Path(__file__).resolve().parents[2] / "README.md"
    return QUrl.fromLocalFile(str(readme)).toString()


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About DigitPad"))
        self.text = QLabel()
        self.text.setObjectName("aboutText")
        self.text.setWordWrap(True)
        self.text.setOpenExternalLinks(True)
        self.text.setText(self.tr(
            "<h3>DigitPad {version}</h3>"
            "<p>Draw a digit, watch a convnet read it. The network is the Keras MNIST convnet "
            "(Conv32–Pool–Conv64–Pool–Conv64–Dense64–Dense10).</p>"
            "<p>Licence: {licence}</p>"
            "<p><a href=\"{link}\">The project: how to install, use and train DigitPad</a></p>").format(
                version=__version__, licence=LICENCE, link=project_link()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
