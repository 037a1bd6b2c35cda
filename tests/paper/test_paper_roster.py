"""党员花名册 from plain member dicts."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from paper_helpers import LONG_NAME, page_count, pdftotext
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.paper.fonts import fonts
from desktop.paper.roster import ROSTER_COLUMNS, totals_line, write_roster
from desktop.rules.dates import date_cn


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
    for key in ("code", "id_card_masked", "phone", "status"):
        assert m[key] in text, key
    for key in ("birth_date", "joined_date"):  # as people write dates (2023年5月1日)
        assert date_cn(m[key]) in text and m[key] not in text, key


def test_whole_and_month_only_dates_print_alike(tmp_path, branch, members):
    # Review 7 I: 入党时间 2023-05-01 printed beside 1985年7月 (and 出生日期 1958-03-12).
    people = members(3)
    people[0] = {**people[0], "birth_date": "1958-03-12", "joined_date": "2023-05-01"}
    people[1] = {**people[1], "birth_date": "1960-11", "joined_date": "1985-07"}
    pdf = tmp_path / "r.pdf"
    write_roster(pdf, branch, people, printed_on="2026-11-24")
    text = pdftotext(pdf, "-layout")
    for shown in ("1958年3月12日", "2023年5月1日", "1960年11月", "1985年7月"):
        assert shown in text
    assert not re.search(r"\d{4}-\d{2}", text)  # no ISO date left on the page
    assert "1985年7月1日" not in text  # a month-only date gets no invented day


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
    # (7, not 6, since dates print whole as 1977年7月1日: they take room from 党小组)
    assert pages <= (9 if long_names else 7)
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


# 党员花名册: every single 备注 flag fits on one line at the default 10.5 pt (党员领导干部 was split as 党员领导干 /
# 部); several flags wrap between them.


TEXT_WIDTH_MM = 259  # landscape A4 between the margins


PAD_MM = 2 * 3.0 / mm  # the grid's cell padding, both sides


FLAGS = ("党员领导干部", "流动党员", "免考", "已转出")


def test_the_notes_column_holds_the_longest_flag() -> None:
    """However wide the fitted columns would be, 备注 keeps NOTES_MIN_MM."""
    from desktop.paper.roster import NOTES_MIN_MM

    font = fonts().song
    for flag in FLAGS:
        assert stringWidth(flag, font, 10.5) / mm + PAD_MM <= NOTES_MIN_MM, flag
    assert ROSTER_COLUMNS[-1][0].width is None  # 备注 takes what the fitted columns leave


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")
def test_printed_flags_are_not_split(tmp_path) -> None:
    members = [
        {"name": "王思雨", "gender": "女", "status": "正式党员", "group": "东片党小组",
         "birth_date": "2000-12-24", "phone": "15311189521", "flags": "党员领导干部"},
        {"name": "邓金凤", "gender": "女", "status": "正式党员", "group": "西片党小组",
         "flags": "流动党员、免考、党员领导干部"},
    ]  # fmt: skip
    pdf = tmp_path / "roster.pdf"
    write_roster(pdf, {"name": "测试村党支部"}, members, printed_on="2026-11-30")
    lines = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout.splitlines()
    row = next(line for line in lines if "王思雨" in line)
    assert re.search(r"党员领导干部\s*$", row), row
    # The three flags of the second member: on one line where the fitted columns leave room
    # for them, else wrapped between flags, never inside one.
    at = next(i for i, line in enumerate(lines) if "邓金凤" in line)
    cells = " ".join(line.split()[-1] for line in lines[at - 1 : at + 2] if line.split())
    assert re.search(r"流动党员、\s*免考、\s*党员领导干部", cells), cells


def test_pack_flags_fills_lines_and_keeps_short_ones_whole() -> None:
    from desktop.paper.roster import _pack_flags

    font = fonts().song
    assert _pack_flags("免考", 10 * mm, font) == "免考"
    assert _pack_flags("流动党员、免考", 40 * mm, font) == "流动党员、免考"
    assert (
        _pack_flags("免考、已转出、党员领导干部", 25 * mm, font) == "免考、已转出、\n党员领导干部"
    )
