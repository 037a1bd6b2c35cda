"""The township's 审核回执 (review receipt): written by the township for a pack
(`township approve`, the desk's 记录审核意见…), recorded in the branch's book
(`pioneer receipt`, 「导入乡镇审核回执…」).

A receipt is a small UTF-8 JSON file bound to the pack it answers: the book id, the
confirmed quarters' hashes, the results awaiting approval that the pack reported, and the
SHA-256 of the pack's manifest. Its `seal` is an HMAC-SHA256 of the rest keyed by that binding, so a
receipt edited by hand, or meant for another book, is refused. (It proves consistency, not
who wrote it: there are no keys to share between an office PC and a township PC.)

Recording it: the decision, opinion and reviewer go into the journal (「导入乡镇审核回执」,
the whole receipt in its detail); each approved or refused result, and each decision on a
claim the pack reported as 待审批 (`claims`, by 申报记录号), is recorded through the approvals
API (desktop/book/approvals.py, source 「乡镇回执」), in the same transaction.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import date
from pathlib import Path
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.periods import period_label
from desktop.book.store import Book

RECEIPT_FORMAT = "pioneer-township-receipt"
RECEIPT_VERSION = 1
PASSED, RETURNED = "通过", "退回修改"
APPROVED, NOT_APPROVED = "批准", "不批准"
RECEIPT_ACTION = "导入乡镇审核回执"


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _seal(data: dict[str, Any]) -> str:
    body = {k: v for k, v in data.items() if k != "seal"}
    key = f"{data.get('book_id')}|{data.get('manifest_sha256')}".encode()
    return hmac.new(key, _canonical(body), hashlib.sha256).hexdigest()


def approve_pack(
    pack: Path,
    *,
    by: str,
    opinion: str,
    approve: list[str] | None = None,
    refuse: dict[str, str] | None = None,
    returned: bool = False,
    password: str | None = None,
    on: date | None = None,
    approve_claims: list[int] | None = None,
    refuse_claims: dict[int, str] | None = None,
) -> dict[str, Any]:
    """The 审核回执 for `pack` (not yet written). Refused for a pack that is not intact, for
    members who are not the pack's four/five-star members, for claims the pack does not report
    as 待审批, and without reviewer or opinion."""
    from desktop.book.pack import MANIFEST, check_pack, sha256_file

    approve, refuse = list(approve or []), dict(refuse or {})
    problems: list[str] = []
    if not by.strip():
        problems.append("请填写审核人姓名（--by）。")
    if not opinion.strip():
        problems.append("请填写审核意见（--opinion）。")
    check = check_pack(Path(pack), password=password)
    if not check.ok and not check.state.endswith("需要密码"):
        raise InputRefused(
            f"报送包{check.state}，不能为它写审核回执。",
            [check.problem or "", "请让支部重新报送后再审核。"],
        )
    m = check.manifest or {}
    fig = m.get("figures") or {}
    high = {s["code"]: s for s in fig.get("awaiting", [])}
    names = {s["name"]: s["code"] for s in high.values()}

    def code_of(ref: str) -> str | None:
        ref = ref.strip()
        return ref if ref in high else names.get(ref)

    decisions: dict[str, dict[str, Any]] = {}
    for ref in approve:
        code = code_of(ref)
        if code is None:
            problems.append(f"“{ref}”不是这份报送包中待上级审批的党员，不能批准。")
            continue
        decisions[code] = {**_who(high[code]), "decision": APPROVED, "reason": ""}
    for ref, reason in refuse.items():
        code = code_of(ref)
        if code is None:
            problems.append(f"“{ref}”不是这份报送包中待上级审批的党员。")
            continue
        if not reason.strip():
            problems.append(f"不批准 {high[code]['name']} 需要写明理由（--refuse 编号=理由）。")
            continue
        if code in decisions:
            problems.append(f"{high[code]['name']} 既批准又不批准，请只选一种。")
            continue
        decisions[code] = {**_who(high[code]), "decision": NOT_APPROVED, "reason": reason.strip()}
    claims = _claim_decisions(
        fig.get("awaiting_claims", []), approve_claims or [], refuse_claims or {}, problems
    )
    if problems:
        raise InputRefused("审核回执没有写成：", problems)
    data: dict[str, Any] = {
        "format": RECEIPT_FORMAT,
        "format_version": RECEIPT_VERSION,
        "book_id": m.get("book_id"),
        "branch": m.get("branch"),
        "year": m.get("year"),
        "pack": Path(pack).name,
        "pack_made_at": m.get("made_at"),
        "manifest_sha256": sha256_file(Path(pack) / MANIFEST),
        "quarters": [
            {
                "year": q["year"],
                "quarter": q["quarter"],
                "hash": q["hash"],
                "check_code": q["check_code"],
            }
            for q in m.get("quarters", [])
        ],
        "awaiting": [_who(s) for s in high.values()],
        "points_total": fig.get("points_total"),
        "decision": RETURNED if returned else PASSED,
        "opinion": opinion.strip(),
        "reviewer": by.strip(),
        "reviewed_on": (on or date.today()).isoformat(),
        "stars": list(decisions.values()),
    }
    if claims:  # absent from receipts without claim decisions (and from older ones)
        data["claims"] = claims
    data["seal"] = _seal(data)
    return data


def _claim_decisions(
    waiting: list[dict[str, Any]],
    approve: list[int],
    refuse: dict[int, str],
    problems: list[str],
) -> list[dict[str, Any]]:
    """The receipt's decisions on claims (积分申报) the pack reported as 待审批."""
    by_id = {int(c["claim_id"]): c for c in waiting}
    out: dict[int, dict[str, Any]] = {}
    for cid, reason in [*((c, None) for c in approve), *refuse.items()]:
        c = by_id.get(int(cid))
        if c is None:
            problems.append(f"第 {cid} 号申报不是这份报送包中待上级审定的积分申报。")
            continue
        if reason is not None and not reason.strip():
            problems.append(f"不批准第 {cid} 号申报（{c['name']}）需要写明理由。")
            continue
        if int(cid) in out:
            problems.append(f"第 {cid} 号申报（{c['name']}）既批准又不批准，请只选一种。")
            continue
        out[int(cid)] = {
            **{k: c[k] for k in ("claim_id", "code", "name", "item", "points", "body")},
            "decision": APPROVED if reason is None else NOT_APPROVED,
            "reason": (reason or "").strip(),
        }
    return list(out.values())


def _who(item: dict[str, Any]) -> dict[str, Any]:
    return {"code": item["code"], "name": item["name"], "result": item["result"]}


def write_receipt(data: dict[str, Any], out: Path) -> Path:
    """Write a receipt atomically (a temporary name, then renamed)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise InputRefused(f"文件夹不存在：{out.parent}。", ["请检查 --out 的路径。"])
    from desktop.book.outputs import check_output_path

    check_output_path(out)  # never over a book, nor into the pack it answers
    part = out.with_name(out.name + ".part")
    try:
        part.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        part.replace(out)
    finally:
        part.unlink(missing_ok=True)
    return out


def read_receipt(path: Path) -> dict[str, Any]:
    """A receipt file's content; InputRefused if it is not one or was altered."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputRefused(f"找不到审核回执文件：{path}。") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputRefused(f"{path.name} 不是审核回执（读不出内容）。") from exc
    if not isinstance(data, dict) or data.get("format") != RECEIPT_FORMAT:
        raise InputRefused(f"{path.name} 不是先锋指数的审核回执。")
    if int(data.get("format_version") or 0) > RECEIPT_VERSION:
        raise InputRefused(
            f"{path.name} 由更新版本的先锋指数写成。", ["请安装最新版本的先锋指数后再导入。"]
        )
    if not hmac.compare_digest(str(data.get("seal", "")), _seal(data)):
        raise InputRefused(
            f"审核回执 {path.name} 已被改动（内容与其校验不符），没有导入。",
            ["请向乡镇（街道）索取原始的回执文件。"],
        )
    return data


def earlier_receipts(pack: Path) -> list[dict[str, Any]]:
    """The 审核回执 already written beside `pack` for this very pack (same manifest), oldest
    first, each with its `file` name: the desk says so, and does not decide the same claim or
    member again by default (a second, different decision would be refused by the branch's
    book once the first is recorded)."""
    from desktop.book.pack import MANIFEST, sha256_file

    pack = Path(pack)
    try:
        sha = sha256_file(pack / MANIFEST)
    except OSError:
        return []
    out = []
    for f in sorted(pack.parent.glob("*.json")):
        try:
            data = read_receipt(f)
        except (InputRefused, OSError):
            continue
        if data.get("manifest_sha256") == sha:
            out.append({**data, "file": f.name})
    return sorted(out, key=lambda d: (d.get("reviewed_on", ""), d["file"]))


def _current_results(book: Book, year: int) -> dict[str, str]:
    """Member code → the result of `year` that needs approval, as the book rates it now."""
    from desktop.book.approvals import approvals

    return {a.code: a.result for a in approvals(book, year)}


def receipt_problems(book: Book, data: dict[str, Any]) -> list[str]:
    """Why `data` does not belong to this book as it stands ([] when it does)."""
    from desktop.rules.quarter import check_code

    mine = book.setting("book_id")
    if data.get("book_id") != mine:
        return [
            f"这份回执是“{data.get('branch')}”的报送包（{data.get('pack')}）的，不是本账本的"
            f"（账本编号不同），没有导入。"
        ]
    problems: list[str] = []
    rows = book.execute("select year, quarter, kind, hash from snapshots").fetchall()
    hashes = {(y, q): h for y, q, _k, h in rows}
    kinds = {y: k for y, _q, k, _h in rows}  # one review cycle per year (frozen with the scheme)
    for q in data.get("quarters", []):
        now = hashes.get((q["year"], q["quarter"]))
        if now != q["hash"]:
            label = period_label(q["year"], q["quarter"], kinds.get(q["year"], "quarter"))
            problems.append(
                f"{label}的校验码与报送时不同（回执 {q['check_code']}，账本 "
                f"{check_code(now) if now else '未确认'}）。"
            )
    # A result decided on must still be the result the book gives (records changed since
    # the pack would make the decision about a result that no longer stands).
    if data.get("stars"):
        now = _current_results(book, int(data.get("year") or 0))
        for s in data["stars"]:
            if now.get(s["code"]) != s["result"]:
                current = now.get(s["code"]) or "不需要上级审批的结果"
                problems.append(
                    f"报送之后记录有改动：{s['name']}报送时拟评{s['result']}，现在是{current}。"
                )
    return problems + _claim_problems(book, data)


def _claim_what(c: dict[str, Any]) -> str:
    return f"第{c['claim_id']}号申报（{c['name']}，{c['item']}{c['points']}分）"


def _claims_now(book: Book, data: dict[str, Any]) -> dict[int, Any]:
    """Claim id → its ClaimApproval now, for the claims the receipt decides on."""
    from desktop.book.approvals import claim_approvals

    if not data.get("claims"):
        return {}
    return {a.claim_id: a for a in claim_approvals(book, int(data.get("year") or 0))}


def _same_claim(now: Any, c: dict[str, Any]) -> bool:
    return (now.code, now.item, str(now.points)) == (c["code"], c["item"], str(c["points"]))


def _decided_alike(now: Any, c: dict[str, Any]) -> bool:
    """The book already holds the receipt's decision on this claim (e.g. telephoned and
    recorded by hand before the receipt arrived): nothing to record again."""
    return not now.pending and (now.state == "已批准") == (c["decision"] == APPROVED)


def _claim_problems(book: Book, data: dict[str, Any]) -> list[str]:
    """A claim the receipt decides must still be the claim the pack reported, and not since
    decided otherwise (a decision recorded after the pack is not silently overruled)."""
    now = _claims_now(book, data)
    problems: list[str] = []
    for c in data.get("claims", []):
        a = now.get(int(c["claim_id"]))
        if a is None or not _same_claim(a, c):
            problems.append(f"报送之后记录有改动：{_claim_what(c)}现在已不是待上级审定的这条申报。")
        elif not a.pending and not _decided_alike(a, c):
            problems.append(
                f"{_claim_what(c)}在报送之后已有审批决定（{a.text()}），"
                f"回执的决定是“{c['decision']}”，两者不同。"
            )
    return problems


def _recorded(book: Book) -> list[dict[str, Any]]:
    """The receipts recorded in the journal, newest first."""
    out = []
    for (detail,) in book.execute(
        "select detail from journal where action = ? order by id desc", [RECEIPT_ACTION]
    ):
        try:
            value = json.loads(detail or "{}").get("receipt")
        except (ValueError, AttributeError):
            continue
        if isinstance(value, dict):
            out.append(value)
    return out


def record_receipt(book: Book, path: Path) -> dict[str, Any]:
    """Record a 审核回执 in the book: a journal line, and its decisions through approvals."""
    from desktop.book.approvals import Decision, record_decisions

    path = Path(path)
    data = read_receipt(path)
    problems = receipt_problems(book, data)
    if problems:
        raise InputRefused(
            "审核回执与本账本不符，没有导入：",
            [*problems, "账本在报送之后有改动时，请重新报送，请乡镇按新的报送包审核。"],
        )
    if any(r.get("seal") == data["seal"] for r in _recorded(book)):
        raise InputRefused(
            f"这份审核回执（{data['reviewed_on']}，{data['reviewer']}）已经导入过了。"
        )
    year = int(data["year"])
    with book.action(RECEIPT_ACTION, receipt_text(data), receipt=data, file=path.name):
        if data.get("stars"):
            record_decisions(
                book,
                year,
                [
                    Decision(
                        s["code"],
                        s["decision"] == APPROVED,
                        data["reviewer"],
                        data["reviewed_on"],
                        s.get("reason", ""),
                        source="乡镇回执",
                        ref=path.name,
                        reviewer=data["reviewer"],  # 审批单位: the step's body
                    )
                    for s in data["stars"]
                ],
            )
        from desktop.book.approvals import record_claim_decision, with_reviewer

        now = _claims_now(book, data)
        for c in data.get("claims", []):
            if _decided_alike(now[int(c["claim_id"])], c):
                continue  # already recorded (by hand) with the same decision
            record_claim_decision(
                book,
                int(c["claim_id"]),
                approved=c["decision"] == APPROVED,
                by=c.get("body") or data["reviewer"],
                on=data["reviewed_on"],
                reason=c.get("reason", ""),
                source="乡镇回执",
                ref=with_reviewer(path.name, data["reviewer"]) if c.get("body") else path.name,
            )
    return data


def _now() -> str:
    from desktop.book.store import now_iso

    return now_iso()


def _cn_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso[:10].split("-"))
    return f"{y}年{m}月{d}日"


def receipt_text(data: dict[str, Any]) -> str:
    """「乡镇党委已于2027年1月20日审核通过」 or the opinion to act on."""
    when = _cn_date(data["reviewed_on"])
    if data["decision"] == PASSED:
        text = f"乡镇党委已于{when}审核通过（审核人：{data['reviewer']}）"
    else:
        text = f"乡镇党委于{when}退回修改：{data['opinion']}（审核人：{data['reviewer']}）"
    stars = data.get("stars", [])
    approved = [f"{s['name']}{s['result']}" for s in stars if s["decision"] == APPROVED]
    refused = [
        f"{s['name']}{s['result']}（{s['reason']}）" for s in stars if s["decision"] == NOT_APPROVED
    ]
    for c in data.get("claims", []):
        what = f"{c['name']}第{c['claim_id']}号申报（{c['item']}{c['points']}分）"
        if c["decision"] == APPROVED:
            approved.append(what)
        else:
            refused.append(f"{what}（{c['reason']}）")
    if approved:
        text += f"；批准：{'、'.join(approved)}"
    if refused:
        text += f"；不批准：{'、'.join(refused)}"
    return text


def latest_receipt(book: Book, year: int) -> dict[str, Any] | None:
    """The newest recorded 审核回执 of `year` with its `text` (for 季度评议/年度评定)."""
    for data in _recorded(book):
        if data.get("year") == year:
            return {**data, "text": receipt_text(data)}
    return None
