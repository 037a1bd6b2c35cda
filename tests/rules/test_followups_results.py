"""Follow-ups keyed on the result (issue 16 item 3): stars, grade, a score band, a rank count,
several periods running — each test quotes the plan it encodes."""

from __future__ import annotations

import pytest
from rules_testkit import Branch, load_preset

from desktop.rules.scheme import SchemeError, load_scheme
from desktop.rules.scoring import score

LIANGHUA = load_preset("lianghua-dingji")


def _names(result, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.name for f in result.member(code).flags if f.kind == "followup"]


def test_lianghua_consequences_follow_the_stars_not_score_lines() -> None:
    # 量化定级 五、考核评比类别：「达到 90 分以上(含 90 分)为“五星”党员,评定为“优秀”,党组织要
    # 进行通报表扬,推荐优秀共产党员」「80~89 分为“四星”党员、70~79 分为“三星”党员,评定为“合格”,
    # 党支部要肯定优点、提出希望和要求」「60~69 为“二星”党员,评定为“基本合格”,党支部采取谈心谈话
    # 提醒……」; 一票否决：「直接被评为“一星”党员」.
    b = Branch()
    b.member("001")  # 100 → 五星
    b.member("002")
    b.claim("002", "2026-01-10", "ability", -10)
    b.claim("002", "2026-02-10", "ability", -10)
    b.claim("002", "2026-03-10", "ability", -10)  # 业务能力 0 → 90 − 10 … 80 → 四星
    b.member("003")
    for month in ("01", "02", "03"):
        for item in ("ability", "dedication", "pairing"):
            b.claim("003", f"2026-{month}-10", item, -10)  # 70 → 三星
    b.member("004")
    for month in ("01", "02", "03"):
        for item in ("ability", "dedication", "pairing", "execution"):
            b.claim("004", f"2026-{month}-10", item, -10)  # 60 → 二星
    b.member("005")  # 100 points, but vetoed: 一星
    b.veto("005", "2026-02-15", "被司法机关立案侦查")
    for code in ("001", "002", "003", "004", "005"):  # 党员互评、群众测评 full
        b.claim(code, "2026-03-25", "peer", 10)
        b.claim(code, "2026-03-26", "mass", 10)
    result = score(LIANGHUA, b.facts(), 2026, quarter=1)
    assert [result.member(c).total for c in ("001", "002", "003", "004", "005")] == [
        100, 90, 70, 60, 100,
    ]  # fmt: skip
    assert _names(result, "001") == ["通报表扬、推荐优秀共产党员"]
    assert _names(result, "003") == ["肯定优点、提出希望和要求"]
    assert _names(result, "004") == ["谈心谈话、限期整改"]
    # The vetoed one-star member: 结对帮扶, never 「通报表扬」 (the old total ≥ 90 line did).
    assert _names(result, "005") == ["结对帮扶、转化教育"]
    # The year is not rated by this scheme (季度评星): no star follow-ups on the year.
    assert _names(score(LIANGHUA, b.facts(), 2026), "001") == []


def test_a_one_star_member_is_not_also_told_to_talk() -> None:
    # 「60~69 为“二星”」: 谈心谈话 is for 二星 only, not for everyone under 70 (it was < 70).
    b = Branch()
    b.member("001")
    b.claim("001", "2026-03-25", "peer", 10)
    b.claim("001", "2026-03-26", "mass", 10)
    for month in ("01", "02", "03"):
        for item in ("ability", "dedication", "pairing", "execution", "innovation"):
            b.claim("001", f"2026-{month}-10", item, -10)  # 50 → 一星
    assert _names(score(LIANGHUA, b.facts(), 2026, quarter=1), "001") == ["结对帮扶、转化教育"]


BASE = """
[scheme]
id = "t"
title = "测试"
total = 100
period = "quarter"
combine = "average"

[[sections]]
name = "日常"
max = 100
mode = "deduct"

  [[sections.items]]
  id = "minus"
  name = "扣分"
  source = "claim"
  range = [-100, 0]

[rating]
per = "quarter"
  [[rating.levels]]
  min = 90
  grade = "优秀"
  [[rating.levels]]
  min = 75
  grade = "良好"
  [[rating.levels]]
  min = 60
  grade = "基本合格"
  [[rating.levels]]
  min = 0
  grade = "不合格"
"""


def _branch(points: dict[str, list[int]]) -> Branch:
    """Members whose quarter totals are 100 − the given deductions, quarter by quarter."""
    b = Branch()
    for code, per_quarter in points.items():
        b.member(code)
        for q, minus in enumerate(per_quarter, start=1):
            if minus:
                b.claim(code, f"2026-{3 * q - 1:02d}-10", "minus", -minus)
    return b


def test_rank_top_three_two_quarters_running() -> None:
    # 局 积分手册：「党员连续两个季度平均积分排名前 3位,确定为该党支部党员示范岗」
    scheme = load_scheme(
        BASE + '[[followups]]\nname = "党员示范岗"\nwhen = "top_count"\ncount = 3\nperiods = 2\n'
    )
    b = _branch(
        {
            "001": [0, 0],  # 1st, 1st
            "002": [1, 5],  # 2nd, 4th
            "003": [2, 1],  # 3rd, 2nd
            "004": [9, 2],  # 5th, 3rd
            "005": [3, 9],  # 4th, 5th
        }
    )
    q1 = score(scheme, b.facts(), 2026, quarter=1)
    assert [c for c in ("001", "002", "003", "004", "005") if _names(q1, c)] == []  # no Q0
    q2 = score(scheme, b.facts(), 2026, quarter=2)
    assert [c for c in ("001", "002", "003", "004", "005") if _names(q2, c)] == ["001", "003"]


def test_rank_count_never_splits_a_tie() -> None:
    scheme = load_scheme(BASE + '[[followups]]\nname = "先锋岗"\nwhen = "top_count"\ncount = 2\n')
    result = score(scheme, _branch({"001": [0], "002": [5], "003": [5]}).facts(), 2026, quarter=1)
    assert [c for c in ("001", "002", "003") if _names(result, c)] == ["001"]


def test_grade_and_band() -> None:
    # 社区 五、结果运用：「对评为基本合格党员的,街道党工委要会同社区党委对其进行警示谈话,并安排
    # 专人结对帮教」; 局：「良好等次:75 分——89 分」 as a band.
    scheme = load_scheme(
        BASE
        + '[[followups]]\nname = "警示谈话、结对帮教"\nwhen = "grade"\ngrades = ["基本合格"]\n'
        + '[[followups]]\nname = "良好"\nwhen = "band"\nfrom = 75\nbelow = 90\n'
    )
    result = score(scheme, _branch({"001": [0], "002": [20], "003": [30]}).facts(), 2026, quarter=1)
    assert _names(result, "001") == []
    assert _names(result, "002") == ["良好"]
    assert _names(result, "003") == ["警示谈话、结对帮教"]


def test_one_star_at_year_end_goes_to_the_street_branch() -> None:
    # 街道：「各党组织根据年终党员先锋指数评定为一星级党员的,将该党员组织关系转入街道整转支部
    # 进行统一教育管理」
    text = load_preset_text("lianghua-dingji").replace(
        'per = "quarter"        # 季度评星', 'per = "year"'
    )
    scheme = load_scheme(
        text + '[[followups]]\nname = "转入街道整转支部"\nwhen = "stars"\nstars = [1]\n'
    )
    b = Branch()
    b.member("001")
    b.veto("001", "2026-06-01", "受到党纪处分")
    assert "转入街道整转支部" in _names(score(scheme, b.facts(), 2026), "001")


def load_preset_text(preset: str) -> str:
    from desktop.rules.presets import preset_text

    return preset_text(preset)


def test_jiguan_clean_base_means_the_base_duties_deductions() -> None:
    # 机关 五、积分运用（二）：「对积分排名靠前 10%的党员,在基本分无扣分的前提下,作为评先评优的
    # 推荐对象」 — a deduction for 年度考核基本称职 is not a deduction from 基本分.
    jiguan = load_preset("jiguan-60-40")
    b = Branch()
    for i in range(1, 11):
        b.member(f"{i:03d}")
        for k in range(i + 2 * (i == 10)):  # 3 points each; 010 attends 12 times (36)
            b.attend(f"{i:03d}", f"2026-0{1 + k % 5}-{10 + k:02d}", "出席", "党课")
    b.claim("010", "2026-03-01", "review-basic", -3)  # top, deducted outside the base duties
    first = score(jiguan, b.facts(), 2026, half=1)
    assert "评先评优推荐对象" in _names(first, "010")
    b.attend("010", "2026-05-20", "无故缺席", "党课")  # a base-duty deduction
    second = score(jiguan, b.facts(), 2026, half=1)
    assert "评先评优推荐对象" not in _names(second, "010")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            '[[followups]]\nname = "x"\nwhen = "band"\n',
            '[[followups]] 第1项 "x": 缺少「from」（不低于）或「below」（低于）：如「60~69分」写 from = 60、below = 70',
        ),
        (
            '[[followups]]\nname = "x"\nwhen = "band"\nfrom = 70\nbelow = 60\n',
            '[[followups]] 第1项 "x": 区间下限 from = 70 不低于上限 below = 60',
        ),
        (
            '[[followups]]\nname = "x"\nwhen = "stars"\nstars = [5]\n',
            '[[followups]] 第1项 "x": [rating] 中没有5星级，「stars」写了5',
        ),
        (
            '[[followups]]\nname = "x"\nwhen = "grade"\ngrades = ["合格"]\n',
            '[[followups]] 第1项 "x": [rating] 中没有等次「合格」，「grades」写了「合格」',
        ),
        (
            '[[followups]]\nname = "x"\nwhen = "top_count"\n',
            '[[followups]] 第1项 "x": 缺少「count」',
        ),
        (
            '[[followups]]\nname = "x"\nwhen = "total"\nvalue = 60\ncount = 3\n',
            '[[followups]] 第1项 "x": 「count」只用于 when = "top_count"、"bottom_count"，不用于 "total"',
        ),
        (
            '[[followups]]\nname = "x"\nwhen = "top_count"\ncount = 3\nrequires_clean_items = ["nope"]\n',
            '[[followups]] 第1项 "x": 「requires_clean_items」引用了不存在的项目「nope」',
        ),
        (
            '[[followups]]\nname = "x"\nwhen = "top_count"\ncount = 3\nperiods = 0\n',
            '[[followups]] 第1项 "x": 「periods」应为1至12的整数，而不是0',
        ),
    ],
)
def test_result_keyed_follow_up_mistakes(extra: str, expected: str) -> None:
    with pytest.raises(SchemeError) as exc:
        load_scheme(BASE + extra)
    assert expected in exc.value.problems, "\n".join(exc.value.problems)


def test_stars_follow_ups_need_a_rating() -> None:
    text = (
        BASE[: BASE.index("[rating]")] + '[[followups]]\nname = "x"\nwhen = "stars"\nstars = [1]\n'
    )
    with pytest.raises(SchemeError) as exc:
        load_scheme(text)
    assert (
        '[[followups]] 第1项 "x": 本方案没有 [rating]（不评星级、等次），不能按星级、等次触发'
        in exc.value.problems
    )
