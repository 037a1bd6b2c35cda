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
from desktop.book import claims as C
from desktop.book import quarter as Q
from desktop.book.errors import InputRefused
from desktop.book.scoring import score_book
from desktop.rules.presets import load_preset, preset_text
from desktop.rules.scheme import SchemeError, load_scheme
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


# -- 党员大会表决 ------------------------------------------------------------------------------
# 党员e家 第十八条: 「党支部委员会应根据党员年度积分排名情况，研究提出党员评星的意见，提请党员大会
# 表决通过，并进行公示」 — written as a step decided by the meeting's vote (vote = "present":
# 赞成票超过到会有表决权党员的半数; the plan gives no count, the scheme's key does).
VOTE_STEP = """
[[approvals]]
name = "提请党员大会表决通过"
by = "支部党员大会"
stars = [3, 4, 5]
vote = "present"
note = "第十八条：研究提出党员评星的意见，提请党员大会表决通过，并进行公示"
"""


@pytest.fixture
def voting(tmp_path: Path):
    from desktop.book.scoring import set_year_scheme
    from desktop.rules.presets import preset_text

    book = make_year_book(tmp_path / "vote.db")
    set_year_scheme(book, YEAR, text=preset_text("dangyuan-ejia") + VOTE_STEP)
    yield book
    book.close()


def _states(book) -> dict[tuple[str, str], str]:
    return {(a.name, a.step): a.state for a in A.approvals(book, YEAR, today=TODAY)}


def test_the_meetings_vote_passes_the_committees_star_proposal(voting) -> None:
    from desktop.book.votes import record_vote, votes_of

    assert _states(voting) == {
        ("王一", "报上级党（工）委审批"): "待审批",
        ("王一", "提请党员大会表决通过"): "待审批",
        ("李二", "提请党员大会表决通过"): "待审批",
    }
    # 4 正式党员 on the roll (钱五 is an activist): 3 of 4 present say yes.
    v = record_vote(voting, YEAR, yes=3, no=1, abstain=0, present=4, on="2026-01-10", today=TODAY)
    assert v.passed and v.proposal == "王一五星级、李二三星级"
    assert v.why == (
        "应到会4人，到会4人；赞成3票、反对1票、弃权0票：赞成票超过到会人数4的半数，表决通过"
    )
    assert _states(voting) == {
        ("王一", "报上级党（工）委审批"): "待审批",  # the vote does not replace the 党工委
        ("王一", "提请党员大会表决通过"): "已批准",
        ("李二", "提请党员大会表决通过"): "已批准",
    }
    li = next(a for a in A.approvals(voting, YEAR, today=TODAY) if a.name == "李二")
    assert li.text() == (
        "拟评三星级，提请党员大会表决通过：已批准（支部党员大会，2026-01-10，党员大会表决："
        "应到会4人，到会4人；赞成3票、反对1票、弃权0票：表决通过）"
    )
    assert A.is_approved(voting, YEAR, "李二", today=TODAY)
    assert [x.id for x in votes_of(voting, YEAR)] == [v.id]
    # Nothing left for the meeting: a second vote is refused.
    with pytest.raises(InputRefused, match="不需要表决"):
        record_vote(voting, YEAR, yes=4, no=0, abstain=0, present=4, today=TODAY)
    with pytest.raises(sqlite3.IntegrityError, match="表决记录登记后不能修改"):
        voting.execute("update votes set yes = 1")


def test_a_vote_that_fails_refuses_and_a_new_vote_may_pass(voting) -> None:
    from desktop.book.votes import record_vote

    v = record_vote(voting, YEAR, yes=2, no=1, abstain=1, present=4, on="2026-01-10", today=TODAY)
    assert not v.passed and v.why.endswith("赞成票没有超过到会人数4的半数，未通过")
    li = next(a for a in A.approvals(voting, YEAR, today=TODAY) if a.name == "李二")
    assert li.state == "未批准" and li.text().endswith("赞成票没有超过到会人数4的半数，未通过）")
    # A meeting of 2 of 4 cannot vote at all (quorum), whatever the count: it decides nothing,
    # so nothing is recorded and the step keeps what the last valid vote gave.
    before = voting.execute("select count(*) from votes").fetchone()[0]
    with pytest.raises(InputRefused) as exc:
        record_vote(voting, YEAR, yes=2, no=0, abstain=0, present=2, on="2026-01-12", today=TODAY)
    assert exc.value.lines() == [
        "到会人数不足应到会有表决权党员的半数（应到会 4 人，到会 2 人，须至少 3 人到会），"
        "本次表决无效，不能登记为审批决定：请另行召开党员大会表决。"
    ]
    assert voting.execute("select count(*) from votes").fetchone()[0] == before
    assert _states(voting)[("李二", "提请党员大会表决通过")] == "未批准"
    v = record_vote(voting, YEAR, yes=4, no=0, abstain=0, present=4, on="2026-01-14", today=TODAY)
    assert v.passed
    assert _states(voting)[("李二", "提请党员大会表决通过")] == "已批准"


def test_only_the_meetings_vote_decides_its_step(voting) -> None:
    """A hand decision or a township receipt naming no step decides the steps above the branch,
    never the 党员大会's: a failed vote stays failed (it was overwritten to 已批准 before)."""
    from desktop.book.votes import record_vote

    record_vote(voting, YEAR, yes=1, no=3, abstain=0, present=4, on="2026-01-10", today=TODAY)
    A.record_decision(voting, YEAR, "王一", approved=True, by="上级党（工）委", today=TODAY)
    assert _states(voting) == {
        ("王一", "报上级党（工）委审批"): "已批准",
        ("王一", "提请党员大会表决通过"): "未批准",
        ("李二", "提请党员大会表决通过"): "未批准",
    }
    assert not A.is_approved(voting, YEAR, "王一", today=TODAY)
    with pytest.raises(InputRefused) as exc:
        A.record_decision(voting, YEAR, "李二", approved=True, by="镇党委", today=TODAY)
    assert "由支部党员大会表决决定" in exc.value.lines()[0]
    with pytest.raises(InputRefused) as exc:
        A.record_decision(
            voting, YEAR, "王一", approved=True, by="支部", step="提请党员大会表决通过", today=TODAY
        )
    assert "不能逐人登记批准：请登记表决" in exc.value.lines()[0]
    assert _states(voting)[("王一", "提请党员大会表决通过")] == "未批准"


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        (
            {"yes": 3, "no": 2, "abstain": 0, "present": 4},
            "赞成、反对、弃权共 5 票，多于到会的 4 人",
        ),
        ({"yes": 3, "no": 0, "abstain": 0, "present": 5}, "到会 5 人多于应到会的 4 人"),
        (
            {"yes": 3, "no": 0, "abstain": 0, "present": 4, "expected": 6},
            "应到会 6 人多于支部有表决权的正式党员 4 人（预备党员没有表决权）",
        ),
        ({"yes": 3, "no": 0, "abstain": 0, "present": 4, "on": "2026-02-01"}, "还没有到"),
        ({"yes": 3, "no": 0, "abstain": 0, "present": 4, "step": "表决"}, "没有“表决”这一表决环节"),
    ],
)
def test_impossible_votes_are_refused_and_nothing_written(voting, kw, message) -> None:
    from desktop.book.votes import record_vote

    before = voting.execute("select count(*) from journal").fetchone()[0]
    with pytest.raises(InputRefused) as exc:
        record_vote(voting, YEAR, today=TODAY, **kw)
    assert message in exc.value.message + "".join(exc.value.lines())
    assert voting.execute("select count(*) from journal").fetchone()[0] == before
    assert voting.execute("select count(*) from votes").fetchone()[0] == 0
    assert voting.execute("select count(*) from approvals").fetchone()[0] == 0


def test_a_vote_at_a_recorded_meeting_checks_its_sign_in(voting) -> None:
    from desktop.book.meetings import Entry, Meetings
    from desktop.book.votes import record_vote

    mt = Meetings(voting)
    ids = {m["name"]: m["id"] for m in voting.query("select id, name from members")}
    meeting = mt.add_activity(
        {"date": "2025-12-26", "type": "支部党员大会", "topic": "年度评星"}, today=TODAY
    )
    mt.record_attendance(meeting, {ids["张三"]: Entry("因私请假")}, today=TODAY)
    with pytest.raises(InputRefused) as exc:
        record_vote(voting, YEAR, yes=3, no=1, abstain=0, present=4, activity=meeting, today=TODAY)
    assert "到会 4 人多于这次党员大会签到“出席”的正式党员 3 人" in "".join(exc.value.lines())
    other = mt.add_activity({"date": "2025-12-20", "type": "党课", "topic": "党课"}, today=TODAY)
    with pytest.raises(InputRefused, match="不是支部党员大会"):
        record_vote(voting, YEAR, yes=3, no=0, abstain=0, present=3, activity=other, today=TODAY)
    v = record_vote(voting, YEAR, yes=3, no=0, abstain=0, present=3, activity=meeting, today=TODAY)
    assert v.passed and v.date == "2025-12-26" and v.activity_id == meeting


def test_a_scheme_without_a_vote_step_refuses_a_vote(yb) -> None:
    from desktop.book.votes import record_vote

    with pytest.raises(InputRefused, match="没有须党员大会表决的环节"):
        record_vote(yb, YEAR, yes=3, no=0, abstain=0, present=4, today=TODAY)


def test_a_certificate_says_the_meeting_passed_it_and_the_committee_approved_it(voting) -> None:
    """「经党支部评定、支部党员大会表决通过、上级党（工）委审批」: the vote is not an approval above."""
    from year_end_testkit import confirm_year

    from desktop.book.votes import record_vote
    from desktop.book.year_end_print import certificate_data

    confirm_year(voting)
    record_vote(voting, YEAR, yes=4, no=0, abstain=0, present=4, on="2026-01-10", today=TODAY)
    A.record_decision(voting, YEAR, "王一", approved=True, by="城关镇党委", step="报上级党（工）委审批",
                      on="2026-01-12", today=TODAY)  # fmt: skip
    (cert,) = certificate_data(voting, YEAR, today=TODAY)
    assert "经党支部评定、支部党员大会表决通过、上级党（工）委审批" in cert["text"]


# -- claims sent above the branch ------------------------------------------------------------
# Approvals of claims above the branch (issue 16 item 4). 街道 三、突出事迹加分：「在……重点工作中
# 发挥先锋模范带头作用明显，经党支部研究讨论认定，报党工委审定后确定加分分值」 — a 审定 claim of
# such an item counts only once the 党工委 approves it; until then it reads 待审批 and says who
# must approve.

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


def test_a_step_waiting_for_the_meetings_vote_reads_dai_biao_jue(voting) -> None:
    """A step the 党员大会 decides by vote waits for a vote, not an approval: it reads 待表决
    wherever it is shown (the step's line, the 年度评定 row, the CLI's rate line) while a step
    above the branch keeps 待审批; the state kept and compared stays 待审批."""
    from desktop.book.year_end import year_overview

    items = {(a.name, a.step): a for a in A.approvals(voting, YEAR, today=TODAY)}
    li = items[("李二", "提请党员大会表决通过")]
    assert li.state == "待审批" and li.pending and li.shown == "待表决"
    assert li.text() == "拟评三星级，提请党员大会表决通过：待表决"
    assert items[("王一", "报上级党（工）委审批")].shown == "待审批"
    assert A.shown_state([li]) == "待表决"
    assert A.shown_state(items.values()) == "待审批"  # one waits for the 党工委 too
    rows = {r.name: r for r in year_overview(voting, YEAR, today=TODAY).rows}
    assert rows["李二"].approval_state == "待表决" and rows["李二"].awaiting_approval
    assert rows["李二"].rating_text().endswith("（待表决）")
    assert rows["王一"].rating_text().endswith("（待审批）")
    assert not rows["李二"].certifiable
    # The township's pack lists only what waits for a body above the branch: 李二's result
    # waits for the branch's own 党员大会 (a receipt deciding it would be refused whole).
    from desktop.book.pack_figures import pack_figures

    assert pack_figures(voting, YEAR, today=TODAY)["awaiting"] == [
        {"code": "001", "name": "王一", "result": "五星级",
         "steps": [{"step": "报上级党（工）委审批", "body": "上级党（工）委"}]}
    ]  # fmt: skip


def test_who_may_vote_is_judged_on_the_meetings_day(voting) -> None:
    """预备党员 have no 表决权: a member confirmed (转正) after the meeting neither counts among
    those entitled that day nor among the 正式党员 signed in 出席 at it."""
    from desktop.book.meetings import Meetings
    from desktop.book.votes import full_members, vote_setup

    meetings = Meetings(voting)
    meeting = meetings.add_activity(
        {"date": "2025-12-26", "type": "支部党员大会", "topic": "年度评星"}, today=TODAY
    )
    meetings.record_attendance(meeting, today=TODAY)
    assert full_members(voting, "2025-12-26") == 4
    (m,) = vote_setup(voting, YEAR, today=TODAY)["meetings"]
    assert m["signed_in"] == 4
    voting.execute("update members set confirmed_date = '2026-01-05' where name = '李二'")
    assert full_members(voting, "2025-12-26") == 3
    assert full_members(voting, "2026-01-10") == 4
    (m,) = vote_setup(voting, YEAR, today=TODAY)["meetings"]
    assert m["signed_in"] == 3
