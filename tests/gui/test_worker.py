"""The background worker: results come back on the UI thread; the window stays responsive."""

from __future__ import annotations

import threading
import time

import pytest

from desktop.gui import worker


def test_result_arrives_on_the_ui_thread(qtbot):
    got: list[tuple[object, threading.Thread]] = []
    ran_on: list[threading.Thread] = []

    def job():
        ran_on.append(threading.current_thread())
        return 42

    handle = worker.run_in_background(
        None, job, on_done=lambda r: got.append((r, threading.current_thread()))
    )
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert got == [(42, threading.main_thread())]
    assert ran_on[0] is not threading.main_thread()
    assert worker.jobs_running() == 0


def test_slow_job_shows_progress(qtbot, monkeypatch):
    monkeypatch.setattr(worker, "SHOW_PROGRESS_AFTER_MS", 10)
    handle = worker.run_in_background(None, lambda: time.sleep(0.4), label="正在备份账本…")
    qtbot.waitUntil(lambda: handle._progress is not None, timeout=3000)
    assert handle._progress.labelText() == "正在备份账本…"
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert handle._progress is None


def test_call_in_background_returns_or_raises(qtbot):
    assert worker.call_in_background(None, lambda: "好") == "好"
    with pytest.raises(ZeroDivisionError):
        worker.call_in_background(None, lambda: 1 / 0)
