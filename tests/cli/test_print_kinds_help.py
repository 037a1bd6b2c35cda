"""`pioneer print -h` lists every kind in book.printing.KINDS with its Chinese name."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.book.printing import KINDS
from desktop.cli import main, print_kinds_help


def test_help_names_every_kind_with_its_chinese_name(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["print", "-h"])
    assert done.value.code == 0
    flat = "".join(capsys.readouterr().out.split())
    for kind, (name, _writer) in KINDS.items():
        assert f"{kind}（{name}）" in flat, kind
    assert "attendance-summary（" in flat and "等；" not in flat
    assert print_kinds_help().count("（") >= len(KINDS)


def test_building_the_parser_does_not_import_the_printing_modules() -> None:
    # The window builds the parser at start-up; the kinds' modules cost ~130 ms.
    code = "import sys, desktop.cli as c; c.build_parser(); print('desktop.book.printing' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
