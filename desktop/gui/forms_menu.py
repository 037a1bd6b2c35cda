"""文件 → 打印表格: the forms without a screen of their own (issue 15), printed for the book's
year through the same print preview as every screen (book.printing.print_document)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMenu, QWidget

#: Kinds offered here: blank or whole-branch forms that need no selection on a screen.
MENU_KINDS = (
    "handbook",
    "activists",
    "plan",
    "claim-form",
    "ballot",
    "ballot-public",
    "tally-sheet",
    "appraisal-results",
    "objection-form",
    "veto-decision",
    "dues-remittance",
)


def add_forms_menu(window: Any, parent_menu: QMenu) -> QMenu:
    """Add the 打印表格 submenu; each entry opens the print preview of its kind."""
    from desktop.book.printing import KINDS

    menu = parent_menu.addMenu("打印表格")
    for kind in MENU_KINDS:
        name = KINDS[kind][0]
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
