"""The YAML 1.2 core schema as provlint reads scalars, whatever a file's ``%YAML`` directive
says, and the plain scalars a YAML 1.1 reader would take otherwise (PL004)."""

from __future__ import annotations

import math
import re

from provlint.source.text import max_int_digits
from provlint.source.yaml_errors import quoted_excerpt, short_tag, shown_tag

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class ScalarError(ValueError):
    """A scalar the core schema cannot read as its tag says."""


YAML_TAG = "tag:yaml.org,2002:"
NULL, BOOL, INT, FLOAT, STR = (YAML_TAG + name for name in ("null", "bool", "int", "float", "str"))
MERGE, TIMESTAMP = YAML_TAG + "merge", YAML_TAG + "timestamp"
SEQ, MAP = YAML_TAG + "seq", YAML_TAG + "map"

# The YAML 1.2.2 core schema (section 10.3.2). ruamel's own 1.2 rules differ at the edges:
# they take ``0b11`` and ``1_000`` for integers (strings in the core schema) and ``.5e5``
# for a string (a float in the core schema).
CORE_PATTERNS = (
    (NULL, re.compile(r"~|null|Null|NULL|")),
    (BOOL, re.compile(r"true|True|TRUE|false|False|FALSE")),
    (INT, re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")),
    (FLOAT, re.compile(
        r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    )),
    (MERGE, re.compile(r"<<")),
)
CORE_PATTERN_OF = dict(CORE_PATTERNS)

# Plain scalars a YAML 1.1 reader takes for a boolean, an octal, a binary, an underscored or
# a base-60 number, while YAML 1.2 reads a string or a decimal; and ``0o7``, a string in
# YAML 1.1 but an octal integer in the 1.2 core schema. A superset: PL004 decides.
YAML11_DIFFERS = re.compile(
    r"(?i:y|yes|n|no|on|off)"
    r"|[-+]?0[0-9_]+"
    r"|0o[0-7]+"
    r"|[-+]?0b[01_]+"
    r"|[-+]?0x[0-9a-fA-F_]*_[0-9a-fA-F_]*|[-+]0x[0-9a-fA-F_]+"
    r"|[-+]?[1-9][0-9]*_[0-9_]*"
    r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
)


def core_tag(text: str) -> str:
    for tag, pattern in CORE_PATTERNS:
        if pattern.fullmatch(text):
            return tag
    return STR


def scalar_value(tag: str, text: str) -> Any:
    """The value of a plain or quoted scalar resolved to ``tag`` by the YAML 1.2 core schema;
    ScalarError when the text cannot be read so."""
    if tag in (STR, TIMESTAMP, MERGE):
        return text  # timestamps are not in the core schema; ``<<`` as a value is just text
    if tag not in (NULL, BOOL, INT, FLOAT):
        raise ScalarError(f"unsupported tag {shown_tag(tag)}")
    if not CORE_PATTERN_OF[tag].fullmatch(text):
        raise ScalarError(f"{quoted_excerpt(text)} cannot be read as {short_tag(tag)}")
    if tag == NULL:
        return None
    if tag == BOOL:
        return text.lower() == "true"
    if tag == INT:
        try:
            return _printable_int(_core_int(text))
        except ValueError:  # past Python's limit on digits converted (4,300 by default)
            raise ScalarError(f"the integer is too large (over {max_int_digits()} decimal digits)") from None
    return _core_float(text)


def _printable_int(value: int) -> int:
    """``value``, or ValueError when it has more decimal digits than Python converts: a hex or
    octal integer is read whatever its size, but every later str() or json.dumps of it fails."""
    limit = max_int_digits()
    if limit and value.bit_length() > 3 * limit:  # 3 bits a digit would be fewer than log2(10)
        str(value)
    return value



def _core_int(text: str) -> int:
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _core_float(text: str) -> float:
    lowered = text.lower()
    if lowered.endswith(".nan"):
        return math.nan
    if lowered.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    return float(text)
