"""The year's end in the book: 民主评议 results for a group at once, 一票否决 decisions, their
withdrawal (deleted while open, a dated entry once confirmed), and the year's overview."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from year_end_testkit import TODAY, YEAR, make_year_book

from desktop.book import quarter, year_end, years
from desktop.book import quarter as Q
from desktop.book import year_end as Y
from desktop.book.errors import InputRefused, RecordLocked
from desktop.book.scoring import score_book
from desktop.book.store import Book


@pytest.fixture
def yb(tmp_path: Path):
    book = make_year_book(tmp_path / "year.db")
    yield book
    book.close()


def _journal(book) -> int:
    return book.execute("select count(*) from journal").fetchone()[0]


def _confirm(book, quarter: int) -> None:
    start = Q.publishable_from(YEAR, quarter)
    Q.publish(book, YEAR, quarter, start=start, today=date.fromisoformat(start))
    Q.confirm(book, YEAR, quarter, today=date.fromisoformat(start).replace(day=25))


# ---------------------------------------------------------------- 民主评议


def test_a_group_at_once_is_recorded_listed_and_scored(tmp_path: Path) -> None:
    book = make_year_book(tmp_path / "jd.db", scheme="jiedao-nongcun")
    before = score_book(book, YEAR, today=TODAY).member("001").sections["年终评议"]
    ids = Y.add_appraisals(book, YEAR, "党员评议", {"王一": "优秀", "002": "合格"})
    assert len(ids) == 2
    rows = Y.list_appraisals(book, YEAR)
    assert [(r["name"], r["grade"], r["withdrawn"]) for r in rows] == [
        ("王一", "优秀", None),
        ("李二", "合格", None),
    ]
    assert before == 0
    after = score_book(book, YEAR, today=TODAY)
    assert after.member("001").sections["年终评议"] == 20
    assert after.member("002").sections["年终评议"] == 15
    ov = Y.year_overview(book, YEAR, today=TODAY)
    assert ov.columns == [("党员评议", 1)]
    assert ov.row("王一").appraisals == {("党员评议", 1): "优秀"}
    assert "登记民主评议" in book.journal(1)[0]["action"]
    book.close()


@pytest.mark.parametrize(
    ("grades", "kwargs", "needle"),
    [
        ({"王一": "很好"}, {}, "等次“很好”不对"),
        ({"钱五": "合格"}, {}, "民主评议只评议党员"),
        ({"没有这人": "合格"}, {}, "找不到党员“没有这人”"),
        ({"王一": "合格"}, {"round": 3}, "只有 2 次"),
        ({}, {}, "没有要登记的评议结果"),
    ],
)
def test_appraisal_bad_input_is_refused_whole(yb, grades, kwargs, needle) -> None:
    n = _journal(yb)
    with pytest.raises(InputRefused) as err:
        # 李二 is fine: all or nothing, so nothing is written for him either.
        Y.add_appraisals(
            yb, YEAR, "党员评议", {"李二": "合格", **grades} if grades else {}, **kwargs
        )
    assert needle in str(err.value) + "".join(err.value.lines())
    assert Y.list_appraisals(yb, YEAR) == [] and _journal(yb) == n


def test_appraisal_kind_year_duplicate_and_absent_member(yb) -> None:
    with pytest.raises(InputRefused, match="评议类型"):
        Y.add_appraisals(yb, YEAR, "自我评议", {"王一": "合格"})
    with pytest.raises(InputRefused, match="还没有开始"):
        Y.add_appraisals(yb, YEAR + 1, "党员评议", {"王一": "合格"})
    Y.add_appraisal(yb, YEAR, "党员评议", "王一", "合格")
    with pytest.raises(InputRefused) as err:
        Y.add_appraisal(yb, YEAR, "党员评议", "王一", "优秀")
    assert "已有结果“合格”" in err.value.lines()[0] and "先撤销" in err.value.lines()[0]
    # 群众评议 is another kind: allowed. Twice the same member in one batch is not possible
    # through a mapping, but the same member by code and by name is.
    Y.add_appraisal(yb, YEAR, "群众评议", "王一", "优秀")
    with pytest.raises(InputRefused) as err:
        Y.add_appraisals(yb, YEAR, "党员评议", {"李二": "合格", "002": "优秀"})
    assert err.value.lines() == ["李二：同一名党员填了两次。"]
    # A member who left before the year has no place in it.
    yb.roster.add_member(
        {
            "code": "009",
            "name": "孙九",
            "status": "正式党员",
            "joined_date": "1990-01-01",
            "left_date": "2024-06-30",
            "left_reason": "转出",
        },
        today=TODAY,
    )
    with pytest.raises(InputRefused) as err:
        Y.add_appraisal(yb, YEAR, "党员评议", "孙九", "合格")
    assert "2024-06-30 离开本支部" in err.value.lines()[0]


def test_withdrawing_an_appraisal_deletes_it_while_the_year_is_open(yb) -> None:
    aid = Y.add_appraisal(yb, YEAR, "党员评议", "王一", "不合格")
    with pytest.raises(InputRefused, match="必须写明原因"):
        Y.withdraw_appraisal(yb, aid, "  ")
    assert Y.withdraw_appraisal(yb, aid, "录错了人") == "deleted"
    assert Y.list_appraisals(yb, YEAR) == []
    entry = yb.journal(1)[0]
    assert entry["action"] == "删除民主评议" and "录错了人" in entry["summary"]
    with pytest.raises(InputRefused, match="找不到编号"):
        Y.withdraw_appraisal(yb, aid, "再撤一次")
    Y.add_appraisal(yb, YEAR, "党员评议", "王一", "优秀")  # re-entered after the withdrawal


def test_self_and_branch_appraisals_keep_who_graded_and_when(yb) -> None:
    """公司 五、1 「党员自评、互评、支部评定」: a 自评 is the member's own (stored as her name),
    a 组织考评 the 支委会's unless named; 日期 today unless given."""
    Y.add_appraisals(yb, YEAR, "自评", {"王一": "优秀"}, today=TODAY)
    Y.add_appraisals(yb, YEAR, "自评", {"李二": "合格"}, graded_by="本人", on="2026-01-09")
    Y.add_appraisals(yb, YEAR, "组织考评", {"王一": "合格"}, on=date(2026, 1, 12))
    Y.add_appraisals(yb, YEAR, "组织考评", {"李二": "优秀"}, graded_by=" 支部书记张三 ")
    got = {(r["kind"], r["name"]): (r["graded_by"], r["date"], r["graded"]) for r in
           Y.list_appraisals(yb, YEAR)}  # fmt: skip
    today = date.today().isoformat()
    assert got == {
        ("自评", "王一"): ("王一", "2026-01-15", "王一（本人）于2026-01-15评定"),
        ("自评", "李二"): ("李二", "2026-01-09", "李二（本人）于2026-01-09评定"),
        ("组织考评", "王一"): ("支委会", "2026-01-12", "支委会于2026-01-12评定"),
        ("组织考评", "李二"): ("支部书记张三", today, f"支部书记张三于{today}评定"),
    }


@pytest.mark.parametrize(
    ("kind", "kwargs", "needle"),
    [
        ("自评", {"graded_by": "张三"}, "王一：自评是党员本人的评定，评定人不能是“张三”"),
        ("组织考评", {"on": "2026-01-16"}, "评定日期 2026-01-16 还没到（今天是 2026-01-15）。"),
        ("组织考评", {"on": "2024-12-31"}, "评定日期 2024-12-31 早于 2025 年"),
        ("组织考评", {"on": "2026/1/5"}, "评定日期"),
        ("组织考评", {"graded_by": "支" * 31}, "评定人最多 30 个字，现在有 31 个字。"),
        ("党员评议", {"graded_by": "支委会"}, "党员评议由评议会议投票评出"),
        ("群众评议", {"on": "2026-01-10"}, "群众评议由评议会议投票评出"),
    ],
)
def test_a_bad_grader_or_date_is_refused_and_nothing_written(yb, kind, kwargs, needle) -> None:
    before = _journal(yb)
    with pytest.raises(InputRefused) as err:
        Y.add_appraisals(yb, YEAR, kind, {"王一": "合格"}, today=TODAY, **kwargs)
    assert needle in str(err.value) + "".join(err.value.lines())
    assert Y.list_appraisals(yb, YEAR) == [] and _journal(yb) == before


def test_a_book_from_before_graders_upgrades_its_locked_results_unchanged(tmp_path) -> None:
    """Schema 17 → 18 adds 评定人 and 日期 to appraisals: results recorded before keep every
    value (both new columns empty: not known, not made up)."""
    import sqlite_utils

    from desktop.book.schema import MIGRATIONS
    from desktop.book.store import APPLICATION_ID

    path = tmp_path / "v17.db"
    db = sqlite_utils.Database(path)
    db.execute(f"pragma application_id = {APPLICATION_ID}")
    MIGRATIONS.apply(db, stop_before="m018_appraisal_graders")
    db.execute("pragma user_version = 17")
    db["branch"].insert({"id": 1, "name": "老支部", "created_at": "2025-01-01T00:00:00"})
    db["members"].insert(
        {"id": 1, "code": "001", "name": "王一", "status": "正式党员",
         "created_at": "2025-01-01T00:00:00", "updated_at": "2025-01-01T00:00:00"}
    )  # fmt: skip
    db["appraisals"].insert(
        {"id": 7, "year": 2025, "round": 1, "kind": "自评", "member_id": 1, "grade": "优秀",
         "created_at": "2026-01-05T09:00:00"}
    )  # fmt: skip
    db.conn.commit()
    db.close()
    with Book.open(path) as book:
        assert book.execute("pragma user_version").fetchone()[0] >= 18  # and later ones
        row = book.query("select * from appraisals")[0]
        assert row == {"id": 7, "year": 2025, "round": 1, "kind": "自评", "member_id": 1,
                       "grade": "优秀", "created_at": "2026-01-05T09:00:00", "graded_by": "",
                       "date": None}  # fmt: skip
        assert Y.list_appraisals(book, 2025)[0]["graded"] == ""


def test_who_graded_a_locked_result_cannot_be_changed(yb) -> None:
    """Confirmed records never change: once the year's last period is confirmed, neither the
    grade nor its 评定人 and 日期 can be altered, even behind the program's back."""
    Y.add_appraisals(yb, YEAR, "组织考评", {"王一": "合格"}, on="2026-01-10", today=TODAY)
    for q in range(1, 5):
        _confirm(yb, q)
    with pytest.raises(sqlite3.IntegrityError, match="民主评议结果已锁定"):
        yb.execute("update appraisals set graded_by = '张三', date = '2026-01-11'")
    assert Y.list_appraisals(yb, YEAR)[0]["graded"] == "支委会于2026-01-10评定"
    # Changed behind the program's back (the lock trigger dropped): the fourth quarter's
    # facts digest, which holds them, no longer matches.
    assert Q.check_chain(yb.conn) is None
    trigger = yb.execute(
        "select sql from sqlite_master where name = 'lock_appraisals_update'"
    ).fetchone()[0]
    yb.execute("drop trigger lock_appraisals_update")
    yb.execute("update appraisals set graded_by = '张三'")
    yb.execute(trigger)
    problem = Q.check_chain(yb.conn)
    assert problem is not None and problem.label == "2025年第4季度", problem


# ---------------------------------------------------------------- 一票否决


def test_a_veto_is_recorded_and_takes_effect(yb) -> None:
    assert Y.year_overview(yb, YEAR, today=TODAY).row("王一").stars == 5
    vid = Y.add_veto(yb, "王一", "2025-10-08", "受到党内严重警告处分", "支委会", today=TODAY)
    rows = Y.list_vetoes(yb, YEAR)
    assert [(r["id"], r["name"], r["decided_by"], r["withdrawn"]) for r in rows] == [
        (vid, "王一", "支委会", None)
    ]
    ov = Y.year_overview(yb, YEAR, today=TODAY)
    wang = ov.row("王一")
    assert wang.stars is None and not wang.honoured
    assert any("一票否决" in r for r in wang.reasons)
    assert wang.vetoes == ["2025-10-08 受到党内严重警告处分（支委会）"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("王一", "2025-10-08", "", "支委会"), "请写明一票否决的原因"),
        (("王一", "2025-10-08", "处分", " "), "请填写决定人"),
        (("王一", "2026-02-01", "处分", "支委会"), "还没有到"),
        (("王一", "2025-02-30", "处分", "支委会"), "2025年2月只有28天"),
        (("王一", "", "处分", "支委会"), "请填写作出一票否决决定的日期"),
        (("赵四", "2025-08-01", "处分", "支委会"), "2025-09-01 才转入本支部"),
        (("钱五", "2025-08-01", "处分", "支委会"), "一票否决只针对党员"),
        (("无名", "2025-08-01", "处分", "支委会"), "找不到党员"),
    ],
)
def test_veto_bad_input_is_refused(yb, args, needle) -> None:
    n = _journal(yb)
    with pytest.raises(InputRefused) as err:
        Y.add_veto(yb, *args, today=TODAY)
    assert needle in str(err.value) + "".join(err.value.lines())
    assert Y.list_vetoes(yb, YEAR) == [] and _journal(yb) == n


def test_veto_duplicates_and_kinds(tmp_path: Path) -> None:
    book = make_year_book(tmp_path / "gs.db", scheme="gongsi-90-10")
    kinds = Y.veto_kinds(book, YEAR)
    assert len(kinds) == 5
    Y.add_veto(book, "王一", "2025-03-01", "造成重大事故", "支委会", kind=kinds[1], today=TODAY)
    assert Y.list_vetoes(book, YEAR)[0]["kind"] == kinds[1]
    with pytest.raises(InputRefused, match="不能重复登记"):
        Y.add_veto(book, "王一", "2025-03-01", "另一件事", "支委会", today=TODAY)
    with pytest.raises(InputRefused, match="不能重复登记"):
        Y.add_veto(book, "王一", "2025-04-01", "造成重大事故", "支委会", today=TODAY)
    with pytest.raises(InputRefused) as err:
        Y.add_veto(book, "李二", "2025-04-01", "其他", "支委会", kind="不在方案里", today=TODAY)
    assert "不是2025年积分方案中的一票否决情形" in err.value.lines()[0]
    # The kind's effect is the scheme's: 公司 cancels every point of the period.
    assert Y.year_overview(book, YEAR, today=TODAY).row("王一").total == 0
    book.close()


def test_veto_withdrawn_while_open_is_deleted(yb) -> None:
    vid = Y.add_veto(yb, "李二", "2025-10-08", "录入错误的处分", "支委会", today=TODAY)
    assert Y.withdraw_veto(yb, vid, "处分是别人的") == "deleted"
    assert Y.list_vetoes(yb, YEAR) == []
    assert yb.journal(1)[0]["action"] == "删除一票否决"


def test_a_locked_veto_is_withdrawn_by_a_new_dated_entry(yb) -> None:
    vid = Y.add_veto(yb, "王一", "2025-02-10", "受到党内警告处分", "支委会", today=TODAY)
    _confirm(yb, 1)
    # The decision itself is locked now: no new one in Q1, no deletion.
    with pytest.raises(RecordLocked):
        Y.add_veto(yb, "李二", "2025-03-10", "处分", "支委会", today=TODAY)
    with pytest.raises(InputRefused, match="撤销须写明决定人"):
        Y.withdraw_veto(yb, vid, "处分已被撤销", when="2025-05-01")
    with pytest.raises(RecordLocked):
        Y.withdraw_veto(yb, vid, "处分已被撤销", decided_by="支委会", when="2025-03-20")
    with pytest.raises(InputRefused, match="早于"):
        Y.withdraw_veto(yb, vid, "处分已被撤销", decided_by="支委会", when="2025-01-20")
    assert Y.year_overview(yb, YEAR, today=TODAY).row("王一").stars is None
    done = Y.withdraw_veto(yb, vid, "上级撤销了处分决定", decided_by="支委会", when="2025-05-01")
    assert done == "withdrawn"
    row = Y.list_vetoes(yb, YEAR)[0]
    assert row["reason"] == "受到党内警告处分" and row["locked"]
    assert row["withdrawn"]["date"] == "2025-05-01"
    assert row["withdrawn"]["reason"] == "上级撤销了处分决定"
    wang = Y.year_overview(yb, YEAR, today=TODAY).row("王一")
    assert wang.stars == 5
    assert wang.vetoes == [
        "2025-02-10 受到党内警告处分（支委会）——已于 2025-05-01 撤销：上级撤销了处分决定"
    ]
    with pytest.raises(InputRefused, match="已经撤销过了"):
        Y.withdraw_veto(yb, vid, "再撤一次", decided_by="支委会", when="2025-05-02")
    # The triggers are the backstop: neither the veto nor a Q1-dated withdrawal can be written.
    with pytest.raises(sqlite3.IntegrityError, match="已确认"):
        yb.db.execute("delete from vetoes where id = ?", [vid])
    with pytest.raises(sqlite3.IntegrityError, match="已确认"):
        yb.db.execute(
            "insert into withdrawals (target, target_id, date, reason, created_at) "
            "values ('vetoes', 99, '2025-02-11', 'x', 'now')"
        )


def test_appraisals_of_a_confirmed_year_are_withdrawn_not_deleted(yb) -> None:
    aid = Y.add_appraisal(yb, YEAR, "党员评议", "张三", "不合格")
    for q in range(1, 5):
        _confirm(yb, q)
    assert Y.year_locked(yb, YEAR)
    with pytest.raises(RecordLocked, match="第4季度已于"):
        Y.add_appraisal(yb, YEAR, "党员评议", "王一", "优秀")
    assert Y.withdraw_appraisal(yb, aid, "评议票统计有误", today=date(2026, 2, 3)) == "withdrawn"
    row = Y.list_appraisals(yb, YEAR)[0]
    assert row["grade"] == "不合格" and row["withdrawn"]["date"] == "2026-02-03"
    assert Y.year_overview(yb, YEAR, today=TODAY).row("张三").appraisals == {}


def test_overview_of_a_running_year_says_so(yb) -> None:
    ov = Y.year_overview(yb, YEAR, today=date(2025, 11, 30))
    assert not ov.ended and ov.as_of == "2025-11-30"
    assert [r.name for r in ov.rows][:2] == ["王一", "李二"]  # group, then 姓氏笔画
    assert ov.has_stars and not ov.has_grades
    assert len(ov.quarters) == 4


# Confirming Q4 locks the year's 民主评议: it waits until every member who should be
# appraised has a result, publishing only warns, and 进入新年度 lists what is missing.


JAN_20 = date(2027, 1, 20)  # conftest CONFIRMED_DEMO_TODAY: 2026 seen from January 2027


def _gap_blockers(status: dict) -> list[str]:
    return [b for b in status["blockers"] if "民主评议结果" in b]


def _clear_other_blockers(book: Book) -> None:
    """What the demo leaves open in Q4 (a waiting claim, its objection), decided."""
    for c in quarter.list_claims(book, 2026, 4, status=quarter.PENDING):
        quarter.reject_claim(book, c["id"], "支部委员会", "本季度已申报过同类事项")
    for o in quarter.period_status(book, 2026, 4, today=JAN_20)["open_objections"]:
        quarter.answer_objection(
            book, o["id"], finding="经核实无误", changed=False, told_on="2027-01-12", today=JAN_20
        )


def test_the_past_year_demo_has_its_appraisals_before_q4(confirmed_demo_book: Book) -> None:
    rows = year_end.list_appraisals(confirmed_demo_book, 2026)
    grades = [r["grade"] for r in rows]
    assert len(rows) > 30 and {r["kind"] for r in rows} == {"党员评议"}
    assert grades.count("基本合格") == 1 and "不合格" not in grades
    assert grades.count("合格") > grades.count("优秀") > 0
    codes = {r["code"] for r in rows}
    # 001 is exempt (年老体弱): not scored, but the street's plan grades him by 民主评议
    # (「可不参加积分制管理，根据民主评议和日常表现情况确定等次」, jiedao appraise_exempt).
    assert "001" in codes
    assert quarter.appraisal_gaps(confirmed_demo_book, 2026) == []
    assert _gap_blockers(quarter.period_status(confirmed_demo_book, 2026, 4, today=JAN_20)) == []
    # The year's totals carry the 年终评议 points.
    overview = year_end.year_overview(confirmed_demo_book, 2026, today=JAN_20)
    assert overview.row("002").appraisals  # type: ignore[union-attr]


def test_the_current_year_demo_has_no_appraisals_yet(demo_book: Book) -> None:
    assert year_end.list_appraisals(demo_book, 2026) == []
    # Q4 is still running: no blocker about appraisals that cannot have happened yet.
    status = quarter.period_status(demo_book, 2026, 4, today=date(2026, 11, 30))
    assert _gap_blockers(status) == [] and status["appraisals_missing"] == ""


def test_q4_confirmation_waits_for_the_missing_results(confirmed_demo_book: Book) -> None:
    book = confirmed_demo_book
    rows = {r["code"]: r for r in year_end.list_appraisals(book, 2026)}
    for code in ("002", "003"):
        # Not locked yet: the row is deleted (kept in the journal).
        year_end.withdraw_appraisal(book, rows[code]["id"], "录错了人", today=JAN_20)
    _clear_other_blockers(book)
    published = quarter.publish(book, 2026, 4, reason="申报已处理", today=date(2027, 1, 12))
    # Publishing is not refused, but says the notice lacks those points.
    assert "2 名党员" in published["publish_warning"]
    assert "公示表上这些党员的民主评议得分为 0" in published["publish_warning"]

    status = quarter.period_status(book, 2026, 4, today=JAN_20)
    [blocker] = status["blockers"]
    assert blocker == _gap_blockers(status)[0]
    assert "2026 年还有 2 名党员没有民主评议结果" in blocker
    assert rows["002"]["name"] in blocker and rows["003"]["name"] in blocker
    assert "年度评定" in blocker and "pioneer appraisal add" in blocker
    assert status["appraisals_missing"].startswith("2026 年还有 2 名党员")
    journal = book.execute("select count(*) from journal").fetchone()[0]
    with pytest.raises(InputRefused) as refused:
        quarter.confirm(book, 2026, 4, today=JAN_20)
    assert any("2 名党员没有民主评议结果" in line for line in refused.value.lines())
    assert book.execute("select count(*) from journal").fetchone()[0] == journal
    assert quarter.confirmed_quarters(book, 2026) == [1, 2, 3]

    year_end.add_appraisals(book, 2026, "党员评议", {"002": "优秀", "003": "合格"})
    status = quarter.period_status(book, 2026, 4, today=JAN_20)
    assert _gap_blockers(status) == [] and status["appraisals_missing"] == ""
    # The results moved since the notice: re-issued, then confirmed.
    assert status["results_changed"]
    again = quarter.publish(book, 2026, 4, reason="补录民主评议", today=date(2027, 1, 13))
    assert "publish_warning" not in again
    quarter.confirm(book, 2026, 4, today=JAN_20)
    assert quarter.confirmed_quarters(book, 2026) == [1, 2, 3, 4]
    with pytest.raises(RecordLocked):
        year_end.add_appraisals(book, 2026, "党员评议", {"001": "合格"})


def test_new_year_lists_the_missing_appraisals(confirmed_demo_book: Book) -> None:
    book = confirmed_demo_book
    row = year_end.list_appraisals(book, 2026)[0]
    assert not any(
        "民主评议" in line for line in years.unfinished_business(book, 2026, today=JAN_20)
    )
    year_end.withdraw_appraisal(book, row["id"], "录错了人", today=JAN_20)
    lines = [
        line for line in years.unfinished_business(book, 2026, today=JAN_20) if "民主评议" in line
    ]
    assert len(lines) == 1 and "1 名党员" in lines[0] and row["name"] in lines[0]
    assert "年度评定" in lines[0] and "再确认第4季度" in lines[0]


def test_a_scheme_without_appraisals_has_no_blocker(book: Book) -> None:
    from desktop.book.scoring import set_year_scheme

    book.roster.add_member(
        {"name": "王一", "gender": "男", "status": "正式党员", "joined_date": "2010-01-01"},
        today=date(2026, 3, 1),
    )
    set_year_scheme(book, 2026, preset="jiguan-60-40")
    assert quarter.appraisal_gap_text(book, 2026) == ""
    set_year_scheme(book, 2026, preset="jiedao-nongcun")
    assert "1 名党员" in quarter.appraisal_gap_text(book, 2026)
    status = quarter.period_status(book, 2026, 4, today=date(2027, 1, 5))
    assert len(_gap_blockers(status)) == 1


# Who takes part in a 民主评议 round is the rules' own test (should_be_appraised): a member
# who left before it is neither listed for it nor accepted, with the reason.


@pytest.fixture
def book_of_a_leaver(tmp_path: Path):
    b = make_year_book(tmp_path / "y.db", scheme="jiedao-nongcun")
    zhang = b.roster.find("张三")["id"]
    b.roster.record_event(zhang, "转出", "2025-05-20", "转至县医院党支部", today=TODAY)
    yield b
    b.close()


def test_a_member_who_left_is_not_on_the_rounds_roll(book_of_a_leaver) -> None:
    overview = Y.year_overview(book_of_a_leaver, YEAR, today=TODAY)
    assert overview.row("张三").appraised == frozenset()
    assert ("党员评议", 1) in overview.row("王一").appraised
    assert ("党员评议", 1) in overview.row("赵四").appraised  # transferred in before the end
    assert overview.row("钱五") is None or not overview.row("钱五").appraised


def test_recording_a_result_for_him_is_refused_with_the_reason(book_of_a_leaver) -> None:
    with pytest.raises(InputRefused) as refused:
        Y.add_appraisals(book_of_a_leaver, YEAR, "党员评议", {"张三": "合格", "王一": "优秀"})
    text = " ".join(refused.value.lines())
    assert "张三 已于 2025-05-20 离开本支部，不参加这次评议" in text
    assert not book_of_a_leaver.query("select 1 from appraisals")  # all or nothing
    Y.add_appraisals(book_of_a_leaver, YEAR, "党员评议", {"王一": "优秀"})
    assert len(book_of_a_leaver.query("select 1 from appraisals")) == 1


# A 一票否决 belongs to a year: dated inside the year on screen, and the refusal says so.


LATE_TODAY = date(2026, 11, 30)  # the 2025 book is still open late in 2026


def _refusal(book, when: str, **kw) -> str:
    with pytest.raises(InputRefused) as err:
        Y.add_veto(book, "王一", when, "处分", "支委会", today=LATE_TODAY, **kw)
    return str(err.value) + "".join(err.value.lines())


def test_a_date_outside_the_year_on_screen_is_refused(yb) -> None:
    text = _refusal(yb, "2026-11-30", year=YEAR)
    assert "决定日期 2026-11-30 不在 2025 年内" in text
    assert "2025-01-01 至 2025-12-31" in text and "还没有开始" not in text
    text = _refusal(yb, "2024-12-31", year=YEAR)
    assert "不在 2025 年内" in text and "请到 2024 年度登记" in text
    assert Y.list_vetoes(yb, YEAR) == []


def test_without_a_year_a_date_past_the_books_year_is_refused_plainly(yb) -> None:
    text = _refusal(yb, "2026-03-01")
    assert "晚于账本的当前年度（2025 年）" in text and "还没有开始" not in text


def test_a_date_inside_the_year_is_recorded(yb) -> None:
    Y.add_veto(yb, "王一", "2025-12-31", "处分", "支委会", year=YEAR, today=LATE_TODAY)
    assert [v["date"] for v in Y.list_vetoes(yb, YEAR)] == ["2025-12-31"]
