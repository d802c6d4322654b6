"""Finding and reading settings files (``pyproject.toml`` ``[tool.provlint]``, ``provlint.toml``,
``.provlint.toml``); what their keys mean is ``settings.py``'s.

Nothing here caches: the run's SettingsResolver reads each file once, so a long-lived process
(an editor server) sees a file that changed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from provlint.discovery import open_regular_file, read_limited
from provlint.findings import Position, Span
from provlint.json_types import json_type
from provlint.records import replace
from provlint.settings import SETTINGS_FILES, Settings, SettingsError, parse_settings

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional


def find_settings_file(start: Path) -> Optional[Path]:
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate_dir in (folder, *folder.parents):
        found = _settings_file_in(candidate_dir)
        if found is not None:
            return found
    return None


def _settings_file_in(folder: Path) -> Optional[Path]:
    for name in SETTINGS_FILES:
        path = folder / name
        if not path.is_file():
            continue
        if name == "pyproject.toml":
            tool = _read_toml(path).get("tool", {})
            if not isinstance(tool, dict) or "provlint" not in tool:
                continue
        return path
    return None


def load_settings_file(path: Path) -> Settings:
    """Read and validate one settings file. Not cached here: the caller's resolver caches it
    for one run, so a long-lived process (an editor server) never sees a stale file."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("provlint", {}) if isinstance(tool, dict) else tool
        if not isinstance(table, dict):
            raise SettingsError(f"{path}: [tool.provlint] must be a table, not {json_type(table)}")
    else:
        table = data
    settings = parse_settings(table, path=path, base_dir=path.parent.resolve())
    if not settings.exceptions:
        return settings
    spans = _exception_spans(path.read_text(encoding="utf-8", errors="replace"))
    located = tuple(replace(e, span=spans[e.index] if e.index < len(spans) else None) for e in settings.exceptions)
    return replace(settings, exceptions=located)


_EXCEPTION_HEADERS = ("[[exceptions]]", "[[tool.provlint.exceptions]]")


def _exception_spans(text: str) -> list[Span]:
    """The span of each ``[[exceptions]]`` table header, in file order (tomllib keeps no
    positions, so the reader records them once here)."""
    spans = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().replace(" ", "") in _EXCEPTION_HEADERS:
            start = len(line) - len(line.lstrip()) + 1
            spans.append(Span(Position(number, start), Position(number, len(line.rstrip()) + 1)))
    return spans


# A settings file is a few hundred bytes; the limit only keeps a mistake (a FIFO, a huge file
# named --config) from holding the run.
_MAX_SETTINGS_BYTES = 1024 * 1024


def _read_toml(path: Path) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with open_regular_file(str(path)) as handle:
            text = read_limited(handle, _MAX_SETTINGS_BYTES).decode("utf-8")
        return tomllib.loads(text)
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read settings: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read settings: {exc}") from None
    except ValueError:  # an integer past Python's digit limit (4,300 by default)
        raise SettingsError(f"{path}: cannot read settings: a number has too many digits") from None
    except RecursionError:
        raise SettingsError(f"{path}: cannot read settings: tables or arrays nest too deep") from None
