"""Running ``provlint check`` in a chosen folder with a chosen environment, as CI systems do."""

import os
import subprocess
import sys

# Variables that would change the output format or colours under test: a test sets what it needs.
_CHOOSERS = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "PROVLINT_OUTPUT_FORMAT", "NO_COLOR", "GITLAB_CI")


def run_check(*args, cwd, env=None, input=b""):
    environment = {k: v for k, v in os.environ.items() if k not in _CHOOSERS}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "provlint", "check", *args], cwd=cwd, env=environment, input=input,
        capture_output=True, timeout=120,
    )
