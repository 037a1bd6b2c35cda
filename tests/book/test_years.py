"""进入新年度: the book's working year moves on; the old year stays whole and reachable."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.book import years
from desktop.book.backup import list_backups
from desktop.book.errors import InputRefused
from desktop.book.meetings import Meetings
from desktop.book.scoring import set_year_scheme, year_scheme_text
from desktop.book.store import Book

JAN = date(2026, 1, 5)


@pytest.fixture
def old_book(tmp_path):
    b = Book.create(tmp_path / "old.db", branch="测试支部", year=2025, scheme_id="jiedao-nongcun")
    yield b
    b.close()


def test_carry_over_moves_the_year_and_keeps_the_old_scheme(old_book):
    plan = years.start_new_year(old_book, today=JAN)
    assert (plan.from_year, plan.to_year) == (2025, 2026)
    assert old_book.current_year == 2026
    # Both years are pinned to the scheme 2025 was scored by.
    assert year_scheme_text(old_book, 2025)[0] == "jiedao-nongcun"
    assert year_scheme_text(old_book, 2026)[0] == "jiedao-nongcun"
    assert years.years_held(old_book) == [2025, 2026]
    line = old_book.journal(1)[0]
    assert line["action"] == "进入新年度" and "2025 年 → 2026 年" in line["summary"]
    assert any("进入新年度前" in p.name for p in list_backups())


def test_a_preset_can_replace_the_scheme_for_the_new_year(old_book):
    plan = years.start_new_year(old_book, 2026, scheme="xingji-60-40", today=JAN)
    assert "星级评定" in plan.scheme_title
    assert year_scheme_text(old_book, 2025)[0] == "jiedao-nongcun"
    assert year_scheme_text(old_book, 2026)[0] == "xingji-60-40"


def test_a_scheme_chosen_ahead_of_time_is_kept(old_book):
    set_year_scheme(old_book, 2026, preset="gongsi-90-10")
    plan = years.plan_new_year(old_book, today=JAN)
    assert plan.scheme_stored
    years.start_new_year(old_book, today=JAN)
    assert year_scheme_text(old_book, 2026)[0] == "gongsi-90-10"


def test_edited_scheme_text_is_carried_over_verbatim(old_book):
    _id, text = year_scheme_text(old_book, 2025)
    edited = text.replace("title = ", 'title = "本支部修订" # ', 1)
    set_year_scheme(old_book, 2025, text=edited)
    years.start_new_year(old_book, today=JAN)
    assert year_scheme_text(old_book, 2026)[1] == edited


@pytest.mark.parametrize(
    ("to_year", "today", "words"),
    [
        (2025, JAN, "当前年度已是 2025 年"),
        (2024, JAN, "只能往后"),
        (2027, JAN, "还不能进入 2027 年度"),
        (2026, date(2025, 11, 30), "还不能进入 2026 年度"),
    ],
)
def test_refused_years_write_nothing(old_book, to_year, today, words):
    before = old_book.journal(1)[0]["id"]
    with pytest.raises(InputRefused) as err:
        years.start_new_year(old_book, to_year, today=today)
    assert words in str(err.value) + "".join(err.value.lines())
    assert old_book.current_year == 2025
    assert old_book.journal(1)[0]["id"] == before
    assert not list_backups()


def test_too_early_says_from_which_day(old_book):
    with pytest.raises(InputRefused) as err:
        years.start_new_year(old_book, 2026, today=date(2025, 11, 30))
    assert "2025-12-01 起可以进入 2026 年度" in err.value.lines()[0]


def test_december_may_prepare_next_year(old_book):
    assert years.latest_allowed(date(2025, 12, 1)) == 2026
    assert years.latest_allowed(date(2025, 11, 30)) == 2025
    years.start_new_year(old_book, today=date(2025, 12, 20))
    assert old_book.current_year == 2026


def test_skipping_a_year_is_allowed_up_to_today(old_book):
    years.start_new_year(old_book, 2027, today=date(2027, 2, 1))
    assert old_book.current_year == 2027


def test_unknown_preset_is_refused(old_book):
    with pytest.raises(InputRefused) as err:
        years.plan_new_year(old_book, scheme="nope", today=JAN)
    assert "nope" in str(err.value) and "carry-over" in "".join(err.value.lines())


def test_unfinished_business_is_listed_but_does_not_block(demo_book):
    year = demo_book.current_year
    unfinished = years.unfinished_business(demo_book, year, today=date(year + 1, 1, 3))
    assert any("第4季度" in line for line in unfinished)
    plan = years.start_new_year(demo_book, today=date(year + 1, 1, 3))
    assert plan.unfinished == unfinished
    assert demo_book.current_year == year + 1


def test_activities_of_the_new_year_are_accepted_after_moving_on(old_book):
    meetings = Meetings(old_book)
    assert meetings.year_range() == (2024, 2025)
    years.start_new_year(old_book, today=JAN)
    lo, hi = meetings.year_range()
    assert lo <= 2025 and hi == 2026  # the old year stays open for late entries


def test_quarter_screen_opens_on_last_years_unfinished_quarter(confirmed_demo_book):
    book = confirmed_demo_book  # 2026: Q1–Q3 confirmed, Q4 in publicity
    assert years.quarter_to_open(book, date(2026, 11, 30)) == (2026, 4)
    years.start_new_year(book, today=date(2027, 1, 4))
    # Q4 of 2026 is finished in January: open there, not on 2027's first quarter.
    assert years.quarter_to_open(book, date(2027, 1, 4)) == (2026, 4)


def test_quarter_to_open_in_a_fresh_year(old_book):
    # The latest quarter over and not confirmed (issue 14).
    assert years.quarter_to_open(old_book, date(2025, 8, 1)) == (2025, 2)
    years.start_new_year(old_book, today=JAN)
    # No quarter of 2025 was ever published: the working year it is.
    assert years.quarter_to_open(old_book, date(2026, 2, 1)) == (2026, 1)
    assert years.quarter_to_open(old_book, date(2027, 2, 1)) == (2026, 4)
