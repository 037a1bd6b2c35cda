"""Workbook import is all or nothing; export → import into an empty book is exact."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sheet_helpers import Fmt, header_row, make_xlsx, ole2_file

from desktop.book.interchange import (
    WorkbookRefused,
    export_data,
    export_workbook,
    import_workbook,
    read_for_import,
)
from desktop.book.store import Book

ROSTER = header_row("党员名册")


def _row(**values: object) -> list[object]:
    return [values.get(col) for col in ROSTER]


def _good(**extra: object) -> dict[str, object]:
    return {
        "姓名": "张建国",
        "人员类别": "正式党员",
        "性别": "男",
        "入党时间": "1998-07-01",
        **extra,
    }


def _snapshot(book: Book) -> dict[str, list[tuple]]:
    tables = ("members", "party_groups", "activities", "attendance", "dues_payments", "journal")
    return {t: book.db.execute(f"select * from {t} order by 1").fetchall() for t in tables}


def test_export_then_import_into_empty_book_is_exact(demo_book: Book, tmp_path: Path) -> None:
    first = export_workbook(demo_book, tmp_path / "a.xlsx")
    # The same branch: a 支部信息 naming another branch is refused (test_branch_sheets.py).
    empty = Book.create(tmp_path / "empty.db", branch=demo_book.branch()["name"], year=2026)
    plan = import_workbook(empty, first)
    assert plan.counts["党员"] == 42 and plan.counts["党小组"] == 3
    assert export_data(empty) == export_data(demo_book)
    empty.close()


def test_import_adds_members_and_groups(book: Book, tmp_path: Path, _private_home: Path) -> None:
    path = make_xlsx(
        tmp_path / "r.xlsx",
        {
            "党员名册": [
                ROSTER,
                _row(**_good(党小组="一组", 编号="A01")),
                _row(姓名="李秀英", 人员类别="预备党员", 入党时间="2026-01-10", 党小组="二组"),
            ],
            "党小组": [["名称", "组长", "备注"], ["一组", "A01", "村东"]],
        },
    )
    plan = import_workbook(book, path)
    assert plan.summary() == "党小组 1 条，党员 2 条"
    groups = {g["name"]: g for g in book.roster.groups()}
    assert groups["一组"]["leader_name"] == "张建国" and "二组" in groups
    assert book.journal()[0]["action"] == "导入工作簿"
    assert len(list((_private_home / "备份").glob("*导入前*.db"))) == 1


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (_good(出生日期="1970-02-30"), "党员名册 第2行 出生日期:"),
        (_good(身份证号="110105194912310021"), "党员名册 第2行 身份证号: 身份证号校验位不对"),
        (_good(身份证号=Fmt(110105194912310000, "0")), "党员名册 第2行 身份证号:"),
        (_good(人员类别="党员"), "党员名册 第2行 人员类别:"),
        (_good(转正时间="1990-01-01"), "党员名册 第2行 转正时间:"),
    ],
)
def test_bad_rows_are_refused_and_nothing_is_written(
    book: Book, tmp_path: Path, values: dict[str, object], expected: str
) -> None:
    path = make_xlsx(tmp_path / "bad.xlsx", {"党员名册": [ROSTER, _row(**values)]})
    before = _snapshot(book)
    with pytest.raises(WorkbookRefused) as info:
        import_workbook(book, path)
    assert any(line.startswith(expected) for line in info.value.lines()), info.value.lines()
    assert _snapshot(book) == before


def test_duplicate_members_are_refused(book: Book, tmp_path: Path) -> None:
    book.roster.add_member({"code": "007", "name": "王五", "status": "正式党员"})
    path = make_xlsx(
        tmp_path / "dup.xlsx",
        {
            "党员名册": [
                ROSTER,
                _row(**_good(编号="007")),
                _row(**_good(编号="008", 身份证号="11010519491231002X")),
                _row(**_good(编号="009", 身份证号="11010519491231002X")),
            ]
        },
    )
    before = _snapshot(book)
    with pytest.raises(WorkbookRefused) as info:
        import_workbook(book, path)
    lines = info.value.lines()
    assert "党员名册 第2行 编号: 编号 007 已是账本中的党员 王五，同一党员不能重复导入" in lines
    assert any(line.startswith("党员名册 第4行 身份证号:") for line in lines)
    assert _snapshot(book) == before


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b""), "空"),
        (lambda p: p.write_text("姓名,电话\n张三,1\n", encoding="utf-8"), "xlsx"),
        (lambda p: ole2_file(p, ["Workbook"]), "另存为 .xlsx"),
        (lambda p: ole2_file(p, ["EncryptionInfo", "EncryptedPackage"]), "密码"),
    ],
)
def test_unreadable_files_are_refused(book: Book, tmp_path: Path, make, message: str) -> None:
    path = tmp_path / "file.xlsx"
    make(path)
    before = _snapshot(book)
    with pytest.raises(WorkbookRefused, match=message):
        import_workbook(book, path)
    assert _snapshot(book) == before


def test_facts_are_checked_against_membership(demo_book: Book, tmp_path: Path) -> None:
    left = next(m for m in demo_book.roster.members() if m["left_date"])
    present = next(m for m in demo_book.roster.members() if not m["left_date"])
    path = make_xlsx(
        tmp_path / "facts.xlsx",
        {
            "活动": [
                header_row("活动"),
                ["H1", "2026-10-08", "主题党日", "学习", "村部", None, None],
            ],
            "签到": [
                header_row("签到"),
                ["H1", left["code"], "出席", None, None],
                ["H1", present["code"], "补录", "张三", None],
                ["H1", "不存在的人", "出席", None, None],
                ["H9", present["code"], "出席", None, None],
            ],
        },
    )
    plan = read_for_import(demo_book, path)
    text = "\n".join(plan.problems)
    assert f"签到 第2行 党员: {left['name']} 已于 {left['left_date']} 离开本支部" in text
    assert "签到 第3行 证明人: 补录须有两名党员证明人" in text
    assert "签到 第4行 党员: 找不到党员“不存在的人”" in text
    assert "签到 第5行 活动编号: 找不到活动“H9”" in text


def test_duplicate_sign_in_and_receipt(demo_book: Book, tmp_path: Path) -> None:
    m, other = [
        m for m in demo_book.roster.members() if m["status"] == "正式党员" and not m["left_date"]
    ][:2]
    path = make_xlsx(
        tmp_path / "facts.xlsx",
        {
            "活动": [
                header_row("活动"),
                ["H1", "2026-10-08", "主题党日", "学习", "村部", None, None],
            ],
            "签到": [header_row("签到"), ["H1", m["code"], "出席"], ["H1", m["code"], "因公请假"]],
            "党费": [
                header_row("党费"),
                # One receipt may cover several months of one member …
                [m["code"], "2025-11", 2, 2, "2025-12-05", "会计", "R1"],
                [m["code"], "2025-12", 2, 2, "2025-12-05", "会计", "R1"],
                # … but never another member's, nor the same month twice.
                [other["code"], "2025-12", 2, 2, "2025-12-05", "会计", "R1"],
                [m["code"], "2025-12", 2, 2, "2025-12-05", "会计", "R1"],
            ],
        },
    )
    plan = read_for_import(demo_book, path)
    text = "\n".join(plan.problems)
    assert "签到 第3行 党员:" in text and "不能重复签到" in text
    assert "党费 第3行" not in text
    assert "党费 第4行 收据号: 收据号 R1 已用于另一名党员" in text
    assert "党费 第5行 收据号: 收据号 R1 已登记过 2025-12" in text


def test_facts_import_and_export(demo_book: Book, tmp_path: Path) -> None:
    m = next(
        m for m in demo_book.roster.members() if m["status"] == "正式党员" and not m["left_date"]
    )
    path = make_xlsx(
        tmp_path / "facts.xlsx",
        {
            "活动": [
                header_row("活动"),
                ["H1", "2026-10-08", "主题党日", "学习", "村部", "书记", "委员"],
            ],
            "签到": [header_row("签到"), ["H1", m["code"], "因私请假", None, "外出"]],
            "党费": [
                header_row("党费"),
                [m["code"], "2026-01", 2.5, 2.5, "2026-01-05", "会计", "R1"],
            ],
            "积分申报": [
                header_row("积分申报"),
                [m["code"], "2026-05-01", "key-work", 2.5, "义务劳动", "审定"],
            ],
            "民主评议": [header_row("民主评议"), [2026, 1, "党员评议", m["code"], "优秀"]],
            "一票否决": [
                header_row("一票否决"),
                [m["code"], "2026-06-01", "受到党内警告处分", "支委会"],
            ],
        },
    )
    plan = import_workbook(demo_book, path)
    assert plan.counts == {
        "活动": 1,
        "签到记录": 1,
        "党费记录": 1,
        "积分申报": 1,
        "民主评议": 1,
        "一票否决": 1,
    }
    data = export_data(demo_book)
    assert next(r for r in data["党费"] if r["收据号"] == "R1")["应缴"] == 250
    assert next(r for r in data["积分申报"] if r["事由"] == "义务劳动")["分值"] == Decimal("2.5")
    conn = sqlite3.connect(demo_book.path)
    rows = conn.execute(
        "select t.status from attendance t join activities a on a.id = t.activity_id where a.code='H1'"
    ).fetchall()
    assert rows == [("因私请假",)]
    conn.close()


# -- import applies the same checks as the screens (issue 11, item 11) -----------------------


def _street_book(tmp_path: Path) -> Book:
    """A book on the 街道农村 scheme (claim items: 联系群众 contact -3–0, capped at 3 a
    quarter; 荣获街道党委表彰 honor-street, fixed 8) with one member who joined on 2026-05-20."""
    book = Book.create(
        tmp_path / "street.db", branch="红星村党支部", year=2026, scheme_id="jiedao-nongcun"
    )
    book.roster.add_member(
        {"name": "张三", "code": "A01", "status": "正式党员", "joined_date": "2020-01-01"}
    )
    book.roster.add_member(
        {"name": "李四", "code": "A02", "status": "预备党员", "joined_date": "2026-05-20"}
    )
    return book


def test_import_refuses_claims_the_claim_screen_would_refuse(tmp_path: Path) -> None:
    book = _street_book(tmp_path)
    path = make_xlsx(
        tmp_path / "claims.xlsx",
        {
            "积分申报": [
                header_row("积分申报"),
                ["A01", "2026-04-10", "志愿服务", 2, "义务劳动", "申报"],  # no such item
                ["A01", "2026-04-11", "honor-street", 12, "表彰", "申报"],  # fixed 8
                ["A01", "2026-04-12", "contact", -5, "意见", "申报"],  # range -3–0
                ["A01", "2026-04-13", "contact", -2, "意见", "申报"],  # fine
                ["A01", "2026-04-14", "contact", -2, "意见", "申报"],  # over the cap of 3
                ["A01", "2026-07-14", "contact", -2, "意见", "申报"],  # another quarter: fine
            ]
        },
    )
    before = _snapshot(book)
    plan = read_for_import(book, path)
    problems = plan.problems
    assert len(problems) == 4, problems
    assert problems[0].startswith("积分申报 第2行 项目: 本年度积分方案中没有“志愿服务”这个申报项目")
    assert problems[1].startswith("积分申报 第3行 分值: “荣获街道党委表彰”每次固定 8 分")
    assert problems[2].startswith("积分申报 第4行 分值: “联系群众”每次可申报 -3 至 0 分")
    assert problems[3].startswith("积分申报 第6行 分值: 张三 的“联系群众”-2 分超出封顶")
    assert "已有 2 分" in problems[3]
    from desktop.book.interchange import WorkbookRefused

    with pytest.raises(WorkbookRefused):
        import_workbook(book, path)
    assert _snapshot(book) == before
    book.close()


def test_import_refuses_a_sign_in_before_the_member_joined(tmp_path: Path) -> None:
    book = _street_book(tmp_path)
    path = make_xlsx(
        tmp_path / "signin.xlsx",
        {
            "活动": [
                header_row("活动"),
                ["H1", "2026-05-10", "主题党日", "学习", "村部", "书记", "委员"],
                ["H2", "2026-06-10", "主题党日", "学习", "村部", "书记", "委员"],
            ],
            "签到": [
                header_row("签到"),
                ["H1", "A02", "出席", None, None],  # 10 days before he joined
                ["H2", "A02", "出席", None, None],
                ["H1", "A01", "出席", None, None],
            ],
        },
    )
    before = _snapshot(book)
    problems = read_for_import(book, path).problems
    assert problems == [
        "签到 第2行 党员: 李四 于 2026-05-20 入党，2026-05-10 时尚未入党，不能登记其签到"
    ]
    from desktop.book.interchange import WorkbookRefused

    with pytest.raises(WorkbookRefused):
        import_workbook(book, path)
    assert _snapshot(book) == before
    book.close()
