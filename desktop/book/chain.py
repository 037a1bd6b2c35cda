"""Confirmed periods' snapshots and their hash chain: reading a snapshot, the canonical
digest of a period's locked facts, and the checks `verify`, backups and packs run."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.book.periods import THIS, _existing_period, period_label
from desktop.book.store import Book
from desktop.rules.periods import make_period
from desktop.rules.quarter import (
    ChainProblem,
    Link,
    canonical_json,
    facts_digest,
    verify_chain,
)
from desktop.rules.scheme import fmt_points


def snapshot(book: Book, year: int, quarter: int, kind: str = "quarter") -> dict[str, Any] | None:
    """The snapshot of a confirmed period (`quarter` = its number in the `kind` cycle)."""
    rows = book.query(
        "select * from snapshots where year = ? and quarter = ? and kind = ?", [year, quarter, kind]
    )
    return rows[0] if rows else None


def confirmed_score_json(
    book: Book, year: int, quarter: int, kind: str = "quarter"
) -> dict[str, Any] | None:
    """`pioneer score --quarter Q --json` (or --month/--half, by the scheme's cycle) for a
    confirmed period: its stored snapshot (the same keys as a live score, plus what
    identifies the snapshot); None if not confirmed."""
    snap = snapshot(book, year, quarter, kind)
    if snap is None:
        return None
    stored = json.loads(snap["payload"])
    zero = {s: "0.00" for s in stored["sections"]}
    members = [
        {
            "code": m["code"],
            "name": m["name"],
            "total": m["total"],
            # In the scheme's order, as a live score (the stored JSON has its keys sorted).
            "sections": {s: m["sections"][s] for s in stored["sections"] if s in m["sections"]},
            "scored": True,
            "rated": m["rated"],
            "reasons": [],
            "flags": m["flags"],
        }
        for m in stored["members"]
    ] + [
        {
            "code": m["code"],
            "name": m["name"],
            "total": "0.00",
            "sections": dict(zero),
            "scored": False,
            "rated": False,
            "reasons": m["reasons"],
            "flags": [],
        }
        for m in stored["not_scored"]
    ]
    members.sort(key=lambda m: m["code"])
    period = _existing_period(book, year, quarter, kind) or {}
    out: dict[str, Any] = {"year": year, "quarter": None, "half": None, "month": None}
    if kind != "quarter":
        out["cycle"] = kind
    out[kind] = quarter
    return out | {
        "scheme": stored["scheme"],
        "members": members,
        "confirmed": True,
        "state_text": "已确认",
        "confirmed_at": period.get("confirmed_at") or snap["created_at"],
        "as_of": stored["as_of"],
        "hash": snap["hash"],
        "chain_head": chain_head(book),
    }


def chain_head(book: Book) -> str | None:
    row = book.execute("select hash from snapshots order by id desc limit 1").fetchone()
    return row[0] if row else None


def _has_digests(conn: sqlite3.Connection) -> bool:
    return any(r[1] == "facts_digest" for r in conn.execute("pragma table_info(snapshots)"))


def chain_links(conn: sqlite3.Connection) -> list[Link]:
    if not conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'snapshots'"
    ).fetchone():
        return []
    digest = "facts_digest" if _has_digests(conn) else "null"  # a backup from before m005
    kind = _kind_column(conn)
    return [
        Link(period_label(y, q, k), payload, prev, h, facts)
        for y, q, k, payload, prev, h, facts in conn.execute(
            f"select year, quarter, {kind}, payload, prev_hash, hash, {digest} from snapshots "
            "order by id"
        )
    ]


def _kind_column(conn: sqlite3.Connection) -> str:
    """The snapshots' cycle column, or 'quarter' for a file from before m013 (all quarters)."""
    return "kind" if "kind" in _columns(conn, "snapshots") else "'quarter'"


# The locked facts of a quarter, digested at confirmation. Columns are listed (not `*`) so a
# column added by a later migration does not make every old quarter look altered; the date
# expressions are the lock triggers' (desktop/book/schema.py).
FACT_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "activities": ("t.date", ("id", "code", "date", "type", "topic", "place", "host")),
    "attendance": (
        "(select date from activities a where a.id = t.activity_id)",
        ("id", "activity_id", "member_id", "status", "witnesses", "note", "host_org"),
    ),
    "dues_payments": (
        "coalesce(t.paid_date, t.month || '-01')",
        ("id", "member_id", "month", "due_fen", "paid_fen", "paid_date", "receiver", "receipt_no"),
    ),
    "claims": ("t.date", ("id", "member_id", "date", "item", "points", "reason", "status")),
    "vetoes": ("t.date", ("id", "member_id", "date", "reason", "decided_by")),
    "corrections": ("t.date", ("id", "member_id", "date", "item", "points", "reason")),
}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"pragma table_info({table})")}


def _fact_row(row: tuple[Any, ...], points: int | None, kind: int | None) -> list[Any]:
    values = list(row)
    if points is not None and values[points] is not None:
        values[points] = _canonical_points(values[points])
    if kind is not None and values[kind] is None:
        del values[kind]  # rows from before m006 digest exactly as they did
    return values


def _canonical_points(value: Any) -> str:
    """Points as one text however they were typed ("2.50", "2.5", 2.5 → "2.5")."""
    try:
        return fmt_points(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return str(value)


def facts_canonical(
    conn: sqlite3.Connection,
    year: int,
    quarter: int,
    *,
    scheme: tuple[str, str] | None = None,
    kind: str = "quarter",
) -> str:
    """The quarter's locked facts as one canonical text: every fact row dated in the quarter
    (the columns that score), the year's appraisals with the fourth quarter (they lock then),
    and the year's scheme. `scheme` = (id, text) when it is not yet stored frozen."""
    q = make_period(kind, year, quarter)
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    facts: dict[str, Any] = {"year": year, "quarter": quarter}
    if kind != "quarter":  # quarters digest exactly as they did before cycles existed
        facts["cycle"] = kind
    for table, (date_sql, columns) in FACT_TABLES.items():
        if table not in tables:
            continue
        cols = list(columns)
        if table == "vetoes" and "kind" in _columns(conn, table):
            cols.append("kind")  # added by m006; only a set kind enters the digest (below)
        where = f"{date_sql} between ? and ?"
        if table == "attendance":  # the same rows, found through the activities' date index
            where = "t.activity_id in (select id from activities where date between ? and ?)"
        rows = conn.execute(
            f"select {', '.join('t.' + c for c in cols)} from {table} t "
            f"where {where} order by t.id",
            [q.start, q.end],
        ).fetchall()
        # Most tables' rows go in as they are read (verify digests every confirmed period).
        points = cols.index("points") if "points" in cols else None
        kind = cols.index("kind") if "kind" in cols else None
        if points is not None or kind is not None:
            rows = [_fact_row(row, points, kind) for row in rows]
        facts[table] = rows
    if "withdrawals" in tables:
        withdrawn = [
            list(row)
            for row in conn.execute(
                "select id, target, target_id, date, reason, decided_by from withdrawals "
                "where date between ? and ? order by id",
                [q.start, q.end],
            )
        ]
        if withdrawn:  # absent when empty, so quarters confirmed before m006 still verify
            facts["withdrawals"] = withdrawn
    if "dues_reversals" in tables:
        reversed_ = [
            list(row)
            for row in conn.execute(
                "select id, receipt_no, reversal_no, date, reason, decided_by from dues_reversals "
                "where date between ? and ? order by id",
                [q.start, q.end],
            )
        ]
        if reversed_:  # absent when empty, so periods confirmed before m019 still verify
            facts["dues_reversals"] = reversed_
    if q.end[5:] == "12-31" and "appraisals" in tables:  # the year's last period
        # 评定人 and 日期 (m018) enter only when set, so results from before (both empty)
        # give the digest they were confirmed with.
        graded = "graded_by" in _columns(conn, "appraisals")
        facts["appraisals"] = [
            list(row[:6]) + ([row[6], row[7]] if graded and (row[6] or row[7]) else [])
            for row in conn.execute(
                "select id, year, round, kind, member_id, grade"
                + (", graded_by, date" if graded else "")
                + " from appraisals where year = ? order by id",
                [year],
            )
        ]
    if scheme is None:
        row = conn.execute("select scheme_id, text from schemes where year = ?", [year]).fetchone()
        scheme = (row[0], row[1]) if row else ("", "")
    facts["scheme"] = list(scheme)
    return canonical_json(facts)


def check_facts(conn: sqlite3.Connection) -> ChainProblem | None:
    """The first confirmed quarter whose locked facts no longer give their stored digest."""
    if not conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'snapshots'"
    ).fetchone() or not _has_digests(conn):
        return None
    rows = conn.execute(
        f"select year, quarter, {_kind_column(conn)}, facts_digest from snapshots "
        "where facts_digest is not null order by id"
    ).fetchall()
    for i, (year, quarter, kind, stored) in enumerate(rows):
        if facts_digest(facts_canonical(conn, year, quarter, kind=kind)) != stored:
            return ChainProblem(
                i,
                period_label(year, quarter, kind),
                f"确认后{THIS.get(kind, '本期')}的签到、党费、积分申报等记录被改动过"
                "（与确认时的校验值不符）",
            )
    return None


def check_chain(conn: sqlite3.Connection) -> ChainProblem | None:
    """The first broken link of the book's confirmed quarters, then the first quarter whose
    locked facts were altered; None when both hold."""
    return verify_chain(chain_links(conn)) or check_facts(conn)
