"""The hooks of .pre-commit-hooks.yaml, run by the real pre-commit framework (`pre-commit try-repo`).

Offline: pre-commit installs this repository into a fresh virtualenv with pip. PIP_NO_INDEX keeps
pip off every index; the dependencies are those of the test's own environment (PYTHONPATH), and
PIP_NO_BUILD_ISOLATION=0 builds provlint with the setuptools already there. The first run installs
the hook environment (about 10 s); PRE_COMMIT_HOME in the test's folder keeps the user's cache
out of it.
"""

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.paths import REPO

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
CONFIG = '{"providers": {"openai": {"keys": [{"name": "k", "value": "env.K", "models": ["*"], "weight": 1}]%s}}}\n'
FILES = {
    "bad.json": CONFIG % ', "network_config": {"insecure_skip_verify": true, "max_retry": 1}',
    "clean.json": CONFIG % "",
    "package.json": '{"name": "x", "version": "1.0.0", "scripts": {"test": "jest"}}\n',
    ".github/workflows/ci.yml": "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps: [{run: 'true'}]\n",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    if not (REPO / ".git").exists() or not PRE_COMMIT.is_file() or shutil.which("git") is None:
        pytest.fail("the pre-commit tests need a git checkout of provlint, git, and pre-commit (make venv)")
    root = tmp_path_factory.mktemp("hooked")
    make_project(root)
    return root


def offline_environment(home):
    """pre-commit's environment for an offline install of this repository (module docstring)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PRE_COMMIT", "GITHUB_", "PROVLINT_"))}
    env.update(
        PRE_COMMIT_HOME=str(home),
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip reads "0" here as: do not isolate the build
        PIP_CONFIG_FILE=os.devnull,
        PYTHONPATH=sysconfig.get_paths()["purelib"],
    )
    return env


def make_project(root):
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)


def try_repo(root, *args):
    proc = subprocess.run([str(PRE_COMMIT), "try-repo", str(REPO), *args], cwd=root,
                          env=offline_environment(root.parent / "pre-commit-home"), capture_output=True, timeout=600)
    return proc.returncode, proc.stdout.decode() + proc.stderr.decode()


@pytest.fixture(scope="module")
def all_hooks(project):
    """Every hook of the manifest over every file, in one run: try-repo installs the hook
    environment afresh on each call (its own temporary store), so the tests share this one."""
    code, text = try_repo(project, "--all-files", "--verbose")
    sections = dict(part.split("\n", 1) for part in text.split("- hook id: ")[1:])
    return code, text, sections


def test_the_hook_fails_on_the_bad_config_alone_and_says_nothing_of_the_others(all_hooks):
    code, text, sections = all_hooks
    assert code == 1, text
    assert "provlint....." in text and "Failed" in text
    findings = [line for line in sections["provlint"].splitlines() if ": PL" in line]
    assert [f.split(": ")[1].split(" [")[0] for f in findings] == ["PL301", "PL101"]
    assert all(f.startswith("bad.json:1:") for f in findings)
    assert "package.json" not in text and "ci.yml" not in text and "clean.json" not in text


def test_the_hash_hook_checks_only_stale_hashes(all_hooks):
    code, text, sections = all_hooks
    assert re.search(r"^provlint config_hash\.+Passed$", text, re.MULTILINE), text
    hash_section = sections["provlint-hash"]
    assert "- exit code" not in hash_section and "PL" not in hash_section, hash_section
