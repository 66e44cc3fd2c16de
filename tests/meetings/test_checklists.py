"""Checklist templates: AWGNCB 36's checklist filled from the standard template, deadlines
counted from its date, owners from its group; applying twice adds nothing; the counter
follows a tick in place."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from meetings.checklists import apply_checklist_template
from meetings.models import ChecklistItem, ChecklistTemplate, Meeting
from tests.factories import FocalPersonFactory
from working_groups.models import WorkingGroup

pytestmark = pytest.mark.django_db
DEFAULT = importlib.import_module("meetings.migrations.0006_default_checklist_template")


@pytest.fixture
def standard_template(db):
    # The data migration's own function: the template every installation starts with.
    DEFAULT.create(apps, None)
    return ChecklistTemplate.objects.get(name=DEFAULT.NAME)


@pytest.fixture
def awgncb_36(db):
    call_command("load_seed", verbosity=0)
    return Meeting.objects.get(series__code="AWGNCB", number=36)


def test_awgncb_36_checklist_from_template_counts_from_its_date(
    secretariat_client, standard_template, awgncb_36
):
    ncb = WorkingGroup.objects.get(code="AWGNCB")
    lead = FocalPersonFactory(working_group=ncb, user__username="truong-nhom-ncb").user
    awgncb_36.start_date = datetime.date(2026, 6, 16)
    awgncb_36.end_date = datetime.date(2026, 6, 18)
    awgncb_36.save()

    response = secretariat_client.post(
        f"/meetings/{awgncb_36.pk}/checklist/apply/", {"template": standard_template.pk}
    )

    assert response.status_code == 302
    items = {
        i.title: (i.deadline, i.owner, i.owner_name)
        for i in ChecklistItem.objects.filter(meeting=awgncb_36)
    }
    assert items["Gửi thư mời"] == (datetime.date(2026, 4, 17), None, "Văn phòng ASOEN")
    assert items["Xin chủ trương tổ chức hội nghị quốc tế"][0] == datetime.date(2026, 2, 16)
    assert items["Chọn và đặt địa điểm hội nghị"] == (datetime.date(2026, 4, 17), lead, "")
    assert items["Báo cáo kết quả hội nghị"][0] == datetime.date(2026, 6, 30)
    assert len(items) == standard_template.items.count() == 9
    page = secretariat_client.get(f"/meetings/{awgncb_36.pk}/").content.decode()
    assert "17/04/2026" in page and "Đã xong 0/9 việc" in page


def test_month_only_meeting_counts_from_the_first_of_the_month_and_twice_adds_nothing(
    secretariat_user, standard_template, awgncb_36
):
    ChecklistItem.objects.create(meeting=awgncb_36, title="Gửi thư mời", owner_name="Tự làm")

    added, skipped = apply_checklist_template(
        meeting=awgncb_36, template=standard_template, by=secretariat_user
    )
    again = apply_checklist_template(
        meeting=awgncb_36, template=standard_template, by=secretariat_user
    )

    assert (len(added), skipped, again[0], again[1]) == (8, 1, [], 9)
    invite = ChecklistItem.objects.get(meeting=awgncb_36, title="Gửi thư mời")
    assert (invite.owner_name, invite.deadline) == ("Tự làm", None)  # kept as typed
    venue = ChecklistItem.objects.get(meeting=awgncb_36, title="Chọn và đặt địa điểm hội nghị")
    assert venue.deadline == datetime.date(2026, 4, 2)  # 60 days before 1 June


def test_other_groups_focal_point_cannot_apply(other_focal_client, standard_template, awgncb_36):
    response = other_focal_client.post(
        f"/meetings/{awgncb_36.pk}/checklist/apply/", {"template": standard_template.pk}
    )
    assert response.status_code == 403
    assert not ChecklistItem.objects.filter(meeting=awgncb_36).exists()


def test_meeting_without_date_or_month_is_refused_in_vietnamese(
    secretariat_client, standard_template, awgncb_36
):
    Meeting.objects.filter(pk=awgncb_36.pk).update(month=None)
    response = secretariat_client.post(
        f"/meetings/{awgncb_36.pk}/checklist/apply/",
        {"template": standard_template.pk},
        follow=True,
    )
    assert "chưa tính được hạn" in response.content.decode()
    assert not ChecklistItem.objects.filter(meeting=awgncb_36).exists()


def test_ticking_an_item_updates_the_counter_in_place(
    secretariat_client, secretariat_user, standard_template, awgncb_36
):
    apply_checklist_template(meeting=awgncb_36, template=standard_template, by=secretariat_user)
    item = ChecklistItem.objects.filter(meeting=awgncb_36).first()

    response = secretariat_client.post(
        f"/meetings/checklist/{item.pk}/done/", {"done": "1"}, HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert f'id="checklist-item-{item.pk}"' in html
    assert 'id="checklist-counter" data-hx-swap-oob="true">Đã xong 1/9 việc' in html


def test_secretariat_keeps_templates_others_cannot(secretariat_client, focal_user):
    from django.test import Client

    focal_client = Client()
    focal_client.force_login(focal_user, backend="django.contrib.auth.backends.ModelBackend")
    data = {
        "name": "Hội thảo nhỏ",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "0",
        "items-0-title": "Gửi thư mời",
        "items-0-offset_days": "-30",
        "items-0-owner_kind": "named",
        "items-0-owner_name": "Văn phòng ASOEN",
        "items-0-order": "1",
        "items-1-title": "Đặt phòng",
        "items-1-offset_days": "-10",
        "items-1-owner_kind": "group_lead",
        "items-1-order": "2",
    }
    assert focal_client.post("/meetings/checklist-templates/new/", data).status_code == 403
    response = secretariat_client.post("/meetings/checklist-templates/new/", data)

    assert response.status_code == 302
    template = ChecklistTemplate.objects.get(name="Hội thảo nhỏ")
    assert list(template.items.values_list("title", "offset_days")) == [
        ("Gửi thư mời", -30),
        ("Đặt phòng", -10),
    ]
    assert (
        "Hội thảo nhỏ" in secretariat_client.get("/meetings/checklist-templates/").content.decode()
    )
