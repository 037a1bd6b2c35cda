"""What an interchange import would write and what stops it (`ImportPlan`), and the
`Checker` that collects problems as `工作表名 第N行 列名: 问题` while rows become records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop.book.errors import InputRefused
from desktop.rules.facts import VOTED_KINDS

SHEET_LABELS = {
    "党小组": "党小组",
    "党员名册": "党员",
    "活动": "活动",
    "签到": "签到记录",
    "党费": "党费记录",
    "党费标准": "党费标准",
    "积分申报": "积分申报",
    "民主评议": "民主评议",
    "自评与组织考评": "自评与组织考评",
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
    "党费冲销": "党费冲销",
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
    dues_reversals: list[dict[str, Any]] = field(default_factory=list)
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
    #: Names of the roster rows already in the book (by ID number) and agreeing with it:
    #: not imported again, and not a problem (the township's updated 花名册 lists everyone).
    unchanged: list[str] = field(default_factory=list)
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
            ("民主评议", [a for a in self.appraisals if a["kind"] in VOTED_KINDS]),
            ("自评与组织考评", [a for a in self.appraisals if a["kind"] not in VOTED_KINDS]),
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
            ("党费冲销", self.dues_reversals),
            # The extension sheets read by book/ruling_sheets (the import said nothing of them).
            ("上级审批", self.rulings.get("approvals", [])),
            ("积分兑换", self.rulings.get("exchanges", [])),
            ("评议会议", self.rulings.get("rounds", [])),
            ("评议选票", self.rulings.get("ballots", [])),
            ("党员大会表决", self.rulings.get("votes", [])),
        )
        return {label: len(rows) for label, rows in pairs if rows}

    def summary(self) -> str:
        parts = [f"{label} {n} 条" for label, n in self.counts.items()]
        if self.unchanged:
            kept = f"{len(self.unchanged)} 人已在名册中，未改动"
            return (
                f"{'，'.join(parts)}（另有 {kept}）" if parts else f"没有新的党员要导入（{kept}）"
            )
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


def iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


class Checker:
    """Collects problems in CONTRACT.md's format while rows are turned into records."""

    def __init__(
        self, plan: ImportPlan, data: Any, mappings: dict[str, dict[str, str | None]]
    ) -> None:
        self.plan = plan
        self.data = data
        self.year_schemes: dict[int, Any] = {}  # contract_sheets.scheme_of_year's cache
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
