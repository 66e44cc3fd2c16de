"""End to end: a large upload is previewed and then imported by a real Celery worker
(subprocess) on real Redis, the page following the job row pending → previewed → done."""

import pytest
from django.urls import reverse

from asoen_portal.exchange import services
from asoen_portal.models import ImportJob
from tests.exchange.conftest import upload, xlsx_bytes
from tests.exchange.test_tasks import many_rows
from tests.workers import start_celery_worker, wait_for_status
from working_groups.models import Activity

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(settings):
    with start_celery_worker(
        media_root=settings.MEDIA_ROOT,
        # Registers exchange.run_import even where celery.py does not autodiscover it yet.
        include=["asoen_portal.exchange.tasks"],
    ) as process:
        yield process


def test_worker_previews_and_imports_a_large_file(
    worker, secretariat_client, secretariat_user, groups, monkeypatch
):
    monkeypatch.setattr(services, "ASYNC_ROWS", 10)
    secretariat_client.post(
        reverse("exchange:upload"),
        {"register": "activities", "file": upload(xlsx_bytes(many_rows(30)))},
    )
    job = ImportJob.objects.get()
    page = secretariat_client.get(reverse("exchange:job", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in page

    job = wait_for_status(job, ("previewed", "failed"))
    assert (job.status, job.new_count, job.error_count) == ("previewed", 30, 0)
    assert Activity.objects.count() == 0

    secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))
    job = wait_for_status(job, ("done", "failed"))

    assert (job.status, job.new_count, job.progress) == ("done", 30, 100)
    assert Activity.objects.count() == 30
    assert {h.history_user for h in Activity.history.all()} == {secretariat_user}
