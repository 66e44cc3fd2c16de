"""The signing task and the beat task that keeps signing jobs moving when the broker or a
worker fails (in process; test_signature_worker.py runs the real worker)."""

import datetime

import pytest
from django.utils import timezone

from issuance.models import ReportSignature
from issuance.signatures import BROKER_DOWN_NOTE, request_signature, requeue_stalled_signatures
from issuance.tasks import sign_report_pdf_task
from tests.reports.conftest import broker_down  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


def test_task_signs_and_a_second_delivery_does_nothing(
    signing_settings, approved_render, leadership_user
):
    signature = ReportSignature.objects.create(render=approved_render, requested_by=leadership_user)
    assert sign_report_pdf_task.apply(args=[signature.pk]).result is True
    assert sign_report_pdf_task.apply(args=[signature.pk]).result is None
    signature.refresh_from_db()
    assert (signature.status, signature.attempts) == ("done", 1)


def test_task_for_a_missing_job_returns_quietly(db):
    assert sign_report_pdf_task.apply(args=[987654]).result is None


def test_broker_down_keeps_the_job_pending_with_a_note(
    signing_settings,
    approved_render,
    leadership_user,
    broker_down,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        signature = request_signature(render=approved_render, by=leadership_user)
    signature.refresh_from_db()
    assert (signature.status, signature.enqueued_at, signature.note) == (
        "pending",
        None,
        str(BROKER_DOWN_NOTE),
    )
    ReportSignature.objects.filter(pk=signature.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=2)
    )
    assert requeue_stalled_signatures() == (0, 0)  # still down: stays pending


def test_beat_requeues_a_job_the_broker_never_got(approved_render, leadership_user):
    old = ReportSignature.objects.create(render=approved_render, requested_by=leadership_user)
    ReportSignature.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=2)
    )
    assert requeue_stalled_signatures() == (1, 0)
    old.refresh_from_db()
    assert old.enqueued_at is not None


def test_beat_fails_a_job_whose_worker_died(approved_render):
    started = timezone.now() - datetime.timedelta(minutes=11)
    signature = ReportSignature.objects.create(
        render=approved_render, status="running", started_at=started
    )
    assert requeue_stalled_signatures() == (0, 1)
    signature.refresh_from_db()
    assert signature.status == "failed"
    assert signature.error == "Tiến trình ký số bị dừng giữa chừng; hãy yêu cầu ký lại."
    assert not signature.file
