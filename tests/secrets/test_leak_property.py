"""Property: whatever the layout, a planted secret never reaches the concise or full output."""

import io
import json

from hypothesis import HealthCheck, given, settings, strategies as st

from provlint.engine import LintOptions, lint_bytes
from provlint.reporters import REPORTERS, Summary, make_reporter
from provlint.rules import all_rules
from provlint.selection import enabled_rules
from tests.secrets.planted import pieces

# Upper, lower, digit, repeated: every 8 characters of a secret mix all three, as no word of
# provlint's own wording does, so a piece found in the output is a leak, never a coincidence.
_GROUP = st.tuples(st.sampled_from("ABCDEFGHJKLMNPQRSTUVWXYZ"), st.sampled_from("abcdefghijkmnopqrstuvwxyz"),
                   st.sampled_from("23456789")).map("".join)
secrets = st.lists(_GROUP, min_size=4, max_size=13).map("".join)
# Where the secret goes: catalog fields, headers, misspelt and credential-like names.
NAMES = ["value", "valeu", "password", "pasword", "Client_Secert", "DB_PASSWORD", "apiKey", "refresh_token"]
HEADERS = ["Authorization", "X-Api-Key", "x-upstream-token", "Cookie"]
STYLES = ["plain", "double", "single", "literal", "folded", "flow", "alias", "json", "json-broken", "yaml-broken", "tag"]


def render(name: str, header: str, secret: str, style: str, in_header: bool) -> tuple[str, str]:
    half = len(secret) // 2
    member = header if in_header else name
    indent = "        " if in_header else "      "
    if style == "json" or style == "json-broken":
        holder = {"extra_headers": {member: secret}} if in_header else {member: secret}
        doc = {"providers": {"openai": {"keys": [{"name": "k", "weight": 1, "x": 1}], "network_config": holder}}}
        text = json.dumps(doc, indent=1)
        return "c.json", text.replace('"x": 1', '"x": 1,,') if style == "json-broken" else text
    value = {
        "plain": secret,
        "double": f'"{secret[:half]}\n{indent}  {secret[half:]}"',
        "single": f"'{secret}'",
        "literal": f"|\n{indent}  {secret[:half]}\n{indent}  {secret[half:]}",
        "folded": f">\n{indent}  {secret[:half]}\n{indent}  {secret[half:]}",
        "flow": secret,
        "alias": "*cred",
        "yaml-broken": f'"{secret[:half]}\n{indent}  {secret[half:]}\\q"',
        "tag": f"!!int {secret}",
    }[style]
    if style == "flow":
        body = f"      extra_headers: {{{member}: {value}, Other: x}}\n" if in_header else f"      extra: {{{member}: {value}}}\n"
    elif in_header:
        body = f"      extra_headers:\n        {member}: {value}\n"
    else:
        body = f"      {member}: {value}\n"
    anchor = f"      anchored: &cred {secret}\n" if style == "alias" else ""
    return "c.yaml", f"providers:\n  openai:\n    network_config:\n{anchor}{body}      bogus: 1\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(NAMES), st.sampled_from(HEADERS), secrets, st.sampled_from(STYLES), st.booleans(),
)
def test_no_piece_of_a_planted_secret_is_printed(name, header, secret, style, in_header):
    path, text = render(name, header, secret, style, in_header)
    result = lint_bytes(text.encode(), path, options=LintOptions(rules=enabled_rules(["ALL"])))
    assert result.diagnostics, text
    for output_format in REPORTERS:
        stream = io.StringIO()
        reporter = make_reporter(output_format, stream)
        reporter.start(all_rules())
        reporter.file(result)
        reporter.finish(Summary.of([result]))
        shown = [p for p in pieces(secret) if p in stream.getvalue()]
        assert shown == [], (output_format, text, stream.getvalue())
