"""The bytes Go's ``encoding/json`` writes, for the values Bifrost hashes.

Only what the hashed parts need: ``None``, ``bool``, ``int``, ``str``, lists, maps (``Mapping``,
keys sorted like Go sorts map keys) and structs (``GoStruct``, members in the order given).
Floats are refused: no hashed part holds one, and Go's float formatting is not worth guessing.

Strings are escaped like Go 1.22+ (HASHING.md): ``"`` and ``\\`` escaped; ``\\n \\r \\t \\b \\f``
as short escapes (older Go wrote ``\\u0008`` and ``\\u000c``); other characters below U+0020 as
``\\u00XX`` in lower-case hex; U+2028 and U+2029 always escaped, since they end lines in
JavaScript; everything else, DEL included, as raw UTF-8. With ``html_escape`` (Go's default
encoder, used by Bifrost for ``network_config`` only), ``<``, ``>`` and ``&`` become
``\\u003c``, ``\\u003e``, ``\\u0026``.

Go replaces invalid UTF-8 with U+FFFD when it encodes (and its decoder does the same with an
unpaired ``\\ud800``-style escape). A Python ``str`` is never invalid UTF-8, but it can hold a
lone surrogate (``json.loads('"\\\\ud800"')``): those become U+FFFD here, as Go would have read them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from provlint.go_strings import go_string_text
from provlint.records import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_PLAIN_TABLE = {code: f"\\u{code:04x}" for code in range(0x20)}
_PLAIN_TABLE.update({ord(char): escape for char, escape in _SHORT_ESCAPES.items()})
_PLAIN_TABLE.update({0x2028: "\\u2028", 0x2029: "\\u2029"})
_HTML_TABLE = {**_PLAIN_TABLE, ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


class GoStruct(Record):
    """A Go struct value: members written in this order, none sorted, none dropped.

    ``omitempty`` is the caller's business: leave a member out of ``members`` to omit it.
    """

    __slots__ = ("members",)

    def __init__(
        self,
        members: tuple[tuple[str, Any], ...],
    ) -> None:
        self.members = members

    @classmethod
    def of(cls, members: Iterable[tuple[str, Any]]) -> GoStruct:
        return cls(tuple(members))


def quote(text: str, *, html_escape: bool = False) -> str:
    """A JSON string literal, escaped exactly like Go's ``encoding/json``."""
    table = _HTML_TABLE if html_escape else _PLAIN_TABLE
    return '"' + go_string_text(text).translate(table) + '"'


def encode(value: Any, *, html_escape: bool = False) -> bytes:
    """Compact Go ``encoding/json`` bytes of ``value``."""
    out: list[str] = []
    _write(value, out, html_escape)
    return "".join(out).encode("utf-8")


def _map_key_order(key: str) -> bytes:
    # Go sorts map keys as strings, i.e. by their UTF-8 bytes, not by code points of UTF-16.
    return go_string_text(key).encode("utf-8")


def _write(value: Any, out: list[str], html_escape: bool) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(str(int(value)))
    elif isinstance(value, str):
        out.append(quote(value, html_escape=html_escape))
    elif isinstance(value, GoStruct):
        _write_members(value.members, out, html_escape)
    elif isinstance(value, Mapping):
        for key in value:
            if not isinstance(key, str):
                raise TypeError(f"map keys must be strings, got {type(key).__name__}")
        _write_members(sorted(value.items(), key=lambda item: _map_key_order(item[0])), out, html_escape)
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _write(item, out, html_escape)
        out.append("]")
    else:
        raise TypeError(f"cannot encode {type(value).__name__} as Go JSON")


def _write_members(members: Iterable[tuple[str, Any]], out: list[str], html_escape: bool) -> None:
    out.append("{")
    for index, (name, member) in enumerate(members):
        if index:
            out.append(",")
        out.append(quote(name, html_escape=html_escape))
        out.append(":")
        _write(member, out, html_escape)
    out.append("}")
