"""民主评议 from ballots: a member's tally recorded, the grade derived by the year scheme's
[ballots] rule (desktop/rules/ballots.py) and recorded as the round's result, both in one
action. The tally stays with the result (`appraisal_tallies`), so every grade can explain
itself: `explain_rows` gives the reasoning for `appraisal list` and the screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.scoring import year_scheme
from desktop.book.store import Book
from desktop.rules.ballots import GRADES, TallyError, check_votes, derive_grade, tally_text

_COLUMNS = {"优秀": "excellent", "合格": "good", "基本合格": "basic", "不合格": "poor"}


def record_tally(
    book: Book,
    year: int,
    kind: str,
    member: str,
    votes: Mapping[str, int],
    *,
    round: int = 1,  # noqa: A002 (the CONTRACT's 轮次)
    voters: int | None = None,
) -> dict[str, Any]:
    """Record one member's ballot tally for a round; the grade follows by the scheme's rule.

    Returns {"id" (the appraisal row), "grade", "explain"}. Refused (nothing written) for a
    tally that cannot be counted, or whatever `year_end.add_appraisals` refuses (an unknown
    member, one not appraised that round, a result already recorded, a locked year)."""
    from desktop.book import year_end as Y

    problems = check_votes(votes, voters)
    if problems:
        raise InputRefused(f"{member} 的票数有误，未登记：", problems)
    scheme = year_scheme(book, year)
    try:
        derived = derive_grade(scheme.ballots, votes)
    except TallyError as exc:  # pragma: no cover - check_votes catches the same
        raise InputRefused(str(exc)) from exc
    label = Y.appraisal_label(book, year, kind, round) if kind in Y.APPRAISAL_KINDS else kind
    with book.action("登记民主评议票数", f"{year}年{label}：{member} {tally_text(votes)}"):
        (aid,) = Y.add_appraisals(book, year, kind, {member: derived.grade}, round=round)
        book.db["appraisal_tallies"].insert(
            {
                "appraisal_id": aid,
                **{_COLUMNS[g]: int(votes.get(g, 0)) for g in GRADES},
                "voters": voters,
            }
        )
    return {"id": aid, "grade": derived.grade, "explain": derived.text}


def tallies(book: Book, year: int) -> dict[int, dict[str, Any]]:
    """appraisal id → {"votes": {grade: n}, "voters"} for the year's results with a tally."""
    rows = book.query(
        "select t.* from appraisal_tallies t join appraisals a on a.id = t.appraisal_id "
        "where a.year = ?",
        [year],
    )
    return {
        r["appraisal_id"]: {
            "votes": {g: r[c] for g, c in _COLUMNS.items()},
            "voters": r["voters"],
        }
        for r in rows
    }


def explain_rows(book: Book, year: int, rows: list[dict[str, Any]]) -> None:
    """Add "votes", "voters" and "explain" to `appraisal list` rows (None when typed by hand).

    A result whose grade differs from what its tally gives under the year's scheme (entered
    by an import, or the scheme changed since) says so."""
    found = tallies(book, year)
    rule = year_scheme(book, year).ballots if found else None
    for r in rows:
        t = found.get(r["id"])
        r["votes"] = t["votes"] if t else None
        r["voters"] = t["voters"] if t else None
        r["explain"] = None
        if t and rule is not None:
            try:
                derived = derive_grade(rule, t["votes"])
            except TallyError as exc:
                r["explain"] = f"{tally_text(t['votes'])}；{exc}"
                continue
            text = derived.text
            if derived.grade != r["grade"]:
                text += f"；登记的等次是“{r['grade']}”，与票数按本年度方案得出的不同"
            r["explain"] = text


def votes_from_row(values: Mapping[str, Any]) -> dict[str, int] | None:
    """The 优秀票/合格票/基本合格票/不合格票 cells of an interchange row (None when all empty)."""
    cells = {g: values.get(f"{g}票") for g in GRADES}
    if all(v in (None, "") for v in cells.values()):
        return None
    return {g: int(v or 0) for g, v in cells.items()}


TALLY_COLUMNS = _COLUMNS
