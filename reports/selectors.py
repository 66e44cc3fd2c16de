"""The records of year Y (and the plans for Y+1) that the annual report is built from.

`gather_records(year)` runs a fixed number of queries whatever the year's size and returns
model instances. `facts.py` turns them into facts (each once, with an identity); nothing here
words anything.
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
    projects: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    year_tasks: list = field(default_factory=list)
    priority_partners: list = field(default_factory=list)
    programmes: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    total_activities: int = 0
    # Meetings of Y that Vietnam attended and that were held, and their delegations' figures.
    delegations: dict = field(default_factory=dict)

    @property
    def next_year(self) -> int:
        return self.year + 1


def gather_records(year: int) -> YearRecords:
    from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject
    from heritage_parks.models import (
        EcoSchoolAward,
        EscAward,
        EscAwardRound,
        HeritagePark,
        Programme,
    )
    from meetings.delegations import delegation_summary
    from meetings.models import Meeting
    from working_groups.models import Activity, Task, WorkingGroup

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

    meetings = Meeting.objects.select_related("series__working_group")
    # Only what happened is a result: a meeting of Y still planned or confirmed is not one.
    held = meetings.filter(year=year, status=Meeting.Status.HELD)
    records.meetings = list(held)
    records.delegations = {
        "attended": sum(1 for meeting in records.meetings if not meeting.is_hosted),
        **delegation_summary(held.filter(is_hosted=False)),
    }
    records.next_meetings = list(
        meetings.filter(year=year + 1).exclude(
            status__in=[Meeting.Status.CANCELLED, Meeting.Status.POSTPONED]
        )
    )
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
    records.projects = list(
        PartnerProject.objects.exclude(status=PartnerProject.Status.PLANNED)
        .filter(Q(start_year__isnull=True) | Q(start_year__lte=year))
        .filter(Q(end_year__isnull=True) | Q(end_year__gte=year))
        .select_related("channel")
        .prefetch_related("donors")
        .order_by("code")
    )
    # Tasks of Y that were done or are under way are results; planned ones are not.
    records.year_tasks = list(
        Task.objects.filter(year=year, status__in=[Task.Status.DONE, Task.Status.IN_PROGRESS])
        .select_related("working_group")
        .order_by("report_order", "id")
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
