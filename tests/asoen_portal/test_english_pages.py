"""English pages show a record's English field where it has one, its Vietnamese one where the
English is missing, and the secretariat's narrative markup as bold text."""

import pytest

from heritage_parks.models import EcoSchoolAward, Programme
from reports.narrative import preview_html
from tests.factories import ActivityFactory, LegalInstrumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(secretariat_client):
    secretariat_client.cookies["django_language"] = "en"
    return secretariat_client


def test_instrument_issuer_and_approval_in_english_with_vietnamese_fallback(english):
    translated = LegalInstrumentFactory(
        issuer="Chính phủ",
        issuer_en="The Government",
        approves="Thỏa thuận",
        approves_en="The Agreement",
    )
    untranslated = LegalInstrumentFactory(issuer="Bộ Ngoại giao", issuer_en="")
    detail = english.get(f"/instruments/{translated.pk}/").content.decode()
    assert "<dd>The Government</dd>" in detail
    assert "<dd>The Agreement</dd>" in detail
    assert "Chính phủ" not in detail
    listing = english.get("/instruments/").content.decode()
    assert 'data-label="Issuing body">The Government</td>' in listing
    assert 'data-label="Issuing body">Bộ Ngoại giao</td>' in listing
    assert untranslated.issuer_en == ""


def test_eco_school_theme_in_english(english):
    EcoSchoolAward.objects.create(year=2025, theme="Trường học xanh", theme_en="Green schools")
    EcoSchoolAward.objects.create(year=2024, theme="Chỉ có tiếng Việt")
    body = english.get("/heritage-parks/eco-schools/").content.decode()
    assert 'data-label="Theme">Green schools' in body
    assert 'data-label="Theme">Chỉ có tiếng Việt' in body
    assert "Trường học xanh" not in body


def test_working_groups_page_shows_each_english_name_once(english, group_ncb):
    body = english.get("/working-groups/").content.decode()
    assert body.count("ASEAN Working Group on Nature Conservation and Biodiversity") == 1


def test_working_groups_page_in_vietnamese_shows_the_english_name_beneath(
    secretariat_client, group_ncb
):
    body = secretariat_client.get("/working-groups/").content.decode()
    assert (
        '<div class="small muted" lang="en">'
        "ASEAN Working Group on Nature Conservation and Biodiversity</div>"
    ) in body


def test_task_page_in_english_shows_its_title_once(english, group_ncb):
    from tests.factories import TaskFactory

    task = TaskFactory(working_group=group_ncb, title="Nhiệm vụ", title_en="The task")
    body = english.get(f"/tasks/{task.pk}/").content.decode()
    assert "<h1>The task</h1>" in body
    assert 'class="page-subtitle"' not in body


def test_activity_links_name_programmes_in_english(english, group_ncb):
    programme = Programme.objects.create(
        code="AHP", name="Chương trình Vườn di sản ASEAN", name_en="ASEAN Heritage Parks Programme"
    )
    activity = ActivityFactory(working_group=group_ncb)
    activity.programmes.add(programme)
    body = english.get(f"/activities/{activity.pk}/").content.decode()
    assert "<dd>ASEAN Heritage Parks Programme</dd>" in body
    assert "Chương trình Vườn di sản ASEAN" not in body


def test_narrative_preview_renders_bold_and_escapes_the_rest():
    assert preview_html("- **Về kinh phí:** <b>thiếu</b> & chậm", 220) == (
        "- <strong>Về kinh phí:</strong> &lt;b&gt;thiếu&lt;/b&gt; &amp; chậm"
    )


def test_narrative_preview_cuts_after_parsing_so_no_asterisks_remain():
    assert preview_html("**Về kinh phí:** các Nhóm thiếu kinh phí", 20) == (
        "<strong>Về kinh phí:</strong> các Nh…"
    )
    assert preview_html("Ngắn", 20) == "Ngắn"


def test_report_page_shows_narrative_bold_not_asterisks(english):
    from reports.models import AnnualReport, ReportNarrative

    report = AnnualReport.objects.create(year=2025)
    ReportNarrative.objects.create(
        report=report,
        language="vi",
        section=ReportNarrative.Section.DIFFICULTIES,
        text="- **Về kinh phí:** các Nhóm thiếu kinh phí.",
    )
    body = english.get("/reports/2025/").content.decode()
    assert "- <strong>Về kinh phí:</strong> các Nhóm thiếu kinh phí." in body
    assert "**" not in body


def test_activity_and_task_text_in_english_with_vietnamese_fallback(english, group_ncb):
    from tests.factories import TaskFactory

    activity = ActivityFactory(
        working_group=group_ncb,
        description="Nội dung",
        description_en="What was done",
        outcome="Kết quả chỉ có tiếng Việt",
        outcome_en="",
    )
    body = english.get(f"/activities/{activity.pk}/").content.decode()
    assert "<dd>What was done</dd>" in body
    assert "<dd>Kết quả chỉ có tiếng Việt</dd>" in body
    task = TaskFactory(working_group=group_ncb, description="Mô tả", description_en="The plan")
    assert "<dd>The plan</dd>" in english.get(f"/tasks/{task.pk}/").content.decode()
