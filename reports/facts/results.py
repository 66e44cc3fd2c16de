"""The facts of section II (results of year Y): only what the records show happened.

Activities come first, in the secretariat's order: each becomes the fact its links say it is
(a meeting, documents, an instrument, an award...) and claims that fact's key. Register rows
(meetings held, instruments issued, parks, awards, documents, projects, tasks) then add the
facts no activity has claimed. A key is told once, so an activity linked to a park and the park
record are one fact.
"""

from reports.facts.base import (
    Fact,
    FactKind,
    activity_data,
    bi,
    document_data,
    instrument_data,
    meeting_data,
    meeting_key,
    project_data,
    task_data,
)

# Fixed positions of register facts among the activities of a theme (activities are ordered
# by report_order, default 100), so the secretariat can put an activity before or after them.
ORDER_DOCUMENTS = 10
ORDER_INSTRUMENTS = 20
ORDER_HIGH_LEVEL = 30
ORDER_GROUP_MEETINGS = 40
ORDER_OTHER_MEETINGS = 50
ORDER_DELEGATIONS = 55  # the meetings attended, counted, after the bullets that name them
ORDER_HOSTED = 60
ORDER_PROGRAMMES = 70
ORDER_PROJECTS = 20
ORDER_TASKS = 80


def programme_kind(programme) -> str:
    """Which award programme a Programme row is, from its code (AHP, ESC, eco-schools)."""
    code = programme.code.upper()
    if "AHP" in code or "HERITAGE" in code:
        return "heritage"
    if "ECO" in code or code in {"AES", "AESA"}:
        return "eco"
    if "ESC" in code:
        return "esc"
    return ""


def _activity_fact(activity, records) -> Fact | None:
    """The fact an activity tells, or None when it is no result (its meeting not held)."""
    group = activity.working_group.code if activity.working_group_id else ""
    fact = Fact(
        kind=FactKind.ACTIVITY,
        key=f"activity:{activity.pk}",
        theme=activity.theme,
        order=activity.report_order,
        group=group,
        activity=activity_data(activity),
    )
    programmes = {programme_kind(p) for p in activity.programmes.all()}
    meeting = activity.meeting
    if meeting is not None and meeting.status != meeting.Status.HELD:
        return None  # readiness lists it: the meeting must be marked held first
    if meeting is not None:
        fact.data["meeting"] = meeting_data(meeting)
    instruments = list(activity.instruments.all())
    documents = list(activity.documents.all())
    if instruments:
        first = instruments[0]
        fact.kind = FactKind.INSTRUMENT_APPROVED if first.approves else FactKind.INSTRUMENT_ISSUED
        fact.key = f"instrument:{first.number}"
        fact.data["also"] = [f"instrument:{i.number}" for i in instruments[1:]]
    elif activity.kind == "award" and "heritage" in programmes:
        fact.kind, fact.key = FactKind.PARKS_RECOGNISED, f"parks:{activity.start_date.year}"
        fact.data["parks"] = [bi(p.name, p.name_en) for p in records.parks]
    elif activity.kind == "award" and "esc" in programmes:
        fact.kind, fact.key = FactKind.ESC_AWARD, f"esc:{activity.start_date.year}"
        rounds = [_esc_fact(r, {}) for r in records.esc_rounds]
        fact.data["rounds"] = [r.data for r in rounds]
        fact.data["also"] = [r.key for r in rounds]
    elif activity.kind == "award" and "eco" in programmes:
        fact.kind, fact.key = FactKind.ECO_SCHOOL_AWARD, f"eco_award:{activity.start_date.year}"
    elif meeting is not None and (activity.kind.startswith("meeting_") or not documents):
        fact.kind = FactKind.MEETING_HOSTED if meeting.is_hosted else FactKind.MEETING_ATTENDED
        fact.key = meeting_key(meeting)
        fact.data["also"] = [f"document:{d.code}" for d in documents]
        if meeting.is_hosted:
            fact.data["parks_certified"] = _certified(records, meeting)
    elif documents:
        fact.kind = FactKind.DOCUMENTS_COMMENTED
        fact.key = "documents:" + ",".join(sorted(d.code for d in documents))
        fact.data["also"] = [f"document:{d.code}" for d in documents]
        if meeting is not None:
            fact.data["also"].append(meeting_key(meeting))
    elif projects := list(activity.projects.all()):
        fact.kind = FactKind.PROJECTS_CONTINUED
        fact.key = "projects:" + ",".join(sorted(p.code for p in projects))
        fact.data["also"] = [f"project:{p.code}" for p in projects]
    return fact


def _certified(records, meeting) -> int:
    return sum(1 for p in records.parks if p.certificate_meeting_id == meeting.pk)


def result_facts(records, programme_group: dict) -> list[Fact]:
    facts: list[Fact] = []
    told: set[str] = set()

    def add(fact):
        if fact.key in told:
            return
        told.add(fact.key)
        told.update(fact.data.get("also", []))
        facts.append(fact)

    for activity in records.activities:
        if not activity.theme:
            continue  # readiness lists it; the annex still shows it
        fact = _activity_fact(activity, records)
        if fact is not None:
            add(fact)

    for instrument in records.instruments:
        kind = FactKind.INSTRUMENT_APPROVED if instrument.approves else FactKind.INSTRUMENT_ISSUED
        theme = "voice" if instrument.approves else "organisation"
        add(
            Fact(
                kind=kind,
                key=f"instrument:{instrument.number}",
                theme=theme,
                order=ORDER_INSTRUMENTS,
                data={"instruments": [instrument_data(instrument)]},
            )
        )
    _document_facts(records, add, told)
    _meeting_facts(records, add, programme_group)
    if records.delegations.get("attended"):
        add(_delegations_fact(records))
    if records.parks:
        add(
            Fact(
                kind=FactKind.PARKS_RECOGNISED,
                key=f"parks:{records.year}",
                theme="voice",
                order=ORDER_PROGRAMMES,
                group=programme_group.get("heritage", ""),
                data={"parks": [bi(p.name, p.name_en) for p in records.parks]},
            )
        )
    if records.esc_rounds and f"esc:{records.year}" not in told:
        for round_ in records.esc_rounds:
            add(_esc_fact(round_, programme_group))
    if f"eco_award:{records.year}" not in told:
        for award in records.eco_awards:
            add(
                Fact(
                    kind=FactKind.ECO_SCHOOL_AWARD,
                    key=f"eco_award:{award.year}",
                    theme="voice",
                    order=ORDER_PROGRAMMES,
                    group=programme_group.get("eco", ""),
                    data={
                        "year": award.year,
                        "theme": bi(award.theme, award.theme_en),
                        "school": award.school,
                        "province": award.province,
                        "sponsor": award.sponsor,
                    },
                )
            )
    projects = [p for p in records.projects if f"project:{p.code}" not in told]
    if projects:
        add(
            Fact(
                kind=FactKind.PROJECTS_CONTINUED,
                key="projects:" + ",".join(sorted(p.code for p in projects)),
                theme="partners",
                order=ORDER_PROJECTS,
                data={"projects": [project_data(p) for p in projects]},
            )
        )
    _task_facts(records, add)
    return facts


def _document_facts(records, add, told):
    pending = [d for d in records.documents if f"document:{d.code}" not in told]
    by_meeting: dict = {}
    frameworks = []
    for document in pending:
        if document.partner_id or document.kind == "framework":
            frameworks.append(document)
        elif document.working_group_id:
            add(
                Fact(
                    kind=FactKind.DOCUMENTS_COMMENTED,
                    key=f"document:{document.code}",
                    theme="voice",
                    order=ORDER_DOCUMENTS,
                    group=document.working_group.code,
                    data={"documents": [document_data(document)], "drafted": True},
                )
            )
        else:
            by_meeting.setdefault(document.meeting, []).append(document)
    for meeting, documents in by_meeting.items():
        also = [f"document:{d.code}" for d in documents]
        data = {"documents": [document_data(d) for d in documents], "also": also}
        if meeting is not None:
            data["meeting"] = meeting_data(meeting)
            also.append(meeting_key(meeting))
        add(
            Fact(
                kind=FactKind.DOCUMENTS_COMMENTED,
                key="documents:" + ",".join(sorted(d.code for d in documents)),
                theme="voice",
                order=ORDER_DOCUMENTS,
                data=data,
            )
        )
    if frameworks:
        add(
            Fact(
                kind=FactKind.DOCUMENTS_COMMENTED,
                key="documents:" + ",".join(sorted(d.code for d in frameworks)),
                theme="partners",
                order=ORDER_DOCUMENTS,
                data={
                    "documents": [document_data(d) for d in frameworks],
                    "with_partners": True,
                    "also": [f"document:{d.code}" for d in frameworks],
                },
            )
        )


def _meeting_facts(records, add, programme_group):
    for meeting in records.meetings:  # held only (selectors)
        data = {"meeting": meeting_data(meeting)}
        group = meeting.series.working_group.code if meeting.series.working_group else ""
        if meeting.is_hosted:
            if not group and meeting.series.kind == "heritage":
                group = programme_group.get("heritage", "")
            data["parks_certified"] = _certified(records, meeting)
            kind, order = FactKind.MEETING_HOSTED, ORDER_HOSTED
        else:
            kind = FactKind.MEETING_ATTENDED
            order = {
                "working_group": ORDER_GROUP_MEETINGS,
                "summit": ORDER_HIGH_LEVEL,
                "ministerial": ORDER_HIGH_LEVEL,
                "senior_officials": ORDER_HIGH_LEVEL,
                "haze": ORDER_HIGH_LEVEL,
            }.get(meeting.series.kind, ORDER_OTHER_MEETINGS)
        add(
            Fact(
                kind=kind,
                key=meeting_key(meeting),
                theme="voice",
                order=order,
                group=group,
                data=data,
            )
        )


def _delegations_fact(records) -> Fact:
    """The held meetings Vietnam attended, counted, and the delegates a partner paid for.

    `partner_funded` is None when no delegate of those meetings is recorded: a delegation
    list that was never typed in is not "nobody was funded", so the writer says nothing."""
    figures = records.delegations
    return Fact(
        kind=FactKind.DELEGATIONS,
        key=f"delegations:{records.year}",
        theme="voice",
        order=ORDER_DELEGATIONS,
        data={
            "meetings": figures["attended"],
            "delegates": figures["delegates"],
            "partner_funded": figures["partner_funded"] if figures["delegates"] else None,
        },
    )


def _esc_fact(round_, programme_group) -> Fact:
    awards = [
        {
            "city": bi(a.city, a.city_en),
            "province": a.province,
            "category": a.category,
        }
        for a in round_.awards.all()
    ]
    return Fact(
        kind=FactKind.ESC_AWARD,
        key=f"esc_round:{round_.kind}:{round_.edition}",
        theme="voice",
        order=ORDER_PROGRAMMES,
        group=programme_group.get("esc", ""),
        data={
            "round_kind": round_.kind,
            "edition": round_.edition,
            "regional_recipients": round_.regional_recipients,
            "categories": bi(round_.categories, round_.categories_en),
            "awards": awards,
            "presented_at": meeting_data(round_.presented_at) if round_.presented_at_id else None,
        },
    )


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("“", '"').replace("”", '"').split())


def _task_facts(records, add):
    """Tasks of Y done or under way, unless an activity of Y already tells the same work
    (the activity "Tiếp tục triển khai Nhiệm vụ “Kết nối…” năm 2025" is the task "Nhiệm vụ
    “Kết nối…”": tasks and activities have no link, so the title is the identity)."""
    logged = [_normal(a.title) for a in records.activities]
    for task in records.year_tasks:
        title = _normal(task.title)
        if any(title in text for text in logged):
            continue
        kind = FactKind.TASK_DONE if task.status == "done" else FactKind.TASK_IN_PROGRESS
        add(
            Fact(
                kind=kind,
                key=f"task:{task.pk}",
                theme=task.theme or "organisation",
                order=ORDER_TASKS + task.report_order % 100,
                group=task.working_group.code if task.working_group_id else "",
                data={"task": task_data(task)},
            )
        )
