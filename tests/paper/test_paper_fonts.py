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
