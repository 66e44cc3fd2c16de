"""Signing jobs in process (the worker path is in test_signature_worker.py): who may sign
what, the job's states, the signed file beside the unsigned one, and bad input."""

import hashlib
import io
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from issuance.models import ReportSignature
from issuance.signatures import request_signature, run_signature
from reports.jobs import run_render
from reports.models import AnnualReport, ReportRender

pytestmark = pytest.mark.django_db


def media_files(settings):
    return sorted(p.name for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())


def test_leadership_signs_the_approved_pdf_beside_the_unsigned_one(
    signing_settings, approved_render, leadership_user
):
    unsigned_path = Path(approved_render.file.path)
    unsigned_digest = hashlib.sha256(unsigned_path.read_bytes()).hexdigest()

    signature = request_signature(render=approved_render, by=leadership_user)
    assert signature.status == "pending"
    assert run_signature(signature.pk) is True
    assert run_signature(signature.pk) is None  # a second delivery of the message: no-op

    signature.refresh_from_db()
    assert (signature.status, signature.error, signature.attempts) == ("done", "", 1)
    signed_path = Path(signature.file.path)
    assert signed_path.parent == unsigned_path.parent
    assert signed_path.name.startswith(unsigned_path.stem + "-da-ky-")
    assert hashlib.sha256(unsigned_path.read_bytes()).hexdigest() == unsigned_digest
    assert signed_path.read_bytes().startswith(unsigned_path.read_bytes())
    assert signature.validation == "INTACT:TRUSTED,UNTOUCHED"
    assert "DEMO - KHÔNG DÙNG THẬT" in signature.signer_subject
    assert signature.signed_at is not None
    assert signature.history.count() == 1  # created; state moves are conditional updates

    # Signing again makes another file; the first signed file is never overwritten.
    again = request_signature(render=approved_render, by=leadership_user)
    assert run_signature(again.pk) is True
    again.refresh_from_db()
    assert again.file.name != signature.file.name
    assert Path(signature.file.path).is_file()


@pytest.mark.parametrize("role", ["secretariat_user", "focal_user"])
def test_only_leadership_may_sign(request, signing_settings, approved_render, role):
    with pytest.raises(PermissionDenied):
        request_signature(render=approved_render, by=request.getfixturevalue(role))
    assert ReportSignature.objects.count() == 0


def test_a_pdf_rendered_before_approval_cannot_be_signed(
    signing_settings, secretariat_user, leadership_user
):
    from reports.services import approve_report, submit_report

    report = AnnualReport.objects.create(year=2025, signer_name="Lê Công Thành")
    draft = ReportRender.objects.create(report=report, language="vi")
    run_render(draft.pk)
    draft.refresh_from_db()
    with pytest.raises(ValidationError, match="Chỉ ký số báo cáo đã được phê duyệt"):
        request_signature(render=draft, by=leadership_user)
    submit_report(report=report, by=secretariat_user)
    approve_report(report=report, by=leadership_user)
    draft.report.refresh_from_db()
    with pytest.raises(ValidationError, match="được tạo trước khi phê duyệt"):
        request_signature(render=draft, by=leadership_user)


def test_one_signing_job_at_a_time_per_pdf(signing_settings, approved_render, leadership_user):
    request_signature(render=approved_render, by=leadership_user)
    with pytest.raises(ValidationError, match="đang được ký"):
        request_signature(render=approved_render, by=leadership_user)
    assert ReportSignature.objects.count() == 1


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("SIGNING_PKCS12_PASSWORD", "sai", "Mật khẩu chứng thư số không đúng"),
        ("SIGNING_PKCS12_PASSWORD", "", "Chưa cấu hình mật khẩu chứng thư số"),
        ("SIGNING_PKCS12_FILE", "/nonexistent.p12", "Không đọc được tệp chứng thư số"),
    ],
)
def test_bad_certificate_fails_the_job_with_no_file(
    signing_settings, approved_render, leadership_user, setting, value, message
):
    before = media_files(signing_settings)
    setattr(signing_settings, setting, value)
    signature = request_signature(render=approved_render, by=leadership_user)
    assert run_signature(signature.pk) is False
    signature.refresh_from_db()
    assert signature.status == "failed"
    assert message in signature.error
    assert not signature.file
    assert media_files(signing_settings) == before


def test_expired_certificate_fails_the_job(
    signing_settings, expired_signing, approved_render, leadership_user
):
    signing_settings.SIGNING_PKCS12_FILE = str(expired_signing.pkcs12_file)
    signature = request_signature(render=approved_render, by=leadership_user)
    assert run_signature(signature.pk) is False
    signature.refresh_from_db()
    assert (signature.status, signature.error) == (
        "failed",
        "Chứng thư số đã hết hạn từ ngày 01/01/2024; không thể ký.",
    )


def test_corrupted_source_pdf_fails_the_job(signing_settings, approved_render, leadership_user):
    Path(approved_render.file.path).write_bytes(b"%PDF-1.7\ngarbage")
    before = media_files(signing_settings)
    signature = request_signature(render=approved_render, by=leadership_user)
    assert run_signature(signature.pk) is False
    signature.refresh_from_db()
    assert signature.status == "failed"
    assert signature.error == "Tệp PDF nguồn bị hỏng hoặc không phải là PDF."
    assert media_files(signing_settings) == before


def test_sign_page_flow_for_leadership(signing_settings, approved_render, leadership_client):
    detail = leadership_client.get(reverse("reports:detail", args=[2025])).content.decode()
    assert reverse("issuance:sign", args=[approved_render.pk]) in detail
    assert "Số văn bản: 01/BC-ASOEN" in detail
    response = leadership_client.post(reverse("issuance:sign", args=[approved_render.pk]))
    assert response.status_code == 302
    signature = ReportSignature.objects.get()
    download = reverse("issuance:signature_download", args=[signature.pk])
    assert leadership_client.get(download).status_code == 404  # not signed yet
    run_signature(signature.pk)
    status = leadership_client.get(reverse("issuance:signature_status", args=[signature.pk]))
    assert download in status.content.decode()
    assert "data-hx-get" not in status.content.decode()
    response = leadership_client.get(download)
    assert response["Content-Disposition"].endswith('-da-ky-so.pdf"')
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_secretariat_sees_no_sign_button_and_cannot_post(
    signing_settings, approved_render, secretariat_client
):
    detail = secretariat_client.get(reverse("reports:detail", args=[2025])).content.decode()
    assert reverse("issuance:sign", args=[approved_render.pk]) not in detail
    response = secretariat_client.post(reverse("issuance:sign", args=[approved_render.pk]))
    assert response.status_code == 403


def test_sign_pdf_command(signing_settings, approved_render, tmp_path):
    target = tmp_path / "signed.pdf"
    out = io.StringIO()
    call_command("sign_pdf", approved_render.file.path, str(target), stdout=out)
    assert "INTACT:TRUSTED,UNTOUCHED" in out.getvalue()
    assert target.read_bytes().startswith(Path(approved_render.file.path).read_bytes())
    with pytest.raises(CommandError, match="đã tồn tại"):
        call_command("sign_pdf", approved_render.file.path, str(target))
    signing_settings.SIGNING_PKCS12_PASSWORD = "sai"
    with pytest.raises(CommandError, match="Mật khẩu chứng thư số không đúng"):
        call_command("sign_pdf", approved_render.file.path, str(tmp_path / "other.pdf"))
    assert not (tmp_path / "other.pdf").exists()


def test_english_signature_panel(signing_settings, approved_render, leadership_client):
    signature = request_signature(render=approved_render, by=approved_render.requested_by)
    run_signature(signature.pk)
    leadership_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = leadership_client.get(reverse("reports:detail", args=[2025])).content.decode()
    assert "Document number: 01/BC-ASOEN" in page
    assert "Digital signature of the PDF (PAdES)" in page
    assert "the signature was checked and is valid." in page
    assert "Download the signed PDF" in page
