"""Which member names carry a credential: the catalog's secret fields and headers, and a net for
names provlint does not know (a misspelt field, a credential word in any letter case).

The catalog says what Bifrost reads as a secret; the net is deliberately wider, because it only
decides what is masked in output, never what is reported.
"""

from __future__ import annotations

from functools import lru_cache

from provlint.catalog import Catalog
from provlint.patterns import lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable

# Words that make a name a credential's name wherever they stand in it (``DB_PASSWORD``,
# ``refreshToken``, ``X-Client-Secret``). Plurals are left out on purpose: ``max_tokens`` is
# a number, not a token.
CREDENTIAL_WORDS = frozenset({
    "password", "passwd", "passphrase", "pwd", "secret", "token", "apikey", "credential",
    "credentials", "authorization", "cookie", "privatekey", "accesskey", "secretkey", "bearer",
})
# A name whose last word is one of these names a key (``api_key``, ``x-api-key``, ``AccessKey``).
KEY_WORDS = frozenset({"key"})

# Answers a policy keeps, at most: a long run over many files meets few distinct names, but
# memory stays bounded whatever the files hold.
MAX_ANSWERS = 65536
_SPLIT = lazy(r"[^A-Za-z0-9]+")
_CAMEL = lazy(r"(?<=[a-z0-9])(?=[A-Z])")
_HEADER_PARTS = lazy(r"[-_\s.]+")


def words(name: str) -> list[str]:
    """``X-Api_Key``, ``apiKey`` and ``API KEY`` all give ``["x"?, "api", "key"]`` in lower case."""
    return [w.lower() for part in _SPLIT.split(name[:200]) for w in _CAMEL.split(part) if w]


@lru_cache(maxsize=None)
def catalog_secret_fields(catalog: Catalog) -> frozenset[str]:
    """Every field name the catalog lists as a secret, whatever section holds it."""
    return frozenset(n for names in catalog.secret_fields.values() for n in names)


def secret_fields_of(catalog: Catalog, section: str) -> tuple[str, ...]:
    """The catalog's secret fields of one section (``key``, ``proxy_config``, ...)."""
    return tuple(catalog.secret_fields.get(section, ()))


def normalized_header(name: str) -> str:
    """``X_Api_Key `` -> ``x-api-key``: lower case, parts joined by ``-``."""
    return "-".join(part for part in _HEADER_PARTS.split(name.strip().lower()) if part)


class HeaderPolicy:
    """The catalog's credential headers, normalised once (a file may set thousands of headers)."""

    def __init__(self, catalog: Catalog) -> None:
        self.names = frozenset(normalized_header(h) for h in catalog.secret_header_names)
        self.words = frozenset(w.lower() for w in catalog.secret_header_words)
        self.exempt = frozenset(normalized_header(h) for h in catalog.non_secret_headers)
        # (is_exempt, is_credential) per name: a run's files repeat their header names.
        self._answers: dict[str, tuple[bool, bool]] = {}

    def __getstate__(self) -> dict:
        """Sent to another process (with a map's header lists) without the answers it keeps."""
        return {**self.__dict__, "_answers": {}}

    def is_exempt(self, name: str) -> bool:
        """One of the catalog's ``non_secret_headers`` (``Idempotency-Key``, ``Sec-WebSocket-Key``)."""
        return self._judged(name)[0]

    def is_credential(self, name: str) -> bool:
        """A known credential header, or one whose last part is a credential word (``*-token``);
        the catalog's ``non_secret_headers`` (``Idempotency-Key``) are not."""
        return self._judged(name)[1]

    def _judged(self, name: str) -> tuple[bool, bool]:
        answer = self._answers.get(name)
        if answer is None:
            if len(self._answers) >= MAX_ANSWERS:
                self._answers.clear()
            normalized = normalized_header(name)
            exempt = normalized in self.exempt
            credential = bool(normalized) and not exempt and (
                normalized in self.names or normalized.rsplit("-", 1)[-1] in self.words)
            answer = self._answers[name] = (exempt, credential)
        return answer


@lru_cache(maxsize=None)
def header_policy(catalog: Catalog) -> HeaderPolicy:
    """The catalog's header policy, made once per line (a catalog is one object per line)."""
    return HeaderPolicy(catalog)


def is_credential_header(name: str, catalog: Catalog) -> bool:
    return header_policy(catalog).is_credential(name)


class NamePolicy:
    """The net for member names: a credential word in the name, a name ending in ``key``, or a
    name one typing slip away from a known secret field or credential word (``pasword``,
    ``valeu``). Answers are kept per name: a document repeats its names."""

    def __init__(self, known: Iterable[str] = ()) -> None:
        targets = set(CREDENTIAL_WORDS) | {"".join(words(k)) for k in known}
        self._by_length: dict[int, tuple[str, ...]] = {}  # a slip changes the length by one at most
        for length in {len(t) + d for t in targets for d in (-1, 0, 1)}:
            self._by_length[length] = tuple(sorted(t for t in targets if abs(len(t) - length) <= 1))
        self._answers: dict[str, bool] = {}

    def is_credential(self, name: Any) -> bool:
        if not isinstance(name, str):
            return False
        answer = self._answers.get(name)
        if answer is None:
            if len(self._answers) >= MAX_ANSWERS:
                self._answers.clear()
            answer = self._answers[name] = self._judge(name)
        return answer

    def _judge(self, name: str) -> bool:
        parts = words(name)
        if not parts:
            return False
        joined = "".join(parts)
        if any(p in CREDENTIAL_WORDS for p in parts) or joined in CREDENTIAL_WORDS or parts[-1] in KEY_WORDS:
            return True
        # One slip keeps the first or the last letter of a 5+ letter word: a cheap test first.
        return any(
            (candidate[0] == target[0] or candidate[-1] == target[-1]) and _near(candidate, target)
            for candidate in {joined, *parts}
            for target in self._by_length.get(len(candidate), ())
        )


@lru_cache(maxsize=16)
def name_policy(known: frozenset[str]) -> NamePolicy:
    """The policy for one set of known secret fields, shared by every document of a run (its
    answers are a pure function of the name): a run of many files judges each name once."""
    return NamePolicy(known)


def looks_like_credential_name(name: Any, known: Iterable[str] = ()) -> bool:
    return name_policy(frozenset(known)).is_credential(name)


def _near(word: str, target: str) -> bool:
    """One typing slip: a swap or a wrong letter for names of 5+ letters; a missing or extra
    letter too for names of 7+ letters (``tokens`` is not ``token``, ``pasword`` is ``password``)."""
    if word == target or len(target) < 5 or abs(len(word) - len(target)) > 1:
        return False
    if len(word) != len(target) and len(target) < 7:
        return False
    return _distance_at_most_one(word, target)


def _distance_at_most_one(a: str, b: str) -> bool:
    """Optimal-string-alignment distance <= 1, in one pass."""
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diffs) <= 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]
