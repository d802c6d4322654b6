"""A baseline: findings a team accepts for now, keyed so that reformatting keeps them matched.

An entry is (rule, path, JSON Pointer, fingerprint of the offending value); never a line
number, so re-indenting a file or reordering its keys does not make old findings new. The path
is relative to the baseline file's folder, so `a.json`, `./a.json` and `$PWD/a.json` are one
file. The fingerprint is a truncated SHA-256 over the rule, pointer and the value's canonical
JSON (for an object or array only its kind: the pointer already names the place, and a change
deeper inside is not this finding's business), so the file holds no secret, only enough to
notice that the value changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field

from provlint.findings import Diagnostic
from provlint.source import pointer as jp

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable

BASELINE_VERSION = 1
_FINGERPRINT_LENGTH = 16


class BaselineError(ValueError):
    """A baseline file that cannot be read or has the wrong shape."""


# A secret's fingerprint goes through a slow key-derivation function, so a leaked baseline does
# not make guessing a weak password cheap; other values need no such care. The cost is kept low
# enough that a baseline of a few hundred secret findings is still written and checked in well
# under a second.
_SECRET_ROUNDS = 10_000

# What an object or array is fingerprinted as: not valid JSON, so no scalar can collide with it.
_CONTAINER_KINDS = {dict: "\x01object", list: "\x01array"}


def _encode(text: str) -> bytes:
    # Parsed JSON may hold lone surrogates (a "\ud800" escape); they must not crash the fingerprint.
    return text.encode("utf-8", "surrogatepass")


def fingerprint(rule: str, pointer: str, value: Any, *, secret: bool = False) -> str:
    kind = _CONTAINER_KINDS.get(type(value))
    if kind is not None:
        canonical = kind
    else:
        canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    material = _encode(f"{rule}\x00{pointer}\x00{canonical}")
    if secret:
        digest = hashlib.pbkdf2_hmac("sha256", material, _encode(f"provlint:{rule}:{pointer}"), _SECRET_ROUNDS).hex()
    else:
        digest = hashlib.sha256(material).hexdigest()
    return digest[:_FINGERPRINT_LENGTH]


def normalise_path(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def _real_folder(path: str) -> str:
    return os.path.realpath(os.path.abspath(path))


def relative_path(path: str, base: str) -> str:
    """``path`` relative to the folder ``base``, with `/` separators, whatever form it was given in.

    The folders are resolved (symlinks too) but not the file's own name, so a linted symlink
    keeps its own key."""
    absolute = os.path.abspath(path)
    located = os.path.join(_real_folder(os.path.dirname(absolute)), os.path.basename(absolute))
    try:
        return normalise_path(os.path.relpath(located, _real_folder(base)))
    except ValueError:  # another drive on Windows: no relative path exists
        return normalise_path(located)


def looks_secret(pointer: str, value: Any, secrets: Any = None) -> bool:
    """Whether a finding's value is a secret, whatever the rule: the document's secret map says
    so (``provlint.secrets``), or, with no map, the value's name looks like a credential's (PL309
    on `extra_headers/Authorization` carries a credential though the rule is not about it)."""
    if value is None or isinstance(value, (bool, dict, list)):
        return False
    if secrets is not None:
        return secrets.holds(pointer)
    from provlint.secrets.names import looks_like_credential_name

    return looks_like_credential_name(jp.last(pointer))


@dataclass(frozen=True)
class Entry:
    rule: str
    path: str
    pointer: str
    fingerprint: str

    def as_json(self) -> dict:
        return {"rule": self.rule, "path": self.path, "pointer": self.pointer, "fingerprint": self.fingerprint}


def entry_for(diagnostic: Diagnostic, data: Any, base: str = ".", secrets: Any = None) -> Entry:
    """The entry for a finding, its path relative to ``base``, the baseline file's folder;
    ``secrets`` is the document's secret map (``FileResult.secrets``)."""
    value = jp.resolve(data, diagnostic.pointer)
    secret = diagnostic.secret or looks_secret(diagnostic.pointer, value, secrets)
    print_ = fingerprint(diagnostic.code, diagnostic.pointer, value, secret=secret)
    return Entry(diagnostic.code, relative_path(diagnostic.path, base), diagnostic.pointer, print_)


def baseline_folder(path: str) -> str:
    return os.path.dirname(os.path.abspath(path))


@dataclass
class Baseline:
    """The entries of a baseline file, each with the span its reader recorded (for PL902), and
    an index from entry to its positions, so matching costs O(1) per finding."""

    path: str
    entries: list[Entry]
    spans: list = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    # Entry -> indexes of its unmatched copies, first first: a finding is matched in constant
    # time (a scan of every entry per finding took minutes for 20,000 findings).
    _unmatched: dict[Entry, list[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for index in range(len(self.entries) - 1, -1, -1):
            self._unmatched.setdefault(self.entries[index], []).append(index)

    def match(self, entry: Entry) -> bool:
        """Whether an unmatched entry equals ``entry``; the earliest such entry is used up."""
        waiting = self._unmatched.get(entry)
        if not waiting:
            return False
        self.used.add(waiting.pop())
        return True

    @property
    def folder(self) -> str:
        return baseline_folder(self.path)

    def match_diagnostic(self, diagnostic: Diagnostic, data: Any, secrets: Any = None) -> bool:
        return self.match(entry_for(diagnostic, data, self.folder, secrets))

    def stale(self, linted: set[str]) -> list[tuple[int, Entry, Any]]:
        """(index, entry, span) of unmatched entries for files linted in this run (``linted``
        holds their entry paths): a run over some files says nothing about the others'."""
        return [
            (i, e, self.spans[i] if i < len(self.spans) else None)
            for i, e in enumerate(self.entries)
            if i not in self.used and e.path in linted
        ]


# About 150 bytes an entry: room for hundreds of thousands of accepted findings.
MAX_BASELINE_BYTES = 64 * 1024 * 1024


def read_baseline(path: str) -> Baseline:
    from provlint.discovery import open_regular_file, read_limited

    try:
        with open_regular_file(path) as handle:
            raw = read_limited(handle, MAX_BASELINE_BYTES)
        data = json.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
    except RecursionError:
        raise BaselineError(f"{path} is not a provlint baseline file (it nests too deep)") from None
    except ValueError as exc:
        raise BaselineError(f"{path} is not a provlint baseline file ({type(exc).__name__}: {exc})") from None
    if isinstance(data, dict) and "version" in data and data["version"] != BASELINE_VERSION:
        raise BaselineError(f"{path}: unsupported baseline version {data['version']!r}")
    problem = _shape_problem(data)
    if problem:
        raise BaselineError(f"{path} is not a provlint baseline file ({problem})")
    entries = [Entry(*(e[name] for name in _ENTRY_FIELDS)) for e in data["findings"]]
    return Baseline(path, entries, _entry_spans(raw, path, len(entries)))


def _entry_spans(raw: bytes, path: str, count: int) -> list:
    """Where each entry starts in the file, recorded once while reading it (for PL902)."""
    from provlint.source.json_source import load_json

    doc = load_json(raw, path)
    return [doc.span_of(f"/findings/{index}") for index in range(count)] if doc.ok else []


_ENTRY_FIELDS = ("rule", "path", "pointer", "fingerprint")


def _shape_problem(data: Any) -> str:
    if not isinstance(data, dict):
        return "the top level is not an object"
    if data.get("version") != BASELINE_VERSION:
        return "no `version`"
    if not isinstance(data.get("findings"), list):
        return "`findings` is not an array"
    for index, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict):
            return f"findings[{index}] is not an object"
        for name in _ENTRY_FIELDS:
            if not isinstance(entry.get(name), str):
                return f"findings[{index}].{name} is not a string"
    return ""


def render_baseline(entries: Iterable[Entry]) -> str:
    ordered = sorted(entries, key=lambda e: (e.path, e.pointer, e.rule, e.fingerprint))
    payload = {"version": BASELINE_VERSION, "tool": "provlint", "findings": [e.as_json() for e in ordered]}
    # ASCII only: a lone surrogate in a pointer is written as a \ud800 escape, still valid JSON.
    return json.dumps(payload, indent=2, ensure_ascii=True) + "\n"


def write_baseline(path: str, entries: Iterable[Entry]) -> None:
    """Write atomically (provlint.atomic_write): a crash never leaves a half-written baseline."""
    from provlint.atomic_write import write_text

    write_text(path, render_baseline(entries))
