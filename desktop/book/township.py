"""The township's side (乡镇审核台): find every pack under some folders, check each, and sum
them up one row per branch (the newest pack of each; older ones noted).

Nothing here writes beside a pack: a sealed backup is opened in a temporary folder on this
computer, a plain one read-only (SQLite's immutable mode, so not even a lock file).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.book.pack import (
    PACK_PREFIX,
    PART_SUFFIX,
    UNREADABLE,
    PackCheck,
    check_pack,
    find_packs,
)

Progress = Callable[[int, str], None]

_NAME_RE = re.compile(
    rf"^{PACK_PREFIX}(.+)-(\d{{4}})-(\d{{8}}-\d{{4}})(?:-\d+)?(?:{PART_SUFFIX})?$"
)


@dataclass
class PackRow:
    """One branch's row: its newest pack, checked, and its older packs."""

    check: PackCheck
    older: list[PackCheck] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def manifest(self) -> dict[str, Any]:
        return self.check.manifest or {}

    @property
    def figures(self) -> dict[str, Any]:
        return self.manifest.get("figures") or {}

    @property
    def branch(self) -> str:
        return str(self.manifest.get("branch") or _name_parts(self.check.path)[0] or "（不明）")

    @property
    def year(self) -> int | None:
        y = self.manifest.get("year") or _name_parts(self.check.path)[1]
        return int(y) if y else None

    @property
    def flags(self) -> list[str]:
        return list(self.figures.get("flags") or [])


@dataclass
class Summary:
    folders: list[Path]
    rows: list[PackRow]

    @property
    def problem(self) -> str | None:
        if self.rows:
            return None
        missing = [str(f) for f in self.folders if not f.is_dir()]
        if missing:
            return f"文件夹不存在：{'、'.join(missing)}。请检查路径（U盘是否已插好？）。"
        where = "、".join(str(f) for f in self.folders)
        return f"在 {where} 下没有找到报送包（名为“{PACK_PREFIX}…”、内有清单.json 的文件夹）。"


def _name_parts(path: Path) -> tuple[str | None, str | None, str]:
    """(branch, year, stamp) read from a pack folder's name."""
    m = _NAME_RE.match(path.name)
    if not m:
        return None, None, ""
    return m.group(1), m.group(2), m.group(3)


def _made_at(check: PackCheck) -> str:
    if check.manifest and check.manifest.get("made_at"):
        return str(check.manifest["made_at"])
    stamp = _name_parts(check.path)[2]
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[9:11]}:{stamp[11:13]}" if stamp else ""


def _key(check: PackCheck) -> str:
    m = check.manifest or {}
    if m.get("book_id"):
        return f"id:{m['book_id']}"
    branch = m.get("branch") or _name_parts(check.path)[0]
    return f"name:{branch}" if branch else f"path:{check.path}"


def _try_passwords(folder: Path, passwords: Sequence[str]) -> PackCheck:
    check = check_pack(folder)
    if check.state.startswith(UNREADABLE + "：需要密码") and passwords:
        for pw in passwords:
            check = check_pack(folder, password=pw)
            if not check.state.startswith(UNREADABLE + "：密码不对"):
                break
    return check


def scan(
    folders: Sequence[Path],
    *,
    passwords: Sequence[str] = (),
    progress: Progress | None = None,
) -> Summary:
    """Find, check and group every pack under `folders`."""
    report = progress or (lambda _p, _t: None)
    report(0, "查找报送包…")
    packs = find_packs([Path(f) for f in folders])
    # Packs are checked side by side: hashing and SQLite both let go of the GIL, so two
    # cores check nearly twice as many packs a second.
    checks: list[PackCheck] = [PackCheck(p) for p in packs]
    workers = max(1, min(4, os.cpu_count() or 1, len(packs)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_try_passwords, p, passwords): i for i, p in enumerate(packs)}
        for done, future in enumerate(as_completed(futures), start=1):
            i = futures[future]
            checks[i] = future.result()
            report(int(5 + 90 * done / len(packs)), f"已核对 {packs[i].name}")
    groups: dict[str, list[PackCheck]] = {}
    for c in checks:
        groups.setdefault(_key(c), []).append(c)
    rows: list[PackRow] = []
    for group in groups.values():
        # Newest first; of copies made at the same moment (a pack copied twice, 「… - 副本」)
        # an intact one counts and the others are named as copies, not as older packs.
        group.sort(key=lambda c: (_made_at(c), c.ok), reverse=True)
        row = PackRow(group[0], group[1:])
        for old in row.older:
            when = _made_at(old)[:16].replace("T", " ")
            if _made_at(old) == _made_at(row.check):
                row.notes.append(
                    f"另有同一次制作的报送包副本 {old.path.name}（{when}，{old.state}），"
                    f"以完好的 {row.check.path.name} 为准"
                    if row.check.ok
                    else f"另有同一次制作的报送包副本 {old.path.name}（{when}，{old.state}）"
                )
                continue
            row.notes.append(
                f"另有较早的报送包 {old.path.name}（{when}，{old.state}），以最新的为准"
            )
        rows.append(row)
    names: dict[str, list[PackRow]] = {}
    for row in rows:
        names.setdefault(row.branch, []).append(row)
    for same in names.values():
        if len(same) > 1:
            for row in same:
                row.notes.append(
                    f"另有 {len(same) - 1} 个同名支部的报送包来自另一本账（账本编号不同）"
                )
    rows.sort(key=lambda r: (r.branch, -(r.year or 0)))
    report(100, f"共找到 {len(checks)} 个报送包，{len(rows)} 个支部")
    return Summary([Path(f) for f in folders], rows)


def row_json(row: PackRow) -> dict[str, Any]:
    m, fig, c = row.manifest, row.figures, row.check
    return {
        "path": str(c.path),
        "folder": c.path.name,
        "branch": row.branch,
        "year": row.year,
        "state": c.state,
        "problem": c.problem,
        "members": fig.get("members"),
        "members_formal": fig.get("members_formal"),
        "members_probationary": fig.get("members_probationary"),
        "book_id": m.get("book_id"),
        "made_at": m.get("made_at") or _made_at(c) or None,
        "operator": m.get("operator"),
        "encrypted": bool(m.get("encrypted")),
        "quarters": [
            {"label": q["label"], "check_code": q["check_code"]} for q in m.get("quarters", [])
        ],
        "figures": fig or None,
        "flags": row.flags,
        "older": [
            {"path": str(o.path), "made_at": _made_at(o) or None, "state": o.state}
            for o in row.older
        ],
        "notes": row.notes,
    }


def totals(summary: Summary) -> dict[str, Any]:
    out: dict[str, Any] = {
        "branches": len(summary.rows),
        "intact": sum(1 for r in summary.rows if r.check.ok),
        "members": 0,
        "members_formal": 0,
        "members_probationary": 0,
        "activities": 0,
        "dues_due_fen": 0,
        "dues_paid_fen": 0,
        "dues_owed_fen": 0,
        "flags": 0,
    }
    for r in summary.rows:
        fig = r.figures
        for key in (
            "members",
            "members_formal",
            "members_probationary",
            "activities",
            "dues_due_fen",
            "dues_paid_fen",
            "dues_owed_fen",
        ):
            out[key] += int(fig.get(key) or 0)
        out["flags"] += len(r.flags)
    return out


def summary_json(summary: Summary) -> dict[str, Any]:
    """`pioneer township summary --json` (CONTRACT.md)."""
    return {
        "folders": [str(f) for f in summary.folders],
        "packs": [row_json(r) for r in summary.rows],
        "totals": totals(summary),
        "problem": summary.problem,
    }


def yuan(fen: Any) -> str:
    return f"{int(fen or 0) / 100:.2f}"


def _stars_text(fig: dict[str, Any]) -> str:
    words = {"5": "五星", "4": "四星", "3": "三星", "2": "二星", "1": "一星"}
    parts = [f"{words.get(k, k)}{n}" for k, n in (fig.get("stars") or {}).items()]
    parts += [f"{k}{n}" for k, n in (fig.get("grades") or {}).items()]
    if parts and fig.get("rating_final") is False:
        # A year rated once a year, packed before it ended: as the year stands, not proposed.
        return "、".join(parts) + "（年度未结束，仅供参考）"
    return "、".join(parts) or "—"


def row_cells(row: PackRow) -> list[str]:
    """The row as the summary table shows it (the desk, the PDF and the workbook)."""
    fig = row.figures
    if not fig:
        return [row.branch, str(row.year or ""), _pack_text(row), *["—"] * 8, _attention(row)]
    plan = f"{fig.get('activities', 0)}/{fig.get('plan_items', 0)}"
    dues = "/".join(yuan(fig.get(k)) for k in ("dues_due_fen", "dues_paid_fen", "dues_owed_fen"))
    quarters = f"{len(fig.get('published') or [])}/{len(fig.get('confirmed') or [])}"
    # A branch reviewed by month or half-year counts those periods: say which.
    quarters += {"month": "（月）", "half": "（半年）"}.get(fig.get("cycle") or "quarter", "")
    return [
        row.branch,
        str(row.year or ""),
        _pack_text(row),
        f"{fig.get('members_formal', 0)}/{fig.get('members_probationary', 0)}",
        plan,
        fig.get("attendance_rate") or "—",
        dues,
        quarters,
        str(fig.get("open_objections", 0)),
        _stars_text(fig),
        str(fig.get("vetoes", 0)),
        _attention(row),
    ]


def _pack_text(row: PackRow) -> str:
    made = (_made_at(row.check) or "")[:16].replace("T", " ")
    text = f"{row.check.state}\n{made}".strip()
    copies = sum(1 for o in row.older if _made_at(o) == _made_at(row.check))
    older = len(row.older) - copies
    others = ([f"另有较早 {older} 份"] if older else []) + ([f"副本 {copies} 份"] if copies else [])
    if others:
        text += "\n" + "，".join(others)
    return text


def _attention(row: PackRow) -> str:
    fig = row.figures
    items = list(row.flags)
    follow = fig.get("followups") or {}
    if follow:
        # A follow-up's text is the scheme's whole rule; its name (before "：") is enough here.
        items.append(
            "结果运用：" + "、".join(f"{k.split('：')[0]} {n} 人" for k, n in follow.items())
        )
    return "；".join(items) or "—"


SUMMARY_HEADERS = [
    "支部",
    "年度",
    "报送包",
    "党员\n正式/预备",
    "活动\n已开/计划",
    "出席率",
    "党费（元）\n应缴/实缴/欠缴",
    "季度\n公示/确认",
    "未结\n异议",
    "星级/等次",
    "一票\n否决",
    "需关注",
]
STATE_COLUMN = SUMMARY_HEADERS.index("报送包")


def totals_text(t: dict[str, Any]) -> str:
    return (
        f"{t['branches']} 个支部（报送包完好 {t['intact']} 个），党员 {t['members']} 名"
        f"（正式 {t['members_formal']}，预备 {t['members_probationary']}），活动 {t['activities']} 次，"
        f"党费应缴 {yuan(t['dues_due_fen'])} 元、实缴 {yuan(t['dues_paid_fen'])} 元、"
        f"欠缴 {yuan(t['dues_owed_fen'])} 元，需关注 {t['flags']} 项"
    )


def write_summary_file(summary: Summary, out: Path, *, printed_on: str) -> Path:
    """The summary as a PDF (乡镇审核汇总表) or, for .xlsx, a workbook; written atomically."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        from desktop.book.errors import InputRefused

        raise InputRefused(f"汇总表只能保存为 .pdf 或 .xlsx，不是“{out.name}”。")
    if not out.parent.is_dir():
        from desktop.book.errors import InputRefused

        raise InputRefused(f"文件夹不存在：{out.parent}。", ["请检查 --out 的路径。"])
    from desktop.book.outputs import check_output_path

    check_output_path(out)  # never over a book, nor into a branch's pack
    t = totals(summary)
    rows = [{"cells": row_cells(r)} for r in summary.rows]
    part = out.with_name(out.name + ".part")
    try:
        if suffix == ".pdf":
            from desktop.paper.handover import write_summary

            write_summary(part, rows, {**t, "text": totals_text(t)}, printed_on=printed_on)
        else:
            from desktop.sheets.township import write_summary_workbook

            write_summary_workbook(part, SUMMARY_HEADERS, rows, summary, t)
        part.replace(out)
    finally:
        part.unlink(missing_ok=True)
    return out
