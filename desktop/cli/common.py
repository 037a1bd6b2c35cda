"""What every command shares: exit codes, output, opening the book, the hidden --today.

Below the commands: command modules import from here, never from each other or the entry.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    sys.stderr.write(text + "\n")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_year_rows(
    args: argparse.Namespace,
    year: int,
    key: str,
    rows: list[Any],
    as_json: Callable[[Any], dict[str, Any]],
    as_line: Callable[[Any], str],
    empty: str,
) -> None:
    """A year's records: --json {"year": year, key: [as_json(row)…]}; else one tab-separated
    line per row (trailing blanks cut), or `empty` when there are none."""
    if getattr(args, "json", False):
        print_json({"year": year, key: [as_json(r) for r in rows]})
        return
    for r in rows:
        out(as_line(r).rstrip())
    if not rows:
        out(empty)


def db_path(args: argparse.Namespace) -> Path:
    """--db, else the user's default book (PIONEER_DB or the user data folder)."""
    from desktop.book.paths import default_book_path

    return Path(args.db) if getattr(args, "db", None) else default_book_path()


def open_book(args: argparse.Namespace):  # -> Book
    from desktop.book.store import Book

    return Book.open(db_path(args))


def year_of(args: argparse.Namespace, book: Any) -> int:
    """--year, else the book's current year."""
    return getattr(args, "year", None) or book.current_year


def today_of(args: argparse.Namespace) -> date | None:
    """The hidden --today (tests): judge timing as of that day."""
    value = getattr(args, "today", None)
    return date.fromisoformat(value) if value else None


def one_window(args: argparse.Namespace, command: str) -> None:
    """--quarter, --half and --month choose one window: two of them is a usage error."""
    from desktop.cli.args import UsageError

    given = [o for o in ("quarter", "half", "month") if getattr(args, o, None) is not None]
    if len(given) > 1:
        raise UsageError(
            f"--{given[0]} 与 --{given[1]} 只能写一个（季度、半年、月份选一）。", command=command
        )
