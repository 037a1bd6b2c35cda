"""Plain data for the paper tests (what desktop.book would hand over) and PDF probes."""

from __future__ import annotations

import re
from pathlib import Path

from poppler import pdftotext  # noqa: F401  (the paper tests import it from here)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = [
    "建国",
    "秀英",
    "志强",
    "桂兰",
    "海燕",
    "明",
    "丽",
    "军",
    "晓东",
    "玉梅",
    "红霞",
    "德华",
    "春生",
    "淑珍",
    "国庆",
    "文斌",
    "小龙",
    "雪梅",
    "永福",
    "金凤",
]
GROUPS = ["第一党小组", "第二党小组", "第三党小组（退休老党员）"]
STATUSES = ["正式党员"] * 8 + ["预备党员", "入党积极分子"]
FLAGS = ["", "", "", "", "流动党员", "免考", "党员领导干部", "流动党员、免考"]
LONG_NAME = "阿卜杜热合曼·买买提明·艾力江努尔"


def make_members(n: int, long_names: bool = False) -> list[dict[str, str]]:
    people = [member(i) for i in range(n)]
    if long_names:  # every fifth member gets a long name and a long note
        for m in people[::5]:
            m["name"] = LONG_NAME
            m["flags"] = "流动党员（外出务工，浙江省杭州市西湖区某某街道流动党员服务站）、免考"
    return people


def member(i: int) -> dict[str, str]:
    name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)]
    status = STATUSES[i % len(STATUSES)]
    return {
        "code": f"D{i + 1:04d}",
        "name": name,
        "gender": "女" if i % 3 == 1 else "男",
        "ethnicity": "维吾尔族" if i % 17 == 5 else "汉族",
        "birth_date": f"{1950 + i % 50}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "id_card_masked": f"3301{i % 100:02d}********{i % 10000:04d}",
        "phone": f"138****{i % 10000:04d}",
        "education": ["大学本科", "大专", "高中", "研究生", "初中"][i % 5],
        "status": status,
        "joined_date": f"{1975 + i % 45}-07-01",
        "confirmed_date": "" if status != "正式党员" else f"{1976 + i % 45}-07-01",
        "group": GROUPS[i % len(GROUPS)],
        "flags": FLAGS[i % len(FLAGS)],
        "leave": "因公请假" if i % 13 == 4 else "",
        "note": "",
    }


BRANCH = {"name": "中共青山村支部委员会", "parent_org": "中共青山镇委员会"}
ACTIVITY = {
    "kind": "主题党日",
    "topic": "学习贯彻党的二十届四中全会精神暨三月份主题党日活动",
    "date": "2026-03-05",
    "time": "09:00",
    "place": "村党群服务中心二楼会议室",
    "host": "王建国",
    "recorder": "",
}


def page_count(pdf: Path | bytes) -> int:
    """Pages in a reportlab PDF (objects are uncompressed, so /Type /Page is visible)."""
    data = pdf if isinstance(pdf, bytes) else pdf.read_bytes()
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
