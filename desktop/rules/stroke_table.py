"""The stroke table in a compact binary form, so that sorting a roster at start-up does not
parse 27,780 text lines (about 25 ms; this form opens in well under 1 ms).

``resources/collation/strokes.tsv`` stays the readable source (see SOURCES.md there);
``strokes.bin`` beside it is packed from it by ``tools/pack_stroke_table.py`` and a test
checks that the two agree. Layout, little-endian:

    magic  b"PIONSTK1"
    n      uint32, the number of characters
    cps    n × uint32, code points in ascending order
    counts n × uint8, simplified stroke counts
    ends   n × uint32, end of each character's stroke classes in `seq` (start = previous end)
    seq    ASCII digits "1".."5", every character's stroke classes run together
"""

from __future__ import annotations

import struct
import sys
from array import array
from bisect import bisect_left
from pathlib import Path

MAGIC = b"PIONSTK1"
_HEADER = struct.Struct("<8sI")


class StrokeTable:
    """Code point -> (stroke count, stroke classes "1".."5" in writing order, or "")."""

    def __init__(self, data: bytes) -> None:
        magic, n = _HEADER.unpack_from(data)
        if magic != MAGIC:
            raise ValueError("not a packed stroke table")
        pos = _HEADER.size
        self._cps = _uint32s(data[pos : pos + 4 * n])
        pos += 4 * n
        self._counts = data[pos : pos + n]
        pos += n
        self._ends = _uint32s(data[pos : pos + 4 * n])
        pos += 4 * n
        self._seq = data[pos:].decode("ascii")
        if len(self._cps) != n or len(self._counts) != n or len(self._ends) != n:
            raise ValueError("truncated stroke table")

    @classmethod
    def load(cls, path: Path) -> StrokeTable:
        return cls(path.read_bytes())

    def __len__(self) -> int:
        return len(self._cps)

    def get(self, cp: int) -> tuple[int, str] | None:
        i = bisect_left(self._cps, cp)
        if i == len(self._cps) or self._cps[i] != cp:
            return None
        start = self._ends[i - 1] if i else 0
        return self._counts[i], self._seq[start : self._ends[i]]


def _uint32s(raw: bytes) -> array:
    values = array("I")
    if values.itemsize != 4:  # pragma: no cover - no platform we ship to
        values = array("L")
    values.frombytes(raw)
    if sys.byteorder == "big":  # pragma: no cover
        values.byteswap()
    return values


def read_tsv(text: str) -> list[tuple[int, int, str]]:
    """(code point, count, stroke classes or "") for each line of strokes.tsv, as written."""
    rows = []
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cp, count, strokes, _src = line.split("\t")
        rows.append((int(cp, 16), int(count), "" if strokes == "0" else strokes))
    return rows


def pack(rows: list[tuple[int, int, str]]) -> bytes:
    """The binary form of `rows` (as `read_tsv` returns them)."""
    rows = sorted(rows)
    cps = [cp for cp, _count, _strokes in rows]
    if len(set(cps)) != len(cps):
        raise ValueError("a code point occurs twice in the stroke table")
    ends, seq, end = [], [], 0
    for _cp, count, strokes in rows:
        if not 0 < count < 256 or strokes.strip("12345"):
            raise ValueError(f"bad stroke data: {count} {strokes!r}")
        end += len(strokes)
        ends.append(end)
        seq.append(strokes)
    n = len(rows)
    return b"".join(
        [
            _HEADER.pack(MAGIC, n),
            struct.pack(f"<{n}I", *cps),
            bytes(count for _cp, count, _strokes in rows),
            struct.pack(f"<{n}I", *ends),
            "".join(seq).encode("ascii"),
        ]
    )
