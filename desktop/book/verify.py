"""What `pioneer verify` checks beyond SQLite's own `integrity_check` (backup.verify_file
runs them all, in this order; docs/safety.md lists them for people):

1. every row of every table is read, and every text in it must be valid UTF-8 (bytes damaged
   inside a row pass integrity_check but break the program when it is read) — `check_rows`;
2. the book's protections are all there and unchanged: the triggers that keep confirmed
   quarters, snapshots and the journal from being changed — `check_protections`;
3. the journal (操作记录) is hash-chained like the confirmed quarters, its head kept in the
   settings: an edited, inserted or deleted line is found and named — `check_journal`;
4. the book knows which quarters it confirmed (periods, and the journal's 确认季度积分 lines):
   each must still have its snapshot — `check_confirmations`.
(Then backup.verify_file checks the chain of confirmed quarters and their locked facts.)

Each returns None when the check holds, else a Chinese sentence naming what is wrong.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3

# Tables as people know them, for messages.
TABLE_WORDS = {
    "branch": "支部信息",
    "party_groups": "党小组",
    "members": "党员名册",
    "member_events": "党员变动记录",
    "settings": "设置",
    "activities": "活动",
    "attendance": "签到记录",
    "dues_bases": "党费标准",
    "dues_rates": "党费标准",
    "dues_payments": "党费记录",
    "dues_reversals": "党费冲销记录",
    "claims": "积分申报",
    "vetoes": "一票否决",
    "corrections": "更正",
    "appraisals": "民主评议",
    "withdrawals": "撤销记录",
    "periods": "评议期间",
    "snapshots": "已确认期间的结果",
    "objections": "异议",
    "publicity_notices": "公示",
    "schemes": "积分方案",
    "journal": "操作记录",
}

JOURNAL_HEAD = "journal_head"  # settings key: "<last id>:<its chain hash>"
GENESIS = "0" * 64


def _word(table: str) -> str:
    return f"{TABLE_WORDS[table]}（{table} 表）" if table in TABLE_WORDS else f"{table} 表"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# -- 1. every row ---------------------------------------------------------------------------


def check_rows(conn: sqlite3.Connection) -> str | None:
    """Read every text value of every table and check it is valid UTF-8.

    SQLite concatenates each column's texts (group_concat, comma-separated: a damaged
    multi-byte sequence can't be completed by the next value's start) so the reading runs at
    C speed; only a column that fails is read row by row to name the row."""
    # Every table's columns that hold text (declared TEXT, or with no type: SQLite stores
    # text there as it came; a number column holds numbers), in one query, in the order of
    # sqlite_master and of the columns.
    columns: dict[str, list[str]] = {}
    for table, column, declared in conn.execute(
        "select m.name, c.name, c.type from sqlite_master m, pragma_table_info(m.name) c"
        " where m.type = 'table' and m.name not like 'sqlite_%' order by m.rowid, c.cid"
    ):
        if _holds_text(declared):
            columns.setdefault(table, []).append(column)
    saved = conn.text_factory
    conn.text_factory = bytes
    try:
        for table, names in columns.items():
            # group_concat's own separator (a comma): ASCII, so it ends a damaged sequence
            # as well as a newline does. `char(10)` was called again for every value and took
            # more than half of check_rows' time.
            parts = ", ".join(f"group_concat({_quote(c)})" for c in names)
            row = conn.execute(f"select {parts} from {_quote(table)}").fetchone()
            for column, joined in zip(names, row, strict=True):
                if joined is None:
                    continue
                try:
                    joined.decode("utf-8")
                except UnicodeDecodeError:
                    return _name_bad_row(conn, table, column)
    finally:
        conn.text_factory = saved
    return None


def _holds_text(declared: bytes | str | None) -> bool:
    kind = (declared.decode() if isinstance(declared, bytes) else declared or "").upper()
    # SQLite's affinity rules: INT → integer, REAL/FLOA/DOUB → real, the rest may hold text.
    return "INT" not in kind and not any(k in kind for k in ("REAL", "FLOA", "DOUB"))


def _name_bad_row(conn: sqlite3.Connection, table: str, column: str) -> str:
    rows = conn.execute(
        f"select rowid, {_quote(column)} from {_quote(table)}"
        f" where typeof({_quote(column)}) = 'text' order by rowid"
    )
    for rowid, value in rows:
        try:
            value.decode("utf-8")
        except UnicodeDecodeError:
            return f"{_word(table)}编号 {rowid} 的一行（“{column}”栏）内容已损坏，读不出来"
    return f"{_word(table)}的“{column}”栏内容已损坏，读不出来"


# -- 2. protections -------------------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def _normal(sql: str) -> str:
    # Cached: every verify (and every backup) compares the same few dozen triggers.
    return re.sub(r"\s+", " ", sql or "").strip().lower()


@functools.cache
def expected_triggers(version: int) -> dict[str, str]:
    """The triggers a book of format `version` has (name → normalised SQL), from the
    migrations themselves, applied to an empty database in memory (once per process)."""
    import sqlite_utils

    from desktop.book.schema import MIGRATIONS

    names = [m.name for m in MIGRATIONS._migrations]  # in the order they were registered
    conn = sqlite3.connect(":memory:")
    try:
        db = sqlite_utils.Database(conn)
        stop = names[version] if 0 <= version < len(names) else None
        MIGRATIONS.apply(db, stop_before=stop)
        return {
            name: _normal(sql)
            for name, sql in conn.execute(
                "select name, sql from sqlite_master where type='trigger'"
            )
        }
    finally:
        conn.close()


def check_protections(conn: sqlite3.Connection, version: int) -> str | None:
    """Name the protections (triggers) missing or changed in the file."""
    expected = expected_triggers(version)
    found = {
        name: _normal(sql)
        for name, sql in conn.execute("select name, sql from sqlite_master where type='trigger'")
    }
    missing = sorted(n for n in expected if n not in found)
    changed = sorted(n for n in expected if n in found and found[n] != expected[n])
    if not missing and not changed:
        return None

    def names(items: list[str]) -> str:
        shown = "、".join(items[:8])
        return shown + (f" 等 {len(items)} 项" if len(items) > 8 else "")

    parts = []
    if missing:
        parts.append(f"缺少 {len(missing)} 项保护（{names(missing)}）")
    if changed:
        parts.append(f"{len(changed)} 项保护被改动（{names(changed)}）")
    return (
        "，".join(parts)
        + "：防止修改已确认季度、已确认结果和操作记录的保护已不完整，账本可能在程序之外被改动过"
    )


# -- 3. the journal -------------------------------------------------------------------------


def journal_line_hash(prev: str, row: tuple) -> str:
    """The chain hash of one journal line: (id, at, actor, action, summary, detail)."""
    import hashlib  # here: the store imports this module's words, and start-up has no hashing

    text = json.dumps([prev, *row], ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def has_journal_chain(conn: sqlite3.Connection) -> bool:
    return any(r[1] == "chain" for r in conn.execute("pragma table_info(journal)"))


def check_journal(conn: sqlite3.Connection) -> str | None:
    """Recompute the journal's chain and compare its head with the one the book keeps."""
    if not has_journal_chain(conn):
        return None  # a book from before the chain (format 7 and older)
    prev = GENESIS
    last_id = 0
    rows = conn.execute(
        "select id, at, actor, action, summary, detail, chain from journal order by id"
    )
    for row in rows:
        *fields, stored = row
        expected = journal_line_hash(prev, tuple(fields))
        if stored != expected:
            line = f"操作记录第 {fields[0]} 条（{fields[1]} {fields[3]}）"
            if stored is None:
                return f"{line}不在校验链中：操作记录在程序之外被添加或改动过"
            # Either this line was edited, or lines before it were removed or inserted.
            return f"{line}与校验链对不上：这一条或它之前的操作记录被改动、插入或删除过"
        prev, last_id = stored, fields[0]
    head = conn.execute("select value from settings where key = ?", [JOURNAL_HEAD]).fetchone()
    if head is None:
        return "操作记录的校验链头缺失：操作记录或设置在程序之外被改动过" if last_id else None
    head_id, _, head_hash = str(head[0]).partition(":")
    if head_hash != prev:
        if head_id.isdigit() and int(head_id) > last_id:
            return (
                f"操作记录最后 {int(head_id) - last_id} 条被删除了"
                f"（账本记得到第 {head_id} 条，现在只到第 {last_id} 条）"
            )
        return "操作记录与账本记下的校验链头对不上：操作记录被改动或删除过"
    return None


# -- 4. the confirmed quarters --------------------------------------------------------------


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return any(r[1] == column for r in conn.execute(f"pragma table_info({table})"))


def check_confirmations(conn: sqlite3.Connection) -> str | None:
    """Every period the book says it confirmed (periods, and the journal's 确认…积分
    lines) still has its snapshot."""
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    if "snapshots" not in tables or "periods" not in tables:
        return None
    from desktop.book.periods import CONFIRM_ACTIONS, period_label

    # Files from before m013 have quarters only (no kind columns).
    kind = "kind" if _has_column(conn, "periods", "kind") else "'quarter'"
    snap_kind = "kind" if _has_column(conn, "snapshots", "kind") else "'quarter'"
    have = {
        (y, k, q): h
        for y, k, q, h in conn.execute(f"select year, {snap_kind}, quarter, hash from snapshots")
    }
    for y, k, q in conn.execute(
        f"select year, {kind}, quarter from periods where status = 'confirmed' order by year, start"
    ):
        if (y, k, q) not in have:
            return (
                f"{period_label(y, q, k)}显示已确认，但它确认时的结果（快照）不见了："
                "已确认的记录被删除过"
            )
    labels = {period_label(y, q, k) for y, k, q in have}
    if "journal" in tables:
        # The journal is chained (check_journal): a confirmation it records is remembered.
        actions = ", ".join(f"'{a}'" for a in CONFIRM_ACTIONS.values())
        for at, summary in conn.execute(
            f"select at, summary from journal where action in ({actions}) order by id"
        ):
            found = re.match(r"(\d{4})年(第\d季度|\d{1,2}月|[上下]半年)", str(summary or ""))
            if found and found[0] not in labels:
                return (
                    f"操作记录显示 {found[0]} 已于 {str(at)[:10]} 确认，但它确认时的结果（快照）"
                    "不见了：已确认的记录被删除过"
                )
    return None


def soundness_problem(conn: sqlite3.Connection) -> str | None:
    """What the window checks after opening a book (quick: no full read): the chain of
    confirmed quarters, every confirmation the book remembers, and the journal's chain. None
    when they hold. (`pioneer verify` does all of this and more.)"""
    from desktop.book.quarter import chain_links
    from desktop.rules.quarter import verify_chain

    try:
        problem = verify_chain(chain_links(conn))
        if problem is not None:
            return f"已确认的{problem}"
        return check_confirmations(conn) or check_journal(conn)
    except sqlite3.DatabaseError as exc:
        return f"读取时出错（{exc}）"
