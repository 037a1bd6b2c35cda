"""The township pack (报送包) on disk: its manifest, and checking a pack against it.

A pack is a folder 「先锋指数报送-<支部>-<年度>-<YYYYMMDD-HHMM>」 holding the verified backup,
the interchange workbook, the year's PDFs, 请先阅读.pdf and 清单.json. The manifest names every
file with its size and SHA-256, the book's identity, the confirmed quarters' check codes and
the year's figures. Checking never writes beside the pack: what must be opened (a sealed
backup) is opened in a temporary folder on this computer.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop.book.errors import AlteredBookError, BookError, DamagedBookError, InputRefused
from desktop.book.seal import SEALED_SUFFIX, WrongPassword, is_sealed, unseal
from desktop.book.store import PACK_MANIFEST as MANIFEST

README = "请先阅读.pdf"
BACKUP = "账本备份.db"
WORKBOOK = "交换工作簿.xlsx"
PACK_PREFIX = "先锋指数报送-"
PART_SUFFIX = ".part"  # the pack's folder while it is being written
FORMAT = "pioneer-handover"
FORMAT_VERSION = 1

INTACT = "完好"
ALTERED = "被改动"
UNREADABLE = "无法读取"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def file_entry(path: Path, *, name: str, kind: str, title: str, sealed: bool = False) -> dict:
    return {
        "name": name,
        "kind": kind,
        "title": title,
        "size": path.stat().st_size,
        "sha256": sha256_file(path),
        "sealed": sealed,
    }


def backup_name(manifest: dict[str, Any]) -> str:
    """The name of the pack's backup file as the manifest lists it."""
    for f in manifest.get("files", []):
        if f.get("kind") == "backup":
            return str(f["name"])
    return BACKUP


@dataclass
class PackCheck:
    """What checking one pack found. `state` is 完好, 被改动：<file> or 无法读取：<why>."""

    path: Path
    manifest: dict[str, Any] | None = None
    state: str = INTACT
    problem: str | None = None
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, how)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.state == INTACT

    def fail(self, state: str, problem: str) -> PackCheck:
        if self.ok:  # the first thing found wrong names the state
            self.state, self.problem = state, problem
        else:
            self.problem = f"{self.problem}；{problem}"
        return self

    def lines(self) -> list[str]:
        return [f"{name}：{how}" for name, how in self.problems] or (
            [self.problem] if self.problem else []
        )


def read_manifest(folder: Path) -> dict[str, Any]:
    """The pack's manifest; InputRefused with the reason when it cannot be used."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise InputRefused(
            f"没有{MANIFEST}：这不是完整的报送包（可能没有复制完，或文件被删除）。",
            ["请把整个报送包文件夹重新复制一遍。"],
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputRefused(f"{MANIFEST}已损坏，读不出内容（{exc}）。") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputRefused(f"{MANIFEST}不是先锋指数报送包的清单。")
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise InputRefused(
            f"报送包由更新版本的先锋指数制作（{data.get('program_version', '?')}，"
            f"报送包格式第 {version} 版；本程序只认识到第 {FORMAT_VERSION} 版）。",
            ["请安装最新版本的先锋指数后再检查。"],
        )
    return data


def _check_files(check: PackCheck, folder: Path, manifest: dict[str, Any]) -> None:
    truncated = False
    for f in manifest.get("files", []):
        name = str(f.get("name", ""))
        path = folder / name
        if not name or Path(name).name != name:
            check.problems.append((MANIFEST, f"列出了不该有的文件名“{name}”"))
            continue
        if not path.is_file():
            check.problems.append((name, "文件缺失（已被删除，或没有复制过来）"))
            continue
        size = path.stat().st_size
        if size < f["size"]:
            truncated = True
            check.problems.append(
                (
                    name,
                    f"文件不完整（清单记为 {f['size']} 字节，现在只有 {size} 字节），可能没有复制完",
                )
            )
        elif size != f["size"]:
            check.problems.append(
                (name, f"大小与清单不符（清单记为 {f['size']} 字节，现在 {size} 字节），已被改动")
            )
        elif sha256_file(path) != f["sha256"]:
            check.problems.append((name, "内容与清单不符（SHA-256 不同），已被改动"))
    if check.problems:
        name, how = check.problems[0]
        if truncated and all("不完整" in h for _n, h in check.problems):
            check.fail(UNREADABLE + f"：{name}不完整", f"{name}：{how}")
        else:
            check.fail(ALTERED + f"：{name}", "；".join(f"{n}：{h}" for n, h in check.problems))


def plain_backup(
    folder: Path, manifest: dict[str, Any], password: str | None, scratch: Path
) -> Path:
    """A path to the pack's backup as a plain SQLite file: the file in the pack itself when
    it is not sealed, else a decrypted copy in `scratch` (never written beside the pack)."""
    name = backup_name(manifest)
    path = Path(folder) / name
    with open(path, "rb") as fh:
        head = fh.read(16)
    if not is_sealed(head):
        return path
    out = Path(scratch) / name.removesuffix(SEALED_SUFFIX)
    out.write_bytes(unseal(path.read_bytes(), password, name))
    return out


def _chain_codes(conn: sqlite3.Connection) -> dict[str, str]:
    if not conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'snapshots'"
    ).fetchone():
        return {}
    kind = (
        "kind"
        if any(r[1] == "kind" for r in conn.execute("pragma table_info(snapshots)"))
        else "'quarter'"
    )
    return {
        _chain_key(y, k, q): h
        for y, k, q, h in conn.execute(f"select year, {kind}, quarter, hash from snapshots")
    }


def _chain_key(year: Any, kind: str | None, number: Any) -> str:
    """A confirmed period's key in a pack's manifest check: "2026-3" for quarters (as packs
    always had), "2026-month-3" / "2026-half-1" otherwise."""
    if (kind or "quarter") == "quarter":
        return f"{year}-{number}"
    return f"{year}-{kind}-{number}"


def _key_label(key: str) -> str:
    """「2026年第3季度」for a chain key "2026-3"; months and halves carry their cycle
    ("2026-month-3")."""
    from desktop.book.periods import period_label

    parts = key.split("-")
    if len(parts) == 3:
        return period_label(int(parts[0]), int(parts[2]), parts[1])
    return period_label(int(parts[0]), int(parts[1]))


def _book_id(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("select value from settings where key = 'book_id'").fetchone()
    return row[0] if row else None


def _compare_chain(
    check: PackCheck, name: str, manifest: dict[str, Any], codes: dict[str, str]
) -> None:
    from desktop.rules.quarter import check_code

    listed = {
        _chain_key(q["year"], q.get("cycle"), q["quarter"]): q for q in manifest.get("quarters", [])
    }
    for key, q in listed.items():
        found = codes.get(key)
        if found is None:
            check.problems.append((name, f"{q['label']}不在账本的已确认季度中"))
        elif found != q["hash"]:
            check.problems.append(
                (
                    name,
                    f"{q['label']}的校验码与清单不符（清单 {q['check_code']}，"
                    f"账本 {check_code(found)}）",
                )
            )
    for key in codes.keys() - listed.keys():
        check.problems.append((name, f"账本中有清单没有列出的已确认期间（{_key_label(key)}）"))


def check_pack(folder: Path, *, password: str | None = None, deep: bool = False) -> PackCheck:
    """Check a pack: every file against the manifest, then its backup.

    Quick (the township desk): the backup's SQLite quick_check (its bytes already matched the
    manifest's SHA-256), its book id, its roll (正式/预备) and its confirmed quarters against
    the manifest. `deep` (`pioneer verify PACKDIR`)
    also checks the whole chain and the locked facts (`backup.verify_file`) and recomputes
    the manifest's figures from the backup.
    """
    folder = Path(folder)
    check = PackCheck(folder)
    if folder.name.endswith(PART_SUFFIX):
        return check.fail(
            UNREADABLE + "：报送包没有写完",
            "这是写到一半的报送包（临时文件夹），制作时出错或U盘被拔出；请让支部重新报送。",
        )
    try:
        manifest = read_manifest(folder)
    except InputRefused as exc:
        why = exc.message.split("：")[0].split("（")[0].rstrip("。")
        return check.fail(UNREADABLE + f"：{why}", "".join([exc.message, *exc.lines()]))
    check.manifest = manifest
    _check_files(check, folder, manifest)
    name = backup_name(manifest)
    if any(n == name for n, _h in check.problems):
        return check  # the backup itself differs: nothing in it can be trusted
    try:
        with open(folder / name, "rb") as fh:
            sealed = is_sealed(fh.read(16))
    except OSError as exc:
        return check.fail(UNREADABLE + f"：{name}", f"{name}：{exc}")
    if not sealed:  # read where it is (immutable mode: not even a lock file is written)
        _check_backup(check, folder / name, name, manifest, deep=deep)
        return check
    # A scratch folder only for a sealed backup: making and removing one costs more than
    # checking a small pack.
    with tempfile.TemporaryDirectory(prefix="pioneer-pack-") as scratch:
        try:
            plain = plain_backup(folder, manifest, password, Path(scratch))
        except WrongPassword as exc:
            why = "需要密码" if not password else "密码不对"
            return check.fail(UNREADABLE + f"：{why}", "".join([exc.message, *exc.lines()]))
        except (InputRefused, OSError) as exc:
            return check.fail(UNREADABLE + f"：{name}", f"{name}：{exc}")
        _check_backup(check, plain, name, manifest, deep=deep)
    return check


def _check_backup(
    check: PackCheck, plain: Path, name: str, manifest: dict[str, Any], *, deep: bool
) -> None:
    from desktop.book.store import sqlite_problem

    before = len(check.problems)  # the files' problems are already in the state
    if deep:
        from desktop.book.backup import verify_file

        try:
            verify_file(plain)
        except (AlteredBookError, DamagedBookError) as exc:
            check.problems.append((name, str(exc)))
            check.fail(ALTERED + f"：{name}", f"{name}：{exc}")
            return
        except BookError as exc:
            check.fail(UNREADABLE + f"：{name}", f"{name}：{exc}")
            return
    uri = f"{plain.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            if not deep:
                # The backup's SHA-256 already matched the manifest (the bytes are those of
                # the backup verified when the pack was made): SQLite's quick_check for the
                # desk; verify PACKDIR runs the full integrity check, chain and facts.
                result = conn.execute("PRAGMA quick_check").fetchall()
                if [r[0] for r in result] != ["ok"]:
                    check.problems.append((name, f"数据库完整性检查发现 {len(result)} 处问题"))
            book_id, codes = _book_id(conn), _chain_codes(conn)
            roll = _roll(conn, plain)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        check.problems.append((name, f"读不出账本（{sqlite_problem(exc)}）"))
        book_id, codes, roll = None, {}, None
    if book_id != manifest.get("book_id") and len(check.problems) == before:
        check.problems.append((name, "账本编号与清单不符（不是清单所说的那本账）"))
    _compare_chain(check, name, manifest, codes)
    found = check.problems[before:]
    if found:
        check.fail(ALTERED + f"：{name}", "；".join(f"{n}：{h}" for n, h in found))
        return
    # The roll the township counts on is read from the backup itself (one query), so a
    # manifest edited on its own cannot change 正式/预备 in the summary.
    listed = manifest.get("figures") or {}
    differ = [
        f"{label} 清单 {listed.get(key)}，账本 {roll.get(status, 0)}"
        for key, status, label in _ROLL
        if roll is not None and key in listed and listed[key] != roll.get(status, 0)
    ]
    if differ:
        check.problems.append(
            (MANIFEST, f"党员人数与账本不符（{'；'.join(differ)}），清单已被改动")
        )
        check.fail(
            ALTERED + f"：{MANIFEST}", f"{MANIFEST}：党员人数与账本不符（{'；'.join(differ)}）"
        )
        return
    if check.problems:
        return  # other files differ: the figures are not worth recomputing
    if deep:
        _compare_figures(check, plain, manifest)


_ROLL = (
    ("members_formal", "正式党员", "正式党员"),
    ("members_probationary", "预备党员", "预备党员"),
)


def _roll(conn: sqlite3.Connection, path: Path) -> dict[str, int]:
    """The backup's roll by 人员类别, counted as the book counts it (Roster.count)."""
    from desktop.book.store import Book

    return Book(path, conn).roster.count()


# Figures `verify` recomputes; the rest (flags, texts) follow from these.
_COMPARED = (
    "members",
    "members_formal",
    "members_probationary",
    "scored",
    "points_total",
    "activities",
    "dues_due_fen",
    "dues_paid_fen",
    "dues_owed_fen",
    "confirmed",
    "stars",
    "grades",
    "vetoes",
)


FIGURE_WORDS = {"dues_due_fen": "党费应缴", "dues_owed_fen": "党费欠缴"}


def _compare_figures(check: PackCheck, plain: Path, manifest: dict[str, Any]) -> None:
    import shutil

    from desktop.book.pack_figures import pack_figures
    from desktop.book.store import Book

    listed = manifest.get("figures") or {}
    with tempfile.TemporaryDirectory(prefix="pioneer-figures-") as scratch:
        copy = Path(scratch) / "book.db"
        shutil.copyfile(plain, copy)
        made = date.fromisoformat(str(manifest.get("as_of") or manifest.get("made_at"))[:10])
        try:
            with Book.open(copy, backup_dir=Path(scratch)) as book:
                now = pack_figures(book, int(manifest["year"]), today=made)
        except (BookError, KeyError, ValueError) as exc:
            check.notes.append(f"没有重新核算统计数字：{exc}")
            return
    from desktop.book.pack_figures import FIGURES_VERSION, figures_not_comparable

    version = manifest.get("figures_version", 1)
    skipped = (
        figures_not_comparable(version)
        if isinstance(version, int) and 1 <= version <= FIGURES_VERSION
        else ()
    )
    if skipped:
        words = "、".join(FIGURE_WORDS.get(k, k) for k in skipped)
        check.notes.append(
            f"报送包按较早的统计口径（第{version}版）计算了{words}，本程序为第{FIGURES_VERSION}版："
            "这几项没有重新核算，以清单为准"
        )
    differ = [k for k in _COMPARED if k in listed and k not in skipped and listed[k] != now.get(k)]
    if differ:
        check.problems.append(
            (MANIFEST, f"统计数字与账本不符（{'、'.join(differ)}），清单已被改动")
        )
        check.fail(
            ALTERED + f"：{MANIFEST}", f"{MANIFEST}：统计数字与账本不符（{'、'.join(differ)}）"
        )


def is_pack_dir(path: Path) -> bool:
    return (path / MANIFEST).is_file() or path.name.startswith(PACK_PREFIX)


def find_packs(folders: list[Path], *, max_depth: int = 4) -> list[Path]:
    """Every pack folder under `folders` (a pack's own subfolders are not searched)."""
    found: list[Path] = []
    seen: set[Path] = set()
    for top in folders:
        top = Path(top)
        if top.is_dir() and is_pack_dir(top):
            candidates = [top]
        else:
            candidates = []
            base = len(top.parts)
            for root, dirs, _files in os.walk(top, onerror=lambda _e: None):
                here = Path(root)
                dirs.sort()
                keep = []
                for d in dirs:
                    sub = here / d
                    if is_pack_dir(sub):
                        candidates.append(sub)
                    elif not d.startswith((".", "$")) and len(sub.parts) - base < max_depth:
                        keep.append(d)
                dirs[:] = keep
        for c in candidates:
            key = c.resolve()
            if key not in seen:
                seen.add(key)
                found.append(c)
    return found
