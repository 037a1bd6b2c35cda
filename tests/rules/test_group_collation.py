"""Natural order for numbered names (党小组): 第一、第二、第三…第十、第十一, whatever the code
points say (一 U+4E00 < 三 U+4E09 < 二 U+4E8C)."""

from __future__ import annotations

import pytest

from desktop.rules.collation import cn_number, group_key, natural_key


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("二十三", 23),
        ("一百零五", 105),
        ("三〇", 30),
    ],
)
def test_cn_number(text: str, value: int) -> None:
    assert cn_number(text) == value


def test_numbers_in_names_compare_by_value() -> None:
    names = ["第十一党小组", "第三党小组", "第二党小组", "第十党小组", "第一党小组"]
    assert sorted(names, key=natural_key) == [
        "第一党小组",
        "第二党小组",
        "第三党小组",
        "第十党小组",
        "第十一党小组",
    ]
    assert sorted(["第10组", "第2组", "第１组"], key=natural_key) == ["第１组", "第2组", "第10组"]
    # Without numbers: by strokes (东 5 before 西 6).
    assert sorted(["西片", "东片"], key=natural_key) == ["东片", "西片"]


def test_groups_numbered_first_then_the_rest_in_book_order() -> None:
    book_order = ["老年党小组", "第三党小组", "机关党小组", "第一党小组", "第二党小组"]
    ordered = sorted(book_order, key=lambda n: group_key(n, book_order.index(n)))
    assert ordered == ["第一党小组", "第二党小组", "第三党小组", "老年党小组", "机关党小组"]
    # 两新 (new economic and social organisations) is not the number two.
    assert group_key("两新党小组", 0) == (1, (), 0)
