"""One global error handler: every unexpected error is logged and shown in Chinese.

`install()` hooks `sys.excepthook` (which PySide6 also calls for exceptions raised in slots)
and `threading.excepthook`. A `BookError` is not a crash: its text is already a Chinese
sentence saying what happened and what to do, so it is shown as a normal warning.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from desktop.book.errors import BookError, InputRefused

log = logging.getLogger("desktop")

LOG_FILENAME = "pioneer.log"
_state: dict[str, object] = {"log_path": None, "bridge": None, "showing": False}


def setup_logging() -> Path:
    """Log to a rotating file in the user log folder; return the file's path."""
    from desktop.book.paths import log_dir

    path = log_dir() / LOG_FILENAME
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_pioneer", False)]:
        if Path(handler.baseFilename) == path:  # type: ignore[attr-defined]
            break
        root.removeHandler(handler)  # PIONEER_HOME changed (tests): follow it
        handler.close()
    else:
        handler = LogFile(path)
        handler._pioneer = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)
        for early in [h for h in root.handlers if isinstance(h, _EarlyRecords)]:
            root.removeHandler(early)
            for record in early.records:
                handler.handle(record)
    _state["log_path"] = path
    return path


class LogFile(logging.FileHandler):
    """The log file, kept to about `max_bytes` with `backups` older files (pioneer.log.1 …).

    What logging.handlers.RotatingFileHandler does, without importing logging.handlers
    (socket, pickle …: about 10 ms of every start-up).
    """

    max_bytes = 1_000_000
    backups = 5

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self.rollover()
        except OSError:  # e.g. another program holds an old file open: keep writing here
            pass
        super().emit(record)

    def rollover(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # reopened (empty) by the next emit
        base = self.baseFilename
        for n in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if os.path.exists(base):
            os.replace(base, f"{base}.1")


def log_path() -> Path:
    """The log file (set up on first use; follows PIONEER_HOME)."""
    return setup_logging()


def show_book_error(parent: QWidget | None, err: BookError, title: str = "无法完成") -> None:
    """Show a refused action or an unusable file as a plain Chinese warning."""
    text = str(err)
    if isinstance(err, InputRefused) and err.lines():
        text += "\n\n" + "\n".join(f"• {line}" for line in err.lines())
    QtWidgets.QMessageBox.warning(parent, title, text)


def crash_message(path: Path) -> str:
    return (
        "程序遇到意外错误，刚才的操作没有完成。\n\n"
        f"错误详情已记录到日志：\n{path}\n\n"
        "您的数据已保存到上一次操作为止，不会丢失。"
        "如果问题反复出现，请把这个日志文件交给技术人员。"
    )


def _active_parent() -> QWidget | None:
    app = QApplication.instance()
    if app is None:
        return None
    return QApplication.activeWindow()


def report_exception(
    exc: BaseException,
    tb: TracebackType | None = None,
    parent: QWidget | None = None,
) -> None:
    """Log an exception and tell the user. Safe to call from the UI thread only."""
    tb = tb or exc.__traceback__
    if isinstance(exc, BookError):
        log.info("refused: %s", exc)
        if QApplication.instance() is not None:
            show_book_error(parent or _active_parent(), exc)
        return
    text = "".join(traceback.format_exception(type(exc), exc, tb))
    path = log_path()
    if not getattr(exc, "_pioneer_logged", False):
        log.error("unexpected error:\n%s", text)
    import sqlite3

    if isinstance(exc, sqlite3.DatabaseError) and QApplication.instance() is not None:
        # The book's file answered with an error (damaged content, another program, a stick
        # pulled out): said in Chinese with what to do; the details are in the log.
        from desktop.book.errors import DamagedBookError
        from desktop.book.store import sqlite_problem

        show_book_error(
            parent or _active_parent(),
            DamagedBookError(
                f"读写账本时出错：{sqlite_problem(exc)}。刚才的操作没有完成。",
                "如果反复出现，账本可能已损坏：请在“备份与恢复”中检查账本，必要时从备份恢复。",
            ),
        )
        return
    for handler in logging.getLogger().handlers:
        handler.flush()
    if QApplication.instance() is None or _state["showing"]:
        sys.stderr.write(text)
        return
    _state["showing"] = True  # an error while showing an error must not loop
    try:
        crash_box(parent or _active_parent(), path, text).exec()
    finally:
        _state["showing"] = False


def crash_box(parent: QWidget | None, path: Path, details: str) -> QtWidgets.QMessageBox:
    """The dialog for an unexpected error (the traceback is behind 显示细节)."""
    QMessageBox = QtWidgets.QMessageBox  # noqa: N806 (read now, not at import: qt_constants.py)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("程序遇到意外错误")
    box.setText(crash_message(path))
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    # QtCore.Qt, read here and not imported above: see desktop/gui/qt_constants.py.
    box.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook: never a silent crash."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        app = QApplication.instance()
        if app is not None and QtCore.QThread.currentThread() is not app.thread():
            _bridge().raised.emit(exc)
        else:
            report_exception(exc, tb)
    except Exception:  # the handler itself failed: fall back to stderr, keep running
        sys.__excepthook__(exc_type, exc, tb)


class _Bridge(QObject):
    """Carries an exception from a worker thread to the UI thread."""

    raised = Signal(object)

    @Slot(object)
    def show(self, exc: BaseException) -> None:
        report_exception(exc)


def _bridge() -> _Bridge:
    bridge = _state["bridge"]
    if not isinstance(bridge, _Bridge):
        bridge = _Bridge()
        bridge.raised.connect(bridge.show)
        _state["bridge"] = bridge
    return bridge


def thread_excepthook(args: threading.ExceptHookArgs) -> None:
    """threading.excepthook: log at once, show the dialog on the UI thread."""
    if args.exc_value is None or args.exc_type is SystemExit:
        return
    exc = args.exc_value
    text = "".join(traceback.format_exception(args.exc_type, exc, args.exc_traceback))
    setup_logging()  # (if the window has not opened the log file yet)
    log.error("unexpected error in thread %s:\n%s", getattr(args.thread, "name", "?"), text)
    if QApplication.instance() is not None:
        # (an exception type that takes no attributes is simply logged twice)
        with contextlib.suppress(AttributeError):
            exc._pioneer_logged = True  # type: ignore[attr-defined]
        _bridge().raised.emit(exc)


def install(*, log_file: bool = True) -> Path | None:
    """Set up the hooks and the log file; return the file's path.

    With `log_file=False` the file is left for later (`setup_logging()`: the window opens it
    once it has been painted); records logged meanwhile are kept and written to it then, and
    an unexpected error opens it at once.
    """
    root = logging.getLogger()
    if not log_file and not any(getattr(h, "_pioneer", False) for h in root.handlers):
        if not any(isinstance(h, _EarlyRecords) for h in root.handlers):
            root.addHandler(_EarlyRecords())
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)
    path = setup_logging() if log_file else None
    _bridge()  # created on the UI thread so that emits from other threads are queued
    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
    return path


class _EarlyRecords(logging.Handler):
    """Keeps what is logged before the log file is set up, for setup_logging to write."""

    limit = 500

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < self.limit:
            self.records.append(record)
