"""Look and feel at start: the window icon from its files, the CJK font chosen."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFontDatabase

from desktop.gui import style
from desktop.resources import resource_path


def test_icon_comes_from_the_shipped_files_in_every_size():
    for size in style.ICON_SIZES:
        assert resource_path("icons", f"pioneer-{size}.png").exists()
    icon = style.app_icon()
    assert {s.width() for s in icon.availableSizes()} >= set(style.ICON_SIZES)
    image = icon.pixmap(QSize(64, 64)).toImage()
    assert image.width() == 64
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corner
    tile = image.pixelColor(4, 32)
    assert tile.red() > 150 and tile.green() < 80  # the party red tile


def test_icon_is_drawn_when_its_files_are_missing(monkeypatch, tmp_path):
    monkeypatch.setattr("desktop.resources.resource_path", lambda *p: tmp_path.joinpath(*p))
    icon = style.app_icon()
    image = icon.pixmap(QSize(32, 32)).toImage()
    assert image.pixelColor(3, 16).name() == QColor(style.ACCENT).name()


def test_font_prefers_the_system_cjk_font_and_loads_the_bundled_one_only_if_needed(monkeypatch):
    loaded = []

    def register():
        loaded.append(True)
        return [style.BUNDLED_FAMILY]

    monkeypatch.setattr(style, "register_bundled_font", register)
    monkeypatch.setattr(
        QFontDatabase, "families", staticmethod(lambda *a: ["Arial", "Microsoft YaHei"])
    )
    assert style.choose_font_family() == "Microsoft YaHei" and not loaded
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *a: [style.BUNDLED_FAMILY]))
    assert style.choose_font_family() == style.BUNDLED_FAMILY and not loaded
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *a: ["Arial"]))
    assert style.choose_font_family() == style.BUNDLED_FAMILY and loaded == [True]


def test_a_new_application_runs_in_fusion():
    # The style comes from the command line as Qt starts (the tests' application exists
    # already), so look at a fresh process; under the style sheet, the base style shows.
    code = (
        "from desktop.gui.app import create_application\n"
        "app = create_application()\n"
        "assert app.property('pioneer_style_set')\n"
        "app.setStyleSheet('')\n"
        "print(app.style().name())\n"
    )
    assert _fresh_process(code).strip().lower() == "fusion"


def test_roster_columns_as_wide_as_qt_would_size_them(qtbot, demo_book):
    from desktop.gui.roster_screen import RosterScreen

    screen = RosterScreen(demo_book)
    qtbot.addWidget(screen)
    header = screen.ui.table.horizontalHeader()
    ours = [header.sectionSize(c) for c in range(header.count() - 1)]
    screen.ui.table.resizeColumnsToContents()
    assert ours == [header.sectionSize(c) + 12 for c in range(header.count() - 1)]


def test_text_is_hinted_vertically_in_every_widget_class_the_theme_fonts():
    # Full (GDI) hinting, Qt's default at 100% on Windows, made the roster's first paint
    # several times slower under Wine; the style sheet's font rule would bring it back for the
    # classes the Windows theme gives fonts of their own. A fresh process: apply_style runs
    # once per application.
    code = (
        "from PySide6.QtWidgets import QMainWindow, QTableView, QListWidget, QLabel\n"
        "from desktop.gui.app import create_application\n"
        "from desktop.gui import style\n"
        "app = create_application()\n"
        "w = QMainWindow(); t = QTableView(); w.setCentralWidget(t)\n"
        "w.menuBar().addMenu('文件'); w.statusBar().addWidget(QLabel('x'))\n"
        "nav = QListWidget(); nav.setProperty('role', 'nav'); nav.setParent(w)\n"
        "w.show(); app.processEvents()\n"
        "widgets = [t, t.horizontalHeader(), w.menuBar(), w.statusBar(), nav, app.focusWidget() or t]\n"
        "for x in widgets:\n"
        "    print(type(x).__name__, x.font().hintingPreference() == style.HINTING,\n"
        "          x.font().pointSize())\n"
        "print('app', app.font().hintingPreference() == style.HINTING)\n"
        "for c in style.HINTED_CLASSES:\n"
        "    print(c, app.font(c).hintingPreference() == style.HINTING)\n"
    )
    out = _fresh_process(code)
    lines = [line.split() for line in out.splitlines()]
    assert lines and all(line[1] == "True" for line in lines), out
    sizes = {line[0]: int(line[2]) for line in lines if len(line) == 3}
    assert sizes["QTableView"] == sizes["QMenuBar"] == style.BASE_POINT_SIZE
    assert sizes["QListWidget"] == 14  # the navigation's own size (style sheet) stays


def _fresh_process(code: str) -> str:
    """What `code` prints in a new Python process (its own QApplication, offscreen)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return out.stdout
