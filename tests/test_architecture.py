"""Each app imports only the apps below it: no import cycle between apps (imports inside
functions count too), read from the source with grimp.

asoen_portal is the project's package and holds both ends: its foundation (access, models,
forms, pagination, template tags, text) that every app imports, and its top (urls, the
dashboard, seeding, demo data, commands, exchange) that imports the apps. So each of its
first-level modules is a node of its own.
"""

import itertools
import sys
from pathlib import Path

import grimp
import pytest
from django.conf import settings

APPS = [
    "asoen_portal",
    "working_groups",
    "meetings",
    "heritage_parks",
    "cooperation",
    "reports",
    "issuance",
    "notifications",
    "people",
]
# An upward import the lead knows of, with the reason it is still here; remove it when it
# is gone (its cycle is then checked like every other).
KNOWN_UPWARD_IMPORTS = {
    ("asoen_portal.exchange", "meetings"): (
        "asoen_portal/exchange/widgets.py imports meetings.models for its meeting widget, "
        "and meetings/resources.py imports the exchange (issue 8 owns the exchange)"
    ),
}


# Apps in two layers: the modules named here sit above the rest of their app. Notices are sent
# by every app's services (notifications.events, lowest) while the reminders read those apps'
# records; the register of numbers is taken by the report's approval, while the signing of
# a report's PDF reads the reports.
UPPER_MODULES = {
    "notifications": {"reminders", "digest", "jobs", "tasks", "management"},
    "issuance": {
        "signatures",
        "signing",
        "tasks",
        "views",
        "urls",
        "templatetags",
        "demo",
        "management",
    },
}


def _node(module):
    parts = module.split(".")
    if parts[0] == "asoen_portal" and len(parts) > 1:
        return ".".join(parts[:2])
    if len(parts) > 1 and parts[1] in UPPER_MODULES.get(parts[0], ()):
        return f"{parts[0]}.upper"
    return parts[0]


@pytest.fixture(scope="module")
def app_graph():
    root = str(Path(settings.BASE_DIR))
    if root not in sys.path:
        sys.path.insert(0, root)
    graph = grimp.build_graph(*APPS, cache_dir=None)
    edges = {}
    for importer in graph.modules:
        if ".migrations" in importer:
            continue
        for imported in graph.find_modules_directly_imported_by(importer):
            a, b = _node(importer), _node(imported)
            if a != b and ".migrations" not in imported:
                edges.setdefault(a, set()).add(b)
    return edges


def _cycles(edges):
    """Every pair of nodes that reach each other (a cycle of any length passes through one)."""
    reach = {}
    for start in edges:
        seen, todo = set(), [start]
        while todo:
            for nxt in edges.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        reach[start] = seen
    return {
        frozenset({a, b})
        for a, b in itertools.combinations(sorted(reach), 2)
        if b in reach[a] and a in reach.get(b, ())
    }


def test_no_import_cycles_between_apps(app_graph):
    edges = {
        importer: {
            imported for imported in imports if (importer, imported) not in KNOWN_UPWARD_IMPORTS
        }
        for importer, imports in app_graph.items()
    }
    assert _cycles(edges) == set()


def test_apps_import_downward(app_graph):
    # The order the README's architecture section draws, lowest first.
    order = ["working_groups", "meetings", "heritage_parks", "cooperation", "reports"]
    for lower, higher in itertools.combinations(order, 2):
        assert higher not in app_graph.get(lower, set()), f"{lower} imports {higher}"


def test_portal_foundation_imports_no_app(app_graph):
    foundation = [
        "asoen_portal.access",
        "asoen_portal.archive_views",
        "asoen_portal.archiving",
        "asoen_portal.attachments",
        "asoen_portal.charts",
        "asoen_portal.forms",
        "asoen_portal.jobs",
        "asoen_portal.models",
        "asoen_portal.pagination",
        "asoen_portal.templatetags",
        "asoen_portal.text",
    ]
    for module in foundation:
        assert app_graph.get(module, set()) & set(APPS[1:]) == set(), module
