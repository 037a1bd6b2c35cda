"""The book's schema, as numbered sqlite-utils migrations.

Append new migrations at the end and bump nothing by hand: SCHEMA_VERSION is their count,
written to PRAGMA user_version so an older program can refuse a newer file.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

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


# The number of migrations above; tests/book/test_schema.py keeps the two in step.
SCHEMA_VERSION = 2
