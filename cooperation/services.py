"""Writes to the cooperation registers: legal instruments, ASEAN documents, partners and
partner projects. Only the secretariat keeps these registers."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser as User
from django.db import transaction

from asoen_portal.registers import save_register_record
from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject


def register_instrument(*, by: User, **fields: Any) -> LegalInstrument:
    return save_register_record(record=LegalInstrument(), by=by, **fields)


def update_instrument(*, instrument: LegalInstrument, by: User, **fields: Any) -> LegalInstrument:
    return save_register_record(record=instrument, by=by, **fields)


def register_asean_document(*, by: User, **fields: Any) -> AseanDocument:
    return save_register_record(record=AseanDocument(), by=by, **fields)


def update_asean_document(*, document: AseanDocument, by: User, **fields: Any) -> AseanDocument:
    return save_register_record(record=document, by=by, **fields)


def register_partner(*, by: User, **fields: Any) -> Partner:
    return save_register_record(record=Partner(), by=by, **fields)


def update_partner(*, partner: Partner, by: User, **fields: Any) -> Partner:
    return save_register_record(record=partner, by=by, **fields)


@transaction.atomic
def register_project(*, by: User, donors: Iterable[Partner], **fields: Any) -> PartnerProject:
    project = save_register_record(record=PartnerProject(), by=by, **fields)
    project.donors.set(donors)
    return project


@transaction.atomic
def update_project(
    *, project: PartnerProject, by: User, donors: Iterable[Partner], **fields: Any
) -> PartnerProject:
    project = save_register_record(record=project, by=by, **fields)
    project.donors.set(donors)
    return project
