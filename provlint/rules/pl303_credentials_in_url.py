"""User credentials inside a URL (``https://user:pass@host``).

Credentials in ``proxy_config.url`` or ``network_config.base_url`` are stored, logged and
shown like any other URL. Put proxy credentials in ``username``/``password`` as ``env.NAME``
references, and provider credentials in the provider's keys.

Fails::

    {"proxy_config": {"type": "http", "url": "https://svc:hunter2@proxy.internal:3128"}}

Passes::

    {"proxy_config": {"type": "http", "url": "https://proxy.internal:3128", "username": "env.PROXY_USER", "password": "env.PROXY_PASSWORD"}}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext, block
from provlint.rules.secrets import url_has_userinfo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL303"
NAME = "credentials-in-url"
SEVERITY = Severity.ERROR
TAGS = ("security",)
SECURITY_SEVERITY = 8.0
FIX = "remove `user:password@` from the URL; put proxy credentials in `username`/`password` as env.NAME references"
URL_FIELDS = (("proxy_config", "url"), ("network_config", "base_url"))


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.text_lacks("@"):
        return  # user credentials in a URL need an "@"
    for provider in ctx.providers:
        for section, field in URL_FIELDS:
            if url_has_userinfo(block(provider.settings, section).get(field)):
                yield Finding(
                    provider.at(section, field),
                    f"`{section}.{field}` carries user credentials (`user:password@host`); "
                    f"remove them from the URL"
                    + (" and use `username`/`password` with env.NAME references" if section == "proxy_config" else ""),
                    secret=True,
                )
