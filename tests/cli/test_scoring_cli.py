"""score / rate / explain / scheme through the command line (CONTRACT.md shapes)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from cli_testkit import run_process as run


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def demo(tmp_path: Path, home: Path) -> Path:
    db = tmp_path / "demo.db"
    run("--db", str(db), "demo", "--year", "2026", "--today", "2026-11-30", home=home, check=True)
    return db


def test_scheme_list_show_check(tmp_path: Path, home: Path) -> None:
    listed = run("scheme", "list", home=home, check=True).stdout.splitlines()
    ids = [line.split("\t")[0] for line in listed]
    assert {"dangyuan-ejia", "jiedao-nongcun", "jiguan-60-40", "lianghua-dingji"} <= set(ids)
    text = run("scheme", "show", "dangyuan-ejia", home=home, check=True).stdout
    assert 'id = "dangyuan-ejia"' in text
    good = tmp_path / "good.toml"
    good.write_text(text, encoding="utf-8")
    assert run("scheme", "check", str(good), home=home).returncode == 0
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace("max = 35", "max = 36", 1), encoding="utf-8")
    result = run("scheme", "check", str(bad), home=home)
    assert result.returncode == 1 and "100" in result.stderr
    assert run("scheme", "show", "no-such", home=home).returncode == 1


def test_score_json_shape(demo: Path, home: Path) -> None:
    data = json.loads(
        run("--db", str(demo), "score", "--year", "2026", "--json", home=home, check=True).stdout
    )
    assert data["year"] == 2026 and data["quarter"] is None and data["scheme"] == "jiedao-nongcun"
    member = next(m for m in data["members"] if m["rated"])
    assert {"code", "name", "total", "sections", "rated", "flags"} <= set(member)
    assert Decimal(member["total"]) == sum(Decimal(v) for v in member["sections"].values())
    q2 = json.loads(
        run(
            "--db",
            str(demo),
            "score",
            "--year",
            "2026",
            "--quarter",
            "2",
            "--json",
            home=home,
            check=True,
        ).stdout
    )
    assert q2["quarter"] == 2


def test_explain_lines_add_up(demo: Path, home: Path) -> None:
    data = json.loads(run("--db", str(demo), "score", "--json", home=home, check=True).stdout)
    member = next(m for m in data["members"] if m["rated"])
    text = run(
        "--db", str(demo), "explain", "--member", member["code"], home=home, check=True
    ).stdout
    assert text.startswith(f"{member['name']}（{member['code']}）")
    assert (
        f"合计 {Decimal(member['total']).normalize():f}" in text
        or f"合计 {member['total']}" in text
    )


def test_rate_refuses_a_scheme_without_rating(demo: Path, home: Path) -> None:
    result = run("--db", str(demo), "rate", "--json", home=home)
    assert result.returncode == 1 and "没有评星定级" in result.stderr


def test_rate_json_with_a_rating_scheme(tmp_path: Path, home: Path) -> None:
    db = tmp_path / "e.db"
    run(
        "--db",
        str(db),
        "init",
        "--branch",
        "新村党支部",
        "--year",
        "2026",
        "--scheme",
        "dangyuan-ejia",
        home=home,
        check=True,
    )
    data = json.loads(
        run("--db", str(db), "rate", "--year", "2026", "--json", home=home, check=True).stdout
    )
    assert data == {"year": 2026, "members": []}


def test_print_refuses_xlsx_for_a_pdf_only_kind(tmp_path: Path, demo: Path, home: Path) -> None:
    out = tmp_path / "花名册.xlsx"
    result = run("--db", str(demo), "print", "roster", "--out", str(out), home=home)
    assert result.returncode == 1 and "只能输出 PDF" in result.stderr
    assert not out.exists()


def test_explain_reads_like_the_paper(demo: Path, home: Path) -> None:
    """Issue 15 item 12 on screen too: points to 0.01 (an absence averaged over four
    quarters is −0.5, a leave −0.13, not −0.125), no line dated after the day counted to
    (the year-end 「四舍五入 +0.005」 was dated 2026-12-31 in November), and each section's
    lines add up to it."""
    import re
    from datetime import date

    data = json.loads(run("--db", str(demo), "score", "--json", home=home, check=True).stdout)
    member = next(m for m in data["members"] if m["scored"])
    text = run(
        "--db", str(demo), "explain", "--member", member["code"], home=home, check=True
    ).stdout
    sections: dict[str, Decimal] = {}
    current = ""
    for line in text.splitlines():
        head = re.match(r"【(.+)】(-?[\d.]+)分", line)
        if head:
            current = head[1]
            sections[current] = Decimal(0)
            assert Decimal(head[2]) == Decimal(member["sections"][current])
            continue
        row = re.match(r"  (\d{4}-\d{2}-\d{2})  .*  ([+-][\d.]+)$", line)
        if row:
            assert row[1] <= date.today().isoformat(), line
            assert "." not in row[2] or len(row[2].split(".")[1]) <= 2, line
            assert "四舍五入到0.01分" not in line
            sections[current] += Decimal(row[2])
    assert sections and all(
        total == Decimal(member["sections"][name]) for name, total in sections.items()
    ), sections
