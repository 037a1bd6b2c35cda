"""The journal as a person reads it: entries whose summary is a raw value (a chain hash) get
a short Chinese summary instead. The stored journal is never changed."""

from __future__ import annotations

import json
from typing import Any

from desktop.book.periods import CONFIRM_ACTIONS, row_label
from desktop.book.store import Book

CONFIRM_ACTION = CONFIRM_ACTIONS["quarter"]
SHORT_HASH = 12  # enough to compare with a printed sheet; the whole hash is in the tooltip


def _snapshots(book: Book, hashes: list[str]) -> dict[str, dict[str, Any]]:
    if not hashes:
        return {}
    marks = ", ".join("?" for _ in hashes)
    rows = book.query(
        f"select hash, year, quarter, kind, payload from snapshots where hash in ({marks})",
        hashes,
    )
    found = {}
    for r in rows:
        try:
            members = len(json.loads(r["payload"]).get("members") or [])
        except (ValueError, AttributeError):
            members = None
        found[r["hash"]] = {
            "year": r["year"],
            "quarter": r["quarter"],
            "kind": r["kind"],
            "members": members,
        }
    return found


def _detail(row: dict[str, Any]) -> dict[str, Any]:
    try:
        value = json.loads(row.get("detail") or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def confirm_summary(row: dict[str, Any], snapshot: dict[str, Any] | None) -> tuple[str, str]:
    """(summary, tooltip) of a 确认季度积分 entry: the quarter, how many members, the start of
    the chain head labelled 校验码."""
    digest = str(_detail(row).get("hash") or "")
    # With the snapshot gone, or an entry from before the detail, the label is in the summary.
    label = row_label(snapshot) if snapshot else str(row.get("summary") or "").split("：")[0]
    parts = []
    if snapshot and snapshot["members"] is not None:
        parts.append(f"{snapshot['members']} 名党员")
    if digest:
        parts.append(f"校验码 {digest[:SHORT_HASH]}")
    text = "，".join(parts)
    summary = f"{label}：{text}" if label and text else label or text
    tooltip = f"确认后的校验链头（完整校验码）：{digest}" if digest else ""
    return summary, tooltip


def readable_journal(book: Book, limit: int = 200) -> list[dict[str, Any]]:
    """The newest `limit` journal entries, newest first, with a readable `summary` and a
    `tooltip` (what the summary leaves out; may be empty)."""
    rows = [dict(r) for r in book.journal(limit)]
    confirms = [r for r in rows if r.get("action") in CONFIRM_ACTIONS.values()]
    hashes = [h for h in (str(_detail(r).get("hash") or "") for r in confirms) if h]
    snapshots = _snapshots(book, hashes)
    for row in rows:
        row["tooltip"] = ""
        if row.get("action") in CONFIRM_ACTIONS.values():
            digest = str(_detail(row).get("hash") or "")
            row["summary"], row["tooltip"] = confirm_summary(row, snapshots.get(digest))
    return rows
