"""Benchmark: score a year for 5,000 members over ~200,000 facts.

Prints the time of `score` (numbers only, as for the branch table; and with full
explanations) against a raw SQL GROUP BY over the same facts in an in-memory SQLite
database, measured in the same run (CPU time of this process, best of several interleaved runs, so
that other programs on a busy machine disturb both alike). Target: ≤ 2× the SQL and under 1 s.
Not a test; run with:  python benchmarks/scoring.py [preset-id] [--runs N]
(--runs: interleaved rounds, best of; default 5 — more on a busy machine).
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.rules.facts import (  # noqa: E402
    Activity,
    Attendance,
    Claim,
    DuesMonth,
    MemberFacts,
    YearFacts,
)
from desktop.rules.presets import load_preset  # noqa: E402
from desktop.rules.scoring import rate, score  # noqa: E402

MEMBERS = 5_000
ACTIVITIES = 240  # about 20 a month across the groups of a very large book
ATTEND_PER_MEMBER = 24
CLAIMS_PER_MEMBER = 4


def build(preset_id: str, seed: int = 7) -> YearFacts:
    rnd = random.Random(seed)
    scheme = load_preset(preset_id)
    claim_items = [i for s in scheme.sections for i in s.items if i.source == "claim"]
    types = ["支部党员大会", "支委会", "党小组会", "党课", "主题党日", "志愿服务", "集中学习"]
    statuses = ["出席"] * 14 + ["因公请假", "因私请假", "无故缺席", "补录"]
    members = [MemberFacts(f"{i:05d}", f"党员{i}", "正式党员") for i in range(MEMBERS)]
    activities = [
        Activity(f"A{k:04d}", f"2026-{k % 12 + 1:02d}-{k % 28 + 1:02d}", types[k % len(types)])
        for k in range(ACTIVITIES)
    ]
    attendance = []
    dues = []
    claims = []
    for m in members:
        for a in rnd.sample(activities, ATTEND_PER_MEMBER):
            attendance.append(Attendance(a.code, m.code, rnd.choice(statuses)))
        for month in range(1, 13):
            paid = 300 if rnd.random() < 0.95 else 0
            day = rnd.choice(["05", "10", "28"]) if rnd.random() < 0.9 else "05"
            late_month = month if rnd.random() < 0.9 else min(month + 1, 12)
            dues.append(
                DuesMonth(
                    m.code,
                    f"2026-{month:02d}",
                    300,
                    paid,
                    f"2026-{late_month:02d}-{day}" if paid else None,
                )
            )
        for _ in range(CLAIMS_PER_MEMBER):
            item = rnd.choice(claim_items)
            lo, hi = item.range or (Decimal(-1), Decimal(1))
            claims.append(
                Claim(
                    m.code,
                    f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                    item.id,
                    Decimal(rnd.randint(int(lo), int(hi))),
                    "",
                )
            )
    return YearFacts.of(members, activities, attendance, dues, claims)


def sql_database(facts: YearFacts) -> sqlite3.Connection:
    """The same facts in an in-memory SQLite database, indexed as a book would be."""
    db = sqlite3.connect(":memory:")
    db.executescript(
        """
        create table activities (code text primary key, date text, type text);
        create table attendance (activity text, member text, status text);
        create table dues (member text, month text, due integer, paid integer, paid_date text);
        create table claims (member text, date text, item text, points text, status text);
        """
    )
    db.executemany(
        "insert into activities values (?,?,?)",
        [(a.code, a.date, a.type) for a in facts.activities],
    )
    db.executemany(
        "insert into attendance values (?,?,?)",
        [(a.activity, a.member, a.status) for a in facts.attendance],
    )
    db.executemany(
        "insert into dues values (?,?,?,?,?)",
        [(d.member, d.month, d.due_fen, d.paid_fen, d.paid_date) for d in facts.dues],
    )
    db.executemany(
        "insert into claims values (?,?,?,?,?)",
        [(c.member, c.date, c.item, str(c.points), c.status) for c in facts.claims],
    )
    db.commit()
    return db


def sql_group_by(db: sqlite3.Connection) -> None:
    """Per member: sign-ins by activity type and status, dues on time / short, claims by item."""
    db.execute(
        "select t.member, a.type, t.status, count(*) from attendance t"
        " join activities a on a.code = t.activity group by t.member, a.type, t.status"
    ).fetchall()
    db.execute(
        "select member, sum(paid >= due and paid_date <= month || '-31'), sum(paid < due)"
        " from dues group by member"
    ).fetchall()
    db.execute(
        "select member, item, sum(points) from claims where status = '审定' group by member, item"
    ).fetchall()


def best_of(runs: int, fn) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    import argparse
    import os

    parser = argparse.ArgumentParser(description="score() against an SQL GROUP BY")
    parser.add_argument("preset_id", nargs="?", default="dangyuan-ejia")
    parser.add_argument("--runs", type=int, default=5, help="interleaved rounds (best of)")
    args = parser.parse_args()
    preset_id = args.preset_id
    scheme = load_preset(preset_id)
    facts = build(preset_id)
    n_facts = len(facts.attendance) + len(facts.dues) + len(facts.claims)
    print(f"方案 {preset_id}：{len(facts.members)} 名党员，{n_facts} 条记录")
    db = sql_database(facts)
    # Interleave the two so that a busy machine slows both alike; keep the best of each.
    sql = numbers = float("inf")
    for _ in range(max(1, args.runs)):
        sql = min(sql, best_of(1, lambda: sql_group_by(db)))
        numbers = min(numbers, best_of(1, lambda: score(scheme, facts, 2026, explain=False)))
    explained = best_of(2, lambda: score(scheme, facts, 2026))
    one = best_of(3, lambda: score(scheme, facts, 2026, explain={"00042"}))
    result = score(scheme, facts, 2026, explain=False)
    rating_time = best_of(3, lambda: rate(scheme, result))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"load average: {load}")
    print(f"SQL GROUP BY（同一批记录）   {sql * 1000:8.1f} ms")
    print(f"score(explain=False)          {numbers * 1000:8.1f} ms   {numbers / sql:5.2f}× SQL")
    print(f"score(explain=True)           {explained * 1000:8.1f} ms   {explained / sql:5.2f}× SQL")
    print(f"score(explain={{一人}})          {one * 1000:8.1f} ms   {one / sql:5.2f}× SQL")
    print(f"rate                          {rating_time * 1000:8.1f} ms")
    print(
        f"目标：≤ 2× SQL 且 < 1 s —— {'达到' if numbers <= 2 * sql and numbers < 1 else '未达到'}"
    )


if __name__ == "__main__":
    main()
