"""Run the editor engines (engines.js, with node) and provlint's structural rules side by side."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, Optional

import pytest

from provlint.source.document import DocumentKind
from tests.paths import REPO

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "engines.js"
NODE_MODULES = HERE / "node_modules"
SCHEMAS = REPO / "schemas"
BIFROST_SCHEMA_URL = "https://www.getbifrost.ai/schema"

# What each engine says, worded by vscode-json-languageservice (yaml-language-server forked its
# validator and words problems the same, after the schema title), and the rule that says it.
_UNKNOWN = re.compile(r"Property .+ is not allowed\.$")
_MISSING = re.compile(r'Missing property ".+"\.$')
_INVALID = re.compile(
    r"(Incorrect type\. Expected .+"
    r"|Value is not accepted\. Valid values: .+"
    r"|Value is (below|above) the (exclusive )?(minimum|maximum) of .+"
    r"|String is (shorter|longer) than the (minimum|maximum) length of .+"
    r"|Matches multiple schemas when only one must validate\.)$"
)


def node_ready() -> None:
    """Fail (never skip) when the engines are not installed: `make test` installs them."""
    if shutil.which("node") is None:
        pytest.fail("node is not on PATH; the editor-engine tests need Node.js 18+")
    for package in ("vscode-json-languageservice", "yaml-language-server"):
        if not (NODE_MODULES / package / "package.json").is_file():
            pytest.fail(f"{package} is not installed: run `make editors` (npm ci in tests/editors)")


def run_engine(engine: str, schemas: list[dict[str, Any]], documents: list[Path],
               texts: Optional[dict[Path, str]] = None) -> tuple[dict[str, str], dict[Path, list[dict]]]:
    """Diagnostics of ``engine`` ("json" or "yaml") per document, and the engine's name/version."""
    response = _request({"engine": engine, "schemas": schemas, "documents": _documents(documents, texts)})
    by_uri = {r["uri"]: r["diagnostics"] for r in response["results"]}
    return response["engine"], {p: by_uri[p.as_uri()] for p in documents}


def vscode_assist(schemas: list[dict[str, Any]], path: Path, hovers: list[tuple[int, int]] = (),
                  completions: list[tuple[int, int]] = ()) -> tuple[list[Optional[str]], list[list[str]]]:
    """What VS Code shows on hover (Markdown) and offers for completion at 1-based positions."""
    response = _request({
        "engine": "json", "schemas": schemas, "documents": _documents([path], None),
        "hovers": {path.as_uri(): [list(p) for p in hovers]},
        "completions": {path.as_uri(): [list(p) for p in completions]},
    })
    (result,) = response["results"]
    return result.get("hovers", []), result.get("completions", [])


def _documents(paths: list[Path], texts: Optional[dict[Path, str]]) -> list[dict[str, str]]:
    texts = texts or {}
    return [{"uri": p.as_uri(), "text": texts.get(p) or p.read_text(encoding="utf-8")} for p in paths]


def _request(request: dict[str, Any]) -> dict[str, Any]:
    node_ready()
    result = subprocess.run(
        ["node", str(SCRIPT)], input=json.dumps(request), capture_output=True, text=True, cwd=HERE, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def schema_uri(version: str, file_name: str) -> str:
    return (SCHEMAS / version / file_name).as_uri()


def rule_of(message: str) -> str:
    """The provlint rule that reports what an engine's message says; fails on anything else."""
    if _UNKNOWN.search(message):
        return "PL101"
    if _MISSING.search(message):
        return "PL102"
    if _INVALID.search(message):
        return "PL100"
    raise AssertionError(f"an editor message provlint has no structural rule for: {message!r}")


def editor_findings(diagnostics: list[dict]) -> list[tuple[str, int, int]]:
    return sorted((rule_of(d["message"]), d["line"], d["column"]) for d in diagnostics)


def provlint_findings(path: Path, kind: DocumentKind, version: str, sections: bool = False) -> list[tuple[str, int, int]]:
    """What provlint's structural rules (PL100/PL101/PL102) find, before a more specific rule
    supersedes any of them (the editor knows only the schema), as (code, line, column).

    Under 2.x provlint also checks the sections it does not model (client, plugins, ...) by
    Bifrost's own schema; provlint's generated schema accepts any value there, so an editor
    given it cannot see those: they are left out unless ``sections``."""
    from provlint.catalog import load_catalog
    from provlint.source import load_bytes
    from provlint.structure import structure_issues

    doc = load_bytes(path.read_bytes(), str(path))
    catalog = load_catalog(version)
    codes = {"invalid": "PL100", "unknown": "PL101", "missing": "PL102"}
    found = []
    for issue in structure_issues(doc.data, kind, catalog):
        if not sections and issue in _section_issues(doc.data, kind, catalog):
            continue
        span = doc.span_of(issue.pointer, issue.target)
        found.append((codes[issue.category], span.start.line, span.start.column))
    return sorted(found)


def _section_issues(data, kind: DocumentKind, catalog) -> list:
    from provlint.sections import section_issues

    if kind is not DocumentKind.CONFIG or not catalog.bifrost_config_schema:
        return []
    return section_issues(data, catalog.bifrost_config_schema)
