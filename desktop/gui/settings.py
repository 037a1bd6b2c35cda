"""Window settings (geometry, recent books) in an INI file beside the user's books.

Kept in the user data folder rather than the registry so that PIONEER_HOME isolates it
(tests) and a copied data folder carries it along.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "recent_books"
TOWNSHIP_DESK_KEY = "start/township_desk"
RECENT_MAX = 8


def settings() -> QSettings:
    from desktop.book.paths import data_dir

    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def recent_books() -> list[Path]:
    value = settings().value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [Path(v) for v in (value or [])]


def remember_book(path: Path) -> list[Path]:
    """Put `path` first in the recent list (at most RECENT_MAX); return the new list."""
    path = Path(path).resolve()
    before = recent_books()
    items = [path, *(p for p in before if p != path)][:RECENT_MAX]
    if items == before:  # reopening the last book (every start): nothing to write
        return items
    s = settings()
    s.setValue(RECENT_KEY, [str(p) for p in items])
    s.sync()
    return items


def forget_book(path: Path) -> list[Path]:
    items = [p for p in recent_books() if p != Path(path)]
    s = settings()
    s.setValue(RECENT_KEY, [str(p) for p in items])
    s.sync()
    return items


def starts_with_township_desk() -> bool:
    """A township PC (chosen 乡镇（街道）审核 in the first-run wizard) opens the desk at start."""
    return str(settings().value(TOWNSHIP_DESK_KEY, "false")).lower() == "true"


def remember_township_desk(on: bool) -> None:
    s = settings()
    s.setValue(TOWNSHIP_DESK_KEY, "true" if on else "false")
    s.sync()
