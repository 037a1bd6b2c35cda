"""The year's meeting plan: the branch's templates, the generated plan, and linking plan
items to the activities held."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.store import Book, now_iso
from desktop.rules import meetings as rules


def template_row(t: rules.PlanTemplate) -> dict[str, Any]:
    """A plan template item as its plan_templates row (without its place in the list)."""
    return {
        "type": t.type,
        "frequency": t.frequency,
        "month": t.month,
        "day": t.day,
        "topic": t.topic,
        "per_group": int(t.per_group),
    }


class MeetingPlan:
    """Mixed into desktop.book.meetings.Meetings (self.book, self.db and its other methods)."""

    book: Book
    db: Any

    def templates(self) -> list[rules.PlanTemplate]:
        """The branch's template (the defaults until it is edited)."""
        rows = list(self.db.query("select * from plan_templates order by sort, id"))
        if not rows:
            return list(rules.DEFAULT_TEMPLATES)
        return [
            rules.PlanTemplate(
                r["type"], r["frequency"], r["day"], r["month"], r["topic"], bool(r["per_group"])
            )
            for r in rows
        ]

    def set_templates(self, templates: Iterable[rules.PlanTemplate]) -> None:
        items = list(templates)
        problems = {}
        for n, t in enumerate(items, start=1):
            found = rules.check_template(t)
            if found:
                problems[f"第{n}行"] = f"第 {n} 行：{''.join(found)}"
        if problems:
            raise InputRefused("活动计划模板有误，未保存。", problems)
        with self.book.action("修改活动计划模板", f"{len(items)} 项"):
            self.db.execute("delete from plan_templates")
            self.db["plan_templates"].insert_all(
                {**template_row(t), "sort": n} for n, t in enumerate(items)
            )

    def plan_start_month(self, year: int, *, today: date | None = None) -> int:
        """The month a new plan for `year` should start from, as the window proposes it: the
        current month for the current year (a branch starting now has not missed the months
        before), else 1; a plan already generated keeps the month it started from."""
        first = self.db.execute(
            "select min(due_date) from plan_items where year = ?", [year]
        ).fetchone()[0]
        if first:
            return int(first[5:7])
        day = today or date.today()
        return day.month if year == day.year else 1

    def generate_plan(
        self, year: int, *, replace: bool = False, from_month: int | None = None
    ) -> int:
        """Write the year's plan from the template; links activities already held.

        An existing plan is kept unless `replace` (then open items are regenerated; items
        already done stay). Items due before `from_month` are not generated (default: 1, or
        for `replace` the month the plan started from)."""
        if from_month is None:
            from_month = self.plan_start_month(year) if replace else 1
        if not 1 <= from_month <= 12:
            raise InputRefused(f"计划起始月份应为 1 到 12，不是 {from_month}。")
        have = self.db.execute("select count(*) from plan_items where year = ?", [year]).fetchone()[
            0
        ]
        if have and not replace:
            raise InputRefused(
                f"{year} 年的活动计划已经生成（{have} 项）。",
                ["如要按修改后的模板重新生成，请选择“重新生成”。"],
            )
        groups = [g["name"] for g in self.book.roster.groups()]
        entries = rules.generate_plan(self.templates(), year, groups, from_month)
        since = f"（自 {from_month} 月起）" if from_month > 1 else ""
        with self.book.action("生成年度活动计划", f"{year} 年 {len(entries)} 项{since}"):
            self.db.execute("delete from plan_items where year = ? and activity_id is null", [year])
            done = [
                dict(r) for r in self.db.query("select * from plan_items where year = ?", [year])
            ]
            stamp = now_iso()
            for e in entries:
                twin = next(
                    (
                        d
                        for d in done
                        if d["type"] == e.type
                        and d["group_name"] == e.group
                        and d["due_date"][:7] == e.due_date[:7]
                    ),
                    None,
                )
                if twin:
                    done.remove(twin)
                    continue
                self.db["plan_items"].insert(
                    {
                        "year": year,
                        "type": e.type,
                        "due_date": e.due_date,
                        "topic": e.topic,
                        "group_name": e.group,
                        "activity_id": None,
                        "created_at": stamp,
                    }
                )
            # Activities held before the plan existed fulfil their items now.
            linked = {
                r[0]
                for r in self.db.execute(
                    "select activity_id from plan_items where activity_id is not null"
                )
            }
            for a in self.db.query(
                "select id, type, date, topic from activities where date like ? order by date, id",
                [f"{year:04d}-%"],
            ):
                if a["id"] not in linked:
                    group = self._activity_group({**a}) if a["type"] == "党小组会" else ""
                    self._link_plan(a["id"], a["type"], a["date"], group)
        return len(entries)

    def _link_plan(self, activity_id: int, kind: str, when: str, group: str = "") -> int | None:
        items = list(
            self.db.query(
                "select * from plan_items where year = ? and type = ?",
                [int(when[:4]), kind],
            )
        )
        match = rules.match_plan_item(items, kind, when, group)
        if match is None:
            return None
        self.db["plan_items"].update(match["id"], {"activity_id": activity_id})
        return int(match["id"])

    def link_plan_item(self, item_id: int, activity_id: int | None) -> None:
        """Mark a plan item done by an activity (None: open it again)."""
        row = self.db.execute(
            "select type, due_date from plan_items where id = ?", [item_id]
        ).fetchone()
        if row is None:
            raise InputRefused("找不到这项计划，请刷新后重试。")
        if activity_id is not None:
            act = self.activity(activity_id)
            if act["type"] != row[0]:
                raise InputRefused(
                    f"计划的是{row[0]}，这次活动是{act['type']}，类型不同，不能对应。"
                )
        with self.book.action("对应计划与活动", f"{row[1]} {row[0]}"):
            self.db["plan_items"].update(item_id, {"activity_id": activity_id})

    def plan(self, year: int, *, today: date | None = None) -> list[dict[str, Any]]:
        """The year's plan items with `state` (done/overdue/due/planned) and its Chinese label."""
        today_iso = (today or date.today()).isoformat()
        rows = [
            dict(r)
            for r in self.db.query(
                """select p.*, a.code as activity_code, a.date as activity_date, a.topic as activity_topic
                   from plan_items p left join activities a on a.id = p.activity_id
                   where p.year = ? order by p.due_date, p.id""",
                [year],
            )
        ]
        # Per-group items of one day in the groups' order (第一、第二、第三), also for plans
        # generated before that order was kept (their ids follow code point order).
        kinds = {t: i for i, t in enumerate(rules.ACTIVITY_TYPES)}
        ranks = self.book.roster.group_ranks()
        rows.sort(
            key=lambda r: (
                r["due_date"],
                kinds.get(r["type"], len(kinds)),
                ranks.get(r["group_name"] or "", -1),
                r["id"],
            )
        )
        for r in rows:
            r["state"] = rules.plan_state(r["due_date"], bool(r["activity_id"]), today_iso)
            r["state_text"] = rules.PLAN_STATES[r["state"]]
        return rows
