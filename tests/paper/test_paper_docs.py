"""docs/paper.md lists every printed kind with its thumbnail (tools/paper_thumbnails.py)."""

from __future__ import annotations

from pathlib import Path

from desktop.book.printing import KINDS

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_kind_is_listed_with_a_thumbnail() -> None:
    text = (DOCS / "paper.md").read_text(encoding="utf-8")
    for kind, (name, _writer) in KINDS.items():
        assert f"## `{kind}` — {name}" in text, kind
        picture = DOCS / "paper" / f"{kind}.png"
        assert f"](paper/{kind}.png)" in text and picture.is_file(), kind
        assert picture.read_bytes().startswith(b"\x89PNG") and picture.stat().st_size < 100_000
