"""The meetings screen's 活动计划 and 后续提醒 tabs: the year's plan (generate, start month,
an activity from a plan item) and the follow-ups (notices issued and printed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox

from desktop.book.errors import BookError
from desktop.gui.meetings_tables import STATE_COLORS, table_item


class PlanAndFollowUps:
    """Mixed into MeetingsScreen (its ui, book, meetings and other methods)."""

    ui: Any
    book: Any
    meetings: Any

    # -- the plan -----------------------------------------------------------------------------

    def _load_plan(self) -> None:
        self._plan = self.meetings.plan(self.year)
        table = self.ui.planTable
        table.setRowCount(len(self._plan))
        counts: dict[str, int] = {}
        for row, p in enumerate(self._plan):
            counts[p["state_text"]] = counts.get(p["state_text"], 0) + 1
            color = STATE_COLORS[p["state"]]
            done = f"{p['activity_code']}（{p['activity_date']}）" if p["activity_code"] else ""
            table.setItem(row, 0, table_item(p["due_date"], center=True))
            table.setItem(row, 1, table_item(p["type"], center=True))
            table.setItem(row, 2, table_item(p["group_name"]))
            table.setItem(row, 3, table_item(p["topic"]))
            table.setItem(row, 4, table_item(p["state_text"], color=color, center=True))
            table.setItem(row, 5, table_item(done))
        if self._plan:
            order = ("已完成", "已逾期", "近期待办", "计划中")
            parts = "，".join(f"{k} {counts[k]}" for k in order if counts.get(k))
            first = int(self._plan[0]["due_date"][5:7])
            since = f"（自 {first} 月起）" if first > 1 else ""
            self.ui.planSummary.setText(f"{self.year} 年计划 {len(self._plan)} 项{since}：{parts}")
            self.ui.generateButton.setText("按模板重新生成…")
        else:
            self.ui.planSummary.setText(f"{self.year} 年还没有活动计划。")
            self.ui.generateButton.setText("生成年度计划")
        self._update_buttons()

    def ask_start_month(self, proposed: int) -> int | None:
        """From which month this year's plan applies (None: cancelled). Months already gone
        would otherwise all show as 已逾期 for a branch that only now starts keeping a plan."""
        from PySide6.QtWidgets import QInputDialog

        months = [f"{m} 月" for m in range(1, 13)]
        text, ok = QInputDialog.getItem(
            self,
            "生成年度计划",
            f"{self.year} 年已经过去了 {proposed - 1} 个月。计划从几月开始？\n\n"
            "之前的月份不列入计划，不会显示为“已逾期”。\n"
            "如果这些月份的活动也要登记、核对，请选 1 月。",
            months,
            proposed - 1,
            False,
        )
        return months.index(text) + 1 if ok else None

    def generate_plan(self) -> None:
        replace = bool(self._plan)
        from_month: int | None = None
        if not replace:
            proposed = self.meetings.plan_start_month(self.year)
            if proposed > 1:
                from_month = self.ask_start_month(proposed)
                if from_month is None:
                    return
        if replace:
            answer = QMessageBox.question(
                self,
                "重新生成计划",
                f"{self.year} 年的计划已经生成。要按模板重新生成尚未完成的计划项吗？\n\n已完成的项目保留不变。",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.meetings.generate_plan(self.year, replace=replace, from_month=from_month)
        except BookError as err:
            from desktop.gui.error_handler import show_book_error

            show_book_error(self, err, "计划没有生成")
            return
        self._load_plan()
        self.meetings_changed.emit()

    def activity_from_plan(self) -> None:
        rows = self.ui.planTable.selectionModel().selectedRows()
        if not rows:
            return
        p = self._plan[rows[0].row()]
        if p["activity_id"]:
            self.ui.tabs.setCurrentWidget(self.ui.activitiesTab)
            self.select_activity(p["activity_id"])
            return
        self.new_activity(
            {
                "date": p["due_date"],
                "type": p["type"],
                "topic": p["topic"],
                "group": p["group_name"],
            }
        )

    # -- follow-ups ---------------------------------------------------------------------------

    def _load_follow_ups(self) -> None:
        try:
            ups = self.meetings.follow_ups(self.year)
        except BookError:
            ups = {"notices": [], "leave_over": [], "mobile": [], "party_life": [], "names": {}}
        names = ups["names"]
        rows: list[dict[str, Any]] = []
        for n in ups["notices"]:
            rows.append(
                {
                    "kind": n.kind,
                    "code": n.member,
                    "name": n.name,
                    "text": n.reason,
                    "state": "已出具" if n.issued else "待出具",
                    "notice": n,
                }
            )
        for o in ups["leave_over"]:
            rows.append(
                {
                    "kind": "请假超限",
                    "code": o.member,
                    "name": names.get(o.member, ""),
                    "text": o.text,
                    "state": "请核实",
                }
            )
        for s in ups["mobile"]:
            rows.append(
                {
                    "kind": "流动党员",
                    "code": s.member,
                    "name": names.get(s.member, ""),
                    "text": s.text,
                    "state": "请联系",
                }
            )
        for code, name, text in ups["party_life"]:
            rows.append(
                {
                    "kind": "一票否决核实",
                    "code": code,
                    "name": name,
                    "text": text,
                    "state": "请支委会核实",
                }
            )
        self._follow = rows
        table = self.ui.followTable
        table.setRowCount(len(rows))
        for row, r in enumerate(rows):
            red = r["kind"] in ("警戒书", "一票否决核实")
            color = "#b3261e" if red else None
            table.setItem(row, 0, table_item(r["kind"], color=color, center=True))
            table.setItem(row, 1, table_item(r["name"], center=True))
            table.setItem(row, 2, table_item(r["text"]))
            table.item(row, 2).setToolTip(r["text"])
            done = r["state"] == "已出具"
            table.setItem(
                row, 3, table_item(r["state"], color="#1b6e20" if done else "#8a5a00", center=True)
            )
        waiting = sum(1 for r in rows if r["state"] == "待出具")
        self.ui.followSummary.setText(
            f"待出具通知 {waiting} 份；其他需核实事项 {sum(1 for r in rows if 'notice' not in r)} 项"
        )
        self._update_buttons()

    def _selected_follow(self) -> dict[str, Any] | None:
        rows = self.ui.followTable.selectionModel().selectedRows()
        return self._follow[rows[0].row()] if rows else None

    def issue_notice(self) -> None:
        r = self._selected_follow()
        if not r or "notice" not in r or r["state"] == "已出具":
            return
        n = r["notice"]
        try:
            member = self.book.roster.find(n.member)
            self.meetings.issue_notice(member["id"], n.kind, n.reason, ref=n.absence.activity)
        except BookError as err:
            from desktop.gui.error_handler import show_book_error

            show_book_error(self, err, "通知没有出具")
            return
        self._load_follow_ups()
        self.meetings_changed.emit()

    def print_notice(self) -> Any:
        r = self._selected_follow()
        if not r or "notice" not in r or r["state"] != "已出具":
            return None
        n = r["notice"]
        kind = "warning-notice" if n.kind == "警戒书" else "reminder-notice"
        return self._print(
            kind, n.kind, f"{n.name}{n.kind}.pdf", member=n.member, activity=n.absence.activity
        )
