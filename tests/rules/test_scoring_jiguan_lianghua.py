"""机关 60+40 (per occurrence, uncapped, half-yearly) and 量化定级 (monthly → quarterly stars)."""

from __future__ import annotations

import pytest
from rules_testkit import Branch, D, lines_sum, load_preset
from test_scheme_check import GOOD

from desktop.rules.scheme import SchemeError, load_scheme
from desktop.rules.scoring import rate, score

JIGUAN = load_preset("jiguan-60-40")
LIANGHUA = load_preset("lianghua-dingji")


def test_jiguan_per_occurrence_points() -> None:
    b = Branch()
    b.member("001")
    for month, type_ in ((1, "支部党员大会"), (2, "党课"), (3, "党小组会"), (5, "组织生活会")):
        b.attend("001", f"2026-{month:02d}-08", "出席", type_)  # +3 each
    b.attend("001", "2026-04-08", "补录", "党课")  # +3 (two witnesses, registered late)
    b.attend("001", "2026-06-08", "出席", "志愿服务")  # +5
    b.attend("001", "2026-06-20", "无故缺席", "主题党日")  # -5
    for month in range(1, 7):
        b.pay("001", f"2026-{month:02d}", 1000, 1000, f"2026-{month:02d}-05")  # +2 × 6
    b.claim("001", "2026-03-01", "lecture", 0, "到联系点讲党课")  # +5
    b.claim("001", "2026-05-01", "award-city", 0, "市级优秀党员")  # +7
    h1 = score(JIGUAN, b.facts(), 2026, half=1).member("001")
    assert h1 is not None
    assert h1.sections == {"基本分": 32, "先锋分": 12, "扣分": -5}
    assert h1.total == 39
    assert lines_sum(h1) == h1.total


def test_jiguan_is_uncapped() -> None:
    b = Branch()
    b.member("001")
    for day in range(1, 29):
        b.attend("001", f"2026-03-{day:02d}", "出席", "党小组会")
    m = score(JIGUAN, b.facts(), 2026).member("001")
    assert m is not None
    assert m.sections["基本分"] == 84  # 28 × 3, more than 60: 积分上不封顶


def test_jiguan_study_capped_at_12_a_year() -> None:
    b = Branch()
    b.member("001")
    b.claim("001", "2026-03-01", "study", 8)
    b.claim("001", "2026-09-01", "study", 8)
    m = score(JIGUAN, b.facts(), 2026).member("001")
    assert m is not None
    assert m.sections["基本分"] == 12
    clip = [ln for ln in m.lines if "最多计12分" in ln.rule]
    assert [ln.points for ln in clip] == [D(-4)]
    # The same cap holds when the second half is scored on its own.
    h2 = score(JIGUAN, b.facts(), 2026, half=2).member("001")
    assert h2 is not None and h2.sections["基本分"] == 4


def test_jiguan_deductions_stop_at_zero() -> None:
    b = Branch()
    b.member("001")
    b.claim("001", "2026-03-01", "report", 0)  # +3
    b.claim("001", "2026-04-01", "discipline", 0)  # -10
    m = score(JIGUAN, b.facts(), 2026).member("001")
    assert m is not None
    assert m.total == 0
    assert m.sections == {"基本分": 3, "先锋分": 0, "扣分": -3}
    assert lines_sum(m) == 0


def test_jiguan_top_and_bottom_ten_percent() -> None:
    b = Branch()
    for i in range(1, 21):
        code = f"{i:03d}"
        b.member(code)
        for k in range(i):  # member i has i reports: 3 × i points
            b.claim(code, f"2026-02-{k + 1:02d}", "report", 0)
    b.attend("020", "2026-05-05", "无故缺席")  # best member has a deduction: 60 - 5
    result = score(JIGUAN, b.facts(), 2026)
    flags = {m.code: [f.name for f in m.flags if f.kind == "followup"] for m in result.members}
    top = [c for c, f in flags.items() if "评先评优推荐对象" in f]
    bottom = [c for c, f in flags.items() if "诫勉谈话" in f]
    assert top == ["019"]  # top 2 = 020 (55, has a deduction) and 019 (57)
    assert bottom == ["001", "002"]


def test_jiguan_bottom_share_tie_at_boundary() -> None:
    b = Branch()
    for i in range(1, 11):
        b.member(f"{i:03d}")
    b.claim("001", "2026-02-01", "report", 0)  # 3; everyone else 0: nine tied at the bottom
    result = score(JIGUAN, b.facts(), 2026)
    flags = {m.code: [f.name for f in m.flags if f.kind == "followup"] for m in result.members}
    assert flags.pop("001") == ["评先评优推荐对象"]
    assert set(map(tuple, flags.values())) == {()}  # bottom 10% = 1, but nine tie → nobody


def _lianghua_branch() -> Branch:
    b = Branch()
    b.member("001")
    b.claim("001", "2026-01-20", "thought", -2, "学习笔记不全")
    b.claim("001", "2026-03-20", "thought", -1, "迟到")
    b.claim("001", "2026-03-25", "peer", 8, "党员互评")
    b.claim("001", "2026-03-26", "mass", 9, "群众测评")
    return b


def test_lianghua_quarter_from_three_month_average() -> None:
    m = score(LIANGHUA, _lianghua_branch().facts(), 2026, quarter=1).member("001")
    assert m is not None
    assert m.sections["思想品德"] == 9  # (8 + 10 + 9) / 3
    assert m.sections["党员互评"] == 8 and m.sections["群众测评"] == 9
    assert m.total == 96  # 9 + 7 × 10 + 8 + 9
    assert lines_sum(m) == m.total


def test_lianghua_monthly_average_rounds_to_cents() -> None:
    b = Branch()
    b.member("001")
    b.claim("001", "2026-02-10", "execution", -1)
    m = score(LIANGHUA, b.facts(), 2026, quarter=1).member("001")
    assert m is not None
    assert m.sections["落实执行"] == D("9.67")  # 29 / 3 = 9.666…
    assert lines_sum(m) == m.total == D("79.67")


def test_lianghua_stars_and_grades() -> None:
    b = _lianghua_branch()
    b.member("002")  # no peer / mass scores: 80 → 4★ 合格
    b.member("003")
    b.claim("003", "2026-02-01", "ability", -10)
    b.claim("003", "2026-02-02", "dedication", -10)
    b.claim("003", "2026-03-02", "dedication", -10)
    b.member("004")
    b.veto("004", "2026-02-15", "被司法机关立案侦查", by="支委会")
    result = score(LIANGHUA, b.facts(), 2026, quarter=1)
    # 003: 6 × 10 + 业务能力 (10 + 0 + 10) / 3 + 担当奉献 (10 + 0 + 0) / 3 = 60 + 6.67 + 3.33
    assert result.member("003").total == 70  # type: ignore[union-attr]
    by = {m.code: (m.stars, m.grade) for m in rate(LIANGHUA, result).members}
    assert by == {
        "001": (5, "优秀"),
        "002": (4, "合格"),
        "003": (3, "合格"),
        "004": (1, "不合格"),  # 一票否决：直接评为一星
    }


def test_no_follow_ups_while_the_period_runs() -> None:
    b = Branch()
    for i in range(1, 21):
        b.member(f"{i:03d}")
    b.claim("001", "2026-02-01", "report", 0)
    running = score(JIGUAN, b.facts(), 2026, as_of="2026-06-30")
    assert not any(f.kind == "followup" for m in running.members for f in m.flags)
    done = score(JIGUAN, b.facts(), 2026, half=1, as_of="2026-06-30")
    assert any(f.kind == "followup" for m in done.members for f in m.flags)


# 机关 scores members at work only (在职, read from the 党费类别).


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
