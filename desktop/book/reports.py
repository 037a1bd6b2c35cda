"""Plain-data views of the book for the CLI's JSON, the printers and the sheets."""

from __future__ import annotations

from typing import Any

from desktop.book.roster import member_flags
from desktop.book.store import Book
from desktop.rules.collation import pinyin_key, stroke_key


def sort_members(members: list[dict[str, Any]], order: str = "strokes") -> list[dict[str, Any]]:
    """Members in 姓氏笔画 order (default) or pinyin order, ties by 编号."""
    key = stroke_key if order == "strokes" else pinyin_key
    return sorted(members, key=lambda m: (key(m["name"]), m["code"]))


def roster_json(book: Book, *, include_left: bool = False) -> list[dict[str, Any]]:
    """The roster as CONTRACT.md's `members --json` objects (ID numbers masked)."""
    out = []
    for m in book.roster.members(include_left=include_left):
        out.append(
            {
                "id": m["id"],
                "code": m["code"],
                "name": m["name"],
                "status": m["status"],
                "group": m["group"],
                "exempt": m["exempt"],
                "mobile": m["mobile"],
                "leader": m["leader"],
                "gender": m["gender"],
                "joined_date": m["joined_date"],
                "confirmed_date": m["confirmed_date"],
                "id_card": m["id_card_masked"],
                "left_date": m["left_date"],
                "left_reason": m["left_reason"],
            }
        )
    return out


#: Not (yet) party members: on the 入党积极分子名册, never on the 党员花名册.
NOT_MEMBERS = ("入党积极分子", "入党申请人")


def roster_for_print(
    book: Book, *, order: str = "strokes", activists: bool = False
) -> list[dict[str, Any]]:
    """Current party members (or, with `activists`, the 入党积极分子 and 申请人), sorted, as
    the roster printer expects them. A party roster counts party members only."""
    members = [
        m
        for m in book.roster.members(include_left=False)
        if (m["status"] in NOT_MEMBERS) == activists
    ]
    members = sort_members(members, order)
    for m in members:
        m["flags"] = "、".join(member_flags(m))
    return members
