"""Sort keys and search for Chinese personal names.

姓氏笔画 order, as party documents list names: by the simplified stroke count of the
surname, then by its first stroke in the order 横 丨 丿 丶 乛 (一丨丿丶乛) and the
following strokes, then the following characters the same way (a single given name
first: see `stroke_key`).  Qt/ICU collation cannot do this (``zh_TW`` counts
traditional strokes, ``zh_CN`` sorts by pinyin), so the counts come from a committed table,
``resources/collation/strokes.tsv`` (see SOURCES.md there), read on first use in its packed
form ``strokes.bin`` (`desktop.rules.stroke_table`: the roster sorts by it at start-up).

Pinyin order and search use pypinyin, with surname readings (曾 zēng, 单 shàn, 解 xiè …).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from desktop.resources import resource_path
from desktop.rules.stroke_table import StrokeTable

# First-stroke classes, in sort order.
FIRST_STROKES = "一丨丿丶乛"  # 横 竖 撇 点 折
_UNKNOWN_FIRST = "6"  # a known count without stroke data sorts after 折

# One character's stroke key: (unknown?, count, stroke classes, code point).
CharKey = tuple[int, int, str, int]
# One character's pinyin key: (syllable without tone, tone 0-5, code point).
PinyinCharKey = tuple[str, int, int]

# Readings of polyphonic characters as surnames (pypinyin gives the common word reading).
_SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng1",
    "单": "shan4",
    "解": "xie4",
    "仇": "qiu2",
    "朴": "piao2",
    "区": "ou1",
    "查": "zha1",
    "乐": "yue4",
    "翟": "zhai2",
    "覃": "qin2",
    "种": "chong2",
    "盖": "ge3",
    "缪": "miao4",
    "繁": "po2",
    "秘": "bi4",
    "员": "yun4",
    "黑": "he4",
    "华": "hua4",
    "纪": "ji3",
    "宁": "ning4",
    "燕": "yan1",
    "尉": "wei4",
    "召": "shao4",
    "长": "chang2",
    "重": "chong2",
    "薄": "bo2",
    "柏": "bai3",
    "句": "gou1",
    "都": "du1",
    "占": "zhan1",
    "折": "she2",
    "能": "nai4",
    "万": "wan4",
    "车": "che1",
    "应": "ying1",
    "任": "ren2",
    "藏": "zang4",
    "隗": "wei3",
    "厍": "she4",
    "莘": "shen1",
    "过": "guo1",
    "那": "na1",
    "沈": "shen3",
    "石": "shi2",
    "卜": "bu3",
    "贾": "jia3",
    "叶": "ye4",
    "褚": "chu3",
    "阚": "kan4",
    "殷": "yin1",
    "于": "yu2",
}

# Compound surnames whose reading differs from the characters' own (used for names of 3+).
_COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "尉迟": ("yu4", "chi2"),
    "万俟": ("mo4", "qi2"),
    "单于": ("chan2", "yu2"),
    "长孙": ("zhang3", "sun1"),
    "澹台": ("tan2", "tai2"),
    "诸葛": ("zhu1", "ge3"),
    "欧阳": ("ou1", "yang2"),
    "司马": ("si1", "ma3"),
    "上官": ("shang4", "guan1"),
    "令狐": ("ling2", "hu2"),
    "皇甫": ("huang2", "fu3"),
    "夏侯": ("xia4", "hou2"),
    "呼延": ("hu1", "yan2"),
    "东方": ("dong1", "fang1"),
    "公孙": ("gong1", "sun1"),
    "司徒": ("si1", "tu2"),
    "慕容": ("mu4", "rong2"),
}


def _clean(name: str) -> str:
    """NFKC (full-width letters, compatibility ideographs), without any whitespace."""
    return "".join(unicodedata.normalize("NFKC", name).split())


@cache
def _stroke_table() -> StrokeTable:
    """Code point -> (count, stroke classes "1".."5" in writing order, or "" if unknown)."""
    return StrokeTable.load(resource_path("collation", "strokes.bin"))


def stroke_info(char: str) -> tuple[int, int] | None:
    """(simplified stroke count, first stroke 1-5 = 横竖撇点折 or 0 if unknown), or None."""
    if len(char) != 1:
        raise ValueError("stroke_info takes one character")
    info = _stroke_table().get(ord(unicodedata.normalize("NFKC", char)[0]))
    if info is None:
        return None
    count, strokes = info
    return count, int(strokes[0]) if strokes else 0


def _char_key(char: str) -> CharKey:
    info = _stroke_table().get(ord(char))
    if info is None:
        return (1, 0, "", ord(char))  # not a known character: after all known ones
    count, strokes = info
    # "6" sorts a character whose first stroke is unknown after 折 ("5..."); a character
    # known only by its first stroke sorts before the same first stroke with more known.
    return (0, count, strokes or _UNKNOWN_FIRST, ord(char))


# The blank that stands between surname and a single-character given name (see stroke_key).
_BLANK: CharKey = (-1, 0, "", 0)


@lru_cache(maxsize=4096)
def stroke_key(name: str) -> tuple[CharKey, ...]:
    """Sort key for 姓氏笔画 order: per character (count, strokes, the character).

    Use as ``sorted(names, key=stroke_key)``.  Characters are compared by simplified stroke
    count, then first stroke (横竖撇点折), then their following strokes where the table
    knows them, then code point; the first character decides, then the second, and so on
    (a compound surname is not treated specially: 欧阳少东 sorts by 欧, before 洪少东).

    As in the name lists of party congresses and the CPPCC (按姓氏笔画为序), a
    two-character name counts as surname, blank, given name, so a single given name comes
    before every two-character one of the same surname: 田富 before 田大利, 王晨 before
    王沪宁.  Characters not in the table (Latin letters, "·", very rare characters) sort
    after every known character, by code point.
    """
    keys = [_char_key(ch) for ch in _clean(name)]
    if len(keys) == 2 and keys[0][0] == 0 and keys[1][0] == 0:
        keys.insert(1, _BLANK)
    return tuple(keys)


def _is_han(char: str) -> bool:
    return _stroke_table().get(ord(char)) is not None or "\u4e00" <= char <= "\u9fff"


@lru_cache(maxsize=4096)
def _syllables(name: str) -> tuple[str, ...]:
    """TONE3 syllables (``zhang1``), one per character; a non-Han character stands for itself."""
    from pypinyin import Style, lazy_pinyin  # lazily: it loads a large dictionary

    text = _clean(name)
    head: list[str] = []
    rest = text
    compound = next((c for c in _COMPOUND_SURNAMES if text.startswith(c)), None)
    if compound and len(text) >= 3:
        head, rest = list(_COMPOUND_SURNAMES[compound]), text[2:]
    elif text and text[0] in _SURNAME_READINGS:
        head, rest = [_SURNAME_READINGS[text[0]]], text[1:]
    syllables = head + [
        s if _is_han(ch) else ch.lower()
        for ch, s in zip(
            rest,
            lazy_pinyin(rest, style=Style.TONE3, neutral_tone_with_five=True, errors=list),
            strict=True,
        )
    ]
    return tuple(syllables)


def _split_tone(syllable: str) -> tuple[str, int]:
    if syllable and syllable[-1].isdigit() and len(syllable) > 1:
        return syllable[:-1], int(syllable[-1])
    return syllable, 0


@lru_cache(maxsize=4096)
def pinyin_key(name: str) -> tuple[PinyinCharKey, ...]:
    """Sort key for pinyin order: per character (syllable, tone, the character)."""
    text = _clean(name)
    return tuple(
        (*_split_tone(syllable), ord(ch))
        for ch, syllable in zip(text, _syllables(name), strict=True)
    )


@lru_cache(maxsize=4096)
def pinyin_initials(name: str) -> str:
    """Lowercase initials for search: "张三丰" -> "zsf"; letters and digits kept, other marks dropped."""
    return "".join(s[0] for s in _syllables(name) if s and s[0].isalnum())


@lru_cache(maxsize=4096)
def _reading_choices(name: str) -> tuple[frozenset[str], ...]:
    """Per position of `pinyin_initials`, every toneless reading of the character (乐: le,
    yue), ü written both as v and as u."""
    from pypinyin import Style, pinyin

    choices = []
    for ch, syllable in zip(_clean(name), _syllables(name), strict=True):
        if not (syllable and syllable[0].isalnum()):
            continue
        readings = {_split_tone(syllable)[0]}
        if _is_han(ch):
            found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
            readings.update(r.lower() for r in (found[0] if found else []) if r)
        readings |= {r.replace("v", "u") for r in readings if "v" in r}
        choices.append(frozenset(readings))
    return tuple(choices)


def _matches_syllables(name: str, query: str) -> bool:
    """Whether the query, cut into pieces, spells consecutive characters of the name, each
    piece the start of one of the character's readings: initials ("ly"), full pinyin
    ("liuyang") and the two mixed ("lyang", "liuy") all find 刘洋."""
    choices = _reading_choices(name)

    @cache
    def spells(at: int, pos: int) -> bool:
        if pos == len(query):
            return True
        if at == len(choices):
            return False
        return any(
            reading.startswith(query[pos:end]) and spells(at + 1, end)
            for end in range(len(query), pos, -1)
            for reading in choices[at]
        )

    return any(spells(start, 0) for start in range(len(choices)))


@lru_cache(maxsize=4096)
def _full_pinyin(name: str) -> tuple[str, ...]:
    """Toneless pinyin run together, with ü written both as v and as u ("lvxin", "luxin")."""
    plain = "".join(_split_tone(s)[0] for s in _syllables(name) if s and s[0].isalnum())
    return (plain, plain.replace("v", "u")) if "v" in plain else (plain,)


def matches_search(name: str, query: str) -> bool:
    """Whether a name matches a search box entry, ignoring case, width and spaces.

    Matches when the query is part of the name ("三丰"), or spells consecutive characters
    by the start of their pinyin: initials ("zsf", "sf"), full pinyin ("zhangsan",
    "sanfeng") or both mixed ("zsfeng", "zhangsf"); a polyphonic character matches by any
    of its readings (张乐 by "zl", "zy", "zhangyue").  Part of the run-together full pinyin
    matches too ("angsan").  An empty query matches every name.
    """
    q = _clean(query).lower()
    if not q:
        return True
    if q in _clean(name).lower():
        return True
    if not q.isascii():
        return False
    return _matches_syllables(name, q) or any(q in full for full in _full_pinyin(name))


def sorted_by_strokes(names: Iterable[str]) -> list[str]:
    """The names in 姓氏笔画 order."""
    return sorted(names, key=stroke_key)


# -- names of things that are numbered (党小组) ---------------------------------------------

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_number(text: str) -> int:
    """The value of a Chinese numeral written with 〇零一…九十百千 (十一 11, 二十 20, 一百零五
    105, 三〇 30 read digit by digit)."""
    if all(ch in _CN_DIGITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, digit = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            total += (digit or 1) * _CN_UNITS[ch]  # 十二: a bare 十 is one ten
            digit = 0
    return total + digit


def _is_numeral(ch: str) -> bool:
    return ch.isdigit() or ch in _CN_DIGITS or ch in _CN_UNITS


NaturalPart = tuple[int, int, tuple[CharKey, ...]]


@lru_cache(maxsize=1024)
def natural_key(name: str) -> tuple[NaturalPart, ...]:
    """Sort key for names that may carry a number, such as 党小组: numbers in the name (Arabic
    or Chinese: 第一, 第十二, 3组) compare by value, so 第一、第二、第三…第十、第十一党小组 keep
    their order (by code point 一 U+4E00 < 三 U+4E09 < 二 U+4E8C); the other characters
    compare by strokes as in `stroke_key` (东片 before 西片)."""
    parts: list[NaturalPart] = []
    text = _clean(name)
    i = 0
    while i < len(text):
        j = i
        numeral = _is_numeral(text[i])
        while j < len(text) and _is_numeral(text[j]) == numeral:
            j += 1
        run = text[i:j]
        if numeral:
            value = int(run) if run.isdigit() else cn_number(run)
            parts.append((0, value, ()))
        else:
            parts.append((1, 0, tuple(_char_key(ch) for ch in run)))
        i = j
    return tuple(parts)


def group_key(name: str, position: int) -> tuple[int, tuple[NaturalPart, ...], int]:
    """Sort key for 党小组: those whose name carries a number (第一党小组, 3组) first, by
    `natural_key` (第二 before 第十, 第十 before 第十一); the rest (东片, 老年, 机关) after them in
    the book's own order, `position` (the order they were set up in)."""
    if any(_is_numeral(ch) for ch in _clean(name)):
        return (0, natural_key(name), position)
    return (1, (), position)
