"""民主评议 from ballots (issue 16 item 1): a tally → the grade the scheme's rule gives, every
grade explaining itself."""

from __future__ import annotations

import pytest
from rules_testkit import load_preset
from test_scheme_check import GOOD

from desktop.rules.appraisals import should_be_appraised
from desktop.rules.ballots import TallyError, derive_grade, parse_votes
from desktop.rules.facts import MemberFacts
from desktop.rules.periods import make_period
from desktop.rules.scheme import SchemeError, load_scheme

V = {"优秀": 0, "合格": 0, "基本合格": 0, "不合格": 0}


def votes(**kw: int) -> dict[str, int]:
    names = {"a": "优秀", "b": "合格", "c": "基本合格", "d": "不合格"}
    return {**V, **{names[k]: n for k, n in kw.items()}}


def test_majority_by_default_ties_go_to_the_lower_grade() -> None:
    rule = load_scheme(GOOD).ballots
    got = derive_grade(rule, votes(a=12, b=6, c=2))
    assert got.grade == "优秀"
    assert (
        got.text
        == "共20票：优秀12、合格6、基本合格2、不合格0；得票最多的是“优秀”（12票），评为“优秀”"
    )
    tie = derive_grade(rule, votes(a=8, b=8, c=1))
    assert tie.grade == "合格"
    assert "优秀、合格同为8票（得票最多且相同），取较低的“合格”" in tie.text


TWO_BALLOTS = (
    GOOD
    + """
[ballots]
rule = "majority"
note = "两票制"

  [[ballots.thresholds]]
  grade = "不合格"
  over = 0.30
"""
)


def test_two_ballot_rule_more_than_30_percent_unqualified() -> None:
    # 「评议实行党内评议和群众评议的“两票”制……群众评议不满意率超过 30%的或党员评议不合格率
    # 超过 30%的为不合格党员」
    rule = load_scheme(TWO_BALLOTS).ballots
    out = derive_grade(rule, votes(a=10, b=3, d=7))  # 7 of 20 = 35%
    assert out.grade == "不合格"
    assert "不合格票7票，占35%，超过30%，评为“不合格”" in out.text
    edge = derive_grade(rule, votes(a=10, b=4, d=6))  # exactly 30%: not over
    assert edge.grade == "优秀" and "不合格票6票，占30%，未超过30%" in edge.text


def test_weighted_votes_average_to_a_grade() -> None:
    # 「民主评议党员的结果还应结合党员自评、互评、支部评定等方式进行综合评定,各支部可根据实际
    # 设置相应的评定占比」 — each vote worth its grade's points, the average decides.
    rule = load_scheme(
        GOOD
        + """
[ballots]
rule = "weighted"
points = { "优秀" = 100, "合格" = 80, "基本合格" = 60, "不合格" = 0 }
  [[ballots.lines]]
  min = 90
  grade = "优秀"
  [[ballots.lines]]
  min = 75
  grade = "合格"
  [[ballots.lines]]
  min = 60
  grade = "基本合格"
"""
    ).ballots
    out = derive_grade(rule, votes(a=5, b=5))  # 90
    assert out.grade == "优秀" and "(5×100+5×80+0×60+0×0)÷10 = 90分" in out.text
    assert derive_grade(rule, votes(a=1, b=2, c=1)).grade == "合格"  # 80
    assert derive_grade(rule, votes(c=1, d=3)).grade == "不合格"  # 15


def test_parse_votes_as_the_command_line_writes_them() -> None:
    assert parse_votes("优秀=12,合格=6,基本合格=2,不合格=0") == votes(a=12, b=6, c=2)
    assert parse_votes("合格=3") == votes(b=3)
    for bad, message in (
        ("优=3", "看不懂"),
        ("优秀=3,优秀=4", "写了两次"),
        ("优秀=三", "不是整数"),
    ):
        with pytest.raises(TallyError, match=message):
            parse_votes(bad)
    with pytest.raises(TallyError, match="没有可计的票"):
        derive_grade(load_scheme(GOOD).ballots, V)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('[ballots]\nrule = "vote"\n', "[ballots]: 「rule」为未知的计票规则「vote」"),
        (
            '[ballots]\n[[ballots.thresholds]]\ngrade = "不合格"\n',
            "[ballots] thresholds 第1项: 「over」（超过）与「at_least」（达到）要写且只写一个，比例写小数，30% 写 0.3",
        ),
        (
            '[ballots]\n[[ballots.thresholds]]\ngrade = "不合格"\nover = 30\n',
            "[ballots] thresholds 第1项: 比例 30 超过100%（30% 写 0.3）",
        ),
        (
            '[ballots]\nrule = "weighted"\n',
            '[ballots]: 按票折分（rule = "weighted"）要写「points」：每张票各等次的分值',
        ),
        (
            '[ballots]\npoints = { "优秀" = 1 }\n',
            '[ballots]: 「points」只用于 rule = "weighted"（按票折分）',
        ),
    ],
)
def test_ballot_rule_mistakes_in_chinese(extra: str, expected: str) -> None:
    with pytest.raises(SchemeError) as exc:
        load_scheme(GOOD + extra)
    assert any(p.startswith(expected) for p in exc.value.problems), "\n".join(exc.value.problems)


def test_exempt_members_graded_by_appraisal_where_the_plan_says_so() -> None:
    # 街道 农村细则：「对于行动不便、生活不能自理……可不参加积分制管理,根据民主评议和日常表现
    # 情况确定等次」
    jiedao = load_preset("jiedao-nongcun")
    exempt = MemberFacts("001", "张三", "正式党员", exempt=True)
    period = make_period("year", 2026, 1)
    assert jiedao.who.appraise_exempt and not jiedao.who.score_exempt
    assert should_be_appraised(jiedao, exempt, period)
    assert not should_be_appraised(load_preset("dangyuan-ejia"), exempt, period)


# -- weights across separately tallied results ([ballots.combine]) ----------------------------

# 公司 五、1：「民主评议党员的结果还应结合党员自评、互评、支部评定等方式进行综合评定，各支部可
# 根据实际设置相应的评定占比」; 社区 (二)：「按照个人自评、党员互评、民主测评的程序进行……评议为
# 优秀的得 10 分，合格的得 8 分，基本合格的得 6 分，不合格的不得分」.
COMBINED = (
    GOOD
    + """
[ballots.combine]
note = "「结合党员自评、互评、支部评定等方式进行综合评定，各支部可根据实际设置相应的评定占比」"
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

  [[ballots.combine.lines]]
  min = 6
  grade = "基本合格"
"""
)


def test_separately_tallied_results_combine_by_their_weights() -> None:
    from desktop.rules.ballots import combine_grades, combine_missing

    combine = load_scheme(COMBINED).ballots.combine
    assert combine is not None and [p.name for p in combine.parts] == ["党员互评", "群众测评"]
    got = combine_grades(combine, {("党员评议", 1): "优秀", ("群众评议", 1): "合格"})
    assert got.grade == "优秀"  # 10×60% + 8×40% = 9.2
    assert got.text == (
        "综合评定：党员互评“优秀”10分×60% + 群众测评“合格”8分×40% = 9.2分；"
        "达到“优秀”的9分，评为“优秀”"
    )
    low = combine_grades(combine, {("党员评议", 1): "合格", ("群众评议", 1): "基本合格"})
    assert low.grade == "基本合格" and "= 7.2分" in low.text  # 8×60% + 6×40%, under 7.5
    worst = combine_grades(combine, {("党员评议", 1): "不合格", ("群众评议", 1): "合格"})
    assert worst.grade == "不合格" and "低于最低分数线" in worst.text  # 3.2
    from desktop.rules.describe import ruling_lines

    assert (
        "民主评议综合评定：党员互评占60%、群众测评占40%；各等次折分优秀10分、合格8分、基本合格6分、"
        "不合格0分；加权后9分以上为“优秀”，7.5分以上为“合格”，6分以上为“基本合格”。"
    ) in ruling_lines(load_scheme(COMBINED))
    assert combine_missing(combine, {("党员评议", 1): "优秀"}) == ["群众测评"]
    with pytest.raises(TallyError, match="群众测评还没有结果"):
        combine_grades(combine, {("党员评议", 1): "优秀"})


# 公司 五、1 gives no shares (「各支部可根据实际设置相应的评定占比」): these are a branch's own.
TWO_PARTS = """  [[ballots.combine.parts]]
  name = "党员互评"
  kind = "党员评议"
  weight = 0.6

  [[ballots.combine.parts]]
  name = "群众测评"
  kind = "群众评议"
  weight = 0.4
"""
THREE_PARTS = """  [[ballots.combine.parts]]
  name = "党员自评"
  kind = "自评"
  weight = 0.2

  [[ballots.combine.parts]]
  name = "党员互评"
  kind = "党员评议"
  weight = 0.5

  [[ballots.combine.parts]]
  name = "支部评定"
  kind = "组织考评"
  weight = 0.3
"""


def test_self_peer_and_branch_appraisals_combine_as_the_plan_says() -> None:
    """公司 五、1: 「民主评议党员的结果还应结合党员自评、互评、支部评定等方式进行综合评定，各支部
    可根据实际设置相应的评定占比」 — 自评 and 组织考评 (支部评定) are parts beside 党员评议 (互评)."""
    from desktop.rules.ballots import combine_grades

    assert TWO_PARTS in COMBINED
    combine = load_scheme(COMBINED.replace(TWO_PARTS, THREE_PARTS)).ballots.combine
    assert combine is not None
    got = combine_grades(
        combine, {("自评", 1): "优秀", ("党员评议", 1): "合格", ("组织考评", 1): "基本合格"}
    )
    # 10×20% + 8×50% + 6×30% = 7.8: 合格
    assert got.grade == "合格" and "党员自评“优秀”10分×20%" in got.text and "= 7.8分" in got.text


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("weight = 0.4", "weight = 0.3"),
            "[ballots.combine]: 各项占比合计应为100%（1），现在是 90%",
        ),
        (("weight = 0.6", "weight = 60"), "[ballots.combine] parts 第1项: 占比 60 超过100%"),
        (
            ('kind = "群众评议"', 'kind = "领导评价"'),
            "[ballots.combine] parts 第2项: 「kind」为未知的评议类型「领导评价」",
        ),
        (
            ('kind = "群众评议"', 'kind = "党员评议"'),
            "[ballots.combine] parts 第2项: 第1次党员评议写了两次",
        ),
        ((', "不合格" = 0', ""), "[ballots.combine] points: 缺少「不合格」"),
        (("min = 7.5", "min = 9.5"), "[ballots.combine] lines 第2项: 分数线应从高到低排列"),
        (
            (
                '[[ballots.combine.parts]]\n  name = "群众测评"',
                '[[ballots.combine.other]]\n  name = "群众测评"',
            ),
            "[ballots.combine]: ",
        ),
    ],
)
def test_combine_mistakes_in_chinese(change: tuple[str, str], expected: str) -> None:
    with pytest.raises(SchemeError) as exc:
        load_scheme(COMBINED.replace(*change, 1))
    assert any(p.startswith(expected) for p in exc.value.problems), "\n".join(exc.value.problems)


# [ballots.combine] item: the 综合评定 is what the year's 民主评议 item scores (公司 五、1:
# 「民主评议党员的结果还应结合党员自评、互评、支部评定等方式进行综合评定」), so it feeds the points
# and through them the rating; without the key it is only shown.
SCORED = (
    COMBINED.replace("max = 60", "max = 50", 1).replace(
        "[ballots.combine]\n", '[ballots.combine]\nitem = "year-appraisal"\n', 1
    )
    + """
[[sections]]
name = "民主评议"
max = 10
mode = "accumulate"

  [[sections.items]]
  id = "year-appraisal"
  name = "年度民主评议"
  source = "appraisal"
  kind = "党员评议"
  round_period = "year"
  grades = { "优秀" = 10, "合格" = 8, "基本合格" = 6, "不合格" = 0 }
"""
)


def test_the_combined_grade_is_what_the_appraisal_item_scores() -> None:
    from rules_testkit import Branch

    from desktop.rules.scoring import score

    b = Branch()
    for code in ("001", "002", "003"):
        b.member(code)
    b.appraise("001", "优秀")  # 10×60% + 0×40% = 6 → 基本合格
    b.appraise("001", "不合格", kind="群众评议")
    b.appraise("002", "合格")  # 8×60% + 10×40% = 8.8 → 合格
    b.appraise("002", "优秀", kind="群众评议")
    b.appraise("003", "优秀")  # 群众测评 missing
    got = score(load_scheme(SCORED), b.facts(), 2026)
    one, two, three = (got.member(c) for c in ("001", "002", "003"))
    assert one is not None and one.sections["民主评议"] == 6  # not 10 for his own 优秀
    line = next(ln for ln in one.lines if "民主评议" in str(ln))
    assert "综合评定：基本合格" in str(line)
    assert two is not None and two.sections["民主评议"] == 8
    assert three is not None and three.sections["民主评议"] == 0
    assert any(
        "「年度民主评议」综合评定群众测评还没有结果，未计分" in f.text for f in three.flags
    ), three.flags
    from desktop.rules.describe import ruling_lines

    assert any(
        line.endswith("“年度民主评议”按综合评定的等次计分。")
        for line in ruling_lines(load_scheme(SCORED))
    )
    # Without the key the item scores the member's own 党员评议 grade, as before.
    plain = score(load_scheme(SCORED.replace('item = "year-appraisal"\n', "")), b.facts(), 2026)
    assert plain.member("001").sections["民主评议"] == 10  # type: ignore[union-attr]


def test_self_peer_and_branch_grades_feed_the_item_and_say_where_from() -> None:
    """公司 五、1 「结合党员自评、互评、支部评定等方式进行综合评定」 with `item`: the item scores
    the 综合评定 of the three, and the explained line writes the sum out."""
    from rules_testkit import Branch

    from desktop.rules.scoring import score

    b = Branch()
    for code in ("001", "002"):
        b.member(code)
    b.appraise("001", "优秀", kind="自评")  # 10×20% + 8×50% + 0×30% = 6 → 基本合格
    b.appraise("001", "合格")
    b.appraise("001", "不合格", kind="组织考评")
    b.appraise("002", "优秀", kind="自评")  # 组织考评 missing
    b.appraise("002", "优秀")
    got = score(load_scheme(SCORED.replace(TWO_PARTS, THREE_PARTS)), b.facts(), 2026)
    one, two = got.member("001"), got.member("002")
    assert one is not None and one.sections["民主评议"] == 6
    line = str(next(ln for ln in one.lines if "民主评议" in str(ln)))
    assert (
        "2026年第1轮综合评定：基本合格（党员自评“优秀”10分×20% + 党员互评“合格”8分×50% + "
        "支部评定“不合格”0分×30% = 6分；达到“基本合格”的6分，评为“基本合格”）"
    ) in line, line
    assert two is not None and two.sections["民主评议"] == 0
    assert any("综合评定支部评定还没有结果，未计分" in f.text for f in two.flags), two.flags


def test_who_graded_the_self_and_branch_parts_is_said_with_the_sum() -> None:
    """公司 五、1: 党员自评 is the member's own, 支部评定 the committee's, each on a day; the
    explained 综合评定 names who graded those parts and when (the voted 互评 has its round)."""
    from rules_testkit import Branch

    from desktop.rules.facts import graded_words
    from desktop.rules.scoring import score

    assert graded_words("自评", "王一", "2027-01-08") == "王一（本人）于2027-01-08评定"
    assert graded_words("组织考评", "支委会", None) == "支委会评定"
    assert graded_words("组织考评", "", "2027-01-12") == "2027-01-12评定"
    assert graded_words("组织考评", "", None) == ""  # recorded before schema 18: not known
    b = Branch()
    b.member("001")
    b.appraise("001", "优秀", kind="自评", graded_by="王一", on="2027-01-08")
    b.appraise("001", "合格")
    b.appraise("001", "不合格", kind="组织考评", graded_by="支委会", on="2027-01-12")
    got = score(load_scheme(SCORED.replace(TWO_PARTS, THREE_PARTS)), b.facts(), 2026)
    one = got.member("001")
    assert one is not None and one.sections["民主评议"] == 6  # unchanged by who and when
    line = str(next(ln for ln in one.lines if "民主评议" in str(ln)))
    assert (
        "= 6分；达到“基本合格”的6分，评为“基本合格”；党员自评：王一（本人）于2027-01-08评定；"
        "支部评定：支委会于2027-01-12评定）"
    ) in line, line


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('item = "year-appraisal"', 'item = "nothing"'),
            "[ballots.combine] item: 本方案没有项目「nothing」",
        ),
        (
            ('item = "year-appraisal"', 'item = "leave"'),
            "[ballots.combine] item: 项目「leave」不是民主评议项目",
        ),
        (
            (
                'grades = { "优秀" = 10, "合格" = 8, "基本合格" = 6,',
                'grades = { "优秀" = 10, "合格" = 8,',
            ),
            "[ballots.combine] item: 项目「year-appraisal」的 grades 没有“基本合格”的分值",
        ),
    ],
)
def test_combine_item_mistakes_in_chinese(change: tuple[str, str], expected: str) -> None:
    text = SCORED.replace(*change, 1)
    assert text != SCORED
    with pytest.raises(SchemeError) as exc:
        load_scheme(text)
    assert any(p.startswith(expected) for p in exc.value.problems), "\n".join(exc.value.problems)


def test_a_missing_part_holds_up_the_year_as_a_missing_grade_would() -> None:
    """With `item`, a member without his 自评 or 组织考评 loses the item's points; confirming
    the year's last period locks the appraisals, so the missing part is named before it."""
    from rules_testkit import Branch

    from desktop.rules.appraisals import appraisal_gaps, gap_summary

    b = Branch()
    b.member("001", name="王一")
    b.appraise("001", "优秀")
    b.appraise("001", "合格", kind="组织考评")
    three = SCORED.replace(TWO_PARTS, THREE_PARTS)
    gaps = appraisal_gaps(load_scheme(three), b.facts().members, b.appraisals, 2026)
    assert [(g.kind, [m.code for m in g.missing]) for g in gaps] == [("自评", ["001"])]
    assert gap_summary(gaps, 2026) == "2026 年还有 1 名党员没有民主评议结果（自评：王一）"
    # Shown only (no item): nothing is held up.
    shown = load_scheme(three.replace('item = "year-appraisal"\n', ""))
    assert appraisal_gaps(shown, b.facts().members, b.appraisals, 2026) == []


def test_gongsi_gives_no_shares_so_the_preset_invents_none() -> None:
    """公司 五、1: 「民主评议党员的结果还应结合党员自评、互评、支部评定等方式进行综合评定，各支部
    可根据实际设置相应的评定占比」 — no numbers: the preset has no [ballots.combine]; its header
    says so, and the commented example, once uncommented, is a scheme `scheme check` accepts."""
    from desktop.rules.presets import preset_text

    text = preset_text("gongsi-90-10")
    assert load_scheme(text).ballots.combine is None
    assert "方案没有给出三者的占比，本预置不编数字" in text
    example = text.split("# [ballots.combine]\n", 1)[1]
    uncommented = "[ballots.combine]\n" + "\n".join(
        line.removeprefix("# ") for line in example.splitlines()
    )
    combine = load_scheme(text + "\n" + uncommented).ballots.combine
    assert combine is not None
    assert [(p.name, p.kind) for p in combine.parts] == [
        ("党员自评", "自评"),
        ("党员互评", "党员评议"),
        ("支部评定", "组织考评"),
    ]
    assert sum(p.weight for p in combine.parts) == 1
