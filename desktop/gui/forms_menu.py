"""文件 → 打印表格: the forms without a screen of their own (issue 15), printed for the book's
year through the same print preview as every screen (book.printing.print_document)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMenu, QWidget

#: Kinds offered here (blank or whole-branch forms that need no selection on a screen), with
#: their names as book.printing.KINDS has them. Spelled here because importing book.printing
#: (every paper module) while the window opens costs start-up ~0.1 s; a test keeps the two
#: the same.
MENU_KINDS = {
    "handbook": "党员积分手册",
    "activists": "入党积极分子名册",
    "plan": "年度活动计划（行事历）",
    "claim-form": "积分申报表",
    "ballot": "民主评议测评票（党员用）",
    "ballot-public": "民主评议测评票（群众代表用）",
    "tally-sheet": "民主评议计票汇总表",
    "appraisal-results": "民主评议结果登记表",
    "objection-form": "异议登记答复表",
    "veto-decision": "一票否决决定书",
    "dues-remittance": "党费上缴登记表",
}


def add_forms_menu(window: Any, parent_menu: QMenu) -> QMenu:
    """Add the 打印表格 submenu; each entry opens the print preview of its kind."""
    menu = parent_menu.addMenu("打印表格")
    for kind, name in MENU_KINDS.items():
        action = menu.addAction(f"{name}…")
        action.setObjectName(f"printForm_{kind}")
        action.triggered.connect(lambda _=False, k=kind: print_form(window, k))
    return menu


def print_form(window: QWidget, kind: str) -> Any:
    from desktop.book.printing import KINDS
    from desktop.gui.print_preview import preview_document

    book = window._book  # type: ignore[attr-defined]
    name = KINDS[kind][0]
    branch = book.branch().get("name") or "支部"
    return preview_document(
        window,
        book.path,
        kind,
        title=f"打印{name}",
        file_name=f"{branch}{name}.pdf",
        year=book.current_year,
    )
