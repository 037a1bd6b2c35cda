"""Running `pioneer` in the test's own process (fast; capsys captures what it prints)."""

from __future__ import annotations

from desktop.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of `pioneer ARGS`; argparse's own exits (help, usage
    errors) give their status like the real command."""
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out = capsys.readouterr()
    return code, out.out, out.err
