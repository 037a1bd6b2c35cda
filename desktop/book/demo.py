"""A realistic demo branch, so a new user (and the tests) can see the program with data in it.

Deterministic: the same seed gives the same branch, so screenshots and tests are stable.
"""

from __future__ import annotations

import os
import random
from datetime import date, timedelta
from pathlib import Path

from desktop.book.store import Book
from desktop.rules.idcard import id_check_digit

BRANCH = "城关镇红星村党支部"
PARENT = "城关镇党委"
GROUPS = ("东片党小组", "西片党小组", "老年党小组")

# Common surnames, with pairs whose simplified and traditional stroke counts disagree
# (黄/曾, 薛/戴) so the 姓氏笔画 order is visibly right.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严武戴孔汤"
)
GIVEN_MALE = [
    "建国",
    "志强",
    "国庆",
    "德华",
    "建华",
    "文斌",
    "晓东",
    "俊杰",
    "宏伟",
    "立新",
    "海涛",
    "振华",
    "永刚",
    "春生",
    "明辉",
    "学军",
    "红军",
    "卫东",
    "长江",
    "金龙",
    "家豪",
    "子轩",
    "浩然",
    "宇航",
    "世平",
    "保国",
    "光明",
    "树林",
    "新民",
    "铁柱",
]
GIVEN_FEMALE = [
    "秀英",
    "桂兰",
    "海燕",
    "丽娟",
    "春花",
    "红梅",
    "玉兰",
    "永红",
    "雪梅",
    "金凤",
    "淑芬",
    "思雨",
    "晓丽",
    "美华",
    "凤英",
    "桂芳",
    "秀珍",
    "小燕",
    "慧敏",
    "雨欣",
    "婷婷",
    "佳怡",
    "丽萍",
    "翠花",
]
EDUCATION = ("小学", "初中", "高中", "中专", "大专", "大学本科", "研究生")
ETHNICITIES = ("汉族",) * 12 + ("回族", "壮族", "土家族")
REGION = "330102"  # a real-looking county prefix


def _id_card(rng: random.Random, birth: date, male: bool) -> str:
    seq = rng.randint(10, 99)
    sex_digit = rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    body = f"{REGION}{birth:%Y%m%d}{seq:02d}{sex_digit}"
    return body + id_check_digit(body)


def _rand_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def demo_members(year: int, seed: int = 20260701) -> list[dict]:
    """The demo roster as member field dicts (group by name), in entry order."""
    rng = random.Random(seed)
    used: set[str] = set()
    members: list[dict] = []
    for n in range(42):
        male = rng.random() < 0.62
        while True:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN_MALE if male else GIVEN_FEMALE)
            if rng.random() < 0.15:
                name = name[:2]  # some two-character names
            if name not in used:
                used.add(name)
                break
        if n < 34:
            status = "正式党员"
        elif n < 38:
            status = "预备党员"
        else:
            status = "入党积极分子"
        group = GROUPS[2] if n in (0, 3, 7, 12, 19, 25, 29, 33) else GROUPS[n % 2]
        old = group == GROUPS[2]
        birth = _rand_date(
            rng,
            date(1938, 1, 1) if old else date(1960, 1, 1),
            date(1955, 12, 31) if old else date(2001, 12, 31),
        )
        fields: dict = {
            "name": name,
            "gender": "男" if male else "女",
            "ethnicity": rng.choice(ETHNICITIES),
            "birth_date": birth.isoformat(),
            "id_card": _id_card(rng, birth, male) if rng.random() < 0.9 else "",
            "phone": f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
            "education": rng.choice(EDUCATION[:4] if old else EDUCATION[1:]),
            "status": status,
            "group": group,
        }
        adult = date(birth.year + 19, birth.month, min(birth.day, 28))
        if status == "正式党员":
            joined = _rand_date(rng, max(adult, date(1965, 1, 1)), date(year - 2, 6, 30))
            fields["joined_date"] = joined.isoformat()
            fields["confirmed_date"] = (joined + timedelta(days=366)).isoformat()
        elif status == "预备党员":
            joined = _rand_date(rng, date(year - 1, 7, 1), date(year, 3, 31))
            fields["joined_date"] = joined.isoformat()
        members.append(fields)
    # Standing that changes the rules, as a real branch has it.
    members[5].update(mobile=True, mobile_where="浙江省杭州市某建筑公司", mobile_scope="省内")
    members[14].update(mobile=True, mobile_where="广东省深圳市某电子厂", mobile_scope="省外")
    members[0].update(
        exempt=True, exempt_approved_date=f"{year}-01-15", exempt_reason="年老体弱，本人申请"
    )
    members[8].update(leader=True, note="镇农业办主任")
    members[20].update(leader=True, note="村党支部书记、村委会主任")
    members[34]["joined_date"] = f"{year - 1}-04-10"  # due for 转正 this spring
    return members


def create_demo(path: str | os.PathLike[str], *, year: int | None = None) -> Book:
    """Create a demo branch book at `path` (refuses an existing file) and return it open."""
    year = year or date.today().year
    book = Book.create(
        Path(path), branch=BRANCH, year=year, parent_org=PARENT, kind="农村", scheme_id=None
    )
    roster = book.roster
    with book.action("生成示范支部", BRANCH):
        for name in GROUPS:
            roster._group_id_or_create(name)
        ids = [roster._insert_member(fields) for fields in demo_members(year)]
    # Group leaders, a transfer in and a transfer out, through the ordinary operations.
    for group, leader in zip(roster.groups(), (ids[1], ids[2], ids[3]), strict=True):
        roster.update_group(group["id"], name=group["name"], leader_id=leader)
    roster.record_event(ids[30], "转入", f"{year}-03-12", "由城关镇光明村党支部转入")
    roster.record_event(ids[31], "转出", f"{year}-05-20", "组织关系转至县人民医院党支部")
    roster.record_event(ids[34], "转正", f"{year}-04-18", "支部大会讨论通过，报镇党委审批")
    return book
