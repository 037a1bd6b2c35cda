"""党员大会表决: whether the branch's general meeting passed a proposal, from its vote.

党员e家 第十八条: 「党支部委员会应根据党员年度积分排名情况，研究提出党员评星的意见，提请党员大会
表决通过，并进行公示」; 社区: 「与会人员讨论并表决的程序确定」. The plans say a vote passes a
proposal but not by what count, so the scheme's [[approvals]] `vote` names the rule:

- "present" (the presets' reading): 赞成票超过到会有表决权党员的半数;
- "voting": 赞成票超过参加表决（赞成、反对、弃权）票数的半数;
- "entitled": 赞成票超过应到会有表决权党员的半数.

`quorum` (default true): the meeting may vote only when more than half of those entitled are
present (the usual rule for a 支部党员大会; not in the reference plans — a scheme can turn it off).
A meeting without it decides nothing, so its vote is not recorded at all (`count_problems`
with `quorum=True` refuses it, in the window, `approval vote` and the import alike): the step
keeps waiting for a meeting that can vote, rather than reading 未批准.
Only 正式党员 vote (预备党员 have no 表决权). Pure: no book, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

VOTE_RULES = {
    "present": "赞成票超过到会有表决权党员的半数",
    "voting": "赞成票超过参加表决票数的半数",
    "entitled": "赞成票超过应到会有表决权党员的半数",
}


@dataclass(frozen=True, slots=True)
class VoteCount:
    expected: int  # 应到会（有表决权的正式党员）
    present: int  # 到会
    yes: int  # 赞成
    no: int  # 反对
    abstain: int  # 弃权

    @property
    def cast(self) -> int:
        return self.yes + self.no + self.abstain

    def text(self) -> str:
        """「应到会12人，到会10人；赞成8票、反对1票、弃权1票」"""
        return (
            f"应到会{self.expected}人，到会{self.present}人；"
            f"赞成{self.yes}票、反对{self.no}票、弃权{self.abstain}票"
        )


def count_problems(
    c: VoteCount,
    *,
    members: int | None = None,
    signed_in: int | None = None,
    quorum: bool = False,
) -> list[str]:
    """Chinese lines for counts that cannot be: negative numbers, more present than entitled,
    more votes than present, more entitled than the branch's full members (`members`), more
    present than the meeting's sign-in sheet shows (`signed_in`), and with `quorum` (the
    scheme's step requires it) a meeting of not more than half of those entitled, which
    cannot vote. [] when they can be."""
    problems = [
        f"{label}不能是负数（{value}）。"
        for label, value in (
            ("应到会人数", c.expected),
            ("到会人数", c.present),
            ("赞成票数", c.yes),
            ("反对票数", c.no),
            ("弃权票数", c.abstain),
        )
        if value < 0
    ]
    if problems:
        return problems
    if c.expected == 0:
        problems.append("应到会人数为 0：支部没有有表决权的正式党员，不能表决。")
    if c.present == 0:
        problems.append("到会人数为 0，不能表决。")
    if c.present > c.expected:
        problems.append(f"到会 {c.present} 人多于应到会的 {c.expected} 人。")
    if c.cast > c.present:
        problems.append(
            f"赞成、反对、弃权共 {c.cast} 票，多于到会的 {c.present} 人（每人只能投一票）。"
        )
    if members is not None and c.expected > members:
        problems.append(
            f"应到会 {c.expected} 人多于支部有表决权的正式党员 {members} 人（预备党员没有表决权）。"
        )
    if signed_in is not None and c.present > signed_in:
        problems.append(
            f"到会 {c.present} 人多于这次党员大会签到“出席”的正式党员 {signed_in} 人"
            "（请先补全签到，或改正到会人数）。"
        )
    if quorum and not problems and c.present * 2 <= c.expected:
        problems.append(quorum_problem(c))
    return problems


def quorum_problem(c: VoteCount) -> str:
    """Why a meeting of not more than half of those entitled cannot vote, and what to do."""
    return (
        f"到会人数不足应到会有表决权党员的半数（应到会 {c.expected} 人，到会 {c.present} 人，"
        f"须至少 {c.expected // 2 + 1} 人到会），本次表决无效，不能登记为审批决定："
        "请另行召开党员大会表决。"
    )


def outcome(rule: str, c: VoteCount, *, quorum: bool = True) -> tuple[bool, str]:
    """(passed, the reason in words) by the scheme's rule; the counts must be possible."""
    if quorum and c.present * 2 <= c.expected:
        # Only votes recorded before such a meeting was refused (count_problems) get here.
        return False, (f"{c.text()}：到会人数没有超过应到会人数的半数，会议不能表决，未通过")
    base = {"present": c.present, "voting": c.cast, "entitled": c.expected}[rule]
    whom = {"present": "到会人数", "voting": "参加表决票数", "entitled": "应到会人数"}[rule]
    passed = c.yes * 2 > base
    verb = "超过" if passed else "没有超过"
    return passed, (
        f"{c.text()}：赞成票{verb}{whom}{base}的半数，{'表决通过' if passed else '未通过'}"
    )
