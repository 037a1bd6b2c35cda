"""The township pack's paper: 请先阅读.pdf (one page: what the pack holds and how to check
it) and the township summary (乡镇审核汇总表, one row per branch, with totals)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from desktop.paper.layout import Column, Margins, Output, PaperDocument, SpanRow, cn_date
from desktop.rules.periods import kinds_word

_README_MARGINS = Margins(top=18, bottom=16, left=22, right=20)


def _short(code: str | None) -> str:
    return code or "—"


def write_readme(out: Output, manifest: Mapping[str, Any], files: Sequence[tuple[str, str]]) -> int:
    """请先阅读.pdf: one page saying in plain Chinese what the pack holds and how to check it.
    `files` are (file name, what it is)."""
    branch = str(manifest.get("branch") or "")
    year = manifest.get("year")
    made = str(manifest.get("made_at") or "")
    doc = PaperDocument(
        out,
        title="报送包说明（请先阅读）",
        subtitle=f"{branch}　{year}年度　制作于 {cn_date(made[:10])} {made[11:16]}",
        margins=_README_MARGINS,
        running_header="",
        author=branch,
    )
    # No name entered: a line to sign by hand, not an empty "经办人：。".
    who = str(manifest.get("operator") or "").strip() or "________"
    doc.paragraph(
        f"这是{branch}用“先锋指数”制作的{year}年度报送包，经办人：{who}。报送包里的文件如下，"
        "PDF 文件用任何 PDF 阅读器都能打开，交换工作簿可用 Excel 或 WPS 打开。",
        size=10.5,
        indent=True,
    )
    rows: list[Any] = [[str(i), name, what] for i, (name, what) in enumerate(files, start=1)]
    rows.append([str(len(files) + 1), "清单.json", "清单：每个文件的大小和 SHA-256 校验值"])
    doc.table(
        [Column("序号", 10), Column("文件", 80, "left"), Column("内容", None, "left")],
        rows,
        size=9,
    )
    doc.spacer(2)
    for note in manifest.get("notes") or []:
        doc.paragraph(f"说明：{note}", size=10.5, indent=True)
    quarters = manifest.get("quarters") or []
    if quarters:
        codes = "；".join(f"{q['label']} {q['check_code']}" for q in quarters)
        word = kinds_word([q.get("cycle", "quarter") for q in quarters])
        doc.paragraph(f"已确认{word}的核验码：{codes}。", size=10.5, indent=True)
        doc.paragraph(
            f"核验码与各{word}审核表、公示表上印的核验码应当一致；不一致说明确认后的结果被改动过。",
            size=10.5,
            indent=True,
        )
    else:
        doc.paragraph("本账本还没有已确认的季度。", size=10.5, indent=True)
    if manifest.get("encrypted"):
        doc.paragraph(
            "账本备份和交换工作簿已加密（AES-256-GCM），打开需要支部提供的密码；PDF 文件没有加密，"
            "其中身份证号已隐去中间数字。",
            size=10.5,
            indent=True,
        )
    doc.heading("怎样核对", size=12, keep_mm=20)
    for line in (
        "一、装有先锋指数的电脑：在“文件 → 乡镇审核台…”中选择U盘，或在命令行运行 "
        "pioneer verify 报送包文件夹。程序逐个核对文件、账本的完整性和已确认季度的校验链，"
        "有问题时指出是哪个文件、怎样不符。",
        "二、没有装先锋指数的电脑：Windows 在命令提示符中运行 certutil -hashfile 文件名 SHA256，"
        "把结果与清单.json 中该文件的 sha256 比对，完全一致即未被改动。",
        "三、审核时请勿直接修改U盘中的文件；乡镇审核台只读打开账本，只会写入您要求保存的审核回执。",
    ):
        doc.paragraph(line, size=10.5, indent=True)
    doc.issuer(branch, made[:10], seal_room=4, size=12)
    return doc.build()


SUMMARY_COLUMNS = (
    Column("序号", 9),
    Column("支部", 30, "left"),
    Column("年度", 11),
    Column("报送包", 27, "left"),
    Column("党员\n正式/预备", 17),
    Column("活动\n已开/计划", 16),
    Column("出席率", 14),
    Column("党费（元）\n应缴/实缴/欠缴", 31),
    Column("季度\n公示/确认", 15),
    Column("未结\n异议", 10),
    Column("星级/等次", 22, "left"),
    Column("否决", 9),
    Column("需关注", None, "left"),
)


def write_summary(
    out: Output, rows: Sequence[Mapping[str, Any]], totals: Mapping[str, Any], *, printed_on: str
) -> int:
    """乡镇审核汇总表: one row per branch (the newest pack of each), then the totals.
    `rows` are `township.summary_rows`' cells (plain text)."""
    doc = PaperDocument(
        out,
        title="党员积分管理报送审核汇总表",
        subtitle=f"汇总日期：{cn_date(printed_on)}　共 {len(rows)} 个支部",
        landscape=True,
    )
    table: list[Any] = []
    for i, r in enumerate(rows, start=1):
        table.append([str(i), *r["cells"]])
    if not rows:
        table.append(SpanRow("（没有找到报送包）", align="center", shaded=False))
    else:
        table.append(SpanRow(f"合计：{totals['text']}", align="left", shaded=True))
    doc.table(SUMMARY_COLUMNS, table, size=9, zebra=True, header_size=9)
    doc.signature_lines(["审核人"])
    return doc.build()
