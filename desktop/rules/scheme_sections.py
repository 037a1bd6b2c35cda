"""Reading a scheme's [[sections]]: items (attendance, dues, claims, appraisal grades),
tiers by occurrence count, and pools (caps shared by several items).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from desktop.rules.facts import (
    ACTIVITY_TYPES,
    APPRAISAL_GRADES,
    APPRAISAL_KINDS,
    ATTENDANCE_STATUSES,
)
from desktop.rules.periods import PERIOD_MONTHS
from desktop.rules.scheme_model import (
    COMBINES,
    DUES_KINDS,
    MODES,
    PERIOD_WORDS,
    SOURCES,
    Item,
    Pool,
    Section,
    Tier,
)
from desktop.rules.scheme_reader import ID_RE, Reader, fmt, options_text, to_decimal

_SECTION_KEYS = ("name", "max", "mode", "capped", "period", "combine", "note", "items", "pools")
_ITEM_KEYS = (
    "id",
    "name",
    "source",
    "points",
    "range",
    "activity_types",
    "statuses",
    "dues",
    "kind",
    "grades",
    "round_period",
    "tiers",
    "per",
    "cap",
    "note",
)
_POOL_KEYS = ("name", "cap", "items", "per")
_TIER_KEYS = ("from", "to", "points")


def read_sections(r: Reader, data: Mapping[str, Any], period: str, combine: str) -> list[Section]:
    sections: list[Section] = []
    seen_names: set[str] = set()
    seen_items: dict[str, str] = {}
    for i, raw in enumerate(r.tables(data, "sections", "文件顶层"), start=1):
        name = raw.get("name") if isinstance(raw.get("name"), str) else ""
        where = f'[[sections]] 第{i}项 "{name}"' if name else f"[[sections]] 第{i}项"
        r.keys(raw, _SECTION_KEYS, where)
        name = r.text(raw, "name", where, required=True)
        if name in seen_names:
            r.add(where, f"部分名称「{name}」重复")
        seen_names.add(name)
        mode = r.choice(raw, "mode", where, MODES, "accumulate", "计分方式") or "accumulate"
        if mode == "adjust":
            if "max" in raw:
                r.add(where, '加减分部分（mode = "adjust"）不计入满分，不要写「max」')
            max_ = Decimal(0)
        else:
            max_ = r.number(raw, "max", where, required=True, positive=True) or Decimal(0)
        capped = r.boolean(raw, "capped", where, True)
        if mode != "accumulate" and "capped" in raw:
            r.add(where, '「capped」只用于累加部分（mode = "accumulate"）')
        sec_period = r.choice(raw, "period", where, PERIOD_WORDS, period, "积分周期") or period
        sec_combine = r.choice(raw, "combine", where, COMBINES, combine, "合成方式") or combine
        if (
            sec_combine == "sum"
            and PERIOD_MONTHS[sec_period] < 12
            and (mode == "deduct" or (mode == "accumulate" and capped))
        ):
            r.add(
                where,
                f"按{PERIOD_WORDS[sec_period]}计分的部分各期相加会超过满分{fmt(max_)}分，"
                '请写 combine = "average"（各期取平均），或把 period 改为 "year"',
            )
        items: list[Item] = []
        for j, raw_item in enumerate(r.tables(raw, "items", where), start=1):
            item = _read_item(r, raw_item, f"{where} items 第{j}项", sec_period)
            if item is None:
                continue
            if item.id in seen_items:
                r.add(
                    f"{where} items 第{j}项",
                    f"项目编号「{item.id}」与部分「{seen_items[item.id]}」中的项目重复",
                )
            seen_items[item.id] = name
            if mode == "deduct" and item.source == "appraisal":
                r.add(f"{where} items 第{j}项", "民主评议等次应放在累加部分，不能放在扣减部分")
            items.append(item)
        if not items and mode != "adjust":
            r.add(where, "没有任何项目（[[sections.items]]）")
        pools = _read_pools(r, raw, where, items, sec_period)
        sections.append(
            Section(
                name=name,
                max=max_,
                mode=mode,
                capped=capped,
                period=sec_period,
                combine=sec_combine,
                items=tuple(items),
                pools=tuple(pools),
                note=r.text(raw, "note", where),
            )
        )
    return sections


def _read_item(r: Reader, raw: Mapping[str, Any], where: str, sec_period: str) -> Item | None:
    name = raw.get("name") if isinstance(raw.get("name"), str) else ""
    if name:
        where = f'{where} "{name}"'
    r.keys(raw, _ITEM_KEYS, where)
    item_id = r.text(raw, "id", where, required=True)
    if item_id and not ID_RE.match(item_id):
        r.add(where, f"「id」只能用小写英文字母、数字、连字符和下划线，而不是「{item_id}」")
    name = r.text(raw, "name", where, required=True)
    source = r.choice(raw, "source", where, SOURCES, None, "数据来源")
    points = r.number(raw, "points", where)
    per = r.choice(raw, "per", where, PERIOD_WORDS, sec_period, "计次周期") or sec_period
    cap = r.number(raw, "cap", where, positive=True)
    tiers = _read_tiers(r, raw, where)
    if points is not None and tiers:
        r.add(where, "「points」与「tiers」只能写一个：分档计分时每档写自己的分值")
    kwargs: dict[str, Any] = {}
    if source == "attendance":
        kwargs["activity_types"] = frozenset(
            r.text_list(raw, "activity_types", where, ACTIVITY_TYPES, "活动类型", required=True)
        )
        kwargs["statuses"] = frozenset(
            r.text_list(raw, "statuses", where, ATTENDANCE_STATUSES, "签到状态", required=True)
        )
        if points is None and not tiers:
            r.add(where, "缺少「points」（每次分值）或「tiers」（分档）")
    elif source == "dues":
        kwargs["dues"] = frozenset(
            r.text_list(raw, "dues", where, DUES_KINDS, "党费情形", required=True)
        )
        if points is None and not tiers:
            r.add(where, "缺少「points」（每月分值）或「tiers」（分档）")
    elif source == "claim":
        rng = raw.get("range")
        if rng is not None:
            lo_hi = [to_decimal(v) for v in rng] if isinstance(rng, list) else []
            if len(lo_hi) != 2 or None in lo_hi:
                r.add(where, "「range」应为两个数字，例如 [1, 12]")
            elif lo_hi[0] > lo_hi[1]:  # type: ignore[operator]
                r.add(where, f"「range」下限{fmt(lo_hi[0])}大于上限{fmt(lo_hi[1])}")  # type: ignore[arg-type]
            else:
                kwargs["range"] = (lo_hi[0], lo_hi[1])
        if points is None and rng is None and not tiers:
            r.add(where, "缺少「points」（每次固定分值）或「range」（申报分值范围）")
    elif source == "appraisal":
        kwargs["kind"] = r.choice(raw, "kind", where, APPRAISAL_KINDS, None, "评议类型")
        grades = r.table(raw, "grades", where)
        if grades is None:
            r.add(where, "缺少「grades」（各等次对应的分值）")
        else:
            mapped: dict[str, Decimal] = {}
            for grade, value in grades.items():
                if grade not in APPRAISAL_GRADES:
                    r.add(
                        where,
                        f"grades 中未知的等次「{grade}」，可选：{options_text(APPRAISAL_GRADES)}",
                    )
                    continue
                number = to_decimal(value)
                if number is None:
                    r.add(where, f"grades 中「{grade}」的分值应为数字")
                    continue
                mapped[grade] = number
            for grade in APPRAISAL_GRADES:
                if grade not in grades:
                    r.add(where, f"grades 缺少等次「{grade}」的分值（不得分请写 0）")
            kwargs["grades"] = mapped
        kwargs["round_period"] = (
            r.choice(raw, "round_period", where, PERIOD_WORDS, "year", "评议轮次周期") or "year"
        )
        if points is not None or tiers:
            r.add(where, "民主评议项目按等次计分，不要写「points」或「tiers」")
    for key, wanted in (
        ("activity_types", "attendance"),
        ("statuses", "attendance"),
        ("dues", "dues"),
        ("range", "claim"),
        ("kind", "appraisal"),
        ("grades", "appraisal"),
        ("round_period", "appraisal"),
    ):
        if key in raw and source is not None and source != wanted:
            r.add(where, f'「{key}」只用于 source = "{wanted}" 的项目')
    if source is None:
        return None
    return Item(
        id=item_id,
        name=name,
        source=source,
        points=points,
        tiers=tiers,
        per=per,
        cap=cap,
        note=r.text(raw, "note", where),
        **kwargs,
    )


def _read_tiers(r: Reader, raw: Mapping[str, Any], where: str) -> tuple[Tier, ...]:
    if "tiers" not in raw:
        return ()
    where = f"{where} tiers"
    value = raw["tiers"]
    if not isinstance(value, list) or not value or not all(isinstance(t, dict) for t in value):
        r.add(
            where, "应为分档列表，例如 [{from = 1, to = 4, points = -1}, {from = 5, points = -2}]"
        )
        return ()
    tiers: list[Tier] = []
    for k, t in enumerate(value, start=1):
        w = f"{where} 第{k}档"
        r.keys(t, _TIER_KEYS, w)
        start = r.integer(t, "from", w, low=1, required=True)
        end = r.integer(t, "to", w, low=1)
        points = r.number(t, "points", w, required=True)
        if start is None or points is None:
            continue
        if end is not None and end < start:
            r.add(w, f"「to」{end} 小于「from」{start}")
            continue
        tiers.append(Tier(start, end, points))
    ok = len(tiers) == len(value)
    if ok:
        for k in range(1, len(tiers)):
            prev, cur = tiers[k - 1], tiers[k]
            if prev.end is None:
                r.add(where, f"第{k}档没有上限（to），后面不能再有第{k + 1}档")
                break
            if cur.start <= prev.end:
                span = (
                    f"第{cur.start}次"
                    if cur.start == prev.end
                    else f"第{cur.start}次至第{prev.end}次"
                )
                r.add(where, f"第{k + 1}档与第{k}档重叠（{span}在两档中都有）")
            elif cur.start > prev.end + 1:
                gap = (
                    f"第{prev.end + 1}次"
                    if cur.start == prev.end + 2
                    else f"第{prev.end + 1}至{cur.start - 1}次"
                )
                r.add(where, f"第{k}档与第{k + 1}档之间缺少{gap}")
        if tiers[0].start != 1:
            r.add(where, f"第1档应从第1次开始（from = 1），而不是从第{tiers[0].start}次")
    return tuple(tiers)


def _read_pools(
    r: Reader, raw: Mapping[str, Any], where: str, items: Sequence[Item], sec_period: str
) -> list[Pool]:
    pools: list[Pool] = []
    ids = {item.id for item in items}
    used: dict[str, str] = {}
    for k, p in enumerate(r.tables(raw, "pools", where), start=1):
        pname = p.get("name") if isinstance(p.get("name"), str) else ""
        w = f'{where} pools 第{k}项 "{pname}"' if pname else f"{where} pools 第{k}项"
        r.keys(p, _POOL_KEYS, w)
        name = r.text(p, "name", w, required=True)
        cap = r.number(p, "cap", w, required=True, positive=True)
        members = r.text_list(p, "items", w, required=True)
        for item_id in members:
            if item_id not in ids:
                r.add(w, f"引用了本部分不存在的项目「{item_id}」")
            elif item_id in used:
                r.add(w, f"项目「{item_id}」已属于「{used[item_id]}」，一个项目只能属于一个封顶组")
            else:
                used[item_id] = name
        per = r.choice(p, "per", w, PERIOD_WORDS, sec_period, "计次周期") or sec_period
        if cap is not None:
            pools.append(Pool(name, cap, members, per))
    return pools
