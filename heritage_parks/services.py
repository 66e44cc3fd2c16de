"""Writes to the programme registers: Heritage Parks, Eco-school awards, ESC award rounds and
the Vietnamese cities they went to. Only the secretariat keeps these registers."""

from django.core.exceptions import PermissionDenied

from asoen_portal.access import is_secretariat
from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark


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


def create_heritage_park(*, by, **fields):
    return _save(HeritagePark(), fields, by)


def update_heritage_park(*, park, by, **fields):
    return _save(park, fields, by)


def record_eco_school_award(*, by, **fields):
    return _save(EcoSchoolAward(), fields, by)


def update_eco_school_award(*, award, by, **fields):
    return _save(award, fields, by)


def create_esc_round(*, by, **fields):
    return _save(EscAwardRound(), fields, by)


def update_esc_round(*, esc_round, by, **fields):
    return _save(esc_round, fields, by)


def add_esc_award(*, esc_round, by, **fields):
    return _save(EscAward(round=esc_round), fields, by)


def update_esc_award(*, award, by, **fields):
    return _save(award, fields, by)
