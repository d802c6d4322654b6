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
    proc = run_provlint("check", "--output-format", "concise", "-q", *args, cwd=tmp_path)
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


def write_rules(folder, *codes):
    (folder / "provlint.toml").write_text("select = [" + ", ".join(f'"{c}"' for c in codes) + "]\n")


def test_paths_are_relative_to_the_baseline_folder_whatever_form_they_were_given_in(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.json").write_text(json.dumps(CONFIG, indent=2) + "\n")
    write_rules(sub, "PL301", "PL302", "PL902")
    proc = run_provlint("check", "--write-baseline", "base.json", "a.json", cwd=sub)
    assert proc.returncode == 0
    recorded = json.loads((sub / "base.json").read_text())
    assert [f["path"] for f in recorded["findings"]] == ["a.json", "a.json"]

    assert check(sub, "--baseline", "base.json", str(sub / "a.json")) == (0, [], "")
    assert check(sub, "--baseline", "base.json", "./a.json") == (0, [], "")
    assert check(tmp_path, "--baseline", "sub/base.json", "sub/a.json") == (0, [], "")
    assert check(tmp_path, "--baseline", str(sub / "base.json"), "sub/../sub/a.json") == (0, [], "")

    # Written from the parent folder with an absolute path: the same entries, keyed the same way.
    proc = run_provlint("check", "--write-baseline", "sub/other.json", str(sub / "a.json"), cwd=tmp_path)
    assert proc.returncode == 0
    assert json.loads((sub / "other.json").read_text()) == recorded


def test_only_entries_for_files_linted_in_this_run_can_be_stale(tmp_path):
    write_config(tmp_path, CONFIG, 2)
    (tmp_path / "other.json").write_text(json.dumps(CONFIG, indent=2) + "\n")
    proc = run_provlint("check", "--write-baseline", "baseline.json", "config.json", "other.json", cwd=tmp_path)
    assert proc.stderr.decode() == "provlint: recorded 4 findings in baseline.json\n"

    # other.json fixed but not linted (pre-commit passes changed files only): nothing is stale.
    fixed = json.loads(json.dumps(CONFIG))
    del fixed["providers"]["openai"]["network_config"]["insecure_skip_verify"]
    (tmp_path / "other.json").write_text(json.dumps(fixed, indent=2) + "\n")
    assert check(tmp_path, "--baseline", "baseline.json", "config.json") == (0, [], "")

    # Linted, its fixed entry is stale.
    rc, lines, _ = check(tmp_path, "--baseline", "baseline.json", "config.json", "other.json")
    assert (rc, lines) == (0, [
        "baseline.json:17:5: PL902 [warning] baseline entry PL301 at other.json#/providers/openai/network_config/insecure_skip_verify matched no finding; remove it or run --write-baseline again",
    ])


def test_object_finding_survives_a_change_deeper_inside_it(tmp_path):
    data = {"providers": {"opnai": {"keys": [{"name": "k", "value": "env.OPNAI_API_KEY", "weight": 1}],
                                    "network_config": {"max_retries": 2}}}}
    (tmp_path / "config.json").write_text(json.dumps(data, indent=2) + "\n")
    write_rules(tmp_path, "PL201", "PL902")
    proc = run_provlint("check", "--write-baseline", "baseline.json", "config.json", cwd=tmp_path)
    assert proc.stderr.decode() == "provlint: recorded 1 finding in baseline.json\n"
    recorded = json.loads((tmp_path / "baseline.json").read_text())
    assert [(f["rule"], f["pointer"]) for f in recorded["findings"]] == [("PL201", "/providers/opnai")]

    data["providers"]["opnai"]["network_config"]["max_retries"] = 3
    (tmp_path / "config.json").write_text(json.dumps(data, indent=2) + "\n")
    assert check(tmp_path, "--baseline", "baseline.json", "config.json") == (0, [], "")


def test_lone_surrogates_are_fingerprinted_and_written_as_valid_json(tmp_path):
    # A lone surrogate in a key and in a (secret) value, as \u escapes in the file.
    (tmp_path / "config.json").write_text(
        '{"providers": {"openai": {"keys": [{"name": "k", "value": "env.K", "weight": 1}],'
        ' "network_config": {"\\ud800x": 1, "insecure_skip_verify": true},'
        ' "proxy_config": {"type": "http", "url": "https://proxy:3128", "username": "env.U", "password": "\\udc00pw"}}}}'
    )
    write_rules(tmp_path, "PL100", "PL301", "PL302", "PL902")
    proc = run_provlint("check", "--write-baseline", "baseline.json", "config.json", cwd=tmp_path)
    assert (proc.returncode, proc.stderr.decode()) == (0, "provlint: recorded 3 findings in baseline.json\n")
    recorded = json.loads((tmp_path / "baseline.json").read_bytes().decode("ascii"))
    assert [(f["rule"], f["pointer"]) for f in recorded["findings"]] == [
        ("PL100", "/providers/openai/network_config"),
        ("PL301", "/providers/openai/network_config/insecure_skip_verify"),
        ("PL302", "/providers/openai/proxy_config/password"),
    ]
    assert check(tmp_path, "--baseline", "baseline.json", "config.json") == (0, [], "")


def test_surrogate_in_a_pointer_is_escaped_in_the_baseline_file():
    from provlint.baseline import Entry, render_baseline

    text = render_baseline([Entry("PL101", "a.json", "/\ud800x", "0123456789abcdef")])
    assert '"pointer": "/\\ud800x"' in text
    assert json.loads(text.encode("ascii"))["findings"][0]["pointer"] == "/\ud800x"


def test_secret_looking_values_of_non_secret_findings_get_the_slow_fingerprint(tmp_path):
    from provlint.baseline import fingerprint

    token = "Bearer sk-live-0123456789abcdef"
    data = {"providers": {"openai": {"keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}],
                                     "network_config": {"extra_headers": {"Authorization": token}}}}}
    (tmp_path / "config.json").write_text(json.dumps(data, indent=2) + "\n")
    write_rules(tmp_path, "PL309")
    run_provlint("check", "--write-baseline", "baseline.json", "config.json", cwd=tmp_path)
    pointer = "/providers/openai/network_config/extra_headers/Authorization"
    recorded = json.loads((tmp_path / "baseline.json").read_text())
    assert recorded["findings"] == [{
        "rule": "PL309", "path": "config.json", "pointer": pointer,
        "fingerprint": fingerprint("PL309", pointer, token, secret=True),
    }]
    assert fingerprint("PL309", pointer, token, secret=True) != fingerprint("PL309", pointer, token)
    assert token not in (tmp_path / "baseline.json").read_text()


def test_secret_name_rule():
    from provlint.baseline import looks_secret

    assert looks_secret("/a/extra_headers/X-Api-Key", "v")
    assert looks_secret("/a/Client_Secret", "v")
    assert looks_secret("/a/refresh_token", "v")
    assert looks_secret("/a/credentials_json", "v")
    assert not looks_secret("/a/password", {"nested": "object"})
    assert not looks_secret("/a/max_retries", "v")
    assert not looks_secret("/a/api~1key/x", "v")  # only the last token counts


def test_malformed_baselines_are_one_line_usage_errors(tmp_path):
    write_config(tmp_path, CONFIG, 2)
    cases = {
        '{"version": 1, "findings": {}}': "`findings` is not an array",
        '{"version": 1, "findings": ["x"]}': "findings[0] is not an object",
        '{"version": 1, "findings": [{"rule": "PL301", "path": "config.json", "pointer": 1, "fingerprint": "x"}]}':
            "findings[0].pointer is not a string",
        '{"version": 1, "findings": [{"rule": "PL301", "path": "config.json", "pointer": "/p"}]}':
            "findings[0].fingerprint is not a string",
        '[]': "the top level is not an object",
    }
    for text, problem in cases.items():
        (tmp_path / "bad.json").write_text(text)
        assert check(tmp_path, "--baseline", "bad.json", "config.json") == (
            2, [], f"provlint: error: bad.json is not a provlint baseline file ({problem})\n"
        )
    (tmp_path / "bad.json").write_text('{"version": 2, "findings": []}')
    assert check(tmp_path, "--baseline", "bad.json", "config.json") == (
        2, [], "provlint: error: bad.json: unsupported baseline version 2\n"
    )


def test_baseline_and_write_baseline_together_is_a_usage_error(tmp_path):
    write_config(tmp_path, CONFIG, 2)
    run_provlint("check", "--write-baseline", "baseline.json", "config.json", cwd=tmp_path)
    assert check(tmp_path, "--baseline", "baseline.json", "--write-baseline", "new.json", "config.json") == (
        2, [], "provlint: error: --baseline and --write-baseline exclude each other; "
               "use --write-baseline alone to refresh a baseline\n"
    )
    assert not (tmp_path / "new.json").exists()
