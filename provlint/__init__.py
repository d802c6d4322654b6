"""provlint: lint, validate and hash the provider configuration of the Bifrost LLM gateway.

The library API; it never imports click and never exits. Everything is imported on first use
(module ``__getattr__``), so ``import provlint`` costs nothing on the lint fast path.
"""

from __future__ import annotations

__version__ = "0.1.0"

# The project's home: the host of the schemas' `$id` and of the rule documentation URLs.
HOMEPAGE = "https://provlint.dev"

_EXPORTS = {
    "LintOptions": "provlint.engine",
    "lint_bytes": "provlint.engine",
    "lint_text": "provlint.engine",
    "lint_paths": "provlint.runner",
    "SettingsResolver": "provlint.runner",
    "json_schema": "provlint.schema",
    "openapi": "provlint.schema",
    "config_hash": "provlint.hashing",
}

__all__ = ["__version__", "HOMEPAGE", *_EXPORTS]


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'provlint' has no attribute {name!r}")
