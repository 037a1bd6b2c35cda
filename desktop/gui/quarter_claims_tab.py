"""The 积分申报 tab of the review screen: the claims queue (申报 → 初评 → 审定, 驳回, a claim
waiting above the branch shown 待审批) and 登记更正 for a confirmed period's record."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLineEdit,
)

from desktop.book import quarter as Q
from desktop.book.approvals import APPROVED
from desktop.book.periods import UNIT
from desktop.gui.fields import add_dialog_buttons
from desktop.gui.tables import read_only_item
from desktop.rules.periods import period_index


class ClaimsTab:
    """Mixed into QuarterScreen (its book, data, claims table and buttons, `_act`, `tell`)."""

    def _fill_claims(self) -> None:
        t = self.claims_table
        claims = self.data["claims"]  # type: ignore[index]
        above = self.data.get("above", {})  # type: ignore[union-attr]
        t.setRowCount(len(claims))
        for r_i, c in enumerate(claims):
            by = c["rejected_by"] or c["approved_by"] or c["reviewed_by"] or c["submitted_by"]
            reason = c["reason"] + (f"（驳回：{c['reject_reason']}）" if c["reject_reason"] else "")
            step = above.get(c["id"])
            status = c["status"]
            if step is not None and step.state != APPROVED:
                status = f"{status}（{step.shown}）"  # 待表决 for a 党员大会 vote
            for c_i, value in enumerate(
                [
                    c["id"],
                    c["date"],
                    c["name"],
                    c["item_name"],
                    c["points"],
                    reason,
                    status,
                    by,
                    "；".join(c["caps"]),
                ]
            ):
                t.setItem(r_i, c_i, read_only_item(value, data=c["id"]))
            if step is not None:
                tip = step.text() + ("" if step.state == APPROVED else "；未获批准前不计分。")
                for c_i in range(t.columnCount()):
                    t.item(r_i, c_i).setToolTip(tip)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        fresh = set(self._fresh_claims)
        fresh_rows = [r for r, c in enumerate(claims) if c["id"] in fresh]
        if fresh_rows:
            t.clearSelection()
            mode = t.selectionMode()
            t.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
            for r in fresh_rows:
                t.selectRow(r)
            t.setSelectionMode(mode)
        self._update_claim_buttons()

    def selected_claims(self) -> list[dict[str, Any]]:
        """The claims of the selected rows, in table order."""
        rows = sorted({i.row() for i in self.claims_table.selectedItems()})
        claims = (self.data or {}).get("claims") or []
        return [claims[r] for r in rows if r < len(claims)]

    def _update_claim_buttons(self) -> None:
        """初评/审定/驳回 only for what the selection allows; a greyed button says why."""
        st = (self.data or {}).get("status") or {}
        if not self.data or st.get("state") == "confirmed":
            return
        chosen = self.selected_claims()
        statuses = {c["status"] for c in chosen}
        none = "先在表格中选中申报（按住 Ctrl 或 Shift 可选多条）"
        rules = (
            (
                self.review_claim_button,
                {"申报"},
                "只有“申报”状态的才能初评：所选的有已初评、审定或驳回的",
                "给所选申报初评（可多条）",
            ),
            (
                self.approve_claim_button,
                {"初评"},
                "审定要先初评：所选申报还没有初评"
                if "申报" in statuses
                else "只有已初评的申报才能审定：所选的有已审定或驳回的",
                "审定所选申报（可多条）",
            ),
            (
                self.review_approve_claim_button,
                {"申报"},
                "只有“申报”状态的才能初评并审定：所选的有已初评、审定或驳回的",
                "初评并审定所选申报（支委会上一并办理，初评人、审定人各记其名）",
            ),
            (
                self.reject_claim_button,
                {"申报", "初评"},
                "已审定或驳回的申报不能再驳回",
                "驳回所选申报",
            ),
        )
        for button, allowed, why, hint in rules:
            ok = bool(chosen) and statuses <= allowed
            button.setEnabled(ok)
            button.setToolTip(hint if ok else (why if chosen else none))

    def ask_step(self, title: str, label: str, step: str) -> tuple[str, str | None] | None:
        """(name, day) for 初评/审定: the name offered as used last time (else the 经办人); the
        day it was done, today unless the records are entered late from paper (None: today,
        the book then keeps the time too)."""
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        form = QFormLayout(dialog)
        name = QLineEdit(Q.default_step_name(self.book, step))
        form.addRow(label, name)
        day = _step_day_edit()
        form.addRow("日期（补登时改为实际日期）", day)
        add_dialog_buttons(dialog, form)
        if dialog.exec() != QDialog.DialogCode.Accepted or not name.text().strip():
            return None
        return name.text().strip(), _picked_day(day)

    def new_claim(self) -> None:
        self.ask_claims()

    def save_claim(self, values: dict[str, Any]) -> bool:
        """Record one claim (from the 新申报 dialog); False, with the reason told, if refused."""
        when = str(values["when"])
        year = int(when[:4])
        kind = self._cycle(year)
        quarter = period_index(kind, int(when[5:7]))
        where = Q.period_label(year, quarter, kind)
        shown = (year, quarter) == self.year_quarter
        added: list[int] = []
        ok = self._act(
            lambda: added.append(
                Q.add_claim(
                    self.book,
                    values["member"],
                    values["when"],
                    values["item"],
                    values["points"],
                    values["reason"],
                    evidence=values.get("evidence", ""),
                )
            )
        )
        if ok:
            # The claims just entered stay selected, ready for 初评 (one after another).
            self._fresh_claims = [*self._fresh_claims, *added] if shown else []
            n = len(self._fresh_claims)
            self.claim_note.setText(
                (f"已登记 {n} 条申报" if n > 1 else "申报已登记")
                + f"，按申报日期记在{where}"
                + (
                    "。"
                    if shown
                    else f"（不是现在显示的{UNIT[kind]}，请切换到该{UNIT[kind]}查看）。"
                )
            )
        return ok

    def new_correction(self) -> None:
        values = self.ask_correction()
        if values:
            self._act(
                lambda: Q.add_correction(
                    self.book,
                    values["member"],
                    values["item"],
                    values["points"],
                    values["reason"],
                    refers_to=values.get("refers_to", ""),
                ),
                f"更正已登记，记在今天所在的{UNIT[self.kind]}。",
            )

    def review_selected_claim(self) -> None:
        self._step_selected("初评", "初评人（党小组长）：", "reviewed", Q.review_claim)

    def approve_selected_claim(self) -> None:
        self._step_selected("审定", "审定（支委会）经办人：", "approved", Q.approve_claim)

    _steps_day: str | None = None  # the day ask_step_names was given (None: today)

    def ask_step_names(self, n: int) -> tuple[str, str] | None:
        """初评人 and 审定人 in one dialog, each offered as last time (else the 经办人)."""
        dialog = QDialog(self)
        dialog.setWindowTitle(f"初评并审定（{n} 条）")
        form = QFormLayout(dialog)
        reviewer = QLineEdit(Q.default_step_name(self.book, "reviewed"))
        approver = QLineEdit(Q.default_step_name(self.book, "approved"))
        form.addRow("初评人（党小组长）", reviewer)
        form.addRow("审定（支委会）经办人", approver)
        day = _step_day_edit()
        form.addRow("日期（补登时改为实际日期）", day)
        add_dialog_buttons(dialog, form)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        names = reviewer.text().strip(), approver.text().strip()
        self._steps_day = _picked_day(day)
        return names if all(names) else None

    def review_and_approve_selected(self) -> None:
        chosen = self.selected_claims()
        if not chosen:
            self.tell("请先在表格中选中一行。")
            return
        names = self.ask_step_names(len(chosen))
        if not names:
            return
        reviewer, approver = names
        on, self._steps_day = self._steps_day, None

        self._fresh_claims = []

        def run() -> None:
            with self.book.action("初评并审定", f"{len(chosen)} 条申报"):
                for c in chosen:
                    Q.review_claim(self.book, c["id"], reviewer, on=on)
                    Q.approve_claim(self.book, c["id"], approver, on=on)

        if self._act(run):
            self.claim_note.setText(
                f"已初评并审定 {len(chosen)} 条申报（初评人：{reviewer}，审定人：{approver}）。"
            )

    def _step_selected(self, verb: str, label: str, step: str, fn: Any) -> None:
        """Give every selected claim the same step, by one name, in one action."""
        chosen = self.selected_claims()
        if not chosen:
            self.tell("请先在表格中选中一行。")
            return
        n = len(chosen)
        answer = self.ask_step(verb if n == 1 else f"{verb}（{n} 条）", label, step)
        if not answer:
            return
        by, on = answer

        self._fresh_claims = []

        def run() -> None:
            with self.book.action(verb, f"{n} 条申报"):
                for c in chosen:
                    fn(self.book, c["id"], by, on=on)

        if self._act(run):
            self.claim_note.setText(f"已{verb} {n} 条申报（{verb}人：{by}）。")

    def reject_selected_claim(self) -> None:
        cid = self._selected(self.claims_table)
        if cid is None:
            return
        reason = self.ask_text("驳回", "驳回理由（将告知申报人）：")
        if reason is not None:
            self._act(lambda: Q.reject_claim(self.book, cid, self.book.actor, reason))


def _step_day_edit() -> QDateEdit:
    """The day a claim's step was taken: today, or an earlier day for records entered late."""
    from PySide6.QtCore import QDate

    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate.currentDate())
    return edit


def _picked_day(edit: QDateEdit) -> str | None:
    from PySide6.QtCore import QDate

    picked = edit.date()
    return None if picked == QDate.currentDate() else picked.toString("yyyy-MM-dd")
