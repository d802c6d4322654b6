"""Secrets found in raw text, without parsing it: what the net catches where no parsed data
exists (a file that does not parse), or where the data lost a value (a duplicate key).

Every scan here is linear in the text: candidates are found with plain substring search or
regexes without nested repetition, and every look around a candidate is bounded.
"""

from __future__ import annotations

from provlint.patterns import lazy
from provlint.redaction import is_redacted
from provlint.secrets.names import NamePolicy, name_policy
from provlint.secrets.shape import credential_words

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Iterator

Range = tuple[int, int]  # character offsets, end exclusive

MAX_KEY = 100  # longest member name looked at
MAX_VALUE = 65536  # longest value masked as one piece; past it the value's own lines are masked
# A member's colon: followed by a blank, a quote, a bracket or the end of a line (not `https:`).
_MEMBER_COLON = lazy(r":(?=[ \t\r\n\"'{\[]|\Z)")
_KEY_END = " \t\r\n{},[\"'"
_NOT_A_SECRET = frozenset({"", "true", "false", "null", "~", "True", "False", "TRUE", "FALSE", "Null", "NULL"})


def lexical_ranges(text: str, known_names: Iterable[str] = (), names: "NamePolicy | None" = None) -> list[Range]:
    """Where credential-like members' values, URL user-info and credential-shaped tokens stand."""
    known = frozenset(known_names)
    ranges = list(_member_values(text, known, names or name_policy(known)))
    ranges.extend(_url_userinfo(text))
    ranges.extend(credential_words(text))
    return ranges


def is_reference_text(value: str) -> bool:
    """A reference, a redaction placeholder, a boolean or null: text that is not a secret."""
    value = value.strip().strip("\"'").strip()
    return value in _NOT_A_SECRET or value.startswith(("env.", "vault.")) or is_redacted(value)


def _member_values(text: str, known: frozenset, names: NamePolicy) -> Iterator[Range]:
    covered = 0  # members inside a value already masked are skipped: each text part is read once
    for colon in _MEMBER_COLON.finditer(text):
        if colon.start() < covered:
            continue
        key, key_start = _key_before(text, colon.start())
        if key is None or not (key in known or names.is_credential(key)):
            continue
        found = _value_after(text, colon.end(), key_start)
        if found is not None and not is_reference_text(text[found[0]:found[1]]):
            covered = found[1]
            yield found


def _key_before(text: str, colon: int) -> tuple:
    end = colon
    while end > 0 and text[end - 1] in " \t" and colon - end < 20:
        end -= 1
    if end == 0:
        return None, 0
    if text[end - 1] in "\"'":
        quote = text[end - 1]
        start = text.rfind(quote, max(0, end - 1 - MAX_KEY), end - 1)
        if start == -1:
            return None, 0
        return text[start + 1:end - 1], start
    window_start = max(0, end - MAX_KEY)
    start = max(text.rfind(c, window_start, end) for c in _KEY_END) + 1
    if start <= window_start and window_start > 0:
        return None, 0  # longer than any member name
    key = text[max(start, window_start):end]
    return (key, start) if key else (None, 0)


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _indent(text: str, line_start: int) -> int:
    end = line_start
    while end < len(text) and text[end] == " ":
        end += 1
    return end - line_start


def _value_after(text: str, start: int, key_start: int) -> "Range | None":
    line_start = _line_start(text, key_start)
    indent = _indent(text, line_start)
    in_flow = any(c in text[line_start:key_start] for c in "{[,")
    i = start
    while i < len(text) and text[i] in " \t":
        i += 1
    line_end = _line_end(text, i)
    if i >= len(text) or text[i] in "\r\n#":
        # The value starts on a later line: a quoted scalar there, or an indented block.
        j = i
        while j < len(text) and text[j] in " \t\r\n":
            j += 1
        if j < len(text) and text[j] in "\"'":
            return _quoted(text, j)
        end = _block_end(text, line_end, indent)
        if end > line_end:
            return (line_end, end)
        return _bare_line(text, j)
    if text[i] in "\"'":
        return _quoted(text, i)
    if text[i] in "|>":
        end = _block_end(text, line_end, indent)
        return (i, end) if end > i else None
    if text[i] in "{[":
        return (i, _flow_end(text, i))
    end = line_end
    comment = text.find(" #", i, line_end)
    if comment != -1:
        end = comment
    if in_flow:
        stops = [p for p in (text.find(c, i, end) for c in ",}]") if p != -1]
        end = min(stops, default=end)
        return (i, end)
    # A plain scalar may go on over more-indented lines.
    block = _block_end(text, line_end, indent)
    return (i, block if block > line_end else end)


def _bare_line(text: str, start: int) -> "Range | None":
    """A broken file may put a member's value on the next line, not indented under it: that
    line is the value when it is a bare scalar (no member of its own, no list item, no bracket)."""
    if start >= len(text):
        return None
    end = _line_end(text, start)
    line = text[start:end]
    if line.startswith(("- ", "#", "{", "}", "[", "]", "---", "...")) or _MEMBER_COLON.search(line):
        return None
    return (start, end)


def _line_end(text: str, offset: int) -> int:
    newline = text.find("\n", offset)
    if newline == -1:
        newline = len(text)
    carriage = text.find("\r", offset, newline)  # searched no further than this line
    return newline if carriage == -1 else carriage


def _quoted(text: str, opening: int) -> Range:
    quote = text[opening]
    i = opening + 1
    limit = min(len(text), opening + MAX_VALUE)
    while i < limit:
        found = text.find(quote, i, limit)
        if found == -1:
            break
        if quote == '"' and _escaped(text, found, opening):
            i = found + 1
            continue
        if quote == "'" and text[found + 1:found + 2] == "'":
            i = found + 2
            continue
        return (opening, found + 1)
    # Unterminated: a parser reads everything after it as the string, so all of it is masked.
    return (opening, limit)


def _escaped(text: str, offset: int, floor: int) -> bool:
    backslashes = 0
    while offset - 1 - backslashes > floor and text[offset - 1 - backslashes] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _block_end(text: str, line_end: int, indent: int) -> int:
    """The end of the lines after ``line_end`` indented deeper than ``indent`` (blank ones too)."""
    end = line_end
    position = line_end
    limit = min(len(text), line_end + MAX_VALUE)
    while position < limit:
        next_start = position + (2 if text.startswith("\r\n", position) else 1)
        if next_start > len(text):
            break
        next_end = _line_end(text, next_start)
        line = text[next_start:next_end]
        if line.strip():
            if _indent(text, next_start) <= indent:
                break
            end = next_end
        position = next_end
    return end


def _flow_end(text: str, opening: int) -> int:
    depth = 0
    limit = min(len(text), opening + MAX_VALUE)
    for index in range(opening, limit):
        char = text[index]
        if char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return index + 1
    return limit  # unclosed: everything read is the value


def _url_userinfo(text: str) -> Iterator[Range]:
    position = text.find("://")
    while position != -1:
        start = position + 3
        window = text[start:start + 256]
        at = window.find("@")
        if at > 0 and not any(c in window[:at] for c in "/ \t\r\n\"'<>"):
            yield (start, start + at)
        position = text.find("://", start)
