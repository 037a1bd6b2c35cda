"""积分兑换 (issue 16 item 5). 社区 五、3：「党员可凭个人积分兑换实物或服务，享受优惠折扣或以
个人名义捐赠他人。党员个人积分兑换献爱心情况登记备案」; 五、4：「党员个人积分在记分周期内
有效，实行年度清零」 — a ledger beside the score that never changes it."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rules"))

from desktop.book import exchange as X
from desktop.book.errors import InputRefused
from desktop.book.scoring import score_book
from desktop.book.store import Book

TODAY = date(2026, 6, 20)


@pytest.fixture
def sq(tmp_path: Path):
    book = Book.create(tmp_path / "sq.db", branch="测试社区党支部", year=2026,
                       scheme_id="shequ-70-20-10-20")  # fmt: skip
    book.roster.add_member(
        {"code": "001", "name": "张三", "status": "正式党员", "joined_date": "2000-07-01"},
        today=TODAY,
    )
    yield book
    book.close()


def test_redemptions_never_change_the_score(sq) -> None:
    before = score_book(sq, 2026, today=TODAY, explain=False).member("001").total
    state = X.balance(sq, 2026, "张三", today=TODAY)
    assert state["total"] == before and state["left"] == before
    X.record_exchange(sq, "张三", "2026-06-01", "超市购物券", 20, "社区党委 李芳", today=TODAY)
    X.record_exchange(sq, "001", "2026-06-10", "理发服务", "5.5", "李芳", today=TODAY)
    after = score_book(sq, 2026, today=TODAY, explain=False).member("001").total
    assert after == before  # the score is what the scheme gives
    state = X.balance(sq, 2026, "张三", today=TODAY)
    assert state["redeemed"] == Decimal("25.5") and state["left"] == before - Decimal("25.5")
    rows = X.ledger(sq, 2026)
    assert [(r["what"], r["points"], r["redeemed_so_far"]) for r in rows] == [
        ("超市购物券", "20", Decimal(20)),
        ("理发服务", "5.5", Decimal("25.5")),
    ]
    # A mistake is answered by a return, never an edit.
    X.record_exchange(sq, "张三", "2026-06-15", "理发服务（退回）", -5.5, "李芳",
                      note="重复登记", today=TODAY)  # fmt: skip
    assert X.balance(sq, 2026, "张三", today=TODAY)["redeemed"] == 20
    with pytest.raises(sqlite3.IntegrityError, match="不能修改"):
        sq.execute("update exchanges set points = '1'")


def test_refusals(sq, tmp_path: Path) -> None:
    left = X.balance(sq, 2026, "张三", today=TODAY)["left"]
    for args, message in (
        (("张三", "2026-06-01", "购物券", left + 1, "李芳"), "可兑换的积分只剩"),
        (("张三", "2026-06-01", "", 5, "李芳"), "未登记"),
        (("张三", "2026-06-01", "购物券", 5, ""), "未登记"),
        (("张三", "2026-07-01", "购物券", 5, "李芳"), "还没有到"),
        (("张三", "2026-06-01", "退回", -5, "李芳"), "未登记"),
        (("张三", "2026-06-01", "购物券", "五", "李芳"), "不是数字"),
    ):
        with pytest.raises(InputRefused, match=message):
            X.record_exchange(sq, *args, today=TODAY)
    assert X.ledger(sq, 2026) == []
    other = Book.create(tmp_path / "e.db", branch="另一支部", year=2026, scheme_id="dangyuan-ejia")
    other.roster.add_member({"code": "001", "name": "李四", "status": "正式党员"}, today=TODAY)
    with pytest.raises(InputRefused, match="没有积分兑换"):
        X.record_exchange(other, "李四", "2026-06-01", "购物券", 5, "王", today=TODAY)
    other.close()


def test_exchange_key_is_checked() -> None:
    from test_scheme_check import GOOD

    from desktop.rules.presets import load_preset
    from desktop.rules.scheme import SchemeError, load_scheme

    assert "兑换" in (load_preset("shequ-70-20-10-20").exchange_note or "")
    assert load_preset("dangyuan-ejia").exchange_note is None
    with pytest.raises(SchemeError) as exc:
        load_scheme(GOOD + "[exchange]\nrate = 1\n")
    assert "[exchange]: 未知的键「rate」，可用的键：enabled、note" in exc.value.problems


def test_the_members_booklet_prints_his_exchanges(sq, tmp_path: Path) -> None:
    """「党员个人积分兑换献爱心情况登记备案」: the 登记表 lists them under the points."""
    import shutil
    import subprocess

    from desktop.book.printing import print_document

    X.record_exchange(sq, "张三", "2026-06-01", "超市购物券", 20, "李芳", today=TODAY)
    out = print_document(sq, "member-register", tmp_path / "reg.pdf", member="张三", year=2026)
    if shutil.which("pdftotext") is None:  # pragma: no cover
        pytest.skip("pdftotext not installed")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.replace(" ", "")
    assert "积分兑换（兑换不改变积分）" in text and "超市购物券" in text
    assert "已兑换20分" in text
