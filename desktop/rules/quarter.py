"""The quarter's pure parts: the publicity period, snapshots in canonical form, the hash chain.

No Qt, no SQL. A confirmed quarter is stored as a snapshot: its results as canonical JSON
(sorted keys, no spaces, points as decimal strings), hashed with SHA-256 together with the
previous snapshot's hash, so altering any confirmed quarter breaks every link after it and a
reviewer holding the printed chain head can tell.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

#: The "previous hash" of the first snapshot in a book.
GENESIS = "0" * 64

_WEEKDAY_WORDS = "一二三四五六日"


def publicity_end(
    start: str, days: int, *, working_days: bool, holidays: Collection[str] = ()
) -> str:
    """The last day of a publicity period that starts on `start` (ISO) and runs `days` days.

    With `working_days`, weekends and `holidays` (ISO dates) are skipped and not counted; the
    start day counts when it is a working day. Without, calendar days are counted from the
    start day. The result is the day the period's last counted day falls on.
    """
    if days < 1:
        raise ValueError("公示天数至少为 1 天")
    day = date.fromisoformat(start)
    if not working_days:
        return (day + timedelta(days=days - 1)).isoformat()
    off = set(holidays)
    counted = 0
    while True:
        if day.weekday() < 5 and day.isoformat() not in off:
            counted += 1
            if counted == days:
                return day.isoformat()
        day += timedelta(days=1)


def working_days_between(start: str, end: str, holidays: Collection[str] = ()) -> int:
    """Working days from `start` to `end` inclusive (0 when end < start)."""
    off = set(holidays)
    day, last = date.fromisoformat(start), date.fromisoformat(end)
    n = 0
    while day <= last:
        if day.weekday() < 5 and day.isoformat() not in off:
            n += 1
        day += timedelta(days=1)
    return n


def publicity_rule_text(days: int, working_days: bool) -> str:
    return f"不少于 {days} 个工作日" if working_days else f"不少于 {days} 天"


# ---------------------------------------------------------------- canonical form and hashes


# Values that are already canonical, by exact type (a subclass goes the long way below).
_ATOMS = frozenset({str, int, bool, type(None)})


def _plain(value: Any) -> Any:
    """Make a value canonical: Decimals as fixed two-place strings, tuples as lists."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    # A quarter's facts are thousands of rows of plain cells: those skip the checks below
    # (verify re-digests every confirmed period's facts; the output is the same text).
    if kind is list or kind is tuple:
        return [v if type(v) in _ATOMS else _plain(v) for v in value]
    if kind is dict:
        return {str(k): v if type(v) in _ATOMS else _plain(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01")))
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return repr(value)  # a REAL cell in a fact row: its exact text, never re-rounded
    if value is None or isinstance(value, bool | int | str):
        return value
    raise TypeError(f"cannot put {type(value).__name__} in a snapshot")


def canonical_json(payload: Mapping[str, Any]) -> str:
    """The one text a payload has: sorted keys, no whitespace, UTF-8 characters kept."""
    return json.dumps(_plain(payload), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def link_hash(prev_hash: str, canonical: str, facts_digest: str | None = None) -> str:
    """SHA-256 over the previous link's hash, this snapshot's canonical text and (snapshots
    made since the facts were digested) the digest of the quarter's locked facts.

    Snapshots stored before the facts digest existed have none and keep their old hash.
    """
    text = f"{prev_hash}\n{canonical}"
    if facts_digest is not None:
        text += f"\n{facts_digest}"
    return hashlib.sha256(text.encode()).hexdigest()


def facts_digest(canonical_facts: str) -> str:
    """SHA-256 of a quarter's locked facts in canonical form (see book.quarter.facts_canonical)."""
    return hashlib.sha256(canonical_facts.encode()).hexdigest()


def results_fingerprint(payload: Mapping[str, Any]) -> str:
    """A hash of computed results (not chained): tells whether results changed since a notice."""
    return hashlib.sha256(canonical_json(payload).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Link:
    """One stored snapshot as the chain check sees it."""

    label: str  # e.g. "2026年第2季度"
    canonical: str
    prev_hash: str
    hash: str
    facts_digest: str | None = None  # None in snapshots made before facts were digested


@dataclass(frozen=True, slots=True)
class ChainProblem:
    index: int
    label: str
    reason: str  # Chinese

    def __str__(self) -> str:
        return f"{self.label}：{self.reason}"


def verify_chain(links: Sequence[Link]) -> ChainProblem | None:
    """Check links in order; return the first broken one (None when the chain holds).

    A link is broken when its text no longer gives its stored hash (the snapshot was altered),
    or when it does not point at the previous link's hash (a snapshot was removed, inserted or
    re-hashed).
    """
    expected_prev = GENESIS
    for i, link in enumerate(links):
        if link.prev_hash != expected_prev:
            return ChainProblem(
                i, link.label, "与上一个已确认季度的校验值对不上（前面的记录被删除、插入或改动过）"
            )
        if link_hash(link.prev_hash, link.canonical, link.facts_digest) != link.hash:
            return ChainProblem(i, link.label, "确认后的结果被改动过（内容与校验值不符）")
        expected_prev = link.hash
    return None


def short_hash(value: str) -> str:
    """A hash as printed on paper: groups of eight, easy to read out and compare."""
    return " ".join(value[i : i + 8] for i in range(0, len(value), 8))


CHECK_CODE_DIGITS = 12


def check_code(value: str) -> str:
    """The short check code shown to people for a chain head or file digest: the first
    twelve hex digits in groups of four (「7be2 6ec7 f876」), the same on paper, screen and
    in a pack's manifest. Short enough to read out over the phone; the full digest stays in
    the book and the manifest for machines."""
    head = value.replace(" ", "").lower()[:CHECK_CODE_DIGITS]
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def check_code_matches(value: str, code: str) -> bool:
    """Whether a code someone typed or read (spaces and case ignored) fits a full digest."""
    typed = "".join(code.split()).lower()
    return len(typed) >= CHECK_CODE_DIGITS and value.lower().startswith(typed)


def weekday_text(iso: str) -> str:
    return "星期" + _WEEKDAY_WORDS[date.fromisoformat(iso).weekday()]
