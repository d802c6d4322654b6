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

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL901"
NAME = "undefined-env-reference"
SEVERITY = Severity.ERROR
TAGS = ("correctness",)
FIX = "set the variable where Bifrost runs (or in the --env-file), or fix the reference's name"
# The machine that runs provlint is rarely the one that runs Bifrost: a team asks for this rule
# where the environment is the real one.
DEFAULT_ENABLED = False


def check(ctx: RuleContext) -> Iterator[Finding]:
    environment = ctx.environment
    names = ctx.env_names_in_text
    if names is not None and all(environment.get(name) for name in names):
        return  # every name the text could refer to is set and not empty: no walk needed
    for reference in ctx.env_references:
        name = reference.name
        value = environment.get(name)
        if value is None:
            yield Finding(
                reference.pointer,
                f"`env.{name}` refers to the environment variable {name}, which is not set: "
                f"Bifrost would use an empty string; set {name} where Bifrost runs",
            )
        elif value == "":
            yield Finding(
                reference.pointer,
                f"`env.{name}` refers to the environment variable {name}, which is set but "
                f"empty: Bifrost would use an empty string; give {name} a value",
            )
