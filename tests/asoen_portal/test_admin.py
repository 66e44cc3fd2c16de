"""Every model has an admin whose list, search and history pages open."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tests.factories import ActivityFactory, UserFactory

pytestmark = pytest.mark.django_db
PORTAL_APPS = {
    "asoen_portal",
    "working_groups",
    "meetings",
    "heritage_parks",
    "cooperation",
    "reports",
    "notifications",
}


def _portal_models():
    return [
        m
        for m in apps.get_models()
        if m._meta.app_label in PORTAL_APPS and not m.__name__.startswith("Historical")
    ]


def test_every_portal_model_is_registered_in_the_admin():
    missing = [m._meta.label for m in _portal_models() if m not in admin.site._registry]
    assert missing == []


@pytest.mark.parametrize("model", _portal_models(), ids=lambda m: m._meta.label)
def test_admin_changelist_opens_with_search(client, model):
    client.force_login(
        UserFactory(is_staff=True, is_superuser=True),
        backend="django.contrib.auth.backends.ModelBackend",
    )
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    response = client.get(url, {"q": "Xuân Thủy"})

    assert response.status_code == 200


def test_admin_history_page_shows_the_change(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    activity = ActivityFactory(title="Hội thảo Vườn quốc gia Xuân Thủy")

    response = client.get(reverse("admin:working_groups_activity_history", args=[activity.pk]))

    assert response.status_code == 200
    assert "Hội thảo Vườn quốc gia Xuân Thủy" in response.content.decode()
