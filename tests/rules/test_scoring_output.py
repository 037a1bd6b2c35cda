"""The JSON documents of `pioneer score/rate --json` (CONTRACT.md) and the explain text."""

from __future__ import annotations

import json

from rules_testkit import Branch, load_preset

from desktop.rules.scoring import explain_text, rate, rate_json, score, score_json

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
