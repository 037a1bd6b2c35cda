"""签到表 from plain dicts: heading block, columns, guests, exempt members, page x/y."""

from __future__ import annotations

import re

import pytest
from paper_helpers import LONG_NAME, page_count, pdftotext

from desktop.paper.signin import KEEP_ROWS, MIN_GUEST_ROWS, write_signin_sheet


@pytest.mark.parametrize(
    ("n", "two_columns", "pages"),
    [(3, False, 1), (20, False, 2), (70, False, 4), (10, True, 1), (60, True, 2), (180, True, 4)],
)
def test_signin_pages(tmp_path, branch, activity, members, n, two_columns, pages):
    pdf = tmp_path / "s.pdf"
    got = write_signin_sheet(pdf, branch, activity, members(n), two_columns=two_columns)
    assert got == page_count(pdf) == pages
    text = pdftotext(pdf, "-layout")
    for k in range(1, pages + 1):
        assert f"第{k}页 共{pages}页" in text
    names = [m["name"] for m in members(n)]
    flat = re.sub(r"\s", "", text)
    assert all(name in flat for name in names)


def test_signin_heading_and_sections(tmp_path, branch, activity, members):
    pdf = tmp_path / "s.pdf"
    exempt = [{"name": "张秀英", "group": "第一党小组", "reason": "年老体弱，经支委会同意"}]
    write_signin_sheet(pdf, branch, activity, members(8), exempt=exempt, guests_blank_rows=3)
    text = pdftotext(pdf, "-layout")
    flat = re.sub(r"\s", "", text)
    assert "主题党日签到表" in flat
    for label in (
        "主题：",
        "时间：",
        "地点：",
        "主持人：",
        "记录人：",
        "实到：",
        "请假：",
        "缺席：",
    ):
        assert label in flat
    assert "应到：8人" in flat  # the number expected is known; the rest is filled by hand
    assert "2026年3月5日09:00" in flat and "村党群服务中心二楼会议室" in flat
    for header in ("序号", "姓名", "党小组", "签名", "请假类型", "备注"):
        assert header in flat
    assert "因公请假" in flat  # leave known in advance is printed
    assert "列席人员签到" in flat and "单位及职务" in flat
    assert "不参加本次活动的党员（不计入应到人数）" in flat and "年老体弱" in flat
    assert "主持人（签字）" in flat and "记录人（签字）" in flat


def test_signin_without_guests_or_known_fields(tmp_path, branch, members):
    pdf = tmp_path / "s.pdf"
    write_signin_sheet(pdf, branch, {"kind": "党课"}, members(4), guests_blank_rows=0)
    flat = re.sub(r"\s", "", pdftotext(pdf))
    assert "党课签到表" in flat and "列席人员" not in flat and "不参加本次活动" not in flat


def test_signin_long_names(tmp_path, branch, activity, members):
    pdf = tmp_path / "s.pdf"
    for two in (False, True):
        write_signin_sheet(pdf, branch, activity, members(12, long_names=True), two_columns=two)
        flat = re.sub(r"\s", "", pdftotext(pdf, "-raw"))
        assert LONG_NAME in flat  # wrapped over lines, every character kept in order


# 签到表 page counts for branches of 8–80, and nothing standing alone on a page.
#
# A branch of a dozen fits one A4 page with its 免考 list, 列席 rows and signatures. For long lists: a
# section heading stays with its rows, and the signatures (with the 列席 rows) never start a page
# without member rows: the 列席 rows give way first, then the last member rows go over with them.


# Group names as the demo branch has them (a long name wraps its rows: see the last test).
SHORT_GROUPS = ["东片党小组", "西片党小组", "老年党小组"]


EXEMPT_NAMES = ["欧阳春", "诸葛明", "司马兰", "上官燕", "端木华", "东方晓"]


def _branch_members(members, n: int, long_names: bool = False) -> list[dict[str, str]]:
    people = members(n, long_names)
    if not long_names:
        for i, m in enumerate(people):
            m["group"] = SHORT_GROUPS[i % 3]
    return people


def _exempt(k: int) -> list[dict[str, str]]:
    return [
        {"name": name, "group": "老年党小组", "reason": "年老体弱，经支委会同意免于参加"}
        for name in EXEMPT_NAMES[:k]
    ]


def _pages(pdf) -> list[str]:
    return [re.sub(r"\s", "", page) for page in pdftotext(pdf, "-layout").split("\f")[:-1]]


def _check_nothing_alone(pages: list[str], people, exempt) -> None:
    # A long name wraps inside its cell (and so is not one run of text): judged by the rest.
    names = [m["name"] for m in people if m["name"] != LONG_NAME]
    # Every member is printed.
    flat = "".join(pages)
    assert all(name in flat for name in names)
    # The signatures share their page with member rows and with the 列席 table.
    sign = next(i for i, p in enumerate(pages) if "主持人（签字）" in p)
    assert sign == len(pages) - 1
    last = pages[sign]
    assert "列席人员签到" in last and "单位及职务" in last
    assert "注：请假的党员由记录人" in last  # the footnote does not spill onto a page alone
    on_last = [name for name in names if name in last]
    assert on_last, "signatures without member rows"
    # The 免考 list: heading and all its rows on one page, after the last member.
    if exempt:
        page = next(p for p in pages if "不参加本次活动的党员" in p)
        assert all(m["name"] in page for m in exempt)
        assert flat.index(names[-1]) < flat.index("不参加本次活动的党员")
    # No page is only a heading: each holds member or 免考 rows.
    for k, page in enumerate(pages, start=1):
        assert any(name in page for name in names + [m["name"] for m in exempt]), k
    for k in range(1, len(pages) + 1):
        assert f"第{k}页共{len(pages)}页" in pages[k - 1]


# (members, 免考, pages): a dozen on one page (12 expected and one 免考, or 10 and two);
# 28 rows a continuation page. 40 with three 免考: page 2 cannot also hold the 免考 list and
# the signatures, so the last rows go over with them (a third page).
SIZES = [
    (8, 1, 1),
    (10, 2, 1),
    (12, 1, 1),
    (12, 0, 1),
    (20, 1, 2),
    (40, 2, 2),
    (40, 3, 3),
    (60, 4, 3),
    (80, 6, 4),
]


@pytest.mark.parametrize(("n", "k", "pages"), SIZES)
def test_page_counts_and_nothing_alone(tmp_path, branch, activity, members, n, k, pages) -> None:
    pdf = tmp_path / "s.pdf"
    people = _branch_members(members, n)
    exempt = _exempt(k)
    got = write_signin_sheet(pdf, branch, activity, people, exempt=exempt)
    assert got == page_count(pdf) == pages
    _check_nothing_alone(_pages(pdf), people, exempt)


def test_guest_rows_give_way_before_member_rows_move(
    tmp_path, branch, activity, members, monkeypatch
) -> None:
    """列席 rows shrink (never below MIN_GUEST_ROWS) to keep a page; member rows move only
    when that is not enough."""
    from desktop.paper import signin
    from desktop.paper.layout import MEASURE, PaperDocument

    tried: list[tuple[int, int]] = []  # (列席 rows, member rows kept) of each closing block
    builds: list[bool] = []  # measuring pass or not, per build
    keeping = [0]
    real_compose, real_end, real_build = signin._compose, signin._compose_end, PaperDocument.build

    def compose(*args):
        keeping[0] = args[-2]
        return real_compose(*args)

    def end(doc, activity, guests, pages):
        tried.append((guests, keeping[0]))
        return real_end(doc, activity, guests, pages)

    def build(self):
        builds.append(self.out is MEASURE)
        return real_build(self)

    monkeypatch.setattr(signin, "_compose", compose)
    monkeypatch.setattr(signin, "_compose_end", end)
    monkeypatch.setattr(PaperDocument, "build", build)

    def final(n: int) -> tuple[int, int]:
        tried.clear()
        builds.clear()
        pdf = tmp_path / f"s{n}.pdf"
        write_signin_sheet(pdf, branch, activity, _branch_members(members, n), exempt=_exempt(1))
        return tried[-1]

    assert final(8) == (5, 0)  # fits as asked: measured once, built once
    assert builds == [True, False] and len(tried) == 1  # the measured document is built
    guests, keep = final(12)
    assert MIN_GUEST_ROWS <= guests < 5 and keep == 0
    assert builds == [True, False]  # one measuring pass says how many 列席 rows give way
    assert len(tried) == 2  # only the closing block is composed again
    assert final(20) == (5, KEEP_ROWS)  # even two rows would not keep page 1: rows move
    assert builds == [True, False]  # measured once, built once (was a full build per try)


@pytest.mark.parametrize("n", range(14, 60, 3))
def test_signatures_never_start_a_page(tmp_path, branch, activity, members, n) -> None:
    """Wherever the member table ends on a page, the signatures have member rows with them."""
    pdf = tmp_path / "s.pdf"
    people = _branch_members(members, n)
    exempt = _exempt(2)
    write_signin_sheet(pdf, branch, activity, people, exempt=exempt)
    _check_nothing_alone(_pages(pdf), people, exempt)


@pytest.mark.parametrize(("n", "pages"), [(22, 1), (40, 2), (80, 2), (100, 3)])
def test_two_columns(tmp_path, branch, activity, members, n, pages) -> None:
    pdf = tmp_path / "s.pdf"
    people = _branch_members(members, n)
    got = write_signin_sheet(pdf, branch, activity, people, exempt=_exempt(2), two_columns=True)
    assert got == pages
    _check_nothing_alone(_pages(pdf), people, _exempt(2))


@pytest.mark.parametrize("n", [12, 25, 40, 60, 80])
def test_long_group_names_and_notes_keep_the_rules(tmp_path, branch, activity, members, n):
    """Rows that wrap (long names, every fifth member) change the counts, not the rules."""
    pdf = tmp_path / "s.pdf"
    people = _branch_members(members, n, long_names=True)
    write_signin_sheet(pdf, branch, activity, people, exempt=_exempt(3))
    _check_nothing_alone(_pages(pdf), people, _exempt(3))


def test_keep_rows_moved_with_the_signatures_start_with_the_header(
    tmp_path, branch, activity, members
) -> None:
    """When member rows go over with the signatures, their page opens with the table's header
    and the numbering runs on."""
    # 20 members with five 列席 rows: the block does not fit under row 20 even with two.
    pdf = tmp_path / "s.pdf"
    people = _branch_members(members, 20)
    assert write_signin_sheet(pdf, branch, activity, people, exempt=_exempt(1)) == 2
    first, second = _pages(pdf)
    moved = [i for i, m in enumerate(people, start=1) if f"{i}{m['name']}" in second]
    assert moved == list(range(21 - KEEP_ROWS, 21))
    assert second.index("序号姓名党小组签名") < second.index(people[-KEEP_ROWS]["name"])
    assert f"{20 - KEEP_ROWS}{people[19 - KEEP_ROWS]['name']}" in first


# 签到表: no page is left holding only the 免考 list, the guests or the signatures without saying which
# sheet it belongs to.


EXEMPT = [
    {"name": name, "group": "第一党小组", "reason": "年老体弱，经支委会同意免考"}
    for name in ("张秀英", "李德华", "王春生")
]


CONTINUED = "主题党日签到表（续）"  # the heading's repeat; the running header has the date too


# 14 and 31: the member table ends a page exactly; 25: it ends low on a page.
@pytest.mark.parametrize("n", [3, 14, 22, 25, 31, 40])
def test_exempt_list_is_with_the_member_table_or_headed_by_the_title(
    tmp_path, branch, activity, members, n
) -> None:
    pdf = tmp_path / "s.pdf"
    people = members(n)
    pages = _pages(pdf) if write_signin_sheet(pdf, branch, activity, people, exempt=EXEMPT) else []
    names = [m["name"] for m in people]
    for section in ("不参加本次活动的党员", "列席人员签到", "主持人（签字）"):
        page = next(p for p in pages if section in p)
        with_members = any(name in page for name in names)
        assert with_members or CONTINUED in page, (n, section)
    # The 免考 list comes right after the member table, then guests, then signatures.
    flat = "".join(pages)
    assert flat.index(names[-1]) < flat.index("不参加本次活动的党员") < flat.index("列席人员签到")
    assert flat.index("列席人员签到") < flat.index("主持人（签字）")
    # Guests and the signature lines share a page.
    assert any("列席人员签到" in p and "主持人（签字）" in p for p in pages)


def test_the_title_is_repeated_only_where_a_section_starts_a_page(
    tmp_path, branch, activity, members
) -> None:
    pdf = tmp_path / "s.pdf"
    write_signin_sheet(pdf, branch, activity, members(3), exempt=EXEMPT)
    pages = _pages(pdf)
    assert len(pages) == 1 and CONTINUED not in pages[0]
