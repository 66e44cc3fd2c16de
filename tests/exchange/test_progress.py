"""Imports large enough to report progress (every 250 rows), on PostgreSQL: the progress is
written on the `progress` database alias, outside the import's transaction."""

import pytest
from django.urls import reverse

from asoen_portal.models import ImportJob
from tests.exchange.conftest import upload, xlsx_bytes
from tests.exchange.test_tasks import many_rows
from working_groups.models import Activity

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "progress"])


def test_300_rows_upload_preview_confirm(secretariat_client, secretariat_user, groups):
    response = secretariat_client.post(
        reverse("exchange:upload"),
        {"register": "activities", "file": upload(xlsx_bytes(many_rows(300)))},
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("exchange:job", args=[job.pk])
    assert (job.status, job.total_rows, job.new_count, job.error_count) == (
        "previewed",
        300,
        300,
        0,
    )
    assert Activity.objects.count() == 0

    page = secretariat_client.get(reverse("exchange:job", args=[job.pk]))
    assert page.status_code == 200
    assert "Xác nhận ghi 300 dòng thay đổi" in page.content.decode()

    confirm = secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))
    job.refresh_from_db()
    assert confirm.status_code == 302
    assert (job.status, job.new_count, job.processed_rows, job.progress) == ("done", 300, 300, 100)
    assert Activity.objects.count() == 300
    assert Activity.history.filter(history_user=secretariat_user).count() == 300
