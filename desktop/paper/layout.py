"""A4 document builder in the conventions of Chinese official paper (GB/T 9704, used loosely).

Every printed form (roster, sign-in sheet, registers, publicity notice, certificates …) is a
short function that fills a `PaperDocument`:

    doc = PaperDocument(out, title="党员花名册", subtitle=["中共某村支部委员会"], landscape=True)
    doc.table([Column("序号", 10), Column("姓名", 25), Column("备注")], rows)
    doc.signature_lines(["制表人", "支部书记"])
    doc.issuer("中共某村支部委员会", "2026-11-24")
    pages = doc.build()

The builder takes plain strings only; it never sees the book.
"""

from __future__ import annotations

import io
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tables import CellStyle

from desktop.paper.fonts import FontSet, fonts, needs_fallback
from desktop.paper.text import (
    Align,
    Blank,
    FillEntry,
    FillItem,
    FillLine,
    _TitleParagraph,
    balanced_lines,
    break_lines,
    cn_date,
    draw_text,
    para_text,
    text_width,
)

# Names other modules import from here (text.py holds them since the split).
__all__ = [
    "Align",
    "Blank",
    "FillEntry",
    "FillItem",
    "FillLine",
    "balanced_lines",
    "break_lines",
    "cn_date",
    "draw_text",
    "para_text",
    "text_width",
]

Output = str | os.PathLike[str] | IO[bytes]

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
_ALIGN_NAME: dict[int, Align] = {TA_LEFT: "left", TA_CENTER: "center", TA_RIGHT: "right"}
#: Text that must not be broken across lines: digits, Latin letters and their punctuation.
_UNBREAKABLE = re.compile(r"[0-9A-Za-z*+\-./:#()]+")
_TABLE_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}

GRID = colors.black
HEADER_SHADE = colors.Color(0.88, 0.88, 0.88)
SPAN_SHADE = colors.Color(0.94, 0.94, 0.94)
ZEBRA_SHADE = colors.Color(0.965, 0.965, 0.965)
MUTED = colors.Color(0.35, 0.35, 0.35)


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float
    bottom: float
    left: float
    right: float


#: GB/T 9704 text area: 37 mm top, 35 mm bottom, 28 mm left (binding side), 26 mm right.
PORTRAIT_MARGINS = Margins(top=37, bottom=35, left=28, right=26)
#: Landscape registers need their width and rows more than the official-letter look; the
#: binding side stays the widest and the bottom keeps room for the two page-number lines.
LANDSCAPE_MARGINS = Margins(top=24, bottom=24, left=22, right=16)


@dataclass(frozen=True)
class Column:
    """One table column. `width` in mm; None columns share what the fixed ones leave.

    `fit=True`: the column is as wide as its longest cell and its header need (at most
    `width`), so short values don't leave wide empty columns while a long 党小组 name
    wraps to five lines elsewhere; what fitted columns leave goes to the None columns.
    """

    title: str
    width: float | None = None
    align: Align = "center"
    fit: bool = False
    #: For `fit` columns: how narrow (mm) the column may get when the fitted columns together
    #: are too wide for the page (None: never narrower than its content).
    min: float | None = None


@dataclass(frozen=True)
class SpanRow:
    """A row spanning the whole table: a group heading, a subtotal, a section title."""

    text: str
    align: Align = "left"
    shaded: bool = True


Row = Sequence[str] | SpanRow


CELL_PAD = 3.0  # a grid cell's left and right padding, in points

#: Headers longer than this may wrap (a long sentence-like header is fine on two lines).
HEADER_WHOLE_CHARS = 8


def _fit_headers(
    widths: list[float], titles: Sequence[str], need: Callable[[str], float]
) -> list[float]:
    """Widen columns whose (short) header would break, taking room from columns with slack."""
    wants = [
        max(need(line) for line in t.split("\n"))
        if t and max(len(line) for line in t.split("\n")) <= HEADER_WHOLE_CHARS
        else 0.0
        for t in titles
    ]
    deficit = [max(0.0, want - w) for w, want in zip(widths, wants, strict=True)]
    short = sum(deficit)
    if not short:
        return widths
    slack = [max(0.0, w - max(want, 12 * mm)) for w, want in zip(widths, wants, strict=True)]
    spare = sum(slack)
    if spare <= 0:
        return widths
    give = min(1.0, spare / short)  # part of each deficit that can be met
    take = short * give / spare
    return [w + d * give - s * take for w, d, s in zip(widths, deficit, slack, strict=True)]


def _cell_style(
    font: str, size: float, leading: float, align: str, pad_x: float, pad_y: float
) -> CellStyle:
    """What FONT, ALIGN, VALIGN MIDDLE and the four PADDING commands would set on a cell."""
    style = CellStyle("grid")
    style.fontname, style.fontsize, style.leading = font, size, leading
    style.alignment, style.valign = align, "MIDDLE"
    style.leftPadding = style.rightPadding = pad_x
    style.topPadding = style.bottomPadding = pad_y
    return style


# ---------------------------------------------------------------------------------------
# Page furniture: "第1页 共N页" needs the page count, so pages are held until save.


def _make_canvas_class(furniture: _Furniture) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            with _binary_streams():
                self._save()

        def _save(self) -> None:
            total = len(self._held_pages)
            # Sections (one member's notice in a batch) are numbered on their own.
            starts = sorted({1, *furniture.section_starts})
            for state in self._held_pages:
                self.__dict__.update(state)
                page = self._pageNumber
                first = max(s for s in starts if s <= page)
                later = [s for s in starts if s > page]
                last = (later[0] - 1) if later else total
                furniture.draw(self, page - first + 1, last - first + 1)
                Canvas.showPage(self)
            furniture.page_count = total
            Canvas.save(self)

    return NumberedCanvas


_A85_LOCK = threading.Lock()


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Page streams compressed only, not also ASCII85-armoured (reportlab's default, a
    7-bit-safe PDF no printer or viewer needs): a quarter smaller, and the armour is
    computed in pure Python (~6 % of a sign-in sheet's build). reportlab reads the switch
    from its global settings while writing, so it is set for the save and put back."""
    with _A85_LOCK:
        before = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = before


class _Furniture:
    """Footer page numbers and a running header on continuation pages."""

    def __init__(
        self,
        fontset: FontSet,
        pagesize: tuple[float, float],
        margins: Margins,
        header: str,
        header_right: str,
    ) -> None:
        self.fonts = fontset
        self.pagesize = pagesize
        self.margins = margins
        self.header = header
        self.header_right = header_right
        self.page_count = 0
        self.section_starts: list[int] = []

    def draw(self, c: Canvas, page: int, total: int) -> None:
        width, _height = self.pagesize
        m = self.margins
        centre = m.left * mm + (width - (m.left + m.right) * mm) / 2
        c.saveState()
        c.setFillColor(colors.black)
        # Where GB/T 9704 puts its "— 1 —" (7 mm below the text area). Only "第1页 共N页":
        # both on one page read as two different numbers.
        y1 = m.bottom * mm - 7 * mm - 10
        c.setFont(self.fonts.song, 10.5)
        c.drawCentredString(centre, y1, f"第{page}页 共{total}页")
        if page > 1 and self.header:
            _w, height = self.pagesize
            y = height - m.top * mm + 4 * mm
            c.setFont(self.fonts.song, 9)
            left = f"{self.header}（续）"
            song = self.fonts.song
            draw_text(c, m.left * mm, y, left, song, 9)
            room = width - (m.left + m.right) * mm - text_width(left, song, 9)
            if text_width(self.header_right, song, 9) < room - 12:  # never overlap
                draw_text(c, width - m.right * mm, y, self.header_right, song, 9, "right")
        c.restoreState()


class _SectionStart(Flowable):
    """Zero-size: the page it lands on starts a section numbered on its own (第1页 共N页)."""

    def __init__(self, furniture_ref: list[Any]) -> None:
        super().__init__()
        self.ref = furniture_ref
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.ref:
            self.ref[0].section_starts.append(self.canv.getPageNumber())


class _KeptBlock(KeepTogether):
    """KeepTogether that counts its first flowable's space before it.

    reportlab measures a kept block as if it started a page, where that space is dropped; in
    mid-page it is not, so a block that fitted by a few millimetres spilled its last line
    (a sign-in sheet's footnote) onto a page of its own.
    """

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        width, height = super().wrap(aW, aH)
        first = next((f for f in self._content if f.wrapOn(self.canv, aW, aH)[1] > 0), None)
        if first is not None:
            self._H += first.getSpaceBefore()
        return width, height


class PageMark(Flowable):
    """Zero-size: records in `pages[name]` the page it lands on (to see what shares a page),
    and in `pages[name + ROOM]` the height left below it on that page (points)."""

    def __init__(self, name: str, pages: dict[str, Any]) -> None:
        super().__init__()
        self.name, self.pages = name, pages
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        frame = getattr(self, "_frame", None)
        if frame is not None:
            self.pages[self.name + ROOM] = y - frame._y1p
        super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        self.pages[self.name] = self.canv.getPageNumber()


ROOM = ":room"


class _Measure:
    """The `out` of a layout that is only measured: pages are laid out (so `PageMark`s say
    where things land) but no table is drawn and no PDF is written."""

    def write(self, data: bytes) -> None:  # pragma: no cover - never written to
        raise TypeError("a measured layout writes nothing")


MEASURE: Any = _Measure()


class _MeasuringCanvas(Canvas):
    measuring = True

    def showPage(self) -> None:
        self._startPage()

    def save(self) -> None:
        pass


class _PlainTable(Table):
    """A table (heading fields, boxes) that draws nothing in a measured layout."""

    def draw(self) -> None:
        if getattr(self.canv, "measuring", False):
            return
        super().draw()


class _Grid(LongTable):
    """The builder's table: skips drawing its cells in a measured layout (that is most of
    a sign-in sheet's build), so a layout retry costs a measuring pass, not a full build."""

    def draw(self) -> None:
        if getattr(self.canv, "measuring", False):
            return
        super().draw()

    def _drawCell(self, cellval: Any, cellstyle: CellStyle, pos: Any, size: Any) -> None:
        # An empty cell (half of a sign-in sheet's: 签名, 请假类型, 备注) would be drawn as
        # an empty text object. Skipped here rather than given as an empty flowable list,
        # which reportlab sizes on the slow path at every split of the table.
        if cellval == "":
            return
        super()._drawCell(cellval, cellstyle, pos, size)


KEEP_ROWS = 3  # table rows that go over with a closing block that would start a page alone

# One layout: (output, rows to keep back, page marks) -> page count. The output may be
# MEASURE: then the layout's `build()` only measures.
KeptLayout = Callable[[Output, int, dict[str, Any]], int]


_MEASURED: ContextVar[list[PaperDocument] | None] = ContextVar("measured", default=None)


@contextmanager
def keeping_measured() -> Iterator[list[PaperDocument]]:
    """The documents measured inside (`build()` on MEASURE), in order: a build that follows
    its measuring pass unchanged reuses that document's story (`PaperDocument.rebuild`)
    instead of composing every table again."""
    docs: list[PaperDocument] = []
    token = _MEASURED.set(docs)
    try:
        yield docs
    finally:
        _MEASURED.reset(token)


def write_keeping_rows(out: Output, layout: KeptLayout, *, keep: int = KEEP_ROWS) -> int:
    """Lay out so that a closing block (footnotes, signatures) never starts a page alone.

    `layout` adds its closing block with `PaperDocument.closing_block(pages)` right after its
    last table, and puts that table's last `keep` rows on a new page when asked
    (`PaperDocument.table(..., keep_last=keep)`). One measuring pass says where the end
    lands; the document is then built once, with the last rows moved over when the end
    would stand alone (as the sign-in sheet does). Returns the page count.
    """
    pages: dict[str, Any] = {}
    with keeping_measured() as measured:
        layout(MEASURE, 0, pages)
    alone = pages.get("end", 0) > pages.get("rows", 0) and keep > 0
    buffer = io.BytesIO()
    if not alone and len(measured) == 1:
        count = measured[0].rebuild(buffer)  # the usual case: the layout measured stands
    else:
        pages = {}
        count = layout(buffer, keep if alone else 0, pages)
    write_bytes(out, buffer.getvalue())
    return count


def write_bytes(out: Output, data: bytes) -> None:
    """A path is written through a temporary file and renamed (no half-written PDF)."""
    if not isinstance(out, (str, os.PathLike)):
        out.write(data)
        return
    target = Path(out)
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


REPEATED_TITLE_SIZE = 16
#: The "title（续）" line a section heading starting a page adds above itself (one line).
REPEATED_TITLE_HEIGHT = REPEATED_TITLE_SIZE * 1.8
#: The space above such a heading mid-page (dropped at the top of a page).
SECTION_SPACE_BEFORE = 3 * mm


class _SectionHeading(Flowable):
    """A section heading that, when it starts a page, first repeats the document's title with
    （续）: a page holding only this section still says which sheet it belongs to."""

    def __init__(self, heading: Paragraph, title: Paragraph, space_before: float) -> None:
        super().__init__()
        self.heading = heading
        self.title = title
        self.spaceBefore = space_before
        self._parts: list[tuple[Paragraph, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # The frame sets `_frame` only while placing the flowable, so this is where it lands.
        frame = getattr(self, "_frame", None)
        at_top = bool(frame is not None and frame._atTop)
        parts = [self.title, self.heading] if at_top else [self.heading]
        self._parts = [(p, p.wrap(availWidth, availHeight)[1]) for p in parts]
        self.width, self.height = availWidth, sum(h for _, h in self._parts)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for part, height in self._parts:
            y -= height
            part.drawOn(self.canv, 0, y)


# ---------------------------------------------------------------------------------------


class PaperDocument:
    """An A4 document under construction. Add content in reading order, then `build()`."""

    def __init__(
        self,
        out: Output,
        *,
        title: str,
        subtitle: str | Sequence[str] = (),
        landscape: bool = False,
        margins: Margins | None = None,
        running_header: str | None = None,
        author: str = "",
        subject: str = "",
        invariant: bool = False,
    ) -> None:
        """`running_header`: text shown on pages 2+ (default: the title); "" for none.

        `invariant=True` makes the bytes reproducible (fixed creation date), for tests and
        for attaching a hash to a printed confirmation.
        """
        self.out = out
        self.fonts = fonts()
        self.landscape = landscape
        self.pagesize = _landscape(A4) if landscape else A4
        self.margins = margins or (LANDSCAPE_MARGINS if landscape else PORTRAIT_MARGINS)
        m = self.margins
        self.frame_width = self.pagesize[0] - (m.left + m.right) * mm
        self.frame_height = self.pagesize[1] - (m.top + m.bottom) * mm
        self.title = title
        self._meta = {"title": title, "author": author, "subject": subject or title}
        self._invariant = invariant
        self._header = title if running_header is None else running_header
        subs = [subtitle] if isinstance(subtitle, str) else list(subtitle)
        self._header_right = subs[0] if subs else ""
        self.story: list[Flowable] = []
        self.page_count = 0
        self._styles: dict[tuple[Any, ...], ParagraphStyle] = {}
        self._keeping = 0  # depth of kept_together() blocks
        self._furniture_ref: list[Any] = []  # the build's _Furniture, for _SectionStart
        self._title_block(title, subs)

    # -- styles -------------------------------------------------------------------------

    def style(
        self,
        *,
        font: str | None = None,
        size: float = 12,
        align: Align = "left",
        leading: float | None = None,
        first_indent: float = 0,
    ) -> ParagraphStyle:
        """A cached paragraph style; CJK word wrap so long names break instead of overflow."""
        font = font or self.fonts.song
        key = (font, size, align, leading, first_indent)
        if key not in self._styles:
            self._styles[key] = ParagraphStyle(
                f"p{len(self._styles)}",
                fontName=font,
                fontSize=size,
                leading=leading or round(size * 1.3, 1),
                alignment=_ALIGN[align],
                wordWrap="CJK",
                firstLineIndent=first_indent,
            )
        return self._styles[key]

    # -- blocks -------------------------------------------------------------------------

    def _title_block(self, title: str, subtitles: list[str]) -> None:
        size = 22
        # 小标宋 where the machine has it (official documents' title face), else 黑体.
        face = self.fonts.title or self.fonts.hei
        style = self.style(font=face, size=size, align="center", leading=size * 1.45)
        stroke = size * 0.028 if self.fonts.fake_bold else 0
        lines = balanced_lines(title, self.frame_width, style.fontName, size)
        markup = "<br/>".join(para_text(line, style.fontName) for line in lines)
        self.story.append(_TitleParagraph(markup, style, stroke))
        sub = self.style(size=12, align="center", leading=18)
        for line in subtitles:
            if line:
                self.story.append(Paragraph(para_text(line), sub))
        self.story.append(Spacer(1, 4 * mm))

    def paragraph(
        self,
        text: str,
        *,
        size: float = 12,
        align: Align = "left",
        font: Literal["song", "hei", "fang"] = "song",
        indent: bool = False,
        space_after: float = 0,
    ) -> None:
        """A plain-text paragraph (escaped; no markup). `indent`: two-character first indent."""
        style = self.style(
            font=getattr(self.fonts, font),
            size=size,
            align=align,
            leading=size * 1.5,  # body text of notices wants air between lines
            first_indent=2 * size * indent,
        )
        self.story.append(Paragraph(para_text(text, style.fontName), style))
        if space_after:
            self.story.append(Spacer(1, space_after * mm))

    def heading(
        self, text: str, *, size: float = 14, keep_mm: float = 35, repeat_title: bool = False
    ) -> None:
        """A section heading in the title face, kept on a page with `keep_mm` of what follows.

        `repeat_title`: when the heading starts a page, the document's title (续) comes first.
        """
        if not self._keeping:  # inside kept_together() the block keeps it with what follows
            self.keep_room(keep_mm + size * 0.6)
        if not repeat_title:
            self.spacer(3)
            self.paragraph(text, size=size, font="hei", space_after=2)
            return
        style = self.style(font=self.fonts.hei, size=size, leading=size * 1.5)
        title_style = self.style(
            font=self.fonts.hei,
            size=REPEATED_TITLE_SIZE,
            align="center",
            leading=REPEATED_TITLE_HEIGHT,
        )
        self.story.append(
            _SectionHeading(
                Paragraph(para_text(text), style),
                Paragraph(para_text(f"{self.title}（续）"), title_style),
                SECTION_SPACE_BEFORE,
            )
        )
        self.spacer(2)

    @contextmanager
    def closing_block(self, pages: dict[str, int]) -> Iterator[None]:
        """The block that closes a table (notes, signatures, issuer), kept on one page and
        marked for `write_keeping_rows`, which moves the last rows over when it would start a
        page alone. Use it right after the table's `keep_last=` rows."""
        self.add(PageMark("rows", pages))
        with self.kept_together():
            self.add(PageMark("end", pages))
            yield

    @contextmanager
    def kept_together(self) -> Iterator[None]:
        """What is added inside the block goes on one page where it fits (else it starts the
        next page; content longer than a page still splits)."""
        start = len(self.story)
        self._keeping += 1
        try:
            yield
        finally:
            self._keeping -= 1
        # A nested KeepTogether reports a huge height to force its own split, which would
        # push this whole block to a new page: take its content instead.
        block: list[Flowable] = []
        for item in self.story[start:]:
            block.extend(item._content if isinstance(item, KeepTogether) else [item])
        del self.story[start:]
        self.story.append(_KeptBlock(block))

    def fill_line(self, *items: FillEntry, size: float = 12, align: Align = "left") -> None:
        """One fill-in line: strings and `Blank`s, e.g. "签收人：", Blank(30)."""
        self.story.append(FillLine(items, font=self.fonts.song, size=size, align=align))

    def fields(
        self, pairs: Sequence[tuple[str, str]], *, per_row: int = 2, size: float = 12
    ) -> None:
        """A heading block of labelled blanks ("时间：____  地点：____"), `per_row` across.

        A pair's value is printed on its line when given, otherwise left blank to fill in.
        """
        cells = [
            FillLine([f"{label}：", Blank(None, value)], font=self.fonts.song, size=size)
            for label, value in pairs
        ]
        rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
        if rows and len(rows[-1]) < per_row:
            rows[-1] = rows[-1] + [""] * (per_row - len(rows[-1]))
        if not rows:
            return
        t = _PlainTable(rows, colWidths=[self.frame_width / per_row] * per_row, hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), self.fonts.song),  # else Helvetica is referenced
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),  # a wrapped value grows down
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        self.story.append(t)

    def new_section(self) -> None:
        """Start a new page whose numbering starts again (each member's notice in a batch
        carries its own 第1页 共1页, not 第5页 共37页)."""
        self.page_break()
        self.story.append(_SectionStart(self._furniture_ref))

    def spacer(self, height_mm: float) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    def page_break(self) -> None:
        self.story.append(PageBreak())

    def keep_room(self, height_mm: float) -> None:
        """Start a new page unless `height_mm` is left (keeps a heading with what follows)."""
        self.story.append(CondPageBreak(height_mm * mm))

    def widths(
        self,
        columns: Sequence[Column],
        total: float | None = None,
        *,
        header_size: float | None = None,
    ) -> list[float]:
        """Column widths in points: fixed ones as given, the rest share what remains.

        When the fixed widths do not leave ~12 mm per stretching column everything is scaled
        down together, so a table never runs past the margin. With `header_size`, a column
        too narrow for its header on one line (「本季度合计」, 「人员类别」) is widened with room
        taken from columns that have more than their own header needs: a header split as
        「本季度合/计」 reads as two words.
        """
        widths = self._share(columns, total)
        if header_size is None:
            return widths
        return _fit_headers(
            widths,
            [c.title for c in columns],
            lambda t: stringWidth(t, self.fonts.hei, header_size) + 2 * CELL_PAD + 1,
        )

    def _share(self, columns: Sequence[Column], total: float | None) -> list[float]:
        total = self.frame_width if total is None else total
        fixed = [c.width * mm if c.width is not None else None for c in columns]
        flex = sum(1 for w in fixed if w is None)
        used = sum(w for w in fixed if w is not None)
        room = total - used
        if flex and room >= flex * 12 * mm:
            share = room / flex
            return [share if w is None else w for w in fixed]
        raw = [12 * mm if w is None else w for w in fixed]
        scale = total / sum(raw)
        if not flex and scale > 1:  # all fixed and narrower than the page: keep, centre
            return raw
        return [w * scale for w in raw]

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Row],
        *,
        size: float = 10.5,
        zebra: bool = False,
        min_row_height: float | None = None,
        header_size: float | None = None,
        keep_last: int = 0,
    ) -> None:
        """A gridded table with the header repeated on every page.

        Cells that fit stay plain strings (fast for 200-page registers); only cells that would
        overflow become wrapping paragraphs, so long names wrap and are never clipped.
        `min_row_height` (mm) leaves room to sign by hand. `keep_last` rows start a new page
        (under the header) so that what follows does not stand alone (`write_keeping_rows`).
        """
        columns = self.fit_columns(columns, rows, size, header_size or size)
        widths = self.widths(columns, header_size=header_size or size)
        split = len(rows) - keep_last
        parts = [rows[:split], rows[split:]] if keep_last and split > 0 else [rows]
        for i, part in enumerate(parts):
            if i:
                self.page_break()
            self.story.append(
                self._grid(columns, widths, part, size, zebra, min_row_height, header_size)
            )

    def fit_columns(
        self,
        columns: Sequence[Column],
        rows: Sequence[Row],
        size: float,
        header_size: float,
        *,
        flex_min: float = 12,
    ) -> Sequence[Column]:
        """`fit` columns sized to their content (see Column), as HTML tables do: each gets
        its content's width (at most `width`); when they are too wide together, those with
        a `min` give up room in proportion to what they can spare, so the None columns keep
        `flex_min` mm each."""
        if not any(c.fit for c in columns):
            return columns
        natural: dict[int, float] = {}
        for i, c in enumerate(columns):
            if not c.fit:
                continue
            need = stringWidth(c.title, self.fonts.hei, header_size)
            for row in rows:
                if isinstance(row, SpanRow) or i >= len(row) or not row[i]:
                    continue
                for line in str(row[i]).split("\n"):
                    need = max(need, stringWidth(line, self.fonts.song, size))
            width = (need + 2 * CELL_PAD + 1.5) / mm
            natural[i] = min(width, c.width) if c.width is not None else width
        fixed = sum(c.width or 0 for i, c in enumerate(columns) if not c.fit)
        flex = sum(1 for c in columns if c.width is None and not c.fit)
        room = self.frame_width / mm - fixed - flex * flex_min
        over = sum(natural.values()) - room
        spare = {
            i: max(0.0, w - columns[i].min)
            for i, w in natural.items()
            if columns[i].min is not None
        }
        if over > 0 and sum(spare.values()) > 0:
            share = min(1.0, over / sum(spare.values()))
            for i, can in spare.items():
                natural[i] -= can * share
        out = list(columns)
        for i, width in natural.items():
            c = columns[i]
            out[i] = Column(c.title, width, c.align)
        return out

    def two_up_table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        *,
        size: float = 10.5,
        min_row_height: float | None = None,
    ) -> None:
        """Two records per printed row (saves paper on sign-in sheets).

        Reading order is left then right along each row (1 | 2, 3 | 4 …), which stays
        correct however the rows split across pages. A heavier rule divides the halves.
        """
        half = self.widths(columns, self.frame_width / 2, header_size=size)
        doubled = list(columns) + list(columns)
        blank = [""] * len(columns)
        paired: list[Row] = []
        for i in range(0, len(rows), 2):
            right = list(rows[i + 1]) if i + 1 < len(rows) else blank
            paired.append(list(rows[i]) + right)
        table = self._grid(doubled, half + half, paired, size, False, min_row_height, None)
        n = len(columns)
        table.setStyle(TableStyle([("LINEAFTER", (n - 1, 0), (n - 1, -1), 1.6, GRID)]))
        self.story.append(table)

    def _grid(
        self,
        columns: Sequence[Column],
        widths: list[float],
        rows: Sequence[Row],
        size: float,
        zebra: bool,
        min_row_height: float | None,
        header_size: float | None,
    ) -> Table:
        pad_x = CELL_PAD
        leading = round(size * 1.25, 1)
        pad_y = 3.0
        if min_row_height:
            pad_y = max(pad_y, (min_row_height * mm - leading) / 2)
        hsize = header_size or size
        hstyle = self.style(font=self.fonts.hei, size=hsize, align="center", leading=hsize * 1.25)
        header = [
            self._cell(c.title, w - 2 * pad_x, hstyle) for c, w in zip(columns, widths, strict=True)
        ]
        cstyles = [self.style(size=size, align=c.align, leading=leading) for c in columns]
        room = [w - 2 * pad_x for w in widths]
        data: list[list[Any]] = [header]
        # Cell styles are shared per column (one for the header, one for the body) instead of
        # FONT/ALIGN/PADDING commands, which reportlab applies cell by cell; the styles are
        # the same, a 60-member sign-in sheet builds faster. Only lines, backgrounds and spans
        # are commands, and nothing applies cell commands to these tables afterwards.
        head_cells = [
            _cell_style(self.fonts.hei, hsize, hstyle.leading, "CENTER", pad_x, 4) for _ in columns
        ]
        body_cells = [
            _cell_style(self.fonts.song, size, leading, _TABLE_ALIGN[c.align], pad_x, pad_y)
            for c in columns
        ]
        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.6, GRID),
            ("BOX", (0, 0), (-1, -1), 1.0, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE),
        ]
        if zebra:
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA_SHADE]))
        # reportlab cannot split one row across pages (a row taller than the frame is a
        # LayoutError), so a monster cell continues on the following rows instead.
        max_lines = max(3, int((self.frame_height * 0.6 - 2 * pad_y) / leading))
        for r, row in enumerate(rows, start=1):
            if isinstance(row, SpanRow):
                st = self.style(font=self.fonts.hei, size=size, align=row.align, leading=leading)
                n = len(data)
                data.append([Paragraph(para_text(row.text), st)] + [""] * (len(columns) - 1))
                commands.append(("SPAN", (0, n), (-1, n)))
                if row.shaded:
                    commands.append(("BACKGROUND", (0, n), (-1, n), SPAN_SHADE))
                continue
            if len(row) != len(columns):
                raise ValueError(f"第{r}行有 {len(row)} 个单元格，表头有 {len(columns)} 列")
            texts = ["" if v is None else str(v) for v in row]
            rare = needs_fallback("".join(texts), self.fonts.song)  # once a row, not a cell
            cells = [self._cell(t, room[i], cstyles[i], rare) for i, t in enumerate(texts)]
            if not any(isinstance(c, str) and "\n" in c for c in cells):
                data.append(cells)  # one line each, the usual case
                continue
            tall = max((c.count("\n") + 1 for c in cells if isinstance(c, str)), default=1)
            if tall <= max_lines:
                data.append(cells)
                continue
            parts = [c.split("\n") if isinstance(c, str) else [c] for c in cells]
            for start in range(0, tall, max_lines):
                data.append(
                    [
                        "\n".join(p[start : start + max_lines])
                        if isinstance(c, str)
                        else (c if start == 0 else "")
                        for c, p in zip(cells, parts, strict=True)
                    ]
                )
        cell_styles = [head_cells] + [body_cells] * (len(data) - 1)
        table = _Grid(data, colWidths=widths, repeatRows=1, hAlign="CENTER", cellStyles=cell_styles)
        table.setStyle(TableStyle(commands))
        return table

    def _cell(self, text: str, room: float, style: ParagraphStyle, rare: bool = True) -> Any:
        """A plain string, broken into lines here when it does not fit.

        Plain strings keep 200-page registers fast (a paragraph per cell costs ~2×).
        Dates, phone and ID numbers broken across lines are misread, so an unbreakable
        Latin token that is only slightly too wide is set a little smaller instead.
        """
        font, size = style.fontName, style.fontSize
        if rare and needs_fallback(text, font):  # a rare character: its own face, wrapped
            return Paragraph(para_text(text, font), style)
        if len(text) * size <= room:  # no glyph in our fonts is wider than 1 em: fits
            return text
        if "\n" not in text:
            width = stringWidth(text, font, size)
            if width <= room:
                return text
            if _UNBREAKABLE.fullmatch(text) and width * 0.8 <= room:
                small = self.style(
                    font=font,
                    size=int(size * room / width * 4) / 4,  # quarter points: few styles
                    align=_ALIGN_NAME[style.alignment],
                    leading=style.leading,
                )
                return Paragraph(para_text(text), small)
        return "\n".join(
            line for part in text.split("\n") for line in break_lines(part, room, font, size)
        )

    def signature_lines(
        self,
        roles: Sequence[str],
        *,
        date: bool = True,
        size: float = 12,
        space_before: float = 8,
    ) -> None:
        """ "支部书记（签字）：____  日期：____年__月__日" — roles that don't fit wrap whole."""
        items: list[FillEntry] = []
        for role in roles:
            items.append((f"{role}（签字）：", Blank(32), "　　"))
        if date:
            items.append(("日期：", Blank(16), "年", Blank(9), "月", Blank(9), "日"))
        line = FillLine(items, font=self.fonts.song, size=size)
        self.story.append(KeepTogether([Spacer(1, space_before * mm), line]))

    def ruled_lines(self, count: int, *, height_mm: float = 9) -> None:
        """Blank ruled lines to write on by hand (minutes not typed in the book)."""
        t = Table(
            [[""] for _ in range(count)],
            colWidths=[self.frame_width],
            rowHeights=[height_mm * mm] * count,
        )
        t.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, MUTED),
                    ("FONT", (0, 0), (-1, -1), self.fonts.song),  # else Helvetica is referenced
                ]
            )
        )
        self.story.append(t)

    def opinion_box(
        self, title: str, *, lines: int = 3, signer: str = "（盖章）", size: float = 11
    ) -> None:
        """A ruled box for the higher body's handwritten opinion: 「乡镇（街道）党委审核意见：」,
        ruled lines to write on, then seal, signature and date at the right."""
        line_h = 9 * mm
        cells: list[list[Any]] = [
            [
                Paragraph(
                    para_text(title, self.fonts.hei), self.style(font=self.fonts.hei, size=size)
                )
            ]
        ]
        cells += [[""] for _ in range(lines)]
        cells.append(
            [
                FillLine(
                    [
                        (f"{signer}　　负责人（签字）：", Blank(28), "　　"),
                        ("", Blank(14), "年", Blank(9), "月", Blank(9), "日"),
                    ],
                    font=self.fonts.song,
                    size=size,
                    align="right",
                )
            ]
        )
        heights = [None] + [line_h] * lines + [None]
        t = Table(cells, colWidths=[self.frame_width], rowHeights=heights)
        commands: list[tuple[Any, ...]] = [
            ("BOX", (0, 0), (-1, -1), 1.0, GRID),
            ("FONT", (0, 0), (-1, -1), self.fonts.song),  # else Helvetica is referenced
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ]
        for r in range(1, lines + 1):  # ruled lines to write on, inside the box
            commands.append(("LINEBELOW", (0, r), (0, r), 0.4, MUTED))
        t.setStyle(TableStyle(commands))
        self.story.append(KeepTogether([Spacer(1, 4 * mm), t]))

    def issuer(self, body: str, date: str, *, seal_room: float = 14, size: float = 14) -> None:
        """The issuing body and date at the end, right-aligned, with room above for the seal.

        `date` may be ISO ("2026-11-24") or ready Chinese text. The right indent of two
        characters follows common practice so the seal can sit across name and date.
        """
        style = ParagraphStyle(
            "issuer",
            parent=self.style(size=size, align="right", leading=size * 1.6),
            rightIndent=2 * size,
        )
        block: list[Flowable] = [Spacer(1, seal_room * mm)]
        if body:
            block.append(Paragraph(para_text(body, style.fontName), style))
        if date:
            block.append(Paragraph(para_text(cn_date(date), style.fontName), style))
        self.story.append(KeepTogether(block))

    def add(self, flowable: Flowable) -> None:
        """Escape hatch for documents that need a flowable the builder does not offer."""
        self.story.append(flowable)

    # -- output ---------------------------------------------------------------------------

    def build(self) -> int:
        """Lay out and write the PDF; return the number of pages.

        A path is written through a temporary file and renamed, so a failed layout never
        leaves a half-written PDF where the old one was.
        """
        m = self.margins
        furniture = _Furniture(self.fonts, self.pagesize, m, self._header, self._header_right)
        self._furniture_ref[:] = [furniture]
        if self.out is MEASURE:
            self.page_count = self._measure()
            kept = _MEASURED.get()
            if kept is not None:
                kept.append(self)
            return self.page_count
        frame = Frame(
            m.left * mm,
            m.bottom * mm,
            self.frame_width,
            self.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        if isinstance(self.out, (str, os.PathLike)):
            target = Path(self.out)
            tmp = target.with_name(target.name + ".part")
            try:
                self._build_to(str(tmp), frame, furniture)
                os.replace(tmp, target)
            finally:
                if tmp.exists():
                    tmp.unlink()
        else:
            self._build_to(self.out, frame, furniture)
        self.page_count = furniture.page_count
        return self.page_count

    def rebuild(self, out: Output) -> int:
        """Build the document measured before (its story, as composed) into `out`: reportlab
        lays flowables out again on every build, and the page marks are written anew."""
        self.out = out
        return self.build()

    def _frame(self) -> Frame:
        m = self.margins
        return Frame(
            m.left * mm,
            m.bottom * mm,
            self.frame_width,
            self.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )

    def _measure(self) -> int:
        """Lay the story out without drawing tables or writing a PDF; return the pages."""
        doc = BaseDocTemplate(
            io.BytesIO(),
            pagesize=self.pagesize,
            leftMargin=self.margins.left * mm,
            rightMargin=self.margins.right * mm,
            topMargin=self.margins.top * mm,
            bottomMargin=self.margins.bottom * mm,
            initialFontName=self.fonts.song,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[self._frame()])])
        doc.build(list(self.story), canvasmaker=_MeasuringCanvas)
        return doc.page

    def _build_to(self, out: Any, frame: Frame, furniture: _Furniture) -> None:
        doc = BaseDocTemplate(
            out,
            pagesize=self.pagesize,
            leftMargin=self.margins.left * mm,
            rightMargin=self.margins.right * mm,
            topMargin=self.margins.top * mm,
            bottomMargin=self.margins.bottom * mm,
            title=self._meta["title"],
            author=self._meta["author"],
            subject=self._meta["subject"],
            creator="先锋指数",
            invariant=int(self._invariant),
            initialFontName=self.fonts.song,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build(list(self.story), canvasmaker=_make_canvas_class(furniture))
