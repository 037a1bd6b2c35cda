"""Printing speed: our documents against a bare reportlab table of the same content.

    python benchmarks/printing.py [--repeat N] [--register-members N]

Two cases from issue 4: a sign-in sheet for 60 members and a ~200-page register (the roster
of ~2,600 members, landscape). Each is timed (best of N) as `desktop.paper` writes it and as
a bare reportlab document of the same content: one SimpleDocTemplate with the same page size
and margins, a title paragraph, and one Table of plain strings with the same column widths,
font, padding and the same line breaks (pre-broken outside the timing, so both print the same
rows on the same number of pages). The ratio is ours / bare; issue 4's target is ≤ 1.3×.
Ours includes what the bare document lacks (heading fields, signatures, page furniture) and,
for the sign-in sheet, the measuring pass that decides where rows and signatures go (one
pass without drawing, then one build; it was a full build per try).
Font registration happens once before any timing, as it does once per process in the program.
The bare document registers the same font file as a plain reportlab user would (TTFont with
reportlab's defaults); ours registers it with the options the program chose (fonts.py).

Times are CPU seconds of this process (time.process_time): on a shared, busy machine the
wall clock also counts other processes' turns and moved the ratio by ±0.3 between runs.
The best and the median of the interleaved runs are printed, with the wall-clock ratio for
comparison.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [
    str(ROOT),
    str(ROOT / "tests"),
    str(ROOT / "tests" / "paper"),
]  # paper_helpers needs tests/poppler.py
os.environ.setdefault("PIONEER_PAPER_FONTS", "bundled")

from paper_helpers import ACTIVITY, BRANCH, make_members  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: E402

from desktop.paper.fonts import BUNDLED_FONT_FILE, fonts  # noqa: E402
from desktop.paper.layout import (  # noqa: E402
    LANDSCAPE_MARGINS,
    PORTRAIT_MARGINS,
    Column,
    PaperDocument,
    break_lines,
)
from desktop.paper.roster import NOTES_MIN_MM, ROSTER_COLUMNS, write_roster  # noqa: E402
from desktop.paper.signin import ROW_HEIGHT_MM, SIGNIN_COLUMNS, write_signin_sheet  # noqa: E402
from desktop.resources import resource_path  # noqa: E402

PAD_X = 3.0  # the builder's horizontal cell padding, in points


def prepare(
    columns: Sequence[Column], rows: list[list[str]], *, wide: bool, size: float
) -> tuple[list[float], list[list[str]]]:
    """Column widths as ours computes them, and cells broken into the lines ours prints."""
    doc = PaperDocument(io.BytesIO(), title="", landscape=wide)
    fitted = doc.fit_columns(columns, rows, size, size, flex_min=NOTES_MIN_MM)
    widths = doc.widths(fitted, header_size=size)
    font = fonts().song
    broken = [
        [
            "\n".join(break_lines(v, w - 2 * PAD_X, font, size))
            for v, w in zip(row, widths, strict=True)
        ]
        for row in rows
    ]
    return widths, broken


BARE_FONT = "BareReportlabFont"


def bare_font() -> str:
    """The program's table font file registered with reportlab's defaults, once."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if BARE_FONT not in pdfmetrics.getRegisteredFontNames():
        # The benchmark prints with the bundled fonts (PIONEER_PAPER_FONTS=bundled).
        pdfmetrics.registerFont(TTFont(BARE_FONT, str(resource_path(*BUNDLED_FONT_FILE))))
    return BARE_FONT


def bare_table(
    title: str,
    header: list[str],
    rows: list[list[str]],
    *,
    wide: bool,
    widths: list[float],
    size: float,
    min_row_height: float | None = None,
) -> int:
    """The baseline: a title and one table of plain strings, reportlab and nothing else."""
    font = bare_font()
    buf = io.BytesIO()
    m = LANDSCAPE_MARGINS if wide else PORTRAIT_MARGINS
    doc = SimpleDocTemplate(
        buf,
        pagesize=landscape(A4) if wide else A4,
        # SimpleDocTemplate's frame pads 6 pt on each side: take it from the margins so
        # the text area is the same as ours.
        leftMargin=m.left * mm - 6,
        rightMargin=m.right * mm - 6,
        topMargin=m.top * mm - 6,
        bottomMargin=m.bottom * mm - 6,
    )
    leading = round(size * 1.25, 1)
    pad_y = max(3.0, (min_row_height * mm - leading) / 2) if min_row_height else 3.0
    title_style = ParagraphStyle("t", fontName=font, fontSize=22, leading=30, alignment=1)
    table = Table([header, *rows], repeatRows=1, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, size, leading),
                ("GRID", (0, 0), (-1, -1), 0.6, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 1), (-1, -1), pad_y),
                ("BOTTOMPADDING", (0, 1), (-1, -1), pad_y),
            ]
        )
    )
    doc.build([Paragraph(title, title_style), table])
    return doc.page


def timed(fn: Callable[[], int]) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, result) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--register-members", type=int, default=2600)
    args = ap.parse_args()
    fonts()  # registration is once per process: keep it out of both timings
    bare_font()

    signin = make_members(60)
    guests = 5
    s_rows = [[str(i), m["name"], m["group"], "", m["leave"], ""] for i, m in enumerate(signin, 1)]
    s_rows += [[""] * 6 for _ in range(guests)]  # ours prints 5 blank guest rows too
    s_widths, s_rows = prepare(SIGNIN_COLUMNS, s_rows, wide=False, size=11)

    register = make_members(args.register_members)
    keys = [k for _c, k in ROSTER_COLUMNS[1:]]
    r_cols = [c for c, _k in ROSTER_COLUMNS]
    r_rows = [[str(i)] + [m[k] or "" for k in keys] for i, m in enumerate(register, 1)]
    r_widths, r_rows = prepare(r_cols, r_rows, wide=True, size=10.5)

    cases: list[tuple[str, Callable[[], int], Callable[[], int]]] = [
        (
            f"签到表 {len(signin)} 人",
            lambda: write_signin_sheet(
                io.BytesIO(), BRANCH, ACTIVITY, signin, guests_blank_rows=guests
            ),
            lambda: bare_table(
                "主题党日签到表",
                [c.title for c in SIGNIN_COLUMNS],
                s_rows,
                wide=False,
                widths=s_widths,
                size=11,
                min_row_height=ROW_HEIGHT_MM,
            ),
        ),
        (
            f"花名册 {len(register)} 人",
            lambda: write_roster(io.BytesIO(), BRANCH, register, printed_on="2026-11-24"),
            lambda: bare_table(
                "党员花名册",
                [c.title for c in r_cols],
                r_rows,
                wide=True,
                widths=r_widths,
                size=10.5,
            ),
        ),
    ]
    print(
        f"{'document':<16}{'pages ours/bare':>16}{'ours ms':>9}{'bare ms':>9}"
        f"{'ratio best':>11}{'median':>8}{'wall':>7}"
    )
    for name, ours, bare in cases:
        # Interleaved (ours, bare, ours, bare …) so a machine that gets busier or quieter
        # during the run shifts both timings alike.
        cpu_ours, cpu_bare, wall_ours, wall_bare = [], [], [], []
        pages = bare_pages = 0
        for _ in range(args.repeat):
            cpu, wall, pages = timed(ours)
            cpu_ours.append(cpu)
            wall_ours.append(wall)
            cpu, wall, bare_pages = timed(bare)
            cpu_bare.append(cpu)
            wall_bare.append(wall)
        t_ours, t_bare = min(cpu_ours), min(cpu_bare)
        ratio = t_ours / t_bare
        median = statistics.median(cpu_ours) / statistics.median(cpu_bare)
        wall = min(wall_ours) / min(wall_bare)
        print(
            f"{name:<14}{pages:>10}/{bare_pages:<6}{t_ours * 1000:>9.1f}{t_bare * 1000:>9.1f}"
            f"{ratio:>10.2f}×{median:>7.2f}×{wall:>6.2f}×"
        )


if __name__ == "__main__":
    main()
