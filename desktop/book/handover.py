"""Writing the township pack (报送包) for a year: `pioneer handover` and 「报送乡镇…」.

Everything is made first in a temporary folder on this computer (backup, workbook, PDFs),
then copied into `<name>.part` on the stick, read back and compared, the manifest written
last, and only then the folder renamed to its final name. A full, read-only or pulled stick
stops the copy with a plain message and the half-written folder is removed (or, if even that
fails, keeps its `.part` name and no manifest, so it never looks complete).
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.book.errors import InputRefused
from desktop.book.pack import (
    BACKUP,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    PACK_PREFIX,
    PART_SUFFIX,
    README,
    WORKBOOK,
    file_entry,
    sha256_file,
)
from desktop.book.periods import period_label
from desktop.book.seal import SEALED_SUFFIX, kdf_params, seal
from desktop.book.store import Book

Progress = Callable[[int, str], None]  # (percent, what is being done)

HANDOVER_ACTION = "报送乡镇"


def _safe(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_") or "支部"


def pack_name(branch: str, year: int, when: datetime) -> str:
    return f"{PACK_PREFIX}{_safe(branch)}-{year}-{when.strftime('%Y%m%d-%H%M')}"


def _papers(book: Book, year: int, today: date) -> list[tuple[str, str, dict[str, Any]]]:
    """(title, print kind, options) of the year's paper, in the order a reviewer reads it."""
    from desktop.book.printing import KINDS
    from desktop.book.quarter import year_status
    from desktop.book.scoring import year_scheme

    out: list[tuple[str, str, dict[str, Any]]] = [(KINDS["roster"][0], "roster", {})]
    for st in year_status(book, year, today=today):
        if st["state"] not in ("publicity", "confirmed"):
            continue
        q, cycle = st["quarter"], st.get("kind", "quarter")
        for kind in ("publicity", "quarter-review"):
            name = KINDS[kind][0]
            if kind == "quarter-review" and cycle != "quarter":
                name = {"month": "月度积分管理审核表", "half": "半年积分管理审核表"}[cycle]
            # 「第3季度积分管理审核表」, not 「第3季度季度…」: the period says its cycle already.
            name = name.removeprefix({"quarter": "季度", "month": "月度", "half": "半年"}[cycle])
            # The print options name the period as the command line does (--month 3).
            out.append((f"{st['number_text']}{name}", kind, {"year": year, cycle: q}))
    for kind in ("attendance-summary", "dues-register", "bonus-details"):
        out.append((KINDS[kind][0], kind, {"year": year}))
    # The rating table once the year is rated: the year has ended (its rating is final).
    if year_scheme(book, year).rating is not None and today.isoformat() > f"{year:04d}-12-31":
        out.append((KINDS["rating"][0], "rating", {"year": year}))
    return out


def _stick_error(exc: OSError, dest: Path) -> InputRefused:
    if not dest.is_dir() or exc.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
        # The folder went away while writing: the stick was pulled out. Asked first, as backup
        # does: Windows says 「设备未就绪」 (WinError 21), which has no POSIX code of its own,
        # and the system's words 「No such file or directory」 would be English on most PCs.
        return InputRefused(
            f"U盘被拔出或文件夹已不在：{dest}，报送包没有写完。",
            ["请插好U盘后重新报送。U盘上如留有以 .part 结尾的文件夹，是没有写完的，可以删除。"],
        )
    if exc.errno == errno.ENOSPC:
        return InputRefused(
            f"U盘（{dest}）空间不够，报送包没有写完，已删除写了一半的文件。",
            ["请腾出空间或换一个U盘后重新报送。"],
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return InputRefused(
            f"不能写入 {dest}：U盘是只读的或没有写入权限，报送包没有写成。",
            ["请检查U盘的写保护开关，或换一个文件夹。"],
        )
    return InputRefused(
        f"写入 {dest} 时出错（{exc.strerror or exc}），报送包没有写完。",
        ["U盘可能被拔出或已损坏：请插好U盘后重新报送。写了一半的文件夹以 .part 结尾，可以删除。"],
    )


def make_handover(
    book: Book,
    dest: Path,
    *,
    year: int | None = None,
    password: str | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    operator: str | None = None,
) -> Path:
    """Write the year's pack under `dest`; return the pack folder. The 经办人 printed for the
    township is `operator`, else the name set for the book, else none (a blank to sign on
    paper): never the computer's login name (root, Administrator, DELL)."""
    from desktop.book.backup import backup_book
    from desktop.book.interchange import export_workbook
    from desktop.book.pack_figures import FIGURES_VERSION, pack_figures
    from desktop.book.printing import print_document
    from desktop.book.scoring import check_year_scored
    from desktop.paper.handover import write_readme
    from desktop.rules.quarter import check_code

    report = progress or (lambda _p, _t: None)
    dest = Path(dest)
    if not dest.is_dir():
        raise InputRefused(
            f"文件夹不存在：{dest}。" if not dest.exists() else f"“{dest}”不是文件夹。",
            ["请选择一个已有的文件夹（U盘是否已插好？盘符或路径是否写对？）。"],
        )
    year = year or book.current_year
    check_year_scored(book, year, cannot=f"不能报送 {year} 年", option="（--year）")
    if password is not None and not password:
        raise InputRefused("密码不能为空。", ["请填写密码，或不加密。"])
    if operator is not None and len(operator.strip()) > 20:
        raise InputRefused("经办人姓名太长。", ["请只填写姓名，例如“张红梅”（20 字以内）。"])
    day = today or date.today()
    when = datetime.now()
    branch = book.branch()
    name = pack_name(branch["name"], year, when)
    final = dest / name
    n = 1
    while final.exists() or final.with_name(final.name + PART_SUFFIX).exists():
        n += 1
        final = dest / f"{name}-{n}"
    part = final.with_name(final.name + PART_SUFFIX)

    with tempfile.TemporaryDirectory(prefix="pioneer-handover-") as tmp:
        local = Path(tmp)
        report(5, "备份账本（经过校验）…")
        made = backup_book(book, reason="报送", dest_dir=local)
        files: list[dict[str, Any]] = []
        entries: list[tuple[Path, str, str, str, bool]] = []  # (local, name, kind, title, sealed)
        report(15, "导出交换工作簿…")
        workbook = export_workbook(book, local / WORKBOOK)
        for path, fname, kind, title in (
            (made, BACKUP, "backup", "账本备份（经过校验）"),
            (workbook, WORKBOOK, "workbook", "交换工作簿（整本账，可导入）"),
        ):
            if password:
                sealed = local / (fname + SEALED_SUFFIX)
                sealed.write_bytes(seal(path.read_bytes(), password))
                entries.append((sealed, sealed.name, kind, title + "，已加密", True))
            else:
                target = local / fname
                if path != target:
                    path.replace(target)
                entries.append((target, fname, kind, title, False))
        papers = _papers(book, year, day)
        notes: list[str] = []
        for i, (title, kind, opts) in enumerate(papers):
            report(25 + 45 * i // max(len(papers), 1), f"生成 {title}…")
            fname = f"{len(entries) - 1:02d}-{title}.pdf"  # numbered in reading order
            try:
                print_document(book, kind, local / fname, today=today, **opts)
            except InputRefused as exc:
                # One sheet the book refuses to print (a publicity whose results changed)
                # must not stop the pack: it is left out and the reason written down.
                notes.append(f"没有附上“{title}”：{exc}")
                continue
            entries.append((local / fname, fname, "paper", title, False))
        report(72, "统计本年度情况…")
        figures = pack_figures(book, year, today=today)
        quarters = [
            {
                "year": y,
                "quarter": q,
                "label": period_label(y, q, k),
                "hash": h,
                "check_code": check_code(h),
                "confirmed_at": at,
            }
            | ({} if k == "quarter" else {"cycle": k})
            for y, q, k, h, at in book.execute(
                "select year, quarter, kind, hash, created_at from snapshots order by id"
            )
        ]
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "program_version": __version__,
            "branch": branch["name"],
            "parent_org": branch["parent_org"],
            "book_id": book.setting("book_id"),
            "year": year,
            "operator": (operator if operator is not None else book.operator).strip(),
            "made_at": when.isoformat(timespec="seconds"),
            "as_of": day.isoformat(),  # the day the figures were counted as of
            "encrypted": bool(password),
            "encryption": kdf_params() if password else None,
            "counts": _counts(book),
            "quarters": quarters,
            "chain_head": quarters[-1]["hash"] if quarters else None,
            "chain_head_code": quarters[-1]["check_code"] if quarters else None,
            "figures": figures,
            "figures_version": FIGURES_VERSION,
            "notes": notes,
            "files": [],
        }
        report(76, "生成 请先阅读.pdf…")
        write_readme(local / README, manifest, [(e[1], e[3]) for e in entries])
        entries.append((local / README, README, "readme", "说明：报送包里有什么、怎样核对", False))
        for path, fname, kind, title, sealed in entries:
            files.append(file_entry(path, name=fname, kind=kind, title=title, sealed=sealed))
        manifest["files"] = files
        report(80, "写入U盘…")
        try:
            _write_pack(part, final, local, manifest)
        except OSError as exc:
            shutil.rmtree(part, ignore_errors=True)
            raise _stick_error(exc, dest) from exc
    report(98, "记入操作记录…")
    if getattr(book, "read_only", False):  # a book opened read-only (issue 11) keeps no record
        report(100, "完成")
        return final
    with book.action(
        HANDOVER_ACTION,
        f"{year} 年报送包：{final.name}" + ("（已加密）" if password else ""),
        folder=str(final),
        files=len(files),
        encrypted=bool(password),
        chain_head=manifest["chain_head"],
    ):
        pass
    report(100, "完成")
    return final


def _counts(book: Book) -> dict[str, int]:
    from desktop.book.backup import _COUNTED_TABLES

    tables = {r[0] for r in book.execute("select name from sqlite_master where type='table'")}
    return {
        label: book.execute(f"select count(*) from {t}").fetchone()[0]
        for t, label in _COUNTED_TABLES.items()
        if t in tables
    }


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_to_stick(source: Path, target: Path) -> None:
    """Copy one file and make sure it reached the device (not just the cache)."""
    with open(source, "rb") as src, open(target, "wb") as out:
        shutil.copyfileobj(src, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())


def _write_pack(part: Path, final: Path, local: Path, manifest: dict[str, Any]) -> None:
    part.mkdir()
    for f in manifest["files"]:
        _copy_to_stick(local / f["name"], part / f["name"])
    # Read back what reached the stick: a stick that lies about writes is caught here.
    for f in manifest["files"]:
        target = part / f["name"]
        if target.stat().st_size != f["size"] or sha256_file(target) != f["sha256"]:
            raise OSError(errno.EIO, f"读回的 {f['name']} 与写入的不同", str(target))
    text = json.dumps(manifest, ensure_ascii=False, indent=2)
    with open(part / MANIFEST, "w", encoding="utf-8") as out:
        out.write(text + "\n")
        out.flush()
        os.fsync(out.fileno())
    if json.loads((part / MANIFEST).read_text(encoding="utf-8")) != manifest:
        raise OSError(errno.EIO, f"读回的 {MANIFEST} 与写入的不同", str(part / MANIFEST))
    _fsync_dir(part)
    os.replace(part, final)
    _fsync_dir(final.parent)
