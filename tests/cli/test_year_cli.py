"""pioneer year status|next: the working year through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from cli_testkit import run_process as run


def _init(tmp_path: Path, home: Path) -> Path:
    db = tmp_path / "y.db"
    run("--db", str(db), "init", "--branch", "测试支部", "--year", "2024", "--scheme",
        "jiedao-nongcun", home=home, check=True)  # fmt: skip
    return db


def test_status_then_next_year(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = _init(tmp_path, home)
    status = json.loads(
        run("--db", str(db), "year", "status", "--json", home=home, check=True).stdout
    )
    assert status["current_year"] == 2024 and status["years"] == [2024]
    assert len(status["unfinished"]) == 4  # four quarters never confirmed

    dry = run("--db", str(db), "year", "next", "--dry-run", home=home, check=True).stdout
    assert "可以进入 2025 年度" in dry and "沿用 2024 年" in dry
    assert (
        json.loads(run("--db", str(db), "year", "status", "--json", home=home).stdout)[
            "current_year"
        ]
        == 2024
    )  # a dry run writes nothing

    done = run("--db", str(db), "year", "next", "--scheme", "xingji-60-40", "--json",
               home=home, check=True)  # fmt: skip
    plan = json.loads(done.stdout)
    assert plan["to_year"] == 2025 and plan["done"] and "星级评定" in plan["scheme_title"]
    text = run("--db", str(db), "year", "status", home=home, check=True).stdout
    assert "当前年度：2025 年" in text and "2024、2025" in text
    # Last year's open quarters are still listed after moving on; the new year's scheme
    # (星级评定「一般每半年组织一次」) is reviewed by half-year.
    assert "2024年第4季度" in text and "2025年上半年" in text


def test_refusals_exit_1_and_usage_exit_2(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = _init(tmp_path, home)
    back = run("--db", str(db), "year", "next", "--year", "2023", home=home)
    assert back.returncode == 1 and "只能往后" in back.stderr
    far = run("--db", str(db), "year", "next", "--year", "2099", home=home)
    assert far.returncode == 1 and "还不能进入 2099 年度" in far.stderr
    bad = run("--db", str(db), "year", "next", "--scheme", "nope", home=home)
    assert bad.returncode == 1 and "nope" in bad.stderr
    assert run("--db", str(db), "year", "jump", home=home).returncode == 2
    status = json.loads(run("--db", str(db), "year", "status", "--json", home=home).stdout)
    assert status["current_year"] == 2024


def test_branch_info_and_operator(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = _init(tmp_path, home)
    shown = json.loads(run("--db", str(db), "branch", "--json", home=home, check=True).stdout)
    assert shown["name"] == "测试支部" and shown["operator"] == "" and shown["year"] == 2024
    run("--db", str(db), "branch", "--operator", "张红梅", "--parent-org", "城关镇党委",
        home=home, check=True)  # fmt: skip
    shown = json.loads(run("--db", str(db), "branch", "--json", home=home, check=True).stdout)
    assert shown["operator"] == "张红梅" and shown["parent_org"] == "城关镇党委"
    assert shown["name"] == "测试支部"  # options not given stay as they were
    # The journal now names the 经办人.
    run("--db", str(db), "year", "next", home=home, check=True)
    from desktop.book.store import Book

    with Book.open(db) as book:
        assert book.journal(1)[0]["actor"] == "张红梅"
    refused = run("--db", str(db), "branch", "--name", " ", home=home)
    assert refused.returncode == 1 and "支部名称" in refused.stderr
