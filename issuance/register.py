"""The register of outgoing documents (Decree 30, Art. 15): taking the next number.

Uniqueness is the database's job (the `uniq_issued_number_year_kind` constraint). Two
approvals at the same instant may both read the same last number; the second insert then
waits on the unique index until the first commits and fails, and we read again and take the
next one. No lock table, no check in Python that a race could slip past.
"""

import logging

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from issuance.models import DocumentKind, IssuedNumber

logger = logging.getLogger(__name__)

# Each retry follows a commit by a competing approval, so this bounds concurrent approvals of
# the same kind in the same second, not the register's size.
MAX_ATTEMPTS = 20


def take_next_number(
    *,
    kind: str,
    issued_on,
    summary: str,
    signer_name: str = "",
    signer_title: str = "",
    report=None,
    by=None,
) -> IssuedNumber:
    """Insert the next number of `issued_on`'s year for `kind` and return it."""
    year = issued_on.year
    for attempt in range(1, MAX_ATTEMPTS + 1):
        last = IssuedNumber.objects.filter(year=year, kind=kind).aggregate(last=Max("sequence"))
        try:
            with transaction.atomic():  # a savepoint: the caller's transaction survives a clash
                return IssuedNumber.objects.create(
                    year=year,
                    kind=kind,
                    sequence=(last["last"] or 0) + 1,
                    issued_on=issued_on,
                    summary=summary[:500],
                    signer_name=signer_name,
                    signer_title=signer_title,
                    report=report,
                    issued_by=by,
                )
        except IntegrityError:
            if report is not None and IssuedNumber.objects.filter(report=report).exists():
                raise  # the same report numbered twice is a bug, not a race to retry
            logger.info(
                "Register %s/%s: number taken concurrently (attempt %s)", kind, year, attempt
            )
    raise IntegrityError(f"No free number for {kind} {year} after {MAX_ATTEMPTS} attempts")


def number_report(*, report, by) -> IssuedNumber:
    """The approval hook: give `report` its register number (once) and put it in the report's
    "Số" field, which the PDF prints. Call inside the approval's transaction, before saving."""
    existing = IssuedNumber.objects.filter(report=report).first()
    if existing is None:
        issued_on = timezone.localdate(report.approved_at or timezone.now())
        existing = take_next_number(
            kind=DocumentKind.REPORT,
            issued_on=issued_on,
            summary=_report_summary(report),
            signer_name=report.signer_name,
            signer_title=report.signer_title,
            report=report,
            by=by,
        )
    report.number_symbol = existing.symbol
    return existing


def _report_summary(report) -> str:
    """The register's summary line is Vietnamese whatever language the approver reads in."""
    from django.utils import translation

    with translation.override("vi"):
        return str(
            _("Báo cáo tổng kết công tác năm {year}, định hướng công tác năm {next_year}")
        ).format(year=report.year, next_year=report.year + 1)
