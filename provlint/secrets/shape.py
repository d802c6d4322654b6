"""Values that look like a credential whatever key holds them, judged as secret scanners do:
a known vendor prefix, a private key block, or a long, mixed, high-entropy token.

Deliberately narrow on its own (model names, hashes, UUIDs and host names stay readable); a
value under a credential-like name is masked whatever its shape.
"""

from __future__ import annotations

import math
from collections import Counter

from provlint.patterns import lazy

# Vendor prefixes (OpenAI, Anthropic, AWS access key ids, GitHub, Slack, GitLab, Google,
# Hugging Face, Stripe); each needs a body long enough to be a real key, not a word.
_PREFIXED = lazy(
    r"(?:sk|rk|pk)[-_](?:live|test|proj|ant|or)?[-_]?[A-Za-z0-9_\-]{8,}"
    r"|(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{12,}"
    r"|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}"
    r"|xox[abposr]-[A-Za-z0-9-]{10,}"
    r"|glpat-[A-Za-z0-9_\-]{16,}"
    r"|AIza[A-Za-z0-9_\-]{30,}"
    r"|hf_[A-Za-z0-9]{20,}"
)
PRIVATE_KEY = lazy(r"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----")
# The characters of a token (base64, base64url, hex, JWT dots); anything else ends the token.
_TOKEN = lazy(r"[A-Za-z0-9+/=_\-.~]{20,}")
_DIGIT = lazy(r"[0-9]")
TOKEN_LENGTH = 20
ENTROPY_BITS = 3.5  # per character; English words and model names stay below this


def looks_like_credential(text: str) -> bool:
    """Whether one value, as a whole, looks like a credential."""
    text = text.strip()
    if len(text) < 8 or len(text) > 16384:
        return False
    if PRIVATE_KEY.search(text) or _PREFIXED.fullmatch(text):
        return True
    return any(c.isspace() for c in text) is False and _is_random_token(text)


def credential_words(text: str):
    """(start, end) of each token in free text that looks like a credential; linear time."""
    for match in _TOKEN.finditer(text):
        token = match.group().strip(".-_~")
        if _PREFIXED.fullmatch(token) or _is_random_token(token):
            offset = match.start() + match.group().find(token)
            yield offset, offset + len(token)
    for match in _PREFIXED.finditer(text):
        yield match.start(), match.end()


def _is_random_token(token: str) -> bool:
    """Long, upper and lower case and digits, and close to random (Shannon entropy)."""
    if len(token) < TOKEN_LENGTH or not _TOKEN.fullmatch(token) or "://" in token:
        return False
    # The token is ASCII (_TOKEN): a case change tells upper and lower case letters apart.
    has_upper = token.lower() != token
    has_lower = token.upper() != token
    has_digit = _DIGIT.search(token) is not None
    return has_upper and has_lower and has_digit and entropy(token) >= ENTROPY_BITS


def entropy(text: str) -> float:
    """Shannon entropy in bits per character."""
    if not text:
        return 0.0
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())
