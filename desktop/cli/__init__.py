"""The command line: the same operations as the window, for scripts, township IT and tests.

Exit status: 0 success; 1 the input was refused (nothing was written); 2 usage error.
Messages for people are Chinese; --json output is UTF-8 JSON on stdout.

Layout, imports pointing down only: `entry` (the parser and dispatch) → the command modules
(`book_commands`, `meetings`, `dues`, `quarter`, `year`, `branch`, `year_end`, `township`)
→ `common` (output, exit codes, opening the book) and `args` (argparse in Chinese).
"""

from desktop.cli.book_commands import print_kinds_help
from desktop.cli.entry import book_argument, build_parser, main

__all__ = ["book_argument", "build_parser", "main", "print_kinds_help"]
