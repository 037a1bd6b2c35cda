"""The 年度评定 screen's 上级审批 tab: results and claims waiting above the branch, decisions
recorded by hand, and the 党员大会表决 vote."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
)

from desktop.gui.actions import allow
from desktop.gui.tables import read_only_item
from desktop.gui.year_end_dialogs import ApprovalDialog

ALL_GROUPS = "全部党员"
HONOUR_COLOR = QColor("#b30000")
MUTED_COLOR = QColor("#777777")


class ApprovalsTab:
    """Mixed into YearEndScreen (its book, data, tables and buttons, `_act`, `tell`)."""

    def _fill_approvals(self) -> None:
        from desktop.book.approvals import decision_how

        items = self.overview.approvals
        t = self.approval_table
        t.setRowCount(len(items))
        for i, a in enumerate(items):
            d = a.decision
            how = ""
            if d:
                how = decision_how(d)
            elif a.superseded:
                how = a.superseded
            cells = [
                read_only_item(a.code, data=a.code),
                read_only_item(a.name),
                read_only_item(a.result),
                read_only_item(a.step),
                read_only_item(a.shown),  # 待表决 for a 党员大会 vote still to come
                read_only_item(how),
            ]
            cells[-1].setToolTip(how)  # a vote's counts run past the window's edge
            for j, it in enumerate(cells):
                if a.pending:
                    it.setForeground(QColor("#b00020"))
                t.setItem(i, j, it)
        t.resizeColumnsToContents()
        t.horizontalHeader().setStretchLastSection(True)
        waiting = sum(1 for a in items if a.pending and not a.vote)
        voting = sum(1 for a in items if a.pending and a.vote)
        if not items:
            text = "本年度方案没有须报上级审批的评定结果（或目前没有人评到需要审批的星级、等次）。"
        elif waiting or voting:
            counts = [f"{waiting} 项评定结果待上级审批" if waiting else "",
                      f"{voting} 项待党员大会表决" if voting else ""]  # fmt: skip
            words = "或".join(w for w, n in (("“待审批”", waiting), ("“待表决”", voting)) if n)
            todo = [
                "选中一行或几行，登记上级的批准或不批准（也可导入乡镇审核回执）" if waiting else "",
                "党员大会表决后，点“登记党员大会表决…”登记票数" if voting else "",
            ]
            text = (
                f"{'；'.join(c for c in counts if c)}：决定前年度评定表上显示{words}，"
                f"荣誉证书不能打印。{'；'.join(t for t in todo if t)}。"
            )
        else:
            text = "需上级审批的评定结果都已登记审批决定。"
        for v in (self.data or {}).get("votes", []):  # 党员大会表决, oldest first
            text += f"\n{v.text()}。"
        self.approval_state.setText(text)
        for button in (self.approve_button, self.refuse_button):
            allow(button, bool(items), "没有须报上级审批的评定结果")
        steps = (self.data or {}).get("vote_setup", {}).get("steps", [])
        self.vote_button.setVisible(bool(steps))  # only schemes with a 党员大会表决 step
        allow(self.vote_button, bool(self._vote_proposal()), "没有待党员大会表决的评定结果")

    def _fill_claims_above(self) -> None:
        items = (self.data or {}).get("claims_above", [])
        t = self.claims_above_table
        t.setRowCount(len(items))
        for i, a in enumerate(items):
            cells = [
                read_only_item(a.claim_id, data=a.claim_id),
                read_only_item(a.name),
                read_only_item(a.date),
                read_only_item(a.item),
                read_only_item(a.points, align_right=True),
                read_only_item(a.body),
                read_only_item(a.text()),
            ]
            cells[-1].setToolTip(a.text())  # cut at the window's edge on a small screen
            for j, it in enumerate(cells):
                if a.pending:
                    it.setForeground(QColor("#b00020"))
                t.setItem(i, j, it)
        t.resizeColumnsToContents()
        t.horizontalHeader().setStretchLastSection(True)
        waiting = sum(1 for a in items if a.pending)
        word = "待表决" if items and all(a.vote for a in items) else "待审批"
        self.claims_above_state.setText(
            f"须上级审定的积分申报 {len(items)} 条，{word} {waiting} 条：批准后才计分。"
            if items
            else "本年度方案没有须上级审定的积分申报项目（或还没有支委会审定的这类申报）。"
        )
        for button in (self.approve_claim_button, self.refuse_claim_button):
            allow(button, bool(items), "没有须上级审定的积分申报")

    def record_claim_approval(self, approved: bool) -> None:
        """The selected claim's decision above the branch (党工委 审定 …)."""
        row = self.claims_above_table.currentRow()
        if self.data is None or row < 0 or not self.claims_above_table.selectedItems():
            self.tell("请先在下面的表格中选中一条积分申报。")
            return
        cid = int(self.claims_above_table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        item = next(a for a in self.data["claims_above"] if a.claim_id == cid)
        dialog = ApprovalDialog([f"{item.name} 第{cid}号申报 {item.item}"], approved, self,
                                by=item.body)  # fmt: skip
        values = self.ask_claim_approval(dialog)
        if not values:
            return
        from desktop.book import approvals as A

        self._act(
            lambda: A.record_claim_decision(
                self.book, cid, approved=approved, by=values["by"], on=values["on"],
                reason=values["reason"],
            ),
            f"已登记第 {cid} 号申报的审批决定。",
        )  # fmt: skip

    def _vote_proposal(self) -> str:
        """What the meeting votes on: results and claims of a vote step not yet passed."""
        steps = {s[0] for s in (self.data or {}).get("vote_setup", {}).get("steps", [])}
        if not steps:
            return ""
        results = [f"{a.name}{a.result}" for a in self.overview.approvals
                   if a.step in steps and not a.approved]  # fmt: skip
        claims = [f"{c.name}第{c.claim_id}号申报" for c in self.data.get("claims_above", [])
                  if c.step in steps and c.state != "已批准"]  # fmt: skip
        return "、".join(results + claims)

    def ask_vote(self, dialog: QDialog) -> dict[str, Any] | None:
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def record_vote(self) -> None:
        """登记党员大会表决 (党员e家 第十八条「提请党员大会表决通过」)."""
        if self.data is None:
            return
        from desktop.book.votes import record_vote
        from desktop.gui.vote_dialog import VoteDialog

        year = self.year.value()
        dialog = VoteDialog(year, self.data["vote_setup"], self._vote_proposal(), self)
        values = self.ask_vote(dialog)
        made: list[Any] = []
        if values and self._act(lambda: made.append(record_vote(self.book, year, **values))):
            self.tell(f"已登记党员大会表决：{made[0].why}。")

    def ask_claim_approval(self, dialog: ApprovalDialog) -> dict[str, Any] | None:
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def selected_approval_codes(self) -> list[str]:
        rows = sorted({i.row() for i in self.approval_table.selectedItems()})
        codes = [self.approval_table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]
        return list(dict.fromkeys(codes))

    def ask_approval(self, names: list[str], approved: bool) -> dict[str, Any] | None:
        dialog = ApprovalDialog(names, approved, self, by=self.overview.parent_org)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def record_approval(self, approved: bool) -> None:
        if self.data is None:
            return
        codes = self.selected_approval_codes()
        if not codes:
            self.tell("请先在表格中选中要登记的党员（可选多行）。")
            return
        names = [r.name for r in self.overview.rows if r.code in codes]
        values = self.ask_approval(names, approved)
        if not values:
            return
        from desktop.book import approvals as A

        year = self.year.value()
        decisions = [
            A.Decision(c, approved, values["by"], values["on"], values["reason"]) for c in codes
        ]
        self._act(
            lambda: A.record_decisions(self.book, year, decisions),
            f"已登记 {len(codes)} 名党员的审批决定。",
        )
