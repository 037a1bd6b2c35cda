"""The table builder's shortcuts (shared cell styles, empty cells not drawn) print the same
table as reportlab's cell-by-cell style commands would."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from desktop.paper.layout import _TABLE_ALIGN, Column, PaperDocument

COLUMNS = [
    Column("序号", 12, "center"),
    Column("姓名", 30),
    Column("签名"),
    Column("金额", 20, "right"),
]
ROWS = [["1", "张三", "", "3.00"], ["2", "", "", ""], ["", "", "", ""], ["4", "李四", "", ""]]
ATTRS = [
    "fontname",
    "fontsize",
    "leading",
    "alignment",
    "valign",
    "leftPadding",
    "rightPadding",
    "topPadding",
    "bottomPadding",
]


def built(min_row_height: float | None = 12) -> tuple[PaperDocument, Table]:
    doc = PaperDocument(io.BytesIO(), title="表")
    widths = doc.widths(COLUMNS)
    return doc, doc._grid(COLUMNS, widths, ROWS, 11, False, min_row_height, None)


def test_cell_styles_are_what_the_commands_would_set():
    doc, table = built()
    size, leading = 11, round(11 * 1.25, 1)
    pad_y = max(3.0, (12 * mm - leading) / 2)
    hei = doc.fonts.hei
    commands = [
        ("FONT", (0, 0), (-1, -1), doc.fonts.song, size, leading),
        ("FONT", (0, 0), (-1, 0), hei, size, size * 1.25),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3.0),
        ("TOPPADDING", (0, 1), (-1, -1), pad_y),
        ("BOTTOMPADDING", (0, 1), (-1, -1), pad_y),
        ("TOPPADDING", (0, 0), (-1, 0), 4),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
    ] + [("ALIGN", (i, 1), (i, -1), _TABLE_ALIGN[c.align]) for i, c in enumerate(COLUMNS)]
    reference = Table([[c.title for c in COLUMNS], *ROWS])
    reference.setStyle(TableStyle(commands))
    for ours, theirs in zip(table._cellStyles, reference._cellStyles, strict=True):
        for a, b in zip(ours, theirs, strict=True):
            assert [getattr(a, k) for k in ATTRS] == [getattr(b, k) for k in ATTRS]


def test_rows_with_empty_cells_keep_the_height_of_a_line():
    for min_height in (None, 12):
        _doc, table = built(min_height)
        table.wrap(400, 800)
        body = table._rowHeights[1:]
        assert len(set(body)) == 1 and body[0] > 0  # the all-empty row too
        # Empty cells stay "" (sized on reportlab's quick path for strings at every split).
        assert table._cellvalues[1] == ["1", "张三", "", "3.00"]


def test_empty_cells_draw_no_text_object():
    """Half of a sign-in sheet's cells are empty: they draw nothing, not an empty text."""
    from reportlab.pdfgen.canvas import Canvas

    _doc, table = built()
    buf = io.BytesIO()
    canvas = Canvas(buf, pageCompression=0)
    table.wrapOn(canvas, 400, 800)
    table.drawOn(canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    texts = [c for row in ROWS for c in row if c] + [c.title for c in COLUMNS]
    assert buf.getvalue().count(b" Tj") == len(texts)
