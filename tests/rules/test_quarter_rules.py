"""Pure quarter rules: the publicity period, canonical snapshots and the hash chain."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.presets import preset_text
from desktop.rules.quarter import (
    GENESIS,
    Link,
    canonical_json,
    link_hash,
    publicity_end,
    verify_chain,
    working_days_between,
)
from desktop.rules.scheme import SchemeError, check_scheme, load_scheme


@pytest.mark.parametrize(
    ("start", "days", "working", "holidays", "end"),
    [
        ("2026-07-01", 5, True, (), "2026-07-07"),  # Wed → Tue, over a weekend
        ("2026-07-04", 5, True, (), "2026-07-10"),  # starts on a Saturday: Mon–Fri
        ("2026-09-30", 5, True, [f"2026-10-0{d}" for d in range(1, 8)], "2026-10-13"),
        ("2026-07-01", 5, False, (), "2026-07-05"),  # calendar days count the weekend
        ("2026-07-01", 1, True, (), "2026-07-01"),
    ],
)
def test_publicity_end(start, days, working, holidays, end) -> None:
    assert publicity_end(start, days, working_days=working, holidays=holidays) == end


dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@given(dates, st.integers(1, 30), st.sets(dates, max_size=20))
def test_working_publicity_has_exactly_the_days_asked(start, days, off) -> None:
    holidays = {d.isoformat() for d in off}
    end = publicity_end(start.isoformat(), days, working_days=True, holidays=holidays)
    assert end >= start.isoformat()
    assert working_days_between(start.isoformat(), end, holidays) == days
    last = date.fromisoformat(end)
    assert last.weekday() < 5 and end not in holidays  # it ends on a working day


@given(dates, st.integers(1, 30))
def test_calendar_publicity_is_days_long(start, days) -> None:
    end = publicity_end(start.isoformat(), days, working_days=False)
    assert date.fromisoformat(end) - start == timedelta(days=days - 1)


payloads = st.dictionaries(
    st.text(min_size=1, max_size=5),
    st.one_of(
        st.integers(),
        st.text(max_size=8),
        st.decimals(min_value=-1000, max_value=1000, places=2),
        st.lists(st.integers(), max_size=3),
    ),
    max_size=6,
)


@given(payloads)
def test_canonical_form_ignores_key_order(payload) -> None:
    reordered = dict(reversed(list(payload.items())))
    assert canonical_json(payload) == canonical_json(reordered)


def _plain_before(value):
    """canonical_json's conversion as it was before its fast path (verify re-digests old
    confirmed periods: the text must not change by one byte)."""
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01")))
    if isinstance(value, dict):
        return {str(k): _plain_before(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_before(v) for v in value]
    if isinstance(value, float):
        return repr(value)
    return value


cells = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.decimals(min_value=-1000, max_value=1000, places=3),
)
trees = st.recursive(
    cells,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.one_of(st.text(max_size=4), st.integers()), inner, max_size=4),
    ),
    max_leaves=20,
)


@given(st.dictionaries(st.text(max_size=4), trees, max_size=5))
def test_canonical_text_is_what_it_was(payload) -> None:
    import json

    before = json.dumps(
        _plain_before(payload), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    assert canonical_json(payload) == before


def test_canonical_points_are_fixed_decimals() -> None:
    assert canonical_json({"b": Decimal("2.5"), "a": "张三"}) == '{"a":"张三","b":"2.50"}'


def _chain(texts: list[str]) -> list[Link]:
    links, prev = [], GENESIS
    for i, text in enumerate(texts, start=1):
        h = link_hash(prev, text)
        links.append(Link(f"第{i}季度", text, prev, h))
        prev = h
    return links


@given(st.lists(st.text(max_size=20), min_size=1, max_size=6), st.data())
def test_chain_names_the_first_altered_link(texts, data) -> None:
    links = _chain(texts)
    assert verify_chain(links) is None
    i = data.draw(st.integers(0, len(links) - 1))
    altered = list(links)
    altered[i] = Link(links[i].label, links[i].canonical + "x", links[i].prev_hash, links[i].hash)
    problem = verify_chain(altered)
    assert problem is not None and problem.index == i and problem.label == f"第{i + 1}季度"


def test_chain_notices_a_removed_link() -> None:
    links = _chain(["a", "b", "c"])
    problem = verify_chain([links[0], links[2]])
    assert problem is not None and problem.label == "第3季度" and "删除" in problem.reason


def test_scheme_publicity_keys() -> None:
    text = preset_text("jiedao-nongcun")
    assert load_scheme(text).publicity_days == 5 and load_scheme(text).publicity_working_days
    custom = text + "\n[publicity]\ndays = 7\nworking_days = false\n"
    scheme = load_scheme(custom)
    assert (scheme.publicity_days, scheme.publicity_working_days) == (7, False)
    bad = text + '\n[publicity]\ndays = 0\nworking_days = "是"\nweeks = 1\n'
    problems = check_scheme(bad)
    assert any("[publicity]" in p and "days" in p for p in problems)
    assert any("working_days" in p for p in problems)
    assert any("weeks" in p for p in problems)
    with pytest.raises(SchemeError):
        load_scheme(bad)


def test_check_code_is_twelve_hex_digits_in_groups_of_four():
    from desktop.rules.quarter import check_code, check_code_matches

    digest = "7be26ec7f876" + "0" * 52
    assert check_code(digest) == "7be2 6ec7 f876"
    assert check_code_matches(digest, "7BE2 6EC7 F876")
    assert check_code_matches(digest, "7be26ec7f876")
    assert not check_code_matches(digest, "7be2 6ec7 f877")
    assert not check_code_matches(digest, "7be2")  # too short to mean anything
