"""民主评议 by ballot tally in the book (issue 16 item 1): recorded with its votes, the grade
derived by the year scheme's rule, explained in the list, carried by the interchange workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from year_end_testkit import TODAY, YEAR, make_year_book

from desktop.book import year_end as Y
from desktop.book.ballots import record_tally
from desktop.book.errors import InputRefused
from desktop.book.interchange import export_workbook, import_workbook
from desktop.book.scoring import set_year_scheme
from desktop.book.store import Book
from desktop.rules.presets import preset_text

TWO_BALLOTS = """
[ballots]
note = "「党员评议不合格率超过 30%的为不合格党员」"
  [[ballots.thresholds]]
  grade = "不合格"
  over = 0.30
"""


@pytest.fixture
def jd(tmp_path: Path):
    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    yield book
    book.close()


def test_a_tally_gives_and_explains_the_grade_and_counts(jd) -> None:
    set_year_scheme(jd, YEAR, text=preset_text("jiedao-nongcun") + TWO_BALLOTS)
    done = record_tally(jd, YEAR, "党员评议", "王一", {"优秀": 12, "合格": 6, "基本合格": 2})
    assert done["grade"] == "优秀"
    bad = record_tally(
        jd, YEAR, "党员评议", "李二", {"优秀": 10, "合格": 2, "不合格": 8}, voters=20
    )
    assert bad["grade"] == "不合格" and "不合格票8票，占40%，超过30%" in bad["explain"]
    rows = {r["name"]: r for r in Y.list_appraisals(jd, YEAR)}
    assert rows["王一"]["grade"] == "优秀" and rows["王一"]["votes"]["优秀"] == 12
    assert rows["李二"]["voters"] == 20
    assert rows["李二"]["explain"].startswith("共20票：优秀10、合格2、基本合格0、不合格8")
    # The derived grade scores like a typed one (街道 年终评议: 优秀 20, 不合格 0).
    ov = Y.year_overview(jd, YEAR, today=TODAY)
    assert ov.row("王一").appraisals[("党员评议", 1)] == "优秀"
    journal = jd.query("select action from journal order by id desc limit 1")[0]["action"]
    assert journal == "登记民主评议票数"


def test_bad_tallies_are_refused_and_nothing_written(jd) -> None:
    before = len(Y.list_appraisals(jd, YEAR))
    with pytest.raises(InputRefused) as exc:
        record_tally(jd, YEAR, "党员评议", "王一", {"优秀": 12, "合格": 9}, voters=20)
    assert "共21票，多于参加评议的20人" in exc.value.lines()
    with pytest.raises(InputRefused) as exc:
        record_tally(jd, YEAR, "党员评议", "王一", {"优秀": 0})
    assert "四个等次的票数都是0，没有可计的票" in exc.value.lines()
    with pytest.raises(InputRefused) as exc:  # an activist is not appraised
        record_tally(jd, YEAR, "党员评议", "钱五", {"优秀": 3})
    assert any("钱五" in line for line in exc.value.lines())
    assert len(Y.list_appraisals(jd, YEAR)) == before
    assert jd.query("select count(*) n from appraisal_tallies")[0]["n"] == 0


def test_an_exempt_member_is_graded_by_appraisal_under_the_street_plan(jd) -> None:
    # 街道 农村细则：「……可不参加积分制管理,根据民主评议和日常表现情况确定等次」
    jd.roster.update_member(
        jd.roster.find("张三")["id"], {"exempt": True, "exempt_reason": "行动不便"}, today=TODAY
    )
    done = record_tally(jd, YEAR, "党员评议", "张三", {"合格": 9, "优秀": 1})
    assert done["grade"] == "合格"


def test_the_interchange_workbook_carries_tallies(jd, tmp_path: Path) -> None:
    record_tally(jd, YEAR, "党员评议", "王一", {"优秀": 12, "合格": 6}, voters=19)
    Y.add_appraisal(jd, YEAR, "党员评议", "李二", "合格")  # typed, no tally
    path = export_workbook(jd, tmp_path / "out.xlsx")
    from openpyxl import load_workbook

    ws = load_workbook(path)["民主评议"]
    head = [c.value for c in ws[1]]
    assert head[-5:] == ["优秀票", "合格票", "基本合格票", "不合格票", "参加人数"]
    other = Book.create(tmp_path / "copy.db", branch="测试村党支部", year=YEAR)
    import_workbook(other, path, today=TODAY)
    rows = {r["name"]: r for r in Y.list_appraisals(other, YEAR)}
    assert rows["王一"]["votes"] == {"优秀": 12, "合格": 6, "基本合格": 0, "不合格": 0}
    assert rows["王一"]["voters"] == 19 and "评为“优秀”" in rows["王一"]["explain"]
    assert rows["李二"]["votes"] is None and rows["李二"]["explain"] is None
    other.close()


# -- ballots entered one by one (issue 16 item 1) --------------------------------------------


def _ballots_round(jd, voters=5, mass=0):
    from desktop.book.ballots import record_round

    record_round(jd, YEAR, "党员评议", on=f"{YEAR}-12-20", member_voters=voters, mass_voters=mass)


def test_ballots_voter_by_voter_are_counted_into_tallies(jd) -> None:
    """两票制 「党员评议不合格率超过 30%的为不合格党员」: five ballots, one blank, counted."""
    import sqlite3

    from desktop.book.ballots import ballot_tallies, count_ballots, record_ballot

    set_year_scheme(jd, YEAR, text=preset_text("jiedao-nongcun") + TWO_BALLOTS)
    with pytest.raises(InputRefused, match="还没有登记评议会议"):
        record_ballot(jd, YEAR, "党员评议", {"王一": "优秀"})
    _ballots_round(jd, voters=5)
    for marks in (
        {"王一": "优秀", "李二": "不合格", "张三": "合格"},
        {"王一": "优秀", "李二": "不合格", "张三": "合格"},
        {"王一": "合格", "李二": "合格", "张三": "合格"},
        {"王一": "优秀", "李二": "合格"},  # 张三 not marked on this one
    ):
        record_ballot(jd, YEAR, "党员评议", marks)
    blank = record_ballot(jd, YEAR, "党员评议", {})
    assert blank["number"] == 5
    with pytest.raises(InputRefused, match="已录入 5 张选票"):
        record_ballot(jd, YEAR, "党员评议", {"王一": "优秀"})
    found = ballot_tallies(jd, YEAR, "党员评议", 1)
    assert found["ballots"] == 5 and found["spoiled"] == 1 and found["voters"] == 5
    assert found["votes"]["001"] == {"优秀": 3, "合格": 1, "基本合格": 0, "不合格": 0}
    assert found["votes"]["002"]["不合格"] == 2
    # A tally typed for the round must be the ballots' own.
    with pytest.raises(InputRefused) as exc:
        record_tally(jd, YEAR, "党员评议", "王一", {"优秀": 4})
    assert "选票计出的是共4票：优秀3、合格1" in "".join(exc.value.lines())
    done = {d["name"]: d for d in count_ballots(jd, YEAR, "党员评议", round=1)}
    assert done["王一"]["grade"] == "优秀"
    assert done["李二"]["grade"] == "不合格"  # 2 of 4 = 50% > 30%
    assert "不合格票2票，占50%，超过30%" in done["李二"]["explain"]
    assert done["张三"]["grade"] == "合格"
    rows = {r["name"]: r for r in Y.list_appraisals(jd, YEAR)}
    assert rows["李二"]["votes"]["不合格"] == 2 and rows["李二"]["voters"] == 5
    # Counted: no more ballots; the ballots themselves never change.
    with pytest.raises(InputRefused, match="已按选票计票"):
        record_ballot(jd, YEAR, "党员评议", {"王一": "优秀"})
    with pytest.raises(sqlite3.IntegrityError, match="不能修改"):
        jd.execute("update appraisal_ballot_marks set grade = '优秀'")
    with pytest.raises(sqlite3.IntegrityError, match="不能删除"):
        jd.execute("delete from appraisal_ballots")


def test_bad_ballots_are_refused_whole(jd) -> None:
    from desktop.book.ballots import ballot_count, count_ballots, record_ballot

    _ballots_round(jd)
    with pytest.raises(InputRefused) as exc:
        record_ballot(jd, YEAR, "党员评议", {"王一": "很好", "钱五": "优秀", "无名": "合格"})
    lines = "".join(exc.value.lines())
    assert "等次“很好”不对" in lines and "钱五：不参加" in lines and "无名" in lines
    assert ballot_count(jd, YEAR, "党员评议", 1) == 0
    with pytest.raises(InputRefused, match="还没有录入选票"):
        count_ballots(jd, YEAR, "党员评议", round=1)
    # A grade typed by hand for a member stops the count for him (withdraw it first).
    Y.add_appraisals(jd, YEAR, "党员评议", {"王一": "合格"})
    record_ballot(jd, YEAR, "党员评议", {"王一": "优秀"}, spoiled=False)
    with pytest.raises(InputRefused, match="未计票") as exc:
        count_ballots(jd, YEAR, "党员评议", round=1)
    assert "王一：已直接登记了等次" in "".join(exc.value.lines())


def test_combined_grade_from_separately_tallied_results(jd) -> None:
    """[ballots.combine] (公司「……各支部可根据实际设置相应的评定占比」): 党员评议 60%, 群众评议
    40%, each counted on its own, the 综合评定 explained with its sum."""
    from desktop.book.ballots import combined_formula, combined_grades

    combine = """
[ballots.combine]
points = { "优秀" = 10, "合格" = 8, "基本合格" = 6, "不合格" = 0 }
  [[ballots.combine.parts]]
  name = "党员互评"
  kind = "党员评议"
  weight = 0.6
  [[ballots.combine.parts]]
  name = "群众测评"
  kind = "群众评议"
  weight = 0.4
  [[ballots.combine.lines]]
  min = 9
  grade = "优秀"
  [[ballots.combine.lines]]
  min = 7.5
  grade = "合格"
"""
    assert combined_grades(jd, YEAR) == {}  # the preset combines nothing
    set_year_scheme(jd, YEAR, text=preset_text("jiedao-nongcun") + combine)
    record_tally(jd, YEAR, "党员评议", "王一", {"优秀": 12, "合格": 6})
    record_tally(jd, YEAR, "群众评议", "王一", {"合格": 5, "优秀": 1})
    Y.add_appraisals(jd, YEAR, "党员评议", {"李二": "合格"})
    got = combined_grades(jd, YEAR)
    assert got["001"] == {
        "grade": "优秀",
        "explain": "综合评定：党员互评“优秀”10分×60% + 群众测评“合格”8分×40% = 9.2分；"
        "达到“优秀”的9分，评为“优秀”",
        # What the screens, commands and papers show: the sum, and that it is a grade only
        # (no `item`: the plan gives the 综合评定 no points).
        "line": "综合评定：优秀（党员互评“优秀”10分×60% + 群众测评“合格”8分×40% = 9.2分；"
        "达到“优秀”的9分，评为“优秀”）；只作评定，不计入积分",
    }
    assert got["002"] == {
        "grade": None,
        "explain": "综合评定：群众测评还没有结果",
        "line": "综合评定：群众测评还没有结果（只作评定，不计入积分）",
    }
    assert combined_formula(jd, YEAR) == (
        "综合评定 = 党员互评×60% + 群众测评×40%（各等次折分：优秀10分、合格8分、基本合格6分、"
        "不合格0分；9分以上优秀、7.5分以上合格，其余不合格）；只作评定，不计入积分"
    )


def test_combined_grade_feeds_the_year_points_with_item(jd) -> None:
    """[ballots.combine] item = "appraisal": the 街道 年终评议 item (优秀 20 … 不合格 0) scores
    the 综合评定, so the year total and the rating follow it, not the 党员评议 grade alone."""
    combine = """
[ballots.combine]
item = "appraisal"
points = { "优秀" = 10, "合格" = 8, "基本合格" = 6, "不合格" = 0 }
  [[ballots.combine.parts]]
  kind = "党员评议"
  weight = 0.6
  [[ballots.combine.parts]]
  kind = "群众评议"
  weight = 0.4
  [[ballots.combine.lines]]
  min = 9
  grade = "优秀"
  [[ballots.combine.lines]]
  min = 7.5
  grade = "合格"
"""
    record_tally(jd, YEAR, "党员评议", "王一", {"优秀": 12, "合格": 6})
    record_tally(jd, YEAR, "群众评议", "王一", {"不合格": 5, "优秀": 1})
    before = Y.year_overview(jd, YEAR, today=TODAY).row("王一").total
    set_year_scheme(jd, YEAR, text=preset_text("jiedao-nongcun") + combine)
    after = Y.year_overview(jd, YEAR, today=TODAY).row("王一").total
    # 10×60% + 0×40% = 6, under 7.5: 不合格, 0 points instead of the 优秀's 20.
    assert before - after == 20
    without = combine.replace('item = "appraisal"\n', "")
    set_year_scheme(jd, YEAR, text=preset_text("jiedao-nongcun") + without)
    assert Y.year_overview(jd, YEAR, today=TODAY).row("王一").total == before
