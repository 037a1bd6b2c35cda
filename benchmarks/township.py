"""The township desk's speed: scanning and summing up 40 packs, against checking the same 40
backups' integrity with plain sqlite3.

    python benchmarks/township.py [--packs 40] [--repeat 3] [--keep DIR]

Set-up (not timed): one demo branch (42 members, a year of facts, three quarters confirmed) is
packed for real with `handover` (backup, workbook, a dozen PDFs, manifest); the pack is then
cloned into 40 branches, each clone's backup given its own branch name and book id, and its
manifest rewritten to match, so every pack is intact and distinct.

Timed, best of N, each in the same run, interleaved (baseline, ours, baseline, ours …) so a
machine that gets busier or quieter during the run shifts both alike; wall time (the target)
and the CPU time of this process (ours checks packs on two threads; both count) are printed:
- baseline: for each of the 40 backups, `sqlite3.connect(...?mode=ro)` and
  `PRAGMA integrity_check` — what a script with nothing but sqlite3 would do;
- ours: `township.scan([stick])` (find the packs, SHA-256 of every file of every pack against
  its manifest, then each backup's quick_check, book id, roll and confirmed quarters against
  the manifest) plus `summary_json` and the table rows — everything the desk does before it
  shows the table.
Issue 13's target: ours ≤ 2× the baseline, and under 5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.book.pack import BACKUP, MANIFEST, file_entry  # noqa: E402
from desktop.book.township import row_cells, scan, summary_json  # noqa: E402

TODAY = date(2027, 1, 20)


def build(base: Path, count: int) -> tuple[Path, list[Path]]:
    """(the stick, the backups in it): `count` intact packs of distinct branches."""
    from desktop.book.demo import create_demo
    from desktop.book.handover import make_handover

    os.environ["PIONEER_HOME"] = str(base / "home")
    first = base / "first"
    first.mkdir()
    book = create_demo(base / "demo.db", year=2026, today=TODAY)
    try:
        pack = make_handover(book, first, year=2026, today=TODAY)
    finally:
        book.close()
    stick = base / "U盘"
    stick.mkdir()
    backups = []
    for i in range(count):
        branch = f"第{i + 1:02d}村党支部"
        book_id = uuid.uuid4().hex
        clone = stick / pack.name.replace("城关镇红星村党支部", branch)
        shutil.copytree(pack, clone)
        db = clone / BACKUP
        conn = sqlite3.connect(db)
        conn.execute("update branch set name = ? where id = 1", [branch])
        conn.execute("update settings set value = ? where key = 'book_id'", [book_id])
        conn.commit()
        conn.close()
        manifest = json.loads((clone / MANIFEST).read_text(encoding="utf-8"))
        manifest.update(branch=branch, book_id=book_id)
        manifest["files"] = [
            file_entry(db, name=f["name"], kind=f["kind"], title=f["title"])
            if f["name"] == BACKUP
            else f
            for f in manifest["files"]
        ]
        (clone / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        backups.append(db)
    return stick, backups


def baseline(backups: list[Path]) -> tuple[float, float]:
    """(wall, CPU) seconds."""
    start, cpu = time.perf_counter(), time.process_time()
    for db in backups:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    return time.perf_counter() - start, time.process_time() - cpu


def ours(stick: Path, count: int) -> tuple[float, float]:
    """(wall, CPU) seconds."""
    start, cpu = time.perf_counter(), time.process_time()
    summary = scan([stick])
    data = summary_json(summary)
    _cells = [row_cells(r) for r in summary.rows]
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    states = [p["state"] for p in data["packs"]]
    assert len(states) == count and set(states) == {"完好"}, states[:3]
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packs", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--keep", type=Path, default=None, help="build the packs here and keep them"
    )
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="pioneer-bench-township-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        stick, backups = build(base, args.packs)
        size = sum(p.stat().st_size for p in stick.rglob("*") if p.is_file())
        print(
            f"{args.packs} 个报送包（{size / 1024 / 1024:.1f} MB），准备用时 "
            f"{time.perf_counter() - t0:.1f} s"
        )
        ours(stick, args.packs)  # warm the file cache and imports for both
        baseline(backups)
        runs_b, runs_o = [], []
        for _ in range(args.repeat):  # interleaved: a busy moment hits both
            runs_b.append(baseline(backups))
            runs_o.append(ours(stick, args.packs))
        base_t, base_c = min(w for w, _c in runs_b), min(c for _w, c in runs_b)
        ours_t, ours_c = min(w for w, _c in runs_o), min(c for _w, c in runs_o)
        ratio = ours_t / base_t
        load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
        print(f"load average: {load}")
        print(
            f"baseline  sqlite3 integrity_check × {args.packs}: {base_t * 1000:8.1f} ms"
            f" (CPU {base_c * 1000:.1f} ms)"
        )
        print(
            f"ours      scan + summary of {args.packs} packs:   {ours_t * 1000:8.1f} ms"
            f" (CPU {ours_c * 1000:.1f} ms)"
        )
        ok = ratio <= 2 and ours_t < 5
        print(
            f"ratio {ratio:.2f}× wall, {ours_c / base_c:.2f}× CPU (target ≤ 2× wall, and < 5 s):"
            f" {'OK' if ok else 'OVER'}"
        )
        return 0 if ok else 1
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
