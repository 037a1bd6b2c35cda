"""Who takes part in a 民主评议 round is the rules' own test (should_be_appraised): a member
who left before it is neither listed for it nor accepted, with the reason."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from year_end_testkit import TODAY, YEAR, make_year_book  # noqa: E402

from desktop.book import year_end as Y  # noqa: E402
from desktop.book.errors import InputRefused  # noqa: E402


@pytest.fixture
def book(tmp_path: Path):
    b = make_year_book(tmp_path / "y.db", scheme="jiedao-nongcun")
    zhang = b.roster.find("张三")["id"]
    b.roster.record_event(zhang, "转出", "2025-05-20", "转至县医院党支部", today=TODAY)
    yield b
    b.close()


def test_a_member_who_left_is_not_on_the_rounds_roll(book) -> None:
    overview = Y.year_overview(book, YEAR, today=TODAY)
    assert overview.row("张三").appraised == frozenset()
    assert ("党员评议", 1) in overview.row("王一").appraised
    assert ("党员评议", 1) in overview.row("赵四").appraised  # transferred in before the end
    assert overview.row("钱五") is None or not overview.row("钱五").appraised


def test_recording_a_result_for_him_is_refused_with_the_reason(book) -> None:
    with pytest.raises(InputRefused) as refused:
        Y.add_appraisals(book, YEAR, "党员评议", {"张三": "合格", "王一": "优秀"})
    text = " ".join(refused.value.lines())
    assert "张三 已于 2025-05-20 离开本支部，不参加这次评议" in text
    assert not book.query("select 1 from appraisals")  # all or nothing
    Y.add_appraisals(book, YEAR, "党员评议", {"王一": "优秀"})
    assert len(book.query("select 1 from appraisals")) == 1
