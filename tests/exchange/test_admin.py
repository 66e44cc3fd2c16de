"""The admin of each register offers import and export through the same resources."""

import re

import pytest
from django.urls import reverse

from tests.exchange.conftest import activity_rows, upload, xlsx_bytes
from tests.factories import UserFactory
from working_groups.models import Activity

ADMIN_MODELS = [
    "working_groups/activity",
    "working_groups/task",
    "working_groups/focalperson",
    "meetings/meeting",
    "heritage_parks/heritagepark",
    "heritage_parks/ecoschoolaward",
    "heritage_parks/escaward",
    "cooperation/legalinstrument",
    "cooperation/partnerproject",
]


@pytest.fixture
def admin_user(db):
    return UserFactory(username="quan-tri", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_admin_import_and_export_pages_open(admin_client, model):
    assert admin_client.get(f"/admin/{model}/import/").status_code == 200
    assert admin_client.get(f"/admin/{model}/export/").status_code == 200


def test_admin_import_confirmed_keeps_history_with_admin_user(admin_client, admin_user, groups):
    url = reverse("admin:working_groups_activity_import")
    page = admin_client.get(url).content.decode()
    xlsx_format = re.search(r'<option value="(\d+)">xlsx</option>', page).group(1)

    preview = admin_client.post(
        url,
        {
            "format": xlsx_format,
            "resource": "0",
            "import_file": upload(xlsx_bytes(activity_rows())),
        },
    )
    form = preview.context["confirm_form"]
    admin_client.post(reverse("admin:working_groups_activity_process_import"), form.initial)

    assert Activity.objects.count() == 2
    assert {(h.history_type, h.history_user) for h in Activity.history.all()} == {("+", admin_user)}
