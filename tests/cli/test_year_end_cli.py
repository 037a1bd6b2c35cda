"""pioneer appraisal / veto / print rating|certificates end to end, through the real command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from test_cli_roster import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from year_end_testkit import YEAR, make_year_book  # noqa: E402


def _book(tmp_path: Path) -> Path:
    path = tmp_path / "year.db"
    make_year_book(path).close()
    return path


def test_appraisals_vetoes_and_paper_from_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = str(_book(tmp_path))

    def pioneer(*args: str, check: bool = False):
        return run("--db", db, *args, home=home, check=check)

    # A whole group at once, pairs after `add` or as --grade.
    out = pioneer("appraisal", "add", "王一=优秀", "002=合格", "--year", str(YEAR), check=True)
    assert "已登记 2025 年党员评议结果 2 条" in out.stdout
    pioneer("appraisal", "add", "--year", "2025", "--kind", "群众评议", "--grade", "张三=基本合格",
            check=True)  # fmt: skip
    listed = json.loads(pioneer("appraisal", "list", "--year", "2025", "--json", check=True).stdout)
    assert [(a["name"], a["kind"], a["grade"]) for a in listed["appraisals"]] == [
        ("王一", "党员评议", "优秀"),
        ("李二", "党员评议", "合格"),
        ("张三", "群众评议", "基本合格"),
    ]
    # Refused whole: a duplicate and an activist; exit 1, every problem on stderr.
    bad = pioneer("appraisal", "add", "王一=合格", "钱五=合格", "--year", "2025")
    assert bad.returncode == 1
    assert "已有结果“优秀”" in bad.stderr and "民主评议只评议党员" in bad.stderr
    assert pioneer("appraisal", "add", "王一", "--year", "2025").returncode == 2
    assert pioneer("appraisal", "withdraw", "--reason", "x").returncode == 2
    third = listed["appraisals"][2]["id"]
    assert pioneer("appraisal", "withdraw", str(third)).returncode == 1  # no reason
    out = pioneer("appraisal", "withdraw", str(third), "--reason", "评议票统计有误", check=True)
    assert "已删除" in out.stdout

    # Vetoes: who decided and why are required.
    bad = pioneer("veto", "add", "--member", "张三", "--date", "2025-10-01", "--reason", "处分")
    assert bad.returncode == 1 and "请填写决定人" in bad.stderr
    assert pioneer("veto", "add", "--date", "2025-10-01").returncode == 2
    out = pioneer("veto", "add", "--member", "张三", "--date", "2025-10-01", "--reason",
                  "受到党内警告处分", "--by", "支委会", check=True)  # fmt: skip
    assert "已登记一票否决" in out.stdout
    vetoes = json.loads(pioneer("veto", "list", "--year", "2025", "--json", check=True).stdout)
    assert vetoes["vetoes"][0]["name"] == "张三" and vetoes["vetoes"][0]["withdrawn"] is False
    rate = json.loads(pioneer("rate", "--year", "2025", "--json", check=True).stdout)
    zhang = next(m for m in rate["members"] if m["name"] == "张三")
    assert "一票否决：不参与评星定级和评定等次" in zhang["reasons"]
    assert pioneer("veto", "kinds", "--year", "2025", check=True).stdout == ""

    # Paper: the table (PDF and xlsx) of the ended year; its certificates wait for Q4 to be
    # confirmed (test_certificates_after_q4_cli.py).
    for name in ("rating.pdf", "rating.xlsx"):
        out = pioneer(
            "print", "rating", "--year", "2025", "--out", str(tmp_path / name), check=True
        )
        assert (tmp_path / name).stat().st_size > 1000, out.stdout
    bad = pioneer("print", "certificates", "--year", "2025", "--out", str(tmp_path / "c.xlsx"))
    assert bad.returncode == 1 and "只能输出 PDF" in bad.stderr

    # Withdrawal of the veto (its quarter is open: deleted) restores the rating's input.
    vid = vetoes["vetoes"][0]["id"]
    out = pioneer("veto", "withdraw", str(vid), "--reason", "处分决定已撤销", check=True)
    assert "已删除" in out.stdout
    again = pioneer("veto", "withdraw", str(vid), "--reason", "再撤一次")
    assert again.returncode == 1 and "找不到编号" in again.stderr
    help_text = "".join(pioneer("print", "-h", check=True).stdout.split())
    assert "rating（年度星级评定表）" in help_text and "certificates（荣誉证书）" in help_text
