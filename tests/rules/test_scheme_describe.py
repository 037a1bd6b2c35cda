"""Readable Chinese description of a scheme."""

from __future__ import annotations

import pytest

from desktop.rules.describe import describe_scheme
from desktop.rules.presets import list_presets, load_preset


@pytest.mark.parametrize("preset_id", [p for p, _ in list_presets()])
def test_every_preset_describes(preset_id: str) -> None:
    lines = describe_scheme(load_preset(preset_id))
    assert lines[0] == load_preset(preset_id).title
    assert all(lines)


def test_ejia_leave_tiers_read_like_the_plan() -> None:
    text = "\n".join(describe_scheme(load_preset("dangyuan-ejia")))
    assert (
        "因私请假：支部党员大会、支委会、党小组会、党课、主题党日签到为因私请假；"
        "每年第1–4次每次扣1分，第5次起每次扣2分。"
    ) in text
    assert "90分以上：五星级，不超过参评人数的10%（向下取整）；参评不足10人的可评1名" in text
