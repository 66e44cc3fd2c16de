"""Render-job mechanics: a double request is one job; the final write is inside the error
handling; a job whose worker died is shown as interrupted, with a retry, within minutes."""

import datetime
import threading

import pytest
from django.db import connection
from django.urls import reverse

from reports.models import ReportRender
from reports.services import request_render

pytestmark = pytest.mark.django_db


def test_a_double_click_makes_one_job(report, leadership_client, broker_down):
    url = reverse("reports:render_request", args=[report.year])
    for _ in range(2):
        assert leadership_client.post(url, {"language": "vi"}).status_code == 302
    assert ReportRender.objects.count() == 1


def test_same_request_within_seconds_returns_the_first_job(
    report, leadership_user, secretariat_user, broker_down
):
    first = request_render(report=report, language="vi", by=leadership_user)

    assert request_render(report=report, language="vi", by=leadership_user).pk == first.pk
    assert request_render(report=report, language="en", by=leadership_user).pk != first.pk
    assert request_render(report=report, language="vi", by=secretariat_user).pk != first.pk
    assert ReportRender.objects.count() == 3


def test_a_request_after_the_window_or_after_a_failure_is_a_new_job(
    report, leadership_user, broker_down
):
    first = request_render(report=report, language="vi", by=leadership_user)
    ReportRender.objects.filter(pk=first.pk).update(
        created_at=first.created_at - datetime.timedelta(seconds=6)
    )
    second = request_render(report=report, language="vi", by=leadership_user)
    assert second.pk != first.pk
    ReportRender.objects.filter(pk=second.pk).update(status=ReportRender.Status.FAILED)
    third = request_render(report=report, language="vi", by=leadership_user)
    assert third.pk not in (first.pk, second.pk)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_make_one_job(report, leadership_user, broker_down):
    barrier = threading.Barrier(4)
    made = []

    def click():
        barrier.wait()
        try:
            made.append(request_render(report=report, language="vi", by=leadership_user).pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(set(made)) == 1
    assert ReportRender.objects.count() == 1
