"""民主评议 rounds and ballots on the 年度评定 screen: `RoundDialog` records a round held (date,
party members and 群众代表 voting; the 20% warning as it is typed), `BallotDialog` takes the
ballots one by one — keys 1/2/3/4 give 优秀/合格/基本合格/不合格 down the column, Ctrl+S saves
the ballot (it is counted then) and clears the column for the next; a blank or spoiled
ballot is recorded as a 废票. Reading and writing go through `desktop.book.ballots`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.book import ballots as B
from desktop.book.errors import BookError
from desktop.book.store import Book
from desktop.book.year_end import GRADE_KEYS
from desktop.gui.fields import add_dialog_buttons
from desktop.gui.screen_fit import resize_within_screen
from desktop.gui.tables import read_only_item, read_only_table

MASS_SHARE = 0.2  # 「邀请群众代表参与（一般为党员数的 20%）」 (book.ballots.record_round)


def refusal_text(exc: BookError) -> str:
    lines = getattr(exc, "lines", None)
    more = "\n".join(lines()) if callable(lines) else ""
    return f"{exc}\n{more}".strip()


class RoundDialog(QDialog):
    """登记评议会议: when it was held and who voted (party members, 群众代表)."""

    def __init__(
        self, year: int, label: str, kind: str, members: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"登记评议会议：{year}年{label}")
        self.kind = kind
        form = QFormLayout(self)
        today = QDate.currentDate()
        self.date = QDateEdit(today if today.year() in (year, year + 1) else QDate(year, 12, 20))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.member_voters = QSpinBox()
        self.member_voters.setRange(0, 9999)
        self.member_voters.setValue(members)
        self.member_voters.setSuffix(" 人")
        self.mass_voters = QSpinBox()
        self.mass_voters.setRange(0, 9999)
        self.mass_voters.setSuffix(" 人")
        self.note = QLineEdit()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e;")
        form.addRow("评议日期", self.date)
        form.addRow("参加的党员", self.member_voters)
        form.addRow("群众代表", self.mass_voters)
        form.addRow("备注", self.note)
        form.addRow(self.warning)
        hint = QLabel("登记后可逐张录入选票；选票张数不能多于参加人数。")
        hint.setWordWrap(True)
        form.addRow(hint)
        add_dialog_buttons(self, form, "登记")
        self.member_voters.valueChanged.connect(self._warn)
        self.mass_voters.valueChanged.connect(self._warn)
        self._warn()

    def _warn(self) -> None:
        members, mass = self.member_voters.value(), self.mass_voters.value()
        low = self.kind == "群众评议" and mass < members * MASS_SHARE
        self.warning.setText(
            f"群众代表少于党员数的20%（{members} 人的20%是 {members * MASS_SHARE:g} 人）："
            "「邀请群众代表参与（一般为党员数的 20%）」"
            if low
            else ""
        )
        self.warning.setVisible(low)

    def values(self) -> dict[str, Any]:
        return {
            "on": self.date.date().toString("yyyy-MM-dd"),
            "member_voters": self.member_voters.value(),
            "mass_voters": self.mass_voters.value(),
            "note": self.note.text(),
        }


class BallotDialog(QDialog):
    """逐张录入选票 for one round: a column of grades for every member appraised in it."""

    saved = Signal(int)  # the ballot's number

    def __init__(
        self,
        book: Book,
        year: int,
        kind: str,
        rnd: int,
        label: str,
        members: list[tuple[str, str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.book, self.year, self.kind, self.rnd = book, year, kind, rnd
        self.setWindowTitle(f"逐张录入选票：{year}年{label}")
        resize_within_screen(self, 520, 620)
        layout = QVBoxLayout(self)
        self.counter = QLabel()
        self.counter.setProperty("role", "section")
        layout.addWidget(self.counter)
        hint = QLabel(
            "↑↓ 选人，按 1 优秀、2 合格、3 基本合格、4 不合格（自动跳到下一人），0 或 Delete "
            "清除；一张选票录完按 Ctrl+S 保存（保存即计入），再录下一张。没有勾选或无效的选票"
            "点“记为废票”。选票保存后不能修改。"
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = read_only_table(["姓名", "党小组", "本张选票"], stretch_last=True)
        self.table.setRowCount(len(members))
        for i, (code, name, group) in enumerate(members):
            self.table.setItem(i, 0, read_only_item(name, data=code))
            self.table.setItem(i, 1, read_only_item(group))
            self.table.setItem(i, 2, read_only_item(""))
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        bar = QHBoxLayout()
        self.save_button = QPushButton("保存本张 (Ctrl+S)")
        self.save_button.setProperty("role", "primary")
        self.spoiled_button = QPushButton("记为废票")
        self.close_button = QPushButton("关闭")
        bar.addWidget(self.save_button)
        bar.addWidget(self.spoiled_button)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)
        self.save_button.clicked.connect(self.save_ballot)
        self.spoiled_button.clicked.connect(self.save_spoiled)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_ballot)
        self.entered = 0
        self._update_counter()
        if members:
            self.table.setCurrentCell(0, 2)

    def _update_counter(self) -> None:
        found = B.ballot_tallies(self.book, self.year, self.kind, self.rnd)
        self.entered = found["ballots"]
        voters = found["voters"] or 0
        self.counter.setText(
            f"第 {self.entered + 1} 张选票　（已录入 {self.entered} 张，其中废票 "
            f"{found['spoiled']} 张；参加评议 {voters} 人）"
        )
        full = self.entered >= voters
        self.save_button.setEnabled(not full)
        self.spoiled_button.setEnabled(not full)
        if full:
            self.counter.setText(
                f"选票已录完：{self.entered} 张（废票 {found['spoiled']} 张），参加评议 {voters} 人。"
            )

    def marks(self) -> dict[str, str]:
        t = self.table
        return {
            t.item(r, 0).data(Qt.ItemDataRole.UserRole): t.item(r, 2).text()
            for r in range(t.rowCount())
            if t.item(r, 2).text()
        }

    def set_grade(self, grade: str, *, advance: bool = True) -> None:
        t = self.table
        row = t.currentRow()
        if row < 0:
            return
        t.item(row, 2).setText(grade)
        self.state.setText(f"本张已勾选 {len(self.marks())} / {t.rowCount()} 人。")
        if advance and row + 1 < t.rowCount():
            t.setCurrentCell(row + 1, 2)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.table and event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Save):  # type: ignore[attr-defined]
                self.save_ballot()  # the table has the keys while a ballot is typed
                return True
            key = event.text()  # type: ignore[attr-defined]
            if key in GRADE_KEYS:
                self.set_grade(GRADE_KEYS[key])
                return True
            if key == "0" or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):  # type: ignore[attr-defined]
                self.set_grade("", advance=False)
                return True
        return super().eventFilter(obj, event)

    def _record(self, marks: dict[str, str], *, spoiled: bool) -> bool:
        try:
            done = B.record_ballot(self.book, self.year, self.kind, marks, round=self.rnd,
                                   spoiled=spoiled)  # fmt: skip
        except BookError as exc:
            QMessageBox.warning(self, "未能保存选票", refusal_text(exc))
            return False
        what = "废票" if spoiled or not marks else f"{len(marks)} 人"
        self.state.setText(f"第 {done['number']} 张选票已保存（{what}）。")
        for r in range(self.table.rowCount()):
            self.table.item(r, 2).setText("")
        self.table.setCurrentCell(0, 2)
        self._update_counter()
        self.saved.emit(done["number"])
        return True

    def save_ballot(self) -> bool:
        marks = self.marks()
        if not marks:
            self.state.setText("本张选票还没有勾选任何人：无效或空白的选票请点“记为废票”。")
            return False
        return self._record(marks, spoiled=False)

    def save_spoiled(self) -> bool:
        return self._record({}, spoiled=True)
