"""Where a provider's settings refer to environment variables: the one walk that finds them.

Bifrost resolves ``"env.NAME"`` strings and the secret object forms ``{"ref": "env.NAME"}`` and
the legacy ``{"env_var": "env.NAME"}`` / ``{"env_var": "NAME", "from_env": true}``. One object
is one reference, however many of its members repeat it (``{"value": "env.X", "env_var":
"env.X"}``). ``RuleContext.env_references`` holds the result for every rule that asks.
"""

from __future__ import annotations

from provlint.patterns import lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

_ENV_REFERENCE = lazy(r"^env\.([A-Za-z_][A-Za-z0-9_]*)$")
_BARE_NAME = lazy(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Members of a secret object that repeat its reference once another member holds it.
_REPEATS = ("value", "ref", "env_var")


def reference_paths(settings: Any) -> list[tuple[tuple, str]]:
    """(path from ``settings``, variable name) of every env reference under ``settings``, in
    document order. Paths, not pointers: a pointer is joined only for a reference a rule reports."""
    found: list[tuple[tuple, str]] = []
    if isinstance(settings, str):
        name = env_name(settings)
        if name:
            found.append(((), name))
    elif isinstance(settings, (dict, list)):
        _collect(settings, (), found)
    return found


def _collect(container: Any, path: tuple, found: list) -> None:
    # A list, not nested generators: a clean document has hundreds of nodes and a handful of
    # references, and a generator chain costs its depth on every node.
    if isinstance(container, list):
        items: Any = enumerate(container)
        named = None
    else:
        items = container.items()
        named = object_reference(container)
    for key, item in items:
        if named is not None:
            if key == named[0]:
                found.append(((*path, key), named[1]))
                continue
            if key in _REPEATS:
                continue
        if isinstance(item, str):
            if item.startswith("env."):
                name = env_name(item)
                if name:
                    found.append(((*path, key), name))
        elif isinstance(item, (dict, list)):
            _collect(item, (*path, key), found)


def object_reference(value: dict) -> Optional[tuple[str, str]]:
    """The member holding a secret object's env reference and the variable's name, if any."""
    ref = value.get("ref")
    if isinstance(ref, str):
        name = env_name(ref)
        if name:
            return "ref", name
    env_var = value.get("env_var")
    if isinstance(env_var, str):
        name = env_name(env_var)
        if name is None and value.get("from_env") is True and _BARE_NAME.match(env_var):
            name = env_var  # legacy form: Bifrost adds the env. prefix
        if name:
            return "env_var", name
    return None


# One scan finds both the names and ``from_env``: a match that ends a ``from_env`` captures
# nothing (the lookbehind is tried first), and one that sits inside a NAME is in that NAME, as
# "from_" holds no "." (a second search of the text for ``from_env`` cost a quarter of this).
_NAME_IN_TEXT = lazy(r"env(?:(?<=from_env)|\.([A-Za-z_][A-Za-z0-9_]*))")


def names_in_text(text: str) -> Optional[frozenset[str]]:
    """Every NAME that ``text`` (a whole JSON or YAML document) spells as ``env.NAME``, or None.

    A superset of the names of the document's references: without a backslash, a string of the
    data stands in the text as written (JSON, and YAML's plain, quoted and block scalars), and
    a reference, being a whole scalar, starts after a delimiter, so no match can overlap it.
    None when the text has a backslash (an escape may spell a reference) or ``from_env`` (the
    legacy form names its variable without the prefix).
    """
    if "\\" in text:
        return None
    names = frozenset(_NAME_IN_TEXT.findall(text))
    if "" in names or any("from_env" in name for name in names):
        return None  # the text spells from_env
    return names


def env_name(text: str) -> Optional[str]:
    """The variable an ``env.NAME`` string names, or None."""
    match = _ENV_REFERENCE.match(text)
    return match.group(1) if match else None
