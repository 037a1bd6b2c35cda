"""修改分值: the year's scheme values in forms (maxima, points, tiers, caps, lines, quotas).

The scheme file is edited as data (TOML → dict → TOML): each field writes one value back
into the dict, the whole scheme is checked by `load_scheme`, and only a scheme without
problems is stored (through `set_year_scheme`, which refuses a frozen year).
"""

from __future__ import annotations

import copy
import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.book.errors import InputRefused
from desktop.book.scoring import set_year_scheme
from desktop.gui.forms.ui_scheme_edit_dialog import Ui_SchemeEditDialog
from desktop.gui.screen_fit import fit_within_screen
from desktop.rules.scheme import PERIOD_WORDS, SchemeError, fmt_points, load_scheme

# What a field accepts: any number, not negative, above zero, or a percentage (0 < p ≤ 100).
NUMBER, NONNEGATIVE, POSITIVE, PERCENT = "number", "nonnegative", "positive", "percent"
EDITED_MARK = "（本支部修改）"
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋％", "0123456789.-+%")


@dataclass
class ValueField:
    """One editable value: where it lives in the scheme data, and its widgets."""

    path: tuple[str | int, ...]
    label: str
    kind: str
    optional: bool
    edit: QLineEdit
    error: QLabel

    def parse(self) -> tuple[Decimal | None, str]:
        """(value, "") or (None, Chinese problem). An empty optional field is (None, "")."""
        text = self.edit.text().strip().translate(_FULL_WIDTH).rstrip("%").strip()
        if not text:
            return None, "" if self.optional else "请填写"
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None, "应为数字，例如 2、-0.5"
        if not value.is_finite():
            return None, "应为数字，例如 2、-0.5"
        if self.kind == NONNEGATIVE and value < 0:
            return None, "不能小于 0"
        if self.kind == POSITIVE and value <= 0:
            return None, "应大于 0（不设上限请留空）" if self.optional else "应大于 0"
        if self.kind == PERCENT and not 0 < value <= 100:
            return None, "应在 0 到 100 之间（不限人数请留空）"
        return value, ""


def _number_text(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int | Decimal):
        return fmt_points(Decimal(value))
    return str(value)


def _toml_number(value: Decimal) -> int | Decimal:
    """2 → 2, 0.50 → 0.5: integers stay integers in the file."""
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


def _get(data: Any, path: tuple[str | int, ...]) -> Any:
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    last = path[-1]
    if value is None:
        if isinstance(data, dict):
            data.pop(last, None)
    else:
        data[last] = value


def _tier_span(tier: dict[str, Any]) -> str:
    start, end = tier.get("from"), tier.get("to")
    if end is None:
        return f"第{start}次起"
    if start == end:
        return f"第{start}次"
    return f"第{start}–{end}次"


class SchemeEditDialog(QDialog):
    """`SchemeEditDialog(book, year, text)`; accepted once the edited scheme is stored."""

    def __init__(self, book: Any, year: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SchemeEditDialog()
        self.ui.setupUi(self)
        fit_within_screen(self)  # no taller or wider than the screen's free area
        self.book = book
        self.year = year
        self.data: dict[str, Any] = tomllib.loads(text, parse_float=Decimal)
        self.fields: list[ValueField] = []
        title = _get(self.data, ("scheme", "title")) or ""
        self.ui.titleLabel.setText(f"{year} 年积分方案：{title}")
        self.setWindowTitle(f"修改分值 — {year} 年")
        box = self.ui.buttonBox
        box.button(QDialogButtonBox.StandardButton.Save).setText("检查并保存")
        box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        self._show_problems("", [])
        self._build()
        self.saved_text = ""

    # -- the form ---------------------------------------------------------------------------

    def _group(self, title: str) -> QGridLayout:
        heading = QLabel(title, self.ui.formHost)
        heading.setProperty("role", "section")
        heading.setWordWrap(True)
        self.ui.formLayout.addWidget(heading)
        group = QGroupBox(self.ui.formHost)
        grid = QGridLayout(group)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnMinimumWidth(0, 250)
        grid.setColumnStretch(3, 1)
        self.ui.formLayout.addWidget(group)
        return grid

    def _heading(self, grid: QGridLayout, text: str) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        grid.addWidget(label, grid.rowCount(), 0, 1, 4)

    def _field(
        self,
        grid: QGridLayout,
        path: tuple[str | int, ...],
        label: str,
        kind: str = NUMBER,
        *,
        unit: str = "分",
        optional: bool = False,
        scale: Decimal = Decimal(1),
    ) -> ValueField:
        row = grid.rowCount()
        caption = QLabel(label)
        caption.setWordWrap(True)
        caption.setContentsMargins(18, 0, 0, 0)
        edit = QLineEdit()
        edit.setFixedWidth(110)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value = _get(self.data, path)
        if value is not None and scale != 1:
            value = Decimal(value) * scale
        edit.setText(_number_text(value))
        edit.setPlaceholderText("不设" if optional else "")
        edit.setAccessibleName(label)
        caption.setBuddy(edit)
        unit_label = QLabel(unit)
        unit_label.setProperty("role", "hint")
        error = QLabel()
        error.setProperty("role", "error")
        error.setWordWrap(True)
        grid.addWidget(caption, row, 0)
        grid.addWidget(edit, row, 1)
        grid.addWidget(unit_label, row, 2)
        grid.addWidget(error, row, 3)
        field = ValueField(path, label, kind, optional, edit, error)
        edit.textEdited.connect(lambda _text, f=field: f.error.clear())
        self.fields.append(field)
        return field

    def _build(self) -> None:
        data = self.data
        grid = self._group("总分")
        self._field(grid, ("scheme", "total"), "满分（各部分满分之和）", POSITIVE)

        for i, section in enumerate(data.get("sections") or []):
            name = section.get("name", f"第{i + 1}部分")
            period = PERIOD_WORDS.get(section.get("period", ""), "")
            grid = self._group(name)
            if section.get("mode") != "adjust":
                self._field(grid, ("sections", i, "max"), "本部分满分", NONNEGATIVE)
            for j, item in enumerate(section.get("items") or []):
                base: tuple[str | int, ...] = ("sections", i, "items", j)
                self._heading(grid, item.get("name", f"第{j + 1}项"))
                per = PERIOD_WORDS.get(item.get("per", section.get("period", "year")), period)
                each = "每月" if item.get("source") == "dues" else "每次"
                if "points" in item:
                    self._field(grid, (*base, "points"), f"{each}分值（扣分写负数）")
                for k, tier in enumerate(item.get("tiers") or []):
                    self._field(
                        grid, (*base, "tiers", k, "points"), f"{_tier_span(tier)}{each}分值"
                    )
                if "range" in item:
                    self._field(grid, (*base, "range", 0), "申报分值下限")
                    self._field(grid, (*base, "range", 1), "申报分值上限")
                for grade in item.get("grades") or {}:
                    self._field(grid, (*base, "grades", grade), f"评为“{grade}”得分")
                self._field(
                    grid, (*base, "cap"), f"每{per or '年'}最多计分", POSITIVE, optional=True
                )
            for k, pool in enumerate(section.get("pools") or []):
                self._heading(grid, f"封顶组：{pool.get('name', '')}")
                pper = PERIOD_WORDS.get(pool.get("per", section.get("period", "year")), "年")
                self._field(grid, ("sections", i, "pools", k, "cap"), f"合计每{pper}最多", POSITIVE)

        rating = data.get("rating")
        if isinstance(rating, dict):
            grid = self._group("评星定级：分数线和名额")
            for k, level in enumerate(rating.get("levels") or []):
                self._heading(grid, _level_label(level))
                self._field(grid, ("rating", "levels", k, "min"), "分数线（达到即可评）")
                self._field(
                    grid,
                    ("rating", "levels", k, "quota"),
                    "名额比例（占参评人数）",
                    PERCENT,
                    unit="%",
                    optional=True,
                    scale=Decimal(100),
                )
            for k, elig in enumerate(rating.get("eligibility") or []):
                sections = "、".join(elig.get("sections") or [])
                self._heading(grid, f"资格条件：{sections}")
                self._field(grid, ("rating", "eligibility", k, "below"), "合计低于此分时受限")

        followups = data.get("followups") or []
        if any(
            f.get("when") in ("total", "section", "top_share", "bottom_share") for f in followups
        ):
            grid = self._group("结果运用")
            for k, f in enumerate(followups):
                when = f.get("when")
                if when in ("total", "section"):
                    self._field(grid, ("followups", k, "value"), f"“{f.get('name', '')}”的分数线")
                elif when in ("top_share", "bottom_share"):
                    where = "前" if when == "top_share" else "后"
                    self._field(
                        grid,
                        ("followups", k, "share"),
                        f"“{f.get('name', '')}”：排名{where}",
                        PERCENT,
                        unit="%",
                        scale=Decimal(100),
                    )
        self.ui.formLayout.addStretch(1)

    # -- checking and saving -------------------------------------------------------------

    def field(self, path: tuple[str | int, ...]) -> ValueField:
        for f in self.fields:
            if f.path == path:
                return f
        raise KeyError(path)

    def _show_problems(self, message: str, problems: list[str]) -> None:
        self.ui.problemsLabel.setText(message)
        self.ui.problemsLabel.setVisible(bool(message))
        self.ui.problemList.clear()
        self.ui.problemList.addItems(problems)
        self.ui.problemList.setVisible(bool(problems))

    def edited_text(self) -> str | None:
        """The scheme file with the form's values; "" when nothing changed; None when a field
        is wrong (the errors are shown next to the fields)."""
        data = copy.deepcopy(self.data)
        wrong = 0
        for f in self.fields:
            value, problem = f.parse()
            f.error.setText(problem)
            if problem:
                wrong += 1
                continue
            if value is not None and f.kind == PERCENT:
                value = value / 100
            _set(data, f.path, None if value is None else _toml_number(value))
        if wrong:
            first = next(f for f in self.fields if f.error.text())
            self.ui.scrollArea.ensureWidgetVisible(first.edit)
            first.edit.setFocus()
            self._show_problems(f"有 {wrong} 处填写不对（见红字），没有保存。", [])
            return None
        import tomli_w

        if data == self.data:
            return ""  # nothing changed
        title = _get(data, ("scheme", "title"))
        if isinstance(title, str) and not title.endswith(EDITED_MARK):
            # A preset with changed values is no longer that preset: say so wherever it shows.
            data["scheme"]["title"] = title = title + EDITED_MARK
        head = (
            f"# {title}\n"
            f"# 在“先锋指数”中修改分值后保存（{date.today().isoformat()}）；"
            "原文件中的注释没有保留。\n\n"
        )
        return head + tomli_w.dumps(data)

    def save(self) -> None:
        text = self.edited_text()
        if text is None:
            return
        if not text:
            self.accept()
            return
        try:
            load_scheme(text)
        except SchemeError as exc:
            self._show_problems(
                f"检查发现 {len(exc.problems)} 处问题，没有保存。请按提示改正：", exc.problems
            )
            return
        try:
            set_year_scheme(self.book, self.year, text=text)
        except InputRefused as exc:
            self._show_problems(exc.message, exc.lines())
            return
        self.saved_text = text
        self.accept()


def _level_label(level: dict[str, Any]) -> str:
    words = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五"}
    parts = []
    if isinstance(level.get("stars"), int):
        parts.append(f"{words.get(level['stars'], level['stars'])}星级")
    if level.get("grade"):
        parts.append(str(level["grade"]))
    return "、".join(parts) or "评定档次"
