"""The packed stroke table (strokes.bin) says exactly what strokes.tsv says."""

from __future__ import annotations

import pytest

from desktop.resources import resource_path
from desktop.rules.stroke_table import StrokeTable, pack, read_tsv


@pytest.fixture(scope="module")
def tsv_rows() -> list[tuple[int, int, str]]:
    return read_tsv(resource_path("collation", "strokes.tsv").read_text("utf-8"))


def test_packed_file_is_packed_from_the_tsv(tsv_rows: list[tuple[int, int, str]]) -> None:
    packed = resource_path("collation", "strokes.bin").read_bytes()
    assert packed == pack(tsv_rows), "run: python tools/pack_stroke_table.py"


def test_every_character_reads_back_as_in_the_tsv(tsv_rows: list[tuple[int, int, str]]) -> None:
    table = StrokeTable.load(resource_path("collation", "strokes.bin"))
    assert len(table) == len(tsv_rows) == 27780
    for cp, count, strokes in tsv_rows:
        assert table.get(cp) == (count, strokes)


def test_characters_not_in_the_table() -> None:
    table = StrokeTable(pack([(0x4E00, 1, "1"), (0x4E01, 2, ""), (0x4E03, 2, "15")]))
    assert table.get(0x4E00) == (1, "1")
    assert table.get(0x4E01) == (2, "")
    assert table.get(0x4E03) == (2, "15")
    for cp in (0, ord("A"), 0x4DFF, 0x4E02, 0x4E04, 0x10FFFF):
        assert table.get(cp) is None


def test_bad_files_and_rows_are_refused() -> None:
    with pytest.raises(ValueError):
        StrokeTable(b"NOTATABL" + bytes(4))
    data = pack([(0x4E00, 1, "1"), (0x4E01, 2, "12")])
    with pytest.raises(ValueError):
        StrokeTable(data[:20])
    with pytest.raises(ValueError):
        pack([(0x4E00, 1, "1"), (0x4E00, 2, "12")])  # twice
    with pytest.raises(ValueError):
        pack([(0x4E00, 1, "6")])  # not a stroke class
    with pytest.raises(ValueError):
        pack([(0x4E00, 0, "")])  # no count
