"""Fixtures of the URL permission audit: the seed plus one AWGNCB record of each kind, a
client per role, a concrete URL for every route, and a fingerprint of the portal's tables."""

import pytest
from django import forms
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from asoen_portal.api.tokens import create_api_token
from asoen_portal.models import ImportJob
from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject
from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark
from meetings.models import ChecklistTemplate, Delegate, MeetingDocument, MeetingSeries
from meetings.services import get_feed_token
from notifications.models import Kind, Notice
from reports.models import AnnualReport, ReportRender
from tests.factories import ActivityFactory, ChecklistItemFactory, MeetingFactory, TaskFactory
from working_groups.models import WorkingGroup

PORTAL_APPS = ("asoen_portal", "working_groups", "meetings", "heritage_parks", "cooperation")
PORTAL_APPS += ("reports", "notifications", "auth", "issuance")
COOPERATION_KINDS = ("instrument", "document", "partner", "project")
ROLES = ("secretariat", "focal_ncb", "focal_cc", "leadership")
# Django's auth routes (the portal's throttled login and password reset among them).
SKIPPED_URLCONFS = ("django.contrib.auth.urls", "asoen_portal.account_urls")
CSV = b"title,working_group\n"
# API detail routes looked up by pk, and the world's record each one shows.
API_RECORDS = {
    "activity": "activity",
    "task": "task",
    "meeting": "meeting",
    "checklist-item": "item",
    "heritage-park": "park",
    "eco-school-award": "eco_school",
    "esc-award-round": "esc_round",
    "instrument": "instrument",
    "asean-document": "document",
    "project": "project",
}


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
    import datetime

    from django.utils import timezone

    from issuance.models import ReportSignature

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


@pytest.fixture(scope="module")
def _seeded(django_db_setup, django_db_blocker):
    """The seed, loaded once per module inside a transaction rolled back at its end; each
    test's own transaction nests in it as a savepoint, so tests still leave no trace."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_seed", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def _fast_hashing(settings):
    # The role users get a password each; the default hasher costs ~0.2 s per user per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(
    _seeded, _fast_hashing, db, secretariat_user, leadership_user, focal_user, other_focal_user
):
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


@pytest.fixture
def role_clients(world):
    clients = {}
    for role, user in world["users"].items():
        clients[role] = Client()
        clients[role].force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return clients


def _url_kwargs(w):
    year, submitted = {"year": w["report"].year}, {"year": w["submitted_report"].year}
    return (
        {
            "working_groups:activity_detail": {"pk": w["activity"].pk},
            "working_groups:activity_edit": {"pk": w["activity"].pk},
            "working_groups:activity_history": {"pk": w["activity"].pk},
            "working_groups:attachment_add": {"pk": w["activity"].pk},
            "working_groups:attachment_download": {
                "pk": w["activity"].pk,
                "attachment_pk": w["attachment"].pk,
            },
            "working_groups:task_detail": {"pk": w["task"].pk},
            "working_groups:task_edit": {"pk": w["task"].pk},
            "working_groups:task_status": {"pk": w["task"].pk},
            "working_groups:group_detail": {"code": "AWGNCB"},
            "meetings:detail": {"pk": w["meeting"].pk},
            "meetings:edit": {"pk": w["meeting"].pk},
            "meetings:document_upload": {"pk": w["meeting"].pk},
            "meetings:document_download": {
                "pk": w["meeting"].pk,
                "document_pk": w["meeting_document"].pk,
            },
            "meetings:checklist_add": {"pk": w["meeting"].pk},
            "meetings:checklist_edit": {"item_pk": w["item"].pk},
            "meetings:checklist_toggle": {"item_pk": w["item"].pk},
            "meetings:user_feed": {"token": w["feed_token"].token},
            "meetings:group_feed": {"code": "AWGNCB"},
            "heritage_parks:detail": {"pk": w["park"].pk},
            "heritage_parks:edit": {"pk": w["park"].pk},
            "heritage_parks:eco_school_edit": {"pk": w["eco_school"].pk},
            "heritage_parks:esc_round_edit": {"pk": w["esc_round"].pk},
            "heritage_parks:esc_award_create": {"round_pk": w["esc_round"].pk},
            "heritage_parks:esc_award_edit": {"pk": w["esc_award"].pk},
            "reports:detail": year,
            "reports:narrative_edit": {**year, "language": "vi", "section": "context_domestic"},
            "reports:submit": year,
            "reports:approve": submitted,
            "reports:return": submitted,
            "reports:render_request": year,
            "reports:render_status": {"pk": w["render_done"].pk},
            "reports:render_download": {"pk": w["render_done"].pk},
            "reports:render_retry": {"pk": w["render_failed"].pk},
            "issuance:sign": {"render_pk": w["render_signable"].pk},
            "issuance:signature_status": {"pk": w["signature_done"].pk},
            "issuance:signature_download": {"pk": w["signature_done"].pk},
            "exchange:template": {"register": "activities"},
            "exchange:export": {"register": "activities"},
            "exchange:job": {"pk": w["import_job"].pk},
            "exchange:job-status": {"pk": w["import_job"].pk},
            "exchange:job-confirm": {"pk": w["import_job"].pk},
            "exchange:job-retry": {"pk": w["import_job_failed"].pk},
            "reports:activity_topic": {**year, "pk": w["activity"].pk},
            "people:edit": {"pk": w["users"]["focal_cc"].pk},
            "meetings:checklist_apply": {"pk": w["meeting"].pk},
            "meetings:delegate_add": {"pk": w["meeting"].pk},
            "meetings:delegate_edit": {"pk": w["meeting"].pk, "delegate_pk": w["delegate"].pk},
            "meetings:delegate_remove": {"pk": w["meeting"].pk, "delegate_pk": w["delegate"].pk},
            "meetings:template_edit": {"pk": w["template"].pk},
            "archive:archive": {"kind": "working_groups.activity", "pk": w["activity"].pk},
            "archive:restore": {"kind": "working_groups.task", "pk": w["archived_task"].pk},
            "people:set_active": {"pk": w["users"]["focal_cc"].pk},
            "people:resend": {"pk": w["users"]["focal_cc"].pk},
            "api:token_revoke": {"pk": w["api_token"].pk},
            "api:task-status-update": {"pk": w["task"].pk},
            "api:working-group-detail": {"code": "AWGNCB"},
            "api:focal-person-detail": {"pk": w["users"]["focal_ncb"].focal_roles.get().pk},
            "api:programme-detail": {"code": "AHP"},
            "api:partner-detail": {"code": w["partner"].code},
            "api:report-detail": year,
            "api:report-render-file": {**year, "render_pk": w["render_done"].pk},
            "api:activity-attachment-file": {
                "pk": w["activity"].pk,
                "attachment_pk": w["attachment"].pk,
            },
            "api:meeting-document-file": {
                "pk": w["meeting"].pk,
                "document_pk": w["meeting_document"].pk,
            },
        }
        | {f"api:{name}-detail": {"pk": w[key].pk} for name, key in API_RECORDS.items()}
        | {
            f"cooperation:{kind}_{suffix}": {"pk": w[kind].pk}
            for kind in COOPERATION_KINDS
            for suffix in ("detail", "edit")
        }
    )


@pytest.fixture
def urls(world):
    """Route name → a concrete URL on the fixture's records."""
    kwargs = _url_kwargs(world)
    return {name: reverse(name, kwargs=kwargs.get(name)) for name in project_route_names()}


def project_route_names():
    """Every named route of the project's own URLconfs (not the admin's, not accounts/)."""
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                module = getattr(pattern.urlconf_name, "__name__", pattern.urlconf_name)
                if module in SKIPPED_URLCONFS or pattern.app_name == "admin":
                    continue
                inner = pattern.namespace or namespace
                walk(pattern.url_patterns, inner)
            elif pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None)
    return names


def fingerprint():
    """A digest of every row of every portal table (m2m links and history included): any
    write, by save() or by queryset.update(), changes it. One query."""
    tables = sorted(
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in PORTAL_APPS
    )
    digests = ", ".join(
        f"(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t)"
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {digests}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


def post_outcome(client, url, data):
    """POST inside a savepoint rolled back afterwards, so each POST meets the same records.
    'allowed': 2xx/3xx and the database changed; 'forbidden': 403/404 and nothing changed;
    'rejected': the form came back (200) and nothing changed; anything else is reported raw."""
    with transaction.atomic():
        before = fingerprint()
        response = client.post(url, data)
        changed = fingerprint() != before
        transaction.set_rollback(True)
    status = response.status_code
    if changed and status < 400:
        return "allowed"
    if not changed and status in (403, 404):
        return "forbidden"
    if not changed and status == 200:
        return "rejected"
    return f"{status}{' CHANGED' if changed else ''}"


def form_data(client, url, **changes):
    """The POST body the form at `url` would send as it stands, with `changes` applied."""
    form = client.get(url).context["form"]
    data = {}
    for field in form:
        widget = field.field.widget
        if isinstance(widget, forms.FileInput):
            continue
        value = widget.format_value(field.value())
        if isinstance(widget, forms.CheckboxInput):
            if field.value():
                data[field.html_name] = "on"
        elif value is not None:
            data[field.html_name] = value
    data.update(changes)
    return data


def upload(name="bien-ban.pdf", content=b"%PDF-1.4 audit"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def _renamed(data):
    """A copy of an edit form's data that passes as a new record: unique texts changed."""
    data = dict(data)
    for key in ("title", "name", "code", "number", "name_en", "city"):
        if isinstance(data.get(key), str) and not data[key].isdigit():
            data[key] = f"{data[key]} KT"
    return data


def _template_body(name):
    return {
        "name": name,
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-0-title": "Đặt phòng họp",
        "items-0-offset_days": "-30",
        "items-0-owner_kind": "named",
        "items-0-order": "1",
    }


@pytest.fixture
def payloads(urls, role_clients):
    """Route name → a callable giving a valid POST body (fresh files each call): with it the
    secretariat's POST succeeds, so a refused POST is refused by the rules, not by the form."""
    sec = role_clients["secretariat"]
    edits = {
        name: form_data(sec, urls[name])
        for name in urls
        if name.endswith("_edit") or name in ("meetings:edit", "heritage_parks:edit")
    }
    edits.pop("reports:narrative_edit")
    status = form_data(sec, urls["working_groups:task_status"], note="Đã gửi góp ý.")
    bodies = dict(edits)
    creates = {
        "working_groups:activity_create": "working_groups:activity_edit",
        "working_groups:task_create": "working_groups:task_edit",
        "meetings:create": "meetings:edit",
        "meetings:checklist_add": "meetings:checklist_edit",
        "heritage_parks:create": "heritage_parks:edit",
        "heritage_parks:eco_school_create": "heritage_parks:eco_school_edit",
        "heritage_parks:esc_round_create": "heritage_parks:esc_round_edit",
        "heritage_parks:esc_award_create": "heritage_parks:esc_award_edit",
    } | {f"cooperation:{k}_create": f"cooperation:{k}_edit" for k in COOPERATION_KINDS}
    bodies |= {create: _renamed(bodies[edit]) for create, edit in creates.items()}
    bodies["meetings:create"]["number"] = "91"
    bodies["heritage_parks:esc_round_create"]["edition"] = "99"
    bodies["heritage_parks:eco_school_create"]["year"] = "2030"
    bodies |= {
        "working_groups:task_status": status,
        "meetings:checklist_toggle": {"done": "1"},
        "meetings:feed_reset": {},
        "notifications:mark_read": {},
        "meetings:delegate_add": {
            "full_name": "Hồ Thị Mai",
            "role": "member",
            "funding": "self_funded",
        },
        "meetings:delegate_remove": {},
        "archive:archive": {},
        "archive:restore": {},
        "meetings:checklist_apply": {
            "template": str(ChecklistTemplate.objects.get(name="Mẫu kiểm tra quyền").pk)
        },
        "meetings:template_create": _template_body("Mẫu mới"),
        "meetings:template_edit": _template_body("Mẫu kiểm tra quyền (sửa)"),
        "people:set_active": {"active": "0"},
        "people:edit": {"leadership": "on", "focal_role": "member"},
        "people:invite": {
            "email": "moi@mae.gov.vn",
            "last_name": "Đỗ",
            "first_name": "Hà",
            "language": "vi",
            "focal_role": "member",
        },
        "reports:create": {"year": "2026"},
        "reports:activity_topic": {"theme": "partners"},
        "reports:narrative_edit": {"text": "Bối cảnh trong nước đã cập nhật."},
        "reports:submit": {},
        "reports:approve": {},
        "reports:return": {},
        "reports:render_request": {"language": "vi"},
        "reports:render_retry": {},
        "issuance:sign": {},
        "exchange:job-confirm": {},
        "exchange:job-retry": {},
        "api:tokens": {"name": "Hệ thống văn phòng điện tử"},
        "api:token_revoke": {},
    }
    makers = {name: (lambda body=body: dict(body)) for name, body in bodies.items()}
    makers["working_groups:attachment_add"] = lambda: {"files": [upload()]}
    makers["meetings:document_upload"] = lambda: {"title": "Báo cáo quốc gia", "file": upload()}
    makers["exchange:upload"] = lambda: {
        "register": "activities",
        "file": upload("hoat-dong.csv", CSV),
    }
    return makers
