"""`pioneer import` reads a township 花名册 as it is (issue 14): a messy roster of 40 goes in
with no editing; one with 5 bad rows imports 35 with --good-rows, the 5 go to the problem
workbook, which imports once fixed."""

from __future__ import annotations

import json
from pathlib import Path

from cli_testkit import run
from township_roster_kit import BAD, COUNT, excel_row, id_number, member_row, name, write_roster

TODAY = "2025-12-10"


def _book(tmp_path: Path, capsys) -> Path:
    db = tmp_path / "b.db"
    code, _, err = run(
        capsys, "--db", str(db), "init", "--branch", "测试村党支部", "--year", "2025",
        "--scheme", "dangyuan-ejia",
    )  # fmt: skip
    assert code == 0, err
    return db


def _members(db: Path, capsys) -> list[dict]:
    code, out, _ = run(capsys, "--db", str(db), "members", "--json")
    assert code == 0
    return json.loads(out)


def test_a_messy_township_roster_imports_with_no_editing(tmp_path: Path, capsys) -> None:
    db = _book(tmp_path, capsys)
    roster = write_roster(tmp_path / "花名册.xlsx")
    code, out, err = run(capsys, "--db", str(db), "import", str(roster), "--today", TODAY)
    assert code == 0, out + err
    assert f"导入完成：党员 {COUNT} 条" in out
    # The rows left out are named, with why; the sheet chosen and the ID-filled births too.
    assert "从工作表“花名册”读取党员名册；“说明”没有读取。" in out
    assert (
        "花名册：第1—2行（表头之上的标题或说明）、第24行（空行）、第45行（表尾（合计…））、"
        "第46行（表尾（填表人…））不是党员记录，没有导入。"
    ) in out
    assert "“党员类型”作“人员类别”" in out
    members = _members(db, capsys)
    assert len(members) == COUNT
    assert {m["status"] for m in members} == {"正式党员", "预备党员"}


def test_year_month_dates_stay_month_only(tmp_path: Path, capsys) -> None:
    from desktop.book.store import Book

    db = _book(tmp_path, capsys)
    run(capsys, "--db", str(db), "import", str(write_roster(tmp_path / "r.xlsx")), "--today", TODAY)
    with Book.open(db) as book:
        by_name = {m["name"]: m for m in book.roster.members()}
    first = by_name[name(0)]
    assert first["joined_date"] == "1975-03"  # written 1975-03: no invented day
    assert first["confirmed_date"] == "1976-03"  # written 1976.03
    assert by_name[name(6)]["joined_date"] == "1981-09"  # 1981.09 typed as a number
    assert first["birth_date"] == "1950-01-01"  # the roster had none: from the ID number
    assert first["ethnicity"] == "汉族"
    assert by_name[name(1)]["ethnicity"] == "汉族"  # written 汉
    assert by_name[name(1)]["id_card"] == id_number(1)  # an intact number cell


def test_good_rows_then_the_fixed_problem_workbook(tmp_path: Path, capsys) -> None:
    from openpyxl import load_workbook

    db = _book(tmp_path, capsys)
    roster = write_roster(tmp_path / "花名册.xlsx", bad_rows=True)
    # All or nothing stays the default: five problems, nothing written.
    code, out, _ = run(capsys, "--db", str(db), "import", str(roster), "--today", TODAY)
    assert code == 1
    assert "5 处问题" in out or "5 处问题" in _
    assert _members(db, capsys) == []
    # … and says how to import the rest now (the problems are all rows').
    assert f"可以先只导入无误的 {COUNT - 5} 行，把有问题的 5 行" in _
    assert _.rstrip().endswith(f"pioneer import {roster} --good-rows")

    problems = tmp_path / "问题.xlsx"
    code, out, err = run(
        capsys, "--db", str(db), "import", str(roster), "--good-rows",
        "--problems-to", str(problems), "--today", TODAY,
    )  # fmt: skip
    assert code == 0, out + err
    assert f"导入完成：党员 {COUNT - 5} 条" in out
    assert f"有 5 行没有导入，已连同“问题”列写入：{problems}" in out
    for i in BAD:
        assert f"花名册 第{excel_row(i)}行" in out
    assert len(_members(db, capsys)) == COUNT - 5

    ws = load_workbook(problems).active
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    assert header[-1] == "问题" and header[1] == "姓名" and header[7] == "党员类型"
    # The sheet has no 编号: the codes these rows would have had ride along (their gaps).
    assert header[-2] == "编号"
    assert [r[1] for r in rows[1:]] == [name(i) for i in sorted(BAD)]
    by_name = {r[1]: r for r in rows[1:]}
    assert "后几位已经丢失" in by_name[name(3)][-1]
    assert "与第14行" in by_name[name(11)][-1]
    assert "预备期" in by_name[name(17)][-1]
    assert "不应填写入党时间" in by_name[name(25)][-1]
    assert "去年五月" in by_name[name(33)][-1]
    assert by_name[name(33)][9] == "2021.06"  # the row as it was

    # Fix the five rows as the secretary would, then import the problem workbook itself.
    col = {h: j + 1 for j, h in enumerate(header)}
    for r in range(2, ws.max_row + 1):
        who = ws.cell(r, col["姓名"]).value
        if who == name(3):
            ws.cell(r, col["公民身份号码"]).value = id_number(3)
        elif who == name(11):
            ws.cell(r, col["公民身份号码"]).value = id_number(11)
        elif who == name(17):
            ws.cell(r, col["党员类型"]).value = "正式"
            ws.cell(r, col["转正时间"]).value = "2020.05"
        elif who == name(25):
            ws.cell(r, col["入党时间"]).value = None
        elif who == name(33):
            ws.cell(r, col["入党时间"]).value = "2008.05"
    ws.parent.save(problems)
    code, out, err = run(capsys, "--db", str(db), "import", str(problems), "--today", TODAY)
    assert code == 0, out + err
    assert "导入完成：党员 5 条" in out
    assert "问题" not in out.split("导入完成")[0]  # the 问题 column is not called unknown
    members = _members(db, capsys)
    assert len(members) == COUNT
    # The fixed rows took their own places in the numbering, not 036–040 after the rest.
    assert sorted(m["code"] for m in members) == [f"{n:03d}" for n in range(1, COUNT + 1)]
    assert {m["name"] for m in members if m["code"] == "004"} == {name(3)}  # member 3


def test_the_same_roster_imported_again_adds_nobody_twice(tmp_path: Path, capsys) -> None:
    """Two rows share an ID card: the first is kept, the second refused. Imported again, the
    kept one is in the book now and must be refused too (it was let in a second time)."""
    db = _book(tmp_path, capsys)
    roster = write_roster(tmp_path / "花名册.xlsx", bad_rows=True)
    for n, problems in enumerate(("p1.xlsx", "p2.xlsx")):
        code, out, err = run(
            capsys, "--db", str(db), "import", str(roster), "--good-rows",
            "--problems-to", str(tmp_path / problems), "--today", TODAY,
        )  # fmt: skip
        if n == 1:
            assert "已登记在" in out + err
    members = _members(db, capsys)
    assert len(members) == COUNT - 5
    ids = [m["id_card"] for m in members if m["id_card"]]
    assert len(ids) == len(set(ids)), "one person imported twice"


def test_problems_to_never_replaces_the_book_or_the_roster(tmp_path: Path, capsys) -> None:
    db = _book(tmp_path, capsys)
    roster = write_roster(tmp_path / "花名册.xlsx", bad_rows=True)
    before = (db.read_bytes(), roster.read_bytes())
    for target in (db, roster, Path(f"{db}-wal")):
        code, out, err = run(
            capsys, "--db", str(db), "import", str(roster), "--good-rows",
            "--problems-to", str(target), "--today", TODAY,
        )  # fmt: skip
        assert code == 1, out + err
        assert "不能" in out + err
    assert (db.read_bytes(), roster.read_bytes()) == before
    assert _members(db, capsys) == []  # nothing half-written either


def test_problems_to_needs_good_rows(tmp_path: Path, capsys) -> None:
    db = _book(tmp_path, capsys)
    roster = write_roster(tmp_path / "r.xlsx")
    code, _, err = run(
        capsys, "--db", str(db), "import", str(roster), "--problems-to", str(tmp_path / "p.xlsx")
    )
    assert code == 2
    assert "--good-rows" in err


def test_unreadable_files_get_one_chinese_line(tmp_path: Path, capsys) -> None:
    db = _book(tmp_path, capsys)
    csv = tmp_path / "名册.xlsx"
    csv.write_text("姓名,人员类别\n张三,正式党员\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", str(db), "import", str(csv), "--good-rows")
    assert code == 1
    lines = [line for line in (out + err).splitlines() if line.strip()]
    assert len(lines) == 1 and "文本/CSV" in lines[0]


def test_month_only_dates_survive_export_and_show_as_months(tmp_path: Path, capsys) -> None:
    from desktop.book.interchange import export_data
    from desktop.book.store import Book
    from desktop.rules.dates import date_words

    db = _book(tmp_path, capsys)
    run(capsys, "--db", str(db), "import", str(write_roster(tmp_path / "r.xlsx")), "--today", TODAY)
    with Book.open(db) as book:
        rows = {r["姓名"]: r for r in export_data(book)["党员名册"]}
    assert rows[name(0)]["入党时间"] == "1975-03"
    assert date_words("1975-03") == "1975年3月"
    out = tmp_path / "again.xlsx"
    assert run(capsys, "--db", str(db), "export", str(out))[0] == 0
    db2 = tmp_path / "b2.db"
    run(capsys, "--db", str(db2), "init", "--branch", "测试村党支部", "--year", "2025",
        "--scheme", "dangyuan-ejia")  # fmt: skip
    code, text, err = run(capsys, "--db", str(db2), "import", str(out), "--today", TODAY)
    assert code == 0, text + err
    with Book.open(db2) as book:
        assert {m["name"]: m for m in book.roster.members()}[name(0)]["joined_date"] == "1975-03"


def test_a_second_good_rows_run_keeps_the_first_problem_workbook(tmp_path: Path, capsys) -> None:
    # Review 7: running --good-rows again replaced 花名册-问题行.xlsx, corrections typed into it
    # and not yet imported included; the program's own name now takes -2 instead.
    db = _book(tmp_path, capsys)
    roster = write_roster(tmp_path / "花名册.xlsx", bad_rows=True)
    first = tmp_path / "花名册-问题行.xlsx"
    code, out, err = run(
        capsys, "--db", str(db), "import", str(roster), "--good-rows", "--today", TODAY
    )
    assert code == 0, out + err
    assert f"已连同“问题”列写入：{first}" in out
    before = first.read_bytes()
    code, out, err = run(
        capsys, "--db", str(db), "import", str(roster), "--good-rows", "--today", TODAY
    )
    assert f"已连同“问题”列写入：{tmp_path / '花名册-问题行-2.xlsx'}" in out, out + err
    assert first.read_bytes() == before


def _updated(rows: list[list]) -> None:
    """The township's updated 花名册: two newcomers (one 流动 by its 备注 only), one member's
    入党时间 and another's 党小组 written differently, an old member 年老体弱 by its 备注."""
    rows += [member_row(COUNT), member_row(COUNT + 1)]
    rows[-1][13] = "流动党员，在深圳务工"
    rows[2][13] = "年老体弱"
    rows[5][8] = "1982年9月"
    rows[7][10] = "第9党小组"


def test_the_updated_roster_imports_only_the_newcomers(tmp_path: Path, capsys) -> None:
    # Review 7 E: every member already in the book was a problem 「同一人不能重复导入」.
    db = _book(tmp_path, capsys)
    run(capsys, "--db", str(db), "import", str(write_roster(tmp_path / "r.xlsx")), "--today", TODAY)
    before = {m["code"]: m for m in _members(db, capsys)}
    updated = write_roster(tmp_path / "花名册-更新.xlsx", edit=_updated)
    code, out, err = run(capsys, "--db", str(db), "import", str(updated), "--today", TODAY)
    assert code == 0, out + err
    assert "重复导入" not in out + err
    assert f"导入完成：党员 2 条（另有 {COUNT} 人已在名册中，未改动）" in out
    assert (
        f"花名册：{COUNT} 人已在名册中，未改动（{name(0)}、{name(1)}、{name(2)}等{COUNT}人）。"
        in out
    )
    # Where the roster says something else, sheet/row/field, both values, what to do.
    assert (
        f"花名册 第{excel_row(5)}行 {name(5)}（编号 006）已在名册中，本表与账本不同："
        f"入党时间 本表为“1982年9月”，账本中为“1980年8月7日”。这一行没有导入，账本中的记录未改动；"
        "账本有误的，请在党员名册中选中这名党员，用“修改”更正登记项"
    ) in out
    assert (
        f"第{excel_row(7)}行 {name(7)}（编号 008）已在名册中，本表与账本不同：党小组 本表为“第9党小组”"
        in out
    )
    assert out.count("本表与账本不同") == 2  # 汉 and 汉族, 1975.03 and 1975-03 agree
    after = {m["code"]: m for m in _members(db, capsys)}
    assert len(after) == COUNT + 2
    assert {c: after[c] for c in before} == before  # the book's records won
    assert {after[c]["name"] for c in after if c not in before} == {name(COUNT), name(COUNT + 1)}

    from desktop.book.store import Book

    # G: a 备注's standing words are said (not set): who, the words, where to register it.
    assert (
        f"花名册 第{excel_row(COUNT + 1)}行 {name(COUNT + 1)} 的备注写着“流动党员”，名册中她不是"
        "流动党员。如确在外流动，请导入后在党员名册中选中她，点“登记变动…”登记“流动”"
    ) in out
    assert f"花名册 第{excel_row(2)}行 {name(2)} 的备注写着“年老体弱”，名册中她不免考。" in out
    with Book.open(db) as book:
        flags = {m["name"]: (m["mobile"], m["exempt"]) for m in book.roster.members()}
    assert flags[name(COUNT + 1)] == (False, False) and flags[name(2)] == (False, False)


def test_the_same_roster_again_changes_nothing(tmp_path: Path, capsys) -> None:
    db = _book(tmp_path, capsys)
    roster = write_roster(tmp_path / "花名册.xlsx")
    run(capsys, "--db", str(db), "import", str(roster), "--today", TODAY)
    for extra in ([], ["--good-rows"]):
        code, out, err = run(
            capsys, "--db", str(db), "import", str(roster), "--today", TODAY, *extra
        )
        assert code == 0, out + err
        assert f"没有新的党员要导入（{COUNT} 人已在名册中，未改动）。" in out
        assert "问题行" not in out and not (tmp_path / "花名册-问题行.xlsx").exists()
    assert len(_members(db, capsys)) == COUNT


def test_another_name_under_a_book_id_is_that_rows_problem(tmp_path: Path, capsys) -> None:
    db = _book(tmp_path, capsys)
    run(capsys, "--db", str(db), "import", str(write_roster(tmp_path / "r.xlsx")), "--today", TODAY)

    def renamed(rows: list[list]) -> None:
        _updated(rows)
        rows[9][1] = "王改名"

    updated = write_roster(tmp_path / "花名册-更新.xlsx", edit=renamed)
    code, out, err = run(capsys, "--db", str(db), "import", str(updated), "--today", TODAY)
    assert code == 1
    assert (
        f"花名册 第{excel_row(9)}行 姓名: 这个身份证号已登记在 {name(9)}（编号 010）名下，本表写的是 "
        "王改名：同一身份证号不能是两个人。是同一人改了名的，请在名册中修改"
    ) in err
    assert "可以先只导入无误的 2 行，把有问题的 1 行" in err
    assert len(_members(db, capsys)) == COUNT  # all or nothing
    code, out, err = run(
        capsys, "--db", str(db), "import", str(updated), "--today", TODAY, "--good-rows"
    )
    assert code == 0, out + err
    assert f"导入完成：党员 2 条（另有 {COUNT - 1} 人已在名册中，未改动）" in out
    assert "有 1 行没有导入" in out
    assert {m["name"] for m in _members(db, capsys)} >= {name(9), name(COUNT)}


def test_the_births_filled_from_the_id_are_named(tmp_path: Path, capsys) -> None:
    # Review 7 H: 「1 人的出生日期…已按身份证号填上」 named no one.
    db = _book(tmp_path, capsys)
    roster = write_roster(tmp_path / "花名册.xlsx")
    code, out, _ = run(capsys, "--db", str(db), "import", str(roster), "--today", TODAY)
    assert code == 0
    shown = "、".join(f"{name(i)}（第{excel_row(i)}行）" for i in (0, 6, 12))
    assert f"花名册：{shown}等7人的出生日期（或性别）表中没有填，已按身份证号填上。" in out


def test_a_standing_already_registered_is_not_said_again(tmp_path: Path, capsys) -> None:
    def noted(rows: list[list]) -> None:
        rows[0][13] = "流动党员"  # member 0 has √ under 流动党员 as well
        rows[1][13] = "已入党多年"  # no standing word

    db = _book(tmp_path, capsys)
    roster = write_roster(tmp_path / "花名册.xlsx", edit=noted)
    code, out, _ = run(capsys, "--db", str(db), "import", str(roster), "--today", TODAY)
    assert code == 0
    assert "的备注写着" not in out


def _two_row_header_roster(path: Path, rows: list[list]) -> Path:
    """A 花名册 whose column names take two rows, as township forms often have them: 基本情况
    and 入党情况 merged over their columns, 序号/所在党小组/备注 merged down both rows."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "党员花名册"
    ws.append(["柳树湾村党支部党员花名册"])
    ws.merge_cells("A1:I1")
    ws.append(["序号", "基本情况", None, None, "入党情况", None, None, "所在党小组", "备注"])
    ws.append([None, "姓名", "性别", "公民身份号码", "党员类别", "入党时间", "转正时间"])
    for cols in ("B2:D2", "E2:G2", "A2:A3", "H2:H3", "I2:I3"):
        ws.merge_cells(cols)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_a_roster_with_a_two_row_header_keeps_every_column(tmp_path: Path, capsys) -> None:
    from openpyxl import load_workbook

    db = _book(tmp_path, capsys)
    rows = [
        [1, name(0), "男", id_number(0), "正式", "1975.03", "1976.03", "第一党小组", ""],
        [2, name(1), "男", id_number(1), "正式", "1980.07", "1981.07", "第二党小组", "外出务工"],
        [3, name(2), "女", id_number(2), "正式", "去年五月", "1990.07", "第二党小组", ""],
    ]
    roster = _two_row_header_roster(tmp_path / "花名册.xlsx", rows)
    problems = tmp_path / "问题.xlsx"
    code, out, err = run(
        capsys, "--db", str(db), "import", str(roster), "--good-rows",
        "--problems-to", str(problems), "--today", TODAY,
    )  # fmt: skip
    assert code == 0, out + err
    assert "导入完成：党员 2 条" in out
    # The group names stood only in the upper row (merged down): they are read all the same.
    assert {m["name"]: m["group"] for m in _members(db, capsys)} == {
        name(0): "第一党小组",
        name(1): "第二党小组",
    }
    assert "花名册 第6行" in out or "党员花名册 第6行" in out  # rows numbered as in the file

    # The problem workbook's header is the one row the two read as: 所在党小组 keeps its name.
    ws = load_workbook(problems).active
    header = [c.value for c in ws[1]]
    assert header[:9] == [
        "序号", "姓名", "性别", "公民身份号码", "党员类别", "入党时间", "转正时间", "所在党小组", "备注",
    ]  # fmt: skip
    assert ws.cell(2, 8).value == "第二党小组"
    ws.cell(2, 6).value = "1989.05"
    ws.parent.save(problems)
    code, out, err = run(capsys, "--db", str(db), "import", str(problems), "--today", TODAY)
    assert code == 0, out + err
    assert {m["name"]: m["group"] for m in _members(db, capsys)}[name(2)] == "第二党小组"
