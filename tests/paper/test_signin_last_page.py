"""签到表: no page is left holding only the 免考 list, the guests or the signatures without
saying which sheet it belongs to."""

from __future__ import annotations

import re

import pytest
from paper_helpers import pdftotext

from desktop.paper.signin import write_signin_sheet

EXEMPT = [
    {"name": name, "group": "第一党小组", "reason": "年老体弱，经支委会同意免考"}
    for name in ("张秀英", "李德华", "王春生")
]
CONTINUED = "主题党日签到表（续）"  # the heading's repeat; the running header has the date too


def _pages(pdf) -> list[str]:
    return [re.sub(r"\s", "", page) for page in pdftotext(pdf, "-layout").split("\f")[:-1]]


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
