"""Save the window icon (desktop.gui.style.draw_icon) as resources/icons/pioneer-SIZE.png.

Loading the files at start is quicker than drawing the icon (about 4 ms). Run after changing
draw_icon:  QT_QPA_PLATFORM=offscreen python tools/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.gui.style import ICON_SIZES, draw_icon, register_bundled_font  # noqa: E402


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_bundled_font()  # the icon's 先 is drawn in the bundled font on every machine
    icon = draw_icon()
    folder = ROOT / "resources" / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        path = folder / f"pioneer-{size}.png"
        if not icon.pixmap(QSize(size, size)).save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        print(f"wrote {path}")
    write_ico(folder)
    del app


def write_ico(folder: Path) -> None:
    """build_spec/pioneer.ico for the .exe files and the installer, from the PNGs (Windows
    picks the size it needs from the one file)."""
    from PIL import Image  # Pillow comes with reportlab; only this developer tool needs it

    sizes = [s for s in ICON_SIZES if s in (16, 24, 32, 48, 64, 128, 256)]
    images = [Image.open(folder / f"pioneer-{size}.png") for size in sizes]
    path = ROOT / "build_spec" / "pioneer.ico"
    images[-1].save(path, format="ICO", sizes=[(s, s) for s in sizes], append_images=images)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
