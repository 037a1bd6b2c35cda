"""星级评定 60+40: stars by quota above one line (三星起评 70), 共性分 < 50 → no star."""

from __future__ import annotations

from rules_testkit import Branch, load_preset

from desktop.rules.scoring import rate, score

XINGJI = load_preset("xingji-60-40")


def test_stars_by_share_above_seventy() -> None:
    b = Branch()
    for i in range(1, 21):  # 20 members: base 55 + star 20 … 39 → totals 75 … 94
        code = f"{i:03d}"
        b.member(code)
        b.claim(code, "2026-05-01", "base", 55)
        b.claim(code, "2026-05-01", "star", 19 + i)
    b.member("021")
    b.claim("021", "2026-05-01", "base", 45)  # 共性分 < 50
    b.claim("021", "2026-05-01", "star", 40)  # total 85, but no star
    b.member("022")
    b.claim("022", "2026-05-01", "base", 40)
    b.claim("022", "2026-05-01", "star", 8)  # 48: 诫勉谈话 + 双预警
    result = score(XINGJI, b.facts(), 2026, half=1)
    rating = rate(XINGJI, result)
    n = rating.rated_count
    assert n == 22
    stars = {m.code: m.stars for m in rating.members}
    # 22 × 10% = 2.2 → 2; × 15% = 3.3 → 3; × 20% = 4.4 → 4 (rounded)
    assert [c for c, s in stars.items() if s == 5] == ["019", "020"]
    assert [c for c, s in stars.items() if s == 4] == ["016", "017", "018"]
    assert [c for c, s in stars.items() if s == 3] == ["012", "013", "014", "015"]
    assert stars["021"] is None
    assert "共性分低于50分，取消评星资格" in next(
        m.reasons for m in rating.members if m.code == "021"
    )
    flags = [f.name for f in result.member("022").flags if f.kind == "followup"]  # type: ignore[union-attr]
    assert flags == ["诫勉谈话", "双预警"]
