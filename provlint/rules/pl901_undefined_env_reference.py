"""An ``env.NAME`` reference whose variable is not set (off by default).

Bifrost resolves ``env.NAME`` when it starts and turns an unset variable into an empty string
without a word: the provider then runs with an empty API key, proxy password or CA. This rule
checks every reference in the provider settings and keys (``"env.NAME"`` strings and the object
forms with ``ref`` or the legacy ``env_var``/``from_env``) against the environment provlint runs
in, or the ``--env-file`` it is given; a variable that is set but empty is reported too. It is
off by default because the machine that lints is rarely the one that runs Bifrost: select it
where the environment is the real one (e.g. a deploy job).

Fails::

    {"proxy_config": {"type": "http", "url": "https://proxy.internal:3128", "username": "env.PROXY_USER", "password": "env.PROXY_PASSWORD"}}

Passes::

    {"network_config": {"max_retries": 2}}
"""

from __future__ import annotations

import re
from typing import Any, Iterator, Optional

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext
from provlint.source import pointer as jp

CODE = "PL901"
NAME = "undefined-env-reference"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "set the variable where Bifrost runs (or in the --env-file), or fix the reference's name"
# The machine that runs provlint is rarely the one that runs Bifrost: a team asks for this rule
# where the environment is the real one.
DEFAULT_ENABLED = False

_ENV_REFERENCE = re.compile(r"^env\.([A-Za-z_][A-Za-z0-9_]*)$")
_BARE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def check(ctx: RuleContext) -> Iterator[Finding]:
    environment = ctx.environment
    for provider in ctx.providers:
        for path, name in _references(provider.settings, ()):
            value = environment.get(name)
            if value is None:
                yield Finding(
                    jp.join(provider.pointer, *path),
                    f"`env.{name}` refers to the environment variable {name}, which is not set: "
                    f"Bifrost would use an empty string; set {name} where Bifrost runs",
                )
            elif value == "":
                yield Finding(
                    jp.join(provider.pointer, *path),
                    f"`env.{name}` refers to the environment variable {name}, which is set but "
                    f"empty: Bifrost would use an empty string; give {name} a value",
                )


def _references(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    """(path from ``value``, variable name) of every env reference under ``value``, in document
    order. A path, not a pointer: only a reference that makes a finding has one joined (most
    are set, and a pointer per node was most of this rule's time). Iterative: a stack of what
    is still to read (a node, or a reference already found), not a generator per level."""
    pending: list[tuple[bool, Any, tuple]] = [(False, value, path)]  # (found?, node or name, path)
    while pending:
        found, value, path = pending.pop()
        if found:
            yield path, value
        elif isinstance(value, str):
            name = _env_name(value)
            if name:
                yield path, name
        elif isinstance(value, list):
            pending.extend(reversed([(False, item, (*path, index)) for index, item in enumerate(value) if _may_refer(item)]))
        elif isinstance(value, dict):
            named = _object_reference(value)
            later = []
            for key, item in value.items():
                if named is not None and key == named[0]:
                    later.append((True, named[1], (*path, key)))
                elif named is not None and key in ("value", "ref", "env_var"):
                    continue  # the same reference again (e.g. legacy {"value": "env.X", "env_var": "env.X"})
                elif _may_refer(item):
                    later.append((False, item, (*path, key)))
            pending.extend(reversed(later))


def _may_refer(value: Any) -> bool:
    """Whether ``value`` is or may hold a reference (a scalar that is not one is skipped)."""
    return isinstance(value, (dict, list)) or (isinstance(value, str) and value.startswith("env."))


def _object_reference(value: dict) -> Optional[tuple[str, str]]:
    """The member holding a secret object's env reference and the variable's name, if any."""
    ref = value.get("ref")
    if isinstance(ref, str) and _env_name(ref):
        return "ref", _env_name(ref)
    env_var = value.get("env_var")
    if isinstance(env_var, str):
        name = _env_name(env_var)
        if name is None and value.get("from_env") is True and _BARE_NAME.match(env_var):
            name = env_var  # legacy form: Bifrost adds the env. prefix
        if name:
            return "env_var", name
    return None


def _env_name(text: str) -> Optional[str]:
    match = _ENV_REFERENCE.match(text)
    return match.group(1) if match else None
