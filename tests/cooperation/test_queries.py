"""The number of SQL queries per list page stays the same with 1 row and with many."""

import pytest
from django.urls import reverse

from cooperation.models import AseanDocument
from tests.factories import (
    ActivityFactory,
    LegalInstrumentFactory,
    MeetingFactory,
    PartnerFactory,
    PartnerProjectFactory,
    WorkingGroupFactory,
)


def _instruments(count):
    for _ in range(count):
        ActivityFactory().instruments.add(LegalInstrumentFactory())


def _documents(count):
    group = WorkingGroupFactory(code="AWGCC")
    for n in range(count):
        AseanDocument.objects.create(
            code=f"DOC{n}",
            kind="joint_statement",
            title=f"Tuyên bố {n}",
            year=2025,
            status="commented",
            partner=PartnerFactory(),
            meeting=MeetingFactory(),
            working_group=group,
        )


def _partners(count):
    for _ in range(count):
        PartnerProjectFactory().donors.add(PartnerFactory())


def _projects(count):
    for _ in range(count):
        project = PartnerProjectFactory()
        project.donors.add(PartnerFactory(), PartnerFactory())


@pytest.mark.parametrize(
    ("url", "build", "queries"),
    [
        ("cooperation:instruments", _instruments, 5),
        ("cooperation:documents", _documents, 5),
        ("cooperation:partners", _partners, 5),
        ("cooperation:projects", _projects, 6),
    ],
)
@pytest.mark.parametrize("rows", [1, 15])
def test_cooperation_list_query_count(
    focal_client, django_assert_num_queries, url, build, queries, rows
):
    build(rows)
    with django_assert_num_queries(queries):
        response = focal_client.get(reverse(url))
    assert response.status_code == 200
