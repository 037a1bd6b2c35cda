"""`pioneer import` of a roster kept otherwise: an old ledger's own column names, phone columns.

pioneer import with an old ledger: guessed columns are read and said, left-out columns
are named, a missing required column is one line — never data dropped without a word."""

from __future__ import annotations

import json
from pathlib import Path

from cli_testkit import run
from old_ledger_kit import NAMES, id_number, write_ledger
from sheet_helpers import make_xlsx

from desktop.rules.idcard import mask_id_card


def _book(capsys, tmp_path: Path) -> str:
    db = str(tmp_path / "b.db")
    code, _, err = run(capsys, "--db", db, "init", "--branch", "测试支部", "--year", "2025")
    assert code == 0, err
    return db


def test_renamed_columns_are_imported_with_a_note(capsys, tmp_path: Path) -> None:
    db = _book(capsys, tmp_path)
    path = write_ledger(tmp_path / "old.xlsx", extra=True)
    code, out, err = run(capsys, "--db", db, "import", str(path))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == (
        "党员名册：列名与约定的不同，按列名推断读取：“身份证号码”作“身份证号”，"
        "“联系电话”作“手机号码”，“党员类别”作“人员类别”。"
    )
    assert lines[1].startswith("党员名册：“籍贯” 不是本表的列，没有导入。")
    assert lines[-1] == "导入完成：党员 12 条"
    code, out, _ = run(capsys, "--db", db, "members", "--json")
    members = {m["name"]: m for m in json.loads(out)}
    assert members["张一"]["id_card"] == mask_id_card(id_number(0))  # masked in output
    assert members["张一"]["status"] == "正式党员"


def test_only_status_renamed_still_keeps_ids_and_phones(capsys, tmp_path: Path) -> None:
    db = _book(capsys, tmp_path)
    path = write_ledger(tmp_path / "old.xlsx", status_header="人员类别")
    code, out, err = run(capsys, "--db", db, "import", str(path))
    assert code == 0, err
    assert "“身份证号码”作“身份证号”，“联系电话”作“手机号码”" in out
    code, out, _ = run(capsys, "--db", db, "members", "--json")
    assert {m["id_card"] for m in json.loads(out)} == {
        mask_id_card(id_number(i)) for i in range(12)
    }


def test_missing_status_column_is_one_line(capsys, tmp_path: Path) -> None:
    db = _book(capsys, tmp_path)
    rows = [["姓名", "政审情况"]] + [[name, "通过"] for name in NAMES]
    path = make_xlsx(tmp_path / "a.xlsx", {"党员名册": rows})
    code, out, err = run(capsys, "--db", db, "import", str(path))
    assert code == 1
    problems = err.splitlines()[1:]
    assert problems == [
        "党员名册 第1行 人员类别: 缺少必填列“人员类别”。若表中有这一列但列名不同，"
        "请把第1行的列名改为“人员类别”；没有就添上这一列"
        "（填 正式党员/预备党员/入党积极分子/入党申请人）"
    ], err
    assert "“政审情况” 不是本表的列" in out
    code, out, _ = run(capsys, "--db", db, "members", "--json")
    assert json.loads(out) == []


def test_contract_workbook_prints_no_notes(capsys, tmp_path: Path) -> None:
    db = _book(capsys, tmp_path)
    path = make_xlsx(
        tmp_path / "a.xlsx", {"党员名册": [["姓名", "人员类别"], ["张三", "入党申请人"]]}
    )
    code, out, err = run(capsys, "--db", db, "import", str(path))
    assert code == 0, err
    assert out == "导入完成：党员 1 条\n"


def test_export_reimport_prints_no_notes(capsys, tmp_path: Path, demo_book) -> None:
    from desktop.book.interchange import export_workbook

    path = export_workbook(demo_book, tmp_path / "x.xlsx")
    fresh = str(tmp_path / "fresh.db")
    branch = demo_book.branch()["name"]
    year = str(demo_book.current_year)
    code, _, err = run(capsys, "--db", fresh, "init", "--branch", branch, "--year", year)
    assert code == 0, err
    code, out, err = run(capsys, "--db", fresh, "import", str(path))
    assert code == 0, err
    assert out.splitlines()[0].startswith("导入完成："), out


# pioneer import of a 名册 with both 电话 (landlines) and 手机 (mobiles): the mobile is read, the
# landline said to be left out; two equally likely columns are refused in one line.


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


def test_last_years_demo_imports_into_a_book_made_today(capsys, tmp_path: Path) -> None:
    """`demo --year 2025` → `export` → `init --year 2026` → `import`: its two 预备党员 (入党
    2024-08/09) are within probation for 2025 and go in; the import says they are overdue for
    转正 by 2026 (it refused them 「入党已超过两年」)."""
    demo, fresh = str(tmp_path / "demo.db"), str(tmp_path / "fresh.db")
    xlsx = str(tmp_path / "demo.xlsx")
    assert run(capsys, "--db", demo, "demo", "--year", "2025", "--today", "2026-12-05")[0] == 0
    assert run(capsys, "--db", demo, "export", xlsx)[0] == 0
    init = ("init", "--branch", "城关镇红星村党支部", "--year", "2026")
    assert run(capsys, "--db", fresh, *init)[0] == 0
    code, out, err = run(capsys, "--db", fresh, "import", xlsx, "--today", "2026-12-05")
    assert code == 0, err
    assert out.splitlines()[0] == (
        "党员名册：第38行 方明辉、第39行 姜立 在工作簿 2025 年的名册中是预备党员，到 2026 年"
        "入党已超过两年，仍按预备党员导入；已转正的，请导入后在党员名册中登记转正（人员类别改为"
        "正式党员并填写转正时间）。"
    )
    assert "党员 42 条" in out.splitlines()[-1]
    _, out, _ = run(capsys, "--db", fresh, "members", "--json")
    assert sorted(m["name"] for m in json.loads(out) if m["status"] == "预备党员") == [
        "姜立",
        "方明辉",
        "苏建国",
    ]
