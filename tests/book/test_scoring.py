"""Scoring through the book (desktop/book/scoring.py: the facts it gathers, the years it
scores, the follow-ups it passes on); the engine's own follow-up rules are in
tests/rules/test_followups_results.py."""

from __future__ import annotations

import pytest

from desktop.book.errors import InputRefused
from desktop.book.meetings import Meetings
from desktop.book.scoring import gather_facts, rate_book, score_book, year_scheme, years_scored
from desktop.book.store import Book
from desktop.cli import main
from desktop.rules.scoring import score


def _followups(result, code: str) -> list[str]:
    member = result.member(code)
    return [f.name for f in member.flags if f.kind == "followup"]


# A score line of the scheme ("70 分以下谈话教育") judges only a period holding every part it
# reads: a quarter of 街道农村 (年终评议 and 突出事迹 are yearly) reaches 70 of 100 at most, so
# it must not mark everyone for 谈话教育.


def test_a_quarter_of_a_scheme_with_yearly_parts_has_no_score_lines(demo_book) -> None:
    scheme = year_scheme(demo_book, 2026)
    facts = gather_facts(demo_book, 2026)
    quarter = score(scheme, facts, 2026, quarter=3)
    full = [m for m in quarter.members if m.scored and m.total == 70]
    assert full, "the demo has members with a full quarter"
    assert all("谈话教育" not in _followups(quarter, m.code) for m in quarter.members)
    # The year (all parts in) is judged: nobody above 70 is marked, anyone at or below is.
    year = score(scheme, facts, 2026, as_of="2026-12-31")
    for m in year.members:
        if m.scored:
            assert ("谈话教育" in _followups(year, m.code)) == (m.total <= 70), m.code


def test_two_years_running_uses_last_years_flags(tmp_path) -> None:
    """党员e家 第二十四条：「年度积分低于60分且无特殊原因的要进行警示……连续两年被警示的，一般评定为
    不合格党员」 — the book passes last year's follow-ups to the engine (issue 16 item 7)."""
    from datetime import date

    from desktop.book import quarter as Q
    from desktop.book.scoring import score_book, set_year_scheme
    from desktop.book.store import Book
    from desktop.book.year_end import year_overview

    today = date(2026, 1, 10)
    book = Book.create(tmp_path / "two.db", branch="测试支部", year=2024, scheme_id="dangyuan-ejia")
    for code, name in (("001", "张三"), ("002", "李四"), ("003", "王五")):
        book.roster.add_member(
            {"code": code, "name": name, "status": "正式党员", "joined_date": "2000-07-01"},
            today=today,
        )

    def deduct(name: str, day: str) -> None:
        for item, points in (("absent", -35), ("study", -10)):  # 100 − 45 = 55 < 60
            cid = Q.add_claim(book, name, day, item, points, "支委会审定", today=today)
            Q.review_claim(book, cid, "组长")
            Q.approve_claim(book, cid, "支委会")

    deduct("张三", "2024-05-01")  # 警示 in 2024 …
    deduct("李四", "2024-05-01")  # … and in 2024 only
    book.set_setting("current_year", "2025")
    set_year_scheme(book, 2025, preset="dangyuan-ejia")
    deduct("张三", "2025-05-01")  # … and again in 2025
    deduct("王五", "2025-05-01")  # 警示 in 2025 only
    result = score_book(book, 2025, today=today)

    def warned(code: str) -> list[str]:
        return [n for n in _followups(result, code) if n in ("警示", "一般评定为不合格党员")]

    assert warned("001") == ["警示", "一般评定为不合格党员"]
    assert warned("002") == []
    assert warned("003") == ["警示"]
    row = year_overview(book, 2025, today=today).row("张三")
    assert any(f.startswith("一般评定为不合格党员") for f in row.followups)
    # A quarter is not a year: nothing two years running there.
    assert "一般评定为不合格党员" not in _followups(score_book(book, 2025, 2, today=today), "001")
    book.close()


# Scoring a year the book holds nothing for is refused, naming the years it holds.


@pytest.mark.parametrize("year", [1999, 2025, 2027])
def test_a_year_outside_the_book_is_refused(book: Book, year: int) -> None:
    with pytest.raises(InputRefused) as info:
        score_book(book, year)
    assert f"没有 {year} 年的记录" in str(info.value)
    assert info.value.lines() == ["本账本有 2026 年的记录，请选择其中的一年。"]
    with pytest.raises(InputRefused, match=f"没有 {year} 年"):
        rate_book(book, year)


def test_the_books_years_reach_back_to_its_earliest_fact(book: Book) -> None:
    Meetings(book).add_activity({"date": "2025-12-20", "type": "党课", "topic": "补记"})
    assert years_scored(book) == (2025, 2026)
    assert score_book(book, 2025).year == 2025
    with pytest.raises(InputRefused) as info:
        score_book(book, 2024)
    assert "2025 年至 2026 年" in info.value.lines()[0]


def test_cli_score_1999_on_a_2026_book(book: Book, capsys: pytest.CaptureFixture[str]) -> None:
    book.close()
    assert main(["--db", str(book.path), "score", "--year", "1999", "--json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "本账本没有 1999 年的记录" in err and "本账本有 2026 年的记录" in err
    assert main(["--db", str(book.path), "score", "--year", "2026", "--json"]) == 0
