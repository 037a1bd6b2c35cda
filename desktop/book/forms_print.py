"""Plain data for the forms of desktop/paper/forms.py, and their kinds for `printing.KINDS`.

- `claim-form` [--member M]: 积分申报表, blank or with the member's name and group;
- `plan` [--year Y]: 年度活动计划（行事历）;
- `ballot` / `ballot-public` [--year Y]: 民主评议测评票 for members / 群众代表 (blank);
- `tally-sheet` [--year Y]: 民主评议计票汇总表 (blank);
- `objection-form` [--year Y --quarter Q | --month M | --half H]: 异议登记答复表, one per objection of the period
  (a blank form without --quarter or when there is none);
- `veto-decision` [--year Y] [--member M]: 一票否决决定书, one per decision in force;
- `dues-remittance` [--year Y]: 党费上缴登记表;
- `handbook` [--year Y] [--member M]: 党员积分手册, one member or every scored member;
- `appraisal-results` [--year Y]: 民主评议结果登记表 (the recorded results, votes where tallied).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from desktop.book.reports import sort_members
from desktop.book.store import Book

PARTY = ("正式党员", "预备党员")


def _year(book: Book, opts: dict[str, Any]) -> int:
    return int(opts.get("year") or book.current_year)


def _order(opts: dict[str, Any]) -> str:
    return opts.get("order") or "strokes"


def _claim_form(book: Book, out: Path, **opts: Any) -> None:
    from desktop.paper.forms import write_claim_form

    claim: dict[str, Any] = {}
    if opts.get("member"):
        m = book.roster.find(opts["member"])
        claim = {"name": m["name"], "group": m["group"]}
    write_claim_form(out, book.branch(), claim)


def _plan(book: Book, out: Path, **opts: Any) -> None:
    from desktop.book.meetings import Meetings
    from desktop.paper.forms import write_plan

    year = _year(book, opts)
    write_plan(
        out,
        book.branch(),
        year,
        Meetings(book).plan(year),
        printed_on=date.today().isoformat(),
    )


def appraisal_members(book: Book, order: str = "strokes") -> list[dict[str, Any]]:
    """The party members on the roll, in print order: who a blank ballot lists."""
    members = [m for m in book.roster.members() if m["status"] in PARTY and not m["exempt"]]
    return sort_members(members, order)


def _ballot(public: bool):  # -> writer
    def write(book: Book, out: Path, **opts: Any) -> None:
        from desktop.paper.forms import write_ballot

        write_ballot(
            out,
            book.branch(),
            _year(book, opts),
            appraisal_members(book, _order(opts)),
            public=public,
        )

    return write


def _tally(book: Book, out: Path, **opts: Any) -> None:
    from desktop.paper.forms import write_tally_sheet

    write_tally_sheet(out, book.branch(), _year(book, opts), appraisal_members(book, _order(opts)))


def _objections(book: Book, out: Path, **opts: Any) -> None:
    from desktop.book import quarter as Q
    from desktop.paper.forms import write_objection_forms

    year = _year(book, opts)
    # The period of the year's review cycle: --quarter, or --month/--half where the scheme
    # reviews so (another cycle's option is refused, as for the 公示表).
    window = next((k for k in ("quarter", "month", "half") if opts.get(k)), None)
    quarter = None
    if window:
        from desktop.book.quarter_print import period_option

        year, quarter = period_option(opts, book, "异议登记答复表")
    rows: list[dict[str, Any]] = []
    period = Q.period_label(year, int(quarter), Q.cycle(book, year)) if quarter else ""
    if quarter:
        for o in Q.period_status(book, year, int(quarter))["objections"]:
            answered = o["status"] == "answered"
            rows.append(
                {
                    **o,
                    "result": (
                        ("已更正：" + o["change_note"] if o["changed"] else "维持原记录")
                        if answered
                        else ""
                    ),
                }
            )
    write_objection_forms(out, book.branch(), period, rows)


def _vetoes(book: Book, out: Path, **opts: Any) -> None:
    from desktop.book.scoring import year_scheme
    from desktop.book.year_end import list_vetoes
    from desktop.paper.forms import write_veto_decisions
    from desktop.rules.scheme import VETO_EFFECTS

    year = _year(book, opts)
    rows = [r for r in list_vetoes(book, year) if not r["withdrawn"]]
    if opts.get("member"):
        code = book.roster.find(opts["member"])["code"]
        rows = [r for r in rows if r["code"] == code]
    effect = VETO_EFFECTS.get(year_scheme(book, year).veto.effect, "")
    write_veto_decisions(out, book.branch(), [{**r, "year": year} for r in rows], effect=effect)


def _remittance(book: Book, out: Path, **opts: Any) -> None:
    from desktop.book.dues import year_register
    from desktop.paper.forms import write_dues_remittance
    from desktop.rules.dues import yuan

    year = _year(book, opts)
    reg = year_register(book, year)
    t = reg["totals"]
    months = [
        {
            "label": f"{int(m[5:7])}月",
            "due": yuan(t["by_month_due"].get(m, 0)),
            "paid": yuan(t["by_month_paid"].get(m, 0)),
        }
        for m in reg["months"]
    ]
    write_dues_remittance(out, book.branch(), year, months, printed_on=date.today().isoformat())


def _handbooks(book: Book, out: Path, **opts: Any) -> None:
    from desktop.book.errors import InputRefused
    from desktop.book.quarter_print import member_register_data
    from desktop.paper.forms import write_handbooks

    year = _year(book, opts)
    if opts.get("member"):
        members = [book.roster.find(opts["member"])]
    else:
        members = sort_members(
            [m for m in book.roster.members() if m["status"] in PARTY], _order(opts)
        )
    cache: dict[str, Any] = {}
    books = []
    for m in members:
        try:
            register = member_register_data(book, m["code"], year, cache)
        except InputRefused:
            if opts.get("member"):
                raise
            continue  # not scored this year (免考, joined later): no handbook
        books.append({"member": m, "register": register})
    write_handbooks(out, book.branch(), year, books)


def _appraisal_results(book: Book, out: Path, **opts: Any) -> None:
    from desktop.book.year_end import list_appraisals
    from desktop.paper.forms import write_appraisal_results
    from desktop.rules.facts import APPRAISAL_KINDS

    year = _year(book, opts)
    rows = [r for r in list_appraisals(book, year) if not r["withdrawn"]]
    order = {m["code"]: i for i, m in enumerate(sort_members(book.roster.members(), _order(opts)))}
    kinds = {k: i for i, k in enumerate(APPRAISAL_KINDS)}  # 党员评议, 群众评议, 自评, 组织考评
    rows.sort(
        key=lambda r: (
            kinds.get(r["kind"], len(kinds)),
            r["round"] or 1,
            order.get(r["code"], len(order)),
        )
    )
    # [ballots.combine]: each member's 综合评定 after the results it weighs, with its sum.
    from desktop.book.ballots import combined_formula, combined_grades

    combined = combined_grades(book, year)
    names = {r["code"]: r["name"] for r in rows}
    rows += [
        {
            "combined": True,
            "name": names.get(code, code),
            "kind": "综合评定",
            "grade": c["grade"] or "",
            "explain": c["line"].removeprefix("综合评定："),
        }
        for code, c in sorted(combined.items(), key=lambda kv: order.get(kv[0], len(order)))
    ]
    write_appraisal_results(
        out,
        book.branch(),
        year,
        rows,
        printed_on=date.today().isoformat(),
        formula=combined_formula(book, year),
    )


FORM_KINDS = {
    "appraisal-results": ("民主评议结果登记表", _appraisal_results),
    "handbook": ("党员积分手册", _handbooks),
    "claim-form": ("积分申报表", _claim_form),
    "plan": ("年度活动计划（行事历）", _plan),
    "ballot": ("民主评议测评票（党员用）", _ballot(False)),
    "ballot-public": ("民主评议测评票（群众代表用）", _ballot(True)),
    "tally-sheet": ("民主评议计票汇总表", _tally),
    "objection-form": ("异议登记答复表", _objections),
    "veto-decision": ("一票否决决定书", _vetoes),
    "dues-remittance": ("党费上缴登记表", _remittance),
}
