"""Writing the interchange workbook from plain data, atomically."""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop.sheets.cells import TEXT_FORMAT, WRITTEN_BY, display_width, shown_text, write_cell
from desktop.sheets.columns import SHEET_NAMES, SHEETS, TEXT_FORMAT_KINDS, SheetSpec
from desktop.sheets.errors import WorkbookError
from desktop.sheets.tables import page_setup

__all__ = ["write_workbook"]

MIN_WIDTH, MAX_WIDTH = 6, 50
#: Sheets with more columns than this print landscape.
PORTRAIT_COLUMNS = 6
#: Column-width units (characters) one landscape A4 page holds at ~75 %: wider sheets are
#: fitted to more pages across rather than shrunk below that.
PAGE_WIDTH_UNITS = 190
#: Rows looked at to size columns (more would only cost time).
WIDTH_SAMPLE_ROWS = 500


def write_workbook(
    path: str | os.PathLike[str], data: Mapping[str, Sequence[Mapping[str, Any]]]
) -> None:
    """Write the sheets in `data` ({contract sheet → rows}, each row {contract column → value})
    to `path` as the interchange workbook; sheets in contract order, columns in contract order.

    Values are what `read_workbook` returns (str, datetime.date, "YYYY-MM" str, bool, int fen,
    Decimal points, int; None for empty), so write → read gives the same values back.
    Codes, IDs, phones, dates and yes/no are written as text cells. The file is written to a
    temporary file in the same folder and then moved into place: a failure leaves any existing
    file untouched and no half-written file behind.

    Raises `ValueError` for data of the wrong shape (a programming error) and `WorkbookError`
    when the file cannot be written.
    """
    for sheet in data:
        if sheet not in SHEETS:
            raise ValueError(f"unknown interchange sheet {sheet!r}")
    wb = _build(data)
    _save_atomically(wb, Path(path))


def _build(data: Mapping[str, Sequence[Mapping[str, Any]]]) -> Any:
    from openpyxl import Workbook  # lazy: importing openpyxl costs ~0.2 s

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = WRITTEN_BY
    for sheet in SHEET_NAMES:
        if sheet in data:
            _write_sheet(wb.create_sheet(sheet), SHEETS[sheet], data[sheet])
    if not wb.worksheets:  # an empty workbook is not valid: keep one (empty) sheet
        _write_sheet(wb.create_sheet(SHEET_NAMES[0]), SHEETS[SHEET_NAMES[0]], [])
    return wb


def _write_sheet(ws: Any, spec: SheetSpec, rows: Sequence[Mapping[str, Any]]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    columns = spec.columns
    widths = [display_width(c.name) + (2 if c.required else 0) for c in columns]
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    centre = Alignment(horizontal="center", vertical="center")
    for j, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=j, value=column.name)
        cell.font = bold
        cell.fill = fill
        cell.alignment = centre
        cell.number_format = TEXT_FORMAT

    for i, row in enumerate(rows, start=2):
        unknown = set(row) - set(spec.names)
        if unknown:
            raise ValueError(
                f"{spec.name} row {i - 2}: unknown columns {sorted(unknown)}; "
                f"known: {', '.join(spec.names)}"
            )
        for j, column in enumerate(columns, start=1):
            try:
                written = write_cell(column, row.get(column.name))
            except ValueError as err:
                raise ValueError(f"{spec.name} row {i - 2}: {err}") from None
            if written is None:
                continue
            value, number_format = written
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell = ws.cell(row=i, column=j, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, even when the text starts with "="
            cell.number_format = number_format
            if i - 2 < WIDTH_SAMPLE_ROWS:
                widths[j - 1] = max(widths[j - 1], display_width(shown_text(column, value)))

    for j, column in enumerate(columns, start=1):
        letter = get_column_letter(j)
        dim = ws.column_dimensions[letter]
        dim.width = min(MAX_WIDTH, max(MIN_WIDTH, widths[j - 1] + 2))
        if column.kind in TEXT_FORMAT_KINDS:
            # New cells typed into the column stay text (no lost leading zeros, no dates).
            dim.number_format = TEXT_FORMAT
    ws.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"
    # Printed as it is from WPS/Excel: A4, fit to the width, the header row on every page
    # (landscape for the wide sheets). A sheet far wider than a page (党员名册: 24 columns)
    # would print at ~45 %, too small to read: it is fitted to two pages across instead,
    # each repeating the first column.
    total = sum(
        ws.column_dimensions[get_column_letter(j)].width for j in range(1, len(columns) + 1)
    )
    across = max(1, math.ceil(total / PAGE_WIDTH_UNITS))
    page_setup(ws, header_row=1, landscape=len(columns) > PORTRAIT_COLUMNS)
    if across > 1:
        ws.page_setup.fitToWidth = across
        ws.print_title_cols = "A:A"


def _save_atomically(wb: Any, path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WorkbookError(
            f"文件夹不存在：{folder}。请选择一个已有的文件夹保存。", "unwritable", str(path)
        )
    if path.is_dir():
        raise WorkbookError(
            f"“{path}”是一个文件夹。请给工作簿起一个文件名（如 导出.xlsx）。",
            "unwritable",
            str(path),
        )
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".~{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            wb.save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, _mode_for(path))
        os.replace(tmp_name, path)
        tmp_name = ""
    except PermissionError as exc:
        raise WorkbookError(
            f"无法写入文件：{path}。可能没有权限，或文件正被 Excel/WPS 打开；"
            "请关闭该文件或换一个位置后重试。",
            "unwritable",
            str(path),
        ) from exc
    except OSError as exc:
        raise WorkbookError(
            f"写入文件失败：{path}（{exc.strerror or exc}）。请检查磁盘空间或换一个位置后重试。",
            "unwritable",
            str(path),
        ) from exc
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual rw-r--r--."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644
