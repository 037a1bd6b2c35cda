"""Startup: process start → the demo book's roster shown, against a bare PySide6 window.

Both are measured in the same run, as whole processes (interpreter start included), several
times alternately; the medians and their ratio are printed. Target: ratio ≤ 1.5.

Both run with Python's compiled bytecode cached (in a temporary PYTHONPYCACHEPREFIX, written
by the warm-up runs), as the installed program has it: pip compiles .pyc files on install
and the PyInstaller bundle ships them. Without this, an environment that sets
PYTHONDONTWRITEBYTECODE (as some sandboxes do) would compile every one of our modules from
source on every start (~30 ms) — a cost no user pays. `--compile-each-time` measures that.
Run: QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--compile-each-time] [--runs N]
(--runs: more alternating pairs than the default 7, for a busy machine.)

--bundle: the same, of the PyInstaller bundles: the program's `pioneer` opening the demo book
against benchmarks/bare_window.py bundled the same way (build_spec/bare_window.spec). Without
--program/--baseline both are built here first (Linux). Under Wine (build_spec/build-windows.sh
bench): --wine --program dist/windows/pioneer/pioneer.exe --baseline .../bare_window.exe;
both then pay Wine's process start alike.
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
RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 7

BASELINE = (ROOT / "benchmarks" / "bare_window.py").read_text(encoding="utf-8")

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


def _time_exe(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning a bundled program to its "ready" line."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    try:
        rest, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        rest, err = proc.communicate()
    if not line.startswith("ready"):
        raise SystemExit(f"{command[-2:]} did not report ready:\n{line}{rest}\n{err}")
    return elapsed


def _build(spec: str, dest: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
        + ["--distpath", str(dest / "dist"), "--workpath", str(dest / "build")]
        + [str(ROOT / "build_spec" / spec)],
        check=True,
        cwd=ROOT,
    )
    name = {"pioneer.spec": "pioneer", "bare_window.spec": "bare_window"}[spec]
    return dest / "dist" / name / name


def _option(name: str) -> str | None:
    args = sys.argv[1:]
    return args[args.index(name) + 1] if name in args else None


def main_bundle() -> None:
    wine = "--wine" in sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        program, baseline = _option("--program"), _option("--baseline")
        if program is None or baseline is None:
            print("building both bundles with PyInstaller…", flush=True)
            program = str(_build("pioneer.spec", Path(tmp) / "p"))
            baseline = str(_build("bare_window.spec", Path(tmp) / "b"))
        env = dict(os.environ, PIONEER_HOME=str(Path(tmp) / "home"), PIONEER_STARTUP_PROBE="1")
        if not wine:
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        runner = ["wine"] if wine else []
        book = Path(tmp) / "demo.db"
        book_arg = "Z:" + str(book).replace("/", "\\") if wine else str(book)
        made = subprocess.run(
            [*runner, program, "--db", book_arg, "demo"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=env,
            timeout=300,
        )
        if made.returncode != 0 or not book.exists():
            raise SystemExit(f"demo book not written: {made.stdout!r} {made.stderr!r}")
        ours_cmd = [*runner, program, book_arg]  # a book as the only argument opens the window
        base_cmd = [*runner, baseline]
        _time_exe(base_cmd, env)
        _time_exe(ours_cmd, env)
        base, ours = [], []
        for _ in range(RUNS):
            base.append(_time_exe(base_cmd, env))
            ours.append(_time_exe(ours_cmd, env))
    b, o = statistics.median(base), statistics.median(ours)
    where = "under Wine" if wine else "Linux"
    print(f"bundled bare PySide6 window + table ({where}): {b * 1000:.0f} ms (median of {RUNS})")
    print(f"bundled 先锋指数, demo roster shown ({where}): {o * 1000:.0f} ms (median of {RUNS})")
    print(f"ratio: {o / b:.2f}× (target ≤ 1.5×; bundles)")


def main() -> None:
    if "--bundle" in sys.argv[1:]:
        main_bundle()
        return
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
