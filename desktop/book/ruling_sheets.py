"""The interchange sheets of the year's rulings beyond the contract: 上级审批 (approvals above
the branch), 积分兑换 (the exchange ledger), 评议会议 (民主评议 rounds with their voters) and
评议选票 (the rounds' ballots entered one by one: one row per mark, one row per 废票), so
an export re-imported into an empty book loses none of them. Same shape as branch_sheets.py:
`export_rows`, `read_sheets` (checks into the plan, writes nothing), `write_plan`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from desktop.book.ruling_checks import CLAIM_NOT_FOUND
from desktop.book.store import Book, now_iso
from desktop.rules.dates import optional_day

SHEETS = ("上级审批", "积分兑换", "评议会议", "评议选票", "党员大会表决")
_DECISION = {"approved": "批准", "refused": "不批准"}
_DECISION_OF = {v: k for k, v in _DECISION.items()}


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def export_rows(book: Book, code_of: dict[int, str]) -> dict[str, list[dict[str, Any]]]:
    q = book.db.query
    approvals = [
        {
            "年度": r["year"],
            "党员": code_of[r["member_id"]],
            "审批环节": r["step"],
            "评定结果": r["result"],
            "决定": _DECISION[r["decision"]],
            "审批单位": r["decided_by"],
            "日期": optional_day(r["date"]),
            "理由": r["reason"] or None,
            "来源": r["source"],
            "依据": r["ref"] or None,
            "申报记录号": r.get("claim_id"),
            "登记人": r["created_by"] or None,
            "登记时间": r["created_at"] or None,
            "记录号": r["id"],
        }
        for r in q("select * from approvals order by id")
    ]
    exchanges = [
        {
            "年度": r["year"],
            "党员": code_of[r["member_id"]],
            "日期": optional_day(r["date"]),
            "兑换内容": r["what"],
            "分值": Decimal(r["points"]),
            "经办人": r["handled_by"],
            "备注": r["note"] or None,
            "登记人": r["created_by"] or None,
            "登记时间": r["created_at"] or None,
            "记录号": r["id"],
        }
        for r in q("select * from exchanges order by id")
    ]
    rounds = [
        {
            "年度": r["year"],
            "类型": r["kind"],
            "轮次": r["round"],
            "日期": optional_day(r["date"]),
            "党员人数": r["member_voters"],
            "群众代表人数": r["mass_voters"],
            "备注": r["note"] or None,
            "登记时间": r["created_at"] or None,
            "记录号": r["id"],
        }
        for r in q("select * from appraisal_rounds order by id")
    ]
    ballots: list[dict[str, Any]] = []
    marks: dict[int, list[dict[str, Any]]] = {}
    for r in q(
        "select k.ballot_id, k.member_id, k.grade from appraisal_ballot_marks k "
        "join members m on m.id = k.member_id order by k.ballot_id, m.code"
    ):
        marks.setdefault(r["ballot_id"], []).append(r)
    for b in q("select * from appraisal_ballots order by year, kind, round, number"):
        head = {"年度": b["year"], "类型": b["kind"], "轮次": b["round"], "票号": b["number"]}
        tail = {"登记人": b["created_by"] or None, "登记时间": b["created_at"] or None}
        if b["spoiled"] or not marks.get(b["id"]):
            ballots.append({**head, "废票": True, "党员": None, "等次": None, **tail})
            continue
        for k in marks[b["id"]]:
            ballots.append(
                {**head, "废票": False, "党员": code_of[k["member_id"]], "等次": k["grade"], **tail}
            )
    from desktop.sheets.columns import VOTE_RULE_WORDS

    votes = [
        {
            "年度": r["year"],
            "审批环节": r["step"],
            "日期": optional_day(r["date"]),
            "活动编号": r["activity_code"],
            "应到会人数": r["expected"],
            "到会人数": r["present"],
            "赞成": r["yes"],
            "反对": r["no"],
            "弃权": r["abstain"],
            "通过规则": VOTE_RULE_WORDS[r["rule"]],
            "须到会过半": bool(r["quorum"]),
            "表决内容": r["proposal"] or None,
            "备注": r["note"] or None,
            "登记人": r["created_by"] or None,
            "登记时间": r["created_at"] or None,
            "记录号": r["id"],
        }
        for r in q(
            "select v.*, a.code as activity_code from votes v "
            "left join activities a on a.id = v.activity_id order by v.id"
        )
    ]
    return {
        "上级审批": approvals,
        "积分兑换": exchanges,
        "评议会议": rounds,
        "评议选票": ballots,
        "党员大会表决": votes,
    }


def _member(check: Any, sheet: str, row: int, members: Any, ref: Any) -> dict[str, Any] | None:
    if not ref:
        return None
    m, problem = members.resolve(str(ref))
    if problem:
        check.add(sheet, row, "党员", problem)
        return None
    return m


def read_sheets(
    check: Any,
    members: Any,
    book: Book | None = None,
    activities: dict[str, dict[str, Any]] | None = None,
) -> None:
    """Check these sheets into `check.plan.rulings` ({table: rows}); writes nothing.
    `activities`: the book's and the workbook's activities by code (a vote names its meeting)."""
    out: dict[str, list[dict[str, Any]]] = {
        "approvals": [],
        "exchanges": [],
        "rounds": [],
        "ballots": [],
    }
    # The preview shows accepted rows as the sheet writes them (its Chinese column names).
    shown: dict[str, list[dict[str, Any]]] = {s: [] for s in (*SHEETS[:3], "党员大会表决")}
    data = check.data
    # A decision on a claim names one the book or the workbook holds (by its 记录号).
    claim_ids = {c["id"] for c in check.plan.claims if c.get("id") is not None}
    if book is not None:
        claim_ids |= {r[0] for r in book.execute("select id from claims")}
    for row in data.rows("上级审批"):
        v = row.values
        m = _member(check, "上级审批", row.number, members, v.get("党员"))
        need = ("年度", "审批环节", "评定结果", "决定", "审批单位", "日期", "来源")
        if m is None or any(not v.get(k) for k in need):
            continue
        if v["决定"] == "不批准" and not v.get("理由"):
            check.add("上级审批", row.number, "理由", "不批准须写明理由")
            continue
        problem = _step_problem(check, book, v["年度"], v["审批环节"], vote=None)
        if problem:
            check.add("上级审批", row.number, "审批环节", problem)
            continue
        problem = "" if v.get("申报记录号") else _result_problem(check, book, v)
        if problem:
            check.add("上级审批", row.number, "评定结果", problem)
            continue
        if v.get("申报记录号") and v["申报记录号"] not in claim_ids:
            check.add(
                "上级审批", row.number, "申报记录号", CLAIM_NOT_FOUND.format(cid=v["申报记录号"])
            )
            continue
        out["approvals"].append(
            {
                "year": v["年度"],
                "period": "claim" if v.get("申报记录号") else "year",
                "claim_id": v.get("申报记录号") or None,
                "member": m["code"],
                "step": v["审批环节"],
                "result": v["评定结果"],
                "decision": _DECISION_OF[v["决定"]],
                "decided_by": v["审批单位"],
                "date": _iso(v["日期"]),
                "reason": v.get("理由") or "",
                "source": v["来源"],
                "ref": v.get("依据") or "",
                "created_by": v.get("登记人") or "",
                "created_at": v.get("登记时间") or now_iso(),
                "id": check.record_no("上级审批", row),
                "_row": row.number,
            }
        )
        shown["上级审批"].append(dict(v))
    for row in data.rows("积分兑换"):
        v = row.values
        m = _member(check, "积分兑换", row.number, members, v.get("党员"))
        if m is None or any(v.get(k) in (None, "") for k in ("年度", "日期", "兑换内容", "分值")):
            continue
        if not v.get("经办人"):
            continue
        if v["分值"] == 0:
            check.add("积分兑换", row.number, "分值", "兑换分值不能为0")
            continue
        out["exchanges"].append(
            {
                "year": v["年度"],
                "member": m["code"],
                "date": _iso(v["日期"]),
                "what": v["兑换内容"],
                "points": str(v["分值"]),
                "handled_by": v["经办人"],
                "note": v.get("备注") or "",
                "created_by": v.get("登记人") or "",
                "created_at": v.get("登记时间") or now_iso(),
                "id": check.record_no("积分兑换", row),
            }
        )
        shown["积分兑换"].append(dict(v))
    seen: set[tuple[int, str, int]] = set()
    for row in data.rows("评议会议"):
        v = row.values
        if not (v.get("年度") and v.get("类型") and v.get("日期")) or v.get("党员人数") is None:
            continue
        key = (v["年度"], v["类型"], v.get("轮次") or 1)
        if key in seen:
            check.add("评议会议", row.number, "轮次", f"{key[0]} 年第{key[2]}次{key[1]}重复")
            continue
        seen.add(key)
        out["rounds"].append(
            {
                "year": key[0],
                "kind": key[1],
                "round": key[2],
                "date": _iso(v["日期"]),
                "member_voters": v["党员人数"],
                "mass_voters": v.get("群众代表人数") or 0,
                "note": v.get("备注") or "",
                "created_at": v.get("登记时间") or now_iso(),
                "id": check.record_no("评议会议", row),
            }
        )
        shown["评议会议"].append(dict(v))
    out["ballots"] = _read_ballots(check, members, book, out["rounds"])
    out["votes"] = _read_votes(check, book, shown["党员大会表决"], activities or {})
    check.plan.rulings = out
    for sheet, rows in shown.items():
        if rows:
            check.plan.preview[sheet] = rows
    if out["ballots"]:  # one line per ballot, its marks written out
        check.plan.preview["评议选票"] = [
            {
                "年度": b["year"],
                "类型": b["kind"],
                "轮次": b["round"],
                "票号": b["number"],
                "废票": "是" if b["spoiled"] else "",
                "评定": "、".join(f"{code} {grade}" for code, grade in b["marks"]),
            }
            for b in out["ballots"]
        ]


def _read_ballots(
    check: Any, members: Any, book: Book | None, rounds: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """评议选票 rows → ballots {year, kind, round, number, spoiled, marks: [(code, grade)]},
    checked as `book.ballots.record_ballot` would: the round recorded (in this workbook or the
    book), 票号 from 1 without gaps and no more than the round's voters, a 废票 without marks,
    a member once per ballot."""
    sheet = "评议选票"
    voters = {
        (r["year"], r["kind"], r["round"]): r["member_voters"] + r["mass_voters"] for r in rounds
    }
    if book is not None:
        for r in book.query("select * from appraisal_rounds"):
            key = (r["year"], r["kind"], r["round"])
            voters.setdefault(key, int(r["member_voters"]) + int(r["mass_voters"]))
    ballots: dict[tuple[int, str, int, int], dict[str, Any]] = {}
    first_row: dict[tuple[int, str, int, int], int] = {}
    for row in check.data.rows(sheet):
        v = row.values
        if not (v.get("年度") and v.get("类型") and v.get("票号")):
            continue  # the reader said which required cell is empty
        rnd = (v["年度"], v["类型"], v.get("轮次") or 1)
        key = (*rnd, v["票号"])
        if v["票号"] < 1:
            check.add(sheet, row.number, "票号", "票号应为正整数（本次评议的第几张选票）")
            continue
        if rnd not in voters:
            check.add(
                sheet,
                row.number,
                "轮次",
                f"{rnd[0]} 年第{rnd[2]}次{rnd[1]}没有登记评议会议"
                "（请在“评议会议”表中写上这次会议，或删去它的选票）",
            )
            continue
        # Numbered even when the row is refused below, so a gap is only a real gap.
        first_row.setdefault(key, row.number)
        spoiled = bool(v.get("废票"))
        ref, grade = v.get("党员"), v.get("等次")
        if spoiled and (ref or grade):
            check.add(sheet, row.number, "党员", "废票这一行不填党员和等次")
            continue
        if not spoiled and not (ref and grade):
            field = "等次" if ref else "党员"
            check.add(sheet, row.number, field, f"请填写{field}（空白票或废票请在“废票”列写“是”）")
            continue
        ballot = ballots.setdefault(
            key,
            {
                "year": key[0],
                "kind": key[1],
                "round": key[2],
                "number": key[3],
                "spoiled": spoiled,
                "marks": [],
                "created_by": v.get("登记人") or "",
                "created_at": v.get("登记时间") or now_iso(),
            },
        )
        if ballot["spoiled"] != spoiled or (
            spoiled and key in first_row and first_row[key] != row.number
        ):
            check.add(
                sheet,
                row.number,
                "废票",
                f"第{key[3]}张选票既是废票又评了党员（或废票写了两行），请核对",
            )
            continue
        if spoiled:
            continue
        m = _member(check, sheet, row.number, members, ref)
        if m is None:
            continue
        if any(code == m["code"] for code, _ in ballot["marks"]):
            check.add(sheet, row.number, "党员", f"第{key[3]}张选票上{m['name']}出现了两次")
            continue
        ballot["marks"].append((m["code"], grade))
    by_round: dict[tuple[int, str, int], list[int]] = {}
    for key in first_row:
        by_round.setdefault(key[:3], []).append(key[3])
    for rnd, numbers in by_round.items():
        numbers.sort()
        label = f"{rnd[0]} 年第{rnd[2]}次{rnd[1]}"
        if numbers != list(range(1, len(numbers) + 1)):
            gap = next(n for n in range(1, len(numbers) + 2) if n not in numbers)
            where = first_row[(*rnd, numbers[-1])]
            check.add(sheet, where, "票号", f"{label}的选票票号应从 1 起连续，缺第{gap}张")
        elif len(numbers) > voters[rnd]:
            where = first_row[(*rnd, numbers[-1])]
            check.add(
                sheet,
                where,
                "票号",
                f"{label}参加评议的有 {voters[rnd]} 人，选票却有 {len(numbers)} 张",
            )
    return [ballots[k] for k in sorted(ballots)]


def _year_scheme(check: Any, book: Book | None, year: int) -> Any:
    """The year's scheme as the import leaves it, or None when it cannot be read (its own
    problem is reported where the scheme is read)."""
    from desktop.book.contract_sheets import scheme_of_year
    from desktop.book.errors import InputRefused
    from desktop.rules.scheme import SchemeError

    if book is None:
        return None
    try:
        return scheme_of_year(book, check, year)
    except (InputRefused, SchemeError):
        return None


def _step_problem(check: Any, book: Book | None, year: int, step: str, *, vote: Any) -> str:
    """Why `step` is not a step of the year's scheme ('' when it is): any [[approvals]] step
    for the 上级审批 sheet (vote=None), one decided by a 党员大会 vote (vote=True), as
    `approval record --step` and `approval vote --step` refuse them."""
    scheme = _year_scheme(check, book, year)
    if scheme is None:
        return ""
    steps = [a.name for a in scheme.approvals if vote is None or bool(a.vote) == vote]
    if step in steps:
        return ""
    what = "须党员大会表决的环节" if vote else "上级审批环节"
    if not steps:
        return f"{year} 年的积分方案没有{what}，这一行不能导入（请核对年度，或删去这一行）"
    return (
        f"“{step}”不是 {year} 年积分方案的{what}（方案的{what}是：{'、'.join(steps)}），"
        "请按方案改正审批环节"
    )


def _result_problem(check: Any, book: Book | None, v: dict[str, Any]) -> str:
    """Why a 上级审批 row's 评定结果 is not one its step approves ('' when it is): hand entry
    records the step only for the results the scheme sends to it (「五星级」, 「五星级、优秀」)."""
    from desktop.book.approvals import result_label
    from desktop.rules.scheme_model import STAR_WORDS

    scheme = _year_scheme(check, book, v["年度"])
    step = next((a for a in scheme.approvals if a.name == v["审批环节"]), None) if scheme else None
    if step is None or step.items and not (step.stars or step.grades):
        return ""  # a step for claims only is named by 申报记录号
    star_of = {f"{w}星级": n for n, w in STAR_WORDS.items()}
    stars: int | None = None
    grade: str | None = None
    for part in str(v["评定结果"]).split("、"):
        if part in star_of and stars is None:
            stars = star_of[part]
        elif part not in star_of and grade is None:
            grade = part
        else:
            stars = grade = None
            break
    if step.applies(stars, grade) and result_label(stars, grade) == v["评定结果"]:
        return ""
    sent = "、".join([f"{STAR_WORDS[n]}星级" for n in sorted(step.stars)] + sorted(step.grades))
    return (
        f"“{v['评定结果']}”不是“{step.name}”审批的结果（{v['年度']} 年积分方案中这一环节审批的是："
        f"{sent}），请核对评定结果或审批环节"
    )


def _read_votes(
    check: Any,
    book: Book | None,
    shown: list[dict[str, Any]],
    activities: dict[str, dict[str, Any]],
) -> list[dict[str, Any]]:
    """党员大会表决 rows, their counts checked as `approval vote` checks them, the step one the
    year's scheme decides by vote with the scheme's 通过规则, no vote without its quorum, and
    the meeting they name (活动编号) a 支部党员大会 held on the vote's date, as `approval
    vote` requires. What needs the imported book (the roster, the sign-in, the decisions the
    vote made) is checked by `check_written` on a trial copy."""
    from desktop.rules.votes import VoteCount, count_problems
    from desktop.sheets.columns import VOTE_RULE_WORDS

    rule_of = {w: k for k, w in VOTE_RULE_WORDS.items()}
    out = []
    need = (
        "年度",
        "审批环节",
        "日期",
        "应到会人数",
        "到会人数",
        "赞成",
        "反对",
        "弃权",
        "通过规则",
    )
    for row in check.data.rows("党员大会表决"):
        v = row.values
        if any(v.get(k) in (None, "") for k in need):
            continue
        code = v.get("活动编号") or None
        meeting = activities.get(code) if code else None
        meeting_problem = ""
        if code and meeting is None:
            meeting_problem = f"找不到活动“{code}”，请先在“活动”表中登记，或删去活动编号"
        elif meeting and meeting["type"] != "支部党员大会":
            meeting_problem = f"活动 {code} 是“{meeting['type']}”，不是支部党员大会，不能在其上表决"
        elif meeting and meeting["date"] and meeting["date"] != _iso(v["日期"]):
            meeting_problem = (
                f"表决日期 {_iso(v['日期'])} 与活动 {code}（支部党员大会）的日期 "
                f"{meeting['date']} 不同"
            )
        if meeting_problem:
            check.add("党员大会表决", row.number, "活动编号", meeting_problem)
            continue
        problem = _step_problem(check, book, v["年度"], v["审批环节"], vote=True)
        if problem:
            check.add("党员大会表决", row.number, "审批环节", problem)
            continue
        scheme = _year_scheme(check, book, v["年度"])
        step = next(a for a in scheme.approvals if a.name == v["审批环节"]) if scheme else None
        quorum = v.get("须到会过半") is not False
        if step is not None and rule_of[v["通过规则"]] != step.vote:
            check.add(
                "党员大会表决",
                row.number,
                "通过规则",
                f"“{v['通过规则']}”与 {v['年度']} 年积分方案中“{step.name}”的通过规则"
                f"“{VOTE_RULE_WORDS[step.vote]}”不同：表决按方案的规则计票，请改正",
            )
            continue
        if step is not None and quorum != step.quorum:
            rule = "须到会过半" if step.quorum else "不要求到会过半"
            check.add(
                "党员大会表决",
                row.number,
                "须到会过半",
                f"{v['年度']} 年积分方案中“{step.name}”{rule}，请写“{'是' if step.quorum else '否'}”",
            )
            continue
        count = VoteCount(v["应到会人数"], v["到会人数"], v["赞成"], v["反对"], v["弃权"])
        problems = count_problems(count, quorum=quorum)
        if problems:
            for p in problems:
                check.add("党员大会表决", row.number, "到会人数", p.rstrip("。"))
            continue
        out.append(
            {
                "year": v["年度"],
                "step": v["审批环节"],
                "date": _iso(v["日期"]),
                "activity_code": v.get("活动编号") or None,
                "expected": count.expected,
                "present": count.present,
                "yes": count.yes,
                "no": count.no,
                "abstain": count.abstain,
                "rule": rule_of[v["通过规则"]],
                "quorum": int(quorum),
                "proposal": v.get("表决内容") or "",
                "note": v.get("备注") or "",
                "created_by": v.get("登记人") or "",
                "created_at": v.get("登记时间") or now_iso(),
                "id": check.record_no("党员大会表决", row),
                "_row": row.number,
            }
        )
        shown.append(dict(v))
    return out


def write_plan(book: Book, plan: Any, code_to_id: dict[str, int]) -> None:
    """Insert these records (the caller holds the import's transaction)."""
    from desktop.book.quarter_sheets import _insert_keeping_ids

    rulings = getattr(plan, "rulings", None) or {}

    def with_ids(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {
                **{k: val for k, val in r.items() if k != "member" and not k.startswith("_")},
                "member_id": code_to_id[r["member"]],
            }
            for r in rows
        ]

    _insert_keeping_ids(book, "approvals", with_ids(rulings.get("approvals", [])))
    _insert_keeping_ids(book, "exchanges", with_ids(rulings.get("exchanges", [])))
    _insert_keeping_ids(book, "appraisal_rounds", rulings.get("rounds", []))
    votes = []
    for r in rulings.get("votes", []):
        code = r["activity_code"]
        found = book.execute("select id from activities where code = ?", [code]).fetchone()
        votes.append({**{k: v for k, v in r.items() if k != "activity_code" and k[0] != "_"},
                      "activity_id": found[0] if code and found else None})  # fmt: skip
    _insert_keeping_ids(book, "votes", votes)
    for b in rulings.get("ballots", []):
        bid = int(
            book.db["appraisal_ballots"]
            .insert(
                {
                    "year": b["year"],
                    "kind": b["kind"],
                    "round": b["round"],
                    "number": b["number"],
                    "spoiled": int(b["spoiled"]),
                    "created_by": b["created_by"],
                    "created_at": _iso(b["created_at"]),
                }
            )
            .last_pk
        )
        book.db["appraisal_ballot_marks"].insert_all(
            {"ballot_id": bid, "member_id": code_to_id[code], "grade": grade}
            for code, grade in b["marks"]
        )
