"""Shipped presets: all valid, listed, readable."""

from __future__ import annotations

import pytest

from desktop.rules.presets import list_presets, load_preset, preset_text
from desktop.rules.scheme import check_scheme

REQUIRED = {"dangyuan-ejia", "jiedao-nongcun", "jiguan-60-40", "lianghua-dingji"}


def test_required_presets_are_listed_with_titles() -> None:
    presets = dict(list_presets())
    assert set(presets) >= REQUIRED
    for preset_id, title in presets.items():
        assert title and title != preset_id


@pytest.mark.parametrize("preset_id", [p for p, _ in list_presets()])
def test_preset_is_valid_and_cites_its_plan(preset_id: str) -> None:
    text = preset_text(preset_id)
    assert check_scheme(text) == []
    scheme = load_preset(preset_id)
    assert scheme.id == preset_id
    assert scheme.source.startswith("《")
    assert "依据" in text


def test_unknown_preset() -> None:
    with pytest.raises(KeyError, match="没有名为「nope」的预置方案"):
        preset_text("nope")
    with pytest.raises(KeyError):
        preset_text("../schemes/dangyuan-ejia")
