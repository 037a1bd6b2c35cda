"""进入新年度: choose the year and its scheme, see what the old year still has open, move on."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from desktop.book import years
from desktop.book.errors import BookError
from desktop.book.store import Book
from desktop.gui.forms.ui_year_dialog import Ui_YearDialog


class YearDialog(QDialog):
    """Shows `plan_new_year` for the choices made and runs `start_new_year` on OK."""

    def __init__(
        self, book: Book, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_YearDialog()
        self.ui.setupUi(self)
        self.book = book
        self.today = today or date.today()
        self.plan: years.YearPlan | None = None
        ui = self.ui
        old = book.current_year
        latest = max(years.latest_allowed(self.today), old + 1)
        ui.introLabel.setText(
            f"账本当前是 {old} 年度。进入新年度后，各页面默认显示新年度；"
            f"{old} 年的活动、党费和季度记录都保留，仍可随时补录、公示和确认。"
            "进入前会自动备份账本。"
        )
        ui.yearSpin.setRange(old + 1, latest)
        ui.yearSpin.setValue(min(max(self.today.year, old + 1), latest))
        from desktop.rules.presets import list_presets

        ui.schemeCombo.addItem(f"沿用 {old} 年的积分方案", years.CARRY_OVER)
        for preset_id, title in list_presets():
            ui.schemeCombo.addItem(title, preset_id)
        self._ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        ui.buttonBox.accepted.connect(self.start)
        ui.buttonBox.rejected.connect(self.reject)
        ui.yearSpin.valueChanged.connect(lambda _v: self._update())
        ui.schemeCombo.currentIndexChanged.connect(lambda _i: self._update())
        self._update()

    @property
    def scheme(self) -> str:
        return self.ui.schemeCombo.currentData()

    def _update(self) -> None:
        """Preview what OK will do for the current choices; nothing is written."""
        ui = self.ui
        to_year = ui.yearSpin.value()
        self._ok.setText(f"进入 {to_year} 年度")
        try:
            plan = years.plan_new_year(self.book, to_year, scheme=self.scheme, today=self.today)
        except BookError as err:
            self.plan = None
            self._show_problem(err)
            self._ok.setEnabled(False)
            return
        self.plan = plan
        ui.problemLabel.hide()
        self._ok.setEnabled(True)
        if plan.scheme_stored and self.scheme == years.CARRY_OVER:
            note = f"已事先为 {to_year} 年选定“{plan.scheme_title}”，将继续使用。"
        elif self.scheme == years.CARRY_OVER:
            note = f"沿用：{plan.scheme_title}"
        else:
            note = f"{to_year} 年改用：{plan.scheme_title}"
        ui.schemeNote.setText(note + "（在“积分方案”页面还可以查看和调整，直到确认第一个季度。）")
        ui.unfinishedList.clear()
        if plan.unfinished:
            ui.unfinishedLabel.setText(
                f"{plan.from_year} 年还有这些事项没有办完（不影响进入新年度，之后仍可办理）："
            )
            for line in plan.unfinished:
                QListWidgetItem(line, ui.unfinishedList)
            ui.unfinishedList.show()
        else:
            ui.unfinishedLabel.setText(f"{plan.from_year} 年的各季度都已确认，没有未办完的事项。")
            ui.unfinishedList.hide()

    def _show_problem(self, err: BookError) -> None:
        more = getattr(err, "lines", None)
        lines = [str(err), *(more() if more else [])]
        self.ui.problemLabel.setText("\n".join(lines))
        self.ui.problemLabel.show()

    def start(self) -> None:
        from desktop.gui.worker import call_in_background

        path, to_year, scheme, today = (
            self.book.path,
            self.ui.yearSpin.value(),
            self.scheme,
            self.today,
        )

        def job() -> years.YearPlan:
            # Off the UI thread (it backs the book up first); a job opens its own Book.
            with Book.open(path) as own:
                return years.start_new_year(own, to_year, scheme=scheme, today=today)

        try:
            self.plan = call_in_background(self, job, "正在备份账本并进入新年度…")
        except BookError as err:
            self._show_problem(err)
            return
        self.accept()


def start_new_year_dialog(book: Book, parent: QWidget | None = None) -> years.YearPlan | None:
    """Run the dialog; the plan carried out, or None when cancelled."""
    dialog = YearDialog(book, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.plan
