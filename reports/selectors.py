"""The records of year Y (and the plans for Y+1) that the annual report is built from.

`gather_records(year)` runs a fixed number of queries whatever the year's size and returns
model instances; `sections.py` words them. Which records an activity links to is worked out
here, so every record appears once in the report: with the activity that logs it, or else in
the block for its kind.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

# A year with more activities than this gets highlights in section II and a compact annex
# listing every activity: 2,000 activities as paragraphs would be a 300-page report no
# official reads. Highlights are the activities the secretariat ordered (report_order below
# the default).
COMPACT_THRESHOLD = 80
DEFAULT_REPORT_ORDER = 100


@dataclass
class YearRecords:
    year: int
    activities: list = field(default_factory=list)
    annex_activities: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    next_meetings: list = field(default_factory=list)
    instruments: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    parks: list = field(default_factory=list)
    eco_awards: list = field(default_factory=list)
    esc_rounds: list = field(default_factory=list)
    lead_terms: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    priority_partners: list = field(default_factory=list)
    programmes: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    linked_meeting_ids: set = field(default_factory=set)
    linked_instrument_ids: set = field(default_factory=set)
    linked_document_ids: set = field(default_factory=set)
    linked_project_ids: set = field(default_factory=set)
    linked_programme_ids: set = field(default_factory=set)
    total_activities: int = 0

    @property
    def next_year(self):
        return self.year + 1

    def annex_rows(self):
        from reports.content import AnnexRow
        from reports.phrases import activity_place

        return [
            AnnexRow(
                date=activity.start_date.strftime("%d/%m/%Y"),
                group=activity.working_group.code if activity.working_group_id else "ASOEN",
                title=_pick_title(activity),
                place=activity_place(activity),
            )
            for activity in self.annex_activities
        ]


def _pick_title(activity):
    from reports.wording import pick

    return pick(activity.title, activity.title_en)


def gather_records(year):
    from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject
    from heritage_parks.models import (
        EcoSchoolAward,
        EscAward,
        EscAwardRound,
        HeritagePark,
        Programme,
    )
    from meetings.models import Meeting
    from working_groups.models import Activity, RegionalLeadTerm, Task, WorkingGroup

    records = YearRecords(year=year)
    activities = list(
        Activity.objects.filter(start_date__year=year)
        .select_related("working_group", "meeting__series__working_group")
        .prefetch_related(
            "instruments",
            "documents__meeting__series",
            "projects__donors",
            "projects__channel",
            "programmes",
        )
        .order_by("report_order", "start_date", "id")
    )
    records.total_activities = len(activities)
    if len(activities) > COMPACT_THRESHOLD:
        records.annex_activities = sorted(activities, key=lambda a: (a.start_date, a.id))
        activities = [a for a in activities if a.report_order < DEFAULT_REPORT_ORDER]
    records.activities = activities
    for activity in activities:
        if activity.meeting_id:
            records.linked_meeting_ids.add(activity.meeting_id)
        records.linked_instrument_ids.update(i.pk for i in activity.instruments.all())
        records.linked_document_ids.update(d.pk for d in activity.documents.all())
        records.linked_project_ids.update(p.pk for p in activity.projects.all())
        records.linked_programme_ids.update(p.pk for p in activity.programmes.all())

    meetings = Meeting.objects.select_related("series__working_group").exclude(
        status__in=[Meeting.Status.CANCELLED, Meeting.Status.POSTPONED]
    )
    records.meetings = list(meetings.filter(year=year))
    records.next_meetings = list(meetings.filter(year=year + 1))
    records.instruments = list(
        LegalInstrument.objects.filter(issued_on__year=year).order_by("issued_on", "number")
    )
    records.documents = list(
        AseanDocument.objects.filter(year=year)
        .exclude(status=AseanDocument.Status.PLANNED)
        .select_related("partner", "meeting__series", "working_group")
        .order_by("meeting__start_date", "code")
    )
    records.parks = list(
        HeritagePark.objects.filter(year_recognised=year)
        .select_related("certificate_meeting__series")
        .order_by("name")
    )
    records.eco_awards = list(EcoSchoolAward.objects.filter(year=year).order_by("school"))
    records.esc_rounds = list(
        EscAwardRound.objects.filter(year=year)
        .select_related("presented_at__series")
        .prefetch_related(Prefetch("awards", queryset=EscAward.objects.order_by("city")))
        .order_by("kind", "edition")
    )
    records.lead_terms = list(
        RegionalLeadTerm.objects.filter(Q(end_year=year) | Q(start_year=year))
        .select_related("working_group")
        .order_by("start_year")
    )
    records.projects = list(
        PartnerProject.objects.exclude(status=PartnerProject.Status.PLANNED)
        .filter(Q(start_year__isnull=True) | Q(start_year__lte=year))
        .filter(Q(end_year__isnull=True) | Q(end_year__gte=year))
        .select_related("channel")
        .prefetch_related("donors")
        .order_by("code")
    )
    records.tasks = list(
        # Tasks without a report section are a group's own work plan, not the report's.
        Task.objects.filter(year=year + 1)
        .exclude(status=Task.Status.CANCELLED)
        .exclude(report_section="")
        .select_related("meeting__series", "working_group")
        .order_by("report_section", "report_order", "id")
    )
    records.priority_partners = list(
        Partner.objects.filter(is_priority=True)
        .filter(Q(priority_year__isnull=True) | Q(priority_year=year + 1))
        .order_by("code")
    )
    records.programmes = list(Programme.objects.select_related("working_group"))
    records.groups = list(WorkingGroup.objects.all())
    return records
