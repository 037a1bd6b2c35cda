"""Import and export of the interchange workbook (CONTRACT.md), all or nothing.

Reading and checking (`read_for_import`) writes nothing, so the window can show a preview and
every problem as `工作表名 第N行 列名: 问题`; `apply_import` then writes everything in one
transaction after a verified backup. `export_workbook` writes what an empty book needs to
reproduce this one.

The work is split by seam: `interchange_plan` (the plan and its problems), `contract_sheets`
(the contract's own sheets read and checked), `quarter_sheets`, `branch_sheets` and
`ruling_sheets` (the program's extension sheets, read and written), `interchange_preview`
(the preview under Chinese column names) and `interchange_export` (writing the workbook).
This module reads them in order and writes a checked plan.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from desktop.book import contract_sheets, ruling_checks
from desktop.book.errors import InputRefused
from desktop.book.interchange_export import export_data, export_workbook, ruling_sheets_rows
from desktop.book.interchange_plan import SHEET_LABELS, Checker, ImportPlan, WorkbookRefused
from desktop.book.interchange_preview import label_previews
from desktop.book.store import Book, now_iso

__all__ = [
    "SHEET_LABELS",
    "ImportPlan",
    "WorkbookRefused",
    "apply_import",
    "export_data",
    "export_workbook",
    "import_plan",
    "import_workbook",
    "read_for_import",
    "ruling_sheets_rows",
]


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
    check = Checker(plan, data, mappings or {})
    today = today or date.today()
    members, activities = contract_sheets.read_sheets(book, data, check, today)

    def member_at(check: Checker, sheet: str, row: int, column: str, ref: Any, when: Any) -> Any:
        return contract_sheets.member_at(check, sheet, row, column, members, ref, when)

    quarter_sheets.read_sheets(book, check, members, member_at, today)
    branch_sheets.read_sheets(book, check, members, activities, today)
    contract_sheets.check_claims(book, check)  # after the workbook's own schemes are read
    contract_sheets.check_appraisal_rounds(book, check)
    from desktop.book import ruling_sheets

    ruling_sheets.read_sheets(check, members, book, activities)
    plan.problems = check.sorted_problems()
    headline = _already_in_book(book, data) if plan.problems else None
    if headline:
        plan.headline = headline
        plan.problems.insert(0, headline)
        plan.problem_where.insert(0, ("", None))
    label_previews(plan)
    if not plan.problems and (plan.snapshots or ruling_checks.needed(plan)):
        _trial(book, plan, check)
    return plan


def _trial(book: Book, plan: ImportPlan, check: Checker) -> None:
    """Write the plan into an in-memory copy of the book and check there what needs the rows
    written: the imported confirmed quarters (their facts digests) and the votes and decisions
    (ruling_checks, by the checks hand entry makes). The book is not touched."""
    import sqlite3

    from desktop.book import ruling_checks

    scratch = sqlite3.connect(":memory:")
    try:
        book.conn.backup(scratch)
        scratch.execute("PRAGMA foreign_keys = ON")
        copy = Book(book.path, scratch, actor=book.actor)
        try:
            _write(copy, plan)  # checks what it wrote, as the real import does
        except WorkbookRefused as exc:
            plan.problems = exc.lines()
        except (InputRefused, sqlite3.Error) as exc:
            plan.problems = [f"工作簿无法导入：{exc}"]
        else:
            found = ruling_checks.check_written(copy, plan)
            found += ruling_checks.check_appraisals(copy, plan)
            for sheet, row, column, message in found:
                check.add(sheet, row, column, message)
            plan.problems = check.sorted_problems()
            return
        plan.problem_where = [("", None)] * len(plan.problems)
    finally:
        scratch.close()


# -- writing ---------------------------------------------------------------------------------


def apply_import(book: Book, plan: ImportPlan) -> ImportPlan:
    """Write a checked plan in one transaction, after a verified backup. All or nothing."""
    if plan.problems:
        raise WorkbookRefused(
            f"工作簿有 {len(plan.problems)} 处问题，未导入任何内容。", plan.problems
        )
    if not plan.counts:
        if plan.unchanged:  # the township's roster again, no one new: nothing to write
            return plan
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
        # Kept: a 党费冲销 row names a payment without 收据号 by its 记录号 ("#12").
        dues_ids = _insert_keeping_ids(
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
        record_ids: dict[str, dict[int, int]] = {"dues_payments": dues_ids}
        # Ballot tallies go in after their results, found again by (year, round, kind, member).
        tallies = {
            (a["year"], a["round"], a["kind"], a["member"]): (a["_votes"], a["_voters"])
            for a in plan.appraisals
            if a.get("_votes") is not None
        }
        appraisal_rows = [
            {k: v for k, v in a.items() if k not in ("_votes", "_voters", "_where")}
            for a in plan.appraisals
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
    theirs = next(
        (str(r.values.get("支部名称") or "").strip() for r in data.rows("支部信息")[:1]), ""
    )
    ours = (book.branch().get("name") or "").strip()
    if theirs and ours and theirs != ours:
        # Another branch's workbook: its codes only look like ours (001…); saying the records
        # are already here would send the secretary looking for a merge that is not one.
        return (
            f"这个工作簿是另一个支部“{theirs}”的，当前账本是“{ours}”：其中 {what}的编号与"
            "本账本的相同，下面的“不能重复”都由此而来。导入只添加新记录，不合并、不覆盖。"
            "要查看另一个支部的记录，请先新建一个账本，再把工作簿导入那个账本。"
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
