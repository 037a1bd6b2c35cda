"""Starting the window: the application object, Chinese Qt dialogs, fonts, the error handler,
and opening the book (first-run wizard if there is none, a way out if it can't be opened)."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop import APP_ID, APP_NAME, __version__

log = logging.getLogger(__name__)


def _spare_pyside_source_reading() -> None:
    """Tell PySide's import hook that the modules loaded so far use none of its __feature__s.

    Once PySide6 is imported, its hook reads the source (inspect.getsource) of every module
    an import statement names for the first time, `os` and `typing` included, looking for
    "PySide6" (its opt-in snake_case/true_property switches, which this program does not
    use): ~8 ms of every start from a source install. The value -1 is the hook's own
    "ignore this module", which is also what every module gets in the PyInstaller bundle,
    where there is no source to read. Best effort: a PySide without this hook is left alone.
    """
    feature = sys.modules.get("shibokensupport.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if isinstance(known, dict):
        for name in list(sys.modules):
            known.setdefault(name, -1)


_spare_pyside_source_reading()


def install_translations(app: QApplication) -> list[QTranslator]:
    """Load Qt's own Chinese strings so its buttons and dialogs read 确定/取消."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded = []
    for name in ("qtbase_zh_CN",):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            loaded.append(translator)
        else:
            log.warning("Qt translation %s not found in %s", name, folder)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return loaded


def create_application(argv: list[str] | None = None, *, icon: bool = True) -> QApplication:
    """The QApplication with our names, translations, font and style (reused if one exists).

    `icon=False` leaves the window icon for later (the window's start sets it once painted:
    reading the icon's PNG files has Qt load every image format plugin, ~5 ms)."""
    from desktop.gui.style import STYLE_NAME, apply_style

    app = QApplication.instance()
    if app is None:
        args = list(argv if argv is not None else sys.argv[:1])
        # Qt reads the style from the command line as it starts; calling setStyle() later
        # would bring QStyle into Python, whose enums cost ~5 ms of every start.
        app = QApplication([*args, "-style", STYLE_NAME])
        app.setProperty("pioneer_style_set", True)
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    if not app.property("pioneer_translated"):
        app.setProperty("pioneer_translated", True)
        install_translations(app)
    apply_style(app, icon=icon)
    return app


def startup_book_path(db_path: str | os.PathLike[str] | None) -> Path:
    """Which book to open at start.

    The argument, else PIONEER_DB or the default book in the user data folder. If that default
    book does not exist yet but another book was used before (the demo branch, a book opened
    from elsewhere), that one is opened instead of asking the first-run questions again.
    """
    from desktop.book.paths import default_book_path

    if db_path:
        return Path(db_path)
    default = default_book_path()
    if default.exists() or os.environ.get("PIONEER_DB"):
        return default
    from desktop.gui.settings import recent_books

    for path in recent_books():
        if path.exists():
            return path
    return default


#: benchmarks/startup.py --bundle sets this: print "ready" once the roster has been painted,
#: then quit.
STARTUP_PROBE = "PIONEER_STARTUP_PROBE"


def _report_ready_then_quit(app: QApplication, window) -> None:  # window: MainWindow
    def ready() -> None:
        rows = window.roster_screen.ui.table.model().rowCount()
        sys.stdout.write(f"ready {rows}\n")
        sys.stdout.flush()
        window.after_first_paint.add(settled)  # after finish_start, added meanwhile

    def settled() -> None:  # the work left until the window was painted is done too
        sys.stdout.write("settled\n")
        sys.stdout.flush()
        app.quit()

    window.after_first_paint.add(ready)


def main(db_path: str | None = None) -> int:
    """Open the window on a book. Returns the process exit status."""
    # Python's cyclic garbage collector waits until the window has been painted: start-up
    # makes some hundred thousand objects that all stay, and the ~40 collections it would
    # otherwise run over them cost ~10 ms. Back on in finish_start, or at the latest after
    # GC_FALLBACK_MS (a wizard or a message shown instead of the window), or on the way out.
    gc.disable()
    try:
        return _main(db_path)
    finally:
        gc.enable()


GC_FALLBACK_MS = 2000


def _main(db_path: str | None) -> int:
    from desktop.gui import error_handler

    app = create_application(icon=False)  # set in finish_start
    QTimer.singleShot(GC_FALLBACK_MS, gc.enable)
    # The log file is opened once the window is painted (finish_start); what is logged before
    # is kept until then, and an unexpected error opens it at once.
    error_handler.install(log_file=False)

    from desktop.book import inuse
    from desktop.gui.first_paint import AfterFirstPaint
    from desktop.gui.main_window import MainWindow
    from desktop.gui.opening import open_with_way_out
    from desktop.gui.single_instance import BookServer, bring_forward_running

    inuse.set_program("先锋指数窗口")  # how other programs name us ("正被另一个程序打开：…")
    path = startup_book_path(db_path)
    if bring_forward_running(path):  # one window per book: the one that has it comes forward
        return 0
    if not db_path and not path.exists():
        from desktop.gui.settings import starts_with_township_desk

        if starts_with_township_desk():  # a township PC: no book of its own, the desk again
            from desktop.gui.township_desk import run_township_desk

            gc.enable()
            run_township_desk()
            return 0
        gc.enable()  # the first-run wizard: the user takes her time
    book = open_with_way_out(None, path, quit_text="退出", wizard_if_missing=True)
    if book is None:
        return 0
    window = MainWindow(book)
    roster = getattr(window, "roster_screen", None)
    # The roster's table (not its viewport: fetching a widget Qt made itself has PySide set
    # up every widget class it could be, ~10 ms) is painted with the window, in one pass.
    window.after_first_paint = AfterFirstPaint(roster.ui.table if roster is not None else window)
    if os.environ.get(STARTUP_PROBE):
        _report_ready_then_quit(app, window)
    servers: list[BookServer] = []
    window.after_first_paint.add(lambda: finish_start(window, book.path, servers))
    window.show_at_start()
    status = app.exec()
    if window.isVisible():  # quit by other means than closing the window
        window.close()
    for server in servers:
        server.close()
    return status


def finish_start(window, book_path: Path, servers: list) -> None:  # servers: [BookServer]
    """What the start-up leaves until the window has been painted."""
    from desktop.gui import error_handler
    from desktop.gui.style import app_icon

    # What start-up made stays (modules, classes, the window): frozen, the collector does not
    # go through it again, now (a first collection over all of it: ~10 ms) or later.
    gc.freeze()
    gc.enable()
    QApplication.setWindowIcon(app_icon())
    log_file = error_handler.setup_logging()
    log.info("starting %s %s, log %s", APP_NAME, __version__, log_file)
    # Listening starts once the window is up (QtNetwork costs ~50 ms to load); a second start
    # in that moment finds the book held (inuse) but no answer, and opens it alongside.
    from desktop.gui.single_instance import BookServer

    QTimer.singleShot(300, lambda: servers.append(BookServer(window, book_path)))


def show_console_text(text: str, status: int) -> None:
    """Show what the command line printed, for the windowed program that has no console."""
    from PySide6.QtWidgets import QMessageBox

    create_application()
    box = QMessageBox(
        QMessageBox.Icon.Warning if status else QMessageBox.Icon.Information,
        APP_NAME,
        text.strip(),
    )
    box.exec()


def run() -> int:
    """The `pioneer-gui` entry point: `pioneer-gui [BOOK]` (a file dropped on the icon)."""
    return main(sys.argv[1] if len(sys.argv) > 1 else None)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run())
