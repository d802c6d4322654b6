"""PL601: a config_hash that does not match the settings it sits beside."""

import hashlib

import pytest

from provlint.engine import LintOptions, lint_bytes
from provlint.rules import find_rule
from provlint.selection import enabled_rules
from provlint.source.document import DocumentKind
from tests.conftest import lint

RULE = find_rule("PL601")
EMPTY_OPENAI = hashlib.sha256(b"openai").hexdigest()
PROXY = '"proxy_config": {"type": "http", "url": "https://proxy.internal:3128", "password": "env.PROXY_PASSWORD"}'


def pl601(text, target="2.0", environment=None, path="response.json", kind=None):
    options = LintOptions(target_version=target, rules=(RULE,), environment=environment or {}, kind=kind)
    return lint_bytes(text.encode(), path, options=options).diagnostics


def response(config_hash, settings=""):
    return f'{{"name": "openai", "provider_status": "active", {settings}"config_hash": "{config_hash}"}}\n'


def test_on_by_default_as_an_error():
    assert RULE in enabled_rules(None) and RULE.severity.value == "error"


def test_fires_on_a_provider_response_with_a_wrong_hash_and_gives_the_expected_one():
    [found] = pl601(response("0" * 64))
    assert found.pointer == "/config_hash" and (found.line, found.column) == (1, 64)
    assert found.message == (
        "`config_hash` does not match the settings beside it: Bifrost 2.0's algorithm gives "
        f"`{EMPTY_OPENAI}`"
    )
    assert found.fix == f"set `config_hash` to `{EMPTY_OPENAI}`, or remove it"


def test_silent_on_the_right_hash():
    assert pl601(response(EMPTY_OPENAI)) == []
    loadtest = '"network_config": {"base_url": "http://localhost:8000"}, '
    assert pl601(response("f26b7c56ea5d94d9b5ade026d25afc9dceea51aa530155ea53510b0e5ae27700", loadtest)) == []
    [found] = pl601(response(EMPTY_OPENAI, loadtest))
    assert "f26b7c56ea5d94d9b5ade026d25afc9dceea51aa530155ea53510b0e5ae27700" in found.message


def test_config_file_entries_are_checked_under_their_id():
    text = (
        '{"providers": {"OpenAI": {"keys": [], "config_hash": "%s"}, "anthropic": {"config_hash": "%s"}}}'
        % (EMPTY_OPENAI, EMPTY_OPENAI)
    )
    [found] = pl601(text, path="config.json")
    assert found.pointer == "/providers/anthropic/config_hash"
    assert hashlib.sha256(b"anthropic").hexdigest() in found.message


def test_env_dependent_hash_uses_this_environment_and_is_silent_without_it():
    settings = PROXY + ", "
    assert pl601(response("0" * 64, settings)) == []  # PROXY_PASSWORD unset here: no guess
    [found] = pl601(response("0" * 64, settings), environment={"PROXY_PASSWORD": "pw"})
    assert found.message.endswith("with PROXY_PASSWORD as set in this environment (see PL602)")
    assert "pw" not in found.message.replace("PROXY_PASSWORD", "")


def test_redacted_secrets_are_not_compared():
    redacted = '"proxy_config": {"type": "http", "url": "http****************************3128", "password": "<REDACTED>"}, '
    assert pl601(response("0" * 64, redacted)) == []


def test_settings_bifrost_could_not_load_are_left_to_other_rules():
    assert pl601(response("0" * 64, '"network_config": {"max_retries": "3"}, ')) == []


def test_request_bodies_are_left_to_pl103():
    assert pl601('{"provider": "openai", "config_hash": "abc"}', path="add.json") == []
    update = DocumentKind.UPDATE_PROVIDER
    assert pl601('{"network_config": {}, "config_hash": "abc"}', path="update.json", kind=update) == []


@pytest.mark.parametrize("value", ["7d3194f79e645c42", EMPTY_OPENAI.upper(), "sha256:" + EMPTY_OPENAI, " " + EMPTY_OPENAI])
def test_under_1_5_a_value_that_is_no_sha256_digest_fires(value):
    [found] = pl601(response(value), target="1.5")
    assert "not a SHA-256 digest in lower-case hex" in found.message


def test_under_1_5_a_well_formed_value_is_not_guessed_at():
    assert pl601(response("0" * 64), target="1.5") == []
    assert pl601(response(EMPTY_OPENAI), target="1.5") == []


def test_under_2_0_a_malformed_value_gets_the_expected_one_too():
    [found] = pl601(response("abc"))
    assert EMPTY_OPENAI in found.message


def test_empty_or_non_string_values_are_other_rules_business():
    assert pl601(response("")) == []
    assert pl601('{"name": "openai", "config_hash": 5}') == []


def test_through_the_default_rule_set():
    found = [d for d in lint(response("7d3194f7"), path="response.json") if d.code == "PL601"]
    assert len(found) == 1


def test_in_a_config_file_only_a_known_mismatch_is_reported():
    # There config_hash is read-only and PL103 asks to remove it; a malformed value adds nothing.
    text = '{"providers": {"openai": {"config_hash": "abc"}}}'
    assert pl601(text, target="1.5", path="config.json") == []
    [found] = pl601(text, target="2.0", path="config.json")
    assert EMPTY_OPENAI in found.message
