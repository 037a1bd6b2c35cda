"""The layers, imports pointing down only (docs/architecture.md):
gui/ and cli/ → book/ → rules/; paper/ (PDF) and sheets/ (xlsx) take plain data.

Every import in a module counts, also one inside a function (the program imports lazily for
start-up speed, so a wrong import would otherwise hide until that function runs).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop"

# What each layer must never import (prefixes of module names).
FORBIDDEN = {
    "rules": (
        "desktop.book",
        "desktop.gui",
        "desktop.cli",
        "desktop.paper",
        "desktop.sheets",
        "PySide6",
        "sqlite3",
        "sqlite_utils",
        "openpyxl",
        "reportlab",
    ),
    "book": ("desktop.gui", "desktop.cli", "PySide6"),
    "paper": ("desktop.book", "desktop.gui", "desktop.cli", "PySide6", "sqlite3", "sqlite_utils"),
    "sheets": ("desktop.book", "desktop.gui", "desktop.cli", "PySide6", "sqlite3", "sqlite_utils"),
    "gui": ("desktop.cli", "sqlite_utils"),
}

# gui/error_handler.py names sqlite3's exception class to tell a damaged book from a bug; it
# runs no SQL.
ALLOWED = {("gui/error_handler.py", "sqlite3")}


def imports_of(path: Path) -> set[str]:
    """Every absolute module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules(layer: str) -> list[Path]:
    return sorted(
        p for p in (PACKAGE / layer).rglob("*.py") if "forms" not in p.relative_to(PACKAGE).parts
    )


def wrong_imports(path: Path, forbidden: tuple[str, ...]) -> list[str]:
    where = path.relative_to(PACKAGE).as_posix()
    return sorted(
        f"{where} imports {name}"
        for name in imports_of(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
        and (where, name.split(".")[0]) not in ALLOWED
    )


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_imports_point_down(layer: str) -> None:
    assert modules(layer), f"no modules found under desktop/{layer}"
    problems = [p for path in modules(layer) for p in wrong_imports(path, FORBIDDEN[layer])]
    assert problems == []


def test_command_line_helpers_sit_below_the_commands() -> None:
    """cli/args.py (argparse in Chinese) imports no other command-line module, cli/common.py
    only args; the command modules never import the entry (the parser that imports them) or
    the package (which imports the entry)."""
    cli = PACKAGE / "cli"
    assert wrong_imports(cli / "args.py", ("desktop.cli",)) == []
    assert {n for n in imports_of(cli / "common.py") if n.startswith("desktop.cli")} <= {
        "desktop.cli.args",
        "desktop.cli.args.UsageError",
    }
    commands = [p for p in modules("cli") if p.name not in ("__init__.py", "entry.py")]
    assert len(commands) >= 8
    for path in commands:
        names = imports_of(path)
        assert "desktop.cli.entry" not in names, path.name
        assert "desktop.cli" not in names, path.name


def test_a_wrong_import_inside_a_function_is_found(tmp_path: Path) -> None:
    module = tmp_path / "late.py"
    module.write_text("def f():\n    from desktop.gui.app import main\n", encoding="utf-8")
    assert "desktop.gui.app" in imports_of(module)
