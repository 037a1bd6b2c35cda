"""`pioneer township summary`: every pack under the folders, checked, one row per branch, with
the figures each book's own `members`/`score` give; and the bad inputs a township meets."""

from __future__ import annotations

import json
import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from tests.cli.cli_testkit import run
from tests.cli.pack_testkit import copy_pack, make_pack

BRANCHES = ("东山村党支部", "西河村党支部", "南岭社区党支部")
PASSWORD = "南岭2026"


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Three branches' packs as of the real day; 南岭 encrypted."""
    base = tmp_path_factory.mktemp("three")
    out = {}
    for i, name in enumerate(BRANCHES):
        password = PASSWORD if name.startswith("南岭") else None
        out[name] = make_pack(base / f"b{i}", branch=name, password=password, today=None)
    return out


@pytest.fixture
def stick(three: dict[str, tuple[Path, Path]], tmp_path: Path) -> Path:
    usb = tmp_path / "U盘"
    for _book, pack in three.values():
        copy_pack(pack, usb / "报送")
    return usb


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def _own_figures(capsys, book: Path) -> dict:
    code, out, err = run(capsys, "--db", str(book), "members", "--json")
    assert code == 0, err
    members = json.loads(out)
    code, out, err = run(capsys, "--db", str(book), "score", "--year", "2026", "--json")
    assert code == 0, err
    scored = [m for m in json.loads(out)["members"] if m["scored"]]
    return {
        "members": sum(1 for m in members if m["status"] in ("正式党员", "预备党员")),
        "members_formal": sum(1 for m in members if m["status"] == "正式党员"),
        "members_probationary": sum(1 for m in members if m["status"] == "预备党员"),
        "scored": len(scored),
        "points_total": f"{sum(Decimal(m['total']) for m in scored):.2f}",
    }


def test_three_packs_one_tampered_one_encrypted(three, stick: Path, capsys) -> None:
    tampered = next((stick / "报送").glob("*西河村*"))
    pdf = next(tampered.glob("*党费收缴台账.pdf"))
    data = bytearray(pdf.read_bytes())
    data[-200] ^= 0x20
    pdf.write_bytes(bytes(data))
    before = _snapshot(stick)
    code, out, err = run(
        capsys, "township", "summary", str(stick), "--json", "--password", PASSWORD
    )
    assert code == 0, err
    packs = {p["branch"]: p for p in json.loads(out)["packs"]}
    assert sorted(packs) == sorted(BRANCHES)
    assert packs["东山村党支部"]["state"] == "完好" and packs["东山村党支部"]["problem"] is None
    assert packs["南岭社区党支部"]["state"] == "完好" and packs["南岭社区党支部"]["encrypted"]
    west = packs["西河村党支部"]
    assert west["state"] == f"被改动：{pdf.name}"
    assert pdf.name in west["problem"] and "内容与清单不符" in west["problem"]
    for name, (book, _pack) in three.items():
        own = _own_figures(capsys, book)
        row = packs[name]
        assert row["members"] == own["members"]
        assert row["members_formal"] == own["members_formal"]
        assert row["members_probationary"] == own["members_probationary"]
        assert row["figures"]["scored"] == own["scored"]
        assert row["figures"]["points_total"] == own["points_total"]
        assert len(row["quarters"]) == len(row["figures"]["confirmed"])
    assert _snapshot(stick) == before  # the stick was only read


def test_encrypted_pack_without_or_with_a_wrong_password(stick: Path, capsys) -> None:
    code, out, _err = run(capsys, "township", "summary", str(stick), "--json")
    assert code == 0
    south = next(p for p in json.loads(out)["packs"] if p["branch"] == "南岭社区党支部")
    assert south["state"] == "无法读取：需要密码"
    code, out, _err = run(capsys, "township", "summary", str(stick), "--json", "--password", "nope")
    south = next(p for p in json.loads(out)["packs"] if p["branch"] == "南岭社区党支部")
    assert south["state"] == "无法读取：密码不对"
    assert "密码不对" in south["problem"]
    # The figures in the manifest are still shown (aggregates only; no names, no ID numbers).
    assert south["members"] > 0


def test_bad_packs_are_listed_with_a_reason(three, stick: Path, capsys) -> None:
    packs = sorted((stick / "报送").iterdir())
    east, south, west = (next(p for p in packs if n in p.name) for n in ("东山", "南岭", "西河"))
    # A newer program's pack.
    m = json.loads((east / "清单.json").read_text(encoding="utf-8"))
    m["format_version"] = 7
    (east / "清单.json").write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    # A half-copied pack: the backup cut short.
    backup = next(west.glob("账本备份.db*"))
    backup.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    # A file removed.
    next(south.glob("*.pdf")).unlink()
    # A folder that only looks like a pack (copy stopped before the manifest).
    (stick / "报送" / "先锋指数报送-北坡村党支部-2026-20270105-0930").mkdir()
    code, out, err = run(capsys, "township", "summary", str(stick), "--json")
    assert code == 0, err
    rows = {p["branch"]: p for p in json.loads(out)["packs"]}
    assert rows["东山村党支部"]["state"].startswith("无法读取：报送包由更新版本")
    assert "请安装最新版本" in rows["东山村党支部"]["problem"]
    assert rows["西河村党支部"]["state"] == f"无法读取：{backup.name}不完整"
    assert "没有复制完" in rows["西河村党支部"]["problem"]
    assert rows["南岭社区党支部"]["state"].startswith("被改动：")
    assert "文件缺失" in rows["南岭社区党支部"]["problem"]
    north = rows["北坡村党支部"]
    assert north["state"].startswith("无法读取：没有清单.json") and north["year"] == 2026
    assert north["members"] is None


def test_two_packs_of_one_branch_newest_counts(three, tmp_path: Path, capsys) -> None:
    _book, pack = three["东山村党支部"]
    usb = tmp_path / "U盘"
    older = copy_pack(pack, usb / "一月")
    newer = copy_pack(pack, usb / "二月")
    m = json.loads((newer / "清单.json").read_text(encoding="utf-8"))
    m["made_at"] = "2099-01-01T08:00:00"  # made later (the files still match the manifest)
    (newer / "清单.json").write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    code, text, err = run(capsys, "township", "summary", str(usb))
    assert code == 0, err
    first, second = text.splitlines()[:2]
    assert first.startswith("东山村党支部\t2026 年\t党员（正式/预备）") and "\t完好\t" in first
    assert second.strip().startswith("另有较早的报送包")
    code, out, err = run(capsys, "township", "summary", str(usb), "--json")
    assert code == 0, err
    rows = json.loads(out)["packs"]
    assert len(rows) == 1
    assert rows[0]["path"] == str(newer)
    assert [o["path"] for o in rows[0]["older"]] == [str(older)]
    assert "较早的报送包" in rows[0]["notes"][0]


def test_a_pack_copied_twice_counts_the_intact_copy(three, tmp_path: Path, capsys) -> None:
    # Found in review 7: the same pack twice on the stick (Windows' 「… - 副本」), one copy
    # altered: the row showed the altered copy whenever its folder came first and called the
    # intact one 「较早的报送包」 though both were made at the same minute.
    _book, pack = three["东山村党支部"]
    usb = tmp_path / "U盘"
    first = copy_pack(pack, usb / "a")
    second = copy_pack(pack, usb / "b")
    with (first / "清单.json").open("rb") as f:
        names = [x["name"] for x in json.load(f)["files"] if x["kind"] == "paper"]
    with (first / names[0]).open("ab") as f:
        f.write(b"x")
    code, out, err = run(capsys, "township", "summary", str(usb), "--json")
    assert code == 0, err
    [row] = json.loads(out)["packs"]
    assert row["path"] == str(second) and row["state"] == "完好"
    assert row["notes"][0].startswith(f"另有同一次制作的报送包副本 {first.name}（")
    assert "被改动" in row["notes"][0] and "较早" not in row["notes"][0]
    # The 汇总表's 报送包 column says the same: a copy, not an older pack.
    from desktop.book.township import _pack_text, scan

    [summary_row] = scan([usb]).rows
    assert _pack_text(summary_row).endswith("\n副本 1 份")


def test_no_packs_and_a_missing_folder(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "空U盘"
    empty.mkdir()
    (empty / "照片").mkdir()
    code, _out, err = run(capsys, "township", "summary", str(empty))
    assert code == 1 and "没有找到报送包" in err
    code, out, err = run(capsys, "township", "summary", str(empty), "--json")
    assert code == 1 and json.loads(out)["packs"] == []
    code, _out, err = run(capsys, "township", "summary", str(tmp_path / "没插"))
    assert code == 1 and "文件夹不存在" in err


def test_summary_to_pdf_and_xlsx_and_a_read_only_stick(stick: Path, tmp_path: Path, capsys):
    from openpyxl import load_workbook

    for root, dirs, files in os.walk(stick):
        for name in dirs + files:
            os.chmod(Path(root) / name, 0o555 if name in dirs else 0o444)
    os.chmod(stick, 0o555)
    try:
        before = _snapshot(stick)
        pdf, xlsx = tmp_path / "汇总.pdf", tmp_path / "汇总.xlsx"
        args = ("township", "summary", str(stick), "--password", PASSWORD)
        assert run(capsys, *args, "--out", str(pdf))[0] == 0
        assert run(capsys, *args, "--out", str(xlsx))[0] == 0
        assert _snapshot(stick) == before
    finally:
        for root, dirs, files in os.walk(stick):
            for name in dirs + files:
                os.chmod(Path(root) / name, 0o755)
    assert pdf.read_bytes().startswith(b"%PDF")
    wb = load_workbook(xlsx)
    rows = list(wb["汇总"].iter_rows(values_only=True))
    assert rows[0][1] == "支部" and len(rows) == 1 + 3 + 1
    assert {r[1] for r in rows[1:4]} == set(BRANCHES)
    data = list(wb["数据"].iter_rows(values_only=True))
    assert data[-1][0] == "合计"
    assert data[-1][3] == sum(r[3] for r in data[1:-1])
    shutil.rmtree(tmp_path / "U盘", ignore_errors=True)


def test_a_manifest_edited_on_its_own_cannot_change_the_roll(stick: Path, capsys) -> None:
    east = next((stick / "报送").glob("*东山村*"))
    m = json.loads((east / "清单.json").read_text(encoding="utf-8"))
    m["figures"]["members_formal"] += 10
    m["figures"]["members"] += 10
    (east / "清单.json").write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "township", "summary", str(stick), "--json")
    assert code == 0, err
    row = next(p for p in json.loads(out)["packs"] if p["branch"] == "东山村党支部")
    assert row["state"] == "被改动：清单.json"
    assert "党员人数与账本不符" in row["problem"] and "正式党员" in row["problem"]


def test_a_past_years_pack_flags_only_that_years_dues(tmp_path: Path) -> None:
    """A 2025 pack made in September 2026: 「连续6个月未交党费」 is about 2025 — a member who
    paid all 2025 is not flagged for the 2026 months his book (still in 2025) has no payments
    for; one who paid nothing from July 2025 is."""
    from datetime import date

    from desktop.book.dues_collection import record_payment
    from desktop.book.dues_rates import set_rate
    from desktop.book.pack_figures import pack_figures
    from desktop.book.store import Book

    day = date(2025, 1, 5)
    with Book.create(tmp_path / "b.db", branch="东山村党支部", year=2025) as book:
        ids = {
            n: book.roster.add_member(
                {"name": n, "status": "正式党员", "joined_date": "2000-07-01"}, today=day
            )
            for n in ("王一", "李二")
        }
        for mid in ids.values():
            set_rate(book, mid, from_month="2025-01", category="农民", fixed_fen=100, today=day)
        months = [f"2025-{m:02d}" for m in range(1, 13)]
        record_payment(
            book, ids["王一"], dict.fromkeys(months, 100), paid_date="2025-12-20",
            receiver="组织委员", today=date(2025, 12, 20),
        )  # fmt: skip
        record_payment(
            book, ids["李二"], dict.fromkeys(months[:6], 100), paid_date="2025-06-20",
            receiver="组织委员", today=date(2025, 6, 20),
        )  # fmt: skip
        flags = pack_figures(book, 2025, today=date(2026, 9, 1))["flags"]
    (line,) = [f for f in flags if f.startswith("连续6个月未交党费")]
    assert line == "连续6个月未交党费且未处理：李二"
