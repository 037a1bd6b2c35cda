"""One window per book: starting the program again on a book that is already open brings the
window that has it forward instead of opening the book twice.

Each window listens on a local socket (a named pipe on Windows) whose name comes from its
book's path; a new start first knocks there. Keyed on the path, not on the program, so two
different books can still be open side by side. A book held by another kind of program (or
another user) is the book layer's business (its in-use check), not this module's.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

# QtNetwork is imported where it is used: loading it costs ~50 ms, which a start on a book
# nobody else has open (the usual case) need not pay before its window shows.

log = logging.getLogger(__name__)

PREFIX = "pioneer-index-book-"
RAISE = b"raise\n"
WAIT_MS = 1500


def server_name(path: str | os.PathLike[str]) -> str:
    """The socket name for a book: the same for every way of writing its path."""
    import hashlib  # (here: _hashlib loads OpenSSL's libcrypto, not needed before the window)

    try:
        full = Path(path).resolve()
    except OSError:
        full = Path(os.path.abspath(path))
    key = os.path.normcase(str(full))
    # The user's name is part of the key: on a shared PC each user's copy is their own.
    user = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    digest = hashlib.sha256(f"{user}\0{key}".encode()).hexdigest()[:32]
    return PREFIX + digest


def _allow_foreground() -> None:
    # Windows only lets the program the user just started take the foreground; hand that
    # right to the running window, which is about to be asked to come forward.
    if sys.platform == "win32":
        import ctypes

        ASFW_ANY = -1
        ctypes.windll.user32.AllowSetForegroundWindow(ASFW_ANY)  # type: ignore[attr-defined]


def bring_forward_running(path: str | os.PathLike[str]) -> bool:
    """Ask a running window that has `path` open to come forward.

    True when there is one (this start should then end); False when nobody has the book.
    """
    from desktop.book import inuse

    try:
        if not inuse.holders(Path(path)):
            return False  # no other program has the book open, so no window of ours either
    except OSError:
        pass  # can't tell: ask
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(path))
    if not socket.waitForConnected(WAIT_MS):
        return False
    _allow_foreground()
    socket.write(RAISE)
    socket.waitForBytesWritten(WAIT_MS)
    socket.waitForReadyRead(WAIT_MS)  # the answer is only a courtesy: connected is enough
    socket.disconnectFromServer()
    log.info("book %s is open in another window: brought it forward", path)
    return True


class BookServer(QObject):
    """Listens for later starts on the window's book and brings the window forward.

    Follows the window to another book when it opens one (`book_changed`).
    """

    def __init__(self, window: QWidget, path: str | os.PathLike[str]) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(window)
        self._window = window
        self._server = QLocalServer(self)
        # Only this user's programs may knock (Unix socket permissions; Windows' named pipes
        # are per-session already).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._answer)
        self.listen(path)
        book_changed = getattr(window, "book_changed", None)
        if book_changed is not None:
            book_changed.connect(lambda book: self.listen(book.path))

    @property
    def name(self) -> str:
        return self._server.serverName()

    def listen(self, path: str | os.PathLike[str]) -> bool:
        name = server_name(path)
        if self._server.isListening():
            if self._server.serverName() == name:
                return True
            self._server.close()
        if self._server.listen(name):
            return True
        # A socket file left by a program that crashed (Unix): nobody answers on it.
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(name)
        if self._server.listen(name):
            return True
        log.warning("cannot listen on %s: %s", name, self._server.errorString())
        return False

    def _answer(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket) -> None:  # socket: QLocalSocket
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            bring_to_front(self._window)
            socket.write(b"ok\n")
            socket.flush()

    def close(self) -> None:
        self._server.close()


def bring_to_front(window: QWidget) -> None:
    """Show a window that may be minimized or behind others, and give it the focus."""
    from PySide6.QtCore import Qt

    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
