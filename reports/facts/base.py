"""The fact types and the plain data records are copied into.

A fact is what the report tells once: "Vietnam attended AMME 18", "Resolution 276/NQ-CP
approved the ACCC agreement", "three parks were recognised". Its `key` is its identity; every
record that points at the same thing (an activity and the register row it links to) ends up
in one fact, the activity adding its own words (`activity`). Facts hold only JSON data, with
each text in both languages (`{"vi": ..., "en": ...}`), so an approved report's facts can be
stored as they were and worded again, in either language, years later.
"""

from dataclasses import asdict, dataclass, field
from enum import StrEnum


class FactKind(StrEnum):
    MEETING_ATTENDED = "meeting_attended"
    MEETING_HOSTED = "meeting_hosted"  # hosted and held
    DELEGATIONS = "delegations"  # how many held meetings Vietnam sent a delegation to
    DOCUMENTS_COMMENTED = "documents_commented"
    INSTRUMENT_APPROVED = "instrument_approved"  # the Government approved an agreement
    INSTRUMENT_ISSUED = "instrument_issued"
    PARKS_RECOGNISED = "parks_recognised"
    ESC_AWARD = "esc_award_received"
    ECO_SCHOOL_AWARD = "eco_school_award"
    PROJECTS_CONTINUED = "projects_continued"
    ACTIVITY = "activity"  # logged work that is none of the above
    TASK_DONE = "task_done"
    TASK_IN_PROGRESS = "task_in_progress"
    TASK_PLANNED = "task_planned"
    MEETING_PLANNED = "meeting_planned"
    PARTNERS_PRIORITY = "partners_priority"


@dataclass
class Fact:
    kind: str
    key: str
    theme: str = ""
    order: int = 100
    group: str = ""  # working group code: highlights are grouped by it
    data: dict = field(default_factory=dict)
    activity: dict | None = None  # the secretariat's own words, when an activity logs it

    @classmethod
    def from_dict(cls, data: dict) -> "Fact":
        return cls(**data)


@dataclass
class YearFacts:
    """Everything the report of `year` says that is drawn from records (sections II, III.2
    and the annex), plus the working groups' names used for the highlights' lead-ins."""

    year: int
    results: list[Fact] = field(default_factory=list)
    plans: list[Fact] = field(default_factory=list)
    groups: dict = field(default_factory=dict)  # code -> {"name": bi, "order": int}
    annex: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "YearFacts":
        return cls(
            year=data["year"],
            results=[Fact.from_dict(f) for f in data["results"]],
            plans=[Fact.from_dict(f) for f in data["plans"]],
            groups=data["groups"],
            annex=data["annex"],
        )

    def keys(self) -> list[str]:
        return [fact.key for fact in self.results + self.plans]


def bi(vi, en=""):
    """A text in both languages; the English may be empty (writers fall back to Vietnamese)."""
    return {"vi": (vi or "").strip(), "en": (en or "").strip()}


def iso(day):
    return day.isoformat() if day else None


def meeting_key(meeting) -> str:
    return f"meeting:{meeting.short_name}"


def meeting_data(meeting) -> dict:
    series = meeting.series
    group = series.working_group
    return {
        "key": meeting_key(meeting),
        "title": bi(meeting.title, meeting.title_en),
        "series_name": bi(series.name, series.name_en),
        "series_kind": series.kind,
        "group": group.code if group else "",
        "group_order": group.order if group else 999,
        "series_code": series.code,
        "number": meeting.number,
        "year": meeting.year,
        "month": meeting.month,
        "end_month": meeting.end_month,
        "start": iso(meeting.start_date),
        "end": iso(meeting.end_date),
        "city": bi(meeting.city, meeting.city_en),
        "country": meeting.country,
        "is_hosted": meeting.is_hosted,
        "status": meeting.status,
        "outcome": bi(meeting.outcome),
    }


def instrument_data(instrument) -> dict:
    return {
        "number": instrument.number,
        "kind": instrument.kind,
        "issued_on": iso(instrument.issued_on),
        "issuer": bi(instrument.issuer, instrument.issuer_en),
        "title": bi(instrument.title, instrument.title_en),
        "approves": bi(instrument.approves, instrument.approves_en),
    }


def partner_data(partner) -> dict:
    return {"code": partner.code, "name": bi(partner.name, partner.name_en)}


def project_data(project) -> dict:
    return {
        "code": project.code,
        "title": bi(project.title, project.title_en),
        "donors": [partner_data(p) for p in project.donors.all() if p.pk != project.channel_id],
        "channel": partner_data(project.channel) if project.channel_id else None,
    }


def document_data(document) -> dict:
    return {"code": document.code, "title": bi(document.title, document.title_en)}


def activity_data(activity) -> dict:
    return {
        "id": activity.pk,
        "kind": activity.kind,
        "title": bi(activity.title, activity.title_en),
        "description": bi(activity.description, activity.description_en),
        "outcome": bi(activity.outcome, activity.outcome_en),
        "date_precision": activity.date_precision,
        "start": iso(activity.start_date),
        "end": iso(activity.end_date),
        "city": bi(activity.city),
        "country": activity.country,
        "instruments": [instrument_data(i) for i in activity.instruments.all()],
        "documents": [document_data(d) for d in activity.documents.all()],
        "projects": [project_data(p) for p in activity.projects.all()],
    }


def task_data(task) -> dict:
    return {
        "id": task.pk,
        "title": bi(task.title, task.title_en),
        "description": bi(task.description, task.description_en),
        "status": task.status,
        "report_section": task.report_section.strip(),
        "theme": task.theme,
    }
