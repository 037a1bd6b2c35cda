"""Entry point of the bundled windowed program (double-click on Windows)."""

import sys

from desktop.cli import main

raise SystemExit(main(sys.argv[1:]))
