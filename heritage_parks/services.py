"""Writes to the programme registers: Heritage Parks, Eco-school awards, ESC award rounds and
the Vietnamese cities they went to. Only the secretariat keeps these registers."""

from asoen_portal.registers import save_register_record
from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark


def create_heritage_park(*, by, **fields):
    return save_register_record(record=HeritagePark(), by=by, **fields)


def update_heritage_park(*, park, by, **fields):
    return save_register_record(record=park, by=by, **fields)


def record_eco_school_award(*, by, **fields):
    return save_register_record(record=EcoSchoolAward(), by=by, **fields)


def update_eco_school_award(*, award, by, **fields):
    return save_register_record(record=award, by=by, **fields)


def create_esc_round(*, by, **fields):
    return save_register_record(record=EscAwardRound(), by=by, **fields)


def update_esc_round(*, esc_round, by, **fields):
    return save_register_record(record=esc_round, by=by, **fields)


def add_esc_award(*, esc_round, by, **fields):
    return save_register_record(record=EscAward(round=esc_round), by=by, **fields)


def update_esc_award(*, award, by, **fields):
    return save_register_record(record=award, by=by, **fields)
