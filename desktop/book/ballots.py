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
from desktop.rules.scheme import Scheme, fmt_points

_COLUMNS = {"优秀": "excellent", "合格": "good", "基本合格": "basic", "不合格": "poor"}


def _refuse_unvoted(kind: str, what: str) -> None:
    """自评 and 组织考评 are one grade per member, not a vote: no tally, ballot or count."""
    from desktop.book import year_end as Y

    if kind in Y.APPRAISAL_KINDS and kind not in Y.VOTED_KINDS:
        raise InputRefused(
            f"{kind}不投票，{what}。",
            [f"{kind}是每名党员一个等次：用“登记等次”（appraisal add --kind {kind}）。"],
        )


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

    _refuse_unvoted(kind, "没有票数可登记")
    if voters is None:  # the round's voters, when the round is recorded
        voters = round_voters(book, year, kind, round)
    problems = check_votes(votes, voters)
    if not problems and ballot_count(book, year, kind, round):
        # Ballots entered one by one for this round: a tally typed for it must be theirs.
        code = book.roster.find(member)["code"]
        counted = ballot_tallies(book, year, kind, round)["votes"].get(
            code, dict.fromkeys(GRADES, 0)
        )
        if any(int(votes.get(g, 0)) != counted[g] for g in GRADES):
            problems.append(
                f"本次评议已逐张录入选票，选票计出的是{tally_text(counted)}，"
                f"与填写的{tally_text(votes)}不一致"
            )
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

    if kind not in Y.VOTED_KINDS:
        raise InputRefused(
            f"评议类型应为{'或'.join(Y.VOTED_KINDS)}，不是“{kind}”。",
            ["自评、组织考评不开评议会议投票：按人登记等次（appraisal add --kind 自评）。"]
            if kind in Y.APPRAISAL_KINDS
            else [],
        )
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


# -- ballots entered one by one ---------------------------------------------------------------


def _round_row(book: Book, year: int, kind: str, rnd: int) -> dict[str, Any]:
    rows = book.query(
        "select * from appraisal_rounds where year = ? and kind = ? and round = ?",
        [year, kind, rnd],
    )
    if not rows:
        raise InputRefused(
            f"{year} 年第{rnd}次{kind}还没有登记评议会议，不能录入选票。",
            ["请先登记评议会议（日期、参加的党员人数和群众代表人数）。"],
        )
    return rows[0]


def record_ballot(
    book: Book,
    year: int,
    kind: str,
    marks: Mapping[str, str],
    *,
    round: int = 1,  # noqa: A002
    spoiled: bool = False,
) -> dict[str, Any]:
    """Record one ballot of a round: the grade it gives each member (`marks`, code or name →
    优秀/合格/基本合格/不合格; a member left out is not voted on by it). A ballot with no marks,
    or `spoiled`, is recorded as a 废票 (blank or spoiled) and counts for nobody.

    Returns {"id", "number" (票号 in the round), "ballots" (entered so far), "voters"}.
    Refused (nothing written): the round not recorded, more ballots than its voters, a grade
    not one of the four, a member unknown or not appraised that round, the round's results
    already counted from its ballots, a locked year."""
    from desktop.book import year_end as Y
    from desktop.book.store import now_iso

    _refuse_unvoted(kind, "没有选票可录入")
    rnd = _round_row(book, year, kind, round)
    voters = int(rnd["member_voters"]) + int(rnd["mass_voters"])
    if Y.year_locked(book, year):
        raise InputRefused(f"{year} 年第4季度已确认，民主评议已锁定，不能再录入选票。")
    if counted_members(book, year, kind, round):
        raise InputRefused(
            f"{year} 年第{round}次{kind}已按选票计票，不能再录入选票。",
            ["如计票有误，请先撤销计出的结果（写明原因），再补录。"],
        )
    entered = ballot_count(book, year, kind, round)
    if entered >= voters:
        raise InputRefused(
            f"{year} 年第{round}次{kind}参加评议的有 {voters} 人，已录入 {entered} 张选票，"
            "不能再多。",
            ["请核对选票张数；评议会议的人数登记有误时，请联系上级更正。"],
        )
    problems: list[str] = []
    rows: list[tuple[int, str]] = []
    appraised = set(round_members(book, year, kind, round))
    for who, grade in (marks or {}).items():
        grade = (grade or "").strip()
        if not grade:
            continue
        try:
            m = book.roster.find(who)
        except InputRefused as exc:
            problems.append(f"{who}：{exc.message}")
            continue
        if grade not in GRADES:
            problems.append(f"{m['name']}：等次“{grade}”不对，应为{'、'.join(GRADES)}之一。")
        elif m["code"] not in appraised:
            problems.append(f"{m['name']}：不参加{year}年第{round}次{kind}。")
        else:
            rows.append((m["id"], grade))
    if problems:
        raise InputRefused(f"第 {entered + 1} 张选票未登记：", problems)
    blank = spoiled or not rows
    number = entered + 1
    what = "废票" if blank else f"{len(rows)}人"
    with book.action("录入民主评议选票", f"{year}年第{round}次{kind} 第{number}张：{what}"):
        bid = int(
            book.db["appraisal_ballots"]
            .insert(
                {
                    "year": year,
                    "kind": kind,
                    "round": round,
                    "number": number,
                    "spoiled": int(blank),
                    "created_by": book.actor,
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )
        if not blank:
            book.db["appraisal_ballot_marks"].insert_all(
                {"ballot_id": bid, "member_id": mid, "grade": g} for mid, g in rows
            )
    return {"id": bid, "number": number, "ballots": number, "voters": voters}


def round_members(book: Book, year: int, kind: str, rnd: int) -> list[str]:
    """Codes of the members appraised in this round (the year's roster, in order)."""
    from desktop.book import year_end as Y
    from desktop.book.scoring import member_facts

    scheme = year_scheme(book, year)
    out = []
    for mf in member_facts(book, year):
        m = book.roster.find(mf.code)
        if Y._year_problem(m, year) is None and (
            Y.not_appraised_reason(scheme, mf, year, kind, rnd) is None
        ):
            out.append(mf.code)
    return out


def ballot_count(book: Book, year: int, kind: str, rnd: int) -> int:
    row = book.execute(
        "select count(*) from appraisal_ballots where year = ? and kind = ? and round = ?",
        [year, kind, rnd],
    ).fetchone()
    return int(row[0])


def ballot_tallies(book: Book, year: int, kind: str, rnd: int) -> dict[str, Any]:
    """What the round's ballots say: {"ballots", "spoiled", "voters" (None if no round),
    "votes": {code: {grade: n}}} — every member voted on, the four grades always present."""
    rows = book.query(
        "select m.code, k.grade, count(*) as n from appraisal_ballot_marks k "
        "join appraisal_ballots b on b.id = k.ballot_id join members m on m.id = k.member_id "
        "where b.year = ? and b.kind = ? and b.round = ? group by m.code, k.grade",
        [year, kind, rnd],
    )
    votes: dict[str, dict[str, int]] = {}
    for r in rows:
        votes.setdefault(r["code"], {g: 0 for g in GRADES})[r["grade"]] = int(r["n"])
    spoiled = book.execute(
        "select count(*) from appraisal_ballots where year = ? and kind = ? and round = ? "
        "and spoiled = 1",
        [year, kind, rnd],
    ).fetchone()[0]
    return {
        "ballots": ballot_count(book, year, kind, rnd),
        "spoiled": int(spoiled),
        "voters": round_voters(book, year, kind, rnd),
        "votes": votes,
    }


def counted_members(book: Book, year: int, kind: str, rnd: int) -> dict[str, dict[str, int]]:
    """code → the tally recorded for this round (results with a tally, not withdrawn)."""
    rows = book.query(
        "select m.code, t.* from appraisal_tallies t join appraisals a on a.id = t.appraisal_id "
        "join members m on m.id = a.member_id where a.year = ? and a.kind = ? and a.round = ? "
        "and a.id not in (select target_id from withdrawals where target = 'appraisals')",
        [year, kind, rnd],
    )
    return {r["code"]: {g: r[c] for g, c in _COLUMNS.items()} for r in rows}


def count_ballots(
    book: Book,
    year: int,
    kind: str,
    *,
    round: int = 1,  # noqa: A002
) -> list[dict[str, Any]]:
    """计票: each member's tally from the round's ballots, recorded with the grade it gives by
    the scheme's rule (record_tally), all in one action. A member whose result is already
    recorded with a tally must have exactly the ballots' tally (else refused, saying who and
    how they differ); one recorded by hand without a tally is refused too.
    Returns [{"code", "name", "grade", "explain"}] for the members counted now."""
    from desktop.book import year_end as Y

    _refuse_unvoted(kind, "没有选票可计")
    found = ballot_tallies(book, year, kind, round)
    if not found["ballots"]:
        raise InputRefused(f"{year} 年第{round}次{kind}还没有录入选票。")
    recorded = counted_members(book, year, kind, round)
    by_hand = {
        a["code"]
        for a in Y.list_appraisals(book, year)
        if a["kind"] == kind and a["round"] == round and not a["withdrawn"]
    }
    problems = []
    todo = {}
    for code, votes in found["votes"].items():
        name = book.roster.find(code)["name"]
        if code in recorded:
            if recorded[code] != votes:
                problems.append(
                    f"{name}：登记的票数（{tally_text(recorded[code])}）与选票计出的"
                    f"（{tally_text(votes)}）不一致"
                )
        elif code in by_hand:
            problems.append(f"{name}：已直接登记了等次，没有票数；请先撤销（写明原因）再计票")
        else:
            todo[code] = votes
    if problems:
        raise InputRefused(f"{year} 年第{round}次{kind}未计票：", problems)
    done = []
    label = Y.appraisal_label(book, year, kind, round)
    with book.action("按选票计票", f"{year}年{label}：{found['ballots']}张选票，{len(todo)}人"):
        for code, votes in todo.items():
            r = record_tally(book, year, kind, code, votes, round=round, voters=found["voters"])
            done.append({"code": code, "name": book.roster.find(code)["name"], **r})
    return done


def round_states(book: Book, year: int) -> dict[tuple[str, int], dict[str, Any]]:
    """(kind, round) → the recorded round (date, member_voters, mass_voters, note) with
    "ballots" and "spoiled" entered so far — for the screen's state line."""
    out = {}
    for r in book.query("select * from appraisal_rounds where year = ? order by id", [year]):
        found = ballot_tallies(book, year, r["kind"], r["round"])
        out[(r["kind"], r["round"])] = {
            **r,
            "ballots": found["ballots"],
            "spoiled": found["spoiled"],
        }
    return out


def _combine_counts(scheme: Scheme) -> str:
    """Whether the 综合评定 feeds the points ([ballots.combine] item) or is a grade only."""
    combine = scheme.ballots.combine
    item = next(
        (
            i.name
            for s in scheme.sections
            for i in s.items
            if combine is not None and i.id == combine.item
        ),
        None,
    )
    return f"计入积分项目“{item}”" if item else "只作评定，不计入积分"


def combined_grades(book: Book, year: int) -> dict[str, dict[str, Any]]:
    """The year scheme's 综合评定 ([ballots.combine]) of every member with a result in one of
    its parts: code → {"grade", "explain", "line"} when every part has a result, else
    {"grade": None, "explain": which parts are still missing, "line"}. `line` is what every
    screen, command and paper shows: the weighted sum and whether it counts for points (the
    combine's `item`) or is a grade only. Empty when the scheme combines nothing."""
    from desktop.book import year_end as Y
    from desktop.rules.ballots import combine_grades, combine_missing

    scheme = year_scheme(book, year)
    combine = scheme.ballots.combine
    if combine is None:
        return {}
    counts = _combine_counts(scheme)
    grades: dict[str, dict[tuple[str, int], str]] = {}
    graded: dict[str, dict[tuple[str, int], str]] = {}  # 自评 / 组织考评: who, when
    for a in Y.list_appraisals(book, year):
        if not a["withdrawn"]:
            grades.setdefault(a["code"], {})[(a["kind"], a["round"])] = a["grade"]
            graded.setdefault(a["code"], {})[(a["kind"], a["round"])] = a["graded"]
    out: dict[str, dict[str, Any]] = {}
    for code, got in grades.items():
        missing = combine_missing(combine, got)
        if missing:
            why = f"综合评定：{'、'.join(missing)}还没有结果"
            out[code] = {"grade": None, "explain": why, "line": f"{why}（{counts}）"}
            continue
        derived = combine_grades(combine, got, graded[code])
        line = f"综合评定：{derived.grade}（{derived.text.removeprefix('综合评定：')}）；{counts}"
        out[code] = {"grade": derived.grade, "explain": derived.text, "line": line}
    return out


def combined_formula(book: Book, year: int) -> str:
    """How the year's 综合评定 is formed, in one line (empty when the scheme combines
    nothing): the parts with their shares, each grade's points, the lines, whether it counts."""
    scheme = year_scheme(book, year)
    combine = scheme.ballots.combine
    if combine is None:
        return ""
    shares = " + ".join(f"{p.name}×{fmt_points(p.weight * 100)}%" for p in combine.parts)
    values = "、".join(f"{g}{fmt_points(v)}分" for g, v in combine.points.items())
    lines = "、".join(f"{fmt_points(m)}分以上{g}" for m, g in combine.lines)
    return f"综合评定 = {shares}（各等次折分：{values}；{lines}，其余不合格）；{_combine_counts(scheme)}"
