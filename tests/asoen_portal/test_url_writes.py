"""Every write route, POSTed by each role with a body the secretariat's POST saves: exactly the
roles the rules name may change the database; the others get 403/404 (or, creating a record
for a group that is not theirs, the form back) and the database stays as it was."""

import importlib

import pytest
from django.urls import clear_url_caches

from meetings.models import MeetingSeries
from tests.asoen_portal.audit import fingerprint, post_outcome
from tests.asoen_portal.test_url_permissions import CLASSES
from tests.asoen_portal.world import ROLES
from working_groups.models import WorkingGroup

A, F, R = "allowed", "forbidden", "rejected"

# Routes that answer POST only (a GET is 405): no form page to open.
POST_ONLY = {"reports:create", "reports:submit", "exchange:upload", "exchange:job-confirm"}
POST_ONLY |= {"people:set_active", "meetings:checklist_apply", "meetings:delegate_remove"}
POST_ONLY |= {"exchange:job-retry", "archive:restore"}
GROUP_RECORD = (A, A, F, F)  # secretariat, focal AWGNCB, focal AWGCC, leadership
GROUP_CREATE = (A, A, R, F)  # AWGCC's focal point cannot pick AWGNCB in the form
SECRETARIAT_ONLY = (A, F, F, F)

EXPECTED = {
    "working_groups:activity_create": GROUP_CREATE,
    "working_groups:task_create": GROUP_CREATE,
    "meetings:create": GROUP_CREATE,
    **dict.fromkeys(CLASSES["write-group"] - CLASSES["create-group"], GROUP_RECORD),
    **dict.fromkeys(CLASSES["write-secretariat"], SECRETARIAT_ONLY),
    "reports:approve": (F, F, F, A),
    "reports:return": (F, F, F, A),
    "reports:render_request": (A, F, F, A),
    "reports:render_retry": (A, F, F, A),
    "issuance:sign": (F, F, F, A),  # leadership signs; the certificate is the signer's
    "meetings:feed_reset": (A, A, A, A),  # each user rotates their own calendar token
    "notifications:mark_read": (A, A, A, A),  # each user marks their own notices
    "api:tokens": (A, A, A, A),  # each user makes their own API tokens
    "api:token_revoke": (F, A, F, F),  # the audit's token is AWGNCB's focal point's
}


def test_expected_outcomes_cover_every_write_route():
    writes = CLASSES["write-group"] | CLASSES["write-secretariat"] | CLASSES["report-workflow"]
    assert set(EXPECTED) == writes | CLASSES["write-self"]


@pytest.mark.parametrize("role", ROLES)
def test_post_as_role_has_exactly_the_allowed_outcome(role, role_clients, urls, payloads):
    column = ROLES.index(role)
    before = fingerprint()
    outcomes = {
        name: post_outcome(role_clients[role], urls[name], payloads[name](), before=before)
        for name in sorted(EXPECTED)
    }

    assert outcomes == {name: expected[column] for name, expected in EXPECTED.items()}


def test_focal_point_cannot_move_a_record_to_a_group_not_theirs(role_clients, urls, payloads):
    cc = WorkingGroup.objects.get(code="AWGCC")
    cc_series = MeetingSeries.objects.get(code="AWGCC")
    moves = {
        "working_groups:activity_edit": {"working_group": str(cc.pk)},
        "working_groups:task_edit": {"working_group": str(cc.pk)},
        "working_groups:activity_create": {"working_group": ""},
        "working_groups:task_create": {"working_group": ""},
        "meetings:edit": {"series": str(cc_series.pk)},
    }
    focal = role_clients["focal_ncb"]
    before = fingerprint()
    outcomes = {
        name: post_outcome(focal, urls[name], payloads[name]() | change, before=before)
        for name, change in moves.items()
    }

    assert outcomes == dict.fromkeys(moves, R)


FORM_PAGES = {
    "working_groups:activity_edit",
    "working_groups:task_edit",
    "working_groups:task_status",
    "meetings:edit",
    "meetings:document_upload",
    "meetings:checklist_add",
    "meetings:checklist_edit",
}


@pytest.mark.parametrize("role", ["focal_cc", "leadership"])
def test_form_pages_of_another_groups_records_refuse_to_open(role, role_clients, urls):
    client = role_clients[role]
    statuses = {name: client.get(urls[name]).status_code for name in sorted(FORM_PAGES)}

    assert statuses == dict.fromkeys(FORM_PAGES, 403)


@pytest.mark.parametrize("role", ["focal_ncb", "leadership"])
def test_secretariat_form_pages_refuse_to_open_for_other_roles(role, role_clients, urls):
    client = role_clients[role]
    names = sorted(CLASSES["write-secretariat"] - POST_ONLY)
    statuses = {name: client.get(urls[name]).status_code for name in names}

    assert statuses == dict.fromkeys(names, 403)


def test_leadership_cannot_open_create_forms(role_clients, urls):
    client = role_clients["leadership"]
    names = sorted(CLASSES["create-group"])

    assert {name: client.get(urls[name]).status_code for name in names} == dict.fromkeys(names, 403)


def test_uploaded_files_are_not_served_to_anonymous_visitors(settings, anonymous_client, world):
    # Attachments sit at the guessable /media/activities/<activity id>/<file name>: no URL may
    # serve that path directly, even with DEBUG on, or it would bypass attachment_download.
    settings.DEBUG = True
    try:
        _reload_urlconf()
        response = anonymous_client.get(f"/media/{world['attachment'].file.name}")
    finally:
        settings.DEBUG = False
        _reload_urlconf()

    assert response.status_code == 404
    assert world["attachment"].file.read() not in response.content


def _reload_urlconf():
    import asoen_portal.urls

    importlib.reload(asoen_portal.urls)
    clear_url_caches()
