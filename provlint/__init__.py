"""provlint: lint, validate and hash the provider configuration of the Bifrost LLM gateway.

The library API; it never imports click and never exits. Heavy parts (pydantic models,
YAML, hashing, schema generation) are imported only when a call needs them.
"""

from __future__ import annotations

__version__ = "0.1.0"

from provlint.engine import LintOptions, lint_bytes, lint_text
from provlint.runner import SettingsResolver, lint_paths

__all__ = ["__version__", "LintOptions", "SettingsResolver", "lint_bytes", "lint_paths", "lint_text"]
