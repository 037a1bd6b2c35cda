"""`pioneer township approve` and `pioneer receipt`: the 审核回执 written for a pack, accepted by
the book it belongs to, refused by another book, when altered, or when records changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.book.year_end_testkit import TODAY, YEAR, confirm_year, make_year_book
from tests.cli.cli_testkit import run


@pytest.fixture
def packed(tmp_path: Path) -> tuple[Path, Path]:
    """A 2025 book rated (王一 五星级) and confirmed, and its pack."""
    from desktop.book.handover import make_handover

    stick = tmp_path / "U盘"
    stick.mkdir()
    book = make_year_book(tmp_path / "branch.db")
    try:
        confirm_year(book)
        pack = make_handover(book, stick, year=YEAR, today=TODAY)
    finally:
        book.close()
    return tmp_path / "branch.db", pack


def _approve(capsys, pack: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return run(
        capsys, "township", "approve", str(pack), "--by", "镇党委 李审", "--opinion",
        "材料齐全，同意。", "--out", str(out), "--today", "2026-01-20", *extra,
    )  # fmt: skip


def test_approve_then_receipt_marks_the_star_approved(packed, tmp_path: Path, capsys) -> None:
    book_path, pack = packed
    manifest = json.loads((pack / "清单.json").read_text(encoding="utf-8"))
    assert [s["name"] for s in manifest["figures"]["high_stars"]] == ["王一"]
    assert manifest["figures"]["rating_final"] is True  # packed in January: the year's rating
    assert [(s["name"], s["result"]) for s in manifest["figures"]["awaiting"]] == [
        ("王一", "五星级")
    ]
    assert any("待上级审批：王一（五星级）" in f for f in manifest["figures"]["flags"])
    out = tmp_path / "审核回执.json"
    code, text, err = _approve(capsys, pack, out, "--approve", "001")
    assert code == 0, err
    assert "乡镇党委已于2026年1月20日审核通过" in text
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["book_id"] == manifest["book_id"] and data["decision"] == "通过"
    assert data["stars"][0]["decision"] == "批准"
    code, text, err = run(capsys, "--db", str(book_path), "receipt", str(out))
    assert code == 0, err
    assert "乡镇党委已于2026年1月20日审核通过" in text and "批准：王一五星级" in text
    from desktop.book.approvals import approved_by, awaiting, history
    from desktop.book.pack_figures import pack_figures
    from desktop.book.receipt import latest_receipt
    from desktop.book.store import Book

    with Book.open(book_path) as book:
        # Recorded through the approvals API (issue 16), as a decision from the receipt.
        assert awaiting(book, YEAR, today=TODAY) == []
        assert approved_by(book, YEAR, "王一", today=TODAY) == ["上级党（工）委"]
        # The decision is the body's the scheme names (审批单位), not the reviewer's; the
        # reviewer's name is kept beside the receipt's file and shown where a name belongs.
        assert [
            (h["name"], h["source"], h["decided_by"], h["ref"]) for h in history(book, YEAR)
        ] == [("王一", "乡镇回执", "上级党（工）委", "审核回执.json（审核人：镇党委 李审）")]
        from desktop.book.approvals import approvals, decision_how

        (item,) = approvals(book, YEAR, today=TODAY)
        assert item.text() == (
            "拟评五星级，报上级党（工）委审批：已批准（上级党（工）委，2026-01-20，"
            "乡镇回执（审核人：镇党委 李审））"
        )
        assert decision_how(item.decision) == (
            "上级党（工）委，2026-01-20，乡镇回执（审核人：镇党委 李审）"
        )
        assert latest_receipt(book, YEAR)["decision"] == "通过"
        assert book.journal(1)[0]["action"] == "导入乡镇审核回执"
        # A new pack no longer flags him as waiting.
        assert pack_figures(book, YEAR, today=TODAY)["awaiting"] == []
    # Twice is refused.
    code, _text, err = run(capsys, "--db", str(book_path), "receipt", str(out))
    assert code == 1 and "已经导入过" in err


def test_receipt_refused_by_another_book(packed, tmp_path: Path, capsys) -> None:
    _book_path, pack = packed
    out = tmp_path / "回执.json"
    assert _approve(capsys, pack, out, "--approve", "王一")[0] == 0
    other = make_year_book(tmp_path / "other.db")
    other.close()
    code, _text, err = run(capsys, "--db", str(tmp_path / "other.db"), "receipt", str(out))
    assert code == 1
    assert "不是本账本的" in err


def test_receipt_altered_by_hand_is_refused(packed, tmp_path: Path, capsys) -> None:
    book_path, pack = packed
    out = tmp_path / "回执.json"
    assert _approve(capsys, pack, out, "--refuse", "001=群众评议未达优秀", "--return")[0] == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["decision"] == "退回修改"
    data["stars"][0]["decision"] = "批准"
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _text, err = run(capsys, "--db", str(book_path), "receipt", str(out))
    assert code == 1 and "已被改动" in err


def test_receipt_refused_when_records_changed_since_the_pack(tmp_path: Path, capsys) -> None:
    """Packed before Q4 was confirmed; afterwards a deduction takes 王一 off five stars."""
    from desktop.book import quarter as Q
    from desktop.book.handover import make_handover
    from desktop.book.store import Book

    stick = tmp_path / "U盘"
    stick.mkdir()
    book = make_year_book(tmp_path / "branch.db")
    try:
        pack = make_handover(book, stick, year=YEAR, today=TODAY)
    finally:
        book.close()
    out = tmp_path / "回执.json"
    assert _approve(capsys, pack, out, "--approve", "001")[0] == 0
    with Book.open(tmp_path / "branch.db") as book:
        cid = Q.add_claim(book, "王一", "2025-11-01", "absent", -30, "补记缺席", today=TODAY)
        Q.review_claim(book, cid, "组长")
        Q.approve_claim(book, cid, "支委会")
    code, _text, err = run(capsys, "--db", str(tmp_path / "branch.db"), "receipt", str(out))
    assert code == 1
    assert "报送之后记录有改动：王一报送时拟评五星级" in err


def test_approve_refuses_a_tampered_pack_and_unknown_members(packed, tmp_path: Path, capsys):
    _book_path, pack = packed
    out = tmp_path / "回执.json"
    code, _text, err = _approve(capsys, pack, out, "--approve", "003")
    assert code == 1 and "不是这份报送包中待上级审批的党员" in err
    code, _text, err = _approve(capsys, pack, out, "--refuse", "001")
    assert code == 2 and "编号=理由" in err
    pdf = next(pack.glob("*.pdf"))
    pdf.write_bytes(pdf.read_bytes() + b"x")
    code, _text, err = _approve(capsys, pack, out, "--approve", "001")
    assert code == 1 and "被改动" in err
    assert not out.exists()


def test_receipt_carries_the_decisions_on_claims_sent_above(tmp_path: Path, capsys) -> None:
    """街道「经党支部研究讨论认定，报党工委审定后确定加分分值」: the pack reports the claims
    still 待审批, the township approves one and refuses one in its 审核回执 (by 申报记录号),
    and `pioneer receipt` records both (source 乡镇回执); the 6 points then count."""
    from desktop.book import claims as C
    from desktop.book.handover import make_handover
    from desktop.book.scoring import score_book
    from desktop.book.store import Book

    stick = tmp_path / "U盘"
    stick.mkdir()
    book_path = tmp_path / "branch.db"
    book = make_year_book(book_path, scheme="jiedao-nongcun")
    try:
        ids = []
        for who, points in (("王一", "6"), ("001", "3")):
            cid = C.add_claim(book, who, f"{YEAR}-05-12", "key-work", points, "带头参加村道清扫",
                              today=TODAY)  # fmt: skip
            C.review_claim(book, cid, "组长")
            C.approve_claim(book, cid, "支委会")
            ids.append(cid)
        before = score_book(book, YEAR, today=TODAY).member("001").total
        pack = make_handover(book, stick, year=YEAR, today=TODAY)
    finally:
        book.close()
    manifest = json.loads((pack / "清单.json").read_text(encoding="utf-8"))
    assert [c["claim_id"] for c in manifest["figures"]["awaiting_claims"]] == ids
    out = tmp_path / "审核回执.json"
    # Not in the pack / a refusal without its reason: nothing written.
    code, _text, err = _approve(capsys, pack, out, "--approve-claim", "999")
    assert code == 1 and "第 999 号申报不是这份报送包中待上级审定的积分申报" in err
    code, _text, err = _approve(capsys, pack, out, "--refuse-claim", "x")
    assert code == 2 and "申报记录号=理由" in err
    assert not out.exists()
    code, text, err = _approve(
        capsys, pack, out, "--approve-claim", str(ids[0]), "--refuse-claim", f"{ids[1]}=重复申报"
    )
    assert code == 0, err
    assert f"批准：王一第{ids[0]}号申报" in text and "（重复申报）" in text
    code, text, err = run(capsys, "--db", str(book_path), "receipt", str(out))
    assert code == 0, err
    from desktop.book.approvals import claim_approvals

    with Book.open(book_path) as book:
        states = {a.claim_id: a for a in claim_approvals(book, YEAR)}
        assert states[ids[0]].state == "已批准" and states[ids[1]].state == "未批准"
        assert states[ids[0]].decision["source"] == "乡镇回执"
        assert states[ids[0]].decision["ref"] == "审核回执.json（审核人：镇党委 李审）"
        assert states[ids[1]].decision["reason"] == "重复申报"
        # The body decided; the reviewer is named where a name belongs.
        assert states[ids[0]].text() == "街道党工委于2026-01-20批准（审核人：镇党委 李审）"
        after = score_book(book, YEAR, today=TODAY).member("001").total
    assert after - before == 6
    code, text, err = run(capsys, "--db", str(book_path), "approval", "list", "--json")
    assert code == 0, err
    shown = {c["claim"]: c["state"] for c in json.loads(text)["claims"]}
    assert shown == {ids[0]: "已批准", ids[1]: "未批准"}


def test_a_receipt_on_claims_is_refused_when_the_book_changed_since_the_pack(
    tmp_path: Path, capsys
) -> None:
    """The 党工委's answer (「报党工委审定后确定加分分值」) is about the claims as the pack
    showed them: refused whole, naming the claim, when a claim was since decided otherwise
    by hand, or is no longer one sent above (records changed); a decision recorded by hand
    that agrees with the receipt is kept and not recorded twice."""
    import shutil

    from desktop.book import claims as C
    from desktop.book.approvals import claim_approvals, record_claim_decision
    from desktop.book.handover import make_handover
    from desktop.book.scoring import set_year_scheme
    from desktop.book.store import Book
    from desktop.rules.presets import preset_text

    stick = tmp_path / "U盘"
    stick.mkdir()
    book_path = tmp_path / "branch.db"
    book = make_year_book(book_path, scheme="jiedao-nongcun")
    try:
        ids = []
        for who, points in (("王一", "6"), ("李二", "3")):
            cid = C.add_claim(book, who, f"{YEAR}-05-12", "key-work", points, "清扫", today=TODAY)
            C.review_claim(book, cid, "组长")
            C.approve_claim(book, cid, "支委会")
            ids.append(cid)
        pack = make_handover(book, stick, year=YEAR, today=TODAY)
    finally:
        book.close()
    out = tmp_path / "审核回执.json"
    code, _t, err = _approve(
        capsys, pack, out, "--approve-claim", str(ids[0]), "--refuse-claim", f"{ids[1]}=重复"
    )
    assert code == 0, err

    # Records changed: the year's scheme no longer sends key-work above.
    changed = tmp_path / "changed.db"
    shutil.copyfile(book_path, changed)
    with Book.open(changed) as other:
        text = preset_text("jiedao-nongcun")
        set_year_scheme(other, YEAR, text=text.replace('["key-work"]', '["honor-street"]'))
    code, _t, err = run(capsys, "--db", str(changed), "receipt", str(out))
    assert code == 1
    assert f"报送之后记录有改动：第{ids[0]}号申报（王一，" in err
    assert "现在已不是待上级审定的这条申报" in err

    # Decided otherwise by hand since the pack: refused whole, nothing recorded.
    with Book.open(book_path) as book:
        record_claim_decision(
            book, ids[0], approved=False, by="街道党工委", reason="电话告知不予认定"
        )
    code, _t, err = run(capsys, "--db", str(book_path), "receipt", str(out))
    assert code == 1
    assert f"第{ids[0]}号申报（王一，" in err and "在报送之后已有审批决定" in err
    assert "理由：电话告知不予认定" in err and "回执的决定是“批准”，两者不同" in err
    with Book.open(book_path) as book:
        assert {a.claim_id: a.state for a in claim_approvals(book, YEAR)} == {
            ids[0]: "未批准", ids[1]: "待审批"
        }  # fmt: skip
        # The branch then records the 党工委's written answer by hand: it agrees.
        record_claim_decision(book, ids[0], approved=True, by="街道党工委")
    code, text, err = run(capsys, "--db", str(book_path), "receipt", str(out))
    assert code == 0, err
    with Book.open(book_path) as book:
        states = {a.claim_id: a for a in claim_approvals(book, YEAR)}
        assert states[ids[0]].state == "已批准" and states[ids[0]].decision["source"] == "手工"
        assert states[ids[1]].state == "未批准" and states[ids[1]].decision["source"] == "乡镇回执"
        (count,) = book.execute(
            "select count(*) from approvals where claim_id = ?", [ids[0]]
        ).fetchone()
        assert count == 2  # the two by hand; the receipt's agreeing one not added
    code, _t, err = run(capsys, "--db", str(book_path), "receipt", str(out))
    assert code == 1 and "已经导入过了" in err


def test_a_december_pack_asks_no_approval_of_the_years_stars(tmp_path: Path, capsys) -> None:
    """Stars rated once a year are final only when the year has ended (the pack leaves out
    the rating table before): a pack made in December lists no star 待审批, flags none, and a
    receipt approving one is refused — the township would approve a star of months so far."""
    from datetime import date

    from desktop.book.handover import make_handover

    stick = tmp_path / "U盘"
    stick.mkdir()
    book = make_year_book(tmp_path / "branch.db")
    try:
        pack = make_handover(book, stick, year=YEAR, today=date(YEAR, 12, 10))
    finally:
        book.close()
    figures = json.loads((pack / "清单.json").read_text(encoding="utf-8"))["figures"]
    assert [s["name"] for s in figures["high_stars"]] == ["王一"]  # as the year stands
    assert figures["rating_final"] is False
    from desktop.book.township import row_cells, scan

    (row,) = scan([stick]).rows
    assert "五星1、三星1（年度未结束，仅供参考）" in row_cells(row)  # 汇总表 and the desk
    assert figures["awaiting"] == []
    assert not any("待上级审批" in f for f in figures["flags"])
    code, _text, err = _approve(capsys, pack, tmp_path / "回执.json", "--approve", "001")
    assert code == 1 and "不是这份报送包中待上级审批的党员" in err
    assert run(capsys, "verify", str(pack))[0] == 0  # verify recounts it alike
