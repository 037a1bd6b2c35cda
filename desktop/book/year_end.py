"""The year's end: 民主评议 results, 一票否决 decisions, and the annual rating over them.

Both are facts. A 民主评议 result belongs to its year (locked when the year's fourth quarter
is confirmed); a 一票否决 decision belongs to the quarter of its date (locked when that quarter
is confirmed). An erroneous entry that is not locked yet is deleted, its content and the
reason kept in the journal; a locked one stays as it was and is withdrawn by a new dated
entry with its reason (`withdrawals`, dated in an open quarter), after which the scoring no
longer applies it (desktop/book/scoring.py gather_facts).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.book.approvals import shown_state
from desktop.book.errors import InputRefused, RecordLocked
from desktop.book.periods import row_label
from desktop.book.quarter import check_unlocked, confirmed_period_at
from desktop.book.roster import group_rank
from desktop.book.scoring import (
    check_year_scored,
    gather_facts,
    member_facts,
    previous_followups,
    year_scheme,
)
from desktop.book.store import Book, now_iso
from desktop.rules.appraisals import should_be_appraised
from desktop.rules.collation import stroke_key
from desktop.rules.dates import date_problem, date_words
from desktop.rules.facts import (
    APPRAISAL_GRADES,
    APPRAISAL_KINDS,
    DEFAULT_ORG_GRADER,
    GRADED_KINDS,
    VOTED_KINDS,
    MemberFacts,
    graded_words,
)
from desktop.rules.periods import Period, make_period
from desktop.rules.scheme import Scheme, fmt_points
from desktop.rules.scoring import rate, score

PARTY_STATUSES = ("正式党员", "预备党员")
ROUNDS_PER = {"year": 1, "half": 2, "quarter": 4}
#: Rounds allowed for a kind the year's scheme does not score (recorded, shown, not counted).
DEFAULT_ROUNDS = 2
GRADE_KEYS = {"1": "优秀", "2": "合格", "3": "基本合格", "4": "不合格"}


def _today(today: date | None) -> date:
    return today or date.today()


def _iso(value: str | date | None, what: str, today: date | None) -> str:
    if value is None or value == "":
        return _today(today).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    problem = date_problem(text, what, "2026-01-15")
    if problem:
        raise InputRefused(f"{problem}。", ["日期请写成 年-月-日，例如 2026-01-15。"])
    return text


# ---------------------------------------------------------------- who may have a record


def _year_problem(m: Mapping[str, Any], year: int) -> str | None:
    """Why a member has no place in `year`'s appraisal (not a party member, not here)."""
    if m.get("status") not in PARTY_STATUSES:
        return f"{m['name']} 是{m.get('status') or '非党员'}，民主评议只评议党员。"
    start, end = f"{year:04d}-01-01", f"{year:04d}-12-31"
    if m.get("left_date") and m["left_date"] < start:
        return f"{m['name']} 已于 {m['left_date']} 离开本支部，{year} 年不在本支部。"
    if m.get("transferred_in_date") and m["transferred_in_date"] > end:
        return f"{m['name']} 于 {m['transferred_in_date']} 才转入本支部，{year} 年不在本支部。"
    if m.get("joined_date") and m["joined_date"] > end:
        return f"{m['name']} 于 {date_words(m['joined_date'])} 入党，{year} 年时尚未入党。"
    return None


def _day_problem(m: Mapping[str, Any], iso: str) -> str | None:
    """Why a member cannot have a decision dated `iso` (left / not yet here)."""
    if m.get("left_date") and iso > m["left_date"]:
        return f"{m['name']} 已于 {m['left_date']} 离开本支部，{iso} 不能再对其作出决定。"
    if m.get("transferred_in_date") and iso < m["transferred_in_date"]:
        return f"{m['name']} 于 {m['transferred_in_date']} 才转入本支部，{iso} 时还不在本支部。"
    if m.get("joined_date") and iso < m["joined_date"] and not m.get("transferred_in_date"):
        return f"{m['name']} 于 {date_words(m['joined_date'])} 入党，{iso} 时尚未入党。"
    if m.get("status") not in PARTY_STATUSES:
        return f"{m['name']} 是{m.get('status') or '非党员'}，一票否决只针对党员。"
    return None


def _check_year(book: Book, year: int) -> None:
    if year > book.current_year:
        raise InputRefused(
            f"{year} 年还没有开始（账本的当前年度是 {book.current_year} 年）。",
            ["请填写已经开始的年度。"],
        )
    check_year_scored(book, year)


# ---------------------------------------------------------------- 民主评议


def appraisal_rounds(scheme: Scheme, kind: str) -> int:
    """How many rounds of `kind` the scheme scores in a year (DEFAULT_ROUNDS if it doesn't)."""
    rounds = [
        ROUNDS_PER.get(i.round_period, 1)
        for s in scheme.sections
        for i in s.items
        if i.source == "appraisal" and i.kind == kind
    ]
    return max(rounds) if rounds else DEFAULT_ROUNDS


def appraisal_columns(book: Book, year: int) -> list[tuple[str, int]]:
    """(kind, round) the year's screen and table show: the scheme's, plus any recorded."""
    scheme = year_scheme(book, year)
    cols: list[tuple[str, int]] = []
    for s in scheme.sections:
        for i in s.items:
            if i.source == "appraisal" and i.kind:
                for r in range(1, ROUNDS_PER.get(i.round_period, 1) + 1):
                    if (i.kind, r) not in cols:
                        cols.append((i.kind, r))
    if scheme.ballots.combine is not None:  # 自评/组织考评 … weighed into the 综合评定
        for part in scheme.ballots.combine.parts:
            if (part.kind, part.round) not in cols:
                cols.append((part.kind, part.round))
    for row in book.query(
        "select distinct kind, round from appraisals where year = ? order by kind, round", [year]
    ):
        if (row["kind"], row["round"]) not in cols:
            cols.append((row["kind"], row["round"]))
    if not cols:
        cols = [(kind, 1) for kind in VOTED_KINDS]
    order = {k: i for i, k in enumerate(APPRAISAL_KINDS)}
    return sorted(cols, key=lambda c: (order.get(c[0], 9), c[1]))


def column_label(kind: str, rnd: int, columns: list[tuple[str, int]]) -> str:
    """ "党员评议", or "党员评议（第2次）" when the year has more than one round of it (or only
    a later round was recorded, which a bare "党员评议" would pass off as the first)."""
    several = sum(1 for k, _r in columns if k == kind) > 1
    return f"{kind}（第{rnd}次）" if several or rnd != 1 else kind


def appraisal_label(book: Book, year: int, kind: str, rnd: int) -> str:
    """The year's wording for one round of `kind`: "党员评议" when the year has one round of
    it, "党员评议（第2次）" when several (as the 年度评定 screen heads its columns)."""
    return column_label(kind, rnd, appraisal_columns(book, year))


def round_period(scheme: Scheme, year: int, kind: str, rnd: int) -> Period:
    """The period one round of `kind` appraises (the year, or its half/quarter `rnd`)."""
    period = next(
        (
            i.round_period
            for s in scheme.sections
            for i in s.items
            if i.source == "appraisal" and i.kind == kind
        ),
        "year",
    )
    if rnd > ROUNDS_PER.get(period, 1):  # a round the scheme does not hold: judge by the year
        return make_period("year", year, 1)
    return make_period(period, year, rnd)


def not_appraised_reason(
    scheme: Scheme, m: MemberFacts, year: int, kind: str, rnd: int
) -> str | None:
    """Why `m` has no place in that round (left before it, arrived after it, 免考 …), or None;
    the rules' own test (should_be_appraised), in words."""
    period = round_period(scheme, year, kind, rnd)
    if should_be_appraised(scheme, m, period):
        return None
    if m.left_date and m.left_date <= period.end:
        return f"{m.name} 已于 {m.left_date} 离开本支部，不参加这次评议。"
    if m.transferred_in_date and m.transferred_in_date > period.end:
        return f"{m.name} 于 {m.transferred_in_date} 才转入本支部，不参加这次评议。"
    if m.joined_date and m.joined_date > period.end:
        return f"{m.name} 于 {date_words(m.joined_date)} 入党，这次评议时尚未入党。"
    if m.exempt:
        return f"{m.name} 经批准免考，不参加积分和评议。"
    return f"{m.name} 是{m.status}，本年度方案不对其积分和评议。"


def year_locked(book: Book, year: int) -> dict[str, Any] | None:
    """The confirmed last period of the year (the fourth quarter, December or the second
    half, by the scheme's review cycle) that locks `year`'s appraisals, if any."""
    rows = book.query(
        "select * from periods where year = ? and end = ? and status = 'confirmed'",
        [year, f"{year}-12-31"],
    )
    return rows[0] if rows else None


def _check_year_open(book: Book, year: int) -> None:
    period = year_locked(book, year)
    if period:
        raise RecordLocked(
            f"{row_label(period)}已于 {period['confirmed_at'][:10]} 确认，{year} 年的民主评议结果"
            "已随之锁定，不能再录入或删除。",
            "如某条结果有误，请用“撤销”登记一条带原因的撤销记录。",
        )


def add_appraisals(
    book: Book,
    year: int,
    kind: str,
    grades: Mapping[str, str],
    *,
    round: int = 1,  # noqa: A002 (the CONTRACT's 轮次)
    graded_by: str | None = None,
    on: str | date | None = None,
    today: date | None = None,
) -> list[int]:
    """Record one round's grades for several members at once (a whole group), all or nothing.

    `grades` maps a member's code or name to 优秀 / 合格 / 基本合格 / 不合格. A member who
    already has a result for this year, round and kind is refused (withdraw it first).

    自评 and 组织考评 also keep who graded and when (公司 五、1): `on` (default today, not
    before the year, not after today) and `graded_by` — a 自评 is the member's own (stored as
    her name; another name is refused), a 组织考评 the committee's unless named (default
    支委会, or e.g. 支部书记张三). The two voted kinds take both from their round instead.
    """
    if kind not in APPRAISAL_KINDS:
        raise InputRefused(
            f"评议类型应为{'或'.join(APPRAISAL_KINDS)}，不是“{kind}”。",
            [f"请选择：{'、'.join(APPRAISAL_KINDS)}。"],
        )
    grader, graded_on = _grader(kind, year, graded_by, on, today)
    _check_year(book, year)
    rounds = appraisal_rounds(year_scheme(book, year), kind)
    if not 1 <= round <= rounds:
        raise InputRefused(
            f"{year} 年的{kind}只有 {rounds} 次（轮次 1 到 {rounds}），没有第 {round} 次。",
            ["请检查轮次。"],
        )
    if not grades:
        raise InputRefused("没有要登记的评议结果。", ["请至少为一名党员选择等次。"])
    _check_year_open(book, year)
    label = appraisal_label(book, year, kind, round)  # 第N次 only when the year has several
    scheme = year_scheme(book, year)
    facts = {mf.code: mf for mf in member_facts(book, year)}  # the roster only, not the year
    problems: list[str] = []
    rows: list[dict[str, Any]] = []
    seen: set[int] = set()
    for who, grade in grades.items():
        try:
            m = book.roster.find(who)
        except InputRefused as exc:
            problems.append(f"{who}：{exc.message}")
            continue
        grade = (grade or "").strip()
        if grade not in APPRAISAL_GRADES:
            problems.append(
                f"{m['name']}：等次“{grade}”不对，应为{'、'.join(APPRAISAL_GRADES)}之一。"
            )
            continue
        problem = _year_problem(m, year)
        if problem is None and m["code"] in facts:
            problem = not_appraised_reason(scheme, facts[m["code"]], year, kind, round)
        if problem:
            problems.append(problem)
            continue
        if m["id"] in seen:
            problems.append(f"{m['name']}：同一名党员填了两次。")
            continue
        if kind == "自评" and grader not in ("", "本人", m["name"], m["code"]):
            problems.append(
                f"{m['name']}：自评是党员本人的评定，评定人不能是“{grader}”"
                "（自评的评定人不用填，登记为本人）。"
            )
            continue
        seen.add(m["id"])
        old = book.query(
            "select grade from appraisals where year = ? and round = ? and kind = ? "
            "and member_id = ?",
            [year, round, kind, m["id"]],
        )
        if old:
            problems.append(
                f"{m['name']}：{year} 年{label}已有结果“{old[0]['grade']}”，不能重复登记；"
                "如登记有误，请先撤销原结果（写明原因）再登记。"
            )
            continue
        rows.append(
            {
                "year": year,
                "round": round,
                "kind": kind,
                "member_id": m["id"],
                "grade": grade,
                "graded_by": m["name"] if kind == "自评" else grader,
                "date": graded_on,
                "created_at": now_iso(),
                "_name": m["name"],
            }
        )
    if problems:
        raise InputRefused(f"{year} 年{label}结果未登记，请改正以下问题：", problems)
    names = "、".join(f"{r['_name']}{r['grade']}" for r in rows[:6])
    more = f"等 {len(rows)} 人" if len(rows) > 6 else ""
    ids: list[int] = []
    with book.action("登记民主评议", f"{year}年{label}：{names}{more}"):
        for r in rows:
            r.pop("_name")
            ids.append(int(book.db["appraisals"].insert(r).last_pk))
    return ids


def add_appraisal(
    book: Book,
    year: int,
    kind: str,
    member: str,
    grade: str,
    *,
    round: int = 1,  # noqa: A002
    graded_by: str | None = None,
    on: str | date | None = None,
    today: date | None = None,
) -> int:
    return add_appraisals(
        book, year, kind, {member: grade}, round=round, graded_by=graded_by, on=on, today=today
    )[0]


#: The longest 评定人 (a body or a person with a title: 支部书记张三).
GRADER_MAX = 30


def _grader(
    kind: str, year: int, graded_by: str | None, on: str | date | None, today: date | None
) -> tuple[str, str | None]:
    """(评定人, 日期) a result of `kind` is stored with: for 自评 / 组织考评 as `add_appraisals`
    says, checked; ("", None) for the voted kinds, which refuse either."""
    who = (graded_by or "").strip()
    if kind not in GRADED_KINDS:
        if who or on:
            raise InputRefused(
                f"{kind}由评议会议投票评出，不单独登记评定人和评定日期。",
                ["评议会议的日期和参加人数请用“登记评议会议”（appraisal round）登记。"],
            )
        return "", None
    if len(who) > GRADER_MAX:
        raise InputRefused(
            f"评定人最多 {GRADER_MAX} 个字，现在有 {len(who)} 个字。",
            ["请写评定的组织或人，例如 支委会、支部书记张三。"],
        )
    day = _iso(on, "评定日期", today)
    if day > _today(today).isoformat():
        raise InputRefused(
            f"评定日期 {day} 还没到（今天是 {_today(today).isoformat()}）。",
            ["请填写评定当天的日期。"],
        )
    if day < f"{year:04d}-01-01":
        raise InputRefused(
            f"评定日期 {day} 早于 {year} 年，{year} 年的{kind}不会在那时评定。",
            [f"请核对日期，或核对年度（{year}）。"],
        )
    if kind == "自评":
        return who, day  # checked against each member: it can only be her own
    return who or DEFAULT_ORG_GRADER, day


def _withdrawals(book: Book, target: str) -> dict[int, dict[str, Any]]:
    return {
        r["target_id"]: r
        for r in book.query("select * from withdrawals where target = ?", [target])
    }


def list_appraisals(book: Book, year: int) -> list[dict[str, Any]]:
    """The year's results with member code/name and `withdrawn` (the withdrawal row or None)."""
    gone = _withdrawals(book, "appraisals")
    rows = book.query(
        """select a.*, m.code, m.name from appraisals a join members m on m.id = a.member_id
           where a.year = ? order by a.round, a.id""",
        [year],
    )
    # The kinds in their own order (党员评议, 群众评议, 自评, 组织考评), not by character code,
    # which put 组织考评 before 群众评议 and 自评.
    order = {k: i for i, k in enumerate(APPRAISAL_KINDS)}
    rows.sort(key=lambda r: (order.get(r["kind"], len(order)), r["round"], r["id"]))
    locked = year_locked(book, year) is not None
    for r in rows:
        r["withdrawn"] = gone.get(r["id"])
        r["locked"] = locked
        # 自评 / 组织考评: 「王一（本人）于2026-01-10评定」 ("" when not recorded).
        r["graded"] = graded_words(r["kind"], r.get("graded_by"), r.get("date"))
    from desktop.book.ballots import explain_rows

    explain_rows(book, year, rows)  # "votes", "voters", "explain" of results from a tally
    return rows


def _withdraw_entry(
    book: Book,
    target: str,
    target_id: int,
    what: str,
    reason: str,
    decided_by: str,
    iso: str,
    not_before: str,
) -> int:
    if iso < not_before:
        raise InputRefused(f"撤销日期 {iso} 早于{what}本身的日期 {not_before}。")
    check_unlocked(book, iso, "撤销")
    with book.action("撤销记录", f"撤销{what}：{reason}", target=target, id=target_id):
        return int(
            book.db["withdrawals"]
            .insert(
                {
                    "target": target,
                    "target_id": target_id,
                    "date": iso,
                    "reason": reason,
                    "decided_by": decided_by,
                    "created_by": book.actor,
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )


def _reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InputRefused(f"撤销{what}必须写明原因（错在哪里、依据是什么）。")
    return reason


def withdraw_appraisal(
    book: Book,
    appraisal_id: int,
    reason: str,
    *,
    decided_by: str = "",
    when: str | date | None = None,
    today: date | None = None,
) -> str:
    """Withdraw an erroneous result: deleted while its year is open ("deleted"), else a
    withdrawal entry dated `when` (default today) in an open quarter ("withdrawn")."""
    rows = book.query(
        """select a.*, m.name from appraisals a join members m on m.id = a.member_id
           where a.id = ?""",
        [appraisal_id],
    )
    if not rows:
        raise InputRefused(f"找不到编号为 {appraisal_id} 的民主评议记录。")
    a = rows[0]
    label = appraisal_label(book, a["year"], a["kind"], a["round"])
    what = f"{a['name']} {a['year']}年{label}“{a['grade']}”"
    reason = _reason(reason, what)
    if book.query(
        "select 1 from withdrawals where target = 'appraisals' and target_id = ?", [appraisal_id]
    ):
        raise InputRefused(f"{what}已经撤销过了。")
    if year_locked(book, a["year"]) is None:
        with book.action("删除民主评议", f"{what}：{reason}", row=a):
            book.db["appraisals"].delete(appraisal_id)
        return "deleted"
    iso = _iso(when, "撤销日期", today)
    _withdraw_entry(
        book, "appraisals", appraisal_id, what, reason, decided_by, iso, f"{a['year']:04d}-01-01"
    )
    return "withdrawn"


# ---------------------------------------------------------------- 一票否决


def veto_kinds(book: Book, year: int) -> list[str]:
    """The year scheme's named 一票否决 situations (may be empty: then only the reason)."""
    return [k.name for k in year_scheme(book, year).veto.kinds]


def add_veto(
    book: Book,
    member: str,
    when: str | date | None,
    reason: str,
    decided_by: str,
    *,
    kind: str = "",
    year: int | None = None,
    today: date | None = None,
) -> int:
    """Record a 一票否决 decision the branch committee made, with its reason and who decided.

    `year` (the year on screen): the decision must be dated inside it. Without it the date
    must fall in a year the book has reached."""
    m = book.roster.find(member)
    if when is None or when == "":
        raise InputRefused("请填写作出一票否决决定的日期。")
    iso = _iso(when, "决定日期", today)
    if iso > _today(today).isoformat():
        raise InputRefused(
            f"决定日期 {iso} 还没有到。", ["一票否决是已经作出的决定，请填写作出决定的日期。"]
        )
    if year is not None and int(iso[:4]) != year:
        raise InputRefused(
            f"决定日期 {iso} 不在 {year} 年内。",
            [
                f"登记 {year} 年的一票否决，决定日期须在 {year}-01-01 至 {year}-12-31 之间；"
                f"若决定是在 {iso[:4]} 年作出的，请到 {iso[:4]} 年度登记。"
            ],
        )
    year = int(iso[:4])
    if year > book.current_year:
        raise InputRefused(
            f"决定日期 {iso} 晚于账本的当前年度（{book.current_year} 年）。",
            [
                f"请填写 {book.current_year} 年或以前的日期；"
                f"若支部已进入 {year} 年，请先开始 {year} 年度再登记。"
            ],
        )
    _check_year(book, year)
    reason = (reason or "").strip()
    decided_by = (decided_by or "").strip()
    problems = []
    if not reason:
        problems.append("请写明一票否决的原因（什么事实、依据哪一条）。")
    if not decided_by:
        problems.append("请填写决定人（如“支委会”或会议主持人姓名）：一票否决须由人确认。")
    kinds = veto_kinds(book, year)
    kind = (kind or "").strip()
    if kind and kind not in kinds:
        problems.append(
            f"“{kind}”不是{year}年积分方案中的一票否决情形。"
            + (f"可选：{'；'.join(kinds)}。" if kinds else "本年度方案没有列出具体情形，请不填。")
        )
    problem = _day_problem(m, iso)
    if problem:
        problems.append(problem)
    if problems:
        raise InputRefused(f"{m['name']}的一票否决未登记：", problems)
    check_unlocked(book, iso, "一票否决")
    gone = _withdrawals(book, "vetoes")
    same = [
        r
        for r in book.query(
            "select * from vetoes where member_id = ? and (date = ? or reason = ?)",
            [m["id"], iso, reason],
        )
        if r["id"] not in gone and (r["date"] == iso or r["date"][:4] == iso[:4])
    ]
    if same:
        old = same[0]
        raise InputRefused(
            f"{m['name']}已有一条一票否决记录（{old['date']}，{old['reason']}），不能重复登记。",
            ["如原记录有误，请先撤销原记录（写明原因）再登记。"],
        )
    with book.action("登记一票否决", f"{m['name']} {iso}：{reason}（{decided_by}）"):
        return int(
            book.db["vetoes"]
            .insert(
                {
                    "member_id": m["id"],
                    "date": iso,
                    "reason": reason,
                    "decided_by": decided_by,
                    "kind": kind,
                    "created_at": now_iso(),
                }
            )
            .last_pk
        )


def list_vetoes(book: Book, year: int) -> list[dict[str, Any]]:
    """The year's decisions with member code/name, `withdrawn` and `locked`."""
    gone = _withdrawals(book, "vetoes")
    rows = book.query(
        """select v.*, m.code, m.name from vetoes v join members m on m.id = v.member_id
           where v.date between ? and ? order by v.date, v.id""",
        [f"{year:04d}-01-01", f"{year:04d}-12-31"],
    )
    for r in rows:
        r["withdrawn"] = gone.get(r["id"])
        r["locked"] = confirmed_period_at(book, r["date"]) is not None
    return rows


def withdraw_veto(
    book: Book,
    veto_id: int,
    reason: str,
    *,
    decided_by: str = "",
    when: str | date | None = None,
    today: date | None = None,
) -> str:
    """Withdraw an erroneous decision: deleted while its quarter is open ("deleted"), else a
    withdrawal entry dated `when` (default today) in an open quarter ("withdrawn")."""
    rows = book.query(
        "select v.*, m.name from vetoes v join members m on m.id = v.member_id where v.id = ?",
        [veto_id],
    )
    if not rows:
        raise InputRefused(f"找不到编号为 {veto_id} 的一票否决记录。")
    v = rows[0]
    what = f"{v['name']} {v['date']} 的一票否决（{v['reason']}）"
    reason = _reason(reason, what)
    if book.query("select 1 from withdrawals where target = 'vetoes' and target_id = ?", [veto_id]):
        raise InputRefused(f"{what}已经撤销过了。")
    period = confirmed_period_at(book, v["date"])
    if period is None:
        with book.action("删除一票否决", f"{what}：{reason}", row=v):
            book.db["vetoes"].delete(veto_id)
        return "deleted"
    if not (decided_by or "").strip():
        raise InputRefused(
            f"{what}所在的{row_label(period)}已确认，撤销须写明决定人（如“支委会”）。"
        )
    iso = _iso(when, "撤销日期", today)
    _withdraw_entry(book, "vetoes", veto_id, what, reason, decided_by.strip(), iso, v["date"])
    return "withdrawn"


# ---------------------------------------------------------------- the year's rating


@dataclass
class YearRow:
    code: str
    name: str
    group: str
    status: str
    scored: bool
    rated: bool
    total: Decimal
    stars: int | None
    grade: str | None
    reasons: list[str]
    appraisals: dict[tuple[str, int], str] = field(default_factory=dict)
    vetoes: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)  # suspected vetoes for the committee
    followups: list[str] = field(default_factory=list)
    # (kind, round) of the year's 民主评议 this member takes part in (rules' should_be_appraised)
    appraised: frozenset[tuple[str, int]] = frozenset()
    # Approval above the branch ([[approvals]], book/approvals.py): '' when none is needed,
    # else 待审批 (待表决 for a vote) / 已批准 / 未批准 (the worst of its steps); the steps as text; the bodies that
    # approved (for 经…审批 on the certificate, once every step is approved).
    approval_state: str = ""
    approval_texts: list[str] = field(default_factory=list)
    approved_by: list[str] = field(default_factory=list)

    @property
    def honoured(self) -> bool:
        """Rated at the top as the scheme says: 五星级, or the grade 优秀."""
        return self.rated and (self.stars == 5 or self.grade == "优秀")

    @property
    def honour(self) -> str:
        if self.stars == 5:
            return "五星级党员"
        return "优秀党员" if self.grade == "优秀" else ""

    @property
    def awaiting_approval(self) -> bool:
        return self.approval_state in ("待审批", "待表决")

    @property
    def certifiable(self) -> bool:
        """Honoured, and approved above the branch where the scheme says so."""
        return self.honoured and self.approval_state in ("", "已批准")

    def rating_text(self) -> str:
        parts = []
        if self.stars:
            parts.append("★" * self.stars)
        if self.grade:
            parts.append(self.grade)
        if parts and self.approval_state in ("待审批", "待表决", "未批准"):
            parts.append(f"（{self.approval_state}）")
        return " ".join(parts)


# What a member's reasons say under a scheme without 评星定级 (the paper leaves it out).
NO_RATING = "本年度方案不评星级、等次"


@dataclass
class YearOverview:
    year: int
    branch: str
    scheme_title: str
    has_rating: bool
    has_stars: bool
    has_grades: bool
    rating_note: str
    as_of: str
    ended: bool
    columns: list[tuple[str, int]]
    rows: list[YearRow]
    quotas: list[str]
    rated_count: int
    quarters: list[str]
    # Q4 confirmed: the year's points can no longer change, so certificates may be issued.
    final: bool = False
    # Every result of the year the scheme sends above the branch, with its state
    # (book/approvals.py ApprovalItem), in roster order.
    approvals: list[Any] = field(default_factory=list)
    parent_org: str = ""  # the branch's 上级党组织, the default approver on the screen

    def row(self, code_or_name: str) -> YearRow | None:
        for r in self.rows:
            if code_or_name in (r.code, r.name):
                return r
        return None

    @property
    def honoured(self) -> list[YearRow]:
        return [r for r in self.rows if r.honoured]


def year_overview(book: Book, year: int, *, today: date | None = None) -> YearOverview:
    """Every member's year total, stars, grade, 民主评议 results, vetoes and the reasons."""
    from desktop.book.quarter import year_status

    check_year_scored(book, year)
    day = _today(today)
    as_of = day.isoformat() if day.year == year else f"{year:04d}-12-31"
    ended = day.isoformat() > f"{year:04d}-12-31"
    scheme = year_scheme(book, year)
    facts = gather_facts(book, year)
    result = score(
        scheme,
        facts,
        year,
        None,
        as_of=as_of if not ended else None,
        explain=False,
        previous_flags=previous_followups(book, year),
    )
    rating = rate(scheme, result) if scheme.rating is not None else None
    rated = {m.code: m for m in rating.members} if rating else {}
    columns = appraisal_columns(book, year)
    # Who may be graded in each kind's first round even where the scheme neither scores nor
    # combines it (the screen offers every kind; 自评 may be kept for the record).
    appraisable = columns + [(k, 1) for k in APPRAISAL_KINDS if (k, 1) not in columns]
    grades: dict[str, dict[tuple[str, int], str]] = {}
    for a in list_appraisals(book, year):
        if not a["withdrawn"]:
            grades.setdefault(a["code"], {})[(a["kind"], a["round"])] = a["grade"]
    vetoes: dict[str, list[str]] = {}
    for v in list_vetoes(book, year):
        text = f"{v['date']} {v['reason']}（{v['decided_by']}）"
        if v["withdrawn"]:
            w = v["withdrawn"]
            text += f"——已于 {w['date']} 撤销：{w['reason']}"
        vetoes.setdefault(v["code"], []).append(text)
    by_code = {mf.code: mf for mf in facts.members}
    approval_items: dict[str, list[Any]] = {}
    if scheme.approvals and rating is not None:
        from desktop.book.approvals import decisions_of, states_for

        for item in states_for(scheme, rating, decisions_of(book, year)):
            approval_items.setdefault(item.code, []).append(item)
    rows: list[YearRow] = []
    for m in result.members:
        rm = rated.get(m.code)
        mf = by_code.get(m.code)
        appraised = frozenset(
            (k, r)
            for k, r in appraisable
            if mf is not None and not_appraised_reason(scheme, mf, year, k, r) is None
        )
        reasons = list(rm.reasons) if rm else list(m.reasons)
        if rating is None and m.scored:
            reasons.append(f"年度积分{fmt_points(m.total)}分；{NO_RATING}")
        steps = approval_items.get(m.code, [])
        approval_state = shown_state(steps)  # 待表决 while only a 党员大会 vote waits
        reasons.extend(s.text() for s in steps)
        rows.append(
            YearRow(
                code=m.code,
                name=m.name,
                group=m.group,
                status=m.status,
                scored=m.scored,
                rated=bool(rm and rm.rated),
                total=m.total,
                stars=rm.stars if rm else None,
                grade=rm.grade if rm else None,
                reasons=reasons,
                appraisals=grades.get(m.code, {}),
                vetoes=vetoes.get(m.code, []),
                checks=[f.text for f in m.flags if f.kind == "veto_check"],
                followups=[f.text for f in m.flags if f.kind == "followup"],
                appraised=appraised,
                approval_state=approval_state,
                approval_texts=[s.text() for s in steps],
                approved_by=[s.body for s in steps] if approval_state == "已批准" else [],
            )
        )
    ranks = book.roster.group_ranks()
    rows.sort(key=lambda r: (group_rank(ranks, r.group), stroke_key(r.name)))
    quotas = [
        f"{q.level}：{q.rule}，评定{q.used}名" if q.limit is not None else f"{q.level}：{q.used}名"
        for q in (rating.quotas if rating else [])
    ]
    return YearOverview(
        year=year,
        branch=book.branch()["name"],
        scheme_title=scheme.title,
        has_rating=rating is not None,
        has_stars=bool(scheme.rating and any(lv.stars for lv in scheme.rating.levels)),
        has_grades=bool(scheme.rating and any(lv.grade for lv in scheme.rating.levels)),
        rating_note=scheme.rating.note if scheme.rating else "",
        as_of=as_of if not ended else f"{year:04d}-12-31",
        ended=ended,
        columns=columns,
        rows=rows,
        quotas=quotas,
        rated_count=rating.rated_count if rating else 0,
        quarters=[
            f"{st['number_text']}{st['state_text']}" for st in year_status(book, year, today=day)
        ],
        final=year_locked(book, year) is not None,
        approvals=[a for r in rows for a in approval_items.get(r.code, [])],
        parent_org=book.branch().get("parent_org") or "",
    )
