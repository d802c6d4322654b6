"""The finding lifecycle as a user meets it through `provlint check`."""

from click.testing import CliRunner

from provlint.cli import cli
from provlint.records import replace
from tests.conftest import run_provlint

BROKEN = '{"network_config": {"max_retries": 2,}}'


def test_a_parse_error_is_reported_whatever_is_selected_or_ignored(tmp_path):
    (tmp_path / "broken.json").write_text(BROKEN)
    for args in (["--select", "PL3"], ["--ignore", "PL001"], ["--ignore", "ALL"]):
        done = run_provlint("check", "--output-format", "concise", *args, "broken.json", cwd=tmp_path)
        assert done.returncode == 1, args
        assert done.stdout.decode().startswith("broken.json:1:37: PL001 [error] trailing comma"), args


def test_a_rule_that_raises_on_one_file_hides_nothing_else(tmp_path, monkeypatch):
    import provlint.runner as runner

    (tmp_path / "boom.json").write_text('{"network_config": {"insecure_skip_verify": true}}')
    (tmp_path / "fine.json").write_text('{"network_config": {"insecure_skip_verify": true}}')
    original = runner.layered_rules

    def explode(ctx):
        if ctx.document.path.endswith("boom.json"):
            raise RuntimeError("bug")
        return iter(())

    def with_a_broken_rule(*args, **kwargs):
        return tuple(replace(r, check=explode) if r.code == "PL308" else r for r in original(*args, **kwargs))

    monkeypatch.setattr(runner, "layered_rules", with_a_broken_rule)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "-q", "--output-format", "concise", "boom.json", "fine.json"])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "boom.json:1:1: PL000 [error] internal error in rule PL308 (raw-payload-storage): RuntimeError; "
        "the other rules ran. Please report this with the file that caused it",
        "boom.json:1:45: PL301 [error] TLS certificate verification is off (`insecure_skip_verify: true`): "
        "anyone on the network path can read prompts and API keys; trust the provider's CA with `ca_cert_pem` instead",
        "fine.json:1:45: PL301 [error] TLS certificate verification is off (`insecure_skip_verify: true`): "
        "anyone on the network path can read prompts and API keys; trust the provider's CA with `ca_cert_pem` instead",
    ]
    assert "Traceback" not in result.output


def test_ignoring_a_warning_rule_never_raises_the_exit_code(tmp_path):
    # A legacy key is PL104 (warning); ignoring PL104 used to bring back PL101 (an error).
    (tmp_path / "legacy.json").write_text('{"network_config": {"retry_backoff_initial_ms": 500}}')
    plain = run_provlint("check", "-q", "--output-format", "concise", "legacy.json", cwd=tmp_path)
    ignored = run_provlint("check", "-q", "--output-format", "concise", "--ignore", "PL104", "legacy.json", cwd=tmp_path)
    assert (plain.returncode, ignored.returncode) == (0, 0)
    assert ignored.stdout == b""
