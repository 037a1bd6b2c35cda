"""The problem workbook: a roster's refused rows, as they were, with a 问题 column.

`pioneer import FILE --good-rows --problems-to PROBLEMS.xlsx` and the import window write it
when only the right rows are imported. It holds the sheet's header row and each refused row
with its cells' values and number formats unchanged (a date cell stays a date cell, an ID
typed as text stays text), so once the rows are fixed it imports like the original file.
When the sheet has no 编号, a 编号 column carries the code each row would have had, so the
fixed rows take their own places in the numbering rather than the next free ones.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from desktop.sheets.reader import _OpenWorkbook, two_row_header
from desktop.sheets.writer import _save_atomically

PROBLEM_COLUMN = "问题"
CODE_COLUMN = "编号"


def write_problem_workbook(
    source: str | os.PathLike[str],
    sheet: str,
    header_row: int,
    problems: Mapping[int, str],
    out: str | os.PathLike[str],
    *,
    codes: Mapping[int, str] | None = None,
) -> Path:
    """Copy the header row and the rows numbered in `problems` of `sheet` in `source` to a new
    workbook at `out` (sheet of the same name), each row followed by its 问题 text — and by
    its code from `codes` (row number → 编号) when given and the sheet has no 编号 column.
    Raises `WorkbookError` when the source cannot be read or `out` cannot be written."""
    from openpyxl import Workbook  # lazy: importing openpyxl costs ~0.2 s
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wanted = set(problems) | {header_row, header_row - 1}
    copied: dict[int, list[tuple[object, str]]] = {}
    with _OpenWorkbook(source) as src:
        ws_src = src[sheet]
        for number, cells in enumerate(ws_src.iter_rows(), start=1):
            if number in wanted:
                copied[number] = [
                    (c.value, getattr(c, "number_format", "General") or "General") for c in cells
                ]
            if number >= max(wanted):
                break
    header = copied.get(header_row, [])
    # A header of two rows is written as the one row it reads as, so no column loses its name.
    upper = copied.get(header_row - 1)
    if upper is not None and header:
        merged = two_row_header([v for v, _ in upper], [v for v, _ in header])
        if merged is not None:
            header = copied[header_row] = [(v, "General") for v in merged]
    width = max([len(header), *(len(copied.get(r, [])) for r in problems)])
    names = {str(value or "").replace(" ", "").replace("\u3000", "") for value, _ in header}
    extra = {} if not codes or CODE_COLUMN in names else {CODE_COLUMN: codes}
    for column, values in extra.items():
        for number in [header_row, *problems]:
            cells = copied.setdefault(number, [])
            cells += [(None, "General")] * (width - len(cells))
            cells.append((column if number == header_row else values.get(number), "@"))
        width += 1
    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    wb.properties.creator = "先锋指数"
    red = PatternFill("solid", fgColor="FCE4E4")
    for out_row, number in enumerate([header_row, *sorted(problems)], start=1):
        cells = copied.get(number, [])
        for col in range(1, width + 1):
            value, fmt = cells[col - 1] if col - 1 < len(cells) else (None, "General")
            cell = ws.cell(row=out_row, column=col, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text (an ID, a code, never a formula)
                fmt = "@"
            cell.number_format = fmt
            if out_row == 1:
                cell.font = Font(bold=True)
        note = ws.cell(
            row=out_row,
            column=width + 1,
            value=PROBLEM_COLUMN if out_row == 1 else problems[number],
        )
        note.data_type = "s"
        if out_row == 1:
            note.font = Font(bold=True)
        else:
            note.fill = red
            note.alignment = Alignment(wrap_text=True, vertical="top")
    for col in range(1, width + 1):
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = 14
        ws.column_dimensions[letter].number_format = "@"  # what is typed in stays text
    ws.column_dimensions[get_column_letter(width + 1)].width = 60
    ws.freeze_panes = "A2"
    path = Path(out)
    _save_atomically(wb, path)
    return path
