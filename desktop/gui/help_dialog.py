"""帮助 → 使用说明 (F1): the user guide shipped as resources/help/guide.md, shown in Qt."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.screen_fit import resize_within_screen
from desktop.resources import resource_path

GUIDE = ("help", "guide.md")


def guide_text() -> str:
    return resource_path(*GUIDE).read_text(encoding="utf-8")


class HelpDialog(QDialog):
    """Non-modal, so the guide can stay open beside the screen it explains."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("先锋指数 使用说明")
        resize_within_screen(self, 820, 760)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("查找说明中的文字，回车查找下一处")
        self.find_edit.setClearButtonEnabled(True)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(guide_text())
        self.browser.document().setDocumentMargin(18)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("关闭")
        # Enter in the find box finds the next match; as the dialog's default button 关闭
        # took the same Enter and closed the guide.
        close.setAutoDefault(False)
        close.setDefault(False)
        buttons.rejected.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(self.find_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.find_edit.returnPressed.connect(self.find_next)
        QShortcut(QKeySequence.StandardKey.Find, self, self.find_edit.setFocus)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_next(self) -> bool:
        """Find the typed text after the cursor, wrapping round once."""
        text = self.find_edit.text().strip()
        if not text:
            return False
        if self.browser.find(text):
            return True
        cursor = self.browser.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        return self.browser.find(text)
