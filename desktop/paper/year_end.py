"""The year's end on paper: 年度星级评定表 (the annual rating table for the committee and the
township) and 荣誉证书 (one A4 landscape certificate per member rated at the top).

Plain data in (see desktop/book/year_end_print.py), PDF out.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from math import cos, pi, sin
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.paper.fonts import fonts
from desktop.paper.layout import (
    Column,
    Output,
    PaperDocument,
    Row,
    SpanRow,
    break_lines,
    cn_date,
    draw_text,
    write_keeping_rows,
)

PARTY_RED = colors.Color(0.76, 0.07, 0.09)
GOLD = colors.Color(0.80, 0.62, 0.20)


def write_rating_table(out: Output, data: Mapping[str, Any], *, invariant: bool = False) -> int:
    """年度星级评定表: every member's year total, stars/grade, appraisals, vetoes, reasons."""
    subtitle = f"党组织：{data['branch']}　　{data['year']}年度"
    notice = rating_notice(data)
    cols = [Column("序号", 10), Column("姓名", 18), Column("党小组", 22), Column("年度积分", 16)]
    if data["has_stars"]:
        cols.append(Column("星级", 24))
    if data["has_grades"]:
        cols.append(Column("等次", 16))
    cols += [Column(title, 19) for title in data["appraisal_titles"]]
    cols += [
        Column("一票否决", 40, "left"),
        Column(data.get("reasons_title") or "评定依据", None, "left"),
    ]
    rows: list[Row] = []
    for i, m in enumerate(data["members"], start=1):
        cells = [str(i), m["name"], m["group"], m["total"]]
        if data["has_stars"]:
            cells.append(m["stars"])
        if data["has_grades"]:
            cells.append(m["grade"])
        cells += m["appraisals"]
        cells += [m["vetoes"], m["reasons"]]
        rows.append(cells)
    if not rows:
        rows.append(SpanRow("（本年度没有参加积分管理的党员）", align="center", shaded=False))

    def layout(target: Output, keep: int, pages: dict[str, int]) -> int:
        doc = PaperDocument(
            target,
            title=data["title"],
            subtitle=subtitle,
            landscape=True,
            author=data["branch"],
            invariant=invariant,
        )
        if notice:
            doc.paragraph(notice, size=11, font="hei", space_after=2)
        doc.table(cols, rows, size=9.5, zebra=True, keep_last=keep)
        # The notes, signatures and seal stay on one page, never on one without rows.
        with doc.closing_block(pages):
            doc.spacer(2)
            for line in data["summary"]:
                doc.paragraph(line, size=10.5)
            doc.signature_lines(["制表人", "支部书记"], size=11, space_before=4)
            doc.issuer(data["branch"], data["printed_on"], seal_room=10, size=12)
            if data.get("approval_steps"):  # the scheme has results approved above
                doc.opinion_box(
                    f"上级党组织审批意见（{'；'.join(data['approval_steps'])}）：", lines=0
                )
        return doc.build()

    return write_keeping_rows(out, layout)


def rating_notice(data: Mapping[str, Any]) -> str:
    """The line under the title while the figures may still change ("" once Q4 is confirmed)."""
    if not data["ended"]:
        return (
            f"{data['year']}年度尚未结束，本表统计截至{cn_date(data['as_of'])}，"
            "仅供参考，年度结束后结果还会变化。"
        )
    if not data.get("final", True):
        what = "年度积分和评定结果" if data.get("has_rating", True) else "年度积分"
        return f"{data['year']}年第四季度尚未确认，{what}还可能变化，仅供参考。"
    return ""


# ---------------------------------------------------------------- certificates


def _star(c: Canvas, cx: float, cy: float, r: float) -> None:
    """A filled five-pointed star, point up."""
    path = c.beginPath()
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.382
        angle = pi / 2 + k * pi / 5
        x, y = cx + radius * cos(angle), cy + radius * sin(angle)
        if k == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.close()
    c.drawPath(path, stroke=0, fill=1)


def _bold_centred(c: Canvas, text: str, x: float, y: float, font: str, size: float, fake: bool):
    """Centred text; a regular-only face is stroked for a bold look (as titles elsewhere)."""
    t = c.beginText()
    t.setFont(font, size)
    width = stringWidth(text, font, size)
    t.setTextOrigin(x - width / 2, y)
    if fake:
        t.setTextRenderMode(2)
        c.setLineWidth(size * 0.03)
    t.textOut(text)
    c.drawText(t)


def _spaced(text: str) -> str:
    """荣誉证书 → 荣 誉 证 书: a certificate's title is set wide."""
    return "\u3000".join(text)


def _certificate(c: Canvas, cert: Mapping[str, Any], fs: Any) -> None:
    width, height = landscape(A4)
    # Frame: a broad red border and a thin gold rule inside it.
    c.setStrokeColor(PARTY_RED)
    c.setLineWidth(6 * mm)
    c.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    c.setStrokeColor(GOLD)
    c.setLineWidth(1.2)
    c.rect(19 * mm, 19 * mm, width - 38 * mm, height - 38 * mm)
    c.setLineWidth(0.5)
    c.rect(21 * mm, 21 * mm, width - 42 * mm, height - 42 * mm)
    # Title (its stroke mode is text state, which would carry over: saved and restored).
    c.saveState()
    c.setFillColor(PARTY_RED)
    c.setStrokeColor(PARTY_RED)
    _bold_centred(c, _spaced("荣誉证书"), width / 2, height - 58 * mm, fs.hei, 46, fs.fake_bold)
    c.restoreState()
    stars = int(cert.get("stars") or 0)
    if stars:
        r = 4.2 * mm
        gap = 11 * mm
        x0 = width / 2 - gap * (stars - 1) / 2
        c.saveState()
        c.setFillColor(GOLD)
        for k in range(stars):
            _star(c, x0 + k * gap, height - 73 * mm, r)
        c.restoreState()
    # Body: the name, then the text broken by the paper module's rules (no 。， at a line
    # start), first line indented two characters.
    left, right = 46 * mm, width - 46 * mm
    size, leading = 20, 13 * mm
    c.setFillColor(colors.black)
    c.setFont(fs.hei, size + 2)
    draw_text(c, left, height - 92 * mm, f"{cert['name']}同志：", fs.hei, size + 2)
    c.setFont(fs.fang, size)
    y = height - 106 * mm
    indent = 2 * size
    for para in cert["text"].split("\n"):
        first = break_lines(para, right - left - indent, fs.fang, size)[0]
        rest = para[len(first) :].lstrip()
        draw_text(c, left + indent, y, first, fs.fang, size)
        y -= leading
        for line in break_lines(rest, right - left, fs.fang, size) if rest else ():
            draw_text(c, left, y, line, fs.fang, size)
            y -= leading
    # Issuer and date, right-aligned, with room for the seal across them.
    c.setFont(fs.song, 18)
    x = right - 8 * mm
    draw_text(c, x, min(y - 4 * mm, 50 * mm), cert["branch"], fs.song, 18, "right")
    draw_text(c, x, min(y - 4 * mm, 50 * mm) - 10 * mm, cn_date(cert["date"]), fs.song, 18, "right")
    c.setFont(fs.song, 10)
    c.setFillColor(colors.Color(0.35, 0.35, 0.35))
    c.drawString(28 * mm, 27 * mm, f"证书编号：{cert['number']}")


def write_certificates(
    out: Output, certificates: Sequence[Mapping[str, Any]], *, invariant: bool = False
) -> int:
    """荣誉证书: one A4 landscape page per member. Returns the number of pages."""
    fs = fonts()
    target = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    c = Canvas(target, pagesize=landscape(A4), invariant=int(invariant))
    c.setTitle("荣誉证书")
    c.setAuthor(certificates[0]["branch"] if certificates else "")
    c.setCreator("先锋指数")
    for cert in certificates:
        _certificate(c, cert, fs)
        c.showPage()
    c.save()
    return len(certificates)
