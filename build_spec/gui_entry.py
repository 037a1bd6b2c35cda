"""Entry point of the bundled windowed program (double-click on Windows).

A windowed program on Windows has no console: sys.stdout and sys.stderr are None. What the
command line would have printed (a usage error, --help, --version) is then shown in a message
box instead of vanishing.
"""

import io
import sys

from desktop.start import main

captured = None
if sys.stdout is None or sys.stderr is None:
    captured = io.StringIO()
    sys.stdout = sys.stdout or captured
    sys.stderr = sys.stderr or captured
try:
    status = main(sys.argv[1:])
except SystemExit as exc:  # argparse's own exits: usage errors, --help, --version
    status = exc.code if isinstance(exc.code, int) else 1
if captured is not None and captured.getvalue().strip():
    from desktop.gui.app import show_console_text

    show_console_text(captured.getvalue(), status)
raise SystemExit(status)
