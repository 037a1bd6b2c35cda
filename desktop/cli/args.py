"""argparse in Chinese: help, usage and usage errors (exit status 2), for `pioneer`.

argparse routes every text a person sees through its module-level gettext hooks
(`argparse._`, `argparse.ngettext`). The parser below swaps in a Chinese table for exactly as
long as one of its own methods runs, so argparse's English never reaches the user and nothing
outside the command line is affected. The CLI runs on one thread, so the swap is safe.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

EXIT_USAGE = 2


class UsageError(Exception):
    """The command line itself is wrong (a required option missing, a value not among the
    choices): `cli.main` prints it with the subcommand's `-h` hint and exits 2. Data the book
    refuses is an `InputRefused` (exit 1) instead."""

    def __init__(
        self, message: str, details: list[str] | None = None, *, command: str | None = None
    ) -> None:
        super().__init__(message)
        self.details = details or []
        self.command = command


# argparse's own message ids (Python 3.11) → Chinese. An id missing here stays English, which a
# test catches for the messages a person can meet.
ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "subcommands": "子命令",
    "show this help message and exit": "显示本帮助后退出",
    "show program's version number and exit": "显示程序版本后退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "“%(value)s”不是可选的值（可选：%(choices)s）",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有子命令“%(parser_name)s”（可用：%(choices)s）",
    "invalid %(type)s value: %(value)r": "“%(value)s”不是有效的%(type)s",
    "the following arguments are required: %s": "缺少必填参数：%s",
    "unrecognized arguments: %s": "不认识的参数：%s",
    "expected one argument": "后面需要填一个值",
    "expected at most one argument": "后面最多填一个值",
    "expected at least one argument": "后面至少填一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的值 %r",
    "one of the arguments %s is required": "参数 %s 中必须填一个",
    "unexpected option string: %s": "意外的选项：%s",
    "can't open '%(filename)s': %(error)s": "打不开文件“%(filename)s”：%(error)s",
}
ZH_PLURAL: dict[str, str] = {"expected %s argument": "后面需要填 %s 个值"}

# Type names argparse puts into "invalid %(type)s value".
TYPE_NAMES = {"int": "整数", "float": "数字"}


def _gettext(message: str) -> str:
    return ZH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return ZH_PLURAL.get(singular, singular if n == 1 else plural)


@contextmanager
def chinese() -> Iterator[None]:
    """argparse speaks Chinese inside this block (nested blocks are fine)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _in_chinese(method: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        with chinese():
            return method(*args, **kwargs)

    wrapped.__name__ = method.__name__
    wrapped.__doc__ = method.__doc__
    return wrapped


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# A wrapping unit: a run of Latin text (an option, a kind such as attendance-summary) is never
# split; Chinese may break between characters, but never before a closing mark or after an
# opening one.
_UNITS = re.compile(r"[（「“]*(?:[A-Za-z0-9_\-./\[\]{}|=<>:'\"]+|\s+|.)[，。、；：）」”]*")


def wrap_cjk(text: str, width: int) -> list[str]:
    """Wrap mixed Chinese/Latin text to `width` display columns (a Chinese character is two)."""
    lines: list[str] = []
    current = ""
    for unit in _UNITS.findall(" ".join(text.split())):
        if current and _width(current + unit.rstrip()) > width:
            lines.append(current.rstrip())
            current = unit.lstrip()
        else:
            current += unit
    if current.strip():
        lines.append(current.rstrip())
    return lines


class ChineseHelpFormatter(argparse.HelpFormatter):
    """Wraps by display width (argparse counts a Chinese character as one column) and puts a
    Chinese colon after section headings."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_cjk(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_cjk(text, width - len(indent)))

    def format_help(self) -> str:
        return re.sub(r"(?m)^(\S[^\n:：]*):$", r"\1：", super().format_help())


class ChineseParser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage and errors are Chinese; usage errors exit with 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        with chinese():
            super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        # argparse's version action carries an English default help that gettext never sees.
        if kwargs.get("action") == "version":
            kwargs.setdefault("help", ZH["show program's version number and exit"])
        return super().add_argument(*args, **kwargs)

    add_subparsers = _in_chinese(argparse.ArgumentParser.add_subparsers)

    def parse_args(self, args: Any = None, namespace: Any = None) -> argparse.Namespace:  # type: ignore[override]
        # argparse reports arguments no parser took from the top-level parser, whose hint
        # would be `pioneer -h`; the subcommand they were given to is the one to point at.
        with chinese():
            parsed, extras = self.parse_known_args(args, namespace)
            if extras:
                message = ZH["unrecognized arguments: %s"] % " ".join(extras)
                self._chosen_subparser(parsed).error(message)
        return parsed

    def _chosen_subparser(self, parsed: argparse.Namespace) -> argparse.ArgumentParser:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                chosen = action.choices.get(getattr(parsed, action.dest or "", None) or "")
                if isinstance(chosen, ChineseParser):
                    return chosen._chosen_subparser(parsed)
        return self

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:  # type: ignore[override]
        # A subcommand's options may stand between its items (`appraisal add --year 2025
        # 001=合格`): plain argparse stops filling a nargs="*" positional at the first option
        # and calls the rest unrecognised. Intermixed parsing reads options first, then the
        # items, wherever they stand. The top-level parser (it has subcommands, which
        # intermixed parsing cannot handle) parses as before.
        with chinese():
            if self._mixing or any(
                isinstance(a, argparse._SubParsersAction) for a in self._actions
            ):
                return argparse.ArgumentParser.parse_known_args(self, args, namespace)
            self._mixing = True
            # argparse keeps the usage for its messages by cutting len("usage: ") off the
            # formatted one, which cuts into the Chinese 「用法：pioneer …」: give it whole.
            saved = self.usage
            if saved is None:
                self.usage = self.format_usage().split("：", 1)[-1].rstrip("\n")
            try:
                return argparse.ArgumentParser.parse_known_intermixed_args(self, args, namespace)
            except TypeError:  # a parser intermixed parsing cannot handle (REMAINDER …)
                return argparse.ArgumentParser.parse_known_args(self, args, namespace)
            finally:
                self.usage = saved
                self._mixing = False

    _mixing = False
    format_usage = _in_chinese(argparse.ArgumentParser.format_usage)
    format_help = _in_chinese(argparse.ArgumentParser.format_help)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # argparse lists choices as Python reprs on one line; a person needs Chinese quotes,
        # and for a mistyped subcommand the list one a line with what each does.
        if action.choices is None or value in action.choices:
            return
        if isinstance(action, argparse._SubParsersAction):
            lines = [f"没有“{value}”这个子命令。", "可用的子命令："]
            names = [choice.dest for choice in action._choices_actions]
            pad = max((_width(name) for name in names), default=0) + 2
            for choice in action._choices_actions:
                name = choice.dest
                lines.append(f"  {name}{' ' * (pad - _width(name))}{choice.help or ''}".rstrip())
            raise argparse.ArgumentError(None, "\n".join(lines))
        choices = "、".join(f"“{choice}”" for choice in action.choices)
        raise argparse.ArgumentError(action, f"“{value}”不是可选的值（可选：{choices}）")

    def error(self, message: str) -> NoReturn:
        for name, zh in TYPE_NAMES.items():
            message = message.replace(f"有效的{name}", f"有效的{zh}")
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"用法错误：{message}\n请运行 {self.prog} -h 查看用法。\n")


# Arguments that name files or folders: bytes that are not UTF-8 (a file name from an old
# Linux disk) are kept as Python keeps them (surrogateescape), which the file system takes back.
PATH_DESTS = frozenset({"db", "file", "out", "to", "target", "dirs", "problems_to"})


def refuse_undecodable(args: Any) -> None:
    """A text argument (a topic, a member's name) with bytes that are not UTF-8 can't be stored
    or printed: refuse it as a usage error naming the argument, instead of a traceback."""
    for dest, value in vars(args).items():
        if dest in PATH_DESTS or dest == "func":
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and any("\udc80" <= ch <= "\udcff" for ch in item):
                shown = item.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                option = "--" + dest.replace("_", "-")
                raise UsageError(
                    f"参数 {option} 的值“{shown}”含有不是 UTF-8 编码的字节，无法识别。",
                    ["请用 UTF-8 编码输入中文（终端设为 UTF-8，或在脚本中用 UTF-8 保存）。"],
                )
