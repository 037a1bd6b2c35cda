"""`pioneer dues …` and `pioneer print dues-register/receipts` end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PIONEER_HOME=str(home), PYTHONPATH=str(ROOT))
    env.pop("PIONEER_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("dues")
    home = tmp / "home"
    db = tmp / "demo.db"
    result = run("--db", str(db), "demo", "--year", "2026", "--today", "2026-11-24", home=home)
    assert result.returncode == 0, result.stderr
    return db, home


def test_print_register_and_receipts(demo: tuple[Path, Path], tmp_path: Path) -> None:
    db, home = demo
    for kind in ("dues-register", "receipts", "dues-publicity"):
        out = tmp_path / f"{kind}.pdf"
        result = run("--db", str(db), "print", kind, "--year", "2026", "--out", str(out), home=home)
        assert result.returncode == 0, result.stderr
        assert out.read_bytes().startswith(b"%PDF")
    empty = tmp_path / "none.pdf"
    result = run(
        "--db", str(db), "print", "receipts", "--year", "2019", "--out", str(empty), home=home
    )
    assert result.returncode == 1 and "没有党费收据" in result.stderr
    assert not empty.exists()


def test_dues_arrears_json_and_refusals(demo: tuple[Path, Path]) -> None:
    db, home = demo
    today = ["--today", "2026-11-24"]
    result = run("--db", str(db), "dues", "arrears", "--json", *today, home=home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    worst = data[0]
    assert worst["reminder_due"] and worst["months"][0] == "2026-06"
    assert set(worst) >= {"code", "name", "months", "owed", "owed_fen", "veto_check", "notices"}
    # A negative amount is refused, nothing written.
    before = run("--db", str(db), "dues", "register", "--json", *today, home=home)
    bad = run(
        "--db",
        str(db),
        "dues",
        "pay",
        "--member",
        worst["code"],
        "--months",
        "2026-10",
        "--amount",
        "-1",
        "--receiver",
        "会计",
        *today,
        home=home,
    )
    assert bad.returncode == 1 and "金额不能是负数" in bad.stderr
    after = run("--db", str(db), "dues", "register", "--json", *today, home=home)
    assert json.loads(before.stdout) == json.loads(after.stdout)
    # Arrears paid late on one receipt: the member no longer owes.
    ok = run(
        "--db",
        str(db),
        "dues",
        "pay",
        "--member",
        worst["code"],
        "--months",
        ",".join(worst["months"]),
        "--amount",
        str(int(worst["owed"].split(".")[0]) // len(worst["months"])),
        "--receiver",
        "会计",
        "--date",
        "2026-11-20",
        *today,
        home=home,
    )
    assert ok.returncode == 0, ok.stderr
    again = json.loads(run("--db", str(db), "dues", "arrears", "--json", *today, home=home).stdout)
    assert worst["code"] not in [r["code"] for r in again]
    reg = json.loads(run("--db", str(db), "dues", "register", "--json", *today, home=home).stdout)
    assert reg["reconciled"] and reg["paid"] == reg["payments_total"]


def test_register_line_names_voluntary_extra(demo: tuple[Path, Path]) -> None:
    db, home = demo
    result = run("--db", str(db), "dues", "register", "--today", "2026-11-24", home=home)
    assert result.returncode == 0, result.stderr
    # The demo has one voluntary payment of 1,000 yuan beyond what was due.
    assert "（含多交 1000.00 元）" in result.stdout.splitlines()[0]
