"""`pioneer appraisal tally … --member CODE --votes 优秀=N,合格=N,基本合格=N,不合格=N`
(CONTRACT.md): the grade derived by the scheme's rule and shown by `appraisal list`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from test_cli_roster import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book"))

from year_end_testkit import make_year_book  # noqa: E402


def test_tally_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "jd.db"
    make_year_book(db, scheme="jiedao-nongcun").close()
    home = tmp_path / "home"

    def pioneer(*args: str, check: bool = False):
        return run("--db", str(db), *args, home=home, check=check)

    out = pioneer("appraisal", "tally", "--year", "2025", "--round", "1", "--kind", "党员评议",
                  "--member", "001", "--votes", "优秀=12,合格=6,基本合格=2,不合格=0",
                  check=True)  # fmt: skip
    assert out.stdout.startswith("已登记：优秀（共20票：优秀12、合格6、基本合格2、不合格0；")
    listed = json.loads(pioneer("appraisal", "list", "--year", "2025", "--json", check=True).stdout)
    (row,) = listed["appraisals"]
    assert (row["code"], row["grade"], row["votes"]["优秀"]) == ("001", "优秀", 12)
    assert "得票最多的是“优秀”（12票）" in row["explain"]
    text = pioneer("appraisal", "list", "--year", "2025", check=True).stdout
    assert "王一\t优秀（共20票" in text
    # Exit 2 for votes that cannot be read; exit 1 for a member already graded.
    usage = pioneer("appraisal", "tally", "--year", "2025", "--member", "002", "--votes", "好=3")
    assert usage.returncode == 2 and "看不懂" in usage.stderr
    again = pioneer("appraisal", "tally", "--year", "2025", "--member", "001", "--votes", "合格=3")
    assert again.returncode == 1 and "不能重复登记" in again.stderr
