"""公司 90+10 (quarters summed ÷ 4) and 社区 70+20+10+20 (two appraisal rounds, 优秀 ≤ 30%)."""

from __future__ import annotations

from rules_testkit import Branch, D, lines_sum, load_preset
from test_scheme_check import GOOD

from desktop.rules.scheme import load_scheme
from desktop.rules.scoring import rate, score

GONGSI = load_preset("gongsi-90-10")
SHEQU = load_preset("shequ-70-20-10-20")


def test_gongsi_year_is_sum_of_quarters_divided_by_four() -> None:
    b = Branch()
    b.member("001")
    b.claim("001", "2026-02-01", "award-company", 0, "股份公司表彰")  # +3
    b.claim("001", "2026-03-01", "award-company", 0, "股份公司表彰")  # +3 → pool 5
    b.claim("001", "2026-03-15", "innovation", 5, "发明专利")  # +5
    b.pay("001", "2026-05", 400, 400, "2026-06-02")  # late: 组织生活 Q2 loses its 5 for dues
    m = score(GONGSI, b.facts(), 2026).member("001")
    assert m is not None
    assert m.sections["创新创业"] == D("2.5")  # (10 + 0 + 0 + 0) / 4
    assert m.sections["组织生活"] == D("28.75")  # (30 + 25 + 30 + 30) / 4
    assert m.total == D("91.25")
    assert lines_sum(m) == m.total
    q1 = score(GONGSI, b.facts(), 2026, quarter=1).member("001")
    assert q1 is not None and q1.sections["创新创业"] == 10
    assert any(ln.rule.startswith("「表彰加分（上限5分）」") for ln in q1.lines)
    assert rate(GONGSI, score(GONGSI, b.facts(), 2026)).members[0].grade == "优秀"


def test_gongsi_grades_and_veto_clears_the_period() -> None:
    b = Branch()
    for code in ("001", "002", "003"):
        b.member(code)
    for q in range(4):  # 002 loses 发挥作用 带头争创佳绩 10 each quarter → 80 → 优秀 line
        b.claim("002", f"2026-{q * 3 + 2:02d}-01", "role-results", -10)
        b.claim("003", f"2026-{q * 3 + 2:02d}-01", "role-results", -10)
        b.claim("003", f"2026-{q * 3 + 2:02d}-01", "life-meetings", -10)
        b.claim("003", f"2026-{q * 3 + 2:02d}-01", "pol-obey", -4)
    b.veto("001", "2026-08-01", "受到留党察看处分", by="支委会")
    result = score(GONGSI, b.facts(), 2026)
    by = {m.code: m for m in result.members}
    assert by["001"].total == 0 and lines_sum(by["001"]) == 0
    assert by["002"].total == 80 and by["003"].total == 66
    grades = {m.code: m.grade for m in rate(GONGSI, result).members}
    assert grades == {"001": "不合格", "002": "优秀", "003": "基本合格"}


def test_shequ_two_appraisal_rounds_and_capped_contributions() -> None:
    b = Branch()
    b.member("001")
    b.appraise("001", "优秀", round_=1)  # 10
    b.appraise("001", "合格", round_=2)  # 8
    b.appraise("001", "合格", round_=1, kind="群众评议")  # 4
    b.appraise("001", "基本合格", round_=2, kind="群众评议")  # 3
    b.claim("001", "2026-04-01", "base-life", -15, "多次无故缺席集中学习")
    b.claim("001", "2026-05-01", "c-volunteer", 12, "社区志愿服务")
    b.claim("001", "2026-09-01", "c-honor", 15, "街道优秀党员")
    m = score(SHEQU, b.facts(), 2026).member("001")
    assert m is not None
    assert m.sections == {"基础积分": 55, "党员评议": 18, "群众评议": 7, "贡献加分": 20}
    assert m.total == 100
    assert lines_sum(m) == m.total
    # the first half-year round counts in H1 on its own; the second does not
    h1 = score(SHEQU, b.facts(), 2026, half=1).member("001")
    assert h1 is not None and h1.sections["党员评议"] == 10


def test_shequ_excellent_quota_and_base_condition() -> None:
    b = Branch()
    for i in range(1, 8):  # 7 members all with 100: 30% of 7 = 2 (floor)
        code = f"{i:03d}"
        b.member(code)
        for r in (1, 2):
            b.appraise(code, "优秀", round_=r)
            b.appraise(code, "优秀", round_=r, kind="群众评议")
        b.claim(code, "2026-06-01", "c-task", i)  # totals 101 … 107
    b.claim("007", "2026-03-01", "base-discipline", -11)  # 007: base 59 → cannot be 优秀
    result = score(SHEQU, b.facts(), 2026)
    rating = rate(SHEQU, result)
    grades = {m.code: m.grade for m in rating.members}
    assert [c for c, g in grades.items() if g == "优秀"] == ["005", "006"]
    assert "基础分低于60分的党员，不能评为优秀" in next(
        m.reasons for m in rating.members if m.code == "007"
    )


def test_shequ_scores_activists_but_does_not_rate_them() -> None:
    b = Branch()
    b.member("001", status="入党积极分子")
    m = score(SHEQU, b.facts(), 2026).member("001")
    assert m is not None and m.scored and not m.rated
    assert m.reasons == ["入党积极分子纳入积分管理，不参加评定"]


# Quotas as shares of 「党员总数」 (社区 五、1), and how a partial year combines
# (公司: 「季度积分之和÷4」 literally, or over the quarters a member was present).


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
