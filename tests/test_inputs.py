"""Every input is judged before any rule runs: read, parse, kind, verdict (inputs.py)."""

import os

import pytest

from provlint.catalog import load_catalog
from provlint.discovery import STDIN, InputFile
from provlint.inputs import Verdict, judge_input
from provlint.runner import lint_paths
from provlint.source import DocumentKind
from tests.conftest import NOW, run_provlint

V15 = (load_catalog("1.5"),)
WORKFLOW = "name: ci\non:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"


def judge(tmp_path, name, content, *, explicit=True, **options):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return judge_input(InputFile(str(path), explicit), str(path), V15, **options)


@pytest.mark.parametrize(
    "name, content, explicit, verdict, kind",
    [
        ("c.json", '{"providers": {}}', True, Verdict.BIFROST, DocumentKind.CONFIG),
        ("c.json", '{"providers": {}}', False, Verdict.BIFROST, DocumentKind.CONFIG),
        ("ci.yml", WORKFLOW, True, Verdict.STRANGER, DocumentKind.UNKNOWN),
        ("ci.yml", WORKFLOW, False, Verdict.SKIPPED, DocumentKind.UNKNOWN),
        # Walked files must have Bifrost's types too: a Terraform `provider` object is no payload.
        ("main.tf.json", '{"provider": {"aws": {}}}', False, Verdict.SKIPPED, DocumentKind.UNKNOWN),
        ("main.tf.json", '{"provider": {"aws": {}}}', True, Verdict.BIFROST, DocumentKind.ADD_PROVIDER),
        ("b.json", '{"providers": {', True, Verdict.UNPARSEABLE, DocumentKind.UNKNOWN),
        ("b.json", '{"providers": {', False, Verdict.UNPARSEABLE, DocumentKind.UNKNOWN),
        ("notes.json", "not json, mentions a provider", False, Verdict.SKIPPED, DocumentKind.UNKNOWN),
        ("notes.json", "not json, mentions a provider", True, Verdict.UNPARSEABLE, DocumentKind.UNKNOWN),
    ],
)
def test_verdicts(tmp_path, name, content, explicit, verdict, kind):
    judged = judge(tmp_path, name, content, explicit=explicit)
    assert (judged.verdict, judged.kind, judged.explicit) == (verdict, kind, explicit)
    assert judged.document is not None and judged.reason is None


def test_a_forced_kind_and_a_root(tmp_path):
    assert judge(tmp_path, "p.json", '{"a": 1}', kind=DocumentKind.UPDATE_PROVIDER).kind is DocumentKind.UPDATE_PROVIDER
    helm = '{"gateway": {"providers": {}}}'
    assert judge(tmp_path, "v.json", helm, root="/gateway").verdict is Verdict.BIFROST
    assert judge(tmp_path, "v.json", helm, root="/nothing").verdict is Verdict.STRANGER


def test_an_unreadable_file_is_a_value(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    judged = judge_input(InputFile(str(fifo), True), str(fifo), V15)
    assert (judged.verdict, judged.reason, judged.document) == (Verdict.UNREADABLE, "cannot read the file: not a regular file", None)


def test_standard_input_takes_its_format_from_the_name_shown(tmp_path):
    import io

    judged = judge_input(InputFile(STDIN, True), "values.yaml", V15, stdin=io.BytesIO(b"providers: {}\n"))
    assert (judged.verdict, judged.kind, judged.document.format.value) == (Verdict.BIFROST, DocumentKind.CONFIG, "yaml")


def test_a_named_stranger_gets_pl003_alone(tmp_path):
    # Before: PL004 on the workflow's `on:` key besides PL003, though provlint called it no config.
    path = tmp_path / "ci.yml"
    path.write_text(WORKFLOW)
    (result,) = lint_paths([str(path)], environment={}, now=NOW)
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("PL003", 1, 1)]


def test_a_walked_stranger_is_never_linted(tmp_path):
    (tmp_path / "ci.yml").write_text(WORKFLOW)
    (tmp_path / "grafana.yaml").write_text("apiVersion: 1\nproviders:\n  - name: on\n")
    assert lint_paths([str(tmp_path)], environment={}, now=NOW) == []


def test_check_and_hash_say_the_same_of_an_unreadable_file(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    # Run in the file's folder: a report shows the path relative to it, hash's stderr as given.
    check = run_provlint("check", "-q", "--output-format", "concise", "pipe.json", cwd=tmp_path)
    hashed = run_provlint("hash", "pipe.json", cwd=tmp_path)
    assert check.stdout.decode() == "pipe.json:1:1: PL001 [error] cannot read the file: not a regular file\n"
    assert hashed.stderr.decode() == "provlint: pipe.json: cannot read the file: not a regular file\n"
    assert (check.returncode, hashed.returncode, hashed.stdout) == (1, 1, b"")


def test_hash_passes_over_walked_strangers_as_check_does(tmp_path):
    (tmp_path / "main.tf.json").write_text('{"provider": {"aws": {"region": "eu-west-1"}}}')
    (tmp_path / "grafana.yaml").write_text("providers:\n  - name: x\n")
    proc = run_provlint("hash", str(tmp_path))
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"", b"")
