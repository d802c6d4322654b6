"""The README's CI snippets work as written: the pre-commit one with the real framework, the
GitHub Actions and GitLab CI ones by running their provlint command lines and reading the files
they write."""

import json
import re
import shlex
import subprocess
import sys

import pytest
from ruamel.yaml import YAML

from tests.cli.test_pre_commit_hooks import PRE_COMMIT, make_project, offline_environment
from tests.paths import REPO, fixture

README = (REPO / "README.md").read_text()


def snippet(heading: str):
    """The first YAML block under a README heading, parsed."""
    section = README.split(f"\n### {heading}\n", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.DOTALL).group(1)
    return YAML(typ="safe").load(block), block


def run_line(line: str, cwd, env):
    words = shlex.split(line)
    assert words[:2] == ["provlint", "check"], line
    return subprocess.run([sys.executable, "-m", "provlint", *words[1:]], cwd=cwd, env=env, capture_output=True, timeout=120)


def ci_environment(**extra):
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PROVLINT_", "NO_COLOR"))}
    env.update(extra)
    return env


def test_the_pre_commit_snippet_runs_the_hooks_of_this_repository(tmp_path):
    config, block = snippet("pre-commit")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, check=True).stdout.decode().strip()
    # The published repository and tag, replaced by this checkout and its HEAD (the hooks as committed).
    (repo,) = config["repos"]
    block = block.replace(repo["repo"], str(REPO)).replace(f"rev: {repo['rev']}", f"rev: {head}")
    root = tmp_path / "project"
    root.mkdir()
    make_project(root)
    (root / ".pre-commit-config.yaml").write_text(block)
    proc = subprocess.run([str(PRE_COMMIT), "run", "--all-files"], cwd=root, env=offline_environment(tmp_path / "home"),
                          capture_output=True, timeout=600)
    text = proc.stdout.decode() + proc.stderr.decode()
    assert proc.returncode == 1, text
    assert re.search(r"^provlint\.+Failed$", text, re.MULTILINE) and re.search(r"^provlint config_hash\.+Passed$", text, re.MULTILINE)
    assert "bad.json:1:" in text and "package.json" not in text and "ci.yml" not in text


@pytest.fixture
def checkout(tmp_path):
    for name in ("config.json", "config.yaml", "add-provider.json"):
        (tmp_path / name).write_bytes(fixture("demo", name).read_bytes())
    (tmp_path / "package.json").write_text('{"name": "x"}')
    return tmp_path


def test_the_github_actions_snippet_annotates_summarises_and_writes_valid_sarif(checkout):
    import jsonschema

    workflow, _ = snippet("GitHub Actions")
    steps = workflow["jobs"]["provlint"]["steps"]
    assert workflow["jobs"]["provlint"]["permissions"]["security-events"] == "write"
    summary = checkout / "step-summary.md"
    env = ci_environment(GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    annotate, sarif_step = [s for s in steps if str(s.get("run", "")).startswith("provlint check")]
    shown = run_line(annotate["run"], checkout, env)
    assert shown.returncode == 1
    assert shown.stdout.decode().startswith("::group::add-provider.json\n::error file=add-provider.json,line=8,col=29,")
    assert "| PL302 plaintext-proxy-credentials | error | 3 |" in summary.read_text()
    written = run_line(sarif_step["run"], checkout, env)
    assert written.returncode == 0  # --exit-zero: the upload step runs, code scanning judges
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif"))
    log = json.loads((checkout / upload["with"]["sarif_file"]).read_text())
    schema = json.loads(fixture("sarif", "sarif-schema-2.1.0.json").read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    assert len(log["runs"][0]["results"]) == 15  # 13 errors, 2 PL506 warnings


def test_the_gitlab_snippet_writes_the_code_quality_report_the_artifact_names(checkout):
    pipeline, _ = snippet("GitLab CI")
    job = pipeline["provlint"]
    (line,) = [s for s in job["script"] if s.startswith("provlint check")]
    proc = run_line(line, checkout, ci_environment(GITLAB_CI="true"))
    assert proc.returncode == 1 and proc.stdout == b""
    issues = json.loads((checkout / job["artifacts"]["reports"]["codequality"]).read_text())
    assert len(issues) == 15  # 13 errors, 2 PL506 warnings
    for issue in issues:
        assert issue.keys() >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["positions"]["begin"]["line"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
