"""Errors the book raises. Each carries a Chinese message that says what happened and what to do."""

from __future__ import annotations


class BookError(Exception):
    """Base class: `str(err)` is a Chinese sentence fit to show a person."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}{self.hint}" if self.hint else self.message


class NotABookError(BookError):
    """The file is not a Pioneer Index book (not SQLite, or someone else's SQLite file)."""


class DamagedBookError(BookError):
    """The file is ours but SQLite reports damage."""


class NewerBookError(BookError):
    """The file was written by a newer version of the program."""


class BookMissingError(BookError):
    """No file at the given path."""


class InputRefused(BookError):
    """An action's input was refused; nothing was written.

    `problems` maps a field key (or a location text) to a Chinese message.
    """

    def __init__(self, message: str, problems: dict[str, str] | list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or {}

    def lines(self) -> list[str]:
        if isinstance(self.problems, dict):
            return list(self.problems.values())
        return list(self.problems)


class MissingOption(InputRefused):
    """An operation was asked without something it needs (which activity, which quarter),
    as opposed to data the book refuses: the command line reports it as a usage error
    (exit 2) with the subcommand's help; elsewhere it is shown like any refusal."""

    def __init__(self, message: str, problems: list[str] | None = None, *, option: str) -> None:
        super().__init__(message, problems)
        self.option = option


class BackupFailed(BookError):
    """A backup could not be written (full, read-only or pulled-out stick); nothing was left."""


class BookBusyError(BookError):
    """Another program held the book's write lock for longer than the busy timeout."""


class ReadOnlyBookError(BookError):
    """The book was opened read-only (asked for, or its file or folder can't be written)."""


class BookReplacedError(BookError):
    """The book's file was replaced under an open Book (a restore by another program)."""


class RecordLocked(BookError):
    """The record belongs to a confirmed period and can no longer change."""


class AlteredBookError(BookError):
    """The hash chain of confirmed quarters is broken: a confirmed result was changed."""

    def __init__(self, message: str, hint: str = "", *, period: str = "") -> None:
        super().__init__(message, hint)
        self.period = period
