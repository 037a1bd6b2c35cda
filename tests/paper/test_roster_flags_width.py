"""党员花名册: every single 备注 flag fits on one line at the default 10.5 pt (党员领导干部 was
split as 党员领导干 / 部); several flags wrap between them."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.paper.fonts import fonts
from desktop.paper.roster import ROSTER_COLUMNS, write_roster

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
