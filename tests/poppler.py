"""Poppler's command-line tools for tests that read a printed PDF back, shared by every test
folder. Windows has no poppler: a test that needs the text is skipped there with the reason,
and `HAVE_PDFTOTEXT` lets a longer test keep its other checks."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

HAVE_PDFTOTEXT = shutil.which("pdftotext") is not None


def pdftotext(pdf: Path, *args: str) -> str:
    """The PDF's text via poppler (UTF-8), or skip the test when poppler is not installed."""
    exe = shutil.which("pdftotext")
    if not exe:
        pytest.skip("pdftotext (poppler-utils) not installed")
    out = subprocess.run([exe, *args, str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")
