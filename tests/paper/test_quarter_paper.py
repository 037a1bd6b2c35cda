"""The quarter's paper from the confirmed demo: every kind prints as PDF (rendered to PNG) and
as xlsx; confirmed sheets carry the chain head."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from poppler import pdftotext

from desktop.book import quarter as Q
from desktop.book.printing import print_document
from desktop.book.store import Book
from desktop.rules.quarter import check_code

KINDS = [
    ("publicity", {"year": 2026, "quarter": 2}),
    # Q4 was published on 2027-01-03: judged as of the demo's day, not the machine's.
    ("publicity", {"year": 2026, "quarter": 4, "today": date(2027, 1, 20)}),
    ("quarter-review", {"year": 2026, "quarter": 3}),
    ("bonus-details", {"year": 2026}),
    ("member-register", {"year": 2026, "member": "013"}),
]


def _text(pdf: Path) -> str:
    return pdftotext(pdf)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
@pytest.mark.parametrize(("kind", "opts"), KINDS)
def test_quarter_kinds_print(
    confirmed_demo_book: Book, tmp_path: Path, kind: str, opts: dict
) -> None:
    pdf = print_document(confirmed_demo_book, kind, tmp_path / f"{kind}.pdf", **opts)
    pngs = subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / kind)], capture_output=True
    )
    assert pngs.returncode == 0 and list(tmp_path.glob(f"{kind}*.png"))
    text = _text(pdf)
    assert "城关镇红星村党支部" in text
    assert "SHA-256" not in text and "校验值" not in text and "方案编号" not in text
    if kind == "quarter-review" or opts.get("quarter") == 2:
        # The quarter's own confirmed link as a short grouped check code.
        own = Q.period_status(confirmed_demo_book, 2026, opts.get("quarter") or 3)["hash"]
        assert f"核验码：{check_code(own)}" in text
    if opts.get("quarter") == 4:
        # Not confirmed: no check code yet. (Lines may wrap inside a word: join them.)
        assert "异议" in text.replace("\n", "") and "核验码" not in text
    xlsx = print_document(confirmed_demo_book, kind, tmp_path / f"{kind}.xlsx", **opts)
    from openpyxl import load_workbook

    ws = load_workbook(xlsx).active
    assert ws.max_row >= 3 and ws["A2"].value


def test_publicity_needs_a_published_quarter(book: Book, tmp_path: Path) -> None:
    from desktop.book.errors import InputRefused

    with pytest.raises(InputRefused, match="还没有开始公示"):
        print_document(book, "publicity", tmp_path / "p.pdf", year=2026, quarter=1)
    with pytest.raises(InputRefused, match="指明季度"):
        print_document(book, "quarter-review", tmp_path / "p.pdf", year=2026)
    assert not list(tmp_path.glob("*.pdf*"))


def test_confirmed_review_sheet_prints_the_snapshot_after_a_roster_change(
    confirmed_demo_book: Book,
) -> None:
    """A member exempted after Q2 was confirmed still appears on Q2's sheet with the
    confirmed total, and the sheet says it was confirmed, with the chain head."""
    from desktop.book.quarter_print import review_sheet_data

    book = confirmed_demo_book
    before = review_sheet_data(book, 2026, 2)
    someone = before["members"][0]
    member = next(m for m in book.roster.members() if m["name"] == someone["name"])
    book.roster.update_member(member["id"], {"exempt": True, "exempt_reason": "患病"})
    after = review_sheet_data(book, 2026, 2)
    assert after["members"] == before["members"]
    assert after["confirmed_at"] and after["chain_head"] == Q.chain_head(book)


def test_a_yearly_section_prints_a_dash_in_a_quarter(confirmed_demo_book: Book) -> None:
    from desktop.book.quarter_print import publicity_data, review_sheet_data

    for data in (
        publicity_data(confirmed_demo_book, 2026, 2),
        review_sheet_data(confirmed_demo_book, 2026, 2),
    ):
        # Scored once a year: after 本季度合计, "—" in a quarter (not 0.00 as if lost).
        assert data["yearly_sections"] == ["年终评议"] and "年终评议" not in data["sections"]
        assert {c for m in data["members"] for c in m["yearly"]} == {"—"}
        # 突出事迹 is yearly too but fed by claims: a quarter has real points there.
        for other in ("思想政治", "突出事迹"):
            col = data["sections"].index(other)
            assert "—" not in {m["sections"][col] for m in data["members"]}


def test_q4_sheets_show_the_year_appraisal_counted_in_the_year(
    confirmed_demo_book: Book, tmp_path: Path
) -> None:
    """Q4's 公示表 and 审核表 show each member's 年终评议 points (they are in 年度积分),
    not "—" that hides them from the members."""
    from desktop.book.quarter_print import publicity_data, review_sheet_data
    from desktop.book.scoring import score_book

    year = score_book(confirmed_demo_book, 2026)
    for data in (
        publicity_data(confirmed_demo_book, 2026, 4, today=date(2027, 1, 20)),
        review_sheet_data(confirmed_demo_book, 2026, 4),
    ):
        assert data["ytd_title"] == "年度积分"
        for m in data["members"]:
            code = next(r.code for r in year.members if r.name == m["name"])
            assert m["yearly"] == [f"{year.member(code).sections['年终评议']:.2f}"]
    pdf = print_document(
        confirmed_demo_book,
        "publicity",
        tmp_path / "q4.pdf",
        year=2026,
        quarter=4,
        today=date(2027, 1, 20),
    )
    rows = [ln for ln in _text(pdf).splitlines() if ln.strip() == "—"]
    assert not rows  # no "—" cell left on Q4's publicity


def test_quarter_sheets_say_what_the_year_column_is(confirmed_demo_book: Book, tmp_path) -> None:
    """The year column of an averaging scheme is 年度积分（截至本季）, explained under the
    table; never 年度累计, which it is not. The header stays whole (not 本季度合/计)."""
    for kind in ("publicity", "quarter-review"):
        pdf = print_document(
            confirmed_demo_book, kind, tmp_path / f"{kind}.pdf", year=2026, quarter=2
        )
        flat = _text(pdf).replace("\n", "")
        assert "年度累计" not in flat
        assert "年度积分（截至本季）" in flat.replace(" ", "")
        assert "按第1至2季度的平均分计入" in flat
        layout = pdftotext(pdf, "-layout")
        assert "本季度合计" in layout  # on one line


def test_publicity_cites_no_internal_scheme_title(confirmed_demo_book: Book, tmp_path) -> None:
    title = Q.year_scheme(confirmed_demo_book, 2026).title
    for kind in ("publicity", "quarter-review"):
        pdf = print_document(
            confirmed_demo_book, kind, tmp_path / f"{kind}.pdf", year=2026, quarter=2
        )
        flat = _text(pdf).replace("\n", "")
        assert title not in flat and "日常行为70分" not in flat
    assert "按照本支部《2026年度党员积分管理办法》" in _text(tmp_path / "publicity.pdf").replace(
        "\n", ""
    )


def test_reprinted_confirmed_publicity_says_it_is_a_reprint(confirmed_demo_book, tmp_path) -> None:
    """Dated the day publicity began, a confirmed quarter's notice reports the later
    confirmation only as a reprint's note."""
    pdf = print_document(confirmed_demo_book, "publicity", tmp_path / "p.pdf", year=2026, quarter=2)
    flat = _text(pdf).replace("\n", "")
    today = date.today()
    assert f"本表为原公示表于{today.year}年{today.month}月{today.day}日重印" in flat
    assert "2026年7月" in flat  # still dated the day it was posted


@pytest.mark.parametrize("kind", ["publicity", "quarter-review"])
def test_quarter_sheets_list_members_in_stroke_order_unless_asked(
    confirmed_demo_book: Book, kind: str
) -> None:
    from desktop.book.quarter_print import publicity_data, review_sheet_data
    from desktop.rules.collation import pinyin_key, stroke_key

    get = publicity_data if kind == "publicity" else review_sheet_data
    names = [m["name"] for m in get(confirmed_demo_book, 2026, 2)["members"]]  # type: ignore[operator]
    assert names == sorted(names, key=stroke_key)
    by_pinyin = [
        m["name"]
        for m in get(confirmed_demo_book, 2026, 2, order="pinyin")["members"]  # type: ignore[operator]
    ]
    assert by_pinyin == sorted(by_pinyin, key=pinyin_key) and by_pinyin != names


def test_review_sheet_has_the_township_opinion_block(confirmed_demo_book: Book, tmp_path) -> None:
    pdf = print_document(
        confirmed_demo_book, "quarter-review", tmp_path / "r.pdf", year=2026, quarter=3
    )
    last = _text(pdf).split("\f")[-2].replace("\n", "").replace(" ", "")
    assert "乡镇（街道）党委审核意见：" in last and "负责人（签字）" in last
    assert "支部书记（签字）" in last  # in the closing block, with rows on its page


def test_a_quarter_without_meetings_says_so(book: Book, confirmed_demo_book: Book) -> None:
    """Not everyone at full marks with nothing said: a quarter with no meeting is named."""
    from desktop.book.quarter_print import _no_meetings

    assert "本季度支部没有登记召开会议和开展活动" in _no_meetings(book, 2026, 1)
    assert _no_meetings(confirmed_demo_book, 2026, 1) == ""


def test_member_register_shows_points_to_the_cent_and_no_future_dates(demo_book: Book) -> None:
    """Members read −0.125 and 「2026-12-31 四舍五入 +0.005」 in November: lines are now shown
    to 0.01, none is dated after the count, and they add up to each section's points."""
    from decimal import Decimal

    from desktop.book.quarter_print import member_register_data

    for m in demo_book.roster.members()[:12]:
        try:
            data = member_register_data(demo_book, m["code"], 2026)
        except Exception:  # not scored (exempt, activist)
            continue
        for section in data["sections"]:
            total = Decimal(0)
            for e in section["entries"]:
                assert e["date"] <= data["as_of"], e
                digits = e["points"].split(".")
                assert len(digits) == 1 or len(digits[1]) <= 2, e
                total += Decimal(e["points"])
            assert total == Decimal(section["points"]) or not section["entries"], section["name"]


def _register_figures(pdf: Path) -> tuple[list[Decimal], dict[str, Decimal], Decimal]:
    """(quarter figures, section points, year) as printed on a member's 登记表."""
    import re

    text = pdftotext(pdf, "-layout")
    quarters = [Decimal(v) for v in re.findall(r"\d{4}年第\d季度\s+(\d+(?:\.\d+)?)", text)]
    sections = {
        name: Decimal(v)
        for name, v in re.findall(r"^(年终评议|突出事迹)\s+(\d+(?:\.\d+)?) ?分", text, re.M)
    }
    year = Decimal(re.search(r"年度积分（截至[^）]*）：(\d+(?:\.\d+)?) 分", text)[1])  # type: ignore[index]
    return quarters, sections, year


def _quarters_add_up(pdf: Path) -> None:
    # The 街道 scheme: 日常行为 is the average of the quarters, 年终评议 and 突出事迹 are the
    # year's (the members checked have no 突出事迹, so a quarter's figure is its 日常行为).
    quarters, sections, year = _register_figures(pdf)
    assert len(quarters) == 4 and sections["突出事迹"] == 0
    average = (sum(quarters, Decimal(0)) / 4).quantize(Decimal("0.01"))
    assert average + sections["年终评议"] + sections["突出事迹"] == year, (quarters, year)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_member_register_quarters_add_up_with_arrears_paid_after_the_quarter(
    confirmed_demo_book: Book, tmp_path: Path
) -> None:
    """Issue 15 item 5: 史铁柱 paid July–September on 12 October (the demo), before Q3 was
    confirmed. The deduction was in the year but in neither quarter (65.50/67.00/68.50/69.50
    against 66.88); now Q3 took it, and the quarters printed give the year printed."""
    pdf = print_document(
        confirmed_demo_book, "member-register", tmp_path / "r.pdf", year=2026, member="007"
    )
    text = _text(pdf).replace("\n", "")
    assert "2026-07党费逾期缴纳" in text  # the year's lines: paid late, dated in Q3
    _quarters_add_up(pdf)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_member_register_quarters_add_up_when_arrears_are_paid_after_confirmation(
    tmp_path: Path,
) -> None:
    """Q2 and Q3 confirmed with 邵佳's June–September dues unpaid; she pays them in November.
    The confirmed quarters keep their deductions, Q4 does not take them again, and the
    year (逾期缴纳 now, on the same days) still equals what the quarters give."""
    from desktop.book.demo import create_demo
    from desktop.book.dues import record_payment

    day = date(2026, 11, 30)
    book = create_demo(tmp_path / "demo.db", year=2026, today=day)
    try:
        for c in Q.list_claims(book, 2026, 3, status=Q.PENDING):
            if c["status"] == "申报":
                Q.review_claim(book, c["id"], "东片党小组组长", "情况属实")
            Q.approve_claim(book, c["id"], "支部委员会")
        from desktop.book.approvals import claim_approvals, record_claim_decision

        for a in claim_approvals(book, 2026):  # key-work: the 党工委 approves it too
            if a.pending:
                record_claim_decision(book, a.claim_id, approved=True, by=a.body, today=day)
        for o in book.query("select id from objections where status = 'open'"):
            Q.answer_objection(
                book, o["id"], finding="经核实，维持原记录。", changed=False, today=day
            )
        Q.publish(
            book,
            2026,
            3,
            start=date(2026, 11, 2),
            reason="审定积分申报后重新公示",
            today=date(2026, 11, 2),
        )
        Q.confirm(book, 2026, 3, today=day)
        before = _register_figures(
            print_document(book, "member-register", tmp_path / "a.pdf", year=2026, member="018")
        )
        member = next(m for m in book.roster.members() if m["code"] == "018")
        months = {f"2026-{m:02d}": 100 for m in range(6, 10)}
        record_payment(
            book, member["id"], months, paid_date="2026-11-25", receiver="史秀", today=day
        )
        pdf = print_document(book, "member-register", tmp_path / "b.pdf", year=2026, member="018")
        after = _register_figures(pdf)
        assert after[0][:3] == before[0][:3]  # the confirmed quarters
        assert after[0][3] == before[0][3] and after[2] == before[2]  # nothing taken twice
        _quarters_add_up(pdf)
    finally:
        book.close()
