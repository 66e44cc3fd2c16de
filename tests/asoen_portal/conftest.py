"""Fixtures of the URL permission audit (tests/asoen_portal/test_url_*.py): the seed and the
world (world.py), a client per role, a concrete URL for every route (routes.py) and a valid
POST body for each write route (audit.py)."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from tests.asoen_portal.audit import payload_makers
from tests.asoen_portal.routes import concrete_urls
from tests.asoen_portal.world import build_world


@pytest.fixture(scope="module")
def _seeded(django_db_setup, django_db_blocker):
    """The seed, loaded once per module inside a transaction rolled back at its end; each
    test's own transaction nests in it as a savepoint, so tests still leave no trace."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_seed", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def world(_seeded, db, secretariat_user, leadership_user, focal_user, other_focal_user):
    """The seed and one AWGNCB activity, task, hosted meeting, checklist item and file each."""
    return build_world(
        secretariat_user=secretariat_user,
        focal_user=focal_user,
        other_focal_user=other_focal_user,
        leadership_user=leadership_user,
    )


@pytest.fixture
def role_clients(world):
    clients = {}
    for role, user in world["users"].items():
        clients[role] = Client()
        clients[role].force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return clients


@pytest.fixture
def urls(world):
    """Route name → a concrete URL on the fixture's records."""
    return concrete_urls(world)


@pytest.fixture
def payloads(urls, role_clients):
    return payload_makers(urls, role_clients["secretariat"])
