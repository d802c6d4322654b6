"""--write-baseline / --baseline: matched by rule, path, pointer and value, never by line."""

import json

from tests.conftest import run_provlint

SECRET = "Tr0ub4dor&3-proxy"
CONFIG = {
    "providers": {
        "openai": {
            "keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}],
            "network_config": {"insecure_skip_verify": True, "max_retries": 2},
            "proxy_config": {"type": "http", "url": "https://proxy:3128", "username": "env.U", "password": SECRET},
        }
    }
}


def write_config(tmp_path, data, indent):
    (tmp_path / "config.json").write_text(json.dumps(data, indent=indent) + "\n")
    # Only the rules this test is about, so new rules elsewhere do not change its baseline.
    (tmp_path / "provlint.toml").write_text('select = ["PL101", "PL301", "PL302", "PL902"]\n')


def check(tmp_path, *args):
    proc = run_provlint("check", "--output-format", "concise", *args, cwd=tmp_path)
    return proc.returncode, proc.stdout.decode().splitlines(), proc.stderr.decode()


def test_baseline_survives_reindent_and_key_reorder_and_new_findings_still_fail(tmp_path):
    write_config(tmp_path, CONFIG, 2)
    proc = run_provlint("check", "--write-baseline", "baseline.json", "config.json", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stderr.decode() == "provlint: recorded 2 findings in baseline.json\n"
    recorded = json.loads((tmp_path / "baseline.json").read_text())
    assert [(f["rule"], f["path"], f["pointer"]) for f in recorded["findings"]] == [
        ("PL301", "config.json", "/providers/openai/network_config/insecure_skip_verify"),
        ("PL302", "config.json", "/providers/openai/proxy_config/password"),
    ]
    assert SECRET not in (tmp_path / "baseline.json").read_text()

    # Re-indented, keys in another order: the same findings, so still hidden.
    provider = json.loads(json.dumps(CONFIG["providers"]["openai"]))
    reordered = {"providers": {"openai": {k: provider[k] for k in reversed(list(provider))}}}
    write_config(tmp_path, reordered, 8)
    assert check(tmp_path, "--baseline", "baseline.json", "config.json") == (0, [], "")

    # A new finding fails the run; the old ones stay hidden.
    reordered["providers"]["openai"]["network_config"]["max_retry"] = 1
    write_config(tmp_path, reordered, 8)
    rc, lines, _ = check(tmp_path, "--baseline", "baseline.json", "config.json")
    assert rc == 1
    assert [line.split(": ")[1].split(" ")[0] for line in lines] == ["PL101"]


def test_changed_value_is_a_new_finding_and_the_old_entry_is_stale(tmp_path):
    write_config(tmp_path, CONFIG, 2)
    run_provlint("check", "--write-baseline", "baseline.json", "config.json", cwd=tmp_path)
    changed = json.loads(json.dumps(CONFIG))
    changed["providers"]["openai"]["proxy_config"]["password"] = "another-literal"
    write_config(tmp_path, changed, 2)
    rc, lines, _ = check(tmp_path, "--baseline", "baseline.json", "config.json")
    assert rc == 1
    assert lines == [
        "baseline.json:11:5: PL902 [warning] baseline entry PL302 at config.json#/providers/openai/proxy_config/password matched no finding; remove it or run --write-baseline again",
        "config.json:19:21: PL302 [error] `proxy_config.password` is a literal value; reference an environment variable instead, e.g. \"env.PROXY_PASSWORD\"",
    ]


def test_fixed_finding_leaves_a_stale_entry_only(tmp_path):
    write_config(tmp_path, CONFIG, 2)
    run_provlint("check", "--write-baseline", "baseline.json", "config.json", cwd=tmp_path)
    fixed = json.loads(json.dumps(CONFIG))
    del fixed["providers"]["openai"]["network_config"]["insecure_skip_verify"]
    write_config(tmp_path, fixed, 2)
    rc, lines, _ = check(tmp_path, "--baseline", "baseline.json", "config.json")
    assert rc == 0
    assert lines == [
        "baseline.json:5:5: PL902 [warning] baseline entry PL301 at config.json#/providers/openai/network_config/insecure_skip_verify matched no finding; remove it or run --write-baseline again",
    ]


def test_unreadable_or_malformed_baseline_is_a_usage_error(tmp_path):
    write_config(tmp_path, CONFIG, 2)
    assert check(tmp_path, "--baseline", "missing.json", "config.json")[0] == 2
    (tmp_path / "bad.json").write_text('{"version": 1}')
    rc, lines, err = check(tmp_path, "--baseline", "bad.json", "config.json")
    assert rc == 2 and "bad.json is not a provlint baseline file" in err and "Traceback" not in err
