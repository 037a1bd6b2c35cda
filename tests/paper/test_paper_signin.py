"""签到表 from plain dicts: heading block, columns, guests, exempt members, page x/y."""

from __future__ import annotations

import re

import pytest
from paper_helpers import LONG_NAME, page_count, pdftotext

from desktop.paper.signin import write_signin_sheet


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
