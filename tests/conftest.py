"""Fixtures shared by every test: each test gets its own user data folder and a fresh book."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep backups, logs and default books of a test out of the real user data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PIONEER_HOME", str(home))
    monkeypatch.delenv("PIONEER_DB", raising=False)
    return home


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "branch.db"


@pytest.fixture
def book(book_path: Path):
    from desktop.book.store import Book

    b = Book.create(book_path, branch="测试村党支部", year=2026, parent_org="测试镇党委")
    yield b
    b.close()


@pytest.fixture
def demo_book(tmp_path: Path):
    from desktop.book.demo import create_demo

    # Every quarter left open: tests across the project add facts anywhere in the demo year,
    # and confirmed quarters lock theirs (issue 6). `confirmed_demo_book` has Q1–Q3 confirmed.
    b = create_demo(tmp_path / "demo.db", year=2026, quarters=False)
    yield b
    b.close()


@pytest.fixture
def confirmed_demo_book(tmp_path: Path):
    """The demo as users get it: Q1–Q3 of 2026 confirmed (facts locked), Q4 in publicity."""
    from desktop.book.demo import create_demo

    b = create_demo(tmp_path / "demo-confirmed.db", year=2026)
    yield b
    b.close()


# Workbook builders (good and bad files) are shared by the sheets, book, CLI and GUI tests.
sys.path.insert(0, str(Path(__file__).parent / "sheets"))
