"""Page furniture, measuring and writing for `layout.PaperDocument`.

「第1页 共N页」 needs the page count, so a build holds its pages until save and draws the
page numbers and the running header then (`_Furniture`). A layout can be measured first
(`MEASURE`: pages laid out, no table drawn, no PDF written) to see where things land
(`PageMark`), and `write_keeping_rows` uses that to keep a closing block with rows of its
table. Paths are written through a temporary file (`write_bytes`).
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether

from desktop.paper.fonts import FontSet
from desktop.paper.text import draw_text, text_width

if TYPE_CHECKING:
    from desktop.paper.layout import PaperDocument

Output = str | os.PathLike[str] | IO[bytes]


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


_TIGHT: ContextVar[bool] = ContextVar("tight_closing", default=False)


def tight_closing() -> bool:
    """Is the document being composed to fit a short table's closing block on its page?
    (`PaperDocument` then draws its signature lines and opinion box with less space.)"""
    return _TIGHT.get()


def _measure_tight(layout: KeptLayout) -> tuple[dict[str, Any], list[PaperDocument]]:
    pages: dict[str, Any] = {}
    token = _TIGHT.set(True)
    try:
        with keeping_measured() as measured:
            layout(MEASURE, 0, pages)
    finally:
        _TIGHT.reset(token)
    return pages, measured


def write_keeping_rows(out: Output, layout: KeptLayout, *, keep: int = KEEP_ROWS) -> int:
    """Lay out so that a closing block (footnotes, signatures) never starts a page alone.

    `layout` adds its closing block with `PaperDocument.closing_block(pages)` right after its
    last table, and puts that table's last `keep` rows on a new page when asked
    (`PaperDocument.table(..., keep_last=keep)`). One measuring pass says where the end
    lands; the document is then built once, with the last rows moved over when the end
    would stand alone (as the sign-in sheet does). A table that fits on the first page
    whose closing block just misses it is tried once more with the closing block tighter
    (`tight_closing`): a four-member sheet printed one row on page 1 and three on page 2.
    Returns the page count.
    """
    pages: dict[str, Any] = {}
    with keeping_measured() as measured:
        layout(MEASURE, 0, pages)
    alone = pages.get("end", 0) > pages.get("rows", 0) and keep > 0
    if alone and pages.get("rows") == 1:
        tight, again = _measure_tight(layout)
        if tight.get("end", 0) <= tight.get("rows", 0) and len(again) == 1:
            buffer = io.BytesIO()
            count = again[0].rebuild(buffer)
            write_bytes(out, buffer.getvalue())
            return count
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
