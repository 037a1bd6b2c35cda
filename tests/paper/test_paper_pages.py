"""A table's closing block keeps rows of its table with it (paper/pages.py's write_keeping_rows).

The 党员积分公示 and the 参加组织生活情况统计表 never end on a page holding only their
closing block (count, check values, signatures, issuer): the last rows go over with it; so do
the 加分明细, the 党员积分登记表 and the 积分管理审核表 below."""

from __future__ import annotations

import re

import pytest
from paper_helpers import make_members, pdftotext

from desktop.book.printing import print_document
from desktop.paper.meetings import write_attendance_summary
from desktop.paper.quarter import write_bonus_details, write_publicity
from desktop.paper.year_end import write_rating_table

SECTIONS = ["思想政治", "履行职责", "发挥作用", "遵纪守法", "道德品行", "突出事迹"]


def _pages(pdf) -> list[str]:
    return [re.sub(r"\s", "", page) for page in pdftotext(pdf, "-layout").split("\f")[:-1]]


def _publicity_data(n: int, *, confirmed: bool = False) -> dict:
    data = {
        "branch": "测试村党支部",
        "period": "2026年第3季度",
        "scheme_title": "《测试方案》",
        "sections": SECTIONS,
        "members": [
            {
                "name": m["name"],
                "group": m["group"],
                "sections": ["20.00", "20.00", "10.00", "10.00", "10.00", "0.00"],
                "total": "70.00",
                "ytd_total": "69.83",
            }
            for m in make_members(n)
        ],
        "as_of": "2026-09-30",
        "publicity_start": "2026-10-03",
        "publicity_end": "2026-10-09",
        "publicity_rule": "5个工作日",
        "contact": "支部书记",
        "reissues": [],
        "late_entry": "",
        "issued_on": "2026-10-03",
    }
    if confirmed:  # three more closing lines: a longer block to keep with the rows
        data["confirmed_at"] = "2026-10-12T09:00:00"
        data["reprinted_on"] = "2026-11-02"
        data["check_code"] = "7be2 6ec7 f876"
    return data


def _summary_rows(n: int) -> list[dict]:
    return [
        {
            **m,
            "expected": 12,
            "出席": 10,
            "补录": 0,
            "因公请假": 1,
            "因私请假": 0,
            "无故缺席": 1,
            "note": "",
        }
        for m in make_members(n)
    ]


@pytest.mark.parametrize("confirmed", [False, True])
@pytest.mark.parametrize("n", range(10, 61, 2))
def test_publicity_issuer_keeps_rows(tmp_path, n, confirmed) -> None:
    data = _publicity_data(n, confirmed=confirmed)
    out = tmp_path / "publicity.pdf"
    count = write_publicity(out, data, invariant=True)
    pages = _pages(out)
    assert len(pages) == count
    flat = "".join(pages)
    assert all(m["name"] in flat for m in data["members"])
    last = pages[-1]
    assert f"共{n}人" in last and "2026年10月3日" in last
    assert not confirmed or "核验码：7be26ec7f876" in last
    assert any(m["name"] in last for m in data["members"]), f"{n}: issuer alone"


@pytest.mark.parametrize("n", range(10, 71, 2))
def test_attendance_summary_signatures_keep_rows(tmp_path, branch, n) -> None:
    rows = _summary_rows(n)
    out = tmp_path / "summary.pdf"
    count = write_attendance_summary(
        out, branch, "2026年第3季度", rows, activity_count=12, printed_on="2026-11-30"
    )
    pages = _pages(out)
    assert len(pages) == count
    flat = "".join(pages)
    assert all(r["name"] in flat for r in rows)
    last = pages[-1]
    assert "支部书记（签字）" in last and "参加率=" in last and "2026年11月30日" in last
    assert any(r["name"] in last for r in rows), f"{n}: signatures alone"


def test_short_publicity_and_summary_stay_one_page(tmp_path, branch) -> None:
    # Too few rows to move: laid out as they are, on one page.
    assert write_publicity(tmp_path / "p.pdf", _publicity_data(2), invariant=True) == 1
    summary = write_attendance_summary(
        tmp_path / "s.pdf", branch, "2026年", [], activity_count=0, printed_on="2026-11-30"
    )
    assert summary == 1
    # No activity in the period: said so (item 28), not an empty table.
    assert "本期（2026年）支部没有开展（登记）会议活动。" in _pages(tmp_path / "s.pdf")[0]


@pytest.mark.parametrize(
    ("kind", "opts", "closing"),
    [
        ("publicity", {"year": 2026, "quarter": 3}, "核验码"),
        ("attendance-summary", {"year": 2026, "quarter": 3}, "支部书记（签字）"),
        ("attendance-summary", {"year": 2026}, "支部书记（签字）"),
    ],
)
def test_demo_book_last_page_has_rows(confirmed_demo_book, tmp_path, kind, opts, closing) -> None:
    out = print_document(confirmed_demo_book, kind, tmp_path / f"{kind}.pdf", **opts)
    last = _pages(out)[-1]
    assert closing in last
    # A row: number, a name, then a 党小组.
    assert re.search(r"\d+\w{2,3}(东片|西片|老年)党小组", last), "closing block alone"


def _bonus_data(n: int) -> dict:
    return {
        "branch": "测试村党支部",
        "period": "2026年第3季度",
        "scheme_title": "《测试方案》",
        "claims": [
            {
                "name": m["name"],
                "date": "2026-08-01",
                "item_name": "志愿服务",
                "points": "+2",
                "reason_text": "参加村道清扫志愿服务，有照片为证",
                "review_text": "组长 2026-08-02 同意",
                "approve_text": "支委会 2026-08-05 审定",
                "status": "已审定",
            }
            for m in make_members(n)
        ],
        "totals": f"共 {n} 条申报，已审定 {n} 条。",
        "printed_on": "2026-10-03",
    }


@pytest.mark.parametrize("n", range(6, 41, 2))
def test_bonus_details_signatures_keep_rows(tmp_path, n) -> None:
    data = _bonus_data(n)
    out = tmp_path / "bonus.pdf"
    count = write_bonus_details(out, data, invariant=True)
    pages = _pages(out)
    assert len(pages) == count
    flat = "".join(pages)
    assert all(c["name"] in flat for c in data["claims"])
    last = pages[-1]
    assert f"共{n}条申报" in last and "2026年10月3日" in last
    assert any(c["name"] in last for c in data["claims"]), f"{n}: signatures alone"


def _register_data(n: int) -> dict:
    entries = [
        {
            "date": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "rule": "主题党日",
            "fact": f"第{i}次出席",
            "points": "+1",
        }
        for i in range(n)
    ]
    return {
        "branch": "测试村党支部",
        "period": "2026年度",
        "member": {"name": "王建国", "code": "001", "group": "第一党小组", "status": "正式党员"},
        "sections": [{"name": "组织生活", "points": str(n), "entries": entries}],
        "quarters": [
            {"label": f"第{q}季度", "total": "70.00", "state": "已确认", "note": ""}
            for q in range(1, 5)
        ],
        "total": str(n),
        "as_of": "2026-11-30",
        "flags": [],
        "check_code": "7be2 6ec7 f876",
    }


@pytest.mark.parametrize("n", range(15, 75, 3))
def test_member_register_signatures_keep_entry_rows(tmp_path, n) -> None:
    """The 登记表's quarters table and signatures landed alone on a last page."""
    from desktop.paper.quarter import write_member_register

    out = tmp_path / "r.pdf"
    write_member_register(out, _register_data(n), invariant=True)
    last = _pages(out)[-1]
    assert "积分管理员（签字）" in last and "第" in last
    assert re.search(r"2026-\d\d-\d\d主题党日第\d+次出席", last), "signatures without entry rows"


def _review_data(n: int, objections: int) -> dict:
    """A 月度积分管理审核表 as the book gives it (a four-member branch, review s5)."""
    names = [m["name"] for m in make_members(n)]
    sections = ["思想品德", "政治生活", "遵章守纪", "业务能力", "创新创效"]
    sections += ["结对帮扶", "落实执行", "担当奉献", "党员互评", "群众测评"]
    return {
        "this": "本月",
        "unit": "月",
        "total_title": "本月合计",
        "change_title": "较上月",
        "sheet_title": "月度积分管理审核表",
        "branch": "测试支部",
        "period": "2026年11月",
        "confirmed_at": "2026-12-05T18:14:57",
        "chain_head": "3f41" * 16,
        "check_code": "3f41 81d3 613d",
        "sections": sections,
        "yearly_sections": [],
        "ytd_title": "年度积分\n（截至本月）",
        "ytd_note": "年度积分中，" + "、".join(sections) + "按1至11月的平均分计入。",
        "no_meetings": "",
        "members": [
            {
                "name": name,
                "group": "",
                "sections": ["10.00"] * 8 + ["0.00", "0.00"],
                "yearly": [],
                "total": "80.00",
                "rank": 1,
                "change": "",
                "ytd_total": "80.00",
                "note": "无故缺席1次" if i == 2 else "",
            }
            for i, name in enumerate(names)
        ],
        "summary": [
            "本账本自2026年11月起记分，此前的月份不记分。",
            "本月积分申报 1 条，其中审定 1 条、驳回 0 条、待审 0 条。",
            f"状态：已确认；公示期 2026-12-02 至 2026-12-06；异议 {objections} 件。",
        ]
        + [
            f"异议 {k}：张三（2026-12-03）缺席有异议——核实：属实维持；未作更改；2026-12-04 告知本人。"
            for k in range(1, objections + 1)
        ],
        "printed_on": "2026-12-05",
    }


def test_a_four_member_monthly_review_prints_on_one_page(tmp_path) -> None:
    """It printed one row on page 1 and three with the closing block on page 2: the closing
    block is laid out tighter (shorter opinion box) when that keeps the sheet on one page."""
    from desktop.paper.quarter import write_quarter_review

    out = tmp_path / "review.pdf"
    assert write_quarter_review(out, _review_data(4, 1), invariant=True) == 1
    (page,) = _pages(out)
    assert all(name in page for name in ("乡镇（街道）党委审核意见", "支部书记（签字）"))


@pytest.mark.parametrize("objections", range(0, 5))
@pytest.mark.parametrize("n", range(1, 9))
def test_a_short_review_table_is_not_split_one_and_three(tmp_path, n, objections) -> None:
    """One page, or at least three rows (all but one of a shorter table) stay under the
    title, and the closing block has rows with it. (A closing block of six objections or
    more no longer fits on a page with three rows: it still stands alone, as before.)"""
    from desktop.paper.quarter import write_quarter_review

    data = _review_data(n, objections)
    out = tmp_path / "review.pdf"
    count = write_quarter_review(out, data, invariant=True)
    pages = _pages(out)
    assert len(pages) == count
    names = [m["name"] for m in data["members"]]
    if count > 1:
        first = sum(name in pages[0] for name in names)
        assert first >= min(3, n - 1), f"{n} rows, {objections} objections: {first} on page 1"
        assert n == 1 or any(name in pages[-1] for name in names), "closing block alone"
    assert "乡镇（街道）党委审核意见" in pages[-1]


# The closing block of a table (notes, signatures, seal) never starts a page without rows: the
# 年度星级评定表 and the 党费收缴台账 lay out again with the last rows moved over.


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
