"""A plain YAML scalar that YAML 1.1 and YAML 1.2 tools read as different values.

YAML 1.1 (PyYAML, Go's yaml.v2, many config generators) reads ``on``, ``off``, ``yes``,
``no``, ``y`` and ``n`` as booleans, numbers with a leading zero (``0755``) as octal and
``12:30`` as the base-60 number 750, and also reads ``1_000``, ``0b101`` and ``0x1_F`` as
numbers but ``0o7`` as text; YAML 1.2 (provlint, ruamel.yaml, yaml.v3) reads the strings
``"on"``, ``"12:30"``, ``"1_000"`` and ``"0b101"``, the decimal 755 and the octal ``0o7`` (7). Whatever converts the YAML into
Bifrost's config.json may be either kind, so the same file can configure two different
things. Only YAML documents are checked; keys count too (``on:`` is the key true in 1.1).
Quote the scalar, or write the value in a form both versions read alike (``true``, ``493``).

Fails (yaml)::

    network_config:
      insecure_skip_verify: off

Passes (yaml)::

    network_config:
      insecure_skip_verify: false
"""

from __future__ import annotations

import re

from provlint.findings import Finding, Severity
from provlint.patterns import lazy
from provlint.rules.context import RuleContext
from provlint.source import Format

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator, Optional

CODE = "PL004"
NAME = "yaml-ambiguous-scalar"
SEVERITY = Severity.WARNING
TAGS = ("correctness",)
FIX = "quote the scalar, or write it as `true`/`false` or a plain decimal number without a leading zero"

# The YAML 1.1 type repository (yaml.org/type/bool, int, float), exact spellings only.
_YAML11_TRUE = frozenset("y Y yes Yes YES on On ON".split())
_YAML11_FALSE = frozenset("n N no No NO off Off OFF".split())
_YAML11_OCTAL = lazy(r"([-+]?)0([0-7_]+)")
_YAML11_DECIMAL = lazy(r"[-+]?(?:0|[1-9][0-9_]*)")
_YAML11_SEXAGESIMAL_INT = lazy(r"([-+]?)([1-9][0-9_]*(?::[0-5]?[0-9])+)")
_YAML11_SEXAGESIMAL_FLOAT = lazy(r"([-+]?)([0-9][0-9_]*(?::[0-5]?[0-9])+)\.([0-9_]*)")
_YAML11_BINARY = lazy(r"([-+]?)0b([01_]+)")
_YAML11_HEX = lazy(r"([-+]?)0x([0-9a-fA-F_]+)")
_YAML11_UNDERSCORED = lazy(r"([-+]?)([1-9][0-9_]*)")
# What YAML 1.2's core schema makes of the same spellings: an integer or a string.
_YAML12_INT = lazy(r"[-+]?[0-9]+")
_YAML12_OCTAL = lazy(r"0o([0-7]+)")
_YAML12_HEX = lazy(r"0x([0-9a-fA-F]+)")


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.document.format is not Format.YAML:
        return
    positions = ctx.document.positions
    ambiguous = getattr(positions, "ambiguous_scalars", None)
    if ambiguous is None:
        return
    secrets = None
    for pointer, span, text in ambiguous():
        if ctx.root and pointer != ctx.root and not pointer.startswith(ctx.root + "/"):
            continue  # outside the Bifrost part of the file
        readings = _readings(text)
        if readings is None:
            continue
        is_key = positions.key_span(pointer) == span
        if not is_key and secrets is None:  # only now: a file with nothing ambiguous never builds it
            secrets = ctx.secret_map()
        yield Finding(pointer, _message(text, readings, is_key, not is_key and secrets.holds(pointer)), span=span)


def _message(text: str, readings: tuple[str, str, str], is_key: bool, secret: bool) -> str:
    yaml11, yaml12, advice = readings
    subject = "the key" if is_key else "the value"
    if secret and not is_key:
        # Never echo what may be a secret: describe the readings without the text.
        return (
            f"{subject} here reads differently in YAML 1.1 and 1.2 (a YAML 1.1 tool takes it for "
            f"{_kind_of(yaml11)}, a YAML 1.2 tool for {_kind_of(yaml12)}); quote it so every tool "
            f"reads the same text"
        )
    if is_key:
        advice = f"quote it (`\"{text}\"`)"
    return (
        f"{subject} `{text}` reads differently in YAML 1.1 and 1.2: YAML 1.1 tools (PyYAML, Go "
        f"yaml.v2) read {yaml11}, YAML 1.2 tools (provlint, yaml.v3) {yaml12}; {advice}"
    )


def _readings(text: str) -> Optional[tuple[str, str, str]]:
    """(YAML 1.1 reading, YAML 1.2 reading, advice), or None when both read the same value."""
    quoted = f"`\"{text}\"`"
    yaml12 = _yaml12_reading(text)
    if text in _YAML11_TRUE or text in _YAML11_FALSE:
        word = "true" if text in _YAML11_TRUE else "false"
        return (
            f"the boolean {word}",
            yaml12,
            f"write `{word}` if a boolean is meant, or quote it ({quoted}) if the text is",
        )
    octal = _YAML11_OCTAL.fullmatch(text)
    if octal is not None:
        value = int(octal.group(2).replace("_", "") or "0", 8)
        value = -value if octal.group(1) == "-" else value
        if _YAML12_INT.fullmatch(text) and int(text) == value:
            return None  # `00`, `07`: the same number either way
        return (
            f"the octal number {value}",
            yaml12,
            f"write the number without leading zeros if a number is meant, or quote it ({quoted})",
        )
    if re.fullmatch(r"[-+]?0[0-9_]+", text) and not _YAML11_DECIMAL.fullmatch(text):
        # Leading zero with an 8 or 9: no YAML 1.1 number, so 1.1 keeps the text.
        if not _YAML12_INT.fullmatch(text):
            return None  # `0_9`: a string either way
        return (
            f'the string "{text}"',
            yaml12,
            f"write the number without leading zeros if a number is meant, or quote it ({quoted})",
        )
    if _YAML12_OCTAL.fullmatch(text):
        # No `0o` in YAML 1.1: the text stays a string there.
        return (
            f'the string "{text}"',
            yaml12,
            f"write `{_yaml12_int(text)}` if a number is meant, or quote it ({quoted}) if the text is",
        )
    for pattern, kind, base in (
        (_YAML11_BINARY, "binary ", 2), (_YAML11_HEX, "hexadecimal ", 16), (_YAML11_UNDERSCORED, "", 10),
    ):
        number = pattern.fullmatch(text)
        if number is None:
            continue
        try:
            value = int(number.group(2).replace("_", "") or "0", base)
        except ValueError:  # past Python's limit on digits converted
            return ("a number", yaml12, f"quote it ({quoted})")
        value = -value if number.group(1) == "-" else value
        if _yaml12_int(text) == value:
            return None  # `0x1F`: the same number either way
        return (
            f"the {kind}number {value}",
            yaml12,
            f"write `{value}` if a number is meant, or quote it ({quoted}) if the text is",
        )
    sexagesimal = _YAML11_SEXAGESIMAL_INT.fullmatch(text)
    if sexagesimal is not None:
        value = _base60(sexagesimal.group(2))
        value = -value if sexagesimal.group(1) == "-" else value
        return (f"the base-60 number {value}", yaml12, f"quote it ({quoted})")
    sexagesimal = _YAML11_SEXAGESIMAL_FLOAT.fullmatch(text)
    if sexagesimal is not None:
        fraction = sexagesimal.group(3).replace("_", "")
        value = _base60(sexagesimal.group(2)) + (float("0." + fraction) if fraction else 0.0)
        value = -value if sexagesimal.group(1) == "-" else value
        return (f"the base-60 number {value:g}", yaml12, f"quote it ({quoted})")
    return None


def _kind_of(reading: str) -> str:
    """A reading without its value: "the boolean true" -> "a boolean"."""
    for prefix, kind in (
        ("the boolean", "a boolean"), ("the string", "a string"),
        ("the octal", "an octal number"), ("the base-60", "a base-60 number"),
        ("the binary", "a binary number"), ("the hexadecimal", "a hexadecimal number"),
    ):
        if reading.startswith(prefix):
            return kind
    return "a decimal number"


def _yaml12_reading(text: str) -> str:
    value = _yaml12_int(text)
    if value is not None:
        return f"the number {value}"
    return f'the string "{text}"'


def _yaml12_int(text: str) -> Optional[int]:
    """The integer the YAML 1.2 core schema reads, or None when it reads something else."""
    if _YAML12_INT.fullmatch(text):
        return int(text)
    octal = _YAML12_OCTAL.fullmatch(text)
    if octal is not None:
        return int(octal.group(1), 8)
    hexadecimal = _YAML12_HEX.fullmatch(text)
    if hexadecimal is not None:
        return int(hexadecimal.group(1), 16)
    return None


def _base60(text: str) -> int:
    value = 0
    for part in text.replace("_", "").split(":"):
        value = value * 60 + int(part)
    return value

