"""Startup: process start → the demo book's roster painted, against a bare PySide6 window.

Both are measured in the same run, as whole processes (interpreter start included), several
times alternately; the medians and their ratio are printed. Target: ratio ≤ 1.5.

"Ready" is the moment the table has been painted (its first paint pass done), not merely
"shown": the bare window's table (benchmarks/bare_window.py) and the program's roster, which
prints it when PIONEER_STARTUP_PROBE is set (desktop/gui/app.py). The program is started as
a secretary starts it on a book — desktop.start.main([BOOK]) here, `pioneer BOOK` bundled — and
finds its folders as on a user's machine (a temporary HOME, not PIONEER_HOME). Both windows
are sized and shown alike: the program's first start on a screen up to 1440 pixels wide
(offscreen here, 1366×768 under Wine) takes most of the screen and maximizes, and so does the
bare window (benchmarks/bare_window.py). Once painted,
the program finishes what the screen does not need (desktop/gui/app.py finish_start) and
prints "settled"; that time is printed too, for information.

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
both then pay Wine's process start alike, and the program uses the Wine prefix's user folders.
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
PROBE = "PIONEER_STARTUP_PROBE"
# How the program starts, as the bundle's build_spec/gui_entry.py does (`python -m` would add
# runpy, which neither the bundle nor the baseline's `-c` pays).
START = "import sys; from desktop.start import main; raise SystemExit(main(sys.argv[1:]))"


def _user_env(tmp: Path, wine: bool = False) -> dict[str, str]:
    """The environment of a user's start: no PIONEER_* overrides; on Linux a fresh HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIONEER_", "XDG_"))}
    if not wine:
        env["HOME"] = str(tmp / "home")
        (tmp / "home").mkdir(exist_ok=True)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _time(command: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """Seconds from spawning the process to its "ready" line (and to "settled", if printed)."""
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
    ready = time.perf_counter() - start
    settled = None
    if line.startswith("ready") and line.split()[1:2] != []:  # the program: rows, then settled
        if int(line.split()[1]) <= 0:
            raise SystemExit("the roster is empty")
        if proc.stdout.readline().startswith("settled"):
            settled = time.perf_counter() - start
    try:
        rest, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        rest, err = proc.communicate()
    if not line.startswith("ready") or proc.returncode != 0:
        raise SystemExit(f"{command[-2:]} did not report ready:\n{line}{rest}\n{err}")
    return ready, settled


def _report(where: str, base: list, ours: list) -> None:
    b = statistics.median(r for r, _s in base)
    o = statistics.median(r for r, _s in ours)
    spread = sorted(r / q for (r, _s), (q, _t) in zip(ours, base, strict=True))
    settled = [s for _r, s in ours if s is not None]
    print(f"bare PySide6 window + table{where}: {b * 1000:.0f} ms (median of {RUNS})")
    print(f"先锋指数, demo roster painted{where}: {o * 1000:.0f} ms (median of {RUNS})")
    if settled:
        print(
            f"  … and its deferred start-up work done: {statistics.median(settled) * 1000:.0f} ms"
        )
    print(f"ratio: {o / b:.2f}× (target ≤ 1.5×); pairwise ratios {spread[0]:.2f}–{spread[-1]:.2f}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


def _measure(base_cmd: list[str], ours_cmd: list[str], env: dict[str, str]) -> tuple[list, list]:
    # Warm the OS file cache (and the bytecode cache) for both, then alternate so drift hits
    # both alike.
    _time(base_cmd, env)
    _time(ours_cmd, env)
    base, ours = [], []
    for _ in range(RUNS):
        base.append(_time(base_cmd, env))
        ours.append(_time(ours_cmd, env))
    return base, ours


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
        env = _user_env(Path(tmp), wine)
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
        # A book as the only argument opens the window (a double-click on it).
        env[PROBE] = "1"
        base, ours = _measure([*runner, baseline], [*runner, program, book_arg], env)
    _report(" (bundled, under Wine)" if wine else " (bundled, Linux)", base, ours)


def main() -> None:
    if "--bundle" in sys.argv[1:]:
        main_bundle()
        return
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(_user_env(Path(tmp)), PYTHONPATH=str(ROOT))
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
        env[PROBE] = "1"
        baseline = (ROOT / "benchmarks" / "bare_window.py").read_text(encoding="utf-8")
        base, ours = _measure(
            [sys.executable, "-c", baseline], [sys.executable, "-c", START, str(book)], env
        )
    how = "compiled from source each run" if "--compile-each-time" in sys.argv[1:] else "cached"
    _report(f" (bytecode {how})", base, ours)


if __name__ == "__main__":
    main()
