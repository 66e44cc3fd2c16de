"""The admin is for IT staff: the secretariat cannot reach it, approval and history cannot
be forged there, and only a superuser grants powers."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from asoen_portal.access import SECRETARIAT
from asoen_portal.admin_base import HistoryAdmin
from asoen_portal.demo import create_demo_accounts
from asoen_portal.roles import set_up_roles
from reports.models import AnnualReport
from tests.factories import TaskFactory, UserFactory, WorkingGroupFactory
from working_groups.models import StatusUpdate, Task

pytestmark = pytest.mark.django_db
BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture
def it_client(client):
    client.force_login(UserFactory(username="quan-tri", is_staff=True, is_superuser=True), BACKEND)
    return client


def _report_form_data(report, **changes):
    data = {
        "year": report.year,
        "number_symbol": report.number_symbol,
        "place": report.place,
        "issuing_body": report.issuing_body,
        "issuing_unit": report.issuing_unit,
        "issuing_body_en": report.issuing_body_en,
        "issuing_unit_en": report.issuing_unit_en,
        "place_en": report.place_en,
        "signer_name": report.signer_name,
        "signer_title": report.signer_title,
        "signer_title_en": report.signer_title_en,
        "recipients": report.recipients,
        "recipients_en": report.recipients_en,
        "narratives-TOTAL_FORMS": "0",
        "narratives-INITIAL_FORMS": "0",
        "narratives-MIN_NUM_FORMS": "0",
        "narratives-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_demo_secretariat_is_not_staff_and_has_no_auth_or_report_permissions(client):
    WorkingGroupFactory(code="AWGNCB")
    create_demo_accounts()
    secretariat = Group.objects.get(name=SECRETARIAT).user_set.get()

    assert not secretariat.is_staff
    assert not secretariat.has_perm("auth.change_user")
    assert not secretariat.has_perm("reports.change_annualreport")
    assert Group.objects.get(name=SECRETARIAT).permissions.count() == 0
    client.force_login(secretariat, BACKEND)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_setting_up_roles_strips_permissions_an_older_set_up_granted():
    group = Group.objects.create(name=SECRETARIAT)
    group.permissions.set(Permission.objects.filter(content_type__app_label="auth"))

    set_up_roles()

    assert group.permissions.count() == 0


def test_admin_cannot_approve_a_report(it_client):
    report = AnnualReport.objects.create(year=2026)
    url = reverse("admin:reports_annualreport_change", args=[report.pk])

    response = it_client.post(
        url, _report_form_data(report, status="approved", signer_name="Lê Công Thành")
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.signer_name == "Lê Công Thành"  # the form was saved ...
    assert report.status == AnnualReport.Status.DRAFT  # ... without the approval
    assert report.approved_by is None


def test_an_approved_report_cannot_be_set_back_to_draft_in_the_admin(it_client):
    approver = UserFactory(username="leadership")
    report = AnnualReport.objects.create(
        year=2025, status="approved", approved_by=approver, approved_at=timezone.now()
    )
    url = reverse("admin:reports_annualreport_change", args=[report.pk])

    response = it_client.post(url, _report_form_data(report, status="draft"))

    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.APPROVED


def test_history_cannot_be_reverted_in_the_admin(it_client):
    report = AnnualReport.objects.create(year=2026, signer_name="Cũ")
    old = report.history.get()
    report.signer_name = "Mới"
    report.save()
    url = reverse("admin:reports_annualreport_simple_history", args=[report.pk, old.history_id])

    assert it_client.get(url).status_code == 200  # history can be read
    response = it_client.post(url, _report_form_data(report, signer_name="Cũ"))

    assert response.status_code == 403
    report.refresh_from_db()
    assert report.signer_name == "Mới"


def test_every_admin_with_history_is_read_only_history():
    with_history = [
        model_admin
        for model_admin in admin.site._registry.values()
        if isinstance(model_admin, SimpleHistoryAdmin)
    ]
    assert with_history
    assert [m for m in with_history if not isinstance(m, HistoryAdmin)] == []


def test_task_status_and_status_history_are_read_only_in_the_admin(it_client):
    task = TaskFactory(year=2026)
    update = StatusUpdate.objects.create(task=task, status="in_progress", progress=50)
    task_admin = admin.site._registry[Task]
    request = it_client.get("/admin/").wsgi_request

    fields = task_admin.get_form(request, task).base_fields
    assert "status" not in fields and "progress" not in fields
    assert not admin.site._registry[StatusUpdate].has_change_permission(request, update)


def test_staff_without_superuser_cannot_grant_superuser(client):
    support = UserFactory(username="ho-tro", is_staff=True)
    support.user_permissions.set(
        Permission.objects.filter(codename__in=["view_user", "change_user"])
    )
    target = UserFactory(username="nguoi-dung")
    client.force_login(support, BACKEND)
    url = reverse("admin:auth_user_change", args=[target.pk])

    response = client.post(
        url,
        {
            "username": "nguoi-dung",
            "first_name": "Nguyễn",
            "last_name": "An",
            "email": "an@example.vn",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "01/12/2026",
            "date_joined_1": "08:00:00",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    target.refresh_from_db()
    assert target.last_name == "An"
    assert not target.is_superuser and not target.is_staff
