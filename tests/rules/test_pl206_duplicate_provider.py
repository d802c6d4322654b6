from provlint.engine import LintOptions, lint_bytes
from tests.conftest import codes_at, lint

KEYS = '"keys": [{"name": "k", "value": "env.K", "weight": 1}]'


def pl206(text, path="config.json", **options):
    if options:
        diagnostics = lint_bytes(text.encode(), path, options=LintOptions(**options)).diagnostics
    else:
        diagnostics = lint(text, path)
    return [d for d in diagnostics if d.code == "PL206"]


def test_later_entry_is_reported_naming_the_earlier_one():
    text = '{\n  "providers": {\n    "OpenAI": {%s},\n    "openai": {%s}\n  }\n}\n' % (KEYS, KEYS)
    (found,) = pl206(text)
    assert codes_at([found]) == [("PL206", 4, 5)]
    assert found.span.end.column == 13
    assert found.pointer == "/providers/openai"
    assert found.severity.value == "error"
    assert found.message == (
        "provider `openai` is the same provider as `OpenAI` (line 3) once Bifrost lowercases ids "
        "to `openai`: only one of the two entries takes effect; merge them into one entry `openai`"
    )
    assert [(s.start.line, s.start.column) for s in found.related] == [(3, 5)]


def test_three_spellings_give_two_findings_against_the_first():
    text = '{"providers": {"groq": {%s},\n"Groq": {%s},\n"GROQ": null}}' % (KEYS, KEYS)
    found = pl206(text)
    assert codes_at(found) == [("PL206", 2, 1), ("PL206", 3, 1)]
    assert all("same provider as `groq` (line 1)" in d.message for d in found)


def test_distinct_ids_and_an_exact_repeat_are_not_pl206():
    assert pl206('{"providers": {"openai": {%s}, "groq": {%s}}}' % (KEYS, KEYS)) == []
    # The same key twice is PL002's duplicate-key, not a second provider.
    assert pl206('{"providers": {"openai": {%s}, "openai": {%s}}}' % (KEYS, KEYS)) == []


def test_only_config_files_have_several_providers():
    assert pl206('{"provider": "openai"}') == []
    assert pl206('{"providers": null}') == []
    assert pl206('{"providers": ["openai", "OpenAI"]}') == []


def test_yaml():
    text = "providers:\n  openai:\n    keys: []\n  OPENAI:\n    keys: []\n"
    (found,) = pl206(text, "c.yaml")
    assert codes_at([found]) == [("PL206", 4, 3)]
    assert "(line 2)" in found.message


def test_config_under_a_root_points_into_the_whole_file():
    text = '{"gateway": {\n"providers": {\n"openai": {"keys": []},\n"OpenAI": {"keys": []}}}}'
    (found,) = pl206(text, root="/gateway")
    assert codes_at([found]) == [("PL206", 4, 1)]
    assert found.pointer == "/gateway/providers/OpenAI"
    assert "(line 3)" in found.message
