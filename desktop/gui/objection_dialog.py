"""登记异议 and 答复异议: the two dialogs of an objection to a quarter's publicity.

登记异议: who raised it, about whom (optional), on which day, and what it says — the same facts
as ``pioneer objection add --member --date``. 答复异议: the finding, whether the records were
corrected (and what), the day the answer was given. The book
(`desktop.book.quarter.raise_objection` / `answer_objection`) checks them again and has the
last word.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.fields import add_dialog_buttons
from desktop.gui.member_picker import MemberPicker

NOBODY = "（不针对具体党员）"


class ObjectionDialog(QDialog):
    """`ObjectionDialog(members, first_day)`: `members` are (code, name) of the quarter's
    members; `first_day` (ISO) the first day of publicity, the earliest date received."""

    def __init__(
        self,
        members: list[tuple[str, str]],
        first_day: str | None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("登记异议")
        self.setMinimumWidth(520)
        form = QFormLayout(self)

        self.raised_by = QLineEdit()
        self.raised_by.setPlaceholderText("提出异议的人（党员或群众）")

        # 涉及党员: the members' picker (name, pinyin initials or code); empty = nobody.
        self.picker = MemberPicker(members, first=(NOBODY, None))
        self.member_search = self.picker.search
        self.member = self.picker.combo
        self.member.setMinimumContentsLength(10)

        day = today or date.today()
        self.raised_on = QDateEdit(QDate(day.year, day.month, day.day))
        self.raised_on.setCalendarPopup(True)
        self.raised_on.setDisplayFormat("yyyy-MM-dd")
        self.raised_on.setMaximumDate(QDate(day.year, day.month, day.day))
        if first_day:
            # Nothing was published before the publicity began: nothing to object to then.
            first = QDate.fromString(first_day, "yyyy-MM-dd")
            if first.isValid() and first <= self.raised_on.maximumDate():
                self.raised_on.setMinimumDate(first)
        self.date_hint = QLabel(
            f"收到异议的日期，不早于公示开始日 {first_day}" if first_day else ""
        )
        self.date_hint.setProperty("role", "hint")

        self.content = QPlainTextEdit()
        self.content.setPlaceholderText(
            "对谁的哪一项积分有什么意见，如：5月10日我出席了，被记成无故缺席"
        )
        self.content.setTabChangesFocus(True)
        self.content.setFixedHeight(self.content.fontMetrics().lineSpacing() * 4 + 16)

        self.problem = _problem_label()

        form.addRow("提出人", self.raised_by)
        form.addRow("涉及党员", self.picker)
        form.addRow("收到日期", self.raised_on)
        form.addRow("", self.date_hint)
        form.addRow("异议内容", self.content)
        form.addRow("", self.problem)
        add_dialog_buttons(self, form, "登记")
        self.raised_by.setFocus()

    def accept(self) -> None:
        # Keep what was typed on screen when something is missing (the book would refuse).
        missing = [
            what
            for what, empty in (
                ("提出人", not self.raised_by.text().strip()),
                ("异议内容", not self.content.toPlainText().strip()),
            )
            if empty
        ]
        if missing:
            self.problem.setText(f"请填写{'和'.join(missing)}。")
            (self.raised_by if "提出人" in missing else self.content).setFocus()
            return
        if self.member_search.text().strip() and self.member.currentData() is None:
            self.problem.setText(
                "没有找到要查找的党员：请改一下查找的文字，或清空它（不针对具体党员）。"
            )
            self.member_search.setFocus()
            return
        super().accept()

    def values(self) -> dict[str, Any]:
        return {
            "raised_by": self.raised_by.text().strip(),
            "content": self.content.toPlainText().strip(),
            "member": self.member.currentData(),
            "raised_on": self.raised_on.date().toString("yyyy-MM-dd"),
        }


class AnswerDialog(QDialog):
    """`AnswerDialog(objection, publicity_rule)`: `objection` is the book's objection row
    (id, raised_by, name, raised_on, after_publicity, content); `publicity_rule` the
    scheme's publicity wording (e.g. "5 个工作日"), to say what an upheld answer starts again."""

    def __init__(
        self,
        objection: dict[str, Any],
        publicity_rule: str = "",
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"答复第 {objection['id']} 号异议")
        self.setMinimumWidth(560)
        form = QFormLayout(self)

        about = f"，涉及 {objection['name']}" if objection.get("name") else ""
        # date_text already carries "，公示期满后提出": use the plain date, say "late" once.
        date_text = objection.get("date_text") or ""
        raised_on = objection.get("raised_on") or date_text.split("，")[0]
        late = objection.get("after_publicity", "公示期满后" in date_text)
        self.objection_text = QLabel(
            f"{objection['raised_by']}于 {raised_on} 提出{'（公示期满后）' if late else ''}"
            f"{about}：\n"
            f"{objection['content']}"
        )
        self.objection_text.setWordWrap(True)
        self.objection_text.setProperty("role", "hint")

        self.finding = QPlainTextEdit()
        self.finding.setPlaceholderText("调查核实的经过和结论，如：核对签到表，5月10日确有签到")
        self.finding.setTabChangesFocus(True)
        self.finding.setFixedHeight(self.finding.fontMetrics().lineSpacing() * 3 + 16)

        # No default: whether the records were corrected decides whether publicity restarts.
        self.kept = QRadioButton("否，异议不成立，维持原记录")
        self.upheld = QRadioButton("是，异议成立，已更正记录（先改记录再答复）")
        choice = QVBoxLayout()
        choice.addWidget(self.kept)
        choice.addWidget(self.upheld)

        self.change_note = QLineEdit()
        self.change_note.setPlaceholderText("如：张三5月10日主题党日由无故缺席改为出席")
        rule = f"（{publicity_rule}）" if publicity_rule else ""
        self.upheld_hint = QLabel(
            "答复后，如果积分结果因更正与公示表不同，将立即重新公示：公示期从今天起重新计算"
            f"{rule}，期满后才能确认。记录还没改的，请先改记录（签到、党费、申报，或“登记更正…”）再答复。"
        )
        self.upheld_hint.setWordWrap(True)
        self.upheld_hint.setProperty("role", "hint")

        day = today or date.today()
        self.told_on = QDateEdit(QDate(day.year, day.month, day.day))
        self.told_on.setCalendarPopup(True)
        self.told_on.setDisplayFormat("yyyy-MM-dd")
        self.told_on.setMaximumDate(QDate(day.year, day.month, day.day))

        self.problem = _problem_label()

        form.addRow("异议", self.objection_text)
        form.addRow("核实结果", self.finding)
        form.addRow("是否更正", choice)
        form.addRow("更正了什么", self.change_note)
        form.addRow("", self.upheld_hint)
        form.addRow("告知日期", self.told_on)
        form.addRow("", self.problem)
        self.ok_button = add_dialog_buttons(self, form, "答复")
        self.kept.toggled.connect(self._choice_changed)
        self.upheld.toggled.connect(self._choice_changed)
        self._choice_changed()
        self.finding.setFocus()

    def _choice_changed(self, *_args: Any) -> None:
        upheld = self.upheld.isChecked()
        self.change_note.setEnabled(upheld)
        self.upheld_hint.setVisible(upheld)
        if upheld:
            self.problem.setText("")

    def accept(self) -> None:
        if not self.finding.toPlainText().strip():
            self.problem.setText("请填写调查核实的结果。")
            self.finding.setFocus()
            return
        if not (self.kept.isChecked() or self.upheld.isChecked()):
            self.problem.setText("请选择是否根据这条异议更正了记录。")
            self.kept.setFocus()
            return
        if self.upheld.isChecked() and not self.change_note.text().strip():
            self.problem.setText("已作更正的，请写明更正了什么（会写在重新公示的公示表上）。")
            self.change_note.setFocus()
            return
        super().accept()

    def values(self) -> dict[str, Any]:
        upheld = self.upheld.isChecked()
        return {
            "finding": self.finding.toPlainText().strip(),
            "changed": upheld,
            "change_note": self.change_note.text().strip() if upheld else "",
            "told_on": self.told_on.date().toString("yyyy-MM-dd"),
        }


def _problem_label() -> QLabel:
    """Where a dialog says, in red, what is wrong with what was typed."""
    label = QLabel()
    label.setStyleSheet("color: #b3261e")
    label.setWordWrap(True)
    return label
