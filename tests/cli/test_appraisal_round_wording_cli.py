"""`appraisal add` / `appraisal list` name a round only when the year has several of that kind
(the 年度评定 screen's column rule): a scheme that appraises once a year shows no 第1次."""

from __future__ import annotations

import sys
from pathlib import Path

from cli_testkit import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from year_end_testkit import make_year_book  # noqa: E402


def _db(tmp_path: Path, scheme: str) -> str:
    path = tmp_path / f"{scheme}.db"
    make_year_book(path, scheme).close()
    return str(path)


def _list_kinds(capsys, db: str) -> list[str]:
    code, out, err = run(capsys, "--db", db, "appraisal", "list", "--year", "2025")
    assert code == 0, err
    return [line.split("\t")[1] for line in out.splitlines()]


def test_one_round_a_year_mentions_no_round(tmp_path: Path, capsys) -> None:
    # 党员e家 scores no 民主评议 item: each kind is appraised once.
    db = _db(tmp_path, "dangyuan-ejia")
    code, out, err = run(capsys, "--db", db, "appraisal", "add", "王一=优秀", "002=合格",
                         "--year", "2025")  # fmt: skip
    assert code == 0, err
    assert out.strip() == "已登记 2025 年党员评议结果 2 条。"
    assert _list_kinds(capsys, db) == ["党员评议", "党员评议"]
    code, out, _err = run(capsys, "--db", db, "appraisal", "list", "--year", "2025")
    assert "次" not in out


def test_half_yearly_rounds_are_named(tmp_path: Path, capsys) -> None:
    db = _db(tmp_path, "shequ-70-20-10-20")
    for rnd, grade in (("1", "优秀"), ("2", "合格")):
        code, out, err = run(capsys, "--db", db, "appraisal", "add", f"王一={grade}",
                             "--year", "2025", "--round", rnd)  # fmt: skip
        assert code == 0, err
        assert out.strip() == f"已登记 2025 年党员评议（第{rnd}次）结果 1 条。"
    assert _list_kinds(capsys, db) == ["党员评议（第1次）", "党员评议（第2次）"]


def test_a_lone_second_round_still_says_so(tmp_path: Path, capsys) -> None:
    # A kind the scheme does not score may have two rounds; with only the second recorded,
    # a bare "群众评议" would read as the first.
    db = _db(tmp_path, "dangyuan-ejia")
    code, out, err = run(capsys, "--db", db, "appraisal", "add", "王一=合格", "--year", "2025",
                         "--kind", "群众评议", "--round", "2")  # fmt: skip
    assert code == 0, err
    assert out.strip() == "已登记 2025 年群众评议（第2次）结果 1 条。"
    assert _list_kinds(capsys, db) == ["群众评议（第2次）"]


def test_a_refused_entry_prints_no_success_line(tmp_path: Path, capsys) -> None:
    db = _db(tmp_path, "dangyuan-ejia")
    code, out, err = run(capsys, "--db", db, "appraisal", "add", "钱五=合格", "--year", "2025")
    assert code == 1 and out == "" and "民主评议只评议党员" in err
    code, out, _err = run(capsys, "--db", db, "appraisal", "list", "--year", "2025")
    assert code == 0 and out.strip() == "2025 年还没有民主评议结果。"
