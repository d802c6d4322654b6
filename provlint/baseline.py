"""A baseline: findings a team accepts for now, keyed so that reformatting keeps them matched.

An entry is (rule, path, JSON Pointer, fingerprint of the offending value); never a line
number, so re-indenting a file or reordering its keys does not make old findings new. The
fingerprint is a truncated SHA-256 over the rule, pointer and the value's canonical JSON, so the
file holds no secret, only enough to notice that the value changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Any, Iterable

from provlint.findings import Diagnostic
from provlint.source import pointer as jp

BASELINE_VERSION = 1
_FINGERPRINT_LENGTH = 16


class BaselineError(ValueError):
    """A baseline file that cannot be read or has the wrong shape."""


# A secret's fingerprint goes through a slow key-derivation function, so a leaked baseline does
# not make guessing a weak password cheap; other values need no such care.
_SECRET_ROUNDS = 200_000


def fingerprint(rule: str, pointer: str, value: Any, *, secret: bool = False) -> str:
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    material = f"{rule}\x00{pointer}\x00{canonical}".encode("utf-8")
    if secret:
        digest = hashlib.pbkdf2_hmac("sha256", material, f"provlint:{rule}:{pointer}".encode(), _SECRET_ROUNDS).hex()
    else:
        digest = hashlib.sha256(material).hexdigest()
    return digest[:_FINGERPRINT_LENGTH]


def normalise_path(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


@dataclass(frozen=True)
class Entry:
    rule: str
    path: str
    pointer: str
    fingerprint: str

    def as_json(self) -> dict:
        return {"rule": self.rule, "path": self.path, "pointer": self.pointer, "fingerprint": self.fingerprint}


def entry_for(diagnostic: Diagnostic, data: Any) -> Entry:
    value = jp.resolve(data, diagnostic.pointer)
    print_ = fingerprint(diagnostic.code, diagnostic.pointer, value, secret=diagnostic.secret)
    return Entry(diagnostic.code, normalise_path(diagnostic.path), diagnostic.pointer, print_)


@dataclass
class Baseline:
    path: str
    entries: list[Entry]
    used: set[int] = field(default_factory=set)

    def match(self, entry: Entry) -> bool:
        for index, known in enumerate(self.entries):
            if known == entry and index not in self.used:
                self.used.add(index)
                return True
        return False

    def stale(self) -> list[tuple[int, Entry]]:
        return [(i, e) for i, e in enumerate(self.entries) if i not in self.used]


def read_baseline(path: str) -> Baseline:
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read().decode("utf-8"))
        entries = [Entry(e["rule"], e["path"], e["pointer"], e["fingerprint"]) for e in data["findings"]]
        if data.get("version") != BASELINE_VERSION:
            raise BaselineError(f"{path}: unsupported baseline version {data.get('version')!r}")
    except BaselineError:
        raise
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path} is not a provlint baseline file ({type(exc).__name__}: {exc})") from None
    return Baseline(path, entries)


def render_baseline(entries: Iterable[Entry]) -> str:
    ordered = sorted(entries, key=lambda e: (e.path, e.pointer, e.rule, e.fingerprint))
    payload = {"version": BASELINE_VERSION, "tool": "provlint", "findings": [e.as_json() for e in ordered]}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: str, entries: Iterable[Entry]) -> None:
    """Write atomically: a crash never leaves a half-written baseline behind."""
    text = render_baseline(entries)
    temporary = f"{path}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)
