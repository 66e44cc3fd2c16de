"""A full disk: a clear message, the form re-rendered with what was typed, no row and no
partial file. The disk is a real one: a 256 KiB tmpfs mounted as MEDIA_ROOT."""

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from asoen_portal.storage import AtomicFileSystemStorage
from meetings.models import MeetingDocument
from tests.factories import ActivityFactory, MeetingFactory, MeetingSeriesFactory
from working_groups.models import Activity, Attachment

pytestmark = pytest.mark.django_db
FULL = "Máy chủ đã hết dung lượng lưu trữ nên tệp chưa được lưu"


@pytest.fixture
def full_disk(settings, tmp_path):
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("needs root to mount a tmpfs: " + mounted.stderr.decode().strip())
    settings.MEDIA_ROOT = mount_point
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def _big_pdf(name="bien-ban-AHP8.pdf", size=600 * 1024):
    return SimpleUploadedFile(name, b"%PDF-1.4 " + b"x" * size, content_type="application/pdf")


def _files(folder):
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*") if p.is_file())


def test_logging_an_activity_on_a_full_disk_keeps_what_was_typed(
    secretariat_client, group_ncb, full_disk
):
    title = "Hội nghị Vườn Di sản ASEAN lần thứ 8 (AHP 8)"
    response = secretariat_client.post(
        "/activities/new/",
        {
            "start_date": "2026-06-10",
            "date_precision": "day",
            "working_group": group_ncb.pk,
            "kind": Activity.Kind.MEETING_HOSTED,
            "title": title,
            "outcome": "Trao chứng nhận cho Vườn quốc gia Xuân Thủy.",
            "report_order": 100,
            "files": [_big_pdf("nho.pdf", 1024), _big_pdf()],
        },
    )

    assert response.status_code == 507
    html = response.content.decode()
    assert FULL in html
    assert f'value="{title}"' in html
    assert "Trao chứng nhận cho Vườn quốc gia Xuân Thủy." in html
    assert Activity.objects.count() == 0 and Attachment.objects.count() == 0
    assert _files(full_disk) == []  # neither the small file nor a partial big one


def test_adding_attachments_on_a_full_disk_adds_none(secretariat_client, group_ncb, full_disk):
    activity = ActivityFactory(working_group=group_ncb)
    response = secretariat_client.post(
        f"/activities/{activity.pk}/attachments/",
        {"files": [_big_pdf("nho.pdf", 1024), _big_pdf()]},
        follow=True,
    )
    assert FULL in response.content.decode()
    assert Attachment.objects.count() == 0
    assert _files(full_disk) == []


def test_uploading_a_meeting_document_on_a_full_disk(secretariat_client, full_disk):
    meeting = MeetingFactory(series=MeetingSeriesFactory(code="AWGNCB"), is_hosted=True)
    response = secretariat_client.post(
        f"/meetings/{meeting.pk}/documents/new/",
        {"title": "Chương trình nghị sự AWGNCB 36", "file": _big_pdf()},
    )
    assert response.status_code == 507
    assert 'value="Chương trình nghị sự AWGNCB 36"' in response.content.decode()
    assert MeetingDocument.objects.count() == 0
    assert _files(full_disk) == []


def test_a_stored_file_appears_whole_under_its_name(settings, tmp_path):
    storage = AtomicFileSystemStorage(location=tmp_path)
    first = storage.save("reports/a.pdf", SimpleUploadedFile("a.pdf", b"%PDF-1 one"))
    second = storage.save("reports/a.pdf", SimpleUploadedFile("a.pdf", b"%PDF-1 two"))
    assert first == "reports/a.pdf" and second != first
    assert (tmp_path / first).read_bytes() == b"%PDF-1 one"
    assert (tmp_path / second).read_bytes() == b"%PDF-1 two"
    assert _files(tmp_path) == sorted([first, second])


def test_report_render_on_a_full_disk_fails_with_a_clear_message(full_disk):
    from reports.jobs import run_render
    from reports.models import AnnualReport, ReportRender

    report = AnnualReport.objects.create(year=2025, signer_name="Lê Công Thành")
    filler = full_disk / f"filler-{uuid.uuid4().hex}"
    filler.write_bytes(b"0" * (250 * 1024))  # leave less room than a PDF needs
    job = ReportRender.objects.create(report=report)

    with pytest.raises(OSError):
        run_render(job.pk, final_attempt=True)

    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error.startswith("Máy chủ đã hết dung lượng lưu trữ nên chưa tạo được tệp báo cáo")
    filler.unlink()
    assert _files(full_disk) == []
    assert shutil.disk_usage(full_disk).used < 64 * 1024
