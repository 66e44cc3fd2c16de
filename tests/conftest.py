"""Fixtures for each role: secretariat, focal point of a group, focal point of another group,
leadership, anonymous."""

import threading
import warnings

import pytest
from django.conf import settings as django_settings
from django.db import connection, connections
from django.db.backends.signals import connection_created
from django.test import override_settings
from django.utils import translation

from asoen_portal.access import LEADERSHIP, SECRETARIAT
from tests.factories import FocalPersonFactory, UserFactory, WorkingGroupFactory


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    # Every UserFactory user gets a password, and Django's default PBKDF2 (a million rounds)
    # costs a large fraction of a second per user: the role fixtures alone made that most of
    # the service permission matrix's time. What hashing is used is not what the tests check.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    # Uploaded and rendered files of one test never leak into var/ or into another test.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _vietnamese_outside_requests():
    # A request activates the language of its cookie and leaves it active in the thread; the
    # next test would then run in English. Each test starts, and ends, in Vietnamese.
    with translation.override(django_settings.LANGUAGE_CODE):
        yield


def _name_the_session(sender, connection, **kwargs):
    # Every Django connection is otherwise anonymous in pg_stat_activity; named after the
    # thread that opened it ("MainThread", a live-server request thread, a render heartbeat),
    # a session left open at the end of the run says where it came from.
    if connection.vendor == "postgresql":
        name = f"pytest {threading.current_thread().name}"[:63]
        # On the driver's connection: a query counted by assertNumQueries would be a lie.
        with connection.connection.cursor() as cursor:
            cursor.execute("SELECT set_config('application_name', %s, false)", [name])


connection_created.connect(_name_the_session, dispatch_uid="tests-name-the-session")


@pytest.fixture(scope="session", autouse=True)
def _no_leaked_database_sessions(django_db_setup, django_db_blocker):
    """At the end of the run nothing but this process may still be connected to the test
    database, or PostgreSQL refuses to drop it and every run leaves one behind. A session
    still there is named in a warning (to be found and closed at its source) and ended, so
    the database is dropped all the same."""
    yield
    # Django names the test database test_<name>; a run whose tests all skip the database
    # never created it, and then there is nothing to check.
    if connection.vendor != "postgresql" or not connection.settings_dict["NAME"].startswith(
        "test_"
    ):
        return
    with django_db_blocker.unblock():
        connections.close_all()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid, application_name, state, backend_start, left(query, 200) "
                "FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid()"
            )
            leaked = cursor.fetchall()
            for row in leaked:
                cursor.execute("SELECT pg_terminate_backend(%s)", [row[0]])
        connection.close()
    if leaked:
        warnings.warn(f"sessions left connected to the test database: {leaked}", stacklevel=1)


@pytest.fixture
def group_ncb(db):
    return WorkingGroupFactory(
        code="AWGNCB",
        name="Nhóm công tác ASEAN về bảo tồn thiên nhiên và đa dạng sinh học",
        name_en="ASEAN Working Group on Nature Conservation and Biodiversity",
    )


@pytest.fixture
def group_cc(db):
    return WorkingGroupFactory(
        code="AWGCC",
        name="Nhóm công tác ASEAN về biến đổi khí hậu",
        name_en="ASEAN Working Group on Climate Change",
    )


@pytest.fixture
def secretariat_user(db):
    return UserFactory(username="secretariat", groups=[SECRETARIAT])


@pytest.fixture
def leadership_user(db):
    return UserFactory(username="leadership", groups=[LEADERSHIP])


@pytest.fixture
def focal_user(group_ncb):
    """Focal point of AWGNCB."""
    return FocalPersonFactory(working_group=group_ncb, user__username="focal-awgncb").user


@pytest.fixture
def other_focal_user(group_cc):
    """Focal point of AWGCC: may read AWGNCB's records but not change them."""
    return FocalPersonFactory(working_group=group_cc, user__username="focal-awgcc").user


@pytest.fixture
def anonymous_client(client):
    return client


def _client_for(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def secretariat_client(client, secretariat_user):
    return _client_for(client, secretariat_user)


@pytest.fixture
def leadership_client(client, leadership_user):
    return _client_for(client, leadership_user)


@pytest.fixture
def focal_client(client, focal_user):
    return _client_for(client, focal_user)


@pytest.fixture
def other_focal_client(client, other_focal_user):
    return _client_for(client, other_focal_user)
