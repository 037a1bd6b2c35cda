"""Running `pioneer` in the test's own process (`run`: fast, capsys captures what it prints)
or as its own process (`run_process`: end to end, as township scripts use it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *args: str) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of `pioneer ARGS`; argparse's own exits (help, usage
    errors) give their status like the real command."""
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out = capsys.readouterr()
    return code, out.out, out.err


def run_process(*args: str, home: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    """`python -m desktop ARGS` as its own process, its folders under `home`."""
    env = dict(os.environ, PIONEER_HOME=str(home), PYTHONPATH=str(ROOT))
    env.pop("PIONEER_DB", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result
