"""Meeting paper from plain dicts: the 纪实管理记录表, the attendance summary, the notices."""

from __future__ import annotations

import re

import pytest
from paper_helpers import LONG_NAME, page_count, pdftotext

from desktop.paper.meetings import write_activity_record, write_attendance_summary, write_notice

STATUSES = ["出席"] * 6 + ["因公请假", "因私请假", "无故缺席", "补录"]
ACT = {
    "type": "主题党日",
    "topic": "学习贯彻全会精神",
    "date": "2026-03-10",
    "place": "村党群服务中心",
    "host": "王建国",
    "recorder": "李秀英",
    "minutes": "书记传达全会精神，党员交流学习体会。",
    "decisions": "四月开展村道清扫志愿服务。",
}


def record_rows(members, n: int, long_names: bool = False) -> list[dict]:
    rows = []
    for i, m in enumerate(members(n, long_names=long_names)):
        status = STATUSES[i % len(STATUSES)]
        rows.append(
            {
                "name": m["name"],
                "group": m["group"],
                "status": status,
                "points": {"因私请假": "-1", "无故缺席": "-2"}.get(status, ""),
                "note": "证明人：张三、李四" if status == "补录" else "",
            }
        )
    return rows


def flat(pdf) -> str:
    return re.sub(r"\s", "", pdftotext(pdf, "-layout"))


@pytest.mark.parametrize(("n", "pages"), [(8, 1), (22, 2), (78, 5)])
def test_record_pages_and_names(tmp_path, branch, members, n, pages):
    pdf = tmp_path / "r.pdf"
    rows = record_rows(members, n)
    assert write_activity_record(pdf, branch, ACT, rows, scheme_title="党员e家") == pages
    assert page_count(pdf) == pages
    text = pdftotext(pdf, "-layout")
    for k in range(1, pages + 1):
        assert f"第{k}页 共{pages}页" in text
    f = flat(pdf)
    assert all(r["name"] in f for r in rows)


def test_record_long_names_wrap_inside_the_table(tmp_path, branch, members):
    pdf = tmp_path / "r.pdf"
    write_activity_record(pdf, branch, ACT, record_rows(members, 12, long_names=True))
    assert LONG_NAME in pdftotext(pdf, "-raw").replace("\n", "")  # wrapped, never clipped
    xml = pdftotext(pdf, "-bbox", "-f", "1", "-l", "1")
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', xml)]
    assert max(right_edges) <= 595.28 - 26 * 72 / 25.4 + 1  # nothing past the right margin


def test_record_heading_counts_and_minutes(tmp_path, branch, members):
    pdf = tmp_path / "r.pdf"
    rows = record_rows(members, 10)
    exempt = [{"name": "张秀英", "group": "第一党小组", "reason": "年老体弱"}]
    write_activity_record(pdf, branch, ACT, rows, exempt=exempt, scheme_title="党员e家")
    f = flat(pdf)
    assert "党员积分纪实管理记录表（主题党日）" in f
    assert "应到：10人" in f and "实到：7人" in f and "请假：2人" in f and "缺席：1人" in f
    assert "会议内容" in f and "书记传达全会精神" in f and "四月开展村道清扫" in f
    assert "证明人：张三、李四" in f and "不参加积分管理的党员" in f and "年老体弱" in f
    assert "记录人（签字）" in f and "支部书记（签字）" in f


def test_record_without_sign_in(tmp_path, branch):
    pdf = tmp_path / "r.pdf"
    write_activity_record(pdf, branch, {"type": "党课"}, [])
    assert "尚未登记签到" in flat(pdf)


@pytest.mark.parametrize(("n", "pages"), [(5, 1), (22, 2), (60, 5)])
def test_summary_pages(tmp_path, branch, members, n, pages):
    pdf = tmp_path / "s.pdf"
    rows = [
        {
            **m,
            "expected": 12,
            "出席": 10,
            "补录": 0,
            "因公请假": 1,
            "因私请假": 0,
            "无故缺席": 1,
            "note": m["flags"],
        }
        for m in members(n)
    ]
    got = write_attendance_summary(
        pdf, branch, "2026年", rows, activity_count=20, printed_on="2026-12-31"
    )
    assert got == page_count(pdf) == pages
    text = pdftotext(pdf, "-layout")
    assert f"第{pages}页 共{pages}页" in text
    f = flat(pdf)
    assert "党员参加组织生活情况统计表" in f and "83.3%" in f  # 10 of 12, to 0.1%
    assert all(r["name"] in f for r in rows)


@pytest.mark.parametrize("kind", ["提醒", "警戒书"])
def test_notice(tmp_path, branch, kind):
    pdf = tmp_path / "n.pdf"
    notice = {
        "kind": kind,
        "name": "王建国",
        "date": "2026-03-15",
        "reason": "2026-03-10 主题党日《学习党章》无故缺席（本年度第1次）",
        "absences": ["2026-01-10 主题党日《学习党章》", "2026-03-10 主题党日《学习党章》"],
    }
    assert write_notice(pdf, branch, notice) == 1
    f = flat(pdf)
    assert "王建国同志：" in f and branch["name"] in f and "2026年3月15日" in f
    assert "回执" in f and "党员签收" in f
    if kind == "警戒书":
        assert "警戒书" in f and "已2次无正当理由" in f
    else:
        assert "提醒通知书" in f and "现予以提醒" in f


@pytest.mark.parametrize(
    ("took", "expected", "text"),
    [(15, 19, "78.9%"), (1, 3, "33.3%"), (2, 3, "66.7%"), (19, 19, "100.0%"), (0, 0, "—")],
)
def test_attendance_rate_is_rounded_not_truncated(took, expected, text) -> None:
    from desktop.paper.meetings import attendance_rate

    assert attendance_rate(took, expected) == text


def test_record_leaves_ruled_lines_for_minutes_not_typed_in(tmp_path, branch, members):
    """会议内容 and 决定事项 not in the book print ruled lines to write on, not 「（未填写）」."""
    pdf = tmp_path / "r.pdf"
    act = {**ACT, "minutes": "", "decisions": ""}
    write_activity_record(pdf, branch, act, record_rows(members, 5))
    f = flat(pdf)
    assert "会议内容" in f and "决定事项" in f and "未填写" not in f
    act = {**ACT, "minutes": "学习了党章第一章。", "decisions": "下月开展志愿服务。"}
    write_activity_record(pdf, branch, act, record_rows(members, 5))
    assert "学习了党章第一章。" in flat(pdf) and "下月开展志愿服务。" in flat(pdf)
