"""What a meeting is worth: each activity's points and effects on the members, per the
year's scheme."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.book.store import Book

ZERO = Decimal(0)
# How rules.scoring writes a line averaged over the year's periods: "…（-2分÷4个季度）".
_AVERAGED = re.compile(r"（(?P<points>[-+]?\d+(?:\.\d+)?)分÷(?P<n>\d+)个(?P<unit>[^）]+)）$")


class MeetingPoints:
    """Mixed into desktop.book.meetings.Meetings (self.book, self.db and its other methods)."""

    book: Book
    db: Any

    def activity_points(self, activity_id: int, *, today: date | None = None) -> dict[str, Any]:
        """Points each member got from this activity, from the scoring engine's explanation.

        Scored over the scheme's own period around the activity (its quarter for a scheme
        scored by quarter), so a line reads as the scheme states it ("-2"), not as its share of
        a yearly average. {member code: [(rule, points Decimal)]}; absent codes got nothing.
        """
        from desktop.book.scoring import score_book, year_scheme

        act = self.activity(activity_id)
        year = int(act["date"][:4])
        quarter = None
        if year_scheme(self.book, year).period == "quarter":
            quarter = (int(act["date"][5:7]) - 1) // 3 + 1
        result = score_book(self.book, year, quarter, today=today)
        prefix = act["type"] + (f"《{act['topic']}》" if act["topic"] else "")
        out: dict[str, Any] = {}
        for m in result.members:
            for ln in m.lines:
                if ln.date == act["date"] and ln.fact.startswith(prefix + " "):
                    out.setdefault(m.code, []).append((ln.rule, ln.points))
        return out

    def activity_effects(self, activity_id: int, *, today: date | None = None) -> dict[str, Any]:
        """What each member actually gets from this activity in the year's score.

        Read from the year's explanation — the lines of the member's 积分明细 — so it agrees
        with it: the activity's line after tiers, with the item and pool caps that clipped it
        (the lines that follow it), divided as the scheme averages its periods. What is only
        settled for a whole period (a section 扣完为止 or at its maximum, the total's floor)
        is not the activity's alone; those members are named in `limited`.

        {"members": {code: {"points", "period_points" (before averaging), "limited"}},
         "averaged": {(count, unit)} of the averaging applied, "as_of": ISO date}
        """
        from desktop.book.scoring import score_book

        act = self.activity(activity_id)
        year = int(act["date"][:4])
        result = score_book(self.book, year, today=today)
        prefix = act["type"] + (f"《{act['topic']}》" if act["topic"] else "")
        members: dict[str, dict[str, Any]] = {}
        averaged: set[tuple[int, str]] = set()
        for m in result.members:
            lines = m.lines
            own: list[Any] = []
            for i, ln in enumerate(lines):
                if ln.date != act["date"] or not ln.fact.startswith(prefix + " "):
                    continue
                own.append(ln)
                # The caps that clipped this line come right after it (rules.scoring).
                for nxt in lines[i + 1 :]:
                    if not (
                        nxt.date == ln.date
                        and nxt.section == ln.section
                        and nxt.rule.startswith("「")
                        and "最多计" in nxt.rule
                    ):
                        break
                    own.append(nxt)
            if not own:
                continue
            period_points = ZERO
            for ln in own:
                share = _AVERAGED.search(ln.fact)
                if share:
                    averaged.add((int(share["n"]), share["unit"]))
                    period_points += Decimal(share["points"])
                else:
                    period_points += ln.points
            limited = ""
            periods = {(ln.section, ln.period) for ln in own}
            for ln in lines:
                if (ln.section, ln.period) in periods and ln.rule.startswith("本部分"):
                    limited = f"{ln.period}「{ln.section}」{ln.rule}"
                elif ln.rule.startswith(("扣完为止：总分", "总分最高")):
                    limited = f"{year}年{ln.rule}"
            members[m.code] = {
                "points": sum((ln.points for ln in own), ZERO),
                "period_points": period_points,
                "limited": limited,
            }
        return {"members": members, "averaged": averaged, "as_of": result.as_of}

    def points_overview(self, year: int, *, today: date | None = None) -> dict[int, dict[str, Any]]:
        """member id → {"code", "total" (Decimal), "text" (the 积分明细, one line per point)}
        for every member scored in `year`; what the window shows beside the sign-in."""
        from desktop.book.scoring import score_book
        from desktop.rules.scoring import explain_text

        ids = {r[0]: r[1] for r in self.db.execute("select code, id from members")}
        result = score_book(self.book, year, today=today)
        return {
            ids[m.code]: {
                "code": m.code,
                "total": m.total,
                "scored": m.scored,
                "text": explain_text(m, result.as_of),
            }
            for m in result.members
            if m.code in ids
        }

    def member_score(self, member_id: int, year: int, *, today: date | None = None) -> Any:
        """The member's MemberResult for the year (total, sections, explanation lines), or None."""
        from desktop.book.scoring import score_book

        m = self.book.roster.member(member_id)
        return score_book(self.book, year, today=today).member(m["code"])
