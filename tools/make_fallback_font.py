"""Build resources/fonts/pioneer-han-fallback.ttf: the glyphs our main fonts lack, for names.

WenQuanYi Micro Hei (and the Windows 宋体/黑体/仿宋) stop at the basic CJK block, so a name
with a rare character (王䶮, 𠮷祥) lost that character on paper. This takes, from the
Hanazono Mincho fonts (GlyphWiki project, free licence / SIL OFL 1.1; Debian package
`fonts-hanazono`, TrueType outlines that reportlab embeds):
  - every CJK Unified Ideograph of the basic block and of Extension A that the bundled font
    lacks,
  - every character of the 2013 《通用规范汉字表》 beyond the basic block (Extension B and
    later: resources/collation/strokes.tsv lists them),
  - a few characters seen in names outside both (EXTRA),
and writes them, without hinting or layout tables, to one small TrueType file (~3 MB where
the whole Hanazono pair is 52 MB). A name character outside this set is reported before
printing and printed as 〓 (desktop/paper/fonts.py).

Run once, by hand, when the sources change (needs fontTools: `pip install fonttools`):
  python tools/make_fallback_font.py [--hanazono /usr/share/fonts/truetype/hanazono]
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
OUT = FONTS / "pioneer-han-fallback.ttf"
#: Seen in names and not in 通用规范汉字表: 𠮷 (the "土" 吉 of surnames).
EXTRA = "\U00020bb7"


def wanted(bundled: Path) -> set[int]:
    from fontTools.ttLib import TTCollection

    have = set(TTCollection(str(bundled))[0].getBestCmap())
    basic = set(range(0x4E00, 0xA000)) | set(range(0x3400, 0x4DC0))
    table = ROOT / "resources" / "collation" / "strokes.tsv"
    listed = {
        int(line.split("\t")[0], 16)
        for line in table.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    beyond = {cp for cp in listed if cp > 0xFFFF}
    return (basic - have) | beyond | {ord(c) for c in EXTRA}


def main() -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--hanazono", default="/usr/share/fonts/truetype/hanazono")
    args = ap.parse_args()
    codes = wanted(FONTS / "wqy-microhei.ttc")
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.drop_tables += ["vhea", "vmtx", "GSUB", "GPOS", "FFTM"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence
    parts = []
    for name in ("HanaMinA.ttf", "HanaMinB.ttf"):
        font = TTFont(str(Path(args.hanazono) / name))
        have = codes & set(font.getBestCmap())
        if not have:
            continue
        sub = subset.Subsetter(options)
        sub.populate(unicodes=sorted(have))
        sub.subset(font)
        parts.append((name, font, have))
        codes -= have
    from fontTools.merge import Merger

    tmp = []
    for name, font, _have in parts:
        path = FONTS / f".{name}.part"
        font.save(str(path))
        tmp.append(str(path))
    merged = Merger().merge(tmp)
    merged["name"].setName("PioneerHanFallback", 1, 3, 1, 0x409)
    merged["name"].setName("PioneerHanFallback", 4, 3, 1, 0x409)
    merged["name"].setName("PioneerHanFallback", 6, 3, 1, 0x409)
    merged.save(str(OUT))
    for path in tmp:
        Path(path).unlink()
    print(f"{OUT}: {sum(len(h) for *_x, h in parts)} characters, {OUT.stat().st_size:,} bytes")
    if codes:
        print(f"not in Hanazono: {len(codes)} ({''.join(chr(c) for c in sorted(codes)[:20])}…)")


if __name__ == "__main__":
    main()
