"""Report pages per role: who may read, request renders, edit narratives, submit, approve and
download; the HTMX status partial; the broker-down message."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from reports.jobs import BROKER_DOWN_NOTE
from reports.models import AnnualReport, ReportNarrative, ReportRender


@pytest.fixture
def done_job(report):
    job = ReportRender.objects.create(report=report, language="vi", status="done")
    job.file.save("bao-cao.pdf", ContentFile(b"%PDF-1.7 test"), save=True)
    return job


def _edit_url(report):
    return reverse("reports:narrative_edit", args=[report.year, "vi", "proposals"])


def test_anonymous_is_sent_to_login(anonymous_client, report, done_job):
    for url in [
        reverse("reports:list"),
        reverse("reports:detail", args=[2025]),
        reverse("reports:render_download", args=[done_job.pk]),
    ]:
        response = anonymous_client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_focal_point_reads_and_downloads_but_cannot_request_or_edit(focal_client, done_job):
    assert focal_client.get(reverse("reports:list")).status_code == 200
    detail = focal_client.get(reverse("reports:detail", args=[2025]))
    assert detail.status_code == 200
    assert reverse("reports:render_request", args=[2025]) not in detail.content.decode()
    download = focal_client.get(reverse("reports:render_download", args=[done_job.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.7 test"
    assert download["Content-Disposition"] == 'attachment; filename="bao-cao-tong-ket-2025-vi.pdf"'
    post = focal_client.post(reverse("reports:render_request", args=[2025]), {"language": "vi"})
    assert post.status_code == 403
    assert focal_client.post(_edit_url(done_job.report), {"text": "x"}).status_code == 403
    assert ReportRender.objects.count() == 1


@pytest.mark.parametrize("client_fixture", ["leadership_client", "secretariat_client"])
def test_leadership_and_secretariat_request_renders(
    request, client_fixture, report, django_capture_on_commit_callbacks
):
    client = request.getfixturevalue(client_fixture)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:render_request", args=[2025]), {"language": "en"})
    assert response.status_code == 302
    job = ReportRender.objects.get()
    assert (job.language, job.status, job.note) == ("en", "pending", "")
    assert job.enqueued_at is not None


@pytest.mark.django_db(transaction=True)
def test_broker_down_user_is_told_and_job_kept(leadership_client, report, broker_down):
    # A real commit, so the on_commit enqueue runs inside the request as in production.
    response = leadership_client.post(
        reverse("reports:render_request", args=[2025]), {"language": "vi"}, follow=True
    )
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [str(BROKER_DOWN_NOTE)]
    assert ReportRender.objects.get().status == "pending"


def test_secretariat_edits_narrative_and_history_records_who(secretariat_client, report):
    response = secretariat_client.post(_edit_url(report), {"text": "- Đề xuất mới.\r\n"})
    assert response.status_code == 302
    narrative = report.narratives.get(language="vi", section="proposals")
    assert narrative.text == "- Đề xuất mới."
    assert narrative.history.first().history_user.username == "secretariat"


def test_leadership_cannot_edit_narratives(leadership_client, report):
    assert leadership_client.post(_edit_url(report), {"text": "x"}).status_code == 403


def test_workflow_submit_by_secretariat_then_approve_by_leadership_freezes(
    client, secretariat_user, leadership_user, report
):
    client.force_login(secretariat_user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.post(reverse("reports:approve", args=[2025])).status_code == 403
    client.post(reverse("reports:submit", args=[2025]))
    report.refresh_from_db()
    assert (report.status, report.submitted_by) == ("submitted", secretariat_user)

    client.force_login(leadership_user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.post(reverse("reports:submit", args=[2025])).status_code == 403
    client.post(reverse("reports:approve", args=[2025]))
    report.refresh_from_db()
    assert (report.status, report.approved_by) == ("approved", leadership_user)

    client.force_login(secretariat_user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(_edit_url(report), {"text": "Sửa sau phê duyệt"}, follow=True)
    assert "Báo cáo đã được phê duyệt; không thể sửa nội dung." in response.content.decode()
    assert report.narratives.get(section="proposals").text == (
        "1. Về tổ chức\n\n- Duy trì cơ chế phối hợp."
    )
    assert AnnualReport.history.filter(year=2025).count() == 3


def test_status_partial_polls_until_done(secretariat_client, report, done_job):
    pending = ReportRender.objects.create(report=report)
    polling = secretariat_client.get(reverse("reports:render_status", args=[pending.pk]))
    assert 'data-hx-trigger="every 2s"' in polling.content.decode()
    finished = secretariat_client.get(reverse("reports:render_status", args=[done_job.pk]))
    body = finished.content.decode()
    assert "data-hx-trigger" not in body
    assert reverse("reports:render_download", args=[done_job.pk]) in body


def test_download_of_unfinished_job_is_404(secretariat_client, report):
    job = ReportRender.objects.create(report=report, status="failed", error="boom")
    response = secretariat_client.get(reverse("reports:render_download", args=[job.pk]))
    assert response.status_code == 404


def test_narrative_sections_listed_on_detail(secretariat_client, report):
    body = secretariat_client.get(reverse("reports:detail", args=[2025])).content.decode()
    for label in ReportNarrative.Section.labels:
        assert str(label) in body


def test_render_form_offers_the_formats_and_refuses_an_unknown_one(
    leadership_client, report, broker_down
):
    detail = leadership_client.get(reverse("reports:detail", args=[2025])).content.decode()
    assert '<option value="pdf" selected>PDF</option>' in detail
    assert '<option value="docx">Word (.docx)</option>' in detail
    url = reverse("reports:render_request", args=[2025])
    assert leadership_client.post(url, {"language": "vi", "format": "odt"}).status_code == 403
    assert not ReportRender.objects.exists()
    leadership_client.post(url, {"language": "en", "format": "docx"})
    assert list(ReportRender.objects.values_list("language", "format")) == [("en", "docx")]


def test_pdf_download_keeps_the_pdf_content_type(secretariat_client, done_job):
    download = secretariat_client.get(reverse("reports:render_download", args=[done_job.pk]))
    assert download["Content-Type"] == "application/pdf"
