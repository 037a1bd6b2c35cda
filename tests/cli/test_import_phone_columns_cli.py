"""pioneer import of a 名册 with both 电话 (landlines) and 手机 (mobiles): the mobile is read,
the landline said to be left out; two equally likely columns are refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

from cli_testkit import run
from sheet_helpers import make_xlsx


def _book(capsys, tmp_path: Path) -> str:
    db = str(tmp_path / "b.db")
    code, _, err = run(capsys, "--db", db, "init", "--branch", "测试支部", "--year", "2025")
    assert code == 0, err
    return db


def _ledger(tmp_path: Path, header: list[str]) -> Path:
    rows = [header]
    rows += [[n, "0371-63212345", f"1380000000{i}", "正式党员"] for i, n in enumerate("甲乙丙")]
    rows = [[f"张{r[0]}" if i else r[0], *r[1:]] for i, r in enumerate(rows)]
    return make_xlsx(tmp_path / "名册.xlsx", {"党员名册": rows})


def test_mobile_column_wins_over_the_landline(capsys, tmp_path: Path) -> None:
    db = _book(capsys, tmp_path)
    path = _ledger(tmp_path, ["姓名", "电话", "手机", "人员类别"])
    code, out, err = run(capsys, "--db", db, "import", str(path))
    assert code == 0, err
    assert "按列名推断读取：“手机”作“手机号码”。" in out
    assert "党员名册：“电话”也可作“手机号码”，已按更贴切的“手机”读取，“电话”没有导入。" in out
    assert "不是本表的列" not in out
    from desktop.book.store import Book

    with Book.open(Path(db)) as book:
        assert [book.roster.find(f"张{n}")["phone"] for n in "甲乙丙"] == [
            "13800000000",
            "13800000001",
            "13800000002",
        ]


def test_two_equally_likely_columns_are_refused(capsys, tmp_path: Path) -> None:
    db = _book(capsys, tmp_path)
    path = _ledger(tmp_path, ["姓名", "电话", "联系电话", "人员类别"])
    code, out, err = run(capsys, "--db", db, "import", str(path))
    assert code == 1
    lines = [line for line in (out + err).splitlines() if "都可作" in line]
    assert lines == [
        "党员名册 第1行 手机号码: “电话”和“联系电话”都可作“手机号码”，请删去或改名其一"
    ]
    code, out, _ = run(capsys, "--db", db, "members", "--json")
    assert json.loads(out) == []
