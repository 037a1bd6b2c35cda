"""Plain data for the year's paper, and the writers registered in `printing.KINDS`:

- `rating` (`--year Y`): 年度星级评定表, a PDF, or a workbook when the output ends in .xlsx;
- `certificates` (`--year Y`): 荣誉证书, one page per member rated 五星级 or 优秀 as the
  year's scheme says; refused while the year is still running (the rating still moves).

Both accept `today` (tests) and `on` (the date printed on the certificates, default today).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.book.errors import InputRefused, MissingOption
from desktop.book.store import Book
from desktop.book.year_end import NO_RATING, YearOverview, column_label, year_overview
from desktop.rules.scheme import fmt_points
from desktop.rules.scoring import points_json


def _today(opts: dict[str, Any]) -> date:
    today = opts.get("today")
    if isinstance(today, str) and today:
        return date.fromisoformat(today)
    return today or date.today()


def _year(book: Book, opts: dict[str, Any]) -> int:
    return int(opts.get("year") or book.current_year)


def rating_title(ov: YearOverview) -> str:
    """A scheme without 评星定级 gets a 积分表: a rating sheet would promise what it lacks."""
    if not ov.has_rating:
        return f"{ov.year}年度党员积分表"
    what = "星级评定表" if ov.has_stars else "等次评定表"
    return f"{ov.year}年度党员{what}"


_TIE = re.compile(
    r"与(?P<others>.+?)并列（同为(?P<points>[-\d.]+)分，并列第(?P<rank>\d+)名），(?P<rest>.+)"
)
_NUMERALS = "一二三四五六七八九十"


def _tie_notes(members: list[dict[str, Any]]) -> list[str]:
    """A tie at a quota boundary as one note under the table, not the names of everyone who
    ties repeated in every tied member's row (80 members took 146 pages): the rows say
    「同分并列，见表下说明（一）」."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for m in members:
        for part in m["reasons"].split("；"):
            found = _TIE.fullmatch(part)
            if found:
                key = (found["points"], found["rank"], found["rest"])
                groups.setdefault(key, []).append(m)
    notes = []
    for n, ((points, rank, rest), tied) in enumerate(groups.items()):
        mark = f"（{_NUMERALS[n] if n < len(_NUMERALS) else n + 1}）"
        names = "、".join(t["name"] for t in tied)
        notes.append(f"{mark}{names}同为{points}分，并列第{rank}名，{rest}。")
        for t in tied:
            t["reasons"] = "；".join(
                f"同分并列，见表下说明{mark}"
                if (f := _TIE.fullmatch(part))
                and (f["points"], f["rank"], f["rest"]) == (points, rank, rest)
                else part
                for part in t["reasons"].split("；")
            )
    return notes


def rating_data(book: Book, year: int, *, today: date | None = None) -> dict[str, Any]:
    ov = year_overview(book, year, today=today)
    members = [r for r in ov.rows if r.scored]
    if ov.has_rating:
        summary = [f"参加积分管理 {len(members)} 人，参加评星定级 {ov.rated_count} 人。"]
        summary += [f"{q}。" for q in ov.quotas]
    else:
        summary = [
            f"参加积分管理 {len(members)} 人。本年度积分方案“{ov.scheme_title}”没有评星定级"
            "的规则，表中只列年度积分，不评星级、等次。"
        ]
    if ov.rating_note:
        summary.append(f"说明：{ov.rating_note}。")
    summary.append(f"各季度：{'、'.join(ov.quarters)}。")
    from desktop.book.periods import cycle
    from desktop.book.quarter_print import _start_line

    started = _start_line(book, year)
    if started:
        before = "季度" if cycle(book, year) == "quarter" else "月份"
        summary.append(started.removesuffix("。") + f"，年度积分按记分以来的{before}计算。")
    # [ballots.combine]: a 综合评定 column beside the grades it weighs, and how it weighs them.
    from desktop.book.ballots import combined_formula, combined_grades
    from desktop.book.scoring import year_scheme as scheme_of

    combined = combined_grades(book, year)
    if combined:
        # Each member's sum is on the 民主评议结果登记表; with `item` also in the 登记表's points.
        fed = scheme_of(book, year).ballots.combine.item  # type: ignore[union-attr]
        where = "民主评议结果登记表" + ("和党员积分考核管理登记表" if fed else "")
        summary.append(f"{combined_formula(book, year)}。每人的算式见{where}。")
    data = {
        "branch": ov.branch,
        "year": year,
        "title": rating_title(ov),
        "scheme_title": ov.scheme_title,
        "ended": ov.ended,
        "final": ov.final,
        "as_of": ov.as_of,
        "has_rating": ov.has_rating,
        "has_stars": ov.has_stars,
        "has_grades": ov.has_grades,
        "reasons_title": "评定依据" if ov.has_rating else "备注",
        "appraisal_titles": [column_label(k, r, ov.columns) for k, r in ov.columns]
        + (["综合评定"] if combined else []),
        "members": [
            {
                "code": r.code,
                "name": r.name,
                "group": r.group,
                "total": points_json(r.total),
                "stars": "★" * r.stars if r.stars else ("—" if r.rated else "不参评"),
                "grade": r.grade or ("—" if r.rated else ""),
                "appraisals": [r.appraisals.get(c, "") for c in ov.columns]
                + ([(combined.get(r.code) or {}).get("grade") or ""] if combined else []),
                "vetoes": "\n".join(r.vetoes),
                # Without a rating each row said 不评星级 (in the note line instead).
                "reasons": "；".join(
                    [x for x in r.reasons if ov.has_rating or not x.endswith(NO_RATING)]
                    + r.followups
                ),
            }
            for r in members
        ],
        "summary": summary,
        "printed_on": (today or date.today()).isoformat(),
    }
    from desktop.book.scoring import year_scheme

    data["approval_steps"] = [
        f"{a.name}" if a.by in a.name else f"{a.name}（{a.by}）"
        for a in year_scheme(book, year).approvals
        if not a.vote  # the branch's own 党员大会 votes: its line is in the summary
    ]
    from desktop.book.votes import votes_of

    for v in votes_of(book, year):  # 党员大会表决 (「提请党员大会表决通过」): the counts on paper
        summary.append(f"{v.date} {v.step}（党员大会表决）：{v.why}。表决内容：{v.proposal}。")
    ties = _tie_notes(data["members"])
    if ties:
        summary.append("同分并列说明：")
        summary.extend(ties)
    return data


def certificate_data(
    book: Book, year: int, *, today: date | None = None, on: str | None = None
) -> list[dict[str, Any]]:
    """One certificate per member rated at the top. Refused before the year has ended, until
    its Q4 is confirmed (the points final) and when nobody is rated 五星级 / 优秀."""
    ov = year_overview(book, year, today=today)
    if not ov.ended:
        raise InputRefused(
            f"{year}年度还没有结束，现在不能打印{year}年度的荣誉证书。",
            [
                "评星定级在年度结束后进行（一般在次年1月），年度内的积分和星级还会变化。",
                "可以先打印年度星级评定表（print rating）查看目前的情况。",
            ],
        )
    if not ov.has_rating:
        raise InputRefused(
            f"{year}年的积分方案“{ov.scheme_title}”没有评星定级的规则，没有荣誉证书可打印。"
        )
    if not ov.final:
        from desktop.book.periods import COUNT, OPTION, REVIEW_TITLE, cycle, number_text

        kind = cycle(book, year)  # the year's last period: 第4季度, 12月 or 下半年
        last = "第四季度" if kind == "quarter" else number_text(COUNT[kind], kind)
        raise InputRefused(
            f"{year}年{last}还没有确认，年度积分尚未最终确定，现在不能打印{year}年度的荣誉证书。",
            [
                f"目前：{'，'.join(ov.quarters)}。",
                f"请在“{REVIEW_TITLE[kind]}”页面完成{last}的公示并确认（命令行："
                f"pioneer period confirm --year {year} {OPTION[kind]} {COUNT[kind]}），"
                "确认后再打印荣誉证书。",
            ],
        )
    honoured = ov.honoured
    if not honoured:
        raise InputRefused(
            f"{year}年度没有评为五星级或“优秀”的党员，没有荣誉证书可打印。",
            ["请在“年度评定”页面查看每名党员的评定依据。"],
        )
    waiting = [r for r in honoured if r.awaiting_approval]
    if waiting:
        raise InputRefused(
            f"{year}年度还有{len(waiting)}名党员的评定结果"
            f"{'待党员大会表决' if all(r.approval_state == '待表决' for r in waiting) else '待上级审批'}"
            "，通过后才能打印荣誉证书。",
            [f"{r.name}：{'；'.join(r.approval_texts)}" for r in waiting]
            + [
                "上级批准后，请在“年度评定”页面登记审批结果（命令行：pioneer approval record "
                f"--year {year} --member 编号 --approve --by 审批单位），或导入乡镇审核回执。"
            ],
        )
    # A result the upper organisation did not approve gets no certificate.
    honoured = [r for r in honoured if r.certifiable]
    if not honoured:
        raise InputRefused(
            f"{year}年度评为五星级或“优秀”的党员，上级均未批准，没有荣誉证书可打印。"
        )
    issued = on or (today or date.today()).isoformat()
    from desktop.book.scoring import year_scheme

    scheme = year_scheme(book, year)
    full = sum((s.max for s in scheme.sections), Decimal(0))
    vote_bodies = {a.by for a in scheme.approvals if a.vote}
    certs = []
    for n, r in enumerate(honoured, start=1):
        points = f"年度积分{fmt_points(r.total)}分"
        if full and r.total > full:  # 103 of 100: the bonus items say why
            points += f"（含加分，基础满分{fmt_points(full)}分）"
        # 「经…审批」 only for what the higher body has approved (book.approvals, issue 16);
        # a result that needs no approval is the branch's own.
        decided = "经党支部评定"
        voted = [b for b in r.approved_by if b in vote_bodies]  # 党员大会表决 steps
        others = [b for b in r.approved_by if b not in vote_bodies]
        if voted:
            decided += f"、{'、'.join(voted)}表决通过"
        if others:
            decided += f"、{'、'.join(others)}审批"
        text = (
            f"在{year}年度党员积分制管理中，积极履行党员义务，充分发挥先锋模范作用，"
            f"{points}，{decided}，被评为{year}年度“{r.honour}”。\n特发此证，以资鼓励。"
        )
        certs.append(
            {
                "name": r.name,
                "code": r.code,
                "stars": r.stars or 0,
                "honour": r.honour,
                "text": text,
                "branch": ov.branch,
                "date": issued,
                "number": f"{year}-{n:03d}",
            }
        )
    return certs


def _rating(book: Book, out: Path, **opts: Any) -> None:
    window = next((k for k in ("quarter", "month", "half") if opts.get(k)), None)
    if window:
        # The table is the year's: a quarter (month, half) asked for must not silently get
        # the year. A usage error (exit 2): the command line asked for what the kind lacks.
        n = opts[window]
        unit = {"quarter": "季度", "month": "月", "half": "半年"}[window]
        sheet = "quarter-review" if window == "quarter" else "period-scores"
        raise MissingOption(
            f"年度星级评定表是全年的评定结果，不能按{unit}打印。",
            [
                f"打印全年的评定表请去掉 --{window}；",
                f"按{unit}评星的方案，该{unit}的星级请用 pioneer rate --{window} {n} 查看，"
                f"该{unit}的积分情况请打印 {sheet}（--{window} {n}）。",
            ],
            option=f"--{window}",
        )
    year = _year(book, opts)
    data = rating_data(book, year, today=_today(opts))
    if ".xlsx" in Path(out).suffixes:
        from desktop.sheets.tables import write_table_workbook

        headers = ["序号", "姓名", "党小组", "年度积分"]
        headers += ["星级"] if data["has_stars"] else []
        headers += ["等次"] if data["has_grades"] else []
        headers += [*data["appraisal_titles"], "一票否决", data["reasons_title"]]
        rows = []
        for i, m in enumerate(data["members"], start=1):
            row = [str(i), m["name"], m["group"], m["total"]]
            row += [m["stars"]] if data["has_stars"] else []
            row += [m["grade"]] if data["has_grades"] else []
            row += [*m["appraisals"], m["vetoes"], m["reasons"]]
            rows.append(row)
        write_table_workbook(
            out,
            sheet="年度评定",
            title=f"{data['branch']}{data['title']}",
            headers=headers,
            rows=rows,
            notes=data["summary"],
        )
        return
    from desktop.paper.year_end import write_rating_table

    write_rating_table(out, data)


def _certificates(book: Book, out: Path, **opts: Any) -> None:
    certs = certificate_data(book, _year(book, opts), today=_today(opts), on=opts.get("on"))
    from desktop.paper.year_end import write_certificates

    write_certificates(out, certs)


YEAR_END_KINDS = {
    "rating": ("年度星级评定表", _rating),
    "certificates": ("荣誉证书", _certificates),
}
