"""The global error handler: unexpected errors are logged and shown; BookErrors are warnings."""

from __future__ import annotations

import logging
import re
import sys
import threading

import pytest

from desktop.book.errors import InputRefused, NotABookError
from desktop.gui import error_handler


def raise_and_catch(exc: BaseException):
    try:
        raise exc
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_unexpected_error_is_logged_and_shown(qtbot, messages):
    error_handler.excepthook(*raise_and_catch(RuntimeError("意外的错误 xyz")))
    log_file = error_handler.log_path()
    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: 意外的错误 xyz" in logged
    assert "Traceback" in logged
    ((kind, title, text),) = messages.calls
    assert kind == "exec" and title == "程序遇到意外错误"
    assert "程序遇到意外错误" in text and str(log_file) in text
    assert "您的数据已保存到上一次操作为止" in text


def test_book_error_is_a_plain_warning(qtbot, messages):
    error_handler.excepthook(*raise_and_catch(NotABookError("文件 x.db 不是先锋指数账本。")))
    assert messages.texts("warning") == ["文件 x.db 不是先锋指数账本。"]
    assert not messages.texts("exec")


def test_refused_input_lists_the_problems(qtbot, messages):
    err = InputRefused("有 2 处需要修改。", {"name": "请填写姓名。", "id_card": "校验位不对。"})
    error_handler.report_exception(err)
    text = messages.texts("warning")[0]
    assert "有 2 处需要修改。" in text and "• 请填写姓名。" in text and "• 校验位不对。" in text


def test_error_in_a_thread_reaches_the_ui_thread(qtbot, messages, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    error_handler.install()

    def boom():
        raise ValueError("线程里的错误")

    thread = threading.Thread(target=boom, name="worker-x")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=5000)
    assert messages.calls[0][0] == "exec"
    logged = error_handler.log_path().read_text(encoding="utf-8")
    assert "ValueError: 线程里的错误" in logged and "worker-x" in logged
    assert logged.count("ValueError: 线程里的错误") == 1


def test_install_sets_both_hooks(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = error_handler.install()
    assert sys.excepthook is error_handler.excepthook
    assert threading.excepthook is error_handler.thread_excepthook
    assert path.name == "pioneer.log" and path.parent.exists()


def test_a_failing_dialog_does_not_loop(qtbot, monkeypatch, capsys):
    from PySide6.QtWidgets import QMessageBox

    def broken_exec(self):
        error_handler.report_exception(RuntimeError("second"))  # re-entry: to stderr only
        return 0

    monkeypatch.setattr(QMessageBox, "exec", broken_exec)
    error_handler.report_exception(RuntimeError("first"))
    assert "second" in capsys.readouterr().err


@pytest.mark.parametrize("with_handler", [True, False])
def test_worker_reports_errors(qtbot, messages, with_handler):
    from desktop.gui.worker import run_in_background

    seen: list[BaseException] = []

    def fail():
        raise KeyError("后台")

    job = run_in_background(None, fail, on_error=seen.append if with_handler else None)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    if with_handler:
        assert isinstance(seen[0], KeyError) and not messages.calls
    else:
        assert messages.calls[0][0] == "exec"


def test_log_file_rolls_over_and_keeps_five_old_files(tmp_path, monkeypatch):
    monkeypatch.setattr(error_handler.LogFile, "max_bytes", 200)
    path = tmp_path / "pioneer.log"
    handler = error_handler.LogFile(path)
    logger = logging.getLogger("test-rollover")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for n in range(60):
            logger.warning("第 %d 行日志 %s", n, "x" * 40)
    finally:
        logger.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["pioneer.log", *(f"pioneer.log.{n}" for n in range(1, 6))]
    assert "第 59 行日志" in path.read_text(encoding="utf-8")
    assert all(p.stat().st_size < 400 for p in tmp_path.iterdir())

    # The newest old file holds the lines just before the current file's.
    def numbers(name: str) -> list[int]:
        text = (tmp_path / name).read_text(encoding="utf-8")
        return [int(n) for n in re.findall(r"第 (\d+) 行", text)]

    assert numbers("pioneer.log.1")[-1] + 1 == numbers("pioneer.log")[0]
