"""RFC 6901 JSON Pointers."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, Union

    Token = Union[str, int]


def escape(token: Token) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens: Token) -> str:
    # Called for nearly every member a rule looks at: no generator, and most tokens need no escape.
    for token in tokens:
        text = str(token)
        if "~" in text or "/" in text:
            text = escape(text)
        pointer = pointer + "/" + text
    return pointer


def from_parts(parts: Iterable[Token]) -> str:
    return join("", *parts)


def split(pointer: str) -> list[str]:
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON Pointer: {pointer!r}")
    return [unescape(t) for t in pointer[1:].split("/")]


def parent(pointer: str) -> str:
    return pointer[: pointer.rfind("/")] if pointer else ""


def last(pointer: str) -> str:
    return unescape(pointer[pointer.rfind("/") + 1 :]) if pointer else ""


def resolve(data: Any, pointer: str) -> Any:
    """The value at ``pointer`` in plain parsed data, or None when there is none."""
    node = data
    for token in split(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node
