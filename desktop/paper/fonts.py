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
#: Rare name characters (CJK Extension A, the 通用规范汉字表's Extension B and later, the
#: basic-block characters the main fonts lack): a Hanazono Mincho subset built by
#: tools/make_fallback_font.py. Drawn, character by character, where the main face has none.
FALLBACK_FONT_NAME = "PioneerHanFallback"
FALLBACK_FONT_FILE = ("fonts", "pioneer-han-fallback.ttf")
#: Printed for a character no font of ours has (the typesetters' 缺字 mark), never a blank.
MISSING_MARK = "〓"

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
    title: str = ""  # 小标宋 where the machine has it, else the hei face
    fallback: str = FALLBACK_FONT_NAME


def _register_ttf(name: str, path: Path, subfont: int = 0) -> str | None:
    """Register one TrueType font under `name`; return the name, or None when unusable."""
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        # asciiReadable=0: reportlab otherwise keeps codes 32–127 of a document's first
        # 256-glyph subset for ASCII, so a page with ~160 distinct Chinese characters (a
        # sign-in sheet of 60 names) needs a second subset — a second font program to cut
        # and embed (~15 % of the build). Text is still copied and searched through the
        # subset's ToUnicode map; the space keeps code 32.
        font = TTFont(name, str(path), subfontIndex=subfont, asciiReadable=0)
    except (TTFError, OSError, ValueError):
        # A damaged, unreadable or embedding-restricted font: fall back quietly, the
        # bundled font still prints everything.
        return None
    pdfmetrics.registerFont(font)
    # A family mapping to itself keeps <b>/<i> markup in paragraphs from raising.
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return name


def windows_font_folders() -> list[Path]:
    """Where Windows keeps fonts: the system folder, then the user's own (fonts installed
    "for me only" since Windows 10 1809 go to %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts)."""
    folders = [Path(os.environ.get("WINDIR") or r"C:\Windows") / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return folders


#: Role → (our name, candidate files in order of preference, subfont index). 方正小标宋 is the
#: title face of official documents where installed; 宋体/黑体/仿宋 ship with Chinese Windows
#: (仿宋_GB2312 on older installs).
WINDOWS_FACES: dict[str, tuple[str, tuple[str, ...], int]] = {
    "song": ("PioneerSimSun", ("simsun.ttc", "simsun.ttf"), 0),
    "hei": ("PioneerSimHei", ("simhei.ttf",), 0),
    "fang": ("PioneerFangSong", ("simfang.ttf", "fangsong_gb2312.ttf", "仿宋_GB2312.ttf"), 0),
    "title": (
        "PioneerXiaoBiaoSong",
        ("FZXBSJW.TTF", "fzxbsjw.ttf", "方正小标宋简体.ttf", "FZXBSK.TTF", "fzxbsk.ttf"),
        0,
    ),
}


def _windows_fonts() -> dict[str, str]:
    """System 宋体/黑体/仿宋/小标宋 registered under our names; empty off Windows or when absent."""
    if sys.platform != "win32":
        return {}
    found: dict[str, str] = {}
    for role, (name, filenames, subfont) in WINDOWS_FACES.items():
        for folder in windows_font_folders():
            path = next((folder / f for f in filenames if (folder / f).is_file()), None)
            registered = _register_ttf(name, path, subfont) if path else None
            if registered:
                found[role] = registered
                break
    return found


def _fix_to_unicode() -> None:
    """reportlab writes a subset's ToUnicode entries as 4 hex digits, so a character beyond
    the basic plane (𠮷, U+20BB7) is copied and searched as a wrong one (₻). Write those
    as their UTF-16 surrogate pair, as the PDF reference asks."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_pioneer", False):
        return

    def make(fontname: str, subset: list[int]) -> str:
        text = original(fontname, subset)
        for i, v in enumerate(subset):
            if v > 0xFFFF:
                pair = chr(v).encode("utf-16-be").hex().upper()
                text = text.replace(f"<{i:02X}> <{v:04X}>", f"<{i:02X}> <{pair}>", 1)
        return text

    make._pioneer = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make


@cache
def _fonts(prefer_system: bool) -> FontSet:
    bundled = _register_ttf(BUNDLED_FONT_NAME, resource_path(*BUNDLED_FONT_FILE), 0)
    if bundled is None:
        raise FileNotFoundError(
            f"找不到打印字体文件 {resource_path(*BUNDLED_FONT_FILE)}，请重新安装本程序。"
        )
    fallback = _register_ttf(FALLBACK_FONT_NAME, resource_path(*FALLBACK_FONT_FILE), 0)
    if fallback is None:
        raise FileNotFoundError(
            f"找不到打印字体文件 {resource_path(*FALLBACK_FONT_FILE)}，请重新安装本程序。"
        )
    _fix_to_unicode()
    system = _windows_fonts() if prefer_system else {}
    hei = system.get("hei", bundled)
    title = system.get("title", hei)
    return FontSet(
        song=system.get("song", bundled),
        hei=hei,
        fang=system.get("fang", system.get("song", bundled)),
        fake_bold=title == bundled,
        title=title,
        fallback=fallback,
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


@cache
def _cover(font_name: str) -> frozenset[str]:
    """The characters a registered font can draw."""
    face = pdfmetrics.getFont(font_name).face
    return frozenset(chr(cp) for cp in face.charToGlyph)


def missing_glyphs(text: str, font_name: str | None = None) -> str:
    """The distinct characters of `text` that `font_name` cannot draw, in order of appearance.

    Rare name characters (CJK Extension A/B, e.g. 䶮) are outside WenQuanYi Micro Hei; the
    paper draws them from the fallback font (`runs`); see `unprintable` for what is left.
    """
    cover = _cover(font_name or fonts().song)
    seen: dict[str, None] = {}
    for ch in text:
        if ch.isspace() or ch in seen:
            continue
        if ch not in cover:
            seen[ch] = None
    return "".join(seen)


def unprintable(text: str) -> str:
    """The characters of `text` that no font of ours can draw (printed as 〓): to report
    before printing, never to drop silently."""
    fs = fonts()
    return missing_glyphs(missing_glyphs(text, fs.song), fs.fallback)


def needs_fallback(text: str, font_name: str) -> bool:
    """Whether some character of `text` is not in `font_name` (cheap: most text is covered)."""
    cover = _cover(font_name)
    # Only CJK and beyond can be missing: Latin, digits and punctuation are in every face.
    return any(ch not in cover for ch in text if ch > "\u2fff")


def runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """`text` as (piece, font) runs: the main font where it has the glyph, else the fallback,
    else 〓 in the main font. Control characters other than newline are dropped."""
    main = _cover(font_name)
    fallback_name = fonts().fallback
    extra = _cover(fallback_name)
    out: list[tuple[str, str]] = []
    for ch in text:
        if ch in main or ch == "\n":
            font = font_name
        elif ch in extra:
            font = fallback_name
        elif ch.isspace():
            ch, font = " ", font_name
        elif ord(ch) < 32:
            continue
        else:
            ch, font = MISSING_MARK, font_name
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + ch, font)
        else:
            out.append((ch, font))
    return out
