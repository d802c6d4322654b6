"""Raw request and response payloads are stored or sent back to clients.

``store_raw_request_response: true`` stores every full prompt and response at rest in
Bifrost's logs store: personal data, pasted secrets and documents, kept as long as the logs.
``send_back_raw_request: true`` returns the request Bifrost sent upstream to every client,
which exposes the gateway's provider-side request (headers injected by ``extra_headers``,
parameters other tenants configured) to callers. Both are debugging aids; turn them on only
where that is intended. (``send_back_raw_response`` is not reported: RULES.md names only
these two.)

Fails::

    {"store_raw_request_response": true}

Passes::

    {"store_raw_request_response": false, "send_back_raw_request": false}
"""

from __future__ import annotations

from provlint.findings import Finding, Severity
from provlint.rules.context import RuleContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterator

CODE = "PL308"
NAME = "raw-payload-storage"
SEVERITY = Severity.WARNING
TAGS = ("security",)
SECURITY_SEVERITY = 5.0
FIX = "set the flag to false unless raw payloads are meant to be kept or returned"

FLAGS = {
    "store_raw_request_response": (
        "`store_raw_request_response: true` stores full prompts and responses at rest in the "
        "logs store; set it to false unless raw payloads are meant to be kept"
    ),
    "send_back_raw_request": (
        "`send_back_raw_request: true` returns the upstream request Bifrost sent to the "
        "provider to every client; set it to false unless clients are meant to see it"
    ),
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for provider in ctx.providers:
        for field, message in FLAGS.items():
            if provider.settings.get(field) is True:
                yield Finding(provider.at(field), message, fix=f"set `{field}` to false")
