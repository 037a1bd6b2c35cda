"""`pioneer print rating` on the demo book (街道农村, no 评星定级): a 年度党员积分表."""

from __future__ import annotations

from pathlib import Path

from poppler import pdftotext
from test_cli_roster import run


def test_print_rating_of_a_scheme_without_rating(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = str(tmp_path / "d.db")
    run("--db", db, "demo", home=home, check=True)
    refused = run("--db", db, "rate", home=home)
    assert refused.returncode != 0
    out = tmp_path / "r.pdf"
    run("--db", db, "print", "rating", "--out", str(out), home=home, check=True)
    text = pdftotext(out).replace("\n", "")
    assert "年度党员积分表" in text and "星级评定表" not in text
    assert text.count("不评星级、等次") == 1
    assert "支部书记（签字）" in text
