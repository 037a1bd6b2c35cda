"""One way to find shipped files, from the source tree and inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """The folder that holds `resources/` (the repo root, or the bundle's _MEIPASS)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`, e.g. resource_path("fonts", "wqy-microhei.ttc")."""
    return resource_root().joinpath("resources", *parts)
