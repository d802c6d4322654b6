"""The rule registry: every rule module, listed explicitly, in code order.

A rule module holds CODE, NAME, SEVERITY (the default), TAGS, a docstring with a failing and a
passing example, an optional SECURITY_SEVERITY (SARIF score) and FIX hint, an optional
FIXABLE (what its automatic fix does and when it is safe: `provlint rule` shows it), an optional
SUPERSEDES (codes of more general rules whose finding at the same pointer this rule's finding
replaces: one problem, one finding), and ``check(ctx)``, a generator of Findings. It knows
nothing of severities in force, positions, suppression or which other rules are selected: the
engine does those.

Two optional declarations more:

- ``DEFAULT_ENABLED = False``: the rule runs only when a selector names it (``select``,
  ``extend-select``); say in the module why it is off by default.
- ``OPTIONS = {"max": 10}``: the rule's lint choices (thresholds and the like, which are not
  Bifrost facts and so not in the catalog), each with its default, as yamllint's rules have.
  Option names are kebab-case like every settings key; the default's type is the option's type
  (an int option accepts only integers, a float one integers too). A team sets them in
  ``[tool.provlint.rule-options.<rule name or code>]`` (validated in ``settings.py``), and the
  rule reads the values in force with ``ctx.options(CODE)["max"]``, never a constant of its own.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from types import MappingProxyType, ModuleType

from provlint.findings import Finding, Severity
from provlint.records import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Iterator, Mapping, Optional

RULE_MODULES = (
    "pl000_internal_error",
    "pl001_parse_error",
    "pl002_duplicate_key",
    "pl003_unknown_document",
    "pl004_yaml_ambiguous_scalar",
    "pl100_invalid_value",
    "pl101_unknown_field",
    "pl102_missing_field",
    "pl103_read_only_field",
    "pl104_deprecated_field",
    "pl105_keys_in_update",
    "pl201_unknown_provider",
    "pl202_custom_shadows_standard",
    "pl203_unsupported_base_provider",
    "pl204_keyless_not_allowed",
    "pl205_provider_id_case",
    "pl206_duplicate_provider",
    "pl207_unknown_request_type",
    "pl208_invalid_path_override",
    "pl209_no_requests_allowed",
    "pl301_insecure_skip_verify",
    "pl302_plaintext_proxy_credentials",
    "pl303_credentials_in_url",
    "pl304_plaintext_secret",
    "pl305_plaintext_http",
    "pl306_private_network_mismatch",
    "pl307_metadata_endpoint",
    "pl308_raw_payload_storage",
    "pl309_sensitive_extra_header",
    "pl310_invalid_ca_cert",
    "pl311_skip_verify_with_ca_cert",
    "pl312_credentials_over_plain_http",
    "pl313_expired_ca_cert",
    "pl401_backoff_order",
    "pl402_backoff_range",
    "pl403_timeout_range",
    "pl404_excessive_retries",
    "pl405_concurrency_exceeds_buffer",
    "pl406_proxy_type_mismatch",
    "pl407_custom_provider_without_base_url",
    "pl408_max_conns_clamped",
    "pl409_http2_ping_without_http2",
    "pl501_no_keys",
    "pl502_duplicate_key_name",
    "pl503_invalid_weights",
    "pl504_missing_key_config",
    "pl505_mixed_wildcard_models",
    "pl506_key_allows_no_model",
    "pl507_invalid_alias",
    "pl601_stale_config_hash",
    "pl602_hash_depends_on_environment",
    "pl901_undefined_env_reference",
    "pl902_unused_suppression",
)


class Rule(Record):
    __slots__ = ("code", "name", "severity", "tags", "doc", "check", "security_severity", "fix", "fixable",
                 "supersedes", "default_enabled", "options", "since")

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        tags: tuple[str, ...],
        doc: str,
        check: Callable[..., Iterator[Finding]],
        security_severity: Optional[float] = None,
        fix: Optional[str] = None,
        fixable: Optional[str] = None,
        supersedes: tuple[str, ...] = (),
        default_enabled: bool = True,
        options: Optional[Mapping[str, Any]] = None,  # name -> default
        since: Optional[str] = None,  # the first Bifrost line the rule applies to; None: every line
    ) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.tags = tags
        self.doc = doc
        self.check = check
        self.security_severity = security_severity
        self.fix = fix
        self.fixable = fixable
        self.supersedes = supersedes
        self.default_enabled = default_enabled
        self.options = MappingProxyType({}) if options is None else options
        self.since = since

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""


def _clean_doc(doc: str) -> str:
    # inspect.cleandoc would do, but inspect costs 4 ms of start-up on every lint run, and
    # textwrap 1 ms: the docstrings are indented with spaces, so their common indent is cut here.
    first, _, rest = doc.strip("\n").partition("\n")
    lines = rest.split("\n")
    indent = min((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), default=0)
    rest = "\n".join(line[indent:] if line.strip() else "" for line in lines)
    return (first.strip() + "\n" + rest).strip()


def _rule_from(module: ModuleType) -> Rule:
    return Rule(
        code=module.CODE,
        name=module.NAME,
        severity=module.SEVERITY,
        tags=tuple(module.TAGS),
        doc=_clean_doc(module.__doc__ or ""),
        check=module.check,
        security_severity=getattr(module, "SECURITY_SEVERITY", None),
        fix=getattr(module, "FIX", None),
        fixable=getattr(module, "FIXABLE", None),
        supersedes=tuple(getattr(module, "SUPERSEDES", ())),
        default_enabled=getattr(module, "DEFAULT_ENABLED", True),
        options=MappingProxyType(dict(getattr(module, "OPTIONS", {}))),
        since=getattr(module, "SINCE", None),
    )


@lru_cache(maxsize=None)
def all_rules() -> tuple[Rule, ...]:
    return tuple(_rule_from(importlib.import_module(f"{__name__}.{m}")) for m in RULE_MODULES)


def find_rule(code_or_name: str) -> Optional[Rule]:
    wanted = code_or_name.strip()
    index = _rule_index()
    return index.get(wanted.upper()) or index.get(wanted.lower())


@lru_cache(maxsize=None)
def _rule_index() -> dict[str, Rule]:
    # The engine asks for PL000/PL001/PL902 on every file: a look-up, not a scan.
    return {key: rule for rule in all_rules() for key in (rule.code, rule.name)}
