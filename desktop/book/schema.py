"""The book's schema, as numbered sqlite-utils migrations.

Append new migrations at the end and bump SCHEMA_VERSION in version.py: it is their count,
written to PRAGMA user_version so an older program can refuse a newer file.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desktop.book.version import SCHEMA_VERSION

MIGRATIONS = Migrations("pioneer")


@MIGRATIONS()
def m001_roster(db: Database) -> None:
    db.executescript(
        """
        create table branch (
            id integer primary key check (id = 1),
            name text not null,
            parent_org text not null default '',
            kind text not null default '',
            created_at text not null
        );
        create table settings (key text primary key, value text);
        create table journal (
            id integer primary key,
            at text not null,
            actor text not null,
            action text not null,
            summary text not null default '',
            detail text not null default ''
        );
        create table party_groups (
            id integer primary key,
            name text not null unique,
            leader_id integer references members(id),
            note text not null default '',
            sort integer not null default 0
        );
        create table members (
            id integer primary key,
            code text not null unique,
            name text not null,
            gender text not null default '',
            ethnicity text not null default '',
            birth_date text,
            id_card text not null default '',
            phone text not null default '',
            education text not null default '',
            status text not null,
            joined_date text,
            confirmed_date text,
            transferred_in_date text,
            group_id integer references party_groups(id),
            mobile integer not null default 0,
            mobile_where text not null default '',
            mobile_scope text not null default '',
            exempt integer not null default 0,
            exempt_approved_date text,
            exempt_reason text not null default '',
            leader integer not null default 0,
            left_date text,
            left_reason text not null default '',
            note text not null default '',
            created_at text not null,
            updated_at text not null
        );
        create index members_group on members(group_id);
        create table member_events (
            id integer primary key,
            member_id integer not null references members(id),
            kind text not null,
            date text not null,
            note text not null default '',
            created_at text not null
        );
        create index member_events_member on member_events(member_id);
        create table schemes (
            year integer primary key,
            scheme_id text not null,
            text text not null,
            frozen_at text
        );
        """
    )


@MIGRATIONS()
def m002_facts(db: Database) -> None:
    db.executescript(
        """
        create table activities (
            id integer primary key,
            code text not null unique,
            date text not null,
            type text not null,
            topic text not null default '',
            place text not null default '',
            host text not null default '',
            recorder text not null default '',
            minutes text not null default '',
            created_at text not null
        );
        create index activities_date on activities(date);
        create table attendance (
            id integer primary key,
            activity_id integer not null references activities(id),
            member_id integer not null references members(id),
            status text not null,
            witnesses text not null default '',
            note text not null default '',
            host_org text not null default '',
            created_at text not null,
            unique (activity_id, member_id)
        );
        create index attendance_member on attendance(member_id);
        create table dues_payments (
            id integer primary key,
            member_id integer not null references members(id),
            month text not null,
            due_fen integer not null check (due_fen >= 0),
            paid_fen integer not null check (paid_fen >= 0),
            paid_date text,
            receiver text not null default '',
            receipt_no text,
            created_at text not null
        );
        create index dues_member_month on dues_payments(member_id, month);
        create unique index dues_receipt on dues_payments(receipt_no) where receipt_no is not null
            and receipt_no != '';
        create table claims (
            id integer primary key,
            member_id integer not null references members(id),
            date text not null,
            item text not null,
            points text not null,
            reason text not null default '',
            status text not null default '申报',
            created_at text not null
        );
        create index claims_member on claims(member_id);
        create table appraisals (
            id integer primary key,
            year integer not null,
            round integer not null default 1,
            kind text not null,
            member_id integer not null references members(id),
            grade text not null,
            created_at text not null,
            unique (year, round, kind, member_id)
        );
        create table vetoes (
            id integer primary key,
            member_id integer not null references members(id),
            date text not null,
            reason text not null,
            decided_by text not null default '',
            created_at text not null
        );
        """
    )


@MIGRATIONS()
def m003_meetings_and_dues(db: Database) -> None:
    db.executescript(
        """
        -- 会议记录: what was decided, beside the minutes' content.
        alter table activities add column decisions text not null default '';
        -- 流动党员 attending elsewhere: the host organisation is on attendance.host_org.

        -- The recurring template of the branch's year (行事历), editable per branch.
        create table plan_templates (
            id integer primary key,
            type text not null,
            frequency text not null check (frequency in ('monthly', 'quarterly', 'yearly')),
            month integer,          -- yearly: which month; quarterly: month within quarter (1-3)
            day integer not null default 10,
            topic text not null default '',
            per_group integer not null default 0,
            sort integer not null default 0
        );
        -- The year's plan generated from the template; done when an activity is linked.
        create table plan_items (
            id integer primary key,
            year integer not null,
            type text not null,
            due_date text not null,
            topic text not null default '',
            group_name text not null default '',
            activity_id integer references activities(id),
            created_at text not null
        );
        create index plan_items_year on plan_items(year, due_date);

        -- Notices issued to a member (the reminder ladder): 提醒, 警戒书, 催缴通知 …
        create table notices (
            id integer primary key,
            member_id integer not null references members(id),
            kind text not null,
            date text not null,
            reason text not null,
            ref text not null default '',
            created_at text not null
        );
        create index notices_member on notices(member_id);

        -- The monthly dues amount set for a member from a month on (党费基数).
        create table dues_rates (
            id integer primary key,
            member_id integer not null references members(id),
            from_month text not null,
            category text not null,
            income_fen integer,
            monthly_fen integer not null check (monthly_fen >= 0),
            override_reason text not null default '',
            approved_by text not null default '',
            created_at text not null,
            unique (member_id, from_month)
        );

        -- One receipt may cover several months of one member (paid ahead or in arrears),
        -- so a receipt number is unique per month, and the book checks it is one member's.
        drop index dues_receipt;
        create unique index dues_receipt_month on dues_payments(receipt_no, month)
            where receipt_no is not null and receipt_no != '';

        -- Days that are not working days (publicity periods count working days).
        create table holidays (date text primary key, name text not null default '');
        """
    )


# Facts the confirmed quarters lock, with the SQL that gives a row's date. A trigger refuses
# INSERT/UPDATE/DELETE of such a row dated inside a confirmed period; the program checks first
# and says so in Chinese (desktop/book/quarter.py), the triggers are the backstop.
LOCK_MESSAGE = "已确认的季度不能修改：这条记录所在的季度已经确认"
_LOCKED_DATE = {
    "activities": "{row}.date",
    "attendance": "(select date from activities where id = {row}.activity_id)",
    "dues_payments": "coalesce({row}.paid_date, {row}.month || '-01')",
    "claims": "{row}.date",
    "vetoes": "{row}.date",
    "corrections": "{row}.date",
}


def _locked(expr: str) -> str:
    return (
        "exists (select 1 from periods p where p.status = 'confirmed' "
        f"and {expr} between p.start and p.end)"
    )


def _lock_triggers(db: Database, table: str, date_sql: str) -> None:
    message = f"{LOCK_MESSAGE}（{table}）。"
    for event, rows in (("insert", ("new",)), ("update", ("old", "new")), ("delete", ("old",))):
        when = " or ".join(_locked(date_sql.format(row=row)) for row in rows)
        db.execute(
            f"""create trigger lock_{table}_{event} before {event} on {table}
                when {when}
                begin select raise(abort, '{message}'); end"""
        )


@MIGRATIONS()
def m004_quarter(db: Database) -> None:
    db.executescript(
        """
        -- 积分申报 steps: 申报 → 初评 (group leader) → 审定 (committee), or 驳回 with a reason.
        alter table claims add column evidence text not null default '';
        alter table claims add column submitted_by text not null default '';
        alter table claims add column reviewed_by text not null default '';
        alter table claims add column reviewed_at text;
        alter table claims add column review_note text not null default '';
        alter table claims add column approved_by text not null default '';
        alter table claims add column approved_at text;
        alter table claims add column rejected_by text not null default '';
        alter table claims add column rejected_at text;
        alter table claims add column reject_reason text not null default '';
        create index claims_date on claims(date);

        -- A quarter: open → publicity (公示) → confirmed. start/end are the quarter's dates.
        create table periods (
            id integer primary key,
            year integer not null,
            quarter integer not null check (quarter between 1 and 4),
            start text not null,
            end text not null,
            status text not null default 'open'
                check (status in ('open', 'publicity', 'confirmed')),
            publicity_start text,
            publicity_end text,
            confirmed_at text,
            confirmed_by text not null default '',
            unique (year, quarter)
        );

        -- Each publicity notice issued (the first, then each re-issue after a correction).
        create table publicity_notices (
            id integer primary key,
            period_id integer not null references periods(id),
            issued_at text not null,
            issued_by text not null default '',
            start text not null,
            end text not null,
            results_hash text not null,
            reason text not null default '',
            objection_id integer references objections(id)
        );

        -- 异议: who raised it, about whom, what; the finding and the answer told to the member.
        create table objections (
            id integer primary key,
            period_id integer not null references periods(id),
            raised_by text not null,
            member_id integer references members(id),
            content text not null,
            raised_on text not null,
            status text not null default 'open' check (status in ('open', 'answered')),
            finding text not null default '',
            changed integer not null default 0,
            change_note text not null default '',
            told_on text,
            answered_by text not null default '',
            answered_at text,
            created_at text not null
        );

        -- Confirmed results, hash-chained: hash = sha256 of prev_hash, a newline, payload.
        create table snapshots (
            id integer primary key,
            period_id integer not null unique references periods(id),
            year integer not null,
            quarter integer not null,
            payload text not null,
            prev_hash text not null,
            hash text not null unique,
            created_at text not null,
            created_by text not null default ''
        );

        -- A correction of a fact in a confirmed quarter: a new dated entry (in an open
        -- quarter) with its reason, scored against the scheme item it corrects.
        create table corrections (
            id integer primary key,
            member_id integer not null references members(id),
            date text not null,
            item text not null,
            points text not null,
            reason text not null,
            refers_to text not null default '',
            created_by text not null default '',
            created_at text not null
        );
        create index corrections_member on corrections(member_id);

        create trigger snapshots_no_update before update on snapshots
            begin select raise(abort, '已确认季度的结果不能修改。'); end;
        create trigger snapshots_no_delete before delete on snapshots
            begin select raise(abort, '已确认季度的结果不能删除。'); end;
        create trigger periods_confirmed_final before update on periods
            when old.status = 'confirmed'
            begin select raise(abort, '已确认的季度不能修改：确认不可撤销。'); end;
        create trigger periods_no_delete before delete on periods
            when old.status != 'open'
            begin select raise(abort, '已公示或已确认的季度不能删除。'); end;
        create trigger schemes_frozen_update before update on schemes
            when old.frozen_at is not null
            begin select raise(abort, '已确认的季度不能修改：该年度的积分方案已冻结。'); end;
        create trigger schemes_frozen_delete before delete on schemes
            when old.frozen_at is not null
            begin select raise(abort, '已确认的季度不能修改：该年度的积分方案已冻结。'); end;
        -- An appraisal belongs to its year's rounds; the last quarter's confirmation locks it.
        create trigger lock_appraisals_insert before insert on appraisals
            when exists (select 1 from periods p where p.status = 'confirmed'
                         and p.year = new.year and p.quarter = 4)
            begin select raise(abort, '已确认的季度不能修改：该年度第4季度已确认（appraisals）。'); end;
        create trigger lock_appraisals_update before update on appraisals
            when exists (select 1 from periods p where p.status = 'confirmed'
                         and p.year in (old.year, new.year) and p.quarter = 4)
            begin select raise(abort, '已确认的季度不能修改：该年度第4季度已确认（appraisals）。'); end;
        create trigger lock_appraisals_delete before delete on appraisals
            when exists (select 1 from periods p where p.status = 'confirmed'
                         and p.year = old.year and p.quarter = 4)
            begin select raise(abort, '已确认的季度不能修改：该年度第4季度已确认（appraisals）。'); end;
        """
    )
    for table, date_sql in _LOCKED_DATE.items():
        _lock_triggers(db, table, date_sql)


@MIGRATIONS()
def m005_quarter_digests(db: Database) -> None:
    db.executescript(
        """
        -- SHA-256 of the quarter's locked facts at confirmation (desktop/book/quarter.py,
        -- facts_canonical), part of the chained hash, so `pioneer verify` can tell facts
        -- altered behind the program's back. NULL in snapshots confirmed before this.
        alter table snapshots add column facts_digest text;
        -- The results a publicity notice published (canonical JSON), so a change during
        -- publicity can name the members whose results moved. NULL in older notices.
        alter table publicity_notices add column payload text;
        """
    )


@MIGRATIONS()
def m006_year_end(db: Database) -> None:
    db.executescript(
        """
        -- Which of the year scheme's 一票否决 kinds a decision is ('' = the scheme's default
        -- effect); the kinds may differ in effect (desktop/rules/scheme.py VetoKind).
        alter table vetoes add column kind text not null default '';
        -- Withdrawal of an erroneous 一票否决 or 民主评议 entry that a confirmed period has
        -- locked: a new dated entry with its reason (desktop/book/year_end.py). The record it
        -- withdraws stays as it was; entries not yet locked are deleted instead.
        create table withdrawals (
            id integer primary key,
            target text not null check (target in ('vetoes', 'appraisals')),
            target_id integer not null,
            date text not null,
            reason text not null,
            decided_by text not null default '',
            created_by text not null default '',
            created_at text not null,
            unique (target, target_id)
        );
        """
    )
    _lock_triggers(db, "withdrawals", "{row}.date")


@MIGRATIONS()
def m007_publicity_late_entry(db: Database) -> None:
    db.executescript(
        """
        -- Why a notice's publicity starts before the day it was entered: a notice really
        -- posted earlier and entered late (at most 14 days back, desktop/book/quarter.py
        -- publish). '' for a notice entered on or before its first day.
        alter table publicity_notices add column late_reason text not null default '';
        """
    )


@MIGRATIONS()
def m008_approvals(db: Database) -> None:
    db.executescript(
        """
        -- Decisions from above the branch on results the year's scheme says need approval
        -- ([[approvals]]: 拟评四星级报上级党组织审批 …), desktop/book/approvals.py. A decision
        -- is kept as recorded: a later one (a new row) supersedes it. `result` is the result
        -- that was approved (e.g. 四星级), so a result that changed since waits again.
        create table approvals (
            id integer primary key,
            year integer not null,
            period text not null default 'year',
            member_id integer not null references members(id),
            step text not null,
            result text not null,
            decision text not null check (decision in ('approved', 'refused')),
            decided_by text not null,
            date text not null,
            reason text not null default '',
            source text not null check (source in ('手工', '乡镇回执')),
            ref text not null default '',
            created_by text not null default '',
            created_at text not null
        );
        create index approvals_year on approvals (year, member_id);
        create trigger approvals_no_update before update on approvals
        begin select raise(abort, '审批记录登记后不能修改（如有错误请登记一条新的审批决定）'); end;
        create trigger approvals_no_delete before delete on approvals
        begin select raise(abort, '审批记录登记后不能删除（如有错误请登记一条新的审批决定）'); end;
        """
    )


@MIGRATIONS()
def m009_journal_chain(db: Database) -> None:
    """The journal (操作记录) is hash-chained like the confirmed quarters, its head kept in the
    settings, and its lines can't be changed or deleted (desktop/book/verify.py checks all
    three). Lines already written are chained now, in order."""
    from desktop.book.verify import GENESIS, JOURNAL_HEAD, journal_line_hash

    db.execute("alter table journal add column chain text")
    prev, last = GENESIS, 0
    rows = db.execute(
        "select id, at, actor, action, summary, detail from journal order by id"
    ).fetchall()
    for row in rows:
        prev, last = journal_line_hash(prev, tuple(row)), row[0]
        db.execute("update journal set chain = ? where id = ?", [prev, last])
    if rows:
        db.execute(
            "insert into settings(key, value) values (?, ?)"
            " on conflict(key) do update set value = excluded.value",
            [JOURNAL_HEAD, f"{last}:{prev}"],
        )
    db.executescript(
        """
        create trigger journal_no_update before update on journal
            begin select raise(abort, '操作记录不能修改。'); end;
        create trigger journal_no_delete before delete on journal
            begin select raise(abort, '操作记录不能删除。'); end;
        """
    )


@MIGRATIONS()
def m010_appraisal_tallies(db: Database) -> None:
    db.executescript(
        """
        -- The ballot tally a 民主评议 result was derived from (desktop/book/ballots.py): the
        -- votes per grade and how many took part. One per appraisals row; it goes with it
        -- (deleted with an open year's result; a locked one is withdrawn, the tally kept).
        create table appraisal_tallies (
            appraisal_id integer primary key references appraisals(id) on delete cascade,
            excellent integer not null default 0 check (excellent >= 0),
            good integer not null default 0 check (good >= 0),
            basic integer not null default 0 check (basic >= 0),
            poor integer not null default 0 check (poor >= 0),
            voters integer check (voters is null or voters >= 0)
        );
        """
    )


@MIGRATIONS()
def m011_exchanges(db: Database) -> None:
    db.executescript(
        """
        -- 积分兑换 (desktop/book/exchange.py): redemptions of a member's points for goods or
        -- services, a ledger beside the score (it never changes it). Kept as recorded: a
        -- mistake is answered by a new entry (a return, negative points), never an edit.
        create table exchanges (
            id integer primary key,
            year integer not null,
            member_id integer not null references members(id),
            date text not null,
            what text not null,
            points text not null,
            handled_by text not null,
            note text not null default '',
            created_by text not null default '',
            created_at text not null
        );
        create trigger exchanges_no_update before update on exchanges
        begin select raise(abort, '积分兑换记录登记后不能修改（如有错误请登记一条退回记录）'); end;
        create trigger exchanges_no_delete before delete on exchanges
        begin select raise(abort, '积分兑换记录登记后不能删除（如有错误请登记一条退回记录）'); end;
        """
    )


@MIGRATIONS()
def m012_appraisal_rounds(db: Database) -> None:
    db.executescript(
        """
        -- A round of 民主评议 held (desktop/book/ballots.py): when, and who voted — the party
        -- members present and the 群众代表 invited (星级评定「邀请群众代表参与（一般为党员数的
        -- 20%）」). A tally's votes may not exceed the round's voters.
        create table appraisal_rounds (
            id integer primary key,
            year integer not null,
            kind text not null,
            round integer not null default 1,
            date text not null,
            member_voters integer not null check (member_voters >= 0),
            mass_voters integer not null default 0 check (mass_voters >= 0),
            note text not null default '',
            created_at text not null,
            unique (year, kind, round)
        );
        """
    )


@MIGRATIONS()
def m013_appraisal_ballots(db: Database) -> None:
    db.executescript(
        """
        -- 民主评议 ballots entered one by one (desktop/book/ballots.py): each ballot of a round
        -- with its number, blank/spoiled or the grade it gives each member. Facts kept as
        -- entered: the tallies are counted from them, and they never change.
        create table appraisal_ballots (
            id integer primary key,
            year integer not null,
            kind text not null,
            round integer not null default 1,
            number integer not null check (number >= 1),
            spoiled integer not null default 0 check (spoiled in (0, 1)),
            created_by text not null default '',
            created_at text not null,
            unique (year, kind, round, number)
        );
        create table appraisal_ballot_marks (
            ballot_id integer not null references appraisal_ballots(id),
            member_id integer not null references members(id),
            grade text not null check (grade in ('优秀', '合格', '基本合格', '不合格')),
            primary key (ballot_id, member_id)
        );
        create trigger appraisal_ballots_no_update before update on appraisal_ballots
        begin select raise(abort, '选票登记后不能修改'); end;
        create trigger appraisal_ballots_no_delete before delete on appraisal_ballots
        begin select raise(abort, '选票登记后不能删除'); end;
        create trigger appraisal_ballot_marks_no_update before update on appraisal_ballot_marks
        begin select raise(abort, '选票登记后不能修改'); end;
        create trigger appraisal_ballot_marks_no_delete before delete on appraisal_ballot_marks
        begin select raise(abort, '选票登记后不能删除'); end;
        """
    )


_APPRAISAL_LOCK = (
    "exists (select 1 from periods p where p.status = 'confirmed' "
    "and p.year = {year} and p.end = {year} || '-12-31')"
)


@MIGRATIONS()
def m014_review_cycles(db: Database) -> None:
    """Periods of the scheme's review cycle (`[publicity] cycle`): a month or a half-year as
    well as a quarter. `kind` says which; `quarter` is the period's number in its year (the
    quarter, month 1–12 or half 1–2), so old books' rows read as before. The table is rebuilt
    (sqlite-utils transform) to drop the old `quarter between 1 and 4` check and unique
    (year, quarter); triggers take over those checks. The year's 民主评议 now lock with the
    year's last period, whatever its kind (was: quarter 4)."""
    # Out of the way first: they name periods.quarter (rebuilt below) or refuse the copy.
    db.executescript(
        """
        drop trigger lock_appraisals_insert;
        drop trigger lock_appraisals_update;
        drop trigger lock_appraisals_delete;
        drop trigger periods_confirmed_final;
        drop trigger periods_no_delete;
        """
    )
    periods = db["periods"]
    periods.add_column("kind", str, not_null_default="quarter")
    periods.add_column("number", int)
    db.execute("update periods set number = quarter")
    # Dropping the column drops its check and the unique (year, quarter) with it.
    periods.transform(drop={"quarter"}, not_null={"number"})
    db.execute("alter table periods rename column number to quarter")
    db.executescript(
        """
        create unique index periods_year_kind_number on periods(year, kind, quarter);
        create trigger periods_check_insert before insert on periods
            when not ((new.kind = 'quarter' and new.quarter between 1 and 4)
                   or (new.kind = 'month' and new.quarter between 1 and 12)
                   or (new.kind = 'half' and new.quarter between 1 and 2))
            begin select raise(abort, '期间类型或序号不对（季度1–4、月1–12、半年1–2）。'); end;
        create trigger periods_check_update before update on periods
            when new.kind != old.kind or new.quarter != old.quarter or new.year != old.year
            begin select raise(abort, '期间的年度、类型、序号不能改动。'); end;
        create trigger periods_confirmed_final before update on periods
            when old.status = 'confirmed'
            begin select raise(abort, '已确认的期间不能修改：确认不可撤销。'); end;
        create trigger periods_no_delete before delete on periods
            when old.status != 'open'
            begin select raise(abort, '已公示或已确认的期间不能删除。'); end;
        -- Which cycle a snapshot's period was (its `quarter` is the number in that cycle).
        alter table snapshots add column kind text not null default 'quarter';
        """
    )
    message = "已确认的期间不能修改：该年度最后一期已确认（appraisals）。"
    for event, when in (
        ("insert", _APPRAISAL_LOCK.format(year="new.year")),
        (
            "update",
            f"{_APPRAISAL_LOCK.format(year='old.year')} or "
            f"{_APPRAISAL_LOCK.format(year='new.year')}",
        ),
        ("delete", _APPRAISAL_LOCK.format(year="old.year")),
    ):
        db.execute(
            f"""create trigger lock_appraisals_{event} before {event} on appraisals
                when {when}
                begin select raise(abort, '{message}'); end"""
        )


@MIGRATIONS()
def m015_claim_approvals(db: Database) -> None:
    db.executescript(
        """
        -- Decisions above the branch on single claims ([[approvals]] items: 街道「报党工委审定后
        -- 确定加分分值」): period 'claim', the claim's id here; as immutable as the others.
        alter table approvals add column claim_id integer references claims(id);
        """
    )


# What the lock triggers call a confirmed period of each review cycle (periods.kind), tried in
# this order; "" is the fallback the trigger's WHEN should never leave to.
_PERIOD_WORDS = (("month", "月份"), ("half", "半年"), ("quarter", "季度"), ("", "期间"))


def _by_kind(cond: Callable[[str], str], message: Callable[[str, str], str]) -> str:
    """A trigger body that aborts with the message (kind, its word) of the first period kind
    whose condition holds (SQLite's RAISE takes only a literal, so one SELECT per kind)."""
    lines = [
        f"select raise(abort, '{message(kind, word)}') where {cond(kind)};"
        for kind, word in _PERIOD_WORDS
        if kind
    ]
    lines.append(f"select raise(abort, '{message('', '期间')}');")
    return "\n                ".join(lines)


def _locked_kind(expr: str, kind: str) -> str:
    return (
        "exists (select 1 from periods p where p.status = 'confirmed' "
        f"and p.kind = '{kind}' and {expr} between p.start and p.end)"
    )


@MIGRATIONS()
def m016_lock_wording(db: Database) -> None:
    """The triggers that keep confirmed periods fixed say which kind of period is confirmed
    (月份/半年/季度, periods.kind since m014) instead of always 季度. Same triggers, same WHEN
    (what is refused does not change); only the message is chosen by the period's kind."""
    events = (("insert", ("new",)), ("update", ("old", "new")), ("delete", ("old",)))
    for table, date_sql in {**_LOCKED_DATE, "withdrawals": "{row}.date"}.items():
        for event, rows in events:
            dates = [date_sql.format(row=row) for row in rows]
            when = " or ".join(_locked(d) for d in dates)
            body = _by_kind(
                lambda kind, dates=dates: " or ".join(_locked_kind(d, kind) for d in dates),
                lambda _kind, word, table=table: (
                    f"已确认的{word}不能修改：这条记录所在的{word}已经确认（{table}）。"
                ),
            )
            db.execute(f"drop trigger lock_{table}_{event}")
            db.execute(
                f"""create trigger lock_{table}_{event} before {event} on {table}
                when {when}
                begin
                {body}
                end"""
            )
    last = {"month": "12月", "half": "下半年", "quarter": "第4季度", "": "最后一期"}
    for event, years in (("insert", ("new",)), ("update", ("old", "new")), ("delete", ("old",))):
        when = " or ".join(_APPRAISAL_LOCK.format(year=f"{y}.year") for y in years)
        body = _by_kind(
            lambda kind, years=years: " or ".join(
                f"{_APPRAISAL_LOCK.format(year=f'{y}.year')[:-1]} and p.kind = '{kind}')"
                for y in years
            ),
            lambda kind, word: (
                f"已确认的{word}不能修改：该年度{last[kind]}已确认，民主评议结果已锁定（appraisals）。"
            ),
        )
        db.execute(f"drop trigger lock_appraisals_{event}")
        db.execute(
            f"""create trigger lock_appraisals_{event} before {event} on appraisals
                when {when}
                begin
                {body}
                end"""
        )
    old_kind = lambda kind: f"old.kind = '{kind}'"  # noqa: E731
    for name, table, event, when, message in (
        (
            "periods_confirmed_final",
            "periods",
            "update",
            "old.status = 'confirmed'",
            lambda _k, w: f"已确认的{w}不能修改：确认不可撤销。",
        ),
        (
            "periods_no_delete",
            "periods",
            "delete",
            "old.status != 'open'",
            lambda _k, w: f"已公示或已确认的{w}不能删除。",
        ),
        (
            "snapshots_no_update",
            "snapshots",
            "update",
            "1",
            lambda _k, w: f"已确认{w}的结果不能修改。",
        ),
        (
            "snapshots_no_delete",
            "snapshots",
            "delete",
            "1",
            lambda _k, w: f"已确认{w}的结果不能删除。",
        ),
    ):
        db.execute(f"drop trigger {name}")
        db.execute(
            f"""create trigger {name} before {event} on {table}
                {"" if when == "1" else f"when {when}"}
                begin
                {_by_kind(old_kind, message)}
                end"""
        )
    for name, event in (("schemes_frozen_update", "update"), ("schemes_frozen_delete", "delete")):
        year_has = lambda kind: (  # noqa: E731
            "exists (select 1 from periods p where p.status = 'confirmed' "
            f"and p.year = old.year and p.kind = '{kind}')"
        )
        db.execute(f"drop trigger {name}")
        db.execute(
            f"""create trigger {name} before {event} on schemes
                when old.frozen_at is not null
                begin
                {_by_kind(year_has, lambda _k, w: f"该年度已有确认的{w}，积分方案已冻结，不能修改。")}
                end"""
        )


@MIGRATIONS()
def m017_votes(db: Database) -> None:
    db.executescript(
        """
        -- 党员大会表决 (党员e家 第十八条「提请党员大会表决通过」): the general meeting's vote on
        -- an [[approvals]] step with `vote`, its counts as taken; passed or not is derived by
        -- `rule`/`quorum` (the scheme's, copied when recorded). desktop/book/votes.py.
        create table votes (
            id integer primary key,
            year integer not null,
            step text not null,
            date text not null,
            activity_id integer references activities(id),
            expected integer not null check (expected >= 0),
            present integer not null check (present >= 0),
            yes integer not null check (yes >= 0),
            no integer not null check (no >= 0),
            abstain integer not null check (abstain >= 0),
            rule text not null,
            quorum integer not null default 1,
            proposal text not null default '',
            note text not null default '',
            created_by text not null default '',
            created_at text not null
        );
        create index votes_year on votes (year, step);
        create trigger votes_no_update before update on votes
        begin select raise(abort, '表决记录登记后不能修改（如有错误请登记一次新的表决）'); end;
        create trigger votes_no_delete before delete on votes
        begin select raise(abort, '表决记录登记后不能删除（如有错误请登记一次新的表决）'); end;
        """
    )


@MIGRATIONS()
def m018_appraisal_graders(db: Database) -> None:
    """Who graded a 自评 / 组织考评 and on what day (公司 五、1: 党员自评、支部评定 are each
    someone's on a day; the forms carry both). Results recorded before stay as they were
    (empty: not known); the lock triggers are unchanged, so a locked result still cannot be
    touched. 党员评议 / 群众评议 take theirs from the round (appraisal_rounds)."""
    table = db["appraisals"]
    table.add_column("graded_by", str, not_null_default="")
    table.add_column("date", str)


@MIGRATIONS()
def m019_dues_reversals(db: Database) -> None:
    """红字冲销 of a dues receipt recorded by mistake (desktop/book/dues_reversal.py): a new
    dated entry naming the receipt it reverses (whole), with its reason and who decided; it
    takes the next number of the year's receipt sequence (the red receipt). The payment rows
    stay as recorded (a confirmed period's digest holds them); what stands is the view
    `dues_standing`. Kept as recorded, and locked by its date like the other facts."""
    db.executescript(
        """
        create table dues_reversals (
            id integer primary key,
            receipt_no text not null unique,
            reversal_no text not null unique,
            date text not null,
            reason text not null check (trim(reason) != ''),
            decided_by text not null check (trim(decided_by) != ''),
            created_by text not null default '',
            created_at text not null
        );
        create trigger dues_reversals_no_update before update on dues_reversals
        begin select raise(abort, '党费冲销记录登记后不能修改（冲销错了，请重新登记那笔缴费）'); end;
        create trigger dues_reversals_no_delete before delete on dues_reversals
        begin select raise(abort, '党费冲销记录登记后不能删除（冲销错了，请重新登记那笔缴费）'); end;
        -- The payments that stand: every row of a receipt not reversed (rows without a number
        -- cannot be named, so cannot be reversed).
        create view dues_standing as
            select * from dues_payments d
            where coalesce(d.receipt_no, '') = ''
               or not exists (select 1 from dues_reversals r where r.receipt_no = d.receipt_no);
        """
    )
    db.execute(
        """create trigger lock_dues_reversals_insert before insert on dues_reversals
            when exists (select 1 from periods p where p.status = 'confirmed'
                         and new.date between p.start and p.end)
            begin select raise(abort, '已确认的期间不能修改：这条记录所在的期间已经确认（dues_reversals）。'); end"""
    )


@MIGRATIONS()
def m020_unnumbered_reversals(db: Database) -> None:
    """A payment without a receipt number (an imported 党费 sheet without 收据号) can be
    reversed too: dues_reversals names it "#id" (its row id, the 党费 sheet's 记录号), and
    `dues_standing` leaves it out like a reversed receipt. Only the view changes: rows and
    digests stay as they were (no reversal named "#…" before; a typed receipt number cannot
    begin with "#")."""
    db.executescript(
        """
        drop view dues_standing;
        create view dues_standing as
            select * from dues_payments d
            where not exists (
                select 1 from dues_reversals r
                where r.receipt_no = case when coalesce(d.receipt_no, '') = ''
                                          then '#' || d.id else d.receipt_no end);
        """
    )


# Re-exported: the version lives in version.py so that opening a book needn't import this.
__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]
