from provlint.engine import LintOptions, lint_bytes
from provlint.rules import find_rule
from tests.conftest import codes_at, lint
from tests.paths import fixture

KEY = '{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}'


def pl501(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL501"]


def test_empty_keys_is_reported_at_the_keys_member():
    text = '{\n  "providers": {\n    "openai": {\n      "keys": []\n    }\n  }\n}\n'
    found = pl501(text)
    assert codes_at(found) == [("PL501", 4, 7)]
    assert found[0].pointer == "/providers/openai/keys"
    assert found[0].severity.value == "error"
    assert "`openai`" in found[0].message and "empty `keys` list" in found[0].message
    assert "no keys found for provider" in found[0].message


def test_absent_keys_is_reported_at_the_provider_id():
    text = '{\n  "providers": {\n    "openai": {\n      "network_config": {"max_retries": 1}\n    }\n  }\n}\n'
    found = pl501(text)
    assert codes_at(found) == [("PL501", 3, 5)]
    assert found[0].pointer == "/providers/openai"
    assert "no `keys`" in found[0].message


def test_null_keys():
    found = pl501('{"providers": {"groq": {"keys": null}}}')
    assert [d.pointer for d in found] == ["/providers/groq/keys"] and "`keys: null`" in found[0].message


def test_several_providers_only_the_keyless_ones():
    text = (
        '{"providers": {\n'
        '  "openai": {"keys": [%s]},\n'
        '  "anthropic": {"keys": []},\n'
        '  "groq": {}\n'
        "}}\n"
    ) % KEY
    assert codes_at(pl501(text)) == [("PL501", 3, 17), ("PL501", 4, 3)]


def test_sub_config_providers_still_need_a_key_and_are_told_which():
    # key_value_may_be_empty is about a key's value, not about having no key at all.
    found = pl501('{"providers": {"vertex": {"keys": []}, "azure": {"keys": []}, "ollama": {"keys": []}}}')
    assert [d.pointer for d in found] == ["/providers/vertex/keys", "/providers/azure/keys", "/providers/ollama/keys"]
    assert "`vertex_key_config`" in found[0].message
    assert "`azure_key_config.endpoint`" in found[1].message
    assert "`ollama_key_config.url`" in found[2].message


def test_keyless_custom_provider_is_quiet_unless_its_base_forbids_keyless():
    quiet = '{"providers": {"local": {"custom_provider_config": {"base_provider_type": "openai", "is_key_less": true}}}}'
    assert pl501(quiet) == []
    bedrock = '{"providers": {"aws2": {"keys": [], "custom_provider_config": {"base_provider_type": "bedrock", "is_key_less": true}}}}'
    found = pl501(bedrock)
    assert len(found) == 1 and "is_key_less" not in found[0].message
    keyed = '{"providers": {"team2": {"keys": [], "custom_provider_config": {"base_provider_type": "openai"}}}}'
    found = pl501(keyed)
    assert len(found) == 1 and "is_key_less: true" in found[0].message


def test_wrong_types_are_pl100s():
    assert pl501('{"providers": {"openai": {"keys": "env.OPENAI_API_KEY"}}}') == []
    assert pl501('{"providers": {"openai": {"keys": {"name": "k"}}}}') == []
    assert pl501('{"providers": {"openai": {"keys": [null]}}}') == []
    assert pl501('{"providers": {"openai": null}}') == []
    assert pl501('{"providers": []}') == []


def test_api_payloads_are_not_checked():
    assert pl501('{"provider": "openai", "network_config": {"max_retries": 1}}') == []
    assert pl501('{"network_config": {"max_retries": 1}}') == []
    assert pl501('{"name": "openai", "provider_status": "active"}') == []


def test_yaml():
    text = "providers:\n  openai:\n    keys: []\n"
    assert codes_at(pl501(text, "c.yaml")) == [("PL501", 3, 5)]


def test_real_example_configs():
    rule = find_rule("PL501")
    found = {}
    for path in sorted(fixture("bifrost-examples").glob("*.json")):
        result = lint_bytes(path.read_bytes(), str(path), options=LintOptions(rules=(rule,)))
        found[path.name] = [d.pointer for d in result.diagnostics]
    # The legacy example's Vertex entry keeps its credentials in the dropped meta_config: under
    # Bifrost 1.5 it really has no credentials. Every other example has keys everywhere.
    assert found.pop("transports__config.example.json") == ["/providers/vertex/keys"]
    assert all(pointers == [] for pointers in found.values()), found
