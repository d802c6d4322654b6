"""The generated schemas in the engines editors run: same findings, same places as provlint.

vscode-json-languageservice (VS Code's JSON support) is configured the way README's
`json.schemas` setting configures it; yaml-language-server (VS Code YAML, Neovim, Helix...)
finds the schema through the `# yaml-language-server: $schema=...` modeline. Over every
fixture, the problems each engine reports are exactly the PL100/PL101/PL102 findings provlint
reports, at the same line and column.
"""

from __future__ import annotations


import pytest

from provlint.catalog import load_catalog
from provlint.schema import (
    ADD_PROVIDER_FILE,
    CONFIG_FILE,
    PROVIDER_FILE,
    PROVIDER_RESPONSE_FILE,
    UPDATE_PROVIDER_FILE,
)
from provlint.source.document import DocumentKind
from tests.editors.harness import (
    BIFROST_SCHEMA_URL,
    editor_findings,
    provlint_findings,
    run_engine,
    schema_uri,
    vscode_assist,
)
from tests.paths import fixture

# The line the README's set-up names (the default) and the line the project started from.
LINES = ("2.2", "1.5")
EDITORS = fixture("editors")
EXAMPLES = sorted(fixture("bifrost-examples").glob("*.json"))

# README's VS Code set-up: fileMatch associations, plus Bifrost's schema URL given provlint's
# schema, for config files that keep their `"$schema": "https://www.getbifrost.ai/schema"`.

def vscode_schemas(version: str) -> list[dict]:
    return [
        {"uri": schema_uri(version, CONFIG_FILE), "fileMatch": ["config.json", "bifrost*.json", "*__config.json", "*config.example.json"]},
        {"uri": BIFROST_SCHEMA_URL, "schema": {"$ref": schema_uri(version, CONFIG_FILE)}},
        {"uri": schema_uri(version, ADD_PROVIDER_FILE), "fileMatch": ["add-provider*.json"]},
        {"uri": schema_uri(version, UPDATE_PROVIDER_FILE), "fileMatch": ["update-provider*.json"]},
        {"uri": schema_uri(version, PROVIDER_RESPONSE_FILE), "fileMatch": ["provider-response*.json"]},
        {"uri": schema_uri(version, PROVIDER_FILE), "fileMatch": ["provider-settings*.json"]},
    ]


EXPECTED_1_5 = {
    "config.json": [
        ("PL102", 8), ("PL100", 10), ("PL100", 11), ("PL100", 13), ("PL100", 14), ("PL100", 17),
        ("PL100", 21), ("PL101", 22), ("PL100", 23), ("PL100", 24), ("PL100", 27), ("PL100", 31),
        ("PL100", 34), ("PL100", 42), ("PL100", 43), ("PL102", 54), ("PL101", 55), ("PL102", 63),
        ("PL101", 67), ("PL100", 71), ("PL101", 74),
    ],
    "add-provider.json": [("PL102", 1), ("PL100", 4), ("PL100", 10), ("PL101", 13)],
    "update-provider.json": [("PL100", 8), ("PL100", 10), ("PL100", 13)],
    "provider-response.json": [("PL100", 14), ("PL100", 17), ("PL101", 18)],
    "config.yaml": [
        ("PL102", 10), ("PL100", 11), ("PL100", 14), ("PL101", 15), ("PL100", 16), ("PL101", 17),
        ("PL100", 19), ("PL100", 22), ("PL100", 23), ("PL102", 28), ("PL101", 29), ("PL102", 32),
        ("PL101", 36), ("PL101", 37),
    ],
}
# What 2.x changes in the same files: `realtime` is a request type from 2.0 (config.json line 67,
# config.yaml line 36) and `deepseek` a base provider type from 2.0 (add-provider.json line 10).
EXPECTED = {
    "1.5": EXPECTED_1_5,
    "2.2": {
        **EXPECTED_1_5,
        "config.json": [f for f in EXPECTED_1_5["config.json"] if f != ("PL101", 67)],
        "add-provider.json": [("PL102", 1), ("PL100", 4), ("PL101", 13)],
        "config.yaml": [f for f in EXPECTED_1_5["config.yaml"] if f != ("PL101", 36)],
    },
}
EXAMPLE_FINDINGS = {"1.5": 25, "2.2": 24}
KIND_OF = {
    "config.json": DocumentKind.CONFIG,
    "add-provider.json": DocumentKind.ADD_PROVIDER,
    "update-provider.json": DocumentKind.UPDATE_PROVIDER,
    "provider-response.json": DocumentKind.PROVIDER_RESPONSE,
    "config.yaml": DocumentKind.CONFIG,
}
JSON_FIXTURES = sorted(p for p in EDITORS.glob("*.json"))


def codes_and_lines(findings: list[tuple[str, int, int]]) -> list[tuple[str, int]]:
    return sorted((code, line) for code, line, _ in findings)


def test_every_editor_fixture_has_its_expectation():
    assert sorted(p.name for p in EDITORS.iterdir() if p.suffix in (".json", ".yaml")) == sorted(EXPECTED_1_5) == sorted(EXPECTED["2.2"])


@pytest.fixture(scope="module", params=LINES)
def version(request):
    return request.param


_VSCODE_RUNS: dict = {}


def vscode_results_for(version: str) -> dict:
    # One engine run per line for the whole module, whichever test asks first.
    if version not in _VSCODE_RUNS:
        engine, results = run_engine("json", vscode_schemas(version), JSON_FIXTURES + EXAMPLES)
        assert engine["name"] == "vscode-json-languageservice"
        _VSCODE_RUNS[version] = results
    return _VSCODE_RUNS[version]


@pytest.mark.parametrize("path", JSON_FIXTURES, ids=lambda p: p.name)
def test_vscode_reports_provlints_structural_findings_at_the_same_places(version, path):
    provlint = provlint_findings(path, KIND_OF[path.name], version)
    assert codes_and_lines(provlint) == sorted(EXPECTED[version][path.name])
    assert editor_findings(vscode_results_for(version)[path]) == provlint


def test_the_fixtures_exercise_all_three_rules_in_every_schema_kind(version):
    codes = {code for name, found in EXPECTED[version].items() for code, _ in found}
    assert codes == {"PL100", "PL101", "PL102"}
    assert {KIND_OF[p.name] for p in JSON_FIXTURES} == set(KIND_OF.values())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_vscode_agrees_with_provlint_on_bifrosts_example_configs(version, path):
    assert editor_findings(vscode_results_for(version)[path]) == provlint_findings(path, DocumentKind.CONFIG, version)


def test_the_bifrost_examples_hold_findings_of_every_structural_rule(version):
    found = [f for path in EXAMPLES for f in provlint_findings(path, DocumentKind.CONFIG, version)]
    assert {code for code, _, _ in found} == {"PL101", "PL102"}  # the examples have no bad value
    assert len(found) == EXAMPLE_FINDINGS[version]


def test_under_2x_the_sections_bifrosts_schema_checks_are_provlints_alone():
    # provlint's schema takes `plugins` as any value; provlint checks it by Bifrost's schema.
    config = EDITORS / "config.json"
    with_sections = provlint_findings(config, DocumentKind.CONFIG, "2.2", sections=True)
    assert set(with_sections) - set(provlint_findings(config, DocumentKind.CONFIG, "2.2")) == {("PL102", 73, 15)}
    assert editor_findings(vscode_results_for("2.2")[config]) == provlint_findings(config, DocumentKind.CONFIG, "2.2")


def test_in_vscode_a_files_own_schema_url_wins_over_file_match():
    # Why README maps Bifrost's URL: without that entry, a config.json that keeps Bifrost's
    # "$schema" is checked against Bifrost's schema (here: cannot be loaded, no network), never
    # against the fileMatch association.
    with_dollar_schema = [p for p in EXAMPLES if '"$schema": "https://www.getbifrost.ai/schema"' in p.read_text()]
    assert len(with_dollar_schema) == 5
    _, results = run_engine("json", [vscode_schemas(LINES[0])[0]], with_dollar_schema)
    for path in with_dollar_schema:
        (only,) = results[path]
        assert only["message"].startswith(f"Unable to load schema from '{BIFROST_SCHEMA_URL}'")
        assert only["line"] == 2


def test_vscode_hover_shows_the_markdown_descriptions(version):
    hovers, _ = vscode_assist(vscode_schemas(version), EDITORS / "config.json", hovers=[(21, 12), (31, 12)])
    assert hovers == [
        "Max retries\n\nHow many times Bifrost retries a failed request before giving up. Bifrost default: 0.",
        "Type\n\nKind of proxy: `none`, `http`, `socks5`, `environment`. Bifrost default: `none`.",
    ]


def test_vscode_completes_the_standard_provider_ids(version, tmp_path):
    path = tmp_path / "config.json"
    path.write_text('{\n  "providers": {\n    \n  }\n}\n', encoding="utf-8")
    _, (labels,) = vscode_assist(vscode_schemas(version), path, completions=[(3, 5)])
    assert labels == list(load_catalog(version).provider_ids)


# --- yaml-language-server -------------------------------------------------------------------

YAML_FIXTURE = EDITORS / "config.yaml"


def modeline(version: str) -> str:
    return f"# yaml-language-server: $schema=../../schemas/{version}/{CONFIG_FILE}"


def yaml_fixture_text(version: str) -> str:
    """The fixture with its modeline naming ``version``'s schema (it names the default line)."""
    text = YAML_FIXTURE.read_text(encoding="utf-8")
    return text.replace(modeline(LINES[0]), modeline(version), 1)


def test_the_yaml_fixture_keeps_bifrosts_schema_and_names_provlints_in_a_modeline():
    lines = YAML_FIXTURE.read_text(encoding="utf-8").splitlines()
    assert lines[0] == modeline(LINES[0])
    assert lines[1] == f"$schema: {BIFROST_SCHEMA_URL}"


def test_yaml_language_server_reports_provlints_structural_findings_at_the_same_places(version):
    engine, results = run_engine("yaml", [], [YAML_FIXTURE], texts={YAML_FIXTURE: yaml_fixture_text(version)})
    assert engine["name"] == "yaml-language-server"
    provlint = provlint_findings(YAML_FIXTURE, DocumentKind.CONFIG, version)
    assert codes_and_lines(provlint) == sorted(EXPECTED[version]["config.yaml"])
    assert editor_findings(results[YAML_FIXTURE]) == provlint


def test_yaml_language_server_follows_the_modeline_before_the_schema_key():
    # Without the modeline it would follow the `$schema` key to Bifrost's URL.
    text = YAML_FIXTURE.read_text(encoding="utf-8").replace(modeline(LINES[0]) + "\n", "", 1)
    _, results = run_engine("yaml", [], [YAML_FIXTURE], texts={YAML_FIXTURE: text})
    messages = [d["message"] for d in results[YAML_FIXTURE]]
    assert messages and all(BIFROST_SCHEMA_URL in m for m in messages), messages


def test_yaml_language_server_reads_the_schema_from_a_settings_association_too(version):
    # `yaml.schemas` in VS Code settings: with no modeline and no `$schema` key.
    text = "\n".join(YAML_FIXTURE.read_text(encoding="utf-8").splitlines()[2:]) + "\n"
    settings = [{"uri": schema_uri(version, CONFIG_FILE), "fileMatch": ["*/config.yaml"]}]
    _, results = run_engine("yaml", settings, [YAML_FIXTURE], texts={YAML_FIXTURE: text})
    found = provlint_findings(YAML_FIXTURE, DocumentKind.CONFIG, version)
    shifted = [(code, line - 2, column) for code, line, column in found]
    assert editor_findings(results[YAML_FIXTURE]) == shifted


# --- the one model/schema difference, as the editors see it ----------------------------------

INTEGRAL_JSON = """{
  "providers": {
    "openai": {
      "keys": [{"name": "k", "weight": 1}],
      "network_config": {
        "max_retries": 1.0,
        "default_request_timeout_in_seconds": 1e2
      }
    }
  }
}
"""


def test_integral_floats_provlint_refuses_both_vscode_decides_by_text_yaml_by_value(version, tmp_path):
    json_path = tmp_path / "config.json"
    json_path.write_text(INTEGRAL_JSON, encoding="utf-8")
    yaml_path = tmp_path / "config.yaml"
    yaml_path.write_text(
        f"# yaml-language-server: $schema={schema_uri(version, CONFIG_FILE)}\n"
        "providers:\n  openai:\n    keys: [{name: k, weight: 1}]\n    network_config:\n"
        "      max_retries: 1.0\n      default_request_timeout_in_seconds: 1e2\n",
        encoding="utf-8",
    )
    assert provlint_findings(json_path, DocumentKind.CONFIG, version) == [("PL100", 6, 24), ("PL100", 7, 47)]
    assert provlint_findings(yaml_path, DocumentKind.CONFIG, version) == [("PL100", 6, 20), ("PL100", 7, 43)]
    _, vscode = run_engine("json", vscode_schemas(version), [json_path])
    assert editor_findings(vscode[json_path]) == [("PL100", 6, 24)]  # "1.0" has a '.', "1e2" has not
    _, yaml = run_engine("yaml", [], [yaml_path])
    assert yaml[yaml_path] == []  # both are whole numbers by value
