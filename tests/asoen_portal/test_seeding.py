"""The seed holds every fact of the documents as records, and loading it twice changes nothing."""

import datetime
import re

import pytest
from django.core.management import call_command

from asoen_portal.seeding import load_seed
from cooperation.models import AseanDocument, LegalInstrument, PartnerProject
from heritage_parks.models import EcoSchoolAward, EscAward, HeritagePark
from meetings.models import Meeting
from reports.models import AnnualReport, ReportNarrative
from working_groups.models import Activity, RegionalLeadTerm, Task, WorkingGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    return load_seed()


def test_load_seed_second_run_changes_nothing(seeded):
    history_before = Activity.history.count() + Meeting.history.count()

    again = load_seed()

    assert (again.created, again.updated) == (0, 0)
    assert again.unchanged == seeded.created + seeded.updated + seeded.unchanged
    assert Activity.history.count() + Meeting.history.count() == history_before


def test_load_seed_command_reports_counts(db, capsys):
    call_command("load_seed")
    first = capsys.readouterr().out.strip().splitlines()[-1]
    call_command("load_seed")
    second = capsys.readouterr().out.strip().splitlines()[-1]

    created, updated, _ = (int(n) for n in re.findall(r"\d+", first))
    assert created > 150
    assert second == f"Seed loaded: 0 new, 0 updated, {created + updated} unchanged."


def test_seed_has_the_seven_working_groups(seeded):
    codes = WorkingGroup.objects.filter(kind=WorkingGroup.Kind.WORKING_GROUP).values_list(
        "code", flat=True
    )
    assert sorted(codes) == sorted(
        ["AWGESC", "AWGCW", "AWGWRM", "AWGCC", "AWGCME", "AWGEE", "AWGNCB"]
    )


def test_seed_2026_meetings_attended_abroad_with_planned_hosts(seeded):
    abroad = {
        m.short_name: m.country
        for m in Meeting.objects.filter(year=2026, is_hosted=False).select_related("series")
    }
    assert abroad == {
        "AWGESC 24": "BN",
        "AWGCW 11": "ID",
        "AWGWRM 26": "LA",
        "AWGCC 17": "MY",
        "AWGCME 27": "MM",
        "AWGEE 18": "SG",
        "ASOEN 37": "MM",
    }


def test_seed_2026_hosted_meetings_in_june_and_august_september(seeded):
    hosted = Meeting.objects.filter(year=2026, is_hosted=True).select_related("series")
    june = sorted(m.series.code for m in hosted if m.month == 6)
    aug_sep = sorted(m.short_name for m in hosted if (m.month, m.end_month) == (8, 9))
    assert hosted.count() == 8
    assert june == ["ABP-WS", "AHP-COMMITTEE", "AWGNCB", "NCA-WS", "TAF-GTEI-WS"]
    assert aug_sep == ["ATFP 11", "COM-AATHP 21", "COP-AATHP 21"]
    assert all(m.country == "VN" for m in hosted)


def test_seed_2025_meetings_attended_and_hosted(seeded):
    amme = Meeting.objects.get(series__code="AMME", number=18)
    asoen = Meeting.objects.get(series__code="ASOEN", number=36)
    ahp = Meeting.objects.get(series__code="AHP", number=8)
    assert (amme.start_date, amme.end_date, amme.city) == (
        datetime.date(2025, 9, 2),
        datetime.date(2025, 9, 4),
        "Langkawi",
    )
    assert (asoen.start_date, asoen.end_date) == (
        datetime.date(2025, 7, 28),
        datetime.date(2025, 8, 1),
    )
    assert (ahp.is_hosted, ahp.city, ahp.start_date) == (
        True,
        "Quảng Ninh",
        datetime.date(2025, 12, 2),
    )
    wg_2025 = Meeting.objects.filter(year=2025, series__kind="working_group")
    assert sorted(m.short_name for m in wg_2025) == [
        "AWGCC 16",
        "AWGCME 26",
        "AWGEE 17",
        "AWGESC 23",
        "AWGNCB 35",
        "AWGWRM 25",
    ]


def test_seed_three_heritage_parks_recognised_in_2025(seeded):
    parks = HeritagePark.objects.filter(year_recognised=2025, status="recognised")
    assert sorted(parks.values_list("name", flat=True)) == [
        "Khu bảo tồn thiên nhiên và văn hóa Đồng Nai",
        "Vườn quốc gia Pù Mát",
        "Vườn quốc gia Xuân Thủy",
    ]
    assert {p.certificate_meeting.short_name for p in parks} == {"AHP 8"}


def test_seed_instruments(seeded):
    instruments = {i.number: i.issued_on for i in LegalInstrument.objects.all()}
    assert instruments == {
        "276/NQ-CP": datetime.date(2025, 9, 12),
        "372/NQ-CP": datetime.date(2025, 11, 19),
        "5068/QĐ-BNNMT": datetime.date(2025, 11, 28),
    }


def test_seed_partner_projects_with_donors_and_channels(seeded):
    projects = {
        p.code: (sorted(d.code for d in p.donors.all()), p.channel.code if p.channel else None)
        for p in PartnerProject.objects.prefetch_related("donors").select_related("channel")
    }
    assert projects == {
        "AK-MSW": (["AKCF", "KECO"], None),
        "GEF-UNDP-IRBM": (["GEF"], "UNDP"),
        "SEA-MaP": (["WB"], "IDA"),
        "SGP-AHP-II": (["ACB"], None),
    }


def test_seed_awards_and_lead_terms(seeded):
    assert EscAward.objects.get(city="Hoa Lư").round.edition == 6
    assert EscAward.objects.get(city="Hải Phòng").category == "biodiversity"
    assert EcoSchoolAward.objects.get(year=2025).theme == "Trường học không rác thải nhựa"
    terms = {
        (t.working_group.code, t.start_year, t.end_year) for t in RegionalLeadTerm.objects.all()
    }
    assert terms == {("AWGESC", 2023, 2025), ("AWGEE", 2025, 2028)}


def test_seed_documents_and_2026_tasks(seeded):
    planned = set(AseanDocument.objects.filter(year=2026).values_list("code", flat=True))
    assert planned == {"JS-COP31-UNFCCC", "JS-COP17-CBD", "ACCSAP", "ABP"}
    sections = sorted(
        set(
            Task.objects.filter(year=2026)
            .exclude(report_section="")
            .values_list("report_section", flat=True)
        )
    )
    assert sections == ["2.1", "2.2", "2.3", "2.4", "2.5"]
    assert Task.objects.filter(year=2026, title__contains="30 năm").exists()


def test_seed_2025_report_draft_has_the_narrative(seeded):
    report = AnnualReport.objects.get(year=2025)
    sections = set(report.narratives.filter(language="vi").values_list("section", flat=True))
    assert sections == set(ReportNarrative.Section.values)
    difficulties = report.narratives.get(language="vi", section="difficulties").text
    assert "thiếu cơ sở dữ liệu về các hoạt động hội nhập" in difficulties
