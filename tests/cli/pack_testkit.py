"""Packs for the township tests: one demo branch packed once per test module, copied per test
(making a pack prints a dozen PDFs: seconds, not worth repeating)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

PACK_TODAY = date(2027, 1, 20)


def make_pack(
    folder: Path,
    *,
    branch: str = "城关镇红星村党支部",
    password: str | None = None,
    book_name: str = "book.db",
    today: date | None = PACK_TODAY,
) -> tuple[Path, Path]:
    """(book path, pack folder) of a demo branch's 2026 pack written under `folder`/stick,
    as of `today` (None: the real day, so the book's own `score` agrees without --today)."""
    from desktop.book.demo import create_demo
    from desktop.book.handover import make_handover

    folder.mkdir(parents=True, exist_ok=True)
    stick = folder / "stick"
    stick.mkdir(exist_ok=True)
    book_path = folder / book_name
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIONEER_HOME", str(folder / "home"))
        book = create_demo(book_path, year=2026, today=today)
        try:
            if branch != book.branch()["name"]:
                book.update_branch(name=branch, parent_org=book.branch()["parent_org"])
            pack = make_handover(book, stick, year=2026, password=password, today=today)
        finally:
            book.close()
    return book_path, pack


def copy_pack(pack: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copytree(pack, dest / pack.name))
