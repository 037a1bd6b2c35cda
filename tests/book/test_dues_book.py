"""Dues in the book: rates from the calculator, the month's collection, receipts, refusals that
write nothing, the year's register reconciling with payments and the export, the ladder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.book import dues
from desktop.book.errors import InputRefused
from desktop.book.store import Book
from desktop.cli import main
from desktop.rules.dues import LEVEL_REMINDER, LEVEL_VETO

TODAY = date(2026, 11, 24)


@pytest.fixture
def branch(book: Book) -> dict[str, int]:
    """Four members: three farmers at 1 yuan, one salaried at 4,500 yuan (45 yuan a month);
    one probationary member admitted in March, one who left in August."""
    r = book.roster
    ids = {
        "王一": r.add_member({"name": "王一", "status": "正式党员", "joined_date": "1990-05-01"}),
        "李二": r.add_member({"name": "李二", "status": "正式党员", "joined_date": "2001-07-01"}),
        "张三": r.add_member({"name": "张三", "status": "预备党员", "joined_date": "2026-03-15"}),
        "赵四": r.add_member({"name": "赵四", "status": "正式党员", "joined_date": "1985-01-01"}),
        "钱五": r.add_member({"name": "钱五", "status": "入党积极分子"}),
    }
    r.record_event(ids["赵四"], "转出", "2026-08-10", "转至县医院党支部")
    dues.set_rate(book, ids["王一"], from_month="2026-01", category="在职", income_fen=450_000)
    for name in ("李二", "张三", "赵四"):
        dues.set_rate(book, ids[name], from_month="2026-01", category="农民")
    return ids


def _counts(book: Book) -> tuple[int, int]:
    return (
        book.db.execute("select count(*) from dues_payments").fetchone()[0],
        book.db.execute("select count(*) from journal").fetchone()[0],
    )


def test_rate_from_calculator_and_override(book: Book, branch: dict[str, int]) -> None:
    assert dues.rate_for(book, branch["王一"], "2026-05") == 4500
    # A probationary member's rate starts with the month admitted, whatever was asked.
    assert dues.rates(book, branch["张三"])[0]["from_month"] == "2026-03"
    with pytest.raises(InputRefused) as info:
        dues.set_rate(book, branch["李二"], from_month="2026-07", category="农民", monthly_fen=200)
    assert "请写明调整原因" in info.value.problems["reason"]
    with pytest.raises(InputRefused) as info:
        dues.set_rate(
            book,
            branch["王一"],
            from_month="2026-07",
            category="在职",
            income_fen=450_000,
            monthly_fen=1000,
            override_reason="家庭困难",
        )
    assert "上级党委批准" in info.value.problems["approved_by"]
    row = dues.set_rate(
        book,
        branch["王一"],
        from_month="2026-07",
        category="在职",
        income_fen=450_000,
        monthly_fen=1000,
        override_reason="家人重病，本人申请",
        approved_by="城关镇党委 2026-06-30",
    )
    assert row["monthly_fen"] == 1000
    assert dues.rate_for(book, branch["王一"], "2026-06") == 4500
    assert dues.rate_for(book, branch["王一"], "2026-07") == 1000
    with pytest.raises(InputRefused) as info:
        dues.set_rate(book, branch["钱五"], from_month="2026-01", category="农民")
    assert "还不是党员" in info.value.problems["member"]


def test_month_collection_all_paid_then_exceptions(book: Book, branch: dict[str, int]) -> None:
    rows = dues.month_collection(book, "2026-09", today=TODAY)
    names = [r["name"] for r in rows]
    assert "赵四" not in names  # left in August
    assert "钱五" not in names  # not a member yet
    assert {r["name"]: r["due_fen"] for r in rows} == {"王一": 4500, "李二": 100, "张三": 100}
    # Everyone paid, except 李二 (nothing) and 张三 (half).
    pay = {r["member_id"]: r["remaining_fen"] for r in rows}
    pay[branch["李二"]] = 0
    pay[branch["张三"]] = 50
    numbers = dues.record_collection(
        book, "2026-09", pay, paid_date="2026-09-25", receiver="会计", today=TODAY
    )
    assert numbers == ["20260001", "20260002"]
    after = {r["name"]: r for r in dues.month_collection(book, "2026-09", today=TODAY)}
    assert after["王一"]["state"] == "已缴" and after["王一"]["receipts"] == ["20260001"]
    assert after["李二"]["state"] == "未缴"
    assert after["张三"]["state"] == "部分" and after["张三"]["remaining_fen"] == 50
    # The rest of a part payment later: the month's due is not counted twice.
    dues.record_payment(
        book, branch["张三"], {"2026-09": 50}, paid_date="2026-10-05", receiver="会计", today=TODAY
    )
    again = {r["name"]: r for r in dues.month_collection(book, "2026-09", today=TODAY)}
    assert again["张三"]["state"] == "已缴" and again["张三"]["due_fen"] == 100
    assert book.journal()[1]["action"] == "登记本月党费"


def test_one_receipt_for_several_months(book: Book, branch: dict[str, int]) -> None:
    months = {"2026-10": 100, "2026-11": 100, "2026-12": 100}
    no = dues.record_payment(
        book, branch["李二"], months, paid_date="2026-10-08", receiver="会计", today=TODAY
    )
    [receipt] = dues.receipts(book, numbers=[no])
    assert receipt["amount_fen"] == 300 and receipt["months_text"] == "2026年10月至12月"
    assert dues.next_receipt_no(book, 2026) == "20260002"


@pytest.mark.parametrize(
    ("who", "months", "kwargs", "message"),
    [
        ("李二", {"2026-09": -100}, {}, "金额不能是负数"),
        ("李二", {"2026-09": 20_000_000}, {}, "不合常理"),
        ("张三", {"2026-02": 100}, {}, "2026年2月 还不用交党费"),
        ("赵四", {"2026-09": 100}, {}, "已于 2026-08-10 离开本支部"),
        ("钱五", {"2026-09": 100}, {}, "还不是党员"),
        ("李二", {"2026-9": 100}, {}, "应写成 年-月"),
        ("李二", {"2026-09": 100}, {"paid_date": "2026-12-01"}, "晚于今天"),
        ("李二", {"2026-09": 100}, {"receiver": " "}, "请填写收款人"),
    ],
)
def test_bad_payments_are_refused_and_nothing_written(
    book: Book, branch: dict[str, int], who: str, months: dict, kwargs: dict, message: str
) -> None:
    before = _counts(book)
    args = {"paid_date": "2026-09-25", "receiver": "会计", **kwargs}
    with pytest.raises(InputRefused) as info:
        dues.record_payment(book, branch[who], months, today=TODAY, **args)
    assert message in "\n".join(info.value.lines())
    assert "一条也没有写入" in str(info.value)
    assert _counts(book) == before


def test_receipt_number_belongs_to_one_member(book: Book, branch: dict[str, int]) -> None:
    dues.record_payment(
        book,
        branch["李二"],
        {"2026-09": 100},
        paid_date="2026-09-25",
        receiver="会计",
        receipt_no="A-17",
        today=TODAY,
    )
    before = _counts(book)
    with pytest.raises(InputRefused) as info:
        dues.record_payment(
            book,
            branch["张三"],
            {"2026-09": 100},
            paid_date="2026-09-25",
            receiver="会计",
            receipt_no="A-17",
            today=TODAY,
        )
    assert "收据号 A-17 已用于李二" in info.value.lines()[0]
    with pytest.raises(InputRefused) as info:
        dues.record_payment(
            book,
            branch["李二"],
            {"2026-09": 100},
            paid_date="2026-09-25",
            receiver="会计",
            receipt_no="A-17",
            today=TODAY,
        )
    assert "已登记过李二 2026年9月" in info.value.lines()[0]
    assert _counts(book) == before
    # The same member's other month on the same receipt is fine.
    dues.record_payment(
        book,
        branch["李二"],
        {"2026-10": 100},
        paid_date="2026-10-25",
        receiver="会计",
        receipt_no="A-17",
        today=TODAY,
    )


def test_one_bad_receipt_refuses_the_whole_collection(book: Book, branch: dict[str, int]) -> None:
    before = _counts(book)
    with pytest.raises(InputRefused) as info:
        dues.record_collection(
            book,
            "2026-02",
            {branch["王一"]: 4500, branch["张三"]: 100},
            paid_date="2026-02-25",
            receiver="会计",
            today=TODAY,
        )
    assert any("张三" in line for line in info.value.lines())
    assert _counts(book) == before


def test_register_reconciles_with_payments_and_export(demo_book: Book, tmp_path: Path) -> None:
    from desktop.book.interchange import export_data

    reg = dues.year_register(demo_book, 2026, today=TODAY)
    paid = reg["totals"]["paid_fen"]
    assert paid == reg["payments_total_fen"] == sum(reg["totals"]["by_month_paid"].values())
    assert paid == sum(r["paid_fen"] for r in reg["rows"])
    assert paid == sum(r["amount_fen"] for r in reg["receipts"])
    exported = sum(
        r["实缴"] for r in export_data(demo_book)["党费"] if r["月份"].startswith("2026")
    )
    assert paid == exported
    assert reg["reconciled"]
    # The demo has its arrears and one voluntary 1,000 yuan payment passed up whole.
    assert reg["totals"]["owed_fen"] > 0
    assert any(r["passed_up_whole"] for r in reg["receipts"])


def test_register_lists_every_member_who_owes_with_the_standard(book: Book) -> None:
    """Issue 15 item 13: a branch that set its standards from November (the month it
    started on the program), two of three not paid yet on 20 November: the 全年台账 listed
    only who had paid (38 rows for 40) with 月标准 blank (October, the last month judged,
    had no standard). Every member who owes is listed, with his 月标准."""
    day = date(2026, 11, 20)
    r = book.roster
    ids = [
        r.add_member({"name": name, "status": "正式党员", "joined_date": "1990-05-01"}, today=day)
        for name in ("王一", "李二", "张三")
    ]
    for member_id in ids:
        dues.set_rate(book, member_id, from_month="2026-11", category="农民", today=day)
    dues.record_payment(book, ids[0], {"2026-11": 100}, paid_date="2026-11-10", receiver="王一")
    reg = dues.year_register(book, 2026, today=day)
    assert reg["through"] == "2026-10"
    assert [row["name"] for row in reg["rows"]] == ["王一", "李二", "张三"]  # 姓氏笔画
    assert [row["rate_fen"] for row in reg["rows"]] == [100, 100, 100]
    assert [row["paid_fen"] for row in reg["rows"]] == [100, 0, 0]
    assert reg["reconciled"]


def test_arrears_ladder_and_reminders(book: Book, branch: dict[str, int]) -> None:
    # 李二 pays January to April only; 王一 pays everything.
    for month in ("01", "02", "03", "04"):
        dues.record_payment(
            book,
            branch["李二"],
            {f"2026-{month}": 100},
            paid_date=f"2026-{month}-25",
            receiver="会计",
            today=TODAY,
        )
    by_name = {r["name"]: r for r in dues.arrears_overview(book, today=date(2026, 8, 5))}
    assert by_name["李二"]["months"] == ["2026-05", "2026-06", "2026-07"]
    assert by_name["李二"]["level"] == LEVEL_REMINDER
    notices = dues.issue_reminders(book, [branch["李二"]], today=date(2026, 8, 5))
    assert "欠缴 3 个月" in notices[0]["reason"]
    later = {r["name"]: r for r in dues.arrears_overview(book, today=TODAY)}
    assert later["李二"]["level"] == LEVEL_VETO  # May–October: six months, nothing paid
    assert "支委会核实" in later["李二"]["describe"]
    assert [n["date"] for n in later["李二"]["notices"]] == ["2026-08-05"]
    # Never applied silently: no veto record was written.
    assert book.db.execute("select count(*) from vetoes").fetchone()[0] == 0
    with pytest.raises(InputRefused, match="没有欠缴"):
        dues.issue_reminders(book, [branch["钱五"]], today=TODAY)


def test_unpaid_months_reach_the_rules_engine(book: Book, branch: dict[str, int]) -> None:
    from desktop.book.scoring import gather_facts

    facts = gather_facts(book, 2026)
    li = [d for d in facts.dues if d.member == book.roster.member(branch["李二"])["code"]]
    assert li and all(d.paid_fen == 0 and d.due_fen == 100 for d in li)
    assert li[0].month == "2026-01"


def test_payment_dated_in_a_confirmed_quarter_is_refused(confirmed_demo_book: Book) -> None:
    book = confirmed_demo_book
    confirmed = book.db.execute(
        "select start from periods where status = 'confirmed' order by start limit 1"
    ).fetchone()
    assert confirmed is not None
    owing = dues.arrears_overview(book, today=TODAY)[0]
    before = _counts(book)
    with pytest.raises(InputRefused) as info:
        dues.record_payment(
            book,
            owing["member_id"],
            {owing["months"][0]: 100},
            paid_date=confirmed[0],
            receiver="会计",
            today=TODAY,
        )
    assert "已确认的2026年第1季度" in "\n".join(info.value.lines())
    assert _counts(book) == before
    # Arrears paid late are dated the day they are paid: an open quarter, accepted.
    dues.record_payment(
        book,
        owing["member_id"],
        {owing["months"][0]: 100},
        paid_date=TODAY.isoformat(),
        receiver="会计",
        today=TODAY,
    )


def test_six_unpaid_months_reach_the_veto_check_as_a_flag(
    book: Book, branch: dict[str, int]
) -> None:
    from desktop.book.scoring import score_book

    paid = {"王一": [f"{m:02d}" for m in range(1, 11)], "李二": ["01", "02", "03", "04"]}
    for name, months in paid.items():
        for month in months:
            dues.record_payment(
                book,
                branch[name],
                {f"2026-{month}": 4500 if name == "王一" else 100},
                paid_date=f"2026-{month}-25",
                receiver="会计",
                today=TODAY,
            )
    result = score_book(book, 2026, today=TODAY)
    flags = {m.name: [f.name for f in m.flags] for m in result.members}
    assert "no_dues" in flags["李二"]  # May–October: nothing recorded, nothing paid
    assert "no_dues" not in flags["王一"]  # paid every month
    assert book.db.execute("select count(*) from vetoes").fetchone()[0] == 0


def test_rates_travel_in_the_interchange_workbook(
    book: Book, branch: dict[str, int], tmp_path: Path
) -> None:
    from sheet_helpers import header_row, make_xlsx

    from desktop.book.interchange import export_data, export_workbook, import_workbook

    path = export_workbook(book, tmp_path / "out.xlsx")
    rates = export_data(book)["党费标准"]
    assert {r["党员"]: r["每月金额"] for r in rates}[
        book.roster.member(branch["王一"])["code"]
    ] == 4500
    with Book.create(tmp_path / "empty.db", branch=book.branch()["name"], year=2026) as empty:
        import_workbook(empty, path)
        assert export_data(empty)["党费标准"] == rates
    # A rate that is not the tariff needs its reason; less than the tariff, its approval.
    code = book.roster.member(branch["李二"])["code"]
    bad = make_xlsx(
        tmp_path / "bad.xlsx",
        {
            "党费标准": [
                header_row("党费标准"),
                [code, "2026-12", "在职", 4000, 10, None, None],
                [code, "2026-01", "农民", None, 1, None, None],
            ]
        },
    )
    from desktop.book.interchange import read_for_import

    text = "\n".join(read_for_import(book, bad).problems)
    assert "党费标准 第2行 调整原因: 每月金额 10.00 元与按规定计算的 40.00 元不同" in text
    assert "党费标准 第2行 批准: 少交或免交党费须填写批准的党组织和日期" in text
    assert "党费标准 第3行 起始月份: 李二 2026-01 起的党费标准已经有了" in text


def test_rates_for_everyone_not_yet_set(book: Book) -> None:
    r = book.roster
    a = r.add_member({"name": "周一", "status": "正式党员", "joined_date": "1990-01-01"})
    b = r.add_member({"name": "吴二", "status": "预备党员", "joined_date": "2026-05-10"})
    c = r.add_member({"name": "郑三", "status": "正式党员", "joined_date": "1990-01-01"})
    r.add_member({"name": "冯四", "status": "入党积极分子"})
    dues.set_rate(book, c, from_month="2026-01", category="在职", income_fen=600_000)
    with pytest.raises(InputRefused, match="按每人的收入计算"):
        dues.set_rates_for_unset(book, 2026, category="在职")
    names = dues.set_rates_for_unset(
        book, 2026, category="农民", fixed_fen=50, from_month="2026-01"
    )
    assert names == ["吴二", "周一"]  # 姓氏笔画: 吴 7 strokes, 周 8
    assert dues.rate_for(book, a, "2026-01") == 50
    assert dues.rates(book, b)[0]["from_month"] == "2026-05"
    assert dues.rate_for(book, c, "2026-01") == 9000
    with pytest.raises(InputRefused, match="都已设定"):
        dues.set_rates_for_unset(book, 2026, category="农民")


def test_same_receipt_twice_in_one_batch_is_refused(book: Book, branch: dict[str, int]) -> None:
    before = _counts(book)
    with pytest.raises(InputRefused) as info:
        dues.record_receipts(
            book,
            [
                dues.Receipt(branch["李二"], {"2026-09": 100}, "B-1"),
                dues.Receipt(branch["李二"], {"2026-09": 100}, "B-1"),
            ],
            paid_date="2026-09-25",
            receiver="会计",
            today=TODAY,
        )
    assert "已登记过李二 2026年9月" in info.value.lines()[0]
    assert _counts(book) == before


# The book's dues start (本账本的党费自何月起记) is one fact for the whole book: the earliest
# start month of any 党费标准. A member forgotten when the others were set keeps his months from
# there flagged 未定标准 — a late first standard of his own does not make them vanish — and a
# start month outside the book's year is refused.


NOV_30 = date(2026, 11, 30)


def _branch_forgetting_one(book: Book) -> dict[str, int]:
    ids = {
        name: book.roster.add_member(
            {"name": name, "status": "正式党员", "joined_date": "1990-01-01"}
        )
        for name in ("王二", "黄敏")
    }
    dues.set_rates_for_unset(book, 2026, category="农民", from_month="2026-01", today=NOV_30)
    # Forgotten all year: joined long ago, no standard.
    ids["丁漏"] = book.roster.add_member(
        {"name": "丁漏", "status": "正式党员", "joined_date": "1985-07-01"}
    )
    return ids


def _row(reg: dict, name: str) -> dict:
    return next(r for r in reg["rows"] if r["name"] == name)


def test_dues_start_is_the_earliest_standard(book: Book) -> None:
    assert dues.dues_start(book) is None
    _branch_forgetting_one(book)
    assert dues.dues_start(book) == "2026-01"


def test_a_late_first_standard_keeps_the_forgotten_months_flagged(book: Book) -> None:
    ids = _branch_forgetting_one(book)
    reg = dues.year_register(book, 2026, today=NOV_30)
    assert reg["rates_missing"] == ["丁漏"] and "丁漏 未设定党费标准（1 人）" in reg["warning"]
    ten = [f"2026-{i:02d}" for i in range(1, 11)]
    assert _row(reg, "丁漏")["unset_months"] == ten
    # The default offered for his first standard covers those months …
    assert dues.default_rate_start(book, ids["丁漏"], 2026, NOV_30) == "2026-01"
    # … and a later one is named before saving.
    [warning] = dues.start_warnings(book, "2026-11", 2026, member_ids=[ids["丁漏"]], today=NOV_30)
    assert warning.startswith("丁漏 自2026年1月至10月的 10 个月将不计应缴")
    assert dues.start_warnings(book, "2026-01", 2026, member_ids=[ids["丁漏"]], today=NOV_30) == []
    dues.set_rate(book, ids["丁漏"], from_month="2026-11", category="农民", today=NOV_30)
    reg = dues.year_register(book, 2026, today=NOV_30)
    assert reg["rates_missing"] == ["丁漏"] and "丁漏 未设定党费标准" in reg["warning"]
    assert _row(reg, "丁漏")["unset_months"] == ten
    listed = {r["name"]: r for r in dues.arrears_json(book, today=NOV_30)}
    assert listed["丁漏"]["unset_months"] == ten
    row = next(
        r for r in dues.month_collection(book, "2026-05", today=NOV_30) if r["name"] == "丁漏"
    )
    assert row["state"] == "未定"


def test_default_start_follows_joining_and_a_change_starts_this_month(book: Book) -> None:
    ids = _branch_forgetting_one(book)
    late = book.roster.add_member(
        {"name": "马六", "status": "预备党员", "joined_date": "2026-06-02"}
    )
    assert dues.default_rate_start(book, late, 2026, NOV_30) == "2026-06"
    # A member who already has a standard (a pay rise): from this month.
    assert dues.default_rate_start(book, ids["王二"], 2026, NOV_30) == "2026-11"
    # The book's first standard: this month in the calendar year (nothing to lose yet).
    assert dues.start_warnings(book, "2026-11", 2026, member_ids=[late], today=NOV_30) == [
        "马六 自2026年6月至10月的 5 个月将不计应缴（仍列为未定标准；要计入，起始月份请选2026年6月）。"
    ]


def test_first_standard_of_the_book_has_no_warning(book: Book) -> None:
    mid = book.roster.add_member(
        {"name": "丁一", "status": "正式党员", "joined_date": "1990-01-01"}
    )
    assert dues.default_rate_start(book, mid, 2026, NOV_30) == "2026-11"
    assert dues.start_warnings(book, "2026-11", 2026, today=NOV_30) == []


def test_bulk_default_is_the_book_start_and_warns_when_later(book: Book) -> None:
    _branch_forgetting_one(book)
    book.roster.add_member({"name": "马六", "status": "正式党员", "joined_date": "1990-01-01"})
    assert dues.book_default_start(book, 2026, NOV_30) == "2026-01"
    [warning] = dues.start_warnings(book, "2026-11", 2026, today=NOV_30)
    assert warning.startswith("丁漏、马六 自2026年1月至10月的 10 个月将不计应缴")
    dues.set_rates_for_unset(book, 2026, category="学生", today=NOV_30)  # default: January
    assert dues.year_register(book, 2026, today=NOV_30)["rates_missing"] == []


def test_an_earlier_start_than_the_books_is_named(book: Book) -> None:
    mid = book.roster.add_member(
        {"name": "丁一", "status": "正式党员", "joined_date": "1990-01-01"}
    )
    other = book.roster.add_member(
        {"name": "王二", "status": "正式党员", "joined_date": "1990-01-01"}
    )
    dues.set_rate(book, mid, from_month="2026-11", category="农民", today=NOV_30)
    warnings = dues.start_warnings(book, "2026-09", 2026, member_ids=[other], today=NOV_30)
    assert warnings[-1].startswith("本账本的党费自2026年11月起记；此标准自2026年9月起")


@pytest.mark.parametrize("bad", ["2062-01", "2025-12", "2027-01"])
def test_start_outside_the_books_year_is_refused(book: Book, bad: str) -> None:
    ids = _branch_forgetting_one(book)
    before = book.db.execute("select count(*) from dues_rates").fetchone()[0]
    with pytest.raises(
        InputRefused, match=r"不在本账本的 2026 年度内：只能选 2026年1月 至 2026年12月"
    ):
        dues.set_rates_for_unset(book, 2026, category="农民", from_month=bad, today=NOV_30)
    with pytest.raises(InputRefused) as info:
        dues.set_rate(book, ids["丁漏"], from_month=bad, category="农民", year=2026, today=NOV_30)
    assert "不在本账本的 2026 年度内" in "".join(info.value.lines())
    assert book.db.execute("select count(*) from dues_rates").fetchone()[0] == before


def test_next_year_is_allowed_in_december(book: Book) -> None:
    ids = _branch_forgetting_one(book)
    december = date(2026, 12, 10)
    assert dues.start_range(2026, december) == ("2026-01", "2027-12")
    dues.set_rate(
        book, ids["丁漏"], from_month="2027-01", category="农民", year=2026, today=december
    )
    assert dues.rates(book, ids["丁漏"])[0]["from_month"] == "2027-01"
    with pytest.raises(InputRefused) as info:
        dues.set_rate(book, ids["丁漏"], from_month="2028-01", category="农民", today=december)
    assert "2028年1月 不在本账本的 2026 年度内" in "".join(info.value.lines())


# A 党费标准's start month (起始月份): the book keeps a member's dues from their first standard
# on. A secretary who starts the book in November must not put the whole branch ten months in
# arrears (and on the six-month veto list) by setting everyone's standard at once.


NAMES = ("曾强", "黄敏", "丁一", "王二")  # 姓氏笔画: 丁 2, 王 4, 黄 11, 曾 12


def _branch_of_names(book: Book) -> dict[str, int]:
    return {
        name: book.roster.add_member(
            {"name": name, "status": "正式党员", "joined_date": "1990-01-01"}
        )
        for name in NAMES
    }


def _journal_rows(book: Book) -> int:
    return book.db.execute("select count(*) from dues_rates").fetchone()[0]


@pytest.mark.parametrize(
    ("year", "today", "start"),
    [
        (2026, date(2026, 11, 30), "2026-11"),  # the book's year is this year: this month
        (2026, date(2026, 1, 5), "2026-01"),
        (2025, date(2026, 11, 30), "2025-01"),  # a past year entered after the fact
        (2027, date(2026, 12, 20), "2027-01"),  # next year's book prepared ahead
    ],
)
def test_default_start_month(year: int, today: date, start: str) -> None:
    assert dues.default_start_month(year, today) == start


def test_bulk_rates_from_november_owe_nothing_before(book: Book) -> None:
    ids = _branch_of_names(book)
    names = dues.set_rates_for_unset(book, 2026, category="农民", today=NOV_30)
    assert names == ["丁一", "王二", "黄敏", "曾强"]  # stroke order, not the order entered
    assert {dues.rates(book, i)[0]["from_month"] for i in ids.values()} == {"2026-11"}
    # Nothing is owed yet (November has not ended), nobody is flagged, none 未定标准.
    assert dues.arrears_overview(book, today=NOV_30, include_unset=True) == []
    rows = dues.month_collection(book, "2026-11", today=NOV_30)
    assert [r["owed_before"] for r in rows] == [0, 0, 0, 0]
    assert {r["state"] for r in rows} == {"未缴"}
    reg = dues.year_register(book, 2026, today=NOV_30)
    assert not reg["rates_missing"] and not reg["warning"]
    assert reg["totals"]["due_fen"] == 0  # October and before are not the book's
    # A month before the book's dues start is nobody's to collect (not 未定 either).
    assert dues.month_collection(book, "2026-05", today=NOV_30) == []
    # A year on, the unpaid months from November count, and only those.
    later = date(2027, 6, 1)
    [worst, *_] = dues.arrears_overview(book, today=later)
    assert worst["months"][0] == "2026-11" and len(worst["months"]) == 7


def test_bulk_rates_from_january_when_the_secretary_says_so(book: Book) -> None:
    """January is still a choice (a year entered after the fact): then the months are owed."""
    _branch_of_names(book)
    dues.set_rates_for_unset(book, 2026, category="学生", from_month="2026-01", today=NOV_30)
    rows = dues.arrears_overview(book, today=NOV_30)
    assert len(rows) == 4 and all(len(r["months"]) == 10 and r["level"] == 3 for r in rows)


def test_bulk_start_is_never_before_the_member_owes(book: Book) -> None:
    ids = _branch_of_names(book)
    late = book.roster.add_member(
        {"name": "马六", "status": "预备党员", "joined_date": "2026-06-02"}
    )
    dues.set_rates_for_unset(book, 2026, category="农民", from_month="2026-03", today=NOV_30)
    assert dues.rates(book, ids["丁一"])[0]["from_month"] == "2026-03"
    assert dues.rates(book, late)[0]["from_month"] == "2026-06"


@pytest.mark.parametrize("bad", ["2026-13", "11月", ""])
def test_bulk_start_month_must_be_a_month(book: Book, bad: str) -> None:
    _branch_of_names(book)
    with pytest.raises(InputRefused, match="起始月份"):
        dues.set_rates_for_unset(book, 2026, category="农民", from_month=bad, today=NOV_30)
    assert _journal_rows(book) == 0  # nothing written


def test_a_member_rate_set_late_leaves_no_unset_months_before_it(book: Book) -> None:
    """Per member too: a standard first set from November means the book keeps their dues
    from November; the register is complete and lists no 未定标准 months before it."""
    ids = _branch_of_names(book)
    for mid in ids.values():
        dues.set_rate(book, mid, from_month="2026-11", category="农民")
    reg = dues.year_register(book, 2026, today=NOV_30)
    assert not reg["rates_missing"] and all(not r["unset_months"] for r in reg["rows"])
    listed = dues.arrears_json(book, today=NOV_30)
    assert all(not r["rate_missing"] for r in listed)
    # A payment for a month before the standard is still refused with what to do.
    with pytest.raises(InputRefused) as info:
        dues.record_payment(
            book,
            ids["丁一"],
            {"2026-05": 100},
            paid_date="2026-11-30",
            receiver="会计",
            today=NOV_30,
        )
    assert "还没有设定 2026年5月 的党费标准" in "".join(info.value.lines())


def test_a_member_with_no_rate_at_all_is_still_unset(book: Book) -> None:
    ids = _branch_of_names(book)
    for name in ("丁一", "王二", "黄敏"):
        dues.set_rate(book, ids[name], from_month="2026-11", category="农民")
    # The book's dues start in November (its first standards): October and before are not
    # owed by anyone; November, once ended, is 未定标准 for 曾强.
    assert dues.year_register(book, 2026, today=NOV_30)["rates_missing"] == []
    reg = dues.year_register(book, 2026, today=date(2026, 12, 5))
    assert reg["rates_missing"] == ["曾强"]
    assert next(r for r in reg["rows"] if r["name"] == "曾强")["unset_months"] == ["2026-11"]
    row = next(
        r for r in dues.month_collection(book, "2026-11", today=NOV_30) if r["name"] == "曾强"
    )
    assert row["state"] == "未定"


def test_six_month_flag_counts_from_the_start_month(book: Book) -> None:
    """The veto flag (six consecutive months with nothing paid) sees only the book's months."""
    ids = _branch_of_names(book)
    dues.set_rate(book, ids["丁一"], from_month="2026-07", category="农民")
    [row] = dues.arrears_overview(book, today=NOV_30)
    assert row["months"] == ["2026-07", "2026-08", "2026-09", "2026-10"]
    assert row["level"] == 2  # 催缴通知, not yet the committee's six months


# A member owing dues with no 党费标准 set is not left out: the register lists and flags them, its
# totals don't claim 账实相符, and arrears list them apart.


def _newcomer(book: Book) -> int:
    return book.roster.add_member(
        {"name": "曾强", "status": "预备党员", "joined_date": "2026-03-01", "group": ""}
    )


def test_register_and_arrears_list_a_member_without_a_standard(demo_book: Book) -> None:
    mid = _newcomer(demo_book)
    reg = dues.year_register(demo_book, 2026, today=NOV_30)
    row = next(r for r in reg["rows"] if r["member_id"] == mid)
    assert row["rate_missing"] and row["unset_months"][0] == "2026-03"
    assert reg["rates_missing"] == ["曾强"]
    assert "曾强 未设定党费标准" in reg["warning"] and "“党费”页" in reg["warning"]
    assert "pioneer" not in reg["warning"]  # paper and screens show it: no command line
    listed = {r["code"]: r for r in dues.arrears_json(demo_book, today=NOV_30)}
    assert listed[row["code"]]["rate_missing"] and not listed[row["code"]]["months"]
    # Reminders are for known arrears only.
    assert all(r["member_id"] != mid for r in dues.arrears_overview(demo_book, today=NOV_30))
    dues.set_rate(demo_book, mid, from_month="2026-03", category="学生", fixed_fen=20)
    reg = dues.year_register(demo_book, 2026, today=NOV_30)
    assert not reg["rates_missing"] and not reg["warning"]


def test_cli_register_and_arrears_say_so(demo_book: Book, capsys, tmp_path: Path) -> None:
    _newcomer(demo_book)
    path = str(demo_book.path)
    demo_book.close()
    assert main(["--db", path, "dues", "register", "--year", "2026", "--today", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "账实相符" not in out and "合计不完整" in out
    assert "曾强\t未设定党费标准" in out and "pioneer dues rate" in out
    assert main(["--db", path, "dues", "arrears", "--today", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "未设定标准" in out and "曾强" in out.split("未设定标准")[1]
    xlsx = tmp_path / "台账.xlsx"
    args = ["--db", path, "dues", "export-register", "--year", "2026", "--today", "2026-11-30"]
    assert main([*args, "--out", str(xlsx)]) == 0
    from openpyxl import load_workbook

    texts = [
        str(c.value) for row in load_workbook(xlsx)["台账"].iter_rows() for c in row if c.value
    ]
    # The workbook marks the rate short, as the PDF does (tests/sheets/test_dues_register_sheet.py).
    assert "未设定" in texts and any(t.startswith("注意：曾强") for t in texts)
    pdf = tmp_path / "台账.pdf"
    assert main(["--db", path, "print", "dues-register", "--year", "2026", "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


# Months and days typed by people in dues: the refusal says which part does not exist (2026-13,
# 2026-02-30).


def test_dues_say_the_month_does_not_exist(demo_book: Book) -> None:
    member = demo_book.roster.find("史秀")
    with pytest.raises(InputRefused) as err:
        dues.record_payment(
            demo_book, member["id"], {"2026-13": 1000}, paid_date="2026-03-05", receiver="张三"
        )
    assert "月份“2026-13”不存在：没有13月" in "\n".join(err.value.lines())
    with pytest.raises(InputRefused) as err:
        dues.month_collection(demo_book, "2026-13")
    assert "月份“2026-13”不存在：没有13月" in str(err.value)
    with pytest.raises(InputRefused) as err:
        dues.record_payment(
            demo_book, member["id"], {"2026-01": 1000}, paid_date="2026-02-30", receiver="张三"
        )
    assert "缴纳日期“2026-02-30”不存在：2026年2月只有28天，没有30日" in "\n".join(err.value.lines())


def test_a_month_paid_ahead_is_not_owed_yet(book: Book, branch: dict[str, int]) -> None:
    # Found in review 7: half of December paid on 5 December put 0.50 under 欠缴 in the
    # register and the 公示 (and the township's pack), while members who had paid nothing for
    # December owed nothing — December is not owed until it ends.
    today = date(2026, 12, 5)
    before = dues.year_register(book, 2026, today=today)
    dues.record_payment(
        book, branch["李二"], {"2026-12": 50}, paid_date="2026-12-05", receiver="会计", today=today
    )
    reg = dues.year_register(book, 2026, today=today)
    assert reg["through"] == "2026-11"
    li, li_before = _row(reg, "李二"), _row(before, "李二")
    assert (li["due_fen"], li["owed_fen"]) == (li_before["due_fen"], li_before["owed_fen"])
    assert li["paid_fen"] == li_before["paid_fen"] + 50
    assert reg["totals"]["due_fen"] == before["totals"]["due_fen"]
    assert reg["totals"]["owed_fen"] == before["totals"]["owed_fen"]
    assert reg["totals"]["by_month_due"]["2026-12"] == 0
    assert reg["totals"]["paid_fen"] == reg["payments_total_fen"] and reg["reconciled"]


# 红字冲销: a receipt recorded by mistake (100 typed for 1.00) is reversed whole by a new dated
# entry with its reason and who decided; the payment rows stay, totals count what stands.

DEC_5 = date(2026, 12, 5)


def _said(exc: InputRefused) -> str:
    return "\n".join([exc.message, *exc.lines()])


def _mistake(book: Book, branch: dict[str, int]) -> str:
    return dues.record_payment(
        book,
        branch["李二"],
        {"2026-12": 10000},
        paid_date="2026-12-05",
        receiver="刘会计",
        today=DEC_5,
    )


def test_far_above_the_standard_is_asked_about(book: Book, branch: dict[str, int]) -> None:
    ask = dues.far_above_standard(book, branch["李二"], {"2026-12": 10000})
    assert "李二 2026年12月的党费标准共 1.00 元，这次登记 100.00 元，是标准的 100 倍" in ask
    assert dues.far_above_standard(book, branch["李二"], {"2026-11": 300, "2026-12": 0}) == ""
    assert dues.far_above_standard(book, branch["钱五"], {"2026-12": 10000}) == ""  # no standard


def test_a_reversed_receipt_no_longer_counts_and_can_be_paid_again(
    book: Book, branch: dict[str, int]
) -> None:
    no = _mistake(book, branch)
    payments = book.db.execute("select * from dues_payments").fetchall()
    red = dues.reverse_receipt(
        book, no, reason="金额录错，应为 1.00 元", decided_by="刘会计", today=DEC_5
    )
    assert red == "20260002"  # the next number of the year's receipt book
    assert book.db.execute("select * from dues_payments").fetchall() == payments  # unchanged
    reg = dues.year_register(book, 2026, today=DEC_5)
    li = next(r for r in reg["rows"] if r["name"] == "李二")
    assert "2026-12" not in li["months"] and reg["reconciled"]
    assert reg["payments_total_fen"] == 0
    listed = [
        (r["receipt_no"], r["amount_fen"], r["reverses"], r["reversed_by"]) for r in reg["receipts"]
    ]
    assert listed == [(no, 10000, "", red), (red, -10000, no, "")]
    assert dues.reversal_of(book, no)["reason"] == "金额录错，应为 1.00 元"
    line = book.db.execute("select action, summary from journal order by id desc").fetchone()
    assert line[0] == "冲销党费收据" and f"红字收据 {red} 冲销收据 {no}" in line[1]
    # Recorded again, correctly: a new receipt, December's due counted once.
    again = dues.record_payment(
        book,
        branch["李二"],
        {"2026-12": 100},
        paid_date="2026-12-05",
        receiver="刘会计",
        today=DEC_5,
    )
    assert again == "20260003"
    reg = dues.year_register(book, 2026, today=DEC_5)
    li = next(r for r in reg["rows"] if r["name"] == "李二")
    assert li["months"]["2026-12"]["due_fen"] == 100 and li["months"]["2026-12"]["paid_fen"] == 100
    assert reg["reconciled"] and reg["payments_total_fen"] == 100
    # Printing the red receipt by its number brings it alone.
    assert [r["receipt_no"] for r in dues.receipts(book, numbers=[red])] == [red]


@pytest.mark.parametrize(
    ("receipt", "reason", "by", "says"),
    [
        ("20269999", "录错", "刘会计", "找不到收据号 20269999 的党费记录"),
        ("FIRST", "", "刘会计", "请写明冲销原因"),
        ("FIRST", "录错", " ", "请写明谁决定冲销"),
        ("", "录错", "刘会计", "请填写要冲销的收据号"),
    ],
)
def test_reversal_refusals_write_nothing(
    book: Book, branch: dict[str, int], receipt: str, reason: str, by: str, says: str
) -> None:
    no = _mistake(book, branch)
    before = _counts(book)
    with pytest.raises(InputRefused) as info:
        dues.reverse_receipt(
            book, no if receipt == "FIRST" else receipt, reason=reason, decided_by=by, today=DEC_5
        )
    assert says in _said(info.value)
    assert _counts(book) == before
    assert book.db.execute("select count(*) from dues_reversals").fetchone()[0] == 0


def test_reverse_twice_or_a_reversal_is_refused(book: Book, branch: dict[str, int]) -> None:
    no = _mistake(book, branch)
    red = dues.reverse_receipt(book, no, reason="录错", decided_by="刘会计", today=DEC_5)
    before = _counts(book)
    with pytest.raises(InputRefused) as info:
        dues.reverse_receipt(book, no, reason="录错", decided_by="刘会计", today=DEC_5)
    assert f"收据 {no} 已于 2026-12-05 冲销（红字收据 {red}），不能重复冲销" in _said(info.value)
    with pytest.raises(InputRefused) as info:
        dues.reverse_receipt(book, red, reason="录错", decided_by="刘会计", today=DEC_5)
    assert f"{red} 是红字收据（冲销收据 {no}），不能再冲销" in _said(info.value)
    # A red receipt's number is taken: typing it for a payment is refused.
    with pytest.raises(InputRefused) as info:
        dues.record_payment(
            book, branch["李二"], {"2026-12": 100}, paid_date="2026-12-05", receiver="刘会计",
            receipt_no=red, today=DEC_5,
        )  # fmt: skip
    assert f"收据号 {red} 已用作红字收据" in _said(info.value)
    assert _counts(book) == before
    # The database refuses an edit or a deletion behind the program's back.
    import sqlite3

    for sql in ("update dues_reversals set reason = 'x'", "delete from dues_reversals"):
        with pytest.raises(sqlite3.IntegrityError, match="冲销记录登记后不能"):
            book.db.execute(sql)


def test_a_receipt_of_a_confirmed_quarter_is_reversed_in_the_open_period(
    confirmed_demo_book: Book,
) -> None:
    """A slip found after its quarter was confirmed (and the year ended): the red receipt is
    dated today, in the open period, with this year's number; the confirmed quarters and
    their chain stay as they were and still verify. A reversal dated back inside a confirmed
    quarter is refused, saying to date it today."""
    from desktop.book.chain import check_chain, facts_canonical

    book = confirmed_demo_book
    old = book.db.execute(
        "select receipt_no from dues_payments where paid_date < '2026-04-01' and receipt_no != ''"
        " limit 1"
    ).fetchone()[0]
    q1 = facts_canonical(book.conn, 2026, 1)
    snapshots = book.db.execute("select * from snapshots order by id").fetchall()
    before = _counts(book)
    with pytest.raises(InputRefused) as info:
        dues.reverse_receipt(
            book, old, reason="录错", decided_by="支委会", on="2026-03-31", today=date(2027, 1, 5)
        )
    text = _said(info.value)
    assert "冲销日期 2026-03-31 在已确认的2026年第1季度内" in text
    assert "请按今天的日期（2027-01-05）冲销" in text
    assert _counts(book) == before
    red = dues.reverse_receipt(
        book, old, reason="金额录错", decided_by="支委会", today=date(2027, 1, 5)
    )
    assert red == "20270001"  # the red receipt is of this year's receipt book
    assert book.db.execute("select * from snapshots order by id").fetchall() == snapshots
    assert facts_canonical(book.conn, 2026, 1) == q1
    assert check_chain(book.conn) is None
    assert dues.confirmed_period_of(book, old) == "2026年第1季度"
    note = dues.confirmed_note(book, old, cli=True)
    assert "已确认的2026年第1季度" in note and "pioneer correction add" in note
    # 2026's list names the red receipt beside the original; 2027's has the red line alone.
    last = dues.receipts(book, year=2026)
    orig = next(r for r in last if r["receipt_no"] == old)
    assert orig["reversed_by"] == red and orig["reversed_on"] == "2027-01-05"
    assert not any(r["reverses"] for r in last)
    this = dues.receipts(book, year=2027)
    line = next(r for r in this if r["receipt_no"] == red)
    assert line["reverses"] == old and line["amount_fen"] == -orig["amount_fen"]
    assert line["reverses_confirmed"] == "2026年第1季度"
    assert old not in [r["receipt_no"] for r in this]


def test_a_reversal_in_the_open_quarter_leaves_the_confirmed_one_verifying(
    tmp_path: Path,
) -> None:
    """Q1 confirmed with a 100.00 typed for 1.00; in November the red receipt is dated in the
    open quarter: it stands at its own date in the year's list (after October's receipt),
    Q1's digest and snapshot hold, and verify passes; confirming Q4 later takes the
    reversal into Q4's digest."""
    from quarter_testkit import TODAY as Q_TODAY
    from quarter_testkit import build_branch

    from desktop.book import quarter as Q
    from desktop.book.backup import verify_file
    from desktop.book.chain import facts_canonical
    from desktop.book.review import review
    from desktop.book.scoring import score_book
    from desktop.rules.dues import red_line_note, reversed_line_note

    path = tmp_path / "q.db"
    with Book.create(path, branch="测试村党支部", year=2026) as book:
        ids = build_branch(book)
        dues.set_rate(book, ids["李二"], from_month="2026-01", category="农民")
        march = date(2026, 3, 10)
        wrong = dues.record_payment(
            book, ids["李二"], {"2026-03": 10000}, paid_date="2026-03-02", receiver="会计",
            today=march,
        )  # fmt: skip
        october = dues.record_payment(
            book, ids["李二"], {"2026-10": 100}, paid_date="2026-10-08", receiver="会计",
            today=Q_TODAY,
        )  # fmt: skip
        Q.publish(book, 2026, 1, start="2026-04-01", today=date(2026, 4, 1))
        Q.confirm(book, 2026, 1, today=Q_TODAY)
        q1 = facts_canonical(book.conn, 2026, 1)
        code = book.db.execute("select code from members where id = ?", [ids["李二"]]).fetchone()[0]

        def q1_points() -> tuple:
            scored = score_book(book, 2026, 1, today=Q_TODAY, explain=False).member(code)
            return scored.total, review(book, 2026, 1, today=Q_TODAY).live_differs

        confirmed = q1_points()
        assert confirmed[1] == []
        year_before = score_book(book, 2026, today=Q_TODAY, explain=False).member(code).total
        red = dues.reverse_receipt(
            book, wrong, reason="金额录错", decided_by="支委会", today=Q_TODAY
        )
        assert facts_canonical(book.conn, 2026, 1) == q1
        # Q1 is judged on its last day, when the payment still stood: its points are as
        # published (a reversal is known from its date, as a late payment is). The year's
        # running total, judged today, counts March as unpaid.
        assert q1_points() == confirmed
        year_after = score_book(book, 2026, today=Q_TODAY, explain=False).member(code).total
        assert year_after < year_before
        assert "dues_reversals" in facts_canonical(book.conn, 2026, 4)
        listed = [(r["receipt_no"], r["reverses"]) for r in dues.receipts(book, year=2026)]
        assert listed == [(wrong, ""), (october, ""), (red, wrong)]
        rec = dues.receipts(book, year=2026)
        assert reversed_line_note(rec[0]) == f"已冲销（红字 No.{red}，2026-11-24）"
        assert red_line_note(rec[2]) == (
            f"红字冲销 No.{wrong}（2026-03-02缴纳，属已确认的2026年第1季度）：金额录错"
        )
        reg = dues.year_register(book, 2026, today=Q_TODAY)
        li = next(r for r in reg["rows"] if r["name"] == "李二")
        assert li["months"]["2026-03"]["paid_fen"] == 0 and reg["reconciled"]
        # March paid again, correctly, on the day the money is counted (Q1 is locked).
        with pytest.raises(InputRefused) as info:
            dues.record_payment(
                book, ids["李二"], {"2026-03": 100}, paid_date="2026-03-02", receiver="会计",
                today=Q_TODAY,
            )  # fmt: skip
        assert "缴纳日期 2026-03-02 在已确认的2026年第1季度内" in _said(info.value)
        again = dues.record_payment(
            book, ids["李二"], {"2026-03": 100}, paid_date="2026-11-24", receiver="会计",
            today=Q_TODAY,
        )  # fmt: skip
        # That receipt lies in the open quarter (its paid date), though March is in Q1: the
        # dialog and the note say no confirmed period, as its red line on paper would not.
        assert dues.confirmed_period_of(book, wrong) == "2026年第1季度"
        assert dues.confirmed_period_of(book, again) is None
        assert dues.confirmed_note(book, again) == ""
        assert q1_points() == confirmed  # the late payment neither
    verify_file(path)


def test_a_reversal_is_in_its_periods_facts_digest(book: Book, branch: dict[str, int]) -> None:
    from desktop.book.chain import facts_canonical

    no = _mistake(book, branch)
    plain = facts_canonical(book.conn, 2026, 4)
    assert "dues_reversals" not in plain  # an old period's digest is unchanged
    dues.reverse_receipt(book, no, reason="录错", decided_by="刘会计", today=DEC_5)
    assert "dues_reversals" in facts_canonical(book.conn, 2026, 4)
    assert "dues_reversals" not in facts_canonical(book.conn, 2026, 3)


def test_a_read_only_book_reverses_nothing(book_path: Path) -> None:
    from desktop.book.errors import ReadOnlyBookError

    with Book.create(book_path, branch="测试村党支部", year=2026) as b:
        m = b.roster.add_member({"name": "李二", "status": "正式党员", "joined_date": "2001-07-01"})
        dues.set_rate(b, m, from_month="2026-01", category="农民")
        no = dues.record_payment(
            b, m, {"2026-12": 10000}, paid_date="2026-12-05", receiver="刘会计", today=DEC_5
        )
    with Book.open(book_path, read_only=True) as b, pytest.raises(ReadOnlyBookError):
        dues.reverse_receipt(b, no, reason="录错", decided_by="刘会计", today=DEC_5)
    with Book.open(book_path) as b:
        assert b.db.execute("select count(*) from dues_reversals").fetchone()[0] == 0


def test_a_reversal_in_a_confirmed_quarter_is_locked_and_verified(tmp_path: Path) -> None:
    """A reversal dated in a quarter enters its facts digest at confirmation: `verify` names
    the quarter when it is altered behind the program's back; no new reversal is dated
    there."""
    import sqlite3

    from quarter_testkit import TODAY as Q_TODAY
    from quarter_testkit import build_branch

    from desktop.book import quarter as Q
    from desktop.book.backup import verify_file
    from desktop.book.errors import AlteredBookError

    path = tmp_path / "q.db"
    with Book.create(path, branch="测试村党支部", year=2026) as book:
        ids = build_branch(book)
        dues.set_rate(book, ids["李二"], from_month="2026-01", category="农民")
        march = date(2026, 3, 10)
        first = dues.record_payment(
            book, ids["李二"], {"2026-02": 10000}, paid_date="2026-03-02", receiver="会计",
            today=march,
        )  # fmt: skip
        second = dues.record_payment(
            book, ids["李二"], {"2026-03": 100}, paid_date="2026-03-02", receiver="会计",
            today=march,
        )  # fmt: skip
        dues.reverse_receipt(book, first, reason="金额录错", decided_by="支委会", today=march)
        Q.publish(book, 2026, 1, start="2026-04-01", today=date(2026, 4, 1))
        Q.confirm(book, 2026, 1, today=Q_TODAY)
        with pytest.raises(InputRefused, match="冲销日期 2026-03-20 在已确认的2026年第1季度内"):
            dues.reverse_receipt(
                book, second, reason="录错", decided_by="支委会", on="2026-03-20", today=Q_TODAY
            )
    verify_file(path)
    conn = sqlite3.connect(path)
    conn.execute("drop trigger dues_reversals_no_update")
    conn.execute("update dues_reversals set reason = '改过'")
    conn.commit()
    conn.close()
    with pytest.raises(AlteredBookError) as info:
        verify_file(path)
    assert info.value.period == "2026年第1季度"


def test_a_book_from_before_reversals_upgrades_and_verifies(confirmed_demo_book: Book) -> None:
    """Schema 18 → 19 (and 20) adds dues_reversals and the view dues_standing: a book with
    confirmed quarters (their facts digests) still verifies after the upgrade, and its register is
    unchanged."""
    import sqlite3

    from desktop.book.backup import verify_file
    from desktop.book.version import SCHEMA_VERSION

    book = confirmed_demo_book
    path = book.path
    register = dues.year_register(book, 2026, today=date(2027, 1, 5))
    book.close()
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        drop view dues_standing;
        drop trigger dues_reversals_no_update;
        drop trigger dues_reversals_no_delete;
        drop trigger lock_dues_reversals_insert;
        drop table dues_reversals;
        delete from _sqlite_migrations
            where name in ('m019_dues_reversals', 'm020_unnumbered_reversals');
        pragma user_version = 18;
        """
    )
    conn.commit()
    conn.close()
    with Book.open(path) as upgraded:
        assert upgraded.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
        assert dues.year_register(upgraded, 2026, today=date(2027, 1, 5)) == register
    verify_file(path)


def test_a_reversal_survives_export_and_import(
    book: Book, branch: dict[str, int], tmp_path: Path
) -> None:
    """The 党费 sheet keeps every payment and 党费冲销 the reversals: re-imported into an empty
    book, nothing is lost and the register is the same; a 党费冲销 row naming no receipt, or a
    receipt twice, is refused."""
    from desktop.book.interchange import (
        WorkbookRefused,
        export_data,
        export_workbook,
        import_workbook,
    )

    no = _mistake(book, branch)
    dues.reverse_receipt(book, no, reason="金额录错", decided_by="刘会计", today=DEC_5)
    path = export_workbook(book, tmp_path / "a.xlsx")
    assert [r["收据号"] for r in export_data(book)["党费冲销"]] == [no]
    with Book.create(tmp_path / "empty.db", branch=book.branch()["name"], year=2026) as empty:
        plan = import_workbook(empty, path)
        assert plan.counts["党费冲销"] == 1
        assert export_data(empty) == export_data(book)
        assert dues.year_register(empty, 2026, today=DEC_5) == dues.year_register(
            book, 2026, today=DEC_5
        )
    # Into the same book again: that receipt is reversed already.
    with pytest.raises(WorkbookRefused) as info:
        import_workbook(book, path)
    assert any("党费冲销" in line for line in info.value.lines())


# A payment without a receipt number (an imported 党费 sheet without 收据号) is named by its
# member, month and paid date — or its 记录号 — and reversed like a receipt.


def _unnumbered(book: Book, member_id: int, month: str, paid: int, on: str, due: int) -> int:
    """A row as an imported 党费 sheet without 收据号 leaves it."""
    return int(
        book.db["dues_payments"]
        .insert(
            {
                "member_id": member_id,
                "month": month,
                "due_fen": due,
                "paid_fen": paid,
                "paid_date": on,
                "receiver": "刘会计",
                "receipt_no": None,
                "created_at": f"{on}T10:00:00",
            }
        )
        .last_pk
    )


def test_a_payment_without_a_receipt_number_is_named_and_reversed(
    book: Book, branch: dict[str, int]
) -> None:
    li = branch["李二"]
    _unnumbered(book, li, "2026-10", 100, "2026-10-08", 100)
    wrong = _unnumbered(book, li, "2026-11", 10000, "2026-11-10", 100)  # 100 typed for 1.00
    rest = _unnumbered(book, li, "2026-11", 50, "2026-11-20", 0)  # a later part payment
    before = _counts(book)
    # Two payments in November: which one is not known; both are listed with their 记录号.
    with pytest.raises(InputRefused) as info:
        dues.find_payment(book, li, "2026-11", cli=True)
    text = _said(info.value)
    assert "李二 2026年11月 有 2 笔缴费，不知道要冲销哪一笔" in text
    assert "--paid 缴纳日期" in text and "--record 记录号" in text
    assert f"2026-11-10 缴纳 100.00 元，无收据号的缴费（记录号 {wrong}）" in text
    assert f"2026-11-20 缴纳 0.50 元，无收据号的缴费（记录号 {rest}）" in text
    ref = dues.find_payment(book, li, "2026-11", paid_date="2026-11-10")
    assert ref == f"#{wrong}"
    assert dues.find_payment(book, li, "2026-11", record=rest) == f"#{rest}"
    with pytest.raises(InputRefused, match="找不到 李二 2026年9月 的党费记录"):
        dues.find_payment(book, li, "2026-09")
    with pytest.raises(InputRefused) as info:
        dues.find_payment(book, li, "2026-11", paid_date="2026-11-11")
    text = _said(info.value)
    assert "找不到 李二 2026年11月（2026-11-11 缴纳）还未冲销的党费记录" in text
    assert "2026-11-10 缴纳 100.00 元" in text
    with pytest.raises(InputRefused, match="月份“2026-13”"):
        dues.find_payment(book, li, "2026-13")
    assert _counts(book) == before
    red = dues.reverse_receipt(
        book, ref, reason="金额录错，应为 1.00 元", decided_by="支委会", today=DEC_5
    )
    assert red == "20260001"
    assert dues.reversal_of(book, ref)["reversal_no"] == red
    line = book.db.execute("select summary from journal order by id desc").fetchone()[0]
    assert f"红字收据 {red} 冲销无收据号的缴费（记录号 {wrong}）" in line
    # November now holds the part payment only; its due is still the month's (not 免交).
    reg = dues.year_register(book, 2026, today=DEC_5)
    row = next(r for r in reg["rows"] if r["name"] == "李二")
    assert row["months"]["2026-11"]["due_fen"] == 100
    assert row["months"]["2026-11"]["paid_fen"] == 50 and reg["reconciled"]
    listed = [(r["ref"], r["reversed_by"], r["reverses"]) for r in reg["receipts"]]
    assert (f"#{wrong}", red, "") in listed and (red, "", f"#{wrong}") in listed
    # Once reversed it is no longer found, and not reversed twice.
    assert dues.find_payment(book, li, "2026-11") == f"#{rest}"
    with pytest.raises(InputRefused, match="已于 2026-12-05 冲销"):
        dues.reverse_receipt(book, ref, reason="录错", decided_by="支委会", today=DEC_5)
    with pytest.raises(InputRefused, match="找不到记录号 999 的无收据号缴费"):
        dues.reverse_receipt(book, "#999", reason="录错", decided_by="支委会", today=DEC_5)
    # A numbered row is not named by "#id"; a typed receipt number cannot begin with "#".
    numbered = dues.record_payment(
        book, li, {"2026-12": 100}, paid_date="2026-12-05", receiver="刘会计", today=DEC_5
    )
    row_id = book.db.execute(
        "select id from dues_payments where receipt_no = ?", [numbered]
    ).fetchone()[0]
    with pytest.raises(InputRefused, match=f"找不到记录号 {row_id} 的无收据号缴费"):
        dues.reverse_receipt(book, f"#{row_id}", reason="录错", decided_by="支委会", today=DEC_5)
    with pytest.raises(InputRefused) as info:
        dues.record_payment(
            book, li, {"2026-12": 100}, paid_date="2026-12-05", receiver="刘会计",
            receipt_no="#5", today=DEC_5,
        )  # fmt: skip
    assert "收据号 #5 不能以“#”开头" in _said(info.value)
    # The red receipt prints alone by its number, naming the record (as its original does).
    from desktop.rules.dues import red_line_note, reversed_line_note

    (alone,) = dues.receipts(book, numbers=[red])
    assert red_line_note(alone) == f"红字冲销 无号记录 {wrong}：金额录错，应为 1.00 元"
    (orig,) = [r for r in dues.receipts(book, year=2026) if r["ref"] == f"#{wrong}"]
    assert reversed_line_note(orig) == f"无号记录 {wrong}，已冲销（红字 No.{red}，2026-12-05）"


def test_a_month_paid_and_reversed_twice_is_owed_once(book: Book, branch: dict[str, int]) -> None:
    """November paid and reversed, paid again in two parts, the due-carrying part reversed:
    the part payment left owes the month's due once, not once per reversed receipt."""
    li = branch["李二"]
    kw = {"paid_date": "2026-12-01", "receiver": "刘会计", "today": DEC_5}
    first = dues.record_payment(book, li, {"2026-11": 100}, **kw)
    dues.reverse_receipt(book, first, reason="录错", decided_by="支委会", today=DEC_5)
    part = dues.record_payment(book, li, {"2026-11": 50}, **kw)  # carries the due again
    dues.record_payment(book, li, {"2026-11": 50}, **kw)  # due 0: the month has one
    dues.reverse_receipt(book, part, reason="录错", decided_by="支委会", today=DEC_5)
    reg = dues.year_register(book, 2026, today=DEC_5)
    row = next(r for r in reg["rows"] if r["name"] == "李二")
    assert row["months"]["2026-11"]["due_fen"] == 100
    assert row["months"]["2026-11"]["paid_fen"] == 50 and reg["reconciled"]


def test_an_unnumbered_reversal_survives_export_and_import(
    book: Book, branch: dict[str, int], tmp_path: Path
) -> None:
    """党费冲销 names the payment as #记录号; re-imported into an empty book it still names
    the same payment; #记录号 of no unnumbered payment is refused at its row, nothing
    written."""
    import openpyxl

    from desktop.book.interchange import (
        WorkbookRefused,
        export_data,
        export_workbook,
        import_workbook,
    )

    wrong = _unnumbered(book, branch["李二"], "2026-11", 10000, "2026-11-10", 100)
    dues.reverse_receipt(book, f"#{wrong}", reason="金额录错", decided_by="支委会", today=DEC_5)
    path = export_workbook(book, tmp_path / "a.xlsx")
    assert [r["收据号"] for r in export_data(book)["党费冲销"]] == [f"#{wrong}"]
    with Book.create(tmp_path / "empty.db", branch=book.branch()["name"], year=2026) as empty:
        import_workbook(empty, path)
        assert export_data(empty) == export_data(book)
        assert dues.year_register(empty, 2026, today=DEC_5) == dues.year_register(
            book, 2026, today=DEC_5
        )
    wb = openpyxl.load_workbook(path)
    sheet = wb["党费冲销"]
    column = [c.value for c in sheet[1]].index("收据号") + 1
    sheet.cell(row=2, column=column, value="#999")
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    with Book.create(tmp_path / "other.db", branch=book.branch()["name"], year=2026) as other:
        with pytest.raises(WorkbookRefused) as info:
            import_workbook(other, bad)
        assert any(
            "党费冲销" in line and "没有记录号为 999 的无收据号缴费" in line
            for line in info.value.lines()
        )
        assert other.db.execute("select count(*) from dues_payments").fetchone()[0] == 0
    # Into a book that holds an unnumbered payment of the same 记录号, "#N" could be either.
    with Book.create(tmp_path / "busy.db", branch=book.branch()["name"], year=2026) as busy:
        someone = busy.roster.add_member(
            {"code": "900", "name": "赵九", "status": "正式党员", "joined_date": "2001-07-01"}
        )
        while (_unnumbered(busy, someone, "2026-11", 100, "2026-11-10", 100)) < wrong:
            pass
        with pytest.raises(WorkbookRefused) as info:
            import_workbook(busy, path)
        assert any(
            "党费冲销" in line and f"记录号 {wrong} 既是“党费”表中" in line
            for line in info.value.lines()
        ), info.value.lines()
        assert busy.db.execute("select count(*) from dues_reversals").fetchone()[0] == 0
