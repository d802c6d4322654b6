"""What a YAML parse error may say about the text it could not read.

Parse errors quote the file's text only as a short excerpt: an unquoted secret that starts with
``*`` (an alias) or ``!`` (a tag), or one under an explicit tag (``password: !!int Zk7p...``),
is exactly the text the parser complains about, and the message reaches every output.
"""

from __future__ import annotations

import re

from ruamel.yaml.reader import ReaderError

# A parse error may show this much of the text it could not read: never 8 characters, so never
# a leak however secret the text was (a leak is an 8-character piece of a secret).
EXCERPT_WHOLE = 7
EXCERPT_KEEP = 4
_YAML_TAG = "tag:yaml.org,2002:"
_READABLE_TAG = re.compile(r"!![a-z][a-z/:._]*")
_TOKEN_NAME = re.compile(r"<[a-z ]+>")  # '<block mapping start>', '<stream end>'
_QUOTED_IN_MESSAGE = re.compile(r"'([^'\n]*)'")  # pairs, left to right, as ruamel writes them


def excerpt(text: str) -> str:
    """Short text whole; longer text cut to its first few characters and an ellipsis."""
    return text if len(text) <= EXCERPT_WHOLE else text[:EXCERPT_KEEP] + "\u2026"


def short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML_TAG):] if tag.startswith(_YAML_TAG) else tag


def shown_tag(tag: str) -> str:
    """A YAML-namespace tag in words (``!!python/object/apply:os.system``) whole; any other
    tag, which may be a secret written after ``!``, as an excerpt."""
    short = short_tag(tag)
    return short if _READABLE_TAG.fullmatch(short) else excerpt(short)


def quoted_excerpt(text: str) -> str:
    return repr(excerpt(text))


def excerpted(message: str) -> str:
    """ruamel's message with each long quoted piece of the file cut to an excerpt; its own
    token names (``'<block mapping start>'``) stay."""
    return _QUOTED_IN_MESSAGE.sub(
        lambda m: m.group() if _is_token_name(m.group(1)) else quoted_excerpt(m.group(1)),
        message,
    )


def _is_token_name(text: str) -> bool:
    return len(text) <= 7 or _TOKEN_NAME.fullmatch(text) is not None


def reader_message(exc: ReaderError) -> str:
    if isinstance(exc.character, int):
        return f"unacceptable character U+{exc.character:04X}: {exc.reason}"
    return f"unreadable input: {exc.reason}"
