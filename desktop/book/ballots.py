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

    if voters is None:  # the round's voters, when the round is recorded
        voters = round_voters(book, year, kind, round)
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


def record_round(
    book: Book,
    year: int,
    kind: str,
    *,
    round: int = 1,  # noqa: A002
    on: str,
    member_voters: int,
    mass_voters: int = 0,
    note: str = "",
) -> dict[str, Any]:
    """Record a round of 民主评议 held: its date and who voted (party members present, 群众代表
    invited). Returns {"id", "warnings"}: a 群众评议 with fewer 群众代表 than 20% of the party
    members is recorded but said (星级评定「邀请群众代表参与（一般为党员数的 20%）」).
    Refused: an unknown kind, a date not a date or outside the year, no voters, a round
    already recorded."""
    from desktop.book import year_end as Y
    from desktop.book.store import now_iso
    from desktop.rules.dates import date_problem

    if kind not in Y.APPRAISAL_KINDS:
        raise InputRefused(f"评议类型应为{'或'.join(Y.APPRAISAL_KINDS)}，不是“{kind}”。")
    problem = date_problem(on or "", "评议日期", f"{year}-12-20")
    if problem:
        raise InputRefused(f"{problem}。")
    if not (f"{year:04d}-01-01" <= on <= f"{year + 1:04d}-03-31"):
        raise InputRefused(f"{year} 年的民主评议日期 {on} 不在该年度（或次年一季度）内。")
    if member_voters + mass_voters <= 0:
        raise InputRefused("请填写参加评议的人数（党员人数、群众代表人数）。")
    if book.query(
        "select 1 from appraisal_rounds where year = ? and kind = ? and round = ?",
        [year, kind, round],
    ):
        raise InputRefused(f"{year} 年第{round}次{kind}已经登记过评议会议。")
    warnings = []
    if kind == "群众评议" and mass_voters < member_voters * 0.2:
        warnings.append(
            f"群众代表 {mass_voters} 人，少于参加党员数 {member_voters} 人的20%"
            "（「邀请群众代表参与（一般为党员数的 20%）」）"
        )
    with book.action(
        "登记民主评议会议",
        f"{year}年第{round}次{kind}：{on}，党员{member_voters}人，群众代表{mass_voters}人",
    ):
        rid = int(
            book.db["appraisal_rounds"]
            .insert(
                {
                    "year": year,
                    "kind": kind,
                    "round": round,
                    "date": on,
                    "member_voters": member_voters,
                    "mass_voters": mass_voters,
                    "note": note.strip(),
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )
    return {"id": rid, "warnings": warnings}


def round_voters(book: Book, year: int, kind: str, rnd: int) -> int | None:
    """How many voted in a recorded round (members + 群众代表), None when not recorded."""
    row = book.execute(
        "select member_voters + mass_voters from appraisal_rounds "
        "where year = ? and kind = ? and round = ?",
        [year, kind, rnd],
    ).fetchone()
    return int(row[0]) if row else None


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
