"""登记党员大会表决 on the 年度评定 → 上级审批 tab: the meeting (a recorded 支部党员大会, or a
date), 应到会/到会 and 赞成/反对/弃权; what the counts give (通过 / 未通过, or why they cannot
be) is shown as they are typed, by the same rules the book applies (desktop/rules/votes.py).
Recording goes through `desktop.book.votes.record_vote`.
"""

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

from desktop.gui.fields import add_dialog_buttons
from desktop.rules.votes import VoteCount, count_problems, outcome


class VoteDialog(QDialog):
    """`VoteDialog(setup, proposal)`: setup from `book.votes.vote_setup`; `values()` after
    exec() gives record_vote's keyword arguments."""

    def __init__(
        self, year: int, setup: dict[str, Any], proposal: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"登记党员大会表决：{year}年")
        self.setMinimumWidth(520)
        self.steps: list[tuple[str, str, bool]] = list(setup["steps"])
        self.meetings: list[dict[str, Any]] = list(setup["meetings"])
        form = QFormLayout(self)
        what = QLabel(proposal or "（没有待表决的评定结果）")
        what.setWordWrap(True)
        form.addRow("表决内容", what)
        self.step = QComboBox()
        self.step.addItems([name for name, _r, _q in self.steps])
        if len(self.steps) > 1:
            form.addRow("表决环节", self.step)
        self.meeting = QComboBox()
        self.meeting.addItem("（不指定会议，按日期登记）", None)
        for m in self.meetings:
            topic = f" {m['topic']}" if m["topic"] else ""
            self.meeting.addItem(f"{m['date']}{topic}（签到出席 {m['signed_in']} 人）", m["id"])
        form.addRow("党员大会", self.meeting)
        today = QDate.currentDate()
        # The rating is voted on at the year's end or in the next January.
        first = today if today.year() in (year, year + 1) else QDate(year + 1, 1, 15)
        self.date = QDateEdit(first)
        self.date.setMaximumDate(today)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        form.addRow("表决日期", self.date)
        self.expected, self.present, self.yes, self.no, self.abstain = (
            self._spin(setup["members"]),
            self._spin(0),
            self._spin(0),
            self._spin(0),
            self._spin(0),
        )
        form.addRow("应到会人数", self.expected)
        form.addRow("到会人数", self.present)
        form.addRow("赞成", self.yes)
        form.addRow("反对", self.no)
        form.addRow("弃权", self.abstain)
        self.note = QLineEdit()
        self.note.setPlaceholderText("（可不写）")
        form.addRow("备注", self.note)
        self.result = QLabel()
        self.result.setWordWrap(True)
        form.addRow(self.result)
        self.ok = add_dialog_buttons(self, form, "登记表决")
        self.members = int(setup["members"])
        for w in (self.expected, self.present, self.yes, self.no, self.abstain):
            w.valueChanged.connect(lambda _v: self._update())
        self.meeting.currentIndexChanged.connect(lambda _i: self._meeting_chosen())
        self.step.currentIndexChanged.connect(lambda _i: self._update())
        self._update()

    def _spin(self, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 9999)
        box.setValue(value)
        return box

    def _chosen_meeting(self) -> dict[str, Any] | None:
        mid = self.meeting.currentData()
        return next((m for m in self.meetings if m["id"] == mid), None)

    def _meeting_chosen(self) -> None:
        m = self._chosen_meeting()
        self.date.setEnabled(m is None)
        if m is not None:
            self.date.setDate(QDate.fromString(m["date"], "yyyy-MM-dd"))
            self.present.setValue(int(m["signed_in"]))
        self._update()

    def count(self) -> VoteCount:
        return VoteCount(
            self.expected.value(),
            self.present.value(),
            self.yes.value(),
            self.no.value(),
            self.abstain.value(),
        )

    def _update(self) -> None:
        """What these counts give, as they are typed; OK only for counts that can be."""
        if not self.steps:
            self.result.setText("本年度方案没有须党员大会表决的环节。")
            self.ok.setEnabled(False)
            return
        m = self._chosen_meeting()
        c = self.count()
        _name, rule, quorum = self.steps[self.step.currentIndex()]
        problems = count_problems(
            c, members=self.members, signed_in=int(m["signed_in"]) if m else None, quorum=quorum
        )
        if problems:
            self.result.setText("\n".join(problems))
            self.result.setProperty("role", "error")
        else:
            passed, why = outcome(rule, c, quorum=quorum)
            self.result.setText(why + "。")
            self.result.setProperty("role", "" if passed else "error")
        self.result.style().polish(self.result)
        self.ok.setEnabled(not problems)

    def values(self) -> dict[str, Any]:
        c = self.count()
        return {
            "step": self.step.currentText() or None,
            "activity": self.meeting.currentData(),
            "on": self.date.date().toString("yyyy-MM-dd"),
            "expected": c.expected,
            "present": c.present,
            "yes": c.yes,
            "no": c.no,
            "abstain": c.abstain,
            "note": self.note.text(),
        }
