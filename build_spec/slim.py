"""What the bundle leaves out (used by pioneer.spec and bare_window.spec alike).

Each was checked against the program: `--self-test` (PDF, print preview, backup, scoring) and
the paper, sheets and CLI tests pass without them.
"""

from __future__ import annotations

# Python modules never imported by the program. `ssl` drags in OpenSSL (6 MB); the program
# never goes online. reportlab imports PIL.Image, so PIL stays, without its optional codecs.
EXCLUDES = [
    "tkinter",
    "pytest",
    "hypothesis",
    "IPython",
    "numpy",
    "ssl",
    "_ssl",
    "PIL.ImageQt",
    "PIL.ImageTk",
    "PIL.ImageCms",
    "PIL.AvifImagePlugin",
    "PIL.WebPImagePlugin",
    # Only concurrent.futures' ProcessPoolExecutor (unused: township.py takes threads) refers
    # to it; bundled, PyInstaller's runtime hook for it imported multiprocessing, pickle,
    # socket and subprocess at every start of the program, before anything else.
    "multiprocessing",
]

# Files in the bundle (paths as inside it, lower case, "/"): dropped when they start so.
DROP = (
    # Software OpenGL (20 MB): Qt Widgets draw without OpenGL; nothing here uses Qt Quick/3D.
    "pyside6/opengl32sw.dll",
    # QtNetwork is only for the local socket of "one window per book": no TLS, no network
    # status, no touch over the network.
    "pyside6/plugins/tls/",
    "pyside6/plugins/networkinformation/",
    "pyside6/plugins/generic/",
    # Windows' own platform plugin is qwindows; offscreen stays for headless runs.
    "pyside6/plugins/platforms/qdirect2d",
    "pyside6/plugins/platforms/qminimal",
    # Our images are PNG (built into Qt); .ico and .svg are kept for icons.
    "pyside6/plugins/imageformats/qgif",
    "pyside6/plugins/imageformats/qicns",
    "pyside6/plugins/imageformats/qjpeg",
    "pyside6/plugins/imageformats/qtga",
    "pyside6/plugins/imageformats/qtiff",
    "pyside6/plugins/imageformats/qwbmp",
    "pyside6/plugins/imageformats/qwebp",
    # PIL's optional codecs (AVIF alone is 8 MB).
    "pil/_avif",
    "pil/_webp",
    "pil/_imagingcms",
    "pil/_imagingtk",
)

# Qt's own translations: only the Chinese one the program loads (desktop.gui.app).
KEEP_TRANSLATIONS = ("qtbase_zh_cn.qm",)


def wanted(dest: str) -> bool:
    name = dest.replace("\\", "/").lower()
    if name.startswith("pyside6/translations/"):
        return name.rsplit("/", 1)[-1] in KEEP_TRANSLATIONS
    return not name.startswith(DROP)


def slim(toc: list) -> list:
    """A PyInstaller TOC (binaries or datas) without the entries dropped above."""
    return [entry for entry in toc if wanted(entry[0])]
