"""党员花名册 from plain member dicts."""

from __future__ import annotations

import io
import re

import pytest
from paper_helpers import LONG_NAME, page_count, pdftotext

from desktop.paper.roster import totals_line, write_roster


@pytest.mark.parametrize(("n", "pages"), [(3, 1), (15, 2), (55, 5)])
def test_roster_pages_and_numbering(tmp_path, branch, members, n, pages):
    pdf = tmp_path / "roster.pdf"
    assert write_roster(pdf, branch, members(n), printed_on="2026-11-24") == pages
    assert page_count(pdf) == pages
    text = pdftotext(pdf, "-layout")
    assert f"第{pages}页 共{pages}页" in text
    assert "党员花名册" in text and "中共青山村支部委员会" in text
    assert "上级党组织：中共青山镇委员会" in text and "2026年11月24日" in text
    assert f"共 {n} 人" in text
    assert "人员类别" in text  # the header whole (was 人员类/别 at some widths)
    assert "制表人（签字）" in text and "支部书记（签字）" in text
    assert pdf.read_bytes().count(b"WenQuanYiMicroHei") >= 1


def test_roster_prints_every_field_and_keeps_order(tmp_path, branch, members):
    people = members(6)
    pdf = tmp_path / "r.pdf"
    write_roster(pdf, branch, people, printed_on="2026-11-24", show_code=True)
    text = pdftotext(pdf, "-raw")
    positions = [text.index(m["name"]) for m in people]
    assert positions == sorted(positions)  # the caller's (姓氏笔画) order is kept
    m = people[1]
    for key in ("code", "birth_date", "id_card_masked", "phone", "joined_date", "status"):
        assert m[key] in text, key


def test_long_names_wrap_without_growing_the_table(tmp_path, branch, members):
    people = members(12, long_names=True)
    pdf = tmp_path / "r.pdf"
    write_roster(pdf, branch, people, printed_on="2026-11-24")
    text = pdftotext(pdf, "-raw").replace("\n", "")
    assert LONG_NAME in text  # all characters printed, in order (wrapped over lines)
    xml = pdftotext(pdf, "-bbox", "-f", "1", "-l", "1")
    assert 'width="841.' in xml  # landscape
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', xml)]
    assert max(right_edges) <= 841.89 - 16 * 72 / 25.4 + 1  # nothing past the right margin


def test_group_subtotals(tmp_path, branch, members):
    pdf = tmp_path / "r.pdf"
    write_roster(pdf, branch, members(9), printed_on="2026-11-24", group_subtotals=True)
    text = pdftotext(pdf, "-raw")
    assert "第一党小组（3 人）" in text
    assert text.count("小计") == 3


def test_empty_roster_still_prints(branch):
    buf = io.BytesIO()
    assert write_roster(buf, branch, [], printed_on="2026-11-24") == 1
    assert page_count(buf.getvalue()) == 1


def test_totals_line():
    people = [
        {"status": "正式党员", "flags": "流动党员（外出务工，杭州）、免考"},
        {"status": "正式党员", "flags": "党员领导干部"},
        {"status": "预备党员", "flags": ""},
        {"status": "入党积极分子", "flags": "流动党员"},
    ]
    assert totals_line(people) == (
        "共 4 人：正式党员 2 人，预备党员 1 人，入党积极分子 1 人；"
        "其中流动党员 2 人，免考 1 人，党员领导干部 1 人。"
    )
    assert totals_line([]) == "共 0 人。"


@pytest.mark.parametrize("long_names", [False, True])
def test_a_long_group_name_takes_at_most_three_lines(tmp_path, branch, members, long_names):
    """Issue 15 item 20: a 20-character 党小组 took four or five lines of a narrow column
    (80 members on 9 pages; 13 with long names). When 五号 cannot give it three lines the
    table is set in 小五 (9 pt) rather than squeezing one column."""
    group = "第三党小组（退休老党员及流动党员联系组）"
    people = members(80, long_names=long_names)
    for m in people[::3]:
        m["group"] = group
    pdf = tmp_path / "r.pdf"
    pages = write_roster(pdf, branch, people, printed_on="2026-11-24")
    assert pages <= (9 if long_names else 6)
    lines = pdftotext(pdf, "-raw").splitlines()
    spans = [
        j - i
        for i in range(len(lines))
        for j in range(i + 1, min(i + 7, len(lines)) + 1)
        if "".join(lines[i:j]) == group
    ]
    assert spans and max(spans) <= 3, spans
    short = members(40)  # short names keep 五号: the roster looks as it did
    assert write_roster(tmp_path / "s.pdf", branch, short, printed_on="2026-11-24") == 4
