"""Temporary catalog folders: a complete line written from the shipped 1.5 data, then edited."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from provlint.catalog import PACKAGE_FOLDER

SHIPPED_15 = json.loads((PACKAGE_FOLDER / "bifrost-1.5.json").read_text(encoding="utf-8"))


def complete_line(version: str) -> dict[str, Any]:
    """A catalog of ``version`` holding every key (the shipped 1.5 facts)."""
    return {**json.loads(json.dumps(SHIPPED_15)), "version": version}


def write_line(folder: Path, version: str, data: dict[str, Any]) -> Path:
    path = folder / f"bifrost-{version}.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path
