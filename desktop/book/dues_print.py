"""Printed dues forms, registered in `desktop.book.printing.KINDS`:

dues-register    党费收缴台账 (--year Y; default the book's year); an .xlsx out gets the workbook
receipts         党费收据, every receipt of the year (--year Y), or `numbers=[...]`
dues-publicity   党费收缴公示 (--year Y; publicity from today for 5 days unless given)
dues-reminders   党费催缴通知 for everyone who owes 3 months or more (or `member_ids=[...]`)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from desktop.book import dues
from desktop.book.errors import InputRefused
from desktop.book.store import Book


def _year(book: Book, opts: dict[str, Any]) -> int:
    return int(opts.get("year") or book.current_year)


def _today(opts: dict[str, Any]) -> date:
    return opts.get("today") or date.today()


def print_register(book: Book, out: Path, **opts: Any) -> None:
    if ".xlsx" in Path(out).suffixes:  # print_document writes to F.xlsx.part first
        from desktop.book.dues_sheets import export_register

        export_register(book, _year(book, opts), out, today=_today(opts))
        return
    from desktop.paper.dues import write_dues_register

    reg = dues.year_register(book, _year(book, opts), today=_today(opts))
    write_dues_register(out, reg, printed_on=_today(opts).isoformat())


def print_receipts(book: Book, out: Path, **opts: Any) -> None:
    from desktop.paper.dues import write_receipts

    numbers = opts.get("numbers")
    member = book.roster.find(opts["member"]) if opts.get("member") else None
    if numbers:
        found = dues.receipts(book, numbers=numbers)
    else:
        found = dues.receipts(
            book, year=_year(book, opts), member_id=member["id"] if member else None
        )
    if not found:
        what = "这些收据号" if numbers else f"{_year(book, opts)} 年"
        if member and not numbers:
            what += member["name"]
        raise InputRefused(f"{what}没有党费收据可打印。", ["请先在“党费”页登记缴费。"])
    write_receipts(out, book.branch(), found, printed_on=_today(opts).isoformat())


def print_publicity(book: Book, out: Path, **opts: Any) -> None:
    from desktop.paper.dues import write_dues_publicity

    today = _today(opts)
    reg = dues.year_register(book, _year(book, opts), today=today)
    start = opts.get("start") or today.isoformat()
    end = opts.get("end") or (date.fromisoformat(start) + timedelta(days=6)).isoformat()
    write_dues_publicity(
        out,
        reg,
        printed_on=today.isoformat(),
        start=start,
        end=end,
        contact=opts.get("contact") or dues.default_receiver(book),
    )


def print_reminders(book: Book, out: Path, **opts: Any) -> None:
    from desktop.paper.dues import write_dues_reminders

    today = _today(opts)
    rows = dues.arrears_overview(book, today=today)
    wanted = opts.get("member_ids")
    if wanted:
        rows = [r for r in rows if r["member_id"] in set(wanted)]
    else:
        rows = [r for r in rows if r["level"] >= 2]
    if not rows:
        raise InputRefused(
            "没有需要催缴的党员（欠缴 3 个月及以上的才自动打印催缴通知）。",
            ["要给欠缴较少的党员发通知，请在“党费 → 欠缴与催缴”中选中后打印。"],
        )
    # A reminder recorded in the book (`dues remind`) prints with its 文号, as the 警戒书 does.
    from desktop.book.meetings import Meetings
    from desktop.book.meetings_print import document_number

    notices = Meetings(book).notices()
    recorded = {}
    for n in notices:  # newest first: keep each member's latest 催缴通知
        if n["kind"] == "催缴通知" and n["member_id"] not in recorded:
            recorded[n["member_id"]] = document_number(book, n, notices)
    reminders = [
        {
            "name": r["name"],
            "months": r["months"],
            "owed_fen": r["owed_fen"],
            "run_length": r["arrears"].run_length,
            "doc_no": recorded.get(r["member_id"], ""),
        }
        for r in rows
    ]
    pay_by = opts.get("pay_by") or (today + timedelta(days=15)).isoformat()
    write_dues_reminders(
        out,
        book.branch(),
        reminders,
        printed_on=today.isoformat(),
        pay_by=pay_by,
        receiver=opts.get("receiver") or dues.default_receiver(book),
    )


DUES_KINDS: dict[str, tuple[str, Callable[..., None]]] = {
    "dues-register": ("党费收缴台账", print_register),
    "receipts": ("党费收据", print_receipts),
    "dues-publicity": ("党费收缴公示", print_publicity),
    "dues-reminders": ("党费催缴通知", print_reminders),
}
