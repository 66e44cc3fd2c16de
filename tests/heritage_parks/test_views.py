import datetime

import pytest
from django.urls import reverse

from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark, Programme
from tests.factories import ActivityFactory, MeetingFactory, MeetingSeriesFactory


@pytest.fixture
def ahp8(db):
    series = MeetingSeriesFactory(code="AHP", kind="heritage", name="Hội nghị Vườn di sản ASEAN")
    return MeetingFactory(
        series=series, number=8, year=2025, start_date=datetime.date(2025, 12, 2), end_date=None
    )


@pytest.fixture
def xuan_thuy(ahp8):
    return HeritagePark.objects.create(
        name="Vườn quốc gia Xuân Thủy",
        province="Ninh Bình",
        year_recognised=2025,
        status=HeritagePark.Status.RECOGNISED,
        certificate_meeting=ahp8,
    )


@pytest.fixture
def esc_round(db):
    esc_round = EscAwardRound.objects.create(kind="award", edition=6, year=2025)
    EscAward.objects.create(round=esc_round, city="Hoa Lư", province="Ninh Bình")
    return esc_round


def test_park_list(leadership_client, xuan_thuy):
    response = leadership_client.get(reverse("heritage_parks:list"))
    html = response.content.decode()
    assert list(response.context["parks"]) == [xuan_thuy]
    assert "Vườn quốc gia Xuân Thủy" in html
    assert "AHP 8" in html
    assert reverse("heritage_parks:create") not in html


def test_park_list_empty_state(focal_client):
    html = focal_client.get(reverse("heritage_parks:list")).content.decode()
    assert "Chưa có Vườn di sản ASEAN nào." in html


def test_park_detail_lists_ahp_activities_that_concern_it(focal_client, xuan_thuy, ahp8):
    ahp = Programme.objects.create(code="AHP", name="Chương trình AHP", name_en="AHP")
    named = ActivityFactory(
        title="Công nhận Vườn quốc gia Xuân Thủy", start_date=datetime.date(2025, 3, 1)
    )
    at_meeting = ActivityFactory(
        title="Tổ chức AHP 8", meeting=ahp8, start_date=datetime.date(2025, 12, 2)
    )
    other_park = ActivityFactory(title="Công nhận Vườn quốc gia Pù Mát")
    not_ahp = ActivityFactory(title="Xuân Thủy trong chương trình khác")
    for activity in (named, at_meeting, other_park):
        activity.programmes.add(ahp)
    response = focal_client.get(reverse("heritage_parks:detail", args=[xuan_thuy.pk]))
    assert list(response.context["activities"]) == [at_meeting, named]
    assert not_ahp not in response.context["activities"]


def test_eco_school_list(focal_client):
    EcoSchoolAward.objects.create(year=2025, theme="Trường học không rác thải nhựa")
    html = focal_client.get(reverse("heritage_parks:eco_schools")).content.decode()
    assert "Trường học không rác thải nhựa" in html
    assert "(chưa cập nhật)" in html


def test_eco_school_list_empty_state(focal_client):
    html = focal_client.get(reverse("heritage_parks:eco_schools")).content.decode()
    assert "Chưa có giải thưởng Trường học sinh thái nào." in html


def test_esc_list_shows_rounds_and_cities(secretariat_client, esc_round):
    response = secretariat_client.get(reverse("heritage_parks:esc"))
    html = response.content.decode()
    assert "Hoa Lư" in html
    assert reverse("heritage_parks:esc_award_create", args=[esc_round.pk]) in html


def test_esc_list_empty_state(focal_client):
    html = focal_client.get(reverse("heritage_parks:esc")).content.decode()
    assert "Chưa có đợt giải thưởng ESC nào." in html


def test_park_create_redirects_to_detail(secretariat_client, ahp8):
    response = secretariat_client.post(
        reverse("heritage_parks:create"),
        {
            "name": "Vườn quốc gia Pù Mát",
            "status": "recognised",
            "year_recognised": 2025,
            "certificate_meeting": ahp8.pk,
        },
    )
    park = HeritagePark.objects.get()
    assert response["Location"] == reverse("heritage_parks:detail", args=[park.pk])
    assert (park.name, park.certificate_meeting) == ("Vườn quốc gia Pù Mát", ahp8)


def test_esc_award_duplicate_is_form_error(secretariat_client, esc_round):
    response = secretariat_client.post(
        reverse("heritage_parks:esc_award_create", args=[esc_round.pk]),
        {"city": "Hoa Lư", "category": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Thành phố được trao ESC với thông tin Đợt, Thành phố và Hạng mục đã tồn tại"
    ]
    assert EscAward.objects.count() == 1
