"""Reading the interchange workbook into plain data.

`read_workbook` never refuses a row by itself: it returns every non-blank row with typed values
(None where a cell is empty or could not be read) and a list of `Problem`s. The caller (the
book) adds its own checks and refuses the import when any problem remains — all or nothing.
A file that cannot be read at all raises `WorkbookError`.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from desktop.sheets.cells import WRITTEN_BY, CellError, clean_header, clean_text, read_cell
from desktop.sheets.columns import (
    SHEET_NAMES,
    SHEET_SYNONYMS,
    SHEETS,
    SYNONYM_TIERS,
    SYNONYMS,
    SheetSpec,
)
from desktop.sheets.errors import Problem, WorkbookError

__all__ = [
    "Row",
    "WorkbookData",
    "read_workbook",
    "sheet_headers",
    "roster_sheet_of",
    "skipped_summary",
    "conflict_message",
    "mapping_conflicts",
    "mapping_outranked",
    "suggest_mapping",
]

#: The header row is looked for in this many first rows (a ledger often has a title row).
HEADER_SEARCH_ROWS = 10

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
SAVE_AS_XLSX = "请在 Excel/WPS 中另存为 .xlsx 后再导入"


@dataclass(frozen=True)
class Row:
    """One non-blank data row: its Excel row number and a value for every contract column."""

    number: int
    values: dict[str, Any]

    def __getitem__(self, column: str) -> Any:
        return self.values[column]


@dataclass
class WorkbookData:
    """What `read_workbook` found.

    `sheets` maps each contract sheet present in the file (in contract order) to its rows;
    `problems` lists everything wrong, in sheet then row order. `source_names` gives each sheet's
    name in the file, `ignored_columns` the headers that were not read (for the preview),
    `sheet_order` every sheet's name in the file in workbook order (to sort problems by).
    `guessed_columns` gives, per sheet read with `guess=True`, the headers read as another
    column ({header in the file → contract column}); `missing_columns` the required columns
    the sheet lacks (reported once, on the header row — not again for every row);
    `outranked_columns` {header → header read instead} for synonyms that lost to a closer one
    (电话 when 手机 is there too); they are in `ignored_columns` as well.
    """

    sheets: dict[str, list[Row]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    source_names: dict[str, str] = field(default_factory=dict)
    ignored_columns: dict[str, list[str]] = field(default_factory=dict)
    sheet_order: list[str] = field(default_factory=list)
    guessed_columns: dict[str, dict[str, str]] = field(default_factory=dict)
    missing_columns: dict[str, list[str]] = field(default_factory=dict)
    outranked_columns: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Per contract sheet, the rows left out as no record: [(row number, why)] — title rows
    #: above the header, blank rows, repeated headers, footers (填表人/审核人/合计/备注 …).
    skipped_rows: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    #: Per contract sheet, its header row number in the file.
    header_rows: dict[str, int] = field(default_factory=dict)
    #: Sheets of the file read under another name or left out when guessing, said in words.
    sheet_notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def rows(self, sheet: str) -> list[Row]:
        """The rows of a contract sheet ([] when the sheet is absent)."""
        return self.sheets.get(sheet, [])

    def __contains__(self, sheet: object) -> bool:
        return sheet in self.sheets

    def problem_lines(self) -> list[str]:
        return [str(p) for p in self.problems]


# --- the file as a whole -----------------------------------------------------------------------


def _refuse(message: str, kind: str, path: Path) -> WorkbookError:
    return WorkbookError(message, kind, str(path))


def check_file(path: str | os.PathLike[str]) -> None:
    """Raise `WorkbookError` unless `path` looks like a readable .xlsx file (by its content,
    never by its name: a real workbook named .xls is accepted, a CSV named .xlsx is not)."""
    p = Path(path)
    if not p.exists():
        raise _refuse(f"找不到文件：{p}。请确认文件位置后重试。", "not_found", p)
    if p.is_dir():
        raise _refuse(
            f"“{p}”是一个文件夹，不是 Excel 文件。请选择一个 .xlsx 文件。", "is_directory", p
        )
    try:
        with p.open("rb") as fh:
            head = fh.read(4096)
            size = os.fstat(fh.fileno()).st_size
    except OSError:
        raise _refuse(
            f"无法读取文件：{p}。可能没有权限，或文件正被其他程序（如 Excel/WPS）占用；"
            "请关闭该文件后重试。",
            "unreadable",
            p,
        ) from None
    if size == 0:
        raise _refuse(f"文件是空的（0 字节）：{p}。请选择一个保存过内容的 .xlsx 文件。", "empty", p)
    if head.startswith(OLE2_MAGIC):
        _refuse_ole2(p)
    if head.startswith(ZIP_MAGIC):
        _check_zip(p)
        return
    raise _refuse(
        f"文件不是 .xlsx 工作簿（{_guess_kind(head)}）：{p}。{SAVE_AS_XLSX}。", "not_xlsx", p
    )


def _refuse_ole2(p: Path) -> None:
    """An OLE2 compound file: an old .xls, an encrypted .xlsx, or another old Office file."""
    data = p.read_bytes()
    # Stream names in the directory are UTF-16LE.
    if (
        "EncryptionInfo".encode("utf-16-le") in data
        or "EncryptedPackage".encode("utf-16-le") in data
    ):
        raise _refuse(
            f"这个工作簿设置了打开密码（已加密），程序无法读取：{p}。请在 Excel/WPS 中打开它，"
            "去掉打开密码后另存为 .xlsx，再导入。",
            "encrypted",
            p,
        )
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        raise _refuse(
            f"这是旧版 Excel 97-2003 工作簿（.xls），程序只能读取 .xlsx：{p}。{SAVE_AS_XLSX}。",
            "xls",
            p,
        )
    raise _refuse(
        f"文件不是 Excel 工作簿（看起来是旧版 Word/PowerPoint 等 Office 文件）：{p}。"
        "请选择 .xlsx 工作簿。",
        "not_xlsx",
        p,
    )


def _check_zip(p: Path) -> None:
    try:
        with zipfile.ZipFile(p) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype") if "mimetype" in names else b""
            workbook_xml = zf.read("xl/workbook.xml")[:2048] if "xl/workbook.xml" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        raise _refuse(
            f"工作簿已损坏，无法读取：{p}。请在 Excel/WPS 中打开并重新保存为 .xlsx 后再导入。",
            "damaged",
            p,
        ) from None
    if b"purl.oclc.org/ooxml" in workbook_xml:
        raise _refuse(
            f"这是“Strict Open XML 电子表格”格式的工作簿，程序读不了：{p}。"
            "请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再导入。",
            "not_xlsx",
            p,
        )
    if "xl/workbook.xml" in names:
        return
    if "xl/workbook.bin" in names:
        raise _refuse(
            f"这是二进制工作簿（.xlsb），程序只能读取 .xlsx：{p}。{SAVE_AS_XLSX}。", "not_xlsx", p
        )
    if b"spreadsheet" in mimetype:
        raise _refuse(
            f"这是 WPS/LibreOffice 的 OpenDocument 表格（.ods），程序只能读取 .xlsx：{p}。"
            f"{SAVE_AS_XLSX}。",
            "not_xlsx",
            p,
        )
    if "word/document.xml" in names:
        what = "看起来是 Word 文档"
    elif "[Content_Types].xml" in names or b"opendocument" in mimetype:
        what = "看起来是其他 Office 文档"
    else:
        what = "看起来是 zip 压缩包"
    raise _refuse(f"文件不是 Excel 工作簿（{what}）：{p}。请选择 .xlsx 工作簿。", "not_xlsx", p)


def _guess_kind(head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "看起来是 PDF 文件"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "看起来是图片"
    if b"\x00" not in head:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = head.decode(encoding)
            except UnicodeDecodeError:
                continue
            lowered = text.lstrip().lower()
            if lowered.startswith(("<html", "<!doctype html", "<table", "<?xml")):
                return "看起来是网页或 XML 文本"
            return "看起来是文本/CSV 文件"
    return "无法识别的格式"


class _OpenWorkbook:
    """An openpyxl read-only workbook over an open file handle, closed on exit.

    Read-only worksheets are parsed lazily, so damage inside a sheet shows up while its rows
    are read: any error inside the `with` block becomes a "damaged" `WorkbookError` (the
    original exception stays chained for the log).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def _damaged(self) -> WorkbookError:
        return _refuse(
            f"工作簿已损坏，无法读取：{self.path}。请在 Excel/WPS 中打开并重新保存为 .xlsx "
            "后再导入。",
            "damaged",
            self.path,
        )

    def __enter__(self) -> Any:
        import openpyxl  # lazy: importing openpyxl costs ~0.2 s

        check_file(self.path)
        self._fh = self.path.open("rb")
        try:
            self._wb = openpyxl.load_workbook(self._fh, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a broken package
            self._fh.close()
            raise self._damaged() from exc
        return self._wb

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        try:
            self._wb.close()
        finally:
            self._fh.close()
        if isinstance(exc, Exception) and not isinstance(exc, WorkbookError):
            raise self._damaged() from exc


# --- headers -------------------------------------------------------------------------------------

_ALL_KNOWN_HEADERS: frozenset[str] = frozenset(
    chain(
        (c for spec in SHEETS.values() for c in spec.names),
        (s for names in SYNONYMS.values() for s in names),
        (s for table in SHEET_SYNONYMS.values() for names in table.values() for s in names),
    )
)


def _find_header(
    rows: Iterator[tuple[Any, ...]], known: frozenset[str] | set[str]
) -> tuple[int, tuple[Any, ...], Iterator[tuple[Any, ...]]] | None:
    """(row number, header cells, remaining rows) or None for an empty sheet.

    The header row is the first of the first HEADER_SEARCH_ROWS rows holding a known header;
    failing that the first row with two or more filled cells; failing that the first filled row.
    """
    buffered: list[tuple[Any, ...]] = []
    for row in rows:
        buffered.append(row)
        if len(buffered) >= HEADER_SEARCH_ROWS:
            break

    def filled(row: tuple[Any, ...]) -> list[str]:
        return [h for h in (clean_header(c.value) for c in row) if h]

    choice = next((i for i, r in enumerate(buffered) if known & set(filled(r))), None)
    if choice is None:
        choice = next((i for i, r in enumerate(buffered) if len(filled(r)) >= 2), None)
    if choice is None:
        choice = next((i for i, r in enumerate(buffered) if filled(r)), None)
    if choice is None:
        return None
    # A header of two rows (基本情况 over 姓名/性别…, with 序号 and 备注 merged down both):
    # read as one, each column named by its lower cell, else by the cell above it.
    if choice + 1 < len(buffered):
        merged = two_row_header(
            [c.value for c in buffered[choice]], [c.value for c in buffered[choice + 1]], known
        )
        if merged is not None:
            cells = tuple(_HeaderCell(v) for v in merged)
            return choice + 2, cells, chain(buffered[choice + 2 :], rows)
    rest = chain(buffered[choice + 1 :], rows)
    return choice + 1, buffered[choice], rest


@dataclass(frozen=True)
class _HeaderCell:
    """A header cell made of two rows' cells (`two_row_header`); only its value is read."""

    value: Any


def two_row_header(
    upper: list[Any], lower: list[Any], known: frozenset[str] | set[str] | None = None
) -> list[Any] | None:
    """The header of a sheet whose column names take two rows — group titles merged across
    (基本情况, 入党情况) above the column names, and the columns without a group merged down
    both rows (序号, 所在党小组, 备注): each column's name from the lower row, else from the
    upper one. None when `lower` is not the second row of such a header: it must name two or
    more known columns, all where the upper row has no known column name, and lie blank under
    every known name of the upper row (a data row fills those)."""
    known = _ALL_KNOWN_HEADERS if known is None else known
    width = max(len(upper), len(lower))
    up = [clean_header(v) for v in upper] + [""] * (width - len(upper))
    low = [clean_header(v) for v in lower] + [""] * (width - len(lower))
    if sum(1 for h in low if h in known) < 2:
        return None
    for u, d in zip(up, low, strict=True):
        if d and (d not in known or u in known):
            return None
    values = list(upper) + [None] * (width - len(upper))
    return [lower[i] if i < len(lower) and low[i] else values[i] for i in range(width)]


def sheet_headers(path: str | os.PathLike[str]) -> dict[str, list[str]]:
    """Every sheet of the workbook (its name as in the file) → its headers, cleaned (no spaces,
    no trailing "*") and in order; for the column-mapping step. Raises `WorkbookError`."""
    result: dict[str, list[str]] = {}
    with _OpenWorkbook(path) as wb:
        for ws in wb.worksheets:
            found = _find_header(ws.iter_rows(), _ALL_KNOWN_HEADERS)
            headers: list[str] = []
            if found is not None:
                headers = [h for h in (clean_header(c.value) for c in found[1]) if h]
            result[ws.title] = headers
    return result


def suggest_mapping(headers: Iterable[str], sheet: str) -> dict[str, str]:
    """A proposed {header in the file → contract column} for `sheet`.

    Exact names map to themselves; other headers map through a small synonym table
    (联系电话 → 手机号码, 出生年月 → 出生日期, …). A contract column is proposed at most once:
    where several headers could be it, the closest synonym wins (`SYNONYM_TIERS`: 手机 before
    电话); where they are equally close none is proposed and `mapping_conflicts` names them.
    Headers with no proposal are left out.
    """
    return _propose(headers, sheet)[0]


def mapping_conflicts(headers: Iterable[str], sheet: str) -> dict[str, list[str]]:
    """{contract column → the headers, in file order, that are equally close synonyms of it}:
    the columns `suggest_mapping` leaves unproposed because it cannot choose."""
    return _propose(headers, sheet)[1]


def mapping_outranked(headers: Iterable[str], sheet: str) -> dict[str, str]:
    """{header → the header proposed instead}: synonyms that lost to a closer one (电话 → 手机)."""
    return _propose(headers, sheet)[2]


def _synonym_rank(name: str, target: str, sheet: str, *, fallback: bool) -> int | None:
    """How close `name` is to `target` on `sheet` (0 closest), or None when it is no synonym.

    The sheet's own table replaces the global one for a column; `fallback` asks the global
    table for such a column (a header the sheet's table did not cover).
    """
    local = SHEET_SYNONYMS.get(sheet, {})
    if target in local and not fallback:
        return 0 if name in local[target] else None
    if (target in local) != fallback or name not in SYNONYMS.get(target, ()):
        return None
    for rank, tier in enumerate(SYNONYM_TIERS.get(target, ())):
        if name in tier:
            return rank
    return len(SYNONYM_TIERS.get(target, ()))  # synonyms not tiered are equally close


def _propose(
    headers: Iterable[str], sheet: str
) -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    """(proposal, conflicts, outranked) for `suggest_mapping` and its companions."""
    spec = SHEETS[sheet]
    headers = list(headers)
    result: dict[str, str] = {}
    taken: set[str] = set()
    for h in headers:
        name = clean_header(h)
        if name in spec and name not in taken:
            result[h] = name
            taken.add(name)
    conflicts: dict[str, list[str]] = {}
    outranked: dict[str, str] = {}
    contested: set[str] = set()  # headers tied for a column: never proposed elsewhere
    # Columns in the sheet's order; the sheet's own synonyms first, then global fallbacks.
    for fallback in (False, True):
        for target in spec.names:
            if target in taken or target in conflicts:
                continue
            ranked = [
                (rank, h)
                for h in headers
                if h not in result
                and h not in contested
                and (rank := _synonym_rank(clean_header(h), target, sheet, fallback=fallback))
                is not None
            ]
            if not ranked:
                continue
            best = min(rank for rank, _ in ranked)
            winners = [h for rank, h in ranked if rank == best]
            if len(winners) > 1:
                conflicts[target] = winners
                contested.update(winners)
                continue
            result[winners[0]] = target
            taken.add(target)
            for _, h in ranked:
                if h != winners[0]:
                    outranked.setdefault(h, winners[0])
    # A loser that later found a column of its own was not outranked after all.
    outranked = {h: w for h, w in outranked.items() if h not in result}
    return result, conflicts, outranked


def conflict_message(target: str, headers: list[str]) -> str:
    """The one line saying which headers could all be `target`."""
    names = "、".join(f"“{h}”" for h in headers[:-1]) + f"和“{headers[-1]}”"
    return f"{names}都可作“{target}”，请删去或改名其一"


# --- reading -------------------------------------------------------------------------------------


def read_workbook(
    path: str | os.PathLike[str],
    *,
    sheets: Iterable[str] | None = None,
    mappings: Mapping[str, Mapping[str, str | None]] | None = None,
    sheet_aliases: Mapping[str, str] | None = None,
    guess: bool = False,
) -> WorkbookData:
    """Read the interchange workbook at `path`.

    - `sheets`: the contract sheets to read (default: all present).
    - `mappings`: per contract sheet, {header in the file → contract column, or None to ignore
      it}; headers not in the mapping are matched by their exact (space-free) name.
    - `sheet_aliases`: {sheet name in the file → contract sheet}, for a workbook whose sheets are
      named differently. A workbook holding a single sheet with an unknown name is read as the
      requested sheet when only one is requested, else as the sheet its headers fit best.
    - `guess`: read a header that is neither a contract column nor in `mappings` as the column
      `suggest_mapping` proposes (联系电话 → 手机号码 …), the guesses the window's column-mapping
      step starts from; what was guessed is in `data.guessed_columns`.

    Raises `WorkbookError` when the file cannot be read or holds none of the sheets.
    """
    wanted = _wanted_sheets(sheets)
    mappings = mappings or {}
    for sheet, mapping in mappings.items():
        spec = SHEETS.get(sheet)
        if spec is None:
            raise ValueError(f"mappings: unknown sheet {sheet!r}")
        for source, target in mapping.items():
            if target is not None and target != "" and target not in spec:
                raise ValueError(f"mappings[{sheet!r}][{source!r}]: unknown column {target!r}")
    aliases = {clean_text(k): v for k, v in (sheet_aliases or {}).items()}
    for target in aliases.values():
        if target not in SHEETS:
            raise ValueError(f"sheet_aliases: unknown sheet {target!r}")

    data = WorkbookData()
    with _OpenWorkbook(path) as wb:
        data.sheet_order = [ws.title for ws in wb.worksheets]
        chosen = _choose_sheets(wb, wanted, aliases, mappings, data, Path(path))
        # A workbook this program wrote has no 填表人/合计 footer lines: every row is a record
        # (a member coded or named 经办人 is not a footer).
        footers = getattr(wb.properties, "creator", None) != WRITTEN_BY
        for sheet in SHEET_NAMES:
            if sheet in chosen:
                ws = chosen[sheet]
                data.source_names[sheet] = ws.title
                _read_sheet(
                    ws,
                    SHEETS[sheet],
                    mappings.get(sheet, {}),
                    data,
                    guess=guess,
                    footers=footers,
                )
    return data


def _wanted_sheets(sheets: Iterable[str] | None) -> tuple[str, ...]:
    if sheets is None:
        return SHEET_NAMES
    wanted = tuple(sheets)
    for s in wanted:
        if s not in SHEETS:
            raise ValueError(f"unknown interchange sheet {s!r}")
    return wanted


def _choose_sheets(
    wb: Any,
    wanted: tuple[str, ...],
    aliases: dict[str, str],
    mappings: Mapping[str, Mapping[str, str | None]],
    data: WorkbookData,
    path: Path,
) -> dict[str, Any]:
    chosen: dict[str, Any] = {}
    for ws in wb.worksheets:
        title = clean_text(ws.title)
        target = aliases.get(title, title if title in SHEETS else None)
        if target is None or target not in wanted:
            continue
        if target in chosen:
            data.problems.append(
                Problem(
                    ws.title,
                    None,
                    None,
                    f"与工作表“{chosen[target].title}”都对应“{target}”，只能有一个；"
                    "请删除或改名其中一个",
                )
            )
            continue
        chosen[target] = ws
    if chosen:
        return chosen
    worksheets = list(wb.worksheets)
    lone = worksheets[0] if len(worksheets) == 1 else None
    # A lone sheet named after another contract sheet (or aliased to one) is not guessed.
    if (
        lone is not None
        and clean_text(lone.title) not in SHEETS
        and clean_text(lone.title) not in aliases
    ):
        target = _guess_single_sheet(worksheets[0], wanted, mappings)
        if target is not None:
            return {target: lone}
    # A township 花名册 is called whatever its maker called it (花名册, 党员信息, Sheet1 …),
    # often beside a 说明 sheet: read the sheet whose headers fit the roster best.
    if lone is None and ROSTER_SHEET_NAME in wanted:
        headers = {ws.title: _headers_of(ws) for ws in worksheets}
        best = roster_sheet_of(headers, mappings.get(ROSTER_SHEET_NAME, {}))
        if best is not None:
            others = [t for t in headers if t != best]
            if others:
                names = "、".join(f"“{t}”" for t in others)
                data.sheet_notes.append(f"从工作表“{best}”读取党员名册；{names}没有读取。")
            return {ROSTER_SHEET_NAME: next(ws for ws in worksheets if ws.title == best)}
    if ROSTER_SHEET_NAME in wanted and len(wanted) > 1 and worksheets:
        # Most often a roster whose column names were not found: say what was read and what
        # a roster needs, not the 31 sheet names of the interchange workbook.
        read = "；".join(
            f"“{ws.title}”：{'、'.join(_headers_of(ws)[:8]) or '（没有读到列名）'}"
            for ws in worksheets[:3]
        )
        raise _refuse(
            f"工作簿里没有可导入的表：{path}。没有哪张工作表的列名像党员名册（读到的列名——{read}），"
            f"也不是本程序导出的交换工作簿（工作表没有叫 {'、'.join(wanted[:3])} 等的）。"
            f"党员花名册至少要有“姓名”和“人员类别”（或“党员类别”）两列，列名写在前 "
            f"{HEADER_SEARCH_ROWS} 行里；请改好列名后再导入。",
            "no_sheets",
            path,
        )
    present = "、".join(ws.title for ws in worksheets) or "（无）"
    expected = "、".join(wanted)
    raise _refuse(
        f"工作簿里没有可导入的工作表：应有 {expected} 中的至少一个，实有 {present}：{path}。"
        "请把工作表改成这些名称后再导入。",
        "no_sheets",
        path,
    )


ROSTER_SHEET_NAME = "党员名册"


def _headers_of(ws: Any) -> list[str]:
    found = _find_header(ws.iter_rows(), _ALL_KNOWN_HEADERS)
    return [h for h in (clean_header(c.value) for c in found[1]) if h] if found else []


def roster_sheet_of(
    headers: Mapping[str, list[str]], mapping: Mapping[str, str | None] | None = None
) -> str | None:
    """Which sheet of a workbook ({sheet name → its headers}) holds the 党员名册: the one named
    so, else the one whose headers name the most roster columns, having 姓名 and 人员类别 (or
    姓名 and at least three others; ties go to the first). None when no sheet looks like one."""
    if ROSTER_SHEET_NAME in headers:
        return ROSTER_SHEET_NAME
    clean_map = {clean_header(k): v for k, v in (mapping or {}).items()}
    best: tuple[int, str] | None = None
    for title, names in headers.items():
        recognised = set(suggest_mapping(names, ROSTER_SHEET_NAME).values())
        recognised |= {v for k, v in clean_map.items() if k in names and v}
        if "姓名" not in recognised:
            continue
        if "人员类别" not in recognised and len(recognised) < 4:
            continue
        if best is None or len(recognised) > best[0]:
            best = (len(recognised), title)
    return best[1] if best else None


def _guess_single_sheet(
    ws: Any, wanted: tuple[str, ...], mappings: Mapping[str, Mapping[str, str | None]]
) -> str | None:
    """Which contract sheet a lone, oddly named sheet is (None when no sheet fits)."""
    if len(wanted) == 1:
        return wanted[0]
    found = _find_header(ws.iter_rows(), _ALL_KNOWN_HEADERS)
    if found is None:
        return None
    headers = [h for h in (clean_header(c.value) for c in found[1]) if h]
    best: tuple[int, str] | None = None
    for sheet in wanted:
        mapping = {clean_header(k): v for k, v in mappings.get(sheet, {}).items()}
        recognised = set(suggest_mapping(headers, sheet).values())
        recognised |= {v for k, v in mapping.items() if k in headers and v}
        if not set(SHEETS[sheet].required) <= recognised:
            continue
        if best is None or len(recognised) > best[0]:
            best = (len(recognised), sheet)
    return best[1] if best else None


def _guess_columns(
    headers: list[str], spec: SheetSpec, mapping: Mapping[str, str | None]
) -> dict[str, str]:
    """{header → contract column} for headers that neither are a column nor are mapped."""
    return _guess(headers, spec, mapping)[0]


def _guess(
    headers: list[str], spec: SheetSpec, mapping: Mapping[str, str | None]
) -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    """`_guess_columns`, with the columns several headers tie for and the outranked headers."""
    mapped_to = {t for t in mapping.values() if t}
    open_headers = [h for h in headers if h and h not in mapping]
    proposal, conflicts, outranked = _propose(open_headers, spec.name)
    guessed = {h: t for h, t in proposal.items() if h != t and h not in spec and t not in mapped_to}
    conflicts = {t: hs for t, hs in conflicts.items() if t not in mapped_to}
    outranked = {h: w for h, w in outranked.items() if w in guessed}
    return guessed, conflicts, outranked


def _missing_message(spec: SheetSpec, name: str, header_row: int) -> str:
    """Say what to rename, since a ledger usually has the column under another name."""
    choices = spec.column(name).choices
    fill = f"（填 {'/'.join(choices)}）" if choices else ""
    return (
        f"缺少必填列“{name}”。若表中有这一列但列名不同，请把第{header_row}行的列名改为"
        f"“{name}”；没有就添上这一列{fill}"
    )


def _read_sheet(
    ws: Any,
    spec: SheetSpec,
    mapping: Mapping[str, str | None],
    data: WorkbookData,
    *,
    guess: bool = False,
    footers: bool = True,
) -> None:
    sheet_name = ws.title
    rows_out: list[Row] = []
    data.sheets[spec.name] = rows_out
    data.ignored_columns[spec.name] = []
    clean_mapping = {clean_header(k): v for k, v in mapping.items()}

    known = set(spec.names) | set(clean_mapping)
    found = _find_header(ws.iter_rows(), (_ALL_KNOWN_HEADERS | known) if guess else known)
    if found is None:
        return  # an empty sheet: nothing to import, nothing wrong
    header_row, header_cells, rest = found
    data.header_rows[spec.name] = header_row
    skipped = data.skipped_rows.setdefault(spec.name, [])
    skipped += [(n, "表头之上的标题或说明") for n in range(1, header_row)]
    header_texts = [clean_header(c.value) for c in header_cells]
    conflicts: dict[str, list[str]] = {}
    if guess:
        guessed, conflicts, outranked = _guess(
            [clean_header(c.value) for c in header_cells], spec, clean_mapping
        )
        if guessed:
            data.guessed_columns[spec.name] = guessed
            clean_mapping = {**clean_mapping, **guessed}
        if outranked:
            data.outranked_columns[spec.name] = outranked
        # Never pick one of two equally likely columns silently (电话 and 联系电话).
        for target, tied in conflicts.items():
            data.problems.append(
                Problem(sheet_name, header_row, target, conflict_message(target, tied))
            )

    # column index → (contract column, header as in the file)
    columns: dict[int, tuple[str, str]] = {}
    seen: dict[str, list[str]] = {}
    for index, cell in enumerate(header_cells):
        header = clean_header(cell.value)
        if not header:
            continue
        target = clean_mapping.get(header, header)
        if not target or target not in spec:
            data.ignored_columns[spec.name].append(header)
            continue
        seen.setdefault(target, []).append(_column_letter(index))
        columns[index] = (target, header)
    for target, letters in seen.items():
        if len(letters) > 1:
            data.problems.append(
                Problem(
                    sheet_name,
                    header_row,
                    target,
                    f"“{target}”列出现了不止一次（第 {'、'.join(letters)} 列），请只保留一列",
                )
            )
    present = set(seen)
    for name in spec.required:
        if name not in present:
            if name in conflicts:  # said once already: which of the tied headers to keep
                data.missing_columns.setdefault(spec.name, []).append(name)
                continue
            data.missing_columns.setdefault(spec.name, []).append(name)
            data.problems.append(
                Problem(sheet_name, header_row, name, _missing_message(spec, name, header_row))
            )
    # With a duplicated column only the first one is read.
    firsts: dict[int, tuple[str, str]] = {}
    used: set[str] = set()
    for index, (target, header) in sorted(columns.items()):
        if target not in used:
            firsts[index] = (target, header)
            used.add(target)

    order = {header: i for i, (_, header) in enumerate(firsts.values())}
    for offset, cells in enumerate(rest):
        number = header_row + 1 + offset
        left_out = _not_a_record(cells, header_texts, footers)
        if left_out:
            skipped.append((number, left_out))
            continue
        values: dict[str, Any] = dict.fromkeys(spec.names)
        raw_filled = False
        row_problems: list[Problem] = []
        for index, (target, header) in firsts.items():
            if index >= len(cells):
                continue
            cell = cells[index]
            raw = cell.value
            if raw is None or (isinstance(raw, str) and not clean_text(raw)):
                continue
            raw_filled = True
            try:
                values[target] = read_cell(
                    spec.column(target),
                    raw,
                    getattr(cell, "number_format", "General") or "General",
                    getattr(cell, "data_type", "") or "",
                )
            except CellError as err:
                row_problems.append(Problem(sheet_name, number, header, err.message))
        if not raw_filled:
            skipped.append((number, "空行"))  # (only its unread columns were filled)
            continue
        for name in spec.required:
            if (
                name in present
                and values[name] is None
                and not any(p.column == _header_of(firsts, name) for p in row_problems)
            ):
                row_problems.append(
                    Problem(sheet_name, number, _header_of(firsts, name), "必填，不能为空")
                )
        row_problems.sort(key=lambda p: order.get(p.column or "", 0))
        data.problems.extend(row_problems)
        rows_out.append(Row(number, values))


#: The first words of a roster's footer: who filled it in and checked it, when, totals, notes.
FOOTER_WORDS = (
    "填表人",
    "填报人",
    "制表人",
    "统计人",
    "审核人",
    "审核",
    "负责人",
    "经办人",
    "联系人",
    "填表日期",
    "填报日期",
    "制表日期",
    "报送日期",
    "填表时间",
    "合计",
    "总计",
    "小计",
    "共计",
    "备注",
    "说明",
    "注",
    "单位（盖章）",
    "单位(盖章)",
    "盖章",
)
_FOOTER = re.compile(
    "^(" + "|".join(re.escape(w) for w in FOOTER_WORDS) + r")(\s|[:：]|$|\d|[一-龥]{0,2}[:：])"
)


def _not_a_record(cells: tuple[Any, ...], header_texts: list[str], footers: bool = True) -> str:
    """Why a row below the header is no record ("" when it may be one): blank, the header
    again (a roster printed over pages), or a footer — its first filled cell begins with
    填表人/审核人/填表日期/合计/备注 … (a member row begins with a number, code or name)."""
    texts = [clean_text(_cell_text(c.value)) for c in cells if c.value is not None]
    texts = [t for t in texts if t]
    if not texts:
        return "空行"
    first = texts[0]
    if footers and _FOOTER.match(first):
        word = _FOOTER.match(first).group(1)
        return f"表尾（{word}…）"
    same = sum(
        1
        for i, c in enumerate(cells)
        if i < len(header_texts) and header_texts[i] and clean_header(c.value) == header_texts[i]
    )
    if same >= 2:
        return "重复的表头"
    return ""


def _cell_text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def skipped_summary(sheet: str, rows: list[tuple[int, str]]) -> str:
    """One line naming the rows left out and why: 「花名册：第1—2行（表头之上的标题或说明）、
    第45行（空行）、第46—47行（表尾（填表人…））没有导入。」; "" when none."""
    if not rows:
        return ""
    parts: list[str] = []
    run: list[int] = []
    why = ""
    for number, reason in [*sorted(rows), (0, "")]:
        if run and (reason != why or number != run[-1] + 1):
            span = f"第{run[0]}行" if len(run) == 1 else f"第{run[0]}—{run[-1]}行"
            parts.append(f"{span}（{why}）")
            run = []
        if number:
            run.append(number)
            why = reason
    return f"{sheet}：{'、'.join(parts)}不是党员记录，没有导入。"


def _header_of(columns: dict[int, tuple[str, str]], target: str) -> str:
    for name, header in columns.values():
        if name == target:
            return header
    return target


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
