"""积分方案 for a year without a stored scheme says so, and which scheme would apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.book.scoring import scheme_stored, set_year_scheme, year_scheme
from desktop.gui.scheme_screen import SchemeScreen


@pytest.fixture
def screen(qtbot, demo_book):
    widget = SchemeScreen(demo_book)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_stored_year_has_no_such_notice(screen, demo_book) -> None:
    assert scheme_stored(demo_book, 2026)
    screen.refresh()
    assert "还没有保存积分方案" not in screen.ui.noticeLabel.text()
    assert not screen.ui.noticeLabel.isVisible()


def test_a_year_without_a_scheme_says_which_one_would_apply(
    screen, demo_book, tmp_path: Path
) -> None:
    demo_book.set_setting("default_scheme", "jiedao-nongcun")
    assert not scheme_stored(demo_book, 2025)
    screen.set_year(2025)
    notice = screen.ui.noticeLabel
    assert notice.isVisible()
    default = year_scheme(demo_book, 2025)
    assert "2025 年还没有保存积分方案" in notice.text()
    assert f"账本默认方案“{default.title}”（jiedao-nongcun）" in notice.text()
    assert default.title in screen.shown_text()
    screen.grab().save(str(tmp_path / "scheme-not-stored.png"))
    # Once the year has its own scheme the notice goes.
    set_year_scheme(demo_book, 2025, preset="jiedao-nongcun")
    screen.refresh()
    assert not notice.isVisible()
