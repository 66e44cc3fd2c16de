"""The report's rooms stay in one direction: records → facts → writers → tree → renderers."""

import ast
from pathlib import Path

from django.conf import settings

REPORTS = Path(settings.BASE_DIR) / "reports"


def _imports():
    """Module → the reports modules it imports at module level (function-level imports are
    the lazy ones a cycle cannot come from)."""
    graph = {}
    for path in REPORTS.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(REPORTS.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        deps = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reports"):
                deps.add(node.module)
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name.startswith("reports")}
        graph[name] = deps
    return graph


def test_no_import_cycle_inside_reports():
    graph = _imports()

    def reaches(start, target, seen):
        for dep in graph.get(start, ()):
            if dep == target or (dep not in seen and reaches(dep, target, seen | {dep})):
                return True
        return False

    assert [name for name in graph if reaches(name, name, {name})] == []


def test_document_tree_imports_nothing_and_writers_know_no_renderer():
    graph = _imports()
    assert graph["reports.document"] == set()
    for name, deps in graph.items():
        if name.startswith(("reports.writers", "reports.facts", "reports.assemble")):
            assert "reports.render_pdf" not in deps
