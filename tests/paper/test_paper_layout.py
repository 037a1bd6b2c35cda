"""The document builder: page numbers, embedded font, wrapping, output targets."""

from __future__ import annotations

import io
import re

import pytest
from paper_helpers import page_count, pdftotext
from reportlab.lib.units import mm
from reportlab.platypus import Table
from reportlab.platypus.doctemplate import LayoutError

from desktop.paper.layout import (
    Blank,
    Column,
    FillLine,
    PaperDocument,
    SpanRow,
    cn_date,
    para_text,
)

COLUMNS = [Column("序号", 12), Column("姓名", 30), Column("备注", None, "left")]


def _doc(out, pages: int = 1, **kw) -> PaperDocument:
    doc = PaperDocument(out, title="测试表", subtitle=["中共青山村支部委员会", "2026年"], **kw)
    for p in range(pages):
        if p:
            doc.page_break()
        doc.table(COLUMNS, [[str(p), "王建国", "备注"]])
    return doc


@pytest.mark.parametrize("pages", [1, 2, 5])
def test_page_numbers_know_the_total(tmp_path, pages):
    pdf = tmp_path / "t.pdf"
    assert _doc(pdf, pages).build() == pages
    assert page_count(pdf) == pages
    text = pdftotext(pdf, "-layout")
    chunks = text.split("\f")[:pages]
    for n, page in enumerate(chunks, start=1):
        # One page number only: "— 1 —" beside "第1页 共N页" read as two numbers.
        assert not re.search(r"—\s*\d+\s*—", page)
        assert page.count(f"第{n}页 共{pages}页") == 1
        assert ("测试表（续）" in page) == (n > 1)  # running header on continuation pages


def test_font_is_embedded_and_no_cid_font(tmp_path):
    pdf = tmp_path / "t.pdf"
    _doc(pdf).build()
    data = pdf.read_bytes()
    assert b"WenQuanYiMicroHei" in data
    assert b"/FontFile2" in data  # TrueType program embedded (subset)
    assert b"STSong" not in data
    assert "中共青山村支部委员会" in pdftotext(pdf)  # Chinese extracts, so glyphs map back


def test_writes_to_binary_file_object_and_leaves_no_partial_file(tmp_path):
    buf = io.BytesIO()
    assert _doc(buf, 2).build() == 2
    assert buf.getvalue().startswith(b"%PDF") and page_count(buf.getvalue()) == 2
    pdf = tmp_path / "sub.pdf"
    _doc(str(pdf)).build()  # str path too
    assert pdf.exists() and not list(tmp_path.glob("*.part"))


def test_failed_layout_keeps_the_old_file(tmp_path):
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(b"old")
    doc = _doc(pdf)
    with pytest.raises(ValueError, match="表头有 3 列"):
        doc.table(COLUMNS, [["1", "2"]])  # a row of the wrong width is refused at once
    doc.add(Table([["太高"]], rowHeights=[400 * mm]))  # taller than any page
    with pytest.raises(LayoutError):
        doc.build()
    assert pdf.read_bytes() == b"old"
    assert not list(tmp_path.glob("*.part"))


def test_invariant_output_is_reproducible():
    a, b = io.BytesIO(), io.BytesIO()
    _doc(a, 2, invariant=True).build()
    _doc(b, 2, invariant=True).build()
    assert a.getvalue() == b.getvalue()


def _words(pdf, page: int = 1) -> list[tuple[float, float, str]]:
    xml = pdftotext(pdf, "-bbox", "-f", str(page), "-l", str(page))
    return [
        (float(x0), float(x1), w)
        for x0, x1, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', xml
        )
    ]


@pytest.mark.parametrize("landscape", [False, True])
def test_long_cells_wrap_inside_their_column(tmp_path, landscape):
    name = "阿卜杜热合曼·买买提明·艾力江努尔"
    note = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" * 3  # no break opportunity at all
    pdf = tmp_path / "t.pdf"
    doc = PaperDocument(pdf, title="测试", landscape=landscape)
    doc.table(COLUMNS, [["1", name, note], SpanRow("第一党小组"), ["2", "王明", "1990-01-01"]])
    doc.build()
    bounds = doc.margins.left * 72 / 25.4
    edges = [bounds]
    for w in doc.widths(COLUMNS):
        edges.append(edges[-1] + w)
    words = _words(pdf)
    for x0, x1, w in words:
        if w in {"测试", "—", "1", "2"} or w.startswith("第"):
            continue
        inside = [e for e in edges if x0 + 0.5 < e < x1 - 0.5]
        assert not inside, f"{w!r} crosses a column line"
        assert x1 <= edges[-1] + 0.5
    in_name_col = "".join(w for x0, x1, w in words if edges[1] <= x0 and x1 <= edges[2])
    assert name in in_name_col  # every character printed, in order
    assert "1990-01-01" in [w for *_, w in words]  # a date that fits is not broken


def test_widths_share_the_rest_and_never_exceed_the_frame():
    doc = PaperDocument(io.BytesIO(), title="t")
    w = doc.widths(COLUMNS)
    assert sum(w) == pytest.approx(doc.frame_width)
    too_wide = [Column("a", 100), Column("b", 100), Column("c")]
    assert sum(doc.widths(too_wide)) == pytest.approx(doc.frame_width)
    narrow = [Column("a", 20), Column("b", 20)]
    assert sum(doc.widths(narrow)) < doc.frame_width  # all fixed and narrow: kept as given


def test_fill_line_keeps_groups_together():
    from desktop.paper.fonts import fonts

    line = FillLine(
        [("支部书记（签字）：", Blank(30), "　　"), ("日期：", Blank(16), "年", Blank(9), "月")],
        font=fonts().song,
        size=12,
    )
    _w, h_wide = line.wrap(600, 100)
    assert len(line._lines) == 1
    _w, h_narrow = line.wrap(200, 100)
    assert len(line._lines) == 2 and h_narrow == 2 * h_wide
    assert line._lines[1][0][0] == "日期："


def test_cn_date_and_paragraph_text():
    assert cn_date("2026-01-05") == "2026年1月5日"
    assert cn_date("2026年1月5日") == "2026年1月5日"
    assert cn_date("") == ""
    assert para_text("a<b>&\n甲　乙") == "a&lt;b&gt;&amp;<br/>甲\xa0\xa0\xa0\xa0乙"


def test_two_up_table_and_blocks_build(tmp_path):
    pdf = tmp_path / "t.pdf"
    doc = PaperDocument(pdf, title="两栏", subtitle="中共青山村支部委员会")
    doc.fields([("时间", "2026年3月5日"), ("地点", ""), ("主持人", "王建国")], per_row=2)
    doc.two_up_table(COLUMNS, [[str(i), f"党员{i}", ""] for i in range(1, 8)])
    doc.paragraph("正文第一段。\n第二行", indent=True, font="fang")
    doc.signature_lines(["支部书记"])
    doc.issuer("中共青山村支部委员会", "2026-03-05")
    assert doc.build() == 1
    text = pdftotext(pdf, "-layout")
    for s in ("党员1", "党员7", "支部书记（签字）", "2026年3月5日", "时间：", "主持人："):
        assert s in text


def test_long_titles_are_balanced():
    from desktop.paper.fonts import fonts
    from desktop.paper.layout import balanced_lines

    font = fonts().hei
    title = "青山村党支部2026年第一季度党员积分情况公示"
    lines = balanced_lines(title, 442, font, 22)
    assert "".join(lines) == title and len(lines) == 2
    assert abs(len(lines[0]) - len(lines[1])) <= 3  # not a full line and an orphan
    assert balanced_lines("党员花名册", 442, font, 22) == ("党员花名册",)


def test_a_cell_taller_than_a_page_continues_on_following_rows(tmp_path):
    pdf = tmp_path / "t.pdf"
    doc = PaperDocument(pdf, title="超长备注")
    monster = "很长的备注内容，" * 300
    rows = [[str(i), "王建国", monster if i == 5 else "短"] for i in range(1, 30)]
    doc.table(COLUMNS, rows)
    pages = doc.build()  # no LayoutError
    assert pages == page_count(pdf) >= 3
    flat = re.sub(r"\s", "", pdftotext(pdf, "-raw"))
    assert flat.count("很长的备注内容") == 300  # nothing lost


LONG_TOPIC = "学习贯彻党的二十届四中全会精神暨三月份主题党日活动，开展“我为群众办实事”志愿服务和2026年度党员积分公示答疑"
LONG_PLACE = "青山村党群服务中心二楼多功能会议室（原村委会办公楼东侧）"
LONG_GROUP = "第三党小组（退休老党员及流动党员联络小组）"


@pytest.mark.parametrize("per_row", [1, 2])
def test_long_filled_in_values_wrap_inside_the_margins(tmp_path, per_row) -> None:
    """Long topics, places and group names ran off the right edge of the sign-in sheet, the
    纪实表 and the member register (and printed over the next field): they wrap onto
    underlined lines of their own, by the Chinese line-breaking rules."""
    out = tmp_path / "f.pdf"
    doc = PaperDocument(out, title="测试表")
    doc.fields(
        [
            ("主题", LONG_TOPIC),
            ("地点", LONG_PLACE),
            ("党小组", LONG_GROUP),
            ("人员类别", "正式党员"),
        ],
        per_row=per_row,
    )
    doc.build()
    flat = pdftotext(out, "-raw").replace("\n", "")
    for value in (LONG_TOPIC, LONG_PLACE, LONG_GROUP, "人员类别： 正式党员"):
        assert value in flat
    xml = pdftotext(out, "-bbox")
    right = 595.28 - 26 * mm  # portrait A4's right margin
    boxes = [
        (float(a), float(b)) for a, b in re.findall(r'xMin="([\d.]+)" \S+ xMax="([\d.]+)"', xml)
    ]
    assert max(b for _a, b in boxes) <= right + 1
    for line in pdftotext(out, "-layout").splitlines():
        assert not line.strip().startswith(("，", "）", "”", "。"))


TEXT = (
    "本次会议定于2026年12月20日召开（地点：村党群服务中心），请全体党员准时参加，"
    "缺席扣2分，本季度共计15人次，参加率78.9%。"
)


@pytest.mark.parametrize("room_mm", [22, 25, 28, 31, 35, 40, 45, 50, 60])
def test_chinese_line_breaking_keeps_dates_numbers_and_punctuation(room_mm) -> None:
    """「2026年12/月20日」 and lines starting with 「，」 were printed: dates, a number with its
    unit and Latin words stay whole; no line starts with closing punctuation or ends with
    opening punctuation."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.paper.fonts import fonts
    from desktop.paper.layout import break_lines

    lines = break_lines(TEXT, room_mm * mm, fonts().song, 10.5)
    assert "".join(lines) == TEXT
    for whole in ("2分", "15人次", "78.9%"):
        assert any(whole in line for line in lines), (whole, lines)
    # The date is whole where it fits a line, else broken at its seams, never in a number.
    date_fits = stringWidth("2026年12月20日", fonts().song, 10.5) <= room_mm * mm
    assert not date_fits or any("2026年12月20日" in line for line in lines), lines
    for a, b in zip(lines, lines[1:], strict=False):
        assert not (a[-1].isdigit() and b[0].isdigit()), (a, b)
    for line in lines:
        assert line[0] not in "，。、；：？！）》」”" and line[-1] not in "（《「“", lines


def test_a_measured_document_builds_the_same_pdf_as_a_fresh_one(members) -> None:
    """The build after a measuring pass reuses the measured story (write_keeping_rows, the
    sign-in sheet): the PDF is byte for byte what composing it again gives."""
    import io

    from desktop.paper.layout import MEASURE, Column, PaperDocument, keeping_measured

    def compose(out) -> PaperDocument:
        doc = PaperDocument(out, title="党员名单", subtitle="中共青山村支部委员会", invariant=True)
        doc.fields([("时间", "2026-03-05"), ("地点", "村委会")])
        rows = [[str(i), m["name"], m["group"]] for i, m in enumerate(members(70), 1)]
        doc.table([Column("序号", 12), Column("姓名", 30), Column("党小组")], rows)
        doc.signature_lines(["制表人", "支部书记"])
        return doc

    with keeping_measured() as measured:
        compose(MEASURE).build()
    reused, fresh = io.BytesIO(), io.BytesIO()
    assert measured[0].rebuild(reused) == compose(fresh).build() == 3
    assert reused.getvalue() == fresh.getvalue()


@pytest.mark.parametrize(
    ("text", "chars", "lines"),
    [
        # A narrow cell four characters wide: the word moves whole to the next line.
        ("中共入党积极分子", 6, ("中共", "入党积极分子")),
        ("学历：大学本科", 5, ("学历：", "大学本科")),
        ("民族土家族", 4, ("民族", "土家族")),
        ("第三党小组（退休）", 5, ("第三党小组", "（退休）")),
        # Wider than the line: broken between its parts, not wherever the line ends.
        ("入党积极分子", 5, ("入党", "积极分子")),
        ("党员领导干部", 4, ("党员", "领导干部")),
        ("维吾尔族", 3, ("维吾尔", "族")),
    ],
)
def test_known_words_are_not_split(text: str, chars: int, lines: tuple[str, ...]) -> None:
    """Issue 15 item 21: 「入党积极/分子」, 「大学本/科」, 「土家/族」 in narrow cells."""
    from desktop.paper.fonts import fonts
    from desktop.paper.layout import break_lines

    room = chars * 10.5 + 1  # `chars` CJK characters at 10.5 pt
    assert break_lines(text, room, fonts().song, 10.5) == lines


@pytest.mark.parametrize("n", [5, 23, 24, 25, 26, 60, 199, 400])
def test_the_measuring_pass_lands_where_the_build_does(members, n: int) -> None:
    """The measuring pass cuts a long grid's pages from its row heights (layout._MeasuredRows)
    instead of reportlab's table splits: the table and what follows land on the same pages,
    with the same room left, as in the built PDF — rows of one, two and three lines, group
    headings across the table, a closing block after it."""
    import io

    from desktop.paper.layout import MEASURE, Column, PageMark, PaperDocument, SpanRow

    def compose(out, pages: dict) -> PaperDocument:
        doc = PaperDocument(out, title="党员名单", landscape=n % 2 == 0)
        rows: list = []
        for i, m in enumerate(members(n), 1):
            if i % 17 == 1:
                rows.append(SpanRow(f"第{i // 17 + 1}组"))
            note = "流动党员（外出务工，浙江省杭州市西湖区）" * (i % 3)
            rows.append([str(i), m["name"], m["group"], note])
        columns = [Column("序号", 12), Column("姓名", 30), Column("党小组", 30), Column("备注")]
        doc.table(columns, rows, min_row_height=8 if n % 3 else None)
        doc.story.append(PageMark("rows", pages))
        with doc.kept_together():
            doc.signature_lines(["制表人", "支部书记"])
            doc.story.append(PageMark("end", pages))
        return doc

    measured: dict = {}
    compose(MEASURE, measured).build()
    built: dict = {}
    count = compose(io.BytesIO(), built).build()
    assert measured["end"] == built["end"] == count
    assert measured["rows"] == built["rows"]
    for key in ("rows:room", "end:room"):
        assert measured[key] == pytest.approx(built[key], abs=0.01), key
