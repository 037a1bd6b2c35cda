"""Roster field checks shared by the member dialog and the Excel import (desktop.rules.member)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.member import (
    COLUMN_TO_KEY,
    ETHNIC_GROUPS,
    FIELD_LABELS,
    MEMBER_STATUSES,
    REQUIRED_FIELDS,
    ROSTER_FIELDS,
    check_phone,
    normalize_ethnicity,
    normalize_phone,
    validate_member,
)

TODAY = date(2026, 11, 24)

GOOD: dict[str, Any] = {
    "code": "001",
    "name": "张三",
    "gender": "男",
    "ethnicity": "汉族",
    "birth_date": "1990-03-07",
    "id_card": "110101199003074514",
    "phone": "13800138000",
    "education": "大学本科",
    "status": "正式党员",
    "joined_date": "2012-07-01",
    "confirmed_date": "2013-07-01",
    "group": "第一党小组",
    "mobile": False,
    "exempt": False,
    "leader": False,
    "left_date": "",
    "left_reason": "",
    "note": "",
}


def problems(**changes: Any) -> dict[str, str]:
    return validate_member({**GOOD, **changes}, TODAY)


def test_contract_columns_in_order() -> None:
    assert [f.column for f in ROSTER_FIELDS] == [
        "编号", "姓名", "性别", "民族", "出生日期", "身份证号", "手机号码", "学历", "人员类别",
        "入党时间", "转正时间", "党小组", "流动党员", "免考", "党员领导干部", "离开日期",
        "离开原因", "备注",
    ]  # fmt: skip
    assert [f.key for f in ROSTER_FIELDS] == [
        "code", "name", "gender", "ethnicity", "birth_date", "id_card", "phone", "education",
        "status", "joined_date", "confirmed_date", "group", "mobile", "exempt", "leader",
        "left_date", "left_reason", "note",
    ]  # fmt: skip
    assert REQUIRED_FIELDS == ("name", "status")
    assert COLUMN_TO_KEY["手机号码"] == "phone"
    assert FIELD_LABELS["joined_date"] == "入党时间"
    assert MEMBER_STATUSES == ("正式党员", "预备党员", "入党积极分子", "入党申请人")
    assert len(ETHNIC_GROUPS) == len(set(ETHNIC_GROUPS)) == 56


def test_a_complete_member_is_fine() -> None:
    assert problems() == {}


def test_minimal_member_is_fine() -> None:
    assert validate_member({"name": "李四", "status": "入党积极分子"}, TODAY) == {}
    assert validate_member({"name": "李四", "status": "入党申请人"}, TODAY) == {}


def test_dates_may_be_date_objects_and_flags_may_be_text() -> None:
    assert (
        problems(
            birth_date=date(1990, 3, 7),
            joined_date=date(2012, 7, 1),
            confirmed_date=date(2013, 7, 1),
            mobile="是",
            exempt="否",
            leader=1,
        )
        == {}
    )


@pytest.mark.parametrize(
    ("changes", "key", "words"),
    [
        ({"name": ""}, "name", ("请填写姓名",)),
        ({"name": "  "}, "name", ("请填写姓名",)),
        ({"name": "张"}, "name", ("一个字", "完整")),
        ({"name": "张3"}, "name", ("数字",)),
        ({"name": "张三（书记）"}, "name", ("汉字", "·")),
        ({"name": "张" * 21}, "name", ("太长",)),
        ({"status": ""}, "status", ("请选择人员类别",)),
        ({"status": "党员"}, "status", ("党员", "无法识别", "正式党员")),
        ({"gender": "M"}, "gender", ("男", "女")),
        ({"ethnicity": "汉人"}, "ethnicity", ("56个民族", "汉族")),
        ({"code": "0 1"}, "code", ("空格",)),
        ({"birth_date": "1990/3/7"}, "birth_date", ("YYYY-MM-DD",)),
        ({"birth_date": "1990-02-30"}, "birth_date", ("不存在", "1990年2月只有28天")),
        ({"joined_date": "2020-13-01"}, "joined_date", ("不存在", "没有13月")),
        ({"joined_date": "2027-01-01", "confirmed_date": ""}, "joined_date", ("晚于今天",)),
        ({"birth_date": "1899-12-31", "id_card": ""}, "birth_date", ("1900",)),
        ({"id_card": "110101199003074513"}, "id_card", ("第18位应为 4",)),
        ({"id_card": 1.10101199003074e17}, "id_card", ("文本",)),
        ({"phone": "12345"}, "phone", ("11位", "5位")),
        ({"phone": "电话"}, "phone", ("13800138000", "0571-88886666")),
        ({"mobile": "可能"}, "mobile", ("流动党员", "是", "否")),
        ({"note": "字" * 501}, "note", ("500",)),
    ],
)
def test_single_field_problems(changes: dict[str, Any], key: str, words: tuple[str, ...]) -> None:
    found = problems(**changes)
    assert key in found, found
    for word in words:
        assert word in found[key], found[key]


@pytest.mark.parametrize(
    ("changes", "key", "words"),
    [
        # ID card against 出生日期 and 性别.
        ({"birth_date": "1991-03-07"}, "birth_date", ("1990-03-07", "不一致")),
        ({"gender": "女"}, "gender", ("不一致", "男")),
        # birth < joined (18+) < confirmed.
        ({"joined_date": "1989-01-01", "confirmed_date": ""}, "joined_date", ("早于出生",)),
        ({"joined_date": "2007-07-01", "confirmed_date": ""}, "joined_date", ("18周岁",)),
        ({"confirmed_date": "2012-06-01"}, "confirmed_date", ("晚于入党时间",)),
        ({"confirmed_date": "2012-07-01"}, "confirmed_date", ("晚于入党时间",)),
        ({"confirmed_date": "2013-01-01"}, "confirmed_date", ("不到一年",)),
        ({"joined_date": ""}, "confirmed_date", ("入党时间",)),
        # Standing against dates.
        ({"status": "预备党员"}, "confirmed_date", ("预备党员", "清空转正时间", "正式党员")),
        (
            {"status": "入党积极分子", "confirmed_date": ""},
            "joined_date",
            ("还没有入党", "人员类别"),
        ),
        ({"status": "入党申请人"}, "confirmed_date", ("还没有入党",)),
        (
            {"status": "预备党员", "joined_date": "2023-06-01", "confirmed_date": ""},
            "joined_date",
            ("超过两年", "正式党员"),
        ),
        (
            {"joined_date": "2026-06-01", "confirmed_date": ""},
            "joined_date",
            ("不到一年", "预备党员"),
        ),
        # Leaving.
        ({"left_date": "2025-03-01"}, "left_reason", ("离开原因", "转出")),
        ({"left_reason": "转出"}, "left_date", ("离开日期",)),
        ({"left_date": "2010-01-01", "left_reason": "转出"}, "left_date", ("早于入党时间",)),
    ],
)
def test_cross_field_problems(changes: dict[str, Any], key: str, words: tuple[str, ...]) -> None:
    found = problems(**changes)
    assert key in found, found
    for word in words:
        assert word in found[key], found[key]


def test_sensible_cases_are_not_flagged() -> None:
    # A probationary member: joined, not yet confirmed.
    assert problems(status="预备党员", joined_date="2026-01-10", confirmed_date="") == {}
    assert (
        problems(status="预备党员", joined_date="2024-12-01", confirmed_date="") == {}
    )  # extended
    # An old member whose 转正时间 was never recorded.
    assert problems(confirmed_date="") == {}
    # Probation extended (up to two years) is fine; 转正 a few days early is fine too.
    assert problems(confirmed_date="2014-07-01") == {}
    assert problems(confirmed_date="2013-06-20") == {}
    # A member who left, with the reason.
    assert problems(left_date="2025-03-01", left_reason="转出") == {}
    # ID card without birth date/gender filled: nothing to compare.
    assert problems(birth_date="", gender="") == {}
    # Minority and Latin-script names.
    assert problems(name="买买提·艾力") == {}
    assert problems(name="阿依古丽•吐尔逊") == {}
    assert problems(name="张　三") == {}  # ideographic space in the middle
    # Ethnicity without 族, and the two GB 3304 extras.
    assert problems(ethnicity="汉") == {}
    assert problems(ethnicity="其他") == {}


@pytest.mark.parametrize(
    "phone",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 13800138000",
        "8613800138000",
        "19912345678",
        "0571-88886666",
        "057188886666",
        "010-62345678",
        "(0571)88886666",
        "0571-88886666-123",
        "１３８００１３８０００",
    ],
)
def test_phone_accepted(phone: str) -> None:
    assert check_phone(phone) is None
    assert problems(phone=phone) == {}


@pytest.mark.parametrize(
    "phone", ["1380013800", "23800138000", "12800138000", "88886666", "0571-0888", "abc"]
)
def test_phone_refused(phone: str) -> None:
    assert check_phone(phone) is not None


def test_normalizers() -> None:
    assert normalize_phone("+86 138-0013-8000") == "13800138000"
    assert normalize_phone("(0571)88886666") == "0571-88886666"
    assert normalize_phone("0571-88886666") == "0571-88886666"
    assert normalize_ethnicity("汉") == "汉族"
    assert normalize_ethnicity("蒙古") == "蒙古族"
    assert normalize_ethnicity(" 回族 ") == "回族"


def test_every_message_is_chinese_and_says_what_to_do() -> None:
    bad = {
        "name": "张",
        "status": "党员",
        "gender": "M",
        "birth_date": "x",
        "id_card": "1",
        "phone": "1",
        "mobile": "?",
        "left_reason": "转出",
    }
    found = validate_member(bad, TODAY)
    assert set(found) == {
        "name",
        "status",
        "gender",
        "birth_date",
        "id_card",
        "phone",
        "mobile",
        "left_date",
    }
    for message in found.values():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
        assert any(w in message for w in ("请", "应为")), message


field_values = st.fixed_dictionaries(
    {},
    optional={
        "name": st.text(max_size=6),
        "status": st.sampled_from([*MEMBER_STATUSES, "", "x"]),
        "gender": st.sampled_from(["男", "女", "", "x"]),
        "birth_date": st.one_of(st.dates(date(1880, 1, 1), date(2030, 1, 1)), st.text(max_size=10)),
        "joined_date": st.one_of(st.none(), st.dates(date(1880, 1, 1), date(2030, 1, 1))),
        "confirmed_date": st.one_of(st.none(), st.dates(date(1880, 1, 1), date(2030, 1, 1))),
        "id_card": st.one_of(st.text(max_size=20), st.integers(), st.floats()),
        "phone": st.text(max_size=15),
        "mobile": st.one_of(st.booleans(), st.text(max_size=2), st.none()),
        "left_date": st.one_of(st.none(), st.dates(date(1880, 1, 1), date(2030, 1, 1))),
        "left_reason": st.text(max_size=5),
    },
)


@given(field_values)
def test_never_raises_and_keys_are_known(fields: dict[str, Any]) -> None:
    found = validate_member(fields, TODAY)
    assert set(found) <= set(FIELD_LABELS)
    assert all(isinstance(m, str) and m for m in found.values())
