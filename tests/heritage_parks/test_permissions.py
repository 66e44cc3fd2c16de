"""Each role × each write action: only the secretariat keeps the programme registers."""

import pytest
from django.urls import reverse

from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark

ROLES = [
    ("secretariat_client", 302),
    ("focal_client", 403),
    ("other_focal_client", 403),
    ("leadership_client", 403),
    ("anonymous_client", "login"),
]


@pytest.fixture
def records(db):
    park = HeritagePark.objects.create(name="Vườn quốc gia Pù Mát", status="recognised")
    award = EcoSchoolAward.objects.create(year=2025, theme="Trường học không rác thải nhựa")
    esc_round = EscAwardRound.objects.create(kind="award", edition=6, year=2025)
    city = EscAward.objects.create(round=esc_round, city="Hoa Lư")
    return park, award, esc_round, city


def _actions(park, award, esc_round, city):
    return {
        "park_create": (
            reverse("heritage_parks:create"),
            {"name": "VQG Mới", "status": "nominated"},
        ),
        "park_edit": (
            reverse("heritage_parks:edit", args=[park.pk]),
            {"name": "VQG Mới", "status": "recognised"},
        ),
        "eco_create": (
            reverse("heritage_parks:eco_school_create"),
            {"year": 2026, "theme": "VQG Mới", "school": "A"},
        ),
        "eco_edit": (
            reverse("heritage_parks:eco_school_edit", args=[award.pk]),
            {"year": 2025, "theme": "VQG Mới"},
        ),
        "round_create": (
            reverse("heritage_parks:esc_round_create"),
            {"kind": "award", "edition": 7, "year": 2027, "categories": "VQG Mới"},
        ),
        "round_edit": (
            reverse("heritage_parks:esc_round_edit", args=[esc_round.pk]),
            {"kind": "award", "edition": 6, "year": 2025, "categories": "VQG Mới"},
        ),
        "city_create": (
            reverse("heritage_parks:esc_award_create", args=[esc_round.pk]),
            {"city": "VQG Mới", "category": "clean_air"},
        ),
        "city_edit": (
            reverse("heritage_parks:esc_award_edit", args=[city.pk]),
            {"city": "VQG Mới", "category": ""},
        ),
    }


def _written():
    return (
        HeritagePark.objects.filter(name="VQG Mới").count()
        + EcoSchoolAward.objects.filter(theme="VQG Mới").count()
        + EscAwardRound.objects.filter(categories="VQG Mới").count()
        + EscAward.objects.filter(city="VQG Mới").count()
    )


@pytest.mark.parametrize(("role", "outcome"), ROLES)
@pytest.mark.parametrize(
    "action",
    [
        "park_create",
        "park_edit",
        "eco_create",
        "eco_edit",
        "round_create",
        "round_edit",
        "city_create",
        "city_edit",
    ],
)
def test_programme_write_actions_by_role(request, records, role, outcome, action):
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
