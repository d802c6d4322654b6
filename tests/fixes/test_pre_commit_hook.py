"""The real pre-commit framework runs the ``provlint-fix`` hook of this repository in a
temporary git repository: the first run changes the file and fails, the second passes.

Offline: pre-commit builds the hook's environment with pip from this checkout without an
index, without dependencies and without build isolation; the dependencies come from the
interpreter running the tests (PYTHONPATH), where `make venv` installed them.
"""

import os
import subprocess
import sys
import sysconfig

import pytest

from tests.paths import REPO

pytest.importorskip("pre_commit", reason="pre-commit is in the dev extras: make venv installs it")

CONFIG = b'{\n  "providers": {\n    "OpenAI": {\n      "keys": [{"name": "k", "value": "env.OPENAI_API_KEY", "weight": 1}]\n    }\n  }\n}\n'


def _git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=cwd, check=True,
                   capture_output=True)


def test_provlint_fix_hook_changes_the_file_fails_then_passes(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    _git("init", "-q", cwd=work)
    (work / "config.json").write_bytes(CONFIG)
    _git("add", "config.json", cwd=work)
    _git("commit", "-q", "-m", "config", cwd=work)
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT", "PIP_", "VIRTUAL_ENV"))
    }
    environment.update(
        PRE_COMMIT_HOME=str(tmp_path / "cache"),
        PIP_NO_INDEX="1",
        PIP_NO_DEPS="1",
        PIP_NO_BUILD_ISOLATION="0",
        PYTHONPATH=sysconfig.get_paths()["purelib"],
    )

    def run():
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "provlint-fix", "--all-files"]
        return subprocess.run(command, cwd=work, env=environment, capture_output=True, timeout=600)

    first = run()
    assert first.returncode == 1, first.stdout.decode() + first.stderr.decode()
    assert b"files were modified by this hook" in first.stdout
    assert (work / "config.json").read_bytes() == CONFIG.replace(b'"OpenAI"', b'"openai"')
    second = run()
    assert second.returncode == 0, second.stdout.decode() + second.stderr.decode()
    assert b"Passed" in second.stdout
