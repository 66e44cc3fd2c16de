"""Facts, words and editions from the seed, without WeasyPrint: the document tree's text."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from meetings.models import Meeting
from reports.editions import build_document, content_hash
from reports.facts import FactKind, gather_facts
from reports.models import AnnualReport
from reports.services import approve_report, return_report, submit_report
from working_groups.models import Activity

pytestmark = pytest.mark.usefixtures("seeded")

SEED_REPORT = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "001_8ed12678faa09b96.txt"
PLANNED_2026 = [
    "36 Nhóm công tác ASEAN về bảo tồn",
    "COP 21",
    "COM 21",
    "ATFP 11",
    "Ủy ban Vườn di sản ASEAN",
    "TAF-GTEI",
    "ASOEN 37",
    "Hội nghị lần thứ 24",
]


def _text(year, language):
    report, _created = AnnualReport.objects.get_or_create(year=year)
    return build_document(report, language).text()


def _section_ii(text):
    return text[text.index("II. ") : text.index("III. ")]


def test_2026_section_ii_claims_no_planned_meeting():
    section = _section_ii(_text(2026, "vi"))
    for name in PLANNED_2026:
        assert name not in section
    assert "Tổ chức thành công" not in section
    assert "Chưa có kết quả nào được ghi nhận" in section


def test_2026_held_meeting_told_once_in_both_languages():
    meeting = Meeting.objects.get(series__code="AWGNCB", number=36)
    meeting.status = Meeting.Status.HELD
    meeting.outcome = "Thông qua Kế hoạch công tác năm 2027 của Nhóm công tác."
    meeting.save()
    vi = _section_ii(_text(2026, "vi"))
    en = _section_ii(_text(2026, "en"))
    name_vi = "Hội nghị lần thứ 36 Nhóm công tác ASEAN về bảo tồn thiên nhiên và đa dạng sinh học"
    assert vi.count(name_vi) == 1
    assert "Tổ chức thành công " + name_vi in vi
    assert vi.count("Thông qua Kế hoạch công tác năm 2027") == 1
    name_en = "36th Meeting of the ASEAN Working Group on Nature Conservation and Biodiversity"
    assert en.count(name_en) == 1
    assert "Successfully hosted the " + name_en in en
    # The other June meetings are still planned: none is a result.
    assert "Ủy ban Vườn di sản ASEAN" not in vi


def test_planned_meeting_of_an_activity_is_no_result():
    meeting = Meeting.objects.get(series__code="ASOEN", number=37)
    Activity.objects.create(
        kind="meeting_attended",
        theme="voice",
        title="Tham dự Hội nghị ASOEN 37",
        start_date=date(2026, 9, 1),
        meeting=meeting,
    )
    assert "ASOEN 37" not in _section_ii(_text(2026, "vi"))


def test_each_fact_once_and_activity_and_register_are_one_fact():
    facts = gather_facts(2025)
    keys = facts.keys()
    assert len(keys) == len(set(keys))
    parks = [f for f in facts.results if f.kind == FactKind.PARKS_RECOGNISED]
    assert len(parks) == 1 and parks[0].activity is not None  # the activity and the 3 parks
    assert len(parks[0].data["parks"]) == 3
    hosted = [f for f in facts.results if f.key == "meeting:AHP 8"]
    assert len(hosted) == 1 and hosted[0].activity is not None
    assert [f.kind for f in facts.results if f.key == "instrument:276/NQ-CP"] == [
        FactKind.INSTRUMENT_APPROVED
    ]


def test_year_boundaries():
    Activity.objects.create(
        kind="coordination",
        theme="organisation",
        title="Hoạt động ngày đầu năm 2026",
        start_date=date(2026, 1, 1),
    )
    Activity.objects.create(
        kind="coordination",
        theme="organisation",
        title="Hoạt động ngày cuối năm 2025",
        start_date=date(2025, 12, 31),
    )
    assert "Hoạt động ngày cuối năm 2025" in _text(2025, "vi")
    assert "Hoạt động ngày đầu năm 2026" not in _text(2025, "vi")
    assert "Hoạt động ngày đầu năm 2026" in _section_ii(_text(2026, "vi"))


def test_task_in_progress_said_in_those_words():
    from working_groups.models import Task

    Task.objects.create(
        year=2026,
        theme="organisation",
        title="Xây dựng cơ sở dữ liệu hợp tác ASEAN",
        title_en="Build the ASEAN cooperation database",
        status=Task.Status.IN_PROGRESS,
    )
    assert "Xây dựng cơ sở dữ liệu hợp tác ASEAN (đang thực hiện)" in _text(2026, "vi")
    assert "Build the ASEAN cooperation database (in progress)" in _text(2026, "en")


def _count(text, phrase):
    return len(re.findall(re.escape(phrase), text))


# (phrase in the seed report, phrase in the English edition): the English edition tells each
# fact no more often than the Vietnamese source does.
SAME_FACT = [
    ("Giải thưởng Trường học Sinh thái ASEAN Việt Nam năm 2025", "2025 ASEAN Eco-school Award"),
    ("Hoàn thành các thủ tục công nhận Danh hiệu Vườn di sản", "recognition of three"),
    ("Langkawi", "Langkawi"),
    ("02-04 tháng 9 năm 2025", "2–4 September 2025"),
    ("Tăng cường quan hệ với các đối tác phát triển", "Strengthen relations with development"),
    ("(AMME 18)", "(AMME 18)"),
    # The declarations an activity logs are not listed again from the documents register.
    ("Tuyên bố ASEAN về quyền", "ASEAN Declaration on the right to"),
    ("(SPACE)", "(SPACE)"),
]


@pytest.mark.parametrize(("source", "english"), SAME_FACT)
def test_english_2025_tells_no_fact_more_often_than_the_seed(source, english):
    seed = SEED_REPORT.read_text(encoding="utf-8")
    assert _count(seed, source) >= 1
    assert 1 <= _count(_text(2025, "en"), english) <= _count(seed, source)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_record_codes_or_seams_in_prose(language):
    text = _text(2026, language) + _text(2025, language)
    seams = ("AHP-COMMITTEE", "AWGESC 23", "Dự án “Dự án")
    for seam in seams:
        assert seam not in text
    assert not re.search(r"\. Nhằm ", text)
    assert not re.search(r"Tổ chức thành công[^.;]*được tổ chức", text)
    assert not re.search(r"\b1 cities\b|\b[02-9] city\b", text)
    assert "COP30 UNFCCC: Tuyên bố chung" not in text
    assert "COP17 CBD: Tuyên bố chung" not in text


def test_signer_name_and_position_match_in_both_languages():
    report = AnnualReport.objects.get(year=2025)
    vi, en = build_document(report, "vi").signature, build_document(report, "en").signature
    assert vi.name == "Lê Công Thành" and en.name == "Le Cong Thanh"
    assert len(vi.position_lines) == len(en.position_lines) == 2
    assert vi.position_lines[0].startswith("Chủ tịch") and en.position_lines[0].startswith("Chair")


def test_approved_report_frozen_until_returned(secretariat_user, leadership_user):
    report = AnnualReport.objects.get(year=2025)
    assert build_document(report, "vi").draft_mark == "DỰ THẢO"
    assert build_document(report, "en").draft_mark == "DRAFT"
    submit_report(report=report, by=secretariat_user)
    report = approve_report(report=report, by=leadership_user)
    before = {lang: build_document(report, lang).text() for lang in ("vi", "en")}
    digest = report.snapshot_hash
    assert digest == content_hash(report.snapshot)
    assert build_document(report, "vi").draft_mark == ""
    Activity.objects.create(
        kind="coordination",
        theme="voice",
        title="Hoạt động ghi thêm sau phê duyệt",
        start_date=date(2025, 12, 30),
        report_order=1,
    )
    report.refresh_from_db()
    assert {lang: build_document(report, lang).text() for lang in ("vi", "en")} == before
    assert report.snapshot_hash == digest
    report = return_report(report=report, by=leadership_user)
    assert report.snapshot is None and report.snapshot_hash == ""
    assert "Hoạt động ghi thêm sau phê duyệt" in build_document(report, "vi").text()
