"""Schema-driven run: schemathesis generates requests from /api/schema/ for every operation and
sends them to the live test server over HTTP; no answer may be a 500, and every answer must
match the schema (status code, content type, body, headers)."""

import pytest
import schemathesis
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from asoen_portal.access import SECRETARIAT
from asoen_portal.api.tokens import create_api_token
from meetings.models import ChecklistItem, Meeting
from reports.models import AnnualReport, ReportRender
from tests.factories import ActivityFactory, TaskFactory, UserFactory
from working_groups.models import WorkingGroup

EXAMPLES = 20
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@pytest.fixture(scope="module")
def _committed_world(django_db_setup, django_db_blocker):
    """The seed, committed so the live server's thread sees it, plus rows every register
    lacks in the seed; flushed when the module is done so the other tests start empty."""
    with django_db_blocker.unblock():
        call_command("load_seed", verbosity=0)
        ncb = WorkingGroup.objects.get(code="AWGNCB")
        ActivityFactory.create_batch(30, working_group=ncb)
        TaskFactory.create_batch(10, working_group=ncb, year=2026)
        meeting = Meeting.objects.filter(is_hosted=True).first()
        ChecklistItem.objects.create(meeting=meeting, title="Chuẩn bị hội trường")
        report = AnnualReport.objects.get_or_create(year=2025)[0]
        ReportRender.objects.create(report=report, status=ReportRender.Status.FAILED)
        user = UserFactory(username="schemathesis", groups=[SECRETARIAT])
        _token, key = create_api_token(user=user, name="schemathesis")
        yield key
        call_command("flush", interactive=False, verbosity=0)


def _run_operation(operation, base_url, headers):
    """Hypothesis examples of one operation; the first failing one is raised."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS)

    run()


# The operations are walked by hand, not with schemathesis' pytest plugin: its lazy fixture
# loader writes pytest's private node ids, which pytest 9 no longer has.
@pytest.mark.django_db(transaction=True)
def test_api_conforms_to_its_schema(live_server, _committed_world):
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/schema/")
    headers = {"Authorization": f"Token {_committed_world}"}
    failures, operations = {}, 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        try:
            _run_operation(operation, live_server.url, headers)
        except KeyboardInterrupt:
            raise
        except BaseException as failure:  # noqa: BLE001 - hypothesis raises exception groups
            failures[operation.label] = str(failure)[:2000]

    assert operations >= 30
    assert failures == {}, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
