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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.paper.fonts import fonts
from desktop.paper.grid import (
    _ALIGN,
    _TABLE_ALIGN,
    CELL_PAD,
    GRID,
    HEADER_SHADE,
    HEADER_WHOLE_CHARS,
    MUTED,
    SPAN_SHADE,
    ZEBRA_SHADE,
    Column,
    GridMixin,
    Row,
    SpanRow,
    _Grid,
    _PlainTable,
)
from desktop.paper.pages import (
    _MEASURED,
    KEEP_ROWS,
    LANDSCAPE_MARGINS,
    MEASURE,
    PORTRAIT_MARGINS,
    ROOM,
    KeptLayout,
    Margins,
    Output,
    PageMark,
    _Furniture,
    _KeptBlock,
    _make_canvas_class,
    _MeasuringCanvas,
    _SectionStart,
    keeping_measured,
    tight_closing,
    write_bytes,
    write_keeping_rows,
)
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

# Names other modules import from here (text.py, grid.py and pages.py hold them since the
# splits): `from desktop.paper.layout import …` keeps working.
__all__ = [
    "CELL_PAD",
    "GRID",
    "HEADER_SHADE",
    "HEADER_WHOLE_CHARS",
    "KEEP_ROWS",
    "LANDSCAPE_MARGINS",
    "MEASURE",
    "MUTED",
    "PORTRAIT_MARGINS",
    "ROOM",
    "SPAN_SHADE",
    "ZEBRA_SHADE",
    "_TABLE_ALIGN",
    "_Grid",
    "Align",
    "Blank",
    "Column",
    "FillEntry",
    "FillItem",
    "FillLine",
    "KeptLayout",
    "Margins",
    "Output",
    "PageMark",
    "PaperDocument",
    "Row",
    "SpanRow",
    "balanced_lines",
    "break_lines",
    "cn_date",
    "draw_text",
    "keeping_measured",
    "para_text",
    "text_width",
    "write_bytes",
    "write_keeping_rows",
]

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


class PaperDocument(GridMixin):
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
        # Composed to fit a short table's closing block on its page (write_keeping_rows):
        # signature lines and the opinion box take less room.
        self._tight = tight_closing()
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
        space = space_before / 2 if self._tight else space_before
        self.story.append(KeepTogether([Spacer(1, space * mm), line]))

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
        line_h = (7 if self._tight else 9) * mm
        if self._tight:
            lines = min(lines, 2)
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
        self.story.append(KeepTogether([Spacer(1, (2 if self._tight else 4) * mm), t]))

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
        # Tight: the seal goes across name and date anyway; less blank above them.
        room = seal_room * (0.6 if self._tight else 1)
        block: list[Flowable] = [Spacer(1, room * mm)]
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
