"""`pioneer approval list/record` (issue 16 item 4): the results 党员e家 第十八条 sends above
the branch (「拟评定为五星级党员的须报上级党（工）委审批」), recorded by hand."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cli_testkit import run_process as run

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
        "claims": [],  # claims sent above the branch: none in this scheme
        "votes": [],  # 党员大会表决: none (no step with vote)
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


def test_a_claim_sent_above_from_the_command_line(tmp_path: Path) -> None:
    """街道「经党支部研究讨论认定，报党工委审定后确定加分分值」: `approval list` shows the claim
    待审批 with who must approve; `approval record --claim N` records the decision."""
    from desktop.book import claims as C
    from desktop.book.store import Book

    db = tmp_path / "jd.db"
    book = make_year_book(db, scheme="jiedao-nongcun")
    cid = C.add_claim(book, "王一", f"{YEAR}-05-12", "key-work", "6", "带头清扫")
    C.review_claim(book, cid, "组长")
    book.close()
    home = tmp_path / "home"

    def pioneer(*args: str, check: bool = False):
        return run("--db", str(db), *args, "--today", "2026-01-15", home=home, check=check)

    # 审定 by the committee: it says the claim still waits for the 党工委, not that it counts.
    approved = run("--db", str(db), "claim", "approve", str(cid), "--by", "支委会", home=home,
                   check=True)  # fmt: skip
    assert approved.stdout.strip() == (
        f"第 {cid} 号申报已审定，待街道党工委审定（报党工委审定）后计入积分。"
    )

    out = pioneer("approval", "list", "--year", str(YEAR), "--pending", check=True).stdout
    assert out.strip() == (
        f"001\t王一\t第{cid}号申报 {YEAR}-05-12 "
        "重点工作中发挥先锋模范带头作用明显（支部认定、党工委审定分值） 6分："
        "待审批：须街道党工委审定（报党工委审定）"
    )
    refused = pioneer("approval", "record", "--claim", str(cid), "--refuse", "--by", "街道党工委")
    assert refused.returncode == 1 and "不批准须写明理由" in refused.stderr
    done = pioneer("approval", "record", "--claim", str(cid), "--approve", "--by", "街道党工委",
                   "--date", "2025-06-20", check=True)  # fmt: skip
    assert done.stdout.strip() == f"已登记第 {cid} 号申报的审批决定：批准。"
    got = json.loads(pioneer("approval", "list", "--year", "2025", "--json", check=True).stdout)
    assert [(c["claim"], c["state"], c["by"]) for c in got["claims"]] == [
        (cid, "已批准", "街道党工委")
    ]
    with Book.open(db) as again:
        assert again.query("select period, claim_id from approvals") == [
            {"period": "claim", "claim_id": cid}
        ]


def test_the_general_meetings_vote_from_the_command_line(tmp_path: Path) -> None:
    """党员e家 第十八条「研究提出党员评星的意见，提请党员大会表决通过」 with vote = "present":
    `approval vote` records the counts (impossible ones refused in Chinese, nothing written),
    the outcome decides the step for every result waiting for it, `approval list` and the
    printed annual table show the vote."""
    from poppler import pdftotext

    from desktop.book.scoring import set_year_scheme
    from desktop.rules.presets import preset_text

    db = tmp_path / "vote.db"
    book = make_year_book(db)
    set_year_scheme(
        book,
        YEAR,
        text=preset_text("dangyuan-ejia")
        + '\n[[approvals]]\nname = "提请党员大会表决通过"\nby = "支部党员大会"\nstars = [3, 4, 5]\n'
        'vote = "present"\n',
    )
    book.close()
    home = tmp_path / "home"

    def pioneer(*args: str, check: bool = False):
        return run("--db", str(db), *args, "--today", "2026-01-15", home=home, check=check)

    vote = ("approval", "vote", "--year", "2025", "--date", "2026-01-10")
    bad = pioneer(*vote, "--yes", "4", "--no", "1", "--abstain", "0", "--present", "4")
    assert bad.returncode == 1
    assert "赞成、反对、弃权共 5 票，多于到会的 4 人（每人只能投一票）。" in bad.stderr
    bad = pioneer(*vote, "--yes", "3", "--no", "0", "--abstain", "0", "--present", "5")
    assert bad.returncode == 1 and "到会 5 人多于应到会的 4 人。" in bad.stderr
    # The meeting is named by its 编号, as everywhere else (it took only the row id before).
    unknown = pioneer(*vote, "--yes", "3", "--no", "1", "--abstain", "0", "--present", "4",
                      "--activity", "2025-999")  # fmt: skip
    assert unknown.returncode == 1 and "找不到活动“2025-999”" in unknown.stderr
    # A meeting of 2 of 4 has no quorum: it decides nothing, nothing is recorded.
    few = pioneer(*vote, "--yes", "2", "--no", "0", "--abstain", "0", "--present", "2")
    assert few.returncode == 1
    assert "到会人数不足应到会有表决权党员的半数（应到会 4 人，到会 2 人，须至少 3 人到会），" in (
        few.stderr
    )
    usage = pioneer(*vote, "--yes", "3", "--present", "4")
    assert usage.returncode == 2 and "--no、--abstain" in usage.stderr
    assert json.loads(pioneer("approval", "list", "--json", "--year", "2025").stdout)["votes"] == []
    # Waiting for the vote reads 待表决 (the step above the branch keeps 待审批); --json keeps
    # the state 待审批.
    waiting = pioneer("approval", "list", "--year", "2025", check=True).stdout.splitlines()
    assert "002\t李二\t拟评三星级，提请党员大会表决通过：待表决" in waiting
    assert "001\t王一\t拟评五星级，报上级党（工）委审批：待审批" in waiting
    rated = run("--db", str(db), "rate", "--year", "2025", home=home, check=True).stdout
    assert "\t★★★（待表决）\t" in rated and "\t★★★★★（待审批）\t" in rated
    listed = json.loads(pioneer("approval", "list", "--json", "--year", "2025").stdout)
    assert {a["state"] for a in listed["approvals"]} == {"待审批"}
    done = pioneer(*vote, "--yes", "3", "--no", "1", "--abstain", "0", "--present", "4", check=True)
    assert done.stdout.splitlines() == [
        "已登记党员大会表决：应到会4人，到会4人；赞成3票、反对1票、弃权0票：赞成票超过到会人数4的半数，"
        "表决通过。",
        "表决的是：王一五星级、李二三星级。",
    ]
    out = pioneer("approval", "list", "--year", "2025", check=True).stdout
    assert (
        "002\t李二\t拟评三星级，提请党员大会表决通过：已批准（支部党员大会，2026-01-10，党员大会表决："
        in out
    )
    assert out.rstrip().endswith(
        "2026-01-10 党员大会表决（提请党员大会表决通过）：应到会4人，到会4人；赞成3票、反对1票、"
        "弃权0票：赞成票超过到会人数4的半数，表决通过"
    )
    (v,) = json.loads(pioneer("approval", "list", "--json", "--year", "2025").stdout)["votes"]
    assert (v["yes"], v["no"], v["abstain"], v["present"], v["expected"], v["passed"]) == (
        3, 1, 0, 4, 4, True
    )  # fmt: skip
    again = pioneer(*vote, "--yes", "4", "--no", "0", "--abstain", "0", "--present", "4")
    assert again.returncode == 1 and "不需要表决" in again.stderr
    pdf = tmp_path / "评定表.pdf"
    run("--db", str(db), "print", "rating", "--year", "2025", "--out", str(pdf), home=home,
        check=True)  # fmt: skip
    text = pdftotext(pdf).replace("\n", "").replace(" ", "")
    assert "2026-01-10提请党员大会表决通过（党员大会表决）：应到会4人，到会4人；赞成3票" in text
    assert "表决通过。表决内容：王一五星级、李二三星级。" in text


def test_scheme_check_names_vote_mistakes_in_chinese(tmp_path: Path) -> None:
    from desktop.rules.presets import preset_text

    bad = tmp_path / "vote.toml"
    bad.write_text(
        preset_text("dangyuan-ejia")
        + '\n[[approvals]]\nname = "提请党员大会表决通过"\nby = "支部党员大会"\nstars = [3]\n'
        'vote = "过半"\n\n[[approvals]]\nname = "审批"\nby = "镇党委"\nstars = [4]\n'
        "quorum = false\n",
        encoding="utf-8",
    )
    result = run("scheme", "check", str(bad), home=tmp_path / "home")
    assert result.returncode == 1
    assert (
        "「vote」为未知的表决规则「过半」，可选：present（赞成票超过到会有表决权党员的半数）"
        in (result.stderr)
    )
    assert "「quorum」（到会须过半数）只用于党员大会表决，请同时写「vote」" in result.stderr
    bad.write_text(
        bad.read_text(encoding="utf-8")
        .replace('"过半"', '"voting"')
        .replace("quorum = false\n", ""),
        encoding="utf-8",
    )
    assert run("scheme", "check", str(bad), home=tmp_path / "home").returncode == 0
