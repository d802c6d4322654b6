"""A ``provlint hash`` run: from paths to rows of (file, provider, algorithm, hash or reason).

The command line only parses options and prints what this returns, as ``check`` prints what
``runner.lint_paths`` returns. Inputs are read and judged by ``inputs.judge_input``, as
``check`` reads them: a file that cannot be read or parsed, or a named file that is no Bifrost
document, is an error of the run; a walked stranger is passed over. Where the settings' ``roots``
put the Bifrost config inside a larger file (a Helm values file), the caller's ``root_for``
gives that pointer, as it gives ``check`` its own, and the entries are hashed from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provlint.catalog import Catalog, available_versions, load_catalog
from provlint.discovery import STDIN, input_files
from provlint.hashing import ALGORITHMS, BIFROST, HashResult, available_algorithms, config_hash, unavailable_reason
from provlint.hashing.documents import provider_entries
from provlint.inputs import JudgedInput, Verdict, judge_input
from provlint.records import replace
from provlint.rules.pl003_unknown_document import unmatched_root
from provlint.secrets import SecretMap, mask
from provlint.source import pointer as jp
from provlint.source.document import DocumentKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO, Callable, Iterable, Mapping, Optional

BOTH = "both"
STDIN_SHOWN = "<stdin>"
NOT_BIFROST = "not a Bifrost config file, provider request or provider response"


@dataclass
class Row:
    """One provider under one algorithm."""

    file: str
    provider: Optional[str]
    pointer: str  # of the provider entry in the file
    kind: DocumentKind
    result: HashResult
    stated: Optional[str] = None  # the entry's own config_hash, if it has one

    @property
    def reason_pointer(self) -> Optional[str]:
        return None if self.result.ok else self.pointer + self.result.pointer

    @property
    def matches(self) -> Optional[bool]:
        if self.result.algorithm != BIFROST or self.stated is None or not self.result.ok:
            return None
        return self.stated == self.result.value


@dataclass
class Report:
    target: str
    requested: str
    algorithms: tuple[str, ...]
    unavailable: list[tuple[str, str]]
    rows: list[Row] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)

    @property
    def failed(self) -> bool:
        return bool(self.errors) or any(not row.result.ok for row in self.rows)


def plan(catalog: Catalog, algorithm: str) -> Report:
    """The algorithms a run computes: those asked for that the line has, else the others."""
    requested = ALGORITHMS if algorithm == BOTH else (algorithm,)
    unavailable = [(a, unavailable_reason(a, catalog)) for a in ALGORITHMS if unavailable_reason(a, catalog)]
    chosen = tuple(a for a in requested if unavailable_reason(a, catalog) is None)
    if not chosen:
        # HASHING.md: asked for an algorithm the line does not have, say so and give the other.
        chosen = available_algorithms(catalog)
    return Report(catalog.version, algorithm, chosen, unavailable)


def hash_paths(
    paths: Iterable[str],
    report: Report,
    catalog: Catalog,
    *,
    provider: Optional[str] = None,
    environment: Mapping[str, str],
    stdin: Optional[BinaryIO] = None,
    root_for: Callable[[str], str] = lambda path: "",
) -> Report:
    """Hash every provider of every input into ``report``. Raises discovery.InputPathError (a
    path does not exist) before anything is read; bad inputs are ``report.errors``.
    ``root_for(path)`` is the JSON Pointer of the Bifrost config inside that file ("" = all of
    it): the settings' ``roots``, resolved by the caller as for ``check``."""
    # A catalog that carries only hashing facts (2.0 so far) lists no settings fields, so the
    # other lines' shapes recognise a bare settings body.
    catalogs = (catalog, *(load_catalog(v) for v in available_versions() if v != catalog.version))
    for item in input_files(list(paths) or ["."]):
        shown = STDIN_SHOWN if item.path == STDIN else item.path
        root = root_for(shown)
        judged = judge_input(item, shown, catalogs, root=root, stdin=stdin)
        problem = _problem(judged, catalog, root)
        if problem:
            report.errors.append((shown, problem))
        elif judged.verdict is Verdict.BIFROST:
            report.rows.extend(_rows(judged, root, report, catalog, provider, environment))
    return report


def _problem(judged: JudgedInput, catalog: Catalog, root: str) -> Optional[str]:
    if judged.verdict is Verdict.UNREADABLE:
        return judged.reason
    if judged.verdict is Verdict.UNPARSEABLE:
        error = judged.document.error
        # A parse error may quote the file: it passes the one masking function.
        secrets = SecretMap.of_document(judged.document, catalog)
        return mask(f"cannot parse ({error.span.start.line}:{error.span.start.column}): {error.message}", secrets)
    if judged.verdict is Verdict.STRANGER and root and jp.resolve(judged.document.data, root) is None:
        return unmatched_root(root)
    if judged.verdict is Verdict.STRANGER:
        return NOT_BIFROST + (f" at the settings' `roots` pointer `{root}`" if root else "")
    return None


def _rows(judged: JudgedInput, root: str, report: Report, catalog: Catalog, provider, environment) -> Iterable[Row]:
    secrets = SecretMap.of_document(judged.document, catalog)  # built only if a reason is given
    data = jp.resolve(judged.document.data, root) if root else judged.document.data
    for entry in provider_entries(data, judged.kind, provider):
        stated = entry.settings.get("config_hash") if isinstance(entry.settings, dict) else None
        for algorithm in report.algorithms:
            if entry.problem:
                result = HashResult(entry.provider, algorithm, catalog.version, reason=entry.problem)
            else:
                result = config_hash(entry.provider, entry.settings, algorithm=algorithm, catalog=catalog,
                                     environment=environment, kind=entry.kind)
            if result.reason:
                result = replace(result, reason=mask(result.reason, secrets))
            yield Row(judged.path, entry.provider, root + entry.pointer, judged.kind, result,
                      stated if isinstance(stated, str) and stated else None)


__all__ = ["BOTH", "Report", "Row", "hash_paths", "plan"]
