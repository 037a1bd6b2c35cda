"""Commands of the hand-over to the township: `handover`, `verify PACKDIR` (called from
`verify`), `township summary|approve` and `receipt`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _today(args: argparse.Namespace) -> date | None:
    value = getattr(args, "today", None)
    return date.fromisoformat(value) if value else None


def cmd_handover(args: argparse.Namespace) -> int:
    from desktop.book.handover import make_handover
    from desktop.cli import _open

    with _open(args) as book:
        folder = make_handover(
            book, Path(args.to), year=args.year, password=args.password, today=_today(args)
        )
    _out(str(folder))
    return EXIT_OK


def verify_pack_command(folder: Path, *, password: str | None, as_json: bool) -> int:
    """`pioneer verify PACKDIR`: every file, the backup and its chain, the figures."""
    from desktop.book.pack import check_pack

    check = check_pack(folder, password=password, deep=True)
    m = check.manifest or {}
    if as_json:
        _json(
            {
                "ok": check.ok,
                "path": str(folder),
                "state": check.state,
                "problem": check.problem,
                "problems": [{"file": n, "how": h} for n, h in check.problems],
                "branch": m.get("branch"),
                "year": m.get("year"),
                "book_id": m.get("book_id"),
                "quarters": [
                    {"label": q["label"], "check_code": q["check_code"]}
                    for q in m.get("quarters", [])
                ],
            }
        )
        return EXIT_OK if check.ok else EXIT_REFUSED
    if not check.ok:
        _err(f"报送包检查未通过：{folder}")
        _err(f"状态：{check.state}")
        for line in check.lines():
            _err(line)
        return EXIT_REFUSED
    _out(f"报送包检查通过：{folder}")
    _out(
        f"支部：{m.get('branch')}；{m.get('year')} 年度；经办人：{m.get('operator')}；"
        f"制作于 {str(m.get('made_at', '')).replace('T', ' ')}；文件 {len(m.get('files', []))} 个"
        + ("（账本和工作簿已加密）" if m.get("encrypted") else "")
    )
    for q in m.get("quarters", []):
        _out(f"{q['label']}：校验码 {q['check_code']}")
    for note in check.notes:
        _out(note)
    return EXIT_OK


def add_township_commands(add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add("handover", cmd_handover, "制作报送乡镇的报送包（写入U盘上的一个文件夹）")
    p.add_argument("--to", required=True, metavar="DIR", help="写入的文件夹（如U盘）")
    p.add_argument("--year", type=int, default=None, help="年度（默认账本的当前年度）")
    p.add_argument("--password", default=None, help="给账本备份和交换工作簿加密的密码（可不填）")
    p.add_argument("--today", help=argparse.SUPPRESS)  # tests: make the pack as of this day
