"""Every compiled form is up to date with its Designer file (run `make forms` if not)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT / "forms").glob("*.ui"))


def _compiler():
    spec = importlib.util.spec_from_file_location(
        "compile_forms", ROOT / "tools" / "compile_forms.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


compile_forms = _compiler()


@pytest.mark.parametrize("ui_file", FORMS, ids=[p.stem for p in FORMS])
def test_compiled_form_is_fresh(ui_file: Path):
    tool = compile_forms.find_uic()
    if tool is None:
        pytest.skip("pyside6-uic not found")
    compiled = compile_forms.output_path(ui_file)
    assert compiled.exists(), f"{compiled.name} is missing: run `make forms`"
    fresh = compile_forms.compile_form(ui_file, tool)
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


def test_trimmed_imports_keep_what_the_form_uses():
    source = (
        "from PySide6.QtCore import (QCoreApplication, QDate, QSize,\n    Qt)\n"
        "from PySide6.QtGui import (QBrush, QIcon)\n"
        "from PySide6.QtWidgets import (QLabel, QWidget)\n\n"
        "class Ui_X(object):\n"
        "    def setupUi(self, X):\n"
        "        self.label = QLabel(X)\n"
        "        self.label.setMinimumSize(QSize(1, 1))\n"
        "        QCoreApplication.translate('X', 'x')\n"
    )
    trimmed = compile_forms.trim_imports(source)
    assert "from PySide6.QtCore import (QCoreApplication, QSize)\n" in trimmed
    assert "QtGui" not in trimmed  # nothing of it used: the line goes
    assert "from PySide6.QtWidgets import (QLabel)\n" in trimmed
    assert trimmed.endswith("QCoreApplication.translate('X', 'x')\n")
    compile(trimmed, "ui_x.py", "exec")


def test_every_compiled_form_has_a_source():
    compiled = sorted((ROOT / "desktop" / "gui" / "forms").glob("ui_*.py"))
    sources = {p.stem for p in FORMS}
    orphans = [p.name for p in compiled if p.stem.removeprefix("ui_") not in sources]
    assert not orphans, f"compiled forms without a forms/*.ui: {orphans}"
