"""`provlint hash` as a user runs it: real processes, pinned output, exit codes, one-line errors."""

import hashlib
import json

import pytest

from tests.conftest import run_provlint
from tests.paths import fixture

EXAMPLES = fixture("bifrost-examples")
EMPTY_OPENAI = "7d3194f79e645c42e4396dda38be04766810ec6a00d00aced3ffc2a0a1f1a9ef"


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def empty_env(tmp_path):
    return str(write(tmp_path, "empty.env", ""))


def hash_json(*args, cwd=None):
    proc = run_provlint("hash", "--output-format", "json", *args, cwd=cwd)
    return proc, json.loads(proc.stdout.decode()) if proc.stdout else None


def no_traceback(proc):
    assert b"Traceback" not in proc.stderr and b"Traceback" not in proc.stdout


# The real Bifrost examples, pinned


@pytest.mark.parametrize(
    "args, expected, code",
    [
        (("--target-version", "1.5"), "bifrost-examples.1.5.expected", 0),
        (("--target-version", "2.0", "--algorithm", "bifrost"), "bifrost-examples.2.0.expected", 0),
        (("--target-version", "1.5", "--output-format", "json"), "bifrost-examples.1.5.json.expected", 0),
        (("--target-version", "2.0", "--algorithm", "bifrost", "--output-format", "json"), "bifrost-examples.2.0.json.expected", 0),
    ],
    ids=["text-1.5", "text-2.0", "json-1.5", "json-2.0"],
)
def test_bifrost_examples_output_is_exactly_the_pinned_file(tmp_path, args, expected, code):
    proc = run_provlint("hash", "--env-file", empty_env(tmp_path), *args, ".", cwd=EXAMPLES)
    assert proc.stdout.decode() == fixture("hash", expected).read_text(encoding="utf-8")
    assert (proc.returncode, proc.stderr) == (code, b"")


def test_examples_under_2_0_reproduce_bifrosts_literal_and_derived_vectors(tmp_path):
    proc, report = hash_json("--target-version", "2.0", "--algorithm", "bifrost", "--env-file", empty_env(tmp_path), ".", cwd=EXAMPLES)
    values = {(row["file"], row["provider"]): row["value"] for row in report["hashes"]}
    assert values[("examples__configs__withvirtualkeys__config.json", "openai")] == EMPTY_OPENAI
    assert values[("examples__configs__loadtest__config.json", "openai")] == (
        "f26b7c56ea5d94d9b5ade026d25afc9dceea51aa530155ea53510b0e5ae27700"
    )
    assert values[("examples__configs__e2e__config.json", "openai")] == (
        "4651be872cc886875e1182213cd7e70934936294681ac520c648cf7c3f6b4c27"
    )


def test_canonical_hash_sees_through_written_out_defaults_in_the_examples(tmp_path):
    # config.json writes concurrency 1000/5000 (1.5's defaults) for openai; withvirtualkeys leaves it out.
    proc, report = hash_json("--target-version", "1.5", "--env-file", empty_env(tmp_path), ".", cwd=EXAMPLES)
    values = {(row["file"], row["provider"]): row["value"] for row in report["hashes"]}
    assert values[("config.json", "openai")] == values[("examples__configs__withvirtualkeys__config.json", "openai")]
    proc, report = hash_json("--target-version", "2.0", "--algorithm", "bifrost", "--env-file", empty_env(tmp_path), ".", cwd=EXAMPLES)
    values = {(row["file"], row["provider"]): row["value"] for row in report["hashes"]}
    assert values[("config.json", "openai")] != values[("examples__configs__withvirtualkeys__config.json", "openai")]


# One row per provider, the algorithm and target beside every value


def test_empty_openai_entry_gives_sha256_of_openai(tmp_path):
    path = write(tmp_path, "config.json", '{"providers": {"openai": {}}}')
    proc = run_provlint("hash", "--target-version", "2.0", "--algorithm", "bifrost", str(path))
    assert proc.returncode == 0 and proc.stderr == b""
    [line] = proc.stdout.decode().splitlines()
    assert line.split() == [str(path), "openai", "bifrost", "2.0", EMPTY_OPENAI]
    assert EMPTY_OPENAI == hashlib.sha256(b"openai").hexdigest()


def test_json_names_file_provider_algorithm_and_target_beside_every_value(tmp_path):
    path = write(tmp_path, "config.json", '{"providers": {"openai": {}, "anthropic": {"send_back_raw_response": true}}}')
    proc, report = hash_json("--target-version", "2.0", "--algorithm", "bifrost", str(path))
    assert proc.returncode == 0
    assert [(r["file"], r["provider"], r["algorithm"], r["target_version"]) for r in report["hashes"]] == [
        (str(path), "openai", "bifrost", "2.0"),
        (str(path), "anthropic", "bifrost", "2.0"),
    ]
    assert report["hashes"][0]["value"] == EMPTY_OPENAI
    _, report = hash_json("--target-version", "1.5", str(path))
    assert report["unavailable"][0]["algorithm"] == "bifrost"
    assert report["errors"] == []


def test_both_algorithms_where_the_target_has_both(tmp_path):
    # 1.5 has only the canonical hash; the 2.x lines have both, in a fixed order.
    path = write(tmp_path, "config.json", '{"providers": {"openai": {}}}')
    _, report = hash_json("--target-version", "1.5", str(path))
    assert [r["algorithm"] for r in report["hashes"]] == ["canonical"]
    _, report = hash_json("--target-version", "2.0", str(path))
    assert [r["algorithm"] for r in report["hashes"]] == ["bifrost", "canonical"]


def test_an_algorithm_the_target_lacks_exits_2_with_the_reason_and_no_value(tmp_path):
    path = write(tmp_path, "config.json", '{"providers": {"openai": {}}}')
    proc = run_provlint("hash", "--target-version", "1.5", "--algorithm", "bifrost", str(path))
    assert (proc.returncode, proc.stdout) == (2, b"")
    assert proc.stderr.decode().startswith("provlint: error: Bifrost's own hash is not known for target 1.5")
    assert proc.stderr.decode().rstrip().endswith("; --algorithm canonical gives what target 1.5 has")
    proc = run_provlint("hash", "--algorithm", "canonical", "--target-version", "2.0", str(path))
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert proc.stdout.decode().split()[2:4] == ["canonical", "2.0"]


def test_wrong_types_give_no_hash_and_the_reason_and_the_others_still_hash(tmp_path):
    path = write(
        tmp_path,
        "config.json",
        '{"providers": {"openai": {"network_config": {"max_retries": "3"}}, "anthropic": {}}}',
    )
    for target, algorithm in (("1.5", "canonical"), ("2.0", "bifrost")):
        proc, report = hash_json("--target-version", target, "--algorithm", algorithm, str(path))
        assert proc.returncode == 1
        bad, good = report["hashes"]
        assert bad["value"] is None and bad["reason_pointer"] == "/providers/openai/network_config/max_retries"
        assert "integer" in bad["reason"]
        assert good["value"] is not None
    text = run_provlint("hash", "--target-version", "1.5", str(path)).stdout.decode().splitlines()
    assert text[0].endswith(
        "no hash: /providers/openai/network_config/max_retries: not valid for Bifrost 1.5: "
        "`max_retries` must be an integer (got a string)"
    )


def test_same_settings_hash_alike_in_config_payloads_and_responses(tmp_path):
    settings = {"network_config": {"base_url": "https://llm.internal"}, "send_back_raw_request": True}
    config = write(tmp_path, "config.json", json.dumps({"providers": {"openai": settings}}))
    add = write(tmp_path, "add.json", json.dumps({"provider": "openai", **settings}))
    update = write(tmp_path, "update.yaml", "network_config:\n  base_url: https://llm.internal\nsend_back_raw_request: true\n")
    response = write(tmp_path, "response.json", json.dumps({"name": "openai", "provider_status": "active", **settings}))
    for target, algorithm in (("1.5", "canonical"), ("2.0", "bifrost")):
        proc, report = hash_json("--target-version", target, "--algorithm", algorithm, "--provider", "openai",
                                 str(config), str(add), str(update), str(response))
        assert proc.returncode == 0, report
        assert [r["kind"] for r in report["hashes"]] == ["config", "add-provider", "update-provider", "provider-response"]
        assert len({r["value"] for r in report["hashes"]}) == 1


def test_a_bare_update_body_needs_the_provider_from_the_command_line(tmp_path):
    update = write(tmp_path, "update.json", '{"network_config": {"max_retries": 2}}')
    proc, report = hash_json("--target-version", "1.5", str(update))
    assert proc.returncode == 1
    [row] = report["hashes"]
    assert row["provider"] is None and row["value"] is None and "--provider ID" in row["reason"]
    text = run_provlint("hash", "--target-version", "1.5", str(update)).stdout.decode()
    assert "  -  canonical  1.5  no hash: a bare update-provider body names its provider only in the request URL" in text
    proc, report = hash_json("--target-version", "1.5", "--provider", "openai", str(update))
    assert proc.returncode == 0 and report["hashes"][0]["provider"] == "openai"


def test_provider_selects_one_provider_ignoring_case(tmp_path):
    path = write(tmp_path, "config.json", '{"providers": {"OpenAI": {}, "anthropic": {}}}')
    proc, report = hash_json("--target-version", "2.0", "--algorithm", "bifrost", "--provider", "openai", str(path))
    assert [r["provider"] for r in report["hashes"]] == ["OpenAI"]
    assert report["hashes"][0]["value"] == EMPTY_OPENAI  # Bifrost lower-cases ids it loads from a file
    proc = run_provlint("hash", "--target-version", "1.5", "--provider", "mistral", str(path))
    assert (proc.returncode, proc.stdout) == (2, b"")
    assert proc.stderr.decode() == "provlint: error: no provider `mistral` in the given files\n"


def test_a_response_config_hash_is_checked_under_2_0(tmp_path):
    right = write(tmp_path, "right.json", json.dumps({"name": "openai", "config_hash": EMPTY_OPENAI}))
    wrong = write(tmp_path, "wrong.json", json.dumps({"name": "openai", "config_hash": "0" * 64}))
    _, report = hash_json("--target-version", "2.0", "--algorithm", "bifrost", str(right), str(wrong))
    assert [(r["config_hash"], r["matches"]) for r in report["hashes"]] == [(EMPTY_OPENAI, True), ("0" * 64, False)]


def test_env_file_values_go_into_the_bifrost_hash_only(tmp_path):
    path = write(
        tmp_path,
        "config.json",
        '{"providers": {"openai": {"proxy_config": {"type": "http", "url": "https://p:3128", "password": "env.PROXY_PASSWORD"}}}}',
    )
    one = write(tmp_path, "one.env", 'PROXY_PASSWORD="first"\n')
    two = write(tmp_path, "two.env", "PROXY_PASSWORD=second\n")
    _, first = hash_json("--target-version", "2.0", "--env-file", str(one), str(path))
    _, second = hash_json("--target-version", "2.0", "--env-file", str(two), str(path))
    assert first["hashes"][0]["value"] != second["hashes"][0]["value"]
    assert first["hashes"][0]["environment"] == ["PROXY_PASSWORD"]
    _, first = hash_json("--target-version", "1.5", "--env-file", str(one), str(path))
    _, second = hash_json("--target-version", "1.5", "--env-file", str(two), str(path))
    assert first["hashes"][0]["value"] == second["hashes"][0]["value"]
    assert first["hashes"][0]["environment"] == []


def test_yaml_and_json_of_one_config_hash_alike(tmp_path):
    json_path = write(tmp_path, "config.json", '{"providers": {"openai": {"network_config": {"extra_headers": {"X-Org": "a"}, "max_retries": 2}}}}')
    yaml_path = write(tmp_path, "config.yaml", "providers:\n  openai:\n    network_config:\n      max_retries: 2\n      extra_headers:\n        x-org: a\n")
    _, report = hash_json("--target-version", "1.5", str(json_path), str(yaml_path))
    assert report["hashes"][0]["value"] == report["hashes"][1]["value"]


def test_standard_input_is_read_as_json():
    proc = run_provlint("hash", "--target-version", "2.0", "--algorithm", "bifrost", "-", input=b'{"providers": {"openai": {}}}')
    assert proc.returncode == 0
    assert proc.stdout.decode().split() == ["<stdin>", "openai", "bifrost", "2.0", EMPTY_OPENAI]


def test_a_config_without_providers_has_no_rows(tmp_path):
    path = write(tmp_path, "config.json", '{"$schema": "https://www.getbifrost.ai/schema", "client": {}}')
    proc = run_provlint("hash", "--target-version", "1.5", str(path))
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"", b"")


# Errors: exit 2 with one line, or a file that is reported and exit 1; never a traceback


def test_missing_path_exits_2_with_one_line(tmp_path):
    proc = run_provlint("hash", "--target-version", "1.5", str(tmp_path / "nope.json"))
    assert (proc.returncode, proc.stdout) == (2, b"")
    assert proc.stderr.decode() == f"provlint: error: path does not exist: {tmp_path / 'nope.json'}\n"


@pytest.mark.parametrize("env_file", ["missing.env", "."])
def test_unreadable_env_file_exits_2_with_one_line(tmp_path, env_file):
    path = write(tmp_path, "config.json", '{"providers": {"openai": {}}}')
    proc = run_provlint("hash", "--target-version", "1.5", "--env-file", str(tmp_path / env_file), str(path))
    assert (proc.returncode, proc.stdout) == (2, b"")
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("provlint: error: cannot read env file")
    no_traceback(proc)


def test_unparseable_and_foreign_files_are_reported_and_fail(tmp_path):
    broken = write(tmp_path, "broken.json", '{"providers": {')
    foreign = write(tmp_path, "package.json", '{"name": "x", "version": "1.0.0"}')
    proc = run_provlint("hash", "--target-version", "1.5", str(broken), str(foreign))
    assert (proc.returncode, proc.stdout) == (1, b"")
    lines = proc.stderr.decode().splitlines()
    assert lines[0].startswith(f"provlint: {broken}: cannot parse (1:")
    assert lines[1] == f"provlint: {foreign}: not a Bifrost config file, provider request or provider response"
    _, report = hash_json("--target-version", "1.5", str(broken), str(foreign))
    assert [e["file"] for e in report["errors"]] == [str(broken), str(foreign)]
    no_traceback(proc)


def test_a_folder_walk_skips_files_that_are_not_bifrost(tmp_path):
    write(tmp_path, "package.json", '{"name": "x"}')
    write(tmp_path, "notes.json", "not json at all")
    write(tmp_path, "config.json", '{"providers": {"openai": {}}}')
    proc = run_provlint("hash", "--target-version", "2.0", "--algorithm", "bifrost", str(tmp_path))
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout.decode().split() == [str(tmp_path / "config.json"), "openai", "bifrost", "2.0", EMPTY_OPENAI]


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe not utf-8",
        b"[1, 2, 3]",
        b'{"providers": []}',
        b'{"providers": {"openai": null, "x": 5}}',
        b'{"provider": 5, "network_config": {}}',
        b'{"providers": {"openai": {"network_config": {"retry_backoff_max": 1e400}}}}',
        b'{"providers": {"openai": {"network_config": {"extra_headers": {"A": "1", "a": "2"}}}}}',
        b'{"providers": {"\\ud800": {"proxy_config": {"password": {"ref": "sk-live-secret"}}}}}',
    ],
)
def test_odd_inputs_never_crash(tmp_path, content):
    path = write(tmp_path, "odd.json", content)
    for target in ("1.5", "2.0"):
        for output_format in ("text", "json"):
            proc = run_provlint("hash", "--target-version", target, "--output-format", output_format, str(path))
            assert proc.returncode in (0, 1), proc.stderr
            assert b"internal error" not in proc.stderr and b"sk-live-secret" not in proc.stdout + proc.stderr
            no_traceback(proc)


def test_secrets_in_the_hashed_files_are_never_printed(tmp_path):
    secrets = [
        line[2:].strip()
        for line in fixture("secrets", "SECRETS.md").read_text().splitlines()
        if line.startswith("- ")
    ]
    files = [str(fixture("secrets", "config.json")), str(fixture("secrets", "config.yaml"))]
    for target in ("1.5", "2.0"):
        for output_format in ("text", "json"):
            proc = run_provlint("hash", "--target-version", target, "--output-format", output_format, *files)
            output = proc.stdout.decode() + proc.stderr.decode()
            assert proc.stdout and not [s for s in secrets if s in output]


# --- review follow-ups: redacted responses, the dotenv format ------------------------------

def test_a_redacted_response_gets_no_hash_and_no_verdict(tmp_path):
    import json as _json

    response = {
        "name": "openai", "provider_status": "active", "config_hash": "0" * 64,
        "proxy_config": {"type": "http", "url": "https://proxy.example:3128", "password": "<REDACTED>"},
    }
    (tmp_path / "r.json").write_text(_json.dumps(response))
    proc = run_provlint("hash", "--target-version", "2.0", "--algorithm", "bifrost", "--output-format", "json", "r.json", cwd=tmp_path)
    (row,) = _json.loads(proc.stdout)["hashes"]
    assert row["value"] is None and row["matches"] is None
    assert row["reason"] == "a secret here is redacted by the API, so the gateway's hash cannot be known"
    assert row["reason_pointer"] == "/proxy_config/password"
    assert proc.returncode == 1


def test_env_file_dotenv_format(tmp_path):
    from provlint.envfile import read_env_file

    env = tmp_path / ".env"
    env.write_text(
        '# comment\nexport A=plain\nB="quoted \\"inner\\" \\\\ back"\nC=\'single $NOT\'\nD="two\\nlines"\nE=\n'
    )
    assert read_env_file(str(env)) == {
        "A": "plain", "B": 'quoted "inner" \\ back', "C": "single $NOT", "D": "two\nlines", "E": "",
    }


def test_env_file_with_a_line_that_does_not_parse_is_a_usage_error(tmp_path):
    (tmp_path / "bad.env").write_text('PPASS="Hunter2Secret\nPUSER=svc\n')
    (tmp_path / "p.json").write_text('{"provider": "openai"}')
    proc = run_provlint("hash", "--target-version", "2.0", "--env-file", "bad.env", "p.json", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode() == "provlint: error: env file bad.env, line 1: cannot parse it (an unclosed quote?)\n"
    assert b"Hunter2Secret" not in proc.stderr + proc.stdout
