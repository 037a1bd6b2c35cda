"""Embedded CJK TrueType fonts for printed paper.

The bundled WenQuanYi Micro Hei (resources/fonts/wqy-microhei.ttc, Apache-2.0) is always
available and has Latin glyphs, so it is the default for everything. On Windows the system's
宋体 / 黑体 / 仿宋 are preferred when present because officials expect them on paper.
reportlab's built-in ``STSong-Light`` is never used: it is not embedded, so a PDF printed on
another PC could show boxes.

Fonts are registered once per process, on first use (loading the TTC costs ~0.25 s, and the
GUI must not pay that at start-up).
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop.resources import resource_path

BUNDLED_FONT_NAME = "WenQuanYiMicroHei"
BUNDLED_FONT_FILE = ("fonts", "wqy-microhei.ttc")

#: Set to "bundled" to ignore system fonts (reproducible output, tests).
FONT_ENV = "PIONEER_PAPER_FONTS"

_lock = threading.Lock()


@dataclass(frozen=True)
class FontSet:
    """Registered reportlab font names for the three roles of Chinese official paper."""

    song: str  # tables and ordinary text (宋体)
    hei: str  # titles and table headers (黑体)
    fang: str  # body of notices (仿宋)
    #: True when the title face has no real bold weight and titles should be emboldened by
    #: stroking the glyph outlines (WenQuanYi Micro Hei has only a regular weight).
    fake_bold: bool = True


def _register_ttf(name: str, path: Path, subfont: int = 0) -> str | None:
    """Register one TrueType font under `name`; return the name, or None when unusable."""
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        font = TTFont(name, str(path), subfontIndex=subfont)
    except (TTFError, OSError, ValueError):
        # A damaged, unreadable or embedding-restricted font: fall back quietly, the
        # bundled font still prints everything.
        return None
    pdfmetrics.registerFont(font)
    # A family mapping to itself keeps <b>/<i> markup in paragraphs from raising.
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return name


def _windows_fonts() -> dict[str, str]:
    """System 宋体/黑体/仿宋 registered under our names; empty off Windows or when absent."""
    if sys.platform != "win32":
        return {}
    candidates = {
        "song": ("PioneerSimSun", "simsun.ttc", 0),
        "hei": ("PioneerSimHei", "simhei.ttf", 0),
        "fang": ("PioneerFangSong", "simfang.ttf", 0),
    }
    found: dict[str, str] = {}
    for role, (name, filename, subfont) in candidates.items():
        for folder in windows_font_folders():
            path = folder / filename
            if path.is_file():
                registered = _register_ttf(name, path, subfont)
                if registered:
                    found[role] = registered
                    break
    return found


def windows_font_folders() -> list[Path]:
    """Where Windows keeps fonts: the system folder, then the user's own (fonts installed
    "for me only" since Windows 10 1809 go to %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts)."""
    folders = [Path(os.environ.get("WINDIR") or r"C:\Windows") / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return folders


@cache
def _fonts(prefer_system: bool) -> FontSet:
    bundled = _register_ttf(BUNDLED_FONT_NAME, resource_path(*BUNDLED_FONT_FILE), 0)
    if bundled is None:
        raise FileNotFoundError(
            f"找不到打印字体文件 {resource_path(*BUNDLED_FONT_FILE)}，请重新安装本程序。"
        )
    system = _windows_fonts() if prefer_system else {}
    hei = system.get("hei", bundled)
    return FontSet(
        song=system.get("song", bundled),
        hei=hei,
        fang=system.get("fang", system.get("song", bundled)),
        fake_bold=hei == bundled,
    )


def fonts(prefer_system: bool | None = None) -> FontSet:
    """Register (once) and return the fonts to print with.

    `prefer_system=None` means: use Windows system fonts unless the environment variable
    PIONEER_PAPER_FONTS is "bundled".
    """
    if prefer_system is None:
        prefer_system = os.environ.get(FONT_ENV, "").strip().lower() != "bundled"
    with _lock:  # printing may run on a worker thread; registration is not thread-safe
        return _fonts(prefer_system)


def missing_glyphs(text: str, font_name: str | None = None) -> str:
    """The distinct characters of `text` that `font_name` cannot draw, in order of appearance.

    Rare name characters (CJK Extension A/B, e.g. 䶮) are outside WenQuanYi Micro Hei; callers
    can warn before printing instead of letting a blank box reach the paper.
    """
    name = font_name or fonts().song
    face = pdfmetrics.getFont(name).face
    seen: dict[str, None] = {}
    for ch in text:
        if ch.isspace() or ch in seen:
            continue
        if ord(ch) not in face.charToGlyph:
            seen[ch] = None
    return "".join(seen)
