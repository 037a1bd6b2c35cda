"""Where books and backups live by default: the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from desktop import APP_ID

# platformdirs is imported where a folder is looked up: a start on a book given by path (a
# double-click on it) opens its window without asking where the user's folders are.

BOOK_FILENAME = "先锋指数账本.db"


def data_dir() -> Path:
    """The user data folder (overridable with PIONEER_HOME, which tests use)."""
    override = os.environ.get("PIONEER_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_ID, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_book_path() -> Path:
    """`PIONEER_DB` if set, else the book in the user data folder."""
    env = os.environ.get("PIONEER_DB")
    return Path(env) if env else data_dir() / BOOK_FILENAME


def backup_dir() -> Path:
    path = data_dir() / "备份"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get("PIONEER_HOME")
    if override:
        path = Path(override) / "logs"
    else:
        from platformdirs import user_log_path

        path = user_log_path(APP_ID, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path
