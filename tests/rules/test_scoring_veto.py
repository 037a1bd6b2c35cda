"""一票否决: automatic detection only flags; confirmed vetoes have the scheme's effect."""

from __future__ import annotations

from rules_testkit import Branch, lines_sum, load_preset

from desktop.rules.presets import preset_text
from desktop.rules.scheme import load_scheme
from desktop.rules.scoring import rate, score

EJIA = load_preset("dangyuan-ejia")
EJIA_TEXT = preset_text("dangyuan-ejia")


def monthly_meetings(b: Branch, attend_months: set[int], member: str = "001") -> None:
    for month in range(1, 13):
        status = "出席" if month in attend_months else "无故缺席"
        b.attend(member, f"2026-{month:02d}-10", status)


def checks(result, code: str = "001") -> list[str]:  # type: ignore[no-untyped-def]
    m = result.member(code)
    return [f.name for f in m.flags if f.kind == "veto_check"]


def test_six_months_without_party_life_is_flagged_not_applied() -> None:
    b = Branch()
    b.member("001")
    monthly_meetings(b, {1, 2, 3, 10, 11, 12})  # absent April–September
    result = score(EJIA, b.facts(), 2026)
    m = result.member("001")
    assert m is not None
    assert checks(result) == ["no_party_life"]
    flag = next(f for f in m.flags if f.kind == "veto_check")
    assert flag.text.startswith("2026-04至2026-09连续6个月未参加党的组织生活")
    assert "请支委会核实" in flag.text
    assert not [f for f in m.flags if f.kind == "veto"]  # nothing applied
    assert rate(EJIA, result).members[0].stars == 5  # the rating is untouched


def test_five_months_is_not_flagged() -> None:
    b = Branch()
    b.member("001")
    monthly_meetings(b, {1, 2, 3, 9, 10, 11, 12})
    assert checks(score(EJIA, b.facts(), 2026)) == []


def test_months_without_any_activity_neither_count_nor_break() -> None:
    b = Branch()
    b.member("001")
    b.member("002")
    for month in (1, 2, 3, 5, 7, 9, 11, 12):  # no activities in 4, 6, 8, 10
        b.attend("001", f"2026-{month:02d}-10", "因私请假")
        b.attend("002", f"2026-{month:02d}-10", "出席" if month in (1, 12) else "无故缺席")
    result = score(EJIA, b.facts(), 2026)
    # 001: never present; held months 1,2,3,5,7,9,11,12 → a run of 8 held months
    assert checks(result, "001") == ["no_party_life"]
    # 002: present in 1 and 12; months 2,3,5,7,9,11 missed = 6 held months in a row
    assert checks(result, "002") == ["no_party_life"]


def test_only_ended_months_count() -> None:
    b = Branch()
    b.member("001")
    monthly_meetings(b, {1, 2, 3})
    result = score(EJIA, b.facts(), 2026, as_of="2026-09-15")  # April–August = 5 ended months
    assert checks(result) == []
    result = score(EJIA, b.facts(), 2026, as_of="2026-09-30")
    assert checks(result) == ["no_party_life"]


def test_six_months_of_unpaid_dues_is_flagged() -> None:
    b = Branch()
    b.member("001")
    b.member("002")
    for month in range(1, 13):
        m = f"2026-{month:02d}"
        b.pay("001", m, 300, 0 if 3 <= month <= 8 else 300, None if 3 <= month <= 8 else f"{m}-05")
        # 002 pays a little in June: the run is broken (5 + 2)
        paid = 100 if month == 6 else (0 if 1 <= month <= 7 else 300)
        b.pay("002", m, 300, paid, f"{m}-05" if paid else None)
    result = score(EJIA, b.facts(), 2026)
    m = result.member("001")
    assert m is not None
    assert [f.name for f in m.flags if f.kind == "veto_check"] == ["no_dues"]
    assert "2026-03至2026-08连续6个月未交纳党费" in next(
        f.text for f in m.flags if f.kind == "veto_check"
    )
    assert checks(result, "002") == []


def test_unconfirmed_veto_has_no_effect() -> None:
    b = Branch()
    b.member("001")
    b.veto("001", "2026-05-01", "受到党纪处分", by="")
    result = score(EJIA, b.facts(), 2026)
    m = result.member("001")
    assert m is not None
    assert m.total == 100
    assert [f.kind for f in m.flags if f.kind != "followup"] == ["notice"]
    assert rate(EJIA, result).members[0].stars == 5
    assert "县级以上党内表彰推荐人选" in [f.name for f in m.flags]  # a five-star's follow-up


def test_confirmed_veto_excludes_from_rating_in_ejia() -> None:
    b = Branch()
    b.member("001")
    b.veto("001", "2026-05-01", "受到党纪处分", by="支委会")
    result = score(EJIA, b.facts(), 2026)
    rated = rate(EJIA, result).members[0]
    assert rated.stars is None and not rated.rated
    assert "一票否决：不参与评星定级和评定等次" in rated.reasons
    assert result.member("001").total == 100  # type: ignore[union-attr]


def test_clear_period_and_force_one_star_effects() -> None:
    text = EJIA_TEXT.replace(
        'effect = "exclude"',
        'effect = "clear_period"\nkinds = [{ name = "违法", effect = "force_1_star" }]',
    )
    scheme = load_scheme(text)
    b = Branch()
    b.member("001")
    b.member("002")
    b.claim("002", "2026-02-01", "reward", 5)
    b.veto("001", "2026-05-01", "连续6个月不交纳党费", by="支委会")
    b.veto("002", "2026-05-01", "被司法机关立案侦查", by="支委会", kind="违法")
    result = score(scheme, b.facts(), 2026)
    cleared = result.member("001")
    assert cleared is not None
    assert cleared.total == 0 and set(cleared.sections.values()) == {0}
    assert lines_sum(cleared) == 0
    by = {m.code: m for m in rate(scheme, result).members}
    assert by["002"].stars == 1
    assert result.member("002").total == 105  # type: ignore[union-attr]


def test_veto_outside_the_window_does_not_apply() -> None:
    b = Branch()
    b.member("001")
    b.veto("001", "2026-05-01", "处分", by="支委会")
    result = score(EJIA, b.facts(), 2026, quarter=1)
    assert not [f for f in result.member("001").flags if f.kind == "veto"]  # type: ignore[union-attr]
