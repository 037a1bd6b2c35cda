"""How every start of the program begins: the window when there is no argument or a book alone
(`pioneer FILE.db`: double-click, drag-and-drop, 「打开方式」), else the command line.

Decided here, before desktop.cli is imported: argparse and the command line's own modules cost
~10–20 ms of every start of the window, which needs none of them. desktop.cli.main makes the
same choice (and the slower one for a file not named .db) for those who call it directly.
"""

from __future__ import annotations

import sys


def utf8_streams() -> None:
    """Print UTF-8 (Windows consoles default to a legacy code page; our messages are Chinese)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            # A file name with bytes that are not UTF-8 prints as \xff, not a traceback.
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def window_book(argv: list[str]) -> str | None:
    """The book when it is the only argument and named .db (no command is), else None."""
    if len(argv) != 1 or argv[0].startswith("-"):
        return None
    return argv[0] if argv[0].lower().endswith(".db") else None


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    if not given or window_book(given):
        utf8_streams()
        import gc

        gc.disable()  # until the window has been painted: see desktop/gui/app.py main()
        # The book layer the window opens with (and the user's folders), loaded before
        # PySide6 is: PySide's import hook then leaves these modules (and the standard ones
        # they use) unread (desktop/gui/app.py _spare_pyside_source_reading).
        import desktop.book.inuse
        import desktop.book.paths
        import desktop.book.roster
        import desktop.rules.collation  # noqa: F401
        from desktop.gui.app import main as gui_main

        return gui_main(given[0] if given else None)
    from desktop.cli import main as cli_main

    return cli_main(argv)
