"""The year's paper: 年度星级评定表 (PDF and xlsx) and 荣誉证书 (one landscape page each)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from paper_helpers import page_count, pdftotext

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from year_end_testkit import TODAY, YEAR, confirm_year, make_year_book  # noqa: E402

from desktop.book import year_end as Y  # noqa: E402
from desktop.book.approvals import record_decision  # noqa: E402
from desktop.book.errors import InputRefused  # noqa: E402
from desktop.book.printing import XLSX_KINDS, print_document  # noqa: E402
from desktop.book.year_end_print import certificate_data, rating_data  # noqa: E402
from desktop.paper.year_end import write_certificates, write_rating_table  # noqa: E402


@pytest.fixture
def yb(tmp_path: Path):
    book = make_year_book(tmp_path / "year.db")
    Y.add_appraisals(book, YEAR, "党员评议", {"王一": "优秀", "李二": "合格"})
    Y.add_veto(book, "张三", "2025-11-02", "受到警告处分", "支委会", today=TODAY)
    yield book
    book.close()


def test_rating_table_lists_every_scored_member_with_reasons(yb, tmp_path: Path) -> None:
    data = rating_data(yb, YEAR, today=TODAY)
    assert data["title"] == "2025年度党员星级评定表"
    assert [m["name"] for m in data["members"]] == ["王一", "李二", "张三", "赵四"]
    out = tmp_path / "rating.pdf"
    # Two pages: the closing block (notes, signatures, seal, the 上级党组织审批意见 box) takes
    # the last rows with it.
    assert write_rating_table(out, data, invariant=True) == page_count(out) == 2
    text = pdftotext(out)
    for needle in (
        "2025年度党员星级评定表",
        "测试村党支部",
        "★★★★★",
        "党员评议",
        "2025-11-02 受到警告",
        "一票否决：不参与评星定级和评定等次",
        "当年新转入党员纳入积分管理，不参加评定",
        "支部书记（签字）",
        "第2页 共2页",
    ):
        assert needle in text.replace("\n", ""), needle
    assert "尚未结束" not in text


def test_rating_table_of_a_running_year_says_it_will_change(yb, tmp_path: Path) -> None:
    out = tmp_path / "running.pdf"
    print_document(yb, "rating", out, year=YEAR, today=date(2025, 12, 1))
    assert "尚未结束" in pdftotext(out).replace("\n", "")


def test_rating_table_as_a_workbook(yb, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    assert "rating" in XLSX_KINDS and "certificates" not in XLSX_KINDS
    out = print_document(yb, "rating", tmp_path / "rating.xlsx", year=YEAR, today=TODAY)
    ws = load_workbook(out).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0][0] == "测试村党支部2025年度党员星级评定表"
    assert rows[1][:6] == ["序号", "姓名", "党小组", "年度积分", "星级", "党员评议"]
    # Numbers are numbers (a reviewer sums the column), shown with their two places.
    assert rows[2][:6] == [1, "王一", "一组", 105, "★★★★★", "优秀"]
    assert ws["D3"].number_format == "0.00" and isinstance(ws["D3"].value, (int, float))
    # A4, fit to the page width, header row repeated on every printed page.
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$2:$2"
    with pytest.raises(InputRefused, match="只能输出 PDF"):
        print_document(yb, "certificates", tmp_path / "c.xlsx", year=YEAR, today=TODAY)


def test_certificates_one_landscape_page_per_honoured_member(yb, tmp_path: Path) -> None:
    confirm_year(yb)
    # 党员e家 第十八条: 「拟评定为五星级党员的须报上级党（工）委审批」 — the certificate waits.
    with pytest.raises(InputRefused, match="待上级审批") as exc:
        certificate_data(yb, YEAR, today=TODAY, on="2026-01-20")
    assert "王一：拟评五星级，报上级党（工）委审批：待审批" in exc.value.lines()
    record_decision(yb, YEAR, "王一", approved=True, by="测试镇党委", on="2026-01-14", today=TODAY)
    certs = certificate_data(yb, YEAR, today=TODAY, on="2026-01-20")
    assert [(c["name"], c["honour"], c["number"]) for c in certs] == [
        ("王一", "五星级党员", "2025-001")
    ]
    out = tmp_path / "certs.pdf"
    print_document(yb, "certificates", out, year=YEAR, today=TODAY, on="2026-01-20")
    assert page_count(out) == 1
    assert b"/MediaBox [ 0 0 841.8898 595.2756 ]" in out.read_bytes()  # A4 landscape
    text = pdftotext(out).replace("\n", "").replace(" ", "")
    for needle in ("荣", "王一同志：", "“五星级党员”", "特发此证，以资鼓励。", "测试村党支部"):
        assert needle in text, needle
    assert "2026年1月20日" in text and "2025-001" in text
    # Said as it is: approved above the branch (the scheme's body), and 105 of 100 includes
    # bonus points.
    assert "年度积分105分（含加分，基础满分100分）" in certs[0]["text"]
    assert "经党支部评定、上级党（工）委审批，被评为2025年度“五星级党员”" in certs[0]["text"]


def test_several_certificates_and_grades(tmp_path: Path) -> None:
    certs = [
        {
            "name": name,
            "stars": 0,
            "honour": "优秀党员",
            "text": f"在2025年度被评为“优秀党员”。{'很长的事迹' * 20}\n特发此证，以资鼓励。",
            "branch": "测试村党支部",
            "date": "2026-01-20",
            "number": f"2025-{i:03d}",
        }
        for i, name in enumerate(("王一", "阿卜杜热合曼·买买提明", "李二"), start=1)
    ]
    out = tmp_path / "many.pdf"
    assert write_certificates(out, certs, invariant=True) == 3 == page_count(out)
    text = pdftotext(out)
    assert "阿卜杜热合曼·买买提明同志" in text and "优秀党员" in text


def test_certificates_refused_before_the_year_ends_and_without_honours(yb, tmp_path) -> None:
    out = tmp_path / "c.pdf"
    with pytest.raises(InputRefused) as err:
        print_document(yb, "certificates", out, year=YEAR, today=date(2025, 12, 20))
    assert "还没有结束" in str(err.value) and not out.exists()
    # The year has ended but its Q4 is not confirmed: the points may still change.
    with pytest.raises(InputRefused) as err:
        print_document(yb, "certificates", out, year=YEAR, today=TODAY)
    assert "第四季度还没有确认" in str(err.value) and not out.exists()
    assert "第4季度未公示" in "".join(err.value.lines())
    # With 王一 and 李二 vetoed too nobody is rated (张三 already is).
    Y.add_veto(yb, "王一", "2025-12-01", "受到党内警告处分", "支委会", today=TODAY)
    Y.add_veto(yb, "李二", "2025-12-01", "受到党内警告处分", "支委会", today=TODAY)
    confirm_year(yb)
    with pytest.raises(InputRefused, match="没有评为五星级或“优秀”的党员"):
        print_document(yb, "certificates", out, year=YEAR, today=TODAY)
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_certificates_refused_for_a_scheme_without_rating(tmp_path: Path) -> None:
    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    with pytest.raises(InputRefused, match="没有评星定级的规则"):
        print_document(book, "certificates", tmp_path / "c.pdf", year=YEAR, today=TODAY)
    # The table still prints: the year's totals and 民主评议, marked as not rated.
    out = print_document(book, "rating", tmp_path / "r.pdf", year=YEAR, today=TODAY)
    assert "没有评星定级的规则" in pdftotext(out).replace("\n", "")
    book.close()


def test_a_tie_is_one_note_under_the_table_not_repeated_in_every_row() -> None:
    """Every tied member's 评定依据 listed all who tie with him (80 members: 146 pages); now
    the rows point to one note that names them once."""
    from desktop.book.year_end_print import _tie_notes

    names = [f"党员{i}" for i in range(30)]
    rest = "四星级名额3名只剩2名，名额不足，按方案规定（同分规则）均不评四星级，参加下一档评定"
    members = [
        {
            "name": n,
            "reasons": "总分90.00，三项基础分合计75.00；"
            + f"与{'、'.join(o for o in names if o != n)}并列（同为90.00分，并列第3名），{rest}",
        }
        for n in names
    ]
    members.append({"name": "王一", "reasons": "总分99.00，五星级"})
    notes = _tie_notes(members)
    assert notes == [f"（一）{'、'.join(names)}同为90.00分，并列第3名，{rest}。"]
    assert all(
        m["reasons"] == "总分90.00，三项基础分合计75.00；同分并列，见表下说明（一）"
        for m in members[:30]
    )
    assert members[-1]["reasons"] == "总分99.00，五星级"


def test_rating_table_has_the_approval_block_when_the_scheme_asks(yb, tmp_path: Path) -> None:
    out = print_document(yb, "rating", tmp_path / "r.pdf", year=YEAR, today=TODAY)
    text = pdftotext(out).replace("\n", "").replace(" ", "")
    assert "上级党组织审批意见（报上级党组织审批；报上级党（工）委审批）：" in text


# The 年度评定表 says what it is: a year not yet final is marked 仅供参考 under the title, and
# a scheme without 评星定级 prints a 年度党员积分表 without star or 等次 columns.


def _text(book, tmp_path: Path, name: str) -> str:
    out = print_document(book, "rating", tmp_path / name, year=YEAR, today=TODAY)
    return pdftotext(out).replace("\n", "")


def test_ended_year_before_q4_is_confirmed_is_marked_provisional(tmp_path: Path) -> None:
    book = make_year_book(tmp_path / "y.db")
    text = _text(book, tmp_path, "open.pdf")
    assert "第四季度尚未确认，年度积分和评定结果还可能变化，仅供参考" in text
    assert "尚未结束" not in text
    confirm_year(book)
    text = _text(book, tmp_path, "final.pdf")
    assert "仅供参考" not in text and "尚未确认" not in text
    assert "2025年度党员星级评定表" in text
    book.close()


def test_scheme_without_rating_prints_a_points_table(tmp_path: Path) -> None:
    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    data = rating_data(book, YEAR, today=TODAY)
    assert data["title"] == f"{YEAR}年度党员积分表"
    assert not data["has_stars"] and not data["has_grades"] and not data["has_rating"]
    assert all("不评星级" not in m["reasons"] for m in data["members"])
    text = _text(book, tmp_path, "jd.pdf")
    assert f"{YEAR}年度党员积分表" in text
    assert "星级评定表" not in text and "等次" not in text.split("参加积分管理")[0]
    assert text.count("不评星级、等次") == 1  # one note line, not one per row
    assert "年度积分和还" not in text and "年度积分还可能变化" in text
    book.close()


def test_points_table_as_a_workbook_has_no_rating_columns(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    out = print_document(book, "rating", tmp_path / "jd.xlsx", year=YEAR, today=TODAY)
    cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
    assert "星级" not in cells and "等次" not in cells and "备注" in cells
    book.close()
