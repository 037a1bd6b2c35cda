"""Writing the interchange workbook: layout, text cells, atomic save, exact round trip."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.sheets import SHEETS, WorkbookError, read_workbook, write_workbook
from desktop.sheets.columns import Column, Kind

MEMBER_ROW = {
    "编号": "007",
    "姓名": "张三",
    "身份证号": "11010119900307123X",
    "出生日期": dt.date(1990, 3, 7),
    "手机号码": "13800138000",
    "人员类别": "正式党员",
    "流动党员": True,
    "免考": False,
}


def test_layout(tmp_path: Path) -> None:
    p = tmp_path / "导出.xlsx"
    write_workbook(
        p,
        {
            "党费": [{"党员": "007", "月份": "2026-01", "应缴": 1250, "实缴": 5}],
            "党员名册": [MEMBER_ROW],
            "积分申报": [
                {"党员": "007", "日期": dt.date(2026, 1, 5), "项目": "志愿", "分值": Decimal("0.5")}
            ],
        },
    )
    wb = openpyxl.load_workbook(p)
    assert wb.sheetnames == ["党员名册", "党费", "积分申报"]  # contract order
    ws = wb["党员名册"]
    assert [c.value for c in ws[1]] == list(SHEETS["党员名册"].names)
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    last = ws.cell(row=1, column=len(SHEETS["党员名册"].columns)).column_letter
    assert ws.auto_filter.ref == f"A1:{last}2"
    row = {h: c for h, c in zip(SHEETS["党员名册"].names, ws[2], strict=True)}
    for name in ("编号", "身份证号", "手机号码", "出生日期"):
        assert row[name].data_type == "s", name
        assert row[name].number_format == "@", name
    assert row["编号"].value == "007"
    assert row["出生日期"].value == "1990-03-07"
    assert row["流动党员"].value == "是"
    assert row["免考"].value == "否"
    assert ws.column_dimensions["F"].width >= 20  # the ID column fits 18 digits
    assert ws.column_dimensions["A"].number_format == "@"  # new cells typed there stay text

    dues = wb["党费"]
    assert dues["C2"].value == 12.5 and dues["C2"].number_format == "0.00"
    assert dues["D2"].value == 0.05
    assert wb["积分申报"]["D2"].value == 0.5
    assert wb["积分申报"]["D2"].data_type == "n"
    # Printed from WPS/Excel as it is (issue 15 item 26): A4, fit to the width, the header
    # row on every page; the wide roster landscape.
    for sheet in wb.worksheets:
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_rows == "$1:$1", sheet.title
    assert wb["党费"].page_setup.fitToWidth == 1
    # 24 columns would print at ~45 % on one page: two pages across, 编号 on each.
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 2 and ws.print_title_cols == "$A:$A"
    assert read_workbook(p).rows("党费")[0]["应缴"] == 1250  # still reads back the same


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    p = tmp_path / "a.xlsx"
    write_workbook(p, {"党员名册": [{**MEMBER_ROW, "备注": '=HYPERLINK("x")'}]})
    ws = openpyxl.load_workbook(p)["党员名册"]
    assert ws["R2"].value == '=HYPERLINK("x")'
    assert ws["R2"].data_type == "s"
    assert read_workbook(p).rows("党员名册")[0]["备注"] == '=HYPERLINK("x")'


def test_control_characters_are_dropped(tmp_path: Path) -> None:
    p = tmp_path / "a.xlsx"
    write_workbook(p, {"党员名册": [{**MEMBER_ROW, "备注": "a\x07b"}]})
    assert read_workbook(p).rows("党员名册")[0]["备注"] == "ab"


def test_empty_sheets_and_empty_data(tmp_path: Path) -> None:
    p = tmp_path / "a.xlsx"
    write_workbook(p, {"党小组": []})
    data = read_workbook(p)
    assert data.sheets == {"党小组": []}
    write_workbook(p, {})
    assert openpyxl.load_workbook(p).sheetnames == ["党员名册"]


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ({"姓名": "张三", "人员类别": "正式党员", "爱好": "x"}, "unknown columns"),
        ({"姓名": "张三", "出生日期": "1990/03/07"}, "bad ISO date"),
        ({"姓名": "张三", "流动党员": "是"}, "expected a bool"),
        ({"姓名": 3.5}, "expected text"),
    ],
)
def test_wrong_data_is_a_programming_error(tmp_path: Path, row: dict[str, Any], words: str) -> None:
    p = tmp_path / "a.xlsx"
    with pytest.raises(ValueError, match=words):
        write_workbook(p, {"党员名册": [row]})
    assert not p.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("sheet", "row", "words"),
    [
        ("党费", {"应缴": 12.5}, "expected fen"),
        ("党费", {"应缴": -1}, "expected fen"),
        ("积分申报", {"分值": 0.5}, "expected Decimal"),
        ("积分申报", {"分值": Decimal("0.125")}, "not exact to 0.01"),
        ("民主评议", {"年度": "2026"}, "expected an int"),
        ("党费", {"月份": "2026-13"}, "expected YYYY-MM"),
        ("名册", {}, "unknown interchange sheet"),
    ],
)
def test_wrong_numbers(tmp_path: Path, sheet: str, row: dict[str, Any], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        write_workbook(tmp_path / "a.xlsx", {sheet: [row]})


def test_failure_leaves_the_old_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = tmp_path / "导出.xlsx"
    write_workbook(p, {"党员名册": [MEMBER_ROW]})
    before = p.read_bytes()

    from openpyxl.workbook.workbook import Workbook

    def broken_save(self: Any, filename: Any) -> None:
        filename.write(b"PK\x03\x04 half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", broken_save)
    with pytest.raises(WorkbookError) as info:
        write_workbook(p, {"党员名册": [{**MEMBER_ROW, "姓名": "李四"}]})
    assert info.value.kind == "unwritable"
    assert str(info.value) == (
        f"写入文件失败：{p}（No space left on device）。请检查磁盘空间或换一个位置后重试。"
    )
    assert p.read_bytes() == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["导出.xlsx"]  # no temp file left


def test_missing_folder(tmp_path: Path) -> None:
    p = tmp_path / "没有" / "a.xlsx"
    with pytest.raises(WorkbookError) as info:
        write_workbook(p, {})
    assert str(info.value) == f"文件夹不存在：{p.parent}。请选择一个已有的文件夹保存。"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_read_only_folder(tmp_path: Path) -> None:  # pragma: no cover - CI runs as root
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(WorkbookError) as info:
            write_workbook(folder / "a.xlsx", {})
        assert info.value.kind == "unwritable"
    finally:
        folder.chmod(0o700)


def test_new_file_is_not_private(tmp_path: Path) -> None:
    p = tmp_path / "a.xlsx"
    write_workbook(p, {})
    if os.name == "posix":
        assert p.stat().st_mode & 0o777 == 0o644


# --- round trip --------------------------------------------------------------------------------

_printable = st.characters(
    blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
    blacklist_characters="\u200b\u200c\u200d\ufeff",
)
_cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


def _clean(s: str) -> str:
    return s.strip().strip("\u200b\u200c\u200d\ufeff").strip()


texts = st.text(_printable, min_size=1, max_size=30).map(_clean).filter(bool)
names = st.one_of(
    st.text(_cjk, min_size=2, max_size=4),
    st.builds(
        lambda a, b: f"{a}·{b}",
        st.text(_cjk, min_size=2, max_size=3),
        st.text(_cjk, min_size=2, max_size=4),
    ),
)
codes = st.one_of(
    st.from_regex(r"\A[0-9]{1,6}\Z"),  # includes leading zeros: "007"
    st.from_regex(r"\A[A-Z]{1,3}-?[0-9]{1,5}\Z"),
    st.just("007"),
)
id_cards = st.from_regex(r"\A[1-6][0-9]{16}[0-9X]\Z")
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
months = st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(1900, 2100), st.integers(1, 12))
money = st.one_of(st.integers(0, 10**9), st.sampled_from([0, 1, 5, 50, 1250, 99999]))
points = st.one_of(
    st.integers(-100_000, 100_000).map(lambda c: (Decimal(c) / 100).normalize()),
    st.sampled_from([Decimal("0.5"), Decimal("-0.5"), Decimal("2"), Decimal("10"), Decimal("100")]),
    st.integers(-40, 40).map(lambda n: Decimal(n) / 2),
)
integers = st.integers(-(10**9), 10**9)
datetimes = st.datetimes(
    min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31, 23, 59, 59)
).map(lambda d: d.replace(microsecond=0).isoformat())
# Kept exactly, surrounding spaces and line breaks included (hashes are taken over it).
verbatim = st.text(_printable, min_size=1, max_size=40).filter(str.strip).map(lambda t: f" {t}\n")


def value_strategy(column: Column) -> st.SearchStrategy[Any]:
    kind = column.kind
    if kind is Kind.CHOICE:
        base: st.SearchStrategy[Any] = st.sampled_from(column.choices)
    elif kind is Kind.NAME:
        base = names
    elif kind is Kind.MEMBER:
        base = st.one_of(codes, names)
    elif kind is Kind.CODE:
        base = codes
    elif kind is Kind.IDCARD:
        base = id_cards
    elif kind is Kind.DATE:
        base = dates
    elif kind is Kind.MONTH:
        base = months
    elif kind is Kind.DAY_OR_MONTH:
        base = st.one_of(dates, months)  # a month-only date round-trips as "YYYY-MM"
    elif kind is Kind.YESNO:
        base = st.booleans()
    elif kind is Kind.MONEY:
        base = money
    elif kind is Kind.POINTS:
        base = points
    elif kind is Kind.INTEGER:
        base = integers
    elif kind is Kind.DATETIME:
        base = datetimes
    elif kind is Kind.VERBATIM:
        base = verbatim
    else:
        base = texts
    if column.required:
        return base
    return st.one_of(st.none(), base)


def rows_strategy(sheet: str) -> st.SearchStrategy[list[dict[str, Any]]]:
    spec = SHEETS[sheet]
    row = st.fixed_dictionaries({c.name: value_strategy(c) for c in spec.columns})
    return st.lists(row, min_size=0, max_size=6)


workbooks = st.fixed_dictionaries({}, optional={s: rows_strategy(s) for s in SHEETS})


def _canonical(value: Any) -> Any:
    return value.normalize() if isinstance(value, Decimal) else value


@settings(
    max_examples=int(os.environ.get("SHEETS_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=workbooks)
def test_round_trip(tmp_path: Path, data: dict[str, list[dict[str, Any]]]) -> None:
    p = tmp_path / "往返.xlsx"
    write_workbook(p, data)
    back = read_workbook(p)
    assert back.ok, back.problem_lines()
    expected_sheets = list(data) or ["党员名册"]
    assert sorted(back.sheets) == sorted(expected_sheets)
    for sheet, rows in data.items():
        got = back.rows(sheet)
        # every sheet has a required column, so no generated row is blank
        assert [r.number for r in got] == list(range(2, len(rows) + 2))
        for want, row in zip(rows, got, strict=True):
            assert row.values == want
            for name, value in want.items():  # same types too: never a float, never "7.0"
                assert type(row.values[name]) is type(value), (sheet, name, value)
                assert _canonical(row.values[name]) == _canonical(value)


def test_round_trip_of_tricky_values(tmp_path: Path) -> None:
    p = tmp_path / "a.xlsx"
    rows = [
        {
            **MEMBER_ROW,
            "编号": "0001",
            "姓名": "阿卜杜·热合曼",
            "备注": "123",
            "手机号码": "0571-88888888",
        },
        {
            "编号": "1e5",
            "姓名": "李四",
            "人员类别": "入党积极分子",
            "备注": "2026-01-05",
            "学历": "TRUE",
            "离开原因": "#DIV/0!",
        },
    ]
    dues = [{"党员": "0001", "月份": "2026-01", "应缴": 1, "实缴": 123456789012}]
    claims = [{"党员": "李四", "日期": dt.date(2026, 1, 5), "项目": "x", "分值": Decimal("-0.01")}]
    write_workbook(p, {"党员名册": rows, "党费": dues, "积分申报": claims})
    back = read_workbook(p)
    assert back.ok
    assert back.rows("党员名册")[0]["编号"] == "0001"
    assert back.rows("党员名册")[1]["编号"] == "1e5"
    assert back.rows("党员名册")[1]["备注"] == "2026-01-05"
    assert back.rows("党员名册")[1]["学历"] == "TRUE"
    assert back.rows("党员名册")[1]["离开原因"] == "#DIV/0!"  # text, not a formula error
    assert back.rows("党费")[0]["实缴"] == 123456789012
    assert back.rows("积分申报")[0]["分值"] == Decimal("-0.01")


def test_our_own_rows_are_never_taken_for_a_footer(tmp_path: Path) -> None:
    """A foreign roster's 「经办人：…」/「合计」 line below the table is skipped; in a workbook
    this program wrote every row is a record (hypothesis found a member coded 经办人 lost)."""
    p = tmp_path / "a.xlsx"
    write_workbook(p, {"支委会": [{"党员": "经办人", "职务": "书记"}]})
    assert [r.values for r in read_workbook(p).rows("支委会")] == [
        {"党员": "经办人", "职务": "书记"}
    ]
