"""Section II counts the held meetings Vietnam attended and the delegates partners paid for;
only what happened counts, an absent delegation list claims nothing, and an approved report
keeps the text it was approved with."""

import pytest

from cooperation.models import PartnerProject
from meetings.models import Delegate, Meeting
from reports.editions import build_document
from reports.facts import FactKind, gather_facts
from reports.models import AnnualReport
from reports.services import approve_report, submit_report

pytestmark = pytest.mark.usefixtures("seeded")

SENTENCE_2025_VI = "Trong năm, Việt Nam đã cử đoàn tham dự {n} hội nghị."
SENTENCE_2025_EN = "During the year, Viet Nam sent delegations to {n} meetings."


def _text(year, language):
    report, _created = AnnualReport.objects.get_or_create(year=year)
    return build_document(report, language).text()


def _lines(year, language):
    return _text(year, language).splitlines()


def _delegation(meeting, *fundings):
    project = PartnerProject.objects.order_by("code").first()
    first = meeting.delegates.count()
    for n, funding in enumerate(fundings, start=first):
        Delegate.objects.create(
            meeting=meeting,
            full_name=f"Đại biểu số {n}",
            funding=funding,
            partner_project=project if funding == Delegate.Funding.PARTNER_PROJECT else None,
        )


def _held(series_code, number):
    meeting = Meeting.objects.get(series__code=series_code, number=number)
    meeting.status = Meeting.Status.HELD
    meeting.save()
    return meeting


def _attended_held(year):
    return Meeting.objects.filter(year=year, status=Meeting.Status.HELD, is_hosted=False).count()


def test_2025_counts_the_meetings_attended_and_says_nothing_of_funding_without_lists():
    n = _attended_held(2025)
    assert n == 13
    vi, en = _lines(2025, "vi"), _lines(2025, "en")
    assert vi.count("Trong năm, Việt Nam đã cử đoàn tham dự 13 hội nghị.") == 1
    assert en.count("During the year, Viet Nam sent delegations to 13 meetings.") == 1
    # Right after the bullets that name those meetings (section II.1), before the highlights.
    at = vi.index("Trong năm, Việt Nam đã cử đoàn tham dự 13 hội nghị.")
    assert vi[at - 1].startswith("Tham dự Hội nghị tham vấn khu vực xây dựng Kế hoạch")
    assert vi[at + 1] == "Một số kết quả nổi bật của các Nhóm công tác:"
    assert not [line for line in vi if "lượt đại biểu" in line]
    assert not [line for line in en if "funded by partners" in line]


def test_2026_counts_held_meetings_only_with_partner_funded_delegates():
    Delegate.objects.all().delete()
    asoen = _held("ASOEN", 37)
    _delegation(
        asoen,
        Delegate.Funding.STATE_BUDGET,
        Delegate.Funding.PARTNER_PROJECT,
        Delegate.Funding.ASEAN_SECRETARIAT,
    )
    # Planned meetings with partner-funded delegations: no result yet, counted nowhere.
    planned = Meeting.objects.filter(year=2026, is_hosted=False).exclude(pk=asoen.pk)
    assert planned.exists() and not planned.filter(status=Meeting.Status.HELD).exists()
    for meeting in planned[:2]:
        _delegation(meeting, Delegate.Funding.PARTNER_PROJECT, Delegate.Funding.PARTNER_PROJECT)
    vi, en = _lines(2026, "vi"), _lines(2026, "en")
    assert (
        "Trong năm, Việt Nam đã cử đoàn tham dự 01 hội nghị; 02 lượt đại biểu do đối tác tài "
        "trợ." in vi
    )
    assert (
        "During the year, Viet Nam sent a delegation to 1 meeting; 2 delegates were funded by "
        "partners." in en
    )


def test_2026_plurals_and_one_partner_funded_delegate():
    Delegate.objects.all().delete()
    first = _held("ASOEN", 37)
    second = Meeting.objects.filter(year=2026, is_hosted=False).exclude(pk=first.pk).first()
    second.status = Meeting.Status.HELD
    second.save()
    _delegation(first, Delegate.Funding.SELF_FUNDED, Delegate.Funding.PARTNER_PROJECT)
    vi, en = _lines(2026, "vi"), _lines(2026, "en")
    assert (
        "Trong năm, Việt Nam đã cử đoàn tham dự 02 hội nghị; 01 lượt đại biểu do đối tác tài "
        "trợ." in vi
    )
    assert (
        "During the year, Viet Nam sent delegations to 2 meetings; 1 delegate was funded by "
        "partners." in en
    )


def test_2026_without_any_held_meeting_says_nothing():
    assert "cử đoàn tham dự" not in _text(2026, "vi")
    assert "sent a delegation" not in _text(2026, "en")


def test_delegations_fact_told_once_with_its_identity():
    _held("ASOEN", 37)
    facts = gather_facts(2026)
    told = [f for f in facts.results if f.kind == FactKind.DELEGATIONS]
    assert [(f.key, f.data) for f in told] == [
        ("delegations:2026", {"meetings": 1, "delegates": 0, "partner_funded": None})
    ]


def test_approved_report_keeps_its_delegation_figures(secretariat_user, leadership_user):
    Delegate.objects.all().delete()
    asoen = _held("ASOEN", 37)
    _delegation(asoen, Delegate.Funding.PARTNER_PROJECT)
    report, _created = AnnualReport.objects.get_or_create(year=2026)
    submit_report(report=report, by=secretariat_user)
    report = approve_report(report=report, by=leadership_user)
    frozen = [f for f in report.snapshot["facts"]["results"] if f["kind"] == "delegations"]
    assert [f["data"] for f in frozen] == [{"meetings": 1, "delegates": 1, "partner_funded": 1}]
    before = build_document(report, "vi").text()
    assert "cử đoàn tham dự 01 hội nghị; 01 lượt đại biểu do đối tác tài trợ." in before
    _delegation(asoen, Delegate.Funding.PARTNER_PROJECT, Delegate.Funding.ASEAN_SECRETARIAT)
    other = Meeting.objects.filter(year=2026, is_hosted=False).exclude(pk=asoen.pk).first()
    other.status = Meeting.Status.HELD
    other.save()
    report.refresh_from_db()
    assert build_document(report, "vi").text() == before


def test_report_approved_before_delegations_existed_keeps_its_text(
    secretariat_user, leadership_user
):
    _held("ASOEN", 37)
    report, _created = AnnualReport.objects.get_or_create(year=2026)
    submit_report(report=report, by=secretariat_user)
    report = approve_report(report=report, by=leadership_user)
    # A snapshot frozen before this fact existed has no such fact: its text has no such line.
    results = report.snapshot["facts"]["results"]
    report.snapshot["facts"]["results"] = [f for f in results if f["kind"] != "delegations"]
    report.save(update_fields=["snapshot"])
    assert "cử đoàn tham dự" not in build_document(report, "vi").text()
