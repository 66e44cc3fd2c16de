"""Fixtures for each role: secretariat, focal point of a group, focal point of another group,
leadership, anonymous."""

import pytest

from asoen_portal.access import LEADERSHIP, SECRETARIAT
from tests.factories import FocalPersonFactory, UserFactory, WorkingGroupFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    # Uploaded and rendered files of one test never leak into var/ or into another test.
    settings.MEDIA_ROOT = tmp_path / "media"


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
