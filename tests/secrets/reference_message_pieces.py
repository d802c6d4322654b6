"""The first walk of ``provlint.secrets.message_pieces`` (commit 5e5f5f3), kept as the reference
the faster walk must agree with: one pass over every node, each judged as the data walk and the
net judge it, nothing remembered across documents."""

from __future__ import annotations

from typing import Any, Optional

from provlint.secrets.map import MIN_PIECE, _REFERENCE_MEMBERS, _is_literal, _pieces_of, _shaped_like_secret
from provlint.secrets.message_pieces import _LONGEST_NAME_READ, _net_pieces


def reference_pieces(secrets: Any) -> Optional[set[str]]:
    found: set[str] = set()
    read: set[str] = set()
    masked: set[str] = set()
    known = secrets._known
    stack: list[tuple[Any, bool, bool]] = [(secrets._data, False, False)]
    while stack:
        value, secret, in_headers = stack.pop()
        if type(value) is dict:
            for name, member in value.items():
                read.add(name)
                credential_name = name in known or secrets._names.is_credential(name)
                member_secret = secrets._names_secret(name, True) if in_headers else credential_name
                if secret and name not in _REFERENCE_MEMBERS:
                    member_secret = True
                if credential_name:
                    if len(name) > _LONGEST_NAME_READ:
                        return None
                    if type(member) is dict or type(member) is list:
                        if member:
                            return None
                    elif not member_secret and _is_literal(member):
                        return None
                    elif type(member) is str and member_secret and _is_literal(member):
                        found.update(_pieces_of(member))
                        masked.add(member)
                        continue
                stack.append((member, member_secret, isinstance(name, str) and "header" in name.lower()))
        elif type(value) is list:
            for item in value:
                stack.append((item, secret, False))
        elif type(value) is str:
            if _is_literal(value) if secret else _shaped_like_secret(value):
                found.update(_pieces_of(value))
            read.add(value)
        elif secret and _is_literal(value):
            return None
    for texts, members in ((read, True), (masked, False)):
        for text in texts:
            if len(text) >= MIN_PIECE:
                pieces = _net_pieces(text, known, secrets._names, members)
                if pieces is None:
                    return None  # only the net over the whole text knows
                found.update(pieces)
    return found
