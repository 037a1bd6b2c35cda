"""The import preview: each sheet's rows to be written, under the workbook's Chinese column
names (what the import window shows before anything is written)."""

from __future__ import annotations

from typing import Any

from desktop.book.interchange_plan import ImportPlan
from desktop.rules.facts import VOTED_KINDS

# -- the preview: each sheet's rows under its Chinese column names -------------------------

# Plan record keys → the workbook's column names; per-sheet entries override the common ones.
_PREVIEW_COMMON = {
    "code": "编号",
    "member": "党员",
    "date": "日期",
    "type": "类型",
    "topic": "主题",
    "year": "年度",
    "quarter": "季度",
    "reason": "原因",
    "status": "状态",
    "kind": "类型",
    "note": "备注",
    "decided_by": "决定人",
    "created_by": "登记人",
    "created_at": "登记时间",
}
_PREVIEW_SHEETS: dict[str, dict[str, str]] = {
    "活动": {
        "place": "地点",
        "host": "主持人",
        "recorder": "记录人",
        "minutes": "会议记录",
        "decisions": "决定事项",
    },
    "签到": {"activity": "活动编号", "witnesses": "证明人", "host_org": "参加单位"},
    "党费": {
        "month": "月份",
        "due_fen": "应缴",
        "paid_fen": "实缴",
        "paid_date": "缴纳日期",
        "receiver": "收款人",
        "receipt_no": "收据号",
    },
    "党费标准": {
        "from_month": "起始月份",
        "category": "类别",
        "income_fen": "月收入",
        "monthly_fen": "每月金额",
        "override_reason": "调整原因",
        "approved_by": "批准",
    },
    "积分申报": {"item": "项目", "points": "分值", "reason": "事由"},
    "民主评议": {"round": "轮次", "grade": "等次"},
    "自评与组织考评": {"round": "轮次", "grade": "等次", "graded_by": "评定人", "date": "评定日期"},
    "一票否决": {"kind": "情形"},
    "积分方案": {
        "scheme_id": "方案编号",
        "title": "方案名称",
        "frozen_at": "冻结时间",
        "action": "导入方式",
    },
    "节假日": {"name": "名称"},
    "更正": {"item": "项目", "points": "分值", "refers_to": "更正的记录"},
    "申报审核": {"claim": "申报记录号"},
    "季度": {
        "start": "季度开始",
        "end": "季度结束",
        "publicity_start": "公示开始",
        "publicity_end": "公示结束",
        "confirmed_at": "确认时间",
        "confirmed_by": "确认人",
    },
    "公示记录": {
        "period": "季度",
        "issued_at": "发布时间",
        "issued_by": "发布人",
        "start": "公示开始",
        "end": "公示结束",
        "results_hash": "结果校验值",
        "late_reason": "补登原因",
        "objection": "异议编号",
    },
    "异议": {
        "number": "编号",
        "period": "季度",
        "raised_by": "提出人",
        "content": "内容",
        "raised_on": "提出日期",
        "finding": "核实结果",
        "changed": "是否更正",
        "change_note": "更正内容",
        "told_on": "告知日期",
        "answered_by": "答复人",
        "answered_at": "答复时间",
    },
    "确认结果": {
        "period": "季度",
        "prev_hash": "前一校验值",
        "hash": "校验值",
        "facts_digest": "记录校验值",
        "created_at": "确认时间",
        "created_by": "确认人",
    },
    "支部信息": {
        "name": "支部名称",
        "parent_org": "上级党组织",
        "kind": "支部类型",
        "operator": "经办人",
        "objection_contact": "异议受理",
        "default_scheme": "默认积分方案",
        "current_year": "当前年度",
        "points_start": "记分起始",
    },
    "支委会": {"role": "职务"},
    "党员变动": {"kind": "事件", "note": "说明"},
    "活动计划模板": {
        "frequency": "频次",
        "month": "月份",
        "day": "日",
        "per_group": "每个党小组",
        "sort": "顺序",
    },
    "活动计划": {"due_date": "计划日期", "group_name": "党小组", "activity": "活动编号"},
    "通知书": {"kind": "种类", "ref": "依据"},
    "撤销": {"target": "撤销的表", "target_id": "原记录号", "decided_by": "决定人"},
    "党费冲销": {"receipt_no": "收据号", "reversal_no": "红字收据号", "decided_by": "决定人"},
}
_PREVIEW_HIDDEN = {
    "id",
    "_row",
    "_code_given",
    "_part",
    "text",
    "payload",
    "exists",
    "_votes",
    "_voters",
    "_where",
}
_PREVIEW_MONEY = {"due_fen", "paid_fen", "income_fen", "monthly_fen"}


def _preview_value(sheet: str, key: str, value: Any, cycles: dict[int, str]) -> Any:
    from desktop.book import branch_sheets, quarter_sheets

    if value is None:
        return None
    if key in _PREVIEW_MONEY:
        return f"{value // 100}.{value % 100:02d}"
    if key == "period" and isinstance(value, tuple):
        # 「2026年第1季度」, or 「2026年3月」 in a year reviewed by month (its scheme's cycle).
        from desktop.book.periods import period_label

        return period_label(value[0], value[1], cycles.get(value[0], "quarter"))
    words = {
        ("季度", "status"): quarter_sheets.STATE_WORDS,
        ("异议", "status"): {"open": "未答复", "answered": "已答复"},
        ("积分方案", "action"): {"insert": "新增", "same": "与账本相同（跳过）", "replace": "替换"},
        ("活动计划模板", "frequency"): branch_sheets.FREQUENCY_WORDS,
        ("撤销", "target"): branch_sheets.TARGET_WORDS,
    }.get((sheet, key))
    if words:
        return words.get(value, value)
    if (sheet, key) in (("异议", "changed"), ("活动计划模板", "per_group")):
        return bool(value)
    return value


def _preview_rows(
    sheet: str, rows: list[dict[str, Any]], cycles: dict[int, str]
) -> list[dict[str, Any]]:
    from desktop.book.quarter_sheets import STEP_COLUMNS

    labels = {
        **_PREVIEW_COMMON,
        **{key: column for column, key in STEP_COLUMNS.items()},
        **_PREVIEW_SHEETS.get(sheet, {}),
    }
    return [
        {
            labels.get(k, k): _preview_value(sheet, k, v, cycles)
            for k, v in r.items()
            if k not in _PREVIEW_HIDDEN
        }
        for r in rows
    ]


def label_previews(plan: ImportPlan) -> None:
    """Every sheet's preview (the rows to be written, copied) keyed by its Chinese column
    names; the roster's stays keyed by field (the import window knows its labels)."""
    sources = {
        "活动": plan.activities,
        "签到": plan.attendance,
        "党费": plan.dues,
        "党费标准": plan.rates,
        "积分申报": plan.claims,
        "民主评议": [  # the voted kinds have no 评定人/日期 of their own (their round has)
            {k: v for k, v in a.items() if k not in ("graded_by", "date")}
            for a in plan.appraisals
            if a["kind"] in VOTED_KINDS
        ],
        "自评与组织考评": [a for a in plan.appraisals if a["kind"] not in VOTED_KINDS],
        "一票否决": plan.vetoes,
        "积分方案": plan.schemes,
        "节假日": plan.holidays,
        "更正": plan.corrections,
        "申报审核": plan.claim_steps,
        "季度": plan.periods,
        "公示记录": plan.notices,
        "异议": plan.objections,
        "确认结果": plan.snapshots,
        "支部信息": [{**b["branch"], **b["settings"]} for b in plan.branch],
        "支委会": plan.committee,
        "党员变动": plan.events,
        "活动计划模板": plan.templates,
        "活动计划": plan.plan_items,
        "通知书": plan.member_notices,
        "撤销": plan.withdrawals,
        "党费冲销": plan.dues_reversals,
    }
    for sheet, rows in sources.items():
        if rows:
            plan.preview[sheet] = _preview_rows(sheet, rows, plan.cycles)
        else:
            plan.preview.pop(sheet, None)
