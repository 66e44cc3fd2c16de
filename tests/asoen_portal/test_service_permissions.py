"""Every write service refuses, by itself, a user the rules do not allow — whoever calls it
(a view, a command, the shell) — and writes nothing; and lets through those it allows.

The records belong to AWGNCB; `focal` is its focal point, `other_focal` AWGCC's.
"""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Max

from asoen_portal import archiving
from cooperation import services as cooperation
from heritage_parks import services as heritage_parks
from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark
from meetings import services as meetings
from reports import services as reports
from reports.models import AnnualReport, ReportRender
from tests.factories import (
    ActivityFactory,
    ChecklistItemFactory,
    LegalInstrumentFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    PartnerFactory,
    PartnerProjectFactory,
    TaskFactory,
)
from working_groups import services as working_groups

ROLES = ["secretariat", "focal", "other_focal", "leadership"]
SECRETARIAT_ONLY = {"secretariat"}
GROUP_EDITORS = {"secretariat", "focal"}
LEADERSHIP_ONLY = {"leadership"}
READERS_OF_REPORTS = {"secretariat", "leadership"}
ARCHIVED_AT = datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)
APPS = ["working_groups", "meetings", "cooperation", "heritage_parks", "reports", "asoen_portal"]


@pytest.fixture
def users(secretariat_user, focal_user, other_focal_user, leadership_user):
    return {
        "secretariat": secretariat_user,
        "focal": focal_user,
        "other_focal": other_focal_user,
        "leadership": leadership_user,
    }


@pytest.fixture
def world(group_ncb, secretariat_user):
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb)
    meeting = MeetingFactory(series=series, number=36, is_hosted=True)
    partner = PartnerFactory(code="ACB")
    esc_round = EscAwardRound.objects.create(kind="award", edition=6, year=2024)
    return {
        "group": group_ncb,
        "series": series,
        "meeting": meeting,
        "item": ChecklistItemFactory(meeting=meeting, owner=None),
        "activity": ActivityFactory(working_group=group_ncb),
        "archived_activity": ActivityFactory(working_group=group_ncb, archived_at=ARCHIVED_AT),
        "archived_instrument": LegalInstrumentFactory(archived_at=ARCHIVED_AT),
        "task": TaskFactory(working_group=group_ncb),
        "instrument": LegalInstrumentFactory(),
        "document": reports_document(),
        "partner": partner,
        "project": PartnerProjectFactory(channel=partner),
        "park": HeritagePark.objects.create(name="Vườn quốc gia Pù Mát", status="recognised"),
        "eco_award": EcoSchoolAward.objects.create(year=2025, theme="Trường học không rác thải"),
        "esc_round": esc_round,
        "esc_award": EscAward.objects.create(round=esc_round, city="Hoa Lư", category=""),
        "draft": AnnualReport.objects.create(year=2026),
        "submitted": AnnualReport.objects.create(year=2025, status="submitted"),
        "failed_render": ReportRender.objects.create(
            report=AnnualReport.objects.create(year=2024),
            language="vi",
            status=ReportRender.Status.FAILED,
            requested_by=secretariat_user,
        ),
    }


def reports_document():
    from cooperation.models import AseanDocument

    return AseanDocument.objects.create(
        code="ACCSAP", kind="plan", title="ACCSAP", year=2026, status="planned"
    )


def _pdf():
    return SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4")


# (name, who may, call(user, world))
SERVICES = [
    (
        "log_activity",
        GROUP_EDITORS,
        lambda u, w: working_groups.log_activity(
            author=u,
            working_group=w["group"],
            kind="other",
            title="Hội thảo",
            start_date=datetime.date(2026, 6, 10),
        ),
    ),
    (
        "update_activity",
        GROUP_EDITORS,
        lambda u, w: working_groups.update_activity(activity=w["activity"], by=u, title="Sửa"),
    ),
    (
        "add_attachment",
        GROUP_EDITORS,
        lambda u, w: working_groups.add_attachment(activity=w["activity"], upload=_pdf(), by=u),
    ),
    (
        "add_attachments",
        GROUP_EDITORS,
        lambda u, w: working_groups.add_attachments(activity=w["activity"], uploads=[_pdf()], by=u)[
            0
        ],
    ),
    (
        "create_task",
        GROUP_EDITORS,
        lambda u, w: working_groups.create_task(
            by=u, working_group=w["group"], year=2026, title="Nhiệm vụ mới"
        ),
    ),
    (
        "update_task",
        GROUP_EDITORS,
        lambda u, w: working_groups.update_task(task=w["task"], by=u, title="Sửa"),
    ),
    (
        "update_task_status",
        GROUP_EDITORS,
        lambda u, w: working_groups.update_task_status(
            task=w["task"],
            status="in_progress",
            progress=10,
            note="",
            by=u,
            expected_version=w["task"].version,
        ),
    ),
    (
        "schedule_meeting",
        GROUP_EDITORS,
        lambda u, w: meetings.schedule_meeting(
            by=u, series=w["series"], title="AWGNCB 37", year=2027, number=37
        ),
    ),
    (
        "update_meeting",
        GROUP_EDITORS,
        lambda u, w: meetings.update_meeting(meeting=w["meeting"], by=u, city="Huế"),
    ),
    (
        "add_meeting_document",
        GROUP_EDITORS,
        lambda u, w: meetings.add_meeting_document(
            meeting=w["meeting"], title="Biên bản", file=_pdf(), by=u
        ),
    ),
    (
        "add_checklist_item",
        GROUP_EDITORS,
        lambda u, w: meetings.add_checklist_item(meeting=w["meeting"], title="Visa", by=u),
    ),
    (
        "update_checklist_item",
        GROUP_EDITORS,
        lambda u, w: meetings.update_checklist_item(item=w["item"], by=u, title="Sửa"),
    ),
    (
        "set_checklist_item_done",
        GROUP_EDITORS,
        lambda u, w: meetings.set_checklist_item_done(item=w["item"], done=True, by=u),
    ),
    (
        "register_instrument",
        SECRETARIAT_ONLY,
        lambda u, w: cooperation.register_instrument(
            by=u,
            number="9/NQ-CP",
            kind="resolution",
            issuer="Chính phủ",
            issued_on=datetime.date(2026, 1, 5),
            title="Thỏa thuận",
        ),
    ),
    (
        "update_instrument",
        SECRETARIAT_ONLY,
        lambda u, w: cooperation.update_instrument(instrument=w["instrument"], by=u, title="S"),
    ),
    (
        "register_asean_document",
        SECRETARIAT_ONLY,
        lambda u, w: cooperation.register_asean_document(
            by=u, code="COP31", kind="joint_statement", title="COP31", year=2026, status="planned"
        ),
    ),
    (
        "update_asean_document",
        SECRETARIAT_ONLY,
        lambda u, w: cooperation.update_asean_document(document=w["document"], by=u, title="S"),
    ),
    (
        "register_partner",
        SECRETARIAT_ONLY,
        lambda u, w: cooperation.register_partner(
            by=u, code="BMZ", name="Bộ Hợp tác kinh tế Đức", name_en="BMZ", kind="fund"
        ),
    ),
    (
        "update_partner",
        SECRETARIAT_ONLY,
        lambda u, w: cooperation.update_partner(partner=w["partner"], by=u, name="S"),
    ),
    (
        "register_project",
        SECRETARIAT_ONLY,
        lambda u, w: cooperation.register_project(
            by=u, code="SEA-MaP", title="SEA-MaP", status="ongoing", donors=[w["partner"]]
        ),
    ),
    (
        "update_project",
        SECRETARIAT_ONLY,
        lambda u, w: cooperation.update_project(
            project=w["project"], by=u, title="S", donors=[w["partner"]]
        ),
    ),
    (
        "create_heritage_park",
        SECRETARIAT_ONLY,
        lambda u, w: heritage_parks.create_heritage_park(
            by=u, name="Vườn quốc gia Xuân Thủy", status="recognised"
        ),
    ),
    (
        "update_heritage_park",
        SECRETARIAT_ONLY,
        lambda u, w: heritage_parks.update_heritage_park(park=w["park"], by=u, province="Nghệ An"),
    ),
    (
        "record_eco_school_award",
        SECRETARIAT_ONLY,
        lambda u, w: heritage_parks.record_eco_school_award(by=u, year=2026, theme="Xanh"),
    ),
    (
        "update_eco_school_award",
        SECRETARIAT_ONLY,
        lambda u, w: heritage_parks.update_eco_school_award(award=w["eco_award"], by=u, notes="S"),
    ),
    (
        "create_esc_round",
        SECRETARIAT_ONLY,
        lambda u, w: heritage_parks.create_esc_round(
            by=u, kind="certificate", edition=5, year=2024
        ),
    ),
    (
        "update_esc_round",
        SECRETARIAT_ONLY,
        lambda u, w: heritage_parks.update_esc_round(esc_round=w["esc_round"], by=u, year=2025),
    ),
    (
        "add_esc_award",
        SECRETARIAT_ONLY,
        lambda u, w: heritage_parks.add_esc_award(
            esc_round=w["esc_round"], by=u, city="Hải Phòng", category=""
        ),
    ),
    (
        "update_esc_award",
        SECRETARIAT_ONLY,
        lambda u, w: heritage_parks.update_esc_award(award=w["esc_award"], by=u, province="Ninh"),
    ),
    (
        "create_report",
        SECRETARIAT_ONLY,
        lambda u, w: reports.create_report(year=2027, by=u),
    ),
    (
        "update_narrative",
        SECRETARIAT_ONLY,
        lambda u, w: reports.update_narrative(
            report=w["draft"], language="vi", section="proposals", text="Đề xuất", by=u
        ),
    ),
    (
        "submit_report",
        SECRETARIAT_ONLY,
        lambda u, w: reports.submit_report(report=w["draft"], by=u),
    ),
    (
        "approve_report",
        LEADERSHIP_ONLY,
        lambda u, w: reports.approve_report(report=w["submitted"], by=u),
    ),
    (
        "return_report",
        LEADERSHIP_ONLY,
        lambda u, w: reports.return_report(report=w["submitted"], by=u),
    ),
    (
        "request_render",
        READERS_OF_REPORTS,
        lambda u, w: reports.request_render(report=w["draft"], language="vi", by=u),
    ),
    (
        "retry_render",
        READERS_OF_REPORTS,
        lambda u, w: reports.retry_render(render=w["failed_render"], by=u),
    ),
    (
        "create_import_job",
        SECRETARIAT_ONLY,
        lambda u, w: _create_import_job(u),
    ),
    (
        "archive_record",
        GROUP_EDITORS,
        lambda u, w: archiving.archive_record(record=w["task"], by=u),
    ),
    (
        "archive_record (register)",
        SECRETARIAT_ONLY,
        lambda u, w: archiving.archive_record(record=w["park"], by=u),
    ),
    (
        "restore_record",
        GROUP_EDITORS,
        lambda u, w: archiving.restore_record(record=w["archived_activity"], by=u),
    ),
    (
        "restore_record (register)",
        SECRETARIAT_ONLY,
        lambda u, w: archiving.restore_record(record=w["archived_instrument"], by=u),
    ),
]


def _create_import_job(user):
    from asoen_portal.exchange.services import create_import_job

    upload = SimpleUploadedFile("hoat-dong.csv", "Tiêu đề\nHội thảo\n".encode())
    return create_import_job(register="activities", upload=upload, user=user)


def _snapshot():
    """Row count and newest change of every model of the portal (history tables included)."""
    state = {}
    for app in APPS:
        for model in apps.get_app_config(app).get_models():
            fields = {field.name for field in model._meta.concrete_fields}
            stamp = "updated_at" if "updated_at" in fields else None
            aggregate = model._default_manager.aggregate(newest=Max(stamp)) if stamp else {}
            state[model._meta.label] = (model._default_manager.count(), aggregate.get("newest"))
    return state


CASES = [
    pytest.param(call, role, role in allowed, id=f"{name}-{role}")
    for name, allowed, call in SERVICES
    for role in ROLES
]


@pytest.mark.parametrize(("call", "role", "allowed"), CASES)
def test_write_service_checks_permission_itself(call, role, allowed, users, world):
    before = _snapshot()

    if allowed:
        written = call(users[role], world)
        assert written.pk is not None
    else:
        with pytest.raises(PermissionDenied):
            call(users[role], world)
        assert _snapshot() == before


def test_every_write_service_is_in_the_table():
    """A new service in one of these modules must get its row above."""
    modules = [working_groups, meetings, cooperation, heritage_parks]
    public = {
        name
        for module in modules
        for name, value in vars(module).items()
        if callable(value)
        and getattr(value, "__module__", None) == module.__name__
        and not name.startswith("_")
        and name[0].islower()
    }
    reads_or_own = {"get_feed_token", "rotate_feed_token"}  # a user's own calendar token
    assert public - reads_or_own - {name for name, _allowed, _call in SERVICES} == set()
