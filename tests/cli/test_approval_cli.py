"""`pioneer approval list/record` (issue 16 item 4): the results 党员e家 第十八条 sends above
the branch (「拟评定为五星级党员的须报上级党（工）委审批」), recorded by hand."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from test_cli_roster import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from year_end_testkit import YEAR, make_year_book  # noqa: E402


def test_list_record_and_refusals(tmp_path: Path) -> None:
    db = tmp_path / "year.db"
    make_year_book(db).close()
    home = tmp_path / "home"

    def pioneer(*args: str, check: bool = False):
        return run("--db", str(db), *args, "--today", "2026-01-15", home=home, check=check)

    out = pioneer("approval", "list", "--year", str(YEAR), check=True).stdout
    assert out.strip() == "001\t王一\t拟评五星级，报上级党（工）委审批：待审批"
    got = json.loads(pioneer("approval", "list", "--year", "2025", "--json", check=True).stdout)
    assert got == {
        "year": 2025,
        "approvals": [
            {
                "code": "001",
                "name": "王一",
                "result": "五星级",
                "step": "报上级党（工）委审批",
                "by": "上级党（工）委",
                "state": "待审批",
                "decision": None,
            }
        ],
    }
    # `rate` says so too: the stars, a reason line, and "approval" in JSON.
    rated = json.loads(
        run("--db", str(db), "rate", "--year", "2025", "--json", home=home, check=True).stdout
    )
    wang = next(m for m in rated["members"] if m["code"] == "001")
    assert wang["stars"] == 5 and wang["approval"] == "待审批"
    assert "拟评五星级，报上级党（工）委审批：待审批" in wang["reasons"]
    assert next(m for m in rated["members"] if m["code"] == "002")["approval"] is None
    text = run("--db", str(db), "rate", "--year", "2025", home=home, check=True).stdout
    assert "★★★★★（待审批）" in text
    # Refused: a refusal without a reason (exit 1, the reason on stderr, nothing written).
    bad = pioneer("approval", "record", "--year", "2025", "--member", "001", "--refuse",
                  "--by", "城关镇党委")  # fmt: skip
    assert bad.returncode == 1 and "不批准须写明理由" in bad.stderr
    usage = pioneer("approval", "record", "--year", "2025", "--member", "001", "--by", "镇党委")
    assert usage.returncode == 2 and "--approve" in usage.stderr
    done = pioneer("approval", "record", "--year", "2025", "--member", "王一", "--approve",
                   "--by", "城关镇党委", "--date", "2026-01-12", check=True)  # fmt: skip
    assert "已登记 2025 年审批决定 1 条" in done.stdout
    got = json.loads(pioneer("approval", "list", "--year", "2025", "--json", check=True).stdout)
    assert got["approvals"][0]["state"] == "已批准"
    assert got["approvals"][0]["decision"] == {
        "decided_by": "城关镇党委",
        "date": "2026-01-12",
        "reason": "",
        "source": "手工",
    }
    pending = pioneer("approval", "list", "--year", "2025", "--pending", check=True).stdout
    assert pending.strip() == "2025 年没有待审批的评定结果。"
