"""Entry point of the bundled `pioneer` console program (CLI, --self-test)."""

from desktop.start import main

raise SystemExit(main())
