"""Shared test helpers: lint a snippet, run the CLI."""

from __future__ import annotations

from datetime import datetime, timezone

import os
import subprocess
import sys
from typing import Optional

import pytest
from hypothesis import HealthCheck, settings

from provlint.engine import LintOptions, lint_bytes
from provlint.findings import Diagnostic
from provlint.source.document import DocumentKind


# The time the tests judge certificates at (the command line passes the wall clock).
NOW = datetime.now(timezone.utc)
# The fuzz suite's size (tests/fuzz/): "test" for `make test` (20,000 examples over all fuzz
# tests, about a minute), "fuzz" for `make fuzz` (100,000). Chosen by PROVLINT_HYPOTHESIS_PROFILE;
# only the fuzz tests use it, every other property test keeps its own count.
_FUZZ_BASE = dict(deadline=None, database=None, suppress_health_check=list(HealthCheck), print_blob=True)
settings.register_profile("test", max_examples=20_000, **_FUZZ_BASE)
settings.register_profile("fuzz", max_examples=100_000, **_FUZZ_BASE)
FUZZ_PROFILE = os.environ.get("PROVLINT_HYPOTHESIS_PROFILE", "test")


def lint(text: str, path: str = "config.json", *, kind: Optional[str] = None, explicit: bool = True,
         target_version: Optional[str] = None) -> list[Diagnostic]:
    """Lint under ``target_version``, or the default line when it is not given."""
    line = {"target_version": target_version} if target_version else {}
    options = LintOptions(kind=DocumentKind(kind) if kind else None, now=NOW, **line)
    return lint_bytes(text.encode("utf-8"), path, explicit=explicit, options=options).diagnostics


def codes_at(diagnostics: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in diagnostics]


def run_provlint(*args: str, input: bytes = b"", cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "provlint", *args], input=input, capture_output=True, cwd=cwd, timeout=120
    )


@pytest.fixture
def lint_snippet():
    return lint
