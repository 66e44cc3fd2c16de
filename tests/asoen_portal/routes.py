"""The route table of the audit: every named route of the project, and the concrete URL of
each on the world's records."""

from django.urls import URLResolver, get_resolver, reverse

COOPERATION_KINDS = ("instrument", "document", "partner", "project")
# Django's auth routes (the portal's throttled login and password reset among them).
SKIPPED_URLCONFS = ("django.contrib.auth.urls", "asoen_portal.account_urls")
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


def url_kwargs(w):
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


def concrete_urls(world):
    """Route name → a concrete URL on the world's records."""
    kwargs = url_kwargs(world)
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
