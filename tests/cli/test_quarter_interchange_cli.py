"""`pioneer export` → `pioneer import` into an empty book keeps the confirmed quarters:
same chain head, `pioneer verify` passes; a tampered result row is refused (exit 1) with
`工作表名 第N行 列名: 问题` and nothing written."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from cli_testkit import run
from openpyxl import load_workbook

TODAY = ["--today", "2027-01-20"]


@pytest.fixture
def exported(tmp_path: Path, capsys) -> tuple[str, Path]:
    demo = str(tmp_path / "demo.db")
    code, _, err = run(capsys, "--db", demo, "demo", "--year", "2026", *TODAY)
    assert code == 0, err
    xlsx = tmp_path / "demo.xlsx"
    code, out, err = run(capsys, "--db", demo, "export", str(xlsx))
    assert code == 0, err
    return demo, xlsx


def _head(db: str) -> str:
    return sqlite3.connect(db).execute("select hash from snapshots order by id desc").fetchone()[0]


def _empty(tmp_path: Path, capsys) -> str:
    path = str(tmp_path / "empty.db")
    code, _, err = run(
        capsys, "--db", path, "init", "--branch", "城关镇红星村党支部", "--year", "2026"
    )
    assert code == 0, err
    return path


def test_round_trip_then_verify(exported, tmp_path: Path, capsys) -> None:
    demo, xlsx = exported
    empty = _empty(tmp_path, capsys)
    code, out, err = run(capsys, "--db", empty, "import", str(xlsx), *TODAY)
    assert code == 0, err
    assert "季度 4 条" in out and "确认结果 3 条" in out and "异议 2 条" in out
    assert _head(empty) == _head(demo)
    code, out, err = run(capsys, "verify", empty)
    assert code == 0, err
    assert "已确认季度 3 个" in out and _head(demo) in out
    # The confirmed quarters score as confirmed in the new book, from the same snapshot.
    scores = []
    for db in (demo, empty):
        code, out, _ = run(
            capsys, "--db", db, "score", "--year", "2026", "--quarter", "1", "--json"
        )
        assert code == 0
        scores.append(json.loads(out))
    assert scores[1]["confirmed"] is True
    assert scores[1]["members"] == scores[0]["members"] and scores[1]["hash"] == scores[0]["hash"]


def test_tampered_result_is_refused(exported, tmp_path: Path, capsys) -> None:
    _, xlsx = exported
    bad = tmp_path / "bad.xlsx"
    shutil.copy(xlsx, bad)
    wb = load_workbook(bad)
    ws = wb["确认结果"]
    column = [c.value for c in ws[1]].index("结果内容") + 1
    cell = ws.cell(row=4, column=column)
    cell.value = cell.value.replace('"rank":1', '"rank":2', 1)
    wb.save(bad)
    empty = _empty(tmp_path, capsys)
    code, out, err = run(capsys, "--db", empty, "import", str(bad), *TODAY)
    assert code == 1
    assert "确认结果 第4行 校验值: 与结果内容不符：确认后的结果被改动过，不能导入" in err + out
    conn = sqlite3.connect(empty)
    assert conn.execute("select count(*) from members").fetchone()[0] == 0
    assert conn.execute("select count(*) from snapshots").fetchone()[0] == 0
