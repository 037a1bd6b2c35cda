"""A realistic demo branch, so a new user (and the tests) can see the program with data in it.

Deterministic: the same seed gives the same branch, so screenshots and tests are stable.
"""

from __future__ import annotations

import os
import random
from datetime import date, timedelta
from pathlib import Path

from desktop.book.errors import InputRefused
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
DEMO_SCHEME = "jiedao-nongcun"  # a village branch follows the street's rural 细则


def _id_card(rng: random.Random, birth: date, male: bool) -> str:
    seq = rng.randint(10, 99)
    sex_digit = rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    body = f"{REGION}{birth:%Y%m%d}{seq:02d}{sex_digit}"
    return body + id_check_digit(body)


def _rand_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def demo_members(year: int, seed: int = 20260701, until: date | None = None) -> list[dict]:
    """The demo roster as member field dicts (group by name), in entry order.

    No date is later than `until` (the demo's today, default the year's end): a demo made
    early in January would otherwise hold a 入党时间 or 免考 approval still to come, which its
    own export then could not import ("晚于今天")."""
    until = until or date(year, 12, 31)
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
            fields["joined_date"] = min(joined, until).isoformat()  # drawn first: same rng
        members.append(fields)
    # Standing that changes the rules, as a real branch has it.
    members[5].update(mobile=True, mobile_where="浙江省杭州市某建筑公司", mobile_scope="省内")
    members[14].update(mobile=True, mobile_where="广东省深圳市某电子厂", mobile_scope="省外")
    members[0].update(
        exempt=True,
        exempt_approved_date=min(date(year, 1, 15), until).isoformat(),
        exempt_reason="年老体弱，本人申请",
    )
    members[8].update(leader=True, note="镇农业办主任")
    members[20].update(leader=True, note="村党支部书记、村委会主任")
    members[34]["joined_date"] = f"{year - 1}-04-10"  # due for 转正 this spring
    return members


# Committee members attend the 支委会 (by index into the demo roster).
COMMITTEE = (20, 1, 2, 3, 8)
COMMITTEE_ROLES = ("书记", "组织委员", "宣传委员", "纪检委员", "委员")
# A few members whose record is weaker, so the review screens have something to show.
WEAK = (6, 17, 27)


def _expected(member: dict, when: str) -> bool:
    """Is the member on the roll (and not exempt) on that day?"""
    start = member.get("transferred_in_date") or member.get("joined_date")
    if member["status"] not in ("正式党员", "预备党员") or not start or start > when:
        return False
    return not (member.get("left_date") and member["left_date"] < when) and not member["exempt"]


def _activity_plan(year: int, until: date) -> list[dict]:
    """The branch's year: monthly 主题党日 and 支委会, quarterly 党课 and 党小组会, …"""
    plan: list[dict] = []

    def add(day: date, kind: str, topic: str, place: str = "村党群服务中心") -> None:
        if day <= until:
            plan.append({"date": day.isoformat(), "type": kind, "topic": topic, "place": place})

    topics = (
        "学习全国两会精神",
        "学习《中国共产党章程》",
        "清明祭扫革命烈士",
        "乡村振兴政策宣讲",
        "防汛安全与人居环境整治",
        "庆祝建党纪念日，重温入党誓词",
        "学习党纪学习教育读本",
        "秋收志愿帮扶",
        "学习贯彻全会精神",
        "冬季防火与平安建设",
        "年度工作总结",
        "民主评议党员",
    )
    for month in range(1, 13):
        add(date(year, month, 10), "主题党日", topics[month - 1])
        add(date(year, month, 3), "支委会", f"研究{month}月党建工作", "村两委办公室")
        if month % 3 == 1:
            quarter = (month + 2) // 3
            add(date(year, month, 20), "党课", f"第{quarter}季度党课：书记讲党课")
            for g in GROUPS:
                add(date(year, month, 24), "党小组会", f"第{quarter}季度{g}学习会", "组长家中")
    add(date(year, 1, 16), "组织生活会", f"{year - 1}年度组织生活会")
    add(date(year, 1, 17), "民主评议", f"{year - 1}年度民主评议党员")
    add(date(year, 3, 15), "支部党员大会", "讨论预备党员转正")
    add(date(year, 7, 1), "支部党员大会", "庆祝建党纪念日")
    add(date(year, 5, 12), "志愿服务", "村道清扫志愿活动", "村主干道")
    add(date(year, 9, 18), "志愿服务", "关爱留守老人志愿服务", "各自然村")
    plan.sort(key=lambda a: (a["date"], a["type"]))
    for n, activity in enumerate(plan, start=1):
        activity["code"] = f"{year}-{n:03d}"
    return plan


def _add_year_of_facts(book: Book, year: int, until: date, rng: random.Random) -> None:
    """Activities with attendance, monthly dues and a few claims, as a real branch has them."""
    db = book.db
    stamp = f"{until.isoformat()}T09:00:00"
    members = book.roster.members()
    by_index = {i: m for i, m in enumerate(sorted(members, key=lambda m: m["id"]))}
    secretary = by_index[20]["name"]
    clerk = by_index[2]["name"]
    for activity in _activity_plan(year, until):
        activity_id = (
            db["activities"]
            .insert({**activity, "host": secretary, "recorder": clerk, "created_at": stamp})
            .last_pk
        )
        if activity["type"] == "支委会":
            invited = [by_index[i] for i in COMMITTEE]
        elif activity["type"] == "党小组会":
            group = activity["topic"][activity["topic"].index("度") + 1 : -3]
            invited = [m for m in members if m["group"] == group]
        else:
            invited = members
        rows = []
        for i, m in by_index.items():
            if m not in invited or not _expected(m, activity["date"]):
                continue
            roll = rng.random()
            weak = i in WEAK
            if m["mobile"] and m["mobile_scope"] == "省外":
                status = "因公请假" if roll < 0.8 else "出席"
            elif roll < (0.10 if weak else 0.04):
                status = "因私请假"
            elif roll < (0.16 if weak else 0.07):
                status = "因公请假"
            elif roll < (0.22 if weak else 0.075):
                status = "无故缺席"
            else:
                status = "出席"
            rows.append(
                {
                    "activity_id": activity_id,
                    "member_id": m["id"],
                    "status": status,
                    "note": "外出务工" if status == "因公请假" and m["mobile"] else "",
                    "created_at": stamp,
                }
            )
        db["attendance"].insert_all(rows)
    _add_dues(book, year, until, by_index, clerk)
    claims = [
        (12, f"{year}-05-12", "key-work", "3", "带头参加村道清扫，组织群众20余人", "审定"),
        (20, f"{year}-06-30", "honor-street", "8", "荣获街道“优秀党务工作者”", "审定"),
        (6, f"{year}-04-08", "morals", "-1", "群众反映占用公共通道，经核实", "审定"),
        (27, f"{year}-08-15", "contact", "-2", "未按要求联系结对户", "审定"),
        (9, f"{year}-09-18", "key-work", "2", "关爱留守老人志愿服务", "初评"),
        (15, f"{year}-10-20", "key-work", "2", "协助秋收抢收", "申报"),
    ]
    db["claims"].insert_all(
        {
            "member_id": by_index[i]["id"],
            "date": when,
            "item": item,
            "points": points,
            "reason": reason,
            "status": status,
            "created_at": stamp,
        }
        for i, when, item, points, reason, status in claims
        if date.fromisoformat(when) <= until
    )


def _add_dues(book: Book, year: int, until: date, by_index: dict[int, dict], clerk: str) -> None:
    """A year of dues as a village branch has them: rates set in January by the tariff, most
    pay monthly, some a quarter ahead on one receipt, the weak members late, one member pays
    three months of arrears at once, one owes since June, one paid half in March, and the
    secretary makes a voluntary payment of 1,000 yuan (passed up whole)."""
    from desktop.rules.dues import FARMER, monthly_dues, owes_month

    db = book.db
    stamp = f"{until.isoformat()}T09:00:00"
    last_month = until.month if until.year == year else 12
    rates = []
    payments = []
    for i, m in by_index.items():
        if m["status"] not in ("正式党员", "预备党员"):
            continue
        if m["leader"]:
            category, income, fixed = "在职", 450_000, None
        elif i % 9 == 4:
            category, income, fixed = "离退休", 360_000, None
        else:
            category, income, fixed = FARMER, None, 50 if m["exempt"] else 100
        due = monthly_dues(category, income, fixed_fen=fixed).monthly_fen
        owed = [
            f"{year}-{mo:02d}"
            for mo in range(1, 13)
            if owes_month(
                f"{year}-{mo:02d}",
                joined_date=m["joined_date"],
                transferred_in_date=m["transferred_in_date"],
                left_date=m["left_date"],
            )
        ]
        if not owed:
            continue
        rates.append(
            {
                "member_id": m["id"],
                "from_month": owed[0],
                "category": category,
                "income_fen": income,
                "monthly_fen": due,
                "override_reason": "",
                "approved_by": "",
                "created_at": stamp,
            }
        )
        # Receipts as (paid on, months covered).
        plan: list[tuple[date, list[str]]] = []
        quarterly = i % 5 == 1 and i not in WEAK
        for key in owed:
            month = int(key[5:])
            if month > last_month:
                continue
            if i == 17 and month >= 6:
                continue  # arrears: nothing paid since June
            if i == 6 and month in (7, 8, 9):
                if month == 9:  # three months of arrears on one receipt in October
                    plan.append((date(year, 10, 12), [f"{year}-07", f"{year}-08", key]))
                continue
            if quarterly:
                if (month - 1) % 3 == 0 or not plan:
                    ahead = [k for k in owed if month <= int(k[5:]) < month + 3 - (month - 1) % 3]
                    plan.append((date(year, month, 8), ahead))
                continue
            late = i in WEAK and month % 4 == 0
            paid_on = date(year, month, 25) + timedelta(days=20 if late else 0)
            plan.append((paid_on, [key]))
        for n, (paid_on, months) in enumerate(plan):
            if paid_on > until:
                continue
            for key in months:
                paid = due
                if i == 27 and key == f"{year}-03":
                    paid = due // 2
                if i == 20 and key == f"{year}-07":
                    paid = due + 100_000  # voluntary 1,000 yuan: passed up whole
                payments.append(
                    {
                        "member_id": m["id"],
                        "month": key,
                        "due_fen": due,
                        "paid_fen": paid,
                        "paid_date": paid_on.isoformat(),
                        "receiver": clerk,
                        "receipt_no": (m["id"], n),  # numbered below, in date order
                        "created_at": stamp,
                    }
                )
    db["dues_rates"].insert_all(rates)
    payments.sort(key=lambda p: (p["paid_date"], p["receipt_no"], p["month"]))
    numbers: dict[tuple[int, int], str] = {}
    for p in payments:
        key = p["receipt_no"]
        if key not in numbers:
            numbers[key] = f"{year}{len(numbers) + 1:04d}"
        p["receipt_no"] = numbers[key]
    db["dues_payments"].insert_all(payments)
    if until >= date(year, 9, 10) and 17 in by_index:
        db["notices"].insert(
            {
                "member_id": by_index[17]["id"],
                "kind": "催缴通知",
                "date": f"{year}-09-10",
                "reason": "截至" + f"{year}年8月欠缴党费3个月（6月至8月）",
                "ref": f"{year}-06,{year}-07,{year}-08",
                "created_at": stamp,
            }
        )


def _add_appraisals(book: Book, year: int, fields: list[dict]) -> None:
    """The year's 民主评议 as the scheme scores it: the committee and a few others 优秀, one
    weak member 基本合格, the rest 合格; entered a round at a time like a branch does."""
    from desktop.book.quarter import appraisal_gaps
    from desktop.book.year_end import add_appraisals

    names = [f["name"] for f in fields]
    best = {names[i] for i in COMMITTEE} | {names[i] for i in (10, 16, 23)}
    weak = names[WEAK[0]]
    for gap in appraisal_gaps(book, year):
        grades = {
            m.code: "基本合格" if m.name == weak else "优秀" if m.name in best else "合格"
            for m in gap.missing
        }
        add_appraisals(book, year, gap.kind, grades, round=gap.round)


def create_demo(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    quarters: bool = True,
    today: date | None = None,
) -> Book:
    """Create a demo branch book at `path` (refuses an existing file) and return it open.

    Facts run up to `today` (default: the calendar's) or the year's end, never beyond. A past
    year: Q1–Q3 confirmed, Q4 in publicity. The current year: the ended quarters confirmed
    except the last ended one, which is in publicity; the running quarter stays open.
    `quarters=False` leaves every quarter open (no confirmed, locked facts): for tests that
    add facts anywhere in the demo year. `today` makes the demo independent of the calendar."""
    day = today or date.today()
    year = year or day.year
    if year > day.year:
        raise InputRefused(
            f"{year} 年还没有到，不能生成这一年的示范账本（示范记录不会写未来的日期）。",
            [f"请用 --year {day.year} 或更早的年度。"],
        )
    until = day if day.year == year else date(year, 12, 31)
    fields = demo_members(year, until=until)
    # The clerk (member index 2, the recorder and dues receiver below) keeps the book.
    clerk = fields[2]["name"]
    book = Book.create(
        Path(path),
        branch=BRANCH,
        year=year,
        parent_org=PARENT,
        kind="农村",
        scheme_id=None,
        operator=clerk,
    )
    roster = book.roster
    with book.action("生成示范支部", BRANCH):
        for name in GROUPS:
            roster._group_id_or_create(name)
        ids = [roster._insert_member(dict(f)) for f in fields]
    # Group leaders, a transfer in and a transfer out, through the ordinary operations.
    for group in roster.groups():
        # The leader is the group's first full member who is not exempt.
        leader = next(
            member_id
            for member_id, f in zip(ids, fields, strict=True)
            if f["group"] == group["name"] and f["status"] == "正式党员" and not f.get("exempt")
        )
        roster.update_group(group["id"], name=group["name"], leader_id=leader)
    for index, kind, when, note in (
        (30, "转入", f"{year}-03-12", "由城关镇光明村党支部转入"),
        (31, "转出", f"{year}-05-20", "组织关系转至县人民医院党支部"),
        (34, "转正", f"{year}-04-18", "支部大会讨论通过，报镇党委审批"),
    ):
        if when <= until.isoformat():  # nothing is recorded before it happens
            roster.record_event(ids[index], kind, when, note, today=day)
    from desktop.book.meetings import Meetings

    meetings = Meetings(book)
    meetings.set_committee(zip((ids[i] for i in COMMITTEE), COMMITTEE_ROLES, strict=True))
    from desktop.book.scoring import set_year_scheme

    set_year_scheme(book, year, preset=DEMO_SCHEME)
    with book.action("生成示范支部的一年记录", f"{year} 年"):
        _add_year_of_facts(book, year, until, random.Random(year))
    meetings.generate_plan(year)
    if until.isoformat() >= f"{year}-12-31":
        # The year is over: its 民主评议 is held (December), before Q4 is published.
        _add_appraisals(book, year, fields)
    if quarters:
        # Issue 6: claims decided, ended quarters confirmed, the last ended one in 公示.
        from desktop.book.quarter import demo_quarters

        demo_quarters(book, year, today=day)
    return book
