"""Loading inputs into Documents: parsing that keeps positions, and kind detection."""

from __future__ import annotations

from pathlib import PurePath

from provlint.source.document import Document, DocumentKind, DuplicateKey, Format, ParseError
from provlint.source.kinds import detect_kind

YAML_SUFFIXES = (".yaml", ".yml")
LINTABLE_SUFFIXES = (".json",) + YAML_SUFFIXES


def format_for(path: str) -> Format:
    return Format.YAML if PurePath(path).suffix.lower() in YAML_SUFFIXES else Format.JSON


def load_bytes(raw: bytes, path: str, fmt: Format | None = None) -> Document:
    """Parse ``raw``; never raises for bad input: a failure is ``Document.error``."""
    fmt = fmt or format_for(path)
    if fmt is Format.YAML:
        from provlint.source.yaml_source import load_yaml  # ruamel.yaml only when YAML is linted

        return load_yaml(raw, path)
    from provlint.source.json_source import load_json

    return load_json(raw, path)


__all__ = [
    "Document", "DocumentKind", "DuplicateKey", "Format", "ParseError",
    "detect_kind", "format_for", "load_bytes", "LINTABLE_SUFFIXES",
]
