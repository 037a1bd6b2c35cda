"""The roster: branch groups (党小组), members, and their history events.

Members are plain dicts with the English field keys of `desktop.rules.member`; `group` is the
group's name. A member who leaves keeps every record: leaving sets `left_date`, never deletes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.book.errors import InputRefused
from desktop.book.store import Book, now_iso
from desktop.rules.idcard import mask_id_card, normalize_id_card

# Columns stored on the members row, in the order they are shown and exported.
MEMBER_FIELDS = (
    "code",
    "name",
    "gender",
    "ethnicity",
    "birth_date",
    "id_card",
    "phone",
    "education",
    "status",
    "joined_date",
    "confirmed_date",
    "transferred_in_date",
    "mobile",
    "mobile_where",
    "mobile_scope",
    "exempt",
    "exempt_approved_date",
    "exempt_reason",
    "leader",
    "left_date",
    "left_reason",
    "note",
)
FLAG_FIELDS = ("mobile", "exempt", "leader")
DATE_FIELDS = (
    "birth_date",
    "joined_date",
    "confirmed_date",
    "transferred_in_date",
    "exempt_approved_date",
    "left_date",
)

# History events and what each changes on the member (the event row itself is the record).
EVENT_KINDS = (
    "发展",
    "转正",
    "转入",
    "转出",
    "出党",
    "死亡",
    "流动",
    "流动结束",
    "免考",
    "恢复考核",
    "其他",
)
LEAVING_EVENTS = ("转出", "出党", "死亡")

_SELECT = """
    select m.*, g.name as "group"
    from members m left join party_groups g on g.id = m.group_id
"""


def group_rank(ranks: dict[str, int], group: str | None) -> int:
    """Where a member of `group` goes in lists by 党小组 (`Roster.group_ranks()`); members of
    no group (or a group the book lacks) last."""
    return ranks.get(group or "", len(ranks)) if group else len(ranks) + 1


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    """Trim text, turn blanks into None for dates, flags into 0/1."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if isinstance(value, str):
            value = value.strip()
        if key in FLAG_FIELDS:
            value = 1 if value in (True, 1, "1", "是") else 0
        elif key in DATE_FIELDS:
            value = value or None
        elif value is None:
            value = ""
        out[key] = value
    if out.get("id_card"):
        out["id_card"] = normalize_id_card(out["id_card"])
    return out


def _row_to_member(row: dict[str, Any]) -> dict[str, Any]:
    member = dict(row)
    for key in FLAG_FIELDS:
        member[key] = bool(member[key])
    member["group"] = member.get("group") or ""
    member["id_card_masked"] = mask_id_card(member["id_card"]) if member["id_card"] else ""
    member["active"] = not member["left_date"]
    return member


def member_flags(member: dict[str, Any]) -> list[str]:
    """Short Chinese labels for a member's standing, for lists and print."""
    flags = []
    if member.get("mobile"):
        flags.append("流动党员")
    if member.get("exempt"):
        flags.append("免考")
    if member.get("leader"):
        flags.append("党员领导干部")
    if member.get("left_date"):
        flags.append(f"已{member.get('left_reason') or '离开'}")
    return flags


class Roster:
    """Roster operations on an open book. Every write is one action in the journal."""

    def __init__(self, book: Book) -> None:
        self.book = book

    @property
    def db(self):  # -> sqlite_utils.Database, made on first write (see Book.db)
        return self.book.db

    # -- groups ----------------------------------------------------------------------------

    def groups(self) -> list[dict[str, Any]]:
        """The 党小组 in their natural order (`rules.collation.group_key`): numbered ones by
        their number (第一、第二、第三…, not the order an imported roster happened to create
        them in as its members came), then the others in the order they were set up."""
        from desktop.rules.collation import group_key

        rows = [
            dict(row)
            for row in self.book.query(
                """
                select g.id, g.name, g.note, g.leader_id, l.name as leader_name,
                       (select count(*) from members m
                         where m.group_id = g.id and m.left_date is null) as member_count
                from party_groups g left join members l on l.id = g.leader_id
                order by g.sort, g.id
                """
            )
        ]
        return [g for _k, g in sorted((group_key(g["name"], i), g) for i, g in enumerate(rows))]

    def group_ranks(self) -> dict[str, int]:
        """党小组 name → its place in `groups()`; sort members with `group_rank`."""
        return {g["name"]: i for i, g in enumerate(self.groups())}

    def add_group(self, name: str, *, leader_id: int | None = None, note: str = "") -> int:
        name = name.strip()
        if not name:
            raise InputRefused("党小组名称不能为空。", {"name": "请填写党小组名称。"})
        if self._group_id(name) is not None:
            raise InputRefused(f"已有名为“{name}”的党小组。", {"name": "党小组名称不能重复。"})
        with self.book.action("新建党小组", name):
            sort = self.book.execute(
                "select coalesce(max(sort), 0) + 1 from party_groups"
            ).fetchone()[0]
            return (
                self.db["party_groups"]
                .insert({"name": name, "leader_id": leader_id, "note": note, "sort": sort})
                .last_pk
            )

    def update_group(
        self, group_id: int, *, name: str, leader_id: int | None, note: str = ""
    ) -> None:
        name = name.strip()
        if not name:
            raise InputRefused("党小组名称不能为空。", {"name": "请填写党小组名称。"})
        other = self._group_id(name)
        if other is not None and other != group_id:
            raise InputRefused(f"已有名为“{name}”的党小组。", {"name": "党小组名称不能重复。"})
        with self.book.action("修改党小组", name):
            self.db["party_groups"].update(
                group_id, {"name": name, "leader_id": leader_id, "note": note}
            )

    def delete_group(self, group_id: int) -> None:
        count = self.book.execute(
            "select count(*) from members where group_id = ?", [group_id]
        ).fetchone()[0]
        if count:
            raise InputRefused(
                f"这个党小组还有 {count} 名党员（含已离开的），不能删除。",
                ["请先把党员调到其他党小组。"],
            )
        with self.book.action("删除党小组", str(group_id)):
            self.db["party_groups"].delete(group_id)

    def _group_id(self, name: str) -> int | None:
        row = self.book.execute("select id from party_groups where name = ?", [name]).fetchone()
        return row[0] if row else None

    def _group_id_or_create(self, name: str) -> int | None:
        name = (name or "").strip()
        if not name:
            return None
        found = self._group_id(name)
        if found is not None:
            return found
        sort = self.book.execute("select coalesce(max(sort), 0) + 1 from party_groups").fetchone()[
            0
        ]
        return self.db["party_groups"].insert({"name": name, "sort": sort}).last_pk

    # -- members ---------------------------------------------------------------------------

    def members(self, *, include_left: bool = True) -> list[dict[str, Any]]:
        where = "" if include_left else " where m.left_date is null"
        return [_row_to_member(r) for r in self.book.query(_SELECT + where + " order by m.id")]

    def member(self, member_id: int) -> dict[str, Any]:
        rows = list(self.book.query(_SELECT + " where m.id = ?", [member_id]))
        if not rows:
            raise InputRefused(f"找不到编号为 {member_id} 的党员记录。")
        return _row_to_member(rows[0])

    def find(self, code_or_name: str) -> dict[str, Any]:
        """A member by 编号, or by 姓名 when exactly one member has it."""
        key = (code_or_name or "").strip()
        rows = list(self.book.query(_SELECT + " where m.code = ?", [key]))
        if not rows:
            rows = list(self.book.query(_SELECT + " where m.name = ?", [key]))
        if not rows:
            raise InputRefused(f"找不到党员“{key}”。", ["请用党员编号或姓名（须唯一）。"])
        if len(rows) > 1:
            codes = "、".join(r["code"] for r in rows)
            raise InputRefused(
                f"有 {len(rows)} 名党员叫“{key}”（编号 {codes}）。", ["请改用党员编号。"]
            )
        return _row_to_member(rows[0])

    def count(self) -> dict[str, int]:
        rows = self.book.execute(
            "select status, count(*) from members where left_date is null group by status"
        ).fetchall()
        return dict(rows)

    def next_code(self) -> str:
        """The next free numeric 编号, zero-padded to three digits ("001")."""
        codes = [r[0] for r in self.book.execute("select code from members").fetchall()]
        numbers = [int(c) for c in codes if c.isdigit()]
        return f"{(max(numbers) + 1) if numbers else 1:03d}"

    def check_member(
        self, fields: dict[str, Any], *, member_id: int | None = None, today: date | None = None
    ) -> dict[str, str]:
        """Problems with a member's fields, field key → Chinese message. Empty when fine.

        A 预备党员's probation is judged as of the end of the book's working year (a past
        year's roster may hold members confirmed since), never later than today."""
        from desktop.rules.member import validate_member  # not needed to show the roster

        fields = _clean(fields)
        today = today or date.today()
        as_of = date(self.book.current_year, 12, 31)
        problems = validate_member(fields, today, as_of=as_of)
        code = fields.get("code") or ""
        if code:
            row = self.book.execute(
                "select id, name from members where code = ?", [code]
            ).fetchone()
            if row and row[0] != member_id:
                problems.setdefault("code", f"编号 {code} 已被 {row[1]} 使用，请换一个编号。")
        id_card = fields.get("id_card") or ""
        if id_card and "id_card" not in problems:
            row = self.book.execute(
                "select id, name from members where id_card = ?", [id_card]
            ).fetchone()
            if row and row[0] != member_id:
                problems["id_card"] = f"这个身份证号已登记在 {row[1]} 名下，同一人不能登记两次。"
        return problems

    def add_member(self, fields: dict[str, Any], *, today: date | None = None) -> int:
        fields = _clean(fields)
        problems = self.check_member(fields, today=today)
        if problems:
            raise InputRefused("党员信息有误，未保存。", problems)
        with self.book.action("添加党员", fields["name"]):
            return self._insert_member(fields)

    def _insert_member(self, fields: dict[str, Any], *, history: bool = True) -> int:
        """Insert without validation or journal; callers validated and hold a transaction.

        history=False: no automatic 发展 event (an import that carries the member's history)."""
        fields = _clean(fields)
        row = {key: fields.get(key) for key in MEMBER_FIELDS if key in fields}
        row["code"] = fields.get("code") or self.next_code()
        row["group_id"] = self._group_id_or_create(fields.get("group", ""))
        row["created_at"] = row["updated_at"] = now_iso()
        for key in MEMBER_FIELDS:
            if key not in row:
                row[key] = None if key in DATE_FIELDS else (0 if key in FLAG_FIELDS else "")
        if fields.get("id"):  # an imported 记录号: confirmed quarters' digests cover member ids
            row["id"] = fields["id"]
        member_id = self.db["members"].insert(row).last_pk
        if history and row.get("joined_date"):
            self._event(member_id, "发展", row["joined_date"], "入党（登记时录入）")
        return member_id

    def update_member(
        self, member_id: int, fields: dict[str, Any], *, today: date | None = None
    ) -> None:
        current = self.member(member_id)
        merged = {key: current.get(key) for key in (*MEMBER_FIELDS, "group")}
        merged.update(_clean(fields))
        problems = self.check_member(merged, member_id=member_id, today=today)
        if problems:
            raise InputRefused("党员信息有误，未保存。", problems)
        changed = {
            key: merged[key]
            for key in MEMBER_FIELDS
            if key in fields and _clean({key: current.get(key)})[key] != merged[key]
        }
        group_changed = "group" in fields and (fields["group"] or "") != current["group"]
        if not changed and not group_changed:
            return
        with self.book.action("修改党员信息", merged["name"], changed=sorted(changed)):
            if group_changed:
                changed["group_id"] = self._group_id_or_create(merged.get("group", ""))
            changed["updated_at"] = now_iso()
            self.db["members"].update(member_id, changed)

    # -- history ---------------------------------------------------------------------------

    def events(self, member_id: int) -> list[dict[str, Any]]:
        return [
            dict(r)
            for r in self.db["member_events"].rows_where(
                "member_id = ?", [member_id], order_by="date, id"
            )
        ]

    def record_event(
        self,
        member_id: int,
        kind: str,
        when: str,
        note: str = "",
        *,
        where: str = "",
        scope: str = "",
        today: date | None = None,
    ) -> None:
        """Record a membership event and apply what it changes on the member."""
        from desktop.rules.dates import date_problem  # not needed to show the roster

        member = self.member(member_id)
        problems: dict[str, str] = {}
        if kind not in EVENT_KINDS:
            problems["kind"] = f"事件类型“{kind}”不认识，应为：{'、'.join(EVENT_KINDS)}。"
        when = str(when or "").strip()
        if bad_date := date_problem(when):
            problems["date"] = f"{bad_date}。"
        elif date.fromisoformat(when) > (today or date.today()):
            problems["date"] = f"日期 {when} 还没到：变动办理后再登记。"
        if not problems:
            if kind == "转正" and member["status"] != "预备党员":
                problems["kind"] = f"{member['name']} 不是预备党员，不能办理转正。"
            if kind == "转正" and member["joined_date"] and when <= member["joined_date"]:
                problems["date"] = "转正日期应在入党时间之后。"
            if kind in LEAVING_EVENTS and member["left_date"]:
                problems["kind"] = (
                    f"{member['name']} 已于 {member['left_date']} 离开，不能重复办理。"
                )
            if kind in LEAVING_EVENTS and not note.strip():
                problems["note"] = f"办理{kind}请写明原因或去向。"
            if kind == "流动" and not where.strip():
                problems["where"] = "请填写流动去向（所在地或单位）。"
            if kind == "免考" and not note.strip():
                problems["note"] = "免考须写明原因（如年老体弱、患病），并经支部决定。"
        if problems:
            raise InputRefused("事件未登记。", problems)
        change: dict[str, Any] = {}
        if kind == "转正":
            change = {"status": "正式党员", "confirmed_date": when}
        elif kind == "转入":
            change = {"transferred_in_date": when}
        elif kind in LEAVING_EVENTS:
            change = {"left_date": when, "left_reason": kind if not note else f"{kind}：{note}"}
        elif kind == "流动":
            change = {"mobile": 1, "mobile_where": where.strip(), "mobile_scope": scope}
        elif kind == "流动结束":
            change = {"mobile": 0}
        elif kind == "免考":
            change = {"exempt": 1, "exempt_approved_date": when, "exempt_reason": note.strip()}
        elif kind == "恢复考核":
            change = {"exempt": 0}
        text = note if not where else f"{note}（{where}）".strip()
        with self.book.action(f"党员{kind}", member["name"], date=when):
            self._event(member_id, kind, when, text)
            if change:
                change["updated_at"] = now_iso()
                self.db["members"].update(member_id, change)

    def _event(self, member_id: int, kind: str, when: str, note: str) -> None:
        self.db["member_events"].insert(
            {
                "member_id": member_id,
                "kind": kind,
                "date": when,
                "note": note,
                "created_at": now_iso(),
            }
        )
