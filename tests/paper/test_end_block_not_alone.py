"""The closing block of a table (notes, signatures, seal) never starts a page without rows:
the 年度星级评定表 and the 党费收缴台账 lay out again with the last rows moved over."""

from __future__ import annotations

import re

import pytest
from paper_helpers import make_members, pdftotext

from desktop.book.printing import print_document
from desktop.paper.year_end import write_rating_table


def _pages(pdf) -> list[str]:
    return [re.sub(r"\s", "", page) for page in pdftotext(pdf, "-layout").split("\f")[:-1]]


def _rating_data(n: int) -> dict:
    people = make_members(n)
    return {
        "branch": "测试村党支部",
        "year": 2025,
        "title": "2025年度党员星级评定表",
        "scheme_title": "测试方案",
        "ended": True,
        "final": True,
        "as_of": "2025-12-31",
        "has_rating": True,
        "has_stars": True,
        "has_grades": False,
        "reasons_title": "评定依据",
        "appraisal_titles": ["党员评议"],
        "members": [
            {
                "name": m["name"],
                "group": m["group"],
                "total": "88.50",
                "stars": "★★★",
                "appraisals": ["合格"],
                "vetoes": "",
                "reasons": "年度积分88.5分，排名前30%",
            }
            for m in people
        ],
        "summary": ["参加积分管理 n 人。", "五星级：前10%。", "各季度：第4季度已确认。"],
        "printed_on": "2026-01-10",
    }


@pytest.mark.parametrize("n", range(8, 41, 2))
def test_rating_signatures_keep_rows(tmp_path, n) -> None:
    data = _rating_data(n)
    out = tmp_path / "rating.pdf"
    count = write_rating_table(out, data, invariant=True)
    pages = _pages(out)
    assert len(pages) == count
    flat = "".join(pages)
    assert all(m["name"] in flat for m in data["members"])
    last = pages[-1]
    assert "支部书记（签字）" in last and "各季度" in last and "测试村党支部" in last
    assert any(m["name"] in last for m in data["members"]), f"{n}: signatures alone"


def test_rating_of_twelve_fits_one_page(tmp_path) -> None:
    out = tmp_path / "rating.pdf"
    assert write_rating_table(out, _rating_data(12), invariant=True) >= 1
    pages = _pages(out)
    assert any(m["name"] in pages[-1] for m in _rating_data(12)["members"])


def test_rating_short_table_still_prints(tmp_path) -> None:
    # Too few rows to move: laid out as it is.
    out = tmp_path / "rating.pdf"
    assert write_rating_table(out, _rating_data(2), invariant=True) == 1


def test_dues_register_signatures_keep_receipt_rows(demo_book, tmp_path) -> None:
    out = print_document(demo_book, "dues-register", tmp_path / "dr.pdf")
    pages = _pages(out)
    last = pages[-1]
    assert "支部书记（签字）" in last
    assert re.search(r"\d{8}\d{4}-\d\d-\d\d", last), "signatures without receipt rows"
