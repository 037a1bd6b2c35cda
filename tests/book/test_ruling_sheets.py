"""上级审批, 积分兑换 and 评议会议 travel in the interchange workbook (issue 16): an export
re-imported into an empty book loses none of them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from year_end_testkit import TODAY, YEAR, make_year_book

from desktop.book.approvals import record_decision
from desktop.book.ballots import record_round
from desktop.book.exchange import record_exchange
from desktop.book.interchange import export_workbook, import_workbook
from desktop.book.scoring import set_year_scheme
from desktop.book.store import Book
from desktop.rules.presets import preset_text

TABLES = ("approvals", "exchanges", "appraisal_rounds")


def _rows(book: Book, table: str) -> list[dict]:
    rows = book.query(f"select * from {table} order by id")
    codes = dict(book.execute("select id, code from members").fetchall())
    for r in rows:
        if "member_id" in r:
            r["member_id"] = codes[r["member_id"]]
    return rows


def test_rulings_round_trip(tmp_path: Path) -> None:
    book = make_year_book(tmp_path / "a.db")
    set_year_scheme(book, YEAR, text=preset_text("dangyuan-ejia") + '\n[exchange]\nnote = "兑换"\n')
    record_decision(book, YEAR, "王一", approved=False, by="测试镇党委", on="2026-01-10",
                    reason="待补材料", source="乡镇回执", ref="回执.json", today=TODAY)  # fmt: skip
    record_decision(book, YEAR, "王一", approved=True, by="测试镇党委", on="2026-01-12",
                    today=TODAY)  # fmt: skip
    record_exchange(book, "李二", "2025-12-01", "购物券", 10, "王会计",
                    today=date(2025, 12, 20))  # fmt: skip
    record_round(book, YEAR, "党员评议", on="2025-12-20", member_voters=4, mass_voters=1)
    path = export_workbook(book, tmp_path / "a.xlsx")
    other = Book.create(tmp_path / "b.db", branch="测试村党支部", year=YEAR)
    import_workbook(other, path, today=TODAY)
    for table in TABLES:
        assert _rows(other, table) == _rows(book, table), table
    assert len(_rows(other, "approvals")) == 2
    book.close()
    other.close()


# -- 评议选票: the ballots entered one by one (issue 16 item 1) ----------------------------


def _ballot_book(tmp_path: Path) -> Book:
    from desktop.book.ballots import count_ballots, record_ballot

    book = make_year_book(tmp_path / "a.db")
    record_round(book, YEAR, "党员评议", on="2025-12-20", member_voters=4, mass_voters=1)
    for marks in (
        {"王一": "优秀", "李二": "不合格"},
        {"王一": "优秀", "李二": "合格"},
        {"王一": "合格"},
    ):
        record_ballot(book, YEAR, "党员评议", marks)
    record_ballot(book, YEAR, "党员评议", {}, spoiled=True)
    count_ballots(book, YEAR, "党员评议", round=1)
    return book


def _ballots(book: Book) -> list[tuple]:
    return book.execute(
        "select b.year, b.kind, b.round, b.number, b.spoiled, b.created_by, m.code, k.grade "
        "from appraisal_ballots b left join appraisal_ballot_marks k on k.ballot_id = b.id "
        "left join members m on m.id = k.member_id order by b.number, m.code"
    ).fetchall()


def test_ballots_round_trip_with_their_tallies(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desktop.book import year_end as Y
    from desktop.book.ballots import ballot_tallies

    book = _ballot_book(tmp_path)
    path = export_workbook(book, tmp_path / "a.xlsx")
    ws = load_workbook(path)["评议选票"]
    head = [c.value for c in ws[1]]
    assert head[:7] == ["年度", "类型", "轮次", "票号", "废票", "党员", "等次"]
    assert ws.max_row == 1 + 6  # 2 + 2 + 1 marks, one 废票 row
    other = Book.create(tmp_path / "b.db", branch="测试村党支部", year=YEAR)
    import_workbook(other, path, today=TODAY)
    assert _ballots(other) == _ballots(book)
    assert ballot_tallies(other, YEAR, "党员评议", 1) == ballot_tallies(book, YEAR, "党员评议", 1)

    def graded(b: Book) -> dict:
        return {r["name"]: (r["grade"], r["votes"]) for r in Y.list_appraisals(b, YEAR)}

    assert graded(other) == graded(book)
    assert graded(other)["王一"] == ("优秀", {"优秀": 2, "合格": 1, "基本合格": 0, "不合格": 0})
    book.close()
    other.close()


def test_bad_ballot_rows_are_named_and_nothing_is_written(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desktop.book.interchange import WorkbookRefused

    book = _ballot_book(tmp_path)
    path = export_workbook(book, tmp_path / "a.xlsx")
    book.close()
    wb = load_workbook(path)
    ws = wb["评议选票"]
    col = {c.value: c.column for c in ws[1]}
    rows = {r: {h: ws.cell(r, c).value for h, c in col.items()} for r in range(2, ws.max_row + 1)}
    spoiled_row = next(r for r, v in rows.items() if v["废票"] == "是")
    ws.cell(spoiled_row, col["党员"], "001")  # a 废票 that marks someone
    ws.cell(2, col["党员"], "无此人")
    ws.append(["2025", "党员评议", 1, 9, "否", "001", "优秀"])  # 票号 gap (5–8 missing)
    ws.append(["2025", "群众评议", 1, 1, "否", "001", "优秀"])  # no such round
    ws.append(["2025", "党员评议", 1, 2, "否", None, "优秀"])  # no member
    wb.save(path)
    other = Book.create(tmp_path / "b.db", branch="测试村党支部", year=YEAR)
    with pytest.raises(WorkbookRefused) as exc:
        import_workbook(other, path, today=TODAY)
    lines = exc.value.lines()
    n = ws.max_row
    assert f"评议选票 第{spoiled_row}行 党员: 废票这一行不填党员和等次" in lines
    assert any(line.startswith("评议选票 第2行 党员:") for line in lines)
    assert f"评议选票 第{n - 2}行 票号: 2025 年第1次党员评议的选票票号应从 1 起连续，缺第5张" in (
        lines
    )
    assert any(
        line.startswith(f"评议选票 第{n - 1}行 轮次: 2025 年第1次群众评议没有登记评议会议")
        for line in lines
    )
    assert f"评议选票 第{n}行 党员: 请填写党员（空白票或废票请在“废票”列写“是”）" in lines
    assert other.query("select count(*) n from appraisal_ballots")[0]["n"] == 0
    assert other.query("select count(*) n from members")[0]["n"] == 0
    other.close()


# -- 自评与组织考评: graded per member, their own sheet (issue 16 item 1) -------------------


def _graded_book(tmp_path: Path) -> Book:
    """公司 五、1「民主评议党员的结果还应结合党员自评、互评、支部评定等方式进行综合评定」: a
    自评 and a 组织考评 grade per member beside the 党员评议 (互评)."""
    from desktop.book import year_end as Y

    book = make_year_book(tmp_path / "a.db")
    Y.add_appraisals(book, YEAR, "党员评议", {"王一": "优秀", "李二": "合格"})
    Y.add_appraisals(
        book, YEAR, "自评", {"王一": "优秀", "李二": "合格"}, on="2026-01-08", today=TODAY
    )
    Y.add_appraisals(
        book,
        YEAR,
        "组织考评",
        {"王一": "合格", "李二": "基本合格"},
        graded_by="支部书记张三",
        on="2026-01-12",
        today=TODAY,
    )
    return book


def _graded(book: Book) -> list[tuple]:
    return book.execute(
        "select a.id, a.year, a.round, a.kind, m.code, a.grade, a.graded_by, a.date "
        "from appraisals a "
        "join members m on m.id = a.member_id order by a.id"
    ).fetchall()


def test_self_and_branch_appraisals_round_trip(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = _graded_book(tmp_path)
    path = export_workbook(book, tmp_path / "a.xlsx")
    wb = load_workbook(path)
    # The contract's 民主评议 keeps its two kinds; 自评/组织考评 are in their own sheet.
    kinds = {r[2] for r in wb["民主评议"].iter_rows(min_row=2, values_only=True)}
    assert kinds == {"党员评议"}
    ws = wb["自评与组织考评"]
    assert [c.value for c in ws[1]] == [
        "年度",
        "轮次",
        "类型",
        "党员",
        "等次",
        "记录号",
        "评定人",
        "评定日期",
    ]
    rows = sorted(
        (r[2], r[3], r[4], r[6], str(r[7])[:10])  # a date cell
        for r in ws.iter_rows(min_row=2, values_only=True)
    )
    assert rows == [
        ("组织考评", "001", "合格", "支部书记张三", "2026-01-12"),
        ("组织考评", "002", "基本合格", "支部书记张三", "2026-01-12"),
        ("自评", "001", "优秀", "王一", "2026-01-08"),
        ("自评", "002", "合格", "李二", "2026-01-08"),
    ]
    other = Book.create(tmp_path / "b.db", branch="测试村党支部", year=YEAR)
    from desktop.book.interchange import read_for_import

    plan = read_for_import(other, path, today=TODAY)
    assert plan.counts["自评与组织考评"] == 4 and plan.counts["民主评议"] == 2
    assert plan.preview["自评与组织考评"][0]["类型"] in ("自评", "组织考评")
    import_workbook(other, path, today=TODAY)
    assert _graded(other) == _graded(book)
    book.close()
    other.close()


def test_bad_self_appraisal_rows_are_named_and_nothing_is_written(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desktop.book.interchange import WorkbookRefused

    book = _graded_book(tmp_path)
    path = export_workbook(book, tmp_path / "a.xlsx")
    book.close()
    wb = load_workbook(path)
    ws = wb["自评与组织考评"]
    ws.append([YEAR, 1, "互评", "001", "优秀"])  # not a graded kind (互评 is 党员评议)
    ws.append([YEAR, 1, "自评", "无此人", "优秀"])
    ws.append([YEAR, 1, "自评", "001", "合格"])  # 001 has a 自评 already
    ws.append([YEAR, 1, "组织考评", "002", "良好"])  # no such grade
    ws.append([1925, 1, "自评", "003", "优秀"])
    ws.append([YEAR, 9, "组织考评", "003", "优秀"])  # a round the year's scheme does not hold
    # The contract's 民主评议 does not take 自评 (CONTRACT.md: 党员评议 / 群众评议).
    wb["民主评议"].append([YEAR, 1, "自评", "003", "优秀"])
    wb.save(path)
    n = ws.max_row - 1
    other = Book.create(tmp_path / "b.db", branch="测试村党支部", year=YEAR)
    with pytest.raises(WorkbookRefused) as exc:
        import_workbook(other, path, today=TODAY)
    lines = exc.value.lines()
    assert any(line.startswith(f"自评与组织考评 第{n - 4}行 类型:") for line in lines), lines
    assert any(
        line.startswith(f"自评与组织考评 第{n - 3}行 党员: 找不到党员“无此人”") for line in lines
    )
    assert f"自评与组织考评 第{n - 2}行 党员: 王一 {YEAR} 年第1轮自评已有结果，不能重复" in lines
    assert any(line.startswith(f"自评与组织考评 第{n - 1}行 等次:") for line in lines), lines
    assert f"自评与组织考评 第{n}行 年度: 年度 1925 不合理，请填四位年份" in lines
    assert any(
        line.startswith(f"自评与组织考评 第{n + 1}行 轮次: {YEAR} 年的组织考评只有 ")
        and line.endswith("没有第 9 次")
        for line in lines
    ), lines
    last = wb["民主评议"].max_row
    assert any(line.startswith(f"民主评议 第{last}行 类型:") for line in lines), lines
    assert other.query("select count(*) n from appraisals")[0]["n"] == 0
    assert other.query("select count(*) n from members")[0]["n"] == 0
    other.close()


def test_a_workbook_without_grader_columns_still_imports(tmp_path: Path) -> None:
    """自评与组织考评 from before 评定人/评定日期 (columns added at the end): imported, both
    empty — not known, not made up."""
    from openpyxl import load_workbook

    book = _graded_book(tmp_path)
    path = export_workbook(book, tmp_path / "a.xlsx")
    book.close()
    wb = load_workbook(path)
    wb["自评与组织考评"].delete_cols(7, 2)
    wb.save(path)
    other = Book.create(tmp_path / "b.db", branch="测试村党支部", year=YEAR)
    import_workbook(other, path, today=TODAY)
    got = {(r[3], r[4]): (r[6], r[7]) for r in _graded(other)}
    assert got[("自评", "001")] == ("", None) and got[("组织考评", "002")] == ("", None)
    assert got[("党员评议", "001")] == ("", None)
    other.close()


@pytest.mark.parametrize(
    ("kind", "column", "value", "message"),
    [
        ("组织考评", 8, "2026-02-01", "评定日期: 评定日期 2026-02-01 还没到，请填评定当天的日期"),
        (
            "组织考评",
            8,
            "2024-12-31",
            "评定日期: 评定日期 2024-12-31 早于 2025 年，请核对日期或年度",
        ),
        ("组织考评", 7, "支" * 31, "评定人: 评定人最多 30 个字，现在有 31 个字"),
        (
            "自评",
            7,
            "李二",
            "评定人: 自评是党员本人的评定，王一的自评评定人不能是“李二”：请清空或写本人",
        ),
    ],
)
def test_bad_grader_cells_are_named_and_nothing_is_written(
    tmp_path: Path, kind: str, column: int, value: str, message: str
) -> None:
    from openpyxl import load_workbook

    from desktop.book.interchange import WorkbookRefused

    book = _graded_book(tmp_path)
    path = export_workbook(book, tmp_path / "a.xlsx")
    book.close()
    wb = load_workbook(path)
    ws = wb["自评与组织考评"]
    row = next(
        r
        for r in range(2, ws.max_row + 1)
        if ws.cell(r, 3).value == kind and ws.cell(r, 4).value == "001"
    )
    ws.cell(row, column).value = value
    wb.save(path)
    other = Book.create(tmp_path / "b.db", branch="测试村党支部", year=YEAR)
    with pytest.raises(WorkbookRefused) as exc:
        import_workbook(other, path, today=TODAY)  # 2026-01-15
    assert exc.value.lines() == [f"自评与组织考评 第{row}行 {message}"]
    assert other.query("select count(*) n from appraisals")[0]["n"] == 0
    assert other.query("select count(*) n from members")[0]["n"] == 0
    other.close()


# -- 党员大会表决 (issue 16 item 4) ----------------------------------------------------------

VOTE_STEP = (
    '\n[[approvals]]\nname = "提请党员大会表决通过"\nby = "支部党员大会"\nstars = [3, 4, 5]\n'
    'vote = "present"\n'
)


def test_a_vote_round_trips_with_the_decisions_it_made(tmp_path: Path) -> None:
    """党员e家 第十八条「提请党员大会表决通过」: the vote (at its 党员大会) and the decisions it
    recorded come back the same from an export into an empty book."""
    from desktop.book.meetings import Meetings
    from desktop.book.votes import record_vote, votes_of

    book = make_year_book(tmp_path / "a.db")
    set_year_scheme(book, YEAR, text=preset_text("dangyuan-ejia") + VOTE_STEP)
    meeting = Meetings(book).add_activity(
        {"date": "2025-12-26", "type": "支部党员大会", "topic": "年度评星"}, today=TODAY
    )
    Meetings(book).record_attendance(meeting, today=TODAY)
    record_vote(book, YEAR, yes=2, no=1, abstain=1, present=4, activity=meeting, today=TODAY)
    record_vote(book, YEAR, yes=4, no=0, abstain=0, present=4, on="2026-01-10", today=TODAY)
    path = export_workbook(book, tmp_path / "a.xlsx")
    other = Book.create(tmp_path / "b.db", branch="测试村党支部", year=YEAR)
    plan = import_workbook(other, path, today=TODAY)
    assert _rows(other, "votes") == _rows(book, "votes")
    # The import's summary counts these sheets too (it named neither before).
    assert plan.counts["党员大会表决"] == 2 and plan.counts["上级审批"] == len(
        _rows(book, "approvals")
    )
    assert "党员大会表决 2 条" in plan.summary()
    assert _rows(other, "approvals") == _rows(book, "approvals")
    assert [(v.passed, v.why) for v in votes_of(other, YEAR)] == [
        (v.passed, v.why) for v in votes_of(book, YEAR)
    ]
    book.close()
    other.close()


def test_impossible_vote_rows_are_named_and_nothing_is_written(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desktop.book.errors import InputRefused
    from desktop.book.votes import record_vote

    book = make_year_book(tmp_path / "a.db")
    set_year_scheme(book, YEAR, text=preset_text("dangyuan-ejia") + VOTE_STEP)
    record_vote(book, YEAR, yes=3, no=1, abstain=0, present=4, on="2026-01-10", today=TODAY)
    path = export_workbook(book, tmp_path / "a.xlsx")
    book.close()
    wb = load_workbook(path)
    ws = wb["党员大会表决"]
    headers = [c.value for c in ws[1]]
    ws.cell(2, headers.index("反对") + 1, 3)  # 3 + 3 + 0 votes from 4 present
    wb.save(path)
    other = Book.create(tmp_path / "b.db", branch="测试村党支部", year=YEAR)
    with pytest.raises(InputRefused) as exc:
        import_workbook(other, path, today=TODAY)
    lines = exc.value.lines()
    assert any(
        line.startswith("党员大会表决 第2行 到会人数: 赞成、反对、弃权共 6 票，多于到会的 4 人")
        for line in lines
    ), lines
    assert other.execute("select count(*) from votes").fetchone()[0] == 0
    assert other.execute("select count(*) from members").fetchone()[0] == 0
    other.close()


def test_a_vote_naming_a_meeting_it_cannot_have_been_taken_at_is_refused(tmp_path: Path) -> None:
    """A vote's 活动编号 names the 支部党员大会 it was taken at, as `approval vote --activity`
    requires: a code found nowhere, a meeting of another kind, or another day is named by sheet,
    row and column, and nothing is written (before, an unknown code quietly became empty)."""
    from openpyxl import load_workbook

    from desktop.book.errors import InputRefused
    from desktop.book.meetings import Meetings
    from desktop.book.votes import record_vote

    book = make_year_book(tmp_path / "a.db")
    set_year_scheme(book, YEAR, text=preset_text("dangyuan-ejia") + VOTE_STEP)
    meetings = Meetings(book)
    general = meetings.add_activity(
        {"date": "2025-12-26", "type": "支部党员大会", "topic": "年度评星"}, today=TODAY
    )
    meetings.record_attendance(general, today=TODAY)
    party_day = meetings.add_activity(
        {"date": "2025-12-20", "type": "主题党日", "topic": "学习"}, today=TODAY
    )
    record_vote(book, YEAR, yes=2, no=1, abstain=1, present=4, activity=general, today=TODAY)
    path = export_workbook(book, tmp_path / "a.xlsx")
    party_day_code = meetings.activity(party_day)["code"]
    general_code = meetings.activity(general)["code"]
    book.close()
    wb = load_workbook(path)
    ws = wb["党员大会表决"]
    headers = [c.value for c in ws[1]]
    column = headers.index("活动编号") + 1
    assert ws.cell(2, column).value == general_code
    for value, expected in (
        ("2025-999", "找不到活动“2025-999”，请先在“活动”表中登记"),
        (party_day_code, f"活动 {party_day_code} 是“主题党日”，不是支部党员大会"),
    ):
        ws.cell(2, column, value)
        wb.save(path)
        other = Book.create(tmp_path / f"{value}.db", branch="测试村党支部", year=YEAR)
        with pytest.raises(InputRefused) as exc:
            import_workbook(other, path, today=TODAY)
        lines = exc.value.lines()
        assert any(line.startswith(f"党员大会表决 第2行 活动编号: {expected}") for line in lines), (
            lines
        )
        assert other.execute("select count(*) from votes").fetchone()[0] == 0
        assert other.execute("select count(*) from members").fetchone()[0] == 0
        other.close()
    ws.cell(2, column, general_code)
    ws.cell(2, headers.index("日期") + 1, "2025-12-27")
    wb.save(path)
    other = Book.create(tmp_path / "day.db", branch="测试村党支部", year=YEAR)
    with pytest.raises(InputRefused) as exc:
        import_workbook(other, path, today=TODAY)
    assert any(
        "表决日期 2025-12-27 与活动" in line and "2025-12-26 不同" in line
        for line in exc.value.lines()
    ), exc.value.lines()
    other.close()


def _vote_workbook(tmp_path: Path) -> Path:
    """A book whose scheme has 党员e家's two steps above the branch and a 党员大会 vote, one
    vote passed on 2026-01-10, exported."""
    from desktop.book.votes import record_vote

    book = make_year_book(tmp_path / "a.db")
    set_year_scheme(book, YEAR, text=preset_text("dangyuan-ejia") + VOTE_STEP)
    record_vote(book, YEAR, yes=3, no=1, abstain=0, present=4, on="2026-01-10", today=TODAY)
    path = export_workbook(book, tmp_path / "a.xlsx")
    book.close()
    return path


def _refused(tmp_path: Path, path: Path, name: str = "b.db") -> list[str]:
    """Import `path` into an empty book: the problem lines; nothing may have been written."""
    from desktop.book.errors import InputRefused

    other = Book.create(tmp_path / name, branch="测试村党支部", year=YEAR)
    before = {t: other.execute(f"select count(*) from {t}").fetchone()[0] for t in WRITTEN}
    with pytest.raises(InputRefused) as exc:
        import_workbook(other, path, today=TODAY)
    after = {t: other.execute(f"select count(*) from {t}").fetchone()[0] for t in WRITTEN}
    assert after == before == dict.fromkeys(WRITTEN, 0)
    other.close()
    return exc.value.lines()


WRITTEN = ("members", "activities", "attendance", "votes", "approvals", "appraisals", "claims")


def test_vote_and_approval_steps_are_checked_against_the_years_scheme(tmp_path: Path) -> None:
    """A vote's 审批环节 must be a step the year's scheme decides by the 党员大会's vote, with
    the scheme's 通过规则 and quorum; a 上级审批 row's step one of the scheme's [[approvals]];
    a vote of a meeting without its quorum decides nothing — as `approval vote` / `approval
    record --step` refuse them by hand. Named by sheet, row and column, nothing written."""
    from openpyxl import load_workbook

    path = _vote_workbook(tmp_path)
    wb = load_workbook(path)
    ws = wb["党员大会表决"]
    col = {c.value: c.column for c in ws[1]}
    first = [c.value for c in ws[2]]

    def vote_row(**changes: object) -> int:
        row = list(first)
        row[col["记录号"] - 1] = None
        for k, value in changes.items():
            row[col[k] - 1] = value
        ws.append(row)
        return ws.max_row

    not_a_vote = vote_row(审批环节="报上级党（工）委审批")
    unknown = vote_row(审批环节="支部大会讨论")
    rule = vote_row(通过规则="投票过半")
    no_quorum = vote_row(须到会过半="否")
    few = vote_row(到会人数=2, 赞成=2, 反对=0, 弃权=0)
    wa = wb["上级审批"]
    acol = {c.value: c.column for c in wa[1]}
    wa.cell(2, acol["审批环节"], "报上级党组织审批")  # a step of the scheme: for 四星级
    wa.cell(2, acol["评定结果"], "四星级")
    first_decision = [c.value for c in wa[2]]
    wa.cell(2, acol["审批环节"], "报县委审批")
    # 王一's 五星级 said to be approved by the step for 四星级 (hand entry never records it).
    wrong_result = list(first_decision)
    wrong_result[acol["评定结果"] - 1] = "五星级"
    wrong_result[acol["记录号"] - 1] = None
    wrong_result[acol["来源"] - 1], wrong_result[acol["依据"] - 1] = "手工", None
    wa.append(wrong_result)
    wrong_row = wa.max_row
    wb.save(path)
    lines = _refused(tmp_path, path)
    assert (
        f"上级审批 第{wrong_row}行 评定结果: “五星级”不是“报上级党组织审批”审批的结果（2025 年积分方案"
        "中这一环节审批的是：四星级），请核对评定结果或审批环节"
    ) in lines, lines
    steps = "方案的须党员大会表决的环节是：提请党员大会表决通过"
    assert (
        f"党员大会表决 第{not_a_vote}行 审批环节: “报上级党（工）委审批”不是 2025 年积分方案的"
        f"须党员大会表决的环节（{steps}），请按方案改正审批环节"
    ) in lines, lines
    assert any(
        line.startswith(f"党员大会表决 第{unknown}行 审批环节: “支部大会讨论”不是")
        for line in lines
    )
    assert (
        f"党员大会表决 第{rule}行 通过规则: “投票过半”与 2025 年积分方案中“提请党员大会表决通过”"
        "的通过规则“到会过半”不同：表决按方案的规则计票，请改正"
    ) in lines
    assert (
        f"党员大会表决 第{no_quorum}行 须到会过半: 2025 年积分方案中“提请党员大会表决通过”"
        "须到会过半，请写“是”"
    ) in lines
    assert (
        f"党员大会表决 第{few}行 到会人数: 到会人数不足应到会有表决权党员的半数（应到会 4 人，"
        "到会 2 人，须至少 3 人到会），本次表决无效，不能登记为审批决定：请另行召开党员大会表决"
    ) in lines
    assert any(
        line.startswith("上级审批 第2行 审批环节: “报县委审批”不是 2025 年积分方案的上级审批环节")
        and "提请党员大会表决通过" in line
        for line in lines
    ), lines


def _met_vote_workbook(tmp_path: Path) -> Path:
    """A vote at a recorded 支部党员大会 (3 of the 4 正式党员 signed in 出席), passed, with
    the decisions it made; exported."""
    from desktop.book.meetings import Entry, Meetings
    from desktop.book.votes import record_vote

    book = make_year_book(tmp_path / "a.db")
    set_year_scheme(book, YEAR, text=preset_text("dangyuan-ejia") + VOTE_STEP)
    meetings = Meetings(book)
    ids = {m["name"]: m["id"] for m in book.query("select id, name from members")}
    meeting = meetings.add_activity(
        {"date": "2025-12-26", "type": "支部党员大会", "topic": "年度评星"}, today=TODAY
    )
    meetings.record_attendance(meeting, {ids["张三"]: Entry("因私请假")}, today=TODAY)
    record_vote(book, YEAR, yes=2, no=1, abstain=0, present=3, activity=meeting, today=TODAY)
    path = export_workbook(book, tmp_path / "a.xlsx")
    book.close()
    return path


def _columns(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[1]}


def test_a_votes_counts_are_checked_against_the_roll_and_the_meetings_sign_in(
    tmp_path: Path,
) -> None:
    """As `approval vote` refuses them by hand: 应到会 more than the 正式党员 on the roll that
    day (预备党员 have no vote), 到会 more than signed in 出席 at the 支部党员大会 the vote
    names. The decisions' 依据 follow the changed counts, so these are the only problems."""
    from openpyxl import load_workbook

    path = _met_vote_workbook(tmp_path)
    wb = load_workbook(path)
    ws, wa = wb["党员大会表决"], wb["上级审批"]
    col, acol = _columns(ws), _columns(wa)
    for k, value in {"应到会人数": 5, "到会人数": 4, "赞成": 3}.items():
        ws.cell(2, col[k], value)
    for r in range(2, wa.max_row + 1):
        ref = wa.cell(r, acol["依据"]).value
        assert ref == "党员大会表决：应到会4人，到会3人；赞成2票、反对1票、弃权0票"
        wa.cell(r, acol["依据"], "党员大会表决：应到会5人，到会4人；赞成3票、反对1票、弃权0票")
    wb.save(path)
    assert _refused(tmp_path, path) == [
        "党员大会表决 第2行 应到会人数: 应到会 5 人多于支部有表决权的正式党员 4 人（预备党员没有表决权）",
        "党员大会表决 第2行 到会人数: 到会 4 人多于这次党员大会签到“出席”的正式党员 3 人"
        "（请先补全签到，或改正到会人数）",
    ]


def test_a_votes_decisions_are_checked_against_the_vote_and_the_approvals(tmp_path: Path) -> None:
    """A vote decides what waits when it is taken, by its outcome, and only the vote decides a
    step the scheme leaves to the 党员大会: a decision against the vote's outcome, a hand
    decision on the vote step, a vote on a result already approved, a vote that decided
    nothing, and a decision on a claim the book does not hold are each named, nothing
    written."""
    from openpyxl import load_workbook

    path = _met_vote_workbook(tmp_path)
    wb = load_workbook(path)
    ws, wa = wb["党员大会表决"], wb["上级审批"]
    col, acol = _columns(ws), _columns(wa)
    rows = {wa.cell(r, acol["党员"]).value: r for r in range(2, wa.max_row + 1)}
    first = [c.value for c in ws[2]]
    wang = [c.value for c in wa[rows["001"]]]

    def append(sheet, base: list, cols: dict[str, int], **changes: object) -> int:
        row = list(base)
        row[cols["记录号"] - 1] = None
        for k, value in changes.items():
            row[cols[k] - 1] = value
        sheet.append(row)
        return sheet.max_row

    # 李二's decision says 不批准 though the vote passed.
    wa.cell(rows["002"], acol["决定"], "不批准")
    wa.cell(rows["002"], acol["理由"], "票数不够")
    # A hand decision on the vote's step.
    hand = append(wa, wang, acol, 日期="2026-01-11", 来源="手工", 依据=None, 审批单位="支部")
    # A second vote (another day, no meeting) deciding 王一's 五星级 again, approved on 12-26.
    again = append(ws, first, col, 日期="2026-01-12", 活动编号=None)
    again_decision = append(wa, wang, acol, 日期="2026-01-12")
    # A vote with no decision rows at all.
    alone = append(ws, first, col, 日期="2026-01-13", 活动编号=None, 赞成=3, 反对=0)
    wb.save(path)
    lines = _refused(tmp_path, path)
    assert (
        f"党员大会表决 第{alone}行 审批环节: “上级审批”表中没有这次表决登记的审批决定（审批环节"
        "“提请党员大会表决通过”、日期 2026-01-13、依据“党员大会表决：应到会4人，到会3人；赞成3票、"
        "反对0票、弃权0票”）：表决总是决定当时待表决的评定结果或申报，请补上这些行，或删去这次表决"
    ) in lines, lines
    assert (
        f"上级审批 第{rows['002']}行 决定: 这一行依据的党员大会表决（“党员大会表决”表第2行，"
        "2025-12-26）表决通过，决定应为“批准”"
    ) in lines
    assert any(
        line.startswith(f"上级审批 第{hand}行 依据: “提请党员大会表决通过”由支部党员大会表决决定")
        for line in lines
    ), lines
    assert (
        f"上级审批 第{again_decision}行 依据: 王一（001）的五星级在 2025-12-26 已由支部党员大会批准，"
        "2026-01-12 的表决时已不再待表决，表决不会再决定它：请核对日期，或删去这一行"
    ) in lines, lines
    assert again not in {alone}  # the second vote itself is fine: its decision is not
    assert len(lines) == 4, lines
    # A decision on claim 999, which is nowhere (refused as the workbook is read).
    claim = append(wa, wang, acol, 审批环节="报上级党（工）委审批", 评定结果="第999号申报",
                   日期="2026-01-12", 来源="手工", 依据=None, 申报记录号=999, 审批单位="镇党委")  # fmt: skip
    wb.save(path)
    assert (
        f"上级审批 第{claim}行 申报记录号: 找不到第999号积分申报（申报记录号是它在“积分申报”表的"
        "记录号），请核对申报记录号，或删去这一行"
    ) in _refused(tmp_path, path, "c.db")


def test_appraisal_rows_for_an_exempt_member_or_a_year_to_come_are_refused(tmp_path: Path) -> None:
    """As `appraisal add` refuses them by hand: a 免考 member (「经批准免考，不参加积分和
    评议」) has no 自评, 组织考评 or 党员评议, and no year after the book's working year has
    results. Named by sheet, row and column, nothing written."""
    from openpyxl import load_workbook

    book = _graded_book(tmp_path)
    path = export_workbook(book, tmp_path / "a.xlsx")
    book.close()
    wb = load_workbook(path)
    roster = wb["党员名册"]
    rcol = _columns(roster)
    wang = next(
        r for r in range(2, roster.max_row + 1) if roster.cell(r, rcol["编号"]).value == "001"
    )
    roster.cell(wang, rcol["免考"], "是")
    for name in ("免考原因", "免考批准"):
        if name in rcol:
            roster.cell(wang, rcol[name], {"免考原因": "年老体弱", "免考批准": "测试镇党委"}[name])
    ws = wb["自评与组织考评"]
    wang_rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 4).value == "001"]
    ws.append([YEAR + 1, 1, "自评", "002", "优秀"])
    later = ws.max_row
    peers = wb["民主评议"]
    pcol = _columns(peers)
    peer_wang = next(
        r for r in range(2, peers.max_row + 1) if peers.cell(r, pcol["党员"]).value == "001"
    )
    wb.save(path)
    lines = _refused(tmp_path, path)
    assert (
        f"自评与组织考评 第{later}行 年度: {YEAR + 1} 年还没有开始（导入后账本的当前年度是 {YEAR} 年），"
        "不能有这一年的评议结果：请核对年度"
    ) in lines, lines
    # The rest waits for the year to be put right; then the exemption is the one problem.
    ws.delete_rows(later)
    wb.save(path)
    lines = _refused(tmp_path, path, "c.db")
    exempt = "王一 经批准免考，不参加积分和评议，不能有 2025 年的{kind}结果：请删去这一行，或核对党员名册"
    assert sorted(lines) == sorted(
        [f"民主评议 第{peer_wang}行 党员: " + exempt.format(kind="党员评议")]
        + [
            f"自评与组织考评 第{r}行 党员: " + exempt.format(kind=ws.cell(r, 3).value)
            for r in wang_rows
        ]
    ), lines


def test_a_votes_counts_changed_on_one_sheet_only_are_named_once(tmp_path: Path) -> None:
    """The counts of a vote are written twice: on its row and in the 依据 of the decisions it
    made. Changed on one sheet only, the decisions are named (not the vote as deciding
    nothing); a count the roll refuses is the one problem, its decisions not repeating it."""
    from openpyxl import load_workbook

    path = _met_vote_workbook(tmp_path)
    wb = load_workbook(path)
    ws, wa = wb["党员大会表决"], wb["上级审批"]
    col = _columns(ws)
    ws.cell(2, col["赞成"], 3)
    ws.cell(2, col["反对"], 0)
    wb.save(path)
    lines = _refused(tmp_path, path)
    assert lines == [
        f"上级审批 第{r}行 依据: 依据“党员大会表决：应到会4人，到会3人；赞成2票、反对1票、弃权0票”"
        "与同一天的党员大会表决（“党员大会表决”表第2行）的票数“应到会4人，到会3人；赞成3票、"
        "反对0票、弃权0票”不同：请按表决时的实际票数改正其中一处"
        for r in range(2, wa.max_row + 1)
    ], lines
    ws.cell(2, col["应到会人数"], 5)
    wb.save(path)
    assert _refused(tmp_path, path, "c.db") == [
        "党员大会表决 第2行 应到会人数: 应到会 5 人多于支部有表决权的正式党员 4 人（预备党员没有表决权）"
    ]


def test_a_claims_decision_names_a_claim_sent_above_of_that_member(tmp_path: Path) -> None:
    """街道「经党支部研究讨论认定，报党工委审定后确定加分分值」: a 上级审批 row on a claim must
    name that member's 审定 claim of an item the year's scheme sends above, as `approval record`
    / the receipt refuse otherwise (「不需要上级审定」). Named by sheet, row and column, nothing
    written."""
    from openpyxl import load_workbook

    from desktop.book import claims as C
    from desktop.book.approvals import record_claim_decision

    book = make_year_book(tmp_path / "a.db", scheme="jiedao-nongcun")
    ids = []
    for who, item, points in (("王一", "key-work", "6"), ("李二", "honor-street", "8")):
        cid = C.add_claim(book, who, f"{YEAR}-05-12", item, points, "事迹", today=TODAY)
        C.review_claim(book, cid, "组长")
        C.approve_claim(book, cid, "支委会")
        ids.append(cid)
    record_claim_decision(book, ids[0], approved=True, by="街道党工委", on=f"{YEAR}-06-01",
                          today=TODAY)  # fmt: skip
    path = export_workbook(book, tmp_path / "a.xlsx")
    book.close()
    other = Book.create(tmp_path / "ok.db", branch="测试村党支部", year=YEAR)
    import_workbook(other, path, today=TODAY)  # as it was: imported
    other.close()
    wb = load_workbook(path)
    wa = wb["上级审批"]
    acol = _columns(wa)
    assert wa.max_row == 2 and wa.cell(2, acol["申报记录号"]).value == ids[0]
    first = [c.value for c in wa[2]]
    wa.cell(2, acol["党员"], "002")  # 王一's claim, said to be 李二's
    row = list(first)
    row[acol["记录号"] - 1] = None
    row[acol["申报记录号"] - 1] = ids[1]  # 荣获街道党委表彰: the branch's own to settle
    row[acol["党员"] - 1] = "002"
    wa.append(row)
    wb.save(path)
    assert _refused(tmp_path, path) == [
        f"上级审批 第2行 申报记录号: 第{ids[0]}号申报是 王一（001）的，与这一行的党员不符",
        f"上级审批 第3行 申报记录号: 第{ids[1]}号申报（李二）不需要上级审定（{YEAR} 年的积分方案"
        "只对列明的申报项目报上级审定，且须支委会先审定；这条申报现在是“审定”）",
    ]
