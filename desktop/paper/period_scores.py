"""党员积分通报 for a month or a half-year (量化定级「月度评议」, 党员e家 monthly at 党员活动日,
社区 每月通报; 星级评定 半年一次, 机关 6月30日/12月30日): every member's section points and
total for the window, the follow-ups, signature lines. Takes plain data (book/period_print.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.paper.layout import Column, Output, PaperDocument, Row, SpanRow, write_keeping_rows


def write_period_scores(out: Output, data: Mapping[str, Any], *, invariant: bool = False) -> int:
    sections = list(data["sections"])
    landscape = len(sections) > 5
    cols = [Column("序号", 11), Column("姓名", 22, fit=True), Column("党小组", 22, fit=True)]
    cols += [Column(name, 17) for name in sections]
    cols += [Column("合计", 16), Column("说明", None, "left")]
    rows: list[Row] = [
        [str(i), m["name"], m["group"], *m["sections"], m["total"], m["note"]]
        for i, m in enumerate(data["members"], start=1)
    ]
    if not rows:
        rows.append(SpanRow("（本期没有参加积分管理的党员）", align="center", shaded=False))

    def layout(target: Output, keep: int, pages: dict[str, Any]) -> int:
        doc = PaperDocument(
            target,
            title=data["title"],
            subtitle=f"党组织：{data['branch']}　　{data['period']}",
            landscape=landscape,
            author=data["branch"],
        )
        doc.table(cols, rows, size=10, min_row_height=7, keep_last=keep)
        with doc.closing_block(pages):
            for line in data["notes"]:
                doc.paragraph(line, size=10.5)
            doc.signature_lines(["积分管理员", "支部书记"], size=11)
        return doc.build()

    return write_keeping_rows(out, layout)
