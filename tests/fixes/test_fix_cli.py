"""``check --fix``, ``--unsafe-fixes``, ``--diff``, ``--fix-only`` on the command line."""

import re
import shutil

from tests.conftest import run_provlint
from tests.fixes.helpers import FIXTURES

SECRETS = (b"hunter2-but-longer", b"svc-gateway", b"sk-ant-live-0123456789abcdef")


def copy(tmp_path, name, as_name=None):
    target = tmp_path / (as_name or name.replace(".before", ""))
    shutil.copyfile(FIXTURES / name, target)
    return target


def test_fix_writes_the_safe_fixes_and_reports_what_is_left(tmp_path):
    target = copy(tmp_path, "safe-config.before.json")
    proc = run_provlint("check", "--isolated", "--fix", "--output-format", "concise", target.name, cwd=tmp_path)
    assert target.read_bytes() == (FIXTURES / "safe-config.after.json").read_bytes()
    assert proc.stdout == b"All checks passed (1 file checked).\n" and proc.returncode == 0
    assert proc.stderr == b"provlint: fixed 4 findings in 1 file\n"


def test_diff_writes_nothing_shows_the_diff_and_exits_1(tmp_path):
    target = copy(tmp_path, "safe-config.before.json")
    proc = run_provlint("check", "--isolated", "--diff", target.name, cwd=tmp_path)
    assert target.read_bytes() == (FIXTURES / "safe-config.before.json").read_bytes()
    assert proc.returncode == 1
    assert proc.stdout.decode() == (
        "--- a/safe-config.json\n"
        "+++ b/safe-config.json\n"
        "@@ -1,17 +1,17 @@\n"
        " {\n"
        '   "providers": {\n'
        '-    "OpenAI": {\n'
        '+    "openai": {\n'
        '       "keys": [\n'
        "         {\n"
        '           "name": "main",\n'
        '           "value": "env.OPENAI_API_KEY",\n'
        '           "weight": 1,\n'
        '-          "models": ["gpt-4o", "gpt-4o-mini", "GPT-4o"]\n'
        '+          "models": ["gpt-4o", "gpt-4o-mini"]\n'
        "         }\n"
        "       ],\n"
        '       "network_config": {\n'
        '-        "retry_backoff_initial": "500ms",\n'
        '-        "retry_backoff_max_ms": 5000,\n'
        '+        "retry_backoff_initial": 500,\n'
        '+        "retry_backoff_max": 5000,\n'
        '         "max_retries": 3\n'
        "       }\n"
        "     }\n"
    )
    assert proc.stderr == b"provlint: would fix 4 findings in 1 file\n"


def test_diff_exits_0_when_nothing_would_change(tmp_path):
    target = copy(tmp_path, "safe-config.after.json", "config.json")
    proc = run_provlint("check", "--isolated", "--diff", target.name, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (0, b"")


def test_diff_and_fix_never_print_a_secret(tmp_path):
    target = copy(tmp_path, "unsafe-config.before.yaml")
    diff = run_provlint("check", "--isolated", "--unsafe-fixes", "--diff", target.name, cwd=tmp_path)
    assert diff.returncode == 1
    text = diff.stdout.decode()
    # The removed line shows the mask where the secret stood (the secret map's span of a plain
    # YAML scalar ends at the comment's run of spaces) and keeps the rest of the line.
    assert re.search(r"^-        value: \*{8} +# pasted by mistake$", text, re.M), text
    assert '-      username: "********"\n' in text and "-      password: '********'\n" in text
    assert '+        value: env.ANTHROPIC_API_KEY   # pasted by mistake\n' in text
    fixed = run_provlint("check", "--isolated", "--unsafe-fixes", "--output-format", "full", target.name, cwd=tmp_path)
    for proc in (diff, fixed):
        for secret in SECRETS:
            assert secret not in proc.stdout + proc.stderr
    assert b"PL304: set ANTHROPIC_API_KEY where Bifrost runs to the value the file held" in fixed.stderr
    assert target.read_bytes() == (FIXTURES / "unsafe-config.after.yaml").read_bytes()


def test_safe_fix_leaves_unsafe_fixes_and_says_how_many(tmp_path):
    target = copy(tmp_path, "unsafe-request.before.json")
    proc = run_provlint("check", "--isolated", "--fix", "--output-format", "concise", target.name, cwd=tmp_path)
    assert target.read_bytes() == (FIXTURES / "unsafe-request.before.json").read_bytes()
    assert proc.returncode == 1
    assert proc.stderr == b"provlint: fixed 0 findings in 0 files; 6 more with --unsafe-fixes\n"


def test_fix_only_reports_nothing_else_and_exits_0(tmp_path):
    target = copy(tmp_path, "unsafe-request.before.json")
    proc = run_provlint("check", "--isolated", "--fix-only", "--unsafe-fixes", "-q", target.name, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (0, b"")
    assert target.read_bytes() == (FIXTURES / "unsafe-request.after.json").read_bytes()


def test_stdin_prints_the_fixed_text_and_writes_nothing(tmp_path):
    raw = (FIXTURES / "comments-config.before.yaml").read_bytes()
    proc = run_provlint("check", "--isolated", "--fix", "-q", "--stdin-filename", "config.yaml", "-", input=raw, cwd=tmp_path)
    assert proc.stdout == (FIXTURES / "comments-config.after.yaml").read_bytes()
    assert proc.returncode == 0 and list(tmp_path.iterdir()) == []


def test_a_file_that_does_not_parse_is_not_written(tmp_path):
    target = tmp_path / "config.json"
    target.write_bytes(b'{"providers": {"OpenAI": {}}')
    proc = run_provlint("check", "--isolated", "--fix", "--output-format", "concise", target.name, cwd=tmp_path)
    assert target.read_bytes() == b'{"providers": {"OpenAI": {}}'
    assert proc.returncode == 1 and b"PL001" in proc.stdout


def test_unfixable_setting_keeps_a_rule_from_fixing(tmp_path):
    (tmp_path / "provlint.toml").write_text('unfixable = ["PL205"]\n')
    target = copy(tmp_path, "safe-config.before.json")
    run_provlint("check", "--fix", target.name, cwd=tmp_path)
    text = target.read_text()
    assert '"OpenAI"' in text and '"retry_backoff_initial": 500' in text


def test_fixable_setting_limits_fixes_to_the_rules_it_names(tmp_path):
    (tmp_path / "provlint.toml").write_text('fixable = ["PL4"]\n')
    target = copy(tmp_path, "safe-config.before.json")
    proc = run_provlint("check", "--fix", "--output-format", "concise", target.name, cwd=tmp_path)
    text = target.read_text()
    assert '"OpenAI"' in text and '"retry_backoff_initial": 500' in text and '"retry_backoff_max_ms": 5000' in text
    assert b"[*]" not in proc.stdout  # a rule that may not fix is not marked fixable


def test_fixable_settings_are_validated_like_other_selectors(tmp_path):
    (tmp_path / "provlint.toml").write_text('unfixable = ["PL999"]\n')
    (tmp_path / "c.json").write_text("{}")
    proc = run_provlint("check", "c.json", cwd=tmp_path)
    assert proc.returncode == 2 and b"`unfixable`: unknown rule or rule prefix `PL999`" in proc.stderr


def test_concise_marks_safe_fixes_and_full_names_both_kinds(tmp_path):
    copy(tmp_path, "unsafe-config.before.yaml")
    copy(tmp_path, "safe-config.before.json")
    concise = run_provlint("check", "--isolated", "--output-format", "concise", ".", cwd=tmp_path).stdout.decode()
    assert "PL205 [warning] [*] provider id `OpenAI`" in concise
    assert "PL304 [error] `keys[0].value`" in concise  # unsafe: not marked in concise
    full = run_provlint("check", "--isolated", "--output-format", "full", ".", cwd=tmp_path).stdout.decode()
    assert "  fix: write the provider id as `openai`, fixable with --fix\n" in full
    assert "  fix: remove `insecure_skip_verify`, fixable with --unsafe-fixes (if the provider's certificate is signed by a private CA, set `ca_cert_pem` to it)\n" in full


def test_rule_command_says_how_a_rule_fixes():
    out = run_provlint("rule", "PL402").stdout.decode()
    assert "Automatic fix: writes a duration string as its integer milliseconds (safe; only where that is exact and above 0)" in out
    assert "Automatic fix" not in run_provlint("rule", "PL306").stdout.decode()


def test_diff_masks_a_secret_on_a_context_line_it_does_not_fix(tmp_path):
    target = tmp_path / "config.yaml"
    target.write_bytes(b"providers:\n  OpenAI:\n    keys:\n      - name: k\n        value: sk-live-abcdef0123456789\n        weight: 1\n")
    proc = run_provlint("check", "--isolated", "--diff", target.name, cwd=tmp_path)
    assert proc.returncode == 1
    assert b"         value: ********\n" in proc.stdout and b"sk-live" not in proc.stdout + proc.stderr
