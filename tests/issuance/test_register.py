"""The document register: numbers per year and kind, taken at approval, unique by a database
constraint even under two concurrent approvals, printed in the PDF's "Số" line."""

import datetime
import threading
import time

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from issuance.models import DocumentKind, IssuedNumber
from issuance.register import number_report, take_next_number
from reports.jobs import build_report_bytes
from reports.models import AnnualReport
from reports.services import approve_report, submit_report
from tests.reports.conftest import pdf_text

pytestmark = pytest.mark.django_db

VIETNAM = datetime.timezone(datetime.timedelta(hours=7))


def submitted_report(year, secretariat_user, **fields):
    report = AnnualReport.objects.create(
        year=year, signer_name="Lê Công Thành", signer_title="Chủ tịch ASOEN Việt Nam", **fields
    )
    return submit_report(report=report, by=secretariat_user)


def test_approval_takes_number_01_and_the_pdf_prints_it(secretariat_user, leadership_user):
    report = submitted_report(2025, secretariat_user)
    assert "01/BC-ASOEN" not in pdf_text(build_report_bytes(report=report, language="vi"))

    approve_report(report=report, by=leadership_user)

    report.refresh_from_db()
    number = IssuedNumber.objects.get()
    assert report.number_symbol == number.symbol == "01/BC-ASOEN"
    assert (number.year, number.kind, number.sequence) == (timezone.localdate().year, "BC", 1)
    assert number.summary == ("Báo cáo tổng kết công tác năm 2025, định hướng công tác năm 2026")
    assert (number.signer_name, number.issued_by) == ("Lê Công Thành", leadership_user)
    assert report.history.first().number_symbol == "01/BC-ASOEN"
    # -layout keeps the heading's two columns apart, so the number line reads whole.
    text = pdf_text(build_report_bytes(report=report, language="vi"), "-layout")
    assert "Số: 01/BC-ASOEN" in text
    english = pdf_text(build_report_bytes(report=report, language="en"), "-layout")
    assert "No.: 01/BC-ASOEN" in english


def test_numbers_run_in_sequence_with_two_digits_under_ten():
    issued_on = datetime.date(2026, 3, 2)
    numbers = [
        take_next_number(kind=DocumentKind.REPORT, issued_on=issued_on, summary=f"Báo cáo {n}")
        for n in range(1, 151)
    ]
    symbols = [number.symbol for number in numbers]
    assert symbols[:3] == ["01/BC-ASOEN", "02/BC-ASOEN", "03/BC-ASOEN"]
    assert symbols[8:11] == ["09/BC-ASOEN", "10/BC-ASOEN", "11/BC-ASOEN"]
    assert symbols[-1] == "150/BC-ASOEN"
    assert len(set(symbols)) == 150


def test_each_kind_has_its_own_sequence():
    issued_on = datetime.date(2026, 5, 4)
    take_next_number(kind=DocumentKind.REPORT, issued_on=issued_on, summary="a")
    take_next_number(kind=DocumentKind.REPORT, issued_on=issued_on, summary="b")
    letter = take_next_number(kind=DocumentKind.OFFICIAL_LETTER, issued_on=issued_on, summary="c")
    assert letter.symbol == "01/CV-ASOEN"


def test_numbering_restarts_on_1_january_vietnam_time(secretariat_user, leadership_user):
    for year in (2024, 2025):
        report = submitted_report(year, secretariat_user)
        # 31/12/2025 16:30 UTC is still 23:30 on 31 December in Hà Nội.
        report.approved_at = datetime.datetime(2025, 12, 31, 16, 30, tzinfo=datetime.UTC)
        number_report(report=report, by=leadership_user)
    report_2026 = submitted_report(2026, secretariat_user)
    # 31/12/2025 17:30 UTC is 00:30 on 1 January 2026 in Hà Nội: a new register year.
    report_2026.approved_at = datetime.datetime(2025, 12, 31, 17, 30, tzinfo=datetime.UTC)
    number = number_report(report=report_2026, by=leadership_user)
    assert (number.year, number.symbol, number.issued_on) == (
        2026,
        "01/BC-ASOEN",
        datetime.date(2026, 1, 1),
    )
    assert list(IssuedNumber.objects.filter(year=2025).values_list("sequence", flat=True)) == [
        2,
        1,
    ]


def test_a_report_keeps_its_number_when_numbered_again(secretariat_user, leadership_user):
    report = submitted_report(2025, secretariat_user)
    first = number_report(report=report, by=leadership_user)
    assert number_report(report=report, by=leadership_user) == first
    assert IssuedNumber.objects.count() == 1


def test_the_database_refuses_a_duplicate_number():
    fields = {"year": 2026, "kind": "BC", "issued_on": datetime.date(2026, 1, 5), "summary": "x"}
    IssuedNumber.objects.create(sequence=7, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        IssuedNumber.objects.create(sequence=7, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        IssuedNumber.objects.create(sequence=0, **fields)


def test_a_failed_approval_takes_no_number(secretariat_user, leadership_user, monkeypatch):
    report = submitted_report(2025, secretariat_user)

    def broken_save(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(AnnualReport, "save", broken_save)
    with pytest.raises(RuntimeError):
        approve_report(report=report, by=leadership_user)
    assert IssuedNumber.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_approvals_take_distinct_numbers(secretariat_user, leadership_user):
    """Two connections approve at once: the first holds its transaction open after taking 01;
    the second reads the same last number, its insert waits on the unique index (seen in
    pg_stat_activity), fails when the first commits, and takes 02."""
    if connection.vendor != "postgresql":
        pytest.skip("the race is between two PostgreSQL connections")
    reports = [submitted_report(year, secretariat_user) for year in (2025, 2026)]
    first_numbered, release_first = threading.Event(), threading.Event()
    errors = []

    def approve(report, before_commit=None):
        try:
            with transaction.atomic():
                approve_report(report=AnnualReport.objects.get(pk=report.pk), by=leadership_user)
                if before_commit:
                    before_commit()
        except Exception as exc:  # reported by the main thread's assert
            errors.append(exc)
        finally:
            connection.close()

    def hold_open():
        first_numbered.set()
        release_first.wait(20)

    first = threading.Thread(target=approve, args=(reports[0], hold_open))
    second = threading.Thread(target=approve, args=(reports[1],))
    first.start()
    assert first_numbered.wait(20)
    second.start()
    assert _a_backend_waits_on_a_lock(), "the second approval never waited on the first"
    release_first.set()
    first.join(20)
    second.join(20)

    assert errors == []
    numbers = dict(IssuedNumber.objects.values_list("report__year", "sequence"))
    assert numbers == {2025: 1, 2026: 2}
    assert sorted(AnnualReport.objects.values_list("number_symbol", flat=True)) == [
        "01/BC-ASOEN",
        "02/BC-ASOEN",
    ]


def _a_backend_waits_on_a_lock(seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "select count(*) from pg_stat_activity "
                "where datname = current_database() and wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.05)
    return False
