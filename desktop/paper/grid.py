"""The builder's gridded tables: columns, their widths, cells and the reportlab tables.

`GridMixin` gives `layout.PaperDocument` its `table`, `two_up_table`, `fit_columns` and
`widths`; cells that fit stay plain strings (fast for 200-page registers), cell styles are
shared per column instead of per-cell commands, and empty cells draw nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, LongTable, Paragraph, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from desktop.paper.fonts import FontSet, needs_fallback
from desktop.paper.text import Align, break_lines, para_text

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
    # 13 mm: a three-character name at 9.5 pt still fits on one line (it wrapped at 12).
    slack = [max(0.0, w - max(want, 13 * mm)) for w, want in zip(widths, wants, strict=True)]
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

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if not getattr(self.canv, "measuring", False):
            return super().split(availWidth, availHeight)
        # Measuring: every row's height once, then the pages are cut from the heights
        # (_MeasuredRows) instead of reportlab building a new table of the remaining rows at
        # each page — for a 186-page register that was most of the measuring pass.
        heights = getattr(self, "_rowHeights", None)
        if not heights or len(heights) != len(self._cellvalues) or None in heights:
            # (reportlab's LongTable sizes every row when wrapped — its early stop only acts
            # with row spans — so the frame's wrap just before has them all.)
            self._calc(availWidth, float("inf"))
            heights = self._rowHeights
        heights = [float(h) for h in heights]
        return _MeasuredRows(self._width, heights).split(availWidth, availHeight)

    def _drawCell(self, cellval: Any, cellstyle: CellStyle, pos: Any, size: Any) -> None:
        # An empty cell (half of a sign-in sheet's: 签名, 请假类型, 备注) would be drawn as
        # an empty text object. Skipped here rather than given as an empty flowable list,
        # which reportlab sizes on the slow path at every split of the table.
        if cellval == "":
            return
        super()._drawCell(cellval, cellstyle, pos, size)


class _MeasuredRows(Flowable):
    """What is left of a grid in a measuring pass: its row heights, the header first (it is
    repeated on each page). Splits where reportlab splits a table by rows (as many rows as
    fit, at least one under the header: Table._splitRows), and draws nothing."""

    def __init__(self, width: float, heights: list[float]) -> None:
        super().__init__()
        self.width, self.heights = width, heights
        self.height = sum(heights)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        h, fit = 0.0, 0
        for rh in self.heights:
            if h + rh > availHeight:
                break
            h += rh
            fit += 1
        if fit <= 1:  # not even one row under the header: the next page
            return []
        if fit == len(self.heights):
            return [self]
        rest = [self.heights[0], *self.heights[fit:]]
        return [_MeasuredRows(self.width, self.heights[:fit]), _MeasuredRows(self.width, rest)]

    def draw(self) -> None:
        pass


class GridMixin:
    """Tables for `PaperDocument` (which provides fonts, frame size, story and styles)."""

    # Provided by PaperDocument; declared here for the type checker only.
    fonts: FontSet
    frame_width: float
    frame_height: float
    story: list[Flowable]
    style: Callable[..., ParagraphStyle]
    page_break: Callable[[], None]

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
        if keep_last and split < keep_last:
            # A short table: fewer rows would stay under the title than go over (one row
            # on page 1, three on page 2). Keep as many as go over, at least one to go.
            split = min(len(rows) - 1, keep_last)
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
            # Each different line measured once: a long roster repeats most of its cells
            # (党小组, 性别, 民族, 学历 …), and measuring a string is slow in Python.
            lines = {
                line
                for row in rows
                if not isinstance(row, SpanRow) and i < len(row) and row[i]
                for line in str(row[i]).split("\n")
            }
            for line in lines:
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
        # Composed tight (a short table whose closing block just missed its page): rows a
        # little lower, so a 10-member notice for the board is one page, not 7 rows + 3.
        pad_y = 1.8 if getattr(self, "_tight", False) else 3.0
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
