"""Where books and backups live by default: the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path, user_log_path

from desktop import APP_ID

BOOK_FILENAME = "先锋指数账本.db"


def data_dir() -> Path:
    """The user data folder (overridable with PIONEER_HOME, which tests use)."""
    override = os.environ.get("PIONEER_HOME")
    path = Path(override) if override else user_data_path(APP_ID, appauthor=False)
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
    path = Path(override) / "logs" if override else user_log_path(APP_ID, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path
