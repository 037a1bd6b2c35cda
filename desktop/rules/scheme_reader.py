"""Reading scheme data with every problem collected (never stopping at the first), each a
Chinese line saying where and what: the typed getters the scheme's readers share.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def options_text(options: Mapping[str, str] | Sequence[str]) -> str:
    if isinstance(options, Mapping):
        return "、".join(f"{k}（{v}）" for k, v in options.items())
    return "、".join(options)


class Reader:
    """Collects every problem instead of stopping at the first one."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def keys(self, data: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
        for key in data:
            if key not in allowed:
                self.add(where, f"未知的键「{key}」，可用的键：{'、'.join(allowed)}")

    def table(self, data: Mapping[str, Any], key: str, where: str) -> dict[str, Any] | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.add(where, f"「{key}」应为一个表（[{key}]）")
            return None
        return value

    def tables(self, data: Mapping[str, Any], key: str, where: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add(where, f"「{key}」应为表的数组（[[{key}]]）")
            return []
        return value

    def text(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        required: bool = False,
        default: str = "",
    ) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.add(where, f"缺少「{key}」")
            return default
        if not isinstance(value, str):
            self.add(where, f"「{key}」应为文字（用英文双引号括起来）")
            return default
        if required and not value.strip():
            self.add(where, f"「{key}」不能为空")
        return value.strip()

    def number(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        required: bool = False,
        default: Decimal | None = None,
        positive: bool = False,
        nonnegative: bool = False,
    ) -> Decimal | None:
        value = data.get(key)
        if value is None:
            if required:
                self.add(where, f"缺少「{key}」")
            return default
        number = to_decimal(value)
        if number is None:
            self.add(where, f"「{key}」应为数字，而不是「{value}」")
            return default
        if positive and number <= 0:
            self.add(where, f"「{key}」应大于0，而不是{fmt(number)}")
            return default
        if nonnegative and number < 0:
            self.add(where, f"「{key}」不能小于0，而不是{fmt(number)}")
            return default
        return number

    def integer(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        default: int | None = None,
        low: int | None = None,
        high: int | None = None,
        required: bool = False,
    ) -> int | None:
        value = data.get(key)
        if value is None:
            if required:
                self.add(where, f"缺少「{key}」")
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(where, f"「{key}」应为整数，而不是「{value}」")
            return default
        if (low is not None and value < low) or (high is not None and value > high):
            span = f"{low}至{high}" if high is not None else f"不小于{low}"
            self.add(where, f"「{key}」应为{span}的整数，而不是{value}")
            return default
        return value

    def boolean(self, data: Mapping[str, Any], key: str, where: str, default: bool) -> bool:
        value = data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.add(where, f"「{key}」应为 true 或 false")
            return default
        return value

    def choice(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        options: Mapping[str, str] | Sequence[str],
        default: str | None,
        what: str = "取值",
    ) -> str | None:
        value = data.get(key)
        if value is None:
            if default is None:
                self.add(where, f"缺少「{key}」，可选：{options_text(options)}")
            return default
        if value not in options:
            self.add(where, f"「{key}」为未知的{what}「{value}」，可选：{options_text(options)}")
            return default
        return value

    def text_list(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        options: Sequence[str] | Mapping[str, str] | None = None,
        what: str = "取值",
        required: bool = False,
    ) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            if required:
                self.add(where, f"缺少「{key}」")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(where, f'「{key}」应为文字列表，例如 ["甲", "乙"]')
            return ()
        if required and not value:
            self.add(where, f"「{key}」不能为空")
        if options is not None:
            for v in value:
                if v not in options:
                    self.add(where, f"未知的{what}「{v}」，可选：{options_text(options)}")
        return tuple(value)


def to_decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # A dict read without parse_float=Decimal (e.g. by a form): repr is the shortest
        # text that reads back as the same float, so 0.1 becomes exactly Decimal("0.1").
        return Decimal(repr(value)) if value == value and abs(value) != float("inf") else None
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except ArithmeticError:
            return None
    return None


def fmt(value: Decimal) -> str:
    """A Decimal as people write it: 2, 0.5, -1.25 (no trailing zeros)."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def pct(share: Decimal) -> str:
    return f"{fmt(share * 100)}%"
