"""The dues forms on paper: register totals, publicity, reminders and receipts from plain data."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from paper_helpers import page_count, pdftotext

from desktop.book.printing import print_document
from desktop.book.store import Book
from desktop.paper.dues import (
    register_cell,
    write_dues_publicity,
    write_dues_register,
    write_dues_reminders,
    write_receipts,
)
from desktop.rules.dues import MonthDues, arrears

MONTHS = [f"2026-{i:02d}" for i in range(1, 13)]
THROUGH = "2026-10"


def _register(n: int = 30) -> dict:
    rows = []
    by_paid = dict.fromkeys(MONTHS, 0)
    by_due = dict.fromkeys(MONTHS, 0)
    receipts = []
    for i in range(n):
        due = 4500 if i % 7 == 0 else 100
        months = {}
        for m in MONTHS[:10]:
            paid = (
                0
                if (i == 3 and m >= "2026-06")
                else (due // 2 if i == 5 and m == "2026-03" else due)
            )
            months[m] = {
                "due_fen": due,
                "paid_fen": paid,
                "paid_date": "2026-01-25" if paid else None,
                "state": MonthDues(m, due, paid).state,
            }
            by_paid[m] += paid
            by_due[m] += due
            if paid:
                receipts.append(
                    {
                        "receipt_no": f"2026{len(receipts) + 1:04d}",
                        "member": f"党员{i}",
                        "code": f"{i:03d}",
                        "paid_date": "2026-01-25",
                        "receiver": "会计",
                        "months": [m],
                        "months_text": m,
                        "amount_fen": paid,
                        "due_fen": due,
                        "passed_up_whole": False,
                    }
                )
        md = [MonthDues(m, c["due_fen"], c["paid_fen"]) for m, c in months.items()]
        ar = arrears(md, through=THROUGH)
        rows.append(
            {
                "code": f"{i:03d}",
                "name": f"阿卜杜热合曼·买买提{i}" if i == 9 else f"党员{i}",
                "group": "第一党小组",
                "left_date": "2026-08-01" if i == 11 else None,
                "rate_fen": due,
                "months": months,
                "due_fen": sum(c["due_fen"] for c in months.values()),
                "paid_fen": sum(c["paid_fen"] for c in months.values()),
                "owed_fen": ar.owed_fen,
                "arrears": ar,
            }
        )
    return {
        "year": 2026,
        "branch": {"name": "城关镇红星村党支部", "parent_org": "城关镇党委"},
        "through": THROUGH,
        "months": MONTHS,
        "rows": rows,
        "totals": {
            "due_fen": sum(r["due_fen"] for r in rows),
            "paid_fen": sum(r["paid_fen"] for r in rows),
            "owed_fen": sum(r["owed_fen"] for r in rows),
            "by_month_paid": by_paid,
            "by_month_due": by_due,
        },
        "receipts": receipts,
        "payments_total_fen": sum(r["amount_fen"] for r in receipts),
        "reconciled": True,
    }


def test_register_cell_text() -> None:
    assert register_cell({"due_fen": 100, "paid_fen": 100}, "2026-03", THROUGH) == "1.00"
    assert register_cell({"due_fen": 100, "paid_fen": 0}, "2026-03", THROUGH) == "未缴"
    assert register_cell({"due_fen": 100, "paid_fen": 0}, "2026-12", THROUGH) == ""
    assert register_cell({"due_fen": 200, "paid_fen": 50}, "2026-03", THROUGH) == "0.50\n欠1.50"
    assert register_cell(None, "2026-03", THROUGH) == ""


def test_register_pdf_shows_reconciled_totals(tmp_path: Path) -> None:
    reg = _register()
    out = tmp_path / "register.pdf"
    pages = write_dues_register(out, reg, printed_on="2026-11-24", invariant=True)
    assert pages == page_count(out) >= 2
    text = pdftotext(out, "-layout")
    assert "2026年度党费收缴台账" in text
    paid = reg["totals"]["paid_fen"]
    assert f"实缴 {paid // 100}.{paid % 100:02d} 元" in text
    assert f"收据合计 {paid // 100}.{paid % 100:02d} 元" in text
    assert "未缴" in text and "收款人（签字）" in text and "支部书记（签字）" in text


def test_publicity_reminders_and_receipts(tmp_path: Path) -> None:
    reg = _register(12)
    pub = tmp_path / "pub.pdf"
    write_dues_publicity(
        pub,
        reg,
        printed_on="2026-12-28",
        start="2026-12-28",
        end="2027-01-04",
        contact="杨红",
        invariant=True,
    )
    text = pdftotext(pub)
    assert "2026年度党费收缴情况公示" in text and "2027年1月4日" in text and "杨红" in text
    rem = tmp_path / "rem.pdf"
    pages = write_dues_reminders(
        rem,
        reg["branch"],
        [
            {"name": "党员3", "months": MONTHS[5:10], "owed_fen": 22500, "run_length": 5},
            {"name": "党员8", "months": MONTHS[:6], "owed_fen": 600, "run_length": 6},
        ],
        printed_on="2026-11-24",
        pay_by="2026-12-09",
        receiver="杨红",
        invariant=True,
    )
    assert pages == 2
    text = pdftotext(rem)
    assert "党员3同志" in text and "225.00 元" in text and "2026年12月9日" in text
    assert "连续 6 个月未交纳党费" in text and "回" in text
    rec = tmp_path / "rec.pdf"
    receipts = [dict(r, months_text="2026年1月至3月") for r in reg["receipts"][:7]]
    receipts[0]["amount_fen"] = 100_045
    receipts[0]["passed_up_whole"] = True
    assert (
        write_receipts(rec, reg["branch"], receipts, printed_on="2026-11-24", invariant=True) == 2
    )
    text = pdftotext(rec)
    assert "壹仟元肆角伍分" in text and "全额上缴" in text and "No. 20260001" in text


@pytest.mark.parametrize("n", [0, 1])
def test_empty_and_single(tmp_path: Path, n: int) -> None:
    reg = _register(n)
    assert write_dues_register(tmp_path / "r.pdf", reg, printed_on="2026-11-24") >= 1
    assert (
        write_receipts(
            tmp_path / "c.pdf", reg["branch"], reg["receipts"][:n], printed_on="2026-11-24"
        )
        >= 1
    )


def test_each_reminder_in_a_batch_has_its_own_page_numbers(tmp_path) -> None:
    """A batch of 催缴通知: each member's notice 第1页 共1页, not 第2页 共3页 of the batch."""
    from desktop.paper.dues import write_dues_reminders

    reminders = [
        {"name": name, "months": ["2026-01", "2026-02", "2026-03"], "owed_fen": 300}
        for name in ("张三", "李四", "王五")
    ]
    out = tmp_path / "r.pdf"
    n = write_dues_reminders(
        out, {"name": "测试村党支部"}, reminders, printed_on="2026-04-10", pay_by="2026-04-30"
    )
    pages = ["".join(p.split()) for p in pdftotext(out).split("\f")[:-1]]
    assert n == len(pages) == 3
    assert all("第1页共1页" in p for p in pages) and "共3页" not in "".join(pages)
    assert all("2026年4月30日前" in p for p in pages)


def test_each_receipt_has_its_stub(tmp_path) -> None:
    """党费收据 with a 存根联 the branch keeps: number, payer, months, amount, date, receiver."""
    from desktop.paper.dues import write_receipts

    receipts = [
        {
            "receipt_no": f"2026000{i}",
            "member": name,
            "months": ["2026-01", "2026-02", "2026-03"],
            "amount_fen": 300,
            "paid_date": "2026-03-10",
            "receiver": "杨红",
        }
        for i, name in enumerate(("张三", "李四"), start=1)
    ]
    out = tmp_path / "r.pdf"
    write_receipts(out, {"name": "测试村党支部"}, receipts, printed_on="2026-03-10")
    flat = "".join(pdftotext(out).split())
    assert flat.count("存根联") == 2
    for r in receipts:
        assert flat.count(f"No.{r['receipt_no']}") == 2  # on the stub and on the receipt
        assert f"交款人：{r['member']}" in flat
    assert "金额：¥3.00" in flat and "日期：2026年3月10日" in flat


# The printed 党费收缴台账 for a member with no 党费标准: no command line on paper, "—" for totals that
# can't be known, and a short 未定标准 mark explained in a note.


TODAY = date(2026, 11, 30)


def test_register_paper_marks_a_member_without_a_standard(demo_book: Book, tmp_path: Path) -> None:
    demo_book.roster.add_member(
        {"name": "曾强", "status": "预备党员", "joined_date": "2026-03-01", "group": ""}
    )
    out = print_document(demo_book, "dues-register", tmp_path / "r.pdf", year=2026, today=TODAY)
    text = pdftotext(out, "-layout")
    assert "pioneer" not in text and "命令行" not in text
    row = next(line for line in text.splitlines() if line.split()[1:3] == ["曾强", "未设定"])
    assert row.split()[-3:] == ["—", "—", "未定标准"]
    assert "未设定党费标准" not in row
    flat = "".join(text.split())
    assert "“未定标准”：该党员" in flat and "注意：曾强未设定党费标准" in flat


def test_register_paper_without_missing_standards_has_no_such_note(
    demo_book: Book, tmp_path: Path
) -> None:
    out = print_document(demo_book, "dues-register", tmp_path / "r.pdf", year=2026, today=TODAY)
    text = pdftotext(out)
    assert "未定标准" not in text and "—" not in text


def test_publicity_marks_members_without_a_standard(book: Book, tmp_path: Path) -> None:
    """A year without 党费 standards published 应缴 0.00 / 实缴 0.00 for everyone with no
    remark; now 未设定, "—" and 「未定党费标准，应缴待定」, explained under the table."""
    for name in ("张三", "李四"):
        book.roster.add_member({"name": name, "status": "正式党员", "joined_date": "2000-07-01"})
    out = print_document(book, "dues-publicity", tmp_path / "p.pdf", year=2026, today=TODAY)
    text = pdftotext(out, "-layout")
    row = next(line for line in text.splitlines() if "张三" in line)
    assert "未设定" in row and "0.00" not in row and "未定党费标准，应缴待定" in row
    assert "“未定标准”：该党员" in "".join(text.split())


def test_register_says_why_paid_exceeds_due(tmp_path: Path) -> None:
    """December paid in a register counted to November, and a voluntary 1,000 yuan, made 实缴
    exceed 应缴 with no word why; the note under the table now names both."""
    from datetime import date as day

    from desktop.book.demo import create_demo

    book = create_demo(tmp_path / "d.db", year=2026, quarters=False, today=day(2026, 11, 30))
    out = print_document(book, "dues-register", tmp_path / "r.pdf", year=2026, today=TODAY)
    flat = "".join(pdftotext(out).split())
    assert re.search(r"实缴多于应缴的部分：预交2026年1[01]月以后的党费[\d.]+元", flat), flat[-400:]
    assert "自愿多交1000.00元" in flat
    book.close()


def test_recorded_reminders_print_with_their_document_number(demo_book: Book, tmp_path) -> None:
    """A 催缴通知 recorded in the book (`dues remind`) carries its 文号, as the 警戒书 does."""
    out = print_document(demo_book, "dues-reminders", tmp_path / "r.pdf", today=TODAY)
    flat = "".join(pdftotext(out).split())
    assert re.search(r"红星村支〔2026〕催\d+号", flat)
