"""The forms the plans call for (desktop/paper/forms.py), printed from the demo book through
`pioneer print KIND` and read back from the PDF."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from paper_helpers import pdftotext

from desktop.book.printing import KINDS, print_document
from desktop.book.store import Book

NEW = {
    "claim-form": ["党员积分申报表", "申报人（签字）", "党小组长（签字）", "支部委员会审定意见"],
    "plan": ["2026年度党支部活动计划（行事历）", "主题党日", "已开展"],
    "ballot": ["2026年度民主评议党员测评票（党员用）", "优秀", "基本合格", "本票不记名"],
    "ballot-public": ["民主评议党员测评票（群众代表用）"],
    "tally-sheet": ["2026年度民主评议党员计票汇总表", "计票人（签字）", "监票人（签字）"],
    "objection-form": ["积分公示异议登记答复表", "异议内容", "核实情况", "处理结果"],
    "veto-decision": ["一票否决决定书"],
    "dues-remittance": ["2026年度党费上缴登记表", "上缴金额（元）", "接收单位签收"],
    "handbook": ["党员积分手册（2026年度）", "入党誓词", "2026年度积分记录", "本人签字"],
    "appraisal-results": [
        "2026年度民主评议党员结果登记表",
        "评议等次",
        "党员评议",
        "监票人（签字）",
    ],
}


@pytest.mark.parametrize("kind", sorted(NEW))
def test_form_prints_from_the_demo(confirmed_demo_book: Book, tmp_path: Path, kind: str) -> None:
    out = print_document(
        confirmed_demo_book, kind, tmp_path / f"{kind}.pdf", year=2026, quarter=2, member="002"
    )
    flat = re.sub(r"\s", "", pdftotext(out))
    for needle in NEW[kind]:
        assert needle in flat, needle


def test_claim_form_is_filled_for_a_member_and_blank_without(confirmed_demo_book, tmp_path):
    m = confirmed_demo_book.roster.find("002")
    out = print_document(confirmed_demo_book, "claim-form", tmp_path / "c.pdf", member="002")
    assert m["name"] in pdftotext(out) and m["group"] in pdftotext(out)
    out = print_document(confirmed_demo_book, "claim-form", tmp_path / "b.pdf")
    assert m["name"] not in pdftotext(out)


def test_ballot_lists_every_party_member_to_appraise(confirmed_demo_book, tmp_path):
    from desktop.book.forms_print import appraisal_members

    out = print_document(confirmed_demo_book, "ballot", tmp_path / "b.pdf", year=2026)
    text = pdftotext(out)
    people = appraisal_members(confirmed_demo_book)
    assert people and all(p["name"] in text for p in people)
    assert all(p["status"] in ("正式党员", "预备党员") for p in people)


def test_objection_form_is_filled_from_the_quarter(confirmed_demo_book, tmp_path):
    from desktop.book import quarter as Q

    objections = Q.period_status(confirmed_demo_book, 2026, 2)["objections"]
    out = print_document(
        confirmed_demo_book, "objection-form", tmp_path / "o.pdf", year=2026, quarter=2
    )
    flat = re.sub(r"\s", "", pdftotext(out))
    for o in objections:
        assert re.sub(r"\s", "", o["content"])[:12] in flat


def test_print_help_lists_the_forms() -> None:
    text = subprocess.run(
        [sys.executable, "-m", "desktop", "print", "-h"],
        capture_output=True,
        encoding="utf-8",  # what the CLI writes everywhere (Windows' locale is not UTF-8)
    ).stdout
    flat = "".join(text.split())
    for kind in NEW:
        assert f"{kind}（{KINDS[kind][0]}）" in flat, kind


def test_handbook_for_the_whole_branch_numbers_each_member_apart(confirmed_demo_book, tmp_path):
    """One PDF for the branch: each member's booklet has its own 第1页 共N页."""
    out = print_document(confirmed_demo_book, "handbook", tmp_path / "h.pdf", year=2026)
    pages = ["".join(p.split()) for p in pdftotext(out).split("\f")[:-1]]
    firsts = [p for p in pages if re.search(r"第1页共\d+页", p)]
    assert len(firsts) >= 30  # one booklet per scored member
    assert not any(re.search(r"共(\d{3,})页", p) for p in pages)
