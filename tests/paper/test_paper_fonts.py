"""The print font: bundled, embedded, registered once; never reportlab's unembedded CID font."""

from __future__ import annotations

import subprocess
import sys

from desktop.paper.fonts import BUNDLED_FONT_NAME, fonts, missing_glyphs


def test_bundled_font_is_used_and_registered_once():
    first = fonts(prefer_system=False)
    assert first.song == first.hei == first.fang == BUNDLED_FONT_NAME
    assert first.fake_bold  # WenQuanYi Micro Hei has no bold weight
    assert fonts(prefer_system=False) is first


def test_missing_glyphs_names_rare_characters():
    assert missing_glyphs("王建国 Zhang 2026-03-05（签字）：— 第1页 共5页") == ""
    # CJK Extension A/B characters are outside WenQuanYi Micro Hei.
    assert missing_glyphs("李䶮䶮𠇔") == "䶮𠇔"


def test_importing_the_package_does_not_import_reportlab():
    # The GUI must start fast: desktop.paper's submodules are imported only when printing.
    code = "import sys, desktop, desktop.paper; print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_windows_system_fonts_preferred_when_present(tmp_path, monkeypatch):
    """On Windows 宋体/黑体/仿宋 are used when present; a missing or broken one falls back."""
    import shutil

    from desktop.paper import fonts as mod
    from desktop.resources import resource_path

    fonts_dir = tmp_path / "Fonts"
    fonts_dir.mkdir()
    # Stand-ins: the bundled TTC as simsun.ttc, a broken simhei.ttf, no simfang.ttf.
    shutil.copy(resource_path("fonts", "wqy-microhei.ttc"), fonts_dir / "simsun.ttc")
    (fonts_dir / "simhei.ttf").write_bytes(b"not a font")
    monkeypatch.setattr(mod.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path))
    mod._fonts.cache_clear()
    try:
        got = mod.fonts(prefer_system=True)
        assert got.song == "PioneerSimSun"
        assert got.fang == "PioneerSimSun"  # no 仿宋: falls back to 宋体
        assert got.hei == BUNDLED_FONT_NAME and got.fake_bold  # broken 黑体 ignored
    finally:
        mod._fonts.cache_clear()


def test_fonts_installed_for_one_user_are_found(tmp_path, monkeypatch):
    """Windows 10+ installs a font "for me only" into %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts."""
    import shutil

    from desktop.paper import fonts as mod
    from desktop.resources import resource_path

    system, local = tmp_path / "Windows", tmp_path / "AppData" / "Local"
    (system / "Fonts").mkdir(parents=True)
    user_fonts = local / "Microsoft" / "Windows" / "Fonts"
    user_fonts.mkdir(parents=True)
    shutil.copy(resource_path("fonts", "wqy-microhei.ttc"), system / "Fonts" / "simsun.ttc")
    shutil.copy(resource_path("fonts", "wqy-microhei.ttc"), user_fonts / "simfang.ttf")
    monkeypatch.setattr(mod.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(system))
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    assert mod.windows_font_folders() == [system / "Fonts", user_fonts]
    mod._fonts.cache_clear()
    try:
        got = mod.fonts(prefer_system=True)
        assert got.song == "PioneerSimSun" and got.fang == "PioneerFangSong"
    finally:
        mod._fonts.cache_clear()


def test_environment_forces_bundled_font(monkeypatch):
    from desktop.paper import fonts as mod

    monkeypatch.setattr(mod.sys, "platform", "win32")
    monkeypatch.setenv("PIONEER_PAPER_FONTS", "bundled")
    mod._fonts.cache_clear()
    try:
        assert mod.fonts().song == BUNDLED_FONT_NAME
    finally:
        mod._fonts.cache_clear()
