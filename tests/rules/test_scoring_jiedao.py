"""街道 农村细则 preset: quarterly deduct-from-full averaged over 4 quarters + 评议 + 事迹."""

from __future__ import annotations

from rules_testkit import Branch, D, YearFacts, lines_sum, load_preset

from desktop.rules.presets import preset_text
from desktop.rules.scheme import load_scheme
from desktop.rules.scoring import score

SCHEME = load_preset("jiedao-nongcun")
DAILY = ["思想政治", "履行职责", "发挥作用", "遵纪守法", "道德品行"]


def test_quarter_average_of_absences_and_leave() -> None:
    b = Branch()
    b.member("001")
    b.attend("001", "2026-02-05", "无故缺席")  # -2
    b.attend("001", "2026-03-05", "无故缺席", "党课")  # -2
    b.attend("001", "2026-03-20", "因公请假", "党小组会")  # -0.5
    b.appraise("001", "优秀")  # 20
    m = score(SCHEME, b.facts(), 2026).member("001")
    assert m is not None
    # Q1 思想政治 = 20 - 4.5 = 15.5; Q2–Q4 = 20; (15.5 + 60) / 4 = 18.875 → 18.88
    assert m.sections["思想政治"] == D("18.88")
    assert m.sections["年终评议"] == 20
    assert m.sections["突出事迹"] == 0
    assert m.total == D("18.88") + 50 + 20
    assert lines_sum(m) == m.total
    rounding = [ln for ln in m.lines if ln.rule == "4个季度取平均"]
    assert [ln.points for ln in rounding] == [D("0.005")]


def test_quarter_score_is_that_quarter_only() -> None:
    b = Branch()
    b.member("001")
    b.attend("001", "2026-02-05", "无故缺席")
    b.attend("001", "2026-05-05", "因私请假")
    b.appraise("001", "优秀")
    q1 = score(SCHEME, b.facts(), 2026, quarter=1).member("001")
    q2 = score(SCHEME, b.facts(), 2026, quarter=2).member("001")
    assert q1 is not None and q2 is not None
    assert q1.sections["思想政治"] == 18
    assert q2.sections["思想政治"] == D("19.5")
    # the annual appraisal is not part of a quarter's score
    assert q1.sections["年终评议"] == 0 and q2.total == D("69.5")


def test_organisational_life_pool_of_15_is_deducted_to_zero_only() -> None:
    b = Branch()
    b.member("001")
    for day in range(1, 9):  # 8 unexcused absences in Q1: -16, but the sub-item has 15
        b.attend("001", f"2026-01-{day:02d}", "无故缺席")
    m = score(SCHEME, b.facts(), 2026, quarter=1).member("001")
    assert m is not None
    assert m.sections["思想政治"] == 5  # 学习贯彻 5 stays
    clip = [ln for ln in m.lines if ln.rule.startswith("「组织生活（15分）」")]
    assert [ln.points for ln in clip] == [D(1)]
    assert lines_sum(m) == m.total


def test_dues_late_short_unpaid_each_minus_one() -> None:
    b = Branch()
    b.member("001")
    b.pay("001", "2026-01", 500, 500, "2026-01-15")  # on time
    b.pay("001", "2026-02", 500, 500, "2026-03-03")  # late
    b.pay("001", "2026-03", 500, 200, "2026-03-10")  # short
    b.pay("001", "2026-04", 500, 0, None)  # unpaid
    q1 = score(SCHEME, b.facts(), 2026, quarter=1).member("001")
    q2 = score(SCHEME, b.facts(), 2026, quarter=2).member("001")
    assert q1 is not None and q2 is not None
    assert q1.sections["遵纪守法"] == 8
    assert q2.sections["遵纪守法"] == 9
    facts = [ln.fact for ln in q1.lines if ln.section == "遵纪守法" and ln.points < 0]
    assert facts == [
        "2026-02党费逾期缴纳：应缴5.00元，实缴5.00元（2026-03-03缴纳）",
        "2026-03党费未足额：应缴5.00元，实缴2.00元（2026-03-10缴纳）",
    ]


def test_unpaid_dues_not_judged_before_the_deadline() -> None:
    b = Branch()
    b.member("001")
    b.pay("001", "2026-04", 500, 0, None)
    m = score(SCHEME, b.facts(), 2026, quarter=2, as_of="2026-04-20").member("001")
    assert m is not None
    assert m.sections["遵纪守法"] == 10


def test_outstanding_deeds_capped_at_10() -> None:
    b = Branch()
    b.member("001")
    b.claim("001", "2026-07-01", "honor-district", 0, "区级优秀共产党员")
    b.claim("001", "2026-09-01", "honor-street", 0, "街道优秀党员")
    m = score(SCHEME, b.facts(), 2026).member("001")
    assert m is not None
    assert m.sections["突出事迹"] == 10
    capped = [ln for ln in m.lines if ln.rule == "本部分最高10分，超出部分不计"]
    assert [ln.points for ln in capped] == [D(-8)]
    assert lines_sum(m) == m.total == 80  # 70 + 0 (no appraisal) + 10


def test_appraisal_grades() -> None:
    b = Branch()
    for code, grade in (("001", "优秀"), ("002", "合格"), ("003", "基本合格"), ("004", "不合格")):
        b.member(code)
        b.appraise(code, grade)
    result = score(SCHEME, b.facts(), 2026)
    assert [m.sections["年终评议"] for m in result.members] == [20, 15, 10, 0]


def test_member_transferred_in_mid_year_is_averaged_over_quarters_in_branch() -> None:
    b = Branch()
    b.member("001", transferred_in_date="2026-05-10")
    b.attend("001", "2026-06-01", "无故缺席")
    m = score(SCHEME, b.facts(), 2026).member("001")
    assert m is not None
    # Q2–Q4 only: (18 + 20 + 20) / 3 = 19.333… → 19.33
    assert m.sections["思想政治"] == D("19.33")
    assert lines_sum(m) == m.total


def test_followups_by_total() -> None:
    b = Branch()
    b.member("001")
    b.appraise("001", "优秀")  # 70 + 20 = 90 → not > 90
    b.claim("001", "2026-06-01", "honor-street", 0)  # 98
    b.member("002")
    b.appraise("002", "合格")
    for q in range(4):
        b.claim("002", f"2026-{q * 3 + 1:02d}-02", "work-done", 0)
    # 002: 履行职责 15 each quarter → 65 + 15 = 80
    b.member("003")
    b.appraise("003", "不合格")
    for q in range(4):
        for item in ("work-done", "post-claim", "customs"):
            b.claim("003", f"2026-{q * 3 + 1:02d}-02", item, 0)
    # 003: 70 - 14 = 56 → both 谈话教育 and 按不合格党员处置
    result = score(SCHEME, b.facts(), 2026)
    flags = {m.code: [f.name for f in m.flags if f.kind == "followup"] for m in result.members}
    assert result.member("003").total == 56  # type: ignore[union-attr]
    assert flags == {
        "001": ["可推荐评先推优"],
        "002": [],
        "003": ["谈话教育", "按不合格党员处置"],
    }


def test_jiedao_asks_mobile_members_to_report_monthly_not_to_attend_n_times() -> None:
    # 本方案：「流动党员要……通过电话、书面材料等形式每月至少向党支部汇报一次思想、工作及表现
    # 情况」 — no attendance count (issue 16 item 13): nothing is counted, the rule is stated.
    assert SCHEME.mobile_in_province_per_quarter == 0
    assert SCHEME.mobile_out_of_province_per_year == 0
    assert "每月至少向党支部汇报一次" in SCHEME.mobile_note
    b = Branch()
    b.member("001", mobile=True, mobile_scope="省内")
    result = score(SCHEME, b.facts(), 2026)
    assert [f for f in result.member("001").flags if f.name == "mobile"] == []  # type: ignore[union-attr]


# Another street's 党员管理办法: 「流动地在省内的，每季度参加所在村党支部党的组织生活不少于 1 次；
# 流动地省外的，每年参加所在党支部组织生活不少于 2 次」.
MOBILE_RULES = load_scheme(
    preset_text("jiedao-nongcun").replace(
        "[mobile]\n", "[mobile]\nin_province_per_quarter = 1\nout_of_province_per_year = 2\n"
    )
)


def test_mobile_members_minimum_party_life() -> None:
    SCHEME = MOBILE_RULES
    b = Branch()
    b.member("001", mobile=True, mobile_scope="省内")
    b.member("002", mobile=True, mobile_scope="省外")
    b.member("003", mobile=True, mobile_scope="省外")
    b.attend("001", "2026-02-10", "补录")  # Q1 done; Q2–Q4 missing
    b.attend("001", "2026-11-10", "出席")  # Q4 done
    b.attend("002", "2026-07-01", "补录")  # only once a year
    b.attend("003", "2026-03-01", "出席")
    b.attend("003", "2026-09-01", "补录")
    result = score(SCHEME, b.facts(), 2026)
    notes = {m.code: [f.text for f in m.flags if f.name == "mobile"] for m in result.members}
    assert notes["001"] == [
        "流动党员（省内）2026年第2季度参加组织生活0次，少于每季度1次的要求",
        "流动党员（省内）2026年第3季度参加组织生活0次，少于每季度1次的要求",
    ]
    assert notes["002"] == [
        "流动党员（省外）2026年参加组织生活1次，少于每年2次的要求，请核实流入地党组织的证明材料"
    ]
    assert notes["003"] == []
    # a quarter still running is not judged
    live = score(SCHEME, b.facts(), 2026, as_of="2026-05-15")
    assert [f.text for f in live.member("001").flags if f.name == "mobile"] == []  # type: ignore[union-attr]


def test_live_view_averages_only_quarters_begun() -> None:
    b = Branch()
    b.member("001")
    b.attend("001", "2026-02-05", "无故缺席")  # Q1 18
    b.pay("001", "2026-05", 300, 0, None)  # May not yet due on 2026-05-20
    m = score(SCHEME, b.facts(), 2026, as_of="2026-05-20").member("001")
    assert m is not None
    assert m.sections["思想政治"] == 19  # (18 + 20) / 2: Q3, Q4 have not begun
    assert m.sections["遵纪守法"] == 10
    assert lines_sum(m) == m.total


def test_month_window() -> None:
    b = Branch()
    b.member("001")
    b.attend("001", "2026-02-05", "无故缺席")
    b.attend("001", "2026-03-05", "无故缺席")
    feb = score(SCHEME, b.facts(), 2026, month=2).member("001")
    assert feb is not None and feb.sections["思想政治"] == 18


# The plans say when dues cost points, not on which day: 「缴纳党费（5 分）。根据党费收缴规定，
# 按时足额缴纳党费；缴纳不及时不足额者，每次扣 1 分」 (街道 农村细则); 「不按时足额交纳党费每次扣
# 5 分」 (机关); and 「积分生成后，原则上不能更改」 (党员e家 第二十六条). None speaks of 补交 moving
# the deduction. So a month not paid in time is one deduction, taken on the last day to pay: a
# quarter judged at its end sees it as 未缴纳, the year (after the arrears are paid) as 逾期缴纳,
# both on that day — the quarters and the year never disagree, before or after the payment.
def test_arrears_paid_next_quarter_are_deducted_in_the_quarter_that_judged_them() -> None:

    def book(arrears_paid: bool) -> YearFacts:
        b = Branch()
        b.member("001")
        for month in range(1, 13):
            if month not in (7, 8, 9):
                b.pay("001", f"2026-{month:02d}", 100, 100, f"2026-{month:02d}-20")
            elif arrears_paid:
                b.pay("001", f"2026-{month:02d}", 100, 100, "2026-10-12")
            else:  # the book supplies months owed with nothing recorded as unpaid
                b.pay("001", f"2026-{month:02d}", 100, 0, None)
        return b.facts()

    unpaid = book(False)  # Q3 confirmed before the arrears were entered
    paid = book(True)
    q3_before = score(SCHEME, unpaid, 2026, quarter=3).member("001")
    q3 = score(SCHEME, paid, 2026, quarter=3).member("001")
    q4 = score(SCHEME, paid, 2026, quarter=4).member("001")
    year = score(SCHEME, paid, 2026).member("001")
    assert q3_before and q3 and q4 and year
    # Q3 scores the same whether the October payment is entered yet or not (its snapshot
    # stays true), and Q4 does not take the deduction a second time.
    assert q3.sections == q3_before.sections
    assert q3.sections["遵纪守法"] == 7 and q4.sections["遵纪守法"] == 10
    q3_facts = [(ln.date, ln.fact) for ln in q3.lines if ln.rule.startswith("缴纳党费")]
    assert q3_facts == [
        ("2026-07-31", "2026-07党费逾期未缴清：应缴1.00元（2026-10-12补交）"),
        ("2026-08-31", "2026-08党费逾期未缴清：应缴1.00元（2026-10-12补交）"),
        ("2026-09-30", "2026-09党费逾期未缴清：应缴1.00元（2026-10-12补交）"),
    ]
    # The year: the same three deductions, as 逾期缴纳, in Q3; its 遵纪守法 is the average of
    # the quarters' (10 + 10 + 7 + 10) / 4.
    year_facts = [(ln.date, ln.period) for ln in year.lines if ln.rule.startswith("缴纳党费")]
    assert year_facts == [
        ("2026-07-31", "2026年第3季度"),
        ("2026-08-31", "2026年第3季度"),
        ("2026-09-30", "2026年第3季度"),
    ]
    assert all("逾期缴纳" in ln.fact for ln in year.lines if ln.rule.startswith("缴纳党费"))
    quarters = [score(SCHEME, paid, 2026, quarter=q).member("001") for q in (1, 2, 3, 4)]
    for name in DAILY:
        average = sum((m.sections[name] for m in quarters), D(0)) / 4  # type: ignore[union-attr]
        assert year.sections[name] == average.quantize(D("0.01"))
    assert lines_sum(year) == year.total


def test_december_dues_paid_in_january_stay_deducted_in_the_year() -> None:
    b = Branch()
    b.member("001")
    b.pay("001", "2026-12", 100, 100, "2027-01-08")
    q4 = score(SCHEME, b.facts(), 2026, quarter=4).member("001")
    year = score(SCHEME, b.facts(), 2026).member("001")
    assert q4 and year
    assert q4.sections["遵纪守法"] == 9
    assert [ln.date for ln in year.lines if ln.rule.startswith("缴纳党费")] == ["2026-12-31"]
