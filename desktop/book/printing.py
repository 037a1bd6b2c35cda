"""What the book prints: gathers plain data and hands it to `desktop.paper`.

The window and the CLI both call `print_document`, so a sheet looks the same from either.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.reports import roster_for_print
from desktop.book.store import Book


def _roster(book: Book, out: Path, **opts: Any) -> None:
    from desktop.paper.roster import write_roster

    write_roster(
        out,
        book.branch(),
        roster_for_print(book, order=opts.get("order") or "strokes"),
        printed_on=date.today().isoformat(),
    )


def _activists(book: Book, out: Path, **opts: Any) -> None:
    from desktop.paper.roster import ACTIVIST_COLUMNS, write_roster

    write_roster(
        out,
        book.branch(),
        roster_for_print(book, order=opts.get("order") or "strokes", activists=True),
        title="入党积极分子名册",
        printed_on=date.today().isoformat(),
        columns=ACTIVIST_COLUMNS,
        signers=("制表人", "支部书记"),
    )


# KIND → (Chinese name, writer). Later issues register more kinds here.
KINDS: dict[str, tuple[str, Callable[..., None]]] = {
    "roster": ("党员花名册", _roster),
    "activists": ("入党积极分子名册", _activists),
}


def _register_dues() -> None:
    # Issue 5: dues-register, receipts (--year Y), dues-publicity, dues-reminders.
    from desktop.book.dues_print import DUES_KINDS

    KINDS.update(DUES_KINDS)


_register_dues()


def _register_meetings() -> None:
    # Issue 4: signin, attendance (--activity), attendance-summary, warning/reminder notices.
    from desktop.book.meetings_print import MEETING_KINDS

    KINDS.update(MEETING_KINDS)


_register_meetings()


def _register_quarter() -> None:
    # Issue 6: publicity, quarter-review (--year --quarter), bonus-details, member-register.
    from desktop.book.quarter_print import QUARTER_KINDS

    KINDS.update(QUARTER_KINDS)


_register_quarter()


def _register_year_end() -> None:
    # The year's end: rating (年度星级评定表, also .xlsx), certificates (荣誉证书), --year.
    from desktop.book.year_end_print import YEAR_END_KINDS

    KINDS.update(YEAR_END_KINDS)


_register_year_end()


def _register_scheme() -> None:
    # The year's points scheme (积分方案), --year.
    from desktop.book.scheme_print import SCHEME_KINDS

    KINDS.update(SCHEME_KINDS)


_register_scheme()


def _register_forms() -> None:
    # Issue 15: the forms the plans call for (申报表, 行事历, 测评票, 计票汇总表, 异议登记答复表,
    # 一票否决决定书, 党费上缴登记表).
    from desktop.book.forms_print import FORM_KINDS

    KINDS.update(FORM_KINDS)


_register_forms()


def _register_periods() -> None:
    # Issue 16: the scheme's own cycle — 党员积分情况通报 for a month or a half-year.
    from desktop.book.period_print import PERIOD_KINDS

    KINDS.update(PERIOD_KINDS)


_register_periods()


# Kinds whose writer produces a workbook when --out ends in .xlsx (quarter_print.py; the
# dues register is the workbook of `dues export-register`).
XLSX_KINDS = frozenset(
    {"publicity", "quarter-review", "bonus-details", "member-register", "rating", "dues-register"}
)


def unprintable_names(book: Book) -> list[str]:
    """Names (members, activists, groups, the branch) with a character no print font has.

    Our fonts cover the basic block, Extension A and the 通用规范汉字表 beyond it; anything
    rarer prints as 〓. Said before printing, so the secretary can write it in by hand or
    check the entry, instead of finding a name short of a character on paper.
    """
    from desktop.paper.fonts import MISSING_MARK, unprintable

    lines = []
    names = [(m["name"], "姓名") for m in book.roster.members(include_left=False)]
    names += [(g["name"], "党小组") for g in book.roster.groups()]
    names.append((book.branch()["name"], "党组织名称"))
    for name, what in names:
        missing = unprintable(name or "")
        if missing:
            shown = "".join(MISSING_MARK if ch in missing else ch for ch in name)
            lines.append(
                f"{what}“{name}”中的“{'、'.join(missing)}”字，打印字体中没有，"
                f"将印作“{shown}”，请在纸上手写补正。"
            )
    return lines


def print_document(book: Book, kind: str, out: Path, **opts: Any) -> Path:
    """Write the PDF of `kind` to `out` (atomically: a failed print leaves no half file)."""
    if kind not in KINDS:
        known = "，".join(f"{k}（{name}）" for k, (name, _) in KINDS.items())
        raise InputRefused(f"不认识的打印种类“{kind}”。", [f"可用的种类：{known}。"])
    out = Path(out)
    if out.suffix.lower() == ".xlsx" and kind not in XLSX_KINDS:
        raise InputRefused(
            f"“{KINDS[kind][0]}”只能输出 PDF。",
            [
                f"请把 --out 改为以 .pdf 结尾；可输出 .xlsx 表格的种类：{'，'.join(sorted(XLSX_KINDS))}。"
            ],
        )
    # A mistyped path must be told, not answered with a new folder somewhere (as export does).
    if not out.parent.is_dir():
        raise InputRefused(
            f"文件夹不存在：{out.parent}。",
            ["请检查 --out 的路径，或先建好这个文件夹，再重新打印。"],
        )
    from desktop.book.outputs import check_output_path

    check_output_path(out, book.path)
    part = out.with_name(out.name + ".part")
    try:
        KINDS[kind][1](book, part, **opts)
        part.replace(out)
    finally:
        part.unlink(missing_ok=True)
    return out
