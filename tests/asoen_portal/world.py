"""The audit's world: the seed plus one AWGNCB record of each kind (and a file of each), with
the four role users."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from asoen_portal.api.tokens import create_api_token
from asoen_portal.models import ImportJob
from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject
from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark
from issuance.models import ReportSignature
from meetings.models import ChecklistTemplate, Delegate, MeetingDocument, MeetingSeries
from meetings.services import get_feed_token
from notifications.models import Kind, Notice
from reports.models import AnnualReport, ReportRender
from tests.factories import ActivityFactory, ChecklistItemFactory, MeetingFactory, TaskFactory
from working_groups.models import WorkingGroup

ROLES = ("secretariat", "focal_ncb", "focal_cc", "leadership")
CSV = b"title,working_group\n"


def build_world(*, secretariat_user, focal_user, other_focal_user, leadership_user):
    """The seed and one AWGNCB activity, task, hosted meeting, checklist item and file each."""
    ncb = WorkingGroup.objects.get(code="AWGNCB")
    series = MeetingSeries.objects.get(code="AWGNCB")
    world = {
        "ncb": ncb,
        "activity": ActivityFactory(working_group=ncb),
        "task": TaskFactory(working_group=ncb),
        "archived_task": TaskFactory(working_group=ncb, archived_at=timezone.now()),
        "meeting": MeetingFactory(series=series, number=90, is_hosted=True),
        "report": AnnualReport.objects.get(year=2025),
        "submitted_report": AnnualReport.objects.create(
            year=2024, status=AnnualReport.Status.SUBMITTED
        ),
        "park": HeritagePark.objects.order_by("pk").first(),
        "eco_school": EcoSchoolAward.objects.order_by("pk").first(),
        "esc_round": EscAwardRound.objects.order_by("pk").first(),
        "esc_award": EscAward.objects.order_by("pk").first(),
        "instrument": LegalInstrument.objects.order_by("pk").first(),
        "document": AseanDocument.objects.order_by("pk").first(),
        "partner": Partner.objects.order_by("pk").first(),
        "project": PartnerProject.objects.order_by("pk").first(),
        "feed_token": get_feed_token(user=secretariat_user),
        "users": dict(
            zip(
                ROLES,
                (secretariat_user, focal_user, other_focal_user, leadership_user),
                strict=True,
            )
        ),
    }
    world["item"] = ChecklistItemFactory(meeting=world["meeting"])
    world["delegate"] = Delegate.objects.create(meeting=world["meeting"], full_name="Đào Văn An")
    world["template"] = ChecklistTemplate.objects.create(name="Mẫu kiểm tra quyền")
    world["template"].items.create(title="Gửi thư mời", offset_days=-60)
    for user in world["users"].values():
        Notice.objects.create(recipient=user, kind=Kind.TASK_CHANGED, message="Việc mới")
    world["api_token"] = create_api_token(user=focal_user, name="kiểm tra quyền")[0]
    world.update(_files(world))
    return world


def _files(world):
    return {
        "attachment": world["activity"].attachments.create(
            file=ContentFile(b"%PDF-1.4 audit", name="bien-ban.pdf"),
            original_name="bien-ban.pdf",
            size=14,
        ),
        "meeting_document": MeetingDocument.objects.create(
            meeting=world["meeting"],
            title="Chương trình nghị sự",
            file=ContentFile(b"%PDF-1.4 agenda", name="agenda.pdf"),
        ),
        "render_done": ReportRender.objects.create(
            report=world["report"],
            language="vi",
            status=ReportRender.Status.DONE,
            file=ContentFile(b"%PDF-1.4 report", name="bao-cao.pdf"),
        ),
        "render_failed": ReportRender.objects.create(
            report=world["report"], language="en", status=ReportRender.Status.FAILED
        ),
        **_signing_files(world),
        "import_job": ImportJob.objects.create(
            register="activities",
            file=ContentFile(CSV, name="hoat-dong.csv"),
            original_name="hoat-dong.csv",
            status=ImportJob.Status.PREVIEWED,
        ),
        "import_job_failed": ImportJob.objects.create(
            register="activities",
            file=ContentFile(CSV, name="hoat-dong.csv"),
            original_name="hoat-dong.csv",
            status=ImportJob.Status.FAILED,
            retryable=True,
        ),
    }


def _signing_files(world):
    """An approved report with a PDF rendered after approval (signable) and its signed file."""
    approved = AnnualReport.objects.create(
        year=2023,
        status=AnnualReport.Status.APPROVED,
        approved_at=timezone.now() - datetime.timedelta(hours=1),
    )
    signable = ReportRender.objects.create(
        report=approved,
        language="vi",
        status=ReportRender.Status.DONE,
        started_at=timezone.now(),
        file=ContentFile(b"%PDF-1.4 approved", name="bao-cao-2023.pdf"),
    )
    signed = ReportSignature.objects.create(
        render=signable,
        status=ReportSignature.Status.DONE,
        file=ContentFile(b"%PDF-1.4 signed", name="bao-cao-2023-da-ky.pdf"),
    )
    return {"render_signable": signable, "signature_done": signed}
