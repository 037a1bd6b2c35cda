"""A printed table as a plain workbook (one sheet): title, header row, rows, notes.

For the quarter's registers, which branches also keep and forward as Excel files. Numbers
are written as numbers (a reviewer sums a column in WPS/Excel); the sheet prints on A4, fit
to the page width, with the header row repeated on every page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

# "12", "-0.5", "89.38": numbers. Codes with a leading zero ("001"), phone and ID numbers
# (long digit strings) and "+1.00" (a change, printed with its sign) stay text.
_NUMBER = re.compile(r"-?(0|[1-9]\d{0,8})(\.\d+)?")


def cell_value(value: Any) -> Any:
    """What a table cell holds in the workbook: numbers as int/Decimal, the rest as text."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value
    text = str(value)
    if _NUMBER.fullmatch(text):
        return Decimal(text) if "." in text else int(text)
    return text


def number_format(value: Any) -> str | None:
    """Decimals keep their printed places (89.30 stays 89.30, not 89.3)."""
    if isinstance(value, Decimal):
        places = -value.as_tuple().exponent  # type: ignore[operator]
        return "0." + "0" * places if places > 0 else "0"
    return None


def page_setup(ws: Any, *, header_row: int, landscape: bool = True) -> None:
    """A4, fit to the page width (as many pages down as needed), header row repeated."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"


def write_table_workbook(
    path: str | os.PathLike[str],
    *,
    sheet: str,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    notes: Sequence[str] = (),
    landscape: bool = True,
) -> None:
    """Write one sheet: a title line, a bold header row, the rows, then the notes."""
    from openpyxl import Workbook  # lazy: importing openpyxl costs ~0.2 s
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(list(headers))
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    for row in rows:
        values = [cell_value(v) for v in row]
        ws.append(values)
        for cell, value in zip(ws[ws.max_row], values, strict=False):
            fmt = number_format(value)
            if fmt:
                cell.number_format = fmt
    for note in notes:
        ws.append([note])
    for i, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(str(r[i - 1])) for r in rows if len(r) >= i])
        ws.column_dimensions[ws.cell(row=2, column=i).column_letter].width = min(
            max(6, width * 2 + 2), 50
        )
    ws.freeze_panes = "A3"
    page_setup(ws, header_row=2, landscape=landscape)
    wb.properties.creator = "先锋指数"
    wb.save(Path(path))
