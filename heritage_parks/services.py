"""Writes to the programme registers: Heritage Parks, Eco-school awards, ESC award rounds and
the Vietnamese cities they went to. Only the secretariat keeps these registers."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser as User

from asoen_portal.registers import save_register_record
from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark


def create_heritage_park(*, by: User, **fields: Any) -> HeritagePark:
    return save_register_record(record=HeritagePark(), by=by, **fields)


def update_heritage_park(*, park: HeritagePark, by: User, **fields: Any) -> HeritagePark:
    return save_register_record(record=park, by=by, **fields)


def record_eco_school_award(*, by: User, **fields: Any) -> EcoSchoolAward:
    return save_register_record(record=EcoSchoolAward(), by=by, **fields)


def update_eco_school_award(*, award: EcoSchoolAward, by: User, **fields: Any) -> EcoSchoolAward:
    return save_register_record(record=award, by=by, **fields)


def create_esc_round(*, by: User, **fields: Any) -> EscAwardRound:
    return save_register_record(record=EscAwardRound(), by=by, **fields)


def update_esc_round(*, esc_round: EscAwardRound, by: User, **fields: Any) -> EscAwardRound:
    return save_register_record(record=esc_round, by=by, **fields)


def add_esc_award(*, esc_round: EscAwardRound, by: User, **fields: Any) -> EscAward:
    return save_register_record(record=EscAward(round=esc_round), by=by, **fields)


def update_esc_award(*, award: EscAward, by: User, **fields: Any) -> EscAward:
    return save_register_record(record=award, by=by, **fields)
