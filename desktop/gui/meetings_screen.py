"""The meetings screen (会议活动): activities and their sign-in, the year's plan, follow-ups.

Attendance entry is keyboard-first: F2 marks everyone present, then type a name or its pinyin
(initials, full or mixed: "ly", "liuyang", "lyang"), Enter if you like, and press 1–5 for the
status (1 出席, 2 因公请假, 3 因私请假, 4 无故缺席, 5 补录); after a leave the cursor stays in
the name box (its 事由 is optional, one Tab away), 补录 moves to its 说明 (Enter or Esc comes
back); Ctrl+S saves it as one action, and the member's points are shown before and after.
All reading and writing goes through `desktop.book.meetings`; no SQL, no rules here.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.book.errors import BookError
from desktop.book.meetings import Entry, Meetings
from desktop.gui.actions import allow
from desktop.gui.forms.ui_meetings_screen import Ui_MeetingsScreen
from desktop.gui.meetings_plan_tab import PlanAndFollowUps
from desktop.gui.meetings_tables import (
    ACTIVITY_COLUMNS,
    ATTENDANCE_COLUMNS,
    FOLLOW_COLUMNS,
    PLAN_COLUMNS,
    points_text,
    repolish_roles,
    setup_table,
    table_item,
)
from desktop.rules.collation import matches_search

STATUS_KEYS = {
    Qt.Key.Key_1: "出席",
    Qt.Key.Key_2: "因公请假",
    Qt.Key.Key_3: "因私请假",
    Qt.Key.Key_4: "无故缺席",
    Qt.Key.Key_5: "补录",
}
UNSET = "未登记"
# Statuses whose sign-in carries a 事由/说明: choosing one moves to that field (with a hint);
# the others leave the hands in the search box for the next name.
REASON_HINTS = {
    "因公请假": "因公请假事由（可不填），回车返回",
    "因私请假": "因私请假事由，如看病（可不填），回车返回",
    "补录": "补录说明，再选两名证明人；回车返回",
}
#: Statuses whose 事由 is optional: the cursor stays with the names after their key.
LEAVES = ("因公请假", "因私请假")
REASON_PLACEHOLDER = "如：外出务工、看病（可不填）"
STATUS_COLORS = {
    "出席": "#1b6e20",
    "补录": "#1b6e20",
    "因公请假": "#8a5a00",
    "因私请假": "#8a5a00",
    "无故缺席": "#b3261e",
    UNSET: "#8a8a8a",
}


class MeetingsScreen(PlanAndFollowUps, QWidget):
    """`MeetingsScreen(book)`; `set_book(book)` when another book is opened."""

    # Emitted after a write (other screens may refresh).
    meetings_changed = Signal()

    def __init__(self, book: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MeetingsScreen()
        self.ui.setupUi(self)
        ui = self.ui
        setup_table(ui.activityTable, ACTIVITY_COLUMNS, "主题")
        setup_table(ui.attendanceTable, ATTENDANCE_COLUMNS, "事由/说明")
        setup_table(ui.planTable, PLAN_COLUMNS, "主题")
        setup_table(ui.followTable, FOLLOW_COLUMNS, "内容")
        # The sign-in list gets the room: at 1366×768 about 12 members show, where a
        # secretary ticks them off. The activity list keeps its dates, types and counts.
        ui.splitter.setStretchFactor(0, 1)
        ui.splitter.setStretchFactor(1, 2)
        ui.splitter.setSizes([430, 770])
        ui.attendanceTable.verticalHeader().setDefaultSectionSize(30)
        self._show_witnesses(False)

        # Python-side state (lists indexed like the tables' rows).
        self._activities: list[dict[str, Any]] = []
        self._activity: dict[str, Any] | None = None
        self._rows: list[dict[str, Any]] = []  # members of the sign-in table, in print order
        self._state: dict[int, dict[str, Any]] = {}
        self._saved_state: dict[int, dict[str, Any]] = {}
        self._amend = False
        self._matches: list[int] = []  # row numbers matching the search
        self._match_at = 0
        self._witness_names: list[str] = [""]
        self._points: dict[int, dict[str, Any]] = {}
        self._before: dict[int, Decimal] = {}
        self._plan: list[dict[str, Any]] = []
        self._follow: list[dict[str, Any]] = []
        self._years: list[int] = []
        self._loaded = False

        ui.newButton.clicked.connect(lambda: self.new_activity())
        ui.editButton.clicked.connect(self.edit_activity)
        ui.deleteButton.clicked.connect(self.delete_activity)
        ui.yearCombo.currentIndexChanged.connect(lambda _i: self._load_activities())
        ui.activityTable.itemSelectionChanged.connect(self._activity_selected)
        ui.activityTable.doubleClicked.connect(lambda _i: self.edit_activity())
        ui.signinButton.clicked.connect(self.print_signin)
        ui.recordButton.clicked.connect(self.print_record)
        ui.allPresentButton.clicked.connect(self.mark_all_present)
        ui.searchEdit.textChanged.connect(self._search_changed)
        ui.searchEdit.installEventFilter(self)
        ui.searchEdit.returnPressed.connect(self._search_entered)
        ui.attendanceTable.itemSelectionChanged.connect(self._member_selected)
        ui.reasonEdit.textEdited.connect(lambda text: self._edit_current("note", text))
        ui.reasonEdit.returnPressed.connect(self.focus_search)
        ui.reasonEdit.installEventFilter(self)
        ui.hostOrgEdit.textEdited.connect(lambda text: self._edit_current("host_org", text))
        ui.hostOrgEdit.returnPressed.connect(self.focus_search)
        ui.witness1Combo.activated.connect(lambda _i: self._witnesses_changed())
        ui.witness2Combo.activated.connect(lambda _i: self._witnesses_changed())
        ui.saveButton.clicked.connect(self.save_attendance)
        ui.revertButton.clicked.connect(self.revert_attendance)
        ui.generateButton.clicked.connect(self.generate_plan)
        ui.planActivityButton.clicked.connect(self.activity_from_plan)
        ui.committeeButton.clicked.connect(self.edit_committee)
        ui.templateButton.clicked.connect(self.edit_template)
        ui.planTable.doubleClicked.connect(lambda _i: self.activity_from_plan())
        ui.issueButton.clicked.connect(self.issue_notice)
        ui.printNoticeButton.clicked.connect(self.print_notice)
        ui.summaryButton.clicked.connect(self.print_summary)
        ui.followTable.itemSelectionChanged.connect(self._update_buttons)
        ui.planTable.itemSelectionChanged.connect(self._update_buttons)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_F2), self.mark_all_present),
            (QKeySequence("Ctrl+S"), self.save_attendance),
            (QKeySequence("Ctrl+F"), self.focus_search),
            (QKeySequence(Qt.Key.Key_Insert), self.new_activity),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        repolish_roles(self)
        self.set_book(book)

    # -- book ------------------------------------------------------------------------------

    def set_book(self, book: Any) -> None:
        self.book = book
        self.meetings = Meetings(book)
        current = book.current_year
        years = sorted(
            {current, *(int(a["date"][:4]) for a in self.meetings.activities())}, reverse=True
        )
        self._years = years
        combo = self.ui.yearCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([f"{y} 年" for y in years])
        combo.setCurrentIndex(years.index(current))
        combo.blockSignals(False)
        self._activity = None
        self._state, self._saved_state = {}, {}
        self._loaded = False
        # Loading scores the year; done when the screen is first shown, not at start-up.
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    @property
    def year(self) -> int:
        index = self.ui.yearCombo.currentIndex()
        return self._years[index] if 0 <= index < len(self._years) else self.book.current_year

    def refresh(self) -> None:
        """Reload everything shown (keeps the selected activity and unsaved sign-in)."""
        self._loaded = True
        if self._dirty():
            self._load_activities(keep_state=True)
        else:
            self._load_activities()
        if self._activity is not None:
            # Claims, dues or corrections entered on other screens move the points shown
            # here: read them again (the same activity stays selected, so nothing else does).
            self._points = self._safe_points()
            self._fill_attendance()
            current = self._current_member_id()
            if current is not None:
                self._show_points(current)
        self._load_plan()
        self._load_follow_ups()

    # -- activities ------------------------------------------------------------------------

    def _load_activities(self, select_id: int | None = None, *, keep_state: bool = False) -> None:
        table = self.ui.activityTable
        if select_id is None and self._activity is not None:
            select_id = self._activity["id"]
        self._activities = self.meetings.activities(self.year)
        table.blockSignals(True)
        table.setRowCount(len(self._activities))
        for row, a in enumerate(self._activities):
            if a["recorded"]:
                signed = f"到{a['present']} 假{a['on_leave']} 缺{a['absent']}"
                color = None
            else:
                signed, color = "未签到", "#8a5a00"
            topic = a["topic"] or "—"
            table.setItem(row, 0, table_item(a["date"], center=True))
            table.setItem(row, 1, table_item(a["type"], center=True))
            table.setItem(row, 2, table_item(topic))
            table.setItem(row, 3, table_item(signed, color=color))
            table.item(row, 2).setToolTip(f"{a['code']}　{topic}")
        table.blockSignals(False)
        held = sum(1 for a in self._activities if a["recorded"])
        self.ui.listSummary.setText(
            f"{self.year} 年共 {len(self._activities)} 次活动，已签到 {held} 次。"
            "双击编辑；Insert 登记新活动。"
        )
        row = next(
            (i for i, a in enumerate(self._activities) if a["id"] == select_id),
            0 if self._activities else -1,
        )
        if (
            keep_state
            and row >= 0
            and self._activity
            and self._activities[row]["id"] == self._activity["id"]
        ):
            table.blockSignals(True)
            table.selectRow(row)
            table.blockSignals(False)
        elif row >= 0:
            table.selectRow(row)
            if table.currentRow() == row and self._activity is None:
                self._activity_selected()
        else:
            self._show_activity(None)
        self._update_buttons()

    def current_activity_id(self) -> int | None:
        return self._activity["id"] if self._activity else None

    def select_activity(self, activity_id: int) -> bool:
        for row, a in enumerate(self._activities):
            if a["id"] == activity_id:
                self.ui.activityTable.selectRow(row)
                return True
        return False

    def _activity_selected(self) -> None:
        rows = self.ui.activityTable.selectionModel().selectedRows()
        if not rows:
            return
        a = self._activities[rows[0].row()]
        if self._activity and a["id"] == self._activity["id"]:
            return
        # Reloads clear `_activity` first: then there is nothing on screen to lose.
        if self._activity is not None and self._dirty() and not self._confirm_discard():
            self.select_activity(self._activity["id"])
            return
        self._show_activity(a["id"])

    def _show_activity(self, activity_id: int | None) -> None:
        ui = self.ui
        self._activity = None
        self._rows, self._state, self._saved_state = [], {}, {}
        self._matches = []
        self._before = {}
        ui.searchEdit.blockSignals(True)
        ui.searchEdit.clear()
        ui.searchEdit.blockSignals(False)
        if activity_id is None:
            ui.activityTitle.setText("还没有活动：点“登记活动”开始")
            ui.activityInfo.setText("")
            self._fill_attendance()
            self._update_buttons()
            return
        act = self.meetings.activity(activity_id)
        self._activity = act
        who = self.meetings.expected(activity_id)
        group = f"（{act['group']}）" if act["group"] else ""
        ui.activityTitle.setText(f"{act['date']}　{act['type']}{group}　{act['topic']}".strip())
        info = [
            f"编号 {act['code']}",
            f"地点：{act['place'] or '—'}",
            f"主持人：{act['host'] or '—'}",
            f"记录人：{act['recorder'] or '—'}",
        ]  # 应到 is on the counts line beside the name box
        if who["exempt"]:
            info.append(
                f"免考 {len(who['exempt'])} 人（"
                + "、".join(m["name"] for m in who["exempt"])
                + "）"
            )
        text = "　".join(info)
        if who["hint"]:
            text += "\n" + who["hint"]
        ui.activityInfo.setText(text)
        existing = {r["member_id"]: r for r in self.meetings.attendance(activity_id)}
        rows = list(who["expected"])
        known = {m["id"] for m in rows}
        for member_id in existing:
            if member_id not in known:  # signed in without being expected (activist, exempt)
                rows.append(self.book.roster.member(member_id))
        self._rows = rows
        self._amend = bool(existing)
        for m in rows:
            r = existing.get(m["id"])
            self._state[m["id"]] = {
                "status": r["status"] if r else UNSET,
                "note": r["note"] if r else "",
                "host_org": r["host_org"] if r else "",
                "witnesses": [w for w in (r["witnesses"] if r else "").split("、") if w],
            }
        self._saved_state = {k: dict(v) for k, v in self._state.items()}
        candidates = [m["name"] for m in who["expected"] + who["exempt"]]
        self._witness_names = ["", *candidates]
        for combo in (ui.witness1Combo, ui.witness2Combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(["（选择证明人）", *candidates])
            combo.blockSignals(False)
        self._points = self._safe_points()
        self._fill_attendance()
        self._update_buttons()

    def _safe_points(self) -> dict[int, dict[str, Any]]:
        try:
            return (
                self.meetings.points_overview(int(self._activity["date"][:4]))
                if self._activity
                else {}
            )
        except BookError:
            return {}  # a broken scheme: the scheme screen says why; the sign-in still works

    # -- the sign-in table ---------------------------------------------------------------------

    def _fill_attendance(self) -> None:
        table = self.ui.attendanceTable
        current = self._current_member_id()
        table.blockSignals(True)
        table.setRowCount(len(self._rows))
        for row, m in enumerate(self._rows):
            self._fill_row(row, m)
        table.blockSignals(False)
        if current is not None:
            self._select_member(current)
        self._update_counts()

    def _fill_row(self, row: int, m: dict[str, Any]) -> None:
        s = self._state[m["id"]]
        notes = [s["note"]] if s["note"] else []
        if s["witnesses"]:
            notes.append("证明人：" + "、".join(s["witnesses"]))
        if s["host_org"]:
            notes.append(f"在{s['host_org']}参加")
        name = m["name"] + ("（流动）" if m.get("mobile") else "")
        table = self.ui.attendanceTable
        table.setItem(row, 0, table_item(str(row + 1), center=True))
        table.setItem(row, 1, table_item(name))
        table.setItem(row, 2, table_item(m.get("group") or ""))
        table.setItem(
            row, 3, table_item(s["status"], color=STATUS_COLORS.get(s["status"]), center=True)
        )
        table.setItem(row, 4, table_item("；".join(notes)))

    def _update_counts(self) -> None:
        statuses = [s["status"] for s in self._state.values()]
        present = sum(1 for s in statuses if s in ("出席", "补录"))
        leave = sum(1 for s in statuses if s in ("因公请假", "因私请假"))
        absent = statuses.count("无故缺席")
        unset = statuses.count(UNSET)
        text = f"应到{len(statuses)}　实到{present}　请假{leave}　缺席{absent}"
        extra = [f"未登记{unset}"] if unset else []
        if self._dirty():
            extra.append("（未保存）")
        # A second line rather than a wrap inside a word on a narrow (1366 px) screen.
        self.ui.countsLabel.setText(text + ("\n" + "　".join(extra) if extra else ""))
        self.ui.saveButton.setEnabled(self._dirty() or (bool(statuses) and not self._amend))
        self.ui.revertButton.setEnabled(self._dirty())

    def _dirty(self) -> bool:
        return self._state != self._saved_state

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            "签到还没保存",
            "这次活动的签到还没有保存，切换后更改会丢失。\n\n要放弃这些更改吗？",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _current_member_id(self) -> int | None:
        rows = self.ui.attendanceTable.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self._rows):
            return self._rows[rows[0].row()]["id"]
        return None

    def _select_member(self, member_id: int) -> None:
        for row, m in enumerate(self._rows):
            if m["id"] == member_id:
                table = self.ui.attendanceTable
                table.selectRow(row)
                table.scrollToItem(table.item(row, 1), table.ScrollHint.PositionAtCenter)
                return

    def mark_all_present(self) -> None:
        """Everyone not yet marked is present (F2)."""
        if not self._rows or not self._can_sign_in(say=True):
            return
        for s in self._state.values():
            if s["status"] == UNSET:
                s["status"] = "出席"
        self._fill_attendance()
        self.focus_search()

    def set_status(self, member_id: int, status: str) -> None:
        self._state[member_id]["status"] = status
        for row, m in enumerate(self._rows):
            if m["id"] == member_id:
                self._fill_row(row, m)
        self._update_counts()
        self._select_member(member_id)
        self._member_selected()

    def _can_sign_in(self, *, say: bool = False) -> bool:
        if self._activity and self._activity["date"] > date.today().isoformat():
            if say:
                QMessageBox.information(
                    self,
                    "还不能签到",
                    f"这次活动定在 {self._activity['date']}，还没到。\n\n"
                    "会前可以先打印签到表，会后再来登记签到。",
                )
            return False
        return bool(self._activity)

    # -- the search box ------------------------------------------------------------------

    def focus_search(self) -> None:
        self.ui.tabs.setCurrentWidget(self.ui.activitiesTab)
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def _search_changed(self, text: str) -> None:
        text = text.strip()
        if not text:
            self._matches = []
            return
        self._matches = [row for row, m in enumerate(self._rows) if matches_search(m["name"], text)]
        self._match_at = 0
        if self._matches:
            self._select_member(self._rows[self._matches[0]]["id"])
            self.ui.searchEdit.setToolTip(
                f"找到 {len(self._matches)} 人；上下键换人，按 1–5 登记状态"
            )
        else:
            self.ui.attendanceTable.clearSelection()

    def _search_entered(self) -> None:
        """Enter in the search box (a reflex after typing a name): choose the member found
        (the highlighted one of several) and stay here, so the digit keys that follow mark
        that member, not type into 事由."""
        if not self._matches:
            return
        row = self._matches[self._match_at]
        self._matches, self._match_at = [row], 0
        self._select_member(self._rows[row]["id"])
        self.ui.searchEdit.setToolTip(
            f"已选 {self._rows[row]['name']}：按 1 出席　2 因公请假　3 因私请假　4 无故缺席　5 补录"
        )

    def _key_target(self) -> int | None:
        """The member a digit key marks: the one found by the search, or, with the search box
        empty, the one selected in the table (pressing another digit corrects a slip)."""
        if self._matches:
            return self._rows[self._matches[self._match_at]]["id"]
        if not self.ui.searchEdit.text().strip():
            return self._current_member_id()
        return None

    def _mark(self, member_id: int, status: str) -> None:
        """Mark by key. A leave keeps the cursor in the name box (its 事由 is optional, one
        Tab away); 补录 goes to 说明 (it needs the witnesses and why)."""
        ui = self.ui
        ui.searchEdit.blockSignals(True)
        ui.searchEdit.clear()
        ui.searchEdit.blockSignals(False)
        self._matches = []
        self.set_status(member_id, status)  # 事由/说明 shows the hint text for this status
        if status in LEAVES:
            ui.searchEdit.setToolTip(f"已标为{status}：事由可不填，按 Tab 填写；接着输入下一个姓名")
        elif status in REASON_HINTS:
            ui.reasonEdit.setFocus()
            ui.reasonEdit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.ui.reasonEdit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape  # type: ignore[attr-defined]
        ):
            self.focus_search()  # no reason to give: back to the names
            return True
        if watched is self.ui.searchEdit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            # F2 and Ctrl+S work from the search box even where window shortcuts do not
            # reach (an inactive window, the tests): this is where the hands are.
            if key == Qt.Key.Key_F2:
                self.mark_all_present()
                return True
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier  # type: ignore[attr-defined]
            if key == Qt.Key.Key_S and ctrl:
                self.save_attendance()
                return True
            target = self._key_target() if key in STATUS_KEYS else None
            if target is not None:
                if self._can_sign_in(say=True):
                    self._mark(target, STATUS_KEYS[key])
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self._matches:
                step = 1 if key == Qt.Key.Key_Down else -1
                self._match_at = (self._match_at + step) % len(self._matches)
                self._select_member(self._rows[self._matches[self._match_at]]["id"])
                return True
        return super().eventFilter(watched, event)

    # -- the detail fields of the selected member -------------------------------------------

    def _member_selected(self) -> None:
        ui = self.ui
        member_id = self._current_member_id()
        s = self._state.get(member_id) if member_id is not None else None
        for w in (ui.reasonEdit, ui.hostOrgEdit, ui.witness1Combo, ui.witness2Combo):
            w.setEnabled(s is not None)
        if s is None:
            ui.pointsLabel.setText("")
            self._show_witnesses(False)
            return
        ui.reasonEdit.setText(s["note"])
        ui.hostOrgEdit.setText(s["host_org"])
        for combo, n in ((ui.witness1Combo, 0), (ui.witness2Combo, 1)):
            name = s["witnesses"][n] if len(s["witnesses"]) > n else ""
            combo.blockSignals(True)
            combo.setCurrentIndex(
                self._witness_names.index(name) if name in self._witness_names else 0
            )
            combo.blockSignals(False)
        ui.reasonEdit.setPlaceholderText(REASON_HINTS.get(s["status"], REASON_PLACEHOLDER))
        late = s["status"] == "补录"
        ui.witness1Combo.setEnabled(late)
        ui.witness2Combo.setEnabled(late)
        self._show_witnesses(late)
        member = next(m for m in self._rows if m["id"] == member_id)
        ui.hostOrgEdit.setEnabled(bool(member.get("mobile")))
        self._show_points(member_id)

    def _show_witnesses(self, shown: bool) -> None:
        """The 补录证明人 row shows only for a 补录 (the only status that has witnesses), so
        the sign-in list keeps that row's height the rest of the time."""
        for w in (self.ui.witnessLabel, self.ui.witness1Combo, self.ui.witness2Combo):
            w.setVisible(shown)

    def _edit_current(self, key: str, text: str) -> None:
        member_id = self._current_member_id()
        if member_id is None:
            return
        self._state[member_id][key] = text.strip()
        self._refresh_row(member_id)

    def _witnesses_changed(self) -> None:
        member_id = self._current_member_id()
        if member_id is None:
            return
        names = [
            self._witness_names[c.currentIndex()]
            for c in (self.ui.witness1Combo, self.ui.witness2Combo)
            if c.currentIndex() > 0
        ]
        self._state[member_id]["witnesses"] = names
        self._refresh_row(member_id)

    def _refresh_row(self, member_id: int) -> None:
        for row, m in enumerate(self._rows):
            if m["id"] == member_id:
                table = self.ui.attendanceTable
                table.blockSignals(True)
                self._fill_row(row, m)
                table.blockSignals(False)
        self._update_counts()

    def _show_points(self, member_id: int) -> None:
        """The member's year score and what this activity gave them (the 积分明细)."""
        info = self._points.get(member_id)
        name = next((m["name"] for m in self._rows if m["id"] == member_id), "")
        if not info or not self._activity:
            self.ui.pointsLabel.setText(f"{name}：不参加本年度积分管理。" if name else "")
            return
        year = self._activity["date"][:4]
        text = f"{name}　{year} 年积分 {points_text(info['total'])} 分"
        before = self._before.get(member_id)
        if before is not None and before != info["total"]:
            diff = info["total"] - before
            sign = "+" if diff > 0 else ""
            text += f"（保存前 {points_text(before)} 分，{sign}{points_text(diff)}）"
        act = self._activity
        prefix = f"{act['date']}  {act['type']}"
        mine = [ln.strip() for ln in info["text"].splitlines() if ln.strip().startswith(prefix)]
        if mine:
            text += "\n本次活动：" + "；".join(ln.split("  ", 1)[1] for ln in mine)
        text += "\n" + self._history_line(member_id, int(year))
        self.ui.pointsLabel.setText(text)
        self.ui.pointsLabel.setToolTip(info["text"])

    def _history_line(self, member_id: int, year: int) -> str:
        """ "本年签到：出席 20 次，因私请假 2 次（2026-03-10 …）" — the member's history in brief."""
        history = self.meetings.member_history(member_id, year)
        counts: dict[str, int] = {}
        for h in history:
            counts[h["status"]] = counts.get(h["status"], 0) + 1
        if not counts:
            return f"{year} 年还没有签到记录。"
        parts = "，".join(f"{k} {v} 次" for k, v in counts.items())
        misses = [f"{h['date'][5:]} {h['type']}" for h in history if h["status"] == "无故缺席"]
        tail = f"（无故缺席：{'、'.join(misses)}）" if misses else ""
        return f"{year} 年签到：{parts}{tail}"

    # -- saving -----------------------------------------------------------------------------

    def save_attendance(self) -> bool:
        if not self._activity or not self._rows:
            return False
        if not self._can_sign_in(say=True):
            return False
        unset = [m["name"] for m in self._rows if self._state[m["id"]]["status"] == UNSET]
        if unset:
            QMessageBox.information(
                self,
                "还有党员没有登记",
                f"还有 {len(unset)} 名党员没有登记签到状态：{'、'.join(unset[:8])}"
                f"{'等' if len(unset) > 8 else ''}。\n\n按 F2 把其余党员都标为“出席”，再保存。",
            )
            return False
        entries = {
            m["id"]: Entry(s["status"], s["note"], tuple(s["witnesses"]), s["host_org"])
            for m in self._rows
            for s in [self._state[m["id"]]]
        }
        changed = [
            m["id"] for m in self._rows if self._state[m["id"]] != self._saved_state.get(m["id"])
        ]
        before = {k: v["total"] for k, v in self._points.items()}
        try:
            self.meetings.record_attendance(
                self._activity["id"], entries, everyone_present=False, amend=self._amend
            )
        except BookError as err:
            from desktop.gui.error_handler import show_book_error

            show_book_error(self, err, "签到没有保存")
            return False
        activity_id = self._activity["id"]
        selected = self._current_member_id()
        self._activity = None  # force a reload of the saved sign-in
        self._load_activities(activity_id)
        self._show_activity(activity_id)
        self._before = before
        moved = [
            f"{m['name']} {points_text(before[m['id']])}→{points_text(self._points[m['id']]['total'])}"
            for m in self._rows
            if m["id"] in before
            and m["id"] in self._points
            and before[m["id"]] != self._points[m["id"]]["total"]
        ]
        target = next((i for i in changed if i in self._points), selected)
        if target is not None:
            self._select_member(target)
        self._load_plan()
        self._load_follow_ups()
        note = "签到已保存。" + ("积分变化：" + "，".join(moved) if moved else "积分没有变化。")
        self.ui.listSummary.setText(note)
        self.meetings_changed.emit()
        self.focus_search()
        return True

    def revert_attendance(self) -> None:
        self._state = {k: dict(v) for k, v in self._saved_state.items()}
        self._fill_attendance()

    # -- activity dialogs ----------------------------------------------------------------------

    def new_activity(self, preset: dict[str, Any] | None = None) -> int | None:
        from desktop.gui.activity_dialog import ActivityDialog

        if self._dirty() and not self._confirm_discard():
            return None
        dialog = ActivityDialog(self.book, preset=preset, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            saved = dialog.saved_id
            act = self.meetings.activity(saved)
            self._saved_state = dict(self._state)  # discard
            if int(act["date"][:4]) != self.year and int(act["date"][:4]) in self._years:
                self.ui.yearCombo.setCurrentIndex(self._years.index(int(act["date"][:4])))
            self._activity = None
            self._load_activities(saved)
            self._show_activity(saved)
            self._load_plan()
            self.meetings_changed.emit()
            self.ui.tabs.setCurrentWidget(self.ui.activitiesTab)
            self.focus_search()
            return saved
        return None

    def edit_activity(self) -> None:
        from desktop.gui.activity_dialog import ActivityDialog

        if not self._activity:
            return
        activity_id = self._activity["id"]
        dialog = ActivityDialog(self.book, activity_id, parent=self)
        if dialog.exec():
            keep = {k: dict(v) for k, v in self._state.items()}
            dirty = self._dirty()
            self._activity = None
            self._load_activities(activity_id)
            self._show_activity(activity_id)
            if dirty:
                self._state.update({k: v for k, v in keep.items() if k in self._state})
                self._fill_attendance()
            self.meetings_changed.emit()

    def delete_activity(self) -> None:
        if not self._activity:
            return
        act = self._activity
        answer = QMessageBox.question(
            self, "删除活动", f"确定删除 {act['date']} 的{act['type']}“{act['topic']}”吗？"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.meetings.delete_activity(act["id"])
        except BookError as err:
            from desktop.gui.error_handler import show_book_error

            show_book_error(self, err, "活动没有删除")
            return
        self._activity = None
        self._saved_state = self._state = {}
        self._load_activities()
        self._load_plan()
        self.meetings_changed.emit()

    def edit_template(self) -> bool:
        from desktop.gui.activity_dialog import PlanTemplateDialog

        if not PlanTemplateDialog(self.book, self).exec():
            return False
        if self._plan:
            QMessageBox.information(
                self,
                "模板已保存",
                "模板已保存。点“按模板重新生成…”可按新模板更新本年计划，已完成的项目不变。",
            )
        self.meetings_changed.emit()
        return True

    def edit_committee(self) -> None:
        from desktop.gui.activity_dialog import CommitteeDialog

        if CommitteeDialog(self.book, self).exec():
            if self._activity and self._activity["type"] == "支委会" and not self._dirty():
                activity_id = self._activity["id"]
                self._activity = None
                self._show_activity(activity_id)
            self.meetings_changed.emit()

    # -- printing ---------------------------------------------------------------------------

    def _print(self, kind: str, what: str, file_name: str, **opts: Any) -> Any:
        """Write the sheet off the UI thread, then show it in the print preview (打印 or
        另存为 PDF from there)."""
        from desktop.gui.print_preview import preview_document

        return preview_document(
            self,
            self.book.path,
            kind,
            title=f"打印{what}",
            file_name=file_name,
            label=f"正在生成{what}…",
            **opts,
        )

    def print_signin(self) -> Any:
        if not self._activity:
            return None
        a = self._activity
        style = self.ui.signinStyleCombo.currentIndex()  # 0 笔画, 1 拼音, 2 笔画·两栏
        return self._print(
            "signin",
            "签到表",
            f"{a['date']}{a['type']}签到表.pdf",
            activity=a["code"],
            order="pinyin" if style == 1 else "strokes",
            two_columns=style == 2,
        )

    def print_record(self) -> Any:
        if not self._activity:
            return None
        a = self._activity
        return self._print(
            "attendance", "纪实记录表", f"{a['date']}{a['type']}纪实记录表.pdf", activity=a["code"]
        )

    def print_summary(self) -> Any:
        return self._print(
            "attendance-summary",
            "参加情况统计表",
            f"{self.year}年党员参加组织生活情况统计表.pdf",
            year=self.year,
        )

    def print_screen(self) -> None:
        self.print_signin()

    # -- buttons ------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        ui = self.ui
        has = self._activity is not None
        pick = "先在活动列表中选中一次活动（或点“登记活动”）"
        for w in (ui.editButton, ui.deleteButton, ui.signinButton, ui.recordButton):
            allow(w, has, pick)
        allow(ui.allPresentButton, has and bool(self._rows), pick if not has else "没有应到的党员")
        ui.searchEdit.setEnabled(has and bool(self._rows))
        f = self._selected_follow()
        allow(
            ui.issueButton,
            bool(f and "notice" in f and f["state"] == "待出具"),
            "先在下面选中一条“待出具”的无故缺席",
        )
        allow(
            ui.printNoticeButton,
            bool(f and "notice" in f and f["state"] == "已出具"),
            "先在下面选中一条已出具通知书的记录",
        )
        allow(
            ui.planActivityButton,
            bool(ui.planTable.selectionModel().selectedRows()),
            "先在年度计划中选中一项",
        )
