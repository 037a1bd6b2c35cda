"""A township 花名册 as it is: what the ID number fills in, and importing only the right rows.

`read_for_import` (interchange.py) reads and checks the roster; this module adds what a roster
kept by the township needs beyond the interchange workbook: the birth date taken from a valid
ID number, and `split_good_rows` / `write_problem_rows`, which import the rows that are right
and hand the refused ones back, as they were and with a 问题 column, in a workbook that
imports again once fixed. All or nothing stays the default.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.book.errors import InputRefused
from desktop.rules.dates import date_cn, is_month_only
from desktop.rules.idcard import birth_date_from_id, gender_from_id, is_valid_id_card

if TYPE_CHECKING:
    from desktop.book.interchange import ImportPlan

ROSTER = "党员名册"
#: Sheets whose rows can be imported without the refused roster rows.
GOOD_ROW_SHEETS = ("党员名册", "党小组")


def fill_from_id(fields: dict[str, Any]) -> bool:
    """Fill 出生日期 (and an empty 性别) from a valid 18-digit ID number; True if anything was
    filled. A birth date known only to the month that agrees with the ID takes the ID's day;
    one that disagrees is left for `validate_member` to report."""
    id_card = fields.get("id_card")
    if not id_card or not is_valid_id_card(str(id_card)):
        return False
    born = birth_date_from_id(str(id_card))
    if born is None:
        return False
    filled = False
    birth = fields.get("birth_date")
    if not birth or (isinstance(birth, str) and birth == born.isoformat()[:7]):
        filled = not birth
        fields["birth_date"] = born.isoformat()
    if not fields.get("gender"):
        fields["gender"] = gender_from_id(str(id_card))
        filled = True
    return filled


def id_keepers(rows: list[Any]) -> dict[str, Any]:
    """{ID number → the row that keeps it} for numbers on more than one roster row: the first
    whose birth date agrees with the number (else the first). The others are the mistake and
    are reported, each at its row; the keeper is not (one mistake, reported at its cause)."""
    by_id: dict[str, list[Any]] = {}
    for row in rows:
        number = row.values.get("身份证号")
        if number:
            by_id.setdefault(number, []).append(row)
    keepers: dict[str, Any] = {}
    for number, same in by_id.items():
        if len(same) < 2:
            continue
        born = birth_date_from_id(number)

        def agrees(row: Any, born: Any = born) -> bool:
            birth = row.values.get("出生日期")
            text = birth.isoformat() if hasattr(birth, "isoformat") else str(birth or "")
            return bool(born) and bool(text) and born.isoformat().startswith(text)

        keepers[number] = next((r for r in same if agrees(r)), same[0])
    return keepers


#: Fields a roster row is compared by with the member the book holds under its ID number
#: (the flags 流动党员/免考/党员领导干部 are not: an empty cell cannot be told from 否).
COMPARED = (
    "code",
    "gender",
    "ethnicity",
    "birth_date",
    "phone",
    "education",
    "status",
    "joined_date",
    "confirmed_date",
    "group",
    "transferred_in_date",
    "left_date",
    "left_reason",
)


def _same(key: str, ours: Any, theirs: Any) -> bool:
    a, b = str(ours or "").strip(), str(theirs or "").strip()
    if key.endswith("_date") and (is_month_only(a) or is_month_only(b)):
        # 1985-07 on the township's roster and 1985-07-01 in the book are the same date
        # known less exactly.
        return a.startswith(b) or b.startswith(a)
    return a.upper() == b.upper() if key == "id_card" else a == b


def differences(fields: dict[str, Any], held: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(field key, the row's value, the book's) where a roster row says something else than
    the member the book holds under its ID number; an empty cell says nothing. Dates as
    people write them (1985年7月)."""
    found = []
    for key in COMPARED:
        theirs = fields.get(key)
        if theirs in (None, "") or _same(key, held.get(key), theirs):
            continue
        if key == "code" and not fields.get("_code_given"):
            continue
        ours = held.get(key)
        found.append((key, date_cn(theirs), date_cn(ours) if ours not in (None, "") else "（空）"))
    if held.get("left_date") and not fields.get("left_date"):
        found.append(("left_date", "（空）", date_cn(held["left_date"])))
    return found


def unchanged_note(sheet: str, names: list[str]) -> str:
    """「花名册：32 人已在名册中，未改动（王建国、李秀英、张伟等32人）。」"""
    return f"{sheet}：{len(names)} 人已在名册中，未改动（{few(names)}）。"


def few(names: list[str], shown: int = 3) -> str:
    """「王建国、李秀英、张伟等32人」: the first few names, then how many in all."""
    head = "、".join(names[:shown])
    return head if len(names) <= shown else f"{head}等{len(names)}人"


#: Words of a township roster's 备注 that mean a standing the book keeps as a flag, with what
#: registering it takes (longest first: 流动党员 before 流动). Only said, never set: the
#: 备注 may be old, and registering needs what the note lacks (流动去向, 批准日期).
STANDING_WORDS: tuple[tuple[str, str], ...] = (
    ("流动党员", "mobile"),
    ("外出务工", "mobile"),
    ("外出打工", "mobile"),
    ("外出经商", "mobile"),
    ("流动", "mobile"),
    ("年老体弱", "exempt"),
    ("长期卧床", "exempt"),
    ("行动不便", "exempt"),
    ("免考", "exempt"),
)
_REGISTER = {
    "mobile": "不是流动党员。如确在外流动，请导入后在党员名册中选中{him}，点“登记变动…”"
    "登记“流动”（填写流动去向，选择省内或省外）",
    "exempt": "不免考。如支部已决定免于积分考核，请导入后在党员名册中选中{him}，点“登记变动…”"
    "登记“免考”（填写批准日期和原因）",
}


def standing_note(note: Any, member: dict[str, Any], where: str) -> str:
    """The notice for a 备注 naming a standing the member's flags do not have ('' if none):
    「花名册 第9行 赵六 的备注写着“流动党员”，名册中他不是流动党员。如确在外流动，…」."""
    text = str(note or "")
    said: list[str] = []
    for flag in ("mobile", "exempt"):
        word = next((w for w, f in STANDING_WORDS if f == flag and w in text), None)
        if word and not member.get(flag):
            him = "她" if member.get("gender") == "女" else "他"
            said.append(f"备注写着“{word}”，名册中{him}" + _REGISTER[flag].format(him=him))
    if not said:
        return ""
    return f"{where} {member.get('name') or ''} 的" + "；".join(said) + "。"


@dataclass
class GoodRows:
    """The plan of the rows that are right, and the refused rows with their problems."""

    plan: ImportPlan
    #: Excel row number in the roster sheet → its problems (one line each, as listed).
    refused: dict[int, list[str]]
    sheet: str  # the roster sheet's name in the file
    header_row: int
    #: Excel row number → the 编号 the book gave that refused row, when the sheet has no
    #: codes: the problem workbook carries them, so the fixed rows fill their own gaps
    #: (004, 012 …) instead of being numbered after the last member.
    codes: dict[int, str] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        return f"{len(self.refused)} 行有问题没有导入"


def split_good_rows(plan: ImportPlan) -> GoodRows:
    """The rows of a checked roster that are right (a new plan with only them) and the rows
    refused. Raises `InputRefused` when a problem is not one row's (a missing column, a sheet
    named twice, the workbook already in the book) or the workbook holds sheets besides the
    roster (their rows may name the members refused)."""
    from desktop.book.interchange import WorkbookRefused

    if plan.roster_source is None:
        raise InputRefused("只导入无误的行：工作簿里没有党员名册，请不加 --good-rows 导入。")
    sheet, header_row = plan.roster_source
    others = [label for label in plan.counts if label not in ("党员", "党小组")]
    if others:
        raise InputRefused(
            "只导入无误的行只用于党员名册（可带党小组）；这个工作簿还有 "
            + "、".join(others)
            + "，请改正全部问题后一起导入。"
        )
    whole = [
        text
        for text, (s, row) in zip(plan.problems, plan.problem_where, strict=True)
        if s != sheet or row is None or row <= header_row
    ]
    if whole:
        raise WorkbookRefused(
            f"有 {len(whole)} 处问题不属于某一行（如缺少必填列），只导入无误的行也无从做起；"
            "请先改正：",
            whole,
        )
    refused: dict[int, list[str]] = {}
    for text, (_, row) in zip(plan.problems, plan.problem_where, strict=True):
        assert row is not None
        refused.setdefault(row, []).append(text)
    good = copy.copy(plan)
    good.members = [m for m in plan.members if m["_row"] not in refused]
    codes = {m["code"] for m in good.members}
    good.groups = [
        {**g, "leader_code": g["leader_code"] if g["leader_code"] in codes else None}
        for g in plan.groups
    ]
    good.problems = []
    good.problem_where = []
    good.headline = ""
    good.preview = {**plan.preview}
    good.preview[ROSTER] = [
        p
        for p, m in zip(plan.preview.get(ROSTER, []), plan.members, strict=False)
        if m["_row"] not in refused
    ]
    codes = (
        {}
        if any(m.get("_code_given") for m in plan.members)
        else {m["_row"]: m["code"] for m in plan.members if m["_row"] in refused}
    )
    return GoodRows(good, refused, sheet, header_row, codes)


def problem_text(lines: list[str], sheet: str, row: int) -> str:
    """A row's problems for its 问题 cell, without the 「花名册 第8行」 each line begins with."""
    prefix = f"{sheet} 第{row}行"
    out = []
    for line in lines:
        rest = line.removeprefix(prefix).lstrip()
        out.append(rest.removeprefix(":").strip() if rest.startswith(":") else rest)
    return "；".join(out)


def write_problem_rows(
    source: Path, good: GoodRows, out: Path, book_path: Path | None = None
) -> Path:
    """Write the refused rows, as they were in `source` under its header row, with a 问题
    column, to `out` (re-importable once fixed). Never over a book (outputs guard) nor over
    the roster being read, which the secretary still needs."""
    from desktop.book.errors import InputRefused
    from desktop.book.outputs import check_output_path
    from desktop.sheets.problems import write_problem_workbook

    check_output_path(out, book_path)
    if Path(out).resolve() == Path(source).resolve():
        raise InputRefused(
            f"问题工作簿不能写到正在导入的“{Path(source).name}”上，那会覆盖原来的名册。",
            ["请另取一个文件名，例如“名册-问题行.xlsx”。"],
        )

    notes = {
        row: problem_text(lines, good.sheet, row) for row, lines in sorted(good.refused.items())
    }
    return write_problem_workbook(source, good.sheet, good.header_row, notes, out, codes=good.codes)
