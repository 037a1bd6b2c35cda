"""`pioneer handover` and `pioneer verify PACKDIR`: the pack written, checked, and a file
edited, removed or cut short named by verify."""

from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path

import pytest

from tests.cli.cli_testkit import run
from tests.cli.pack_testkit import copy_pack, make_pack


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_pack(tmp_path_factory.mktemp("packed"))


@pytest.fixture
def pack(packed: tuple[Path, Path], tmp_path: Path) -> Path:
    return copy_pack(packed[1], tmp_path / "copy")


def test_handover_writes_a_complete_pack_and_records_it(tmp_path: Path, capsys) -> None:
    from tests.cli.pack_testkit import PACK_TODAY

    book = tmp_path / "b.db"
    assert run(capsys, "--db", str(book), "demo", "--year", "2026", "--today", "2027-01-20")[0] == 0
    stick = tmp_path / "stick"
    stick.mkdir()
    code, out, err = run(
        capsys, "--db", str(book), "handover", "--to", str(stick), "--year", "2026",
        "--today", PACK_TODAY.isoformat(),
    )  # fmt: skip
    assert code == 0, err
    folder = Path(out.strip())
    assert folder.parent == stick
    assert folder.name.startswith("先锋指数报送-城关镇红星村党支部-2026-")
    assert [p.name for p in stick.iterdir()] == [folder.name]  # no .part left behind
    names = sorted(p.name for p in folder.iterdir())
    assert {"清单.json", "请先阅读.pdf", "账本备份.db", "交换工作簿.xlsx"} <= set(names)
    assert "01-党员花名册.pdf" in names
    assert any("第3季度积分管理审核表" in n for n in names)
    assert any("党费收缴台账" in n for n in names)
    manifest = json.loads((folder / "清单.json").read_text(encoding="utf-8"))
    assert manifest["format_version"] == 1 and manifest["year"] == 2026
    assert manifest["branch"] == "城关镇红星村党支部" and manifest["book_id"]
    assert [q["label"] for q in manifest["quarters"]] == [
        "2026年第1季度", "2026年第2季度", "2026年第3季度"
    ]  # fmt: skip
    code_text = manifest["quarters"][0]["check_code"]
    assert len(code_text) == 14 and code_text.count(" ") == 2
    listed = {f["name"] for f in manifest["files"]}
    assert listed == set(names) - {"清单.json"}
    assert all(len(f["sha256"]) == 64 and f["size"] > 0 for f in manifest["files"])
    # The workbook in the pack is the whole book: it imports into an empty book.
    fresh = tmp_path / "fresh.db"
    run(capsys, "--db", str(fresh), "init", "--branch", "城关镇红星村党支部", "--year", "2026")
    workbook = str(folder / "交换工作簿.xlsx")
    code, _out, err = run(capsys, "--db", str(fresh), "import", workbook, "--today", "2027-01-20")
    assert code == 0, err
    # Recorded in 操作记录.
    from desktop.book.store import Book

    with Book.open(book) as b:
        assert b.journal(1)[0]["action"] == "报送乡镇"


def test_verify_passes_an_intact_pack(pack: Path, capsys) -> None:
    code, out, err = run(capsys, "verify", str(pack))
    assert code == 0, err
    assert "报送包检查通过" in out
    assert "2026年第1季度：校验码 " in out


def test_verify_names_an_edited_file(pack: Path, capsys) -> None:
    target = next(pack.glob("*第2季度党员积分公示.pdf"))
    data = bytearray(target.read_bytes())
    data[500] ^= 0x01  # same size, one bit changed
    target.write_bytes(bytes(data))
    code, _out, err = run(capsys, "verify", str(pack))
    assert code == 1
    assert f"被改动：{target.name}" in err
    assert "内容与清单不符" in err


def test_verify_names_a_removed_and_a_half_copied_file(pack: Path, capsys) -> None:
    (pack / "交换工作簿.xlsx").unlink()
    code, _out, err = run(capsys, "verify", str(pack))
    assert code == 1
    assert "交换工作簿.xlsx：文件缺失" in err
    copy = pack / "账本备份.db"
    copy.write_bytes(copy.read_bytes()[:4096])
    code, _out, err = run(capsys, "verify", str(pack))
    assert code == 1
    assert "账本备份.db：文件不完整" in err


def test_verify_finds_a_backup_altered_with_its_manifest(pack: Path, capsys) -> None:
    """Someone edits a confirmed result in the backup and rewrites the manifest's hash: the
    chain (and its check codes in the manifest) still tell."""
    import sqlite3

    from desktop.book.pack import sha256_file

    db = pack / "账本备份.db"
    conn = sqlite3.connect(db)
    triggers = conn.execute("select name from sqlite_master where type = 'trigger'").fetchall()
    for (name,) in triggers:
        conn.execute(f"drop trigger {name}")
    assert conn.execute("update claims set points = points + 1 where date < '2026-07-01'").rowcount
    conn.commit()
    conn.close()
    manifest = json.loads((pack / "清单.json").read_text(encoding="utf-8"))
    for f in manifest["files"]:
        if f["name"] == "账本备份.db":
            f["size"], f["sha256"] = db.stat().st_size, sha256_file(db)
    (pack / "清单.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    code, _out, err = run(capsys, "verify", str(pack))
    assert code == 1
    assert "被改动：账本备份.db" in err


def test_verify_refuses_a_pack_from_a_newer_program(pack: Path, capsys) -> None:
    manifest = json.loads((pack / "清单.json").read_text(encoding="utf-8"))
    manifest["format_version"] = 99
    (pack / "清单.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    code, _out, err = run(capsys, "verify", str(pack))
    assert code == 1
    assert "更新版本" in err and "第 99 版" in err


def test_verify_refuses_an_unfinished_pack(pack: Path, capsys) -> None:
    part = pack.rename(pack.with_name(pack.name + ".part"))
    (part / "清单.json").unlink()
    code, _out, err = run(capsys, "verify", str(part))
    assert code == 1
    assert "没有写完" in err


def test_encrypted_pack_needs_its_password(tmp_path: Path, capsys) -> None:
    _book, pack = make_pack(tmp_path, password="红星2026")
    names = {p.name for p in pack.iterdir()}
    assert {"账本备份.db.enc", "交换工作簿.xlsx.enc"} <= names
    assert "账本备份.db" not in names
    assert not (pack / "账本备份.db.enc").read_bytes().startswith(b"SQLite")
    code, _out, err = run(capsys, "verify", str(pack))
    assert code == 1 and "需要密码" in err
    code, _out, err = run(capsys, "verify", str(pack), "--password", "wrong")
    assert code == 1 and "密码不对" in err
    code, out, err = run(capsys, "verify", str(pack), "--password", "红星2026")
    assert code == 0, err
    assert "已加密" in out
    assert list(pack.parent.iterdir()) == [pack]  # nothing written beside the pack


@pytest.mark.parametrize(
    ("err_no", "words"),
    [
        (errno.ENOSPC, "空间不够"),
        (errno.EROFS, "只读"),
        (errno.EIO, "拔出"),
        (errno.ENOENT, "U盘被拔出或文件夹已不在"),  # the folder vanished: no English words
        # The stick gone with a code of no meaning here (Windows' 设备未就绪, WinError 21).
        (errno.EINVAL, "U盘被拔出或文件夹已不在"),
    ],
)
def test_a_full_read_only_or_pulled_stick_leaves_no_pack(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, err_no: int, words: str
) -> None:
    from desktop.book import handover

    book = tmp_path / "b.db"
    run(capsys, "--db", str(book), "demo", "--year", "2026", "--today", "2027-01-20")
    stick = tmp_path / "stick"
    stick.mkdir()
    real = handover._copy_to_stick
    calls = {"n": 0}

    def failing(source: Path, target: Path) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # part-way through the pack
            target.write_bytes(b"half")
            if err_no == errno.EINVAL:
                shutil.rmtree(stick)  # pulled out
            raise OSError(err_no, "simulated")
        real(source, target)

    monkeypatch.setattr(handover, "_copy_to_stick", failing)
    code, out, err = run(
        capsys, "--db", str(book), "handover", "--to", str(stick), "--year", "2026"
    )
    assert code == 1
    assert words in err
    if err_no in (errno.ENOENT, errno.EINVAL):
        assert "simulated" not in err
    assert not stick.exists() or list(stick.iterdir()) == []  # nothing that looks like a pack


def test_handover_to_a_missing_folder_is_refused(tmp_path: Path, capsys) -> None:
    book = tmp_path / "b.db"
    run(capsys, "--db", str(book), "init", "--branch", "测试", "--year", "2026")
    code, _out, err = run(
        capsys, "--db", str(book), "handover", "--to", str(tmp_path / "no-such-stick")
    )
    assert code == 1
    assert "文件夹不存在" in err


def test_verify_finds_figures_edited_in_the_manifest(pack: Path, capsys) -> None:
    """The manifest's own figures are recomputed from the backup: an edited member count
    names 清单.json."""
    manifest = json.loads((pack / "清单.json").read_text(encoding="utf-8"))
    manifest["figures"]["members"] += 5
    (pack / "清单.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    code, _out, err = run(capsys, "verify", str(pack))
    assert code == 1
    assert "被改动：清单.json" in err and "members" in err


def test_a_pack_counted_by_an_older_program_is_not_called_altered(pack: Path, capsys) -> None:
    """Review 7: correcting how a figure is counted (a month paid ahead is not 应缴 yet) made
    every older pack with such a month 「被改动：清单.json」 under `verify`. A pack of an older
    figures version is compared on the figures counted alike, and says which were not."""
    manifest = json.loads((pack / "清单.json").read_text(encoding="utf-8"))
    assert manifest["figures_version"] == 2
    del manifest["figures_version"]  # as packs made before it existed
    manifest["figures"]["dues_due_fen"] += 100  # counted the old way
    (pack / "清单.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "verify", str(pack))
    assert code == 0, err
    assert "报送包按较早的统计口径（第1版）计算了党费应缴、党费欠缴" in out
    # The other figures are still compared: an edited member count is still found.
    manifest["figures"]["members"] += 5
    (pack / "清单.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    code, _out, err = run(capsys, "verify", str(pack))
    assert code == 1 and "被改动：清单.json" in err and "members" in err


def test_the_packs_backup_opens_read_only(pack: Path, capsys) -> None:
    """Review 7: `pioneer --db <pack>/账本备份.db members` (or a double-click on the .db, which
    the installer associates with the program) rewrote the backup, and the township then found
    the branch's pack 「被改动：账本备份.db」."""
    backup = pack / "账本备份.db"
    before = backup.read_bytes()
    code, out, err = run(capsys, "--db", str(backup), "members", "--json")
    assert code == 0, err
    code, _out, err = run(
        capsys, "--db", str(backup), "activity-add", "--date", "2026-11-20", "--type", "党课"
    )
    assert code == 1 and "报送包里的账本备份" in err
    assert backup.read_bytes() == before
    assert sorted(p.name for p in pack.iterdir() if p.name.startswith("账本备份")) == [
        "账本备份.db"
    ]
    assert run(capsys, "verify", str(pack))[0] == 0


def test_handover_of_a_book_opened_read_only(packed, tmp_path: Path) -> None:
    """A book opened read-only (a write-protected folder) still hands over; it keeps no
    journal line (it cannot write one)."""
    import shutil

    from desktop.book.handover import make_handover
    from desktop.book.store import Book
    from tests.cli.pack_testkit import PACK_TODAY

    copy = tmp_path / "copy.db"
    shutil.copyfile(packed[0], copy)
    stick = tmp_path / "stick"
    stick.mkdir()
    with Book.open(copy, read_only=True) as book:
        before = book.journal(1)[0]["id"]
        folder = make_handover(book, stick, year=2026, today=PACK_TODAY)
        assert book.journal(1)[0]["id"] == before
    assert (folder / "清单.json").exists()


def test_no_operator_entered_leaves_a_blank_to_sign_never_the_login_name(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    # Review 7, C: a book made without a 经办人 printed the computer's login name (root,
    # Administrator, DELL) for the township.
    from tests.poppler import HAVE_PDFTOTEXT, pdftotext

    monkeypatch.setattr("getpass.getuser", lambda: "DELL")
    book = tmp_path / "b.db"
    run(capsys, "--db", str(book), "init", "--branch", "测试", "--year", "2026")
    stick = tmp_path / "stick"
    stick.mkdir()
    code, out, err = run(capsys, "--db", str(book), "handover", "--to", str(stick))
    assert code == 0, err
    folder = Path(out.strip())
    manifest = json.loads((folder / "清单.json").read_text(encoding="utf-8"))
    assert manifest["operator"] == ""
    if HAVE_PDFTOTEXT:
        text = pdftotext(folder / "请先阅读.pdf")
        assert "经办人：________" in text and "DELL" not in text
    code, out, _ = run(capsys, "verify", str(folder))
    assert code == 0 and "经办人：未填写" in out and "DELL" not in out
    # Named on the command line: that name, for this pack only.
    again = tmp_path / "again"
    again.mkdir()
    code, out, err = run(
        capsys, "--db", str(book), "handover", "--to", str(again), "--operator", "张红梅"
    )
    assert code == 0, err
    manifest = json.loads((Path(out.strip()) / "清单.json").read_text(encoding="utf-8"))
    assert manifest["operator"] == "张红梅"
    # A name longer than a name is refused before anything is written (the window's field
    # stops at 20 characters; the book says the same to both).
    long = tmp_path / "long"
    long.mkdir()
    code, out, err = run(
        capsys, "--db", str(book), "handover", "--to", str(long), "--operator", "张" * 21
    )
    assert code == 1 and "经办人姓名太长" in err and "20 字以内" in err
    assert list(long.iterdir()) == []
    # `branch` says what an unset 经办人 means for each record.
    other = tmp_path / "c.db"
    run(capsys, "--db", str(other), "init", "--branch", "测试", "--year", "2026")
    code, out, _ = run(capsys, "--db", str(other), "branch")
    assert code == 0 and "操作记录用电脑登录名“DELL”" in out and "报送材料上留空待手签" in out
