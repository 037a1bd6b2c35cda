"""Small helpers for entry fields and dialogs shared by the screens (no rules, no SQL).

Dates are typed as text so a field can be left empty; common ways of writing a date are
tidied into ISO form before the book checks them ("2020.7.1" → "2020-07-01").
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)

_INVALID_STYLE = (
    "QLineEdit, QComboBox { border: 1px solid #b3261e; border-radius: 3px; padding: 3px; }"
)


def tidy_date(text: str) -> str:
    """ISO form of a typed date when it is recognisably one; otherwise the text, trimmed."""
    text = (text or "").strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return f"{year:04d}-{month:02d}-{day:02d}"
    return text


def set_combo_text(combo: QComboBox, text: str) -> None:
    """Select `text` in a combo (editable combos take any text; others add it if missing)."""
    text = text or ""
    if not text and not combo.isEditable():
        return  # keep the form's default choice
    index = combo.findText(text)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText(text)
    else:
        combo.addItem(text)
        combo.setCurrentIndex(combo.count() - 1)


def show_error(label: QLabel, message: str | None, width: int | None = None) -> None:
    """Show a red message under a field, or hide the label when there is none.

    `width` is the width the message may take (the field's); a long message then wraps and
    the label asks for the height it needs, so the dialog grows instead of clipping it.
    """
    label.setText(message or "")
    label.setVisible(bool(message))
    if message and width and label.wordWrap():
        rect = label.fontMetrics().boundingRect(
            QRect(0, 0, max(width, 80), 10_000), int(Qt.TextFlag.TextWordWrap), message
        )
        label.setMinimumHeight(rect.height() + 2)
    else:
        label.setMinimumHeight(0)


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """A red frame around a field that has a problem (kept subtle for an office screen)."""
    if isinstance(widget, QLineEdit | QComboBox):
        widget.setProperty("invalid", invalid)
        widget.setStyleSheet(_INVALID_STYLE if invalid else "")


def add_dialog_buttons(
    dialog: QDialog, form: QFormLayout, ok_text: str | None = None
) -> QPushButton:
    """OK and 取消 at the foot of `form` (OK named `ok_text` when given); returns OK."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok_text:
        ok.setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    return ok


def year_date_edit(year: int, today: QDate | None = None) -> QDateEdit:
    """A date field for a record of `year`: dated inside it and not after today; it starts on
    today, or on 31 December when the year is over."""
    today = today or QDate.currentDate()
    first, last = QDate(year, 1, 1), QDate(year, 12, 31)
    edit = QDateEdit(today if today.year() == year else last)
    edit.setDateRange(first, max(first, min(last, today)))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit
