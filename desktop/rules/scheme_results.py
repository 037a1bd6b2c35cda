"""Reading what a scheme does with the scores: [rating] (levels, quotas, eligibility),
[veto], [[followups]] and [[approvals]].
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from desktop.rules.scheme_model import (
    FOLLOWUP_WHEN,
    OPS,
    PERIOD_WORDS,
    RATING_GRADES,
    ROUNDINGS,
    VETO_EFFECTS,
    Approval,
    Ballots,
    Combine,
    CombinePart,
    Eligibility,
    FollowUp,
    GradeThreshold,
    Level,
    Rating,
    VetoKind,
    VetoRules,
)
from desktop.rules.scheme_reader import Reader, fmt, options_text, pct

_RATING_KEYS = ("levels", "eligibility", "rounding", "per", "quota_base", "note")
QUOTA_BASES = {"rated": "参评人数", "members": "党员总数"}
_LEVEL_KEYS = ("min", "stars", "grade", "quota", "small_branch_below", "small_branch_count")
_ELIG_KEYS = ("sections", "below", "max_stars", "deny_grades", "reason")
_VETO_KEYS = ("effect", "kinds", "no_party_life_months", "no_dues_months")
_APPROVAL_KEYS = ("name", "by", "stars", "grades", "items", "note", "vote", "quorum")
_FOLLOWUP_KEYS = (
    "name",
    "when",
    "op",
    "value",
    "section",
    "share",
    "of",
    "requires_clean_section",
    "requires_clean_items",
    "from",
    "below",
    "stars",
    "grades",
    "count",
    "periods",
    "note",
)
# Which keys each `when` reads (beyond name/note/periods): any other is a mistake.
_WHEN_KEYS = {
    "total": ("op", "value"),
    "section": ("section", "op", "value"),
    "top_share": ("share", "requires_clean_section", "requires_clean_items"),
    "bottom_share": ("share",),
    "cleared": (),
    "repeated": ("of",),
    "band": ("from", "below"),
    "stars": ("stars",),
    "grade": ("grades",),
    "top_count": ("count", "requires_clean_section", "requires_clean_items"),
    "bottom_count": ("count",),
}


def read_rating(r: Reader, data: Mapping[str, Any], names: Sequence[str]) -> Rating | None:
    raw = r.table(data, "rating", "文件顶层")
    if raw is None:
        return None
    where = "[rating]"
    r.keys(raw, _RATING_KEYS, where)
    rounding = r.choice(raw, "rounding", where, ROUNDINGS, "floor", "取整规则") or "floor"
    base = r.choice(raw, "quota_base", where, QUOTA_BASES, "rated", "名额基数") or "rated"
    per = r.choice(raw, "per", where, PERIOD_WORDS, "year", "评定周期") or "year"
    levels: list[Level] = []
    raw_levels = r.tables(raw, "levels", where)
    if not raw_levels:
        r.add(where, "缺少 [[rating.levels]]（星级或等次的分数线）")
    for k, lv in enumerate(raw_levels, start=1):
        w = f"{where} levels 第{k}项"
        r.keys(lv, _LEVEL_KEYS, w)
        minimum = r.number(lv, "min", w)
        if minimum is None and "min" not in lv:
            r.add(w, "缺少分数线「min」")
        stars = r.integer(lv, "stars", w, low=1, high=5)
        grade = r.choice(lv, "grade", w, RATING_GRADES, "", "等次") or None
        if stars is None and grade is None and "stars" not in lv and "grade" not in lv:
            r.add(w, "至少要写「stars」（星级）或「grade」（等次）之一")
        quota = r.number(lv, "quota", w, positive=True)
        if quota is not None and quota > 1:
            r.add(w, f"名额比例 quota = {fmt(quota)} 超过100%（比例写成小数，10% 写 0.1）")
            quota = None
        below = r.integer(lv, "small_branch_below", w, low=1)
        count = r.integer(lv, "small_branch_count", w, default=0, low=0) or 0
        if (below is None) != ("small_branch_count" not in lv):
            r.add(w, "「small_branch_below」与「small_branch_count」要一起写")
        if minimum is not None:
            levels.append(Level(minimum, stars, grade, quota, below, count))
    if len(levels) == len(raw_levels):
        for k in range(1, len(levels)):
            # Equal lines are allowed: stars then differ only by quota (星级评定 "三星级起评").
            if levels[k].min > levels[k - 1].min:
                r.add(
                    f"{where} levels 第{k + 1}项",
                    f"分数线 {fmt(levels[k].min)} 高于上一项的 {fmt(levels[k - 1].min)}"
                    "（应从高到低排列）",
                )
            elif levels[k].min == levels[k - 1].min and levels[k - 1].quota is None:
                r.add(
                    f"{where} levels 第{k + 1}项",
                    f"与上一项分数线相同（{fmt(levels[k].min)}），上一项必须有名额比例 quota，"
                    "否则本项永远评不到",
                )
            a, b = levels[k - 1].stars, levels[k].stars
            if a is not None and b is not None and b >= a:
                r.add(f"{where} levels 第{k + 1}项", f"星级 {b} 应低于上一项的 {a}")
    shares = [lv.quota for lv in levels if lv.quota is not None]
    if shares and sum(shares) > 1:
        r.add(where, f"各档名额比例合计{pct(sum(shares))}，超过100%")
    eligibility: list[Eligibility] = []
    for k, e in enumerate(r.tables(raw, "eligibility", where), start=1):
        w = f"{where} eligibility 第{k}项"
        r.keys(e, _ELIG_KEYS, w)
        secs = r.text_list(e, "sections", w, required=True)
        for s in secs:
            if s not in names:
                r.add(w, f"引用了不存在的部分「{s}」，现有部分：{options_text(names)}")
        below_value = r.number(e, "below", w, required=True)
        max_stars = r.integer(e, "max_stars", w, low=0, high=5)
        deny = r.text_list(e, "deny_grades", w, RATING_GRADES, "等次")
        if max_stars is None and not deny:
            r.add(
                w,
                "要写「max_stars」（最多可评几星，0 = 不评星）或「deny_grades」（不得评定的等次）",
            )
        if below_value is not None:
            eligibility.append(
                Eligibility(secs, below_value, max_stars, frozenset(deny), r.text(e, "reason", w))
            )
    return Rating(
        tuple(levels), tuple(eligibility), rounding, per, r.text(raw, "note", where), base
    )


def read_veto(r: Reader, data: Mapping[str, Any]) -> VetoRules:
    raw = r.table(data, "veto", "文件顶层") or {}
    where = "[veto]"
    r.keys(raw, _VETO_KEYS, where)
    effect = r.choice(raw, "effect", where, VETO_EFFECTS, "exclude", "否决效果") or "exclude"
    kinds: list[VetoKind] = []
    for k, v in enumerate(r.tables(raw, "kinds", where), start=1):
        w = f"{where} kinds 第{k}项"
        r.keys(v, ("name", "effect"), w)
        name = r.text(v, "name", w, required=True)
        kinds.append(
            VetoKind(name, r.choice(v, "effect", w, VETO_EFFECTS, effect, "否决效果") or effect)
        )
    months = r.integer(raw, "no_party_life_months", where, default=6, low=0, high=24)
    dues = r.integer(raw, "no_dues_months", where, default=6, low=0, high=24)
    return VetoRules(effect, tuple(kinds), months or 0, dues or 0)


def read_followups(
    r: Reader,
    data: Mapping[str, Any],
    names: Sequence[str],
    rating: Rating | None = None,
    item_ids: Sequence[str] = (),
) -> list[FollowUp]:
    out: list[FollowUp] = []
    raws = r.tables(data, "followups", "文件顶层")
    all_names = [f.get("name") for f in raws]
    for k, f in enumerate(raws, start=1):
        fname = f.get("name") if isinstance(f.get("name"), str) else ""
        w = f'[[followups]] 第{k}项 "{fname}"' if fname else f"[[followups]] 第{k}项"
        r.keys(f, _FOLLOWUP_KEYS, w)
        name = r.text(f, "name", w, required=True)
        when = r.choice(f, "when", w, FOLLOWUP_WHEN, None, "触发条件")
        op = r.choice(f, "op", w, OPS, "<", "比较方式") or "<"
        value = r.number(f, "value", w)
        share = r.number(f, "share", w, positive=True)
        section = r.text(f, "section", w) or None
        of = r.text(f, "of", w) or None
        clean = r.text(f, "requires_clean_section", w) or None
        if when in ("total", "section") and value is None:
            r.add(w, "缺少「value」（分数线）")
        if when == "section" and section is None:
            r.add(w, "缺少「section」（哪个部分）")
        if section is not None and section not in names:
            r.add(w, f"引用了不存在的部分「{section}」，现有部分：{options_text(names)}")
        if clean is not None and clean not in names:
            r.add(w, f"引用了不存在的部分「{clean}」，现有部分：{options_text(names)}")
        if when in ("top_share", "bottom_share"):
            if share is None:
                r.add(w, "缺少「share」（比例，10% 写 0.1）")
            elif share > 1:
                r.add(w, f"比例 share = {fmt(share)} 超过100%（10% 写 0.1）")
                share = None
        if share is not None and when not in ("top_share", "bottom_share"):
            r.add(w, '「share」只用于 when = "top_share" 或 "bottom_share"')
        if when in _WHEN_KEYS:
            for key in _WHEN_KEYS_CHECKED:
                if key in f and key not in _WHEN_KEYS[when] and key != "share":
                    users = "、".join(f'"{k}"' for k, v in _WHEN_KEYS.items() if key in v)
                    r.add(w, f'「{key}」只用于 when = {users}，不用于 "{when}"')
        extra = _read_followup_extra(r, f, w, when, rating, item_ids)
        if when == "repeated":
            if of is None:
                r.add(w, "缺少「of」（连续两年出现的是哪一项后续处理）")
            elif of not in all_names:
                r.add(w, f"「of」引用了不存在的后续处理「{of}」")
        if when is not None:
            out.append(
                FollowUp(
                    name,
                    when,
                    op,
                    value,
                    section,
                    share,
                    of,
                    clean,
                    r.text(f, "note", w),
                    **extra,
                )
            )
    return out


_WHEN_KEYS_CHECKED = ("from", "below", "stars", "grades", "count", "requires_clean_items")


def _read_followup_extra(
    r: Reader,
    f: Mapping[str, Any],
    w: str,
    when: str | None,
    rating: Rating | None,
    item_ids: Sequence[str],
) -> dict[str, Any]:
    """The keys of result-keyed follow-ups: band, stars, grade, counts, periods running."""
    out: dict[str, Any] = {}
    if when == "band":
        low = r.number(f, "from", w)
        below = r.number(f, "below", w)
        if low is None and below is None:
            r.add(
                w,
                "缺少「from」（不低于）或「below」（低于）：如「60~69分」写 from = 60、below = 70",
            )
        elif low is not None and below is not None and low >= below:
            r.add(w, f"区间下限 from = {fmt(low)} 不低于上限 below = {fmt(below)}")
        out.update(low=low, below=below)
    if when in ("stars", "grade"):
        if rating is None:
            r.add(w, "本方案没有 [rating]（不评星级、等次），不能按星级、等次触发")
        if when == "stars":
            raw = f.get("stars")
            if isinstance(raw, int) and not isinstance(raw, bool):
                raw = [raw]
            if raw is None:
                r.add(w, "缺少「stars」（哪些星级，如 stars = [2]）")
                raw = []
            if not isinstance(raw, list) or not all(
                isinstance(s, int) and not isinstance(s, bool) for s in raw
            ):
                r.add(w, "「stars」应为星级列表，例如 stars = [4, 5]")
                raw = []
            known = {lv.stars for lv in rating.levels} if rating else set()
            for s in raw:
                if rating is not None and s not in known:
                    r.add(w, f"[rating] 中没有{s}星级，「stars」写了{s}")
            out["stars"] = frozenset(raw)
        else:
            grades = r.text_list(f, "grades", w, RATING_GRADES, "等次", required=True)
            known_g = {lv.grade for lv in rating.levels} if rating else set()
            for g in grades:
                if rating is not None and g in RATING_GRADES and g not in known_g:
                    r.add(w, f"[rating] 中没有等次「{g}」，「grades」写了「{g}」")
            out["grades"] = frozenset(grades)
    if when in ("top_count", "bottom_count"):
        count = r.integer(f, "count", w, low=1, high=1000, required=True)
        out["count"] = count
    clean_items = r.text_list(f, "requires_clean_items", w)
    for item_id in clean_items:
        if item_id not in item_ids:
            r.add(w, f"「requires_clean_items」引用了不存在的项目「{item_id}」")
    out["requires_clean_items"] = tuple(clean_items)
    periods = r.integer(f, "periods", w, default=1, low=1, high=12) or 1
    if periods > 1 and when == "repeated":
        r.add(w, '「periods」不用于 when = "repeated"（它本身就是连续两年）')
    out["periods"] = periods
    return out


def read_approvals(
    r: Reader,
    data: Mapping[str, Any],
    rating: Rating | None,
    claim_ids: Sequence[str] = (),
) -> list[Approval]:
    """[[approvals]]: results (stars, grades) and claims of the named items (`items`) that wait
    for a body above the branch (待审批 until approved)."""
    out: list[Approval] = []
    raws = r.tables(data, "approvals", "文件顶层")
    if rating is None and any("stars" in a or "grades" in a for a in raws):
        r.add("[[approvals]]", "本方案没有 [rating]（不评星级、等次），没有需要上级审批的评定结果")
        return out
    stars_known = {lv.stars for lv in rating.levels} if rating else set()
    grades_known = {lv.grade for lv in rating.levels} if rating else set()
    seen: set[str] = set()
    for k, a in enumerate(raws, start=1):
        aname = a.get("name") if isinstance(a.get("name"), str) else ""
        w = f'[[approvals]] 第{k}项 "{aname}"' if aname else f"[[approvals]] 第{k}项"
        r.keys(a, _APPROVAL_KEYS, w)
        name = r.text(a, "name", w, required=True)
        by = r.text(a, "by", w, required=True)
        if name in seen:
            r.add(w, f"审批名称「{name}」重复")
        seen.add(name)
        stars: list[int] = []
        raw_stars = a.get("stars", [])
        if isinstance(raw_stars, int) and not isinstance(raw_stars, bool):
            raw_stars = [raw_stars]
        if not isinstance(raw_stars, list) or not all(
            isinstance(s, int) and not isinstance(s, bool) for s in raw_stars
        ):
            r.add(w, "「stars」应为星级列表，例如 stars = [4, 5]")
        else:
            for s in raw_stars:
                if not 1 <= s <= 5:
                    r.add(w, f"「stars」中的星级应为1至5，而不是{s}")
                elif s not in stars_known:
                    r.add(w, f"[rating] 中没有{s}星级，「stars」写了{s}")
                else:
                    stars.append(s)
        grades = r.text_list(a, "grades", w, RATING_GRADES, "等次")
        for g in grades:
            if g in RATING_GRADES and g not in grades_known:
                r.add(w, f"[rating] 中没有等次「{g}」，「grades」写了「{g}」")
        items = r.text_list(a, "items", w, None, "申报项目")
        for i in items:
            if i not in claim_ids:
                known = "、".join(claim_ids) or "（本方案没有可申报的项目）"
                r.add(w, f"「items」中的“{i}”不是本方案可申报的项目，可写：{known}")
        if "stars" not in a and "grades" not in a and "items" not in a:
            r.add(
                w,
                "要写「stars」（哪些星级需要审批）、「grades」（哪些等次需要审批）"
                "或「items」（哪些申报项目须经审定后计分）",
            )
        # 党员大会表决 (党员e家 第十八条「提请党员大会表决通过」): decided by a recorded vote.
        from desktop.rules.votes import VOTE_RULES

        vote = r.choice(a, "vote", w, VOTE_RULES, "", "表决规则") or ""
        quorum = r.boolean(a, "quorum", w, True)
        if "quorum" in a and not vote:
            r.add(w, "「quorum」（到会须过半数）只用于党员大会表决，请同时写「vote」")
        out.append(
            Approval(
                name,
                by,
                frozenset(stars),
                frozenset(g for g in grades if g in grades_known),
                r.text(a, "note", w),
                frozenset(i for i in items if i in claim_ids),
                vote,
                quorum,
            )
        )
    return out


_BALLOT_KEYS = ("rule", "thresholds", "points", "lines", "note", "combine")
_COMBINE_KEYS = ("parts", "points", "lines", "note", "item")
_PART_KEYS = ("name", "kind", "round", "weight")
_COMBINE_KINDS = ("党员评议", "群众评议", "自评", "组织考评")  # rules.facts.APPRAISAL_KINDS
_THRESHOLD_KEYS = ("grade", "over", "at_least", "or_worse")
BALLOT_RULES = {"majority": "得票最多的等次（票数相同取较低等次）", "weighted": "按票折分取平均"}
_APPRAISAL_GRADES = ("优秀", "合格", "基本合格", "不合格")


def read_ballots(r: Reader, data: Mapping[str, Any]) -> Ballots:
    """[ballots]: how a 民主评议 grade follows from the ballot tally (default: majority)."""
    raw = r.table(data, "ballots", "文件顶层")
    if raw is None:
        return Ballots()
    where = "[ballots]"
    r.keys(raw, _BALLOT_KEYS, where)
    rule = r.choice(raw, "rule", where, BALLOT_RULES, "majority", "计票规则") or "majority"
    thresholds: list[GradeThreshold] = []
    for k, th in enumerate(r.tables(raw, "thresholds", where), start=1):
        w = f"{where} thresholds 第{k}项"
        r.keys(th, _THRESHOLD_KEYS, w)
        grade = r.choice(th, "grade", w, _APPRAISAL_GRADES, None, "等次")
        over = r.number(th, "over", w, positive=True)
        at_least = r.number(th, "at_least", w, positive=True)
        if (over is None) == (at_least is None):
            r.add(w, "「over」（超过）与「at_least」（达到）要写且只写一个，比例写小数，30% 写 0.3")
            continue
        share = over if over is not None else at_least
        if share is not None and share > 1:
            r.add(w, f"比例 {fmt(share)} 超过100%（30% 写 0.3）")
            continue
        if grade and share is not None:
            thresholds.append(
                GradeThreshold(grade, share, over is not None, r.boolean(th, "or_worse", w, False))
            )
    points = None
    lines: list[tuple[Any, str]] = []
    if rule == "weighted":
        pts = r.table(raw, "points", where)
        if pts is None:
            r.add(where, '按票折分（rule = "weighted"）要写「points」：每张票各等次的分值')
        else:
            points = {}
            for g in _APPRAISAL_GRADES:
                value = r.number(pts, g, f"{where} points", required=True)
                if value is not None:
                    points[g] = value
            r.keys(pts, _APPRAISAL_GRADES, f"{where} points")
        lines = _grade_lines(
            r, raw, where, "按票折分要写 [[ballots.lines]]：平均分达到多少评什么等次（从高到低）"
        )
    else:
        for key in ("points", "lines"):
            if key in raw:
                r.add(where, f'「{key}」只用于 rule = "weighted"（按票折分）')
    combine = read_combine(r, raw) if "combine" in raw else None
    note = r.text(raw, "note", where)
    return Ballots(rule, tuple(thresholds), points, tuple(lines), note, combine)


def _grade_points(r: Reader, raw: Mapping[str, Any], where: str) -> dict[str, Any] | None:
    pts = r.table(raw, "points", where)
    if pts is None:
        r.add(where, "要写「points」：各等次折合的分值，如 优秀 = 100、合格 = 80")
        return None
    r.keys(pts, _APPRAISAL_GRADES, f"{where} points")
    out = {}
    for g in _APPRAISAL_GRADES:
        value = r.number(pts, g, f"{where} points", required=True, nonnegative=True)
        if value is not None:
            out[g] = value
    return out if len(out) == len(_APPRAISAL_GRADES) else None


def _grade_lines(r: Reader, raw: Mapping[str, Any], where: str, missing: str) -> list[Any]:
    """[[…lines]]: (min, grade) from high to low; `missing` said when there are none."""
    lines: list[tuple[Any, str]] = []
    for k, ln in enumerate(r.tables(raw, "lines", where), start=1):
        w = f"{where} lines 第{k}项"
        r.keys(ln, ("min", "grade"), w)
        minimum = r.number(ln, "min", w, required=True)
        grade = r.choice(ln, "grade", w, _APPRAISAL_GRADES, None, "等次")
        if minimum is not None and grade:
            lines.append((minimum, grade))
    if not lines:
        r.add(where, missing)
    for k in range(1, len(lines)):
        if lines[k][0] > lines[k - 1][0]:
            r.add(f"{where} lines 第{k + 1}项", "分数线应从高到低排列")
    return lines


def read_combine(r: Reader, raw: Mapping[str, Any]) -> Combine | None:
    """[ballots.combine]: several separately tallied results weighted into one grade
    (「结合党员自评、互评、支部评定等方式进行综合评定，各支部可根据实际设置相应的评定占比」)."""
    where = "[ballots.combine]"
    data = r.table(raw, "combine", "[ballots]")
    if data is None:
        return None
    r.keys(data, _COMBINE_KEYS, where)
    parts: list[CombinePart] = []
    seen: set[tuple[str, int]] = set()
    for k, part in enumerate(r.tables(data, "parts", where), start=1):
        w = f"{where} parts 第{k}项"
        r.keys(part, _PART_KEYS, w)
        kind = r.choice(part, "kind", w, _COMBINE_KINDS, None, "评议类型")
        rnd = r.integer(part, "round", w, default=1, low=1, high=4)
        weight = r.number(part, "weight", w, required=True, positive=True)
        if kind is None:
            if "kind" not in part:
                r.add(w, f"缺少「kind」：哪一种评议（{'或'.join(_COMBINE_KINDS)}）")
            continue
        if weight is not None and weight > 1:
            r.add(w, f"占比 {fmt(weight)} 超过100%（60% 写 0.6）")
            continue
        if (kind, rnd or 1) in seen:
            r.add(w, f"第{rnd}次{kind}写了两次")
            continue
        seen.add((kind, rnd or 1))
        if weight is not None:
            name = r.text(part, "name", w) or kind
            parts.append(CombinePart(name, kind, rnd or 1, weight))
    if len(parts) < 2 and not any(p.startswith(where) for p in r.problems):
        r.add(where, "综合评定至少要有两项（[[ballots.combine.parts]]），每项写 kind 和 weight")
    total = sum((p.weight for p in parts), 0)
    if len(parts) >= 2 and total != 1:
        r.add(where, f"各项占比合计应为100%（1），现在是 {pct(total)}")
    points = _grade_points(r, data, where)
    lines = _grade_lines(r, data, where, "要写 lines：加权后的分数达到多少评什么等次（从高到低）")
    if points is None or not parts or not lines:
        return None
    note = r.text(data, "note", where)
    return Combine(tuple(parts), points, tuple(lines), note, r.text(data, "item", where) or None)
