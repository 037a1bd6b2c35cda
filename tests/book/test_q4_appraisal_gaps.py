"""Confirming Q4 locks the year's 民主评议: it waits until every member who should be
appraised has a result, publishing only warns, and 进入新年度 lists what is missing."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.book import quarter, year_end, years
from desktop.book.errors import InputRefused, RecordLocked
from desktop.book.store import Book

TODAY = date(2027, 1, 20)  # conftest CONFIRMED_DEMO_TODAY: 2026 seen from January 2027


def _gap_blockers(status: dict) -> list[str]:
    return [b for b in status["blockers"] if "民主评议结果" in b]


def _clear_other_blockers(book: Book) -> None:
    """What the demo leaves open in Q4 (a waiting claim, its objection), decided."""
    for c in quarter.list_claims(book, 2026, 4, status=quarter.PENDING):
        quarter.reject_claim(book, c["id"], "支部委员会", "本季度已申报过同类事项")
    for o in quarter.period_status(book, 2026, 4, today=TODAY)["open_objections"]:
        quarter.answer_objection(
            book, o["id"], finding="经核实无误", changed=False, told_on="2027-01-12", today=TODAY
        )


def test_the_past_year_demo_has_its_appraisals_before_q4(confirmed_demo_book: Book) -> None:
    rows = year_end.list_appraisals(confirmed_demo_book, 2026)
    grades = [r["grade"] for r in rows]
    assert len(rows) > 30 and {r["kind"] for r in rows} == {"党员评议"}
    assert grades.count("基本合格") == 1 and "不合格" not in grades
    assert grades.count("合格") > grades.count("优秀") > 0
    codes = {r["code"] for r in rows}
    # 001 is exempt (年老体弱): not scored, but the street's plan grades him by 民主评议
    # (「可不参加积分制管理，根据民主评议和日常表现情况确定等次」, jiedao appraise_exempt).
    assert "001" in codes
    assert quarter.appraisal_gaps(confirmed_demo_book, 2026) == []
    assert _gap_blockers(quarter.period_status(confirmed_demo_book, 2026, 4, today=TODAY)) == []
    # The year's totals carry the 年终评议 points.
    overview = year_end.year_overview(confirmed_demo_book, 2026, today=TODAY)
    assert overview.row("002").appraisals  # type: ignore[union-attr]


def test_the_current_year_demo_has_no_appraisals_yet(demo_book: Book) -> None:
    assert year_end.list_appraisals(demo_book, 2026) == []
    # Q4 is still running: no blocker about appraisals that cannot have happened yet.
    status = quarter.period_status(demo_book, 2026, 4, today=date(2026, 11, 30))
    assert _gap_blockers(status) == [] and status["appraisals_missing"] == ""


def test_q4_confirmation_waits_for_the_missing_results(confirmed_demo_book: Book) -> None:
    book = confirmed_demo_book
    rows = {r["code"]: r for r in year_end.list_appraisals(book, 2026)}
    for code in ("002", "003"):
        # Not locked yet: the row is deleted (kept in the journal).
        year_end.withdraw_appraisal(book, rows[code]["id"], "录错了人", today=TODAY)
    _clear_other_blockers(book)
    published = quarter.publish(book, 2026, 4, reason="申报已处理", today=date(2027, 1, 12))
    # Publishing is not refused, but says the notice lacks those points.
    assert "2 名党员" in published["publish_warning"]
    assert "公示表上这些党员的民主评议得分为 0" in published["publish_warning"]

    status = quarter.period_status(book, 2026, 4, today=TODAY)
    [blocker] = status["blockers"]
    assert blocker == _gap_blockers(status)[0]
    assert "2026 年还有 2 名党员没有民主评议结果" in blocker
    assert rows["002"]["name"] in blocker and rows["003"]["name"] in blocker
    assert "年度评定" in blocker and "pioneer appraisal add" in blocker
    assert status["appraisals_missing"].startswith("2026 年还有 2 名党员")
    journal = book.execute("select count(*) from journal").fetchone()[0]
    with pytest.raises(InputRefused) as refused:
        quarter.confirm(book, 2026, 4, today=TODAY)
    assert any("2 名党员没有民主评议结果" in line for line in refused.value.lines())
    assert book.execute("select count(*) from journal").fetchone()[0] == journal
    assert quarter.confirmed_quarters(book, 2026) == [1, 2, 3]

    year_end.add_appraisals(book, 2026, "党员评议", {"002": "优秀", "003": "合格"})
    status = quarter.period_status(book, 2026, 4, today=TODAY)
    assert _gap_blockers(status) == [] and status["appraisals_missing"] == ""
    # The results moved since the notice: re-issued, then confirmed.
    assert status["results_changed"]
    again = quarter.publish(book, 2026, 4, reason="补录民主评议", today=date(2027, 1, 13))
    assert "publish_warning" not in again
    quarter.confirm(book, 2026, 4, today=TODAY)
    assert quarter.confirmed_quarters(book, 2026) == [1, 2, 3, 4]
    with pytest.raises(RecordLocked):
        year_end.add_appraisals(book, 2026, "党员评议", {"001": "合格"})


def test_new_year_lists_the_missing_appraisals(confirmed_demo_book: Book) -> None:
    book = confirmed_demo_book
    row = year_end.list_appraisals(book, 2026)[0]
    assert not any(
        "民主评议" in line for line in years.unfinished_business(book, 2026, today=TODAY)
    )
    year_end.withdraw_appraisal(book, row["id"], "录错了人", today=TODAY)
    lines = [
        line for line in years.unfinished_business(book, 2026, today=TODAY) if "民主评议" in line
    ]
    assert len(lines) == 1 and "1 名党员" in lines[0] and row["name"] in lines[0]
    assert "年度评定" in lines[0] and "再确认第4季度" in lines[0]


def test_a_scheme_without_appraisals_has_no_blocker(book: Book) -> None:
    from desktop.book.scoring import set_year_scheme

    book.roster.add_member(
        {"name": "王一", "gender": "男", "status": "正式党员", "joined_date": "2010-01-01"},
        today=date(2026, 3, 1),
    )
    set_year_scheme(book, 2026, preset="jiguan-60-40")
    assert quarter.appraisal_gap_text(book, 2026) == ""
    set_year_scheme(book, 2026, preset="jiedao-nongcun")
    assert "1 名党员" in quarter.appraisal_gap_text(book, 2026)
    status = quarter.period_status(book, 2026, 4, today=date(2027, 1, 5))
    assert len(_gap_blockers(status)) == 1
