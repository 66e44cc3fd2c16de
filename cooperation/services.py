"""Writes to the cooperation registers: legal instruments, ASEAN documents, partners and
partner projects. Only the secretariat keeps these registers."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from asoen_portal.access import is_secretariat
from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject


def ensure_secretariat(user):
    if not is_secretariat(user):
        raise PermissionDenied


def _save(instance, fields, by):
    ensure_secretariat(by)
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return instance


def register_instrument(*, by, **fields):
    return _save(LegalInstrument(), fields, by)


def update_instrument(*, instrument, by, **fields):
    return _save(instrument, fields, by)


def register_asean_document(*, by, **fields):
    return _save(AseanDocument(), fields, by)


def update_asean_document(*, document, by, **fields):
    return _save(document, fields, by)


def register_partner(*, by, **fields):
    return _save(Partner(), fields, by)


def update_partner(*, partner, by, **fields):
    return _save(partner, fields, by)


@transaction.atomic
def register_project(*, by, donors, **fields):
    project = _save(PartnerProject(), fields, by)
    project.donors.set(donors)
    return project


@transaction.atomic
def update_project(*, project, by, donors, **fields):
    project = _save(project, fields, by)
    project.donors.set(donors)
    return project
