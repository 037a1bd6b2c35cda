"""Compile Qt Designer forms: forms/NAME.ui → desktop/gui/forms/ui_NAME.py.

Runs pyside6-uic, then keeps only the Qt classes each form uses in its import lines. uic
imports the same long list into every form (gradients, QPainter, QUrl, the `Qt` namespace …),
and PySide6 creates a class the first time it is imported: for the forms the window opens
with, the unused ones cost a few milliseconds of every start. `Qt` alone is ~15 ms (its 93
enums), which is why a form on the start-up path must not use it (tests/gui/test_startup_qt.py).

Usage: python tools/compile_forms.py [forms/NAME.ui ...]   (no arguments: every form)
The staleness test (tests/gui/test_forms_fresh.py) compiles through `compile_form` too.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS_DIR = ROOT / "forms"
OUTPUT_DIR = ROOT / "desktop" / "gui" / "forms"


def find_uic() -> str | None:
    """pyside6-uic beside the running Python (a venv), else on PATH."""
    beside = Path(sys.executable).with_name("pyside6-uic")
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-uic")


def output_path(ui_file: Path) -> Path:
    return OUTPUT_DIR / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path, uic: str) -> str:
    """The Python source for one .ui file (compiled from the repository root, so the header
    names the file by its base name and the output does not depend on where it is run)."""
    ui_file = ui_file.resolve()
    generated = subprocess.run(
        [uic, str(ui_file.relative_to(ROOT))], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return trim_imports(generated)


def trim_imports(source: str) -> str:
    """Drop the names a `from PySide6.X import (...)` line imports but the form never uses."""
    tree = ast.parse(source)
    imports = [
        node
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6.")
    ]
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = source.splitlines(keepends=True)
    # Replace from the bottom up so earlier line numbers stay valid.
    for node in reversed(imports):
        names = [alias.name for alias in node.names if alias.name in used]
        start, end = node.lineno - 1, node.end_lineno or node.lineno
        lines[start:end] = [_import_line(node.module or "", names)] if names else []
    return "".join(lines)


def _import_line(module: str, names: list[str]) -> str:
    """`from M import (A, B, …)` wrapped four names to a line, as uic writes it."""
    rows = [", ".join(names[i : i + 4]) for i in range(0, len(names), 4)]
    return f"from {module} import (" + ",\n    ".join(rows) + ")\n"


def main(argv: list[str]) -> int:
    uic = find_uic()
    if uic is None:
        print("pyside6-uic not found: install the project first (pip install -e .)")
        return 1
    ui_files = [Path(arg) for arg in argv] or sorted(FORMS_DIR.glob("*.ui"))
    for ui_file in ui_files:
        target = output_path(ui_file)
        text = compile_form(ui_file, uic)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            print(f"compiled {ui_file.name} → {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
