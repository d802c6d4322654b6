"""Layering rules of the code base, checked by reading the modules' import statements (ast)."""

import ast
from pathlib import Path

from provlint.rules import RULE_MODULES

PACKAGE = Path(__file__).parent.parent / "provlint"


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_rule_module_imports_another_rule_module():
    rule_modules = {f"provlint.rules.{name}" for name in RULE_MODULES}
    for name in RULE_MODULES:
        others = imported_modules(PACKAGE / "rules" / f"{name}.py") & (rule_modules - {f"provlint.rules.{name}"})
        assert not others, f"{name} imports {sorted(others)}"


def test_written_modules_stay_under_400_lines_and_only_validators_are_generated():
    # Generated code is as long as the schema it checks (docs/ARCHITECTURE.md); the header is
    # what build.py writes, and only under validators/, so a written module cannot claim it.
    too_long, generated_elsewhere = [], []
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if text.startswith("# GENERATED"):
            if path.relative_to(PACKAGE).parts[0] != "validators":
                generated_elsewhere.append(str(path))
        elif text.count("\n") > 400:
            too_long.append(f"{path.relative_to(PACKAGE)}: {text.count(chr(10))} lines")
    assert not too_long and not generated_elsewhere, (too_long, generated_elsewhere)


def test_only_the_cli_imports_click():
    for path in PACKAGE.rglob("*.py"):
        if "cli" not in path.relative_to(PACKAGE).parts:
            assert "click" not in {m.split(".")[0] for m in imported_modules(path)}, path


def test_one_constructor_of_diagnostic():
    calls = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Diagnostic":
                calls.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert len(calls) == 1 and calls[0].startswith("engine.py:"), calls
