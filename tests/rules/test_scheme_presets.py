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


@pytest.mark.parametrize("preset_id", [p for p, _ in list_presets()])
def test_preset_round_trips_through_a_form_dict(preset_id: str) -> None:
    # A scheme form reads the file into a dict (floats), edits it, writes it with tomli_w.
    import tomllib

    import tomli_w

    from desktop.rules.scheme import load_scheme, scheme_from_dict

    data = tomllib.loads(preset_text(preset_id))
    assert scheme_from_dict(data) == load_preset(preset_id)
    assert load_scheme(tomli_w.dumps(data)) == load_preset(preset_id)
