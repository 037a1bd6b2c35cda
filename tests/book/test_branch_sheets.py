"""The whole book travels in the interchange workbook: export → import into an empty book made
by `init` gives the same database, table by table (differences named and explained below);
the new sheets (支部信息, 支委会, 党员变动, 活动计划模板, 活动计划, 通知书, 撤销, and the added
columns 会议记录/决定事项, 情形, 党费标准 记录号) refuse bad rows as `工作表名 第N行 列名: 问题`
and write nothing."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.book import quarter, year_end
from desktop.book.dues import arrears_overview, issue_reminders
from desktop.book.interchange import (
    WorkbookRefused,
    export_data,
    export_workbook,
    import_workbook,
    read_for_import,
)
from desktop.book.meetings import Meetings
from desktop.book.store import Book
from desktop.rules.meetings import PlanTemplate

TODAY = date(2027, 1, 20)  # the confirmed demo's day (tests/conftest.py)

# Columns that may differ after a round trip, by table, and why.
STAMPS = {
    # When this book was created: the new book's own day.
    "branch": {"created_at"},
    # When a row was written into this book: the import writes them now. The workbook carries
    # the times that are records themselves (登记时间 of events, plan items, notices,
    # withdrawals, corrections and objections; 确认时间, 发布时间, 冻结时间 …).
    "members": {"created_at", "updated_at"},
    "activities": {"created_at"},
    "attendance": {"created_at"},
    "dues_payments": {"created_at"},
    "dues_rates": {"created_at"},
    "claims": {"created_at"},
    "appraisals": {"created_at"},
    "vetoes": {"created_at"},
}
# Not compared at all: the journal is each book's own history (the import adds one line);
# sqlite-utils' migration bookkeeping records when each book was migrated.
SKIPPED = {"journal", "_sqlite_migrations"}
# Per book: book_id identifies a book across renames (restore warns about another book's).
PER_BOOK_SETTINGS = {"book_id", "journal_head"}  # the journal stays with each book


def _tables(book: Book) -> list[str]:
    return [
        r[0]
        for r in book.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
            "order by name"
        )
        if r[0] not in SKIPPED
    ]


def _rows(book: Book, table: str) -> list[dict]:
    order = "key" if table == "settings" else "date" if table == "holidays" else "rowid"
    if table == "schemes":
        order = "year"
    rows = book.query(f"select * from {table} order by {order}")
    if table == "settings":
        rows = [r for r in rows if r["key"] not in PER_BOOK_SETTINGS]
    for r in rows:
        for column in STAMPS.get(table, ()):
            r.pop(column)
    return rows


def _enrich(book: Book) -> dict[str, int]:
    """A few records of each new kind in the confirmed demo: branch settings, history events,
    minutes and decisions, a template of its own, notices, 民主评议 and a veto locked by Q4's
    confirmation and then withdrawn."""
    book.update_branch(
        name=book.branch()["name"], parent_org="城关镇党委", kind="农村", operator="张红梅"
    )
    book.set_setting("objection_contact", "支部书记张红梅，电话 0000-1234567")
    book.set_setting("default_scheme", "jiedao-nongcun")
    roster = book.roster
    active = [m for m in roster.members(include_left=False) if m["status"] == "正式党员"]
    roster.record_event(
        active[5]["id"], "流动", "2026-12-01", "外出务工", where="广东省深圳市", today=TODAY
    )
    roster.record_event(active[6]["id"], "免考", "2026-12-05", "年老体弱，本人申请", today=TODAY)
    roster.record_event(active[7]["id"], "其他", "2027-01-05", "获评县级优秀党员", today=TODAY)
    mt = Meetings(book)
    held = next(a for a in mt.activities(2026) if a["date"] >= "2026-10-01")
    mt.update_activity(
        held["id"],
        {"minutes": "一、学习文件；\n二、讨论冬季防火。", "decisions": "成立巡逻小组"},
        today=TODAY,
    )
    mt.set_templates(
        [
            PlanTemplate("主题党日", "monthly", 15, topic="主题党日"),
            PlanTemplate("党课", "quarterly", 20, 2, "书记讲党课"),
            PlanTemplate("党小组会", "monthly", 8, per_group=True),
            PlanTemplate("组织生活会", "yearly", 25, 1, "年度组织生活会"),
        ]
    )
    mt.issue_notice(active[8]["id"], "警戒书", "无故缺席第2次", ref=held["code"], when="2026-12-20")
    owing = [r["member_id"] for r in arrears_overview(book, today=TODAY)][:1]
    assert owing, "the demo has a member owing dues"
    issue_reminders(book, owing, on="2027-01-10", today=TODAY)
    codes = [m["code"] for m in active[:3]]
    # The demo entered the year's 民主评议 before publishing Q4; one is withdrawn below.
    appraised = [a["id"] for a in year_end.list_appraisals(book, 2026)][:3]
    veto = year_end.add_veto(
        book, codes[2], "2026-12-18", "受到党内警告处分", "支委会", today=TODAY
    )
    # Q4 confirmed: the appraisals and the veto are locked, so they are withdrawn, not deleted.
    for c in quarter.list_claims(book, 2026, 4, status="申报"):
        quarter.reject_claim(book, c["id"], "支部委员会", "本季度已申报过同类事项")
    # Re-issued on 12 January: a new period of its own, over by the confirmation on the 20th.
    quarter.publish(book, 2026, 4, reason="登记了一票否决", today=date(2027, 1, 12))
    status = quarter.period_status(book, 2026, 4, today=TODAY)
    for o in status["open_objections"]:
        quarter.answer_objection(
            book, o["id"], finding="经核实无误", changed=False, told_on="2027-01-12", today=TODAY
        )
    quarter.confirm(book, 2026, 4, today=TODAY)
    assert (
        year_end.withdraw_veto(
            book, veto, "处分决定已被撤销", decided_by="支委会", when="2027-01-18", today=TODAY
        )
        == "withdrawn"
    )
    assert (
        year_end.withdraw_appraisal(
            book, appraised[2], "计票有误", decided_by="支委会", when="2027-01-19", today=TODAY
        )
        == "withdrawn"
    )
    return {"veto": veto, "appraisal": appraised[2]}


@pytest.fixture
def enriched(confirmed_demo_book: Book, tmp_path: Path) -> tuple[Book, Path]:
    """The `confirmed_demo_book` fixture with the extra records, and its export."""
    _enrich(confirmed_demo_book)
    return confirmed_demo_book, export_workbook(confirmed_demo_book, tmp_path / "book.xlsx")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same book made once for the module (the bad-row tests only read its export)."""
    from desktop.book.demo import create_demo

    folder = tmp_path_factory.mktemp("branch-sheets")
    with create_demo(folder / "demo.db", year=2026, today=TODAY) as book:
        _enrich(book)
        export_workbook(book, folder / "book.xlsx")
    return folder / "demo.db", folder / "book.xlsx"


def _fresh(tmp_path: Path, name: str = "城关镇红星村党支部", year: int = 2026) -> Book:
    """A book as `pioneer init --branch NAME --year Y` makes it."""
    return Book.create(tmp_path / "fresh.db", branch=name, year=year)


def test_every_table_survives_export_then_import(enriched, tmp_path: Path) -> None:
    source, workbook = enriched
    target = _fresh(tmp_path)
    plan = import_workbook(target, workbook, today=TODAY)
    counts = plan.counts
    assert counts["支部信息"] == 1 and counts["支委会成员"] == 5 and counts["撤销"] == 2
    assert counts["党员变动"] == source.execute("select count(*) from member_events").fetchone()[0]
    assert counts["活动计划模板"] == 4 and counts["通知书"] >= 2
    tables = _tables(source)
    assert "withdrawals" in tables and "member_events" in tables and "plan_templates" in tables
    assert _tables(target) == tables
    for table in tables:
        assert _rows(target, table) == _rows(source, table), table
    assert export_data(target) == export_data(source)
    # What the brief's kinds of record look like after the trip, through the book's own API.
    assert target.branch() == source.branch() and target.operator == "张红梅"
    assert quarter.objection_contact(target) == quarter.objection_contact(source)
    assert [m["code"] for m in Meetings(target).committee()] == [
        m["code"] for m in Meetings(source).committee()
    ]
    assert quarter.check_chain(target.conn) is None
    overview = year_end.year_overview(target, 2026, today=TODAY)
    before = year_end.year_overview(source, 2026, today=TODAY)
    assert [(r.code, r.total, r.stars) for r in overview.rows] == [
        (r.code, r.total, r.stars) for r in before.rows
    ]
    source.close()
    target.close()


def test_import_fills_what_init_left_empty_and_keeps_the_rest(exported, tmp_path: Path) -> None:
    _source, workbook = exported
    target = Book.create(
        tmp_path / "t.db", branch="城关镇红星村党支部", year=2027, kind="村", operator="李四"
    )
    import_workbook(target, workbook, today=TODAY)
    # init set the kind, the operator and a later year: kept; the rest filled in.
    assert target.branch() == {
        "name": "城关镇红星村党支部",
        "parent_org": "城关镇党委",
        "kind": "村",
    }
    assert target.operator == "李四" and target.current_year == 2027
    assert target.setting("default_scheme") == "jiedao-nongcun"
    assert "张红梅" in quarter.objection_contact(target)
    target.close()


def test_another_branch_name_is_refused_and_nothing_written(exported, tmp_path: Path) -> None:
    _source, workbook = exported
    target = _fresh(tmp_path, name="光明村党支部")
    with pytest.raises(WorkbookRefused) as info:
        import_workbook(target, workbook, today=TODAY)
    assert info.value.lines() == [
        "支部信息 第2行 支部名称: 账本的支部名称是“光明村党支部”，与工作簿的“城关镇红星村党支部”"
        "不同，不会自动改名：如果是同一个支部，请先在“支部信息”中把账本的名称改为一致；"
        "如果只想导入其中的党员和记录，请删去工作簿中的“支部信息”表后再导入"
    ]
    assert target.execute("select count(*) from members").fetchone()[0] == 0
    assert target.branch()["name"] == "光明村党支部"
    target.close()


def test_without_the_history_sheet_joining_is_recorded_as_before(exported, tmp_path: Path) -> None:
    """Other people's files have no 党员变动: each member with an 入党时间 gets a 发展 event."""
    _source, workbook = exported
    wb = load_workbook(workbook)
    del wb["党员变动"]
    wb.save(tmp_path / "no-history.xlsx")
    target = _fresh(tmp_path)
    import_workbook(target, tmp_path / "no-history.xlsx", today=TODAY)
    kinds = {r[0] for r in target.execute("select distinct kind from member_events")}
    joined = target.execute("select count(*) from members where joined_date is not null")
    assert kinds == {"发展"}
    assert (
        target.execute("select count(*) from member_events").fetchone()[0] == joined.fetchone()[0]
    )
    target.close()


def _edit(src: Path, dest: Path, sheet: str, row: int, column: str, value: object) -> Path:
    shutil.copy(src, dest)
    wb = load_workbook(dest)
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    if column not in headers:
        ws.cell(row=1, column=len(headers) + 1, value=column)
        headers.append(column)
    ws.cell(row=row, column=headers.index(column) + 1).value = value  # None empties it
    wb.save(dest)
    return dest


def _first_row(workbook: Path, sheet: str, column: str, value: object) -> int:
    ws = load_workbook(workbook)[sheet]
    headers = [c.value for c in ws[1]]
    for n, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if row[headers.index(column)] == value:
            return n
    raise AssertionError(f"{sheet}: no row with {column} = {value}")


@pytest.mark.parametrize(
    ("sheet", "row", "column", "value", "expected"),
    [
        (
            "支部信息",
            2,
            "默认积分方案",
            "no-such",
            "支部信息 第2行 默认积分方案: 没有名为“no-such”",
        ),
        ("支部信息", 2, "当前年度", 1899, "支部信息 第2行 当前年度: 年度 1899 不合理"),
        ("支部信息", 3, "支部名称", "又一个支部", "支部信息 第3行 支部名称: 支部信息只能有一行"),
        ("支委会", 2, "党员", "查无此人", "支委会 第2行 党员: 找不到党员“查无此人”"),
        ("支委会", 3, "职务", "主任", "支委会 第3行 职务:"),
        ("党员变动", 2, "事件", "升职", "党员变动 第2行 事件:"),
        ("党员变动", 2, "日期", "2099-01-01", "党员变动 第2行 日期: 日期 2099-01-01 还没到"),
        ("党员变动", 3, "记录号", 1, "党员变动 第3行 记录号: 记录号 1 在本表中重复"),
        ("活动计划模板", 2, "日", 40, "活动计划模板 第2行 日: 日期应为 1 到 31 日，不是 40"),
        ("活动计划模板", 5, "月份", None, "活动计划模板 第5行 月份: 每年一次的活动须指定月份"),
        ("活动计划模板", 2, "频次", "每周", "活动计划模板 第2行 频次:"),
        (
            "活动计划",
            2,
            "计划日期",
            "2025-03-10",
            "活动计划 第2行 计划日期: 计划日期 2025-03-10 不在 2026 年内",
        ),
        ("活动计划", 2, "活动编号", "X-404", "活动计划 第2行 活动编号: 找不到活动“X-404”"),
        ("通知书", 2, "种类", "表扬信", "通知书 第2行 种类:"),
        ("通知书", 2, "原因", None, "通知书 第2行 原因:"),
        (
            "撤销",
            2,
            "原记录号",
            999,
            "撤销 第2行 原记录号: 本工作簿的“一票否决”表中没有记录号为 999 的记录",
        ),
        (
            "撤销",
            2,
            "日期",
            "2026-01-02",
            "撤销 第2行 日期: 撤销日期 2026-01-02 早于被撤销记录的日期 2026-12-18",
        ),
        ("撤销", 3, "撤销的表", "积分申报", "撤销 第3行 撤销的表:"),
        (
            "一票否决",
            2,
            "情形",
            "乱写的情形",
            "一票否决 第2行 情形: “乱写的情形”不是2026年积分方案中的一票否决情形",
        ),
        ("签到", 2, "活动编号", None, "签到 第2行 活动编号:"),
    ],
)
def test_bad_rows_of_the_new_sheets_are_refused(
    exported, tmp_path: Path, sheet, row, column, value, expected
) -> None:
    _source, workbook = exported
    bad = _edit(workbook, tmp_path / "bad.xlsx", sheet, row, column, value)
    target = _fresh(tmp_path)
    plan = read_for_import(target, bad, today=TODAY)
    assert any(line.startswith(expected) for line in plan.problems), plan.problems
    with pytest.raises(WorkbookRefused):
        import_workbook(target, bad, today=TODAY)
    for table in ("members", "member_events", "plan_items", "notices", "withdrawals", "branch"):
        count = target.execute(f"select count(*) from {table}").fetchone()[0]
        assert count == (1 if table == "branch" else 0), table
    assert target.setting("committee") is None and target.operator == ""
    target.close()


def test_a_sign_in_for_an_activity_not_yet_held_is_refused(exported, tmp_path: Path) -> None:
    """A future activity imports (its sign-in sheet is printed first), its sign-ins don't."""
    _source, workbook = exported
    row = 2
    code = load_workbook(workbook)["签到"].cell(row=row, column=1).value
    activity_row = _first_row(workbook, "活动", "编号", code)
    bad = _edit(workbook, tmp_path / "future.xlsx", "活动", activity_row, "日期", "2027-02-01")
    plan = read_for_import(_fresh(tmp_path), bad, today=TODAY)
    assert any(
        p.startswith(f"签到 第{row}行 活动编号: 活动 {code} 的日期 2027-02-01 还没到")
        for p in plan.problems
    ), plan.problems
    assert not any(p.startswith("活动 ") for p in plan.problems)


def test_a_book_that_has_its_own_committee_template_and_plan(exported, tmp_path: Path) -> None:
    """Not merged: the book's own committee, template and year's plan make those rows refused."""
    _source, workbook = exported
    other = Book.create(tmp_path / "other.db", branch="城关镇红星村党支部", year=2026)
    someone = other.roster.add_member({"name": "王五", "status": "正式党员"}, today=TODAY)
    Meetings(other).set_committee([(someone, "书记")])
    Meetings(other).set_templates([PlanTemplate("主题党日", "monthly", 1)])
    Meetings(other).generate_plan(2026)
    plan = read_for_import(other, workbook, today=TODAY)
    text = "\n".join(plan.problems)
    assert "支委会 第2行 党员: 账本已设置支委会成员（1 人），与工作簿的不同，不会合并" in text
    assert "活动计划模板 第2行 类型: 账本已有自己的活动计划模板（1 项），与工作簿的不同" in text
    assert "活动计划 第2行 年度: 账本中已有 2026 年的活动计划，不能重复导入（不合并）" in text
    other.close()


def test_veto_kinds_travel(tmp_path: Path) -> None:
    """一票否决 情形 (vetoes.kind) round trip, under a scheme that names its kinds."""
    from year_end_testkit import TODAY as DAY
    from year_end_testkit import make_year_book

    source = make_year_book(tmp_path / "y.db", scheme="shequ-70-20-10-20")
    kind = year_end.veto_kinds(source, 2025)[0]
    year_end.add_veto(source, "张三", "2025-11-03", "受到处分", "支委会", kind=kind, today=DAY)
    path = export_workbook(source, tmp_path / "y.xlsx")
    assert [r["情形"] for r in export_data(source)["一票否决"]] == [kind]
    target = Book.create(tmp_path / "z.db", branch="测试村党支部", year=2025)
    import_workbook(target, path, today=DAY)
    assert target.query("select kind from vetoes") == [{"kind": kind}]
    source.close()
    target.close()


def test_preview_uses_the_chinese_column_names(exported, tmp_path: Path) -> None:
    _source, workbook = exported
    plan = read_for_import(_fresh(tmp_path), workbook, today=TODAY)
    assert not plan.problems
    ascii_keys = {
        sheet: [k for k in rows[0] if k.isascii()]
        for sheet, rows in plan.preview.items()
        if sheet != "党员名册" and rows
    }
    assert all(not keys for keys in ascii_keys.values()), ascii_keys
    assert {"季度", "确认结果", "撤销", "党员变动", "积分方案"} <= set(plan.preview)
    assert plan.preview["季度"][0]["状态"] == "已确认"
    assert plan.preview["撤销"][0]["撤销的表"] == "一票否决"
    assert plan.preview["党费"][0]["应缴"].count(".") == 1  # yuan, as in the workbook
    # The plan's own records are not the preview's (the import writes the records).
    assert plan.periods[0]["status"] == "confirmed"


def test_committee_json_round_trips_exactly(enriched, tmp_path: Path) -> None:
    source, workbook = enriched
    target = _fresh(tmp_path)
    import_workbook(target, workbook, today=TODAY)
    assert json.loads(target.setting("committee")) == json.loads(source.setting("committee"))
    source.close()
    target.close()


def test_sheet_choices_are_the_books() -> None:
    """desktop/sheets may not import the book or the rules: its copies must stay equal."""
    from desktop.book.dues import REMINDER_KIND
    from desktop.book.meetings import COMMITTEE_ROLES
    from desktop.book.roster import EVENT_KINDS
    from desktop.rules.dues import CATEGORIES
    from desktop.rules.meetings import FREQUENCIES, NOTICE_KINDS
    from desktop.sheets import columns

    assert columns.EVENT_KINDS == EVENT_KINDS
    assert columns.COMMITTEE_ROLES == COMMITTEE_ROLES
    assert (*NOTICE_KINDS, REMINDER_KIND) == columns.NOTICE_KINDS
    assert set(columns.DUES_CATEGORIES) == set(CATEGORIES)
    from desktop.book.branch_sheets import FREQUENCY_WORDS

    assert set(FREQUENCY_WORDS) == set(FREQUENCIES)
    assert tuple(FREQUENCY_WORDS.values()) == columns.FREQUENCIES


def test_a_past_years_demo_goes_into_a_book_made_today(tmp_path: Path) -> None:
    """The demo made for 2025, exported and imported into a book `init` makes in December
    2026: its 预备党员 were within their probation in 2025 (入党 2024-08/09), so its roster is
    valid for its year and must import (it was refused 「入党已超过两年」, judged by the new
    book's 2026). Every table arrives as it was; the import says which 预备党员 are overdue
    for 转正 by the book's own year."""
    from desktop.book.demo import create_demo

    today = date(2026, 12, 5)
    source = create_demo(tmp_path / "demo.db", year=2025, today=today)
    workbook = export_workbook(source, tmp_path / "demo.xlsx")
    target = Book.create(tmp_path / "fresh.db", branch="城关镇红星村党支部", year=2026)
    plan = import_workbook(target, workbook, today=today)
    assert plan.counts["党员"] == 42 and plan.counts["民主评议"] == 37
    assert any(
        "第38行 方明辉、第39行 姜立 在工作簿 2025 年的名册中是预备党员" in n
        for n in plan.read_notes
    )
    assert target.current_year == 2026  # an earlier workbook does not move the book back
    tables = _tables(source)
    assert _tables(target) == tables
    for table in tables:
        rows = _rows(target, table)
        if table == "settings":  # the book's year: init's 2026, kept
            rows = [r for r in rows if r["key"] != "current_year"]
            assert rows == [r for r in _rows(source, table) if r["key"] != "current_year"]
        else:
            assert rows == _rows(source, table), table
    assert export_data(target) == export_data(source) | {
        "支部信息": export_data(target)["支部信息"]
    }
    source.close()
    target.close()


def test_a_roster_refused_for_its_own_year_is_still_refused(exported, tmp_path: Path) -> None:
    """The workbook's own year is the measure: a 预备党员 who joined more than two years before
    it ends is refused as before, named by sheet, row and column, and nothing is written."""
    _source, workbook = exported
    bad = _edit(workbook, tmp_path / "old.xlsx", "党员名册", 38, "入党时间", "2023-05-01")
    target = _fresh(tmp_path)
    with pytest.raises(WorkbookRefused) as info:
        import_workbook(target, bad, today=TODAY)
    assert info.value.lines() == [
        "党员名册 第38行 入党时间: 入党已超过两年，预备期（最长两年）早已结束：若已转正，"
        "请把人员类别改为正式党员并填写转正时间；否则请核对入党时间"
    ]
    assert target.execute("select count(*) from members").fetchone()[0] == 0
    target.close()


def test_a_demo_made_early_in_january_holds_no_date_to_come(tmp_path: Path) -> None:
    """Made on 5 January, the demo's 入党时间 and 免考 approval drawn for later in the year
    were still to come, and its own export was refused (「晚于今天」): they stop at its day."""
    from desktop.book.demo import create_demo

    today = date(2026, 1, 5)
    with create_demo(tmp_path / "demo.db", year=2026, today=today) as source:
        latest = source.execute(
            "select max(max(coalesce(joined_date, ''), coalesce(exempt_approved_date, ''))) "
            "from members"
        ).fetchone()[0]
        assert latest <= today.isoformat()
        workbook = export_workbook(source, tmp_path / "demo.xlsx")
    target = _fresh(tmp_path)
    assert import_workbook(target, workbook, today=today).counts["党员"] == 42
    target.close()
