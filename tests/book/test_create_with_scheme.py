"""The scheme chosen when a book is set up is that year's own scheme, not only a default."""

from __future__ import annotations

from pathlib import Path

from desktop.book.scoring import scheme_stored, year_scheme, year_scheme_text
from desktop.book.store import Book
from desktop.rules.presets import preset_text


def test_chosen_preset_is_stored_for_the_first_year(tmp_path: Path) -> None:
    with Book.create(
        tmp_path / "b.db", branch="红星村党支部", year=2026, scheme_id="xingji-60-40"
    ) as book:
        assert scheme_stored(book, 2026)
        assert year_scheme_text(book, 2026) == ("xingji-60-40", preset_text("xingji-60-40"))
        assert year_scheme(book, 2026).id == "xingji-60-40"
        # Later years the secretary has not settled yet still fall back to the default.
        assert not scheme_stored(book, 2027)
        assert year_scheme_text(book, 2027)[0] == "xingji-60-40"
        assert [r["action"] for r in book.query("select action from journal")] == ["新建账本"]


def test_without_a_choice_nothing_is_stored(tmp_path: Path) -> None:
    with Book.create(tmp_path / "b.db", branch="红星村党支部", year=2026) as book:
        assert not scheme_stored(book, 2026)
