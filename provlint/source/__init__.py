"""Loading inputs into Documents: parsing that keeps positions, and kind detection."""

from __future__ import annotations

import os
from pathlib import PurePath

from provlint.source.document import Document, DocumentKind, DuplicateKey, Format, ParseError
from provlint.source.kinds import detect_kind

YAML_SUFFIXES = (".yaml", ".yml")
LINTABLE_SUFFIXES = (".json",) + YAML_SUFFIXES


# ruamel.yaml's pure-Python parser needs about 5 s per MB here; a gateway config is a few KB.
# Past this size a YAML file is refused at once instead of holding a commit for minutes.
YAML_MAX_BYTES = 4 * 1024 * 1024


def _too_large(raw: bytes, path: str) -> Document:
    from provlint.findings import Position, Span

    message = (
        f"the YAML file is {len(raw) / 1048576:.1f} MiB; provlint reads YAML up to "
        f"{YAML_MAX_BYTES // 1048576} MiB (JSON up to the `max-file-size` setting): split it or convert it to JSON"
    )
    start = Span(Position(1, 1), Position(1, 1))
    return Document(path, "", Format.YAML, error=ParseError(message, start))


def format_for(path: str) -> Format:
    return Format.YAML if suffix_of(path) in YAML_SUFFIXES else Format.JSON


def suffix_of(path: str) -> str:
    """``PurePath(path).suffix.lower()``, without building the path (about 3 us, for every file
    of a run) where its last part is a plain name."""
    name = path.rpartition("/")[2]
    if os.sep != "/" or name in ("", ".", ".."):
        return PurePath(path).suffix.lower()
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def load_bytes(raw: bytes, path: str, fmt: Format | None = None) -> Document:
    """Parse ``raw``; never raises for bad input: a failure is ``Document.error``."""
    fmt = fmt or format_for(path)
    if fmt is Format.YAML:
        if len(raw) > YAML_MAX_BYTES:
            return _too_large(raw, path)
        from provlint.source.yaml_source import load_yaml  # ruamel.yaml only when YAML is linted

        return load_yaml(raw, path)
    from provlint.source.json_source import load_json

    return load_json(raw, path)


__all__ = [
    "Document", "DocumentKind", "DuplicateKey", "Format", "ParseError",
    "detect_kind", "format_for", "load_bytes", "suffix_of", "LINTABLE_SUFFIXES",
]
