"""Approvals above the branch (issue 16 item 4). 党员e家 第十八条: 「拟评定为四星级党员的须报
上级党组织审批，拟评定为五星级党员的须报上级党（工）委审批」 — the rating reads 待审批 until
a decision is recorded (by hand or from the township's 审核回执); a decision is kept as it was
and a later one supersedes it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from year_end_testkit import TODAY, YEAR, make_year_book

from desktop.book import approvals as A
from desktop.book.errors import InputRefused
from desktop.rules.presets import load_preset
from desktop.rules.scoring import RatedMember, RatingResult


@pytest.fixture
def yb(tmp_path: Path):
    book = make_year_book(tmp_path / "year.db")
    yield book
    book.close()


def test_a_five_star_waits_for_the_party_committee_until_approved(yb) -> None:
    items = A.approvals(yb, YEAR, today=TODAY)
    # 王一 is the one 五星级 (small-branch rule); 李二's 三星级 needs no approval.
    assert [(a.name, a.result, a.step, a.body, a.state) for a in items] == [
        ("王一", "五星级", "报上级党（工）委审批", "上级党（工）委", "待审批")
    ]
    assert [a.code for a in A.awaiting(yb, YEAR, today=TODAY)] == ["001"]
    assert not A.is_approved(yb, YEAR, "王一", today=TODAY)
    assert A.is_approved(yb, YEAR, "李二", today=TODAY)  # nothing to approve
    assert A.approved_by(yb, YEAR, "王一", today=TODAY) == []
    assert items[0].text() == "拟评五星级，报上级党（工）委审批：待审批"

    ids = A.record_decision(
        yb, YEAR, "001", approved=True, by="城关镇党委", on="2026-01-12", today=TODAY
    )
    assert len(ids) == 1
    (item,) = A.approvals(yb, YEAR, today=TODAY)
    assert item.state == "已批准" and item.decision["source"] == "手工"
    assert A.awaiting(yb, YEAR, today=TODAY) == []
    assert A.is_approved(yb, YEAR, "王一", today=TODAY)
    assert A.approved_by(yb, YEAR, "王一", today=TODAY) == ["上级党（工）委"]
    assert "已批准（城关镇党委，2026-01-12，手工）" in item.text()
    journal = yb.query("select action, summary from journal order by id desc limit 1")[0]
    assert journal["action"] == "登记审批决定" and "王一五星级批准" in journal["summary"]


def test_a_receipt_refusal_and_a_later_decision_supersedes_it(yb) -> None:
    A.record_decisions(
        yb,
        YEAR,
        [A.Decision("王一", False, "城关镇党委", "2026-01-10", "名额已满", source="乡镇回执",
                    ref="审核回执-2026.json")],
        today=TODAY,
    )  # fmt: skip
    (item,) = A.approvals(yb, YEAR, today=TODAY)
    assert item.state == "未批准" and item.decision["ref"] == "审核回执-2026.json"
    assert "理由：名额已满" in item.text()
    A.record_decision(yb, YEAR, "王一", approved=True, by="城关镇党委", on="2026-01-14",
                      today=TODAY)  # fmt: skip
    assert A.approvals(yb, YEAR, today=TODAY)[0].state == "已批准"
    assert [h["decision"] for h in A.history(yb, YEAR)] == ["refused", "approved"]
    # Recorded decisions never change (a new one supersedes them).
    with pytest.raises(sqlite3.IntegrityError, match="不能修改"):
        yb.execute("update approvals set decision = 'approved'")
    with pytest.raises(sqlite3.IntegrityError, match="不能删除"):
        yb.execute("delete from approvals")


def test_bad_decisions_are_refused_whole_with_a_line_each(yb) -> None:
    before = yb.execute("select count(*) from journal").fetchone()[0]
    with pytest.raises(InputRefused) as exc:
        A.record_decisions(
            yb,
            YEAR,
            [
                A.Decision("王一", True, "城关镇党委", "2026-01-12"),
                A.Decision("李二", True, "城关镇党委"),
                A.Decision("王一", False, "城关镇党委", "2026-01-12"),
                A.Decision("王一", True, ""),
                A.Decision("王一", True, "镇党委", "2026-02-30"),
                A.Decision("王一", True, "镇党委", "2026-03-01"),
                A.Decision("王一", True, "镇党委", step="党员大会表决"),
                A.Decision("无此人", True, "镇党委"),
                A.Decision("王一", True, "镇党委", source="电话"),
            ],
            today=TODAY,
        )
    problems = exc.value.lines()
    assert problems == [
        "李二：2025 年的评定结果不需要上级审批（本年度方案只对列明的星级、等次报上级审批）。",
        "王一：不批准须写明理由。",
        "王一：请写明审批单位或审批人（如“镇党委”）。",
        problems[3],
        "王一：审批日期 2026-03-01 还没有到。",
        "王一：没有“党员大会表决”这一审批环节，其评定结果的审批是：报上级党（工）委审批。",
        "无此人：找不到党员“无此人”。",
        "王一：来源“电话”不对，应为手工或乡镇回执。",
    ]
    assert problems[3].startswith("王一：") and "2026-02-30" in problems[3]
    assert yb.query("select count(*) n from approvals")[0]["n"] == 0
    assert yb.execute("select count(*) from journal").fetchone()[0] == before


def test_a_result_that_changed_after_approval_waits_again() -> None:
    scheme = load_preset("dangyuan-ejia")
    rating = RatingResult(
        scheme.id, YEAR, None, 2,  # type: ignore[arg-type]
        [RatedMember("001", "王一", 0, True, 4, None, []),  # type: ignore[arg-type]
         RatedMember("002", "李二", 0, True, 5, None, [])],  # type: ignore[arg-type]
        [],
    )  # fmt: skip
    approved_five = {
        "result": "五星级", "decision": "approved", "decided_by": "镇党委", "date": "2026-01-10",
        "reason": "", "source": "手工",
    }  # fmt: skip
    states = A.states_for(
        scheme,
        rating,
        {
            ("001", "报上级党（工）委审批"): [approved_five],
            ("002", "报上级党（工）委审批"): [approved_five],
        },
    )
    # 王一 was approved as 五星级 but is now 四星级: that is another step, and it waits.
    assert [(s.name, s.result, s.step, s.state) for s in states] == [
        ("王一", "四星级", "报上级党组织审批", "待审批"),
        ("李二", "五星级", "报上级党（工）委审批", "已批准"),
    ]


def test_the_years_rating_reads_pending_until_approved(yb) -> None:
    from desktop.book.year_end import year_overview

    row = year_overview(yb, YEAR, today=TODAY).row("王一")
    assert row.approval_state == "待审批" and row.awaiting_approval and not row.certifiable
    assert row.rating_text() == "★★★★★ （待审批）"
    assert "拟评五星级，报上级党（工）委审批：待审批" in row.reasons
    other = year_overview(yb, YEAR, today=TODAY).row("李二")
    assert other.approval_state == "" and other.rating_text() == "★★★"
    A.record_decision(yb, YEAR, "王一", approved=True, by="城关镇党委", on="2026-01-12",
                      today=TODAY)  # fmt: skip
    row = year_overview(yb, YEAR, today=TODAY).row("王一")
    assert row.approval_state == "已批准" and row.certifiable
    assert row.rating_text() == "★★★★★" and row.approved_by == ["上级党（工）委"]
