"""Startup: process start → the demo book's roster shown, against a bare PySide6 window.

Both are measured in the same run, as whole processes (interpreter start included), several
times alternately; the medians and their ratio are printed. Target: ratio ≤ 1.5.

Both run with Python's compiled bytecode cached (in a temporary PYTHONPYCACHEPREFIX, written
by the warm-up runs), as the installed program has it: pip compiles .pyc files on install
and the PyInstaller bundle ships them. Without this, an environment that sets
PYTHONDONTWRITEBYTECODE (as some sandboxes do) would compile every one of our modules from
source on every start (~30 ms) — a cost no user pays. `--compile-each-time` measures that.
Run: QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--compile-each-time]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7

BASELINE = """
import sys
from PySide6.QtCore import QTimer
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
window.show()
def ready():
    print("ready", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""

OURS = """
import sys
from PySide6.QtCore import QTimer
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
    rows = window.roster_screen.ui.table.model().rowCount()
    assert rows > 0, "the roster is empty"
    print("ready", rows, flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def _time(code: str, *args: str, env: dict[str, str]) -> float:
    """Seconds from spawning the process to its "ready" line (the window shown)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    rest, err = proc.communicate()
    if not line.startswith("ready") or proc.returncode != 0:
        raise SystemExit(f"the program did not report ready:\n{line}{rest}\n{err}")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            PIONEER_HOME=str(Path(tmp) / "home"),
            PYTHONPATH=str(ROOT),
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        )
        if "--compile-each-time" in sys.argv[1:]:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        book = Path(tmp) / "demo.db"
        subprocess.run(
            [sys.executable, "-m", "desktop", "--db", str(book), "demo"],
            check=True,
            env=env,
            capture_output=True,
        )
        # Warm the OS file cache for both, then alternate so drift hits both alike.
        _time(BASELINE, env=env)
        _time(OURS, str(book), env=env)
        base, ours = [], []
        for _ in range(RUNS):
            base.append(_time(BASELINE, env=env))
            ours.append(_time(OURS, str(book), env=env))
    b, o = statistics.median(base), statistics.median(ours)
    print(f"bare PySide6 window + table: {b * 1000:.0f} ms (median of {RUNS})")
    print(f"先锋指数, demo roster shown: {o * 1000:.0f} ms (median of {RUNS})")
    how = "compiled from source each run" if "--compile-each-time" in sys.argv[1:] else "cached"
    print(f"ratio: {o / b:.2f}× (target ≤ 1.5×; bytecode {how})")


if __name__ == "__main__":
    main()
