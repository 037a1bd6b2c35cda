"""One member's details and history, and the dialog that records a membership event."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QTableWidgetItem, QWidget

from desktop.book.errors import InputRefused
from desktop.book.roster import EVENT_KINDS, member_flags
from desktop.gui.fields import mark_invalid, show_error, tidy_date
from desktop.gui.forms.ui_event_dialog import Ui_EventDialog
from desktop.gui.forms.ui_member_detail import Ui_MemberDetail
from desktop.gui.screen_fit import fit_within_screen
from desktop.rules.dates import date_cn

EMPTY = "—"

# What each event does to the member, said plainly before the user commits to it.
EVENT_HINTS = {
    "转正": "登记后人员类别改为“正式党员”，转正时间记为这一天。",
    "转入": "记下从外单位转入本支部的日期。当年转入的党员参加积分，但一般不参加评星定级。",
    "转出": "登记后该党员列为已离开（名册默认不再显示），以往记录全部保留。请在说明中写明转往何处。",
    "出党": "登记后该党员列为已离开，以往记录全部保留。请在说明中写明原因（如除名、劝退）。",
    "死亡": "登记后该党员列为已离开，以往记录全部保留。",
    "流动": "标记为流动党员。请填写流动去向，并选择省内或省外。",
    "流动结束": "取消流动党员标记，恢复正常参加支部活动。",
    "免考": "标记为免于积分考核（本人申请、支部决定），日期为批准日期。请写明原因，如年老体弱。",
    "恢复考核": "取消免考标记，重新参加积分考核。",
    "其他": "只记入变动记录，不改变党员的其他信息。",
    "发展": "记下入党（发展为预备党员）的日期。",
}
# 发展 is recorded automatically when a member is entered with an 入党时间.
EVENT_CHOICES = tuple(kind for kind in EVENT_KINDS if kind != "发展")


def _text(value: Any) -> str:
    return str(value) if value not in (None, "") else EMPTY


def standing_text(member: dict[str, Any]) -> str:
    """The member's flags with their particulars, e.g. "流动党员（深圳市，省外）"."""
    parts = []
    if member.get("mobile"):
        where = "，".join(x for x in (member.get("mobile_where"), member.get("mobile_scope")) if x)
        parts.append(f"流动党员（{where}）" if where else "流动党员")
    if member.get("exempt"):
        bits = []
        if member.get("exempt_approved_date"):
            bits.append(f"{date_cn(member['exempt_approved_date'])}批准")
        if member.get("exempt_reason"):
            bits.append(member["exempt_reason"])
        parts.append(f"免考（{'，'.join(bits)}）" if bits else "免考")
    if member.get("leader"):
        parts.append("党员领导干部")
    if member.get("left_date"):
        left = date_cn(member["left_date"])
        parts.append(f"已于{left}离开（{member.get('left_reason') or '未注明'}）")
    return "；".join(parts) if parts else EMPTY


class MemberDetail(QDialog):
    """Read-only view of a member with their history; edit and record events from here."""

    def __init__(self, book: Any, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.member_id = member_id
        self.changed = False
        self.ui = Ui_MemberDetail()
        self.ui.setupUi(self)
        fit_within_screen(self)  # drawn 600 px tall: more than 1366×768 at 125% leaves
        self.ui.eventsTable.verticalHeader().setDefaultSectionSize(32)
        self.ui.editButton.clicked.connect(self.edit)
        self.ui.eventButton.clicked.connect(self.record_event)
        self.ui.closeButton.clicked.connect(self.accept)
        self.load()

    def load(self) -> None:
        member = self.book.roster.member(self.member_id)
        self.member = member
        self.setWindowTitle(f"党员详情 — {member['name']}")
        self.ui.titleLabel.setText(f"{member['name']}　{member.get('status') or ''}")
        self.ui.flagsLabel.setText("　".join(member_flags(member)))
        for key in (
            "code",
            "gender",
            "ethnicity",
            "birth_date",
            "phone",
            "education",
            "status",
            "group",
            "joined_date",
            "confirmed_date",
            "transferred_in_date",
            "note",
        ):
            value_label: QLabel = getattr(self.ui, f"{key}Value")
            value = member.get(key)
            # Dates as on paper and in the roster table: 2023年5月1日, 1975年7月.
            value_label.setText(_text(date_cn(value) if key.endswith("_date") else value))
        # The full ID number is shown only in the edit form.
        self.ui.id_cardValue.setText(_text(member.get("id_card_masked")))
        self.ui.flagsValue.setText(standing_text(member))
        self.ui.flagsValue.setWordWrap(True)
        self.ui.noteValue.setWordWrap(True)

        events = self.book.roster.events(self.member_id)
        table = self.ui.eventsTable
        table.setRowCount(len(events))
        for row, event in enumerate(events):
            for column, key in enumerate(("date", "kind", "note")):
                value = event.get(key) or ""
                item = QTableWidgetItem(date_cn(value) if key == "date" else str(value))
                if column < 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        if not events:
            table.setRowCount(1)
            item = QTableWidgetItem("还没有变动记录")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            table.setItem(0, 2, item)
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        for column in (0, 1):
            header.resizeSection(column, header.sectionSize(column) + 24)

    def edit(self) -> None:
        from desktop.gui.member_dialog import MemberDialog

        dialog = MemberDialog(self.book, self.member_id, parent=self)
        if dialog.exec():
            self.changed = True
            self.load()

    def record_event(self) -> None:
        dialog = EventDialog(self.book, self.member_id, parent=self)
        if dialog.exec():
            self.changed = True
            self.load()


class EventDialog(QDialog):
    """登记变动: 转正, 转入, 转出, 出党, 死亡, 流动, 流动结束, 免考, 恢复考核, 其他."""

    FIELDS = ("kind", "date", "where", "note")

    def __init__(
        self,
        book: Any,
        member_id: int,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.member_id = member_id
        self.ui = Ui_EventDialog()
        self.ui.setupUi(self)
        self.setMinimumWidth(540)
        member = book.roster.member(member_id)
        self.setWindowTitle(f"登记变动 — {member['name']}")
        self.ui.memberValue.setText(
            f"{member['name']}（编号 {member['code']}，{member.get('status') or ''}）"
        )
        self.ui.kindCombo.addItems(list(EVENT_CHOICES))
        default = "转正" if member.get("status") == "预备党员" else "其他"
        self.ui.kindCombo.setCurrentText(default)
        self.ui.dateEdit.setText((today or date.today()).isoformat())
        self.ui.kindCombo.currentTextChanged.connect(self._kind_changed)
        self.ui.dateEdit.editingFinished.connect(self._tidy_date)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.cancelButton.clicked.connect(self.reject)
        self._kind_changed(self.ui.kindCombo.currentText())
        self.ui.kindCombo.setFocus()

    def _kind_changed(self, kind: str) -> None:
        mobile = kind == "流动"
        for widget in (self.ui.whereLabel, self.ui.whereEdit, self.ui.scopeCombo):
            widget.setVisible(mobile)
        self.ui.hintLabel.setText(EVENT_HINTS.get(kind, ""))
        self.ui.dateLabel.setText("批准日期" if kind == "免考" else "日期")
        self._show({})
        self.adjustSize()

    def _tidy_date(self) -> None:
        tidy = tidy_date(self.ui.dateEdit.text())
        if tidy != self.ui.dateEdit.text():
            self.ui.dateEdit.setText(tidy)

    def _show(self, problems: dict[str, str]) -> None:
        for key in self.FIELDS:
            show_error(getattr(self.ui, f"{key}Error"), problems.get(key))
        for key, widget in (
            ("date", self.ui.dateEdit),
            ("where", self.ui.whereEdit),
            ("note", self.ui.noteEdit),
        ):
            mark_invalid(widget, key in problems)
        other = [message for key, message in problems.items() if key not in self.FIELDS]
        show_error(self.ui.memberError, "；".join(other) if other else None)

    def save(self) -> None:
        self._tidy_date()
        kind = self.ui.kindCombo.currentText()
        try:
            self.book.roster.record_event(
                self.member_id,
                kind,
                self.ui.dateEdit.text().strip(),
                self.ui.noteEdit.text().strip(),
                where=self.ui.whereEdit.text().strip() if kind == "流动" else "",
                scope=self.ui.scopeCombo.currentText() if kind == "流动" else "",
            )
        except InputRefused as refused:
            problems = refused.problems
            if isinstance(problems, dict) and problems:
                self._show(dict(problems))
                for key, widget in (
                    ("kind", self.ui.kindCombo),
                    ("date", self.ui.dateEdit),
                    ("where", self.ui.whereEdit),
                    ("note", self.ui.noteEdit),
                ):
                    if key in problems:
                        widget.setFocus()
                        break
            else:
                self._show({"_": "；".join(refused.lines()) or str(refused)})
            return
        self.accept()
