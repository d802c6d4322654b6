"""Each secret leak and terminal-control case of issue 9, with what it printed before.

The secrets here are the planted ones; ``leaked`` finds any 8-character piece of them.
"""

from provlint.engine import LintOptions, lint_bytes
from provlint.findings import Diagnostic, Position, Severity, Span
from provlint.reporters.full import snippet
from provlint.secrets import SecretMap
from provlint.source.document import DocumentKind
from provlint.source.text import LineIndex
from tests.conftest import run_provlint
from tests.secrets.planted import DOCUMENTS, leaked


def check(tmp_path, name: str, content: str, *args: str, output_format: str = "full") -> str:
    (tmp_path / name).write_text(content, encoding="utf-8")
    proc = run_provlint("check", "--isolated", "--select", "ALL", "--output-format", output_format, *args, name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    return proc.stdout.decode() + proc.stderr.decode()


def planted(tmp_path, name: str, output_format: str = "full", *args: str) -> str:
    return check(tmp_path, name, DOCUMENTS[name][0], *args, output_format=output_format)


# --- PL001 quoted YAML text verbatim ------------------------------------------------------------


def test_an_unquoted_secret_starting_with_an_alias_star(tmp_path):
    # Before: "PL001 [error] found undefined alias 'Zk7pQ2vX9mLr4TtY8wNb'".
    out = planted(tmp_path, "alias.yaml", "concise")
    assert "PL001 [error] found undefined alias 'Zk7p\u2026'" in out and leaked(out) == []


def test_an_unquoted_secret_starting_with_a_tag_bang(tmp_path):
    # Before: "unsupported tag !Hb5nM8kL2jG6fD4sA".
    out = planted(tmp_path, "tag.yaml", "concise")
    assert "PL001 [error] unsupported tag !Hb5\u2026" in out and leaked(out) == []


def test_a_secret_under_an_explicit_tag(tmp_path):
    # Before: "'Cv2bN7mX4zL9kJ3h' cannot be read as !!int".
    out = planted(tmp_path, "int-tag.yaml", "concise")
    assert "PL001 [error] 'Cv2b\u2026' cannot be read as !!int" in out and leaked(out) == []


def test_hash_reasons_quote_no_parse_error_text(tmp_path):
    # Before: "provlint: alias.yaml: cannot parse (5:16): found undefined alias 'Zk7pQ2vX9mLr4TtY8wNb'".
    (tmp_path / "alias.yaml").write_text(DOCUMENTS["alias.yaml"][0])
    for output_format in ("text", "json"):
        proc = run_provlint("hash", "--output-format", output_format, "alias.yaml", cwd=tmp_path)
        out = proc.stdout.decode() + proc.stderr.decode()
        assert "found undefined alias 'Zk7p\u2026'" in out and leaked(out) == []


# --- PL004 quoted a numeric credential ------------------------------------------------------------


def test_pl004_does_not_quote_a_numeric_api_key_header_or_a_value_under_a_misspelt_key(tmp_path):
    # Before: "the value `03245271225367232` reads differently ..." and "the value `12:34:56` ...".
    out = planted(tmp_path, "misspelt.yaml", "concise")
    pl004 = [line for line in out.splitlines() if " PL004 " in line]
    assert [line.split(": PL004")[0] for line in pl004] == ["misspelt.yaml:10:20", "misspelt.yaml:11:16"]
    assert all("the value here reads differently" in line for line in pl004)
    assert leaked(out) == []


def test_pl004_still_quotes_an_ordinary_value(tmp_path):
    out = check(tmp_path, "c.yaml", "providers:\n  openai:\n    network_config:\n      insecure_skip_verify: off\n",
                output_format="concise")
    assert "the value `off` reads differently" in out


# --- the full snippet --------------------------------------------------------------------------


def test_full_snippet_masks_values_under_misspelt_keys(tmp_path):
    # Before: "5 |         valeu: Qm8vLr2TzX4nW7pK9sYd" and "11 |       pasword: 12:34:56".
    out = planted(tmp_path, "misspelt.yaml")
    assert "5 |         valeu: ********\n" in out and "11 |       pasword: ********\n" in out
    assert leaked(out) == []


def test_full_snippet_masks_a_parse_error_line_holding_only_the_secret(tmp_path):
    # Before: "6 |       Yx3cVb6nMq9wEr2t" under a PL001 whose line holds nothing else.
    out = planted(tmp_path, "bare-value.json")
    assert "2 |  ********\n" in out and leaked(out) == []


def test_full_snippet_masks_a_finding_on_the_second_line_of_a_multi_line_scalar():
    # Before: only the line where the secret's span starts was masked.
    content = DOCUMENTS["quoted-multiline.yaml"][0]
    result = lint_bytes(content.encode(), "c.yaml")
    second_line = Diagnostic("PL000", "x", Severity.ERROR, "c.yaml", Span(Position(6, 11), Position(6, 23)), "", "m")
    shown = snippet(LineIndex(content), second_line, result.secrets)
    assert shown.splitlines()[1] == "6 |           ********"
    assert leaked(shown) == []


def test_full_snippet_masks_a_yaml_error_inside_a_multi_line_double_quoted_secret(tmp_path):
    # Before: "6 |           Rs5tUv8wXy\q1zB4c"" under "found unknown escape character 'q'".
    out = planted(tmp_path, "broken-quoted.yaml")
    assert "found unknown escape character 'q'" in out and "6 |           ********\n" in out
    assert leaked(out) == []


def test_full_snippet_masks_a_key_value_given_as_an_object_in_an_update_payload(tmp_path):
    # Before: the lexical net skipped a value starting with `{`, so the object's secret showed.
    out = planted(tmp_path, "update.json", "full", "--kind", "update-provider")
    assert '{"name": "k", "value": ********, "weight": 1}' in out
    assert leaked(out) == []


def test_full_snippet_masks_an_alias_of_an_anchored_secret_where_the_anchor_stands(tmp_path):
    out = planted(tmp_path, "anchor.yaml")
    assert "3 |     misplaced: &cred ********\n" in out and leaked(out) == []


# --- terminal control ---------------------------------------------------------------------------


def test_full_snippet_escapes_esc_bel_and_osc_from_the_file(tmp_path):
    # Before: the line was printed raw, so ESC ]0;...BEL retitled the terminal and ESC [2J cleared it.
    content = '{"providers": {"openai": {"keys": [], "network_config": {"base_url": "x\x1b]0;pwned\x07\x1b[2J\x9b1m\x7f"}}}}\n'
    out = check(tmp_path, "c.json", content)
    assert not any(c in out for c in "\x1b\x07\x9b\x7f")
    assert "\\u001b]0;pwned\\u0007\\u001b[2J\\u009b1m\\u007f" in out


def test_the_caret_moves_with_escaped_characters():
    text = '{"a": "\x1b[2J", "b": 1}\n'
    lines = LineIndex(text)
    at_b = Diagnostic("PL000", "x", Severity.ERROR, "c.json", Span(Position(1, 15), Position(1, 18)), "", "m")
    _, line, caret = snippet(lines, at_b).splitlines()
    assert line == '1 | {"a": "\\u001b[2J", "b": 1}'
    assert caret.index("^") == line.index('"b"') and caret.count("^") == 3


def test_a_path_with_a_newline_cannot_forge_a_second_error_line(tmp_path):
    # Before: "provlint: error: ... a\nprovlint: error: forged" printed as two error lines.
    proc = run_provlint("check", "--isolated", "missing\nprovlint: error: forged\x1b[2J", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert err.count("\n") == 1 and err.startswith("provlint: error: ") and "\x1b" not in err
    assert "missing\\u000aprovlint: error: forged\\u001b[2J" in err


# --- the regex net was quadratic ----------------------------------------------------------------


def test_a_40_kb_one_line_file_is_masked_with_one_search_per_secret_piece(tmp_path):
    # Before: the `full` masking regex backtracked over long word runs (40 KB: more than 60 s).
    content = '{"providers": {"openai": {"keys": [], "x": "' + "a" * 40_000 + '", "password": "Kq2wEr5tYu8iOp1a"}}}\n'
    result = lint_bytes(content.encode(), "c.json", options=LintOptions(kind=DocumentKind.CONFIG))
    assert result.diagnostics
    shown = snippet(LineIndex(content), result.diagnostics[0], result.secrets)
    assert "Kq2wEr5t" not in shown and len(shown.splitlines()[1]) < 140


def test_the_secret_map_of_a_text_is_found_once_per_text():
    secrets = SecretMap.of_text('{"password": "Kq2wEr5tYu8iOp1a"}')
    assert secrets.pieces is secrets.pieces  # computed once, then kept
