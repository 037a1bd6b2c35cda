"""End-to-end through the command line, as township scripts use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_testkit import run_process as run
from poppler import pdftotext

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def test_init_then_members_json(tmp_path: Path, home: Path) -> None:
    db = tmp_path / "b.db"
    out = run(
        "--db", str(db), "init", "--branch", "新村党支部", "--year", "2026", home=home, check=True
    )
    assert "已新建账本" in out.stdout
    result = run("--db", str(db), "members", "--json", home=home, check=True)
    assert json.loads(result.stdout) == []


def test_demo_without_db_never_becomes_the_default_book(home: Path) -> None:
    # Review 7: a new user's `pioneer demo` wrote the fictional branch as 先锋指数账本.db, the
    # book the window opens as the branch's own (and no first-run wizard was offered again).
    first = run("demo", "--today", "2026-11-30", home=home, check=True)
    demo = home / "示范支部.db"
    assert f"已生成示范支部账本：{demo}" in first.stdout
    assert f'打开它：pioneer --db "{demo}"' in first.stdout
    assert not (home / "先锋指数账本.db").exists()
    again = run("demo", "--today", "2026-11-30", home=home, check=True)
    assert str(home / "示范支部-2.db") in again.stdout
    missing = run("members", "--json", home=home)
    assert missing.returncode == 1 and "找不到账本文件" in missing.stderr


def test_demo_members_json_has_contract_fields(tmp_path: Path, home: Path) -> None:
    db = tmp_path / "demo.db"
    run("--db", str(db), "demo", "--year", "2026", "--today", "2026-11-30", home=home, check=True)
    members = json.loads(run("members", "--json", "--db", str(db), home=home, check=True).stdout)
    assert len(members) == 41  # one of 42 transferred out this year
    for m in members:
        assert {"id", "code", "name", "status", "group", "exempt", "mobile", "leader"} <= set(m)
        assert isinstance(m["exempt"], bool) and isinstance(m["mobile"], bool)
        assert "*" in m["id_card"] or m["id_card"] == ""
    assert {m["status"] for m in members} == {"正式党员", "预备党员", "入党积极分子"}


def test_default_book_is_in_user_data_folder(home: Path) -> None:
    run("init", "--branch", "默认支部", "--year", "2026", home=home, check=True)
    assert (home / "先锋指数账本.db").exists()


def test_backup_verify_restore(tmp_path: Path, home: Path) -> None:
    db = tmp_path / "demo.db"
    run("--db", str(db), "demo", home=home, check=True)
    # A folder that doesn't exist (a mistyped or pulled-out USB stick) is refused, not created.
    missing = run("--db", str(db), "backup", "--to", str(tmp_path / "usb"), home=home)
    assert missing.returncode == 1 and "文件夹不存在" in missing.stderr
    assert not (tmp_path / "usb").exists()
    (tmp_path / "usb").mkdir()
    backup = run("--db", str(db), "backup", "--to", str(tmp_path / "usb"), home=home, check=True)
    path = backup.stdout.strip().splitlines()[-1]
    assert Path(path).exists()
    verified = run("verify", path, home=home, check=True)
    assert "检查通过" in verified.stdout
    restored = run("--db", str(db), "restore", path, home=home, check=True)
    assert "已从备份恢复" in restored.stdout
    # Another branch's backup is refused unless the user says they mean it.
    other = tmp_path / "other.db"
    run("--db", str(other), "init", "--branch", "青山社区党支部", "--year", "2026", home=home,
        check=True)  # fmt: skip
    refused = run("--db", str(other), "restore", path, home=home)
    assert refused.returncode == 1 and "--other-branch" in refused.stderr
    assert "城关镇红星村党支部" in refused.stderr and "青山社区党支部" in refused.stderr
    run("--db", str(other), "restore", path, "--other-branch", home=home, check=True)


def test_refusals_exit_1_with_chinese_reason(tmp_path: Path, home: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("这不是数据库", encoding="utf-8")
    result = run("--db", str(bad), "members", "--json", home=home)
    assert result.returncode == 1
    assert "不是先锋指数账本" in result.stderr
    result = run("verify", str(bad), home=home)
    assert result.returncode == 1


def test_usage_error_exits_2(home: Path) -> None:
    result = run("init", "--year", "2026", home=home)
    assert result.returncode == 2
    assert "用法错误" in result.stderr


def test_print_roster(tmp_path: Path, home: Path) -> None:
    db = tmp_path / "demo.db"
    run("--db", str(db), "demo", home=home, check=True)
    out = tmp_path / "花名册.pdf"
    run("--db", str(db), "print", "roster", "--out", str(out), home=home, check=True)
    assert out.read_bytes().startswith(b"%PDF")
    result = run("--db", str(db), "print", "nonsense", "--out", str(out), home=home)
    assert result.returncode == 2 and "不认识的打印种类" in result.stderr


def test_roster_counts_party_members_and_activists_have_their_own(
    tmp_path: Path, home: Path
) -> None:
    """The 党员花名册 lists and counts party members only; 入党积极分子 are on the
    入党积极分子名册 (`print activists`)."""

    db = tmp_path / "demo.db"
    run("--db", str(db), "demo", home=home, check=True)
    members = json.loads(run("--db", str(db), "members", "--json", home=home, check=True).stdout)
    activists = [m["name"] for m in members if m["status"] == "入党积极分子"]
    party = [m for m in members if m["status"] in ("正式党员", "预备党员")]
    assert activists and party
    roster, book = tmp_path / "roster.pdf", tmp_path / "activists.pdf"
    run("--db", str(db), "print", "roster", "--out", str(roster), home=home, check=True)
    run("--db", str(db), "print", "activists", "--out", str(book), home=home, check=True)
    text = pdftotext(roster, "-raw").replace("\n", "")
    assert "入党积极分子" not in text and f"共 {len(party)} 人" in text
    assert not any(name in text for name in activists)
    text = pdftotext(book, "-raw").replace("\n", "")
    assert "入党积极分子名册" in text and all(name in text for name in activists)
    assert f"共 {len(activists)} 人：入党积极分子 {len(activists)} 人。" in text
    assert "activists（入党积极分子名册）" in "".join(run("print", "-h", home=home).stdout.split())
