"""Every compiled form is up to date with its Designer file (run `make forms` if not)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT / "forms").glob("*.ui"))


def uic() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-uic")
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-uic")


@pytest.mark.parametrize("ui_file", FORMS, ids=[p.stem for p in FORMS])
def test_compiled_form_is_fresh(ui_file: Path):
    tool = uic()
    if tool is None:
        pytest.skip("pyside6-uic not found")
    compiled = ROOT / "desktop" / "gui" / "forms" / f"ui_{ui_file.stem}.py"
    assert compiled.exists(), f"{compiled.name} is missing: run `make forms`"
    # The header names the .ui by its base name, so compiling from the repository root is stable.
    fresh = subprocess.run(
        [tool, str(ui_file.relative_to(ROOT))], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert f"Form generated from reading UI file '{ui_file.name}'" in fresh
    assert _content(compiled.read_text(encoding="utf-8")) == _content(fresh), (
        f"{compiled.name} is stale: run `make forms`"
    )


def _content(text: str) -> str:
    """The generated code without the header line naming uic's version (a patch release of
    PySide6 must not make every form look stale)."""
    return "\n".join(
        line
        for line in text.splitlines()
        if not line.startswith("## Created by: Qt User Interface")
    )


def test_every_compiled_form_has_a_source():
    compiled = sorted((ROOT / "desktop" / "gui" / "forms").glob("ui_*.py"))
    sources = {p.stem for p in FORMS}
    orphans = [p.name for p in compiled if p.stem.removeprefix("ui_") not in sources]
    assert not orphans, f"compiled forms without a forms/*.ui: {orphans}"
