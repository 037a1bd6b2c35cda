"""A printed table as a plain workbook (one sheet): title, header row, rows, notes.

For the quarter's registers, which branches also keep and forward as Excel files.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def write_table_workbook(
    path: str | os.PathLike[str],
    *,
    sheet: str,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    notes: Sequence[str] = (),
) -> None:
    """Write one sheet: a title line, a bold header row, text cells, then the notes."""
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
        cell.alignment = Alignment(horizontal="center")
    for row in rows:
        ws.append([str(v) if v is not None else "" for v in row])
    for note in notes:
        ws.append([note])
    for i, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(str(r[i - 1])) for r in rows if len(r) >= i])
        ws.column_dimensions[ws.cell(row=2, column=i).column_letter].width = min(
            max(6, width * 2 + 2), 50
        )
    ws.freeze_panes = "A3"
    wb.properties.creator = "先锋指数"
    wb.save(Path(path))
