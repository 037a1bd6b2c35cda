"""`pioneer appraisal tally … --member CODE --votes 优秀=N,合格=N,基本合格=N,不合格=N`
(CONTRACT.md): the grade derived by the scheme's rule and shown by `appraisal list`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cli_testkit import run_process as run
from poppler import HAVE_PDFTOTEXT, pdftotext

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


def test_a_round_with_its_voters_bounds_the_tallies(tmp_path: Path) -> None:
    # 星级评定：「召开支部党员大会,同时邀请群众代表参与(一般为党员数的 20%)。对照考核细则,
    # 由党员、群众代表进行集中测评」.
    db = tmp_path / "jd.db"
    make_year_book(db, scheme="jiedao-nongcun").close()
    home = tmp_path / "home"

    def pioneer(*args: str, check: bool = False):
        return run("--db", str(db), *args, home=home, check=check)

    done = pioneer("appraisal", "round", "--year", "2025", "--kind", "群众评议", "--date",
                   "2025-12-20", "--members", "10", "--mass", "1", check=True)  # fmt: skip
    assert "已登记 2025 年第1次群众评议评议会议" in done.stdout
    assert "群众代表 1 人，少于参加党员数 10 人的20%" in done.stderr
    again = pioneer("appraisal", "round", "--year", "2025", "--kind", "群众评议", "--date",
                    "2025-12-21", "--members", "9")  # fmt: skip
    assert again.returncode == 1 and "已经登记过" in again.stderr
    # 12 votes, 11 voters in the round: refused without --voters.
    over = pioneer("appraisal", "tally", "--year", "2025", "--kind", "群众评议", "--member", "001",
                   "--votes", "优秀=6,合格=6")  # fmt: skip
    assert over.returncode == 1 and "共12票，多于参加评议的11人" in over.stderr


def test_ballots_one_by_one_then_counted(tmp_path: Path) -> None:
    """Issue 16 item 1: `appraisal ballot` enters one ballot (党员=等次 …, or --spoiled) and
    `appraisal count` records every member's tally from them, the grade by the scheme."""
    db = tmp_path / "jd.db"
    make_year_book(db, scheme="jiedao-nongcun").close()
    home = tmp_path / "home"

    def pioneer(*args: str, check: bool = False):
        return run("--db", str(db), *args, home=home, check=check)

    early = pioneer("appraisal", "ballot", "--year", "2025", "王一=优秀")
    assert early.returncode == 1 and "还没有登记评议会议" in early.stderr
    pioneer("appraisal", "round", "--year", "2025", "--date", "2025-12-20", "--members", "3",
            check=True)  # fmt: skip
    first = pioneer("appraisal", "ballot", "--year", "2025", "王一=优秀", "002=合格", check=True)
    assert first.stdout.startswith("已录入第 1 张选票（2 人）；共 1 张，参加评议 3 人。")
    pioneer("appraisal", "ballot", "--year", "2025", "王一=优秀", "002=不合格", check=True)
    spoiled = pioneer("appraisal", "ballot", "--year", "2025", "--spoiled", check=True)
    assert "第 3 张选票（废票）" in spoiled.stdout
    full = pioneer("appraisal", "ballot", "--year", "2025", "王一=优秀")
    assert full.returncode == 1 and "不能再多" in full.stderr
    bad = pioneer("appraisal", "ballot", "--year", "2025", "王一")
    assert bad.returncode == 2
    counted = json.loads(
        pioneer("appraisal", "count", "--year", "2025", "--json", check=True).stdout
    )
    grades = {d["name"]: d["grade"] for d in counted["counted"]}
    assert grades == {"王一": "优秀", "李二": "不合格"}  # 合格 1, 不合格 1: the lower
    listed = json.loads(pioneer("appraisal", "list", "--year", "2025", "--json", check=True).stdout)
    assert {r["name"]: r["voters"] for r in listed["appraisals"]} == {"王一": 3, "李二": 3}


def test_scheme_check_names_combine_and_claim_approval_mistakes(tmp_path: Path) -> None:
    """`pioneer scheme check` on [ballots.combine] (公司「……设置相应的评定占比」) and on
    [[approvals]] items (街道「报党工委审定后确定加分分值」): Chinese lines, exit 1."""
    from desktop.rules.presets import preset_text

    bad = tmp_path / "bad.toml"
    bad.write_text(
        preset_text("jiedao-nongcun")
        + '\n[ballots.combine]\npoints = { "优秀" = 10, "合格" = 8, "基本合格" = 6, "不合格" = 0 }\n'
        '[[ballots.combine.parts]]\nkind = "党员评议"\nweight = 0.5\n'
        '[[ballots.combine.parts]]\nkind = "群众评议"\nweight = 0.4\n'
        '[[ballots.combine.lines]]\nmin = 9\ngrade = "优秀"\n'
        '\n[[approvals]]\nname = "报街道审核"\nby = "街道党工委"\nitems = ["no-such"]\n',
        encoding="utf-8",
    )
    result = run("scheme", "check", str(bad), home=tmp_path / "home")
    assert result.returncode == 1
    assert "[ballots.combine]: 各项占比合计应为100%（1），现在是 90%" in result.stderr
    assert "「items」中的“no-such”不是本方案可申报的项目" in result.stderr
    good = tmp_path / "good.toml"
    good.write_text(
        bad.read_text(encoding="utf-8").replace("weight = 0.4", "weight = 0.5")
        .replace('"no-such"', '"honor-street"'),
        encoding="utf-8",
    )  # fmt: skip
    assert run("scheme", "check", str(good), home=tmp_path / "home").returncode == 0


def test_self_and_branch_appraisals_are_graded_not_voted(tmp_path: Path) -> None:
    # 公司 五、1：「民主评议党员的结果还应结合党员自评、互评、支部评定等方式进行综合评定」.
    db = tmp_path / "jd.db"
    make_year_book(db, scheme="jiedao-nongcun").close()
    home = tmp_path / "home"

    def pioneer(*args: str, check: bool = False):
        return run("--db", str(db), *args, home=home, check=check)

    y = ("--year", "2025")
    # Who graded and when: a 自评 is the member's own, a 组织考评 the 支委会's unless named.
    added = pioneer("appraisal", "add", *y, "--kind", "自评", "001=优秀", "--date", "2026-01-10",
                    check=True)  # fmt: skip
    assert added.stdout == "已登记 2025 年自评结果 1 条（党员本人于2026-01-10评定）。\n"
    added = pioneer("appraisal", "add", *y, "--kind", "组织考评", "001=合格", "--date",
                    "2026-01-10", check=True)  # fmt: skip
    assert added.stdout == "已登记 2025 年组织考评结果 1 条（支委会于2026-01-10评定）。\n"
    listed = json.loads(pioneer("appraisal", "list", *y, "--json", check=True).stdout)
    assert {(r["kind"], r["grade"], r["graded_by"], r["date"]) for r in listed["appraisals"]} == {
        ("自评", "优秀", "王一", "2026-01-10"),
        ("组织考评", "合格", "支委会", "2026-01-10"),
    }
    text = pioneer("appraisal", "list", *y, check=True).stdout
    assert "王一\t优秀（王一（本人）于2026-01-10评定）" in text
    kinds = [line.split("\t")[1] for line in text.splitlines()]
    assert kinds == ["自评", "组织考评"]  # in their order, not by character code
    # Bad paths: refused in Chinese, nothing written.
    for extra, words in (
        (("--kind", "自评", "002=合格", "--by", "张三"),
         "李二：自评是党员本人的评定，评定人不能是“张三”（自评的评定人不用填，登记为本人）。"),
        (("--kind", "组织考评", "002=合格", "--date", "2099-01-01"), "评定日期 2099-01-01 还没到"),
        (("--kind", "组织考评", "002=合格", "--date", "2024-12-31"),
         "评定日期 2024-12-31 早于 2025 年，2025 年的组织考评不会在那时评定。"),
        (("--kind", "组织考评", "002=合格", "--date", "2026-02-30"), "评定日期“2026-02-30”不存在"),
        (("002=合格", "--date", "2026-01-10"),
         "党员评议由评议会议投票评出，不单独登记评定人和评定日期。"),
    ):  # fmt: skip
        refused = pioneer("appraisal", "add", *y, *extra)
        assert refused.returncode == 1 and words in refused.stderr, refused.stderr
    listed = json.loads(pioneer("appraisal", "list", *y, "--json", check=True).stdout)
    assert len(listed["appraisals"]) == 2
    tally = pioneer("appraisal", "tally", *y, "--kind", "自评", "--member", "002", "--votes",
                    "优秀=3")  # fmt: skip
    assert tally.returncode == 1 and "自评不投票" in tally.stderr
    held = pioneer("appraisal", "round", *y, "--kind", "组织考评", "--date", "2025-12-20",
                   "--members", "10")  # fmt: skip
    assert held.returncode == 1 and "按人登记等次" in held.stderr
    ballot = pioneer("appraisal", "ballot", *y, "--kind", "自评", "002=优秀")
    assert ballot.returncode == 1 and "自评不投票，没有选票可录入" in ballot.stderr
    counted = pioneer("appraisal", "count", *y, "--kind", "组织考评")
    assert counted.returncode == 1 and "组织考评不投票，没有选票可计" in counted.stderr

    # The year's scheme weighs them into the 综合评定 that its 年终评议 item scores; the
    # explanation says which grades, weighed how (公司 五、1 「各支部可根据实际设置相应的评定占比」:
    # the shares are the branch's own).
    from desktop.book.scoring import set_year_scheme
    from desktop.book.store import Book
    from desktop.rules.presets import preset_text

    combine = """
[ballots.combine]
item = "appraisal"
points = { "优秀" = 10, "合格" = 8, "基本合格" = 6, "不合格" = 0 }
  [[ballots.combine.parts]]
  name = "党员自评"
  kind = "自评"
  weight = 0.2
  [[ballots.combine.parts]]
  name = "党员互评"
  kind = "党员评议"
  weight = 0.5
  [[ballots.combine.parts]]
  name = "组织考评"
  kind = "组织考评"
  weight = 0.3
  [[ballots.combine.lines]]
  min = 9
  grade = "优秀"
  [[ballots.combine.lines]]
  min = 7.5
  grade = "合格"
"""
    book = Book.open(db)
    set_year_scheme(book, 2025, text=preset_text("jiedao-nongcun") + combine)
    book.close()
    pioneer("appraisal", "add", *y, "001=优秀", check=True)  # 党员评议 (互评)
    out = pioneer("explain", "--member", "001", *y, check=True).stdout
    # 10×20% + 10×50% + 8×30% = 9.4 → 优秀
    assert (
        "综合评定：优秀（党员自评“优秀”10分×20% + 党员互评“优秀”10分×50% + "
        "组织考评“合格”8分×30% = 9.4分；达到“优秀”的9分，评为“优秀”；"
        "党员自评：王一（本人）于2026-01-10评定；组织考评：支委会于2026-01-10评定）"
    ) in out, out
    # The printed 年度积分表: a 综合评定 column beside the grades it weighs, and the weights.
    from desktop.book.year_end_print import rating_data

    book = Book.open(db)
    data = rating_data(book, 2025)
    book.close()
    assert data["appraisal_titles"] == ["党员评议", "自评", "组织考评", "综合评定"]
    row = next(m for m in data["members"] if m["code"] == "001")
    assert row["appraisals"] == ["优秀", "优秀", "合格", "优秀"]
    assert (
        "综合评定 = 党员自评×20% + 党员互评×50% + 组织考评×30%（各等次折分：优秀10分、合格8分、"
        "基本合格6分、不合格0分；9分以上优秀、7.5分以上合格，其余不合格）；计入积分项目"
        "“年终党员和群众代表评议”。每人的算式见民主评议结果登记表和党员积分考核管理登记表。"
    ) in data["summary"]
    printed = pioneer("print", "rating", *y, "--out", str(tmp_path / "rating.pdf"))
    assert printed.returncode == 0, printed.stderr
    # 民主评议结果登记表: the kinds in their order (互评, then 自评, then 组织考评).
    pioneer("print", "appraisal-results", *y, "--out", str(tmp_path / "ar.pdf"), check=True)
    if HAVE_PDFTOTEXT:
        text = pdftotext(tmp_path / "ar.pdf", "-layout")
        kinds = [k for line in text.splitlines() for k in ("党员评议", "自评", "组织考评")
                 if f" {k} " in f" {line} " and "第1轮" in line]  # fmt: skip
        assert kinds == ["党员评议", "自评", "组织考评"], text
        flat = "".join(text.split())  # who graded and when, in the 说明 column
        assert "王一（本人）于2026-01-10评定" in flat and "支委会于2026-01-10评定" in flat


def test_the_combined_grade_without_item_is_shown_by_list_explain_and_paper(
    tmp_path: Path,
) -> None:
    """[ballots.combine] without `item` (公司 五、1: the 综合评定 is a grade, the plan gives it no
    points): no point line shows it, so `appraisal list`, `explain` and the 民主评议结果登记表
    write out how it was formed, and say that it does not count for points."""
    from desktop.book.scoring import set_year_scheme
    from desktop.rules.presets import preset_text

    db = tmp_path / "jd.db"
    book = make_year_book(db, scheme="jiedao-nongcun")
    combine = """
[ballots.combine]
points = { "优秀" = 10, "合格" = 8, "基本合格" = 6, "不合格" = 0 }
  [[ballots.combine.parts]]
  name = "党员自评"
  kind = "自评"
  weight = 0.2
  [[ballots.combine.parts]]
  name = "党员互评"
  kind = "党员评议"
  weight = 0.8
  [[ballots.combine.lines]]
  min = 9
  grade = "优秀"
  [[ballots.combine.lines]]
  min = 7.5
  grade = "合格"
"""
    set_year_scheme(book, 2025, text=preset_text("jiedao-nongcun") + combine)
    book.close()
    home = tmp_path / "home"

    def pioneer(*args: str):
        return run("--db", str(db), *args, home=home, check=True)

    y = ("--year", "2025")
    pioneer(
        "appraisal", "add", *y, "--kind", "自评", "001=优秀", "002=合格", "--date", "2026-01-10"
    )
    pioneer("appraisal", "add", *y, "001=合格")  # 党员评议 (互评); 李二 has none yet
    sum_line = (
        "综合评定：合格（党员自评“优秀”10分×20% + 党员互评“合格”8分×80% = 8.4分；"
        "达到“合格”的7.5分，评为“合格”；党员自评：王一（本人）于2026-01-10评定）；"
        "只作评定，不计入积分"
    )
    formula = (
        "综合评定 = 党员自评×20% + 党员互评×80%（各等次折分：优秀10分、合格8分、基本合格6分、"
        "不合格0分；9分以上优秀、7.5分以上合格，其余不合格）；只作评定，不计入积分"
    )
    listed = pioneer("appraisal", "list", *y).stdout.splitlines()
    assert listed[-3:] == [
        formula,
        "综合评定\t001\t王一\t" + sum_line.removeprefix("综合评定："),
        "综合评定\t002\t李二\t党员互评还没有结果（只作评定，不计入积分）",
    ]
    data = json.loads(pioneer("appraisal", "list", *y, "--json").stdout)
    assert data["combined"]["formula"] == formula
    assert data["combined"]["members"][0] == {
        "code": "001",
        "name": "王一",
        "grade": "合格",
        "explain": sum_line,
    }
    assert len(data["appraisals"]) == 3
    explained = pioneer("explain", "--member", "001", *y).stdout
    assert explained.splitlines()[-1] == f"2025年{sum_line}"
    pioneer("print", "appraisal-results", *y, "--out", str(tmp_path / "ar.pdf"))
    if HAVE_PDFTOTEXT:
        text = "".join(pdftotext(tmp_path / "ar.pdf").split())
        assert "8.4分" in text and "只作评定，不计入积分" in text
        assert "共3条评议结果" in text and "9分以上优秀" in text
