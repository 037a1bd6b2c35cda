"""Scheme validation: every mistake reported in Chinese, with where it is."""

from __future__ import annotations

import pytest

from desktop.rules.scheme import SchemeError, check_scheme, load_scheme

GOOD = """
[scheme]
id = "test"
title = "测试方案"
total = 100

[[sections]]
name = "组织生活"
max = 40
mode = "deduct"

  [[sections.items]]
  id = "leave"
  name = "因私请假"
  source = "attendance"
  activity_types = ["主题党日", "党课"]
  statuses = ["因私请假"]
  tiers = [ { from = 1, to = 4, points = -1 }, { from = 5, points = -2 } ]

[[sections]]
name = "学习教育"
max = 60
mode = "deduct"

  [[sections.items]]
  id = "study"
  name = "学习"
  source = "claim"
  points = -1

  [[sections.pools]]
  name = "学习小计"
  cap = 5
  items = ["study"]

[rating]
  [[rating.levels]]
  min = 90
  stars = 5
  quota = 0.1
  [[rating.levels]]
  min = 80
  stars = 4
  quota = 0.3
  [[rating.eligibility]]
  sections = ["组织生活"]
  below = 30
  max_stars = 3

[[followups]]
name = "警示"
when = "total"
op = "<"
value = 60
"""

ITEM1 = '[[sections]] 第1项 "组织生活" items 第1项 "因私请假"'


def broken(old: str, new: str) -> list[str]:
    assert old in GOOD, old
    return check_scheme(GOOD.replace(old, new, 1))


def test_good_scheme_has_no_problems() -> None:
    assert check_scheme(GOOD) == []
    scheme = load_scheme(GOOD)
    assert [s.name for s in scheme.sections] == ["组织生活", "学习教育"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "max = 60",
            "max = 55",
            "[scheme]: 各部分满分之和为95分（40+55），与总分 total = 100 不符",
        ),
        (
            "{ from = 5, points = -2 }",
            "{ from = 4, points = -2 }",
            f"{ITEM1} tiers: 第2档与第1档重叠（第4次在两档中都有）",
        ),
        (
            "{ from = 5, points = -2 }",
            "{ from = 3, points = -2 }",
            f"{ITEM1} tiers: 第2档与第1档重叠（第3次至第4次在两档中都有）",
        ),
        (
            "{ from = 5, points = -2 }",
            "{ from = 7, points = -2 }",
            f"{ITEM1} tiers: 第1档与第2档之间缺少第5至6次",
        ),
        (
            "{ from = 1, to = 4, points = -1 }",
            "{ from = 2, to = 4, points = -1 }",
            f"{ITEM1} tiers: 第1档应从第1次开始（from = 1），而不是从第2次",
        ),
        (
            "quota = 0.1",
            "quota = 1.2",
            "[rating] levels 第1项: 名额比例 quota = 1.2 超过100%（比例写成小数，10% 写 0.1）",
        ),
        ("quota = 0.3", "quota = 0.95", "[rating]: 各档名额比例合计105%，超过100%"),
        (
            "min = 90\n  stars = 5\n  quota = 0.1",
            "min = 80\n  stars = 5",
            "[rating] levels 第2项: 与上一项分数线相同（80），上一项必须有名额比例 quota，"
            "否则本项永远评不到",
        ),
        (
            '["主题党日", "党课"]',
            '["主题党日", "党日"]',
            f"{ITEM1}: 未知的活动类型「党日」，可选：支部党员大会、支委会、党小组会、党课、"
            "主题党日、组织生活会、民主评议、志愿服务、集中学习、其他",
        ),
        (
            'statuses = ["因私请假"]',
            'statuses = ["请假"]',
            f"{ITEM1}: 未知的签到状态「请假」，可选：出席、因公请假、因私请假、无故缺席、补录",
        ),
        ("min = 80\n", "", "[rating] levels 第2项: 缺少分数线「min」"),
        (
            "min = 80",
            "min = 95",
            "[rating] levels 第2项: 分数线 95 高于上一项的 90（应从高到低排列）",
        ),
        (
            'items = ["study"]',
            'items = ["stdy"]',
            '[[sections]] 第2项 "学习教育" pools 第1项 "学习小计": 引用了本部分不存在的项目「stdy」',
        ),
        (
            'sections = ["组织生活"]',
            'sections = ["基础"]',
            "[rating] eligibility 第1项: 引用了不存在的部分「基础」，现有部分：组织生活、学习教育",
        ),
        (
            "points = -1\n",
            'points = -1\n  colour = "red"\n',
            '[[sections]] 第2项 "学习教育" items 第1项 "学习": 未知的键「colour」，可用的键：id、name、'
            "source、points、range、activity_types、statuses、dues、kind、grades、round_period、"
            "tiers、per、cap、note",
        ),
        (
            'mode = "deduct"\n\n  [[sections.items]]\n  id = "study"',
            'mode = "deduct"\nperiod = "quarter"\n\n  [[sections.items]]\n  id = "study"',
            '[[sections]] 第2项 "学习教育": 按季度计分的部分各期相加会超过满分60分，'
            '请写 combine = "average"（各期取平均），或把 period 改为 "year"',
        ),
        (
            'source = "claim"',
            'source = "manual"',
            '[[sections]] 第2项 "学习教育" items 第1项 "学习": 「source」为未知的数据来源「manual」，'
            "可选：attendance（签到（活动类型与签到状态））、dues（党费（按月））、"
            "claim（积分申报（经审定））、appraisal（民主评议等次）",
        ),
        (
            'op = "<"',
            'op = "less"',
            '[[followups]] 第1项 "警示": 「op」为未知的比较方式「less」，可选：>、>=、<、<=',
        ),
        (
            "value = 60\n",
            "",
            '[[followups]] 第1项 "警示": 缺少「value」（分数线）',
        ),
        (
            'id = "study"',
            'id = "leave"',
            '[[sections]] 第2项 "学习教育" items 第1项: 项目编号「leave」与部分「组织生活」中的项目重复',
        ),
    ],
)
def test_broken_scheme_messages(old: str, new: str, expected: str) -> None:
    problems = broken(old, new)
    assert expected in problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'source = "claim"\n  points = -1',
            'source = "claim"',
            '[[sections]] 第2项 "学习教育" items 第1项 "学习": '
            "缺少「points」（每次固定分值）或「range」（申报分值范围）",
        ),
        (
            "[rating]",
            '[veto]\neffect = "kick"\n\n[rating]',
            "[veto]: 「effect」为未知的否决效果「kick」，可选：force_1_star（直接评为一星级）、"
            "clear_period（取消期间所有积分）、exclude（不参与积分运用（不评星、不评等次））",
        ),
        (
            'name = "警示"',
            'name = "警示"\nshare = 0.1',
            '[[followups]] 第1项 "警示": 「share」只用于 when = "top_share" 或 "bottom_share"',
        ),
        (
            "[[followups]]",
            '[[followups]]\nname = "不合格"\nwhen = "repeated"\nof = "警告"\n\n[[followups]]',
            '[[followups]] 第1项 "不合格": 「of」引用了不存在的后续处理「警告」',
        ),
        ("total = 100", 'total = "一百"', "[scheme]: 「total」应为数字，而不是「一百」"),
        (
            'items = ["study"]',
            'items = ["study"]\n  [[sections.pools]]\n  name = "又一组"\n  cap = 3\n  items = ["study"]',
            '[[sections]] 第2项 "学习教育" pools 第2项 "又一组": '
            "项目「study」已属于「学习小计」，一个项目只能属于一个封顶组",
        ),
    ],
)
def test_more_broken_scheme_messages(old: str, new: str, expected: str) -> None:
    problems = broken(old, new)
    assert expected in problems, "\n".join(problems)


def test_all_problems_reported_at_once() -> None:
    text = GOOD.replace("max = 60", "max = 55").replace("quota = 0.1", "quota = 1.2")
    text = text.replace('"党课"]', '"党日"]')
    with pytest.raises(SchemeError) as info:
        load_scheme(text)
    assert len(info.value.problems) == 3
    assert str(info.value).count("\n") == 2


def test_missing_levels_is_a_missing_threshold() -> None:
    text = GOOD.split("[rating]")[0] + '[rating]\nrounding = "floor"\n'
    assert "[rating]: 缺少 [[rating.levels]]（星级或等次的分数线）" in check_scheme(text)


def test_not_toml_at_all() -> None:
    (problem,) = check_scheme('[scheme\nid = "x"')
    assert problem.startswith("第1行第")
    assert problem.endswith(": 不是有效的 TOML 格式（检查引号、等号和方括号是否成对）")


def test_empty_file() -> None:
    assert check_scheme("") == [
        "文件顶层: 缺少 [scheme] 表（方案名称、总分等）",
        "[scheme]: 缺少「id」",
        "[scheme]: 缺少「title」",
        "[scheme]: 缺少「total」",
        "文件顶层: 缺少 [[sections]]：至少要有一个积分部分",
    ]


def test_appraisal_needs_every_grade() -> None:
    text = GOOD.replace(
        'source = "claim"\n  points = -1',
        'source = "appraisal"\n  kind = "党员评议"\n  grades = { "优秀" = 10, "合格" = 8, "良" = 6 }',
    ).replace(
        'mode = "deduct"\n\n  [[sections.items]]\n  id = "study"',
        'mode = "accumulate"\n\n  [[sections.items]]\n  id = "study"',
    )
    problems = check_scheme(text)
    where = '[[sections]] 第2项 "学习教育" items 第1项 "学习"'
    assert f"{where}: grades 中未知的等次「良」，可选：优秀、合格、基本合格、不合格" in problems
    assert f"{where}: grades 缺少等次「基本合格」的分值（不得分请写 0）" in problems


# A scheme's quota_base and partial_year take only the known values.


def test_quota_base_mistake() -> None:
    with pytest.raises(SchemeError) as exc:
        load_scheme(GOOD.replace("[rating]", '[rating]\nquota_base = "all"', 1))
    assert any("「quota_base」为未知的名额基数「all」" in p for p in exc.value.problems)


def test_partial_year_mistake() -> None:
    with pytest.raises(SchemeError) as exc:
        load_scheme(GOOD.replace("total = 100", 'total = 100\npartial_year = "half"', 1))
    assert any(
        "「partial_year」为未知的不满一年的合成方式「half」" in p for p in exc.value.problems
    )
