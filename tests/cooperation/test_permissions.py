"""Each role × each write action: only the secretariat keeps the cooperation registers."""

import pytest
from django.urls import reverse

from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject
from tests.factories import LegalInstrumentFactory, PartnerFactory, PartnerProjectFactory

ROLES = [
    ("secretariat_client", 302),
    ("focal_client", 403),
    ("other_focal_client", 403),
    ("leadership_client", 403),
    ("anonymous_client", "login"),
]
MARK = "Ghi chép thử quyền"


@pytest.fixture
def records(db):
    instrument = LegalInstrumentFactory(number="372/NQ-CP")
    partner = PartnerFactory(code="BMZ")
    document = AseanDocument.objects.create(
        code="ACCSAP", kind="plan", title="ACCSAP", year=2026, status="planned"
    )
    project = PartnerProjectFactory(code="SGP-AHP-II")
    project.donors.add(partner)
    return instrument, partner, document, project


def _actions(instrument, partner, document, project):
    instrument_data = {
        "kind": "resolution",
        "issuer": "Chính phủ",
        "issued_on": "2025-11-19",
        "title": MARK,
    }
    document_data = {"kind": "plan", "title": MARK, "year": 2026, "status": "planned"}
    partner_data = {"name": MARK, "name_en": "x", "kind": "fund"}
    project_data = {"title": MARK, "donors": [partner.pk], "status": "ongoing"}
    return {
        "instrument_create": (
            reverse("cooperation:instrument_create"),
            instrument_data | {"number": "1/NQ-CP"},
        ),
        "instrument_edit": (
            reverse("cooperation:instrument_edit", args=[instrument.pk]),
            instrument_data | {"number": instrument.number},
        ),
        "document_create": (
            reverse("cooperation:document_create"),
            document_data | {"code": "NEW"},
        ),
        "document_edit": (
            reverse("cooperation:document_edit", args=[document.pk]),
            document_data | {"code": document.code},
        ),
        "partner_create": (reverse("cooperation:partner_create"), partner_data | {"code": "NEW"}),
        "partner_edit": (
            reverse("cooperation:partner_edit", args=[partner.pk]),
            partner_data | {"code": partner.code},
        ),
        "project_create": (reverse("cooperation:project_create"), project_data | {"code": "NEW"}),
        "project_edit": (
            reverse("cooperation:project_edit", args=[project.pk]),
            project_data | {"code": project.code},
        ),
    }


def _written():
    return (
        LegalInstrument.objects.filter(title=MARK).count()
        + AseanDocument.objects.filter(title=MARK).count()
        + Partner.objects.filter(name=MARK).count()
        + PartnerProject.objects.filter(title=MARK).count()
    )


@pytest.mark.parametrize(("role", "outcome"), ROLES)
@pytest.mark.parametrize(
    "action",
    [
        "instrument_create",
        "instrument_edit",
        "document_create",
        "document_edit",
        "partner_create",
        "partner_edit",
        "project_create",
        "project_edit",
    ],
)
def test_cooperation_write_actions_by_role(request, records, role, outcome, action):
    client = request.getfixturevalue(role)
    url, data = _actions(*records)[action]
    response = client.post(url, data)
    if outcome == "login":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
        assert _written() == 0
    else:
        assert response.status_code == outcome
        assert _written() == (1 if outcome == 302 else 0)
    if outcome == 403:
        assert client.get(url).status_code == 403
