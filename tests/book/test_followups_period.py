"""A score line of the scheme ("70 分以下谈话教育") judges only a period holding every part it
reads: a quarter of 街道农村 (年终评议 and 突出事迹 are yearly) reaches 70 of 100 at most, so
it must not mark everyone for 谈话教育."""

from __future__ import annotations

from desktop.book.scoring import gather_facts, year_scheme
from desktop.rules.scoring import score


def _followups(result, code: str) -> list[str]:
    member = result.member(code)
    return [f.name for f in member.flags if f.kind == "followup"]


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
