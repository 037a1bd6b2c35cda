"""Entry point of the bundled `pioneer` console program (CLI, --self-test)."""

from desktop.cli import main

raise SystemExit(main())
