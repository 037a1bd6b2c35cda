"""The facts digest of a confirmed quarter: one text per value, and later tables included."""

from __future__ import annotations

from pathlib import Path

import pytest
from quarter_testkit import TODAY, YEAR, build_branch

from desktop.book import quarter as Q
from desktop.book.store import Book


@pytest.fixture
def branch(book: Book) -> dict[str, int]:
    return build_branch(book)


def test_points_typed_with_trailing_zeros_are_stored_plainly(book: Book, branch) -> None:
    cid = Q.add_claim(book, "王一", "2026-05-12", "key-work", "3.00", "清扫", today=TODAY)
    assert book.execute("select points from claims where id = ?", [cid]).fetchone()[0] == "3"


def test_the_digest_reads_points_as_values_not_text(book: Book, branch) -> None:
    cid = Q.add_claim(book, "王一", "2026-05-12", "key-work", "2.5", "清扫", today=TODAY)
    before = Q.facts_canonical(book.conn, YEAR, 2)
    book.execute("update claims set points = '2.50' where id = ?", [cid])
    assert Q.facts_canonical(book.conn, YEAR, 2) == before
    book.execute("update claims set points = '2.6' where id = ?", [cid])
    assert Q.facts_canonical(book.conn, YEAR, 2) != before


def test_withdrawals_and_veto_kinds_enter_the_digest_only_when_present(
    book: Book, branch, tmp_path: Path
) -> None:
    empty = Q.facts_canonical(book.conn, YEAR, 2)
    assert "withdrawals" not in empty  # quarters confirmed before m006 keep their digest
    member = book.execute("select id from members where name = '王一'").fetchone()[0]
    book.db["vetoes"].insert(
        {
            "id": 7,
            "member_id": member,
            "date": "2026-05-20",
            "reason": "违纪",
            "decided_by": "支委会",
            "created_at": "2026-05-20T10:00:00",
        }
    )
    plain = Q.facts_canonical(book.conn, YEAR, 2)
    book.execute("update vetoes set kind = '严重违纪' where id = 7")
    assert Q.facts_canonical(book.conn, YEAR, 2) != plain
    book.db["withdrawals"].insert(
        {
            "target": "vetoes",
            "target_id": 7,
            "date": "2026-05-25",
            "reason": "登记错了",
            "created_at": "2026-05-25T10:00:00",
        }
    )
    assert '"withdrawals"' in Q.facts_canonical(book.conn, YEAR, 2)
