"""The 年度评定 screen's small dialogs: 登记一票否决 (`VetoDialog`), 按票数登记 (`TallyDialog`)
and 登记上级审批结果 (`ApprovalDialog`). Each only gathers values; the screen records them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.gui.fields import add_dialog_buttons, year_date_edit
from desktop.gui.member_picker import MemberPicker


class VetoDialog(QDialog):
    """登记一票否决: member, date of the decision, the scheme's situation, reason, who decided."""

    def __init__(
        self,
        members: list[tuple[str, str]],
        kinds: list[str],
        parent: QWidget | None = None,
        *,
        year: int,
        member: str = "",
        reason: str = "",
        today: QDate | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"登记一票否决（{year} 年）")
        self.year = year
        form = QFormLayout(self)
        self.picker = MemberPicker(members)
        self.member = self.picker.combo
        if member:
            self.picker.set_current(member)
        # The decision belongs to the year on screen: dated inside it, and not after today.
        self.date = year_date_edit(year, today)
        self.kind = QComboBox()
        self.kind.addItem("（不指定）", "")
        for k in kinds:
            self.kind.addItem(k, k)
        self.reason = QLineEdit(reason)
        self.reason.setPlaceholderText("什么事实、依据哪一条（必填）")
        self.by = QLineEdit("支委会")
        form.addRow("党员", self.picker)
        form.addRow("决定日期", self.date)
        form.addRow("情形", self.kind)
        form.addRow("原因", self.reason)
        form.addRow("决定人", self.by)
        note = QLabel("一票否决须由支委会核实后确认；登记后按本年度方案生效。")
        note.setWordWrap(True)
        form.addRow(note)
        add_dialog_buttons(self, form)

    def values(self) -> dict[str, Any]:
        return {
            "member": self.member.currentData(),
            "year": self.year,
            "when": self.date.date().toString("yyyy-MM-dd"),
            "kind": self.kind.currentData() or "",
            "reason": self.reason.text(),
            "decided_by": self.by.text(),
        }


class TallyDialog(QDialog):
    """按票数登记: one member's votes per grade; the grade follows by the year's scheme."""

    def __init__(self, name: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"按票数登记{label}：{name}")
        form = QFormLayout(self)
        self.votes: dict[str, QSpinBox] = {}
        for grade in ("优秀", "合格", "基本合格", "不合格"):
            box = QSpinBox()
            box.setRange(0, 9999)
            box.setSuffix(" 票")
            self.votes[grade] = box
            form.addRow(grade, box)
        self.voters = QSpinBox()
        self.voters.setRange(0, 9999)
        self.voters.setSpecialValueText("（不填）")
        form.addRow("参加评议人数", self.voters)
        note = QLabel("等次按本年度积分方案的计票规则得出，票数随结果保存，可在明细中查看依据。")
        note.setWordWrap(True)
        form.addRow(note)
        add_dialog_buttons(self, form)

    def values(self) -> dict[str, Any]:
        return {
            "votes": {g: b.value() for g, b in self.votes.items()},
            "voters": self.voters.value() or None,
        }


class ApprovalDialog(QDialog):
    """登记上级审批结果: who decided, when, and (for a refusal) why."""

    def __init__(
        self,
        names: list[str],
        approved: bool,
        parent: QWidget | None = None,
        *,
        by: str = "",
        today: QDate | None = None,
    ) -> None:
        super().__init__(parent)
        verb = "批准" if approved else "不批准"
        self.setWindowTitle(f"登记上级审批：{verb}")
        form = QFormLayout(self)
        who = QLabel("、".join(names))
        who.setWordWrap(True)
        self.by = QLineEdit(by)
        self.by.setPlaceholderText("审批单位或审批人，如“城关镇党委”（必填）")
        self.date = QDateEdit(today or QDate.currentDate())
        self.date.setMaximumDate(today or QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("不批准须写明理由" if not approved else "（可不写）")
        form.addRow("党员", who)
        form.addRow("审批单位", self.by)
        form.addRow("审批日期", self.date)
        form.addRow("理由", self.reason)
        add_dialog_buttons(self, form)

    def values(self) -> dict[str, Any]:
        return {
            "by": self.by.text(),
            "on": self.date.date().toString("yyyy-MM-dd"),
            "reason": self.reason.text(),
        }
