"""积分方案 on paper (paper/scheme.py): every preset prints whole, headings stay with what
follows them, long sections repeat their table header, notices and empty parts read well."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from paper_helpers import page_count, pdftotext

from desktop.book.scheme_print import scheme_data
from desktop.book.scoring import set_year_scheme
from desktop.paper.scheme import write_scheme
from desktop.rules.presets import list_presets, load_preset

ITEM_HEADER = "项目计分依据分值上限"


def flat(text: str) -> str:
    return "".join(text.split())


def pages(pdf: Path) -> list[str]:
    """Each page's text without whitespace (cells wrapped over lines read as one string)."""
    return [
        flat(pdftotext(pdf, "-layout", "-f", str(n), "-l", str(n)))
        for n in range(1, page_count(pdf) + 1)
    ]


@pytest.fixture(scope="module")
def preset_data(tmp_path_factory) -> dict[str, dict[str, Any]]:
    """Plain data of every shipped preset, as the book hands it over (one book, a year each)."""
    from desktop.book.store import Book

    folder = tmp_path_factory.mktemp("schemes")
    book = Book.create(folder / "b.db", branch="中共青山村支部委员会", year=2026)
    out = {}
    try:
        for year, (preset_id, _title) in enumerate(list_presets(), start=2026):
            set_year_scheme(book, year, preset=preset_id)
            out[preset_id] = scheme_data(book, year, today=None)
    finally:
        book.close()
    return out


@pytest.mark.parametrize("preset_id", [p for p, _ in list_presets()])
def test_every_preset_prints_whole(preset_data, preset_id: str, tmp_path: Path) -> None:
    data = preset_data[preset_id]
    scheme = load_preset(preset_id)
    out = tmp_path / f"{preset_id}.pdf"
    n = write_scheme(out, data, invariant=True)
    assert n == page_count(out) >= 1
    texts = pages(out)
    whole = "".join(texts)
    assert texts[0].startswith(flat(data["title"]))
    assert "党组织：中共青山村支部委员会" in texts[0]
    # The preset's internal title is the program's word, not the branch's document.
    assert flat(scheme.title) not in whole and "方案编号" not in whole
    for heading in (
        "一、总则",
        "二、积分项目及分值",
        "三、评星定级",
        "四、一票否决",
        "五、结果运用",
    ):
        assert heading in whole, heading
    for section in data["sections"]:
        assert flat(section["heading"]) in whole, section["heading"]
    if scheme.rating is not None:
        assert "分数线评定名额" in whole
        for level in scheme.rating.levels:
            assert level.label in whole
    for k in scheme.veto.kinds:
        assert flat(k.name)[:10] in whole
    for i, text in enumerate(texts, start=1):
        assert f"第{i}页共{n}页" in text
        if i > 1:
            assert "年度党员积分管理办法（续）" in text  # the running header
    # The issuer closes the last page, with the sections it belongs to.
    assert texts[-1].endswith(f"中共青山村支部委员会{flat(cn_today(data))}第{n}页共{n}页")


def cn_today(data: dict[str, Any]) -> str:
    from desktop.paper.layout import cn_date

    return cn_date(data["printed_on"])


@pytest.mark.parametrize("preset_id", ["jiedao-nongcun", "xingji-60-40", "dangyuan-ejia"])
def test_no_heading_is_left_at_the_foot_of_a_page(
    preset_data, preset_id: str, tmp_path: Path
) -> None:
    data = preset_data[preset_id]
    out = tmp_path / "s.pdf"
    write_scheme(out, data, invariant=True)
    for text in pages(out):
        for section in data["sections"]:
            heading = flat(section["heading"])
            at = text.find(heading)
            if at >= 0:  # its item table starts on the same page
                assert ITEM_HEADER in text[at:], (preset_id, heading)
        for heading, then in (
            ("一、总则", "1.积分满分"),
            ("三、评星定级", "每" if data["rating"] else "本方案不评星定级"),
            ("四、一票否决", "1.有一票否决情形的党员"),
            ("五、结果运用", "条件处理说明"),
        ):
            at = text.find(heading)
            if at >= 0:
                assert text[at + len(heading) :].startswith(then), (preset_id, heading)


def test_a_long_section_repeats_its_table_header_on_every_page(preset_data, tmp_path: Path) -> None:
    data = copy.deepcopy(preset_data["xingji-60-40"])
    first = data["sections"][0]
    first["items"] = [
        {
            "name": f"第{i}项工作任务完成情况",
            "note": "由党小组长初评，支部委员会审定",
            "source": "积分申报，经支委会审定",
            "points": "每次加1分",
            "cap": "每半年最多5分",
        }
        for i in range(1, 61)
    ]
    out = tmp_path / "long.pdf"
    n = write_scheme(out, data, invariant=True)
    assert n >= 3
    texts = pages(out)
    with_rows = [t for t in texts if "工作任务完成情况" in t]
    assert len(with_rows) >= 2
    assert all(ITEM_HEADER in t for t in with_rows)
    assert "第60项工作任务完成情况" in "".join(texts)


def test_notices_and_empty_parts_are_worded(preset_data, tmp_path: Path) -> None:
    data = copy.deepcopy(preset_data["jiedao-nongcun"])
    data["notices"] = ["2026年还没有保存积分方案，以下是计分时将会使用的账本默认方案。"]
    data["rating"] = None
    data["followups"] = []
    data["source"] = ""
    data["sections"][0]["items"] = []
    out = tmp_path / "bare.pdf"
    write_scheme(out, data, invariant=True)
    whole = "".join(pages(out))
    assert "2026年还没有保存积分方案" in whole and "※" not in whole
    assert "本方案不评星定级，只计积分" in whole
    assert "（本方案未规定）" in whole
    assert "（本部分没有计分项目）" in whole
    # The program's preset id and internal title are not the branch's words (issue 15).
    assert "依据：" not in whole and "方案编号" not in whole and "jiedao-nongcun" not in whole
    assert data["scheme_title"] not in whole


def test_the_same_data_gives_the_same_bytes(preset_data, tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_scheme(a, preset_data["dangyuan-ejia"], invariant=True)
    write_scheme(b, preset_data["dangyuan-ejia"], invariant=True)
    assert a.read_bytes() == b.read_bytes()


def test_a_section_heading_is_never_alone_wherever_the_page_ends(
    preset_data, tmp_path: Path
) -> None:
    """More and more rows in the first section move the second one's heading down the page,
    across the foot of page 1: at no position is it printed without its table."""
    data = copy.deepcopy(preset_data["jiedao-nongcun"])
    row = data["sections"][0]["items"][0]
    second = flat(data["sections"][1]["heading"])
    for n in range(1, 16):
        data["sections"][0]["items"] = [row] * n
        out = tmp_path / f"{n}.pdf"
        write_scheme(out, data, invariant=True)
        for text in pages(out):
            at = text.find(second)
            if at >= 0:
                assert ITEM_HEADER in text[at:], n
