"""Chinese text on paper: line breaking by the Chinese rules, markup with the fallback face
for rare characters, Chinese dates, and the fill-in line (text with handwriting blanks).

Split out of layout.py (which re-exports these names): the document builder uses them, and so
do writers that draw on a bare canvas (certificates).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from desktop.paper.fonts import fonts, needs_fallback, runs
from desktop.rules.member import ETHNIC_GROUPS  # the 56 groups (GB 3304)

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Blank:
    """A handwriting blank on a fill-in line: an underline, optionally with text already on it.

    `width` in mm; None stretches to the end of the line (or of the cell).
    """

    width: float | None = None
    text: str = ""


class _WrappedBlank(Blank):
    """A piece of a long filled-in value wrapped over lines: set from the left."""


FillItem = str | Blank
#: A tuple of items is kept on one line when it can be (e.g. a whole date field).
FillEntry = FillItem | tuple[FillItem, ...]

_SEAMS = re.compile(r"[+\-]?\d+(?:\.\d+)?[年月日时分%％]?|.", re.S)
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’,.;:?!)]}%·…")
_NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
#: Words of the registers kept whole where a narrow cell can hold them (Chinese has no spaces
#: to break at, and 「入党积极/分子」, 「大学本/科」, 「土家/族」 read as two words): member
#: statuses and marks, education levels, the 56 ethnic groups, 党小组/党支部 and the kinds of
#: meeting and leave. A word wider than the line still breaks, between its characters.
TERMS = (
    "入党积极分子",
    "入党申请人",
    "正式党员",
    "预备党员",
    "流动党员",
    "党员领导干部",
    "年老体弱",
    "博士研究生",
    "硕士研究生",
    "研究生",
    "大学本科",
    "大学专科",
    "大专",
    "中专",
    "高中",
    "初中",
    "小学",
    "党小组",
    "党支部",
    "党总支",
    "主题党日",
    "三会一课",
    "组织生活会",
    "民主评议",
    "因公请假",
    "因私请假",
    "无故缺席",
    *(f"{name}族" for name in ETHNIC_GROUPS),
)
#: Where a word wider than the line breaks: between its parts, not wherever the line ends
#: (入党/积极分子, not 入党积极/分子); an ethnic group's name before 族.
_TERM_PARTS = {
    "入党积极分子": ("入党", "积极分子"),
    "入党申请人": ("入党", "申请人"),
    "党员领导干部": ("党员", "领导干部"),
    "博士研究生": ("博士", "研究生"),
    "硕士研究生": ("硕士", "研究生"),
    "大学本科": ("大学", "本科"),
    "大学专科": ("大学", "专科"),
    "组织生活会": ("组织", "生活会"),
    **{t: (t[:-1], "族") for t in TERMS if t.endswith("族") and len(t) > 3},
}
#: Kept whole on a line: Chinese dates (2026年12月20日, 12月20日), a number with its unit
#: (15分, 3人, 78.9%), Latin words and numbers, the TERMS (longest first); everything else
#: may break between characters.
_TOKENS = re.compile(
    "|".join(re.escape(t) for t in sorted(TERMS, key=len, reverse=True)) + "|"
    r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日"
    r"|[+\-]?\d+(?:\.\d+)?(?:个月|人次|[%％分元人次个名项条页号岁年月日时])"
    r"|[A-Za-z0-9@#%&*+\-./:_]+|\s+|.",
    re.S,
)


@lru_cache(maxsize=8192)
def break_lines(text: str, room: float, font: str, size: float) -> tuple[str, ...]:
    """Greedy line breaking by the Chinese rules (cached: registers repeat the same values).

    Chinese breaks between any two characters, except that closing punctuation never starts
    a line and opening punctuation never ends one; a date (2026年12月20日), a number with
    its unit (15分) and Latin words and numbers are kept whole (broken only when a single one
    is wider than the line). The piece carried to the next line with a closing mark is the
    last whole token, not its last character.
    """
    lines: list[str] = []
    toks: list[str] = []  # the current line, token by token

    def width(parts: list[str]) -> float:
        return stringWidth("".join(parts), font, size)

    def flush() -> None:
        line = "".join(toks).rstrip()
        if line.strip():
            lines.append(line)
        toks.clear()

    for tok in _TOKENS.findall(text):
        if tok.isspace():
            if toks and width([*toks, " "]) <= room:
                toks.append(" ")
            elif toks:
                flush()
            continue
        if width([*toks, tok]) <= room:
            toks.append(tok)
            continue
        if len(tok) > 1 and stringWidth(tok, font, size) > room:  # wider than a line:
            # break at its seams (2026年 | 12月 | 20日), a piece too wide anywhere
            for piece in _TERM_PARTS.get(tok) or _SEAMS.findall(tok):
                if toks and width([*toks, piece]) > room:
                    flush()
                if stringWidth(piece, font, size) > room:
                    for ch in piece:
                        if toks and width([*toks, ch]) > room:
                            flush()
                        toks.append(ch)
                    continue
                toks.append(piece)
            continue
        carry: list[str] = []
        if tok in _NO_LINE_START and len(toks) > 1:
            carry = [toks.pop()]
            # 「心），」: the carried piece may itself be a closing mark: take what it closes.
            while carry[0] in _NO_LINE_START and len(toks) > 1:
                carry.insert(0, toks.pop())
        while len(toks) > 1 and toks[-1] in _NO_LINE_END:
            carry.insert(0, toks.pop())
        flush()
        toks.extend([*carry, tok])
    if toks or not lines:
        line = "".join(toks).rstrip()
        if line.strip() or not lines:
            lines.append(line)
    return tuple(lines)


def balanced_lines(text: str, room: float, font: str, size: float) -> tuple[str, ...]:
    """Break a title into as few lines as needed, of about equal length.

    A long title on official paper is set as a balanced block (GB/T 9704), not as a full
    line and an orphaned word.
    """
    total = stringWidth(text, font, size)
    if total <= room:
        return (text,)
    n = len(break_lines(text, room, font, size))
    target = total / n
    while target < room:
        lines = break_lines(text, target + size * 0.5, font, size)
        if len(lines) <= n:
            return lines
        target += size * 0.5
    return break_lines(text, room, font, size)


def para_text(text: str, font: str | None = None) -> str:
    """Plain text → paragraph markup: escaped, newlines kept, ideographic spaces kept.

    reportlab's paragraphs collapse U+3000 like any whitespace; four no-break spaces are
    about one ideographic space wide in our fonts. A character the paragraph's font lacks
    (䶮, 𠮷) is set in the fallback face, one no font has as 〓: never left out.
    """
    font = font or fonts().song
    if needs_fallback(text, font):
        text_markup = "".join(
            escape(piece) if face == font else f'<font face="{face}">{escape(piece)}</font>'
            for piece, face in runs(text, font)
        )
    else:
        text_markup = escape(text)
    return text_markup.replace("\n", "<br/>").replace("\u3000", "\xa0" * 4)


def draw_text(
    c: Canvas, x: float, y: float, text: str, font: str, size: float, align: Align = "left"
) -> None:
    """canvas.drawString that sets each character the font lacks in the fallback face."""
    if not needs_fallback(text, font):
        {"left": c.drawString, "center": c.drawCentredString, "right": c.drawRightString}[align](
            x, y, text
        )
        return
    pieces = runs(text, font)
    width = sum(stringWidth(p, f, size) for p, f in pieces)
    x -= {"left": 0.0, "center": width / 2, "right": width}[align]
    for piece, face in pieces:
        c.setFont(face, size)
        c.drawString(x, y, piece)
        x += stringWidth(piece, face, size)
    c.setFont(font, size)


def text_width(text: str, font: str, size: float) -> float:
    """stringWidth as `draw_text` sets the text (fallback characters in their own face)."""
    if not needs_fallback(text, font):
        return stringWidth(text, font, size)
    return sum(stringWidth(p, f, size) for p, f in runs(text, font))


def cn_date(value: str) -> str:
    """'2026-01-05' → '2026年1月5日' (GB/T 9704: Arabic numerals, no leading zeros).

    Anything that is not an ISO date is returned unchanged, so callers may pass ready text.
    """
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", value or "")
    if not m:
        return value
    return f"{int(m[1])}年{int(m[2])}月{int(m[3])}日"


# ---------------------------------------------------------------------------------------
# Flowables


class _TitleParagraph(Paragraph):
    """A paragraph whose glyphs are also stroked: a bold look from a regular-only font."""

    def __init__(self, text: str, style: ParagraphStyle, stroke: float) -> None:
        super().__init__(text, style)
        self._stroke = stroke

    def beginText(self, x: float, y: float) -> Any:
        tx = super().beginText(x, y)
        if self._stroke:
            tx.setTextRenderMode(2)  # fill, then stroke the outline
        return tx

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setLineWidth(self._stroke)
        self.canv.setStrokeColor(self.style.textColor)
        super().draw()
        self.canv.restoreState()

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        for p in parts:
            p.__class__ = _TitleParagraph
            p._stroke = self._stroke
        return parts


class FillLine(Flowable):
    """Text with underlined blanks to fill by hand: "日期：＿＿年＿＿月＿＿日".

    Drawn with real lines rather than underscore glyphs, whose width varies by font. A tuple
    of items that does not fit moves to the next line as a whole; only text longer than a
    whole line is broken.
    """

    MIN_STRETCH = 18 * mm

    def __init__(
        self,
        items: Sequence[FillEntry],
        *,
        font: str,
        size: float = 12,
        leading: float | None = None,
        align: Align = "left",
    ) -> None:
        super().__init__()
        self.items = list(items)
        self.font = font
        self.size = size
        self.leading = leading or size * 1.9  # room above the line for handwriting
        self.align = align
        self._lines: list[list[tuple[FillItem, float]]] = []
        self._avail = 0.0

    def _text_width(self, text: str) -> float:
        return text_width(text, self.font, self.size)

    def _split_text(self, text: str, room: float, full: float) -> list[str]:
        """Break a too-long text into pieces by the Chinese line-breaking rules (no line
        starts with closing punctuation, numbers and dates kept whole); the first piece fits
        `room`, the rest `full`."""
        if self._text_width(text) <= room:
            return [text]  # the usual case
        first = break_lines(text, max(room, self.size), self.font, self.size)[0]
        if self._text_width(first) > room:  # not even one piece fits here: next line
            first = ""
        rest = text[len(first) :].lstrip()
        pieces = [first] if first else [""]
        if rest:
            pieces += list(break_lines(rest, full, self.font, self.size))
        return pieces

    def _measure(self, item: FillItem) -> float:
        if isinstance(item, str):
            return self._text_width(item)
        need = max(self._text_width(item.text) + 4, 6)
        return need if item.width is None else max(item.width * mm, need)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._lines and availWidth == self._avail:
            return availWidth, self.height  # platypus asks again (KeepTogether, the frame)
        self._avail = availWidth
        lines: list[list[tuple[FillItem, float]]] = [[]]
        x = 0.0
        for entry in self.items:
            group = list(entry) if isinstance(entry, tuple) else [entry]
            # Trailing gaps are dropped rather than pushed onto a line of their own.
            while len(group) > 1 and isinstance(group[-1], str) and not group[-1].strip():
                group.pop()
            natural = sum(self._measure(i) for i in group)
            if group[-1:] and isinstance(group[-1], Blank) and group[-1].width is None:
                natural += self.MIN_STRETCH - self._measure(group[-1])
            # A group moves to the next line whole when it would fit there.
            if lines[-1] and x + natural > availWidth and natural <= availWidth:
                lines.append([])
                x = 0.0
            if isinstance(entry, tuple) and len(group) < len(entry):
                room_for_gap = availWidth - x - natural
                gap = entry[len(group)]
                if isinstance(gap, str) and self._text_width(gap) <= room_for_gap:
                    group.append(gap)  # the gap fits after all: keep the spacing
            for item in group:
                if isinstance(item, str):
                    if not item.strip() and (not lines[-1] or x == 0.0):
                        continue  # no leading gap at the start of a line
                    pieces = self._split_text(item, availWidth - x, availWidth)
                    for i, piece in enumerate(pieces):
                        if i:
                            lines.append([])
                            x = 0.0
                        w = self._text_width(piece)
                        lines[-1].append((piece, w))
                        x += w
                    continue
                w = self._measure(item)
                if item.text and w > availWidth - x:
                    # A long filled-in value (a topic, a place, a group's name) wraps onto
                    # underlined lines of its own instead of running off the page.
                    pieces = self._split_text(item.text, availWidth - x - 4, availWidth - 4)
                    for i, piece in enumerate(pieces):
                        if i:
                            lines.append([])
                            x = 0.0
                        w = availWidth - x
                        lines[-1].append((_WrappedBlank(None, piece), w))
                        x += w
                    continue
                if item.width is None:
                    w = max(availWidth - x, w)
                elif x + w > availWidth and lines[-1]:
                    lines.append([])
                    x = 0.0
                lines[-1].append((item, w))
                x += w
        self._lines = lines
        self.width = availWidth
        self.height = len(lines) * self.leading
        return availWidth, self.height

    def draw(self) -> None:
        c = self.canv
        if getattr(c, "measuring", False):
            return  # a measuring pass (layout.MEASURE) only needs the size
        c.setFont(self.font, self.size)
        c.setLineWidth(0.6)
        descent = self.size * 0.25
        for n, line in enumerate(self._lines):
            total = sum(w for _, w in line)
            x = {"left": 0.0, "center": (self._avail - total) / 2, "right": self._avail - total}[
                self.align
            ]
            baseline = self.height - (n + 1) * self.leading + descent + 2
            for item, w in line:
                if isinstance(item, str):
                    draw_text(c, x, baseline, item, self.font, self.size)
                else:
                    c.line(x + 1, baseline - 2, x + w - 1, baseline - 2)
                    if isinstance(item, _WrappedBlank):
                        draw_text(c, x + 2, baseline, item.text, self.font, self.size)
                    elif item.text:
                        draw_text(c, x + w / 2, baseline, item.text, self.font, self.size, "center")
                x += w
