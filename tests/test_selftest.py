"""`pioneer --self-test`: what an installed program runs to prove its build works."""

from __future__ import annotations

import pytest

from desktop.gui import main_window
from desktop.selftest import run_self_test


def test_self_test_passes_and_finds_every_screen() -> None:
    said: list[str] = []
    assert run_self_test(said.append) == 0
    assert "界面：各页面模块齐全" in said and said[-1] == "自检通过"


def test_a_screen_missing_from_the_build_fails_the_self_test(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bundle once lacked desktop.gui.quarter_screen (imported by name, unseen by
    PyInstaller): the self-test passed and the secretary got an error on 季度评议."""
    screens = (*main_window.LAZY_SCREENS, ("季度评议", "desktop.gui.no_such_screen:Nothing"))
    monkeypatch.setattr(main_window, "LAZY_SCREENS", screens)
    said: list[str] = []
    assert run_self_test(said.append) == 1
    assert said[-1] == "自检失败：程序缺少界面模块 季度评议（desktop.gui.no_such_screen:Nothing）"
