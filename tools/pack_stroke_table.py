"""Pack resources/collation/strokes.tsv into strokes.bin, the form the program reads.

Run after tools/make_stroke_table.py changes the table (a test fails while they disagree):
  python tools/pack_stroke_table.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.rules.stroke_table import pack, read_tsv  # noqa: E402

FOLDER = ROOT / "resources" / "collation"


def main() -> None:
    rows = read_tsv((FOLDER / "strokes.tsv").read_text(encoding="utf-8"))
    data = pack(rows)
    (FOLDER / "strokes.bin").write_bytes(data)
    print(f"packed {len(rows)} characters into {FOLDER / 'strokes.bin'} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
