"""A kill -9 (Windows: TerminateProcess) during writes loses nothing that was acknowledged and leaves a sound file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from desktop.book.store import Book

WRITER = textwrap.dedent(
    """
    import sys
    from desktop.book.store import Book
    book = Book.open(sys.argv[1])
    n = 0
    while True:
        n += 1
        book.roster.add_member({"name": "张" + "一二三四五六七八九十"[n % 10] + "华", "status": "正式党员", "code": f"K{n:05d}"})
        print(f"K{n:05d}", flush=True)  # acknowledged only after the commit returned
    """
)


def test_kill9_keeps_every_acknowledged_action(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    Book.create(path, branch="测试支部", year=2026).close()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    acknowledged: list[str] = []
    deadline = time.monotonic() + 60
    assert proc.stdout is not None
    while len(acknowledged) < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        acknowledged.append(line.strip())
    proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no chance to clean up
    proc.wait()
    assert len(acknowledged) >= 40
    with Book.open(path) as book:
        assert book.integrity_ok()
        codes = {m["code"] for m in book.roster.members()}
        assert set(acknowledged) <= codes
