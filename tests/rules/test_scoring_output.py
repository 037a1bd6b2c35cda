"""The JSON documents of `pioneer score/rate --json` (CONTRACT.md) and the explain text."""

from __future__ import annotations

import json

from rules_testkit import Branch, load_preset

from desktop.rules.scoring import explain_text, rate, rate_json, score, score_json, shown_lines

SCHEME = load_preset("jiedao-nongcun")


def _result():  # type: ignore[no-untyped-def]
    b = Branch()
    b.member("001", "张三")
    b.member("002", "李四", leader=True)
    b.attend("001", "2026-02-05", "无故缺席")
    b.appraise("001", "优秀")
    return score(SCHEME, b.facts(), 2026)


def test_score_json_shape() -> None:
    doc = score_json(_result())
    assert json.loads(json.dumps(doc, ensure_ascii=False)) == doc
    assert doc["year"] == 2026 and doc["quarter"] is None and doc["scheme"] == "jiedao-nongcun"
    first = doc["members"][0]  # type: ignore[index]
    assert first["code"] == "001" and first["name"] == "张三"
    assert first["total"] == "89.50"
    assert first["sections"]["思想政治"] == "19.50"
    assert first["rated"] is True
    assert isinstance(first["flags"], list)


def test_rate_json_shape() -> None:
    doc = rate_json(rate(SCHEME, _result()))
    assert doc["year"] == 2026
    assert [m["code"] for m in doc["members"]] == ["001", "002"]  # type: ignore[index]
    for m in doc["members"]:  # type: ignore[union-attr]
        assert set(m) == {"code", "name", "total", "stars", "grade", "reasons"}
        assert m["stars"] is None  # this plan has no stars


def test_explain_text_lists_every_point() -> None:
    text = explain_text(_result().member("001"))  # type: ignore[arg-type]
    assert text.splitlines()[0] == "张三（001）"
    assert "【思想政治】19.5分" in text
    assert "主题党日 无故缺席（-2分÷4个季度）  ——无故不参加组织生活  -0.5" in text
    assert text.splitlines()[-1] != ""
    assert "合计 89.5分" in text


def test_shown_lines_to_the_cent_and_not_after_the_count() -> None:
    """The lines people read: each to 0.01, none dated after as_of, one line dated as_of
    per section making them add up (not the engine's 「四舍五入 +0.005」 at the year's end)."""
    from decimal import Decimal

    b = Branch()
    b.member("001", "张三")
    b.attend("001", "2026-02-05", "因私请假")  # −0.5 in Q1 → −0.125 of the year
    m = score(SCHEME, b.facts(), 2026, as_of="2026-11-20").member("001")
    assert m is not None
    raw = [ln for ln in m.lines if ln.section == "思想政治"]
    assert any(ln.points == Decimal("-0.125") for ln in raw)
    assert any(ln.date == "2026-12-31" for ln in m.lines)  # the engine's own rounding line
    shown = shown_lines(m, "2026-11-20")
    assert all(ln.date <= "2026-11-20" for ln in shown)
    assert all(ln.points == ln.points.quantize(Decimal("0.01")) for ln in shown)
    for name, points in m.sections.items():
        assert sum((ln.points for ln in shown if ln.section == name), Decimal(0)) == points
    fix = [ln for ln in shown if ln.rule == "保留两位小数"]
    assert [(ln.section, ln.date, ln.points) for ln in fix] == [
        ("思想政治", "2026-11-20", Decimal("0.01"))
    ]
    text = explain_text(m, "2026-11-20")
    assert "-0.13" in text and "0.125" not in text and "2026-12-31" not in text
