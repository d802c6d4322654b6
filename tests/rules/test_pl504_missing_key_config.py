from provlint.engine import LintOptions, lint_bytes
from provlint.rules import find_rule
from tests.conftest import codes_at, lint
from tests.paths import fixture


def pl504(text, path="config.json", kind=None):
    return [d for d in lint(text, path, kind=kind) if d.code == "PL504"]


def config(provider, key_extra="", provider_extra=""):
    return (
        '{"providers": {\n'
        '  "%s": {%s"keys": [\n'
        '    {"name": "k1", "weight": 1%s}\n'
        "  ]}\n"
        "}}\n"
    ) % (provider, provider_extra, key_extra)


def test_azure_key_without_sub_config_is_reported_at_the_key():
    found = pl504(config("azure"))
    assert codes_at(found) == [("PL504", 3, 5)]
    assert found[0].pointer == "/providers/azure/keys/0"
    assert found[0].severity.value == "error"
    assert "key `k1`" in found[0].message and "`azure_key_config` with `endpoint`" in found[0].message
    assert "skips the key" in found[0].message


def test_azure_sub_config_without_endpoint_is_reported_at_the_sub_config_key():
    for endpoint in ("", ', "endpoint": ""', ', "endpoint": null', ', "endpoint": {"value": "", "type": "plain_text"}'):
        found = pl504(config("azure", ', "azure_key_config": {"api_version": "2024-10-21"%s}' % endpoint))
        assert codes_at(found) == [("PL504", 3, 33)], endpoint
        assert found[0].pointer == "/providers/azure/keys/0/azure_key_config"
        assert "has no `endpoint`" in found[0].message


def test_endpoint_as_literal_or_reference_is_quiet():
    for endpoint in ('"https://r.openai.azure.com"', '"env.AZURE_ENDPOINT"', '{"value": "", "ref": "env.AZURE_ENDPOINT", "type": "env"}'):
        assert pl504(config("azure", ', "azure_key_config": {"endpoint": %s}' % endpoint)) == [], endpoint


def test_vertex_needs_the_sub_config_only():
    found = pl504(config("vertex"))
    assert [d.pointer for d in found] == ["/providers/vertex/keys/0"]
    assert "`vertex_key_config`" in found[0].message and "with" not in found[0].message
    assert pl504(config("vertex", ', "vertex_key_config": {}')) == []
    assert pl504(config("vertex", ', "vertex_key_config": null')) != []


def test_self_hosted_servers_need_a_url_even_with_a_base_url():
    for provider in ("vllm", "ollama", "sgl"):
        found = pl504(config(provider, provider_extra='"network_config": {"base_url": "http://localhost:8000"}, '))
        assert [d.pointer for d in found] == ["/providers/%s/keys/0" % provider]
        assert "`%s_key_config` with `url`" % provider in found[0].message
        assert "`network_config.base_url` does not replace it" in found[0].message
        found = pl504(config(provider, ', "%s_key_config": {"url": ""}' % provider))
        assert [d.pointer for d in found] == ["/providers/%s/keys/0/%s_key_config" % (provider, provider)]
        assert "does not replace" not in found[0].message
        assert pl504(config(provider, ', "%s_key_config": {"url": "http://gpu-1:8000"}' % provider)) == []


def test_other_providers_and_custom_providers_by_their_base():
    for provider in ("openai", "bedrock", "groq", "unknown-thing"):
        assert pl504(config(provider)) == [], provider
    custom = config("my-azure", provider_extra='"custom_provider_config": {"base_provider_type": "azure"}, ')
    assert [d.pointer for d in pl504(custom)] == ["/providers/my-azure/keys/0"]
    # A custom provider named like a standard one is judged by its base.
    assert pl504(config("azure", provider_extra='"custom_provider_config": {"base_provider_type": "openai"}, ')) == []


def test_several_keys_unnamed_keys_and_wrong_types():
    text = (
        '{"providers": {"azure": {"keys": ['
        '{"name": "ok", "weight": 1, "azure_key_config": {"endpoint": "env.E"}},'
        ' {"weight": 1}, null, "k",'
        ' {"name": "bad", "weight": 1, "azure_key_config": "https://x"},'
        ' {"name": "bad2", "weight": 1, "azure_key_config": {"endpoint": 5}}'
        "]}}}"
    )
    found = pl504(text)
    assert [d.pointer for d in found] == ["/providers/azure/keys/1"]
    assert "`keys[1]`" in found[0].message
    assert pl504('{"providers": {"azure": {"keys": {"name": "k"}}}}') == []


def test_yaml_and_payload():
    text = "providers:\n  azure:\n    keys:\n      - name: a\n        weight: 1\n"
    assert codes_at(pl504(text, "c.yaml")) == [("PL504", 4, 9)]
    add = '{"provider": "azure", "keys": [{"name": "a", "weight": 1}]}'
    assert [d.pointer for d in pl504(add)] == ["/keys/0"]
    assert pl504('{"keys": [{"name": "a", "weight": 1}]}', kind="update-provider") == []


def test_real_example_configs():
    rule = find_rule("PL504")
    found = {}
    for path in sorted(fixture("bifrost-examples").glob("*.json")):
        result = lint_bytes(path.read_bytes(), str(path), options=LintOptions(rules=(rule,)))
        found[path.name] = [d.pointer for d in result.diagnostics]
    # The loadtest example targets an older Bifrost (keyless Ollama/SGL behind base_url, keys
    # without sub-configs): Bifrost 1.5 skips these keys. The legacy example keeps Azure's
    # endpoint in the dropped meta_config.
    assert found.pop("examples__configs__loadtest__config.json") == [
        "/providers/vertex/keys/0", "/providers/azure/keys/0", "/providers/ollama/keys/0",
        "/providers/sgl/keys/0", "/providers/vllm/keys/0",
    ]
    assert found.pop("transports__config.example.json") == ["/providers/azure/keys/0"]
    assert all(pointers == [] for pointers in found.values()), found
