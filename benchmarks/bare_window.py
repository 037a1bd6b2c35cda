"""The baseline of benchmarks/startup.py: a bare PySide6 window with a 42×8 table.

Run as a script (`-c` with this text) or bundled by build_spec/bare_window.spec for
`startup.py --bundle`. Prints "ready" once the table has been painted (as the program does
once its roster has: desktop/gui/first_paint.py), then quits.

The window is sized and shown as the program's is on a first start on an office screen
(1366×768, or any up to 1440 pixels wide: desktop/gui/main_window.py _restore_geometry): most
of the screen, then maximized. So both paint the same area first (offscreen the whole screen at
once; under Wine without a window manager the maximizing comes after the first paint). At Qt's
default size (256×192) the bare table painted a dozen cells against the roster's hundreds.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv[:1])
window = QMainWindow()
model = QStandardItemModel(42, 8)
for r in range(42):
    for c in range(8):
        model.setItem(r, c, QStandardItem(f"{r}-{c}"))
view = QTableView()
view.setModel(model)
window.setCentralWidget(view)


def ready() -> None:
    print("ready", flush=True)
    app.quit()


class Painted(QObject):
    """Calls ready() after the table's first paint (once the paint pass is done)."""

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, ready)
        return False


painted = Painted()
view.installEventFilter(painted)  # (as the program does: desktop/gui/app.py)
available = app.primaryScreen().availableGeometry()
window.resize(min(1200, int(available.width() * 0.92)), min(780, int(available.height() * 0.9)))
window.showMaximized()
app.exec()
