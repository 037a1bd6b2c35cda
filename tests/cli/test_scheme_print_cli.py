"""`pioneer print scheme [--year Y] --out F.pdf` end to end: the year's scheme (stored, else
the book's default), refusals for a year the book does not hold and a damaged scheme."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from cli_testkit import run

from desktop.book.scoring import set_year_scheme
from desktop.book.store import Book


def text_of(pdf: Path) -> str:
    exe = shutil.which("pdftotext")
    if not exe:
        pytest.skip("pdftotext (poppler-utils) not installed")
    out = subprocess.run([exe, "-layout", str(pdf), "-"], capture_output=True, check=True)
    return "".join(out.stdout.decode("utf-8").split())


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "b.db"
    with Book.create(path, branch="中共青山村支部委员会", year=2026) as book:
        set_year_scheme(book, 2026, preset="xingji-60-40")
        set_year_scheme(book, 2027, preset="dangyuan-ejia")  # next year's, chosen early
    return str(path)


def test_print_scheme_of_the_books_year(capsys, db: str, tmp_path: Path) -> None:
    out = tmp_path / "方案.pdf"
    code, stdout, stderr = run(capsys, "--db", db, "print", "scheme", "--out", str(out))
    assert code == 0, stderr
    assert f"已生成：{out}" in stdout
    text = text_of(out)
    assert "2026年度党员积分管理办法" in text and "党组织：中共青山村支部委员会" in text
    assert "方案编号" not in text and "xingji-60-40" not in text and "三、评星定级" in text
    assert "还没有保存积分方案" not in text


def test_print_scheme_of_another_year(capsys, db: str, tmp_path: Path) -> None:
    out = tmp_path / "2027.pdf"
    code, _out, stderr = run(
        capsys, "--db", db, "print", "scheme", "--year", "2027", "--out", str(out)
    )
    assert code == 0, stderr
    text = text_of(out)
    assert "2027年度党员积分管理办法" in text and "dangyuan-ejia" not in text


def test_a_year_without_its_own_scheme_prints_the_default_with_a_note(
    capsys, tmp_path: Path
) -> None:
    path = tmp_path / "fresh.db"
    Book.create(path, branch="测试支部", year=2026).close()
    out = tmp_path / "default.pdf"
    code, _out, stderr = run(capsys, "--db", str(path), "print", "scheme", "--out", str(out))
    assert code == 0, stderr
    assert "2026年还没有保存积分方案，以下是计分时将会使用的账本默认方案" in text_of(out)


@pytest.mark.parametrize("year", ["1990", "2030"])
def test_a_year_the_book_does_not_hold_is_refused(capsys, db: str, tmp_path: Path, year) -> None:
    out = tmp_path / "x.pdf"
    code, _out, stderr = run(
        capsys, "--db", db, "print", "scheme", "--year", year, "--out", str(out)
    )
    assert code == 1
    assert f"本账本没有 {year} 年的记录，也没有为 {year} 年保存积分方案" in stderr
    assert "请选择其中的一年" in stderr
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_a_damaged_scheme_is_refused_with_its_problems(capsys, db: str, tmp_path: Path) -> None:
    with Book.open(Path(db)) as book:
        book.execute("update schemes set text = ? where year = 2026", ["[scheme]\nid = 'x'\n"])
        book.conn.commit()
    out = tmp_path / "x.pdf"
    code, _out, stderr = run(capsys, "--db", db, "print", "scheme", "--out", str(out))
    assert code == 1
    assert "2026 年的积分方案有错误，无法打印" in stderr and "更换方案" in stderr
    assert not out.exists()


def test_an_excel_output_is_refused(capsys, db: str, tmp_path: Path) -> None:
    code, _out, stderr = run(
        capsys, "--db", db, "print", "scheme", "--out", str(tmp_path / "x.xlsx")
    )
    assert code == 1 and "只能输出 PDF" in stderr


def test_print_help_lists_the_scheme_kind(capsys) -> None:
    code, stdout, _err = run(capsys, "print", "-h")
    assert code == 0 and "scheme（积分方案）" in "".join(stdout.split())
