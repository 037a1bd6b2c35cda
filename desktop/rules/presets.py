"""Scheme presets shipped in resources/schemes/*.toml (one per real plan)."""

from __future__ import annotations

import tomllib

from desktop.resources import resource_path
from desktop.rules.scheme import Scheme, load_scheme


def _folder():  # type: ignore[no-untyped-def]
    return resource_path("schemes")


def list_presets() -> list[tuple[str, str]]:
    """(id, Chinese title) of every shipped preset, sorted by id."""
    out: list[tuple[str, str]] = []
    for path in sorted(_folder().glob("*.toml")):
        try:
            head = tomllib.loads(path.read_text(encoding="utf-8")).get("scheme", {})
        except (OSError, tomllib.TOMLDecodeError):
            continue  # a broken preset is caught by the tests, not shown to users
        out.append((path.stem, str(head.get("title", path.stem))))
    return out


def preset_text(preset_id: str) -> str:
    """The TOML text of a preset; KeyError (with a Chinese message) if there is none."""
    path = _folder() / f"{preset_id}.toml"
    if "/" in preset_id or "\\" in preset_id or not path.is_file():
        known = "、".join(p for p, _ in list_presets())
        raise KeyError(f"没有名为「{preset_id}」的预置方案，可选：{known}")
    return path.read_text(encoding="utf-8")


def load_preset(preset_id: str) -> Scheme:
    return load_scheme(preset_text(preset_id))
