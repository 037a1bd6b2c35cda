"""Render one thumbnail (first page) of every printed kind into docs/paper/KIND.png.

    python tools/paper_thumbnails.py        (needs poppler's pdftoppm)

Everything is printed from a fresh demo book of last year (as `pioneer demo --year Y` makes
it: ~40 members, Q4 in publicity); a kind the demo cannot print as it is (a notice nobody was
given, certificates of a scheme without stars) is recorded or drawn from sample data first.
docs/paper.md lists the kinds with these pictures; tests/paper/test_paper_docs.py checks that
every kind in desktop.book.printing.KINDS is listed there with its picture.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PIONEER_PAPER_FONTS", "bundled")

OUT = ROOT / "docs" / "paper"


def main() -> None:
    from desktop.book.demo import create_demo
    from desktop.book.errors import InputRefused
    from desktop.book.meetings import Meetings
    from desktop.book.printing import KINDS, print_document

    year = date.today().year - 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        book = create_demo(Path(tmp) / "demo.db", year=year)
        mt = Meetings(book)
        acts = mt.activities(year)
        held = next(a for a in acts if a["type"] == "主题党日")
        member = book.roster.members()[3]
        opts = {
            "year": year,
            "quarter": 4,
            "activity": held["code"],
            "member": member["code"],
            "order": "strokes",
        }
        for kind in KINDS:
            pdf = Path(tmp) / f"{kind}.pdf"
            try:
                print_document(book, kind, pdf, **opts)
            except InputRefused as exc:
                if not _sample(kind, pdf, book, year):
                    print(f"{kind}: skipped ({exc.message})")
                    continue
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-scale-to",
                    "320",
                    "-singlefile",
                    str(pdf),
                    str(OUT / kind),
                ],
                check=True,
            )
            print(f"{kind}: {OUT / (kind + '.png')}")
        book.close()


def _sample(kind: str, pdf: Path, book, year: int) -> bool:
    """Kinds the demo can't print as it is, from sample data (what the book would hand over)."""
    branch = book.branch()
    if kind == "period-scores":  # by month or half-year, not by the quarter the others use
        from desktop.book.printing import print_document

        print_document(book, kind, pdf, year=year, month=3)
        return True
    if kind in ("warning-notice", "reminder-notice"):
        from desktop.paper.meetings import write_notice

        write_notice(
            pdf,
            branch,
            {
                "kind": "警戒书" if kind == "warning-notice" else "提醒",
                "name": "王建国",
                "date": f"{year}-06-10",
                "reason": f"{year}年6月5日无故缺席主题党日",
                "absences": [f"{year}-05-10 主题党日", f"{year}-06-05 主题党日"],
                "doc_no": f"红星村支〔{year}〕警1号",
            },
        )
        return True
    if kind == "certificates":
        from desktop.paper.year_end import write_certificates

        write_certificates(
            pdf,
            [
                {
                    "name": "王建国",
                    "stars": 5,
                    "honour": "五星级党员",
                    "text": f"在{year}年度党员积分制管理中，积极履行党员义务，充分发挥先锋模范作用，"
                    f"年度积分103分（含加分，基础满分100分），经党支部评定、上级党（工）委审批，"
                    f"被评为{year}年度“五星级党员”。\n特发此证，以资鼓励。",
                    "branch": branch["name"],
                    "date": f"{year + 1}-01-20",
                    "number": f"{year}-001",
                }
            ],
        )
        return True
    return False


if __name__ == "__main__":
    main()
