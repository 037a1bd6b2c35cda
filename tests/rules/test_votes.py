"""党员大会表决 (issue 16 item 4). 党员e家 第十八条: 「党支部委员会应根据党员年度积分排名情况，
研究提出党员评星的意见，提请党员大会表决通过，并进行公示」; 社区 2、组织审核: 「一般按照党组织通报
党员加减分情况、党员本人补充陈述、与会人员讨论并表决的程序确定」. Neither plan says by what
count a vote passes, so the scheme's [[approvals]] `vote` says it: "present" (赞成票超过到会
有表决权党员的半数), "voting" (超过参加表决票数的半数) or "entitled" (超过应到会人数的半数), with
`quorum` (到会须超过应到会人数的半数) on unless turned off."""

from __future__ import annotations

import pytest

from desktop.rules.votes import VoteCount, count_problems, outcome


def test_the_plans_say_a_vote_passes_but_not_by_what_count() -> None:
    from pathlib import Path

    seed = Path("/work/shared/reference/seed-party-member-points-schemes.txt")
    if seed.exists():  # the reference text, where it is at hand
        text = seed.read_text(encoding="utf-8")
        assert "提请党员大会表决通过,并进行公示" in text
        assert "与会人员讨论并表决的程序确定" in text


def test_a_majority_of_those_present() -> None:
    c = VoteCount(expected=12, present=10, yes=6, no=3, abstain=1)
    passed, why = outcome("present", c)
    assert passed
    assert why == (
        "应到会12人，到会10人；赞成6票、反对3票、弃权1票：赞成票超过到会人数10的半数，表决通过"
    )
    # Exactly half is not a majority.
    assert not outcome("present", VoteCount(12, 10, 5, 5, 0))[0]
    # Those who did not vote count against it under "present", not under "voting".
    c = VoteCount(12, 10, 5, 2, 1)  # two present cast no ballot
    assert not outcome("present", c)[0]
    passed, why = outcome("voting", c)
    assert passed and why.endswith("赞成票超过参加表决票数8的半数，表决通过")
    # "entitled": more than half of all 12 with a vote.
    assert not outcome("entitled", VoteCount(12, 10, 6, 4, 0))[0]
    assert outcome("entitled", VoteCount(12, 10, 7, 3, 0))[0]


def test_a_meeting_without_a_quorum_cannot_pass_anything() -> None:
    c = VoteCount(expected=12, present=6, yes=6, no=0, abstain=0)
    passed, why = outcome("present", c)
    assert not passed
    assert why.endswith("到会人数没有超过应到会人数的半数，会议不能表决，未通过")
    assert outcome("present", c, quorum=False)[0]
    # Such a meeting decides nothing: with the scheme's quorum the counts are refused outright.
    assert count_problems(c, quorum=True) == [
        "到会人数不足应到会有表决权党员的半数（应到会 12 人，到会 6 人，须至少 7 人到会），"
        "本次表决无效，不能登记为审批决定：请另行召开党员大会表决。"
    ]
    assert count_problems(c, quorum=False) == []
    assert count_problems(VoteCount(12, 7, 4, 3, 0), quorum=True) == []


@pytest.mark.parametrize(
    ("count", "kw", "message"),
    [
        (
            VoteCount(12, 10, 8, 2, 1),
            {},
            "赞成、反对、弃权共 11 票，多于到会的 10 人（每人只能投一票）。",
        ),
        (VoteCount(12, 13, 8, 2, 1), {}, "到会 13 人多于应到会的 12 人。"),
        (VoteCount(12, 10, -1, 2, 1), {}, "赞成票数不能是负数（-1）。"),
        (VoteCount(12, 0, 0, 0, 0), {}, "到会人数为 0，不能表决。"),
        (
            VoteCount(40, 30, 20, 5, 5),
            {"members": 35},
            "应到会 40 人多于支部有表决权的正式党员 35 人（预备党员没有表决权）。",
        ),
        (
            VoteCount(12, 10, 8, 1, 1),
            {"signed_in": 9},
            "到会 10 人多于这次党员大会签到“出席”的正式党员 9 人（请先补全签到，或改正到会人数）。",
        ),
    ],
)
def test_impossible_counts_are_named_in_chinese(count, kw, message) -> None:
    assert message in count_problems(count, **kw)


def test_possible_counts_have_no_problem() -> None:
    assert count_problems(VoteCount(12, 10, 8, 1, 1), members=12, signed_in=10) == []
