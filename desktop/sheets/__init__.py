"""The interchange workbook (.xlsx): reading and writing plain data with openpyxl.

Takes and returns plain data; never opens the book. `columns` (the contract) and `errors` are
cheap to import; `read_workbook`/`write_workbook` import openpyxl on first use.

Public API::

    read_workbook(path, *, sheets=None, mappings=None, sheet_aliases=None) -> WorkbookData
    sheet_headers(path) -> dict[str, list[str]]
    suggest_mapping(headers, sheet) -> dict[str, str]
    check_file(path) -> None            # raises WorkbookError
    write_workbook(path, data) -> None
    Row, WorkbookData, Problem, WorkbookError, Kind, Column, SheetSpec, SHEETS, SHEET_NAMES
"""

from __future__ import annotations

from typing import Any

from desktop.sheets.columns import SHEET_NAMES, SHEETS, Column, Kind, SheetSpec, sheet_spec
from desktop.sheets.errors import Problem, WorkbookError

__all__ = [
    "SHEETS",
    "SHEET_NAMES",
    "Column",
    "Kind",
    "Problem",
    "Row",
    "SheetSpec",
    "WorkbookData",
    "WorkbookError",
    "check_file",
    "read_workbook",
    "sheet_headers",
    "sheet_spec",
    "suggest_mapping",
    "write_workbook",
]

_LAZY = {
    "Row": "desktop.sheets.reader",
    "WorkbookData": "desktop.sheets.reader",
    "check_file": "desktop.sheets.reader",
    "read_workbook": "desktop.sheets.reader",
    "sheet_headers": "desktop.sheets.reader",
    "suggest_mapping": "desktop.sheets.reader",
    "write_workbook": "desktop.sheets.writer",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'desktop.sheets' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
