from provlint.engine import LintOptions, lint_bytes
from tests.conftest import codes_at, lint


def pl004(text, path="config.yaml", **options):
    if options:
        diagnostics = lint_bytes(text.encode(), path, options=LintOptions(**options)).diagnostics
    else:
        diagnostics = lint(text, path)
    return [d for d in diagnostics if d.code == "PL004"]


def test_boolean_word_value_is_reported_with_both_readings():
    text = "network_config:\n  insecure_skip_verify: off\n"
    (found,) = pl004(text)
    assert codes_at([found]) == [("PL004", 2, 25)]
    assert (found.span.end.line, found.span.end.column) == (2, 28)
    assert found.pointer == "/network_config/insecure_skip_verify"
    assert found.severity.value == "warning"
    assert found.message == (
        "the value `off` reads differently in YAML 1.1 and 1.2: YAML 1.1 tools (PyYAML, Go "
        'yaml.v2) read the boolean false, YAML 1.2 tools (provlint, yaml.v3) the string "off"; '
        'write `false` if a boolean is meant, or quote it (`"off"`) if the text is'
    )


def test_every_yaml11_boolean_spelling():
    for word, reading in (("yes", "true"), ("Yes", "true"), ("ON", "true"), ("y", "true"),
                          ("No", "false"), ("OFF", "false"), ("n", "false")):
        (found,) = pl004(f"a: {word}\n", "x.yaml")
        assert f"read the boolean {reading}" in found.message, word


def test_mixed_case_words_are_strings_in_both_versions():
    # yaml.org/type/bool has only the lower, Capitalised and UPPER spellings.
    assert pl004("a: yEs\nb: oN\n", "x.yaml") == []


def test_key_is_reported_at_the_key_with_quote_advice():
    text = "providers:\n  openai:\n    on: 1\n"
    (found,) = pl004(text)
    assert codes_at([found]) == [("PL004", 3, 5)]
    assert found.pointer == "/providers/openai/on"
    assert found.message.startswith("the key `on` reads differently")
    assert found.message.endswith('quote it (`"on"`)')


def test_key_and_value_of_one_member_are_two_findings():
    found = pl004("on: yes\n", "x.yaml")
    assert codes_at(found) == [("PL004", 1, 1), ("PL004", 1, 5)]
    assert found[0].message.startswith("the key `on`")
    assert found[1].message.startswith("the value `yes`")


def test_octal_and_leading_zero_numbers():
    (octal,) = pl004("network_config:\n  max_retries: 010\n")
    assert codes_at([octal]) == [("PL004", 2, 16)]
    assert "read the octal number 8, YAML 1.2 tools (provlint, yaml.v3) the number 10" in octal.message
    assert "write the number without leading zeros" in octal.message
    (nine,) = pl004("a: 089\n", "x.yaml")
    assert 'read the string "089", YAML 1.2 tools (provlint, yaml.v3) the number 89' in nine.message
    (underscore,) = pl004("a: 0_17\n", "x.yaml")
    assert 'octal number 15, YAML 1.2 tools (provlint, yaml.v3) the string "0_17"' in underscore.message
    (negative,) = pl004("a: -017\n", "x.yaml")
    assert "octal number -15" in negative.message and "the number -17" in negative.message


def test_zero_padded_numbers_that_read_the_same_are_quiet():
    # 00 and 07 are the same number in octal and decimal; 0_9 is a string in both versions.
    assert pl004("a: 00\nb: 07\nc: 0_9\n", "x.yaml") == []


def test_sexagesimal_numbers():
    (found,) = pl004("a: 12:30\n", "x.yaml")
    assert "read the base-60 number 750" in found.message
    assert 'the string "12:30"' in found.message
    (fraction,) = pl004("a: 1:30.5\n", "x.yaml")
    assert "base-60 number 90.5" in fraction.message


def test_quoted_and_tagged_scalars_and_canonical_booleans_are_quiet():
    assert pl004("a: 'yes'\nb: \"on\"\nc: !!str no\nd: true\ne: false\nf: 755\ng: '12:30'\n", "x.yaml") == []


def test_json_is_never_checked():
    assert pl004('{"network_config": {"insecure_skip_verify": "off"}}', "config.json") == []


def test_secret_values_are_not_echoed():
    text = "providers:\n  openai:\n    keys:\n      - name: k\n        value: 0123\n        weight: 1\n"
    (found,) = pl004(text)
    assert codes_at([found]) == [("PL004", 5, 16)]
    assert "0123" not in found.message and "83" not in found.message
    assert "an octal number" in found.message and "a decimal number" in found.message
    assert found.message.endswith("quote it so every tool reads the same text")


def test_an_aliased_scalar_is_reported_once():
    text = "a: &flag yes\nb: *flag\n"
    assert len(pl004(text, "x.yaml")) == 1


def test_only_the_bifrost_root_of_a_larger_file_is_checked():
    text = "deploy: on\nbifrost:\n  network_config:\n    insecure_skip_verify: off\n"
    found = pl004(text, "values.yaml", root="/bifrost")
    assert codes_at(found) == [("PL004", 4, 27)]
    assert found[0].pointer == "/bifrost/network_config/insecure_skip_verify"


def test_every_document_kind():
    config = "providers:\n  openai:\n    keys: []\n    send_back_raw_request: yes\n"
    assert codes_at(pl004(config)) == [("PL004", 4, 28)]
    add = "provider: openai\nsend_back_raw_request: no\n"
    assert codes_at(pl004(add, "add.yaml")) == [("PL004", 2, 24)]
    response = "name: openai\nprovider_status: active\nsend_back_raw_response: on\n"
    assert codes_at(pl004(response, "get.yaml")) == [("PL004", 3, 25)]


def test_yaml12_octal_binary_hex_and_underscored_numbers():
    (octal,) = pl004("a: 0o7\n", "x.yaml")
    assert codes_at([octal]) == [("PL004", 1, 4)]
    assert 'read the string "0o7", YAML 1.2 tools (provlint, yaml.v3) the number 7' in octal.message
    assert 'write `7` if a number is meant, or quote it (`"0o7"`)' in octal.message
    (thousand,) = pl004("a: 1_000\n", "x.yaml")
    assert 'read the number 1000, YAML 1.2 tools (provlint, yaml.v3) the string "1_000"' in thousand.message
    (binary,) = pl004("a: 0b101\n", "x.yaml")
    assert 'read the binary number 5, YAML 1.2 tools (provlint, yaml.v3) the string "0b101"' in binary.message
    (negative,) = pl004("a: -1_000\n", "x.yaml")
    assert 'the number -1000, YAML 1.2 tools (provlint, yaml.v3) the string "-1_000"' in negative.message
    (hexadecimal,) = pl004("a: 0x1_F\n", "x.yaml")
    assert 'the hexadecimal number 31, YAML 1.2 tools (provlint, yaml.v3) the string "0x1_F"' in hexadecimal.message
    (key,) = pl004("1_0: x\n", "x.yaml")
    assert key.message.startswith("the key `1_0` reads differently") and "the number 10" in key.message


def test_numbers_both_versions_read_alike_are_quiet():
    assert pl004("a: 0x1F\nb: 1000\nc: '1_000'\nd: \"0o7\"\ne: 0o\nf: 1.5\n", "x.yaml") == []


def test_secret_binary_value_is_not_echoed():
    text = "providers:\n  openai:\n    keys:\n      - name: k\n        value: 0b1011_0110\n        weight: 1\n"
    (found,) = pl004(text)
    assert "1011" not in found.message and "182" not in found.message
    assert "a binary number" in found.message and "a string" in found.message
