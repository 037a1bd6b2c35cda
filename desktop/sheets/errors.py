"""What the workbook layer reports: a refused file (`WorkbookError`) or a bad cell (`Problem`)."""

from __future__ import annotations

from dataclasses import dataclass


class WorkbookError(Exception):
    """The whole file is refused (or could not be written). `str(err)` is Chinese, says what
    happened and what to do.

    `kind` names the case for programs: "not_found", "is_directory", "unreadable", "empty",
    "xls", "encrypted", "not_xlsx", "damaged", "no_sheets", "unwritable".
    """

    def __init__(self, message: str, kind: str, path: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.path = path

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the workbook, located as CONTRACT.md asks.

    `sheet` is the sheet's name as it is in the file, `row` the Excel row number (None for a
    problem with the whole sheet), `column` the header as it is in the file (None when the
    problem is not about one column).
    """

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return f"{self.sheet}: {self.message}"
        if self.column is None:
            return f"{self.sheet} 第{self.row}行: {self.message}"
        return f"{self.sheet} 第{self.row}行 {self.column}: {self.message}"
