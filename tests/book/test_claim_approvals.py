"""Approvals of claims above the branch (issue 16 item 4). 街道 三、突出事迹加分：「在……重点工作中
发挥先锋模范带头作用明显，经党支部研究讨论认定，报党工委审定后确定加分分值」 — a 审定 claim of
such an item counts only once the 党工委 approves it; until then it reads 待审批 and says who
must approve."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from year_end_testkit import TODAY, YEAR, make_year_book

from desktop.book import approvals as A
from desktop.book import claims as C
from desktop.book import quarter as Q
from desktop.book.errors import InputRefused
from desktop.book.scoring import score_book
from desktop.rules.presets import preset_text
from desktop.rules.scheme import SchemeError, load_scheme

JIEDAO = preset_text("jiedao-nongcun")  # sends key-work to the 党工委 (its header says so)


@pytest.fixture
def jd(tmp_path: Path):
    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    yield book
    book.close()


def _claim(book, points="6") -> int:
    cid = C.add_claim(book, "王一", f"{YEAR}-05-12", "key-work", points, "带头参加村道清扫",
                      today=TODAY)  # fmt: skip
    C.review_claim(book, cid, "组长")
    C.approve_claim(book, cid, "支委会")
    return cid


def _total(book):
    return score_book(book, YEAR, today=TODAY).member("001")


def test_the_scheme_names_the_claims_that_wait_and_who_approves() -> None:
    scheme = load_scheme(JIEDAO)
    step = scheme.claim_approval("key-work")
    assert step is not None and step.by == "街道党工委" and step.name == "报党工委审定"
    assert scheme.claim_approval("honor-street") is None
    # Without [rating] an approval of stars/grades makes no sense; one of claims does.
    for bad, message in (
        ('items = ["no-such"]', "「items」中的“no-such”不是本方案可申报的项目"),
        ('items = ["key-work"]\nstars = [5]', "本方案没有 [rating]"),
    ):
        text = JIEDAO.replace('items = ["key-work"]', bad)
        with pytest.raises(SchemeError) as exc:
            load_scheme(text)
        assert any(message in p for p in exc.value.problems), exc.value.problems


def test_a_claim_counts_only_once_approved_above(jd) -> None:
    before = _total(jd)
    cid = _claim(jd)
    waiting = _total(jd)
    assert waiting.total == before.total  # 审定 by the branch, not yet by the 党工委
    notes = [f.text for f in waiting.flags if f.kind == "notice"]
    assert any("须经街道党工委审定，待审批（报党工委审定），未计分" in t for t in notes), notes
    (item,) = A.claim_approvals(jd, YEAR)
    assert (item.claim_id, item.state, item.body) == (cid, "待审批", "街道党工委")
    assert item.text() == "待审批：须街道党工委审定（报党工委审定）"
    # The quarter cannot be confirmed while it waits (approved later it could never count).
    blockers = Q.period_status(jd, YEAR, 2, today=TODAY)["blockers"]
    assert "本季度还有 1 条积分申报待街道党工委审定（登记审批结果后再确认）。" in blockers
    # Refused first (with its reason), then approved: the later decision supersedes.
    with pytest.raises(InputRefused) as exc:
        A.record_claim_decision(jd, cid, approved=False, by="街道党工委", today=TODAY)
    assert "不批准须写明理由。" in exc.value.lines()
    A.record_claim_decision(jd, cid, approved=False, by="街道党工委", reason="事迹材料不全",
                            on=f"{YEAR}-06-01", today=TODAY)  # fmt: skip
    assert _total(jd).total == before.total
    assert A.claim_approvals(jd, YEAR)[0].state == "未批准"
    # Said as refused, not as 「…批准」 (the state's last two characters).
    assert (
        A.claim_approvals(jd, YEAR)[0].text() == "街道党工委于2025-06-01未批准，理由：事迹材料不全"
    )
    A.record_claim_decision(jd, cid, approved=True, by="街道党工委", on=f"{YEAR}-06-20",
                            source="乡镇回执", ref="回执.json", today=TODAY)  # fmt: skip
    assert _total(jd).total > before.total
    assert A.claim_approvals(jd, YEAR)[0].text() == "街道党工委于2025-06-20批准"
    with pytest.raises(sqlite3.IntegrityError, match="不能修改"):
        jd.execute("update approvals set decision = 'refused'")
    # The year's star/grade approvals are not disturbed by claims' decisions.
    assert A.approvals(jd, YEAR) == []


def test_claims_the_scheme_does_not_send_above_are_refused(jd) -> None:
    cid = C.add_claim(jd, "王一", f"{YEAR}-06-30", "honor-street", None, "街道表彰", today=TODAY)
    with pytest.raises(InputRefused, match="不需要上级审定"):
        A.record_claim_decision(jd, cid, approved=True, by="街道党工委", today=TODAY)
    pending = _claim(jd, "2")
    C.add_claim(jd, "李二", f"{YEAR}-05-02", "key-work", "2", "清扫", today=TODAY)
    # Only 审定 claims wait above: the 申报 one is the branch's business first.
    assert [a.claim_id for a in A.claim_approvals(jd, YEAR)] == [pending]


def test_claim_decisions_travel_in_the_workbook(jd, tmp_path: Path) -> None:
    from desktop.book.interchange import export_workbook, import_workbook
    from desktop.book.store import Book

    cid = _claim(jd)
    A.record_claim_decision(jd, cid, approved=True, by="街道党工委", on=f"{YEAR}-06-20",
                            today=TODAY)  # fmt: skip
    path = export_workbook(jd, tmp_path / "a.xlsx")
    other = Book.create(tmp_path / "b.db", branch="测试村党支部", year=YEAR)
    import_workbook(other, path, today=TODAY)
    assert other.query("select period, claim_id, decision from approvals") == [
        {"period": "claim", "claim_id": cid, "decision": "approved"}
    ]
    assert A.claim_approvals(other, YEAR)[0].state == "已批准"
    other.close()
