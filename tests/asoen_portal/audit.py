"""How the audit looks at the database and posts forms: a fingerprint of the portal's tables,
the outcome of one POST, and a valid POST body for every write route."""

from django import forms
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction

from meetings.models import ChecklistTemplate
from tests.asoen_portal.routes import COOPERATION_KINDS
from tests.asoen_portal.world import CSV

PORTAL_APPS = ("asoen_portal", "working_groups", "meetings", "heritage_parks", "cooperation")
PORTAL_APPS += ("reports", "notifications", "auth", "issuance")


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


def post_outcome(client, url, data, *, before=None):
    """POST inside a savepoint rolled back afterwards, so each POST meets the same records.
    'allowed': 2xx/3xx and the database changed; 'forbidden': 403/404 and nothing changed;
    'rejected': the form came back (200) and nothing changed; anything else is reported raw.

    A loop of POSTs passes the fingerprint taken before the first as `before`: each rollback
    restores it, and a rollback that did not would show as a change in the next POST."""
    with transaction.atomic():
        if before is None:
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


def payload_makers(urls, sec):
    """Route name → a callable giving a valid POST body (fresh files each call): with it the
    secretariat's POST (`sec` is the secretariat's client) succeeds, so a refused POST is
    refused by the rules, not by the form."""
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
