"""Who still lacks a 民主评议 result for each round and kind the scheme scores."""

from __future__ import annotations

from desktop.rules.appraisals import appraisal_gaps, gap_summary
from desktop.rules.facts import Appraisal, MemberFacts
from desktop.rules.presets import load_preset

FULL = "正式党员"


def _m(code: str, name: str, status: str = FULL, **kw: object) -> MemberFacts:
    return MemberFacts(code, name, status, joined_date=kw.pop("joined", "2000-01-01"), **kw)  # type: ignore[arg-type]


MEMBERS = [
    _m("001", "王一"),
    _m("002", "李二", exempt=True),  # 年老体弱: not scored
    _m("003", "张三", "入党积极分子", joined=None),  # never appraised
    _m("004", "赵四", left_date="2026-05-20"),  # left before the appraisal
    _m("005", "钱五", transferred_in_date="2026-09-01"),  # here for the second half only
    _m("006", "孙六", "预备党员", joined="2026-08-01"),
    _m("007", "周七", joined="2027-02-01"),  # joined after the year
]


def test_a_yearly_appraisal() -> None:
    scheme = load_preset("jiedao-nongcun")
    gaps = appraisal_gaps(scheme, MEMBERS, [Appraisal(2026, 1, "党员评议", "001", "合格")], 2026)
    [gap] = gaps
    assert (gap.kind, gap.round, gap.section) == ("党员评议", 1, "年终评议")
    # 李二 is exempt, yet the street's plan grades him by 民主评议 (appraise_exempt):
    # 「可不参加积分制管理，根据民主评议和日常表现情况确定等次」.
    assert [m.code for m in gap.missing] == ["006", "002", "005"] and gap.expected == 4
    text = gap_summary(gaps, 2026)
    assert text == "2026 年还有 3 名党员没有民主评议结果（党员评议：孙六、李二、钱五）"
    # Another year's result does not count; nothing missing gives "".
    done = [Appraisal(2026, 1, "党员评议", c, "优秀") for c in ("001", "002", "005", "006")]
    assert appraisal_gaps(scheme, MEMBERS, done, 2026) == []
    assert appraisal_gaps(scheme, MEMBERS, [Appraisal(2025, 1, "党员评议", "005", "优秀")], 2026)
    assert gap_summary([], 2026) == ""


def test_half_yearly_rounds_of_two_kinds() -> None:
    scheme = load_preset("shequ-70-20-10-20")
    gaps = appraisal_gaps(scheme, MEMBERS, [Appraisal(2026, 2, "群众评议", "005", "合格")], 2026)
    got = {(g.kind, g.round): [m.code for m in g.missing] for g in gaps}
    # 钱五 arrived in September: not in the first half's round; 孙六 joined in August.
    assert got == {
        ("党员评议", 1): ["001"],
        ("党员评议", 2): ["001", "006", "005"],  # 姓氏笔画: 王 4, 孙 6, 钱 10
        ("群众评议", 1): ["001"],
        ("群众评议", 2): ["001", "006"],
    }
    assert "党员评议（第2次）：王一、孙六、钱五" in gap_summary(gaps, 2026)
    assert "3 名党员" in gap_summary(gaps, 2026)


def test_nobody_entered_yet_and_no_appraisal_in_the_scheme() -> None:
    many = [_m(f"{n:03d}", f"党员{n}") for n in range(1, 9)]
    gaps = appraisal_gaps(load_preset("jiedao-nongcun"), many, [], 2026)
    assert (
        gap_summary(gaps, 2026)
        == "2026 年还有 8 名党员没有民主评议结果（党员评议一个结果也没有录入）"
    )
    assert appraisal_gaps(load_preset("jiguan-60-40"), many, [], 2026) == []
