"""Import and export of the interchange workbook (CONTRACT.md), all or nothing.

Reading and checking (`read_for_import`) writes nothing, so the window can show a preview and
every problem as `工作表名 第N行 列名: 问题`; `apply_import` then writes everything in one
transaction after a verified backup. `export_workbook` writes what an empty book needs to
reproduce this one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.book import roster_import
from desktop.book.errors import InputRefused
from desktop.book.store import Book, now_iso
from desktop.rules.dates import is_month_only
from desktop.rules.member import (
    COLUMN_TO_KEY,
    EXTRA_FIELD_LABELS,
    FIELD_LABELS,
    normalize_ethnicity,
    validate_member,
)

# Roster columns the program adds after the contract's own (see desktop/sheets/columns.py).
_EXTRA_COLUMNS = {
    **{label: key for key, label in EXTRA_FIELD_LABELS.items()},
    "流动范围": "mobile_scope",
}
_LABELS = {**FIELD_LABELS, **EXTRA_FIELD_LABELS, "mobile_scope": "流动范围"}

SHEET_LABELS = {
    "党小组": "党小组",
    "党员名册": "党员",
    "活动": "活动",
    "签到": "签到记录",
    "党费": "党费记录",
    "党费标准": "党费标准",
    "积分申报": "积分申报",
    "民主评议": "民主评议",
    "一票否决": "一票否决",
    # The quarter's records (desktop/book/quarter_sheets.py).
    "积分方案": "积分方案",
    "节假日": "节假日",
    "更正": "更正",
    "申报审核": "申报审核",
    "季度": "季度",
    "公示记录": "公示记录",
    "异议": "异议",
    "确认结果": "确认结果",
    # The rest of the book (desktop/book/branch_sheets.py).
    "支部信息": "支部信息",
    "支委会": "支委会成员",
    "党员变动": "党员变动",
    "活动计划模板": "活动计划模板",
    "活动计划": "活动计划",
    "通知书": "通知书",
    "撤销": "撤销",
}


class WorkbookRefused(InputRefused):
    """The workbook (or some of its rows) was refused; `lines()` lists every problem."""


@dataclass
class ImportPlan:
    """What an import would write, and what stops it. Built by `read_for_import`."""

    path: Path
    problems: list[str] = field(default_factory=list)
    # Each year's review cycle ([publicity] cycle: quarter/month/half) by the scheme the
    # import leaves in place: the 季度 sheets' numbers count in it.
    cycles: dict[int, str] = field(default_factory=dict)
    # Set when the workbook's records are already in the book; also problems[0].
    headline: str = ""
    groups: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)
    activities: list[dict[str, Any]] = field(default_factory=list)
    attendance: list[dict[str, Any]] = field(default_factory=list)
    dues: list[dict[str, Any]] = field(default_factory=list)
    rates: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    appraisals: list[dict[str, Any]] = field(default_factory=list)
    vetoes: list[dict[str, Any]] = field(default_factory=list)
    schemes: list[dict[str, Any]] = field(default_factory=list)
    holidays: list[dict[str, Any]] = field(default_factory=list)
    corrections: list[dict[str, Any]] = field(default_factory=list)
    claim_steps: list[dict[str, Any]] = field(default_factory=list)
    periods: list[dict[str, Any]] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)
    objections: list[dict[str, Any]] = field(default_factory=list)
    snapshots: list[dict[str, Any]] = field(default_factory=list)
    branch: list[dict[str, Any]] = field(default_factory=list)
    committee: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    #: The file has a 党员变动 sheet: it is its members' whole history (no automatic 发展).
    events_sheet: bool = False
    templates: list[dict[str, Any]] = field(default_factory=list)
    plan_items: list[dict[str, Any]] = field(default_factory=list)
    member_notices: list[dict[str, Any]] = field(default_factory=list)
    withdrawals: list[dict[str, Any]] = field(default_factory=list)
    #: 上级审批, 积分兑换, 评议会议, 评议选票 (desktop/book/ruling_sheets.py): {table: rows}.
    rulings: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    preview: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: (sheet in the file, header in the file, column it was read as), for headers read under
    #: another name by `read_for_import(guess_headers=True)`.
    guessed_columns: list[tuple[str, str, str]] = field(default_factory=list)
    #: (sheet in the file, header in the file) of the columns that were not read.
    ignored_columns: list[tuple[str, str]] = field(default_factory=list)
    #: (sheet in the file, header, header read instead, column): a synonym that lost to a
    #: closer one (电话 when 手机 is there too); not read, and said so.
    outranked_columns: list[tuple[str, str, str, str]] = field(default_factory=list)
    #: (sheet in the file, row or None) of each of `problems`, in the same order.
    problem_where: list[tuple[str, int | None]] = field(default_factory=list)
    #: What was left out without being a problem: rows that are no record (title rows,
    #: blank rows, footers 填表人/审核人/合计 …), sheets not read, values filled in (出生日期
    #: from the ID number). One line each, for the summary.
    read_notes: list[str] = field(default_factory=list)
    #: The roster sheet's header row and name in the file (for the problem workbook).
    roster_source: tuple[str, int] | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def counts(self) -> dict[str, int]:
        pairs = (
            ("党小组", self.groups),
            ("党员", self.members),
            ("活动", self.activities),
            ("签到记录", self.attendance),
            ("党费记录", self.dues),
            ("党费标准", self.rates),
            ("积分申报", self.claims),
            ("民主评议", self.appraisals),
            ("一票否决", self.vetoes),
            ("积分方案", [s for s in self.schemes if s["action"] != "same"]),
            ("节假日", self.holidays),
            ("更正", self.corrections),
            ("申报审核", self.claim_steps),
            ("季度", self.periods),
            ("公示记录", self.notices),
            ("异议", self.objections),
            ("确认结果", self.snapshots),
            ("支部信息", self.branch),
            ("支委会成员", self.committee),
            ("党员变动", self.events),
            ("活动计划模板", self.templates),
            ("活动计划", self.plan_items),
            ("通知书", self.member_notices),
            ("撤销", self.withdrawals),
        )
        return {label: len(rows) for label, rows in pairs if rows}

    def summary(self) -> str:
        parts = [f"{label} {n} 条" for label, n in self.counts.items()]
        return "，".join(parts) if parts else "没有可导入的内容"

    def column_notes(self) -> list[str]:
        """What was done with columns not named as the contract names them, one line per
        sheet: the headers read as another column, and the ones left out (never silently)."""
        lines: list[str] = []
        sheets = list(dict.fromkeys(s for s, *_ in self.guessed_columns + self.ignored_columns))
        for sheet in sheets:
            pairs = [(h, c) for s, h, c in self.guessed_columns if s == sheet]
            if pairs:
                read_as = "，".join(f"“{h}”作“{c}”" for h, c in pairs)
                lines.append(f"{sheet}：列名与约定的不同，按列名推断读取：{read_as}。")
        for sheet in sheets:
            # A 序号 column only numbers the rows; saying it was left out is noise.
            lost = [(h, w, c) for s, h, w, c in self.outranked_columns if s == sheet]
            for h, w, c in lost:
                lines.append(f"{sheet}：“{h}”也可作“{c}”，已按更贴切的“{w}”读取，“{h}”没有导入。")
            lost_names = {h for h, _, _ in lost}
            left = [
                h
                for s, h in self.ignored_columns
                if s == sheet and h not in ("序号", "问题") and h not in lost_names
            ]
            if left:
                names = "、".join(f"“{h}”" for h in left)
                lines.append(
                    f"{sheet}：{names} 不是本表的列，没有导入。要保留这些内容，请在 Excel/WPS 中"
                    "把列名改成本表的列名（见 docs/interchange.md），或把内容写进“备注”列。"
                )
        return lines


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


class _Checker:
    """Collects problems in CONTRACT.md's format while rows are turned into records."""

    def __init__(
        self, plan: ImportPlan, data: Any, mappings: dict[str, dict[str, str | None]]
    ) -> None:
        self.plan = plan
        self.data = data
        # The reader already reported these cells; one message per cell is enough.
        self.bad_cells = {(p.sheet, p.row, p.column) for p in data.problems}
        # (sheet in the file, row) of every problem, to list them in the order of the workbook.
        self.where: list[tuple[str, int | None]] = [(p.sheet, p.row) for p in data.problems]
        self.headers = {
            sheet: {target: source for source, target in mapping.items() if target}
            for sheet, mapping in mappings.items()
        }
        for sheet, guessed in data.guessed_columns.items():
            for source, target in guessed.items():
                self.headers.setdefault(sheet, {})[target] = source
        # A required column the sheet lacks was said once, on its header row; the rows'
        # empty values in it are that one problem, not one more per row.
        self.missing = {
            (sheet, column) for sheet, columns in data.missing_columns.items() for column in columns
        }
        self.record_nos: dict[str, set[int]] = {}
        # Quarters whose 季度 row was refused as already in the book (quarter_sheets): rows
        # naming them are consequences, not further problems of the file.
        self.refused_periods: set[tuple[int, int]] = set()
        # (row, year, 情形) of 一票否决 rows with a kind, checked once the schemes are read.
        self.veto_kinds: list[tuple[int, int, str]] = []

    def record_no(self, sheet: str, row: Any) -> int | None:
        """A row's 记录号 (the book's id it had), None when empty; refused when repeated."""
        value = row.values.get("记录号")
        if value is None:
            return None
        seen = self.record_nos.setdefault(sheet, set())
        if value < 1 or value in seen:
            problem = "在本表中重复" if value in seen else "应为正整数"
            self.add(sheet, row.number, "记录号", f"记录号 {value} {problem}")
            return None
        seen.add(value)
        return value

    def add(self, sheet: str, row: int, column: str | None, message: str) -> None:
        if (sheet, column) in self.missing:
            return
        file_sheet = self.data.source_names.get(sheet, sheet)
        header = self.headers.get(sheet, {}).get(column, column) if column else None
        if header and (file_sheet, row, header) in self.bad_cells:
            return
        where = f"{file_sheet} 第{row}行"
        self.plan.problems.append(
            f"{where} {header}: {message}" if header else f"{where}: {message}"
        )
        self.where.append((file_sheet, row))

    def sorted_problems(self) -> list[str]:
        """Problems by sheet (workbook order), then row; a whole-sheet problem comes first.
        Sets `plan.problem_where` to match."""
        order = {name: i for i, name in enumerate(self.data.sheet_order)}
        keyed = sorted(
            zip(self.where, self.plan.problems, strict=True),
            key=lambda item: (order.get(item[0][0], len(order)), item[0][1] or 0),
        )
        self.plan.problem_where = [where for where, _ in keyed]
        return [text for _, text in keyed]

    def unreadable(self, sheet: str, row: int) -> set[str]:
        """The contract columns of a row whose cells the reader could not read."""
        file_sheet = self.data.source_names.get(sheet, sheet)
        back = {source: target for target, source in self.headers.get(sheet, {}).items()}
        return {
            back.get(column, column)
            for (s, r, column) in self.bad_cells
            if s == file_sheet and r == row and column
        }


def read_for_import(
    book: Book,
    path: Path,
    *,
    mappings: dict[str, dict[str, str | None]] | None = None,
    today: date | None = None,
    guess_headers: bool = False,
    sheet_aliases: dict[str, str] | None = None,
) -> ImportPlan:
    """Read and check a workbook against the book. Writes nothing.

    Raises `WorkbookRefused` when the file as a whole cannot be read (not an xlsx, .xls,
    encrypted, empty, no known sheet); row problems are returned in `plan.problems`.
    `today` (tests) is the day dates "not yet come" are judged by. With `guess_headers`, a
    header that is not a column's name is read as the column the window's mapping step would
    propose (联系电话 → 手机号码 …; `desktop.sheets.suggest_mapping`), for callers with no
    mapping step (the CLI); `plan.column_notes()` says what was guessed and what was left out.
    """
    from desktop.book import branch_sheets, quarter_sheets
    from desktop.sheets.errors import WorkbookError
    from desktop.sheets.reader import read_workbook

    path = Path(path)
    try:
        data = read_workbook(
            path, mappings=mappings, guess=guess_headers, sheet_aliases=sheet_aliases
        )
    except WorkbookError as exc:
        raise WorkbookRefused(str(exc)) from exc  # one message; no problem lines repeating it
    plan = ImportPlan(path=path, problems=data.problem_lines())
    plan.read_notes += data.sheet_notes
    if "党员名册" in data:
        from desktop.sheets.reader import skipped_summary

        file_sheet = data.source_names["党员名册"]
        plan.roster_source = (file_sheet, data.header_rows.get("党员名册", 1))
        note = skipped_summary(file_sheet, data.skipped_rows.get("党员名册", []))
        if note:
            plan.read_notes.append(note)
    for sheet, guessed in data.guessed_columns.items():
        file_sheet = data.source_names.get(sheet, sheet)
        plan.guessed_columns += [(file_sheet, h, c) for h, c in guessed.items()]
        for h, w in data.outranked_columns.get(sheet, {}).items():
            plan.outranked_columns.append((file_sheet, h, w, guessed[w]))
    for sheet, headers in data.ignored_columns.items():
        plan.ignored_columns += [(data.source_names.get(sheet, sheet), h) for h in headers]
    check = _Checker(plan, data, mappings or {})
    today = today or date.today()
    members = _read_roster(book, data, check, today)
    _read_groups(book, data, check, members)
    activities = _read_activities(book, data, check, today)
    _read_attendance(book, data, check, members, activities, today)
    _read_dues(book, data, check, members)
    _read_rates(book, data, check, members)
    _read_claims(data, check, members)
    _read_appraisals(book, data, check, members)
    _read_vetoes(data, check, members)

    def member_at(check: _Checker, sheet: str, row: int, column: str, ref: Any, when: Any) -> Any:
        return _member_at(check, sheet, row, column, members, ref, when)

    quarter_sheets.read_sheets(book, check, members, member_at, today)
    branch_sheets.read_sheets(book, check, members, activities, today)
    _check_claims(book, check)  # after the workbook's own schemes are read
    from desktop.book import ruling_sheets

    ruling_sheets.read_sheets(check, members, book)
    plan.problems = check.sorted_problems()
    headline = _already_in_book(book, data) if plan.problems else None
    if headline:
        plan.headline = headline
        plan.problems.insert(0, headline)
        plan.problem_where.insert(0, ("", None))
    _label_previews(plan)
    if not plan.problems and plan.snapshots:
        plan.problems = _trial(book, plan)
        plan.problem_where = [("", None)] * len(plan.problems)
    return plan


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
}
_PREVIEW_MONEY = {"due_fen", "paid_fen", "income_fen", "monthly_fen"}


def _preview_value(sheet: str, key: str, value: Any) -> Any:
    from desktop.book import branch_sheets, quarter_sheets

    if value is None:
        return None
    if key in _PREVIEW_MONEY:
        return f"{value // 100}.{value % 100:02d}"
    if key == "period" and isinstance(value, tuple):
        return f"{value[0]}年第{value[1]}季度"
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


def _preview_rows(sheet: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from desktop.book.quarter_sheets import STEP_COLUMNS

    labels = {
        **_PREVIEW_COMMON,
        **{key: column for column, key in STEP_COLUMNS.items()},
        **_PREVIEW_SHEETS.get(sheet, {}),
    }
    return [
        {
            labels.get(k, k): _preview_value(sheet, k, v)
            for k, v in r.items()
            if k not in _PREVIEW_HIDDEN
        }
        for r in rows
    ]


def _label_previews(plan: ImportPlan) -> None:
    """Every sheet's preview (the rows to be written, copied) keyed by its Chinese column
    names; the roster's stays keyed by field (the import window knows its labels)."""
    sources = {
        "活动": plan.activities,
        "签到": plan.attendance,
        "党费": plan.dues,
        "党费标准": plan.rates,
        "积分申报": plan.claims,
        "民主评议": plan.appraisals,
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
    }
    for sheet, rows in sources.items():
        if rows:
            plan.preview[sheet] = _preview_rows(sheet, rows)
        else:
            plan.preview.pop(sheet, None)


def _trial(book: Book, plan: ImportPlan) -> list[str]:
    """Write the plan into an in-memory copy of the book and check the imported confirmed
    quarters there (their facts digests need the rows written); the book is not touched."""
    import sqlite3

    scratch = sqlite3.connect(":memory:")
    try:
        book.conn.backup(scratch)
        scratch.execute("PRAGMA foreign_keys = ON")
        copy = Book(book.path, scratch, actor=book.actor)
        try:
            _write(copy, plan)  # checks what it wrote, as the real import does
        except WorkbookRefused as exc:
            return exc.lines()
        except (InputRefused, sqlite3.Error) as exc:
            return [f"工作簿无法导入：{exc}"]
        return []
    finally:
        scratch.close()


# -- members and groups -------------------------------------------------------------------


class _Members:
    """Who a `党员` cell can mean: members already in the book plus those being imported."""

    def __init__(self, book: Book) -> None:
        self.by_code: dict[str, dict[str, Any]] = {}
        self.by_name: dict[str, list[dict[str, Any]]] = {}
        for m in book.roster.members(include_left=True):
            self._add(
                {
                    "code": m["code"],
                    "name": m["name"],
                    "id": m["id"],
                    "joined_date": m["joined_date"],
                    "transferred_in_date": m["transferred_in_date"],
                    "left_date": m["left_date"],
                    "status": m["status"],
                }
            )

    def _add(self, m: dict[str, Any]) -> None:
        self.by_code[m["code"]] = m
        self.by_name.setdefault(m["name"], []).append(m)

    def resolve(self, ref: str) -> tuple[dict[str, Any] | None, str | None]:
        if ref in self.by_code:
            return self.by_code[ref], None
        found = self.by_name.get(ref, [])
        if len(found) == 1:
            return found[0], None
        if len(found) > 1:
            codes = "、".join(m["code"] or "（无编号）" for m in found)
            return None, f"有 {len(found)} 名党员叫“{ref}”（编号 {codes}），请改填编号"
        return None, f"找不到党员“{ref}”，请先在“党员名册”中登记，或核对编号/姓名"


def _working_year(book: Book, data: Any) -> int:
    """The book's working year once imported: a later 当前年度 in 支部信息 moves it forward
    (branch_sheets). A past year's roster is judged as of that year, so its 预备党员 who have
    been confirmed since are not refused."""
    held = book.setting("current_year")
    years = [int(held)] if held else []
    for row in data.rows("支部信息")[:1]:
        year = row.values.get("当前年度")
        if isinstance(year, int) and 2000 <= year <= 2100:
            years.append(year)
    return max(years) if years else book.current_year


def _read_roster(book: Book, data: Any, check: _Checker, today: date) -> _Members:
    members = _Members(book)
    sheet = "党员名册"
    rows = data.rows(sheet)
    next_code = int(book.roster.next_code())
    codes_in_file = Counter((r.values.get("编号") or "") for r in rows)
    ids_in_file = Counter((r.values.get("身份证号") or "") for r in rows)
    id_keepers = roster_import.id_keepers(rows)
    people_in_file = Counter(
        (r.values.get("姓名"), _iso(r.values.get("出生日期")))
        for r in rows
        if r.values.get("出生日期")
    )
    book_ids = {m["id_card"]: m for m in book.roster.members(include_left=True) if m["id_card"]}
    as_of = date(_working_year(book, data), 12, 31)
    filled_from_id = 0
    for row in rows:
        v = row.values
        fields: dict[str, Any] = {}
        for column, value in v.items():
            key = COLUMN_TO_KEY.get(column) or _EXTRA_COLUMNS.get(column)
            if key:
                fields[key] = _iso(value) if isinstance(value, date) else value
        fields = {
            k: ("" if val is None and k not in ("mobile", "exempt", "leader") else val)
            for k, val in fields.items()
        }
        for key in ("mobile", "exempt", "leader"):
            fields[key] = bool(fields.get(key))
        for key in (
            "birth_date",
            "joined_date",
            "confirmed_date",
            "left_date",
            "transferred_in_date",
            "exempt_approved_date",
        ):
            fields[key] = fields.get(key) or None
        code = fields.get("code") or ""
        # Whether the sheet gave the code: a problem workbook carries the others' (roster_import).
        fields["_code_given"] = bool(code)
        if not code:
            code = f"{next_code:03d}"
            while code in members.by_code or codes_in_file[code]:
                next_code += 1
                code = f"{next_code:03d}"
            next_code += 1
            fields["code"] = code
        unreadable = {
            COLUMN_TO_KEY.get(c) or _EXTRA_COLUMNS.get(c, c)
            for c in check.unreadable(sheet, row.number)
        }
        keeper = id_keepers.get(v.get("身份证号") or "")
        if keeper is not None and keeper is not row:
            unreadable.add("id_card")  # another row's number: said once, below
        filled = roster_import.fill_from_id(fields)
        if filled:
            filled_from_id += 1
        if fields.get("ethnicity"):
            fields["ethnicity"] = normalize_ethnicity(fields["ethnicity"])
        problems = validate_member(fields, today, as_of=as_of, unreadable=unreadable)
        for key, message in problems.items():
            check.add(sheet, row.number, _LABELS.get(key, key), message)
        if v.get("编号") and codes_in_file[v["编号"]] > 1:
            check.add(
                sheet,
                row.number,
                "编号",
                f"编号 {code} 在本表中出现了 {codes_in_file[code]} 次，编号不能重复",
            )
        elif code in members.by_code:
            who = members.by_code[code]["name"]
            check.add(
                sheet,
                row.number,
                "编号",
                f"编号 {code} 已是账本中的党员 {who}，同一党员不能重复导入",
            )
        id_card = (fields.get("id_card") or "").upper()
        if id_card and ids_in_file[v.get("身份证号")] > 1:
            if keeper is not row and keeper is not None:
                who = keeper.values.get("姓名") or ""
                check.add(
                    sheet,
                    row.number,
                    "身份证号",
                    f"与第{keeper.number}行（{who}）的身份证号相同，同一人不能登记两次："
                    "请按本人身份证核对这一行",
                )
        elif id_card in book_ids:
            check.add(
                sheet,
                row.number,
                "身份证号",
                f"这个身份证号已登记在 {book_ids[id_card]['name']} 名下，同一人不能重复导入",
            )
        person = (v.get("姓名"), _iso(v.get("出生日期")))
        if person[1] and people_in_file[person] > 1 and not id_card:
            check.add(
                sheet, row.number, "姓名", f"{person[0]}（{person[1]} 出生）在本表中出现了不止一次"
            )
        fields["group"] = fields.get("group") or ""
        fields["id"] = check.record_no(sheet, row)
        check.plan.members.append({**fields, "_row": row.number})
        members._add(
            {
                "code": code,
                "name": fields.get("name") or "",
                "id": None,
                "joined_date": fields.get("joined_date"),
                "transferred_in_date": fields.get("transferred_in_date"),
                "left_date": fields.get("left_date"),
                "status": fields.get("status"),
            }
        )
    check.plan.preview[sheet] = [
        {k: m.get(k) for k in ("code", "name", "gender", "status", "group", "joined_date")}
        for m in check.plan.members
    ]
    if filled_from_id:
        check.plan.read_notes.append(
            f"{data.source_names.get(sheet, sheet)}：{filled_from_id} 人的出生日期（或性别）"
            "表中没有填，已按身份证号填上。"
        )
    return members


def _read_groups(book: Book, data: Any, check: _Checker, members: _Members) -> None:
    sheet = "党小组"
    existing = {g["name"] for g in book.roster.groups()}
    seen: set[str] = set()
    for row in data.rows(sheet):
        name = row.values.get("名称") or ""
        if not name:
            continue
        if name in seen:
            check.add(sheet, row.number, "名称", f"党小组“{name}”在本表中重复出现")
            continue
        seen.add(name)
        leader_ref = row.values.get("组长") or ""
        leader_code = None
        if leader_ref:
            m, problem = members.resolve(leader_ref)
            if problem:
                check.add(sheet, row.number, "组长", problem)
            else:
                leader_code = m["code"]
        check.plan.groups.append(
            {
                "name": name,
                "leader_code": leader_code,
                "note": row.values.get("备注") or "",
                "exists": name in existing,
            }
        )


# -- facts ----------------------------------------------------------------------------------


def _member_at(
    check: _Checker,
    sheet: str,
    row: int,
    column: str,
    members: _Members,
    ref: Any,
    when: str | None,
) -> dict[str, Any] | None:
    if not ref:
        return None
    m, problem = members.resolve(str(ref))
    if problem:
        check.add(sheet, row, column, problem)
        return None
    if when and m.get("left_date") and when > m["left_date"]:
        check.add(
            sheet, row, column, f"{m['name']} 已于 {m['left_date']} 离开本支部，{when} 不能再有记录"
        )
        return None
    start = m.get("transferred_in_date")
    if when and start and when < start:
        check.add(sheet, row, column, f"{m['name']} 于 {start} 转入本支部，{when} 还不在本支部")
        return None
    return m


def _read_activities(
    book: Book, data: Any, check: _Checker, today: date
) -> dict[str, dict[str, Any]]:
    sheet = "活动"
    known = {
        r["code"]: {"code": r["code"], "date": r["date"], "type": r["type"]}
        for r in book.db.query("select code, date, type from activities")
    }
    for row in data.rows(sheet):
        v = row.values
        code = v.get("编号")
        if not code:
            continue
        if code in known:
            check.add(
                sheet,
                row.number,
                "编号",
                f"活动编号 {code} 已存在（{known[code]['date']}），不能重复",
            )
            continue
        record = {
            "code": code,
            "date": _iso(v.get("日期")),
            "type": v.get("类型") or "",
            "topic": v.get("主题") or "",
            "place": v.get("地点") or "",
            "host": v.get("主持人") or "",
            "recorder": v.get("记录人") or "",
            "minutes": v.get("会议记录") or "",
            "decisions": v.get("决定事项") or "",
            "id": check.record_no(sheet, row),
        }
        # A future activity is allowed (its sign-in sheet is printed first), as in the book;
        # a sign-in for it is not (see _read_attendance).
        known[code] = record
        check.plan.activities.append(record)
    check.plan.preview[sheet] = check.plan.activities
    return known


def _read_attendance(
    book: Book,
    data: Any,
    check: _Checker,
    members: _Members,
    activities: dict[str, dict],
    today: date,
) -> None:
    from desktop.book.meetings import Meetings

    sheet = "签到"
    seen = {
        (r["a"], r["m"])
        for r in book.db.query(
            "select a.code as a, m.code as m from attendance t join activities a on a.id = t.activity_id "
            "join members m on m.id = t.member_id"
        )
    }
    for row in data.rows(sheet):
        v = row.values
        activity = activities.get(v.get("活动编号") or "")
        if v.get("活动编号") and activity is None:
            check.add(
                sheet, row.number, "活动编号", f"找不到活动“{v['活动编号']}”，请先在“活动”表中登记"
            )
        when = activity["date"] if activity else None
        if when and when > today.isoformat():
            check.add(
                sheet,
                row.number,
                "活动编号",
                f"活动 {activity['code']} 的日期 {when} 还没到，不能有签到记录",
            )
            continue
        m = _member_at(check, sheet, row.number, "党员", members, v.get("党员"), when)
        if not (activity and m and v.get("状态")):
            continue
        # As the sign-in screen: nobody signs in before he joined the party (or the branch).
        problem = Meetings(book).on_roll_problem(m, when) if when else None
        if problem:
            check.add(sheet, row.number, "党员", problem.rstrip("。"))
            continue
        key = (activity["code"], m["code"])
        if key in seen:
            check.add(
                sheet,
                row.number,
                "党员",
                f"{m['name']} 在活动 {activity['code']} 已有签到记录，不能重复签到",
            )
            continue
        seen.add(key)
        witnesses = [
            w
            for w in (v.get("证明人") or "").replace("，", "、").replace(",", "、").split("、")
            if w.strip()
        ]
        if v["状态"] == "补录" and len(witnesses) < 2:
            check.add(sheet, row.number, "证明人", "补录须有两名党员证明人（用“、”分隔），请补齐")
        check.plan.attendance.append(
            {
                "activity": activity["code"],
                "member": m["code"],
                "status": v["状态"],
                "witnesses": "、".join(w.strip() for w in witnesses),
                "note": v.get("备注") or "",
                "host_org": v.get("参加单位") or "",
                "id": check.record_no(sheet, row),
            }
        )
    check.plan.preview[sheet] = check.plan.attendance


def _read_dues(book: Book, data: Any, check: _Checker, members: _Members) -> None:
    sheet = "党费"
    # A receipt may cover several months of one member (paid ahead, or arrears paid late).
    receipts: dict[str, tuple[str, set[str]]] = {}
    for no, code, month in book.db.execute(
        "select d.receipt_no, m.code, d.month from dues_payments d "
        "join members m on m.id = d.member_id where coalesce(d.receipt_no, '') != ''"
    ):
        receipts.setdefault(no, (code, set()))[1].add(month)
    for row in data.rows(sheet):
        v = row.values
        month = v.get("月份")
        m = _member_at(check, sheet, row.number, "党员", members, v.get("党员"), None)
        if not (m and month and v.get("应缴") is not None and v.get("实缴") is not None):
            continue
        # Dues are owed for every month the member spent any part of in the branch.
        if m.get("left_date") and month > m["left_date"][:7]:
            check.add(
                sheet,
                row.number,
                "月份",
                f"{m['name']} 已于 {m['left_date']} 离开本支部，不应再有 {month} 的党费",
            )
            continue
        if m.get("transferred_in_date") and month < m["transferred_in_date"][:7]:
            check.add(
                sheet,
                row.number,
                "月份",
                f"{m['name']} 于 {m['transferred_in_date']} 转入本支部，{month} 的党费在原支部交纳",
            )
            continue
        if m.get("joined_date") and month < m["joined_date"][:7]:
            check.add(
                sheet,
                row.number,
                "月份",
                f"{m['name']} {m['joined_date']} 入党，{month} 还不用交党费",
            )
            continue
        # A single month above 1,000 yuan is possible (voluntary), above 100,000 is a typo.
        for column in ("应缴", "实缴"):
            if v[column] > 10_000_000:
                check.add(
                    sheet, row.number, column, f"金额 {v[column] / 100:.2f} 元不合常理，请核对"
                )
        receipt = v.get("收据号") or ""
        if receipt:
            owner, months = receipts.setdefault(receipt, (m["code"], set()))
            if owner != m["code"]:
                check.add(
                    sheet,
                    row.number,
                    "收据号",
                    f"收据号 {receipt} 已用于另一名党员，一张收据只能是一名党员的，请核对",
                )
            elif month in months:
                check.add(
                    sheet,
                    row.number,
                    "收据号",
                    f"收据号 {receipt} 已登记过 {month} 的党费，不能重复",
                )
            months.add(month)
        paid_date = _iso(v.get("缴纳日期"))
        if v["实缴"] > 0 and not paid_date:
            check.add(sheet, row.number, "缴纳日期", "有实缴金额时请填写缴纳日期")
        check.plan.dues.append(
            {
                "member": m["code"],
                "month": month,
                "due_fen": v["应缴"],
                "paid_fen": v["实缴"],
                "paid_date": paid_date,
                "receiver": v.get("收款人") or "",
                "receipt_no": receipt or None,
                "id": check.record_no(sheet, row),
            }
        )
    check.plan.preview[sheet] = check.plan.dues


def _read_rates(book: Book, data: Any, check: _Checker, members: _Members) -> None:
    """党费标准: a member's monthly amount from a month on, checked against the 2008 tariff."""
    from desktop.rules.dues import ABSURD_FEN, INCOME_CATEGORIES, TariffError, monthly_dues, yuan

    sheet = "党费标准"
    seen = {
        (code, month)
        for code, month in book.db.execute(
            "select m.code, r.from_month from dues_rates r join members m on m.id = r.member_id"
        )
    }
    for row in data.rows(sheet):
        v = row.values
        m = _member_at(check, sheet, row.number, "党员", members, v.get("党员"), None)
        month, category, amount = v.get("起始月份"), v.get("类别"), v.get("每月金额")
        if not (m and month and category and amount is not None):
            continue
        if m.get("status") not in ("正式党员", "预备党员"):
            check.add(sheet, row.number, "党员", f"{m['name']} 是{m.get('status')}，不交党费")
            continue
        if (m["code"], month) in seen:
            check.add(
                sheet, row.number, "起始月份", f"{m['name']} {month} 起的党费标准已经有了，不能重复"
            )
            continue
        seen.add((m["code"], month))
        if amount > ABSURD_FEN:
            check.add(sheet, row.number, "每月金额", f"金额 {yuan(amount)} 元不合常理，请核对")
            continue
        income = v.get("月收入") if category in INCOME_CATEGORIES else None
        calculated = None
        try:
            if category in INCOME_CATEGORIES and income is not None:
                calculated = monthly_dues(category, income).monthly_fen
            elif category not in INCOME_CATEGORIES and category != "农民":
                calculated = monthly_dues(category).monthly_fen
        except TariffError as exc:
            check.add(sheet, row.number, "月收入", str(exc).rstrip("。"))
            continue
        reason, approver = v.get("调整原因") or "", v.get("批准") or ""
        if calculated is not None and amount != calculated and not reason:
            check.add(
                sheet,
                row.number,
                "调整原因",
                f"每月金额 {yuan(amount)} 元与按规定计算的 {yuan(calculated)} 元不同，请写明调整原因",
            )
        if calculated is not None and amount < calculated and not approver:
            check.add(sheet, row.number, "批准", "少交或免交党费须填写批准的党组织和日期")
        check.plan.rates.append(
            {
                "member": m["code"],
                "from_month": month,
                "category": category,
                "income_fen": income,
                "monthly_fen": amount,
                "override_reason": reason,
                "approved_by": approver,
                "id": check.record_no(sheet, row),
            }
        )
    check.plan.preview[sheet] = check.plan.rates


def _read_claims(data: Any, check: _Checker, members: _Members) -> None:
    sheet = "积分申报"
    check.claim_rows = []  # (row number, member, record): checked by _check_claims
    for row in data.rows(sheet):
        v = row.values
        when = _iso(v.get("日期"))
        m = _member_at(check, sheet, row.number, "党员", members, v.get("党员"), when)
        if not (m and when and v.get("项目") and v.get("分值") is not None):
            continue
        check.claim_rows.append((row.number, m, v))
        check.plan.claims.append(
            {
                "member": m["code"],
                "date": when,
                "item": v["项目"],
                "points": str(Decimal(v["分值"])),
                "reason": v.get("事由") or "",
                "status": v.get("状态") or "申报",
                "id": check.record_no(sheet, row),
            }
        )
    check.plan.preview[sheet] = check.plan.claims


def _check_claims(book: Book, check: _Checker) -> None:
    """The 积分申报 rows, checked as the screens check a claim (quarter.add_claim): the item
    must be one the year's scheme (the workbook's own for that year, else the book's) takes
    claims for, the points its fixed points or within its range, and the caps (the item's,
    its pool's, its section's) not exceeded, counting the book's claims and the rows above."""
    from desktop.book.quarter import cap_uses, check_claim_points, find_claim_item
    from desktop.book.scoring import year_scheme
    from desktop.rules.scheme import fmt_points, load_scheme

    sheet = "积分申报"
    incoming = {s["year"]: s["text"] for s in check.plan.schemes}
    schemes: dict[int, Any] = {}
    counted: dict[tuple[str, str, str], Decimal] = {}  # (member, cap, period) → these rows
    for number, m, v in getattr(check, "claim_rows", []):
        when = _iso(v.get("日期"))
        year = int(when[:4])
        try:
            if year not in schemes:
                text = incoming.get(year)
                schemes[year] = load_scheme(text) if text else year_scheme(book, year)
            _section, it = find_claim_item(schemes[year], str(v["项目"]).strip())
        except InputRefused as exc:
            hint = "".join(exc.lines()).rstrip("。")
            check.add(
                sheet, number, "项目", exc.message.rstrip("。") + (f"（{hint}）" if hint else "")
            )
            continue
        try:
            value = check_claim_points(it, v["分值"])
        except InputRefused as exc:
            check.add(sheet, number, "分值", exc.message.rstrip("。"))
            continue
        if (v.get("状态") or "申报") == "驳回":
            continue
        member_id = m["id"] if m.get("id") is not None else -1
        uses = cap_uses(book, member_id, it.id, when, scheme=schemes[year])
        over = None
        for use in uses:
            used = use.used + counted.get((m["code"], use.label, use.period_start), Decimal(0))
            if abs(value) > use.cap - used:
                over = (
                    f"{m['name']} 的“{it.name}”{fmt_points(value)} 分超出封顶：{use.label}最多 "
                    f"{fmt_points(use.cap)} 分，已有 {fmt_points(used)} 分"
                )
                break
        if over:
            check.add(sheet, number, "分值", over)
            continue
        for use in uses:
            key = (m["code"], use.label, use.period_start)
            counted[key] = counted.get(key, Decimal(0)) + abs(value)


def _read_appraisals(book: Book, data: Any, check: _Checker, members: _Members) -> None:
    sheet = "民主评议"
    seen = {
        (r["year"], r["round"], r["kind"], r["code"])
        for r in book.db.query(
            "select a.year, a.round, a.kind, m.code from appraisals a join members m on m.id = a.member_id"
        )
    }
    for row in data.rows(sheet):
        v = row.values
        year = v.get("年度")
        m = _member_at(check, sheet, row.number, "党员", members, v.get("党员"), None)
        if not (m and year and v.get("类型") and v.get("等次")):
            continue
        if not 2000 <= year <= date.today().year + 1:
            check.add(sheet, row.number, "年度", f"年度 {year} 不合理，请填四位年份")
            continue
        key = (year, v.get("轮次") or 1, v["类型"], m["code"])
        if key in seen:
            check.add(
                sheet,
                row.number,
                "党员",
                f"{m['name']} {year} 年第{key[1]}轮{v['类型']}已有结果，不能重复",
            )
            continue
        seen.add(key)
        from desktop.book.ballots import votes_from_row
        from desktop.rules.ballots import check_votes

        votes = votes_from_row(v)
        if votes is not None:
            bad = check_votes(votes, v.get("参加人数"))
            if bad:
                check.add(sheet, row.number, "优秀票", "；".join(bad))
                continue
        check.plan.appraisals.append(
            {
                "year": year,
                "round": key[1],
                "kind": v["类型"],
                "member": m["code"],
                "grade": v["等次"],
                "id": check.record_no(sheet, row),
                "_votes": votes,
                "_voters": v.get("参加人数"),
            }
        )
    check.plan.preview[sheet] = check.plan.appraisals


def _read_vetoes(data: Any, check: _Checker, members: _Members) -> None:
    sheet = "一票否决"
    for row in data.rows(sheet):
        v = row.values
        when = _iso(v.get("日期"))
        m = _member_at(check, sheet, row.number, "党员", members, v.get("党员"), None)
        if not (m and when and v.get("原因")):
            continue
        kind = v.get("情形") or ""
        if kind:
            check.veto_kinds.append((row.number, int(when[:4]), kind))
        check.plan.vetoes.append(
            {
                "member": m["code"],
                "date": when,
                "reason": v["原因"],
                "decided_by": v.get("决定人") or "",
                "kind": kind,
                "id": check.record_no(sheet, row),
            }
        )
    check.plan.preview[sheet] = check.plan.vetoes


# -- writing ---------------------------------------------------------------------------------


def apply_import(book: Book, plan: ImportPlan) -> ImportPlan:
    """Write a checked plan in one transaction, after a verified backup. All or nothing."""
    if plan.problems:
        raise WorkbookRefused(
            f"工作簿有 {len(plan.problems)} 处问题，未导入任何内容。", plan.problems
        )
    if not plan.counts:
        raise WorkbookRefused(
            "工作簿里没有可导入的内容。", ["请检查工作表名称和表头是否与模板一致。"]
        )
    from desktop.book.backup import backup_book

    backup_book(book, reason="导入前")
    _write(book, plan)
    return plan


def _write(book: Book, plan: ImportPlan) -> None:
    """Everything in one action (one transaction): refused whole if the written book's chain
    of confirmed quarters or their facts digests disagree with the workbook."""
    from desktop.book import branch_sheets, quarter_sheets
    from desktop.book.quarter_sheets import STEP_COLUMNS, _insert_keeping_ids

    roster = book.roster
    db = book.db
    stamp = now_iso()
    with book.action("导入工作簿", plan.path.name, **plan.counts):
        for g in plan.groups:
            if not g["exists"]:
                roster._group_id_or_create(g["name"])
        taken = {r[0] for r in db.execute("select id from members")}
        members = [{k: v for k, v in m.items() if not k.startswith("_")} for m in plan.members]
        for m in members:
            if m.get("id") in taken:
                m["id"] = None  # the id is another member's here: SQLite picks one
        # Members keeping their 记录号 first, so an id picked for another never takes theirs.
        for m in sorted(members, key=lambda m: m.get("id") is None):
            roster._insert_member(m, history=not plan.events_sheet)
        code_to_id = dict(db.execute("select code, id from members").fetchall())
        for g in plan.groups:
            changes: dict[str, Any] = {}
            if g["leader_code"]:
                changes["leader_id"] = code_to_id[g["leader_code"]]
            if g["note"]:
                changes["note"] = g["note"]
            if changes:
                db.execute(
                    f"update party_groups set {', '.join(f'{k} = ?' for k in changes)} where name = ?",
                    [*changes.values(), g["name"]],
                )
        _insert_keeping_ids(
            book, "activities", [{**a, "created_at": stamp} for a in plan.activities]
        )
        activity_ids = dict(db.execute("select code, id from activities").fetchall())
        _insert_keeping_ids(
            book,
            "attendance",
            [
                {
                    "id": a.get("id"),
                    "activity_id": activity_ids[a["activity"]],
                    "member_id": code_to_id[a["member"]],
                    "status": a["status"],
                    "witnesses": a["witnesses"],
                    "note": a["note"],
                    "host_org": a.get("host_org", ""),
                    "created_at": stamp,
                }
                for a in plan.attendance
            ],
        )
        _insert_keeping_ids(
            book,
            "dues_payments",
            [
                {**_without(d, "member"), "member_id": code_to_id[d["member"]], "created_at": stamp}
                for d in plan.dues
            ],
        )
        _insert_keeping_ids(
            book,
            "dues_rates",
            [
                {**_without(r, "member"), "member_id": code_to_id[r["member"]], "created_at": stamp}
                for r in plan.rates
            ],
        )
        # Every claim row carries the same columns: steps absent from the file stay empty.
        steps = {key: None if key.endswith("_at") else "" for key in STEP_COLUMNS.values()}
        record_ids: dict[str, dict[int, int]] = {}
        # Ballot tallies go in after their results, found again by (year, round, kind, member).
        tallies = {
            (a["year"], a["round"], a["kind"], a["member"]): (a["_votes"], a["_voters"])
            for a in plan.appraisals
            if a.get("_votes") is not None
        }
        appraisal_rows = [
            {k: v for k, v in a.items() if k not in ("_votes", "_voters")} for a in plan.appraisals
        ]
        for table, rows in (
            ("claims", [{**steps, **c} for c in plan.claims]),
            ("appraisals", appraisal_rows),
            ("vetoes", plan.vetoes),
        ):
            record_ids[table] = _insert_keeping_ids(
                book,
                table,
                [
                    {
                        **_without(r, "member"),
                        "member_id": code_to_id[r["member"]],
                        "created_at": stamp,
                    }
                    for r in rows
                ],
            )
        if tallies:
            from desktop.book.ballots import TALLY_COLUMNS

            for (year, rnd, kind, code), (votes, voters) in tallies.items():
                aid = book.execute(
                    "select max(id) from appraisals where year = ? and round = ? and kind = ? "
                    "and member_id = ?",
                    [year, rnd, kind, code_to_id[code]],
                ).fetchone()[0]
                book.db["appraisal_tallies"].insert(
                    {
                        "appraisal_id": aid,
                        **{TALLY_COLUMNS[g]: n for g, n in votes.items()},
                        "voters": voters,
                    }
                )
        # Withdrawals and the rest before the quarters: confirmed periods lock by date.
        branch_sheets.write_plan(book, plan, code_to_id, record_ids)
        from desktop.book import ruling_sheets

        ruling_sheets.write_plan(book, plan, code_to_id)
        quarter_sheets.write_plan(book, plan, code_to_id)
        if plan.snapshots:
            problems = quarter_sheets.check_written(book.conn, plan)
            if problems:
                raise WorkbookRefused(
                    f"工作簿有 {len(problems)} 处问题，未导入任何内容：", problems
                )


def _without(d: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k != key}


def _already_in_book(book: Book, data: Any) -> str | None:
    """The plain reason when the workbook's records are already in this book (a book's own
    export imported back into it): otherwise the user meets hundreds of 不能重复 lines first."""
    codes = {r[0] for r in book.execute("select code from members")}
    members = sum(1 for r in data.rows("党员名册") if r.values.get("编号") in codes)
    codes = {r[0] for r in book.execute("select code from activities")}
    activities = sum(1 for r in data.rows("活动") if r.values.get("编号") in codes)
    if not members and not activities:
        return None
    what = "、".join(
        text
        for n, text in ((members, f"{members} 名党员"), (activities, f"{activities} 次活动"))
        if n
    )
    return (
        f"这个工作簿的记录已在本账本中：其中 {what}与账本中已有的编号相同，下面的“不能重复”"
        "都由此而来。导入只添加新记录，不合并、不覆盖。从账本导出的工作簿可以导入到一个空账本"
        "（先新建账本，再导入）；只想添加新党员或新记录，请在工作簿中删去已有的行后再导入。"
    )


def import_workbook(
    book: Book,
    path: Path,
    *,
    mappings: dict[str, dict[str, str | None]] | None = None,
    today: date | None = None,
    guess_headers: bool = False,
) -> ImportPlan:
    """Read, check and write a workbook; raise `WorkbookRefused` listing every problem."""
    plan = read_for_import(book, path, mappings=mappings, today=today, guess_headers=guess_headers)
    return import_plan(book, plan)


def import_plan(book: Book, plan: ImportPlan) -> ImportPlan:
    """Write a plan `read_for_import` made, or raise `WorkbookRefused` listing its problems."""
    if plan.headline:  # said first, then the duplicates it explains
        rest = plan.problems[1:]
        raise WorkbookRefused(f"未导入任何内容。{plan.headline}逐条如下（{len(rest)} 处）：", rest)
    if plan.problems:
        raise WorkbookRefused(
            f"工作簿有 {len(plan.problems)} 处问题，未导入任何内容：", plan.problems
        )
    return apply_import(book, plan)


# -- export ----------------------------------------------------------------------------------


def export_data(book: Book) -> dict[str, list[dict[str, Any]]]:
    """The book as interchange sheets ({sheet → rows of {column → value}})."""
    from desktop.book import branch_sheets, quarter_sheets

    members = book.roster.members(include_left=True)
    code_of = {m["id"]: m["code"] for m in members}

    def d(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    roster_rows = []
    for m in members:
        row: dict[str, Any] = {}
        for key, label in _LABELS.items():
            value = m.get(key)
            if key.endswith("_date"):
                # A date known only to the month stays "YYYY-MM" (no invented day).
                value = value if is_month_only(value) else d(value)
            elif key in ("mobile", "exempt", "leader"):
                value = bool(value)
            row[label] = value if value != "" else None
        row["记录号"] = m["id"]
        roster_rows.append(row)
    groups = [
        {"名称": g["name"], "组长": code_of.get(g["leader_id"]), "备注": g["note"] or None}
        for g in book.roster.groups()
    ]
    activities = [
        {
            "编号": r["code"],
            "日期": d(r["date"]),
            "类型": r["type"],
            "主题": r["topic"] or None,
            "地点": r["place"] or None,
            "主持人": r["host"] or None,
            "记录人": r["recorder"] or None,
            "记录号": r["id"],
            "会议记录": r["minutes"] or None,
            "决定事项": r["decisions"] or None,
        }
        for r in book.db.query("select * from activities order by date, id")
    ]
    attendance = [
        {
            "活动编号": r["code"],
            "党员": code_of[r["member_id"]],
            "状态": r["status"],
            "证明人": r["witnesses"] or None,
            "备注": r["note"] or None,
            "参加单位": r["host_org"] or None,
            "记录号": r["id"],
        }
        for r in book.db.query(
            "select a.code, t.* from attendance t join activities a on a.id = t.activity_id "
            "order by a.date, a.id, t.id"
        )
    ]
    dues = [
        {
            "党员": code_of[r["member_id"]],
            "月份": r["month"],
            "应缴": r["due_fen"],
            "实缴": r["paid_fen"],
            "缴纳日期": d(r["paid_date"]),
            "收款人": r["receiver"] or None,
            "收据号": r["receipt_no"] or None,
            "记录号": r["id"],
        }
        for r in book.db.query("select * from dues_payments order by month, id")
    ]
    rates = [
        {
            "党员": code_of[r["member_id"]],
            "起始月份": r["from_month"],
            "类别": r["category"],
            "月收入": r["income_fen"],
            "每月金额": r["monthly_fen"],
            "调整原因": r["override_reason"] or None,
            "批准": r["approved_by"] or None,
            "记录号": r["id"],
        }
        for r in book.db.query("select * from dues_rates order by member_id, from_month")
    ]
    claims = [
        {
            "党员": code_of[r["member_id"]],
            "日期": d(r["date"]),
            "项目": r["item"],
            "分值": Decimal(r["points"]),
            "事由": r["reason"] or None,
            "状态": r["status"],
            "记录号": r["id"],
        }
        for r in book.db.query("select * from claims order by date, id")
    ]
    from desktop.book.ballots import TALLY_COLUMNS

    appraisals = [
        {
            "年度": r["year"],
            "轮次": r["round"],
            "类型": r["kind"],
            "党员": code_of[r["member_id"]],
            "等次": r["grade"],
            "记录号": r["id"],
            # The ballot tally the grade came from (empty when it was typed by hand).
            **{f"{g}票": r[c] for g, c in TALLY_COLUMNS.items()},
            "参加人数": r["voters"],
        }
        for r in book.db.query(
            "select a.*, t.excellent, t.good, t.basic, t.poor, t.voters from appraisals a "
            "left join appraisal_tallies t on t.appraisal_id = a.id "
            "order by a.year, a.round, a.kind, a.id"
        )
    ]
    vetoes = [
        {
            "党员": code_of[r["member_id"]],
            "日期": d(r["date"]),
            "原因": r["reason"],
            "决定人": r["decided_by"] or None,
            "记录号": r["id"],
            "情形": r["kind"] or None,
        }
        for r in book.db.query("select * from vetoes order by date, id")
    ]
    return {
        "党员名册": roster_rows,
        "党小组": groups,
        "活动": activities,
        "签到": attendance,
        "党费": dues,
        "党费标准": rates,
        "积分申报": claims,
        "民主评议": appraisals,
        "一票否决": vetoes,
        **quarter_sheets.export_rows(book, code_of),
        **branch_sheets.export_rows(book, code_of),
        **ruling_sheets_rows(book, code_of),
    }


def ruling_sheets_rows(book: Book, code_of: dict[int, str]) -> dict[str, list[dict[str, Any]]]:
    from desktop.book import ruling_sheets

    return ruling_sheets.export_rows(book, code_of)


def export_workbook(book: Book, path: Path) -> Path:
    from desktop.book.outputs import check_output_path
    from desktop.sheets.errors import WorkbookError
    from desktop.sheets.writer import write_workbook

    path = check_output_path(path, book.path)
    try:
        write_workbook(path, export_data(book))
    except WorkbookError as exc:
        raise InputRefused(str(exc)) from exc
    return path
