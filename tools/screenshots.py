"""Save a PNG of every screen and dialog of the window, to look at them.

    xvfb-run -a -s "-screen 0 1366x768x24" python tools/screenshots.py [OUT_DIR]
    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1.25 SHOT_WINDOW=1093x560 python tools/screenshots.py

Uses a scratch data folder (PIONEER_HOME) and the demo branch, so the user's books are untouched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="pioneer-shots-"))
    os.environ["PIONEER_HOME"] = str(home)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.book.backup import backup_book, verify_file
    from desktop.book.errors import DamagedBookError
    from desktop.book.store import Book
    from desktop.gui.app import create_application
    from desktop.gui.backup_screen import RestorePreviewDialog
    from desktop.gui.main_window import MainWindow
    from desktop.gui.opening import OpenFailedDialog
    from desktop.gui.wizard import BookWizard

    app = create_application()

    def settle(timeout: float = 120.0) -> bool:
        """Let background loads report first: 季度评议 and 年度评定 compute off the UI thread
        when shown, and a grab taken before they finish shows empty tables."""
        from desktop.gui.worker import jobs_running

        deadline = time.monotonic() + timeout
        while jobs_running() and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.01)
        return jobs_running() == 0

    def shot(widget: QWidget, name: str) -> None:
        if not settle():
            print(f"{name}: still loading after 120 s; the picture may be incomplete")
        for _ in range(5):
            app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    book_path = home / "demo.db"
    try:
        from desktop.book.demo import create_demo

        book = create_demo(book_path)
    except Exception as exc:  # the demo module may not be finished yet
        print(f"demo branch not available ({exc}); using an empty book")
        book = Book.create(home / "empty.db", branch="中共红旗村支部委员会", year=2026)
    backup_book(book, reason="关闭时")
    backup_book(book, reason="手动")

    window = MainWindow(book)
    # The window's size in device-independent pixels: 1366×768 at 125% scaling is
    # SHOT_WINDOW=1093x560 with QT_SCALE_FACTOR=1.25 (taskbar and title bar taken off).
    width, height = (int(n) for n in os.environ.get("SHOT_WINDOW", "1366x740").split("x"))
    window.resize(width, height)
    window.show()
    for index, (title, _widget) in enumerate(window.screens()):
        window.show_screen(index)
        shot(window, f"main-{index + 1}-{title}")

    wizard = BookWizard(home / "新账本.db")
    wizard.show()
    shot(wizard, "wizard-1-intro")
    wizard.next()
    wizard.branch.ui.branchNameEdit.setText("中共红旗村支部委员会")
    wizard.branch.ui.parentOrgEdit.setText("中共青山镇委员会")
    shot(wizard, "wizard-2-branch")
    wizard.next()
    shot(wizard, "wizard-3-scheme")
    wizard.next()
    shot(wizard, "wizard-4-location")
    wizard.hide()  # reject() on a first-run wizard asks whether to quit (a modal box)

    damaged = home / "坏账本.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    dialog = OpenFailedDialog(
        DamagedBookError(
            f"账本 {damaged.name} 已损坏：文件被截断。", "请打开另一个账本，或从备份恢复。"
        ),
        damaged,
        window,
    )
    dialog.show()
    shot(dialog, "dialog-open-failed")
    dialog.reject()

    from desktop.book.backup import list_backups

    preview = RestorePreviewDialog(verify_file(list_backups()[0]), window)
    preview.show()
    shot(preview, "dialog-restore-preview")
    preview.reject()

    from desktop.gui.branch_dialog import BranchDialog

    branch = BranchDialog(window.book, window)
    branch.show()
    shot(branch, "dialog-branch-info")
    branch.reject()

    from desktop.gui.error_handler import crash_box, log_path

    box = crash_box(
        window, log_path(), "Traceback (most recent call last):\n  ...\nRuntimeError: 示例"
    )
    box.show()
    shot(box, "dialog-unexpected-error")
    box.reject()

    from desktop.gui.worker import BackgroundJob

    job = BackgroundJob(window, lambda: None, None, None, "正在备份账本，请稍候…")
    job._show_progress()
    shot(job._progress, "dialog-progress")
    job._finish()

    from desktop.gui.scheme_edit import SchemeEditDialog
    from desktop.gui.scheme_screen import PresetDialog
    from desktop.gui.score_detail import ScoreDetail

    presets = PresetDialog("dangyuan-ejia", window)
    presets.show()
    shot(presets, "dialog-scheme-preset")
    presets.reject()
    edit = SchemeEditDialog(
        window.book, window.book.current_year, window.scheme_screen.text, window
    )
    edit.show()
    shot(edit, "dialog-scheme-edit")
    edit.reject()
    code = window.book.roster.members()[3]["code"]
    detail = ScoreDetail(window.book, code, window.book.current_year, parent=window)
    detail.show()
    while detail.busy():
        app.processEvents()
    shot(detail, "dialog-score-detail")
    detail.reject()

    from desktop.gui.handover_dialog import HandoverDialog

    handover = HandoverDialog(window.book, window)
    handover.show()
    shot(handover, "dialog-handover")
    handover.reject()

    from PySide6.QtCore import QDate

    from desktop.book.points_start import points_start
    from desktop.gui.activity_dialog import ActivityDialog

    activity = ActivityDialog(window.book, parent=window)
    activity.show()
    start = points_start(window.book)
    if start:  # a date before the points start: the dialog says it won't count
        activity.ui.dateEdit.setDate(QDate(int(start[:4]), int(start[5:7]), 1).addDays(-20))
    shot(activity, "dialog-activity")
    activity.reject()

    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
