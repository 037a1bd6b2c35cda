"""Arguments with bytes that are not UTF-8 (a Linux terminal in another encoding, an old
disk's file names): a text is refused naming the argument (exit 2), a path works, and nothing
ends in a UnicodeEncodeError traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows passes arguments as Unicode")


def _pioneer(*args: str | bytes) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, env=env, cwd=ROOT
    )


def test_a_book_path_with_bytes_that_are_not_utf8_works(tmp_path: Path) -> None:
    db = os.fsencode(tmp_path) + b"/\xb2\xe2\xca\xd4.db"  # 测试 in GBK
    done = _pioneer("--db", db, "init", "--branch", "红星村党支部", "--year", "2026")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr
    assert "已新建账本" in done.stdout.decode("utf-8")
    assert os.path.exists(db)
    listed = _pioneer("--db", db, "members", "--json")
    assert listed.returncode == 0 and listed.stdout.strip() == b"[]"


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (
            [
                "activity-add",
                "--date",
                "2026-03-01",
                "--type",
                "党课",
                "--topic",
                b"\xb2\xe2\xca\xd4",
            ],
            "--topic",
        ),
        (["explain", "--member", b"\xd5\xc5\xc8\xfd", "--year", "2026"], "--member"),
        (["branch", "--name", b"\xba\xec\xd0\xc7"], "--name"),
    ],
)
def test_a_text_with_bytes_that_are_not_utf8_is_refused_naming_it(
    tmp_path: Path, args: list, option: str
) -> None:
    db = tmp_path / "B.db"
    assert (
        _pioneer("--db", str(db), "init", "--branch", "红星村党支部", "--year", "2026").returncode
        == 0
    )
    before = db.read_bytes()
    done = _pioneer("--db", str(db), *args)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    assert f"参数 {option} 的值" in err and "不是 UTF-8 编码" in err
    assert db.read_bytes() == before
