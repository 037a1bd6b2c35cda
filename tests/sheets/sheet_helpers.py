"""Helpers that make workbooks (good and bad) in tmp_path for the sheets tests."""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.sheets.columns import SHEETS


class Fmt:
    """A cell value with an explicit number format: Fmt(7, "000")."""

    def __init__(self, value: Any, number_format: str) -> None:
        self.value = value
        self.number_format = number_format


def make_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """Write a workbook with openpyxl: {sheet name: rows}; cells keep their Python types."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if isinstance(value, Fmt):
                    cell = ws.cell(row=r, column=c, value=value.value)
                    cell.number_format = value.number_format
                elif value is not None:
                    ws.cell(row=r, column=c, value=value)
    wb.save(path)
    whole = [v for rows in sheets.values() for row in rows for v in row if _is_long_int(v)]
    if whole:
        _keep_whole_numbers(path, whole)
    return path


def _is_long_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**16


def _keep_whole_numbers(path: Path, numbers: list[int]) -> None:
    """openpyxl writes every number with 16 significant digits; a roster written by another
    program keeps an 18-digit whole number whole (<v>110101199003073888</v>). Put the digits
    back into the sheets' XML."""
    import zipfile

    parts = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            parts[name] = zf.read(name)
    for name, data in parts.items():
        if name.startswith("xl/worksheets/"):
            for n in numbers:
                data = data.replace(f"<v>{n:.16g}</v>".encode(), f"<v>{n}</v>".encode())
            parts[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def ole2_file(path: Path, streams: Sequence[str]) -> Path:
    """A minimal but well-formed OLE2 compound file holding the named streams (4 KiB each).

    Old .xls files are such a container with a "Workbook" stream; a password-protected .xlsx is
    one with "EncryptionInfo" and "EncryptedPackage" streams.
    """
    sector = 512
    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    stream_sectors = 4096 // sector
    # sector 0: FAT, sector 1: directory, then each stream's sectors
    fat = [fat_sect, end]
    for i in range(len(streams)):
        first = 2 + i * stream_sectors
        fat += [first + k + 1 for k in range(stream_sectors - 1)] + [end]
    fat += [free] * (sector // 4 - len(fat))
    assert len(fat) == sector // 4

    def entry(
        name: str, kind: int, left: int, right: int, child: int, start: int, size: int
    ) -> bytes:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        return (
            raw.ljust(64, b"\x00")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", left, right, child)
            + b"\x00" * 16  # CLSID
            + b"\x00" * 4  # state bits
            + b"\x00" * 16  # times
            + struct.pack("<IIII", start, size, 0, 0)[:8]
            + struct.pack("<I", 0)
        )

    entries = [entry("Root Entry", 5, free, free, 1 if streams else free, end, 0)]
    for i, name in enumerate(streams):
        right = i + 2 if i + 1 < len(streams) else free
        entries.append(entry(name, 2, free, right, free, 2 + i * stream_sectors, 4096))
    while len(entries) % 4:
        unused = b"\x00" * 64 + struct.pack("<HBB", 0, 0, 0)
        entries.append(unused + struct.pack("<III", free, free, free) + b"\x00" * 48)
    directory = b"".join(entries)
    assert len(directory) == sector * (len(entries) // 4)
    assert len(entries) == 4, "keep the directory to one sector"

    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", free) * 108
    )
    assert len(header) == sector
    body = struct.pack(f"<{sector // 4}I", *fat) + directory
    body += b"\x5a" * (4096 * len(streams))
    path.write_bytes(header + body)
    return path


def header_row(sheet: str) -> list[str]:
    return list(SHEETS[sheet].names)
