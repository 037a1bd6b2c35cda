"""[[approvals]]: results that a body above the branch approves (issue 16 item 4)."""

from __future__ import annotations

import pytest
from test_scheme_check import GOOD, broken

from desktop.rules.presets import load_preset
from desktop.rules.scheme import load_scheme

APPROVALS = """
[[approvals]]
name = "报上级党组织审批"
by = "上级党组织"
stars = [4]

[[approvals]]
name = "报上级党（工）委审批"
by = "上级党（工）委"
stars = [5]
"""


def test_ejia_four_and_five_stars_wait_for_their_approvers() -> None:
    # 党员e家 第十八条：「拟评定为四星级党员的须报上级党组织审批，拟评定为五星级党员的须报
    # 上级党（工）委审批」
    scheme = load_preset("dangyuan-ejia")
    assert [(a.name, a.by) for a in scheme.approvals_for(4, None)] == [
        ("报上级党组织审批", "上级党组织")
    ]
    assert [(a.name, a.by) for a in scheme.approvals_for(5, None)] == [
        ("报上级党（工）委审批", "上级党（工）委")
    ]
    assert scheme.approvals_for(3, None) == ()
    assert scheme.approvals_for(None, None) == ()


def test_grades_can_need_approval_too() -> None:
    scheme = load_scheme(
        GOOD.replace("stars = 5\n", 'stars = 5\n  grade = "优秀"\n', 1)
        + '\n[[approvals]]\nname = "党员大会表决"\nby = "支部党员大会"\ngrades = ["优秀"]\n'
    )
    assert [a.name for a in scheme.approvals_for(None, "优秀")] == ["党员大会表决"]
    assert scheme.approvals_for(4, "合格") == ()


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (
            '[[approvals]]\nname = "审批"\nby = "镇党委"\n',
            '[[approvals]] 第1项 "审批": 要写「stars」（哪些星级需要审批）、「grades」（哪些等次需要审批）'
            "或「items」（哪些申报项目须经审定后计分）",
        ),
        ('[[approvals]]\nname = "审批"\nstars = [5]\n', '[[approvals]] 第1项 "审批": 缺少「by」'),
        (
            '[[approvals]]\nname = "审批"\nby = "镇党委"\nstars = [3]\n',
            '[[approvals]] 第1项 "审批": [rating] 中没有3星级，「stars」写了3',
        ),
        (
            '[[approvals]]\nname = "审批"\nby = "镇党委"\nstars = [6]\n',
            '[[approvals]] 第1项 "审批": 「stars」中的星级应为1至5，而不是6',
        ),
        (
            '[[approvals]]\nname = "审批"\nby = "镇党委"\nstars = ["五星"]\n',
            '[[approvals]] 第1项 "审批": 「stars」应为星级列表，例如 stars = [4, 5]',
        ),
        (
            '[[approvals]]\nname = "审批"\nby = "镇党委"\ngrades = ["优秀"]\n',
            '[[approvals]] 第1项 "审批": [rating] 中没有等次「优秀」，「grades」写了「优秀」',
        ),
        (
            '[[approvals]]\nname = "审批"\nby = "镇党委"\nstars = [5]\nwho = "x"\n',
            '[[approvals]] 第1项 "审批": 未知的键「who」，可用的键：name、by、stars、grades、items、note、vote、quorum',
        ),
        (
            '[[approvals]]\nname = "党员大会表决"\nby = "党员大会"\nstars = [5]\nvote = "half"\n',
            '[[approvals]] 第1项 "党员大会表决": 「vote」为未知的表决规则「half」，可选：present'
            "（赞成票超过到会有表决权党员的半数）、voting（赞成票超过参加表决票数的半数）、entitled"
            "（赞成票超过应到会有表决权党员的半数）",
        ),
        (
            '[[approvals]]\nname = "审批"\nby = "镇党委"\nstars = [5]\nquorum = false\n',
            '[[approvals]] 第1项 "审批": 「quorum」（到会须过半数）只用于党员大会表决，请同时写「vote」',
        ),
        (
            '[[approvals]]\nname = "表决"\nby = "党员大会"\nstars = [5]\nvote = "present"\n'
            'quorum = "是"\n',
            '[[approvals]] 第1项 "表决": 「quorum」应为 true 或 false',
        ),
        (
            APPROVALS + APPROVALS,
            '[[approvals]] 第3项 "报上级党组织审批": 审批名称「报上级党组织审批」重复',
        ),
    ],
)
def test_approval_mistakes_are_named_in_chinese(new: str, expected: str) -> None:
    problems = broken('[[followups]]\nname = "警示"', new + '\n[[followups]]\nname = "警示"')
    assert expected in problems, "\n".join(problems)


def test_approvals_need_a_rating() -> None:
    start, end = GOOD.index("[rating]"), GOOD.index("[[followups]]")
    problems = broken(GOOD[start:end], APPROVALS)
    assert (
        "[[approvals]]: 本方案没有 [rating]（不评星级、等次），没有需要上级审批的评定结果"
        in problems
    )


def test_the_scheme_says_what_waits_for_whom() -> None:
    from desktop.rules.describe import who_lines

    lines = who_lines(load_preset("dangyuan-ejia"))
    assert "评定为五星级的，须报上级党（工）委审批，批准前为“待审批”。" in lines
    shequ = who_lines(load_preset("shequ-70-20-10-20"))
    assert any(line.startswith("开展积分兑换：") and "兑换不改变积分" in line for line in shequ)
    two = load_scheme(TWO_BALLOTS_SCHEME)
    assert (
        "民主评议按票数定等次：“不合格”票超过30%的评为“不合格”；其余按得票最多的等次（票数相同取较低等次）。"
        in who_lines(two)
    )


TWO_BALLOTS_SCHEME = (
    GOOD + '\n[ballots]\n  [[ballots.thresholds]]\n  grade = "不合格"\n  over = 0.3\n'
)


def test_a_step_decided_by_the_general_meeting_says_its_rule() -> None:
    """党员e家 第十八条「提请党员大会表决通过」: `vote` names how the vote passes."""
    from desktop.rules.describe import ruling_lines

    scheme = load_scheme(
        GOOD + '\n[[approvals]]\nname = "提请党员大会表决通过"\nby = "支部党员大会"\nstars = [5]\n'
        'vote = "present"\n'
    )
    (a,) = scheme.approvals_for(5, None)
    assert (a.vote, a.quorum) == ("present", True)
    assert (
        "评定为五星级的，须提请党员大会表决通过（支部党员大会）（党员大会表决：到会人数超过应到会人数的"
        "半数方可表决，赞成票超过到会有表决权党员的半数为通过），批准前为“待审批”。"
    ) in ruling_lines(scheme)
    plain = load_scheme(GOOD + '\n[[approvals]]\nname = "审批"\nby = "镇党委"\nstars = [5]\n')
    assert plain.approvals[0].vote == ""
