"""乡镇审核台: scanning a stick (worker thread, progress bar), one row per branch with its flags,
the 审核回执 written beside a pack, the summary exported; the wizard's 乡镇（街道）审核."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.book.year_end_testkit import TODAY, YEAR, confirm_year, make_year_book
from tests.cli.pack_testkit import copy_pack, make_pack


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A demo branch's pack, and a small rated branch's (王一 五星级, not yet approved)."""
    from desktop.book.handover import make_handover

    base = tmp_path_factory.mktemp("desk")
    _book, demo = make_pack(base / "demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIONEER_HOME", str(base / "home"))
        book = make_year_book(base / "rated.db")
        try:
            confirm_year(book)
            (base / "stick").mkdir()
            rated = make_handover(book, base / "stick", year=YEAR, today=TODAY)
        finally:
            book.close()
    return {"demo": demo, "rated": rated}


@pytest.fixture
def stick(packs: dict[str, Path], tmp_path: Path) -> Path:
    usb = tmp_path / "U盘"
    for pack in packs.values():
        copy_pack(pack, usb)
    return usb


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def _scan(qtbot, stick: Path):
    from desktop.gui.township_desk import TownshipDesk

    desk = TownshipDesk()
    qtbot.addWidget(desk)
    desk.show()
    with qtbot.waitSignal(desk.scanned, timeout=60000):
        desk.scan(stick)
    return desk


def test_desk_scans_and_flags(qtbot, stick: Path, tmp_path: Path, messages) -> None:
    before = _files(stick)
    demo = next(stick.glob("*红星村*"))
    pdf = next(demo.glob("*党费收缴台账.pdf"))
    pdf.write_bytes(pdf.read_bytes()[:-10] + b"0123456789")
    desk = _scan(qtbot, stick)
    model = desk.model
    assert model.rowCount() == 2
    assert desk.ui.progressBar.value() == 100
    by_branch = {r.branch: i for i, r in enumerate(model.rows)}
    red = by_branch["城关镇红星村党支部"]
    from desktop.book.township import STATE_COLUMN, SUMMARY_HEADERS

    state = model.index(red, STATE_COLUMN).data()
    assert state.startswith(f"被改动：{pdf.name}")
    assert model.index(red, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    rated = by_branch["测试村党支部"]
    attention = model.index(rated, len(SUMMARY_HEADERS) - 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 名党员的评定结果待上级审批：王一（五星级）" in attention
    assert model.index(rated, SUMMARY_HEADERS.index("党员\n正式/预备")).data() == "4/0"
    assert "合计：2 个支部（报送包完好 1 个）" in desk.ui.statusLabel.text()
    desk.ui.packTable.selectRow(rated)
    assert "校验码" in desk.ui.detailText.toPlainText()
    # Made without a 经办人: said so, never the computer's login name (review 7, C).
    assert "经办人：未填写" in desk.ui.detailText.toPlainText()
    assert desk.ui.decisionButton.isEnabled() and desk.ui.openButton.isEnabled()
    desk.ui.packTable.selectRow(red)
    assert not desk.ui.decisionButton.isEnabled()  # an altered pack gets no decision
    out = desk.export_summary(tmp_path / "汇总.xlsx")
    assert out is not None and out.exists()
    desk.grab().save(str(tmp_path.parent / "township_desk.png"))
    assert _files(stick) == before  # scanning wrote nothing on the stick


def test_decision_writes_the_receipt_beside_the_pack(qtbot, stick: Path, messages) -> None:
    from desktop.gui.township_desk import DecisionDialog

    desk = _scan(qtbot, stick)
    rated = next(i for i, r in enumerate(desk.model.rows) if r.branch == "测试村党支部")
    desk.ui.packTable.selectRow(rated)
    dialog = desk.record_decision()
    assert isinstance(dialog, DecisionDialog)
    assert dialog.ui.starsTable.rowCount() == 1
    # Every header whole at the dialog's size (「理由（不批准时必填）」 was cut); the field says it.
    stars = dialog.ui.starsTable
    dialog.show()
    header = stars.horizontalHeader()
    for col in range(stars.columnCount()):
        text = stars.horizontalHeaderItem(col).text()
        assert header.fontMetrics().horizontalAdvance(text) < header.sectionSize(col), text
    assert stars.cellWidget(0, 3).placeholderText() == "不批准时必填"
    dialog.save()
    assert "请填写审核人" in dialog.ui.problemLabel.text()
    dialog.ui.reviewerEdit.setText("李审")
    dialog.ui.opinionEdit.setPlainText("材料齐全，同意。")
    combo = dialog.ui.starsTable.cellWidget(0, 2)
    combo.setCurrentText("不批准")
    dialog.save()
    assert "需要写明理由" in dialog.ui.problemLabel.text()
    dialog.ui.starsTable.cellWidget(0, 3).setText("群众评议未达优秀")
    path = dialog.save()
    assert path is not None and path.parent == stick
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["decision"] == "通过" and data["stars"][0]["decision"] == "不批准"
    assert "审核回执已保存" in messages.calls[-1][1]


def test_wizard_offers_the_township_desk(qtbot, tmp_path: Path, monkeypatch) -> None:
    from desktop.gui import wizard as W

    wiz = W.BookWizard(tmp_path / "b.db")
    qtbot.addWidget(wiz)
    wiz.show()
    assert wiz.intro.ui.townshipRadio.text() == "乡镇（街道）审核"
    qtbot.mouseClick(wiz.intro.ui.townshipRadio, Qt.MouseButton.LeftButton)
    wiz.intro.ui.townshipRadio.setChecked(True)
    # One of the wizard's ways in (issue 14's WAYS): it ends on the first page.
    next_button = wiz.button(W.QWizard.WizardButton.FinishButton)
    assert next_button.text() == "打开审核台"
    with qtbot.waitSignal(wiz.accepted, timeout=5000):
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wiz.book is None
    opened = []
    monkeypatch.setattr("desktop.gui.township_desk.run_township_desk", lambda: opened.append(1))
    monkeypatch.setattr(
        W.BookWizard, "exec", lambda self: (self.intro.ui.townshipRadio.setChecked(True), 1)[1]
    )
    assert W.run_wizard(tmp_path / "b.db") is None
    assert opened == [1] and not (tmp_path / "b.db").exists()


def test_a_township_pc_opens_the_desk_at_every_start(qtbot, monkeypatch) -> None:
    """Chosen once in the first-run wizard: the next start opens the desk, no questions."""
    from desktop.book.paths import default_book_path
    from desktop.gui import app as app_module
    from desktop.gui import wizard as W
    from desktop.gui.settings import remember_township_desk, starts_with_township_desk

    assert not starts_with_township_desk()
    opened = []
    monkeypatch.setattr("desktop.gui.township_desk.run_township_desk", lambda: opened.append(1))
    asked = []
    monkeypatch.setattr(W, "run_wizard", lambda *a, **k: asked.append(1))
    monkeypatch.setattr(W.BookWizard, "exec", lambda self: 1)
    remember_township_desk(True)
    assert app_module.main() == 0
    assert opened == [1] and not asked and not default_book_path().exists()
    remember_township_desk(False)
    assert not starts_with_township_desk()


def test_file_menu_opens_the_desk(qtbot, window) -> None:
    from desktop.gui.township_desk import TownshipDesk

    window.actions["township_desk"].trigger()
    desk = window.findChild(TownshipDesk)
    assert desk is not None and desk.isVisible()
    assert not desk.ui.printButton.isEnabled()
    desk.close()


def test_drill_down_opens_the_book_read_only(qtbot, stick: Path, messages) -> None:
    """Double-click: the branch's book in the normal screens, from a temporary copy, every
    editing action disabled, the banner; a write that got past them is refused by SQLite."""
    import sqlite3

    from PySide6.QtWidgets import QAbstractButton

    from desktop.gui.review_window import ReviewWindow, is_view_button

    before = _files(stick)
    desk = _scan(qtbot, stick)
    rated = next(i for i, r in enumerate(desk.model.rows) if r.branch == "测试村党支部")
    desk.ui.packTable.selectRow(rated)
    index = desk.model.index(rated, 0)
    rect = desk.ui.packTable.visualRect(index)
    qtbot.mouseClick(desk.ui.packTable.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(desk.ui.packTable.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: bool(desk.opened) or bool(messages.calls), timeout=30000)
    assert not messages.calls, messages.calls
    window = desk.opened[-1]
    assert isinstance(window, ReviewWindow)
    qtbot.waitExposed(window)
    assert window.banner.text().startswith("只读：测试村党支部的报送包")
    assert window.banner.text().endswith("仅供审核")
    assert not Path(window.book.path).is_relative_to(stick)
    for name in ("branch_info", "new_year", "restore", "import_workbook", "backup_now"):
        assert not window.actions[name].isEnabled()
    for title, _w in window.screens():
        window.show_screen(title)
        qtbot.wait(50)
        screen = window.screen(title)
        editable = [
            b.text()
            for b in screen.findChildren(QAbstractButton)
            if b.isEnabled() and b.text() and not is_view_button(b) and not b.isCheckable()
        ]
        assert editable == [], (title, editable)
    # The roster's selection turns its buttons on in a normal window: not here.
    window.show_screen("党员名册")
    window.roster_screen.ui.table.selectRow(0) if hasattr(
        window.roster_screen.ui, "table"
    ) else None
    qtbot.wait(50)
    assert not any(
        b.isEnabled() and ("删除" in b.text() or "修改" in b.text() or "新增" in b.text())
        for b in window.roster_screen.findChildren(QAbstractButton)
    )
    with pytest.raises(sqlite3.OperationalError):
        window.book.execute("update branch set name = '改' where id = 1")
    folder = Path(window.book.path).parent
    window.close()
    qtbot.waitUntil(lambda: not folder.exists(), timeout=10000)
    assert _files(stick) == before
    window_shot = desk.grab()
    assert not window_shot.isNull()


def test_print_summary_opens_the_preview(qtbot, stick: Path, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(
        "desktop.gui.print_preview.show_preview",
        lambda parent, prepared, title, name, save_xlsx=None: shown.append((prepared, title, name)),
    )
    desk = _scan(qtbot, stick)
    job = desk.print_summary()
    qtbot.waitUntil(lambda: job.done, timeout=60000)
    prepared, title, name = shown[0]
    assert title == "打印汇总表" and name == "乡镇审核汇总表.pdf"
    assert len(prepared.pages) == 1
    prepared.cleanup()


def test_encrypted_pack_is_opened_with_the_password(qtbot, tmp_path: Path, messages) -> None:
    from desktop.gui.review_window import ReviewWindow

    _book, pack = make_pack(tmp_path / "enc", branch="北坡村党支部", password="北坡")
    usb = tmp_path / "U盘"
    copy_pack(pack, usb)
    desk = _scan(qtbot, usb)
    assert desk.model.rows[0].check.state == "无法读取：需要密码"
    assert not desk.ui.openButton.isEnabled()
    desk.ui.passwordEdit.setText("北坡")
    with qtbot.waitSignal(desk.scanned, timeout=60000):
        qtbot.keyClick(desk.ui.passwordEdit, Qt.Key.Key_Return)
    assert desk.model.rows[0].check.state == "完好"
    desk.ui.packTable.selectRow(0)
    qtbot.mouseClick(desk.ui.openButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(desk.opened), timeout=30000)
    window = desk.opened[-1]
    assert isinstance(window, ReviewWindow) and window.book.read_only
    assert window.book.branch()["name"] == "北坡村党支部"
    window.close()


def test_desk_decides_claims_sent_above_and_the_branch_counts_them(
    qtbot, tmp_path: Path, capsys, monkeypatch, messages
) -> None:
    """街道 三、突出事迹加分「经党支部研究讨论认定，报党工委审定后确定加分分值」, end to end:
    the branch's book → its pack → the desk lists the claims waiting for the 党工委, approves
    one and refuses one (a refusal needs its reason) → the 审核回执 beside the pack →
    `pioneer --db B receipt FILE` → the approved claim counts, the refused one does not, and
    年度评定 → 上级审批 shows both decisions."""
    from desktop.book import claims as C
    from desktop.book.approvals import claim_approvals
    from desktop.book.handover import make_handover
    from desktop.book.scoring import score_book
    from desktop.book.store import Book
    from desktop.gui.main_window import MainWindow
    from tests.cli.cli_testkit import run

    monkeypatch.setenv("PIONEER_HOME", str(tmp_path / "home"))
    book_path = tmp_path / "branch.db"
    book = make_year_book(book_path, scheme="jiedao-nongcun")  # key-work → 街道党工委
    try:
        ids = []
        for who, points, why in (("王一", "6", "带头参加村道清扫"), ("李二", "3", "协助秋收")):
            cid = C.add_claim(book, who, f"{YEAR}-05-12", "key-work", points, why, today=TODAY)
            C.review_claim(book, cid, "组长")
            C.approve_claim(book, cid, "支委会")
            ids.append(cid)
        before = {c: score_book(book, YEAR, today=TODAY).member(c).total for c in ("001", "002")}
        usb = tmp_path / "U盘"
        usb.mkdir()
        make_handover(book, usb, year=YEAR, today=TODAY)
    finally:
        book.close()

    desk = _scan(qtbot, usb)
    assert "2 条积分申报待上级审定：王一（" in "；".join(desk.model.rows[0].flags)
    desk.ui.packTable.selectRow(0)
    assert f"待上级审定的积分申报：第{ids[0]}号 王一" in desk.ui.detailText.toPlainText()
    dialog = desk.record_decision()
    t = dialog.ui.claimsTable
    assert t.isVisibleTo(dialog) and t.rowCount() == 2
    assert [t.item(0, c).text() for c in (0, 1, 2, 4, 5)] == [
        str(ids[0]),
        "王一",
        f"{YEAR}-05-12",
        "6",
        "带头参加村道清扫",
    ]
    assert "街道党工委" in t.item(0, 3).toolTip()
    dialog.ui.reviewerEdit.setText("街道党工委 李审")
    dialog.ui.opinionEdit.setPlainText("材料齐全，同意。")
    t.cellWidget(1, 6).setCurrentText("不批准")
    dialog.save()
    assert f"不批准第 {ids[1]} 号申报（李二）需要写明理由" in dialog.ui.problemLabel.text()
    assert not list(usb.glob("审核回执*.json"))  # nothing written on a refusal
    t.cellWidget(1, 7).setText("佐证材料不足")
    dialog.grab().save(str(tmp_path.parent / "township_decision_claims.png"))
    path = dialog.save()
    assert path is not None and path.parent == usb
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [(c["claim_id"], c["decision"], c["reason"]) for c in data["claims"]] == [
        (ids[0], "批准", ""), (ids[1], "不批准", "佐证材料不足")
    ]  # fmt: skip
    # Asked again for the same pack: the receipt beside it is named and its claims are left
    # 暂不审批 (deciding one twice, differently, would be refused by the branch's book).
    again = desk.record_decision()
    assert f"此前已为这份报送包写过审核回执 {path.name}" in again.ui.packLabel.text()
    assert [again.ui.claimsTable.cellWidget(r, 6).currentText() for r in range(2)] == [
        "暂不审批", "暂不审批"
    ]  # fmt: skip
    assert (
        again.ui.claimsTable.cellWidget(1, 7).placeholderText()
        == "此前回执已不批准（佐证材料不足）"
    )
    again.reject()
    desk.close()

    code, out, err = run(capsys, "--db", str(book_path), "receipt", str(path))
    assert code == 0, err
    assert f"批准：王一第{ids[0]}号申报" in out and "（佐证材料不足）" in out
    book = Book.open(book_path)
    try:
        after = {c: score_book(book, YEAR, today=TODAY).member(c).total for c in ("001", "002")}
        assert after["001"] - before["001"] == 6  # approved: counted
        assert after["002"] == before["002"]  # refused: not counted
        states = {a.claim_id: a.state for a in claim_approvals(book, YEAR)}
        assert states == {ids[0]: "已批准", ids[1]: "未批准"}
        w = MainWindow(book)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        nav = w.ui.navList
        nav.setCurrentRow(next(i for i in range(nav.count()) if nav.item(i).text() == "年度评定"))
        screen = w.year_end_screen
        qtbot.waitUntil(lambda: screen.data is not None and not screen._loading, timeout=20000)
        screen.tabs.setCurrentIndex(3)
        table = screen.claims_above_table
        shown = {table.item(r, 0).text(): table.item(r, 6).text() for r in range(table.rowCount())}
        today = date.today().isoformat()
        assert shown == {
            # The body decided; the desk's reviewer is named where a name belongs.
            str(ids[0]): f"街道党工委于{today}批准（审核人：街道党工委 李审）",
            str(
                ids[1]
            ): f"街道党工委于{today}未批准，理由：佐证材料不足（审核人：街道党工委 李审）",
        }
        w.resize(1366, 768)
        w.grab().save(str(tmp_path.parent / "approvals_tab_after_receipt.png"))
        w.close()
    finally:
        book.close()
