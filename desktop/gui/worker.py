"""Run a long job off the UI thread, with a progress indicator (in the spirit of Anki's CollectionOp).

A job is a plain function. It runs on Qt's global thread pool; its result or exception is
delivered back on the UI thread. A job must never touch the UI thread's `Book`: an sqlite
connection belongs to the thread that opened it, so a job opens its own
`Book.open(path)` and closes it before returning.

    run_in_background(self, lambda: backup_copy(path), on_done=self.show_result,
                      label="正在备份账本…")
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

# A progress dialog appears only if the job takes longer than this (no flicker for quick jobs).
SHOW_PROGRESS_AFTER_MS = 300

_running: set[BackgroundJob] = set()


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        # The job keeps this object alive; letting Qt delete it after run() while Python still
        # holds a reference crashes now and then (seen as a rare segfault in the print test).
        self.setAutoDelete(False)

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to on_error on the UI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


class BackgroundJob(QObject):
    """One running job. `finished` fires on the UI thread after on_done/on_error ran."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        label: str,
    ) -> None:
        super().__init__(None)
        self._parent = parent
        self._on_done = on_done
        self._on_error = on_error
        self._label = label
        self._progress: QProgressDialog | None = None
        self.done = False
        # Created on the UI thread, so queued connections deliver results here.
        self._signals = _Signals()
        self._signals.succeeded.connect(self._succeeded, QtCore.Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, QtCore.Qt.ConnectionType.QueuedConnection)
        self._runnable = _Runnable(fn, self._signals)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_progress)

    def start(self) -> None:
        _running.add(self)
        self._timer.start(SHOW_PROGRESS_AFTER_MS)
        QThreadPool.globalInstance().start(self._runnable)

    def _show_progress(self) -> None:
        if self.done:
            return
        dialog = QProgressDialog(self._label, "", 0, 0, self._parent)
        dialog.setWindowTitle("请稍候")
        dialog.setCancelButton(None)  # type: ignore[arg-type]
        dialog.setWindowModality(QtCore.Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(360)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.show()
        self._progress = dialog

    def _finish(self) -> None:
        self.done = True
        self._timer.stop()
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self._finish()
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            _running.discard(self)
            self.finished.emit()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._finish()
        try:
            if self._on_error is not None:
                self._on_error(exc)
            else:
                # No handler: the global error handler logs it and tells the user.
                from desktop.gui.error_handler import report_exception

                report_exception(exc, parent=self._parent)
        finally:
            _running.discard(self)
            self.finished.emit()


def run_in_background(
    parent: QWidget | None,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    label: str = "正在处理，请稍候…",
) -> BackgroundJob:
    """Run `fn()` on a worker thread; call `on_done(result)` or `on_error(exc)` on the UI thread.

    A busy indicator appears if the job takes more than a moment. Without `on_error`, an
    exception goes to the global error handler (a BookError is shown as a plain warning).
    """
    job = BackgroundJob(parent, fn, on_done, on_error, label)
    job.start()
    return job


def call_in_background(
    parent: QWidget | None, fn: Callable[[], Any], label: str = "正在处理，请稍候…"
) -> Any:
    """Run `fn()` off the UI thread and wait for it while the window keeps painting.

    Returns its result or raises its exception. For flows that need the answer before going
    on (a wizard page, the opening of a book); prefer `run_in_background` elsewhere.
    """
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def done(result: Any) -> None:
        outcome["result"] = result

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc

    job = run_in_background(parent, fn, done, failed, label)
    job.finished.connect(loop.quit)
    if not job.done:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def jobs_running() -> int:
    """How many background jobs have not reported back yet."""
    return len(_running)


def wait_for_jobs(timeout_ms: int = 30000) -> bool:
    """Block until the worker threads are idle (used when the window closes)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
