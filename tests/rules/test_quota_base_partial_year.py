"""Small gaps (issue 16 item 6): quotas as shares of 「党员总数」, and how a partial year
combines (「季度积分之和÷4」 literally, or over the quarters a member was present)."""

from __future__ import annotations

import pytest
from rules_testkit import Branch, load_preset
from test_scheme_check import GOOD

from desktop.rules.scheme import SchemeError, load_scheme
from desktop.rules.scoring import rate, score


def test_shequ_quota_is_a_share_of_all_party_members() -> None:
    # 社区 五、1：「优秀党员数量原则上掌握在党员总数的30%以内」 — the base counts party members
    # who are not rated too (here 4 免考, 年老体弱: 6 rated of 10).
    shequ = load_preset("shequ-70-20-10-20")
    assert shequ.rating.quota_base == "members"
    b = Branch()
    for i in range(1, 11):
        b.member(f"{i:03d}", exempt=i > 6)
        for rnd in (1, 2):
            b.appraise(f"{i:03d}", "优秀", round_=rnd)
            b.appraise(f"{i:03d}", "优秀", round_=rnd, kind="群众评议")
        b.claim(f"{i:03d}", "2026-03-01", "c-task", 11 - i)
    rating = rate(shequ, score(shequ, b.facts(), 2026))
    (q,) = rating.quotas
    assert q.rule == "党员总数10人×30%，向下取整得3名" and q.used == 3
    # Of the rated members only it would have been 6 × 30% = 1.
    by_rated = shequ.__class__(**{**_fields(shequ), "rating": _with_base(shequ.rating, "rated")})
    (q,) = rate(by_rated, score(by_rated, b.facts(), 2026)).quotas
    assert q.rule == "6人×30%，向下取整得1名"
    rated = load_scheme(GOOD.replace("[rating]", '[rating]\nquota_base = "rated"', 1)).rating
    assert rated.quota_base == "rated"


def _fields(obj):  # type: ignore[no-untyped-def]
    from dataclasses import fields

    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _with_base(rating, base: str):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(rating, quota_base=base)


def test_quota_base_mistake() -> None:
    with pytest.raises(SchemeError) as exc:
        load_scheme(GOOD.replace("[rating]", '[rating]\nquota_base = "all"', 1))
    assert any("「quota_base」为未知的名额基数「all」" in p for p in exc.value.problems)


def _arrived_in_july(scheme_text: str):  # type: ignore[no-untyped-def]
    scheme = load_scheme(scheme_text)
    b = Branch()
    b.member("001", transferred_in_date="2026-07-01")
    return score(scheme, b.facts(), 2026).member("001")


def test_gongsi_divides_the_sum_of_quarters_by_four_literally() -> None:
    # 公司 四（五）：「党员年度积分=党员季度积分之和÷4」 — a member here for Q3 and Q4 only.
    from desktop.rules.presets import preset_text

    text = preset_text("gongsi-90-10")
    assert load_scheme(text).partial_year == "all"
    literal = _arrived_in_july(text)
    present = _arrived_in_july(text.replace('partial_year = "all"', 'partial_year = "present"'))
    assert present.total == 2 * literal.total  # two quarters ÷ 4, against ÷ 2
    assert any("÷4个季度）" in ln.fact for ln in literal.lines)
    assert not any("÷4个季度）" in ln.fact for ln in present.lines)


def test_partial_year_mistake() -> None:
    with pytest.raises(SchemeError) as exc:
        load_scheme(GOOD.replace("total = 100", 'total = 100\npartial_year = "half"', 1))
    assert any(
        "「partial_year」为未知的不满一年的合成方式「half」" in p for p in exc.value.problems
    )


def test_jiguan_scores_members_at_work_only() -> None:
    # 机关 二、适用范围：「**党支部在职正式党员和预备党员」 — 在职 read from the 党费类别.
    jiguan = load_preset("jiguan-60-40")
    b = Branch()
    b.member("001", employment="在职")
    b.member("002", employment="离退休")
    b.member("003")  # no dues standard recorded: scored
    result = score(jiguan, b.facts(), 2026)
    assert [result.member(c).scored for c in ("001", "002", "003")] == [True, False, True]
    assert result.member("002").reasons == [
        "党费类别为“离退休”，本方案只对在职、年薪制党员实行积分管理"
    ]
    with pytest.raises(SchemeError) as exc:
        load_scheme(GOOD + '\n[members]\nemployment = ["退休"]\n')
    assert any("未知的党费类别「退休」" in p for p in exc.value.problems)


def test_the_book_reads_at_work_from_the_dues_standard(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from desktop.book.dues import set_rate
    from desktop.book.scoring import member_facts, score_book
    from desktop.book.store import Book

    today = date(2026, 3, 1)
    book = Book.create(tmp_path / "jg.db", branch="机关支部", year=2026, scheme_id="jiguan-60-40")
    ids = [
        book.roster.add_member(
            {"code": c, "name": n, "status": "正式党员", "joined_date": "2000-07-01"}, today=today
        )
        for c, n in (("001", "张三"), ("002", "李四"))
    ]
    set_rate(book, ids[0], from_month="2026-01", category="在职", income_fen=400000, today=today)
    set_rate(book, ids[1], from_month="2026-01", category="离退休", income_fen=300000, today=today)
    assert [m.employment for m in member_facts(book, 2026)] == ["在职", "离退休"]
    result = score_book(book, 2026, today=today, explain=False)
    assert [m.scored for m in result.members] == [True, False]
    book.close()
