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
        # Empty cells draw nothing; a row with no text keeps one "" for its height.
        assert table._cellvalues[1] == ["1", "张三", (), "3.00"]
        assert table._cellvalues[3].count("") == 1
