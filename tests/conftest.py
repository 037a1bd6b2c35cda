"""Fixtures shared by every test: each test gets its own user data folder and a fresh book."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI and a busy developer machine are slower than Hypothesis' defaults assume: its deadline and
# too_slow check measure the machine, not our code, and failed a correct property once here.
settings.register_profile("pioneer", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("pioneer")


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep backups, logs and default books of a test out of the real user data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PIONEER_HOME", str(home))
    monkeypatch.delenv("PIONEER_DB", raising=False)
    return home


# The demo is made "as of" fixed days so tests do not depend on the calendar: the open demo
# holds 2026's facts up to 30 November; the confirmed one is 2026 seen from January 2027.
DEMO_TODAY = date(2026, 11, 30)
CONFIRMED_DEMO_TODAY = date(2027, 1, 20)


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
    b = create_demo(tmp_path / "demo.db", year=2026, quarters=False, today=DEMO_TODAY)
    yield b
    b.close()


@pytest.fixture
def confirmed_demo_book(tmp_path: Path):
    """The demo of a past year as users get it: Q1–Q3 of 2026 confirmed (facts locked), Q4 in
    publicity (published 2027-01-03, one objection open)."""
    from desktop.book.demo import create_demo

    b = create_demo(tmp_path / "demo-confirmed.db", year=2026, today=CONFIRMED_DEMO_TODAY)
    yield b
    b.close()


# Workbook builders (good and bad files) are shared by the sheets, book, CLI and GUI tests.
sys.path.insert(0, str(Path(__file__).parent / "sheets"))
