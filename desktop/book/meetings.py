"""Meetings: activities, the year's plan, attendance, and the notices that follow.

Every write is one `Book.action` (one transaction, one journal line); every refusal is an
`InputRefused` with a Chinese message that says what is wrong and what to do, and writes
nothing. Rules (the ladder, allowances, plan dates) live in `desktop.rules.meetings`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.locks import check_unlocked
from desktop.book.meetings_plan import MeetingPlan, template_row  # template_row: re-exported
from desktop.book.meetings_points import MeetingPoints
from desktop.book.store import Book, now_iso
from desktop.rules import meetings as rules
from desktop.rules.collation import stroke_key
from desktop.rules.dates import date_problem, date_words
from desktop.rules.facts import ACTIVITY_TYPES, ATTENDANCE_STATUSES, PRESENT_STATUSES

PARTY_STATUSES = ("正式党员", "预备党员")
ACTIVITY_FIELDS = (
    "code",
    "date",
    "type",
    "topic",
    "place",
    "host",
    "recorder",
    "minutes",
    "decisions",
)
COMMITTEE_ROLES = ("书记", "副书记", "组织委员", "宣传委员", "纪检委员", "委员")
COMMITTEE_SETTING = "committee"  # JSON list of {"member_id", "role"}; no schema change needed


@dataclass(frozen=True, slots=True)
class Entry:
    """One member's sign-in, as given to `record_attendance`."""

    status: str
    note: str = ""
    witnesses: tuple[str, ...] = ()  # member names or codes (补录)
    host_org: str = ""  # 流动党员 taking part at another organisation


def _describe(act: Mapping[str, Any], *, code: bool = False) -> str:
    """An activity as people find it: 2026-001（2026-03-03 支部党员大会《主题》）."""
    topic = f"《{act['topic']}》" if act.get("topic") else ""
    what = f"{act['date']} {act['type']}{topic}"
    return f"{act['code']}（{what}）" if code else what


def _entry(value: Entry | tuple | str) -> Entry:
    if isinstance(value, Entry):
        return value
    if isinstance(value, str):
        return Entry(value)
    # (status,) / (status, reason) / (status, reason, witnesses) / (…, host_org)
    padded = list(value) + ["", (), ""][len(value) - 1 :]
    status, note, witnesses, host_org = padded[:4]
    return Entry(status, note or "", tuple(witnesses or ()), host_org or "")


class Meetings(MeetingPlan, MeetingPoints):
    """Meeting operations on an open book (the plan and the points in their own modules)."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.db = book.db

    # -- the book's years ------------------------------------------------------------------

    def year_range(self) -> tuple[int, int]:
        """The years an activity may fall in: from the first year the book knows (a stored
        scheme, or the year before the current one, for January's late entries) to the
        current year."""
        current = self.book.current_year
        years = [r[0] for r in self.db.execute("select year from schemes").fetchall()]
        return min([current - 1, *years]), current

    # -- activities ----------------------------------------------------------------------

    def activities(self, year: int | None = None) -> list[dict[str, Any]]:
        """Activities of a year (all when None), newest first, with sign-in counts."""
        where, params = ("where a.date like ?", [f"{year:04d}-%"]) if year else ("", [])
        rows = self.db.query(
            f"""select a.*,
                   count(t.id) as recorded,
                   sum(t.status in ('出席', '补录')) as present,
                   sum(t.status in ('因公请假', '因私请假')) as on_leave,
                   sum(t.status = '无故缺席') as absent
                from activities a left join attendance t on t.activity_id = a.id
                {where} group by a.id order by a.date desc, a.id desc""",
            params,
        )
        out = []
        for r in rows:
            r = dict(r)
            for k in ("present", "on_leave", "absent"):
                r[k] = r[k] or 0
            out.append(r)
        return out

    def activity(self, activity_id: int) -> dict[str, Any]:
        row = self.db.execute("select 1 from activities where id = ?", [activity_id]).fetchone()
        if row is None:
            raise InputRefused(f"找不到编号为 {activity_id} 的活动。", ["请刷新活动列表后重试。"])
        act = dict(
            next(iter(self.db.query("select * from activities where id = ?", [activity_id])))
        )
        act["group"] = self._activity_group(act)
        return act

    def find_activity(self, ref: str | int) -> dict[str, Any]:
        """An activity by its 编号 (e.g. 2026-014) or its row id."""
        key = str(ref).strip()
        row = self.db.execute("select id from activities where code = ?", [key]).fetchone()
        if row is None and key.isdigit():
            row = self.db.execute("select id from activities where id = ?", [int(key)]).fetchone()
        if row is None:
            raise InputRefused(
                f"找不到活动“{key}”。",
                ["请用活动编号（如 2026-001），可运行 pioneer activities 查看。"],
            )
        return self.activity(row[0])

    def next_code(self, year: int) -> str:
        codes = [
            r[0]
            for r in self.db.execute("select code from activities where code like ?", [f"{year}-%"])
        ]
        numbers = [int(c[5:]) for c in codes if c[5:].isdigit()]
        return f"{year}-{(max(numbers) + 1) if numbers else 1:03d}"

    def check_activity(
        self,
        fields: Mapping[str, Any],
        *,
        activity_id: int | None = None,
        today: date | None = None,
    ) -> dict[str, str]:
        """Problems with an activity's fields, field key → Chinese message. Empty when fine."""
        today = today or date.today()
        problems: dict[str, str] = {}
        when = str(fields.get("date") or "").strip()
        kind = str(fields.get("type") or "").strip()
        code = str(fields.get("code") or "").strip()
        if not when:
            problems["date"] = "请填写活动日期。"
        elif bad_date := date_problem(when, example=today.isoformat()):
            problems["date"] = f"{bad_date}。"
        else:
            lo, hi = self.year_range()
            if not lo <= int(when[:4]) <= hi:
                problems["date"] = (
                    f"活动日期 {when} 不在本账本的年度范围（{lo} 年至 {hi} 年）内，请检查年份。"
                )
            elif (
                activity_id is not None
                and when > today.isoformat()
                and self._has_attendance(activity_id)
            ):
                problems["date"] = (
                    f"这次活动已登记签到，日期不能改到今天（{today.isoformat()}）之后。"
                )
        if kind not in ACTIVITY_TYPES:
            problems["type"] = (
                f"活动类型“{kind}”不认识，应为：{'、'.join(ACTIVITY_TYPES)}。"
                if kind
                else "请选择活动类型。"
            )
        if code:
            row = self.db.execute(
                "select id, date from activities where code = ?", [code]
            ).fetchone()
            if row and row[0] != activity_id:
                problems["code"] = f"活动编号 {code} 已被 {row[1]} 的活动使用，请换一个编号。"
        return problems

    def _has_attendance(self, activity_id: int) -> bool:
        return bool(
            self.db.execute(
                "select 1 from attendance where activity_id = ? limit 1", [activity_id]
            ).fetchone()
        )

    def add_activity(
        self, fields: Mapping[str, Any], *, group: str = "", today: date | None = None
    ) -> int:
        """Record an activity (planned or held). Links it to the open plan item it fulfils.

        group: the 党小组 of a 党小组会 (kept on the linked plan item)."""
        clean = {k: str(fields.get(k) or "").strip() for k in ACTIVITY_FIELDS}
        problems = self.check_activity(clean, today=today)
        if problems:
            raise InputRefused("活动信息有误，未保存。", problems)
        check_unlocked(
            self.book,
            clean["date"],
            f"要登记的活动（{_describe(clean)}）",
            "登记这一天的活动",
            "如是漏登的活动，确认后已不能补登，请在未确认的季度登记更正"
            "（季度评议页“登记更正…”，命令行 pioneer correction add），写明原因；"
            "如日期填错，请改正日期。",
        )
        # The next code is read inside the write transaction: two programs adding activities
        # at once would otherwise both take the same code.
        with self.book.write():
            if not clean["code"]:
                clean["code"] = self.next_code(int(clean["date"][:4]))
            with self.book.action(
                "登记活动",
                f"{clean['date']} {clean['type']} {clean['topic']}".strip(),
                code=clean["code"],
            ):
                activity_id = (
                    self.db["activities"].insert({**clean, "created_at": now_iso()}).last_pk
                )
                linked = self._link_plan(activity_id, clean["type"], clean["date"], group)
                if linked is None and group and clean["type"] == "党小组会":
                    # A group meeting nobody planned keeps its group (on a plan item of its
                    # own, where every 党小组会 keeps it): without it the sign-in sheet listed
                    # the whole branch and `attend` marked everyone present.
                    self.db["plan_items"].insert(
                        {
                            "year": int(clean["date"][:4]),
                            "type": clean["type"],
                            "due_date": clean["date"],
                            "topic": clean["topic"],
                            "group_name": group,
                            "activity_id": activity_id,
                            "created_at": now_iso(),
                        }
                    )
        return activity_id

    def update_activity(
        self, activity_id: int, fields: Mapping[str, Any], *, today: date | None = None
    ) -> None:
        current = self.activity(activity_id)
        merged = {k: str(current.get(k) or "") for k in ACTIVITY_FIELDS}
        merged.update({k: str(v or "").strip() for k, v in fields.items() if k in ACTIVITY_FIELDS})
        if not merged["code"]:
            merged["code"] = current["code"]
        problems = self.check_activity(merged, activity_id=activity_id, today=today)
        if not problems and merged["date"] != current["date"]:
            # Moving a held meeting must not leave sign-ins of people not on the roll that day.
            for r in self.attendance(activity_id):
                problem = self.on_roll_problem(
                    self.book.roster.member(r["member_id"]), merged["date"]
                )
                if problem:
                    problems["date"] = f"改到 {merged['date']} 后，{problem}请先更正签到。"
                    break
        if problems:
            raise InputRefused("活动信息有误，未保存。", problems)
        changed = {k: v for k, v in merged.items() if v != (current.get(k) or "")}
        if not changed:
            return
        check_unlocked(self.book, current["date"], f"活动 {_describe(current, code=True)}", "修改")
        if "date" in changed:
            check_unlocked(
                self.book,
                merged["date"],
                f"活动 {current['code']} 的新日期 {merged['date']}",
                "把活动改到这一天",
            )
        with self.book.action(
            "修改活动", f"{merged['date']} {merged['type']}", changed=sorted(changed)
        ):
            self.db["activities"].update(activity_id, changed)

    def delete_activity(self, activity_id: int) -> None:
        act = self.activity(activity_id)
        if self._has_attendance(activity_id):
            raise InputRefused(
                f"活动 {act['code']} 已登记签到，不能删除。",
                ["签到记录是积分的依据；如登记有误，请修改签到。"],
            )
        check_unlocked(self.book, act["date"], f"活动 {_describe(act, code=True)}", "删除")
        with self.book.action("删除活动", f"{act['date']} {act['type']}", code=act["code"]):
            self.db.execute(
                "update plan_items set activity_id = null where activity_id = ?", [activity_id]
            )
            self.db["activities"].delete(activity_id)

    def _activity_group(self, act: Mapping[str, Any]) -> str:
        """The 党小组 of a 党小组会: from its plan item, else named in its topic."""
        if act["type"] != "党小组会":
            return ""
        row = self.db.execute(
            "select group_name from plan_items where activity_id = ? and group_name != ''",
            [act["id"]],
        ).fetchone()
        if row:
            return row[0]
        for g in self.book.roster.groups():
            if g["name"] and g["name"] in (act.get("topic") or ""):
                return g["name"]
        return ""

    # -- the 支委会 ---------------------------------------------------------------------------

    def committee(self) -> list[dict[str, Any]]:
        """The branch committee: member dicts with `role`, in the order of COMMITTEE_ROLES."""
        raw = json.loads(self.book.setting(COMMITTEE_SETTING) or "[]")
        out = []
        for entry in raw:
            try:
                m = self.book.roster.member(int(entry["member_id"]))
            except InputRefused:
                continue
            m["role"] = entry.get("role") or "委员"
            out.append(m)
        order = {r: i for i, r in enumerate(COMMITTEE_ROLES)}
        return sorted(out, key=lambda m: (order.get(m["role"], 99), stroke_key(m["name"])))

    def set_committee(self, entries: Iterable[tuple[int, str]]) -> None:
        """Set the committee: (member id, role) pairs."""
        rows = []
        seen = set()
        for member_id, role in entries:
            m = self.book.roster.member(member_id)
            if m["left_date"]:
                raise InputRefused(f"{m['name']} 已于 {m['left_date']} 离开本支部，不能担任支委。")
            if role not in COMMITTEE_ROLES:
                raise InputRefused(f"职务“{role}”不认识，应为：{'、'.join(COMMITTEE_ROLES)}。")
            if member_id in seen:
                continue
            seen.add(member_id)
            rows.append({"member_id": member_id, "role": role})
        with self.book.action("设置支委会成员", f"{len(rows)} 人"):
            self.book.set_setting(COMMITTEE_SETTING, json.dumps(rows, ensure_ascii=False))

    # -- who is expected -----------------------------------------------------------------

    def on_roll_problem(self, m: Mapping[str, Any], when: str) -> str | None:
        """Why a member cannot have a record on `when` (left / not yet joined), else None."""
        if m.get("left_date") and when > m["left_date"]:
            return f"{m['name']} 已于 {m['left_date']} 离开本支部，{when} 的活动不能再登记其签到。"
        start = m.get("transferred_in_date")
        if start and when < start:
            return f"{m['name']} 于 {start} 才转入本支部，{when} 的活动还不能登记其签到。"
        joined = m.get("joined_date")
        if m.get("status") in PARTY_STATUSES and joined and when < joined and not start:
            return f"{m['name']} 于 {date_words(joined)} 入党，{when} 时尚未入党，不能登记其签到。"
        return None

    def expected(self, activity_id: int) -> dict[str, Any]:
        """Who is expected at an activity, in 姓氏笔画 order.

        {"expected": members on the roll that day (支委会: the committee; 党小组会: the
        group), "exempt": members excused from scoring (listed apart, with `reason`),
        "hint": a Chinese note when the list had to be guessed}.
        """
        act = self.activity(activity_id)
        when = act["date"]
        members = [
            m
            for m in self.book.roster.members()
            if m["status"] in PARTY_STATUSES and self.on_roll_problem(m, when) is None
        ]
        hint = ""
        if act["type"] == "支委会":
            committee = {m["id"] for m in self.committee()}
            if committee:
                members = [m for m in members if m["id"] in committee]
            else:
                hint = "尚未设置支委会成员，暂按全体党员列出；请在“会议活动 → 支委会成员”中设置。"
        elif act["type"] == "党小组会":
            if act["group"]:
                members = [m for m in members if m["group"] == act["group"]]
            else:
                hint = "没有指明是哪个党小组的会议，暂按全体党员列出。"
        exempt = [m for m in members if m["exempt"]]
        for m in exempt:
            m["reason"] = m.get("exempt_reason") or "免考"
        expected = [m for m in members if not m["exempt"]]
        key = lambda m: (stroke_key(m["name"]), m["code"])  # noqa: E731
        return {
            "activity": act,
            "expected": sorted(expected, key=key),
            "exempt": sorted(exempt, key=key),
            "hint": hint,
        }

    # -- attendance ----------------------------------------------------------------------

    def attendance(self, activity_id: int) -> list[dict[str, Any]]:
        """Sign-ins of an activity with the member's name, code and group, 姓氏笔画 order."""
        rows = [
            dict(r)
            for r in self.db.query(
                """select t.*, m.name, m.code, m.mobile, g.name as "group" from attendance t
                   join members m on m.id = t.member_id
                   left join party_groups g on g.id = m.group_id
                   where t.activity_id = ?""",
                [activity_id],
            )
        ]
        for r in rows:
            r["group"] = r["group"] or ""
        return sorted(rows, key=lambda r: (stroke_key(r["name"]), r["code"]))

    def record_attendance(
        self,
        activity_id: int,
        exceptions: Mapping[int, Entry | tuple | str] | None = None,
        *,
        everyone_present: bool = True,
        amend: bool = False,
        today: date | None = None,
    ) -> dict[str, int]:
        """Record an activity's sign-in as one action: everyone expected present (by default)
        except the members in `exceptions` (member id → Entry or (status, reason)).

        amend=True replaces the activity's whole sign-in (a correction, journaled as such);
        otherwise a member who already has a sign-in is refused as a duplicate.
        Returns the count per status. Refused input writes nothing.
        """
        today = today or date.today()
        act = self.activity(activity_id)
        when = act["date"]
        label = f"{when} {act['type']}{('《' + act['topic'] + '》') if act['topic'] else ''}"
        if when > today.isoformat():
            raise InputRefused(
                f"活动 {act['code']} 的日期是 {when}，还没到，不能登记签到。",
                ["会后再登记签到；如日期填错了，请先修改活动日期。"],
            )
        check_unlocked(
            self.book,
            when,
            f"活动 {_describe(act, code=True)}的签到",
            "修改签到" if amend else "登记签到",
        )
        entries = {int(k): _entry(v) for k, v in (exceptions or {}).items()}
        already = self.db.execute(
            "select count(*) from attendance where activity_id = ?", [activity_id]
        ).fetchone()[0]
        if everyone_present and already and not amend:
            raise InputRefused(
                f"{label} 已登记过签到（{already} 人），不能再按“全部出席”登记一次。",
                ["如需更正，请用“修改签到”（命令行加 --amend）；补录个别党员请只登记该党员。"],
            )
        if everyone_present:
            for m in self.expected(activity_id)["expected"]:
                entries.setdefault(m["id"], Entry("出席"))
        if not entries:
            raise InputRefused("没有要登记的签到。", ["请勾选“全部出席”，或逐个登记党员的签到。"])
        roster = {m["id"]: m for m in self.book.roster.members()}
        by_ref: dict[str, dict[str, Any]] = {}
        for m in roster.values():
            by_ref.setdefault(m["code"], m)
            by_ref.setdefault(m["name"], m)
        problems: dict[str, str] = {}
        rows = []
        for member_id, e in entries.items():
            m = roster.get(member_id)
            if m is None:
                problems[str(member_id)] = f"找不到编号为 {member_id} 的党员。"
                continue
            where = f"{m['name']}"
            if e.status not in ATTENDANCE_STATUSES:
                problems[where] = (
                    f"{m['name']} 的签到状态“{e.status}”不认识，应为：{'、'.join(ATTENDANCE_STATUSES)}。"
                )
                continue
            problem = self.on_roll_problem(m, when)
            if problem:
                problems[where] = problem
                continue
            witnesses: list[str] = []
            if e.status == "补录":
                witnesses, problem = self._check_witnesses(m, e.witnesses, when, by_ref)
                if problem:
                    problems[where] = problem
                    continue
            elif e.witnesses:
                witnesses = [w.strip() for w in e.witnesses if w.strip()]
            host_org = e.host_org.strip()
            if host_org and not m["mobile"]:
                problems[where] = (
                    f"{m['name']} 不是流动党员，不能登记在其他党组织参加活动；"
                    "如已外出流动，请先在党员名册中登记“流动”。"
                )
                continue
            if host_org and e.status not in PRESENT_STATUSES:
                problems[where] = f"{m['name']} 在{host_org}参加活动，状态应为“出席”。"
                continue
            rows.append(
                {
                    "activity_id": activity_id,
                    "member_id": member_id,
                    "status": e.status,
                    "witnesses": "、".join(witnesses),
                    "note": e.note.strip(),
                    "host_org": host_org,
                    "created_at": now_iso(),
                }
            )
        if not amend and not problems:
            have = {
                r[0]: r[1]
                for r in self.db.execute(
                    """select t.member_id, t.status from attendance t where t.activity_id = ?""",
                    [activity_id],
                )
            }
            for r in rows:
                if r["member_id"] in have:
                    name = roster[r["member_id"]]["name"]
                    problems[name] = (
                        f"{name} 在这次活动已有签到记录（{have[r['member_id']]}），不能重复签到；"
                        "如需更正，请用“修改签到”。"
                    )
        if problems:
            raise InputRefused(f"{label} 的签到有 {len(problems)} 处问题，未保存。", problems)
        counts = {s: sum(1 for r in rows if r["status"] == s) for s in ATTENDANCE_STATUSES}
        summary = "，".join(f"{s} {n}" for s, n in counts.items() if n)
        with self.book.action(
            "修改签到" if amend else "登记签到", f"{label}：{summary}", code=act["code"]
        ):
            if amend:
                self.db.execute("delete from attendance where activity_id = ?", [activity_id])
            self.db["attendance"].insert_all(rows)
        return counts

    def sign_in(
        self,
        activity_id: int,
        member_id: int,
        status: str,
        *,
        note: str = "",
        witnesses: Iterable[str] = (),
        host_org: str = "",
        today: date | None = None,
    ) -> None:
        """One member's sign-in (e.g. a 补录 after the meeting); refuses a duplicate."""
        self.record_attendance(
            activity_id,
            {member_id: Entry(status, note, tuple(witnesses), host_org)},
            everyone_present=False,
            today=today,
        )

    def _check_witnesses(
        self,
        m: Mapping[str, Any],
        given: Iterable[str],
        when: str,
        by_ref: Mapping[str, Mapping[str, Any]],
    ) -> tuple[list[str], str | None]:
        names: list[str] = []
        for ref in given:
            ref = str(ref).strip()
            if not ref:
                continue
            w = by_ref.get(ref)
            if w is None:
                return (
                    [],
                    f"补录 {m['name']} 的证明人“{ref}”不是本支部党员，证明人须是本支部的党员。",
                )
            if w["id"] == m["id"]:
                return [], f"补录 {m['name']} 的签到，本人不能做自己的证明人。"
            if w["status"] not in PARTY_STATUSES or self.on_roll_problem(w, when):
                return [], f"证明人 {w['name']} 在 {when} 不是本支部党员，不能作证明人。"
            if w["name"] not in names:
                names.append(w["name"])
        if len(names) < 2:
            return [], (
                f"补录 {m['name']} 的签到须有两名本支部党员作证明人（现有 {len(names)} 名），请补齐。"
            )
        return names, None

    def member_history(self, member_id: int, year: int | None = None) -> list[dict[str, Any]]:
        """A member's sign-ins, oldest first, with the activity."""
        where = "and a.date like ?" if year else ""
        params: list[Any] = [member_id] + ([f"{year:04d}-%"] if year else [])
        return [
            dict(r)
            for r in self.db.query(
                f"""select a.id as activity_id, a.code, a.date, a.type, a.topic, t.status, t.note,
                          t.witnesses, t.host_org
                   from attendance t join activities a on a.id = t.activity_id
                   where t.member_id = ? {where} order by a.date, a.id""",
                params,
            )
        ]

    # -- what follows -------------------------------------------------------------------

    def follow_ups(self, year: int, *, today: date | None = None) -> dict[str, Any]:
        """Everything a person should look at after the year's meetings so far.

        {"notices": [NoticeDue], "leave_over": [LeaveOver], "mobile": [MobileShortfall],
         "party_life": [(code, name, text)], "names": {code: name}}
        """
        from desktop.book.points_start import start_day
        from desktop.book.scoring import score_book, year_scheme

        today = today or date.today()
        as_of = min(today.isoformat(), f"{year:04d}-12-31")
        # A book kept from mid-year: sign-ins before its start are not counted (as for the
        # points), so an absence then starts no reminder ladder and no leave over allowance;
        # a 流动党员's attendance still counts for the year's minimum.
        first = max(f"{year:04d}-01-01", start_day(self.book) or "")
        names = {r[0]: r[1] for r in self.db.execute("select code, name from members")}
        facts = list(
            self.db.query(
                """select m.code, m.name, a.code as activity, a.date, a.type, a.topic, t.status
                   from attendance t join activities a on a.id = t.activity_id
                   join members m on m.id = t.member_id
                   where a.date between ? and ? order by a.date, a.id""",
                [f"{year:04d}-01-01", as_of],
            )
        )
        absences = [
            rules.Absence(
                f["code"],
                f["name"],
                f["activity"],
                f["date"],
                f["type"] + (f"《{f['topic']}》" if f["topic"] else ""),
            )
            for f in facts
            if f["status"] == rules.UNEXCUSED
            and f["type"] in rules.PARTY_LIFE_TYPES
            and f["date"] >= first
        ]
        issued = [
            (r["code"], r["kind"], r["ref"])
            for r in self.db.query(
                "select m.code, n.kind, n.ref from notices n join members m on m.id = n.member_id"
            )
        ]
        leaves = [
            rules.Leave(f["code"], f["date"], f["status"], f["type"])
            for f in facts
            if f["status"] in rules.LEAVE_STATUSES and f["date"] >= first
        ]
        scheme = year_scheme(self.book, year)
        mobile = []
        for m in self.book.roster.members(include_left=False):
            if not m["mobile"]:
                continue
            since = self.db.execute(
                "select max(date) from member_events where member_id = ? and kind = '流动'",
                [m["id"]],
            ).fetchone()[0]
            present = [
                f["date"]
                for f in facts
                if f["code"] == m["code"] and f["status"] in PRESENT_STATUSES
            ]
            mobile.extend(
                rules.mobile_shortfalls(
                    m["code"],
                    m["mobile_scope"],
                    present,
                    year,
                    as_of,
                    since=since,
                    minimum=rules.mobile_minimum(scheme),
                )
            )
        result = score_book(self.book, year, today=today, explain=False)
        return {
            "notices": rules.notices_due(absences, issued),
            "leave_over": rules.leave_over_allowance(scheme, leaves),
            "mobile": mobile,
            "party_life": rules.party_life_alerts(result),
            "names": names,
        }

    def issue_notice(
        self,
        member_id: int,
        kind: str,
        reason: str,
        *,
        ref: str = "",
        when: str | None = None,
    ) -> int:
        """Record a notice (提醒 / 警戒书) issued to a member. Refuses the same notice twice."""
        m = self.book.roster.member(member_id)
        when = when or date.today().isoformat()
        if kind not in rules.NOTICE_KINDS:
            raise InputRefused(f"通知种类“{kind}”不认识，应为：{'、'.join(rules.NOTICE_KINDS)}。")
        if not reason.strip():
            raise InputRefused("请写明出具通知的原因。")
        if bad_date := date_problem(when):
            raise InputRefused(f"{bad_date}。")
        if (
            ref
            and self.db.execute(
                "select 1 from notices where member_id = ? and kind = ? and ref = ?",
                [member_id, kind, ref],
            ).fetchone()
        ):
            raise InputRefused(f"已就这次缺席向 {m['name']} 出具过{kind}，不必重复出具。")
        with self.book.action(f"出具{kind}", m["name"], ref=ref):
            return (
                self.db["notices"]
                .insert(
                    {
                        "member_id": member_id,
                        "kind": kind,
                        "date": when,
                        "reason": reason.strip(),
                        "ref": ref,
                        "created_at": now_iso(),
                    }
                )
                .last_pk
            )

    def notices(self, member_id: int | None = None) -> list[dict[str, Any]]:
        where, params = ("where n.member_id = ?", [member_id]) if member_id else ("", [])
        return [
            dict(r)
            for r in self.db.query(
                f"""select n.*, m.name, m.code from notices n join members m on m.id = n.member_id
                    {where} order by n.date desc, n.id desc""",
                params,
            )
        ]


def meetings(book: Book) -> Meetings:
    return Meetings(book)


__all__ = [
    "Entry",
    "Meetings",
    "meetings",
    "template_row",
    "PARTY_STATUSES",
    "ACTIVITY_FIELDS",
    "COMMITTEE_ROLES",
    "COMMITTEE_SETTING",
]
