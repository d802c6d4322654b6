import pytest

from provlint.catalog import available_versions, load_catalog
from provlint.engine import LintOptions, lint_bytes
from provlint.rules import pl201_unknown_provider
from tests.conftest import NOW, codes_at


def lint(text: str, path: str = "config.json", target_version: str = "1.5"):
    options = LintOptions(target_version=target_version, now=NOW)
    return lint_bytes(text.encode("utf-8"), path, explicit=True, options=options).diagnostics

KEYS = '"keys": [{"name": "k", "value": "env.K", "weight": 1}]'


def config(name: str, extra: str = "") -> str:
    return '{\n  "providers": {\n    "%s": {%s%s}\n  }\n}\n' % (name, KEYS, extra)


def only(diagnostics, code):
    return [d for d in diagnostics if d.code == code]


def test_typo_is_reported_at_the_key_with_a_suggestion():
    found = only(lint(config("opnai"), target_version="1.5"), "PL201")
    assert codes_at(found) == [("PL201", 3, 5)]
    assert found[0].span.end.column == 12
    assert found[0].message == "unknown provider `opnai` for Bifrost 1.5; did you mean `openai`?"
    assert found[0].pointer == "/providers/opnai"


def test_no_close_match_lists_the_known_ids():
    (found,) = only(lint(config("claude")), "PL201")
    assert "did you mean" not in found.message
    assert "known providers: openai, azure, anthropic," in found.message
    assert found.message.endswith("a custom provider needs `custom_provider_config`")


def test_provider_of_a_later_line_says_so():
    (found,) = only(lint(config("deepseek"), target_version="1.5"), "PL201")
    assert found.message == (
        "unknown provider `deepseek` for Bifrost 1.5: it is a provider of Bifrost 2.0 and later; set "
        "target-version to the one you run, or add `custom_provider_config` to make it a custom provider"
    )


# (id, target line, the other lines the message names) for every shipped line: ids that arrive
# in 2.0 (deepseek), 2.1 (databricks, github-copilot) and 2.2 (typesafe).
LINE_CASES = [
    ("deepseek", "1.5", "2.0 and later"),
    ("databricks", "1.5", "2.1 and later"),
    ("databricks", "2.0", "2.1 and later"),
    ("github-copilot", "2.0", "2.1 and later"),
    ("typesafe", "1.5", "2.2 and later"),
    ("typesafe", "2.0", "2.2 and later"),
    ("typesafe", "2.1", "2.2 and later"),
]


@pytest.mark.parametrize("name, line, phrase", LINE_CASES)
def test_an_id_of_later_lines_names_them_under_each_line(name, line, phrase):
    found = only(lint(config(name), target_version=line), "PL201")
    assert codes_at(found) == [("PL201", 3, 5)] and found[0].pointer == f"/providers/{name}"
    assert found[0].message.startswith(f"unknown provider `{name}` for Bifrost {line}: it is a provider of Bifrost {phrase}; ")
    assert found[0].autofix is None  # a line question, not a typo: no rename


@pytest.mark.parametrize("line", ["1.5", "2.0", "2.1", "2.2"])
def test_every_id_of_the_line_is_known_under_it(line):
    for name in load_catalog(line).provider_ids:
        assert only(lint(config(name), target_version=line), "PL201") == []


def _with_removed_id(name: str, kept_in: tuple[str, ...]):
    """PL201's view of the other lines as if ``name`` were a provider of ``kept_in`` only."""
    from provlint.records import replace

    def fake(version):
        real = load_catalog(version)
        return replace(real, provider_ids=real.provider_ids + (name,)) if version in kept_in else real

    return fake


@pytest.mark.parametrize("kept_in, line, phrase", [
    (("1.5",), "2.0", "1.5 only"),
    (("1.5", "2.0"), "2.2", "1.5, 2.0 only"),
    (("1.5", "2.0", "2.1"), "2.2", "1.5, 2.0, 2.1 only"),
    (("2.0", "2.1"), "1.5", "2.0, 2.1 only"),
])
def test_an_id_removed_in_a_later_line_names_the_lines_that_have_it(monkeypatch, kept_in, line, phrase):
    # No shipped id was removed so far (BIFROST.md: `deepgram` was only in an intermediate
    # version): the other lines' catalogs are extended for PL201's look-up only.
    assert "deepgram" not in load_catalog(line).provider_ids and set(kept_in) <= set(available_versions())
    monkeypatch.setattr(pl201_unknown_provider, "load_catalog", _with_removed_id("deepgram", kept_in))
    (found,) = only(lint(config("deepgram"), target_version=line), "PL201")
    which = "that line" if len(kept_in) == 1 else "the one you run"
    assert found.message == (
        f"unknown provider `deepgram` for Bifrost {line}: it is a provider of Bifrost {phrase}; set "
        f"target-version to {which}, or add `custom_provider_config` to make it a custom provider"
    )


def test_every_catalog_id_and_any_case_of_it_is_known():
    for name in load_catalog("1.5").provider_ids:
        assert only(lint(config(name)), "PL201") == []
        assert only(lint(config(name.upper())), "PL201") == []


def test_custom_provider_is_not_unknown():
    extra = ', "custom_provider_config": {"base_provider_type": "openai"}'
    assert only(lint(config("my-gateway", extra)), "PL201") == []


def test_add_provider_payload_points_at_the_value():
    text = '{\n  "provider": "opnai",\n  "network_config": {}\n}\n'
    found = only(lint(text), "PL201")
    assert codes_at(found) == [("PL201", 2, 15)]
    assert found[0].pointer == "/provider"


def test_provider_response_points_at_name():
    text = '{"name": "anthropc", "provider_status": "active"}'
    found = only(lint(text), "PL201")
    assert codes_at(found) == [("PL201", 1, 10)]
    assert "did you mean `anthropic`?" in found[0].message


def test_update_payload_has_no_name_to_check():
    assert only(lint('{"network_config": {"max_retries": 1}}'), "PL201") == []


def test_yaml_config_key_position():
    text = "providers:\n  opnai:\n    keys: []\n"
    assert codes_at(only(lint(text, "config.yaml"), "PL201")) == [("PL201", 2, 3)]
