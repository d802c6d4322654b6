"""A proxy username or password written into the file instead of referenced.

A literal credential ends up in git history, in CI logs and in every copy of the file. Use an
``env.NAME`` reference, which Bifrost resolves from the environment when it starts.

Fails::

    {"proxy_config": {"type": "http", "url": "https://proxy.internal:3128", "username": "svc", "password": "hunter2"}}

Passes::

    {"proxy_config": {"type": "http", "url": "https://proxy.internal:3128", "username": "env.PROXY_USER", "password": "env.PROXY_PASSWORD"}}
"""

from __future__ import annotations

from provlint.findings import Finding, FixIntent, ReplaceValue, Severity
from provlint.rules.context import RuleContext
from provlint.rules.secrets import literal_text
from provlint.secrets.names import secret_fields_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL302"
NAME = "plaintext-proxy-credentials"
SEVERITY = Severity.ERROR
TAGS = ("security",)
SECURITY_SEVERITY = 8.0
FIX = "replace the literal with an env.NAME reference and set the variable where Bifrost runs"
PROXY_SECTION = "proxy_config"  # the catalog's secret_fields entry: username, password
FIXABLE = 'replaces the literal with "env.PROXY_<FIELD>" (unsafe: that variable must then be set where Bifrost runs)'


def check(ctx: RuleContext) -> Iterator[Finding]:
    for provider, proxy in ctx.providers_with(PROXY_SECTION):
        for field in secret_fields_of(ctx.catalog, PROXY_SECTION):
            if literal_text(proxy.get(field)) is not None:
                variable = f"PROXY_{field.upper()}"
                yield Finding(
                    provider.at("proxy_config", field),
                    f"`proxy_config.{field}` is a literal value; reference an environment "
                    f"variable instead, e.g. \"env.{variable}\"",
                    fix=f'replace the value with "env.{variable}" and set {variable} where Bifrost runs',
                    secret=True,
                    autofix=FixIntent(
                        ReplaceValue(provider.at("proxy_config", field), f"env.{variable}"),
                        "unsafe",
                        f'reference "env.{variable}" instead of the literal',
                        note=f"set {variable} where Bifrost runs to the value the file held",
                    ),
                )
