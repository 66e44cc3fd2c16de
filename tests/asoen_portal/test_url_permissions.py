"""Permission audit of every route: each is classified below, anonymous visitors are sent to
the login page and change nothing, and every signed-in role reads what it may.

A route added to the project fails test_every_route_is_classified until it is audited here."""

import pytest

from tests.asoen_portal.audit import fingerprint
from tests.asoen_portal.routes import project_route_names
from tests.asoen_portal.world import ROLES

LOGIN = "/accounts/login/"

READ = {
    "dashboard",
    "search",
    "changes",
    "working_groups:activity_list",
    "working_groups:activity_detail",
    "working_groups:activity_history",
    "working_groups:attachment_download",
    "working_groups:task_list",
    "working_groups:task_detail",
    "working_groups:group_list",
    "working_groups:group_detail",
    "meetings:list",
    "meetings:calendar",
    "meetings:detail",
    "meetings:document_download",
    "meetings:feeds",
    "heritage_parks:list",
    "heritage_parks:detail",
    "heritage_parks:eco_schools",
    "heritage_parks:esc",
    "reports:list",
    "reports:detail",
    "reports:render_status",
    "reports:render_download",
    "issuance:signature_status",
    "issuance:signature_download",
    "exchange:export",
    "notifications:list",
    "notifications:bell",
    "people:profile",
} | {f"cooperation:{kind}" for kind in ("instruments", "documents", "partners", "projects")}
READ |= {f"cooperation:{kind}_detail" for kind in ("instrument", "document", "partner", "project")}

CREATE_GROUP = {"working_groups:activity_create", "working_groups:task_create", "meetings:create"}

CLASSES = {
    "public": {"healthz", "set_language"},
    "token-feed": {"meetings:user_feed", "meetings:group_feed"},
    "read": READ,
    "read-secretariat": {
        "exchange:index",
        "exchange:template",
        "exchange:job",
        "exchange:job-status",
        "people:list",
        "meetings:templates",
    },
    # The document register: the secretariat keeps it, leadership signs what is in it.
    "read-register": {"issuance:register"},
    # The "Archived" page: those who can archive (the secretariat, focal points).
    "read-archive": {"archive:archived"},
    "create-group": CREATE_GROUP,
    "write-group": CREATE_GROUP
    | {
        "archive:archive",
        "archive:restore",
        "working_groups:activity_edit",
        "working_groups:attachment_add",
        "working_groups:task_edit",
        "working_groups:task_status",
        "meetings:edit",
        "meetings:document_upload",
        "meetings:checklist_add",
        "meetings:checklist_edit",
        "meetings:checklist_toggle",
        "reports:activity_topic",
        "meetings:checklist_apply",
        "meetings:delegate_add",
        "meetings:delegate_edit",
        "meetings:delegate_remove",
    },
    "write-secretariat": {
        "heritage_parks:create",
        "heritage_parks:edit",
        "heritage_parks:eco_school_create",
        "heritage_parks:eco_school_edit",
        "heritage_parks:esc_round_create",
        "heritage_parks:esc_round_edit",
        "heritage_parks:esc_award_create",
        "heritage_parks:esc_award_edit",
        "reports:create",
        "reports:narrative_edit",
        "reports:submit",
        "exchange:upload",
        "exchange:job-confirm",
        "people:invite",
        "people:edit",
        "people:set_active",
        "meetings:template_create",
        "meetings:template_edit",
        "exchange:job-retry",
    }
    | {
        f"cooperation:{k}_{v}"
        for k in ("instrument", "document", "partner", "project")
        for v in ("create", "edit")
    },
    "report-workflow": {
        "reports:approve",
        "reports:return",
        "reports:render_request",
        "reports:render_retry",
        "issuance:sign",
    },
    "write-self": {
        "meetings:feed_reset",
        "notifications:mark_read",
        "api:tokens",
        "api:token_revoke",
    },
    # Sends an e-mail and changes no row: checked in tests/people.
    "mail-secretariat": {"people:resend"},
    "api-public": {"api:schema", "api:docs"},
    # API writes (task-status-update, and POST/PATCH on activity-list / checklist-item-detail)
    # have their own role matrix in tests/api/test_writes.py.
    "api-read": {
        f"api:{name}-{kind}"
        for name in (
            "working-group",
            "focal-person",
            "activity",
            "task",
            "meeting",
            "checklist-item",
            "programme",
            "heritage-park",
            "eco-school-award",
            "esc-award-round",
            "instrument",
            "asean-document",
            "partner",
            "project",
            "report",
        )
        for kind in ("list", "detail")
    }
    | {
        "api:task-status-update",
        "api:activity-attachment-file",
        "api:meeting-document-file",
        "api:report-render-file",
    },
}
# The API answers anonymous callers with 401 (tests below), not with the login page.
SIGNED_IN_ONLY = set().union(*CLASSES.values()) - CLASSES["public"] - CLASSES["token-feed"]
SIGNED_IN_ONLY -= CLASSES["api-public"] | CLASSES["api-read"]
API_READ = CLASSES["api-read"] - {"api:task-status-update"}


def test_every_route_is_classified():
    assert project_route_names() == set().union(*CLASSES.values())


def test_anonymous_get_of_every_non_public_route_goes_to_login(anonymous_client, urls):
    landed = {name: anonymous_client.get(urls[name]) for name in sorted(SIGNED_IN_ONLY)}

    assert {n: (r.status_code, r.url.split("?")[0]) for n, r in landed.items()} == dict.fromkeys(
        landed, (302, LOGIN)
    )


def test_anonymous_post_to_every_route_changes_nothing(anonymous_client, urls, payloads):
    before = fingerprint()
    statuses = {}
    for name in sorted(SIGNED_IN_ONLY):
        response = anonymous_client.post(urls[name], payloads.get(name, dict)())
        statuses[name] = (response.status_code, response.get("Location", "").split("?")[0])

    assert statuses == dict.fromkeys(statuses, (302, LOGIN))
    assert fingerprint() == before


def test_public_pages_answer_anonymous_visitors(anonymous_client, urls):
    assert anonymous_client.get(LOGIN).status_code == 200
    assert anonymous_client.get(urls["healthz"]).status_code in (200, 503)
    response = anonymous_client.post(urls["set_language"], {"language": "en", "next": "/"})
    assert (response.status_code, response.url) == (302, "/")


def test_calendar_feeds_open_only_with_a_valid_token(anonymous_client, urls, world):
    token = world["feed_token"].token
    group = urls["meetings:group_feed"]
    statuses = [
        anonymous_client.get(urls["meetings:user_feed"]).status_code,
        anonymous_client.get(urls["meetings:user_feed"].replace(token, "x" * 43)).status_code,
        anonymous_client.get(group).status_code,
        anonymous_client.get(group, {"token": "x" * 43}).status_code,
        anonymous_client.get(group, {"token": token}).status_code,
    ]

    assert statuses == [200, 404, 404, 404, 200]


@pytest.mark.parametrize("role", ROLES)
def test_every_signed_in_role_reads_every_record(role, role_clients, urls):
    client = role_clients[role]
    statuses = {name: client.get(urls[name]).status_code for name in sorted(READ)}

    assert statuses == dict.fromkeys(statuses, 200)


@pytest.mark.parametrize("role", ROLES)
def test_data_import_pages_are_the_secretariats_alone(role, role_clients, urls):
    client = role_clients[role]
    names = sorted(CLASSES["read-secretariat"])
    statuses = {name: client.get(urls[name]).status_code for name in names}

    assert statuses == dict.fromkeys(names, 200 if role == "secretariat" else 403)


def test_anonymous_api_calls_get_401_and_change_nothing(anonymous_client, urls):
    before = fingerprint()
    names = sorted(CLASSES["api-read"])
    reads = {name: anonymous_client.get(urls[name]).status_code for name in names}
    writes = {
        name: anonymous_client.post(urls[name], {}, content_type="application/json").status_code
        for name in names
    }

    assert reads == dict.fromkeys(names, 401)
    assert writes == dict.fromkeys(names, 401)
    assert fingerprint() == before


def test_api_schema_and_docs_are_public(anonymous_client, urls):
    statuses = [
        anonymous_client.get(urls[name]).status_code for name in sorted(CLASSES["api-public"])
    ]

    assert statuses == [200, 200]


@pytest.mark.parametrize("role", ROLES)
def test_every_signed_in_role_reads_every_api_record(role, role_clients, urls):
    client = role_clients[role]
    statuses = {name: client.get(urls[name]).status_code for name in sorted(API_READ)}

    assert statuses == dict.fromkeys(statuses, 200)


@pytest.mark.parametrize("role", ROLES)
def test_register_page_is_for_secretariat_and_leadership(role, role_clients, urls):
    status = role_clients[role].get(urls["issuance:register"]).status_code
    assert status == (200 if role in ("secretariat", "leadership") else 403)


@pytest.mark.parametrize("role", ROLES)
def test_archived_page_is_for_those_who_can_archive(role, role_clients, urls):
    status = role_clients[role].get(urls["archive:archived"]).status_code
    assert status == (403 if role == "leadership" else 200)
