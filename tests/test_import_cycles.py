"""No import circle among provlint's modules.

How it checks: every ``provlint/**/*.py`` file is parsed with ``ast`` (nothing is imported),
and each import that runs when the module is loaded becomes an edge of a module graph: the
imports at module level, in class bodies and in module-level ``if``/``try``/``with`` blocks.
Imports inside functions (lazy imports) and under ``if TYPE_CHECKING:`` never run at load time
and make no edge. ``from a.b import c`` is an edge to the module ``a.b.c`` when there is one,
else to ``a.b``; relative imports are resolved against the importing package. An import of
``a.b.c`` is an edge to ``a.b.c`` only, not to the packages ``a`` and ``a.b`` whose
``__init__`` it also runs: a package that imports its own submodules (the rule registry) is the
usual layout, not a circle. Tarjan's algorithm then finds the strongly connected components;
each one with more than one module is a circle.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "provlint"

def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def load_time_imports(tree: ast.Module):
    """Import nodes that run when the module is loaded."""
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
        elif isinstance(node, ast.stmt):
            stack.extend(ast.iter_child_nodes(node))
        elif isinstance(node, ast.excepthandler):
            stack.extend(node.body)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def import_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in load_time_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            graph[name].update(t for t in targets if t in files and t != name)
    return graph


def circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[frozenset[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def test_no_import_circle_in_provlint():
    found = circles(import_graph())
    assert found == [], sorted(sorted(c) for c in found)


def test_the_checker_finds_a_circle_and_ignores_lazy_and_type_checking_imports():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert circles(graph) == [frozenset({"a", "b", "c"})]
    tree = ast.parse(
        "import os\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import x\nelse:\n    import y\n"
        "def f():\n    import z\nclass K:\n    import w\ntry:\n    import v\nexcept ImportError:\n    import u\n"
    )
    names = sorted(a.name if isinstance(n, ast.Import) else n.module for n in load_time_imports(tree) for a in n.names)
    assert names == ["os", "typing", "u", "v", "w", "y"]


def test_models_hold_no_lint_logic():
    graph = import_graph()
    lint = ("provlint.structure", "provlint.rules", "provlint.engine", "provlint.runner")
    for module in (m for m in graph if m.startswith("provlint.models")):
        assert not [t for t in graph[module] if t.startswith(lint)], module
    assert "provlint.structure" in graph["provlint.structure.explain"]  # the checker sees real edges
    assert "provlint.structure.explain" not in graph["provlint.structure"]  # pydantic only when asked
