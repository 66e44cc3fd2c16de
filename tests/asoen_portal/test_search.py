"""The header search: every kind of record, diacritics ignored, ranked, as the lists allow."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from asoen_portal import search
from asoen_portal.kinds import KINDS, base_queryset
from cooperation.models import AseanDocument
from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark
from tests.factories import (
    ActivityFactory,
    LegalInstrumentFactory,
    MeetingFactory,
    PartnerFactory,
    PartnerProjectFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


def _hits(rows):
    return [(row["hit_kind"], row["hit_title"]) for row in rows]


@pytest.fixture
def xuan_thuy(group_ncb):
    """Records naming Xuân Thủy: three in their title, one in its description only."""
    return {
        "park": HeritagePark.objects.create(
            name="Vườn quốc gia Xuân Thủy",
            name_en="Xuan Thuy National Park",
            province="Nam Định",
            status=HeritagePark.Status.RECOGNISED,
        ),
        "task": TaskFactory(working_group=group_ncb, title="Khảo sát chim di cư ở Xuân Thủy"),
        "activity": ActivityFactory(
            working_group=group_ncb,
            title="Hội thảo đất ngập nước",
            description="Đoàn khảo sát thăm Vườn quốc gia Xuân Thủy.",
        ),
        "meeting": MeetingFactory(title="Hội nghị Ramsar tại Xuân Thủy, Nam Định"),
        "unrelated": ActivityFactory(working_group=group_ncb, title="Xuân về trên bản Thủy Sơn"),
    }


def test_search_ignores_diacritics_and_ranks_title_hits_first(xuan_thuy, secretariat_user):
    rows = search.search_records("xuan thuy", secretariat_user)

    assert _hits(rows) == [
        ("park", "Vườn quốc gia Xuân Thủy"),
        ("task", "Khảo sát chim di cư ở Xuân Thủy"),
        ("meeting", "Hội nghị Ramsar tại Xuân Thủy, Nam Định"),
        ("activity", "Xuân về trên bản Thủy Sơn"),
        ("activity", "Hội thảo đất ngập nước"),
    ]


def test_search_finds_d_with_stroke_and_accented_queries(xuan_thuy, secretariat_user):
    assert _hits(search.search_records("NAM DINH", secretariat_user)) == _hits(
        search.search_records("Nam Định", secretariat_user)
    )
    assert [kind for kind, _ in _hits(search.search_records("nam dinh", secretariat_user))] == [
        "meeting",
        "park",
    ]


def test_search_covers_every_kind(group_ncb, secretariat_user):
    word = "Phong Nha"
    ActivityFactory(working_group=group_ncb, title=f"Hoạt động {word}")
    TaskFactory(working_group=group_ncb, title=f"Nhiệm vụ {word}")
    MeetingFactory(title=f"Hội nghị {word}")
    LegalInstrumentFactory(title=f"Phê duyệt {word}")
    AseanDocument.objects.create(
        code="DOC-PN",
        kind=AseanDocument.Kind.DECLARATION,
        year=2025,
        title=f"Văn kiện {word}",
        status=AseanDocument.Status.PLANNED,
    )
    PartnerFactory(name=f"Quỹ {word}")
    PartnerProjectFactory(title=f"Dự án {word}")
    HeritagePark.objects.create(name=f"Vườn {word}", status=HeritagePark.Status.NOMINATED)
    EcoSchoolAward.objects.create(year=2024, theme="Xanh", school=f"Trường {word}")
    esc_round = EscAwardRound.objects.create(kind=EscAwardRound.Kind.AWARD, edition=1, year=2024)
    EscAward.objects.create(round=esc_round, city=f"Thành phố {word}")

    kinds = sorted(kind for kind, _ in _hits(search.search_records("phong nha", secretariat_user)))

    assert kinds == sorted(kind.code for kind in KINDS)


def test_search_page_shows_kind_title_and_link(xuan_thuy, focal_client):
    response = focal_client.get(reverse("search"), {"q": "xuan thuy"})

    assert response.status_code == 200
    hits = response.context["hits"]
    assert [(hit.kind.label, hit.title, hit.url) for hit in hits[:2]] == [
        (
            "Vườn di sản ASEAN",
            "Vườn quốc gia Xuân Thủy",
            f"/heritage-parks/{xuan_thuy['park'].pk}/",
        ),
        ("Nhiệm vụ", "Khảo sát chim di cư ở Xuân Thủy", f"/tasks/{xuan_thuy['task'].pk}/"),
    ]
    body = response.content.decode()
    assert f'<a href="/tasks/{xuan_thuy["task"].pk}/">Khảo sát chim di cư ở Xuân Thủy</a>' in body


def test_search_page_in_english_shows_english_titles_and_kinds(xuan_thuy, focal_client):
    focal_client.cookies["django_language"] = "en"
    with translation.override("en"):
        response = focal_client.get(reverse("search"), {"q": "xuan thuy"})
        first = response.context["hits"][0]
        assert (str(first.kind.label), first.title) == (
            "ASEAN Heritage Park",
            "Xuan Thuy National Park",
        )


def test_empty_query_shows_a_hint_and_no_records(xuan_thuy, secretariat_client):
    with CaptureQueriesContext(connection) as queries:
        response = secretariat_client.get(reverse("search"), {"q": "  "})

    assert response.context["page"] is None
    assert "ví dụ “xuan thuy”" in response.content.decode()
    assert not any("heritage_parks_heritagepark" in q["sql"] for q in queries.captured_queries)


def test_anonymous_is_sent_to_sign_in(anonymous_client):
    response = anonymous_client.get(reverse("search"), {"q": "xuan thuy"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "role", ["secretariat_user", "leadership_user", "focal_user", "other_focal_user"]
)
def test_every_signed_in_role_finds_what_the_lists_show(xuan_thuy, role, request):
    # Every signed-in user reads every record on the list pages, the other group's tasks too.
    user = request.getfixturevalue(role)

    assert len(search.search_records("xuan thuy", user)) == 5


def test_anonymous_user_finds_nothing(xuan_thuy):
    assert list(search.search_records("xuan thuy", AnonymousUser())) == []


def test_a_record_the_base_queryset_hides_never_appears(xuan_thuy, secretariat_user, monkeypatch):
    hidden = {"park": xuan_thuy["park"].pk, "task": xuan_thuy["task"].pk}

    def without_hidden(kind):
        queryset = base_queryset(kind)
        return queryset.exclude(pk=hidden[kind.code]) if kind.code in hidden else queryset

    monkeypatch.setattr(search, "base_queryset", without_hidden)

    assert [kind for kind, _ in _hits(search.search_records("xuan thuy", secretariat_user))] == [
        "meeting",
        "activity",
        "activity",
    ]


def test_plain_fallback_scores_title_phrase_then_title_words_then_text(xuan_thuy, secretariat_user):
    rows = search.plain_search(["xuan", "thuy"], secretariat_user)

    assert [(row["hit_kind"], row["hit_rank"]) for row in rows] == [
        ("meeting", 2.0),
        ("task", 2.0),
        ("park", 2.0),
        ("activity", 1.0),
        ("activity", 0.0),
    ]
    assert rows[4]["hit_title"] == "Hội thảo đất ngập nước"


def test_results_are_paginated(group_ncb, secretariat_client):
    for n in range(30):
        TaskFactory(working_group=group_ncb, title=f"Báo cáo đa dạng sinh học {n:02d}")

    first = secretariat_client.get(reverse("search"), {"q": "da dang sinh hoc"})
    second = secretariat_client.get(reverse("search"), {"q": "da dang sinh hoc", "page": 2})

    assert len(first.context["hits"]) == 25
    assert [hit.title for hit in second.context["hits"]] == [
        f"Báo cáo đa dạng sinh học {n:02d}" for n in range(25, 30)
    ]


def test_search_page_runs_the_same_queries_for_one_hit_and_many(group_ncb, secretariat_client):
    TaskFactory(working_group=group_ncb, title="Kiểm kê rừng ngập mặn")
    with CaptureQueriesContext(connection) as one:
        secretariat_client.get(reverse("search"), {"q": "rung ngap man"})
    for n in range(20):
        ActivityFactory(working_group=group_ncb, title=f"Trồng rừng ngập mặn {n}")
    with CaptureQueriesContext(connection) as many:
        response = secretariat_client.get(reverse("search"), {"q": "rung ngap man"})

    assert len(response.context["hits"]) == 21
    assert len(many) == len(one)


def test_like_wildcards_in_the_query_are_plain_characters(group_ncb, secretariat_user):
    TaskFactory(working_group=group_ncb, title="Đạt 50% kế hoạch trồng rừng")
    TaskFactory(working_group=group_ncb, title="Trồng 500 cây ở rừng phòng hộ")
    ActivityFactory(working_group=group_ncb, title="Giải ngân 50% vốn rừng")
    ActivityFactory(working_group=group_ncb, title="Trồng 5000 cây rừng")

    assert sorted(_hits(search.search_records("50% rung", secretariat_user))) == [
        ("activity", "Giải ngân 50% vốn rừng"),
        ("task", "Đạt 50% kế hoạch trồng rừng"),
    ]
    assert _hits(search.search_records("5_0", secretariat_user)) == []
