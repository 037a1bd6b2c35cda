"""The year's points scheme on A4 (党员积分管理办法): for the committee's discussion, the
branch's file and the notice board. Plain data in (see desktop/book/scheme_print.py), PDF out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from desktop.paper.layout import Column, Output, PaperDocument, Row, SpanRow, para_text

ITEM_COLUMNS = (
    Column("项目", 42, "left"),
    Column("计分依据", None, "left"),
    Column("分值", 36, "left"),
    Column("上限", 29, "left"),
)
OVERVIEW_COLUMNS = (
    Column("部分", None, "left"),
    Column("满分", 18),
    Column("计分方式", 48, "left"),
    Column("计分周期", 44, "left"),
)
LEVEL_COLUMNS = (Column("分数线", 32), Column("评定", 32), Column("名额", None, "left"))
FOLLOWUP_COLUMNS = (
    Column("条件", 44, "left"),
    Column("处理", 30, "left"),
    Column("说明", None, "left"),
)

BODY = 12
TABLE = 10.5


def _hanging(doc: PaperDocument, label: str, text: str, size: float = BODY) -> None:
    """A numbered or bulleted line whose wrapped lines align after its label."""
    base = doc.style(size=size, leading=size * 1.5)
    indent = stringWidth(label, base.fontName, size)
    style = ParagraphStyle(
        f"hang{indent:.1f}", parent=base, leftIndent=indent, firstLineIndent=-indent
    )
    doc.add(Paragraph(para_text(label + text), style))


def _numbered(doc: PaperDocument, lines: list[str]) -> None:
    for n, line in enumerate(lines, start=1):
        _hanging(doc, f"{n}. ", line)


def write_scheme(out: Output, data: Mapping[str, Any], *, invariant: bool = False) -> int:
    """Write the PDF; return its page count."""
    branch = data["branch"]
    doc = PaperDocument(
        out,
        title=data["title"],
        # The preset's internal title and id are the program's words, not the branch's:
        # the paper is the branch's 办法 (its title says so).
        subtitle=[f"党组织：{branch}" if branch else ""],
        author=branch,
        subject=data["scheme_title"],
        invariant=invariant,
    )
    for notice in data["notices"]:
        doc.paragraph(notice, size=11, font="hei", space_after=1)
    if data["source"]:
        _hanging(doc, "依据：", data["source"], size=TABLE)
    if data["note"]:
        _hanging(doc, "说明：", data["note"], size=TABLE)

    doc.heading("一、总则", keep_mm=20)
    _numbered(doc, data["general"])

    doc.heading("二、积分项目及分值", keep_mm=30)
    overview: list[Row] = [[s["name"], s["full"], s["mode"], s["period"]] for s in data["sections"]]
    doc.table(OVERVIEW_COLUMNS, overview, size=TABLE)
    for section in data["sections"]:
        # A section heading always comes with its first rows (never alone at a page foot).
        doc.heading(section["heading"], size=BODY, keep_mm=40)
        doc.paragraph(f"计分方式：{section['mode']}；{section['period']}。", size=TABLE)
        doc.spacer(1)
        rows: list[Row] = [
            [
                item["name"] + (f"\n（{item['note']}）" if item["note"] else ""),
                item["source"],
                item["points"],
                item["cap"],
            ]
            for item in section["items"]
        ]
        if not rows:
            rows.append(SpanRow("（本部分没有计分项目）", align="center", shaded=False))
        doc.table(ITEM_COLUMNS, rows, size=TABLE)
        if section["pools"] or section["note"]:
            doc.spacer(1)
        for line in section["pools"]:
            _hanging(doc, "· ", line, size=TABLE)
        if section["note"]:
            _hanging(doc, "说明：", section["note"], size=TABLE)

    rating = data["rating"]
    if rating is None:
        doc.heading("三、评星定级", keep_mm=20)
        doc.paragraph("本方案不评星定级，只计积分（结果运用见下）。", size=BODY)
    else:
        with doc.kept_together():  # the grade lines are read as one table: not split
            doc.heading("三、评星定级")
            doc.paragraph(rating["intro"], size=BODY, space_after=1)
            doc.table(LEVEL_COLUMNS, [list(r) for r in rating["levels"]], size=TABLE)
        doc.spacer(1)
        _numbered(doc, [rating["ties"], *rating["eligibility"]])
        if rating["note"]:
            _hanging(doc, "说明：", rating["note"], size=TABLE)

    doc.heading("四、一票否决", keep_mm=20)
    _numbered(doc, data["veto"])

    # The last section goes with the issuer: neither a lone row nor the signature block
    # alone on the last page.
    with doc.kept_together():
        doc.heading("五、结果运用")
        if data["followups"]:
            doc.table(FOLLOWUP_COLUMNS, [list(r) for r in data["followups"]], size=TABLE)
        else:
            doc.paragraph("（本方案未规定）", size=BODY)
        doc.issuer(branch, data["printed_on"], seal_room=10, size=12)
    return doc.build()
