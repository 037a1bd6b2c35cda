"""The roster's fields and their checks, shared by the member dialog and the Excel import.

`validate_member` takes a member's fields by English key (the 党员名册 columns of
CONTRACT.md, see `ROSTER_FIELDS`) and returns field key -> one Chinese sentence that says what
is wrong and what to do.  An empty result means the member can be saved.  Dates may be ISO
text ("1985-07-01") or `datetime.date`; yes/no flags may be bools, 0/1 or 是/否.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from desktop.rules.dates import date_problem, date_words, first_day, is_month_only, last_day
from desktop.rules.idcard import birth_date_from_id, check_id_card, gender_from_id


@dataclass(frozen=True)
class RosterField:
    key: str  # English field key used by the book and the code
    column: str  # the 党员名册 column header (CONTRACT.md), also the label in the dialog
    required: bool = False


ROSTER_FIELDS: tuple[RosterField, ...] = (
    RosterField("code", "编号"),
    RosterField("name", "姓名", required=True),
    RosterField("gender", "性别"),
    RosterField("ethnicity", "民族"),
    RosterField("birth_date", "出生日期"),
    RosterField("id_card", "身份证号"),
    RosterField("phone", "手机号码"),
    RosterField("education", "学历"),
    RosterField("status", "人员类别", required=True),
    RosterField("joined_date", "入党时间"),
    RosterField("confirmed_date", "转正时间"),
    RosterField("group", "党小组"),
    RosterField("mobile", "流动党员"),
    RosterField("exempt", "免考"),
    RosterField("leader", "党员领导干部"),
    RosterField("left_date", "离开日期"),
    RosterField("left_reason", "离开原因"),
    RosterField("note", "备注"),
)

#: 党员名册 column header -> field key, e.g. "姓名" -> "name".
COLUMN_TO_KEY: dict[str, str] = {f.column: f.key for f in ROSTER_FIELDS}
#: field key -> Chinese label (the column header), e.g. "joined_date" -> "入党时间".
FIELD_LABELS: dict[str, str] = {f.key: f.column for f in ROSTER_FIELDS}
REQUIRED_FIELDS: tuple[str, ...] = tuple(f.key for f in ROSTER_FIELDS if f.required)

# Extra fields the book keeps beside the contract's columns; checked when present.
EXTRA_FIELD_LABELS: dict[str, str] = {
    "transferred_in_date": "转入日期",
    "exempt_approved_date": "免考批准日期",
    "exempt_reason": "免考原因",
    "mobile_where": "流动去向",
}

GENDERS: tuple[str, ...] = ("男", "女")
#: 人员类别: the interchange contract's three and 入党申请人 (desktop.sheets.columns agrees).
MEMBER_STATUSES: tuple[str, ...] = ("正式党员", "预备党员", "入党积极分子", "入党申请人")
#: Statuses of people who are party members (the others have not joined).
PARTY_MEMBER_STATUSES: tuple[str, ...] = ("正式党员", "预备党员")

DATE_FIELDS: tuple[str, ...] = (
    "birth_date",
    "joined_date",
    "confirmed_date",
    "left_date",
    "transferred_in_date",
    "exempt_approved_date",
)
FLAG_FIELDS: tuple[str, ...] = ("mobile", "exempt", "leader")
#: Date fields a township roster often knows only to the month (出生年月, 入党时间, 转正时间):
#: "YYYY-MM" is accepted there and kept as it is (desktop.rules.dates).
MONTH_OK_FIELDS: tuple[str, ...] = ("birth_date", "joined_date", "confirmed_date")

#: The 56 nationalities (GB 3304), as written on the ID card with 族.
ETHNIC_GROUPS: tuple[str, ...] = (
    "汉",
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
)
_ETHNICITY_NAMES = frozenset(
    [g + "族" for g in ETHNIC_GROUPS] + list(ETHNIC_GROUPS) + ["其他", "外国血统中国籍人士"]
)

MIN_JOIN_AGE = 18  # 党章：年满十八岁
PROBATION = timedelta(days=365)  # 预备期一年
MAX_PROBATION = timedelta(days=2 * 365 + 1)  # 延长预备期不超过一年
_PROBATION_SLACK = timedelta(days=31)  # 转正 is decided at a meeting near the expiry date
_EARLIEST = date(1900, 1, 1)

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?$")
# Han ideographs (BMP and supplementary planes), the middle dots used in minority names.
_NAME_CHARS = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff·•・]+$")
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .·'-]*$")

_YES = frozenset(
    {
        True,
        "1",  # True == 1
        "是",
        "true",
        "True",
        "TRUE",
        "Y",
        "y",
    }
)
_NO = frozenset(
    {
        False,
        "0",  # False == 0
        "否",
        "false",
        "False",
        "FALSE",
        "N",
        "n",
        "",
        None,
    }
)


def normalize_phone(text: str) -> str:
    """Half-width digits without spaces, a leading +86/86 dropped from a mobile number.

    Hyphens stay (a landline "0571-88886666" keeps its shape); a mobile number written
    "138-0013-8000" loses them.
    """
    value = "".join(unicodedata.normalize("NFKC", text).split())
    value = value.replace("（", "(").replace("）", ")")
    value = re.sub(r"^\((0\d{2,3})\)", r"\1-", value)  # (0571)88886666
    for prefix in ("+86-", "+86", "0086", "86-"):
        if value.startswith(prefix):
            value = value[len(prefix) :]
            break
    else:
        if len(value) == 13 and value.startswith("86"):
            value = value[2:]
    if _MOBILE.match(value.replace("-", "")) and not value.startswith("0"):
        value = value.replace("-", "")
    return value


def check_phone(text: str) -> str | None:
    """A problem with a phone number as one Chinese sentence, or None (empty is fine)."""
    value = normalize_phone(text or "")
    if not value or _MOBILE.match(value) or _LANDLINE.match(value):
        return None
    digits = re.sub(r"\D", "", value)
    if value.startswith("1") and digits == value and len(digits) != 11:
        return f"手机号码应为11位，现在是{len(digits)}位，请核对"
    return "手机号码应为11位手机号（如 13800138000）或带区号的固定电话（如 0571-88886666），请核对"


def normalize_ethnicity(text: str) -> str:
    """ "汉" -> "汉族"; other text is returned trimmed."""
    value = (text or "").strip()
    return value + "族" if value in ETHNIC_GROUPS else value


@dataclass(frozen=True)
class _Span:
    """A date as the days it may be: one day, or a whole month for a month-only date."""

    first: date
    last: date
    text: str

    @property
    def words(self) -> str:
        return date_words(self.text)


def _parse_date(value: Any, month_ok: bool = False) -> _Span | None | str:
    """The date's span, None when empty, or the text when it is not a YYYY-MM-DD date
    (nor, with `month_ok`, a YYYY-MM month)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _Span(value, value, value.isoformat())
    text = str(value).strip()
    if not text:
        return None
    if month_ok and is_month_only(text) and 1 <= int(text[5:7]) <= 12 and int(text[:4]) >= 1:
        return _Span(first_day(text), last_day(text), text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return text
        return _Span(day, day, text)
    return text


def _flag_problem(label: str, value: Any) -> str | None:
    if isinstance(value, str):
        value = value.strip()
    try:
        if value in _YES or value in _NO:
            return None
    except TypeError:  # unhashable
        pass
    return f"{label}请填“是”或“否”"


def _check_name(name: str) -> str | None:
    if not name:
        return "请填写姓名"
    if any(ch.isdigit() for ch in name):
        return "姓名中不能有数字，请核对"
    if _NAME_CHARS.match(name):
        if len(name) < 2:
            return "姓名只有一个字，请填写完整的姓名（姓和名）"
        if len(name) > 20:
            return f"姓名有{len(name)}个字，太长了，请核对（备注可写在“备注”栏）"
        return None
    if _LATIN_NAME.match(name) and len(name) <= 40:
        return None
    return "姓名只能由汉字组成（少数民族姓名中间的点请用“·”），请核对"


def validate_member(
    fields: dict[str, Any],
    today: date,
    *,
    as_of: date | None = None,
    unreadable: Collection[str] = (),
) -> dict[str, str]:
    """Problems with one member's fields: field key -> Chinese message. Empty when fine.

    Keys not present in `fields` are treated as empty.  Checks: required 姓名 and 人员类别;
    plausible name; 性别 男/女; 民族 one of the 56; dates YYYY-MM-DD, not before 1900, not after
    `today`; 出生 < 入党 (at least 18 years) < 转正 (about a year of probation) and 离开日期 not
    before 入党时间; 预备党员 has no 转正时间 and joined at most about two years ago (the
    longest probation), 入党积极分子/入党申请人 have neither 入党 nor 转正 time, a 正式党员
    joined at least about a year ago; 身份证号 valid and agreeing with 出生日期 and
    性别; 手机号码 a mobile or landline number; 离开日期 and 离开原因 given together; yes/no
    flags.

    `as_of` (default `today`, never later) is the day a 预备党员's probation is judged on: a
    book kept for a past year holds that year's roster, whose 预备党员 may have been confirmed
    since.

    出生日期, 入党时间 and 转正时间 may be known only to the month ("1975-07", see
    `MONTH_OK_FIELDS`): a check between dates then refuses only what is wrong whichever day of
    the month it was. `unreadable` names fields whose cell could not be read at all (already
    reported where they are): no check between fields is made with them, so one mistake is
    reported once, at its cause.
    """
    problems: dict[str, str] = dict.fromkeys(unreadable, "")
    as_of = min(as_of or today, today)

    def text(key: str) -> str:
        value = fields.get(key)
        return "" if value is None else str(value).strip()

    def label(key: str) -> str:
        return FIELD_LABELS.get(key) or EXTRA_FIELD_LABELS.get(key, key)

    # Single fields.
    name = "".join(unicodedata.normalize("NFKC", text("name")).split())
    if (message := _check_name(name)) is not None:
        problems["name"] = message

    status = text("status")
    if not status:
        problems["status"] = "请选择人员类别：正式党员、预备党员、入党积极分子或入党申请人"
    elif status not in MEMBER_STATUSES:
        problems["status"] = (
            f"人员类别“{status}”无法识别，请填正式党员、预备党员、入党积极分子或入党申请人"
        )

    gender = text("gender")
    if gender and gender not in GENDERS:
        problems["gender"] = f"性别“{gender}”无法识别，请填“男”或“女”"

    ethnicity = text("ethnicity")
    if ethnicity and ethnicity not in _ETHNICITY_NAMES:
        problems["ethnicity"] = f"民族“{ethnicity}”不是56个民族之一，请按身份证填写，如“汉族”"

    code = text("code")
    if code and (any(ch.isspace() for ch in code) or len(code) > 20):
        problems["code"] = "编号不能有空格，最多20个字符，请修改"

    dates: dict[str, _Span] = {}
    for key in DATE_FIELDS:
        if key in problems:
            continue
        parsed = _parse_date(fields.get(key), month_ok=key in MONTH_OK_FIELDS)
        if parsed is None:
            continue
        if isinstance(parsed, str):
            problems[key] = date_problem(parsed, label(key), example="1985-07-01") or ""
            if key in MONTH_OK_FIELDS:
                problems[key] += "（只知道年月的，写成 YYYY-MM，如 1985-07）"
        elif parsed.first > today:
            problems[key] = f"{label(key)} {parsed.words} 晚于今天，请核对"
        elif parsed.last < _EARLIEST:
            problems[key] = f"{label(key)} {parsed.words} 早于1900年，请核对"
        else:
            dates[key] = parsed

    id_card = fields.get("id_card")
    id_problem = check_id_card(id_card, today) if id_card not in (None, "") else None
    if id_problem:
        problems["id_card"] = id_problem

    phone = text("phone")
    if phone and (message := check_phone(phone)) is not None:
        problems["phone"] = message

    for key in FLAG_FIELDS:
        if key in fields and (message := _flag_problem(label(key), fields[key])) is not None:
            problems[key] = message

    for key, limit in (("left_reason", 100), ("note", 500), ("group", 30), ("education", 30)):
        if len(text(key)) > limit:
            problems[key] = f"{label(key)}最多{limit}个字，现在有{len(text(key))}个字，请删减"

    # Between fields.
    birth, joined = dates.get("birth_date"), dates.get("joined_date")
    confirmed, left = dates.get("confirmed_date"), dates.get("left_date")

    if id_card not in (None, "") and not id_problem and "id_card" not in problems:
        id_text = str(id_card)
        id_birth, id_gender = birth_date_from_id(id_text), gender_from_id(id_text)
        if (
            birth
            and id_birth
            and not birth.first <= id_birth <= birth.last
            and "birth_date" not in problems
        ):
            shown = (
                id_birth.isoformat()
                if birth.first == birth.last
                else date_words(id_birth.isoformat()[:7])
            )
            problems["birth_date"] = (
                f"出生日期 {birth.words} 与身份证号中的 {shown} 不一致，请按身份证核对"
            )
        if gender in GENDERS and id_gender and gender != id_gender:
            problems["gender"] = (
                f"性别“{gender}”与身份证号不一致（身份证号第17位表示“{id_gender}”），请核对"
            )

    if status in ("入党积极分子", "入党申请人"):
        for key in ("joined_date", "confirmed_date"):
            if fields.get(key) not in (None, "") and key not in problems:
                problems[key] = (
                    f"{status}还没有入党，不应填写{label(key)}；"
                    "若已入党，请把人员类别改为预备党员或正式党员"
                )
    elif status == "预备党员" and fields.get("confirmed_date") not in (None, ""):
        problems.setdefault(
            "confirmed_date",
            "预备党员还没有转正，请清空转正时间；若已转正，请把人员类别改为正式党员",
        )
    elif (
        status == "预备党员"
        and joined
        and "joined_date" not in problems
        and (left.last if left else as_of) - joined.last > MAX_PROBATION + _PROBATION_SLACK
    ):
        problems["joined_date"] = (
            "入党已超过两年，预备期（最长两年）早已结束：若已转正，请把人员类别改为正式党员"
            "并填写转正时间；否则请核对入党时间"
        )
    elif (
        status == "正式党员"
        and joined
        and not confirmed
        and "joined_date" not in problems
        and today - joined.first < PROBATION - _PROBATION_SLACK
    ):
        problems["joined_date"] = (
            "入党还不到一年，预备期未满，不能是正式党员：请核对入党时间，或把人员类别改为预备党员"
        )

    if birth and joined and "joined_date" not in problems and "birth_date" not in problems:
        if joined.last <= birth.first:
            problems["joined_date"] = "入党时间早于出生日期，请核对这两个日期"
        elif _years_between(birth.first, joined.last) < MIN_JOIN_AGE:
            problems["joined_date"] = (
                f"按出生日期算，入党时还不满{MIN_JOIN_AGE}周岁，请核对入党时间和出生日期"
            )

    if confirmed and "confirmed_date" not in problems:
        if not joined and "joined_date" not in problems:
            problems["confirmed_date"] = "填写了转正时间，请同时填写入党时间"
        elif joined and confirmed.last <= joined.first:
            problems["confirmed_date"] = "转正时间应晚于入党时间，请核对这两个日期"
        elif joined and confirmed.last - joined.first < PROBATION - _PROBATION_SLACK:
            problems["confirmed_date"] = (
                "转正时间距入党时间不到一年（预备期为一年），请核对这两个日期"
            )

    if left and "left_date" not in problems:
        if birth and left.last <= birth.first:
            problems["left_date"] = "离开日期早于出生日期，请核对"
        elif joined and left.last < joined.first:
            problems["left_date"] = "离开日期早于入党时间，请核对这两个日期"
    left_reason = text("left_reason")
    if fields.get("left_date") not in (None, "") and not left_reason:
        problems.setdefault(
            "left_reason", "填写了离开日期，请同时填写离开原因（如 转出、出党、死亡）"
        )
    if left_reason and fields.get("left_date") in (None, ""):
        problems.setdefault("left_date", "填写了离开原因，请同时填写离开日期")

    return {key: message for key, message in problems.items() if message}


def _years_between(start: date, end: date) -> int:
    """Whole years from start to end (age on `end` of someone born on `start`)."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))
