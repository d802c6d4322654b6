"""Every settings key and the precedence order, through the CLI, in temporary projects."""

import textwrap

from tests.conftest import run_provlint

SKIP_VERIFY = '{\n  "network_config": {\n    "insecure_skip_verify": true,\n    "max_retry": 1\n  }\n}\n'
PL301 = "PL301 [error]"


def project(tmp_path, files: dict):
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content) if name.endswith(".toml") else content)
    return tmp_path


def check(tmp_path, *args):
    proc = run_provlint("check", "--output-format", "concise", "-q", *args, cwd=tmp_path)
    return proc.returncode, proc.stdout.decode().splitlines(), proc.stderr.decode()


def codes(lines):
    return [line.split(": ")[1].split(" ")[0] for line in lines]


def test_no_settings_file_gives_defaults(tmp_path):
    project(tmp_path, {"p.json": SKIP_VERIFY})
    assert check(tmp_path, "p.json")[:2] == (1, ["p.json:3:29: PL301 [error] TLS certificate verification is off (`insecure_skip_verify: true`): anyone on the network path can read prompts and API keys; trust the provider's CA with `ca_cert_pem` instead", "p.json:4:5: PL101 [error] unknown field `max_retry` in network_config; did you mean `max_retries`?"])


def test_pyproject_ignore_by_code_name_and_prefix(tmp_path):
    for selector in ("PL301", "insecure-skip-verify", "PL3"):
        project(tmp_path, {"pyproject.toml": f'[tool.provlint]\nignore = ["{selector}"]\n', "p.json": SKIP_VERIFY})
        assert codes(check(tmp_path, "p.json")[1]) == ["PL101"]


def test_pyproject_without_table_is_passed_over_for_provlint_toml(tmp_path):
    project(tmp_path, {"pyproject.toml": "[project]\nname = 'x'\n", "provlint.toml": 'ignore = ["PL101"]\n', "p.json": SKIP_VERIFY})
    assert codes(check(tmp_path, "p.json")[1]) == ["PL301"]


def test_pyproject_wins_over_provlint_toml_and_dot_file(tmp_path):
    project(tmp_path, {
        "pyproject.toml": '[tool.provlint]\nignore = ["PL101"]\n',
        "provlint.toml": 'ignore = ["PL301"]\n',
        ".provlint.toml": 'ignore = ["ALL"]\n',
        "p.json": SKIP_VERIFY,
    })
    assert codes(check(tmp_path, "p.json")[1]) == ["PL301"]


def test_dot_provlint_toml_is_found(tmp_path):
    project(tmp_path, {".provlint.toml": 'ignore = ["PL301"]\n', "p.json": SKIP_VERIFY})
    assert codes(check(tmp_path, "p.json")[1]) == ["PL101"]


def test_nearest_settings_file_applies_per_file(tmp_path):
    project(tmp_path, {
        "provlint.toml": 'ignore = ["PL101"]\n',
        "team/provlint.toml": 'ignore = ["PL301"]\n',
        "a.json": SKIP_VERIFY,
        "team/b.json": SKIP_VERIFY,
    })
    rc, lines, _ = check(tmp_path, ".")
    assert [(line.split(":")[0], codes([line])[0]) for line in lines] == [("a.json", "PL301"), ("team/b.json", "PL101")]


def test_select_and_extend_select_and_specificity(tmp_path):
    project(tmp_path, {"provlint.toml": 'select = ["PL301"]\nignore = ["PL3"]\n', "p.json": SKIP_VERIFY})
    assert codes(check(tmp_path, "p.json")[1]) == ["PL301"]  # the exact code beats the prefix
    project(tmp_path, {"provlint.toml": 'select = ["PL1"]\nextend-select = ["PL301"]\n', "p.json": SKIP_VERIFY})
    assert codes(check(tmp_path, "p.json")[1]) == ["PL301", "PL101"]


def test_command_line_overrides_the_file(tmp_path):
    project(tmp_path, {"provlint.toml": 'select = ["PL301"]\n', "p.json": SKIP_VERIFY})
    assert codes(check(tmp_path, "--select", "PL101", "p.json")[1]) == ["PL101"]
    assert codes(check(tmp_path, "--ignore", "PL301", "p.json")[1]) == []
    assert codes(check(tmp_path, "--extend-select", "PL1", "p.json")[1]) == ["PL301", "PL101"]


def test_isolated_and_config(tmp_path):
    project(tmp_path, {"provlint.toml": 'ignore = ["ALL"]\n', "other.toml": 'ignore = ["PL101"]\n', "p.json": SKIP_VERIFY})
    assert codes(check(tmp_path, "p.json")[1]) == []
    assert codes(check(tmp_path, "--isolated", "p.json")[1]) == ["PL301", "PL101"]
    assert codes(check(tmp_path, "--config", "other.toml", "p.json")[1]) == ["PL301"]


def test_per_file_ignores(tmp_path):
    project(tmp_path, {
        "provlint.toml": '[per-file-ignores]\n"staging/*.json" = ["PL301"]\n"legacy.json" = ["unknown-field"]\n',
        "staging/p.json": SKIP_VERIFY,
        "legacy.json": SKIP_VERIFY,
        "prod.json": SKIP_VERIFY,
    })
    rc, lines, _ = check(tmp_path, ".")
    assert [(line.split(":")[0], codes([line])[0]) for line in lines] == [
        ("legacy.json", "PL301"), ("prod.json", "PL301"), ("prod.json", "PL101"), ("staging/p.json", "PL101"),
    ]


def test_severity_overrides_and_off(tmp_path):
    project(tmp_path, {"provlint.toml": '[severity]\nPL301 = "warning"\nunknown-field = "off"\n', "p.json": SKIP_VERIFY})
    rc, lines, _ = check(tmp_path, "p.json")
    assert rc == 0
    assert [line.split(": ")[1][:15] for line in lines] == ["PL301 [warning]"]


def test_fail_level(tmp_path):
    project(tmp_path, {"provlint.toml": '[severity]\nPL301 = "warning"\nPL101 = "info"\n', "p.json": SKIP_VERIFY})
    assert check(tmp_path, "p.json")[0] == 0
    assert check(tmp_path, "--fail-level", "warning", "p.json")[0] == 1
    project(tmp_path, {"provlint.toml": 'fail-level = "info"\n[severity]\nPL301 = "off"\nPL101 = "info"\n', "p.json": SKIP_VERIFY})
    assert check(tmp_path, "p.json")[0] == 1
    assert check(tmp_path, "--fail-level", "error", "p.json")[0] == 0


def test_exit_zero(tmp_path):
    project(tmp_path, {"p.json": SKIP_VERIFY})
    rc, lines, _ = check(tmp_path, "--exit-zero", "p.json")
    assert rc == 0 and len(lines) == 2


def test_exceptions_waive_by_pointer_and_need_a_reason(tmp_path):
    project(tmp_path, {
        "provlint.toml": """
            [[exceptions]]
            files = "p.json"
            pointer = "/network_config/insecure_skip_verify"
            rules = ["insecure-skip-verify"]
            reason = "lab gateway with a self-signed certificate, tracked in OPS-12"
        """,
        "p.json": SKIP_VERIFY,
    })
    assert codes(check(tmp_path, "p.json")[1]) == ["PL101"]
    project(tmp_path, {"provlint.toml": '[[exceptions]]\nfiles = "p.json"\npointer = ""\nrules = ["PL301"]\n', "p.json": SKIP_VERIFY})
    rc, lines, err = check(tmp_path, "p.json")
    assert rc == 2 and err.endswith("`exceptions[0]` needs a `reason`: say why the finding is acceptable\n")


def test_exception_matching_nothing_is_pl902_at_its_header(tmp_path):
    project(tmp_path, {
        "provlint.toml": """
            ignore = []

            [[exceptions]]
            files = "*.json"
            pointer = "/network_config"
            rules = ["PL301"]
            reason = "used"

            [[exceptions]]
            files = "*.json"
            pointer = "/proxy_config"
            rules = ["PL302"]
            reason = "stale"
        """,
        "p.json": SKIP_VERIFY,
    })
    rc, lines, _ = check(tmp_path, "p.json")
    assert lines == [
        "p.json:4:5: PL101 [error] unknown field `max_retry` in network_config; did you mean `max_retries`?",
        "provlint.toml:10:1: PL902 [warning] exception 2 (files `*.json`, pointer `/proxy_config`, rules PL302) matched no finding; remove it",
    ]


def test_roots_point_into_a_larger_file(tmp_path):
    values = (
        "replicaCount: 2\ngateway:\n  bifrost:\n    providers:\n      opnai:\n"
        "        keys: [{name: k, value: env.OPENAI_API_KEY, weight: 1, models: ['*']}]\n"
    )
    project(tmp_path, {"provlint.toml": '[roots]\n"helm/*.yaml" = "/gateway/bifrost"\n', "helm/values.yaml": values})
    rc, lines, _ = check(tmp_path, "helm/values.yaml")
    assert lines == ["helm/values.yaml:5:7: PL201 [error] unknown provider `opnai` for Bifrost 2.2; did you mean `openai`?"]


def test_a_root_that_names_nothing_is_reported_in_a_walk_too(tmp_path):
    # The settings say these files hold a Bifrost config there: never a silent skip (issue 11).
    values = "replicaCount: 2\ngateway:\n  other: {}\n"
    project(tmp_path, {"provlint.toml": '[roots]\n"helm/*.yaml" = "/gateway/bifrost"\n', "helm/values.yaml": values,
                       "helm/chart.yaml": "name: gateway\n"})
    message = (": PL003 [warning] the settings' `roots` pointer `/gateway/bifrost` names nothing in this file; "
               "fix the pointer or the file glob")
    for args in (("helm/values.yaml",), (".",), ("--force-exclude", "helm/values.yaml")):
        rc, lines, _ = check(tmp_path, *args)
        assert rc == 0
        if args == (".",):
            assert lines == ["helm/chart.yaml:1:1" + message, "helm/values.yaml:2:1" + message]
        else:
            assert lines == ["helm/values.yaml:2:1" + message]  # at `gateway`, the part that exists


def test_exclude_skips_walked_files_only(tmp_path):
    project(tmp_path, {"provlint.toml": 'exclude = ["vendor/*"]\n', "vendor/p.json": SKIP_VERIFY})
    assert check(tmp_path, ".")[1] == []
    assert codes(check(tmp_path, "vendor/p.json")[1]) == ["PL301", "PL101"]


def test_target_version_key_is_validated(tmp_path):
    project(tmp_path, {"provlint.toml": 'target-version = "1.4"\n', "p.json": SKIP_VERIFY})
    rc, lines, err = check(tmp_path, "p.json")
    assert rc == 2 and "`target-version` '1.4' is not a Bifrost line provlint knows: 1.5, 2.0, 2.1, 2.2" in err


def test_unknown_keys_rule_names_and_values_are_usage_errors_with_did_you_mean(tmp_path):
    cases = {
        'ignroe = ["PL301"]\n': "unknown setting `ignroe`; did you mean `ignore`?",
        'ignore = ["insecure-skip-verfy"]\n': "unknown rule or rule prefix `insecure-skip-verfy`; did you mean `insecure-skip-verify`?",
        '[severity]\nPL301 = "warn"\n': "`severity.PL301` must be one of error, warning, info, off, not 'warn'; did you mean `warning`?",
        'fail-level = "eror"\n': "did you mean `error`?",
        '[[exceptions]]\nfile = "x"\nreason = "r"\n': "`exceptions[0]`: unknown key `file`; did you mean `files`?",
        'placeholder-patterns = ["("]\n': "is not a valid regular expression",
        '[roots]\n"*.yaml" = "gateway"\n': "must be a JSON Pointer",
    }
    for content, message in cases.items():
        project(tmp_path, {"provlint.toml": content, "p.json": SKIP_VERIFY})
        rc, lines, err = check(tmp_path, "p.json")
        assert (rc, lines) == (2, []), content
        assert message in err and "Traceback" not in err, (content, err)
    rc, _, err = check(tmp_path, "--isolated", "--select", "PL999", "p.json")
    assert rc == 2 and "unknown rule or rule prefix `PL999`" in err


def test_show_settings(tmp_path):
    project(tmp_path, {"provlint.toml": 'ignore = ["PL101"]\nplaceholder-patterns = ["^sk-test-"]\n', "p.json": SKIP_VERIFY})
    proc = run_provlint("check", "--show-settings", "p.json", cwd=tmp_path)
    text = proc.stdout.decode()
    assert proc.returncode == 0
    assert f"# settings file: {tmp_path / 'provlint.toml'}" in text
    assert 'ignore = ["PL101"]' in text and 'placeholder-patterns = ["^sk-test-"]' in text


def test_statistics_and_quiet(tmp_path):
    project(tmp_path, {"a.json": SKIP_VERIFY, "b.json": SKIP_VERIFY})
    proc = run_provlint("check", "--statistics", ".", cwd=tmp_path)
    assert proc.stdout.decode().splitlines() == [
        "    2\tPL101\tunknown-field\t[error]",
        "    2\tPL301\tinsecure-skip-verify\t[error]",
    ]
    assert proc.returncode == 1
    quiet = run_provlint("check", "--output-format", "full", "--quiet", ".", cwd=tmp_path).stdout.decode()
    assert "Found" not in quiet and "PL301" in quiet


def test_yaml_ignore_comments(tmp_path):
    yaml = (
        "network_config:\n"
        "  insecure_skip_verify: true  # provlint: ignore[insecure-skip-verify]\n"
        "  # provlint: ignore[PL101]\n"
        "  max_retry: 1\n"
        "  max_retires: 2  # provlint: ignore[PL3]\n"
    )
    project(tmp_path, {"p.yaml": yaml})
    rc, lines, _ = check(tmp_path, "p.yaml")
    assert lines == [
        "p.yaml:5:3: PL101 [error] unknown field `max_retires` in network_config; did you mean `max_retries`?",
        "p.yaml:5:19: PL902 [warning] `# provlint: ignore[PL3]` waives no finding; remove it",
    ]


def test_yaml_disable_file(tmp_path):
    project(tmp_path, {"p.yaml": "# provlint: disable-file\nnetwork_config:\n  insecure_skip_verify: true\n"})
    assert check(tmp_path, "p.yaml")[:2] == (0, [])


def test_globs_may_start_with_a_dot_folder_or_dot_slash(tmp_path):
    project(tmp_path, {
        "provlint.toml": '[per-file-ignores]\n".github/*.json" = ["PL301"]\n"./ops/*.json" = ["PL101"]\n',
        ".github/c.json": SKIP_VERIFY,
        "ops/d.json": SKIP_VERIFY,
    })
    assert codes(check(tmp_path, ".github/c.json")[1]) == ["PL101"]
    assert codes(check(tmp_path, "ops/d.json")[1]) == ["PL301"]
    project(tmp_path, {"provlint.toml": 'exclude = [".github/*"]\n'})
    assert [line.split(":")[0] for line in check(tmp_path, ".")[1]] == ["ops/d.json", "ops/d.json"]


def test_a_pyproject_whose_tool_is_not_a_table_is_passed_over(tmp_path):
    project(tmp_path, {"pyproject.toml": "tool = 1\n", "p.json": SKIP_VERIFY})
    rc, lines, err = check(tmp_path, "p.json")
    assert (rc, codes(lines), err) == (1, ["PL301", "PL101"], "")


def test_command_line_is_a_later_layer_than_the_file(tmp_path):
    # The file ignores PL301; --select PL301 on the command line still enables it (ruff's order).
    project(tmp_path, {"provlint.toml": 'ignore = ["PL301"]\n', "p.json": SKIP_VERIFY})
    assert codes(check(tmp_path, "--select", "PL301", "p.json")[1]) == ["PL301"]
    # The file selects PL301 exactly; --ignore PL3 on the command line still disables it.
    project(tmp_path, {"provlint.toml": 'select = ["PL301", "PL101"]\n', "p.json": SKIP_VERIFY})
    assert codes(check(tmp_path, "--ignore", "PL3", "p.json")[1]) == ["PL101"]
    # --extend-select adds to the file's selection, and beats the file's ignore.
    project(tmp_path, {"provlint.toml": 'select = ["PL1"]\nignore = ["PL3"]\n', "p.json": SKIP_VERIFY})
    assert codes(check(tmp_path, "--extend-select", "PL301", "p.json")[1]) == ["PL301", "PL101"]
    # Per-file ignores still apply last.
    project(tmp_path, {"provlint.toml": '[per-file-ignores]\n"p.json" = ["PL301"]\n', "p.json": SKIP_VERIFY})
    assert codes(check(tmp_path, "--select", "PL301,PL101", "p.json")[1]) == ["PL101"]


def test_an_exception_for_files_not_linted_in_this_run_is_not_reported_unused(tmp_path):
    project(tmp_path, {
        "provlint.toml": """
            fail-level = "warning"

            [[exceptions]]
            files = "lab/*.json"
            pointer = "/network_config"
            rules = ["PL301"]
            reason = "lab gateway"
        """,
        "prod/p.json": '{"network_config": {"max_retries": 1}}',
        "lab/l.json": '{"network_config": {"max_retries": 1}}',
    })
    assert check(tmp_path, "prod/p.json")[:2] == (0, [])
    rc, lines, _ = check(tmp_path, "lab/l.json")
    assert rc == 1 and codes(lines) == ["PL902"]


def test_a_provlint_comment_inside_a_quoted_value_is_no_comment(tmp_path):
    project(tmp_path, {"s.yaml": 'network_config:\n  insecure_skip_verify: true\n  base_url: "https://x/a # provlint: disable-file"\n'})
    assert codes(check(tmp_path, "--select", "PL301", "s.yaml")[1]) == ["PL301"]
