"""Two headers that could both be one column: the closer synonym wins (手机 before 电话, a
landline as often as not); equally close ones are refused in one line, never one picked."""

from __future__ import annotations

from pathlib import Path

import pytest
from sheet_helpers import make_xlsx

from desktop.sheets import read_workbook, suggest_mapping
from desktop.sheets.columns import SYNONYM_TIERS, SYNONYMS
from desktop.sheets.reader import mapping_conflicts, mapping_outranked

ROSTER = "党员名册"


@pytest.mark.parametrize("order", [("电话", "手机"), ("手机", "电话")])
def test_mobile_beats_phone_whichever_comes_first(order: tuple[str, str]) -> None:
    headers = ["姓名", *order, "人员类别"]
    assert suggest_mapping(headers, ROSTER)["手机"] == "手机号码"
    assert "电话" not in suggest_mapping(headers, ROSTER)
    assert mapping_conflicts(headers, ROSTER) == {}
    assert mapping_outranked(headers, ROSTER) == {"电话": "手机"}


def test_exact_name_beats_every_synonym() -> None:
    headers = ["姓名", "手机", "电话", "手机号码"]
    assert suggest_mapping(headers, ROSTER) == {"姓名": "姓名", "手机号码": "手机号码"}
    assert mapping_conflicts(headers, ROSTER) == {}


def test_equally_close_synonyms_are_not_guessed() -> None:
    headers = ["姓名", "联系电话", "电话"]
    assert suggest_mapping(headers, ROSTER) == {"姓名": "姓名"}
    assert mapping_conflicts(headers, ROSTER) == {"手机号码": ["联系电话", "电话"]}


def test_member_code_beats_name_on_signin() -> None:
    assert suggest_mapping(["活动编号", "姓名", "党员编号", "状态"], "签到")["党员编号"] == "党员"


def test_tiers_name_only_known_synonyms() -> None:
    for target, tiers in SYNONYM_TIERS.items():
        names = [n for tier in tiers for n in tier]
        assert len(names) == len(set(names)), target
        assert set(names) <= set(SYNONYMS[target]), target


def _roster(tmp_path: Path, header: list[str], phones: list[str]) -> Path:
    rows = [header, ["张三", *phones, "正式党员"], ["李四", *phones, "预备党员"]]
    return make_xlsx(tmp_path / "名册.xlsx", {ROSTER: rows})


def test_landline_and_mobile_read_the_mobile(tmp_path: Path) -> None:
    path = _roster(tmp_path, ["姓名", "电话", "手机", "人员类别"], ["0371-6321234", "13800138000"])
    data = read_workbook(path, guess=True)
    assert data.ok, data.problem_lines()
    assert {r.values["手机号码"] for r in data.rows(ROSTER)} == {"13800138000"}
    assert data.guessed_columns[ROSTER] == {"手机": "手机号码"}
    assert data.outranked_columns[ROSTER] == {"电话": "手机"}


def test_two_equal_phone_columns_are_refused_in_one_line(tmp_path: Path) -> None:
    path = _roster(tmp_path, ["姓名", "联系电话", "电话", "人员类别"], ["13800138000", "0371-1"])
    data = read_workbook(path, guess=True)
    assert data.problem_lines() == [
        "党员名册 第1行 手机号码: “联系电话”和“电话”都可作“手机号码”，请删去或改名其一"
    ]


def test_tied_required_column_is_said_once(tmp_path: Path) -> None:
    rows = [["活动编号", "姓名", "党员姓名", "状态"], ["A1", "张三", "张三", "出席"]]
    path = make_xlsx(tmp_path / "签到.xlsx", {"签到": rows})
    data = read_workbook(path, guess=True)
    assert data.problem_lines() == [
        "签到 第1行 党员: “姓名”和“党员姓名”都可作“党员”，请删去或改名其一"
    ]
