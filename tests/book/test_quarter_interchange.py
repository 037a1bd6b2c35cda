"""The quarter's records travel in the interchange workbook: export → import into an empty
book reproduces periods, publicity notices, objections, corrections, holidays, claim steps and
the hash-chained snapshots (same hashes, `verify` passes, facts locked); tampered or bad rows
are refused with `工作表名 第N行 列名: 问题` and nothing is written."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.book import quarter
from desktop.book.backup import verify_file
from desktop.book.errors import RecordLocked
from desktop.book.interchange import (
    WorkbookRefused,
    export_data,
    export_workbook,
    import_workbook,
    read_for_import,
)
from desktop.book.meetings import Meetings
from desktop.book.store import Book

TODAY = date(2027, 1, 20)  # the confirmed demo's day (tests/conftest.py)
QUARTER_TABLES = {
    "periods": "year, quarter",
    "snapshots": "id",
    "publicity_notices": "id",
    "objections": "id",
    "corrections": "id",
    "holidays": "date",
    "schemes": "year",
    "claims": "id",
}


def _rows(book: Book, table: str) -> list[dict]:
    rows = book.query(f"select * from {table} order by {QUARTER_TABLES[table]}")
    # Import stamps (when the row was written here) are not the records' content.
    for r in rows:
        if table in ("claims",):
            r.pop("created_at")
        if table == "schemes":
            r.pop("frozen_at")
    return rows


def _enrich(book: Book) -> None:
    """Every kind of quarter record in the confirmed demo: a holiday, a correction, a claim
    reviewed and one rejected (the demo already has periods, notices, objections)."""
    quarter.set_holiday(book, "2027-01-01", "元旦")
    code = book.query("select code from members where left_date is null order by id")[0]["code"]
    quarter.add_correction(
        book,
        code,
        "morals",
        "1",
        "第1季度扣分有误，经支委会核实予以更正",
        refers_to="2026年第1季度",
        when="2026-12-15",
        today=TODAY,
    )
    waiting = quarter.list_claims(book, 2026, 4, status="申报")[0]
    quarter.review_claim(book, waiting["id"], "东片党小组组长", "情况属实")
    extra = quarter.add_claim(
        book, code, "2026-12-20", "key-work", "3", "组织冬季巡逻", evidence="照片", today=TODAY
    )
    quarter.reject_claim(book, extra, "支部委员会", "本季度已申报过同类事项")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The confirmed demo (enriched) and its exported workbook, made once for the module."""
    from desktop.book.demo import create_demo

    folder = tmp_path_factory.mktemp("quarter-interchange")
    with create_demo(folder / "demo.db", year=2026, today=TODAY) as book:
        _enrich(book)
        export_workbook(book, folder / "demo.xlsx")
    return folder / "demo.db", folder / "demo.xlsx"


def _empty(tmp_path: Path) -> Book:
    # The demo's name: a 支部信息 naming another branch is refused (test_branch_sheets.py).
    return Book.create(tmp_path / "empty.db", branch="城关镇红星村党支部", year=2026)


def test_round_trip_keeps_confirmed_quarters(exported, tmp_path: Path) -> None:
    source_path, workbook = exported
    source = Book.open(source_path)
    target = _empty(tmp_path)
    plan = import_workbook(target, workbook, today=TODAY)
    assert plan.counts["确认结果"] == 3 and plan.counts["季度"] == 4
    assert plan.counts["异议"] == 2 and plan.counts["更正"] == 1 and plan.counts["节假日"] == 1
    assert export_data(target) == export_data(source)
    for table in QUARTER_TABLES:
        assert _rows(target, table) == _rows(source, table), table
    assert quarter.chain_head(target) == quarter.chain_head(source)
    assert quarter.check_chain(target.conn) is None
    # The imported quarters are as confirmed: facts locked, scheme frozen, review from snapshot.
    assert target.execute("select frozen_at from schemes where year = 2026").fetchone()[0]
    with pytest.raises(RecordLocked):
        Meetings(target).add_activity(
            {"date": "2026-02-10", "type": "主题党日", "topic": "补登"}, today=TODAY
        )
    status = quarter.period_status(target, 2026, 4, today=TODAY)
    assert status["state"] == "publicity" and len(status["open_objections"]) == 1
    rv = quarter.review(target, 2026, 2, today=TODAY)
    assert rv.confirmed and rv.confirmed["hash"] == quarter.snapshot(source, 2026, 2)["hash"]
    source.close()
    target.close()
    verify_file(tmp_path / "empty.db")  # raises AlteredBookError when a link or digest fails


def _edit(src: Path, dest: Path, sheet: str, row: int, column: str, value: object) -> Path:
    shutil.copy(src, dest)
    wb = load_workbook(dest)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    ws.cell(row=row, column=headers.index(column) + 1).value = value  # None empties it
    wb.save(dest)
    return dest


def _cell(path: Path, sheet: str, row: int, column: str) -> object:
    ws = load_workbook(path, read_only=True)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return rows[row - 1][rows[0].index(column)]


def _refused(book: Book, path: Path) -> list[str]:
    before = book.execute("select count(*) from journal").fetchone()[0]
    with pytest.raises(WorkbookRefused) as info:
        import_workbook(book, path, today=TODAY)
    after = book.execute("select count(*) from journal").fetchone()[0]
    assert after == before
    for table in ("members", "activities", "periods", "snapshots", "objections"):
        assert book.execute(f"select count(*) from {table}").fetchone()[0] == 0, table
    return info.value.lines()


def test_tampered_result_is_refused(exported, tmp_path: Path) -> None:
    _, workbook = exported
    payload = str(_cell(workbook, "确认结果", 3, "结果内容"))
    data = json.loads(payload)
    data["members"][0]["total"] = "99.00"
    bad = _edit(
        workbook,
        tmp_path / "bad.xlsx",
        "确认结果",
        3,
        "结果内容",
        json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
    )
    lines = _refused(_empty(tmp_path), bad)
    assert lines == ["确认结果 第3行 校验值: 与结果内容不符：确认后的结果被改动过，不能导入"]


def test_removed_result_breaks_the_chain(exported, tmp_path: Path) -> None:
    _, workbook = exported
    bad = tmp_path / "bad.xlsx"
    shutil.copy(workbook, bad)
    wb = load_workbook(bad)
    wb["确认结果"].delete_rows(2)  # the first quarter's result
    wb["季度"].cell(row=2, column=3, value="公示中")  # so the missing result is not the issue
    wb["季度"].cell(row=2, column=6).value = None
    wb.save(bad)
    lines = _refused(_empty(tmp_path), bad)
    assert (
        "季度 第3行 状态: 2026年第1季度没有确认，2026年第2季度不能是已确认（季度按顺序确认）"
        in lines
    )
    assert (
        "确认结果 第2行 前一校验值: 这是第一个已确认季度，前一校验值应为 64 个 0"
        "（前面的确认结果被删除或改动过）"
    ) in lines


def test_fact_changed_in_a_confirmed_quarter_is_refused(exported, tmp_path: Path) -> None:
    _, workbook = exported
    # The first sign-in row belongs to the first activity of Q1 (confirmed).
    status = _cell(workbook, "签到", 2, "状态")
    bad = _edit(
        workbook,
        tmp_path / "bad.xlsx",
        "签到",
        2,
        "状态",
        "因公请假" if status != "因公请假" else "出席",
    )
    lines = _refused(_empty(tmp_path), bad)
    assert len(lines) == 1
    assert lines[0].startswith("确认结果 第2行 记录校验值: 与本工作簿中2026年第1季度的签到、党费")


def test_read_for_import_writes_nothing(exported, tmp_path: Path) -> None:
    _, workbook = exported
    target = _empty(tmp_path)
    plan = read_for_import(target, workbook, today=TODAY)
    assert plan.ok, plan.problems
    assert target.execute("select count(*) from members").fetchone()[0] == 0
    assert target.execute("select count(*) from snapshots").fetchone()[0] == 0


BAD_ROWS = [
    ("积分方案", 2, "方案编号", "other-id", "积分方案 第2行 方案编号: 方案内容的编号是"),
    ("积分方案", 2, "方案内容", "[broken", "积分方案 第2行 方案内容: 方案文件有错误"),
    ("节假日", 2, "日期", "2027-02-30", "节假日 第2行 日期: 日期不存在"),
    ("更正", 2, "项目", "no-such-item", "更正 第2行 项目: 2026 年的积分方案中没有编号为"),
    ("更正", 2, "党员", "查无此人", "更正 第2行 党员: 找不到党员“查无此人”"),
    ("申报审核", 2, "申报记录号", 999, "申报审核 第2行 申报记录号: 本工作簿的“积分申报”表中没有"),
    ("季度", 2, "状态", "已完成", "季度 第2行 状态: 应为 未公示/公示中/已确认 之一"),
    ("季度", 2, "公示开始", "2026-03-20", "季度 第2行 公示开始: 公示开始日期应在2026年第1季度结束"),
    ("季度", 5, "状态", "已确认", "季度 第5行 确认时间: 已确认的季度须填写确认时间"),
    ("季度", 2, "确认时间", "昨天", "季度 第2行 确认时间: 时间格式不对"),
    ("公示记录", 2, "结果校验值", "abc", "公示记录 第2行 结果校验值: 应为 64 位十六进制的校验值"),
    (
        "公示记录",
        2,
        "异议编号",
        99,
        "公示记录 第2行 异议编号: “异议”表中没有2026年第1季度的第 99 号",
    ),
    ("异议", 2, "核实结果", None, "异议 第2行 核实结果: 已答复的异议须填写核实结果和告知日期"),
    ("异议", 2, "季度", 4, None),  # moved to Q4 (in publicity): fine, the notices don't refer
    ("异议", 3, "党员", "查无此人", "异议 第3行 党员: 找不到党员“查无此人”"),
    ("确认结果", 2, "校验值", "不是校验值", "确认结果 第2行 校验值: 应为 64 位十六进制的校验值"),
    ("确认结果", 2, "季度", 4, "确认结果 第2行 季度: “季度”表中2026年第4季度不是已确认"),
]


@pytest.mark.parametrize(("sheet", "row", "column", "value", "expected"), BAD_ROWS)
def test_bad_rows_of_the_quarter_sheets(
    exported, tmp_path: Path, sheet: str, row: int, column: str, value: object, expected
) -> None:
    _, workbook = exported
    bad = _edit(workbook, tmp_path / "bad.xlsx", sheet, row, column, value)
    target = _empty(tmp_path)
    if expected is None:
        plan = read_for_import(target, bad, today=TODAY)
        assert plan.ok, plan.problems
        return
    lines = _refused(target, bad)
    assert any(line.startswith(expected) for line in lines), lines


def test_quarter_sheets_into_a_book_that_has_them(exported, tmp_path: Path) -> None:
    """As for activities and members: what the book already holds is refused, not merged."""
    source_path, workbook = exported
    only = tmp_path / "quarters.xlsx"
    shutil.copy(workbook, only)
    wb = load_workbook(only)
    for name in wb.sheetnames:
        if name not in ("季度", "节假日"):
            del wb[name]
    wb.save(only)
    copy = tmp_path / "copy.db"
    shutil.copy(source_path, copy)
    with Book.open(copy) as book, pytest.raises(WorkbookRefused) as info:
        import_workbook(book, only, today=TODAY)
    lines = info.value.lines()
    assert "季度 第2行 季度: 账本中已有2026年第1季度（已确认），不能重复导入" in lines
    assert "节假日 第2行 日期: 2027-01-01 已登记为节假日，不能重复" in lines


def test_a_long_result_is_split_over_rows(tmp_path: Path) -> None:
    from desktop.book.quarter_sheets import CHUNK, _chunked

    text = "x" * (CHUNK * 2 + 5)
    rows = _chunked({"年度": 2026}, "结果内容", text)
    assert [r["分段"] for r in rows] == [1, 2, 3]
    assert "".join(r["结果内容"] for r in rows) == text
