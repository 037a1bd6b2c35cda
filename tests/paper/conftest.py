"""Fixtures for the paper tests: plain dicts, as desktop.book hands them over."""

from __future__ import annotations

import os

import pytest
from paper_helpers import ACTIVITY, BRANCH, make_members

os.environ.setdefault("PIONEER_PAPER_FONTS", "bundled")  # same output on every platform


@pytest.fixture
def members():
    return make_members


@pytest.fixture
def branch() -> dict[str, str]:
    return dict(BRANCH)


@pytest.fixture
def activity() -> dict[str, str]:
    return dict(ACTIVITY)
