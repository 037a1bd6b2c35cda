"""Whole files the reader refuses (WorkbookError) and odd-but-fine files it accepts."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sheet_helpers import header_row, make_xlsx, ole2_file

from desktop.sheets import WorkbookError, read_workbook, sheet_headers
from desktop.sheets.reader import check_file

SAVE_AS = "请在 Excel/WPS 中另存为 .xlsx 后再导入"


def refusal(path: Path, *, headers_too: bool = True) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    if headers_too:  # sheet_headers refuses the same files in the same words
        with pytest.raises(WorkbookError) as again:
            sheet_headers(path)
        assert str(again.value) == str(info.value)
    return info.value


def test_not_found(tmp_path: Path) -> None:
    p = tmp_path / "没有.xlsx"
    err = refusal(p)
    assert err.kind == "not_found"
    assert str(err) == f"找不到文件：{p}。请确认文件位置后重试。"


def test_directory(tmp_path: Path) -> None:
    err = refusal(tmp_path)
    assert err.kind == "is_directory"
    assert str(err) == f"“{tmp_path}”是一个文件夹，不是 Excel 文件。请选择一个 .xlsx 文件。"


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "空.xlsx"
    p.write_bytes(b"")
    err = refusal(p)
    assert err.kind == "empty"
    assert str(err) == f"文件是空的（0 字节）：{p}。请选择一个保存过内容的 .xlsx 文件。"


@pytest.mark.parametrize(
    ("content", "what"),
    [
        ("编号,姓名,人员类别\n001,张三,正式党员\n".encode(), "看起来是文本/CSV 文件"),
        ("编号,姓名\n001,张三\n".encode("gbk"), "看起来是文本/CSV 文件"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "看起来是 PDF 文件"),
        (b"<html><table><tr><td>1</td></tr></table></html>", "看起来是网页或 XML 文本"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "看起来是图片"),
        (bytes(range(256)), "无法识别的格式"),
    ],
)
def test_not_an_xlsx(tmp_path: Path, content: bytes, what: str) -> None:
    p = tmp_path / "名册.xlsx"
    p.write_bytes(content)
    err = refusal(p)
    assert err.kind == "not_xlsx"
    assert str(err) == f"文件不是 .xlsx 工作簿（{what}）：{p}。{SAVE_AS}。"


def test_old_xls(tmp_path: Path) -> None:
    p = ole2_file(tmp_path / "名册.xls", ["Workbook", "\x05SummaryInformation"])
    err = refusal(p)
    assert err.kind == "xls"
    assert (
        str(err) == f"这是旧版 Excel 97-2003 工作簿（.xls），程序只能读取 .xlsx：{p}。{SAVE_AS}。"
    )


def test_old_xls_renamed_xlsx(tmp_path: Path) -> None:
    p = ole2_file(tmp_path / "名册.xlsx", ["Book"])  # Excel 5.0/95 names its stream "Book"
    assert refusal(p).kind == "xls"


def test_encrypted_xlsx(tmp_path: Path) -> None:
    p = ole2_file(tmp_path / "加密.xlsx", ["EncryptionInfo", "EncryptedPackage"])
    err = refusal(p)
    assert err.kind == "encrypted"
    assert str(err) == (
        f"这个工作簿设置了打开密码（已加密），程序无法读取：{p}。请在 Excel/WPS 中打开它，"
        "去掉打开密码后另存为 .xlsx，再导入。"
    )


def test_other_ole_file(tmp_path: Path) -> None:
    p = ole2_file(tmp_path / "通知.xlsx", ["WordDocument", "1Table"])
    err = refusal(p)
    assert err.kind == "not_xlsx"
    assert str(err) == (
        f"文件不是 Excel 工作簿（看起来是旧版 Word/PowerPoint 等 Office 文件）：{p}。"
        "请选择 .xlsx 工作簿。"
    )


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def test_word_document_renamed(tmp_path: Path) -> None:
    p = _zip(tmp_path / "a.xlsx", {"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"})
    err = refusal(p)
    assert err.kind == "not_xlsx"
    assert str(err) == f"文件不是 Excel 工作簿（看起来是 Word 文档）：{p}。请选择 .xlsx 工作簿。"


def test_plain_zip(tmp_path: Path) -> None:
    p = _zip(tmp_path / "a.xlsx", {"readme.txt": b"hello"})
    assert (
        str(refusal(p))
        == f"文件不是 Excel 工作簿（看起来是 zip 压缩包）：{p}。请选择 .xlsx 工作簿。"
    )


def test_ods(tmp_path: Path) -> None:
    p = _zip(
        tmp_path / "a.xlsx",
        {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"},
    )
    assert str(refusal(p)) == (
        f"这是 WPS/LibreOffice 的 OpenDocument 表格（.ods），程序只能读取 .xlsx：{p}。{SAVE_AS}。"
    )


def test_xlsb(tmp_path: Path) -> None:
    p = _zip(tmp_path / "a.xlsx", {"[Content_Types].xml": b"<x/>", "xl/workbook.bin": b"\0"})
    assert str(refusal(p)) == f"这是二进制工作簿（.xlsb），程序只能读取 .xlsx：{p}。{SAVE_AS}。"


def test_truncated_xlsx(tmp_path: Path) -> None:
    good = make_xlsx(
        tmp_path / "good.xlsx", {"党员名册": [["姓名", "人员类别"], ["张三", "正式党员"]]}
    )
    p = tmp_path / "坏.xlsx"
    p.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    err = refusal(p)
    assert err.kind == "damaged"
    assert str(err) == (
        f"工作簿已损坏，无法读取：{p}。请在 Excel/WPS 中打开并重新保存为 .xlsx 后再导入。"
    )


def test_zip_with_broken_workbook_part(tmp_path: Path) -> None:
    p = _zip(tmp_path / "a.xlsx", {"[Content_Types].xml": b"not xml", "xl/workbook.xml": b"<"})
    assert refusal(p).kind == "damaged"


def test_no_known_sheets(tmp_path: Path) -> None:
    p = make_xlsx(
        tmp_path / "a.xlsx",
        {"Sheet1": [["甲", "乙"], [1, 2]], "Sheet2": [["丙"], [3]]},
    )
    err = refusal(p, headers_too=False)  # sheet_headers lists them for the mapping step
    assert sheet_headers(p) == {"Sheet1": ["甲", "乙"], "Sheet2": ["丙"]}
    assert err.kind == "no_sheets"
    # Not the 31 sheet names of the interchange workbook: what was read, what a roster needs.
    assert str(err) == (
        f"工作簿里没有可导入的表：{p}。没有哪张工作表的列名像党员名册（读到的列名——“Sheet1”：甲、乙；"
        "“Sheet2”：丙），也不是本程序导出的交换工作簿（工作表没有叫 党员名册、党小组、活动 等的）。"
        "党员花名册至少要有“姓名”和“人员类别”（或“党员类别”）两列，列名写在前 10 行里；"
        "请改好列名后再导入。"
    )


def test_requested_sheet_absent(tmp_path: Path) -> None:
    p = make_xlsx(
        tmp_path / "a.xlsx",
        {"党费": [header_row("党费")], "Sheet2": [["x"]]},
    )
    with pytest.raises(WorkbookError) as info:
        read_workbook(p, sheets=["党员名册"])
    assert str(info.value) == (
        f"工作簿里没有可导入的工作表：应有 党员名册 中的至少一个，实有 党费、Sheet2：{p}。"
        "请把工作表改成这些名称后再导入。"
    )


def test_real_xlsx_with_other_extension_is_read(tmp_path: Path) -> None:
    p = make_xlsx(tmp_path / "a.xlsx", {"党员名册": [["姓名", "人员类别"], ["张三", "正式党员"]]})
    renamed = p.rename(tmp_path / "名册.xls")
    data = read_workbook(renamed)
    assert data.ok
    assert data.rows("党员名册")[0]["姓名"] == "张三"


def test_check_file_accepts_a_workbook(tmp_path: Path) -> None:
    p = make_xlsx(tmp_path / "a.xlsx", {"党员名册": [["姓名"]]})
    check_file(p)  # no exception


def test_damaged_sheet_inside_a_good_zip(tmp_path: Path) -> None:
    good = make_xlsx(
        tmp_path / "good.xlsx",
        {
            "党员名册": [["姓名", "人员类别", "备注"]]
            + [[f"张{i}", "正式党员", "x" * 50] for i in range(300)]
        },
    )
    p = tmp_path / "坏.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(p, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]  # cut in the middle of the rows
            dst.writestr(item, content)
    with pytest.raises(WorkbookError) as info:
        read_workbook(p)
    assert info.value.kind == "damaged"
    assert str(info.value) == (
        f"工作簿已损坏，无法读取：{p}。请在 Excel/WPS 中打开并重新保存为 .xlsx 后再导入。"
    )


def test_strict_open_xml(tmp_path: Path) -> None:
    workbook = b'<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"/>'
    p = _zip(tmp_path / "a.xlsx", {"[Content_Types].xml": b"<x/>", "xl/workbook.xml": workbook})
    assert str(refusal(p)) == (
        f"这是“Strict Open XML 电子表格”格式的工作簿，程序读不了：{p}。"
        "请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再导入。"
    )
