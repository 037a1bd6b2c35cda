"""Opening the window does not build PySide's `Qt` namespace (see desktop/gui/qt_constants.py).

PySide6 builds all 93 enums of `Qt` the first time anything touches it: ~15 ms, a tenth of the
program's start-up (benchmarks/startup.py). This runs the start-up in a fresh process, as the
benchmark does, on the demo book, and names the line that built `Qt` if one did.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys, traceback
import PySide6.QtCore as QtCore
built = []
def watch(frame, event, arg):
    if not built and "Qt" in vars(QtCore):
        built.append("".join(traceback.format_stack(frame, limit=8)))
sys.setprofile(watch)
from desktop.gui import error_handler
from desktop.gui.app import create_application
app = create_application()
error_handler.install()
from desktop.gui.main_window import MainWindow
from desktop.gui.opening import open_with_way_out
book = open_with_way_out(None, sys.argv[1], quit_text="退出", wizard_if_missing=False)
window = MainWindow(book)
window.show()
def ready():
    sys.setprofile(None)
    rows = window.roster_screen.ui.table.model().rowCount()
    print("rows", rows)
    print("BUILT\\n" + built[0] if built else "not built", flush=True)
    app.quit()
QtCore.QTimer.singleShot(0, ready)
app.exec()
"""


def test_opening_the_window_leaves_qt_unbuilt(tmp_path: Path):
    env = dict(
        os.environ,
        PIONEER_HOME=str(tmp_path / "home"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
    )
    book = tmp_path / "demo.db"
    subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(book), "demo"],
        env=env,
        check=True,
        capture_output=True,
    )
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(book)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "rows " in out.stdout and "rows 0" not in out.stdout
    assert "not built" in out.stdout, (
        "opening the window built PySide's Qt namespace (~15 ms of start-up); use "
        "desktop/gui/qt_constants.py on the start-up path. It was built here:\n" + out.stdout
    )


#: What a start on a book (double-click: `先锋指数.exe BOOK`) has no use for before its window
#: shows: the command line (every cli module, desktop/start.py; PySide imports argparse
#: itself), calendar (typed dates only) and hashlib (OpenSSL; the one-window-per-book socket
#: name, made after showing).
NOT_AT_START = ("desktop.cli", "desktop.cli.args", "calendar", "hashlib")

START = """
import sys
from desktop import start
from desktop.gui import app as A

def report(app, window):
    from PySide6.QtCore import QTimer

    def ready():
        print("imported", [m for m in NOT_AT_START if m in sys.modules], flush=True)
        app.quit()

    QTimer.singleShot(0, ready)

A._report_ready_then_quit = report
sys.exit(start.main([sys.argv[1]]))
"""


def test_a_start_on_a_book_imports_no_command_line(tmp_path: Path):
    env = dict(
        os.environ,
        PIONEER_HOME=str(tmp_path / "home"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        PIONEER_STARTUP_PROBE="1",
    )
    book = tmp_path / "红星村.db"
    subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(book), "demo"],
        env=env,
        check=True,
        capture_output=True,
    )
    code = f"NOT_AT_START = {NOT_AT_START!r}\n" + START
    out = subprocess.run(
        [sys.executable, "-c", code, str(book)],
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "imported []" in out.stdout, out.stdout


#: How benchmarks/startup.py sees a start (PIONEER_STARTUP_PROBE): "ready" once the roster has
#: been painted, then "settled" once the work left until then is done. Checked here: the
#: table's cells were really painted by "ready", the garbage collector is off until then and
#: back on after, the window icon is set after, and the log file is written only after, with
#: what was logged before.
PAINTED = """
import gc, sys
from PySide6.QtCore import QObject
from desktop import start
from desktop.gui import app as A

probe = A._report_ready_then_quit


class Count(QObject):
    painted = 0

    def eventFilter(self, watched, event):
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Paint:
            Count.painted += 1
        return False


def report(app, window):
    count = Count(window)
    window.roster_screen.ui.table.viewport().installEventFilter(count)
    import logging

    logging.getLogger("desktop.test").warning("logged before the log file")

    def at_ready():
        print("cells painted", Count.painted, "gc", gc.isenabled(), flush=True)
        window.after_first_paint.add(
            lambda: print("after: gc", gc.isenabled(), "icon", not app.windowIcon().isNull())
        )

    window.after_first_paint.add(at_ready)
    probe(app, window)


A._report_ready_then_quit = report
sys.exit(start.main([sys.argv[1]]))
"""


def test_ready_means_the_roster_was_painted_and_the_rest_follows(tmp_path: Path):
    env = dict(
        os.environ,
        PIONEER_HOME=str(tmp_path / "home"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        PIONEER_STARTUP_PROBE="1",
    )
    book = tmp_path / "demo.db"
    subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(book), "demo"],
        env=env,
        check=True,
        capture_output=True,
    )
    log_file = tmp_path / "home" / "logs" / "pioneer.log"
    log_file.unlink(missing_ok=True)
    out = subprocess.run(
        [sys.executable, "-c", PAINTED, str(book)],
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    painted = next(line for line in lines if line.startswith("cells painted"))
    assert int(painted.split()[2]) >= 1 and painted.endswith("gc False"), out.stdout
    ready = next(i for i, line in enumerate(lines) if line.startswith("ready "))
    assert int(lines[ready].split()[1]) > 0  # the roster's rows
    assert lines[ready + 1 :] == ["after: gc True icon True", "settled"], out.stdout
    logged = log_file.read_text(encoding="utf-8")
    assert "logged before the log file" in logged and "starting 先锋指数" in logged
